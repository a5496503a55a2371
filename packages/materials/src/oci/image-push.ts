/**
 * Pushing images and their attestations with the one registry client:
 *   - an OCI image layout is pushed blobs first (those the registry lacks), then its manifests by digest,
 *     children before the index that lists them, and the image under its layout tag when it has one;
 *   - a Sigstore bundle is attached as an OCI 1.1 referrer of the image manifest, in the shape
 *     actions/attest and cosign (`--new-bundle-format`, through @sigstore/oci) give it: an OCI image
 *     manifest with `artifactType` and the one layer `application/vnd.dev.sigstore.bundle.v0.3+json`,
 *     the empty config `application/vnd.oci.empty.v1+json` (`{}`), `subject` the image's descriptor and
 *     the annotations the caller gives. A registry without the referrers API (distribution 2.x, e.g.
 *     Debian's docker-registry 2.8) gets the referrers tag schema: the `sha256-<hex>` index tag lists it.
 * `createImageRegistry` packages this as the attest package's `ImageRegistry` interface.
 */
import { ConfigurationError } from '@secure-factory/core';
import { parseImageRef, DEFAULT_REGISTRY } from '../other/image-ref.js';
import { readLayoutBlob, readOciLayout, type OciLayout } from './oci-layout.js';
import { MEDIA, RegistryError, type Descriptor, type PushedReferrer, type RegistryClient } from './registry-client.js';

const EMPTY_CONFIG = Buffer.from('{}');

export interface ImageName {
  registry: string;
  repository: string;
}

/**
 * A fully-qualified image name for push-to-registry: `registry/name`, with no tag or digest (the
 * digest is the subject's). A name without a registry host is refused rather than sent to Docker Hub.
 */
export function pushImageName(name: string): ImageName {
  const ref = parseImageRef(name);
  const fix = { hint: 'name the image as registry/name, e.g. ghcr.io/acme/app (the digest goes in subject-digest)' };
  if (!ref) throw new ConfigurationError(`"${name}" is not an image name`, fix);
  if (ref.tag !== undefined || ref.digest !== undefined)
    throw new ConfigurationError(`the image name "${name}" carries a ${ref.digest !== undefined ? 'digest' : 'tag'}`, fix);
  const first =
    name
      .trim()
      .replace(/^docker:\/\//, '')
      .split('/')[0] ?? '';
  if (ref.registry === DEFAULT_REGISTRY && first !== 'docker.io' && first !== 'index.docker.io')
    throw new ConfigurationError(`the image name "${name}" names no registry`, fix);
  return { registry: ref.registry, repository: ref.repository };
}

/** Pushes an OCI layout's image: missing blobs, then manifests by digest, then its tag. */
export async function pushOciLayout(
  client: RegistryClient,
  image: ImageName,
  layout: OciLayout,
): Promise<{ uploaded: number; present: number }> {
  let uploaded = 0;
  let present = 0;
  for (const blob of layout.blobs) {
    if (await client.hasBlob(image.registry, image.repository, blob.digest)) {
      present++;
      continue;
    }
    const pushed = await client.putBlob(image.registry, image.repository, await readLayoutBlob(layout, blob));
    if (pushed !== blob.digest) throw new RegistryError(`the blob ${blob.digest} was pushed as ${pushed}`);
    uploaded++;
  }
  for (const m of layout.manifests) await client.putManifest(image.registry, image.repository, m.digest, m.bytes, m.mediaType);
  const top = layout.manifests[layout.manifests.length - 1];
  if (layout.tag && top) await client.putManifest(image.registry, image.repository, layout.tag, top.bytes, top.mediaType);
  return { uploaded, present };
}

/** The image's descriptor as the registry serves it; an image that is not there is an error naming it. */
export async function imageDescriptor(client: RegistryClient, image: ImageName, digest: string): Promise<Descriptor> {
  const m = await client.findManifest(image.registry, image.repository, digest);
  if (!m) {
    throw new ConfigurationError(`the image ${image.registry}/${image.repository}@${digest} is not in the registry`, {
      hint: 'push the image before attesting it (docker push, skopeo copy), or give its OCI layout (subject-oci-layout) to push it here',
    });
  }
  return { mediaType: m.mediaType || MEDIA.ociManifest, digest: m.digest, size: m.bytes.length };
}

/** Attaches one Sigstore bundle to an image as an OCI 1.1 referrer (the tag schema where the API is missing). */
export async function attachSigstoreBundle(
  client: RegistryClient,
  image: ImageName,
  subject: Descriptor,
  bundle: Buffer,
  annotations: Record<string, string>,
): Promise<PushedReferrer> {
  const config = await client.putBlob(image.registry, image.repository, EMPTY_CONFIG);
  return attachWithConfig(client, image, subject, bundle, annotations, config);
}

async function attachWithConfig(
  client: RegistryClient,
  image: ImageName,
  subject: Descriptor,
  bundle: Buffer,
  annotations: Record<string, string>,
  config: string,
): Promise<PushedReferrer> {
  const layer = await client.putBlob(image.registry, image.repository, bundle);
  return client.putReferrer(image.registry, image.repository, {
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    artifactType: MEDIA.sigstoreBundle,
    config: { mediaType: MEDIA.ociEmpty, digest: config, size: EMPTY_CONFIG.length },
    layers: [{ mediaType: MEDIA.sigstoreBundle, digest: layer, size: bundle.length }],
    subject,
    annotations,
  });
}

/** An image subject for attest: `registry/name`, its digest, and the layout to push it from. */
export interface ImageTarget {
  name: string;
  digest: string;
  layoutDir?: string;
}

/** The attest package's `ImageRegistry`, on this client (structurally the same interface). */
export function createImageRegistry(client: RegistryClient): {
  readLayout(dir: string): Promise<{ digest: string }>;
  prepare(image: ImageTarget): Promise<void>;
  attachBundle(image: ImageTarget, bundle: Buffer, annotations: Record<string, string>): Promise<PushedReferrer>;
} {
  const layouts = new Map<string, OciLayout>();
  const subjects = new Map<string, Descriptor>();
  const configs = new Map<string, string>();
  const read = async (dir: string): Promise<OciLayout> => {
    const known = layouts.get(dir);
    if (known) return known;
    const layout = await readOciLayout(dir);
    layouts.set(dir, layout);
    return layout;
  };
  return {
    async readLayout(dir) {
      return { digest: (await read(dir)).image.digest };
    },
    async prepare(image) {
      const name = pushImageName(image.name);
      if (image.layoutDir !== undefined) {
        const layout = await read(image.layoutDir);
        if (layout.image.digest !== image.digest)
          throw new ConfigurationError(`the OCI layout ${image.layoutDir} holds ${layout.image.digest}, not ${image.digest}`);
        await pushOciLayout(client, name, layout);
      }
      subjects.set(`${image.name}@${image.digest}`, await imageDescriptor(client, name, image.digest));
    },
    async attachBundle(image, bundle, annotations) {
      const name = pushImageName(image.name);
      const subject = subjects.get(`${image.name}@${image.digest}`) ?? (await imageDescriptor(client, name, image.digest));
      // The empty config is the same blob for every referrer: uploaded once per repository.
      const repo = `${name.registry}/${name.repository}`;
      let config = configs.get(repo);
      if (!config) {
        config = await client.putBlob(name.registry, name.repository, EMPTY_CONFIG);
        configs.set(repo, config);
      }
      return attachWithConfig(client, name, subject, bundle, annotations, config);
    },
  };
}
