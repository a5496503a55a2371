/**
 * Verifying Sigstore bundles offline: bundle + artefact (bytes or `sha256:` digest) + trusted root +
 * identity policy → the verified statement, or a precise reason. The trust material and the
 * @sigstore/verify `Verifier`s are built once per `createBundleVerifier()` and reused for every bundle.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { sha256Hex, type Statement } from '@secure-factory/core';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { crypto as sigstoreCrypto } from '@sigstore/core';
import { toSignedEntity, toTrustMaterial, Verifier, type SignedEntity, type TrustMaterial } from '@sigstore/verify';

type SignatureContent = SignedEntity['signature'];
import { p256 } from '@noble/curves/nist.js';
import type { ArtifactInput } from './artifact.js';
import { certificateIdentity, type CertificateIdentity } from './certificate.js';
import { checkClaimsAgainstCertificate } from './claims.js';
import { checkIdentity, type IdentityPolicy } from './identity-policy.js';
import { publicGoodTrustedRoot, type LoadedTrustedRoot } from './trusted-root.js';

export const IN_TOTO_MEDIA = 'application/vnd.in-toto+json';
export const BUNDLE_MEDIA_TYPES = [
  'application/vnd.dev.sigstore.bundle+json;version=0.1',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle+json;version=0.3',
  'application/vnd.dev.sigstore.bundle.v0.3+json',
];

export type FailureCode =
  | 'MALFORMED' // not JSON, not a bundle, unknown media type
  | 'ARTIFACT_MISMATCH' // the artefact is not what was signed
  | 'SIGNATURE' // the signature does not verify
  | 'CERTIFICATE' // the certificate does not chain to the trusted root, or expired at signing time
  | 'TRANSPARENCY_LOG' // missing or bad inclusion proof / promise, body mismatch
  | 'TIMESTAMP'
  | 'PUBLIC_KEY'
  | 'IDENTITY' // the signer is not who the policy wants
  | 'CLAIMS' // the statement's claims disagree with the certificate
  | 'UNSUPPORTED';

export interface VerifiedBundle {
  ok: true;
  mediaType: string;
  /** The in-toto statement of a DSSE bundle. */
  statement?: Statement;
  payloadType?: string;
  signer: { kind: 'certificate'; identity: CertificateIdentity } | { kind: 'key' };
  /** Times the signature was witnessed (tlog integrated time, RFC 3161). */
  timestamps: Date[];
  /** The same times with the witness that gave each. */
  witnessed: { source: 'tlog' | 'tsa'; time: Date }[];
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
  trustedRoot?: LoadedTrustedRoot;
  /** PEM public keys for key-signed bundles (`--key`): matched by hint, or the only key. */
  publicKeys?: string[];
  /** Demand a transparency log entry even when the bundle has an RFC 3161 timestamp (default false). */
  requireTransparencyLog?: boolean;
}

export interface BundleVerifier {
  readonly trustedRootSource: string;
  verify(bundle: unknown, artifact: ArtifactInput, policy?: VerifyPolicy): BundleVerdict;
}

function fail(code: FailureCode, reason: string): FailedBundle {
  return { ok: false, code, reason };
}

const VERIFY_CODES: Record<string, FailureCode> = {
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

function keyFinder(keys: KeyObject[]): (hint: string) => { publicKey: KeyObject; validFor: () => boolean } {
  const byHint = new Map<string, KeyObject>();
  for (const k of keys) {
    const der = k.export({ format: 'der', type: 'spki' });
    byHint.set(sha256Hex(der), k);
    byHint.set(Buffer.from(sigstoreCrypto.digest('sha256', der)).toString('base64'), k);
  }
  return (hint: string) => {
    const k = byHint.get(hint) ?? (keys.length === 1 ? keys[0] : undefined);
    if (!k) throw new Error(`no public key given for the hint ${JSON.stringify(hint)}`);
    return { publicKey: k, validFor: () => true };
  };
}

/** ECDSA P-256 over a digest we did not compute: Node's crypto cannot; @noble/curves with prehash off can. */
function verifyPrehashed(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return false;
  const jwk = key.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) return false;
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
  try {
    return p256.verify(signature, digest, point, { prehash: false, lowS: false, format: 'der' });
  } catch {
    return false;
  }
}

