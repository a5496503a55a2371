/**
 * The gate's own checks on images by reference, with in-memory registry clients that do NOT check
 * anything (so the gate's second look is what is tested): references, listed registries and Docker
 * Hub's names, a manifest or blob for another digest, a referrer for another subject, size limits.
 * The real registry and the real client are in test/gate/images-by-reference.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, InfrastructureError, MemoryLogger, sha256Hex } from '@secure-factory/core';
import type { EvidenceIndex } from './lookup.js';
import {
  imageRegistryAllowed,
  lookUpImages,
  MAX_REGISTRY_BUNDLE_BYTES,
  parseDeployImage,
  SIGSTORE_BUNDLE_MEDIA,
  type ImageRegistryClient,
  type OciManifest,
} from './registry-images.js';

const hex = 'a'.repeat(64);
const json = (o: unknown): Buffer => Buffer.from(JSON.stringify(o));
const digestOf = (b: Buffer): string => `sha256:${sha256Hex(b)}`;

/** A registry as a map from digest to bytes; manifests are parsed, nothing is checked. */
function memoryRegistry(objects: Map<string, Buffer>, referrers: Record<string, string[]>): ImageRegistryClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    getManifest(_r, _n, ref) {
      calls.push(`manifest ${ref}`);
      const bytes = objects.get(ref);
      if (!bytes) return Promise.reject(new Error(`no ${ref}`));
      return Promise.resolve({
        digest: ref,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        bytes,
        manifest: JSON.parse(bytes.toString()) as OciManifest,
      });
    },
    referrers(_r, _n, d) {
      calls.push(`referrers ${d}`);
      return Promise.resolve(
        (referrers[d] ?? []).map((x) => ({
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: x,
          size: 1,
          artifactType: SIGSTORE_BUNDLE_MEDIA,
        })),
      );
    },
    getBlob(_r, _n, d) {
      calls.push(`blob ${d}`);
      const bytes = objects.get(d);
      return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`no ${d}`));
    },
  };
}

const emptyIndex = (): EvidenceIndex => ({ bundles: [], unsigned: [], unreadable: [] });
const options = (client: ImageRegistryClient | undefined, allowed: string[] = ['registry.example/acme']) => ({
  client,
  allowed,
  environment: 'production',
  logger: new MemoryLogger(),
});

