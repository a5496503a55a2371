/**
 * The gate's vocabulary: what a verified bundle tells it, what a check says, and the one small
 * interface the gate needs from the trust layer (so the policy can be evaluated and tested over
 * already-verified evidence, and the Sigstore verifier plugs in behind it).
 */
import type { Statement } from '@secure-factory/core';
import type { CertificateIdentity } from '../bundle/certificate.js';

/** The Fulcio certificate's identity, plus the GitHub environment when the trust layer can prove it. */
export type SignerIdentity = CertificateIdentity & { environment?: string };

/** Who signed: a Fulcio certificate (keyless) or a public key (key / ephemeral signer). */
export type EvidenceSigner =
  | { kind: 'certificate'; identity: SignerIdentity }
  | { kind: 'key'; /** A stable fingerprint of the public key, e.g. `sha256:HEX` of its SPKI. */ keyId: string };

/**
 * A time the gate may trust: a transparency-log integration time, an RFC 3161 timestamp, or — for a
 * key the caller made itself for this run (`keysCreatedAt`) — the key's creation: nothing it signed
 * can be older.
 */
export interface TrustedTime {
  time: Date;
  source: 'tlog' | 'tsa' | 'key';
}

/** What the trust layer returns for one bundle that verified. */
export interface VerifiedEvidence {
  statement: Statement;
  signer: EvidenceSigner;
  /** The earliest trusted time of the signature; absent when the bundle carries none. */
  trustedTime?: TrustedTime;
}

/**
 * The trust layer as the gate sees it: verify one Sigstore bundle (signature, certificate chain,
 * transparency log or timestamp, statement-vs-certificate consistency) for the artefact `digest`
 * (sha256 hex) or throw with a reason a
 * person can act on. Identity (which builder) is judged by the gate's policy, not here.
 */
export interface EvidenceVerifier {
  verify(bundle: unknown, digest: string): Promise<VerifiedEvidence>;
  /** Where the trust roots came from (TUF, or the shipped snapshot and its age), for the decision log. */
  readonly trustedRootSource?: string;
}

/** A bundle that verified, with where it came from. */
export interface Evidence extends VerifiedEvidence {
  /** File path or API URL. */
  origin: string;
  /** sha256 hex of the bundle's bytes, as listed in the decision log and the VSA's inputAttestations. */
  bundleDigest: string;
}

/** A bundle or statement that does not count, and why. */
export interface RejectedEvidence {
  origin: string;
  bundleDigest?: string;
  /** The artefact digests it names, when known (a bundle that names this artefact and fails is a refusal). */
  subjects: string[];
  reason: string;
  /** `unsigned`: a statement without a bundle; `invalid`: verification failed; `unreadable`: not a bundle. */
  kind: 'unsigned' | 'invalid' | 'unreadable';
}

export type Stage = 'source' | 'materials' | 'build' | 'attest' | 'gate';
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip';

export interface Check {
  /** Stable id: `evidence`, `builder`, `same-run`, `source`, `sbom`, `vulnerabilities`, `scan-age`, ... */
  id: string;
  title: string;
  stage: Stage;
  status: CheckStatus;
  /** What was found (one line a person can read). */
  reason: string;
  /** Which evidence backs it: `provenance, Rekor 2026-11-24 10:02 UTC`. */
  evidence?: string;
  /** What to do when it fails. */
  fix?: string;
}

export interface WaiverUse {
  /** Index into the policy's exceptions. */
  index: number;
  scope: string;
  reason: string;
  approver: string;
  expires: string;
  /** `used`: it waived something; `expired`: it would have, but has expired (and so blocks). */
  state: 'used' | 'expired';
}
