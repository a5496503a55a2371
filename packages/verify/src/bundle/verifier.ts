/**
 * Verifying Sigstore bundles offline: bundle + artefact (bytes, or a digest in any in-toto algorithm)
 * + trusted roots + identity policy → the verified statement, or a typed reason a person can act on.
 *
 * What follows the Sigstore client specification and the peers (sigstore-go, gh):
 * - the trust root is chosen by the certificate chain: public-good (Fulcio + Rekor + CT log) or
 *   GitHub's instance (Fulcio + TSA only, no transparency or CT log), each with its own thresholds;
 * - RFC 3161 timestamps are counted against a threshold; ones that do not verify are ignored;
 * - a Rekor checkpoint is accepted when a signature on it verifies with the log's key (its key hint
 *   names the log), whatever name the signature line carries;
 * - the only trusted times are those something signed: a Rekor entry's integrated time when a signed
 *   entry timestamp (inclusion promise) covers it, and verified RFC 3161 timestamps;
 * - a key-signed bundle is reported with the fingerprint of the key that verified the signature,
 *   never the bundle's (unsigned) key hint.
 * Nothing a library throws reaches the caller as JavaScript text: every failure is a FailureCode.
 */
import { createPublicKey, X509Certificate as NodeX509Certificate, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { ConfigurationError, jsonSyntaxReason, safeInlineBounded, sha256Hex, type Statement } from '@secure-factory/core';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { crypto as sigstoreCrypto, type RFC3161Timestamp, type X509Certificate } from '@sigstore/core';
import { HashAlgorithm } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier, type SignedEntity, type TrustMaterial } from '@sigstore/verify';
import { p256, p384 } from '@noble/curves/nist.js';
import { artifactDigest, artifactLabel, subjectMatches, type ArtifactInput } from './artifact.js';
import { certificateIdentity, type CertificateIdentity } from './certificate.js';
import { checkClaimsAgainstCertificate } from './claims.js';
import { checkIdentity, type IdentityPolicy } from './identity-policy.js';
import { shapeProblem } from './shape.js';
import { allRoots, embeddedTrustedRoots, type LoadedTrustedRoot, type TrustInstance } from './trusted-root.js';

type SignatureContent = SignedEntity['signature'];

export const IN_TOTO_MEDIA = 'application/vnd.in-toto+json';
export const BUNDLE_MEDIA_TYPES = [
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle.v0.3+json',
];

export type FailureCode =
  | 'MALFORMED' // not JSON, not a bundle, unknown media type, a field of the wrong shape
  | 'ARTIFACT_MISMATCH' // the artefact is not what was signed
  | 'SIGNATURE' // the signature does not verify
  | 'CERTIFICATE' // the certificate does not chain to the trusted root, or expired at signing time
  | 'TRANSPARENCY_LOG' // missing or bad inclusion proof / promise, body mismatch
  | 'TIMESTAMP'
  | 'PUBLIC_KEY'
  | 'IDENTITY' // the signer is not who the policy wants
  | 'CLAIMS' // the statement's claims disagree with the certificate
  | 'UNSUPPORTED';

/** What each code means for a person, and what to do. */
export const FAILURE_HINTS: Readonly<Record<FailureCode, string>> = {
  MALFORMED: 'the file is not a well-formed Sigstore bundle; fetch it again or re-create it with a Sigstore client',
  ARTIFACT_MISMATCH: 'check that you are verifying the same artefact the bundle was made for',
  SIGNATURE: 'the bundle or the artefact was altered after signing; do not trust it',
  CERTIFICATE:
    'the signing certificate does not chain to a trusted root at signing time; pass the right --trusted-root or refresh the trust roots',
  TRANSPARENCY_LOG:
    'the transparency-log entry does not prove this signature; re-fetch the bundle or pass the trusted root of the log it used',
  TIMESTAMP: 'no trusted time proves when it was signed; pass the trusted root of its timestamp authority',
  PUBLIC_KEY: 'give the public key the bundle was signed with (--key), or verify by identity',
  IDENTITY: 'the signer is not the one the policy expects; check the identity flags',
  CLAIMS: 'the statement claims a build the certificate does not vouch for; do not trust it',
  UNSUPPORTED: 'this kind of bundle cannot be verified here',
};

