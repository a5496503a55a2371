/**
 * The gate admits an image by reference, straight from a REAL registry: Debian's docker-registry 2.8
 * on loopback (no referrers API, so the `sha256-HEX` tag schema carries the referrers). Images are
 * made by hand and pushed with the factory's registry client; their evidence is the factory's own
 * (statements signed keyless by the attest pipeline against local Fulcio/Rekor), pushed as Sigstore
 * bundle referrers the way actions/attest pushes them. Then: admitted by reference; unsigned,
 * untrusted-builder, unlisted-registry (Docker Hub and a second loopback registry, never contacted),
 * tag-only and lying-registry images refused — in process, through the CLI and the bundled action.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EvidenceFolder, MemoryLogger, sha256Hex } from '@secure-factory/core';
import { createRegistryClient, MEDIA, RegistryMisbehaviour, type RegistryClient } from '@secure-factory/materials';
import { gate, parseDeployImage, type GateResult, type ImageRegistryClient } from '@secure-factory/verify';
import { runAction } from '../support/action-harness.js';
import { startGitHubApiServer } from '../support/github-api-server.js';
import { runCli } from '../support/cli.js';
import { dockerRegistryBin, pushBundleReferrers, pushTestImage, startDockerRegistry, type LocalRegistry } from '../support/oci-registry.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import { writeOciLayout } from '../support/oci-layout.js';
import { claimsFor, goodRun, policyText, RUN_A, writeEvidence, writePolicy, type Run } from './chain.js';

if (!dockerRegistryBin)
  console.log('test/gate/images-by-reference: skipped — docker-registry is not installed (apt-get install docker-registry)');
const describeWithRegistry = dockerRegistryBin ? describe : describe.skip;

const REPO = 'acme/app';
const UNTRUSTED: Run = { runId: '9001', commit: 'e'.repeat(40), builder: 'mallory/forge/.github/workflows/build.yml@refs/tags/v1' };

/** Every request a node:http server saw: the unlisted registry must see none. */
async function listen(handler: (url: string, res: ServerResponse, host: string) => void): Promise<{
  server: Server;
  host: string;
  requests: string[];
}> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req.url ?? '', res, req.headers.host ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { server, host: `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, requests };
}

describeWithRegistry('gate: images by reference from a real registry (docker-registry 2.8 on loopback)', () => {
  let services: SigstoreServices;
  let reg: LocalRegistry;
  let client: RegistryClient;
  let policyFile: string;
  let dockerConfig: string;
  let unlisted: Awaited<ReturnType<typeof listen>>;
  let liar: Awaited<ReturnType<typeof listen>>;
  let looping: Awaited<ReturnType<typeof listen>>;
  const d: Record<'signed' | 'unsigned' | 'untrusted' | 'lied' | 'malformed' | 'huge', string> = {
    signed: '',
    unsigned: '',
    untrusted: '',
    lied: '',
    malformed: '',
    huge: '',
  };
  const ref = (k: keyof typeof d): string => `${reg.host}/${REPO}@${d[k]}`;

  /** The factory's five statements for the image digest, signed for `run`, as bundle bytes. */
  async function signedBundles(digest: string, run?: Run): Promise<Buffer[]> {
    const dir = await writeEvidence(services, goodRun(digest.slice('sha256:'.length), run));
    return readdirSync(dir)
      .filter((n) => n.endsWith('.sigstore.json'))
      .sort()
      .map((n) => readFileSync(path.join(dir, n)));
  }

  beforeAll(async () => {
    services = await startSigstoreServices();
    reg = await startDockerRegistry();
    client = createRegistryClient({ credentials: () => undefined });
    d.signed = await pushTestImage(client, reg.host, REPO, 'v1', 'signed app');
    await pushBundleReferrers(client, reg.host, REPO, d.signed, await signedBundles(d.signed));
    d.unsigned = await pushTestImage(client, reg.host, REPO, 'unsigned', 'unsigned app');
    d.untrusted = await pushTestImage(client, reg.host, REPO, 'untrusted', 'app built elsewhere');
    await pushBundleReferrers(client, reg.host, REPO, d.untrusted, await signedBundles(d.untrusted, UNTRUSTED));
    // A lie served by the real registry: the tag schema index of `lied` lists a referrer whose subject is
    // the signed image (its good bundles name the signed digest, so only the subject check can catch it).
    d.lied = await pushTestImage(client, reg.host, REPO, 'lied', 'an image with borrowed attestations');
    const borrowed = (await client.referrers(reg.host, REPO, d.signed, MEDIA.sigstoreBundle))[0];
    await client.putManifest(
      reg.host,
      REPO,
      `sha256-${d.lied.slice(7)}`,
      Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests: [borrowed] })),
      MEDIA.ociIndex,
    );
    // A referrer whose bundle is not JSON, and one declaring a bundle of 100 MiB.
    d.malformed = await pushTestImage(client, reg.host, REPO, 'malformed', 'bad bundle');
    await pushBundleReferrers(client, reg.host, REPO, d.malformed, [Buffer.from('<html>not a bundle</html>')]);
    d.huge = await pushTestImage(client, reg.host, REPO, 'huge', 'huge bundle');
    const small = Buffer.from('{}');
    const smallDigest = await client.putBlob(reg.host, REPO, small);
    const subject = await client.getManifest(reg.host, REPO, d.huge);
    await client.pushReferrer(reg.host, REPO, {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      artifactType: MEDIA.sigstoreBundle,
      config: { mediaType: MEDIA.ociEmpty, digest: smallDigest, size: 2 },
      layers: [{ mediaType: MEDIA.sigstoreBundle, digest: smallDigest, size: 100 * 1024 * 1024 }],
      subject: { mediaType: subject.mediaType, digest: d.huge, size: subject.bytes.length },
    });

    // A second loopback registry the policy does not list: it must never be asked anything.
    unlisted = await listen((_u, res) => res.writeHead(404).end());
    // A registry that answers every manifest with a body that is not what was asked for.
    const other = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociManifest, layers: [] });
    liar = await listen((_u, res) => res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end(other));
    // A registry that refuses every token it hands out (an auth loop), with credentials configured for it.
    looping = await listen((u, res, h) => {
      if (u.startsWith('/token')) res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"tok-secret-abc"}');
      else res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${h}/token",service="loop"` }).end();
    });
    dockerConfig = mkdtempSync(path.join(tmpdir(), 'sf-docker-config-'));
    writeFileSync(
      path.join(dockerConfig, 'config.json'),
      JSON.stringify({ auths: { [looping.host]: { auth: Buffer.from('robot:hunter2-password').toString('base64') } } }),
    );

    // The factory's chain policy, with the test registry (and the liars, so they are contacted) listed.
    policyFile = writePolicy(
      policyText().replace(
        '    registries: [ghcr.io/acme]',
        `    registries: [ghcr.io/acme, ${reg.host}/acme, ${liar.host}, ${looping.host}]`,
      ),
    );
  });

  afterAll(async () => {
    reg?.close();
    for (const s of [unlisted, liar, looping]) if (s) await new Promise<void>((r) => s.server.close(() => r()));
    await services?.close();
  });

  /** The real client, counting calls (to prove a refusal made no network call), as the CLI injects it. */
  function countingClient(): ImageRegistryClient & { calls: number } {
    const real = createRegistryClient({ credentials: () => undefined, http: { maxAttempts: 1 } });
    const c = {
      calls: 0,
      getManifest: (r: string, n: string, x: string) => (c.calls++, real.getManifest(r, n, x)),
      referrers: (r: string, n: string, x: string, t?: string) => (c.calls++, real.referrers(r, n, x, t)),
      getBlob: (r: string, n: string, x: string, m: number) => (c.calls++, real.getBlob(r, n, x, m)),
      isMisbehaviour: (e: unknown) => e instanceof RegistryMisbehaviour,
    };
    return c;
  }

  async function gateImages(images: string[], registry: ImageRegistryClient = countingClient()): Promise<GateResult> {
    return gate({
      artefacts: [],
      images,
      imageRegistry: registry,
      environment: 'production',
      policyFile,
      trustedRootFile: services.trustedRootPath,
      signer: 'none',
      outDir: mkdtempSync(path.join(tmpdir(), 'sf-gate-img-out-')),
      logger: new MemoryLogger(),
    });
  }
  const failed = (r: GateResult): string[] =>
    r.decision.artefacts.flatMap((a) => a.checks.filter((c) => c.status === 'fail').map((c) => `${c.id}: ${c.reason}`));

  it('parses references as Docker does: Docker Hub under its names, the digest deciding over a tag', () => {
    const hex = 'a'.repeat(64);
    for (const r of [`nginx@sha256:${hex}`, `docker.io/library/nginx@sha256:${hex}`, `index.docker.io/nginx:1.27@sha256:${hex}`]) {
      expect(parseDeployImage(r)).toMatchObject({ registry: 'docker.io', repository: 'library/nginx', digest: `sha256:${hex}` });
    }
    expect(parseDeployImage(`registry-1.docker.io/acme/x@sha256:${hex}`)).toMatchObject({ registry: 'docker.io', repository: 'acme/x' });
    expect(parseDeployImage(`localhost:5000/a/b@sha256:${hex}`)).toMatchObject({ registry: 'localhost:5000', repository: 'a/b' });
    expect(() => parseDeployImage(`ghcr.io/acme/app@sha512:${hex}`)).toThrow(/sha256/);
    expect(() => parseDeployImage(`https://user:pw@ghcr.io/acme/app@sha256:${hex}`)).toThrow(/with credentials in it/);
    expect(() => parseDeployImage(`robot:s3cret@ghcr.io/acme/app@sha256:${hex}`)).toThrow(/with credentials in it/);
    expect(() => parseDeployImage(`nginx:1.27@sha512:${hex}`)).toThrow(/"nginx:1.27@sha512:a{64}" has a digest that is not sha256/);
  });

  it('admits the signed image by reference: the manifest digest is the subject, the evidence its referrers', async () => {
    const r = await gateImages([ref('signed')]);
    expect(failed(r)).toEqual([]);
    expect(r.allowed).toBe(true);
    expect(r.exitCode).toBe(0);
    const a = r.decision.artefacts[0];
    expect(a).toMatchObject({ digest: d.signed.slice(7), name: `${reg.host}/${REPO}` });
    expect(a?.checks[0]).toMatchObject({ id: 'image-registry', status: 'pass' });
    expect(a?.checks[0]?.reason).toMatch(/5 Sigstore bundle\(s\)/);
    // Every input is a registry referrer, listed with where it came from.
    expect(r.decision.inputs.filter((i) => i.status === 'verified')).toHaveLength(5);
    expect(r.decision.inputs.every((i) => i.origin.startsWith(`${reg.host}/${REPO}@sha256:`))).toBe(true);
  });

  it('a multi-platform image is admitted by its index digest (what was attested); a platform digest alone is refused', async () => {
    const platform = await client.getManifest(reg.host, REPO, d.unsigned);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociIndex,
        manifests: [
          {
            mediaType: MEDIA.ociManifest,
            digest: d.unsigned,
            size: platform.bytes.length,
            platform: { architecture: 'amd64', os: 'linux' },
          },
        ],
      }),
    );
    const indexDigest = await client.putManifest(reg.host, REPO, 'multi', index, MEDIA.ociIndex);
    await pushBundleReferrers(client, reg.host, REPO, indexDigest, await signedBundles(indexDigest));
    const byIndex = await gateImages([`${reg.host}/${REPO}@${indexDigest}`]);
    expect(failed(byIndex)).toEqual([]);
    expect(byIndex.exitCode).toBe(0);
    const byPlatform = await gateImages([ref('unsigned')]);
    expect(byPlatform.exitCode).toBe(1);
    expect(failed(byPlatform).join('\n')).toMatch(/no signed evidence names/);
  });

  it('refuses the unsigned image (no attestations in the registry)', async () => {
    const r = await gateImages([ref('unsigned')]);
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(1);
    expect(failed(r).join('\n')).toMatch(new RegExp(`signatures: no signed evidence names sha256:${d.unsigned.slice(7)}`));
  });

  it('an image attested to the GitHub attestations API (actions/attest without push-to-registry) is admitted with --fetch-attestations', async () => {
    const bundles = (await signedBundles(d.unsigned)).map((b) => JSON.parse(b.toString('utf8')) as unknown);
    const api = await startGitHubApiServer([
      {
        method: 'GET',
        path: `/repos/acme/app/attestations/${d.unsigned}`,
        body: { attestations: bundles.map((bundle, i) => ({ bundle, repository_id: 1, id: i })) },
      },
    ]);
    try {
      const r = await gate({
        artefacts: [],
        images: [ref('unsigned')],
        imageRegistry: countingClient(),
        github: { baseUrl: api.url, repository: 'acme/app', token: 't0ken' },
        environment: 'production',
        policyFile,
        trustedRootFile: services.trustedRootPath,
        signer: 'none',
        outDir: mkdtempSync(path.join(tmpdir(), 'sf-gate-img-out-')),
        logger: new MemoryLogger(),
      });
      expect(failed(r)).toEqual([]);
      expect(r.exitCode).toBe(0);
      const checks = r.decision.artefacts[0]?.checks ?? [];
      expect(checks[0]).toMatchObject({ id: 'image-registry', status: 'pass', reason: expect.stringMatching(/0 Sigstore bundle/) });
      expect(checks[1]).toMatchObject({ id: 'attestations-api', status: 'pass', reason: '5 bundle(s) fetched' });
    } finally {
      await api.close();
    }
  });

  it('refuses the image whose evidence was signed by a builder the policy does not trust', async () => {
    const r = await gateImages([ref('untrusted')]);
    expect(r.exitCode).toBe(1);
    expect(failed(r).join('\n')).toMatch(/builder: .*mallory\/forge/);
  });

  it('refuses Docker Hub and an unlisted registry before any network call, with the fix', async () => {
    const c = countingClient();
    const hex = 'b'.repeat(64);
    const r = await gateImages([`nginx@sha256:${hex}`, `${unlisted.host}/acme/app@sha256:${hex.replace(/b/g, 'c')}`], c);
    expect(r.exitCode).toBe(1);
    expect(c.calls).toBe(0);
    expect(unlisted.requests).toEqual([]);
    const [hub, other] = r.decision.artefacts;
    expect(hub?.checks).toEqual([
      expect.objectContaining({
        id: 'image-registry',
        status: 'fail',
        reason: expect.stringMatching(/docker\.io\/library\/nginx is from Docker Hub .* not contacted/),
        fix: expect.stringMatching(/Docker Hub is refused unless the policy names docker\.io/),
      }),
    ]);
    expect(other?.checks[0]?.reason).toMatch(new RegExp(`is from ${unlisted.host}, a registry deploy.production.registries does not list`));
    expect(other?.checks[0]?.fix).toMatch(new RegExp(`add ${unlisted.host} to deploy.production.registries`));
  });

  it('Docker Hub is let through to the registry only when the policy names it (under any of its names)', async () => {
    const named = writePolicy(
      readFileSync(policyFile, 'utf8').replace('registries: [ghcr.io/acme,', 'registries: [index.docker.io/library, ghcr.io/acme,'),
    );
    const seen: string[] = [];
    const probe: ImageRegistryClient = {
      getManifest: (r) => (seen.push(r), Promise.reject(new Error('offline'))),
      referrers: () => Promise.reject(new Error('unused')),
      getBlob: () => Promise.reject(new Error('unused')),
    };
    const r = await gate({
      artefacts: [],
      images: [`nginx@sha256:${'d'.repeat(64)}`],
      imageRegistry: probe,
      environment: 'production',
      policyFile: named,
      trustedRootFile: services.trustedRootPath,
      signer: 'none',
      outDir: mkdtempSync(path.join(tmpdir(), 'sf-gate-img-out-')),
      logger: new MemoryLogger(),
    });
    expect(seen).toEqual(['docker.io']);
    // Not reachable here: a service failure, exit 3, never a pass.
    expect(r.exitCode).toBe(3);
    expect(failed(r)[0]).toMatch(/cannot read the image from its registry: offline/);
  });

  it('refuses a tag without a digest before anything else, saying how to pin it', async () => {
    const c = countingClient();
    const err = await gateImages([`${reg.host}/${REPO}:v1`], c).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string; hint?: string },
    );
    expect(c.calls).toBe(0);
    expect(err?.code).toBe('CONFIGURATION');
    expect(err?.message).toMatch(/names no digest; the gate admits images by digest only/);
    expect(err?.hint).toContain(`${reg.host}/${REPO}@sha256:<64 hex>`);
  });

  it('refuses a registry that lies: a referrer for another subject, a manifest for another digest', async () => {
    const lied = await gateImages([ref('lied')]);
    expect(lied.exitCode).toBe(1);
    expect(failed(lied)).toEqual([
      expect.stringMatching(
        new RegExp(
          `image-registry: the registry ${reg.host} lists sha256:[0-9a-f]{64} as an attestation of ${d.lied}, but it refers to ${d.signed}; refused`,
        ),
      ),
    ]);
    const wrong = await gateImages([`${liar.host}/acme/app@sha256:${'1'.repeat(64)}`]);
    expect(wrong.exitCode).toBe(1);
    expect(failed(wrong)[0]).toMatch(/digest is sha256:[0-9a-f]{64}, not the one asked for; refused/);
  });

  it('a hand-written registry: a bundle blob with other bytes is refused (exit 1), a 5 MiB manifest is a failing service (exit 3)', async () => {
    const json = (o: unknown): Buffer => Buffer.from(JSON.stringify(o));
    const image = json({ schemaVersion: 2, mediaType: MEDIA.ociManifest, layers: [] });
    const imageDigest = `sha256:${sha256Hex(image)}`;
    const claimed = Buffer.from('{"claimed":"bundle"}');
    const referrer = json({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      artifactType: MEDIA.sigstoreBundle,
      layers: [{ mediaType: MEDIA.sigstoreBundle, digest: `sha256:${sha256Hex(claimed)}`, size: claimed.length }],
      subject: { mediaType: MEDIA.ociManifest, digest: imageDigest, size: image.length },
    });
    const referrerDigest = `sha256:${sha256Hex(referrer)}`;
    const index = json({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: [{ mediaType: MEDIA.ociManifest, digest: referrerDigest, size: referrer.length, artifactType: MEDIA.sigstoreBundle }],
    });
    const huge = Buffer.alloc(5 * 1024 * 1024, 0x20);
    const fake = await listen((u, res) => {
      const type = { 'content-type': MEDIA.ociManifest };
      if (u === `/v2/acme/app/manifests/${imageDigest}`) res.writeHead(200, type).end(image);
      else if (u === `/v2/acme/app/manifests/sha256-${imageDigest.slice(7)}`)
        res.writeHead(200, { 'content-type': MEDIA.ociIndex }).end(index);
      else if (u === `/v2/acme/app/manifests/${referrerDigest}`) res.writeHead(200, type).end(referrer);
      else if (u.startsWith('/v2/acme/app/blobs/')) res.writeHead(200).end('{"swapped":"bundle"}');
      else if (u.startsWith('/v2/acme/huge/manifests/')) res.writeHead(200, type).end(huge);
      else res.writeHead(404).end();
    });
    try {
      const policy = writePolicy(
        readFileSync(policyFile, 'utf8').replace('registries: [ghcr.io/acme,', `registries: [${fake.host}, ghcr.io/acme,`),
      );
      const run = (images: string[]): Promise<GateResult> =>
        gate({
          artefacts: [],
          images,
          imageRegistry: countingClient(),
          environment: 'production',
          policyFile: policy,
          trustedRootFile: services.trustedRootPath,
          signer: 'none',
          outDir: mkdtempSync(path.join(tmpdir(), 'sf-gate-img-out-')),
          logger: new MemoryLogger(),
        });
      const swapped = await run([`${fake.host}/acme/app@${imageDigest}`]);
      expect(swapped.exitCode).toBe(1);
      expect(failed(swapped)[0]).toMatch(/image-registry: the blob sha256:[0-9a-f]{64} of .* has the digest sha256:[0-9a-f]{64}; refused/);
      const big = await run([`${fake.host}/acme/huge@sha256:${'3'.repeat(64)}`]);
      expect(big.exitCode).toBe(3);
      expect(failed(big)[0]).toMatch(/cannot read the image from its registry: .*more than the limit of 4194304 bytes/);
    } finally {
      await new Promise<void>((r) => fake.server.close(() => r()));
    }
  });

  it('refuses an image whose referrer holds a bundle that is not JSON, or declares one over the size limit (not read)', async () => {
    const bad = await gateImages([ref('malformed')]);
    expect(bad.exitCode).toBe(1);
    expect(bad.decision.inputs).toContainEqual(
      expect.objectContaining({ status: 'unreadable', reason: 'the bundle in the registry is not JSON' }),
    );
    expect(failed(bad).join('\n')).not.toContain('<html>');
    const huge = await gateImages([ref('huge')]);
    expect(huge.exitCode).toBe(1);
    expect(huge.decision.inputs).toContainEqual(
      expect.objectContaining({ status: 'unreadable', reason: expect.stringMatching(/declares 104857600 bytes, over the limit/) }),
    );
  });

  it('an auth loop refuses, and neither the password nor the token appears anywhere', async () => {
    const r = await runCli(
      [
        'gate',
        '--image',
        `${looping.host}/acme/app@sha256:${'2'.repeat(64)}`,
        '--policy',
        policyFile,
        '--trusted-root',
        services.trustedRootPath,
        '--signer',
        'none',
        '--json',
        '--out',
        mkdtempSync(path.join(tmpdir(), 'sf-gate-loop-')),
      ],
      { env: { DOCKER_CONFIG: dockerConfig } },
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/auth loop/);
    const decision = readFileSync((JSON.parse(r.stdout) as { decisionPath: string }).decisionPath, 'utf8');
    for (const text of [r.stdout, r.stderr, decision]) {
      expect(text).not.toMatch(/hunter2|tok-secret|cm9ib3Q6/);
    }
  });

  describe('secure-factory gate --image (the built CLI)', () => {
    const args = (...images: string[]): string[] => [
      'gate',
      ...images.flatMap((i) => ['--image', i]),
      '--policy',
      policyFile,
      '--environment',
      'production',
      '--trusted-root',
      services.trustedRootPath,
      '--signer',
      'ephemeral',
      '--out',
      mkdtempSync(path.join(tmpdir(), 'sf-gate-cli-')),
    ];
    const env = (): Record<string, string> => ({ DOCKER_CONFIG: mkdtempSync(path.join(tmpdir(), 'sf-docker-empty-')) });

    it('exit 0 for the signed image', async () => {
      const r = await runCli([...args(ref('signed')), '--json'], { env: env() });
      expect(r.stderr).toContain('ADMITTED');
      expect(r.exitCode).toBe(0);
      const out = JSON.parse(r.stdout) as { allowed: boolean; artefacts: { name: string; digest: string }[] };
      expect(out.artefacts).toEqual([expect.objectContaining({ name: `${reg.host}/${REPO}`, digest: d.signed.slice(7) })]);
    });

    it('exit 1 for the unsigned image, the untrusted builder, Docker Hub and the lying registry, each with its reason', async () => {
      const r = await runCli(args(ref('unsigned'), ref('untrusted'), `docker.io/library/nginx@sha256:${'e'.repeat(64)}`, ref('lied')), {
        env: env(),
      });
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toMatch(/REFUSED .*acme\/app sha256:.*\n.*no signed evidence names/);
      expect(r.stderr).toMatch(/builder identity: provenance: signed by mallory\/forge/);
      expect(r.stderr).toMatch(/Docker Hub \(docker\.io\), a registry deploy\.production\.registries does not list/);
      expect(r.stderr).toMatch(/as an attestation of .* but it refers to/);
    });

    it('exit 2 for a tag without a digest, with the fix', async () => {
      const r = await runCli(args(`${reg.host}/${REPO}:v1`), { env: env() });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/names no digest; the gate admits images by digest only/);
      expect(r.stderr).toMatch(new RegExp(`${reg.host.replace(/\./g, '\\.')}/acme/app@sha256:<64 hex>`));
    });
  });

  it('end to end: a built image (OCI layout) pushed with its evidence by `secure-factory attest --push-to-registry`, admitted by `gate --image`', async () => {
    const layout = mkdtempSync(path.join(tmpdir(), 'sf-built-image-'));
    const { digest } = writeOciLayout(layout, 'the app, built by the factory');
    // The run's statements as the stages leave them (unsigned); attest signs them keyless for the run.
    const evidence = mkdtempSync(path.join(tmpdir(), 'sf-built-ev-'));
    const folder = new EvidenceFolder(evidence);
    for (const p of goodRun(digest.slice(7))) await folder.write(p.name, p.statement);
    const name = `${reg.host}/acme/built`;
    const env = { DOCKER_CONFIG: mkdtempSync(path.join(tmpdir(), 'sf-docker-empty-')) };
    const attest = await runCli(
      [
        'attest',
        '--evidence',
        evidence,
        '--signer',
        'keyless',
        '--identity-token',
        services.issueToken(claimsFor(RUN_A)),
        '--fulcio-url',
        services.fulcioUrl,
        '--rekor-url',
        services.rekorUrl,
        '--subject-name',
        name,
        '--subject-oci-layout',
        layout,
        '--push-to-registry',
      ],
      { env },
    );
    expect(attest.stderr).toMatch(/pushed to .* as the referrer/);
    expect(attest.exitCode).toBe(0);
    const g = await runCli(
      [
        'gate',
        '--image',
        `${name}@${digest}`,
        '--policy',
        policyFile,
        '--trusted-root',
        services.trustedRootPath,
        '--signer',
        'none',
        '--json',
        '--out',
        mkdtempSync(path.join(tmpdir(), 'sf-gate-built-')),
      ],
      { env },
    );
    expect(g.stderr).toContain('ADMITTED');
    expect(g.exitCode).toBe(0);
    const out = JSON.parse(g.stdout) as { inputs: { origin: string; status: string }[] };
    expect(out.inputs.filter((i) => i.status === 'verified' && i.origin.startsWith(`${name}@sha256:`))).toHaveLength(5);
  });

  describe('gate-deploy action (the bundle, as GitHub runs it): the images input', () => {
    function workspace(): string {
      const ws = mkdtempSync(path.join(tmpdir(), 'sf-gate-img-ws-'));
      mkdirSync(path.join(ws, '.github'));
      writeFileSync(path.join(ws, '.github', 'secure-factory.yml'), readFileSync(policyFile));
      writeFileSync(path.join(ws, 'trusted_root.json'), JSON.stringify(services.trustedRoot));
      return ws;
    }
    const inputs = (images: string): Record<string, string> => ({
      images,
      environment: 'production',
      policy: '.github/secure-factory.yml',
      'trusted-root': 'trusted_root.json',
      signer: 'ephemeral',
    });
    const env = (): Record<string, string> => ({ ...services.actionsEnv(), DOCKER_CONFIG: mkdtempSync(path.join(tmpdir(), 'sf-dc-')) });

    it('admits the signed image given by reference', async () => {
      const r = await runAction('gate-deploy', { workspace: workspace(), inputs: inputs(`${ref('signed')}\n`), env: env() });
      expect(r.stderr).toBe('');
      expect(r.outputs.allowed).toBe('true');
      expect(r.exitCode).toBe(0);
      expect(r.summary).toContain('admitted');
    });

    it('refuses an unsigned image and a Docker Hub image, with one annotation each', async () => {
      const r = await runAction('gate-deploy', {
        workspace: workspace(),
        inputs: inputs(`${ref('unsigned')}\nnginx@sha256:${'f'.repeat(64)}`),
        env: env(),
      });
      expect(r.outputs.allowed).toBe('false');
      expect(r.exitCode).not.toBe(0);
      const messages = r.annotations.map((a) => a.message).join('\n');
      expect(messages).toMatch(/no signed evidence names/);
      expect(messages).toMatch(/Docker Hub/);
    });
  });

  it('the subject the gate reports is the digest of the manifest bytes in the registry', async () => {
    const m = await client.getManifest(reg.host, REPO, 'v1');
    expect(`sha256:${sha256Hex(m.bytes)}`).toBe(d.signed);
  });
});
