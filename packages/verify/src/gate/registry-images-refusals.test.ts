/**
 * The refusals of the registry gate, one property per test, with an in-memory registry client that
 * checks nothing and records every call (so what the gate itself checks is what is tested): references
 * and allow-list entries read exactly, a referrer with other bytes or for another subject, layers that
 * are not bundles, declared sizes out of bounds, the per-image total, duplicate bundles, the referrer
 * cap, and what the gate says when the registry fails. The happy paths are in registry-images.test.ts.
 */
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, InfrastructureError, MemoryLogger, sha256Hex } from '@secure-factory/core';
import { candidateFromJson } from './candidate.js';
import type { EvidenceIndex } from './lookup.js';
import {
  imageRegistryAllowed,
  imageSubject,
  lookUpImages,
  MAX_REFERRERS,
  MAX_REGISTRY_BUNDLE_BYTES,
  parseDeployImage,
  SIGSTORE_BUNDLE_MEDIA,
  type ImageLookup,
  type ImageRegistryClient,
  type OciManifest,
} from './registry-images.js';

const hex = 'a'.repeat(64);
const json = (o: unknown): Buffer => Buffer.from(JSON.stringify(o));
const digestOf = (b: Buffer): string => `sha256:${sha256Hex(b)}`;
const MANIFEST_MEDIA = 'application/vnd.oci.image.manifest.v1+json';
const PER_IMAGE = 4 * MAX_REGISTRY_BUNDLE_BYTES;
const LIMITS = `over the limit of ${MAX_REGISTRY_BUNDLE_BYTES} bytes (${PER_IMAGE} per image); not read`;
const GENERIC_FIX =
  'the gate does not decide without the image and its attestations; retry when the registry answers (and check the credentials in the docker config)';
const LIE_FIX = 'do not deploy from this registry until it serves what it is asked for: check it and any proxy in between';

/** The message and hint of what `f` throws (undefined when it does not throw). */
function thrown(f: () => unknown): { message: string; hint: string | undefined; configuration: boolean } | undefined {
  try {
    f();
  } catch (e: unknown) {
    return { message: (e as Error).message, hint: (e as ConfigurationError).hint, configuration: e instanceof ConfigurationError };
  }
  return undefined;
}

interface Call {
  op: 'manifest' | 'referrers' | 'blob';
  ref: string;
  maxBytes?: number;
}

/** A registry as a map from digest to bytes that trusts itself: whatever is stored under a digest is sent. */
function memoryRegistry(objects: Map<string, Buffer>, listed: readonly string[]): ImageRegistryClient & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    getManifest(_r, _n, ref) {
      calls.push({ op: 'manifest', ref });
      const bytes = objects.get(ref);
      if (!bytes) return Promise.reject(new Error(`no ${ref}`));
      return Promise.resolve({ digest: ref, mediaType: MANIFEST_MEDIA, bytes, manifest: JSON.parse(bytes.toString()) as OciManifest });
    },
    referrers(_r, _n, d) {
      calls.push({ op: 'referrers', ref: d });
      return Promise.resolve(listed.map((x) => ({ mediaType: MANIFEST_MEDIA, digest: x, size: 1, artifactType: SIGSTORE_BUNDLE_MEDIA })));
    },
    getBlob(_r, _n, d, maxBytes) {
      calls.push({ op: 'blob', ref: String(d), maxBytes });
      const bytes = objects.get(d);
      return bytes ? Promise.resolve(bytes) : Promise.reject(new Error(`no ${String(d)}`));
    },
  };
}

const emptyIndex = (): EvidenceIndex => ({ bundles: [], unsigned: [], unreadable: [] });
const image = json({ schemaVersion: 2, mediaType: MANIFEST_MEDIA, layers: [] });
const imageDigest = digestOf(image);
const where = 'registry.example/acme/app';
const ref = `${where}@${imageDigest}`;
const bundleOf = (note: string): Buffer => json({ mediaType: SIGSTORE_BUNDLE_MEDIA, messageSignature: {}, note });
const layerOf = (blob: Buffer, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  mediaType: SIGSTORE_BUNDLE_MEDIA,
  digest: digestOf(blob),
  size: blob.length,
  ...extra,
});
const NO_SUBJECT = Symbol('no subject');
/** A referrer manifest; `NO_SUBJECT` leaves the subject out. */
const referrerOf = (layers: unknown[], subject: unknown = imageDigest, note = ''): Buffer =>
  json({
    schemaVersion: 2,
    mediaType: MANIFEST_MEDIA,
    artifactType: SIGSTORE_BUNDLE_MEDIA,
    layers,
    ...(subject === NO_SUBJECT ? {} : { subject: { mediaType: MANIFEST_MEDIA, digest: subject, size: image.length } }),
    ...(note ? { annotations: { note } } : {}),
  });

