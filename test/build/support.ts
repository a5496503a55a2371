/** Fixtures for the build tests: a real git repository with a real package-lock.json. */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Repo {
  dir: string;
  head: string;
  commitTime: number;
  git: (...args: string[]) => string;
}

function sri(content: string): string {
  return `sha512-${createHash('sha512').update(content).digest('base64')}`;
}

export function sha512Hex(content: string): string {
  return createHash('sha512').update(content).digest('hex');
}

/** The lockfile's packages: name, version, the content whose sha512 is its integrity. */
export const LOCKED = [
  { name: 'left-pad', version: '1.3.0' },
  { name: '@scope/util', version: '2.1.4' },
  { name: 'tiny-lib', version: '0.0.1' },
];

export function makeRepo(files: Record<string, string> = {}): Repo {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-build-src-'));
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'alice@example.com');
  git('config', 'user.name', 'Alice');
  git('config', 'commit.gpgsign', 'false');
  const packages: Record<string, unknown> = {
    '': { name: 'fixture', version: '1.0.0', dependencies: Object.fromEntries(LOCKED.map((p) => [p.name, p.version])) },
  };
  for (const p of LOCKED) packages[`node_modules/${p.name}`] = { version: p.version, integrity: sri(`${p.name}@${p.version}`) };
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'fixture', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', version: '1.0.0' }));
  writeFileSync(path.join(dir, 'input.txt'), 'hello from the source\n');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  git('add', '.');
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', 'first'], {
    env: { ...process.env, GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z', GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z' },
  });
  return { dir, head: git('rev-parse', 'HEAD'), commitTime: Number(git('log', '-1', '--format=%ct')), git };
}

/** A PATH folder holding only the named tools (links to the real ones). */
export function toolDir(tools: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-tools-'));
  for (const t of tools) {
    const real = execFileSync('sh', ['-c', `command -v ${t}`], { encoding: 'utf8' }).trim();
    // The real file: a relative link (node_modules/.bin/x -> ../y) would dangle in the sandbox.
    symlinkSync(realpathSync(real), path.join(dir, t));
  }
  return dir;
}
