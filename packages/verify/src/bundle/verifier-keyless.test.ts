/**
 * The verifier on keyless bundles signed here for real against local Sigstore services (the project's
 * own @sigstore/mock Fulcio with its CT log, Rekor v1 and a TSA: test/support/sigstore-services.ts),
 * verified with their trusted root and with that root missing a part: the claims check, the identity
 * check, which witness signed a time, RFC 3161 timestamps that do not verify, SCTs from an unknown
 * CT log, and a transparency log demanded from a root that has none.
 */
import { createSigningPipeline, ephemeralSigner, staticToken, type SigningPipeline } from '@secure-factory/attest';
import type { Statement } from '@secure-factory/core';
import { startSigstoreServices, type SigstoreServices } from '../../../../test/support/sigstore-services.js';
import { cyclonedxOf, workflowProvenance } from '../gate/__tests__/fixtures.js';
import { artifactFromDigest } from './artifact.js';
import { parseTrustedRoot } from './trusted-root.js';
import { createBundleVerifier, type BundleVerdict, type BundleVerifierOptions } from './verifier.js';

type Obj = Record<string, unknown>;
const ARTEFACT = 'a'.repeat(64);
const COMMIT = 'c'.repeat(40);
const SAN = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const artifact = artifactFromDigest(`sha256:${ARTEFACT}`);
const verdict = (v: BundleVerdict): string => (v.ok ? 'OK' : `${v.code}: ${v.reason}`);
const sources = (v: BundleVerdict): string[] => (v.ok ? v.witnessed.map((w) => w.source) : [`refused: ${v.reason}`]);

const provenance = (repository: string): Statement => workflowProvenance({ artefact: ARTEFACT, commit: COMMIT, builder: SAN, repository });
const sbom = cyclonedxOf(ARTEFACT);

/** A copy of the bundle with its (first) Rekor entry's signed entry timestamp removed: an inclusion proof alone. */
function withoutPromise(bundle: unknown): Obj {
  const copy = structuredClone(bundle) as { verificationMaterial: { tlogEntries: Obj[] } };
  for (const e of copy.verificationMaterial.tlogEntries) delete e.inclusionPromise;
  return copy;
}

function withoutTimestamps(bundle: unknown): Obj {
  const copy = structuredClone(bundle) as { verificationMaterial: { timestampVerificationData?: unknown } };
  copy.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: [] };
  return copy;
}