describe('parseDeployImage', () => {
  it('reads references as Docker does and keeps the digest', () => {
    for (const r of [`nginx@sha256:${hex}`, `docker.io/library/nginx@sha256:${hex}`, `index.docker.io/nginx:1.27@sha256:${hex}`]) {
      expect(parseDeployImage(r)).toMatchObject({ registry: 'docker.io', repository: 'library/nginx', digest: `sha256:${hex}` });
    }
    expect(parseDeployImage(`registry-1.docker.io/acme/x@sha256:${hex}`)).toMatchObject({ registry: 'docker.io', repository: 'acme/x' });
    expect(parseDeployImage(`acme/x@sha256:${hex}`)).toMatchObject({ registry: 'docker.io', repository: 'acme/x' });
    expect(parseDeployImage(`localhost:5000/a/b@sha256:${hex}`)).toMatchObject({ registry: 'localhost:5000', repository: 'a/b' });
    expect(parseDeployImage(`GHCR.io/acme/app:v1@sha256:${hex}`)).toMatchObject({ registry: 'ghcr.io', repository: 'acme/app' });
  });

  it('refuses a tag alone with the pinned form as the fix, and anything that is not a sha256 digest', () => {
    const e = (() => {
      try {
        parseDeployImage('ghcr.io/acme/app:1.4');
      } catch (x: unknown) {
        return x as ConfigurationError;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e?.message).toMatch(/names no digest; the gate admits images by digest only/);
    expect(e?.hint).toMatch(/^pin it by its manifest digest: ghcr\.io\/acme\/app@sha256:<64 hex>/);
    expect(() => parseDeployImage('ghcr.io/acme/app')).toThrow(/names no digest/);
    expect(() => parseDeployImage(`ghcr.io/acme/app@sha256:${hex.slice(1)}`)).toThrow(/not sha256:<64 lowercase hex>/);
    expect(() => parseDeployImage(`ghcr.io/acme/App@sha256:${hex}`)).toThrow(/no valid repository name/);
    expect(() => parseDeployImage(`ghcr.io/acme/$APP@sha256:${hex}`)).toThrow(/is not an image reference/);
  });

  it('never echoes a reference with credentials in it', () => {
    for (const r of [
      `https://u:hunter2@ghcr.io/a/b@sha256:${hex}`,
      `u:hunter2@ghcr.io/a/b@sha256:${hex}`,
      // Without a path after the host, or with a port: still a credential.
      'u:hunter2@ghcr.io',
      'u:hunter2@registry.example:5000',
      `u:hunter2@ghcr.io@sha256:${hex}`,
    ]) {
      let message = '';
      try {
        parseDeployImage(r);
      } catch (e: unknown) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/with credentials in it/);
      expect(message).not.toContain('hunter2');
    }
    // A reference whose only @ is its digest's is quoted, even when it is refused for something else.
    expect(() => parseDeployImage(`ghcr.io/acme//app@sha256:${hex}`)).toThrow(`"ghcr.io/acme//app@sha256:${hex}"`);
    expect(() => parseDeployImage(`nginx:1.27@sha512:${'a'.repeat(128)}`)).toThrow(`"nginx:1.27@sha512:${'a'.repeat(128)}"`);
  });
});

describe('imageRegistryAllowed', () => {
  const img = (r: string) => parseDeployImage(`${r}@sha256:${hex}`);
  it('allows by registry or repository prefix, never a look-alike host or sibling path', () => {
    expect(imageRegistryAllowed(img('ghcr.io/acme/app'), ['ghcr.io/acme'])).toBe(true);
    expect(imageRegistryAllowed(img('ghcr.io/acme/app'), ['https://ghcr.io/'])).toBe(true);
    expect(imageRegistryAllowed(img('ghcr.io/acme-evil/app'), ['ghcr.io/acme'])).toBe(false);
    expect(imageRegistryAllowed(img('ghcr.io.evil.example/acme/app'), ['ghcr.io'])).toBe(false);
  });
  it('Docker Hub only when the policy names it, under any of its names', () => {
    expect(imageRegistryAllowed(img('nginx'), ['ghcr.io'])).toBe(false);
    expect(imageRegistryAllowed(img('nginx'), [])).toBe(false);
    expect(imageRegistryAllowed(img('nginx'), ['docker.io'])).toBe(true);
    expect(imageRegistryAllowed(img('nginx'), ['index.docker.io/library'])).toBe(true);
    expect(imageRegistryAllowed(img('registry-1.docker.io/acme/x'), ['docker.io/acme'])).toBe(true);
    expect(imageRegistryAllowed(img('acme/x'), ['docker.io/library'])).toBe(false);
  });
});

describe('lookUpImages (the gate checks what the client returns)', () => {
  const image = json({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] });
  const imageDigest = digestOf(image);
  const ref = `registry.example/acme/app@${imageDigest}`;
  const referrerFor = (subject: string, layer: Buffer, size = layer.length): Buffer =>
    json({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: SIGSTORE_BUNDLE_MEDIA,
      layers: [{ mediaType: SIGSTORE_BUNDLE_MEDIA, digest: digestOf(layer), size }],
      subject: { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: subject, size: 1 },
    });

  it('refuses an unlisted registry without calling the client', async () => {
    const client = memoryRegistry(new Map(), {});
    const [l] = await lookUpImages([parseDeployImage(`nginx@sha256:${hex}`)], options(client), emptyIndex());
    expect(client.calls).toEqual([]);
    expect(l?.failure?.kind).toBe('refused');
    expect(l?.check.stage).toBe('gate');
    expect(l?.check.reason).toMatch(
      /Docker Hub \(docker\.io\), a registry deploy\.production\.registries does not list \(registry\.example\/acme\)/,
    );
  });

  it('adds the bundles of the referrers naming the image, and says how many', async () => {
    const bundle = json({ mediaType: SIGSTORE_BUNDLE_MEDIA, messageSignature: {}, note: 'not verified here' });
    const referrer = referrerFor(imageDigest, bundle);
    const objects = new Map([
      [imageDigest, image],
      [digestOf(referrer), referrer],
      [digestOf(bundle), bundle],
    ]);
    const index = emptyIndex();
    const [l] = await lookUpImages(
      [parseDeployImage(ref)],
      options(memoryRegistry(objects, { [imageDigest]: [digestOf(referrer)] })),
      index,
    );
    expect(l?.failure).toBeUndefined();
    expect(l?.check).toMatchObject({ id: 'image-registry', status: 'pass' });
    expect(l?.check.reason).toMatch(/1 Sigstore bundle\(s\)/);
    expect(index.bundles).toEqual([
      expect.objectContaining({ origin: `registry.example/acme/app@${digestOf(referrer)}`, bundleDigest: sha256Hex(bundle) }),
    ]);
  });

  it('a referrer whose blob is not JSON, or JSON that is not a bundle, is listed unreadable without quoting it', async () => {
    const notJson = Buffer.from('SECRET not json');
    const notBundle = json({ mediaType: 'application/vnd.in-toto+json', note: 'SECRET' });
    const r1 = referrerFor(imageDigest, notJson);
    const r2 = referrerFor(imageDigest, notBundle);
    const objects = new Map([
      [imageDigest, image],
      [digestOf(r1), r1],
      [digestOf(r2), r2],
      [digestOf(notJson), notJson],
      [digestOf(notBundle), notBundle],
    ]);
    const index = emptyIndex();
    await lookUpImages([parseDeployImage(ref)], options(memoryRegistry(objects, { [imageDigest]: [digestOf(r1), digestOf(r2)] })), index);
    expect(index.bundles).toEqual([]);
    expect(index.unreadable).toEqual([
      { origin: `registry.example/acme/app@${digestOf(r1)}`, digest: sha256Hex(notJson), reason: 'the bundle in the registry is not JSON' },
      {
        origin: `registry.example/acme/app@${digestOf(r2)}`,
        digest: sha256Hex(notBundle),
        reason: 'the referrer in the registry is not a Sigstore bundle: no Sigstore bundle mediaType',
      },
    ]);
  });

  it('a manifest for another digest, a referrer for another subject, a blob with other bytes: refused', async () => {
    const other = json({ schemaVersion: 2, layers: [], note: 'other' });
    const liar = memoryRegistry(new Map([[imageDigest, other]]), {});
    const [a] = await lookUpImages([parseDeployImage(ref)], options(liar), emptyIndex());
    expect(a?.failure?.kind).toBe('refused');
    expect(a?.check.reason).toBe(
      `the registry registry.example sent a manifest whose digest is ${digestOf(other)}, not ${imageDigest}; refused`,
    );

    const bundle = json({ b: 1 });
    const borrowed = referrerFor(`sha256:${'9'.repeat(64)}`, bundle);
    const [b] = await lookUpImages(
      [parseDeployImage(ref)],
      options(
        memoryRegistry(
          new Map([
            [imageDigest, image],
            [digestOf(borrowed), borrowed],
            [digestOf(bundle), bundle],
          ]),
          { [imageDigest]: [digestOf(borrowed)] },
        ),
      ),
      emptyIndex(),
    );
    expect(b?.check.reason).toMatch(/lists sha256:[0-9a-f]{64} as an attestation of .* but it refers to sha256:9{64}; refused/);

    const good = referrerFor(imageDigest, bundle);
    const swapped = new Map([
      [imageDigest, image],
      [digestOf(good), good],
      [digestOf(bundle), json({ b: 2 })],
    ]);
    const index = emptyIndex();
    const [c] = await lookUpImages([parseDeployImage(ref)], options(memoryRegistry(swapped, { [imageDigest]: [digestOf(good)] })), index);
    expect(c?.check.reason).toMatch(/the bundle sha256:[0-9a-f]{64} in registry.example has the digest sha256:[0-9a-f]{64}; refused/);
    expect(index.bundles).toEqual([]);
  });

  it('a bundle declared over the limit is listed as unreadable and never downloaded', async () => {
    const bundle = json({ b: 1 });
    const referrer = referrerFor(imageDigest, bundle, MAX_REGISTRY_BUNDLE_BYTES + 1);
    const client = memoryRegistry(
      new Map([
        [imageDigest, image],
        [digestOf(referrer), referrer],
        [digestOf(bundle), bundle],
      ]),
      {
        [imageDigest]: [digestOf(referrer)],
      },
    );
    const index = emptyIndex();
    await lookUpImages([parseDeployImage(ref)], options(client), index);
    expect(client.calls.some((c) => c.startsWith('blob'))).toBe(false);
    expect(index.unreadable).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/declares 16777217 bytes, over the limit/) }),
    ]);
  });

  it('a client error is a service failure (exit 3), unless the client says the registry misbehaved', async () => {
    const down = memoryRegistry(new Map(), {});
    const [a] = await lookUpImages([parseDeployImage(ref)], options(down), emptyIndex());
    expect(a?.failure?.kind).toBe('unreachable');
    const [b] = await lookUpImages([parseDeployImage(ref)], options({ ...down, isMisbehaviour: () => true }), emptyIndex());
    expect(b?.failure?.kind).toBe('refused');
    await expect(lookUpImages([parseDeployImage(ref)], options(undefined), emptyIndex())).rejects.toThrow(/need a registry client/);
    const login = { ...down, getManifest: () => Promise.reject(new InfrastructureError('wants a login', { hint: 'docker login to it' })) };
    const [c] = await lookUpImages([parseDeployImage(ref)], options(login), emptyIndex());
    expect(c?.check).toMatchObject({ reason: 'cannot read the image from its registry: wants a login', fix: 'docker login to it' });
  });
});
