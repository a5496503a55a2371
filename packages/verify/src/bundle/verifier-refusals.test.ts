/**
 * The verifier's refusals, each on a bundle made here for the case: message signatures and DSSE
 * statements signed with P-256, P-384, RSA and Ed25519 keys (the bundle JSON written as Sigstore
 * clients write it), checked from the artefact's bytes and from a digest alone; statements whose
 * subjects do not match; and how a thrown library error becomes a verdict. Keyless cases (claims,
 * witnesses, trust roots without logs or TSAs) are in verifier-keyless.test.ts.
 */
import { createHash, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ConfigurationError, sha256Hex } from '@secure-factory/core';
import { artifactFromBytes, artifactFromDigest, type ArtifactInput } from './artifact.js';
import {
  BUNDLE_MEDIA_TYPES,
  createBundleVerifier,
  FAILURE_HINTS,
  IN_TOTO_MEDIA,
  MAX_REASON_LENGTH,
  oneLineReason,
  VERIFY_CODES,
  verdictFromThrown,
  type BundleVerdict,
  type FailureCode,
} from './verifier.js';

type Obj = Record<string, unknown>;
const V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const b64 = (b: Buffer): string => b.toString('base64');
const pem = (k: KeyObject): string => k.export({ format: 'pem', type: 'spki' }).toString();
const fingerprint = (k: KeyObject): string => `sha256:${sha256Hex(k.export({ format: 'der', type: 'spki' }))}`;
const verdict = (v: BundleVerdict): string => (v.ok ? 'OK' : `${v.code}: ${v.reason}`);

const P256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const P256_OTHER = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const P384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const RSA = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ED25519 = generateKeyPairSync('ed25519');

const HASHES = { SHA2_256: 'sha256', SHA2_384: 'sha384', SHA2_512: 'sha512', SHA3_256: 'sha3-256' } as const;
type Hash = keyof typeof HASHES;

const keyMaterial = (): Obj => ({ publicKey: { hint: '' }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } });

/** A message-signature bundle over `data` as sigstore-js writes one for a key: the digest named, the signature over the bytes. */
function messageBundle(
  privateKey: KeyObject,
  data: Buffer,
  hash: Hash = 'SHA2_256',
  overrides: { digest?: Buffer; signature?: Buffer } = {},
): Obj {
  const alg = HASHES[hash];
  const digest = overrides.digest ?? createHash(alg).update(data).digest();
  const signature = overrides.signature ?? sign(privateKey.asymmetricKeyType === 'ed25519' ? null : alg, data, privateKey);
  return {
    mediaType: V03,
    verificationMaterial: keyMaterial(),
    messageSignature: { messageDigest: { algorithm: hash, digest: b64(digest) }, signature: b64(signature) },
  };
}

