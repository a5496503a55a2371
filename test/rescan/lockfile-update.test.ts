/**
 * The lockfile change of a remediation pull request, made by npm against a local registry: a direct
 * dependency and a transitive one moved to the lowest fixed version (not the newest), a parent whose
 * range excludes every fixed version refused, npm failing refused, hostile names and versions refused
 * before npm starts.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigurationError, InfrastructureError } from '@secure-factory/core';
import { updateNpmLockfile, validNpmName, validNpmVersion, type PackageFix } from '@secure-factory/rescan';
import type { NpmRegistry } from '../support/npm-registry.js';
import { lockedVersions, lockProject, npmEnv, startMinimistRegistry } from './npm-fixtures.js';

const fix = (vulnerable: string[], name = 'minimist'): PackageFix => ({ ecosystem: 'npm', name, vulnerable, fixedVersions: ['1.2.6'] });

describe('npm lockfile update (the ecosystem tool moves the dependency)', () => {
  let registry: NpmRegistry;
  let work: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    registry = await startMinimistRegistry();
  });
  afterAll(async () => {
    await registry.close();
  });
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'sf-lockfix-'));
    env = npmEnv(registry, path.join(work, 'npm-cache'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('moves a transitive dependency to the lowest fixed version, lockfile only', async () => {
    const dir = path.join(work, 'p');
    await lockProject(
      dir,
      { name: 'app', version: '1.0.0', dependencies: { 'opt-parse': '^1.0.0', '@acme/util': '^2.0.0' } },
      { minimist: '1.2.0' },
      env,
    );
    expect(lockedVersions(dir, 'minimist')).toEqual({ 'node_modules/minimist': '1.2.0' });
    const pkgBefore = await readFile(path.join(dir, 'package.json'));
    const r = await updateNpmLockfile(dir, [fix(['1.2.0'])], { env });
    expect(r.changes).toEqual([{ name: 'minimist', at: 'node_modules/minimist', from: '1.2.0', to: '1.2.6', direct: false }]);
    // 1.2.6 (the lowest fixed), not 1.2.8 (what `npm update` would take); package.json unchanged.
    expect(lockedVersions(dir, 'minimist')).toEqual({ 'node_modules/minimist': '1.2.6' });
    expect((await readFile(path.join(dir, 'package.json'))).equals(pkgBefore)).toBe(true);
    expect(r.packageJson.equals(pkgBefore)).toBe(true);
    expect(r.commands.join('\n')).toMatch(/npm install --package-lock-only --ignore-scripts .*"minimist@1\.2\.0":"1\.2\.6"/);
    expect(registry.requests).toContain('/minimist');
  });

  it('moves a direct dependency with npm install name@fixed, keeping its section and range style', async () => {
    const dir = path.join(work, 'p');
    await lockProject(
      dir,
      { name: 'app', version: '1.0.0', devDependencies: { minimist: '~1.2.0' }, dependencies: { 'left-pad': '1.3.0' } },
      { minimist: '1.2.5' },
      env,
    );
    expect(lockedVersions(dir, 'minimist')).toEqual({ 'node_modules/minimist': '1.2.5' });
    const r = await updateNpmLockfile(dir, [fix(['1.2.5'])], { env });
    expect(r.changes).toEqual([{ name: 'minimist', at: 'node_modules/minimist', from: '1.2.5', to: '1.2.6', direct: true }]);
    const pkg = JSON.parse(r.packageJson.toString('utf8')) as {
      devDependencies: Record<string, string>;
      dependencies: Record<string, string>;
    };
    expect(pkg.devDependencies).toEqual({ minimist: '~1.2.6' });
    expect(pkg.dependencies).toEqual({ 'left-pad': '1.3.0' });
    expect(r.commands[0]).toBe(
      'npm install minimist@1.2.6 --save-dev --save-prefix=~ --package-lock-only --ignore-scripts --no-audit --no-fund',
    );
  });

  it('keeps an exact requirement exact', async () => {
    const dir = path.join(work, 'p');
    await lockProject(dir, { name: 'app', version: '1.0.0', dependencies: { minimist: '1.2.0' } }, {}, env);
    const r = await updateNpmLockfile(dir, [fix(['1.2.0'])], { env });
    expect(JSON.parse(r.packageJson.toString('utf8'))).toMatchObject({ dependencies: { minimist: '1.2.6' } });
    expect(lockedVersions(dir, 'minimist')).toEqual({ 'node_modules/minimist': '1.2.6' });
  });

  it('refuses when a parent pins the vulnerable version (npm puts it back): the parent must be upgraded', async () => {
    const dir = path.join(work, 'p');
    await lockProject(dir, { name: 'app', version: '1.0.0', dependencies: { 'old-cli': '1.0.0' } }, {}, env);
    expect(lockedVersions(dir, 'minimist')).toEqual({ 'node_modules/minimist': '1.2.0' });
    const e = await updateNpmLockfile(dir, [fix(['1.2.0'])], { env }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as Error).message).toMatch(/npm kept minimist@1\.2\.0 .*a parent's version range excludes every fixed version/);
  });

  it('an npm failure (registry down) is an error naming npm, never a silent pass', async () => {
    const dir = path.join(work, 'p');
    await lockProject(dir, { name: 'app', version: '1.0.0', dependencies: { 'opt-parse': '^1.0.0' } }, { minimist: '1.2.0' }, env);
    const before = await readFile(path.join(dir, 'package-lock.json'));
    const down = {
      ...env,
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_cache: path.join(work, 'empty-cache'),
      npm_config_fetch_retries: '0',
    };
    const e = await updateNpmLockfile(dir, [fix(['1.2.0'])], { env: down, timeoutMs: 60_000 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InfrastructureError);
    expect((e as Error).message).toMatch(/^npm install --package-lock-only failed \(exit \d+\)/);
    expect((await readFile(path.join(dir, 'package-lock.json'))).equals(before)).toBe(true);
  }, 90_000);

  it('refuses hostile names and versions before npm starts', async () => {
    const dir = path.join(work, 'p');
    await lockProject(dir, { name: 'app', version: '1.0.0', dependencies: { minimist: '1.2.0' } }, {}, env);
    const marker = path.join(work, 'pwned');
    const seen = registry.requests.length;
    for (const name of [`minimist; touch ${marker}`, '../../etc/passwd', '-g', '--registry=http://evil', '$(touch x)', '@scope/../x', '']) {
      const e = await updateNpmLockfile(dir, [fix(['1.2.0'], name)], { env }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ConfigurationError);
      expect((e as Error).message).toMatch(/is not a valid npm package name/);
    }
    for (const v of ['1.2.6; touch x', '>=1.2.6', 'latest', '../1.2.6', 'v1.2.6']) {
      const e = await updateNpmLockfile(dir, [{ ecosystem: 'npm', name: 'minimist', vulnerable: ['1.2.0'], fixedVersions: [v] }], {
        env,
      }).catch((x: unknown) => x);
      expect((e as Error).message).toMatch(/is not a plain SemVer version/);
    }
    const pip = await updateNpmLockfile(dir, [{ ecosystem: 'PyPI', name: 'jinja2', vulnerable: ['2.0'], fixedVersions: ['2.11.3'] }], {
      env,
    }).catch((x: unknown) => x);
    expect((pip as Error).message).toMatch(/PyPI lockfiles are not updated yet \(only npm\)/);
    expect(registry.requests.length).toBe(seen);
    expect(existsSync(marker)).toBe(false);
    expect(validNpmName('@acme/util')).toBe(true);
    expect(validNpmName('JSONStream')).toBe(true);
    expect(validNpmVersion('1.2.6-rc.1')).toBe(true);
  });
});