export interface VerifiedBundle {
  ok: true;
  mediaType: string;
  /** The in-toto statement of a DSSE bundle. */
  statement?: Statement;
  payloadType?: string;
  /** `keyId` is `sha256:HEX` of the SPKI of the key that verified the signature. */
  signer: { kind: 'certificate'; identity: CertificateIdentity } | { kind: 'key'; keyId: string };
  /** Which trust root verified it (`public-good`, `github`, `file`). */
  trustRoot: TrustInstance;
  /** Signed times of the signature: Rekor SET-covered integrated times and verified RFC 3161 timestamps. */
  timestamps: Date[];
  /** The same times with the witness that gave each. */
  witnessed: { source: 'tlog' | 'tsa'; time: Date }[];
  /** RFC 3161 timestamps that did not verify and were ignored (the threshold was met without them). */
  ignoredTimestamps: number;
}

export interface FailedBundle {
  ok: false;
  code: FailureCode;
  reason: string;
}

export type BundleVerdict = VerifiedBundle | FailedBundle;

export interface VerifyPolicy extends IdentityPolicy {
  /** Require a DSSE in-toto statement (the factory's evidence); a message signature then fails. */
  requireStatement?: boolean;
  /** Check the provenance's repository/commit/workflow against the certificate (default true). */
  checkClaims?: boolean;
}

export interface BundleVerifierOptions {
  /** A loaded trust set (loadTrustedRoot); default the shipped public-good and GitHub snapshots. */
  trustedRoot?: LoadedTrustedRoot;
  /** PEM public keys for key-signed bundles (`--key`): any of them may verify. */
  publicKeys?: string[];
  /**
   * Demand a transparency log entry even when the bundle has an RFC 3161 timestamp (default false); from
   * a trust root without logs (GitHub's instance) every keyless bundle is then refused.
   */
  requireTransparencyLog?: boolean;
  /** How many verified timestamps a bundle needs (default 1). */
  timestampThreshold?: number;
}

export interface BundleVerifier {
  readonly trustedRootSource: string;
  verify(bundle: unknown, artifact: ArtifactInput, policy?: VerifyPolicy): BundleVerdict;
}

function fail(code: FailureCode, reason: string): FailedBundle {
  return { ok: false, code, reason };
}

/** @sigstore/verify's error codes as verdicts (a Map: a code is the library's text, never an inherited name). */
export const VERIFY_CODES: ReadonlyMap<string, FailureCode> = new Map([
  ['TLOG_ERROR', 'TRANSPARENCY_LOG'],
  ['TLOG_INCLUSION_PROOF_ERROR', 'TRANSPARENCY_LOG'],
  ['TLOG_INCLUSION_PROMISE_ERROR', 'TRANSPARENCY_LOG'],
  ['TLOG_MISSING_INCLUSION_ERROR', 'TRANSPARENCY_LOG'],
  ['TLOG_BODY_ERROR', 'TRANSPARENCY_LOG'],
  ['CERTIFICATE_ERROR', 'CERTIFICATE'],
  ['PUBLIC_KEY_ERROR', 'PUBLIC_KEY'],
  ['SIGNATURE_ERROR', 'SIGNATURE'],
  ['TIMESTAMP_ERROR', 'TIMESTAMP'],
  ['UNTRUSTED_SIGNER_ERROR', 'IDENTITY'],
  ['NOT_IMPLEMENTED_ERROR', 'UNSUPPORTED'],
]);

/** JavaScript's own error classes mean "a field had a shape nothing expected", never a verdict to show as-is. */
const JS_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'URIError', 'EvalError']);

/**
 * A thrown value as a verdict: a Sigstore error by its code, JavaScript's own errors and anything that is
 * not an Error as MALFORMED (a field of a shape nothing expected), ASN.1/DER parse errors as MALFORMED
 * with their message, anything else as `fallback`. Exported for its tests.
 */
export function verdictFromThrown(e: unknown, fallback: FailureCode, what: string): FailedBundle {
  if (!(e instanceof Error) || JS_ERRORS.has(e.name)) {
    return fail('MALFORMED', `${what}: a field of the bundle has a shape no Sigstore client writes`);
  }
  const code = VERIFY_CODES.get(String((e as { code?: unknown }).code));
  // ASN.1, DER, certificate parse errors from @sigstore/core: a broken encoding inside the bundle.
  const kind = code ?? (/ASN1|DER|parse/i.test(e.name) ? 'MALFORMED' : fallback);
  return fail(kind, `${what}: ${oneLineReason(e.message)}`);
}

