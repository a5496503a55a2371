/**
 * The bundle verifier on real bundles of the corpus and on tampered copies of them: each tampering
 * (a signature byte, the certificate, the payload type, a log entry, a timestamp, the identity, the key)
 * is refused with its failure code; the verified result says who signed, under which root, and when.
 */
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '@secure-factory/core';
import { artifactFromBytes, artifactFromDigest, type ArtifactInput } from './artifact.js';
import { parseTrustedRoot, publicGoodTrustedRoot } from './trusted-root.js';
import { BUNDLE_MEDIA_TYPES, createBundleVerifier, FAILURE_HINTS, IN_TOTO_MEDIA, type BundleVerdict } from './verifier.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'verify', 'corpus');
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
const text = (rel: string): string => readFileSync(path.join(CORPUS, rel), 'utf8');
const load = (rel: string): Obj => JSON.parse(text(rel)) as Obj;
const bytes = (rel: string): Buffer => readFileSync(path.join(CORPUS, rel));
const trustJson = (name: string): Obj =>
  JSON.parse(readFileSync(path.join(ROOT, 'packages', 'verify', 'src', 'trust', name), 'utf8')) as Obj;

/** sigstore-js v0.3 DSSE: public-good, a Rekor entry with promise and proof, signed by brian@dehamer.com. */
const V03 = 'sigstore-js/bundleV03-dsse.sigstore.json';
const V03_POLICY = { subjectAlternativeName: 'brian@dehamer.com', issuer: 'https://github.com/login/oauth' };
/** GitHub's instance: RFC 3161 timestamp only. */
const GH = 'github-attestations/actions-attest-build-provenance-attestation-13531551.sigstore.json';
/** sigstore-python message signature over bundle_v3.txt (staging). */
const MSG = 'sigstore-python/bundle_v3.txt.sigstore';
const MSG_POLICY = { subjectAlternativeName: 'william@yossarian.net', issuer: 'https://github.com/login/oauth' };
/** npm's registry key signs this DSSE bundle. */
const KEYED = 'sigstore-go/bundle-publish.json';

function subjectOf(b: Obj): ArtifactInput {
  const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload as string, 'base64').toString('utf8')) as {
    subject: { digest: Record<string, string> }[];
  };
  const d = st.subject[0]?.digest ?? {};
  const alg = d.sha256 ? 'sha256' : (Object.keys(d)[0] as string);
  return artifactFromDigest(`${alg}:${d[alg] as string}`);
}
function flipped(b64: string, at = -5): string {
  const raw = Buffer.from(b64, 'base64');
  const i = at < 0 ? raw.length + at : at;
  raw[i] = (raw[i] ?? 0) ^ 0x01;
  return raw.toString('base64');
}
const payloadOf = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');
const code = (v: BundleVerdict): string => (v.ok ? 'OK' : v.code);
const reason = (v: BundleVerdict): string => (v.ok ? 'verified' : v.reason);

const pg = createBundleVerifier({ trustedRoot: publicGoodTrustedRoot() });
const both = createBundleVerifier();
const staging = createBundleVerifier({ trustedRoot: parseTrustedRoot(load('sigstore-python/staging.trusted_root.json'), 'staging.json') });
const tsaRoot = (): Obj => ({
  ...load('sigstore-python/staging.trusted_root.json'),
  timestampAuthorities: [load('sigstore-python/tsa-ca.json')],
});
const tsa = createBundleVerifier({ trustedRoot: parseTrustedRoot(tsaRoot(), 'tsa.json') });
const NPM_KEY = text('keys/npm-registry-jl3bwswu.pem');
const OTHER_KEY = createPublicKey({
  key: { kty: 'EC', crv: 'P-256', x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4', y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM' },
  format: 'jwk',
})
  .export({ format: 'pem', type: 'spki' })
  .toString();

