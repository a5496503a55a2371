/**
 * npm projects for the remediation tests: a local registry with a made-up `minimist` (1.2.0, 1.2.5
 * vulnerable; 1.2.6, 1.2.8 fixed), a parent that allows a fixed version (`opt-parse`, ^1.2.0), one that
 * pins the vulnerable one (`old-cli`, exactly 1.2.0), and a scoped parent. Lockfiles are made by npm
 * itself against that registry, pinned to a vulnerable version the way a project locked before the fix.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startNpmRegistry, type NpmRegistry } from '../support/npm-registry.js';

export const NPM_PACKAGES = [
  { name: 'minimist', version: '1.2.0' },
  { name: 'minimist', version: '1.2.5' },
  { name: 'minimist', version: '1.2.6' },
  { name: 'minimist', version: '1.2.8' },
  { name: 'opt-parse', version: '1.0.0', dependencies: { minimist: '^1.2.0' } },
  { name: 'old-cli', version: '1.0.0', dependencies: { minimist: '1.2.0' } },
  { name: '@acme/util', version: '2.0.0', dependencies: { minimist: '^1.2.0' } },
  { name: 'left-pad', version: '1.3.0' },
];

export const startMinimistRegistry = (): Promise<NpmRegistry> => startNpmRegistry(NPM_PACKAGES);

/** npm's environment for a test: this registry, a private cache. */
export function npmEnv(registry: NpmRegistry, cache: string): Record<string, string> {
  return { npm_config_registry: registry.url, npm_config_cache: cache, npm_config_update_notifier: 'false' };
}

/**
 * Writes package.json and lets npm lock it, with `pins` (name → version) held by a temporary override
 * and then the original package.json again: a lockfile as it was before the fix was needed.
 */
export async function lockProject(
  dir: string,
  pkg: Record<string, unknown>,
  pins: Record<string, string>,
  env: Record<string, string>,
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // Asynchronous: the registry answers from this same process.
  const npm = (): Promise<void> =>
    new Promise((resolve, reject) => {
      execFile(
        'npm',
        ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'],
        { cwd: dir, env: { ...process.env, ...env } },
        (err, _out, stderr) => (err ? reject(new Error(`npm failed: ${stderr}`)) : resolve()),
      );
    });
  const text = `${JSON.stringify(pkg, null, 2)}\n`;
  if (Object.keys(pins).length > 0) {
    // A direct dependency is pinned in its own section (npm refuses an override that contradicts it).
    const pinned: Record<string, unknown> = { ...pkg };
    const overrides: Record<string, string> = {};
    for (const [name, version] of Object.entries(pins)) {
      const section = ['dependencies', 'devDependencies', 'optionalDependencies'].find(
        (s) => typeof pkg[s] === 'object' && pkg[s] !== null && name in pkg[s],
      );
      if (section) pinned[section] = { ...(pinned[section] as object), [name]: version };
      else overrides[name] = version;
    }
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...pinned, overrides }, null, 2));
    await npm();
  }
  writeFileSync(path.join(dir, 'package.json'), text);
  await npm();
}

/** name@version of every locked instance of `name`. */
export function lockedVersions(dir: string, name: string): Record<string, string> {
  const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  return Object.fromEntries(
    Object.entries(lock.packages)
      .filter(([k]) => k === `node_modules/${name}` || k.endsWith(`/node_modules/${name}`))
      .map(([k, v]) => [k, v.version ?? '']),
  );
}
