/** What the gate is asked to gate: digests, images by digest, and files hashed here, each once. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, sha256Hex } from '@secure-factory/core';
import { resolveSubject, resolveSubjects } from './subjects.js';

const HEX = 'ab'.repeat(32);

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-subjects-'));
  mkdirSync(path.join(dir, 'dist'));
  writeFileSync(path.join(dir, 'dist', 'app.tgz'), 'the artefact');
  return dir;
}

describe('resolveSubject', () => {
  it('takes sha256:HEX in either case, as lowercase hex without a name', async () => {
    expect(await resolveSubject(`sha256:${HEX}`)).toEqual({ digest: HEX });
    expect(await resolveSubject(`sha256:${HEX.toUpperCase()}`)).toEqual({ digest: HEX });
  });

  it('refuses a digest that is not exactly sha256 and 64 hex', async () => {
    const cwd = project();
    for (const bad of [`sha256:${HEX}0`, `sha256:${HEX.slice(1)}`, `sha512:${HEX}`, ` sha256:${HEX}`, `sha256:${HEX} `, `xsha256:${HEX}`]) {
      await expect(resolveSubject(bad, cwd)).rejects.toThrow(ConfigurationError);
    }
  });

  it('takes an image pinned by digest, named registry/repository', async () => {
    expect(await resolveSubject(`ghcr.io/acme/app@sha256:${HEX}`)).toEqual({ digest: HEX, name: 'ghcr.io/acme/app' });
    expect(await resolveSubject(`localhost:5000/app@sha256:${HEX}`)).toEqual({ digest: HEX, name: 'localhost:5000/app' });
  });

  it('refuses image references that are not pinned exactly', async () => {
    const cwd = project();
    for (const bad of [
      `ghcr.io/acme/app@sha256:${HEX.toUpperCase()}`,
      `app@sha256:${HEX}`,
      `ghcr.io/acme/app@sha256:${HEX}x`,
      `xghcr.io/acme app@sha256:${HEX}`,
      `GHCR.io/acme/app@sha256:${HEX}`,
    ]) {
      await expect(resolveSubject(bad, cwd)).rejects.toThrow(ConfigurationError);
    }
  });

  it('hashes a file and names it by its path in the project', async () => {
    const cwd = project();
    const file = path.join(cwd, 'dist', 'app.tgz');
    expect(await resolveSubject('dist/app.tgz', cwd)).toEqual({ digest: sha256Hex('the artefact'), name: 'dist/app.tgz', file });
  });

  it('refuses what is neither a file nor a digest, a folder, and a file outside the project', async () => {
    const cwd = project();
    await expect(resolveSubject('dist/missing.tgz', cwd)).rejects.toThrow('"dist/missing.tgz" is neither a file nor a digest');
    await expect(resolveSubject('dist', cwd)).rejects.toThrow('"dist" is not a regular file');
    const outside = project();
    await expect(resolveSubject(path.join(outside, 'dist', 'app.tgz'), cwd)).rejects.toThrow(/outside the project/);
  });
});

describe('resolveSubjects', () => {
  it('nothing to gate is bad input', async () => {
    await expect(resolveSubjects([])).rejects.toThrow('nothing to gate');
  });

  it('gates each digest once, in the order given', async () => {
    const cwd = project();
    const other = 'cd'.repeat(32);
    const file = sha256Hex('the artefact');
    expect(
      await resolveSubjects([`sha256:${HEX}`, 'dist/app.tgz', `sha256:${other}`, `sha256:${HEX.toUpperCase()}`, `sha256:${file}`], cwd),
    ).toEqual([{ digest: HEX }, { digest: file, name: 'dist/app.tgz', file: path.join(cwd, 'dist', 'app.tgz') }, { digest: other }]);
  });
});
