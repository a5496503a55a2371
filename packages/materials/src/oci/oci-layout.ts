/**
 * OCI image layouts (image-spec v1.1, "OCI Image Layout Specification"): a folder with `oci-layout`
 * (`{"imageLayoutVersion": "1.0.0"}`), `index.json` (an image index) and `blobs/sha256/<hex>`, as
 * buildah, umoci, skopeo, BuildKit's `type=oci` exporter or a project's own script write them without a
 * daemon. The image such a folder holds is named by the digest of its manifest (or of its index, for a
 * multi-platform image): that digest, not the digests of the blob files, is the artefact's subject.
 *
 * Every manifest and index is read (through core readRegularFile: regular files inside the layout,
 * bounded) and must hash to the digest that names it; config and layer blobs are only listed here and
 * are hashed when they are pushed (the registry checks them again). Only sha256 blobs are supported.
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, readRegularFile, sha256Hex } from '@secure-factory/core';
import { MAX_MANIFEST_BYTES, MEDIA, type Descriptor, type Manifest } from './registry-client.js';

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const REF_NAME = 'org.opencontainers.image.ref.name';
/** Nested indexes followed at most this deep, and blobs listed at most this many. */
const MAX_DEPTH = 4;
const MAX_BLOBS = 10_000;
/** A blob is uploaded in one request from memory: larger layers are refused with a pointer to skopeo. */
export const MAX_LAYOUT_BLOB_BYTES = 1024 * 1024 * 1024;

export interface LayoutBlob {
  digest: string;
  size: number;
  mediaType: string;
  /** Absolute path of `blobs/sha256/<hex>`. */
  file: string;
}

export interface LayoutManifest extends LayoutBlob {
  bytes: Buffer;
}

export interface OciLayout {
  /** The layout folder (resolved). */
  dir: string;
  /** The image: the manifest (or index) `index.json` names, with its digest, media type and size. */
  image: Descriptor;
  /** Its tag in the layout (`org.opencontainers.image.ref.name`), when that is a valid tag. */
  tag?: string;
  /** Config and layer blobs, each once. */
  blobs: LayoutBlob[];
  /** Manifests and indexes, children before the index that lists them; the image last. */
  manifests: LayoutManifest[];
}

function layoutError(dir: string, message: string, hint?: string): ConfigurationError {
  return new ConfigurationError(`the OCI layout ${dir}: ${message}`, {
    hint:
      hint ?? 'an OCI image layout holds oci-layout, index.json and blobs/sha256/ (buildah push … oci:DIR, skopeo copy … oci:DIR, umoci)',
  });
}

function parseJson(bytes: Buffer, dir: string, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw layoutError(dir, `${what} is not JSON`);
  }
}

function checkDescriptor(d: unknown, dir: string, where: string): Descriptor {
  const desc = d as Partial<Descriptor> | null;
  if (typeof desc !== 'object' || desc === null || typeof desc.digest !== 'string' || typeof desc.mediaType !== 'string')
    throw layoutError(dir, `${where} is not a descriptor (mediaType, digest, size)`);
  if (!DIGEST.test(desc.digest)) {
    throw layoutError(dir, `${where} names the digest ${JSON.stringify(desc.digest.slice(0, 80))}; only sha256:<64 hex> is supported`);
  }
  if (typeof desc.size !== 'number' || !Number.isSafeInteger(desc.size) || desc.size < 0)
    throw layoutError(dir, `${where} (${desc.digest}) has no valid size`);
  return desc as Descriptor;
}

/**
 * Reads the layout in `dir`. `index.json` must list exactly one image, or `ref` picks one by its
 * `org.opencontainers.image.ref.name`.
 */
