/**
 * The two ways to sign the remediation clock, on the attest signing pipeline (no transparency log: the
 * TSA's RFC 3161 timestamp is the point) and checked with the bundle verifier:
 * - a key (a PEM private key from a secret): events verify with its public key;
 * - keyless in GitHub Actions: the job's OIDC token → a Fulcio certificate for the rescan workflow;
 *   events verify only when signed by that identity (the workflow ref and the token issuer), so an
 *   event written by another workflow of the repository is refused.
 */
import { ConfigurationError } from '@secure-factory/core';
import {
  actionsIdentityProvider,
  createSigningPipeline,
  jwtClaims,
  PUBLIC_GOOD,
  signerFromPrivateKey,
  type IdentityProvider,
} from '@secure-factory/attest';
import { createBundleVerifier, loadTrustedRoot } from '@secure-factory/verify';
import type { TrustedClock } from './clock-evidence.js';

export type ClockSigner = Omit<TrustedClock, 'scope'>;

/** Signs with a PEM private key; `trustedRoot` is a file holding the TSA's certificates (default the bundled roots). */
export async function keyClock(opts: {
  privateKeyPem: string;
  source: string;
  tsaUrl: string;
  trustedRoot?: string;
}): Promise<ClockSigner> {
  const keySigner = signerFromPrivateKey(opts.privateKeyPem, opts.source);
  const pipeline = createSigningPipeline({
    kind: 'key',
    keySigner,
    services: { fulcioUrl: PUBLIC_GOOD.fulcio, rekorMajorVersion: 1, tsaUrl: opts.tsaUrl },
    useRekor: false,
  });
  const verifier = createBundleVerifier({ trustedRoot: await loadTrustedRoot(opts.trustedRoot), publicKeys: [keySigner.publicKeyPem] });
  return { sign: (payload) => pipeline.signStatement(payload), verifier };
}

/**
 * Keyless: the identity (default: the Actions runtime's token) signs through Fulcio. The identity events
 * must carry is `expectedIdentity`, or the workflow the token names (`job_workflow_ref`), with its issuer.
 */
export async function keylessClock(opts: {
  tsaUrl?: string;
  fulcioUrl?: string;
  trustedRoot?: string;
  expectedIdentity?: string;
  identity?: IdentityProvider;
}): Promise<ClockSigner> {
  const identity = opts.identity ?? actionsIdentityProvider();
  const claims = jwtClaims(await identity.getToken());
  const workflow = typeof claims.job_workflow_ref === 'string' ? `https://github.com/${claims.job_workflow_ref}` : undefined;
  const san = opts.expectedIdentity ?? workflow;
  if (!san)
    throw new ConfigurationError('the keyless clock cannot tell which identity must sign its events', {
      hint: 'give the expected certificate identity (the rescan workflow, https://github.com/OWNER/REPO/.github/workflows/FILE@REF)',
    });
  const pipeline = createSigningPipeline({
    kind: 'keyless',
    identity,
    services: { fulcioUrl: opts.fulcioUrl ?? PUBLIC_GOOD.fulcio, rekorMajorVersion: 1, tsaUrl: opts.tsaUrl ?? PUBLIC_GOOD.tsa },
    useRekor: false,
  });
  return {
    sign: (payload) => pipeline.signStatement(payload),
    verifier: createBundleVerifier({ trustedRoot: await loadTrustedRoot(opts.trustedRoot) }),
    policy: { subjectAlternativeName: san, ...(typeof claims.iss === 'string' ? { issuer: claims.iss } : {}) },
  };
}
