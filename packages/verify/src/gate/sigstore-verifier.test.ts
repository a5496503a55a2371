/**
 * The gate's EvidenceVerifier over the bundle verifier, on real bundles from test/verify/corpus: what it
 * hands the gate (the statement, the certificate identity or the fingerprint of the key that verified, the
 * earliest signed time) and what it refuses (another digest, a bundle without a statement, a provenance
 * naming a builder its certificate does not vouch for). Mutation testing found it reached only by the
 * integration suites.
 */
import { createPublicKey } from 'node:crypto';
import { PolicyViolation, PREDICATE, sha256Hex, type Statement } from '@secure-factory/core';
import type { CertificateIdentity } from '../bundle/certificate.js';
import { createBundleVerifier } from '../bundle/verifier.js';
import { builderMatchesCertificate, provenanceBuilderId, sigstoreEvidenceVerifier } from './sigstore-verifier.js';
import { corpus, GH, GH_SAN as SAN, GH_SHA256 as GH_DIGEST, rejection } from './__tests__/fixtures.js';

const KEYED = JSON.parse(corpus('sigstore-go/bundle-publish.json')) as unknown;
const KEYED_DIGEST =
  'sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751';
const NPM_KEY = corpus('keys/npm-registry-jl3bwswu.pem');
const MSG = JSON.parse(corpus('sigstore-python/bundle_v3.txt.sigstore')) as unknown;

describe('sigstoreEvidenceVerifier', () => {
  const gate = sigstoreEvidenceVerifier(createBundleVerifier());

  it("hands the gate the statement, the certificate's identity and the TSA's time for GitHub's provenance", async () => {
    const v = await gate.verify(GH, GH_DIGEST);
    expect(v.statement.predicateType).toBe(PREDICATE.provenance);
    expect(v.statement.subject[0]?.digest).toEqual({ sha256: GH_DIGEST });
    expect(v.signer.kind).toBe('certificate');
    expect(v.signer.kind === 'certificate' && v.signer.identity.buildSignerUri).toBe(SAN);
    expect(v.trustedTime?.source).toBe('tsa');
    expect(v.trustedTime?.time).toBeInstanceOf(Date);
    expect(gate.trustedRootSource).toBeDefined();
  });

  it('another digest, a message signature without a statement, garbage: each a PolicyViolation, never evidence', async () => {
    const other = await rejection(gate.verify(GH, 'c'.repeat(64)));
    expect(other).toBeInstanceOf(PolicyViolation);
    expect(other.message).toMatch(/^artifact mismatch: /);
    // A message signature (sigstore-python, staging): refused (its chain is not in these roots, and it signs no statement).
    const msg = await rejection(gate.verify(MSG, 'd'.repeat(64)));
    expect(msg).toBeInstanceOf(PolicyViolation);
    for (const bad of [null, {}, 'x']) expect(await rejection(gate.verify(bad, GH_DIGEST))).toBeInstanceOf(PolicyViolation);
  });

  it('a key-signed bundle: the signer is the fingerprint of the key that verified, named by another algorithm', async () => {
    const byKey = sigstoreEvidenceVerifier(createBundleVerifier({ publicKeys: [NPM_KEY] }));
    const v = await byKey.verify(KEYED, KEYED_DIGEST);
    const spki = createPublicKey(NPM_KEY).export({ format: 'der', type: 'spki' });
    expect(v.signer).toEqual({ kind: 'key', keyId: sha256Hex(spki) });
    expect(v.trustedTime?.source).toBe('tlog');
    // Without the key it does not verify.
    expect(await rejection(gate.verify(KEYED, KEYED_DIGEST))).toBeInstanceOf(PolicyViolation);
  });
});

