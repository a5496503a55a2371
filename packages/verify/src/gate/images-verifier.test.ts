/**
 * The base-image signature check the materials stage is given (`imageSignatureVerifier`), on a real bundle:
 * GitHub's build provenance for actions/attest-build-provenance (test/verify/corpus). A trust entry by identity
 * admits only that identity (exact, or `*` as a wildcard matched in linear time, never as a RegExp) and issuer;
 * a key entry admits only key-signed bundles; an entry with neither admits nothing; another digest never
 * verifies. Mutation testing found this branch reached only by the integration suites.
 */
import { imageSignatureVerifier } from './images.js';
import { corpus, GH, GH_IMAGE_DIGEST as DIGEST, GH_SAN as SAN } from './__tests__/fixtures.js';

const NPM_KEY = corpus('keys/npm-registry-jl3bwswu.pem');
const ISSUER = 'https://token.actions.githubusercontent.com';
const REGISTRY = 'ghcr.io';

describe('imageSignatureVerifier', () => {
  const verify = imageSignatureVerifier();

  it('admits the identity the trust entry names, with its issuer, and names the signer', () => {
    expect(verify(GH, DIGEST, true, { registry: REGISTRY, identity: SAN, issuer: ISSUER })).toEqual({ ok: true, signer: SAN });
    expect(verify(GH, DIGEST, true, { registry: REGISTRY, identity: SAN })).toEqual({ ok: true, signer: SAN });
  });

  it('a wildcard identity matches any run of characters, and nothing else', () => {
    const glob = 'https://github.com/actions/attest-build-provenance/.github/workflows/*@refs/heads/*';
    expect(verify(GH, DIGEST, true, { registry: REGISTRY, identity: glob, issuer: ISSUER })).toEqual({ ok: true, signer: SAN });
    const other = 'https://github.com/actions/other/.github/workflows/*@refs/heads/*';
    expect(verify(GH, DIGEST, true, { registry: REGISTRY, identity: other })).toEqual({
      ok: false,
      reason: `IDENTITY: the certificate identity ${JSON.stringify(SAN)} does not match ${JSON.stringify(other)}`,
    });
    // `.` is a character, not "any character": a RegExp reading would admit this look-alike.
    const dotted = 'https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/mai*';
    expect(verify(GH, DIGEST, true, { registry: REGISTRY, identity: dotted }).ok).toBe(true);
    const lookAlike = 'https://github.com/actions/attest-build-provenance/.github/workflows/prober.ym.@refs/heads/*';
    expect(verify(GH, DIGEST, true, { registry: REGISTRY, identity: lookAlike }).ok).toBe(false);
  });

  it('refuses another identity, another issuer, another digest', () => {
    const wrongIdentity = verify(GH, DIGEST, true, { registry: REGISTRY, identity: `${SAN}x` });
    expect(wrongIdentity.ok).toBe(false);
    expect(!wrongIdentity.ok && wrongIdentity.reason).toMatch(/^IDENTITY: /);
    const wrongIssuer = verify(GH, DIGEST, true, { registry: REGISTRY, identity: SAN, issuer: 'https://accounts.google.com' });
    expect(wrongIssuer.ok).toBe(false);
    expect(!wrongIssuer.ok && wrongIssuer.reason).toMatch(/^IDENTITY: /);
    const otherDigest = verify(GH, { kind: 'digest', sha256: 'c'.repeat(64) }, true, { registry: REGISTRY, identity: SAN });
    expect(otherDigest.ok).toBe(false);
    expect(!otherDigest.ok && otherDigest.reason).toMatch(/^ARTIFACT_MISMATCH: /);
  });

  it('a key entry never admits a certificate-signed bundle; an entry with neither admits nothing', () => {
    const byKey = verify(GH, DIGEST, true, { registry: REGISTRY, keyPem: NPM_KEY });
    expect(byKey.ok).toBe(false);
    expect(!byKey.ok && byKey.reason).toMatch(/^PUBLIC_KEY: a public key was given, but the bundle is signed with a certificate/);
    expect(verify(GH, DIGEST, true, { registry: REGISTRY })).toEqual({
      ok: false,
      reason: 'the trust entry for ghcr.io names neither an identity nor a key',
    });
  });

  it('garbage is a refusal with a reason, never an admission or a throw', () => {
    for (const bundle of [null, {}, 'x', { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' }]) {
      const v = verify(bundle, DIGEST, true, { registry: REGISTRY, identity: SAN });
      expect(v.ok).toBe(false);
    }
  });
});