/** The longest reason a verdict gives: reasons quote the bundle (subject names, claims), which may be huge. */
export const MAX_REASON_LENGTH = 2000;

/** A verdict's reason on one line, its control characters visible, at most MAX_REASON_LENGTH long. */
export function boundedReason(reason: string): string {
  return safeInlineBounded(reason, MAX_REASON_LENGTH);
}

/** One line, no control characters, no JS property-access jargon. Exported for its tests. */
export function oneLineReason(msg: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const line = msg.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (/Cannot read propert|is not a function|is not iterable|undefined|null/.test(line)) return 'a field is missing or of the wrong type';
  return line.slice(0, 300) || 'no detail';
}

function spkiFingerprint(key: KeyObject): string {
  return `sha256:${sha256Hex(key.export({ format: 'der', type: 'spki' }))}`;
}

/**
 * Every given key is tried, in the order given: the bundle's key hint is not signed, so it picks nothing.
 * The Verifier gets one key per attempt, so the key that verified is known.
 */
function singleKeyFinder(key: KeyObject): (hint: string) => { publicKey: KeyObject; validFor: () => boolean } {
  return () => ({ publicKey: key, validFor: () => true });
}

/** The curves a digest-only ECDSA check supports. */
const PREHASHED_CURVES = new Map([
  ['prime256v1', p256],
  ['secp384r1', p384],
]);

/** ECDSA over a digest we did not compute: Node's crypto cannot; @noble/curves with prehash off can. */
function verifyPrehashed(curve: typeof p256, key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  // An EC key's JWK always has both coordinates: the uncompressed point is 04 || x || y.
  const jwk = key.export({ format: 'jwk' }) as { x: string; y: string };
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  // noble answers false for a signature that is not DER or not of this digest; it does not throw.
  return curve.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' });
}

/** The bundle's signature content, checked against a digest instead of the message (which we do not have). */
function digestOnlyContent(base: SignatureContent, digest: Buffer, onUnsupported: (key: KeyObject) => void): SignatureContent {
  // The library's own comparisons (against the log entry) stay; only the signature check is replaced.
  const content = Object.create(base) as SignatureContent;
  content.verifySignature = (key) => {
    const curve = PREHASHED_CURVES.get(String(key.asymmetricKeyDetails?.namedCurve));
    if (key.asymmetricKeyType !== 'ec' || !curve) {
      onUnsupported(key);
      return false;
    }
    return verifyPrehashed(curve, key, digest, base.signature);
  };
  return content;
}

function parseStatement(payload: Buffer): Statement | string {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return 'the DSSE payload is not JSON';
  }
  const st = value as Partial<Statement> & { _type?: unknown };
  if (!st || typeof st !== 'object' || Array.isArray(st)) return 'the DSSE payload is not a JSON object';
  if (st._type !== 'https://in-toto.io/Statement/v1' && st._type !== 'https://in-toto.io/Statement/v0.1') {
    return `the DSSE payload is not an in-toto statement (_type ${JSON.stringify(st._type ?? null)})`;
  }
  if (!Array.isArray(st.subject) || typeof st.predicateType !== 'string')
    return 'the in-toto statement has no subject list or predicateType';
  for (const [i, s] of st.subject.entries()) {
    const d = (s as { digest?: unknown } | null)?.digest;
    if (!d || typeof d !== 'object' || Array.isArray(d)) return `subject[${i}] of the in-toto statement has no digest set`;
  }
  return st as Statement;
}

function subjectSummary(statement: Statement): string {
  return `${statement.subject
    .slice(0, 5)
    .map((s) => {
      const entries = Object.entries(s.digest).filter(([, v]) => typeof v === 'string');
      const [alg, hex] = entries[0] ?? ['?', '?'];
      return `${String(s.name ?? '?').slice(0, 100)}@${alg}:${String(hex).slice(0, 12)}…`;
    })
    .join(', ')}${statement.subject.length > 5 ? ', …' : ''}`;
}