describe('what a verified bundle says', () => {
  it('a public-good DSSE bundle: the statement, the signer, the root, the Rekor time covered by its promise', () => {
    const b = load(V03);
    const v = pg.verify(b, subjectOf(b), V03_POLICY);
    const time = new Date(1689177043 * 1000);
    expect(v).toMatchObject({
      ok: true,
      mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.3',
      payloadType: IN_TOTO_MEDIA,
      trustRoot: 'public-good',
      timestamps: [time],
      witnessed: [{ source: 'tlog', time }],
      ignoredTimestamps: 0,
      signer: { kind: 'certificate', identity: { subjectAlternativeName: 'brian@dehamer.com', issuer: 'https://github.com/login/oauth' } },
    });
    expect(v.ok && v.statement?._type).toBe('https://in-toto.io/Statement/v0.1');
    expect(pg.trustedRootSource).toBe(publicGoodTrustedRoot().source);
  });

  it('the bundle may be JSON text, a Buffer or a parsed object', () => {
    const b = load(V03);
    expect(code(pg.verify(text(V03), subjectOf(b), V03_POLICY))).toBe('OK');
    expect(code(pg.verify(bytes(V03), subjectOf(b), V03_POLICY))).toBe('OK');
  });

  it("GitHub's instance: chosen by the chain, the time is the TSA's", () => {
    const b = load(GH);
    const v = both.verify(b, subjectOf(b));
    expect(v).toMatchObject({ ok: true, trustRoot: 'github', ignoredTimestamps: 0 });
    expect(v.ok && v.witnessed.map((w) => w.source)).toEqual(['tsa']);
    expect(v.ok && v.timestamps).toEqual(v.ok && v.witnessed.map((w) => w.time));
  });

  it('media types and hints are the documented ones', () => {
    expect(BUNDLE_MEDIA_TYPES).toEqual([
      'application/vnd.dev.sigstore.bundle+json;version=0.1',
      'application/vnd.dev.sigstore.bundle+json;version=0.2',
      'application/vnd.dev.sigstore.bundle+json;version=0.3',
      'application/vnd.dev.sigstore.bundle.v0.3+json',
    ]);
    expect(Object.keys(FAILURE_HINTS).sort()).toEqual([
      'ARTIFACT_MISMATCH',
      'CERTIFICATE',
      'CLAIMS',
      'IDENTITY',
      'MALFORMED',
      'PUBLIC_KEY',
      'SIGNATURE',
      'TIMESTAMP',
      'TRANSPARENCY_LOG',
      'UNSUPPORTED',
    ]);
  });
});

describe('not a bundle', () => {
  const any = artifactFromDigest(`sha256:${'0'.repeat(64)}`);
  it.each([
    ['not JSON', '{"mediaType":', /^the bundle is not valid JSON: /],
    ['a list', [], /^the bundle is not a JSON object$/],
    ['null', null, /^the bundle is not a JSON object$/],
    ['a number', 5, /^the bundle is not a JSON object$/],
    ['JSON text of a list', '[1]', /^the bundle is not a JSON object$/],
    [
      'no media type',
      {},
      /^not a Sigstore bundle: media type null is not one of application\/vnd\.dev\.sigstore\.bundle\+json;version=0\.1, /,
    ],
    ['another media type', { mediaType: 'application/json' }, /^not a Sigstore bundle: media type "application\/json" is not one of /],
    ['a media type that is not text', { mediaType: 3 }, /^not a Sigstore bundle: media type 3 is not one of /],
  ])('%s is MALFORMED', (_n, input, why) => {
    const v = pg.verify(input, any, V03_POLICY);
    expect(code(v)).toBe('MALFORMED');
    expect(reason(v)).toMatch(why);
  });

  it('every listed media type is read; a shape problem keeps its own code', () => {
    for (const mediaType of BUNDLE_MEDIA_TYPES) {
      const b: Obj = { ...load(V03), mediaType };
      b.verificationMaterial.tlogEntries = {};
      expect(pg.verify(b, subjectOf(b), V03_POLICY)).toStrictEqual({
        ok: false,
        code: 'TRANSPARENCY_LOG',
        reason: "the bundle's verificationMaterial.tlogEntries must be a list",
      });
    }
  });

  it("the schema's refusals: a log entry without what its version needs is a TRANSPARENCY_LOG problem, others MALFORMED", () => {
    const noPromise = load('sigstore-js/bundleV01-dsse-no-proof.sigstore.json');
    delete noPromise.verificationMaterial.tlogEntries[0].inclusionPromise;
    const v1 = pg.verify(noPromise, subjectOf(noPromise), V03_POLICY);
    expect(code(v1)).toBe('TRANSPARENCY_LOG');
    expect(reason(v1)).toMatch(/^the bundle is not valid: .*inclusionPromise/);
    const noCert = load(V03);
    noCert.verificationMaterial.x509CertificateChain = { certificates: [noCert.verificationMaterial.certificate] };
    delete noCert.verificationMaterial.certificate;
    const v2 = pg.verify(noCert, subjectOf(noCert), V03_POLICY);
    expect(code(v2)).toBe('MALFORMED');
    expect(reason(v2)).toMatch(/^the bundle is not valid: /);
  });
});

