/**
 * Signing against local Sigstore services (@sigstore/mock behind node:http) and verifying the result
 * offline with the trusted root of those services: keyless with Rekor, keyless with a TSA only, key
 * and ephemeral signers, and the negative cases a verifier must refuse.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { createSigningPipeline, ephemeralSigner, signerFromPrivateKey, staticToken } from '@secure-factory/attest';
import { artifactFromBytes, artifactFromDigest, createBundleVerifier, parseTrustedRoot, type BundleVerdict } from '@secure-factory/verify';
import { sigstoreBundleValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';

const statement = (digest: string, predicate: Record<string, unknown> = {}): Buffer =>
  Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'app.tgz', digest: { sha256: digest } }],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate,
    }),
  );

const ARTIFACT = Buffer.from('the artefact\n');
const DIGEST = createHash('sha256').update(ARTIFACT).digest('hex');

function expectFail(v: BundleVerdict, code: string, reason: RegExp): void {
  if (v.ok) throw new Error(`expected ${code}, but it verified`);
  expect(v.code).toBe(code);
  expect(v.reason).toMatch(reason);
}

describeShared('Sigstore signing and verification against local services', () => {
  let services: SigstoreServices;
  beforeAll(async () => {
    services = await startSigstoreServices();
  });
  afterAll(async () => services.close());

  const keyless = (opts: { rekor?: boolean; tsa?: boolean } = {}) =>
    createSigningPipeline({
      kind: 'keyless',
      services: {
        fulcioUrl: services.fulcioUrl,
        rekorUrl: services.rekorUrl,
        rekorMajorVersion: 1,
        tsaUrl: opts.tsa ? services.tsaUrl : undefined,
      },
      identity: staticToken(services.issueToken()),
      useRekor: opts.rekor !== false,
    });
  const verifier = () => createBundleVerifier({ trustedRoot: parseTrustedRoot(services.trustedRoot, services.trustedRootPath) });
  const identity = () => ({ subjectAlternativeName: services.identity, issuer: services.issuer });

  it('keyless + Rekor: a v0.3 DSSE bundle that validates against the official schema and verifies', async () => {
    const bundle = await keyless().signStatement(statement(DIGEST));
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json');
    expect(sigstoreBundleValidator()(bundle)).toEqual([]);
    const v = verifier().verify(bundle, artifactFromBytes(ARTIFACT), {
      ...identity(),
      sourceRepository: 'acme/app',
      runnerEnvironment: 'github-hosted',
      trigger: 'push',
    });
    expect(v.ok).toBe(true);
    if (v.ok && v.signer.kind === 'certificate') {
      expect(v.signer.identity.sourceRepositoryUri).toBe('https://github.com/acme/app');
      expect(v.signer.identity.buildConfigUri).toBe('https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main');
    }
    expect(verifier().verify(bundle, artifactFromDigest(`sha256:${DIGEST}`), identity()).ok).toBe(true);
  });

  it('keyless + TSA only (no transparency log): verifies by the RFC 3161 timestamp', async () => {
    const bundle = await keyless({ rekor: false, tsa: true }).signStatement(statement(DIGEST));
    expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    const verdict = verifier().verify(bundle, artifactFromBytes(ARTIFACT), identity());
    expect(verdict.ok && verdict.witnessed.map((w) => w.source)).toEqual(['tsa']);
    expect(verifier().verify(bundle, artifactFromBytes(ARTIFACT), identity())).toMatchObject({ ok: true });
    expect(
      createBundleVerifier({ trustedRoot: parseTrustedRoot(services.trustedRoot, 'x'), requireTransparencyLog: true }).verify(
        bundle,
        artifactFromBytes(ARTIFACT),
        identity(),
      ).ok,
    ).toBe(false);
  });

  it('message signatures verify against the file and against a sha256: digest alone (prehashed ECDSA)', async () => {
    const bundle = await keyless().signArtifact(ARTIFACT);
    expect(bundle.messageSignature).toBeDefined();
    expect(verifier().verify(bundle, artifactFromBytes(ARTIFACT), identity()).ok).toBe(true);
    expect(verifier().verify(bundle, artifactFromDigest(`sha256:${DIGEST}`), identity()).ok).toBe(true);
    expectFail(verifier().verify(bundle, artifactFromBytes(Buffer.from('other')), identity()), 'ARTIFACT_MISMATCH', /message digest/);
    // A forged signature over the right digest must fail in the digest-only path too.
    const forged = structuredClone(bundle);
    const sig = Buffer.from(forged.messageSignature?.signature ?? '', 'base64');
    sig[sig.length - 1] = (sig[sig.length - 1] ?? 0) ^ 1;
    if (forged.messageSignature) forged.messageSignature.signature = sig.toString('base64');
    expect(verifier().verify(forged, artifactFromDigest(`sha256:${DIGEST}`), identity()).ok).toBe(false);
  });

  it('refuses: tampered payload, wrong digest, wrong identity or issuer, missing inclusion proof, malformed JSON, wrong media type', async () => {
    const bundle = await keyless().signStatement(statement(DIGEST));
    const v = verifier();
    const tampered = structuredClone(bundle);
    if (tampered.dsseEnvelope) tampered.dsseEnvelope.payload = statement(DIGEST, { evil: true }).toString('base64');
    expect(v.verify(tampered, artifactFromBytes(ARTIFACT), identity()).ok).toBe(false);
    expectFail(v.verify(bundle, artifactFromDigest(`sha256:${'0'.repeat(64)}`), identity()), 'ARTIFACT_MISMATCH', /no subject/);
    expectFail(
      v.verify(bundle, artifactFromBytes(ARTIFACT), {
        ...identity(),
        subjectAlternativeName: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main',
      }),
      'IDENTITY',
      /SAN/,
    );
    expectFail(
      v.verify(bundle, artifactFromBytes(ARTIFACT), { ...identity(), issuer: 'https://accounts.google.com' }),
      'IDENTITY',
      /issuer/,
    );
    expectFail(
      v.verify(bundle, artifactFromBytes(ARTIFACT), { subjectAlternativeNameRegExp: /^https:\/\/github\.com\/other\// }),
      'IDENTITY',
      /does not match/,
    );
    expect(v.verify(bundle, artifactFromBytes(ARTIFACT), { subjectAlternativeNameRegExp: /^https:\/\/github\.com\/acme\/app\// }).ok).toBe(
      true,
    );
    expectFail(v.verify(bundle, artifactFromBytes(ARTIFACT), { ...identity(), sourceRef: 'refs/tags/v1' }), 'IDENTITY', /source ref/);
    const noProof = structuredClone(bundle);
    for (const e of noProof.verificationMaterial.tlogEntries) delete (e as { inclusionProof?: unknown }).inclusionProof;
    expectFail(v.verify(noProof, artifactFromBytes(ARTIFACT), identity()), 'TRANSPARENCY_LOG', /inclusionProof/);
    expectFail(v.verify('{"mediaType": ', artifactFromBytes(ARTIFACT), identity()), 'MALFORMED', /not valid JSON/);
    expectFail(v.verify({ ...bundle, mediaType: 'application/json' }, artifactFromBytes(ARTIFACT), identity()), 'MALFORMED', /media type/);
    const wrongPayloadType = structuredClone(bundle);
    if (wrongPayloadType.dsseEnvelope) wrongPayloadType.dsseEnvelope.payloadType = 'text/plain';
    expectFail(v.verify(wrongPayloadType, artifactFromBytes(ARTIFACT), identity()), 'UNSUPPORTED', /payload type/);
  });

  it('refuses a certificate from a CA the trusted root does not hold, and one that had expired when it was logged', async () => {
    const bundle = await keyless().signStatement(statement(DIGEST));
    const other = await startSigstoreServices();
    try {
      const v = createBundleVerifier({ trustedRoot: parseTrustedRoot(other.trustedRoot, other.trustedRootPath) }).verify(
        bundle,
        artifactFromBytes(ARTIFACT),
        identity(),
      );
      expect(v.ok).toBe(false);
    } finally {
      await other.close();
    }
    const expired = await startSigstoreServices({ caClock: new Date(Date.now() - 3600_000) });
    try {
      const pipeline = createSigningPipeline({
        kind: 'keyless',
        services: { fulcioUrl: expired.fulcioUrl, rekorUrl: expired.rekorUrl, rekorMajorVersion: 1 },
        identity: staticToken(expired.issueToken()),
        useRekor: true,
      });
      const b = await pipeline.signStatement(statement(DIGEST));
      const v = createBundleVerifier({ trustedRoot: parseTrustedRoot(expired.trustedRoot, expired.trustedRootPath) }).verify(
        b,
        artifactFromBytes(ARTIFACT),
        {
          subjectAlternativeName: expired.identity,
          issuer: expired.issuer,
        },
      );
      expectFail(v, 'CERTIFICATE', /certificate/i);
    } finally {
      await expired.close();
    }
  });

  it('the provenance must agree with the certificate (repository, commit, workflow)', async () => {
    const lying = statement(DIGEST, {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: { ref: 'refs/heads/main', repository: 'https://github.com/victim/app', path: '.github/workflows/release.yml' },
        },
        resolvedDependencies: [{ uri: 'git+https://github.com/victim/app@refs/heads/main', digest: { gitCommit: 'b'.repeat(40) } }],
      },
      runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
    });
    const bundle = await keyless().signStatement(lying);
    expectFail(verifier().verify(bundle, artifactFromBytes(ARTIFACT), identity()), 'CLAIMS', /victim\/app.*acme\/app/);
    const honest = statement(DIGEST, {
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: { ref: 'refs/heads/main', repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml' },
        },
        resolvedDependencies: [{ uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: 'a'.repeat(40) } }],
      },
      runDetails: { builder: { id: 'https://github.com/actions/runner/github-hosted' } },
    });
    expect(verifier().verify(await keyless().signStatement(honest), artifactFromBytes(ARTIFACT), identity()).ok).toBe(true);
  });

  it('key signers: ECDSA P-256, Ed25519 and ephemeral keys verify with the public key, and not without it', async () => {
    const ed = generateKeyPairSync('ed25519');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const signer of [
      signerFromPrivateKey(ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()),
      signerFromPrivateKey(ec.privateKey.export({ format: 'pem', type: 'sec1' }).toString()),
      ephemeralSigner(),
    ]) {
      const pipeline = createSigningPipeline({
        kind: 'key',
        services: { fulcioUrl: services.fulcioUrl, rekorMajorVersion: 1 },
        keySigner: signer,
        useRekor: false,
      });
      const bundle = await pipeline.signStatement(statement(DIGEST));
      expect(bundle.verificationMaterial.publicKey?.hint).toBe(signer.hint);
      expect(sigstoreBundleValidator()(bundle)).toEqual([]);
      const withKey = createBundleVerifier({ trustedRoot: parseTrustedRoot(services.trustedRoot, 'x'), publicKeys: [signer.publicKeyPem] });
      expect(withKey.verify(bundle, artifactFromBytes(ARTIFACT)).ok).toBe(true);
      expectFail(verifier().verify(bundle, artifactFromBytes(ARTIFACT)), 'PUBLIC_KEY', /no public key/);
      const other = ephemeralSigner();
      const wrongKey = createBundleVerifier({ trustedRoot: parseTrustedRoot(services.trustedRoot, 'x'), publicKeys: [other.publicKeyPem] });
      expect(wrongKey.verify(bundle, artifactFromBytes(ARTIFACT)).ok).toBe(false);
    }
  });

  it('an Ed25519 key signs statements, never a message signature no Sigstore verifier could check', async () => {
    const ed = signerFromPrivateKey(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const pipeline = createSigningPipeline({
      kind: 'key',
      services: { fulcioUrl: services.fulcioUrl, rekorMajorVersion: 1 },
      keySigner: ed,
      useRekor: false,
    });
    await expect(pipeline.signArtifact(ARTIFACT)).rejects.toMatchObject({
      code: 'CONFIGURATION',
      message: 'an Ed25519 key cannot make a Sigstore message signature',
      hint: 'sign an in-toto statement with it (DSSE), or use an ECDSA P-256 key',
    });
    expect((await pipeline.signStatement(statement(DIGEST))).dsseEnvelope).toBeDefined();
  });

  it('retries a 5xx answer and names the service when it keeps failing', async () => {
    services.failNext('fulcio', 1);
    expect((await keyless().signStatement(statement(DIGEST))).dsseEnvelope).toBeDefined();
    services.failNext('rekor', 10);
    const pipeline = createSigningPipeline({
      kind: 'keyless',
      services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl, rekorMajorVersion: 1 },
      identity: staticToken(services.issueToken()),
      useRekor: true,
      retry: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 },
    });
    await expect(pipeline.signStatement(statement(DIGEST))).rejects.toThrow(/Rekor \(http:\/\/127\.0\.0\.1:\d+\/rekor\) failed.*503/);
    services.failNext('rekor', 0);
  });
});
