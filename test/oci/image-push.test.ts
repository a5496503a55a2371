/**
 * attest's push-to-registry against a REAL registry on loopback: Debian's `docker-registry` (distribution
 * 2.8.2). It has no OCI 1.1 referrers API (GET /v2/<name>/referrers/<digest> answers 404 text/plain, and
 * a manifest PUT with a `subject` gets no OCI-Subject header), so the bundles land in the referrers tag
 * schema: the `sha256-<hex>` tag holds an OCI index listing them. Bundles are signed with an ephemeral
 * key by the real attest stage and read back three ways: the tag schema, the referrer manifests and
 * their bundle blobs, and the materials ImageValidator (the reader the gate uses) trusting that key.
 * The referrers API path, a lying registry and credentials are played by small node:http registries.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { attestEvidence, SIGSTORE_BUNDLE_MEDIA_TYPE, type AttestResult, type ImageInputs } from '@secure-factory/attest';
import { MemoryLogger, parsePolicy, sha256Hex } from '@secure-factory/core';
import {
  createImageRegistry,
  createRegistryClient,
  ImageValidator,
  MEDIA,
  readOciLayout,
  referrersTag,
  type Manifest,
  type RegistryClient,
} from '@secure-factory/materials';
import { imageSignatureVerifier } from '@secure-factory/verify';
import { fakeRegistry, writeOciLayout } from '../support/oci-layout.js';
import { dockerRegistryBin, pushTestImage, startDockerRegistry, type LocalRegistry } from '../support/oci-registry.js';

const digestOf = (b: Buffer): string => `sha256:${sha256Hex(b)}`;

/** One statement in an evidence folder, as the earlier stages leave them. */
function evidenceFolder(root: string): string {
  const evidence = join(root, 'evidence');
  mkdirSync(evidence, { recursive: true });
  for (const [name, type] of [
    ['source', 'https://example.com/source-claim/v1'],
    ['build', 'https://example.com/build-claim/v1'],
  ] as const) {
    writeFileSync(
      join(evidence, `${name}.intoto.json`),
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'commit', digest: { gitCommit: 'a'.repeat(40) } }],
        predicateType: type,
        predicate: {},
      }),
    );
  }
  return evidence;
}

async function attest(
  root: string,
  images: ImageInputs,
  subjects: { digests?: string[]; digestName?: string } = {},
  logger = new MemoryLogger(),
): Promise<AttestResult> {
  return attestEvidence({
    evidenceDir: evidenceFolder(root),
    subjects: { ...subjects, cwd: root },
    signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never', env: {} },
    images,
    logger,
  });
}

const describeWithRegistry = dockerRegistryBin ? describe : describe.skip;
if (!dockerRegistryBin) console.log('test/oci/image-push: skipped — docker-registry is not installed (apt-get install docker-registry)');