function digestOnlyContent(base: SignatureContent, digest: Buffer, onUnsupported: (key: KeyObject) => void): SignatureContent {
  return {
    signature: base.signature,
    compareSignature: (s) => base.compareSignature(s),
    compareDigest: (d) => base.compareDigest(d),
    compareSignedDigest: (d) => base.compareSignedDigest(d),
    verifySignature: (key) => {
      if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') onUnsupported(key);
      return verifyPrehashed(key, digest, base.signature);
    },
  };
}

function parseStatement(payload: Buffer): Statement | string {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return 'the DSSE payload is not JSON';
  }
  const st = value as Partial<Statement> & { _type?: unknown };
  if (!st || typeof st !== 'object') return 'the DSSE payload is not a JSON object';
  if (st._type !== 'https://in-toto.io/Statement/v1' && st._type !== 'https://in-toto.io/Statement/v0.1') {
    return `the DSSE payload is not an in-toto statement (_type ${JSON.stringify(st._type ?? null)})`;
  }
  if (!Array.isArray(st.subject) || typeof st.predicateType !== 'string')
    return 'the in-toto statement has no subject list or predicateType';
  return st as Statement;
}

function matchSubject(statement: Statement, artifact: ArtifactInput): string | undefined {
  for (const s of statement.subject) {
    const d = (s as { digest?: Record<string, unknown> }).digest?.sha256;
    if (typeof d === 'string' && d.toLowerCase() === artifact.sha256) return undefined;
  }
  return `no subject of the statement has the digest sha256:${artifact.sha256} (subjects: ${statement.subject
    .slice(0, 5)
    .map((s) => {
      const d = (s as { digest?: Record<string, unknown> }).digest?.sha256;
      return `${s.name ?? '?'}@sha256:${typeof d === 'string' ? d.slice(0, 12) : '?'}…`;
    })
    .join(', ')}${statement.subject.length > 5 ? ', …' : ''})`;
}