/** DSSE's pre-authentication encoding. */
const pae = (type: string, body: Buffer): Buffer => Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${body.length} `), body]);

/** A DSSE bundle over `statement`, signed with `privateKey`. */
function dsseBundle(privateKey: KeyObject, statement: unknown): Obj {
  const payload = Buffer.from(JSON.stringify(statement));
  const sig = sign(privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256', pae(IN_TOTO_MEDIA, payload), privateKey);
  return {
    mediaType: V03,
    verificationMaterial: keyMaterial(),
    dsseEnvelope: { payload: b64(payload), payloadType: IN_TOTO_MEDIA, signatures: [{ sig: b64(sig), keyid: '' }] },
  };
}

const statementOf = (subject: unknown[]): Obj => ({
  _type: 'https://in-toto.io/Statement/v1',
  subject,
  predicateType: 'https://example.com/test/v1',
  predicate: {},
});

const DATA = Buffer.from('the artefact, as released\n');
const bytes = artifactFromBytes(DATA);
const digestOf = (alg: string): ArtifactInput => artifactFromDigest(`${alg}:${createHash(alg).update(DATA).digest('hex')}`);
const keyVerifier = (...keys: KeyObject[]) => createBundleVerifier({ publicKeys: keys.map(pem) });

describe('a thrown value becomes a verdict', () => {
  const sigstoreError = (code: string, message: string): Error => Object.assign(new Error(message), { name: 'VerificationError', code });

  it("maps every @sigstore/verify error code to its verdict, with the library's message", () => {
    const expected: Record<string, FailureCode> = {
      TLOG_ERROR: 'TRANSPARENCY_LOG',
      TLOG_INCLUSION_PROOF_ERROR: 'TRANSPARENCY_LOG',
      TLOG_INCLUSION_PROMISE_ERROR: 'TRANSPARENCY_LOG',
      TLOG_MISSING_INCLUSION_ERROR: 'TRANSPARENCY_LOG',
      TLOG_BODY_ERROR: 'TRANSPARENCY_LOG',
      CERTIFICATE_ERROR: 'CERTIFICATE',
      PUBLIC_KEY_ERROR: 'PUBLIC_KEY',
      SIGNATURE_ERROR: 'SIGNATURE',
      TIMESTAMP_ERROR: 'TIMESTAMP',
      UNTRUSTED_SIGNER_ERROR: 'IDENTITY',
      NOT_IMPLEMENTED_ERROR: 'UNSUPPORTED',
    };
    expect(Object.fromEntries(VERIFY_CODES)).toEqual(expected);
    for (const [code, verdictCode] of Object.entries(expected)) {
      expect(verdictFromThrown(sigstoreError(code, 'what went wrong'), 'MALFORMED', 'checking')).toEqual({
        ok: false,
        code: verdictCode,
        reason: 'checking: what went wrong',
      });
    }
  });

  it('an unknown or inherited code is not a verdict: the fallback is', () => {
    for (const code of ['SOMETHING_NEW', 'constructor', '__proto__', 'toString']) {
      expect(verdictFromThrown(sigstoreError(code, 'x'), 'SIGNATURE', 'checking')).toEqual({
        ok: false,
        code: 'SIGNATURE',
        reason: 'checking: x',
      });
    }
    expect(verdictFromThrown(new Error('plain'), 'CERTIFICATE', 'w')).toEqual({ ok: false, code: 'CERTIFICATE', reason: 'w: plain' });
  });

  it("JavaScript's own errors and values that are not Errors say only that a field had an unexpected shape", () => {
    const shape = { ok: false, code: 'MALFORMED', reason: 'w: a field of the bundle has a shape no Sigstore client writes' };
    for (const e of [
      new TypeError("Cannot read properties of undefined (reading 'x')"),
      new RangeError('offset out of range'),
      new SyntaxError('Unexpected token'),
      new ReferenceError('x is not defined'),
      new URIError('URI malformed'),
      new EvalError('no'),
      undefined,
      null,
      'a string',
      { code: 'SIGNATURE_ERROR', message: 'not an Error' },
    ]) {
      expect(verdictFromThrown(e, 'SIGNATURE', 'w')).toEqual(shape);
    }
  });

  it('an ASN.1 or DER parse error is a malformed bundle, with its message; a code still wins', () => {
    for (const name of ['ASN1ParseError', 'DERError', 'CertificateParseError']) {
      const e = Object.assign(new Error('bad length at 7'), { name });
      expect(verdictFromThrown(e, 'SIGNATURE', 'w')).toEqual({ ok: false, code: 'MALFORMED', reason: 'w: bad length at 7' });
    }
    const coded = Object.assign(new Error('x'), { name: 'ASN1ParseError', code: 'CERTIFICATE_ERROR' });
    expect(verdictFromThrown(coded, 'SIGNATURE', 'w').code).toBe('CERTIFICATE');
  });

  it('a reason is one line: control characters and ANSI escapes collapse to a space, 300 characters at most', () => {
    expect(oneLineReason('first\n\u001b[31mred\u0007\r\n  ')).toBe('first [31mred');
    expect(oneLineReason('a\u0000\u0001\u007fb')).toBe('a b');
    expect(oneLineReason('x'.repeat(400))).toBe('x'.repeat(300));
    expect(oneLineReason(' \n ')).toBe('no detail');
    for (const js of ["Cannot read properties of undefined (reading 'x')", 'e.map is not a function', 'x is not iterable', 'got null']) {
      expect(oneLineReason(js)).toBe('a field is missing or of the wrong type');
    }
  });

  it('every failure code has its own hint, a sentence a person can act on', () => {
    const hints = Object.values(FAILURE_HINTS);
    expect(hints).toHaveLength(10);
    expect(new Set(hints).size).toBe(hints.length);
    for (const h of hints) expect(h.length).toBeGreaterThan(30);
  });
});

describe('public keys given to the verifier', () => {
  it('a private key is refused with how to give its public half; garbage with what a public key looks like', () => {
    const privatePem = P256.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => createBundleVerifier({ publicKeys: [pem(P256.publicKey), privatePem] })).toThrow(
      expect.objectContaining({
        message: 'public key 2 is a private key',
        hint: expect.stringContaining('openssl pkey -in KEY -pubout'),
      }) as Error,
    );
    const e = (() => {
      try {
        createBundleVerifier({ publicKeys: ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'] });
      } catch (err: unknown) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e).toMatchObject({
      message: 'public key 1 is not a valid PEM public key (its encoding does not decode)',
      hint: 'give the PEM "PUBLIC KEY" the bundle was signed with, unaltered',
    });
  });
});

describe('message signatures made with a key', () => {
  it('P-256 over SHA2_256: verified from the bytes and from the sha256 digest, the signer named by the key that verified', () => {
    const bundle = messageBundle(P256.privateKey, DATA);
    const v = keyVerifier(P256.publicKey);
    for (const artifact of [bytes, digestOf('sha256')]) {
      const r = v.verify(bundle, artifact);
      expect(verdict(r)).toBe('OK');
      expect(r).toMatchObject({ signer: { kind: 'key', keyId: fingerprint(P256.publicKey) }, timestamps: [], ignoredTimestamps: 0 });
    }
  });

  it('P-384 over SHA2_384 and P-256 over SHA2_512: from the bytes and from a digest in the algorithm the bundle names', () => {
    const p384 = messageBundle(P384.privateKey, DATA, 'SHA2_384');
    expect(verdict(keyVerifier(P384.publicKey).verify(p384, bytes))).toBe('OK');
    expect(verdict(keyVerifier(P384.publicKey).verify(p384, digestOf('sha384')))).toBe('OK');
    const p256 = messageBundle(P256.privateKey, DATA, 'SHA2_512');
    expect(verdict(keyVerifier(P256.publicKey).verify(p256, bytes))).toBe('OK');
    expect(verdict(keyVerifier(P256.publicKey).verify(p256, digestOf('sha512')))).toBe('OK');
  });

  it('a digest in another algorithm than the bundle signed says which one to give', () => {
    const p384 = messageBundle(P384.privateKey, DATA, 'SHA2_384');
    expect(verdict(keyVerifier(P384.publicKey).verify(p384, digestOf('sha256')))).toBe(
      'ARTIFACT_MISMATCH: the bundle signs a sha384 message digest; give the artefact file or its sha384: digest',
    );
  });

  it('a digest of another artefact is not what was signed (not a bad signature)', () => {
    const other = artifactFromDigest(`sha256:${'e'.repeat(64)}`);
    expect(verdict(keyVerifier(P256.publicKey).verify(messageBundle(P256.privateKey, DATA), other))).toBe(
      `ARTIFACT_MISMATCH: the bundle's message digest is not the artefact's sha256:${'e'.repeat(64)}`,
    );
  });

  it("the bytes of another artefact: the bundle's digest disagrees, and says with what", () => {
    const other = Buffer.from('another artefact');
    expect(verdict(keyVerifier(P256.publicKey).verify(messageBundle(P256.privateKey, DATA), artifactFromBytes(other)))).toBe(
      `ARTIFACT_MISMATCH: the bundle's message digest is not the artefact's sha256:${sha256Hex(other)}`,
    );
  });

  it('a message digest of another artefact over a signature of these bytes is refused even with the bytes', () => {
    const bundle = messageBundle(P256.privateKey, DATA, 'SHA2_256', { digest: createHash('sha256').update('other').digest() });
    expect(keyVerifier(P256.publicKey).verify(bundle, bytes)).toMatchObject({ ok: false, code: 'ARTIFACT_MISMATCH' });
  });

  it('a digest algorithm the verifier does not compute (SHA3-256): the signature is checked over the bytes; a digest alone cannot be matched', () => {
    const bundle = messageBundle(P256.privateKey, DATA, 'SHA3_256');
    expect(verdict(keyVerifier(P256.publicKey).verify(bundle, bytes))).toBe('OK');
    expect(verdict(keyVerifier(P256.publicKey).verify(bundle, digestOf('sha256')))).toBe(
      `ARTIFACT_MISMATCH: the bundle's message digest is not the artefact's sha256:${sha256Hex(DATA)}`,
    );
  });

  it('RSA: verified from the bytes; from a digest alone it cannot be (Node checks RSA over the message), and says so', () => {
    const bundle = messageBundle(RSA.privateKey, DATA);
    expect(verdict(keyVerifier(RSA.publicKey).verify(bundle, bytes))).toBe('OK');
    expect(verdict(keyVerifier(RSA.publicKey).verify(bundle, digestOf('sha256')))).toBe(
      'UNSUPPORTED: a rsa signature cannot be verified from a digest alone; give the artefact file',
    );
  });

  it('a key of another curve than P-256 or P-384 cannot check a digest alone either', () => {
    const k = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
    const bundle = messageBundle(k.privateKey, DATA);
    expect(verdict(keyVerifier(k.publicKey).verify(bundle, bytes))).toBe('OK');
    expect(verdict(keyVerifier(k.publicKey).verify(bundle, digestOf('sha256')))).toBe(
      'UNSUPPORTED: a ec signature cannot be verified from a digest alone; give the artefact file',
    );
  });

  it('an Ed25519 key given for a message signature says why it cannot verify one', () => {
    const bundle = messageBundle(P256.privateKey, DATA);
    // Beside another key too; a statement an Ed25519 key does not verify is a bad signature.
    expect(keyVerifier(P256_OTHER.publicKey, ED25519.publicKey).verify(bundle, bytes)).toMatchObject({ code: 'UNSUPPORTED' });
    const st = statementOf([{ name: 'a', digest: { sha256: sha256Hex(DATA) } }]);
    expect(keyVerifier(ED25519.publicKey).verify(dsseBundle(P256.privateKey, st), bytes)).toMatchObject({ code: 'SIGNATURE' });
    expect(verdict(keyVerifier(ED25519.publicKey).verify(bundle, bytes))).toBe(
      'UNSUPPORTED: an Ed25519 key cannot verify a message signature (Sigstore checks those through a hash): sign an in-toto statement with it, or use an ECDSA P-256 key',
    );
  });

  it('from a digest alone, a P-256 signature by another key is a bad signature, not an unsupported one', () => {
    const bundle = messageBundle(P256_OTHER.privateKey, DATA);
    const r = keyVerifier(P256.publicKey).verify(bundle, digestOf('sha256'));
    expect(r).toMatchObject({ ok: false, code: 'SIGNATURE' });
    expect(verdict(r)).toMatch(/^SIGNATURE: the given key does not verify the bundle: /);
    const p384 = keyVerifier(P384.publicKey).verify(
      messageBundle(generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey, DATA, 'SHA2_384'),
      digestOf('sha384'),
    );
    expect(p384).toMatchObject({ ok: false, code: 'SIGNATURE' });
  });

  it('from a digest alone, a signature that is not DER is refused (never taken as valid)', () => {
    for (const signature of [Buffer.from('not a signature'), Buffer.alloc(72, 0x30), Buffer.alloc(0)]) {
      const bundle = messageBundle(P256.privateKey, DATA, 'SHA2_256', { signature });
      const r = keyVerifier(P256.publicKey).verify(bundle, digestOf('sha256'));
      expect(r.ok).toBe(false);
      expect(r).not.toMatchObject({ code: 'UNSUPPORTED' });
    }
  });

  it('every given key is tried, whatever the bundle hints: the one that verified is named; none says how many were tried', () => {
    const bundle = messageBundle(P256.privateKey, DATA);
    (bundle.verificationMaterial as { publicKey: { hint: string } }).publicKey.hint = fingerprint(P256_OTHER.publicKey);
    const r = keyVerifier(P256_OTHER.publicKey, P384.publicKey, P256.publicKey).verify(bundle, bytes);
    expect(r).toMatchObject({ ok: true, signer: { kind: 'key', keyId: fingerprint(P256.publicKey) } });
    expect(verdict(keyVerifier(P256_OTHER.publicKey, P384.publicKey).verify(bundle, bytes))).toMatch(
      /^SIGNATURE: none of the 2 given keys verifies the bundle: /,
    );
  });

  it('a key-signed bundle needs no log entry and no timestamp (the key is the trust); with no key given it is refused', () => {
    const bundle = messageBundle(P256.privateKey, DATA);
    expect(verdict(createBundleVerifier({ publicKeys: [pem(P256.publicKey)], requireTransparencyLog: false }).verify(bundle, bytes))).toBe(
      'OK',
    );
    expect(verdict(createBundleVerifier().verify(bundle, bytes))).toBe(
      'PUBLIC_KEY: the bundle is signed with a key, and no public key was given (--key)',
    );
  });

  it('requireStatement refuses a message signature before anything else', () => {
    expect(verdict(keyVerifier(P256.publicKey).verify(messageBundle(P256.privateKey, DATA), bytes, { requireStatement: true }))).toBe(
      'UNSUPPORTED: the bundle signs a message, not an in-toto statement',
    );
  });
});

describe('DSSE statements made with a key', () => {
  const sha256 = sha256Hex(DATA);

  it('verified from the bytes and from the digest; the statement and payload type are handed back', () => {
    const st = statementOf([{ name: 'app.tgz', digest: { sha256 } }]);
    const r = keyVerifier(ED25519.publicKey).verify(dsseBundle(ED25519.privateKey, st), digestOf('sha256'));
    expect(r).toMatchObject({ ok: true, statement: st, payloadType: IN_TOTO_MEDIA, mediaType: V03, signer: { kind: 'key' } });
    expect(verdict(keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, st), bytes))).toBe('OK');
  });

  it('a subject whose digest is not a set of digests is a malformed statement', () => {
    for (const digest of ['abc', 42, null, ['sha256', sha256], undefined]) {
      const st = statementOf([
        { name: 'ok', digest: { sha256 } },
        { name: 'bad', digest },
      ]);
      expect(verdict(keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, st), bytes))).toBe(
        'MALFORMED: subject[1] of the in-toto statement has no digest set',
      );
    }
  });

  it('a mismatch lists up to five subjects by their first string digest, and marks the rest', () => {
    const subjects = (n: number): Obj[] =>
      Array.from({ length: n }, (_, i) => ({ name: `s${i}`, digest: { size: 12, sha256: String(i).repeat(64) } }));
    const five = keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, statementOf(subjects(5))), bytes);
    expect(verdict(five)).toBe(
      `ARTIFACT_MISMATCH: no subject of the statement has the digest sha256:${sha256} (subjects: ${[0, 1, 2, 3, 4]
        .map((i) => `s${i}@sha256:${String(i).repeat(12)}…`)
        .join(', ')})`,
    );
    const six = keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, statementOf(subjects(6))), bytes);
    expect(verdict(six)).toMatch(/s4@sha256:444444444444…, …\)$/);
    expect(verdict(six)).not.toContain('s5@');
  });

  it('a subject without a name or digests is shown as ?; a digest artefact hears which algorithms the subjects use', () => {
    const st = statementOf([{ digest: {} }]);
    const r = keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, st), digestOf('sha256'));
    expect(verdict(r)).toBe(
      `ARTIFACT_MISMATCH: no subject of the statement has the digest sha256:${sha256} (subjects: ?@?:?…); the statement names its subjects by nothing, not sha256: give the artefact file or a digest in one of those`,
    );
    const sha512 = statementOf([{ name: 'x', digest: { sha512: 'f'.repeat(128) } }]);
    expect(verdict(keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, sha512), bytes))).toBe(
      `ARTIFACT_MISMATCH: no subject of the statement has the digest sha256:${sha256} (subjects: x@sha512:ffffffffffff…)`,
    );
    expect(verdict(keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, sha512), digestOf('sha256')))).toMatch(
      /names its subjects by sha512, not sha256: give the artefact file or a digest in one of those$/,
    );
  });
});

describe('reasons quote the bundle: one line, controls visible, bounded', () => {
  const mismatch = (subject: unknown[]): string =>
    verdict(keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, statementOf(subject)), bytes));

  it('a subject name with line breaks, workflow commands and ANSI escapes stays on one line, its controls visible', () => {
    const r = mismatch([{ name: 'x\n::add-mask::secret\r\n::error title=pwn::\u001b[31mred\u2028', digest: { sha256: 'a'.repeat(64) } }]);
    expect(r).toContain('(subjects: x\\n\\::add-mask::secret\\n\\::error title=pwn::\\u001b[31mred\\u2028@sha256:aaaaaaaaaaaa…)');
    // eslint-disable-next-line no-control-regex -- control characters are what must not be there
    expect(r).not.toMatch(/[\u0000-\u001f\u007f\u2028]/);
  });

  it('a name of any type or length: at most 100 characters of it, and the reason at most 2000', () => {
    expect(mismatch([{ name: 7, digest: { sha256: 'a'.repeat(64) } }])).toContain('(subjects: 7@sha256:aaaaaaaaaaaa…)');
    expect(mismatch([{ name: 'n'.repeat(5000), digest: { sha256: 'a'.repeat(64) } }])).toContain(`(subjects: ${'n'.repeat(100)}@sha256:`);
    const huge = keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, { ...statementOf([]), _type: 't'.repeat(100_000) }), bytes);
    expect(huge).toMatchObject({ ok: false, code: 'MALFORMED' });
    expect(verdict(huge)).toHaveLength('MALFORMED: '.length + MAX_REASON_LENGTH + 1);
    expect(verdict(huge)).toMatch(/^MALFORMED: the DSSE payload is not an in-toto statement \(_type "tttt.*t…$/);
    // A reason of exactly the limit is whole.
    const prefix = 'the DSSE payload is not an in-toto statement (_type "';
    const exact = 't'.repeat(MAX_REASON_LENGTH - prefix.length - 2);
    const whole = keyVerifier(P256.publicKey).verify(dsseBundle(P256.privateKey, { ...statementOf([]), _type: exact }), bytes);
    expect(verdict(whole)).toBe(`MALFORMED: ${prefix}${exact}")`);
  });
});

