/**
 * The base-image check the materials stage is given (materials.images.trust): the materials package's
 * registry client and validator with the verify package's Sigstore bundle verifier. Built here because
 * stage packages import core only; undefined when the policy names no image signer.
 */
import type { Policy } from '@secure-factory/core';
import { createRegistryClient, ImageValidator } from '@secure-factory/materials';
import { imageSignatureVerifier } from '@secure-factory/verify';

export function baseImageValidator(policy: Policy, now: Date): ImageValidator | undefined {
  if (policy.materials.images.trust.length === 0) return undefined;
  return new ImageValidator({
    client: createRegistryClient(),
    verify: imageSignatureVerifier(),
    images: policy.materials.images,
    policyFile: policy.source.file,
    waivers: { exceptions: policy.exceptions, maxDays: policy.exceptionMaxDays, now },
  });
}