describe('the DSSE statement', () => {
  const withPayload = (payload: string, payloadType = IN_TOTO_MEDIA): Obj => {
    const b = load(V03);
    b.dsseEnvelope.payload = payload;
    b.dsseEnvelope.payloadType = payloadType;
    return b;
  };
  const any = artifactFromDigest(`sha256:${'0'.repeat(64)}`);

  it('another payload type is UNSUPPORTED', () => {
    const b = load(V03);
    b.dsseEnvelope.payloadType = 'application/vnd.cyclonedx+json';
    expect(pg.verify(b, subjectOf(b), V03_POLICY)).toStrictEqual({
      ok: false,
      code: 'UNSUPPORTED',
      reason: 'the DSSE payload type is "application/vnd.cyclonedx+json", not application/vnd.in-toto+json',
    });
  });

  it.each([
    ['not JSON', payloadOf('{x'), 'the DSSE payload is not JSON'],
    ['a list', payloadOf([]), 'the DSSE payload is not a JSON object'],
    ['null', payloadOf('null'), 'the DSSE payload is not a JSON object'],
    ['text', payloadOf('"x"'), 'the DSSE payload is not a JSON object'],
    ['no _type', payloadOf({ subject: [], predicateType: 'p' }), 'the DSSE payload is not an in-toto statement (_type null)'],
    [
      'another _type',
      payloadOf({ _type: 'x', subject: [], predicateType: 'p' }),
      'the DSSE payload is not an in-toto statement (_type "x")',
    ],
    [
      'no subject',
      payloadOf({ _type: 'https://in-toto.io/Statement/v1', predicateType: 'p' }),
      'the in-toto statement has no subject list or predicateType',
    ],
    [
      'no predicateType',
      payloadOf({ _type: 'https://in-toto.io/Statement/v1', subject: [] }),
      'the in-toto statement has no subject list or predicateType',
    ],
    [
      'a subject without digest',
      payloadOf({
        _type: 'https://in-toto.io/Statement/v0.1',
        subject: [{ digest: { sha256: '0'.repeat(64) } }, { name: 'x' }],
        predicateType: 'p',
      }),
      'subject[1] of the in-toto statement has no digest set',
    ],
    [
      'a subject whose digest is a list',
      payloadOf({ _type: 'https://in-toto.io/Statement/v1', subject: [{ digest: ['x'] }], predicateType: 'p' }),
      'subject[0] of the in-toto statement has no digest set',
    ],
    [
      'a null subject',
      payloadOf({ _type: 'https://in-toto.io/Statement/v1', subject: [null], predicateType: 'p' }),
      'subject[0] of the in-toto statement has no digest set',
    ],
  ])('a payload that is %s is MALFORMED', (_n, payload, why) => {
    expect(pg.verify(withPayload(payload), any, V03_POLICY)).toStrictEqual({ ok: false, code: 'MALFORMED', reason: why });
  });

  it('an artefact that is no subject is ARTIFACT_MISMATCH, naming the subjects', () => {
    const b = load(V03);
    const v = pg.verify(b, artifactFromDigest(`sha512:${'0'.repeat(128)}`), V03_POLICY);
    expect(v).toStrictEqual({
      ok: false,
      code: 'ARTIFACT_MISMATCH',
      reason: `no subject of the statement has the digest sha512:${'0'.repeat(128)} (subjects: pkg:npm/sigstore@1.0.0@sha512:7bea9f6e7ff3…)`,
    });
  });

  it('a digest in an algorithm the statement does not use says which it does', () => {
    const b = load(V03);
    const v = pg.verify(b, artifactFromDigest(`sha256:${'0'.repeat(64)}`), V03_POLICY);
    expect(code(v)).toBe('ARTIFACT_MISMATCH');
    expect(reason(v)).toMatch(
      /…\); the statement names its subjects by sha512, not sha256: give the artefact file or a digest in one of those$/,
    );
  });

  it('a statement rewritten to name the artefact no longer verifies (the signature covers it)', () => {
    const b = load(V03);
    const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload as string, 'base64').toString()) as Obj;
    st.subject[0].digest = { sha256: '1'.repeat(64) };
    b.dsseEnvelope.payload = payloadOf(st);
    expect(pg.verify(b, artifactFromDigest(`sha256:${'1'.repeat(64)}`), V03_POLICY)).toStrictEqual({
      ok: false,
      code: 'TRANSPARENCY_LOG',
      reason: 'verification against the public-good trust root failed: DSSE payload hash mismatch',
    });
  });

  it('a subject summary lists at most five subjects', () => {
    const subjects = Array.from({ length: 7 }, (_x, i) => ({ name: `s${i}`, digest: { sha256: String(i).repeat(64) } }));
    const b = withPayload(payloadOf({ _type: 'https://in-toto.io/Statement/v1', subject: subjects, predicateType: 'p' }));
    const why = reason(pg.verify(b, artifactFromDigest(`sha256:${'9'.repeat(64)}`), V03_POLICY));
    expect(why).toContain('s4@sha256:444444444444…, …)');
    expect(why).not.toContain('s5@');
  });
});

