/**
 * Validated base images against a REAL registry on loopback: Debian's `docker-registry` (the
 * distribution registry 2.8, which has no OCI 1.1 referrers API, so the referrers tag schema is what
 * carries the Sigstore bundles). Images are written by hand (config blob, one gzip tar layer, an OCI
 * manifest) and pushed with the factory's own registry client; signatures are key-based Sigstore
 * bundles made with the attest package's key signer. A lying registry and an auth loop are played by
 * small node:http servers.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSigningPipeline, ephemeralSigner, staticToken, type KeySigner, type SigningPipeline } from '@secure-factory/attest';
import { parsePolicy, silentLogger, type Policy, type Statement } from '@secure-factory/core';
import {
  createRegistryClient,
  dockerfileImages,
  evaluateMaterials,
  ImageValidator,
  IMAGE_UNVALIDATED,
  MEDIA,
  parseChallenge,
  RULE,
  scan,
  type RegistryClient,
} from '@secure-factory/materials';
import { imageSignatureVerifier, parseTrustedRoot, recordedImageVerdicts } from '@secure-factory/verify';
import { runCli } from '../support/cli.js';
import { cycloneDxValidator, spdxValidator } from '../support/schemas.js';
import { HAVE_SHARED } from '../support/shared.js';
import { dockerRegistryBin, pushTestImage, startDockerRegistry, type LocalRegistry } from '../support/oci-registry.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';

const registryBin = dockerRegistryBin;
if (!registryBin) {
  console.log('test/oci: skipped — docker-registry is not installed (apt-get install docker-registry; Debian 12 ships 2.8.2)');
}
const describeWithRegistry = registryBin ? describe : describe.skip;

function policyWith(images: string): Policy {
  return parsePolicy(`apiVersion: secure-factory/v1\nmaterials:\n  images:\n${images}`, '.github/secure-factory.yml');
}

describeWithRegistry('base images validated in a real registry (docker-registry 2.8 on loopback)', () => {
  let dir: string;
  let local: LocalRegistry | undefined;
  let registry: string;
  let client: RegistryClient;
  const trusted: KeySigner = ephemeralSigner();
  const stranger: KeySigner = ephemeralSigner();

  // The start-up and the hand-made image are test/support/oci-registry.ts's.
  const pushImage = (repository: string, tag: string, content: string): Promise<string> =>
    pushTestImage(client, registry, repository, tag, content);

  /** A key-signed DSSE bundle over an in-toto statement naming the image, pushed as a referrer (tag schema). */
  async function signImage(repository: string, digest: string, signer: KeySigner | SigningPipeline): Promise<void> {
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `${registry}/${repository}`, digest: { sha256: digest.slice(7) } }],
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      predicate: {},
    };
    const pipeline =
      'signStatement' in signer
        ? signer
        : createSigningPipeline({ kind: 'key', keySigner: signer, useRekor: false, services: { fulcioUrl: '', rekorMajorVersion: 1 } });
    const bundle = Buffer.from(JSON.stringify(await pipeline.signStatement(Buffer.from(JSON.stringify(statement)))));
    const empty = Buffer.from('{}');
    const emptyDigest = await client.putBlob(registry, repository, empty);
    const bundleDigest = await client.putBlob(registry, repository, bundle);
    const subject = await client.getManifest(registry, repository, digest);
    await client.pushReferrer(registry, repository, {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      artifactType: MEDIA.sigstoreBundle,
      config: { mediaType: MEDIA.ociEmpty, digest: emptyDigest, size: 2 },
      layers: [{ mediaType: MEDIA.sigstoreBundle, digest: bundleDigest, size: bundle.length }],
      subject: { mediaType: subject.mediaType, digest, size: subject.bytes.length },
    });
  }

  /** cosign's legacy layout: a simple-signing payload under the tag sha256-HEX.sig, signature in an annotation. */
  async function cosignSign(repository: string, digest: string, signer: KeySigner): Promise<void> {
    const payload = Buffer.from(
      JSON.stringify({
        critical: {
          identity: { 'docker-reference': `${registry}/${repository}` },
          image: { 'docker-manifest-digest': digest },
          type: 'cosign container image signature',
        },
        optional: null,
      }),
    );
    const sig = await signer.sign(payload);
    const payloadDigest = await client.putBlob(registry, repository, payload);
    const config = Buffer.from('{}');
    const configDigest = await client.putBlob(registry, repository, config);
    const manifest = {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
      layers: [
        {
          mediaType: MEDIA.cosignSimpleSigning,
          digest: payloadDigest,
          size: payload.length,
          annotations: { 'dev.cosignproject.cosign/signature': sig.signature.toString('base64') },
        },
      ],
    };
    await client.putManifest(
      registry,
      repository,
      `sha256-${digest.slice(7)}.sig`,
      Buffer.from(JSON.stringify(manifest)),
      MEDIA.ociManifest,
    );
  }

  function validator(policy: Policy, cacheFile?: string): ImageValidator {
    return new ImageValidator({
      client,
      verify: imageSignatureVerifier(),
      images: policy.materials.images,
      policyFile: join(dir, '.github/secure-factory.yml'),
      ...(cacheFile ? { cacheFile } : {}),
    });
  }

  let signedDigest: string;
  let unsignedDigest: string;
  let strangerDigest: string;
  let cosignDigest: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-oci-'));
    local = await startDockerRegistry();
    registry = local.host;
    client = createRegistryClient({ credentials: () => undefined });
    signedDigest = await pushImage('acme/base', 'signed', 'signed base');
    await signImage('acme/base', signedDigest, trusted);
    unsignedDigest = await pushImage('acme/base', 'unsigned', 'unsigned base');
    strangerDigest = await pushImage('acme/base', 'stranger', 'signed by someone else');
    await signImage('acme/base', strangerDigest, stranger);
    cosignDigest = await pushImage('acme/cosigned', 'v1', 'cosign-signed base');
    await cosignSign('acme/cosigned', cosignDigest, trusted);
  });

  afterAll(() => {
    local?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const trustedPolicy = (): Policy =>
    policyWith(
      [
        `    registries: [${registry}]`,
        '    validated: required',
        '    trust:',
        `      - registry: ${registry}/acme`,
        `        key: |\n${trusted.publicKeyPem
          .trim()
          .split('\n')
          .map((l) => `          ${l}`)
          .join('\n')}`,
        '',
      ].join('\n'),
    );

  it('the referrers tag schema holds the bundle (2.8 has no referrers API)', async () => {
    const list = await client.referrers(registry, 'acme/base', signedDigest, MEDIA.sigstoreBundle);
    expect(list).toHaveLength(1);
    expect(list[0]?.artifactType).toBe(MEDIA.sigstoreBundle);
    expect(await client.referrers(registry, 'acme/base', unsignedDigest)).toEqual([]);
  });

  it('admits a base image signed by the trusted key, pinned by digest or by tag', async () => {
    const v = validator(trustedPolicy());
    const pkgs = dockerfileImages(`FROM ${registry}/acme/base@${signedDigest}\nFROM ${registry}/acme/base:signed AS two\n`, 'Dockerfile');
    expect(await v.findings(pkgs)).toEqual([]);
    const verdict = await v.validate(`${registry}/acme/base:signed`);
    expect(verdict).toMatchObject({ validated: true, status: 'verified', digest: signedDigest, signer: `sha256:${trusted.hint}` });
  });

  it('a multi-platform image (an OCI index) is validated by the signature on the index digest', async () => {
    const platform = await client.getManifest(registry, 'acme/base', unsignedDigest);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociIndex,
        manifests: [
          {
            mediaType: MEDIA.ociManifest,
            digest: unsignedDigest,
            size: platform.bytes.length,
            platform: { architecture: 'amd64', os: 'linux' },
          },
        ],
      }),
    );
    const indexDigest = await client.putManifest(registry, 'acme/base', 'multi', index, MEDIA.ociIndex);
    const v = validator(trustedPolicy());
    expect((await v.validate(`${registry}/acme/base:multi`)).validated).toBe(false);
    await signImage('acme/base', indexDigest, trusted);
    const fresh = await validator(trustedPolicy()).validate(`${registry}/acme/base:multi`);
    expect(fresh).toMatchObject({ validated: true, digest: indexDigest });
  });

  it('admits an image signed the cosign way (sha256-HEX.sig tag) by the trusted key', async () => {
    const verdict = await validator(trustedPolicy()).validate(`${registry}/acme/cosigned@${cosignDigest}`);
    expect(verdict.reasons).toEqual([]);
    expect(verdict.validated).toBe(true);
  });

  it('refuses an unsigned base image: a blocking materials/image-unvalidated finding on the FROM line', async () => {
    const findings = await validator(trustedPolicy()).findings(
      dockerfileImages(`# base\nFROM ${registry}/acme/base@${unsignedDigest}\n`, 'Dockerfile'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: IMAGE_UNVALIDATED, file: 'Dockerfile', line: 2, blocking: true });
    expect(findings[0]?.message).toMatch(/no Sigstore bundle referrer and no cosign signature/);
  });

  it('refuses an image signed by a key the policy does not trust; warn mode reports without blocking', async () => {
    const ref = `${registry}/acme/base@${strangerDigest}`;
    const findings = await validator(trustedPolicy()).findings(dockerfileImages(`FROM ${ref}\n`, 'Dockerfile'));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/SIGNATURE|PUBLIC_KEY/);
    const warnPolicy = trustedPolicy();
    warnPolicy.materials.images.validated = 'warn';
    const warned = await validator(warnPolicy).findings(dockerfileImages(`FROM ${ref}\n`, 'Dockerfile'));
    expect(warned[0]).toMatchObject({ rule: IMAGE_UNVALIDATED, blocking: false });
  });

  it('a waiver in the policy exceptions (by rule and image) makes the finding non-blocking', async () => {
    const policy = trustedPolicy();
    const expires = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const v = new ImageValidator({
      client,
      verify: imageSignatureVerifier(),
      images: policy.materials.images,
      waivers: {
        exceptions: [
          { rule: IMAGE_UNVALIDATED, package: `${registry}/acme/base`, reason: 'vendor signs next week', approver: 'sec', expires },
        ],
        maxDays: 90,
        now: new Date(),
      },
    });
    const findings = await v.findings(dockerfileImages(`FROM ${registry}/acme/base@${unsignedDigest}\n`, 'Dockerfile'));
    expect(findings[0]).toMatchObject({ rule: IMAGE_UNVALIDATED, blocking: false, waived: { approver: 'sec' } });
  });

  it('refuses an image from a registry the policy does not list (a stand-in for Docker Hub), without contacting it', async () => {
    const policy = trustedPolicy();
    const pkgs = dockerfileImages(`FROM node@sha256:${'a'.repeat(64)}\n`, 'Dockerfile');
    const { findings } = evaluateMaterials({
      packages: pkgs,
      matches: [],
      policy,
      suppressions: [],
      now: new Date(),
      vulnerabilitiesChecked: true,
    });
    expect(findings.map((f) => f.rule)).toContain(RULE.imageRegistry);
    const unvalidated = await validator(policy).findings(pkgs);
    expect(unvalidated[0]).toMatchObject({ rule: IMAGE_UNVALIDATED, blocking: true });
    expect(unvalidated[0]?.message).toMatch(/no signer is trusted for docker\.io/);
  });

  it('caches verdicts by digest in a file, and a key file relative to the policy works', async () => {
    mkdirSync(join(dir, '.github'), { recursive: true });
    writeFileSync(join(dir, '.github/base-images.pem'), trusted.publicKeyPem);
    const policy = policyWith(`    trust: [{ registry: "${registry}", key: base-images.pem }]\n`);
    const cacheFile = join(dir, 'image-cache.json');
    expect((await validator(policy, cacheFile).validate(`${registry}/acme/base@${signedDigest}`)).validated).toBe(true);
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, { validated: boolean }>;
    const keys = Object.keys(cache);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain(signedDigest);
    // A verdict cached before verdicts had a status is checked again, not trusted without one.
    const legacy = Object.fromEntries(Object.entries(cache).map(([k, v]) => [k, { ...v, status: undefined }]));
    writeFileSync(cacheFile, JSON.stringify(legacy));
    const again = await validator(policy, cacheFile).validate(`${registry}/acme/base@${signedDigest}`);
    expect(again).toMatchObject({ validated: true, status: 'verified', signer: `sha256:${trusted.hint}` });
    expect((JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, { status?: string }>)[keys[0] ?? '']?.status).toBe('verified');
  });

  it('the materials scan of a project reports the unsigned FROM and admits the signed one', async () => {
    const project = join(dir, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'Dockerfile'),
      `FROM ${registry}/acme/base@${signedDigest} AS build\nRUN true\nFROM ${registry}/acme/base@${unsignedDigest}\nCOPY --from=build /x /x\n`,
    );
    const policy = trustedPolicy();
    const result = await scan({ path: project, policy, logger: silentLogger, now: new Date(), images: validator(policy) });
    const unvalidated = result.findings.filter((f) => f.rule === RULE.imageUnvalidated);
    expect(unvalidated).toHaveLength(1);
    expect(unvalidated[0]).toMatchObject({ file: 'Dockerfile', line: 3, blocking: true });
    expect(result.blocking.map((f) => f.rule)).toContain(RULE.imageUnvalidated);
  });

  it('the scan records every base image verdict in the SBOMs it signs (CycloneDX property, SPDX annotation), read back by the gate', async () => {
    const project = join(dir, 'project-sbom');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'Dockerfile'),
      `FROM ${registry}/acme/base@${signedDigest} AS build\nFROM ${registry}/acme/base@${strangerDigest} AS two\nFROM ${registry}/acme/base@${unsignedDigest}\n`,
    );
    const policy = trustedPolicy();
    const evidenceDir = join(dir, 'evidence-sbom');
    const result = await scan({ path: project, policy, logger: silentLogger, now: new Date(), images: validator(policy), evidenceDir });
    const cdx = JSON.parse(readFileSync(result.sbom.cyclonedx ?? '', 'utf8')) as {
      components: { purl: string; properties: { name: string; value: string }[] }[];
    };
    const props = (digest: string): Record<string, string> =>
      Object.fromEntries(
        (cdx.components.find((c) => c.purl.includes(digest.slice(7)))?.properties ?? [])
          .filter((p) => p.name.startsWith('secure-factory:image:'))
          .map((p) => [p.name, p.value]),
      );
    const bundle = (await client.referrers(registry, 'acme/base', signedDigest, MEDIA.sigstoreBundle))[0]?.digest ?? '';
    const bundleLayer = (await client.getManifest(registry, 'acme/base', bundle)).manifest.layers?.[0]?.digest;
    expect(props(signedDigest)).toEqual({
      'secure-factory:image:validation': 'verified',
      'secure-factory:image:validation:digest': signedDigest,
      'secure-factory:image:validation:signer': `sha256:${trusted.hint}`,
      'secure-factory:image:validation:bundle': bundleLayer,
    });
    expect(props(strangerDigest)).toEqual({
      'secure-factory:image:validation': 'untrusted',
      'secure-factory:image:validation:digest': strangerDigest,
    });
    expect(props(unsignedDigest)).toEqual({
      'secure-factory:image:validation': 'unsigned',
      'secure-factory:image:validation:digest': unsignedDigest,
    });
    const spdx = JSON.parse(readFileSync(result.sbom.spdx ?? '', 'utf8')) as { packages: { annotations?: { comment: string }[] }[] };
    expect(
      spdx.packages
        .filter((p) => p.annotations)
        .map((p) => p.annotations?.[0]?.comment.split('\n')[0])
        .sort(),
    ).toEqual([
      'secure-factory:image:validation=unsigned',
      'secure-factory:image:validation=untrusted',
      'secure-factory:image:validation=verified',
    ]);
    if (HAVE_SHARED) {
      expect(cycloneDxValidator()(cdx)).toEqual([]);
      expect(spdxValidator()(spdx)).toEqual([]);
    } else process.stderr.write('SKIPPED (no ../shared beside the repository): schema validation of the SBOMs with image verdicts\n');
    // The signed statements carry the same verdicts, and the gate's reader finds them in both formats.
    for (const name of ['sbom.cdx', 'sbom.spdx']) {
      const statement = JSON.parse(readFileSync(join(evidenceDir, `${name}.intoto.json`), 'utf8')) as Statement;
      const verdicts = recordedImageVerdicts(statement).map((v) => [v.image.version, v.verdict, v.signer]);
      expect(verdicts.sort()).toEqual(
        [
          [signedDigest, 'verified', `sha256:${trusted.hint}`],
          [strangerDigest, 'untrusted', undefined],
          [unsignedDigest, 'unsigned', undefined],
        ].sort(),
      );
    }
  });

  describe('keyless: a Fulcio certificate for a workflow identity (local Fulcio, Rekor, TSA from @sigstore/mock)', () => {
    let sigstore: SigstoreServices;
    let keylessDigest: string;
    beforeAll(async () => {
      sigstore = await startSigstoreServices();
      const pipeline = createSigningPipeline({
        kind: 'keyless',
        identity: staticToken(sigstore.issueToken()),
        services: { fulcioUrl: sigstore.fulcioUrl, rekorUrl: sigstore.rekorUrl, rekorMajorVersion: 1, tsaUrl: sigstore.tsaUrl },
        useRekor: true,
        rekorEntryType: 'intoto',
      });
      keylessDigest = await pushImage('acme/keyless', 'v1', 'keyless-signed base');
      await signImage('acme/keyless', keylessDigest, pipeline);
    });
    afterAll(() => sigstore?.close());

    const keylessValidator = (identity: string): ImageValidator => {
      const policy = policyWith(
        `    validated: required\n    trust: [{ registry: "${registry}", identity: "${identity}", issuer: "${sigstore.issuer}" }]\n`,
      );
      return new ImageValidator({
        client,
        verify: imageSignatureVerifier({ trustedRoot: parseTrustedRoot(sigstore.trustedRoot, sigstore.trustedRootPath) }),
        images: policy.materials.images,
      });
    };

    it('admits the image signed by the trusted identity', async () => {
      const v = await keylessValidator(sigstore.identity).validate(`${registry}/acme/keyless@${keylessDigest}`);
      expect(v.reasons).toEqual([]);
      expect(v).toMatchObject({ validated: true, signer: sigstore.identity });
    });

    it('an identity with * matches the certificate SAN as a wildcard, not as a regular expression', async () => {
      const prefix = sigstore.identity.slice(0, sigstore.identity.indexOf('@'));
      expect((await keylessValidator(`${prefix}@*`).validate(`${registry}/acme/keyless@${keylessDigest}`)).validated).toBe(true);
      const other = await keylessValidator(`${prefix}.evil@*`).validate(`${registry}/acme/keyless@${keylessDigest}`);
      expect(other.validated).toBe(false);
      expect(other.reasons.join(' ')).toMatch(/IDENTITY: the certificate identity .* does not match/);
    });

    it('refuses it for another identity', async () => {
      const v = await keylessValidator('https://github.com/someone/else/.github/workflows/x.yml@refs/heads/main').validate(
        `${registry}/acme/keyless@${keylessDigest}`,
      );
      expect(v.validated).toBe(false);
      expect(v.reasons.join(' ')).toMatch(/IDENTITY/);
    });
  });

  it('secure-factory scan (the built CLI): exit 0 on a signed base image, 1 with materials/image-unvalidated on an unsigned one', async () => {
    const project = join(dir, 'cli-project');
    mkdirSync(join(project, '.github'), { recursive: true });
    mkdirSync(join(dir, 'osv-empty'), { recursive: true });
    // One unrelated record: the scan wants an OSV database; no Docker image has OSV records here.
    writeFileSync(
      join(dir, 'osv-empty', 'OSV-TEST-0001.json'),
      JSON.stringify({
        id: 'OSV-TEST-0001',
        modified: new Date().toISOString(),
        affected: [{ package: { ecosystem: 'npm', name: 'not-used-here' }, versions: ['0.0.1'] }],
      }),
    );
    writeFileSync(join(project, '.github/base.pem'), trusted.publicKeyPem);
    writeFileSync(
      join(project, '.github/secure-factory.yml'),
      `apiVersion: secure-factory/v1\nmaterials:\n  images:\n    registries: [${registry}]\n    validated: required\n    trust: [{ registry: "${registry}/acme", key: base.pem }]\n`,
    );
    const args = [
      'scan',
      project,
      '--policy',
      join(project, '.github/secure-factory.yml'),
      '--osv-db',
      join(dir, 'osv-empty'),
      '--offline',
      '--json',
    ];
    writeFileSync(join(project, 'Dockerfile'), `FROM ${registry}/acme/base@${signedDigest}\n`);
    const ok = await runCli(args);
    expect(ok.stderr).not.toMatch(/image-unvalidated|error:/);
    expect(ok.exitCode).toBe(0);
    writeFileSync(join(project, 'Dockerfile'), `FROM ${registry}/acme/base@${unsignedDigest}\n`);
    const bad = await runCli(args);
    expect(bad.exitCode).toBe(1);
    const out = JSON.parse(bad.stdout) as { findings: { rule: string; file?: string; blocking?: boolean }[] };
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: RULE.imageUnvalidated, file: 'Dockerfile', blocking: true }));
  });

  it('the policy refuses a trust entry with neither identity nor key', () => {
    expect(() => policyWith(`    trust: [{ registry: "${registry}" }]\n`)).toThrow(/trust/);
  });
});