describe('keyless bundles from local Sigstore services', () => {
  let services: SigstoreServices;
  let withLog: SigningPipeline;
  let tsaOnly: SigningPipeline;
  let root: (change?: (r: Obj) => void, options?: BundleVerifierOptions) => ReturnType<typeof createBundleVerifier>;
  const signed = new Map<string, unknown>();
  const sign = async (p: SigningPipeline, s: Statement, key: string): Promise<unknown> => {
    const hit = signed.get(key);
    if (hit) return hit;
    const b = await p.signStatement(Buffer.from(JSON.stringify(s)));
    signed.set(key, b);
    return b;
  };

  beforeAll(async () => {
    services = await startSigstoreServices({ caClock: new Date(Date.now() - 60_000) });
    const identity = staticToken(services.issueToken({ sf_san: SAN, sha: COMMIT }));
    const s = { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl, rekorMajorVersion: 1, tsaUrl: services.tsaUrl };
    withLog = createSigningPipeline({ kind: 'keyless', services: s, identity, useRekor: true });
    tsaOnly = createSigningPipeline({ kind: 'keyless', services: s, identity, useRekor: false });
    root = (change, options = {}) => {
      const r = structuredClone(services.trustedRoot);
      change?.(r);
      return createBundleVerifier({ ...options, trustedRoot: parseTrustedRoot(r, 'local services') });
    };
  });
  afterAll(() => services.close());

  it('a bundle with a Rekor entry and an RFC 3161 timestamp: both witnesses give a signed time', async () => {
    const v = root().verify(await sign(withLog, sbom, 'sbom'), artifact);
    expect(verdict(v)).toBe('OK');
    expect(sources(v)).toEqual(['tlog', 'tsa']);
    expect(v).toMatchObject({ ignoredTimestamps: 0, trustRoot: 'file', signer: { kind: 'certificate' } });
  });

  it("a provenance whose repository contradicts the certificate's is refused, unless the claims check is turned off", async () => {
    const bundle = await sign(withLog, provenance('acme/other'), 'other');
    expect(verdict(root().verify(bundle, artifact))).toBe(
      'CLAIMS: the provenance names repository acme/other but the certificate was issued to acme/app',
    );
    expect(verdict(root().verify(bundle, artifact, { checkClaims: true }))).toMatch(/^CLAIMS: /);
    expect(verdict(root().verify(bundle, artifact, { checkClaims: false }))).toBe('OK');
    expect(verdict(root().verify(await sign(withLog, provenance('acme/app'), 'own'), artifact))).toBe('OK');
  });

  it('an identity the policy does not expect names every problem, joined', async () => {
    const bundle = await sign(withLog, sbom, 'sbom');
    const v = root().verify(bundle, artifact, {
      subjectAlternativeName: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main',
      issuer: 'https://accounts.example.com',
    });
    expect(v).toMatchObject({ ok: false, code: 'IDENTITY' });
    expect(verdict(v)).toContain('evil/app');
    expect(verdict(v)).toContain('accounts.example.com');
    expect(verdict(v)).toContain('; ');
  });

  it('an inclusion proof alone signs no time: only the TSA witnesses it', async () => {
    const v = root().verify(withoutPromise(await sign(withLog, sbom, 'sbom')), artifact);
    expect(verdict(v)).toBe('OK');
    expect(sources(v)).toEqual(['tsa']);
  });

  it('an inclusion proof and nothing else: refused for want of a signed time, by the library, not as a timestamp that failed', async () => {
    const bundle = withoutTimestamps(withoutPromise(await sign(withLog, sbom, 'sbom')));
    for (const v of [root().verify(bundle, artifact), root((r) => (r.tlogs = [])).verify(bundle, artifact)]) {
      expect(verdict(v)).toBe('TIMESTAMP: verification against the file trust root failed: expected 1 timestamps, got 0');
    }
  });

  it('a root without the TSA: its timestamp is ignored and counted, the Rekor time suffices', async () => {
    const noTsa = (r: Obj): void => {
      r.timestampAuthorities = [];
    };
    const bundle = await sign(withLog, sbom, 'sbom');
    const v = root(noTsa).verify(bundle, artifact);
    expect(verdict(v)).toBe('OK');
    expect(v).toMatchObject({ ignoredTimestamps: 1 });
    expect(sources(v)).toEqual(['tlog']);
    // Two signed times demanded: the ignored timestamp is named in the refusal.
    expect(verdict(root(noTsa, { timestampThreshold: 2 }).verify(bundle, artifact))).toMatch(
      /^TIMESTAMP: .*\(1 RFC 3161 timestamp\(s\) did not verify and were ignored\)$/,
    );
    // No Rekor time either: the timestamp that failed is the reason.
    expect(verdict(root(noTsa).verify(withoutPromise(bundle), artifact))).toBe(
      'TIMESTAMP: none of the 1 RFC 3161 timestamp(s) verifies against the trusted timestamp authorities of the file trust root (local services)',
    );
  });

  it('a TSA-only bundle (no Rekor) verifies by its timestamp; a demanded transparency log refuses it', async () => {
    const bundle = await sign(tsaOnly, sbom, 'tsa-only');
    const v = root().verify(bundle, artifact);
    expect(verdict(v)).toBe('OK');
    expect(sources(v)).toEqual(['tsa']);
    expect(root(undefined, { requireTransparencyLog: true }).verify(bundle, artifact)).toMatchObject({
      ok: false,
      code: 'TRANSPARENCY_LOG',
    });
  });

  it('a root without transparency logs: a TSA time suffices; a demanded log cannot be had from it and is refused', async () => {
    const noTlogs = (r: Obj): void => {
      r.tlogs = [];
    };
    const bundle = await sign(tsaOnly, sbom, 'tsa-only');
    expect(verdict(root(noTlogs).verify(bundle, artifact))).toBe('OK');
    expect(root(noTlogs, { requireTransparencyLog: true }).verify(bundle, artifact)).toMatchObject({ ok: false, code: 'TRANSPARENCY_LOG' });
  });

  it('a certificate whose SCT is from a CT log the root does not know is refused, whatever the root lists', async () => {
    const bundle = await sign(withLog, sbom, 'sbom');
    const unknownLog = (r: Obj): void => {
      for (const c of r.ctlogs as { logId: { keyId: string } }[]) c.logId.keyId = Buffer.alloc(32, 7).toString('base64');
    };
    expect(verdict(root(unknownLog).verify(bundle, artifact))).toBe(
      'CERTIFICATE: verification against the file trust root failed: SCT verification failed',
    );
    expect(root((r) => (r.ctlogs = [])).verify(bundle, artifact)).toMatchObject({ ok: false, code: 'CERTIFICATE' });
  });

  it("a certificate without an SCT: refused by a root with a CT log, verified by one without (GitHub's instance)", async () => {
    const github = await startSigstoreServices({ caClock: new Date(Date.now() - 60_000), withoutScts: true });
    try {
      const pipeline = createSigningPipeline({
        kind: 'keyless',
        services: { fulcioUrl: github.fulcioUrl, rekorMajorVersion: 1, tsaUrl: github.tsaUrl },
        identity: staticToken(github.issueToken({ sf_san: SAN, sha: COMMIT })),
        useRekor: false,
      });
      const bundle = await pipeline.signStatement(Buffer.from(JSON.stringify(sbom)));
      const verifier = (ctlogs: boolean) => {
        const r = structuredClone(github.trustedRoot);
        if (!ctlogs) r.ctlogs = [];
        return createBundleVerifier({ trustedRoot: parseTrustedRoot(r, 'github-like') });
      };
      expect(verdict(verifier(true).verify(bundle, artifact))).toBe(
        'CERTIFICATE: verification against the file trust root failed: expected 1 SCTs, got 0',
      );
      expect(verdict(verifier(false).verify(bundle, artifact))).toBe('OK');
    } finally {
      await github.close();
    }
  });

  it('a key-signed bundle with an RFC 3161 timestamp: verified by the key whether or not the timestamp does', async () => {
    const key = ephemeralSigner();
    const pipeline = createSigningPipeline({
      kind: 'ephemeral',
      services: { fulcioUrl: services.fulcioUrl, rekorMajorVersion: 1, tsaUrl: services.tsaUrl },
      keySigner: key,
      useRekor: false,
    });
    const bundle = await pipeline.signStatement(Buffer.from(JSON.stringify(sbom)));
    const withTsa = root(undefined, { publicKeys: [key.publicKeyPem] }).verify(bundle, artifact);
    expect(verdict(withTsa)).toBe('OK');
    expect(sources(withTsa)).toEqual(['tsa']);
    const noTsa = root(
      (r) => {
        r.timestampAuthorities = [];
      },
      { publicKeys: [key.publicKeyPem] },
    ).verify(bundle, artifact);
    expect(verdict(noTsa)).toBe('OK');
    expect(noTsa).toMatchObject({ ignoredTimestamps: 1, witnessed: [], signer: { kind: 'key', keyId: `sha256:${key.hint}` } });
  });
});
