/**
 * Finding evidence: how bundles are indexed by the digests their (unverified) statement names, what
 * is listed as unsigned or unreadable, and what stops the gate with a usage error (issue 20, mutation
 * testing). Real files in a temporary folder; a FIFO made with mkfifo.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, IN_TOTO_PAYLOAD_TYPE, sha256Hex, type Statement } from '@secure-factory/core';
import { candidateFromJson, indexDigests, peekSubjects, type CandidateBundle } from './candidate.js';
import { fetchFromGitHub, indexEvidence } from './lookup.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const statement = (subject: unknown[]): Statement =>
  ({ _type: 'https://in-toto.io/Statement/v1', subject, predicateType: 'x', predicate: {} }) as Statement;
const bundleFor = (subject: unknown[], payloadType = IN_TOTO_PAYLOAD_TYPE): Record<string, unknown> => ({
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  dsseEnvelope: { payload: Buffer.from(JSON.stringify(statement(subject))).toString('base64'), payloadType, signatures: [] },
});

describe('indexDigests and peekSubjects', () => {
  it('indexes sha256 subjects as bare lowercase hex, sha512-only subjects as sha512:HEX', () => {
    expect(
      indexDigests(
        statement([{ digest: { sha256: A.toUpperCase() } }, { digest: { sha512: 'ABC' } }, { digest: { sha256: B, sha512: 'def' } }]),
      ),
    ).toEqual(new Set([A, 'sha512:abc', B]));
    expect(indexDigests(statement([{ digest: { sha512: 7 } }, { digest: {} }]))).toEqual(new Set());
  });

  it('reads only an in-toto DSSE payload with a subject list; anything else names nothing', () => {
    expect(peekSubjects(bundleFor([{ digest: { sha256: A } }]))).toEqual(new Set([A]));
    expect(peekSubjects(bundleFor([{ digest: { sha256: A } }], 'application/json'))).toEqual(new Set());
    for (const b of [null, 7, 'x', {}, { dsseEnvelope: null }, { dsseEnvelope: { payload: 7, payloadType: IN_TOTO_PAYLOAD_TYPE } }])
      expect(peekSubjects(b)).toEqual(new Set());
    expect(peekSubjects({ dsseEnvelope: { payload: Buffer.from('{').toString('base64'), payloadType: IN_TOTO_PAYLOAD_TYPE } })).toEqual(
      new Set(),
    );
    const notList = {
      dsseEnvelope: {
        payload: Buffer.from('{"subject":{"digest":{"sha256":"aa"}}}').toString('base64'),
        payloadType: IN_TOTO_PAYLOAD_TYPE,
      },
    };
    expect(peekSubjects(notList)).toEqual(new Set());
    expect(peekSubjects(bundleFor([null]))).toEqual(new Set());
  });

  it('a candidate carries the digest of the exact text it was read from', () => {
    const text = JSON.stringify(bundleFor([{ digest: { sha256: A } }]));
    const c = candidateFromJson('o', Buffer.from(text));
    expect(c).toEqual({ origin: 'o', bundleDigest: sha256Hex(text), bundle: JSON.parse(text) as unknown, subjects: new Set([A]) });
    expect(candidateFromJson('o', text).bundleDigest).toBe(sha256Hex(text));
    expect(() => candidateFromJson('o', '{')).toThrow(SyntaxError);
  });
});

describe('indexEvidence', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sf-lookup-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const put = (name: string, value: unknown): string => {
    const file = path.join(dir, name);
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
    return file;
  };

  it('bundles by name, sorted; statements without a bundle listed as unsigned; dot files and others ignored', async () => {
    put('b.sigstore.json', bundleFor([{ digest: { sha256: B } }]));
    put('a.sigstore.json', bundleFor([{ digest: { sha256: A } }]));
    put('a.intoto.json', statement([{ digest: { sha256: A } }]));
    const lone = put('lone.intoto.json', statement([{ digest: { sha256: B } }]));
    put('broken.intoto.json', '{');
    put('list.intoto.json', '{"subject": 7}');
    put('.hidden.sigstore.json', bundleFor([{ digest: { sha256: A } }]));
    put('.hidden.intoto.json', statement([{ digest: { sha256: A } }]));
    put('.lone.intoto.json', statement([{ digest: { sha256: A } }]));
    put('notes.json', '{}');
    mkdirSync(path.join(dir, 'sub'));
    put('sub/c.sigstore.json', bundleFor([{ digest: { sha256: A } }]));
    const index = await indexEvidence({ evidenceDir: dir });
    expect(index.bundles.map((b) => path.basename(b.origin))).toEqual(['a.sigstore.json', 'b.sigstore.json']);
    expect(index.bundles.map((b) => [...b.subjects])).toEqual([[A], [B]]);
    expect(index.unsigned.map((u) => [path.basename(u.origin), [...u.subjects]])).toEqual([
      ['broken.intoto.json', []],
      ['list.intoto.json', []],
      ['lone.intoto.json', [B]],
    ]);
    expect(index.unsigned[2]?.digest).toBe(sha256Hex(JSON.stringify(statement([{ digest: { sha256: B } }]))));
    expect(index.unsigned[2]?.origin).toBe(lone);
    expect(index.unreadable).toEqual([]);
  });

  it('a bundle that is not JSON is unreadable, named by its digest, its text never quoted', async () => {
    const file = put('x.sigstore.json', 'SECRET-TEXT not json');
    const index = await indexEvidence({ evidenceDir: dir });
    expect(index.bundles).toEqual([]);
    expect(index.unreadable).toHaveLength(1);
    expect(index.unreadable[0]).toMatchObject({ origin: file, digest: sha256Hex('SECRET-TEXT not json') });
    expect(index.unreadable[0]?.reason).toMatch(/^not JSON: /);
    expect(index.unreadable[0]?.reason).not.toContain('SECRET');
  });

  it.each([
    ['{}', 'no Sigstore bundle mediaType'],
    ['[]', 'the JSON is not an object'],
    ['null', 'the JSON is not an object'],
    ['"SECRET"', 'the JSON is not an object'],
    ['{"mediaType":"application/vnd.in-toto+json","dsseEnvelope":{}}', 'no Sigstore bundle mediaType'],
    ['{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}', 'neither a dsseEnvelope nor a messageSignature'],
    [
      '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","dsseEnvelope":"SECRET"}',
      'neither a dsseEnvelope nor a messageSignature',
    ],
  ])('JSON that is not a Sigstore bundle (%s) is unreadable, not a bundle naming other digests', async (text, reason) => {
    const file = put('x.sigstore.json', text);
    const index = await indexEvidence({ evidenceDir: dir });
    expect(index.bundles).toEqual([]);
    expect(index.unreadable).toEqual([{ origin: file, digest: sha256Hex(text), reason: `not a bundle: ${reason}` }]);
  });

  it('every Sigstore bundle media type version is a bundle (v0.1, v0.2, v0.3)', async () => {
    const env = { dsseEnvelope: { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: '', signatures: [] } };
    put('a.sigstore.json', { mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.1', ...env });
    put('b.sigstore.json', { mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.2', messageSignature: {} });
    put('c.sigstore.json', { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', ...env });
    const index = await indexEvidence({ evidenceDir: dir });
    expect(index.unreadable).toEqual([]);
    expect(index.bundles.map((b) => path.basename(b.origin))).toEqual(['a.sigstore.json', 'b.sigstore.json', 'c.sigstore.json']);
  });

  it('a FIFO, a link out of the folder or a directory posing as a bundle or statement is unreadable, never read', async () => {
    execFileSync('mkfifo', [path.join(dir, 'fifo.sigstore.json')]);
    execFileSync('mkfifo', [path.join(dir, 'lone-fifo.intoto.json')]);
    const outside = mkdtempSync(path.join(tmpdir(), 'sf-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret'), 'SECRET');
      symlinkSync(path.join(outside, 'secret'), path.join(dir, 'out.sigstore.json'));
      mkdirSync(path.join(dir, 'dir.sigstore.json'));
      const started = Date.now();
      const index = await indexEvidence({ evidenceDir: dir });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(index.bundles).toEqual([]);
      expect(index.unsigned).toEqual([]);
      expect(index.unreadable.map((u) => path.basename(u.origin)).sort()).toEqual([
        'dir.sigstore.json',
        'fifo.sigstore.json',
        'lone-fifo.intoto.json',
        'out.sigstore.json',
      ]);
      for (const u of index.unreadable) {
        expect(u.reason).not.toContain('SECRET');
        expect(u.digest).toBeUndefined();
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a missing folder or a missing explicit bundle file is a usage error naming it', async () => {
    const missing = path.join(dir, 'nope');
    await expect(indexEvidence({ evidenceDir: missing })).rejects.toThrow(ConfigurationError);
    await expect(indexEvidence({ evidenceDir: missing })).rejects.toThrow(/cannot read the evidence folder: ENOENT/);
    await expect(indexEvidence({ bundleFiles: [path.join(dir, 'gone.sigstore.json')] })).rejects.toThrow(/cannot read the bundle/);
    await expect(indexEvidence({ bundleFiles: [path.join(dir, 'gone.sigstore.json')] })).rejects.toBeInstanceOf(ConfigurationError);
  });

  it('explicit bundle files join the folder; the same bundle found twice is one input', async () => {
    const a = put('a.sigstore.json', bundleFor([{ digest: { sha256: A } }]));
    const extra = mkdtempSync(path.join(tmpdir(), 'sf-extra-'));
    try {
      const copy = path.join(extra, 'copy.json');
      writeFileSync(copy, JSON.stringify(bundleFor([{ digest: { sha256: A } }])));
      const other = path.join(extra, 'other.json');
      writeFileSync(other, JSON.stringify(bundleFor([{ digest: { sha256: B } }])));
      const index = await indexEvidence({ evidenceDir: dir, bundleFiles: [copy, other] });
      expect(index.bundles.map((b) => b.origin)).toEqual([a, other]);
      const onlyFiles = await indexEvidence({ bundleFiles: [other] });
      expect(onlyFiles.bundles.map((b) => b.origin)).toEqual([other]);
      expect(await indexEvidence({})).toEqual({ bundles: [], unsigned: [], unreadable: [] });
    } finally {
      rmSync(extra, { recursive: true, force: true });
    }
  });
});

describe('fetchFromGitHub', () => {
  it('adds each bundle the API lists once, after those already found; a failure throws', async () => {
    const c = (origin: string, digest: string): CandidateBundle => ({ origin, bundleDigest: digest, bundle: {}, subjects: new Set() });
    const index = { bundles: [c('file', '1')], unsigned: [], unreadable: [] };
    const asked: string[] = [];
    await fetchFromGitHub(
      {
        list: (d) => {
          asked.push(d);
          return Promise.resolve(d === A ? [c('api#0', '1'), c('api#1', '2')] : [c('api#2', '2'), c('api#3', '3')]);
        },
      },
      [A, B],
      index,
    );
    expect(asked).toEqual([A, B]);
    expect(index.bundles.map((b) => b.origin)).toEqual(['file', 'api#1', 'api#3']);
    await expect(fetchFromGitHub({ list: () => Promise.reject(new Error('down')) }, [A], index)).rejects.toThrow('down');
  });
});
