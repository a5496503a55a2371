/** Fixtures for the build tests: a real git repository with a real package-lock.json. */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** A git repository holding a copy of one of the example projects, committed as it is. */
export function exampleRepo(name: string): Repo {
  const from = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', name);
  const dir = mkdtempSync(path.join(tmpdir(), `sf-example-${name}-`));
  cpSync(from, dir, { recursive: true, filter: (src) => !/[/\\](node_modules|dist|target|build)$/.test(src) });
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'alice@example.com');
  git('config', 'user.name', 'Alice');
  git('config', 'commit.gpgsign', 'false');
  git('add', '.');
  execFileSync('git', ['-C', dir, 'commit', '-q', '-m', name], {
    env: { ...process.env, GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z', GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z' },
  });
  return { dir, head: git('rev-parse', 'HEAD'), commitTime: Number(git('log', '-1', '--format=%ct')), git };
}

/**
 * A local npm registry for a package-lock.json: packuments made from the lockfile, tarballs from the
 * host's npm cache (found by their integrity). `missing` lists packages whose tarball is not cached.
 */
export async function lockfileRegistry(
  lockfile: string,
): Promise<{ url: string; missing: string[]; requests: string[]; close: () => Promise<void> }> {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };
  const cache = path.join(process.env.npm_config_cache ?? path.join(homedir(), '.npm'), '_cacache', 'content-v2');
  const byName = new Map<string, { version: string; integrity: string; file: string }[]>();
  const missing: string[] = [];
  for (const [key, p] of Object.entries(lock.packages)) {
    if (!key.startsWith('node_modules/') || !p.version || !p.integrity) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const [alg, b64] = p.integrity.split(' ')[0]?.split('-') ?? [];
    const hex = Buffer.from(b64 ?? '', 'base64').toString('hex');
    const file = path.join(cache, alg ?? 'sha512', hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
    if (!existsSync(file)) missing.push(`${name}@${p.version}`);
    const list = byName.get(name) ?? [];
    if (!list.some((v) => v.version === p.version)) list.push({ version: p.version, integrity: p.integrity, file });
    byName.set(name, list);
  }
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '').replace(/^https?:\/\/[^/]+/, ''));
    requests.push(url);
    const tarball = /^\/(.+)\/-\/[^/]+-(\d[^/]*)\.tgz$/.exec(url);
    if (tarball) {
      const v = byName.get(tarball[1] ?? '')?.find((x) => x.version === tarball[2]);
      if (!v || !existsSync(v.file)) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(v.file));
    }
    const name = url.slice(1);
    const versions = byName.get(name);
    if (!versions) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    const base = `http://${req.headers.host}`;
    const doc = {
      name,
      'dist-tags': { latest: versions[versions.length - 1]?.version },
      versions: Object.fromEntries(
        versions.map((v) => [
          v.version,
          {
            name,
            version: v.version,
            dist: { tarball: `${base}/${name}/-/${name.split('/').pop()}-${v.version}.tgz`, integrity: v.integrity },
          },
        ]),
      ),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    missing,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
