/**
 * ../shared holds the external corpora and official schemas. Tests that need it run whenever it
 * exists (always in CI) and say plainly that they were skipped otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = process.env.SECURE_FACTORY_SHARED ?? path.resolve(REPO_ROOT, '..', 'shared');
export const HAVE_SHARED = existsSync(path.join(SHARED, 'schemas'));

export function sharedPath(...parts: string[]): string {
  return path.join(SHARED, ...parts);
}

export function readSharedJson<T = unknown>(...parts: string[]): T {
  return JSON.parse(readFileSync(sharedPath(...parts), 'utf8')) as T;
}

export function readJsonl<T = unknown>(...parts: string[]): T[] {
  return readFileSync(sharedPath(...parts), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

const warned = new Set<string>();
/**
 * `describe` that runs only with ../shared present. Without it the body is never called (a skipped
 * jest `describe` still runs its body to collect tests, and bodies here read the corpora), and one
 * skipped test names what is missing, so jest counts the suite as skipped.
 */
export function describeShared(name: string, fn: () => void): void {
  if (HAVE_SHARED) {
    describe(name, fn);
    return;
  }
  if (!warned.has(name)) {
    warned.add(name);
    process.stderr.write(`SKIPPED (no ../shared beside the repository): ${name}\n`);
  }
  describe(name, () => {
    test.skip(`needs ${SHARED} (its corpora and schemas); not present here`, () => undefined);
  });
}