/** Looks up `ref` in a registry holding the image, the referrers (listed in order) and the blobs. */
async function lookUp(
  referrers: Buffer[],
  blobs: Buffer[],
  extra: { index?: EvidenceIndex; objects?: [string, Buffer][]; listed?: string[] } = {},
): Promise<{ lookup: ImageLookup | undefined; index: EvidenceIndex; client: ReturnType<typeof memoryRegistry>; logger: MemoryLogger }> {
  const objects = new Map<string, Buffer>([
    [imageDigest, image],
    ...referrers.map((r): [string, Buffer] => [digestOf(r), r]),
    ...blobs.map((b): [string, Buffer] => [digestOf(b), b]),
    ...(extra.objects ?? []),
  ]);
  const client = memoryRegistry(objects, extra.listed ?? referrers.map(digestOf));
  const logger = new MemoryLogger();
  const index = extra.index ?? emptyIndex();
  const [lookup] = await lookUpImages(
    [parseDeployImage(ref)],
    { client, allowed: ['registry.example/acme'], environment: 'production', logger },
    index,
  );
  return { lookup, index, client, logger };
}

const blobCalls = (client: { calls: Call[] }): Call[] => client.calls.filter((c) => c.op === 'blob');
const passed = (bundles: number): ImageLookup['check'] => ({
  id: 'image-registry',
  title: 'image in its registry',
  stage: 'attest',
  status: 'pass',
  reason: `manifest ${imageDigest} read from registry.example (digest checked); ${bundles} Sigstore bundle(s) from its referrers`,
});
const refusedAsLie = (reason: string): Pick<ImageLookup, 'failure' | 'check'> => ({
  failure: { kind: 'refused' },
  check: {
    id: 'image-registry',
    title: 'image in its registry',
    stage: 'attest',
    status: 'fail',
    reason: `${reason}; refused`,
    fix: LIE_FIX,
  },
});

