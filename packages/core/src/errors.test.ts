/** Filesystem errors on a path the user gave are input errors (exit 2); everything else keeps its kind. */
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeJsonAtomic } from './atomic-file.js';
import { ConfigurationError, exitCodeFor, filesystemInputError, InfrastructureError } from './errors.js';

const scratch = (): string => mkdtempSync(path.join(tmpdir(), 'sf-errors-'));

describe('filesystemInputError', () => {
  it('turns a file where a folder must be, a link loop and a missing path into exit 2 naming the path', async () => {
    const dir = scratch();
    const file = path.join(dir, 'f');
    writeFileSync(file, '{}');
    const loop = path.join(dir, 'loop');
    symlinkSync(loop, loop);
    for (const [p, code, reason] of [
      [path.join(file, 'sub'), 'ENOTDIR', /a file is where a folder must be/],
      [path.join(loop, 'sub'), 'ELOOP', /symbolic link loop/],
      [path.join(dir, 'missing'), 'ENOENT', /does not exist/],
    ] as const) {
      const thrown = await readdir(p).catch((e: unknown) => e);
      const e = filesystemInputError(thrown);
      expect(e).toBeInstanceOf(ConfigurationError);
      expect(exitCodeFor(e)).toBe(2);
      expect(e?.location?.file).toBe(p);
      expect(e?.message).toMatch(reason);
      expect(e?.message).toContain(code);
    }
    const exists = await mkdir(file).catch((e: unknown) => e);
    expect(filesystemInputError(exists, 'out')?.location?.file).toBe('out');
  });

  it('leaves every other error as it is', () => {
    expect(filesystemInputError(new Error('boom'))).toBeUndefined();
    expect(filesystemInputError(Object.assign(new Error('reset'), { code: 'ECONNRESET', path: '/x' }))).toBeUndefined();
    expect(filesystemInputError(Object.assign(new Error('no path'), { code: 'ENOENT' }))).toBeUndefined();
    expect(filesystemInputError(new InfrastructureError('down'))).toBeUndefined();
    expect(filesystemInputError('ENOENT')).toBeUndefined();
    expect(filesystemInputError(Object.assign(new Error('inherited'), { code: 'constructor', path: '/x' }))).toBeUndefined();
  });

  it('writeJsonAtomic into a path blocked by a file or a link loop is an input error naming it', async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, 'out'), 'x');
    await expect(writeJsonAtomic(path.join(dir, 'out', 'a.json'), {})).rejects.toThrow(ConfigurationError);
    symlinkSync(path.join(dir, 'l'), path.join(dir, 'l'));
    await expect(writeJsonAtomic(path.join(dir, 'l', 'a.json'), {})).rejects.toThrow(/symbolic link loop/);
  });
});
