/**
 * The artefact a bundle is checked against: digests in in-toto algorithms (their exact lengths), the
 * digests computed from bytes, and the subject match that never binds by a weak algorithm alone and
 * refuses any computable algorithm that differs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  artifactDigest,
  artifactFromBytes,
  artifactFromDigest,
  artifactLabel,
  DIGEST_ALGORITHMS,
  parseDigest,
  readArtifactArgument,
  subjectMatches,
  WEAK_ALGORITHMS,
} from './artifact.js';

const DATA = Buffer.from('the artefact\n');
const hash = (alg: string): string => createHash(alg).update(DATA).digest('hex');

describe('digests', () => {
  it('every in-toto algorithm has its hex length', () => {
    expect(DIGEST_ALGORITHMS).toStrictEqual({
      sha256: 64,
      sha224: 56,
      sha384: 96,
      sha512: 128,
      sha512_224: 56,
      sha512_256: 64,
      sha3_224: 56,
      sha3_256: 64,
      sha3_384: 96,
      sha3_512: 128,
      sha1: 40,
      md5: 32,
      gitBlob: 40,
      gitCommit: 40,
      gitTree: 40,
      gitTag: 40,
      dirHash: 64,
    });
    expect([...WEAK_ALGORITHMS].sort()).toEqual(['md5', 'sha1']);
  });

  it('parses ALG:HEX with a known algorithm and its full length, lower-casing the hex', () => {
    expect(parseDigest(`sha256:${'A'.repeat(64)}`)).toStrictEqual({ algorithm: 'sha256', hex: 'a'.repeat(64) });
    expect(parseDigest(`sha3_256:${'b'.repeat(64)}`)).toStrictEqual({ algorithm: 'sha3_256', hex: 'b'.repeat(64) });
    for (const bad of [
      `sha256:${'a'.repeat(63)}`,
      `sha256:${'a'.repeat(65)}`,
      `sha256:${'g'.repeat(64)}`,
      `blake3:${'a'.repeat(64)}`,
      `:${'a'.repeat(64)}`,
      `sha256:`,
      `sha256${'a'.repeat(64)}`,
      ` sha256:${'a'.repeat(64)}`,
      `sha256:${'a'.repeat(64)} `,
      `toString:${'a'.repeat(64)}`,
    ])
      expect(parseDigest(bad)).toBeUndefined();
  });

  it('a digest artefact knows its sha256 only when that is its algorithm', () => {
    expect(artifactFromDigest(`sha256:${'A'.repeat(64)}`, 'x.tgz')).toStrictEqual({
      kind: 'digest',
      algorithm: 'sha256',
      hex: 'a'.repeat(64),
      sha256: 'a'.repeat(64),
      name: 'x.tgz',
    });
    expect(artifactFromDigest(`sha512:${'a'.repeat(128)}`)).toStrictEqual({ kind: 'digest', algorithm: 'sha512', hex: 'a'.repeat(128) });
    expect(() => artifactFromDigest('sha256:abc')).toThrow(
      '"sha256:abc" is not a digest: expected ALGORITHM:HEX with an in-toto algorithm (sha256, sha224, sha384, sha512, sha512_224, sha512_256, sha3_224, sha3_256, sha3_384, sha3_512, sha1, md5, gitBlob, gitCommit, gitTree, gitTag, dirHash) and its full length',
    );
  });

  it('a bytes artefact has its sha256 and, when given, its name', () => {
    expect(artifactFromBytes(DATA)).toStrictEqual({ kind: 'bytes', data: DATA, sha256: hash('sha256') });
    expect(artifactFromBytes(DATA, 'a.txt')).toStrictEqual({ kind: 'bytes', data: DATA, sha256: hash('sha256'), name: 'a.txt' });
    expect(artifactFromBytes(DATA, '')).toStrictEqual({ kind: 'bytes', data: DATA, sha256: hash('sha256') });
  });

  it('computes every hash algorithm from bytes; git object ids and md5 cannot be', () => {
    const a = artifactFromBytes(DATA);
    const node: Record<string, string> = {
      sha256: 'sha256',
      sha224: 'sha224',
      sha384: 'sha384',
      sha512: 'sha512',
      sha512_224: 'sha512-224',
      sha512_256: 'sha512-256',
      sha3_224: 'sha3-224',
      sha3_256: 'sha3-256',
      sha3_384: 'sha3-384',
      sha3_512: 'sha3-512',
      sha1: 'sha1',
    };
    for (const [alg, n] of Object.entries(node)) expect(artifactDigest(a, alg)).toBe(hash(n));
    for (const alg of ['md5', 'gitCommit', 'gitBlob', 'dirHash', 'unknown', 'constructor']) expect(artifactDigest(a, alg)).toBeUndefined();
  });

  it('a digest artefact answers only in its own algorithm', () => {
    const d = artifactFromDigest(`sha512:${'c'.repeat(128)}`);
    expect(artifactDigest(d, 'sha512')).toBe('c'.repeat(128));
    expect(artifactDigest(d, 'sha256')).toBeUndefined();
  });

  it('labels: the digest given, or the sha256 of the bytes', () => {
    expect(artifactLabel(artifactFromDigest(`gitCommit:${'d'.repeat(40)}`))).toBe(`gitCommit:${'d'.repeat(40)}`);
    expect(artifactLabel(artifactFromBytes(DATA))).toBe(`sha256:${hash('sha256')}`);
  });
});

describe('subjectMatches', () => {
  const bytes = artifactFromBytes(DATA);
  it('matches by a strong algorithm, in any case', () => {
    expect(subjectMatches({ sha256: hash('sha256').toUpperCase() }, bytes)).toBe(true);
    expect(subjectMatches({ sha512: hash('sha512') }, bytes)).toBe(true);
  });
  it('never by a weak algorithm alone', () => {
    expect(subjectMatches({ sha1: hash('sha1') }, bytes)).toBe(false);
    expect(subjectMatches({ sha1: hash('sha1'), md5: hash('md5') }, bytes)).toBe(false);
    expect(subjectMatches({ sha1: hash('sha1'), sha256: hash('sha256') }, bytes)).toBe(true);
  });
  it('refuses when any computable algorithm differs, even beside a matching one', () => {
    expect(subjectMatches({ sha256: hash('sha256'), sha512: '0'.repeat(128) }, bytes)).toBe(false);
    expect(subjectMatches({ sha512: '0'.repeat(128), sha256: hash('sha256') }, bytes)).toBe(false);
    expect(subjectMatches({ sha256: hash('sha256'), sha1: '0'.repeat(40) }, bytes)).toBe(false);
  });
  it("a digest set naming an object's own property names is not confused by them", () => {
    expect(subjectMatches({ constructor: 'x', __proto__: 'y', toString: 'z', sha256: hash('sha256') }, bytes)).toBe(true);
    expect(subjectMatches(JSON.parse('{"__proto__":"y","constructor":"x"}') as Record<string, unknown>, bytes)).toBe(false);
  });
  it('ignores what it cannot compute or read', () => {
    expect(subjectMatches({ gitCommit: 'e'.repeat(40), sha256: hash('sha256') }, bytes)).toBe(true);
    expect(subjectMatches({ gitCommit: 'e'.repeat(40) }, bytes)).toBe(false);
    expect(subjectMatches({ sha256: 7, sha512: hash('sha512') }, bytes)).toBe(true);
    expect(subjectMatches({ sha256: 7 }, bytes)).toBe(false);
    expect(subjectMatches({}, bytes)).toBe(false);
  });
  it('a digest artefact matches only in its algorithm', () => {
    const d = artifactFromDigest(`sha256:${hash('sha256')}`);
    expect(subjectMatches({ sha256: hash('sha256'), sha512: '0'.repeat(128) }, d)).toBe(true);
    expect(subjectMatches({ sha512: hash('sha512') }, d)).toBe(false);
    const weak = artifactFromDigest(`sha1:${hash('sha1')}`);
    expect(subjectMatches({ sha1: hash('sha1') }, weak)).toBe(false);
  });
});

describe('readArtifactArgument', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-artifact-'));
  it('a digest when it reads ALG:HEX and is not a file; a file otherwise', async () => {
    await expect(readArtifactArgument(`sha256:${'a'.repeat(64)}`)).resolves.toStrictEqual({
      kind: 'digest',
      algorithm: 'sha256',
      hex: 'a'.repeat(64),
      sha256: 'a'.repeat(64),
    });
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, DATA);
    await expect(readArtifactArgument(file)).resolves.toStrictEqual({ kind: 'bytes', data: DATA, sha256: hash('sha256'), name: file });
  });
  it('a missing file is a configuration error; a near-digest says how to write one', async () => {
    const missing = path.join(dir, 'missing');
    await expect(readArtifactArgument(missing)).rejects.toMatchObject({
      message: 'cannot read the artefact: ENOENT',
      location: { file: missing },
    });
    await expect(readArtifactArgument(missing).catch((e: { hint?: unknown }) => e.hint)).resolves.toBeUndefined();
    await expect(readArtifactArgument('sha256:abc')).rejects.toMatchObject({
      message: 'cannot read the artefact: ENOENT',
      hint: 'to give a digest, write ALGORITHM:HEX with its full length (sha256, sha224, sha384, sha512, …)',
    });
    // Only the whole argument looking like ALG:HEX earns the hint: not a path ending in one, not hex with more after it.
    for (const near of [path.join(dir, 'sha256:abc'), 'sha256:abcz']) {
      await expect(readArtifactArgument(near).catch((e: { hint?: unknown }) => e.hint)).resolves.toBeUndefined();
    }
  });
  it('a FIFO, a device or a folder is refused at once, naming it; a link to a regular file anywhere is followed', async () => {
    const fifo = path.join(dir, 'app.fifo');
    execFileSync('mkfifo', [fifo]);
    const zero = path.join(dir, 'zero');
    symlinkSync('/dev/zero', zero);
    await expect(readArtifactArgument(fifo)).rejects.toMatchObject({
      message: 'the artefact is a FIFO (named pipe), not a regular file; refused',
      location: { file: fifo },
    });
    await expect(readArtifactArgument(zero)).rejects.toMatchObject({
      message: 'the artefact is a character device, not a regular file; refused',
      location: { file: zero },
    });
    await expect(readArtifactArgument(dir)).rejects.toMatchObject({ location: { file: dir } });
    const outside = mkdtempSync(path.join(tmpdir(), 'sf-artifact-out-'));
    writeFileSync(path.join(outside, 'app.bin'), DATA);
    const link = path.join(dir, 'app-link');
    symlinkSync(path.join(outside, 'app.bin'), link);
    await expect(readArtifactArgument(link)).resolves.toMatchObject({ kind: 'bytes', sha256: hash('sha256') });
  });
});