describe('parseDeployImage refuses what is not a pinned reference, with the pinned form as the hint', () => {
  const badHint = 'give it as registry/name@sha256:<64 hex> (e.g. ghcr.io/acme/app@sha256:…)';

  it('an empty or blank reference is not an image reference (not a reference without a digest)', () => {
    for (const r of ['', '   ', '\t\n']) {
      expect(thrown(() => parseDeployImage(r))).toEqual({
        message: 'the image "" is not an image reference',
        hint: badHint,
        configuration: true,
      });
    }
  });

  it('whitespace, a $ or a URL scheme inside the reference: not an image reference', () => {
    for (const r of [
      `ghcr.io/acme/a b@sha256:${hex}`,
      `ghcr.io/acme/a\tb@sha256:${hex}`,
      `ghcr.io/acme/$APP@sha256:${hex}`,
      `https://ghcr.io/acme/app@sha256:${hex}`,
    ]) {
      expect(thrown(() => parseDeployImage(r))).toEqual({
        message: `the image ${JSON.stringify(r)} is not an image reference`,
        hint: badHint,
        configuration: true,
      });
    }
  });

  it('surrounding whitespace is trimmed, and the trimmed reference is the one kept', () => {
    expect(parseDeployImage(`  ghcr.io/acme/app@sha256:${hex}\n`)).toEqual({
      reference: `ghcr.io/acme/app@sha256:${hex}`,
      registry: 'ghcr.io',
      repository: 'acme/app',
      digest: `sha256:${hex}`,
    });
  });

  it('a digest with anything after its 64 hex digits is refused, and the reference is quoted when it has no credentials', () => {
    for (const r of [
      `ghcr.io/acme/app@sha256:${hex}0`,
      `ghcr.io/acme/app@sha256:${hex}/x`,
      `ghcr.io/acme/app@sha256:${hex.toUpperCase()}`,
    ]) {
      expect(thrown(() => parseDeployImage(r))).toEqual({
        message: `the image ${JSON.stringify(r)} has a digest that is not sha256:<64 lowercase hex>`,
        hint: badHint,
        configuration: true,
      });
    }
  });

  it('a reference that starts with its digest has no repository name', () => {
    expect(thrown(() => parseDeployImage(`@sha256:${hex}`))).toEqual({
      message: `the image "@sha256:${hex}" has no valid repository name (lowercase letters, digits, separators)`,
      hint: badHint,
      configuration: true,
    });
  });

  it('a reference without a digest is refused with the exact pinned name and the commands that find its digest', () => {
    const cases: [string, string][] = [
      ['ghcr.io/acme/app:1.4', 'ghcr.io/acme/app'],
      ['ghcr.io/acme/app', 'ghcr.io/acme/app'],
      ['localhost:5000/app', 'localhost:5000/app'],
      ['nginx', 'nginx'],
    ];
    for (const [r, name] of cases) {
      expect(thrown(() => parseDeployImage(r))).toEqual({
        message: `refused: the image ${JSON.stringify(r)} names no digest; the gate admits images by digest only (a tag can be moved)`,
        hint: `pin it by its manifest digest: ${name}@sha256:<64 hex> (skopeo inspect --format '{{.Digest}}' docker://${r}, or crane digest ${r})`,
        configuration: true,
      });
    }
  });

  it('repository names: separators between lowercase alphanumerics in every component, nothing else', () => {
    const accepted: [string, string][] = [
      ['ghcr.io/my.org/app', 'my.org/app'],
      ['ghcr.io/my_org/my_app', 'my_org/my_app'],
      ['ghcr.io/a--b/c', 'a--b/c'],
      ['ghcr.io/a__b/c', 'a__b/c'],
      ['ghcr.io/acme/my.app', 'acme/my.app'],
      ['ghcr.io/acme/c--d', 'acme/c--d'],
      ['ghcr.io/acme/x.y-z__w9', 'acme/x.y-z__w9'],
    ];
    for (const [r, repository] of accepted) {
      expect(parseDeployImage(`${r}@sha256:${hex}`)).toMatchObject({ registry: 'ghcr.io', repository });
    }
    for (const r of [
      'ghcr.io/Acme/app',
      'ghcr.io/a!b/c',
      'ghcr.io/acme/a!b',
      'ghcr.io/acme/app.',
      'ghcr.io/-a/b',
      'ghcr.io/a/.b',
      'ghcr.io/a/b___c',
    ]) {
      expect(thrown(() => parseDeployImage(`${r}@sha256:${hex}`))?.message).toBe(
        `the image "${r}@sha256:${hex}" has no valid repository name (lowercase letters, digits, separators)`,
      );
    }
  });

  it('the first component is a registry only with a dot, a port or as localhost; library/ only for Docker Hub', () => {
    expect(parseDeployImage(`my.app@sha256:${hex}`)).toMatchObject({ registry: 'docker.io', repository: 'library/my.app' });
    expect(parseDeployImage(`localhostx@sha256:${hex}`)).toMatchObject({ registry: 'docker.io', repository: 'library/localhostx' });
    expect(parseDeployImage(`localhost/a/b@sha256:${hex}`)).toMatchObject({ registry: 'localhost', repository: 'a/b' });
    expect(parseDeployImage(`ghcr.io/app@sha256:${hex}`)).toMatchObject({ registry: 'ghcr.io', repository: 'app' });
    expect(parseDeployImage(`registry.hub.docker.com/acme/x@sha256:${hex}`)).toMatchObject({ registry: 'docker.io', repository: 'acme/x' });
    expect(parseDeployImage(`registry.hub.docker.com/nginx@sha256:${hex}`)).toMatchObject({
      registry: 'docker.io',
      repository: 'library/nginx',
    });
  });

  it('the subject an image is gated as is its bare manifest digest under registry/repository', () => {
    expect(imageSubject(parseDeployImage(`ghcr.io/acme/app:1@sha256:${hex}`))).toEqual({ digest: hex, name: 'ghcr.io/acme/app' });
  });
});