export async function readOciLayout(dir: string, ref?: string): Promise<OciLayout> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await lstat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw layoutError(dir, 'is not a folder');
  }
  const read = (name: string, maxBytes: number, what: string): Promise<Buffer> =>
    readRegularFile(path.join(root, name), { maxBytes, within: root, what });

  const marker = parseJson(await read('oci-layout', 4096, 'the oci-layout file'), dir, 'oci-layout') as { imageLayoutVersion?: unknown };
  if (marker?.imageLayoutVersion !== '1.0.0') {
    throw layoutError(dir, `oci-layout says imageLayoutVersion ${JSON.stringify(marker?.imageLayoutVersion ?? null)}; 1.0.0 is supported`);
  }
  const index = parseJson(await read('index.json', MAX_MANIFEST_BYTES, 'the index.json file'), dir, 'index.json') as Manifest;
  if (index?.schemaVersion !== 2 || !Array.isArray(index.manifests))
    throw layoutError(dir, 'index.json is not an image index (schemaVersion 2, manifests)');
  const entries = index.manifests.map((d, i) => checkDescriptor(d, dir, `index.json manifests[${i}]`));
  const named = (d: Descriptor): string | undefined => d.annotations?.[REF_NAME];
  let image: Descriptor | undefined;
  if (ref !== undefined) {
    image = entries.find((d) => named(d) === ref);
    if (!image)
      throw layoutError(
        dir,
        `index.json has no image named ${JSON.stringify(ref)} (${REF_NAME}); it names ${entries.map((d) => JSON.stringify(named(d) ?? '(none)')).join(', ') || 'nothing'}`,
      );
  } else if (entries.length === 1) {
    image = entries[0];
  } else {
    throw layoutError(
      dir,
      entries.length === 0 ? 'index.json lists no image' : `index.json lists ${entries.length} images; the subject must be one image`,
      'write one image into the layout (a multi-platform image is one index), or name the image by its ref name',
    );
  }
  if (!image) throw layoutError(dir, 'index.json lists no image');

  const blobs = new Map<string, LayoutBlob>();
  const manifests: LayoutManifest[] = [];
  const seen = new Set<string>();
  const blobFile = (d: Descriptor): string => path.join(root, 'blobs', 'sha256', d.digest.slice(7));

  const visit = async (d: Descriptor, where: string, depth: number): Promise<void> => {
    if (seen.has(d.digest)) return;
    seen.add(d.digest);
    if (depth > MAX_DEPTH) throw layoutError(dir, `indexes nest deeper than ${MAX_DEPTH} levels`);
    if (![MEDIA.ociManifest, MEDIA.ociIndex, MEDIA.dockerManifest, MEDIA.dockerList].includes(d.mediaType as never)) {
      throw layoutError(dir, `${where} (${d.digest}) is a ${d.mediaType}, not an image manifest or index`);
    }
    if (d.size > MAX_MANIFEST_BYTES) throw layoutError(dir, `${where} (${d.digest}) is larger than ${MAX_MANIFEST_BYTES} bytes`);
    const file = blobFile(d);
    const bytes = await readRegularFile(file, { maxBytes: MAX_MANIFEST_BYTES, within: root, what: `the manifest blob ${d.digest}` });
    const actual = `sha256:${sha256Hex(bytes)}`;
    if (actual !== d.digest || bytes.length !== d.size) {
      throw layoutError(
        dir,
        `the blob ${d.digest} (${where}) holds ${bytes.length} bytes with the digest ${actual}; the layout is corrupt or was altered`,
      );
    }
    const m = parseJson(bytes, dir, `the manifest ${d.digest}`) as Manifest;
    if (m?.schemaVersion !== 2) throw layoutError(dir, `the manifest ${d.digest} is not schemaVersion 2`);
    const children: [Descriptor, string][] = [];
    if (Array.isArray(m.manifests))
      m.manifests.forEach((c, i) => children.push([checkDescriptor(c, dir, `${d.digest} manifests[${i}]`), 'a manifest']));
    for (const [child, what] of children) await visit(child, `${what} of ${d.digest}`, depth + 1);
    const own: Descriptor[] = [];
    if (m.config !== undefined) own.push(checkDescriptor(m.config, dir, `the config of ${d.digest}`));
    if (Array.isArray(m.layers)) m.layers.forEach((l, i) => own.push(checkDescriptor(l, dir, `${d.digest} layers[${i}]`)));
    for (const b of own) {
      if (!blobs.has(b.digest)) blobs.set(b.digest, { digest: b.digest, size: b.size, mediaType: b.mediaType, file: blobFile(b) });
      if (blobs.size > MAX_BLOBS) throw layoutError(dir, `the image has more than ${MAX_BLOBS} blobs`);
    }
    manifests.push({ digest: d.digest, size: d.size, mediaType: d.mediaType, file, bytes });
  };
  await visit(image, 'the image index.json names', 0);

  const layout: OciLayout = {
    dir: root,
    image: { mediaType: image.mediaType, digest: image.digest, size: image.size },
    blobs: [...blobs.values()],
    manifests,
  };
  const tag = named(image);
  if (tag !== undefined && TAG.test(tag)) layout.tag = tag;
  return layout;
}

/** The bytes of a config or layer blob, checked against its digest and size as it is read. */
export async function readLayoutBlob(layout: OciLayout, blob: LayoutBlob): Promise<Buffer> {
  if (blob.size > MAX_LAYOUT_BLOB_BYTES) {
    throw layoutError(
      layout.dir,
      `the blob ${blob.digest} is ${blob.size} bytes, more than the ${MAX_LAYOUT_BLOB_BYTES} this push uploads`,
      'push the image with skopeo copy oci:DIR docker://REGISTRY/NAME first; attest then pushes only the attestations',
    );
  }
  const bytes = await readRegularFile(blob.file, { maxBytes: blob.size, within: layout.dir, what: `the blob ${blob.digest}` });
  const actual = `sha256:${sha256Hex(bytes)}`;
  if (actual !== blob.digest || bytes.length !== blob.size) {
    throw layoutError(
      layout.dir,
      `the blob ${blob.digest} holds ${bytes.length} bytes with the digest ${actual}; the layout is corrupt or was altered`,
    );
  }
  return bytes;
}
