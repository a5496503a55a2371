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