export function createBundleVerifier(options: BundleVerifierOptions = {}): BundleVerifier {
  const trusted = options.trustedRoot ?? publicGoodTrustedRoot();
  const keys = (options.publicKeys ?? []).map((pem) => createPublicKey(pem));
  const material: TrustMaterial = toTrustMaterial(trusted.root, keys.length > 0 ? keyFinder(keys) : undefined);
  const verifiers = new Map<string, Verifier>();
  const verifierFor = (tlog: number, ctlog: number, timestamp: number): Verifier => {
    const k = `${tlog}/${ctlog}/${timestamp}`;
    let v = verifiers.get(k);
    if (!v) {
      v = new Verifier(material, { tlogThreshold: tlog, ctlogThreshold: ctlog, timestampThreshold: timestamp });
      verifiers.set(k, v);
    }
    return v;
  };

  const verify = (input: unknown, artifact: ArtifactInput, policy: VerifyPolicy = {}): BundleVerdict => {
    let json = input;
    if (typeof input === 'string' || Buffer.isBuffer(input)) {
      try {
        json = JSON.parse(input.toString());
      } catch (e: unknown) {
        return fail('MALFORMED', `the bundle is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
    if (typeof mediaType !== 'string' || !BUNDLE_MEDIA_TYPES.includes(mediaType)) {
      return fail(
        'MALFORMED',
        `not a Sigstore bundle: media type ${JSON.stringify(mediaType ?? null)} is not one of ${BUNDLE_MEDIA_TYPES.join(', ')}`,
      );
    }
    let bundle: Bundle;
    try {
      bundle = bundleFromJSON(json);
    } catch (e: unknown) {
      const msg = e instanceof Error ? e.message : String(e);
      const fields = (e as { fields?: unknown }).fields;
      const detail = Array.isArray(fields) ? `${msg}: ${fields.join(', ')}` : msg;
      const code: FailureCode = /inclusionProof|inclusionPromise|tlogEntries/.test(detail) ? 'TRANSPARENCY_LOG' : 'MALFORMED';
      return fail(code, `the bundle is not valid: ${detail}`);
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
        if (!md || Buffer.from(md.digest).toString('hex') !== artifact.sha256) {
          return fail('ARTIFACT_MISMATCH', `the bundle's message digest is not the artefact's sha256:${artifact.sha256}`);
        }
        if (artifact.kind === 'bytes') {
          entity = toSignedEntity(bundle, artifact.data);
        } else {
          const base = toSignedEntity(bundle);
          entity = {
            ...base,
            signature: digestOnlyContent(base.signature, Buffer.from(artifact.sha256, 'hex'), (key) => {
              unsupported = `a ${key.asymmetricKeyType ?? 'unknown'} signature cannot be verified from a digest alone; give the artefact file`;
            }),
          };
        }
      }
    } catch (e: unknown) {
      return fail('MALFORMED', `the bundle cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }

    const isKey = entity.key.$case === 'public-key';
    if (isKey && keys.length === 0) return fail('PUBLIC_KEY', 'the bundle is signed with a key, and no public key was given (--key)');
    if (!isKey && keys.length > 0 && policy.subjectAlternativeName === undefined && policy.subjectAlternativeNameRegExp === undefined) {
      return fail('PUBLIC_KEY', 'a public key was given, but the bundle is signed with a certificate');
    }
    const hasTsa = entity.timestamps.some((t) => t.$case === 'timestamp-authority');
    const verifier = isKey ? verifierFor(0, 0, 0) : verifierFor(options.requireTransparencyLog || !hasTsa ? 1 : 0, 1, 1);
    let signer;
    try {
      signer = verifier.verify(entity);
    } catch (e: unknown) {
      if (unsupported) return fail('UNSUPPORTED', unsupported);
      const code = VERIFY_CODES[String((e as { code?: unknown }).code)] ?? 'SIGNATURE';
      return fail(code, `${e instanceof Error ? e.message : String(e)}`);
    }
    const witnessed: VerifiedBundle['witnessed'] = [];
    for (const t of entity.timestamps) {
      // A Rekor v2 entry has no integrated time; its time comes from a TSA.
      if (t.$case === 'transparency-log') {
        if (Number(t.tlogEntry.integratedTime) > 0)
          witnessed.push({ source: 'tlog', time: new Date(Number(t.tlogEntry.integratedTime) * 1000) });
      } else witnessed.push({ source: 'tsa', time: t.timestamp.signingTime });
    }
    const timestamps = witnessed.map((w) => w.time);
    if (isKey) {
      return {
        ok: true,
        mediaType,
        ...(statement ? { statement } : {}),
        ...(payloadType ? { payloadType } : {}),
        signer: { kind: 'key' },
        timestamps,
        witnessed,
      };
    }
    const cert = entity.key.$case === 'certificate' ? entity.key.certificate : undefined;
    const identity = cert ? certificateIdentity(cert) : {};
    void signer;
    const problems = checkIdentity(policy, identity);
    if (problems.length > 0) return fail('IDENTITY', problems.join('; '));
    if (statement && policy.checkClaims !== false) {
      const claimProblems = checkClaimsAgainstCertificate(statement, identity);
      if (claimProblems.length > 0) return fail('CLAIMS', claimProblems.join('; '));
    }
    return {
      ok: true,
      mediaType,
      ...(statement ? { statement } : {}),
      ...(payloadType ? { payloadType } : {}),
      signer: { kind: 'certificate', identity },
      timestamps,
      witnessed,
    };
  };

  return { trustedRootSource: trusted.source, verify };
}