function matchSubject(statement: Statement, artifact: ArtifactInput): string | undefined {
  for (const s of statement.subject) if (subjectMatches(s.digest, artifact)) return undefined;
  const algs = [...new Set(statement.subject.flatMap((s) => Object.keys(s.digest)))];
  const needs =
    artifact.kind === 'digest' && !algs.includes(artifact.algorithm)
      ? `; the statement names its subjects by ${algs.join(', ') || 'nothing'}, not ${artifact.algorithm}: give the artefact file or a digest in one of those`
      : '';
  return `no subject of the statement has the digest ${artifactLabel(artifact)} (subjects: ${subjectSummary(statement)})${needs}`;
}

/** Bounds the work an attacker can make a verifier do (sigstore-python's MAX_ALLOWED_TIMESTAMP). */
const MAX_TIMESTAMPS = 32;

const MESSAGE_DIGEST_ALGORITHMS: Record<string, string> = { SHA2_256: 'sha256', SHA2_384: 'sha384', SHA2_512: 'sha512' };

interface RootContext {
  loaded: LoadedTrustedRoot;
  instance: TrustInstance;
  material: TrustMaterial;
  /** DER subjects of every CA certificate, to pick the root a leaf chains to. */
  caSubjects: Buffer[];
  hasCtlogs: boolean;
}

const requireCjs = createRequire(import.meta.url);
type VerifyTsa = (timestamp: RFC3161Timestamp, data: Buffer, authorities: TrustMaterial['timestampAuthorities']) => void;
let verifyRfc3161: VerifyTsa | undefined;
/** @sigstore/verify's own RFC 3161 check, one timestamp at a time (its Verifier fails on the first bad one). */
function rfc3161Verifier(): VerifyTsa {
  verifyRfc3161 ??= (requireCjs('@sigstore/verify/dist/timestamp/tsa.js') as { verifyRFC3161Timestamp: VerifyTsa }).verifyRFC3161Timestamp;
  return verifyRfc3161;
}

/**
 * Names on a checkpoint's signature lines (`— NAME BASE64`, the signed-note format). A name only widens
 * which log's key is tried (the key hint still picks the log and its key must verify), so a line of the
 * note body read as a name is harmless.
 */
function checkpointNames(entity: SignedEntity): string[] {
  const names = new Set<string>();
  for (const entry of entity.tlogEntries) {
    for (const line of (entry.inclusionProof?.checkpoint?.envelope ?? '').split('\n')) {
      const [dash, name] = line.split(' ');
      if (dash === '\u2014' && name) names.add(name);
    }
  }
  return [...names];
}

/**
 * A PEM private key where a public key is expected. createPublicKey would silently derive its public
 * half; a private key handed to the verifying side is a leaked key, so callers refuse it instead.
 */
export function isPrivateKeyPem(pem: string): boolean {
  return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem);
}

