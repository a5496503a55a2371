/**
 * The gate's EvidenceVerifier over the trust layer's bundle verifier: signature, certificate chain,
 * transparency log or timestamp, and the provenance's claims against the certificate. The identity
 * (which builder) is the gate policy's business, so no identity policy is passed here.
 *
 * Only signed data reaches the gate: the trusted time is a Rekor time covered by a signed entry
 * timestamp or a verified RFC 3161 time (never a bare `integratedTime`), the key signer is named by
 * the fingerprint of the key that verified (never the bundle's `publicKey.hint`), and a provenance
 * must name as its builder an identity the certificate vouches for.
 */
import { PolicyViolation, PREDICATE, type Statement } from '@secure-factory/core';
import { artifactFromDigest } from '../bundle/artifact.js';
import type { CertificateIdentity } from '../bundle/certificate.js';
import type { BundleVerifier } from '../bundle/verifier.js';
import type { EvidenceVerifier, TrustedTime, VerifiedEvidence } from './types.js';

const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';

/** The builder id a provenance names (SLSA v1 runDetails.builder.id, v0.2 builder.id). */
export function provenanceBuilderId(statement: Statement): string | undefined {
  const p = statement.predicate as { runDetails?: { builder?: { id?: unknown } }; builder?: { id?: unknown } } | null;
  if (statement.predicateType === PREDICATE.provenance) {
    const id = p?.runDetails?.builder?.id;
    return typeof id === 'string' ? id : undefined;
  }
  if (statement.predicateType === SLSA_V02) {
    const id = p?.builder?.id;
    return typeof id === 'string' ? id : undefined;
  }
  return undefined;
}

/**
 * Whether a provenance's builder id names the certificate's own identity: the workflow that signed
 * (build signer URI), the top-level workflow (build config URI, what the factory records), the SAN,
 * or GitHub's runner ids (`https://github.com/actions/runner/github-hosted`) matching the certificate's
 * runner environment, as actions/attest-build-provenance writes.
 */
export function builderMatchesCertificate(builderId: string, id: CertificateIdentity): boolean {
  const own = [id.buildSignerUri, id.buildConfigUri, id.subjectAlternativeName].filter((v): v is string => typeof v === 'string');
  if (own.includes(builderId)) return true;
  const runner = /^https:\/\/github\.com\/actions\/runner\/(github-hosted|self-hosted)$/.exec(builderId);
  return runner !== null && id.runnerEnvironment === runner[1];
}

export function sigstoreEvidenceVerifier(verifier: BundleVerifier): EvidenceVerifier {
  return {
    trustedRootSource: verifier.trustedRootSource,
    verify(bundle: unknown, digest: string): Promise<VerifiedEvidence> {
      // `sha256` hex as the gate indexes, or `ALG:HEX` for evidence named by another algorithm.
      const artifact = artifactFromDigest(digest.includes(':') ? digest : `sha256:${digest}`);
      const verdict = verifier.verify(bundle, artifact, { requireStatement: true, checkClaims: true });
      if (!verdict.ok) return Promise.reject(new PolicyViolation(`${verdict.code.toLowerCase().replace(/_/g, ' ')}: ${verdict.reason}`));
      const statement = verdict.statement;
      if (!statement) return Promise.reject(new PolicyViolation('the bundle signs no in-toto statement'));
      if (verdict.signer.kind === 'certificate') {
        const builderId = provenanceBuilderId(statement);
        if (builderId !== undefined && !builderMatchesCertificate(builderId, verdict.signer.identity)) {
          const id = verdict.signer.identity;
          return Promise.reject(
            new PolicyViolation(
              `claims: the provenance names builder ${builderId}, but its certificate was issued to ${id.buildSignerUri ?? id.subjectAlternativeName ?? 'another identity'}; a signer may not vouch for another builder`,
            ),
          );
        }
      }
      // The earliest signed time, with the witness that signed it.
      const earliest = [...verdict.witnessed].sort((a, b) => a.time.getTime() - b.time.getTime())[0];
      const trustedTime: TrustedTime | undefined = earliest ? { time: earliest.time, source: earliest.source } : undefined;
      return Promise.resolve({
        statement,
        signer:
          verdict.signer.kind === 'certificate'
            ? { kind: 'certificate', identity: verdict.signer.identity }
            : { kind: 'key', keyId: verdict.signer.keyId.replace(/^sha256:/, '') },
        ...(trustedTime ? { trustedTime } : {}),
      });
    },
  };
}