describeWithRegistry('attest push-to-registry against docker-registry 2.8 on loopback (referrers tag schema)', () => {
  let registry: LocalRegistry;
  let client: RegistryClient;
  let dir: string;
  beforeAll(async () => {
    registry = await startDockerRegistry();
    client = createRegistryClient({ credentials: () => undefined });
    dir = mkdtempSync(join(tmpdir(), 'sf-image-push-'));
  });
  afterAll(() => {
    registry?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('pushes every bundle naming the image as a referrer, in the shape actions/attest gives it, readable through the tag schema', async () => {
    const digest = await pushTestImage(client, registry.host, 'acme/app', 'v1', 'app v1');
    const root = mkdtempSync(join(dir, 'ws-'));
    // Capitals in the name are lower-cased, as actions/attest does when it pushes.
    const result = await attest(
      root,
      { registry: createImageRegistry(client), push: true },
      { digests: [digest], digestName: `${registry.host}/Acme/App` },
    );
    expect(result.images).toEqual([{ name: `${registry.host}/acme/app`, digest }]);
    const pushed = result.signed.flatMap((s) => s.referrers ?? []);
    expect(pushed.map((r) => [r.image, r.via])).toEqual([
      [`${registry.host}/acme/app@${digest}`, 'tag-schema'],
      [`${registry.host}/acme/app@${digest}`, 'tag-schema'],
    ]);

    // docker-registry 2.8 has no referrers API: the client found them through the sha256-HEX index tag.
    const api = await fetch(`http://${registry.host}/v2/acme/app/referrers/${digest}`);
    expect(api.status).toBe(404);
    const listed = await client.referrers(registry.host, 'acme/app', digest, MEDIA.sigstoreBundle);
    expect(listed.map((d) => d.digest).sort()).toEqual(pushed.map((r) => r.digest).sort());
    const index = await client.getManifest(registry.host, 'acme/app', referrersTag(digest));
    expect(index.mediaType).toBe(MEDIA.ociIndex);
    expect(index.manifest.manifests?.[0]?.annotations?.['dev.sigstore.bundle.predicateType']).toBe('https://example.com/build-claim/v1');

    for (const s of result.signed) {
      const ref = s.referrers?.[0];
      const m = (await client.getManifest(registry.host, 'acme/app', ref?.digest ?? '')).manifest;
      expect(m).toMatchObject({
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
        config: { mediaType: MEDIA.ociEmpty, digest: digestOf(Buffer.from('{}')), size: 2 },
        subject: { mediaType: MEDIA.ociManifest, digest },
        annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope', 'dev.sigstore.bundle.predicateType': s.predicateType },
      });
      expect(m.layers).toHaveLength(1);
      expect(m.layers?.[0]?.mediaType).toBe(SIGSTORE_BUNDLE_MEDIA_TYPE);
      const blob = await client.getBlob(registry.host, 'acme/app', m.layers?.[0]?.digest ?? '', 1 << 20);
      expect(JSON.parse(blob.toString('utf8'))).toEqual(JSON.parse(readFileSync(s.bundlePath, 'utf8')));
      // The signed statement names the image by its lower-cased name and manifest digest.
      const statement = JSON.parse(readFileSync(s.statementPath, 'utf8')) as { subject: { name: string; digest: { sha256?: string } }[] };
      expect(statement.subject).toContainEqual({ name: `${registry.host}/acme/app`, digest: { sha256: digest.slice(7) } });
    }

    // The reader the gate and the materials stage use accepts it: a bundle by the trusted key names the image.
    const policy = parsePolicy(
      `apiVersion: secure-factory/v1\nmaterials:\n  images:\n    validated: required\n    trust:\n      - registry: ${registry.host}/acme\n        key: |\n${(
        result.publicKeyPem ?? ''
      )
        .trim()
        .split('\n')
        .map((l) => `          ${l}`)
        .join('\n')}\n`,
      'p.yml',
    );
    const verdict = await new ImageValidator({ client, verify: imageSignatureVerifier(), images: policy.materials.images }).validate(
      `${registry.host}/acme/app:v1`,
    );
    expect(verdict).toMatchObject({ validated: true, digest });

    // A second run adds to the tag schema index rather than replacing it.
    await attest(
      mkdtempSync(join(dir, 'ws-')),
      { registry: createImageRegistry(client), push: true },
      {
        digests: [`${registry.host}/acme/app@${digest}`],
      },
    );
    expect(await client.referrers(registry.host, 'acme/app', digest, MEDIA.sigstoreBundle)).toHaveLength(4);
  });

  it('an OCI layout: its manifest digest is the subject; the image is pushed (blobs, manifest, layout tag), then its bundles', async () => {
    const layoutDir = join(dir, 'layout');
    const { digest, manifest } = writeOciLayout(layoutDir, 'built by the project');
    const layout = await readOciLayout(layoutDir);
    expect(layout.image).toEqual({ mediaType: MEDIA.ociManifest, digest, size: manifest.length });
    expect(layout.tag).toBe('1.0');
    expect(layout.blobs).toHaveLength(2);

    const root = mkdtempSync(join(dir, 'ws-'));
    const logger = new MemoryLogger();
    const result = await attest(
      root,
      { registry: createImageRegistry(client), layouts: [{ dir: layoutDir, name: `${registry.host}/acme/built` }], push: true },
      {},
      logger,
    );
    expect(result.images).toEqual([{ name: `${registry.host}/acme/built`, digest, layoutDir }]);
    const byTag = await client.getManifest(registry.host, 'acme/built', '1.0');
    expect(byTag.digest).toBe(digest);
    for (const b of layout.blobs) expect(await client.hasBlob(registry.host, 'acme/built', b.digest)).toBe(true);
    expect(await client.referrers(registry.host, 'acme/built', digest, MEDIA.sigstoreBundle)).toHaveLength(2);
    const statement = JSON.parse(readFileSync(result.signed[0]?.statementPath ?? '', 'utf8')) as { subject: unknown[] };
    expect(statement.subject).toContainEqual({ name: `${registry.host}/acme/built`, digest: { sha256: digest.slice(7) } });
    expect(logger.text()).toMatch(/pushed to 127\.0\.0\.1:\d+\/acme\/built as the referrer sha256:[0-9a-f]{64} \(referrers tag schema\)/);

    // Without push-to-registry the layout still names the subject; nothing is pushed.
    const local = await attest(mkdtempSync(join(dir, 'ws-')), {
      registry: createImageRegistry(client),
      layouts: [{ dir: layoutDir, name: 'registry.example/acme/built' }],
      push: false,
    });
    expect(local.images).toBeUndefined();
    expect(local.signed.every((s) => s.referrers === undefined)).toBe(true);
  });

  it('fails before signing, naming what to fix: no image subject, no registry in the name, a tag in it, an image not in the registry', async () => {
    const images = (): ImageInputs => ({ registry: createImageRegistry(client), push: true });
    const root = mkdtempSync(join(dir, 'ws-'));
    await expect(attest(root, images())).rejects.toThrow(/push-to-registry needs an image subject/);
    const some = `sha256:${'4'.repeat(64)}`;
    await expect(attest(root, images(), { digests: [some], digestName: 'acme/app' })).rejects.toThrow(
      /the image name "acme\/app" names no registry/,
    );
    await expect(attest(root, images(), { digests: [some], digestName: `${registry.host}/acme/app:v1` })).rejects.toThrow(/carries a tag/);
    const missing = attest(root, images(), { digests: [some], digestName: `${registry.host}/acme/app` });
    await expect(missing).rejects.toThrow(new RegExp(`the image ${registry.host}/acme/app@${some} is not in the registry`));
    // Nothing was signed by the refused runs.
    expect(() => readFileSync(join(root, 'evidence', 'source.sigstore.json'))).toThrow();
  });

  it('a multi-platform layout (index.json names an OCI index): the index digest is the subject, platform manifests pushed before it', async () => {
    const dir2 = join(dir, 'multi');
    const amd = writeOciLayout(join(dir2, 'amd64'), 'amd64 build');
    const arm = writeOciLayout(join(dir2, 'arm64'), 'arm64 build');
    const layoutDir = join(dir2, 'layout');
    mkdirSync(join(layoutDir, 'blobs', 'sha256'), { recursive: true });
    for (const part of ['amd64', 'arm64']) {
      for (const f of readdirSync(join(dir2, part, 'blobs', 'sha256')))
        writeFileSync(join(layoutDir, 'blobs', 'sha256', f), readFileSync(join(dir2, part, 'blobs', 'sha256', f)));
    }
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociIndex,
        manifests: [
          { mediaType: MEDIA.ociManifest, digest: amd.digest, size: amd.manifest.length, platform: { os: 'linux', architecture: 'amd64' } },
          { mediaType: MEDIA.ociManifest, digest: arm.digest, size: arm.manifest.length, platform: { os: 'linux', architecture: 'arm64' } },
        ],
      }),
    );
    const indexDigest = `sha256:${sha256Hex(index)}`;
    writeFileSync(join(layoutDir, 'blobs', 'sha256', indexDigest.slice(7)), index);
    writeFileSync(join(layoutDir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
    writeFileSync(
      join(layoutDir, 'index.json'),
      JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: MEDIA.ociIndex, digest: indexDigest, size: index.length }] }),
    );
    const layout = await readOciLayout(layoutDir);
    expect(layout.manifests.map((m) => m.digest)).toEqual([amd.digest, arm.digest, indexDigest]);
    expect(layout.blobs).toHaveLength(4);
    const result = await attest(mkdtempSync(join(dir, 'ws-')), {
      registry: createImageRegistry(client),
      layouts: [{ dir: layoutDir, name: `${registry.host}/acme/multi` }],
      push: true,
    });
    expect(result.images?.[0]?.digest).toBe(indexDigest);
    const pushed = await client.getManifest(registry.host, 'acme/multi', indexDigest);
    expect(pushed.mediaType).toBe(MEDIA.ociIndex);
    for (const d of [amd.digest, arm.digest]) expect((await client.getManifest(registry.host, 'acme/multi', d)).digest).toBe(d);
    const referrers = await client.referrers(registry.host, 'acme/multi', indexDigest, MEDIA.sigstoreBundle);
    expect(referrers).toHaveLength(2);
    const first = await client.getManifest(registry.host, 'acme/multi', referrers[0]?.digest ?? '');
    expect(first.manifest.subject).toEqual({ mediaType: MEDIA.ociIndex, digest: indexDigest, size: index.length });
  });

  it('refuses a layout that is not one image, whose manifest was altered, that links outside itself or holds a FIFO', async () => {
    const bad = join(dir, 'bad-layout');
    const { digest } = writeOciLayout(bad, 'x');
    writeFileSync(join(bad, 'blobs', 'sha256', digest.slice(7)), '{"schemaVersion":2,"altered":true}');
    await expect(readOciLayout(bad)).rejects.toThrow(
      /the blob sha256:[0-9a-f]{64} \(the image index.json names\) holds \d+ bytes with the digest/,
    );
    const two = join(dir, 'two-layout');
    writeOciLayout(two, 'a', 'a');
    const index = JSON.parse(readFileSync(join(two, 'index.json'), 'utf8')) as Manifest;
    index.manifests = [
      ...(index.manifests ?? []),
      ...(index.manifests ?? []).map((m) => ({ ...m, annotations: { 'org.opencontainers.image.ref.name': 'b' } })),
    ];
    writeFileSync(join(two, 'index.json'), JSON.stringify(index));
    await expect(readOciLayout(two)).rejects.toThrow(/index.json lists 2 images; the subject must be one image/);
    expect((await readOciLayout(two, 'b')).tag).toBe('b');
    await expect(readOciLayout(join(dir, 'nowhere'))).rejects.toThrow(/the OCI layout .*nowhere: is not a folder/);
    const noMarker = join(dir, 'no-marker');
    mkdirSync(noMarker);
    await expect(readOciLayout(noMarker)).rejects.toThrow(/oci-layout/);

    // A manifest blob that links outside the layout (to a secret), and an index.json that is a FIFO:
    // refused by name, nothing read from them, no wait.
    const linked = join(dir, 'linked-layout');
    const { digest: linkedDigest } = writeOciLayout(linked, 'linked');
    const secret = join(dir, 'secret.json');
    writeFileSync(secret, '{"token":"do-not-read"}');
    const blobPath = join(linked, 'blobs', 'sha256', linkedDigest.slice(7));
    rmSync(blobPath);
    symlinkSync(secret, blobPath);
    const outside = await readOciLayout(linked).then(
      () => new Error('read'),
      (e: unknown) => e as Error,
    );
    expect(outside.message).toMatch(/outside|link/i);
    expect(outside.message).not.toContain('do-not-read');
    const fifo = join(dir, 'fifo-layout');
    writeOciLayout(fifo, 'fifo');
    rmSync(join(fifo, 'index.json'));
    execFileSync('mkfifo', [join(fifo, 'index.json')]);
    const started = Date.now();
    await expect(readOciLayout(fifo)).rejects.toThrow(/FIFO/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('attest push-to-registry protocol edges (node:http registries)', () => {
  const servers: Server[] = [];
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sf-image-push-edges-'));
  });
  afterAll(async () => {
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  async function imageIn(reg: { host: string }, client: RegistryClient): Promise<string> {
    const layoutDir = mkdtempSync(join(dir, 'layout-'));
    const { digest } = writeOciLayout(layoutDir, `image for ${reg.host}`);
    const layout = await readOciLayout(layoutDir);
    for (const m of layout.manifests) await client.putManifest(reg.host, 'acme/app', m.digest, m.bytes, m.mediaType);
    return digest;
  }

  it('a registry with the OCI 1.1 referrers API (OCI-Subject on the PUT) indexes the referrers itself: no tag schema is written', async () => {
    const reg = await fakeRegistry({ referrersApi: true });
    servers.push(reg.server);
    const client = createRegistryClient({ credentials: () => undefined });
    const digest = await imageIn(reg, client);
    const result = await attest(
      mkdtempSync(join(dir, 'ws-')),
      { registry: createImageRegistry(client), push: true },
      {
        digests: [`${reg.host}/acme/app@${digest}`],
      },
    );
    expect(result.signed.flatMap((s) => (s.referrers ?? []).map((r) => r.via))).toEqual(['referrers-api', 'referrers-api']);
    expect(reg.requests.filter((r) => r.includes(referrersTag(digest)))).toEqual([]);
    expect(await client.referrers(reg.host, 'acme/app', digest, MEDIA.sigstoreBundle)).toHaveLength(2);
  });

  it('parallel pushes to one image (matrix jobs) keep every referrer in the tag schema index where the registry honours If-Match', async () => {
    // docker-registry 2.8 ignores If-Match (checked: a PUT with a wrong If-Match is stored), so there two
    // jobs pushing at the same moment can still drop an entry; a registry that honours it loses none.
    const reg = await fakeRegistry({ conditional: true, slowReads: 20 });
    servers.push(reg.server);
    const client = createRegistryClient({ credentials: () => undefined });
    const digest = await imageIn(reg, client);
    const config = await client.putBlob(reg.host, 'acme/app', Buffer.from('{}'));
    const subject = await client.getManifest(reg.host, 'acme/app', digest);
    const jobs = Array.from({ length: 4 }, (_, job) => {
      const own = createRegistryClient({ credentials: () => undefined });
      return Promise.all(
        Array.from({ length: 3 }, async (_x, i) => {
          const bundle = Buffer.from(JSON.stringify({ mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE, job, i }));
          const layer = await own.putBlob(reg.host, 'acme/app', bundle);
          return own.putReferrer(reg.host, 'acme/app', {
            schemaVersion: 2,
            mediaType: MEDIA.ociManifest,
            artifactType: SIGSTORE_BUNDLE_MEDIA_TYPE,
            config: { mediaType: MEDIA.ociEmpty, digest: config, size: 2 },
            layers: [{ mediaType: SIGSTORE_BUNDLE_MEDIA_TYPE, digest: layer, size: bundle.length }],
            subject: { mediaType: subject.mediaType, digest, size: subject.bytes.length },
          });
        }),
      );
    });
    const pushed = (await Promise.all(jobs)).flat();
    expect(pushed.every((p) => p.via === 'tag-schema')).toBe(true);
    const listed = await client.referrers(reg.host, 'acme/app', digest, SIGSTORE_BUNDLE_MEDIA_TYPE);
    expect(listed.map((d) => d.digest).sort()).toEqual(pushed.map((p) => p.digest).sort());
    // The writers did collide: some conditional writes were refused and retried.
    expect(reg.requests.filter((r) => r === `PUT /v2/acme/app/manifests/${referrersTag(digest)}`).length).toBeGreaterThan(pushed.length);
  });

  it('a registry that says it stored other bytes than were sent is refused, and the credentials never appear', async () => {
    const secret = 'robot:hunter2-very-secret';
    for (const lie of ['manifest', 'blob'] as const) {
      const reg = await fakeRegistry({ lie, basic: secret });
      servers.push(reg.server);
      const honest = createRegistryClient({ credentials: () => ({ username: 'robot', password: 'hunter2-very-secret' }) });
      const layoutDir = mkdtempSync(join(dir, 'layout-'));
      writeOciLayout(layoutDir, `lying ${lie}`);
      const err = await attest(mkdtempSync(join(dir, 'ws-')), {
        registry: createImageRegistry(honest),
        layouts: [{ dir: layoutDir, name: `${reg.host}/acme/app` }],
        push: true,
      }).catch((e: unknown) => e as Error);
      expect(err).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(
        lie === 'manifest'
          ? /says it stored the manifest .* as sha256:0{64}, but the bytes sent are/
          : /says it stored the blob .* as sha256:0{64}/,
      );
      expect(JSON.stringify(err) + String((err as Error).stack)).not.toMatch(/hunter2|cm9ib3Q6aHVudGVyMi/);
    }
  });
});