describe('tampering with the signature, the certificate, the log', () => {
  it('a flipped signature byte is refused', () => {
    const b = load(V03);
    b.dsseEnvelope.signatures[0].sig = flipped(b.dsseEnvelope.signatures[0].sig as string);
    // The log entry's body names the signature it logged: the flipped one is not it.
    expect(code(pg.verify(b, subjectOf(b), V03_POLICY))).toBe('TRANSPARENCY_LOG');
  });

  it('a GitHub bundle with a flipped signature byte: its timestamp (over the signature) no longer verifies', () => {
    const b = load(GH);
    b.dsseEnvelope.signatures[0].sig = flipped(b.dsseEnvelope.signatures[0].sig as string);
    expect(code(both.verify(b, subjectOf(b)))).toBe('TIMESTAMP');
  });

  it('a certificate of another signing is refused', () => {
    const b = load(V03);
    b.verificationMaterial.certificate = load('sigstore-js/bundleV03-intoto.sigstore.json').verificationMaterial.certificate;
    const v = pg.verify(b, subjectOf(b), { checkClaims: false });
    expect(v).toStrictEqual({
      ok: false,
      code: 'CERTIFICATE',
      reason: 'verification against the public-good trust root failed: Failed to verify certificate chain',
    });
  });

  it('a certificate of a CA no trusted root has is a CERTIFICATE refusal that names the issuer', () => {
    const b = load(GH);
    expect(pg.verify(b, subjectOf(b))).toStrictEqual({
      ok: false,
      code: 'CERTIFICATE',
      reason: `the signing certificate was issued by CN=Fulcio Intermediate l2, O=GitHub, Inc., which is not a certificate authority of the trust roots in use (${publicGoodTrustedRoot().source}); if it is a newer CA of a trusted instance, refresh the trust roots over TUF (online) or pass --trusted-root`,
    });
  });

  it('no log entry and no timestamp: no signed time, refused', () => {
    const b = load(V03);
    b.verificationMaterial.tlogEntries = [];
    expect(code(pg.verify(b, subjectOf(b), V03_POLICY))).toBe('TIMESTAMP');
  });

  it("a flipped signed entry timestamp, or a changed integrated time, is refused by the log's promise", () => {
    const b = load('sigstore-js/bundleV01-dsse-no-proof.sigstore.json');
    const e = b.verificationMaterial.tlogEntries[0] as Obj;
    e.inclusionPromise.signedEntryTimestamp = flipped(e.inclusionPromise.signedEntryTimestamp as string);
    expect(code(pg.verify(b, subjectOf(b), V03_POLICY))).toBe('TRANSPARENCY_LOG');
    const t = load('sigstore-js/bundleV01-dsse-no-proof.sigstore.json');
    t.verificationMaterial.tlogEntries[0].integratedTime = String(Number(t.verificationMaterial.tlogEntries[0].integratedTime) + 1);
    expect(code(pg.verify(t, subjectOf(t), V03_POLICY))).toBe('TRANSPARENCY_LOG');
  });

  it('checkpoints are judged by the log key, not by the name on the signature line', () => {
    const moved = parseTrustedRoot(
      {
        ...trustJson('public-good-trusted-root.json'),
        tlogs: (trustJson('public-good-trusted-root.json').tlogs as Obj[]).map((t) => ({ ...t, baseUrl: 'https://log.example.net' })),
      },
      'moved.json',
    );
    const v = createBundleVerifier({ trustedRoot: moved });
    const b = load(V03);
    expect(code(v.verify(b, subjectOf(b), V03_POLICY))).toBe('OK');
    const proof = b.verificationMaterial.tlogEntries[0].inclusionProof as Obj;
    proof.checkpoint.envelope = (proof.checkpoint.envelope as string).replace(
      /(\u2014 \S+ )(\S+)\n/,
      (_m, pre: string, sig: string) => `${pre}${flipped(sig)}\n`,
    );
    expect(code(v.verify(b, subjectOf(b), V03_POLICY))).toBe('TRANSPARENCY_LOG');
  });
});