describe('imageRegistryAllowed reads policy entries as registries', () => {
  const img = (r: string) => parseDeployImage(`${r}@sha256:${hex}`);

  it('an entry is trimmed, lower-cased and stripped of its scheme and slashes before Docker Hub names are folded', () => {
    expect(imageRegistryAllowed(img('nginx'), ['https://Index.Docker.io/'])).toBe(true);
    expect(imageRegistryAllowed(img('nginx'), ['http://index.docker.io'])).toBe(true);
    expect(imageRegistryAllowed(img('nginx'), ['index.docker.io'])).toBe(true);
    expect(imageRegistryAllowed(img('nginx'), ['index.docker.io//'])).toBe(true);
    expect(imageRegistryAllowed(img('acme/x'), ['registry.hub.docker.com/acme'])).toBe(true);
    expect(imageRegistryAllowed(img('ghcr.io/acme/app'), ['  ghcr.io  '])).toBe(true);
  });

  it('an empty entry, a path without a host, or a scheme inside a path allows nothing', () => {
    expect(imageRegistryAllowed(img('nginx'), [''])).toBe(false);
    expect(imageRegistryAllowed(img('nginx'), ['/library'])).toBe(false);
    expect(imageRegistryAllowed(img('xy/app'), ['docker.io/xhttp://y'])).toBe(false);
    expect(imageRegistryAllowed(img('nginx'), ['docker.iox'])).toBe(false);
  });
});

describe('lookUpImages: a registry not listed is refused without contacting it', () => {
  const refuse = async (reference: string, allowed: string[]) => {
    const client = memoryRegistry(new Map(), []);
    const [l] = await lookUpImages(
      [parseDeployImage(reference)],
      { client, allowed, environment: 'production', logger: new MemoryLogger() },
      emptyIndex(),
    );
    expect(client.calls).toEqual([]);
    return l;
  };

  it('another registry: the policy is blamed, the listed registries are named and the fix adds it', async () => {
    expect(await refuse(`ghcr.io/acme/app@sha256:${hex}`, ['registry.example/acme', 'quay.io'])).toEqual({
      image: parseDeployImage(`ghcr.io/acme/app@sha256:${hex}`),
      failure: { kind: 'refused' },
      check: {
        id: 'image-registry',
        title: 'image in its registry',
        stage: 'gate',
        status: 'fail',
        reason:
          'ghcr.io/acme/app is from ghcr.io, a registry deploy.production.registries does not list (registry.example/acme, quay.io); the registry was not contacted',
        fix: 'deploy from a listed registry, or add ghcr.io to deploy.production.registries',
      },
    });
  });

  it('Docker Hub with nothing listed: says the policy lists none, and the fix is your own registry', async () => {
    const l = await refuse(`nginx@sha256:${hex}`, []);
    expect(l?.failure).toEqual({ kind: 'refused' });
    expect(l?.check).toEqual({
      id: 'image-registry',
      title: 'image in its registry',
      stage: 'gate',
      status: 'fail',
      reason:
        'docker.io/library/nginx is from Docker Hub (docker.io), a registry deploy.production.registries does not list (it lists none); the registry was not contacted',
      fix: 'deploy an image from your own registry (copy it there and sign it); Docker Hub is refused unless the policy names docker.io',
    });
  });
});

describe('lookUpImages refuses what the registry sends when it is not what was asked for', () => {
  it('a referrer whose bytes do not hash to the digest the registry listed: refused before any blob is read', async () => {
    const bundle = bundleOf('b');
    const listedReferrer = referrerOf([layerOf(bundle)]);
    const sent = referrerOf([layerOf(bundle)], imageDigest, 'other bytes');
    const d = digestOf(listedReferrer);
    const { lookup, client, index } = await lookUp([], [bundle], { objects: [[d, sent]], listed: [d] });
    expect(lookup).toMatchObject(refusedAsLie(`the referrer ${d} in registry.example has another digest`));
    expect(blobCalls(client)).toEqual([]);
    expect(index.bundles).toEqual([]);
  });

  it('a referrer without a subject, or with a subject that is not a digest, refers to "nothing"', async () => {
    const bundle = bundleOf('b');
    for (const subject of [NO_SUBJECT, null, 'sha256:NOT-A-DIGEST', [imageDigest], `${imageDigest}0`]) {
      const r = referrerOf([layerOf(bundle)], subject);
      const { lookup, client } = await lookUp([r], [bundle]);
      expect(lookup).toMatchObject(
        refusedAsLie(`the registry registry.example lists ${digestOf(r)} as an attestation of ${imageDigest}, but it refers to nothing`),
      );
      expect(blobCalls(client)).toEqual([]);
    }
  });
});

