import { parseChecksums, subjectFromDigest, dedupeSubjects } from './subjects.js';

describe('subjects', () => {
  const hex = 'ab'.repeat(32);
  it('reads GNU (text and binary mode) and BSD checksum lines', () => {
    expect(parseChecksums(`${hex}  a.tgz\n${hex.toUpperCase()} *b/c.zip\nSHA256 (d e.bin) = ${hex}\n\n# comment\n`, 'SUMS')).toEqual([
      { name: 'a.tgz', digest: { sha256: hex } },
      { name: 'b/c.zip', digest: { sha256: hex } },
      { name: 'd e.bin', digest: { sha256: hex } },
    ]);
  });
  it('names the line of a bad checksum entry', () => {
    expect(() => parseChecksums(`${hex}  ok\nmd5 nope\n`, 'SUMS')).toThrow(/not a sha256sum line/);
    try {
      parseChecksums(`${hex}  ok\nmd5 nope\n`, 'SUMS');
    } catch (e: unknown) {
      expect((e as { location?: unknown }).location).toEqual({ file: 'SUMS', line: 2, column: 1 });
    }
  });
  it('image digests: NAME@sha256:HEX, or a bare digest with a given name', () => {
    expect(subjectFromDigest(`ghcr.io/acme/app@sha256:${hex}`, undefined)).toEqual({ name: 'ghcr.io/acme/app', digest: { sha256: hex } });
    expect(subjectFromDigest(`sha256:${hex}`, 'app')).toEqual({ name: 'app', digest: { sha256: hex } });
    expect(() => subjectFromDigest(`sha256:${hex}`, undefined)).toThrow(/needs a name/);
    expect(() => subjectFromDigest('sha256:1234', 'x')).toThrow(/not a digest/);
  });
  it('keeps exact duplicates once, and refuses one name with two digests', () => {
    const a = { name: 'a', digest: { sha256: hex } };
    expect(dedupeSubjects([a, { ...a }])).toHaveLength(1);
    expect(() => dedupeSubjects([a, { name: 'a', digest: { sha256: 'cd'.repeat(32) } }])).toThrow(/two digests/);
  });
});

describe('subjects from files and globs', () => {
  it('names files relative to the static base of the glob, and a plain file by its base name', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { subjectsFromPaths } = await import('./subjects.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-subj-'));
    mkdirSync(path.join(dir, 'out', 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'out', 'a.tgz'), 'a');
    writeFileSync(path.join(dir, 'out', 'sub', 'b.tgz'), 'b');
    const names = (await subjectsFromPaths(['out/**'], dir)).map((s) => s.name);
    expect(names).toEqual(['a.tgz', 'sub/b.tgz']);
    expect((await subjectsFromPaths(['out/sub/b.tgz'], dir)).map((s) => s.name)).toEqual(['b.tgz']);
    await expect(subjectsFromPaths(['out/*.zip'], dir)).rejects.toThrow(/matches no file/);
  });
});