describe('the identity and the claims', () => {
  it('another SAN or issuer than the policy wants is an IDENTITY refusal', () => {
    const b = load(V03);
    expect(pg.verify(b, subjectOf(b), { ...V03_POLICY, subjectAlternativeName: 'mallory@example.com' })).toStrictEqual({
      ok: false,
      code: 'IDENTITY',
      reason: 'certificate identity (SAN): expected "mallory@example.com", the certificate has "brian@dehamer.com"',
    });
    expect(code(pg.verify(b, subjectOf(b), { ...V03_POLICY, issuer: 'https://accounts.google.com' }))).toBe('IDENTITY');
  });

  it('GitHub provenance whose claims agree with its certificate passes the claims check', () => {
    const b = load('sigstore-go/bundle-provenance.json');
    expect(code(pg.verify(b, subjectOf(b), { sourceRepository: 'sigstore/sigstore-js' }))).toBe('OK');
    expect(code(pg.verify(b, subjectOf(b), { sourceRepository: 'sigstore/sigstore-go' }))).toBe('IDENTITY');
  });
});

describe('key-signed bundles', () => {
  const b = load(KEYED);
  it('need a key; verify with it and report the key that verified, not the hint', () => {
    expect(pg.verify(b, subjectOf(b))).toStrictEqual({
      ok: false,
      code: 'PUBLIC_KEY',
      reason: 'the bundle is signed with a key, and no public key was given (--key)',
    });
    const spki = createPublicKey(NPM_KEY).export({ format: 'der', type: 'spki' });
    const withKey = createBundleVerifier({ trustedRoot: publicGoodTrustedRoot(), publicKeys: [OTHER_KEY, NPM_KEY] });
    const v = withKey.verify(b, subjectOf(b));
    expect(v).toMatchObject({ ok: true, signer: { kind: 'key', keyId: `sha256:${sha256Hex(spki)}` } });
    const hinted = { ...b, verificationMaterial: { ...b.verificationMaterial, publicKey: { hint: 'not the key' } } };
    expect(withKey.verify(hinted, subjectOf(b))).toMatchObject({ ok: true, signer: { kind: 'key', keyId: `sha256:${sha256Hex(spki)}` } });
  });

  it('a key that does not verify is refused, saying how many were tried', () => {
    const one = createBundleVerifier({ trustedRoot: publicGoodTrustedRoot(), publicKeys: [OTHER_KEY] });
    const v1 = one.verify(b, subjectOf(b));
    expect(code(v1)).toBe('SIGNATURE');
    expect(reason(v1)).toMatch(/^the given key does not verify the bundle: /);
    const two = createBundleVerifier({ trustedRoot: publicGoodTrustedRoot(), publicKeys: [OTHER_KEY, OTHER_KEY] });
    expect(reason(two.verify(b, subjectOf(b)))).toMatch(/^none of the 2 given keys verifies the bundle: /);
  });

  it('a key given for a certificate-signed bundle is refused unless an identity is asked for', () => {
    const withKey = createBundleVerifier({ trustedRoot: publicGoodTrustedRoot(), publicKeys: [NPM_KEY] });
    const c = load(V03);
    expect(withKey.verify(c, subjectOf(c), { issuer: V03_POLICY.issuer })).toStrictEqual({
      ok: false,
      code: 'PUBLIC_KEY',
      reason: 'a public key was given, but the bundle is signed with a certificate',
    });
    expect(code(withKey.verify(c, subjectOf(c), V03_POLICY))).toBe('OK');
    expect(code(withKey.verify(c, subjectOf(c), { subjectAlternativeNameRegExp: '^brian@' }))).toBe('OK');
  });

  it('a key that is not PEM is a configuration error', () => {
    expect(() => createBundleVerifier({ publicKeys: [NPM_KEY, 'not a key'] })).toThrow('public key 2 is not a valid PEM public key');
  });

  it('a message signature by an Ed25519 key is UNSUPPORTED, saying why (Sigstore checks message signatures through a hash)', () => {
    // Made by hand as another tool would: Ed25519 over the message, with its SHA-256 as the message digest.
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const data = Buffer.from('hello world\n');
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { publicKey: { hint: 'ed' }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_256', digest: createHash('sha256').update(data).digest('base64') },
        signature: sign(null, data, privateKey).toString('base64'),
      },
    };
    const v = createBundleVerifier({
      trustedRoot: publicGoodTrustedRoot(),
      publicKeys: [publicKey.export({ format: 'pem', type: 'spki' }) as string],
    });
    const r = v.verify(bundle, artifactFromBytes(data), {});
    expect(r).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED',
      reason:
        'an Ed25519 key cannot verify a message signature (Sigstore checks those through a hash): sign an in-toto statement with it, or use an ECDSA P-256 key',
    });
  });

  it('a private key where a public key belongs is refused, not turned into its public half', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const type of ['pkcs8', 'sec1'] as const) {
      const pem = privateKey.export({ format: 'pem', type }) as string;
      expect(() => createBundleVerifier({ publicKeys: [NPM_KEY, pem] })).toThrow('public key 2 is a private key');
    }
    const { privateKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => createBundleVerifier({ publicKeys: [rsa.export({ format: 'pem', type: 'pkcs1' }) as string] })).toThrow(
      'public key 1 is a private key',
    );
  });
});

