/**
 * The gate's EvidenceVerifier over the trust layer's bundle verifier: signature, certificate chain,
 * transparency log or timestamp, and the provenance's claims against the certificate. The identity
 * (which builder) is the gate policy's business, so no identity policy is passed here.
 */
import { PolicyViolation } from '@secure-factory/core';
import { artifactFromDigest } from '../bundle/artifact.js';
import type { BundleVerifier } from '../bundle/verifier.js';
import type { EvidenceVerifier, TrustedTime, VerifiedEvidence } from './types.js';

export function sigstoreEvidenceVerifier(verifier: BundleVerifier): EvidenceVerifier {
  return {
    verify(bundle: unknown, digest: string): Promise<VerifiedEvidence> {
      const verdict = verifier.verify(bundle, artifactFromDigest(`sha256:${digest}`), { requireStatement: true, checkClaims: true });
      if (!verdict.ok) return Promise.reject(new PolicyViolation(`${verdict.code.toLowerCase().replace(/_/g, ' ')}: ${verdict.reason}`));
      if (!verdict.statement) return Promise.reject(new PolicyViolation('the bundle signs no in-toto statement'));
      const material = (bundle as { verificationMaterial?: { tlogEntries?: unknown[]; publicKey?: { hint?: unknown } } })
        .verificationMaterial;
      const earliest = [...verdict.timestamps].sort((a, b) => a.getTime() - b.getTime())[0];
      // Which witness the time came from: a Rekor entry when the bundle has one, else the TSA.
      const trustedTime: TrustedTime | undefined = earliest
        ? { time: earliest, source: (material?.tlogEntries?.length ?? 0) > 0 ? 'tlog' : 'tsa' }
        : undefined;
      const hint =
        typeof material?.publicKey?.hint === 'string' && material.publicKey.hint !== '' ? material.publicKey.hint : 'the given key';
      return Promise.resolve({
        statement: verdict.statement,
        signer:
          verdict.signer.kind === 'certificate' ? { kind: 'certificate', identity: verdict.signer.identity } : { kind: 'key', keyId: hint },
        ...(trustedTime ? { trustedTime } : {}),
      });
    },
  };
}