export function createBundleVerifier(options: BundleVerifierOptions = {}): BundleVerifier {
  const loaded = options.trustedRoot ?? embeddedTrustedRoots();
  const keys = (options.publicKeys ?? []).map((pem, i) => {
    if (isPrivateKeyPem(pem)) {
      throw new ConfigurationError(`public key ${i + 1} is a private key`, {
        hint: 'give only its public half (openssl pkey -in KEY -pubout), and keep the private key off the verifying side',
      });
    }
    try {
      return createPublicKey(pem);
    } catch {
      throw new ConfigurationError(`public key ${i + 1} is not a valid PEM public key (its encoding does not decode)`, {
        hint: 'give the PEM "PUBLIC KEY" the bundle was signed with, unaltered',
      });
    }
  });
  const tsThreshold = options.timestampThreshold ?? 1;
  const contexts: RootContext[] = allRoots(loaded).map((l) => {
    const material = toTrustMaterial(l.root);
    return {
      loaded: l,
      instance: l.instance ?? 'file',
      material,
      caSubjects: material.certificateAuthorities.flatMap((ca) => ca.certChain.map((c) => c.subject)),
      hasCtlogs: material.ctlogs.length > 0,
    };
  });
  const primary = contexts[0] as RootContext;

  /** The root whose CAs issued the leaf: gh and sigstore-go pick the instance the same way. */
  const rootFor = (cert: X509Certificate): RootContext | undefined =>
    contexts.find((c) => c.caSubjects.some((s) => sigstoreCrypto.bufferEqual(s, cert.issuer)));

  /** Trust material whose logs accept the checkpoint's signature names: the key decides, not the name. */
  const withCheckpointNames = (material: TrustMaterial, names: string[]): TrustMaterial => ({
    ...material,
    tlogs: material.tlogs.map((t) => ({ ...t, baseURL: [t.baseURL, ...names].join(' ') })),
  });

  const verify = (input: unknown, artifact: ArtifactInput, policy: VerifyPolicy = {}): BundleVerdict => {
    let v: BundleVerdict;
    try {
      v = verifyOne(input, artifact, policy);
    } catch (e: unknown) {
      // Last line: whatever escaped is reported as a verdict, never as a JavaScript message.
      v = verdictFromThrown(e, 'MALFORMED', 'the bundle cannot be verified');
    }
    return v.ok ? v : fail(v.code, boundedReason(v.reason));
  };

  const verifyOne = (input: unknown, artifact: ArtifactInput, policy: VerifyPolicy): BundleVerdict => {
    let json = input;
    if (typeof input === 'string' || Buffer.isBuffer(input)) {
      try {
        json = JSON.parse(input.toString());
      } catch (e: unknown) {
        // V8's message quotes the text, and the file may be a secret a link pointed at: only the kind of error.
        return fail('MALFORMED', `the bundle is not valid JSON: ${jsonSyntaxReason(e instanceof Error ? e.message : String(e))}`);
      }
    }
    if (!json || typeof json !== 'object' || Array.isArray(json)) return fail('MALFORMED', 'the bundle is not a JSON object');
    const mediaType = (json as { mediaType?: unknown }).mediaType;
    if (typeof mediaType !== 'string' || !BUNDLE_MEDIA_TYPES.includes(mediaType)) {
      return fail(
        'MALFORMED',
        `not a Sigstore bundle: media type ${JSON.stringify(mediaType ?? null)} is not one of ${BUNDLE_MEDIA_TYPES.join(', ')}`,
      );
    }
    const shape = shapeProblem(json as Record<string, unknown>);
    if (shape) return fail(shape.code, shape.reason);
    let bundle: Bundle;
    try {
      bundle = bundleFromJSON(json);
    } catch (e: unknown) {
      const msg = e instanceof Error ? e.message : String(e);
      const fields = (e as { fields?: unknown }).fields;
      const detail = Array.isArray(fields) ? `${msg}: ${fields.join(', ')}` : msg;
      const code: FailureCode = /inclusionProof|inclusionPromise|tlogEntries/.test(detail) ? 'TRANSPARENCY_LOG' : 'MALFORMED';
      return fail(code, `the bundle is not valid: ${oneLineReason(detail)}`);
    }

    let statement: Statement | undefined;
    let payloadType: string | undefined;
    let unsupported: string | undefined;
    let entity: SignedEntity;
    try {
      if (bundle.content.$case === 'dsseEnvelope') {
        const env = bundle.content.dsseEnvelope;
        payloadType = env.payloadType;
        if (payloadType !== IN_TOTO_MEDIA)
          return fail('UNSUPPORTED', `the DSSE payload type is ${JSON.stringify(payloadType)}, not ${IN_TOTO_MEDIA}`);
        const parsed = parseStatement(env.payload);
        if (typeof parsed === 'string') return fail('MALFORMED', parsed);
        statement = parsed;
        const mismatch = matchSubject(statement, artifact);
        if (mismatch) return fail('ARTIFACT_MISMATCH', mismatch);
        entity = toSignedEntity(bundle);
      } else {
        if (policy.requireStatement) return fail('UNSUPPORTED', 'the bundle signs a message, not an in-toto statement');
        const md = bundle.content.messageSignature.messageDigest;
        // bundleFromJSON gives the algorithm as the enum's number.
        const alg = md ? MESSAGE_DIGEST_ALGORITHMS[HashAlgorithm[md.algorithm]] : undefined;
        const signedHex = md ? Buffer.from(md.digest).toString('hex') : undefined;
        if (artifact.kind === 'bytes') {
          // With the bytes, the signature is checked over them; a message digest, when present, must agree.
          const mine = alg ? artifactDigest(artifact, alg) : undefined;
          if (md && alg && mine !== signedHex)
            return fail('ARTIFACT_MISMATCH', `the bundle's message digest is not the artefact's ${alg}:${mine ?? '?'}`);
          entity = toSignedEntity(bundle, artifact.data);
        } else {
          const mine = alg ? artifactDigest(artifact, alg) : undefined;
          // No digest, an algorithm we do not know or cannot compute from the given digest: mine is undefined.
          if (mine === undefined || mine !== signedHex) {
            return fail(
              'ARTIFACT_MISMATCH',
              mine === undefined && alg
                ? `the bundle signs a ${alg} message digest; give the artefact file or its ${alg}: digest`
                : `the bundle's message digest is not the artefact's ${artifactLabel(artifact)}`,
            );
          }
          const base = toSignedEntity(bundle);
          entity = {
            ...base,
            signature: digestOnlyContent(base.signature, Buffer.from(mine, 'hex'), (key) => {
              unsupported = `a ${key.asymmetricKeyType ?? 'unknown'} signature cannot be verified from a digest alone; give the artefact file`;
            }),
          };
        }
      }
    } catch (e: unknown) {
      return verdictFromThrown(e, 'MALFORMED', 'the bundle cannot be read');
    }

    const isKey = entity.key.$case === 'public-key';
    if (isKey && keys.length === 0) return fail('PUBLIC_KEY', 'the bundle is signed with a key, and no public key was given (--key)');
    if (!isKey && keys.length > 0 && policy.subjectAlternativeName === undefined && policy.subjectAlternativeNameRegExp === undefined) {
      return fail('PUBLIC_KEY', 'a public key was given, but the bundle is signed with a certificate');
    }
    const cert = entity.key.$case === 'certificate' ? entity.key.certificate : undefined;
    const found = cert ? rootFor(cert) : primary;
    if (!found) {
      // No trust root has the issuing CA: say which CA, and that a newer trust root may have it.
      return fail(
        'CERTIFICATE',
        `the signing certificate was issued by ${issuerName(cert as X509Certificate)}, which is not a certificate authority of the trust roots in use (${loaded.source}); if it is a newer CA of a trusted instance, refresh the trust roots over TUF (online) or pass --trusted-root`,
      );
    }
    const ctx = found;

    // RFC 3161 timestamps: keep the ones that verify against the root's TSAs; the threshold counts those.
    const tsaTimestamps = entity.timestamps.filter(
      (t): t is Extract<SignedEntity['timestamps'][number], { $case: 'timestamp-authority' }> => t.$case === 'timestamp-authority',
    );
    if (tsaTimestamps.length > MAX_TIMESTAMPS)
      return fail(
        'TIMESTAMP',
        `the bundle carries ${tsaTimestamps.length} RFC 3161 timestamps, too many (at most ${MAX_TIMESTAMPS}, as sigstore-python allows)`,
      );
    const seenTs = new Set<string>();
    for (const t of tsaTimestamps) {
      const der = sha256Hex(t.timestamp.root.toDER());
      if (seenTs.has(der))
        return fail(
          'TIMESTAMP',
          'the bundle carries the same RFC 3161 timestamp twice (duplicate timestamps are refused, as the peers do)',
        );
      seenTs.add(der);
    }
    const kept = entity.timestamps.filter((t) => {
      if (t.$case !== 'timestamp-authority') return true;
      try {
        rfc3161Verifier()(t.timestamp, entity.signature.signature, ctx.material.timestampAuthorities);
        return true;
      } catch {
        return false;
      }
    });
    const ignoredTimestamps = tsaTimestamps.length - kept.filter((t) => t.$case === 'timestamp-authority').length;
    const verifiedTsa = kept.some((t) => t.$case === 'timestamp-authority');
    const signedTlogTime = kept.some((t) => t.$case === 'transparency-log' && t.tlogEntry.inclusionPromise !== undefined);
    if (!isKey && tsaTimestamps.length > 0 && !verifiedTsa && !signedTlogTime) {
      return fail(
        'TIMESTAMP',
        `none of the ${tsaTimestamps.length} RFC 3161 timestamp(s) verifies against the trusted timestamp authorities of the ${ctx.instance} trust root (${ctx.loaded.source})`,
      );
    }
    const filtered: SignedEntity = { ...entity, timestamps: kept };
    const material = withCheckpointNames(ctx.material, checkpointNames(entity));

    let signerKey: KeyObject;
    if (isKey) {
      // Try every trusted key; the one that verifies is the signer (the bundle's key hint is unsigned).
      let lastError: unknown;
      let found: KeyObject | undefined;
      for (const k of keys) {
        try {
          new Verifier(
            { ...material, publicKey: singleKeyFinder(k) },
            { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 },
          ).verify(filtered);
          found = k;
          break;
        } catch (e: unknown) {
          lastError = e;
        }
      }
      if (!found) {
        if (unsupported) return fail('UNSUPPORTED', unsupported);
        // Sigstore checks a message signature with the hash its digest names; Ed25519 signs the message
        // itself (no hash), so such a bundle can be neither checked here nor by cosign or sigstore-js.
        if (bundle.content.$case === 'messageSignature' && keys.some((k) => k.asymmetricKeyType === 'ed25519')) {
          return fail(
            'UNSUPPORTED',
            'an Ed25519 key cannot verify a message signature (Sigstore checks those through a hash): sign an in-toto statement with it, or use an ECDSA P-256 key',
          );
        }
        return verdictFromThrown(
          lastError,
          'SIGNATURE',
          keys.length > 1 ? `none of the ${keys.length} given keys verifies the bundle` : 'the given key does not verify the bundle',
        );
      }
      signerKey = found;
    } else {
      // Without a verified TSA time only a log entry's promise can give one, so an entry is needed (from a root
      // without logs that fails, as it must: nothing signed a time). Demanded, it is needed from any root.
      const tlogThreshold = options.requireTransparencyLog || !verifiedTsa ? 1 : 0;
      const verifier = new Verifier(material, {
        tlogThreshold,
        ctlogThreshold: ctx.hasCtlogs ? 1 : 0,
        timestampThreshold: tsThreshold,
      });
      try {
        signerKey = verifier.verify(filtered).key;
      } catch (e: unknown) {
        if (unsupported) return fail('UNSUPPORTED', unsupported);
        const v = verdictFromThrown(e, 'SIGNATURE', `verification against the ${ctx.instance} trust root failed`);
        if (v.code === 'TIMESTAMP' && ignoredTimestamps > 0)
          return fail('TIMESTAMP', `${v.reason} (${ignoredTimestamps} RFC 3161 timestamp(s) did not verify and were ignored)`);
        return v;
      }
    }
    const witnessed: VerifiedBundle['witnessed'] = [];
    for (const t of kept) {
      // A Rekor integrated time is signed only by the entry's SET (inclusion promise); an inclusion
      // proof covers the body, not the time, and a Rekor v2 entry has no integrated time at all.
      if (t.$case === 'transparency-log') {
        if (t.tlogEntry.inclusionPromise && Number(t.tlogEntry.integratedTime) > 0)
          witnessed.push({ source: 'tlog', time: new Date(Number(t.tlogEntry.integratedTime) * 1000) });
      } else witnessed.push({ source: 'tsa', time: t.timestamp.signingTime });
    }
    const timestamps = witnessed.map((w) => w.time);
    const common = {
      ok: true as const,
      mediaType,
      ...(statement ? { statement } : {}),
      ...(payloadType ? { payloadType } : {}),
      trustRoot: ctx.instance,
      timestamps,
      witnessed,
      ignoredTimestamps,
    };
    if (isKey) return { ...common, signer: { kind: 'key', keyId: spkiFingerprint(signerKey) } };
    const identity = cert ? certificateIdentity(cert) : {};
    const problems = checkIdentity(policy, identity);
    if (problems.length > 0) return fail('IDENTITY', problems.join('; '));
    if (statement && policy.checkClaims !== false) {
      const claimProblems = checkClaimsAgainstCertificate(statement, identity);
      if (claimProblems.length > 0) return fail('CLAIMS', claimProblems.join('; '));
    }
    return { ...common, signer: { kind: 'certificate', identity } };
  };

  return { trustedRootSource: loaded.source, verify };
}

/** `CN=Fulcio Intermediate l2, O=GitHub, Inc.` for messages. */
function issuerName(cert: X509Certificate): string {
  try {
    return new NodeX509Certificate(cert.root.toDER()).issuer.split('\n').reverse().join(', ').replace(/\\,/g, ',');
  } catch {
    return 'an unknown issuer';
  }
}
