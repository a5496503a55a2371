/**
 * Hostile files where the materials stage looks for lockfiles, manifests and SBOMs: a FIFO named
 * package-lock.json, a link to /dev/zero, a link to a secret outside the project. Each is refused fast
 * through core's safe reader, as a ConfigurationError (exit 2) naming the file — never a hang, never
 * a read of an endless device, never a quote of the file's bytes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, exitCodeFor } from '@secure-factory/core';
import { collectMaterials, discover, readLockfile } from '@secure-factory/materials';
import { looksLikeKubernetes } from '../../packages/materials/src/discover.js';
import { openOfflineDatabase } from '../../packages/materials/src/osv/index.js';

const SECRET = 'SECRET-TOKEN-MARKER-7f3a';
let base: string;
let project: string;
let outside: string;

beforeEach(() => {
  base = mkdtempSync(path.join(tmpdir(), 'sf-hostile-materials-'));
  project = path.join(base, 'project');
  mkdirSync(project);
  outside = path.join(base, 'secret.json');
  writeFileSync(outside, `{"lockfileVersion":3,"packages":{"":{"name":"${SECRET}"}}, "token": "${SECRET}"}\n`);
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

function refusal(run: () => unknown, file: string): ConfigurationError {
  const t0 = Date.now();
  let caught: unknown;
  try {
    run();
  } catch (e: unknown) {
    caught = e;
  }
  expect(Date.now() - t0).toBeLessThan(3_000);
  expect(caught).toBeInstanceOf(ConfigurationError);
  const err = caught as ConfigurationError;
  expect(exitCodeFor(err)).toBe(2);
  const text = `${err.describe()} ${err.message} ${err.hint ?? ''}`;
  expect(text).toContain(file);
  expect(text).not.toContain(SECRET);
  return err;
}

describe('materials: hostile lockfiles and manifests', () => {
  it('a FIFO named package-lock.json: refused by name, the scan does not hang (file and folder)', () => {
    const fifo = path.join(project, 'package-lock.json');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(() => readLockfile(fifo), 'package-lock.json').message).toMatch(/FIFO/);
    expect(refusal(() => collectMaterials(project), 'package-lock.json').message).toMatch(/FIFO/);
  });

  it('package-lock.json -> /dev/zero: refused at once, nothing read', () => {
    const link = path.join(project, 'package-lock.json');
    symlinkSync('/dev/zero', link);
    expect(refusal(() => readLockfile(link, { root: project }), 'package-lock.json').message).toMatch(/outside|not a regular file/);
    refusal(() => collectMaterials(project), 'package-lock.json');
  });

  it('package-lock.json -> a file outside the project: refused without quoting it', () => {
    const link = path.join(project, 'package-lock.json');
    symlinkSync(outside, link);
    expect(refusal(() => readLockfile(link, { root: project }), 'package-lock.json').message).toMatch(/outside/);
    expect(refusal(() => collectMaterials(project), 'package-lock.json').message).toMatch(/outside/);
  });

  it('a manifest (package.json) linked outside and a FIFO Dockerfile: refused by name', () => {
    symlinkSync(outside, path.join(project, 'package.json'));
    refusal(() => collectMaterials(project), 'package.json');
    rmSync(path.join(project, 'package.json'));
    const fifo = path.join(project, 'Dockerfile');
    execFileSync('mkfifo', [fifo]);
    refusal(() => collectMaterials(fifo), 'Dockerfile');
  });

  it('a link to a lockfile inside the project is still read', () => {
    mkdirSync(path.join(project, 'real'));
    writeFileSync(
      path.join(project, 'real', 'package-lock.json'),
      JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'app' }, 'node_modules/a': { version: '1.0.0' } } }),
    );
    mkdirSync(path.join(project, 'app'));
    symlinkSync(path.join(project, 'real', 'package-lock.json'), path.join(project, 'app', 'package-lock.json'));
    const pkgs = readLockfile(path.join(project, 'app', 'package-lock.json'), { root: project });
    expect(pkgs.map((p) => `${p.name}@${p.version}`)).toContain('a@1.0.0');
  });

  it('YAML files sniffed for Kubernetes manifests: a FIFO, a link to /dev/zero or to a secret is no manifest, at once', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nspec: { containers: [{ name: a, image: nginx }] }\n';
    writeFileSync(path.join(project, 'pod.yaml'), pod);
    execFileSync('mkfifo', [path.join(project, 'fifo.yaml')]);
    symlinkSync('/dev/zero', path.join(project, 'zero.yaml'));
    const secretPod = path.join(base, 'secret-pod.yaml');
    writeFileSync(secretPod, pod.replace('nginx', SECRET));
    symlinkSync(secretPod, path.join(project, 'linked.yaml'));
    const t0 = Date.now();
    expect(looksLikeKubernetes(path.join(project, 'pod.yaml'))).toBe(true);
    for (const f of ['fifo.yaml', 'zero.yaml', 'linked.yaml']) expect(looksLikeKubernetes(path.join(project, f))).toBe(false);
    expect(discover(project).kubernetes).toEqual([path.join(project, 'pod.yaml')]);
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it.each(['all.zip', 'GHSA-x.json'])('an offline OSV database given as a FIFO (%s): refused by name, not read forever', async (name) => {
    const fifo = path.join(project, name);
    execFileSync('mkfifo', [fifo]);
    const t0 = Date.now();
    const e: unknown = await openOfflineDatabase(fifo).catch((err: unknown) => err);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).describe()).toContain(name);
  });
});