describe('message signatures', () => {
  const b = load(MSG);
  const file = bytes('sigstore-python/bundle_v3.txt');
  const fileSha = sha256Hex(file);

  it('verify over the artefact bytes, or over its sha256 digest', () => {
    expect(staging.verify(b, artifactFromBytes(file), MSG_POLICY)).toMatchObject({ ok: true, signer: { kind: 'certificate' } });
    expect(code(staging.verify(b, artifactFromDigest(`sha256:${fileSha}`), MSG_POLICY))).toBe('OK');
    expect(staging.verify(b, artifactFromBytes(file), MSG_POLICY)).not.toHaveProperty('statement');
    expect(staging.verify(b, artifactFromBytes(file), MSG_POLICY)).not.toHaveProperty('payloadType');
  });

  it('other bytes or another digest are ARTIFACT_MISMATCH', () => {
    const other = Buffer.concat([file, Buffer.from('x')]);
    expect(staging.verify(b, artifactFromBytes(other), MSG_POLICY)).toStrictEqual({
      ok: false,
      code: 'ARTIFACT_MISMATCH',
      reason: `the bundle's message digest is not the artefact's sha256:${sha256Hex(other)}`,
    });
    expect(staging.verify(b, artifactFromDigest(`sha256:${'0'.repeat(64)}`), MSG_POLICY)).toStrictEqual({
      ok: false,
      code: 'ARTIFACT_MISMATCH',
      reason: `the bundle's message digest is not the artefact's sha256:${'0'.repeat(64)}`,
    });
    expect(staging.verify(b, artifactFromDigest(`sha512:${'0'.repeat(128)}`), MSG_POLICY)).toStrictEqual({
      ok: false,
      code: 'ARTIFACT_MISMATCH',
      reason: 'the bundle signs a sha256 message digest; give the artefact file or its sha256: digest',
    });
  });

  it('a message signature without its digest is not a valid bundle', () => {
    const bare = load(MSG);
    delete bare.messageSignature.messageDigest;
    expect(staging.verify(bare, artifactFromDigest(`sha256:${fileSha}`), MSG_POLICY)).toStrictEqual({
      ok: false,
      code: 'MALFORMED',
      reason: 'the bundle is not valid: invalid bundle: content.messageSignature.messageDigest',
    });
  });

  it('a message digest that does not match the bytes is refused even when the bytes are given', () => {
    const lied = load(MSG);
    lied.messageSignature.messageDigest.digest = Buffer.alloc(32).toString('base64');
    expect(code(staging.verify(lied, artifactFromBytes(file), MSG_POLICY))).toBe('ARTIFACT_MISMATCH');
  });

  it('a flipped signature byte is refused from the bytes and from the digest', () => {
    const bad = load(MSG);
    bad.messageSignature.signature = flipped(bad.messageSignature.signature as string);
    const refused = { ok: false, code: 'TRANSPARENCY_LOG', reason: 'verification against the file trust root failed: signature mismatch' };
    expect(staging.verify(bad, artifactFromBytes(file), MSG_POLICY)).toStrictEqual(refused);
    expect(staging.verify(bad, artifactFromDigest(`sha256:${fileSha}`), MSG_POLICY)).toStrictEqual(refused);
  });

  it('a statement is required when asked for', () => {
    expect(staging.verify(b, artifactFromBytes(file), { ...MSG_POLICY, requireStatement: true })).toStrictEqual({
      ok: false,
      code: 'UNSUPPORTED',
      reason: 'the bundle signs a message, not an in-toto statement',
    });
  });

  it('a bundle of one trust root does not verify under another', () => {
    expect(pg.verify(b, artifactFromBytes(file), MSG_POLICY)).toStrictEqual({
      ok: false,
      code: 'CERTIFICATE',
      reason: 'verification against the public-good trust root failed: Failed to verify certificate chain',
    });
  });
});