describe('bundles that are not what they claim', () => {
  it('an unknown media type is refused by name, however well-formed the rest', () => {
    const bundle = { ...messageBundle(P256.privateKey, DATA), mediaType: 'application/vnd.dev.sigstore.bundle.v0.9+json' };
    expect(verdict(keyVerifier(P256.publicKey).verify(bundle, bytes))).toBe(
      `MALFORMED: not a Sigstore bundle: media type "application/vnd.dev.sigstore.bundle.v0.9+json" is not one of ${BUNDLE_MEDIA_TYPES.join(', ')}`,
    );
  });

  it('an input whose fields throw when read is a verdict, not an exception', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('read refused');
        },
      },
    );
    expect(verdict(keyVerifier(P256.publicKey).verify(hostile, bytes))).toBe('MALFORMED: the bundle cannot be verified: read refused');
    const typeError = new Proxy(
      {},
      {
        get() {
          throw new TypeError('x is not a function');
        },
      },
    );
    expect(verdict(keyVerifier(P256.publicKey).verify(typeError, bytes))).toBe(
      'MALFORMED: the bundle cannot be verified: a field of the bundle has a shape no Sigstore client writes',
    );
  });

  it('a certificate that is not DER is a malformed bundle read, not a crash', () => {
    const bundle = messageBundle(P256.privateKey, DATA);
    bundle.verificationMaterial = {
      certificate: { rawBytes: b64(Buffer.from('not a certificate at all')) },
      tlogEntries: [],
      timestampVerificationData: { rfc3161Timestamps: [] },
    };
    const r = createBundleVerifier().verify(bundle, bytes);
    expect(r).toMatchObject({ ok: false, code: 'MALFORMED' });
    expect(verdict(r)).toMatch(/^MALFORMED: the bundle cannot be read: /);
  });
});

it('a PEM public key round-trips to the same fingerprint the verifier reports', () => {
  expect(fingerprint(createPublicKey(pem(P256.publicKey)))).toBe(fingerprint(P256.publicKey));
});
