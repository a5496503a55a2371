/**
 * `sign-bundle` and `verify-bundle` driven exactly as the Sigstore conformance suite drives a client
 * (sigstore-conformance docs/cli_protocol.md): argument order, FILE_OR_DIGEST, --in-toto, --key,
 * --trusted-root, --signing-config; exit 0 only when verified.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { sigstoreBundleValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';
import { startSigstoreServices, writeSigningConfig, type SigstoreServices } from '../support/sigstore-services.js';

describeShared('Sigstore conformance CLI protocol: sign-bundle and verify-bundle', () => {
  let services: SigstoreServices;
  let dir: string;
  let artifact: string;
  let digest: string;
  beforeAll(async () => {
    services = await startSigstoreServices();
    dir = mkdtempSync(path.join(tmpdir(), 'sf-conformance-'));
    artifact = path.join(dir, 'a.txt');
    writeFileSync(artifact, 'DO NOT USE THIS FILE FOR ANYTHING\n');
    digest = createHash('sha256').update(readFileSync(artifact)).digest('hex');
  });
  afterAll(async () => services.close());

  const verify = (bundle: string, target: string, identity = services.identity, issuer = services.issuer) =>
    runCli([
      'verify-bundle',
      '--bundle',
      bundle,
      '--certificate-identity',
      identity,
      '--certificate-oidc-issuer',
      issuer,
      '--trusted-root',
      services.trustedRootPath,
      target,
    ]);

  it('sign-bundle (message signature, Rekor + TSA from the signing config) → verify-bundle by file and by digest', async () => {
    const bundle = path.join(dir, 'a.txt.sigstore.json');
    const config = writeSigningConfig(services, { tsa: true });
    const signed = await runCli([
      'sign-bundle',
      '--identity-token',
      services.issueToken(),
      '--bundle',
      bundle,
      '--trusted-root',
      services.trustedRootPath,
      '--signing-config',
      config,
      artifact,
    ]);
    expect(signed.stderr).toMatch(/wrote .*message signature/);
    expect(signed.exitCode).toBe(0);
    const json = JSON.parse(readFileSync(bundle, 'utf8')) as {
      messageSignature?: unknown;
      verificationMaterial: { timestampVerificationData?: unknown };
    };
    expect(sigstoreBundleValidator()(json)).toEqual([]);
    expect(json.messageSignature).toBeDefined();
    expect(json.verificationMaterial.timestampVerificationData).toBeDefined();
    for (const target of [artifact, `sha256:${digest}`]) {
      const v = await verify(bundle, target);
      expect(`${v.exitCode} ${v.stderr}`).toMatch(/^0 OK/);
    }
    expect((await verify(bundle, `sha256:${'f'.repeat(64)}`)).exitCode).toBe(1);
    expect((await verify(bundle, artifact, 'https://github.com/someone/else/.github/workflows/x.yml@refs/heads/main')).exitCode).toBe(1);
    expect((await verify(bundle, artifact, services.identity, 'https://accounts.google.com')).exitCode).toBe(1);
  });

  it('sign-bundle --in-toto signs the statement as DSSE; verify-bundle matches the artefact against its subjects', async () => {
    const statement = path.join(dir, 'statement.json');
    writeFileSync(
      statement,
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'a.txt', digest: { sha256: digest } }],
        predicateType: 'https://example.com/p/v1',
        predicate: {},
      }),
    );
    const bundle = path.join(dir, 'statement.sigstore.json');
    const signed = await runCli([
      'sign-bundle',
      '--in-toto',
      '--identity-token',
      services.issueToken(),
      '--bundle',
      bundle,
      '--signing-config',
      writeSigningConfig(services),
      statement,
    ]);
    expect(signed.exitCode).toBe(0);
    const json = JSON.parse(readFileSync(bundle, 'utf8')) as { dsseEnvelope?: { payloadType: string } };
    expect(json.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json');
    for (const target of [artifact, `sha256:${digest}`]) {
      const v = await verify(bundle, target);
      expect(`${v.exitCode} ${v.stderr}`).toMatch(/^0 OK/);
    }
    expect((await verify(bundle, statement)).exitCode).toBe(1);
  });

  it('a statement about another repository is a valid bundle (protocol), refused with --check-claims', async () => {
    const statement = path.join(dir, 'other-repo.json');
    writeFileSync(
      statement,
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'a.txt', digest: { sha256: digest } }],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: {
          buildDefinition: {
            buildType: 'https://actions.github.io/buildtypes/workflow/v1',
            externalParameters: {
              workflow: { ref: 'refs/heads/main', repository: 'https://github.com/someone/else', path: '.github/workflows/p.yml' },
            },
          },
          runDetails: { builder: { id: 'https://github.com/someone/else/.github/workflows/p.yml@refs/heads/main' } },
        },
      }),
    );
    const bundle = path.join(dir, 'other-repo.sigstore.json');
    expect(
      (
        await runCli([
          'sign-bundle',
          '--in-toto',
          '--identity-token',
          services.issueToken(),
          '--bundle',
          bundle,
          '--signing-config',
          writeSigningConfig(services),
          statement,
        ])
      ).exitCode,
    ).toBe(0);
    const plain = await verify(bundle, artifact);
    expect(`${plain.exitCode} ${plain.stderr}`).toMatch(/^0 OK/);
    const strict = await runCli([
      'verify-bundle',
      '--check-claims',
      '--bundle',
      bundle,
      '--certificate-identity',
      services.identity,
      '--certificate-oidc-issuer',
      services.issuer,
      '--trusted-root',
      services.trustedRootPath,
      artifact,
    ]);
    expect(strict.exitCode).toBe(1);
    expect(strict.stderr).toMatch(/CLAIMS.*someone\/else.*acme\/app/);
  });

  it('GitHub certificate extensions narrow the identity (repository, ref, commit, workflow, runner, trigger)', async () => {
    const bundle = path.join(dir, 'ext.sigstore.json');
    expect(
      (
        await runCli([
          'sign-bundle',
          '--identity-token',
          services.issueToken(),
          '--bundle',
          bundle,
          '--signing-config',
          writeSigningConfig(services),
          artifact,
        ])
      ).exitCode,
    ).toBe(0);
    const base = [
      'verify-bundle',
      '--bundle',
      bundle,
      '--certificate-identity',
      services.identity,
      '--certificate-oidc-issuer',
      services.issuer,
      '--trusted-root',
      services.trustedRootPath,
    ];
    const good = await runCli([
      ...base,
      '--certificate-github-workflow-repository',
      'acme/app',
      '--certificate-github-workflow-ref',
      'refs/heads/main',
      '--certificate-github-workflow-sha',
      'a'.repeat(40),
      '--certificate-github-workflow',
      'acme/app/.github/workflows/release.yml@refs/heads/main',
      '--certificate-runner-environment',
      'github-hosted',
      '--certificate-github-workflow-trigger',
      'push',
      artifact,
    ]);
    expect(`${good.exitCode} ${good.stderr}`).toMatch(/^0 OK/);
    const bad = await runCli([
      ...base,
      '--certificate-runner-environment',
      'self-hosted',
      '--certificate-github-workflow-ref',
      'refs/tags/v1',
      artifact,
    ]);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toMatch(/source ref: expected "refs\/tags\/v1".*runner environment: expected "self-hosted"/);
  });

  it('fails closed: malformed JSON, a bundle that is not one, a tampered signature, a missing file; bad usage exits 2', async () => {
    const bundle = path.join(dir, 'm.sigstore.json');
    expect(
      (
        await runCli([
          'sign-bundle',
          '--identity-token',
          services.issueToken(),
          '--bundle',
          bundle,
          '--signing-config',
          writeSigningConfig(services),
          artifact,
        ])
      ).exitCode,
    ).toBe(0);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"mediaType": "application/vnd.dev.sigstore.bundle.v0.3+json", ');
    const malformed = await verify(bad, artifact);
    expect(malformed.exitCode).toBe(1);
    expect(malformed.stderr).toMatch(/not valid JSON/);
    writeFileSync(bad, JSON.stringify({ mediaType: 'application/vnd.example+json' }));
    expect((await verify(bad, artifact)).stderr).toMatch(/not a Sigstore bundle/);
    const tampered = JSON.parse(readFileSync(bundle, 'utf8')) as { messageSignature: { signature: string } };
    const sig = Buffer.from(tampered.messageSignature.signature, 'base64');
    sig[10] = (sig[10] ?? 0) ^ 0xff;
    tampered.messageSignature.signature = sig.toString('base64');
    writeFileSync(bad, JSON.stringify(tampered));
    expect((await verify(bad, artifact)).exitCode).toBe(1);
    expect((await verify(path.join(dir, 'nope.json'), artifact)).exitCode).toBe(2);
    expect((await runCli(['verify-bundle', '--bundle', bundle, artifact])).exitCode).toBe(2);
    expect(
      (
        await runCli([
          'verify-bundle',
          '--bundle',
          bundle,
          '--certificate-identity',
          'x',
          '--certificate-oidc-issuer',
          'y',
          '--key',
          'k.pub',
          artifact,
        ])
      ).exitCode,
    ).toBe(2);
  });
});