describe('RFC 3161 timestamps', () => {
  const file = bytes('sigstore-python/tsa-bundle.txt');
  const policy = { subjectAlternativeName: 'alexis.challande@trailofbits.com', issuer: 'https://accounts.google.com' };

  it('verified timestamps are witnesses beside the log', () => {
    const v = tsa.verify(load('sigstore-python/tsa-bundle.txt.sigstore'), artifactFromBytes(file), policy);
    expect(v.ok).toBe(true);
    expect(v.ok && v.witnessed.map((w) => w.source).sort()).toEqual(['tlog', 'tsa']);
    expect(v.ok && v.ignoredTimestamps).toBe(1);
  });

  it('more than 32 timestamps, or the same one twice, is a TIMESTAMP refusal', () => {
    expect(tsa.verify(load('sigstore-python/tsa-bundle.many_timestamp.sigstore'), artifactFromBytes(file), policy)).toStrictEqual({
      ok: false,
      code: 'TIMESTAMP',
      reason: 'the bundle carries 33 RFC 3161 timestamps, too many (at most 32, as sigstore-python allows)',
    });
    expect(tsa.verify(load('sigstore-python/tsa-bundle.duplicate.sigstore'), artifactFromBytes(file), policy)).toStrictEqual({
      ok: false,
      code: 'TIMESTAMP',
      reason: 'the bundle carries the same RFC 3161 timestamp twice (duplicate timestamps are refused, as the peers do)',
    });
  });

  it('32 timestamps pass the count check (and are then refused here for a duplicate)', () => {
    const b = load('sigstore-python/tsa-bundle.many_timestamp.sigstore');
    const list = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps as Obj[];
    list.pop();
    list[31] = list[0] as Obj;
    expect(list).toHaveLength(32);
    expect(tsa.verify(b, artifactFromBytes(file), policy)).toStrictEqual({
      ok: false,
      code: 'TIMESTAMP',
      reason: 'the bundle carries the same RFC 3161 timestamp twice (duplicate timestamps are refused, as the peers do)',
    });
  });

  it('a GitHub bundle whose timestamp no trusted authority signed is a TIMESTAMP refusal', () => {
    const ghRoot = trustJson('github-trusted-root.json');
    const root = parseTrustedRoot({ ...ghRoot, timestampAuthorities: [load('sigstore-python/tsa-ca.json')] }, 'no-tsa.json');
    const b = load(GH);
    expect(createBundleVerifier({ trustedRoot: root }).verify(b, subjectOf(b))).toStrictEqual({
      ok: false,
      code: 'TIMESTAMP',
      reason: 'none of the 1 RFC 3161 timestamp(s) verifies against the trusted timestamp authorities of the file trust root (no-tsa.json)',
    });
  });

  it('a timestamp threshold above what the bundle has is a TIMESTAMP refusal', () => {
    const b = load(GH);
    expect(code(createBundleVerifier({ timestampThreshold: 2 }).verify(b, subjectOf(b)))).toBe('TIMESTAMP');
    expect(code(createBundleVerifier({ timestampThreshold: 1 }).verify(b, subjectOf(b)))).toBe('OK');
  });

  it('a verified timestamp stands in for the log, unless the log is required', () => {
    const b = load('sigstore-rs/bundle_v03.json');
    const policy03 = {
      subjectAlternativeName: 'https://github.com/kubewarden/kubewarden-controller/.github/workflows/release.yml@refs/tags/v1.34.0',
      issuer: 'https://token.actions.githubusercontent.com',
    };
    expect(code(pg.verify(b, subjectOf(b), policy03))).toBe('OK');
    b.verificationMaterial.tlogEntries = [];
    expect(code(pg.verify(b, subjectOf(b), policy03))).toBe('OK');
    const strict = createBundleVerifier({ trustedRoot: publicGoodTrustedRoot(), requireTransparencyLog: true });
    expect(code(strict.verify(b, subjectOf(b), policy03))).toBe('TRANSPARENCY_LOG');
  });
});