describe('registries that lie or loop', () => {
  let server: Server;
  let base: string;
  let tokenRequests = 0;
  const asked = `sha256:${'1'.repeat(64)}`;
  const body = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '';
      if (url.startsWith('/token')) {
        tokenRequests++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'secret-token-value' }));
      } else if (url.startsWith('/v2/liar/')) {
        res.writeHead(200, { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': asked }).end(body);
      } else if (url.startsWith('/v2/loop/')) {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="fake",scope="repository:loop:pull"`,
          })
          .end();
      } else if (url.startsWith('/v2/redirect/')) {
        res.writeHead(302, { location: url }).end();
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const addr = server.address();
    base = `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const client = (): RegistryClient =>
    createRegistryClient({ credentials: () => ({ username: 'robot', password: 'hunter2-password' }), http: { maxAttempts: 1 } });

  it('a manifest whose digest is not the one asked for is refused, by digest and by tag', async () => {
    await expect(client().getManifest(base, 'liar', asked)).rejects.toThrow(
      /digest is sha256:[0-9a-f]{64}, not the one asked for; refused/,
    );
    await expect(client().getManifest(base, 'liar', 'v1')).rejects.toThrow(/says its digest is .* but the body it sent is/);
  });

  it('a lying registry gives a blocking finding even when validation only warns', async () => {
    const policy = policyWith(`    validated: warn\n    trust: [{ registry: "${base}", identity: "https://example.test/signer" }]\n`);
    const v = new ImageValidator({ client: client(), verify: imageSignatureVerifier(), images: policy.materials.images });
    const findings = await v.findings(dockerfileImages(`FROM ${base}/liar@${asked}\n`, 'Dockerfile'));
    expect(findings[0]).toMatchObject({ rule: IMAGE_UNVALIDATED, blocking: true, properties: { refused: true } });
  });

  it('an auth loop is an error that names neither the password nor the token', async () => {
    tokenRequests = 0;
    const err = await client()
      .getManifest(base, 'loop', 'v1')
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    expect(err?.message).toMatch(/auth loop/);
    expect(tokenRequests).toBe(1);
    expect(JSON.stringify({ m: err?.message, h: (err as { hint?: string }).hint })).not.toMatch(/hunter2|secret-token|cm9ib3Q/);
  });

  it('redirects are bounded', async () => {
    await expect(client().getManifest(base, 'redirect', 'v1')).rejects.toThrow(/redirected more than 5 times/);
  });

  it('parses bearer challenges with quoted values', () => {
    expect(parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"')).toEqual(
      {
        scheme: 'bearer',
        params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull,push' },
      },
    );
  });
});