describe('lookUpImages reads only bundle layers, within their declared sizes', () => {
  it('a layer of another media type, or with a digest that is not sha256:<64 hex>, is skipped without a download', async () => {
    const bundle = bundleOf('b');
    const layers = [
      layerOf(bundle, { mediaType: 'application/vnd.in-toto+json' }),
      layerOf(bundle, { mediaType: 'application/octet-stream' }),
      layerOf(bundle, { digest: [digestOf(bundle)] }),
      layerOf(bundle, { digest: `${digestOf(bundle)}0` }),
      layerOf(bundle, { digest: digestOf(bundle).toUpperCase() }),
      layerOf(bundle, { digest: undefined }),
    ];
    const { lookup, client, index } = await lookUp([referrerOf(layers)], [bundle]);
    expect(lookup?.failure).toBeUndefined();
    expect(lookup?.check).toEqual(passed(0));
    expect(blobCalls(client)).toEqual([]);
    expect(index).toEqual(emptyIndex());
  });

  it('both Sigstore bundle layer media types are read', async () => {
    const a = bundleOf('a');
    const b = bundleOf('b');
    const r = referrerOf([layerOf(a), layerOf(b, { mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.3' })]);
    const { lookup, index } = await lookUp([r], [a, b]);
    expect(lookup?.check).toEqual(passed(2));
    expect(index.bundles.map((x) => x.bundleDigest)).toEqual([sha256Hex(a), sha256Hex(b)]);
  });

  it('a size that is missing, not a number or negative is listed unreadable (bare hex digest) and never downloaded', async () => {
    const bundle = bundleOf('b');
    const r = referrerOf([
      layerOf(bundle, { size: undefined }),
      layerOf(bundle, { size: String(bundle.length) }),
      layerOf(bundle, { size: -1 }),
    ]);
    const { lookup, client, index } = await lookUp([r], [bundle]);
    const origin = `${where}@${digestOf(r)}`;
    expect(lookup?.check).toEqual(passed(0));
    expect(blobCalls(client)).toEqual([]);
    expect(index.unreadable).toEqual([
      ...[1, 2, 3].map(() => ({
        origin,
        digest: sha256Hex(bundle),
        reason: 'the bundle declares no valid size (a number of bytes, 0 or more); not read',
      })),
    ]);
  });

  it('the download is bounded by the declared size: 0 and the limit itself are allowed', async () => {
    const exact = bundleOf('exact');
    const bundles = [exact, bundleOf('zero'), bundleOf('limit')];
    const sizes = [exact.length, 0, MAX_REGISTRY_BUNDLE_BYTES];
    const r = referrerOf(bundles.map((b, i) => layerOf(b, { size: sizes[i] })));
    const { lookup, client, index } = await lookUp([r], bundles);
    expect(blobCalls(client)).toEqual(bundles.map((b, i) => ({ op: 'blob', ref: digestOf(b), maxBytes: sizes[i] })));
    expect(lookup?.check).toEqual(passed(3));
    expect(index.unreadable).toEqual([]);
  });

  it('no more than 64 MiB per image: once the downloads and the next declared size pass it, the rest is not read', async () => {
    // Four distinct downloads of 16 MiB reach the per-image total exactly; the fifth declared layer would pass it.
    const bigs = [0x20, 0x21, 0x22, 0x23, 0x24].map((fill) => Buffer.alloc(MAX_REGISTRY_BUNDLE_BYTES, fill));
    const r = referrerOf(bigs.map((b) => layerOf(b)));
    const { lookup, client, index } = await lookUp([r], bigs);
    const origin = `${where}@${digestOf(r)}`;
    expect(blobCalls(client)).toHaveLength(4);
    expect(lookup?.check).toEqual(passed(0));
    expect(index.unreadable).toEqual([
      ...bigs.slice(0, 4).map((b) => ({ origin, digest: sha256Hex(b), reason: 'the bundle in the registry is not JSON' })),
      { origin, digest: sha256Hex(bigs[4] as Buffer), reason: `the bundle declares ${MAX_REGISTRY_BUNDLE_BYTES} bytes, ${LIMITS}` },
    ]);
  });

  it('a blob listed again costs nothing: the same 16 MiB listed five times does not crowd out the bundle after it', async () => {
    const big = Buffer.alloc(MAX_REGISTRY_BUNDLE_BYTES, 0x20);
    const bundle = bundleOf('b');
    const r = referrerOf([...Array.from({ length: 5 }, () => layerOf(big)), layerOf(bundle)]);
    const { lookup, client, index } = await lookUp([r], [big, bundle]);
    expect(blobCalls(client)).toHaveLength(2);
    expect(lookup?.check).toEqual(passed(1));
    expect(index.bundles.map((b) => b.bundleDigest)).toEqual([sha256Hex(bundle)]);
  });
});

describe('lookUpImages counts each bundle once', () => {
  it('a bundle listed by two referrers is added once and counted once', async () => {
    const bundle = bundleOf('b');
    const r1 = referrerOf([layerOf(bundle)], imageDigest, 'one');
    const r2 = referrerOf([layerOf(bundle)], imageDigest, 'two');
    const { lookup, index, logger } = await lookUp([r1, r2], [bundle]);
    expect(lookup?.check).toEqual(passed(1));
    expect(index.bundles).toEqual([expect.objectContaining({ origin: `${where}@${digestOf(r1)}`, bundleDigest: sha256Hex(bundle) })]);
    expect(logger.lines).toEqual([{ level: 'info', message: `${ref}: manifest verified, 1 bundle(s) from 2 referrer(s)` }]);
  });

  it('a bundle already in the evidence index is not added again', async () => {
    const bundle = bundleOf('b');
    const index = emptyIndex();
    index.bundles.push(candidateFromJson('evidence/b.sigstore.json', bundle));
    const { lookup } = await lookUp([referrerOf([layerOf(bundle)])], [bundle], { index });
    expect(lookup?.check).toEqual(passed(0));
    expect(index.bundles.map((b) => b.origin)).toEqual(['evidence/b.sigstore.json']);
  });
});

describe('lookUpImages reads at most MAX_REFERRERS referrers', () => {
  const referrers = (n: number): Buffer[] => Array.from({ length: n }, (_, i) => referrerOf([], imageDigest, `r${i}`));
  const manifestReads = (client: { calls: Call[] }): number => client.calls.filter((c) => c.op === 'manifest').length;

  it('more listed than the cap: a warning, and only the first ones are read', async () => {
    const { lookup, client, logger } = await lookUp(referrers(MAX_REFERRERS + 1), []);
    expect(manifestReads(client)).toBe(1 + MAX_REFERRERS);
    expect(lookup?.check).toEqual(passed(0));
    expect(logger.lines).toEqual([
      {
        level: 'warning',
        message: `${where}: ${MAX_REFERRERS + 1} referrers listed; the first ${MAX_REFERRERS} are read`,
        location: undefined,
      },
      { level: 'info', message: `${ref}: manifest verified, 0 bundle(s) from ${MAX_REFERRERS} referrer(s)` },
    ]);
  });

  it('exactly the cap, or fewer: all read, no warning', async () => {
    for (const n of [MAX_REFERRERS, 2]) {
      const { client, logger } = await lookUp(referrers(n), []);
      expect(manifestReads(client)).toBe(1 + n);
      expect(logger.lines).toEqual([{ level: 'info', message: `${ref}: manifest verified, 0 bundle(s) from ${n} referrer(s)` }]);
    }
  });
});

describe('lookUpImages when the registry fails', () => {
  const failing = (error: unknown): ImageRegistryClient => ({
    ...memoryRegistry(new Map(), []),
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a client may reject with a non-Error (a string)
    getManifest: () => Promise.reject(error),
  });
  const run = async (client: ImageRegistryClient) =>
    (
      await lookUpImages(
        [parseDeployImage(ref)],
        { client, allowed: ['registry.example'], environment: 'production', logger: new MemoryLogger() },
        emptyIndex(),
      )
    )[0];

  it('a ConfigurationError from the client is the caller’s mistake: thrown, not a check', async () => {
    const wrong = new ConfigurationError('the docker config is not JSON');
    await expect(run(failing(wrong))).rejects.toBe(wrong);
  });

  it('anything else is unreachable: a failed check with what was thrown and the generic fix', async () => {
    const unreachable = (reason: string, fix = GENERIC_FIX) => ({
      id: 'image-registry',
      title: 'image in its registry',
      stage: 'attest',
      status: 'fail',
      reason: `cannot read the image from its registry: ${reason}`,
      fix,
    });
    const thrownString = await run(failing('connection reset'));
    expect(thrownString?.failure).toEqual({ kind: 'unreachable', error: 'connection reset' });
    expect(thrownString?.check).toEqual(unreachable('connection reset'));

    const located = await run(failing(new InfrastructureError('registry down', { location: { file: 'registry.example' } })));
    expect(located?.check).toEqual(unreachable('registry.example: registry down'));

    const hinted = await run(failing(new InfrastructureError('wants a login', { location: { file: 'x' }, hint: 'docker login to it' })));
    expect(hinted?.check).toEqual(unreachable('wants a login', 'docker login to it'));
  });
});
