/**
 * The base-image signature check (`imageSignatureVerifier`) on a statement signed keyless here against
 * local Sigstore services (test/support/sigstore-services.ts), verified with their trusted root as the
 * caller gives it. A base image's signed statement speaks of the vendor's build, not of this factory's:
 * it is held to the trust entry's identity and issuer, never to the claims check the gate applies to
 * its own evidence, so a provenance whose claims the certificate does not back is still the vendor's
 * signature.
 */
import { createSigningPipeline, staticToken } from '@secure-factory/attest';
import { makeStatement, PREDICATE } from '@secure-factory/core';
import { GITHUB_ISSUER, startSigstoreServices, type SigstoreServices } from '../../../../test/support/sigstore-services.js';
import { parseTrustedRoot, type LoadedTrustedRoot } from '../bundle/trusted-root.js';
import { createBundleVerifier } from '../bundle/verifier.js';
import { imageSignatureVerifier } from './images.js';

const IMAGE = 'b'.repeat(64);
const COMMIT = 'c'.repeat(40);
const SAN = 'https://github.com/vendor/base/.github/workflows/release.yml@refs/heads/main';

describe('imageSignatureVerifier on a keyless statement signed against local services', () => {
  let services: SigstoreServices;
  let root: LoadedTrustedRoot;
  let bundle: unknown;

  beforeAll(async () => {
    services = await startSigstoreServices();
    root = parseTrustedRoot(services.trustedRoot, 'local services');
    const pipeline = createSigningPipeline({
      kind: 'keyless',
      services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl, rekorMajorVersion: 1 },
      identity: staticToken(
        services.issueToken({
          repository: 'vendor/base',
          sf_san: SAN,
          job_workflow_ref: 'vendor/base/.github/workflows/release.yml@refs/heads/main',
          sha: COMMIT,
        }),
      ),
      useRekor: true,
    });
    // A provenance that names another repository than the one the certificate was issued to.
    const provenance = makeStatement([{ name: 'ghcr.io/vendor/base', digest: { sha256: IMAGE } }], PREDICATE.provenance, {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: { repository: 'https://github.com/vendor/other', ref: 'refs/heads/main', path: '.github/workflows/release.yml' },
        },
        resolvedDependencies: [],
      },
      runDetails: { builder: { id: SAN } },
    });
    bundle = await pipeline.signStatement(Buffer.from(JSON.stringify(provenance)));
  });
  afterAll(() => services.close());

  it("admits the signature of the identity the entry trusts, without the claims check of the gate's own evidence", () => {
    const artifact = { kind: 'digest' as const, sha256: IMAGE };
    // The claims check would refuse it: the certificate was issued to vendor/base.
    const claims = createBundleVerifier({ trustedRoot: root }).verify(
      bundle,
      { kind: 'digest', algorithm: 'sha256', hex: IMAGE, sha256: IMAGE },
      {},
    );
    expect(claims).toMatchObject({ ok: false, code: 'CLAIMS' });
    const verify = imageSignatureVerifier({ trustedRoot: root });
    expect(verify(bundle, artifact, true, { registry: 'ghcr.io/vendor', identity: SAN, issuer: GITHUB_ISSUER })).toEqual({
      ok: true,
      signer: SAN,
    });
    expect(verify(bundle, artifact, true, { registry: 'ghcr.io/vendor', identity: 'https://github.com/vendor/base/*' })).toEqual({
      ok: true,
      signer: SAN,
    });
  });

  it('the shipped trust roots do not know the local CA', () => {
    const v = imageSignatureVerifier()(bundle, { kind: 'digest', sha256: IMAGE }, true, { registry: 'ghcr.io/vendor', identity: SAN });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toMatch(/^CERTIFICATE: /);
  });
});