describe('signed times', () => {
  it('a Rekor v2 entry (no promise, no integrated time) is no witness of time; its RFC 3161 timestamp is', () => {
    const b = load('sigstore-python/staging-rekor-v2.txt.sigstore.json');
    const v = staging.verify(b, artifactFromBytes(bytes('sigstore-python/staging-rekor-v2.txt')), {
      subjectAlternativeName: 'jku@goto.fi',
      issuer: 'https://github.com/login/oauth',
    });
    expect(v.ok).toBe(true);
    expect(v.ok && v.witnessed.map((w) => w.source)).toEqual(['tsa']);
    expect(v.ok && v.ignoredTimestamps).toBe(0);
  });

  it("a Rekor v1 entry's integrated time, covered by its promise, is the witnessed time", () => {
    const b = load('sigstore-python/bundle_v3.txt.sigstore');
    const v = staging.verify(b, artifactFromBytes(bytes('sigstore-python/bundle_v3.txt')), MSG_POLICY);
    const t = Number(b.verificationMaterial.tlogEntries[0].integratedTime);
    expect(v.ok && v.witnessed).toEqual([{ source: 'tlog', time: new Date(t * 1000) }]);
  });
});

describe('reasons are one clean line', () => {
  const any = artifactFromDigest(`sha256:${'0'.repeat(64)}`);
  it("the kind of JSON error only: the parser's message would quote the text (a secret a link pointed at)", () => {
    expect(pg.verify('{"mediaType":', any)).toStrictEqual({
      ok: false,
      code: 'MALFORMED',
      reason: 'the bundle is not valid JSON: the text ends too early (truncated?)',
    });
    const v = pg.verify(Buffer.from('{"a":\u0001\u0002}'), any);
    expect(code(v)).toBe('MALFORMED');
    expect(reason(v)).toBe('the bundle is not valid JSON: an unexpected character');
    expect(reason(pg.verify(Buffer.from('SECRET-TOKEN-123\n'), any))).toBe('the bundle is not valid JSON: an unexpected character');
  });
});

describe('RFC 3161 timestamps that do not verify', () => {
  const file = bytes('sigstore-python/tsa-bundle.txt');
  const policy = { subjectAlternativeName: 'alexis.challande@trailofbits.com', issuer: 'https://accounts.google.com' };

  it('are ignored when the log gives a signed time', () => {
    const v = staging.verify(load('sigstore-python/tsa-bundle.txt.sigstore'), artifactFromBytes(file), policy);
    expect(v).toMatchObject({ ok: true, ignoredTimestamps: 2 });
    expect(v.ok && v.witnessed.map((w) => w.source)).toEqual(['tlog']);
  });

  it('refuse the bundle when nothing else signed a time', () => {
    const b = load('sigstore-python/tsa-bundle.txt.sigstore');
    delete b.verificationMaterial.tlogEntries[0].inclusionPromise;
    expect(staging.verify(b, artifactFromBytes(file), policy)).toStrictEqual({
      ok: false,
      code: 'TIMESTAMP',
      reason:
        'none of the 2 RFC 3161 timestamp(s) verifies against the trusted timestamp authorities of the file trust root (staging.json)',
    });
  });

  it('are counted in a refusal for too few timestamps', () => {
    const strict = createBundleVerifier({ trustedRoot: parseTrustedRoot(tsaRoot(), 'tsa.json'), timestampThreshold: 3 });
    const v = strict.verify(load('sigstore-python/tsa-bundle.txt.sigstore'), artifactFromBytes(file), policy);
    expect(code(v)).toBe('TIMESTAMP');
    expect(reason(v)).toMatch(
      /^verification against the file trust root failed: .* \(1 RFC 3161 timestamp\(s\) did not verify and were ignored\)$/,
    );
  });
});