describe('the claims check on what the bundle verifier returned', () => {
  // The real verdict for GitHub's bundle, with its statement swapped: what a certificate for one workflow
  // signing a provenance that names another builder would give.
  const real = createBundleVerifier();
  const swapped = (builder: string): ReturnType<typeof sigstoreEvidenceVerifier> =>
    sigstoreEvidenceVerifier({
      trustedRootSource: 'test',
      verify: (b, a, p) => {
        const v = real.verify(b, a, p);
        if (!v.ok || !v.statement) return v;
        const predicate = { ...v.statement.predicate, runDetails: { builder: { id: builder } } };
        return { ...v, statement: { ...v.statement, predicate } };
      },
    });

  it('a provenance naming a builder its certificate was not issued to is refused, naming both', async () => {
    const e = await rejection(swapped('https://github.com/evil/factory/.github/workflows/x.yml@refs/heads/main').verify(GH, GH_DIGEST));
    expect(e).toBeInstanceOf(PolicyViolation);
    expect(e.message).toBe(
      `claims: the provenance names builder https://github.com/evil/factory/.github/workflows/x.yml@refs/heads/main, but its certificate was issued to ${SAN}; a signer may not vouch for another builder`,
    );
    await expect(swapped(SAN).verify(GH, GH_DIGEST)).resolves.toMatchObject({ signer: { kind: 'certificate' } });
  });

  it('a verdict without a statement is refused', async () => {
    const none = sigstoreEvidenceVerifier({
      trustedRootSource: 'test',
      verify: (b, a, p) => {
        const v = real.verify(b, a, p);
        return v.ok ? { ...v, statement: undefined } : v;
      },
    });
    const e = await rejection(none.verify(GH, GH_DIGEST));
    expect(e).toBeInstanceOf(PolicyViolation);
    expect(e.message).toBe('the bundle signs no in-toto statement');
  });
});

describe('a provenance may only name a builder its certificate vouches for', () => {
  const id: CertificateIdentity = {
    subjectAlternativeName: SAN,
    buildSignerUri: 'https://github.com/acme/factory/.github/workflows/build.yml@refs/tags/v1',
    buildConfigUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
    runnerEnvironment: 'github-hosted',
  };

  it('the signer, the top-level workflow, the SAN or the runner kind the certificate names', () => {
    expect(builderMatchesCertificate(id.buildSignerUri as string, id)).toBe(true);
    expect(builderMatchesCertificate(id.buildConfigUri as string, id)).toBe(true);
    expect(builderMatchesCertificate(SAN, id)).toBe(true);
    expect(builderMatchesCertificate('https://github.com/actions/runner/github-hosted', id)).toBe(true);
  });

  it('never another workflow, the other runner kind or a look-alike', () => {
    expect(builderMatchesCertificate('https://github.com/evil/factory/.github/workflows/build.yml@refs/tags/v1', id)).toBe(false);
    expect(builderMatchesCertificate('https://github.com/actions/runner/self-hosted', id)).toBe(false);
    expect(builderMatchesCertificate('https://github.com/actions/runner/github-hosted/x', id)).toBe(false);
    expect(builderMatchesCertificate('xhttps://github.com/actions/runner/github-hosted', id)).toBe(false);
    expect(
      builderMatchesCertificate('https://github.com/actions/runner/github-hosted', {
        ...id,
        runnerEnvironment: undefined,
      }),
    ).toBe(false);
  });

  it('reads the builder of SLSA v1 and v0.2 provenance only', () => {
    const st = (predicateType: string, predicate: unknown): Statement =>
      ({ _type: 'https://in-toto.io/Statement/v1', subject: [], predicateType, predicate }) as Statement;
    expect(provenanceBuilderId(st(PREDICATE.provenance, { runDetails: { builder: { id: 'b1' } } }))).toBe('b1');
    expect(provenanceBuilderId(st('https://slsa.dev/provenance/v0.2', { builder: { id: 'b2' } }))).toBe('b2');
    expect(provenanceBuilderId(st(PREDICATE.provenance, { builder: { id: 'b2' } }))).toBeUndefined();
    expect(provenanceBuilderId(st(PREDICATE.provenance, { runDetails: { builder: { id: 7 } } }))).toBeUndefined();
    expect(provenanceBuilderId(st('https://slsa.dev/provenance/v0.2', { builder: { id: {} } }))).toBeUndefined();
    expect(provenanceBuilderId(st(PREDICATE.cyclonedx, { runDetails: { builder: { id: 'b1' } } }))).toBeUndefined();
    expect(provenanceBuilderId(st(PREDICATE.provenance, null))).toBeUndefined();
  });
});
