// A small, deterministic OCI image writer with no daemon and no dependency: ustar layers (fixed
// mtime 0, uid/gid 0, sorted entries), gzip with no name or time in its header, and an OCI image
// layout (oci-layout, index.json, blobs/sha256/). The same files always give the same digests.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const MEDIA = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
};

export const sha256 = (bytes) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function field(buf, offset, length, text) {
  buf.write(text, offset, Math.min(length, Buffer.byteLength(text)), 'utf8');
}
const octal = (n, width) => `${n.toString(8).padStart(width - 1, '0')}\0`;

/** One ustar header (and the data, padded to 512 bytes) for a file or a directory (name ends with /). */
function entry(name, data, mode) {
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  const dir = name.endsWith('/');
  const h = Buffer.alloc(512);
  field(h, 0, 100, name);
  field(h, 100, 8, octal(mode ?? (dir ? 0o755 : 0o644), 8));
  field(h, 108, 8, octal(0, 8));
  field(h, 116, 8, octal(0, 8));
  field(h, 124, 12, octal(dir ? 0 : data.length, 12));
  field(h, 136, 12, octal(0, 12));
  field(h, 148, 8, '        ');
  field(h, 156, 1, dir ? '5' : '0');
  field(h, 257, 6, 'ustar\0');
  field(h, 263, 2, '00');
  field(h, 265, 32, 'root');
  field(h, 297, 32, 'root');
  let sum = 0;
  for (const b of h) sum += b;
  field(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  if (dir) return [h];
  const pad = Buffer.alloc((512 - (data.length % 512)) % 512);
  return [h, data, pad];
}

/**
 * A tar of `files` ({ 'etc/os-release': Buffer|string, ... }), every parent folder as its own entry,
 * sorted by name: the uncompressed layer (its digest is the config's diff_id).
 */
export function tarLayer(files) {
  const names = new Set();
  for (const f of Object.keys(files)) {
    const parts = f.split('/');
    for (let i = 1; i < parts.length; i++) names.add(`${parts.slice(0, i).join('/')}/`);
    names.add(f);
  }
  const chunks = [];
  for (const name of [...names].sort()) {
    const data = name.endsWith('/') ? undefined : Buffer.from(files[name]);
    chunks.push(...entry(name, data));
  }
  chunks.push(Buffer.alloc(1024));
  return Buffer.concat(chunks);
}

/** gzip with a fixed header (no file name, mtime 0): the layer blob. */
export const gzipLayer = (tar) => gzipSync(tar, { level: 9 });

/** Reads an OCI image layout's single image: { digest, manifest, config, blob(digest) }. */
export function readLayout(dir) {
  const blob = (digest) => {
    const bytes = readFileSync(path.join(dir, 'blobs', 'sha256', digest.slice('sha256:'.length)));
    if (sha256(bytes) !== digest) throw new Error(`${dir}: the blob ${digest} does not match its digest`);
    return bytes;
  };
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8'));
  const [desc] = index.manifests ?? [];
  if (!desc || index.manifests.length !== 1) throw new Error(`${dir}: index.json must name exactly one image`);
  const manifest = JSON.parse(blob(desc.digest).toString('utf8'));
  const config = JSON.parse(blob(manifest.config.digest).toString('utf8'));
  return { digest: desc.digest, manifest, config, blob };
}

/**
 * Writes an OCI image layout into `dir`: `layers` ({ blob, tar } or an existing descriptor with its
 * bytes and diff_id), the image `config`, and index.json naming the image `tag`. Returns its digest.
 */
export function writeLayout(dir, { layers, config, tag }) {
  const blobs = path.join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (bytes) => {
    const digest = sha256(bytes);
    writeFileSync(path.join(blobs, digest.slice('sha256:'.length)), bytes);
    return { digest, size: bytes.length };
  };
  const descriptors = layers.map((l) => ({ mediaType: MEDIA.layer, ...put(l.blob) }));
  const configBytes = Buffer.from(JSON.stringify({ ...config, rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.manifest,
      config: { mediaType: MEDIA.config, ...put(configBytes) },
      layers: descriptors,
    }),
  );
  const image = put(manifest);
  writeFileSync(path.join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}\n');
  writeFileSync(
    path.join(dir, 'index.json'),
    `${JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.index,
      manifests: [{ mediaType: MEDIA.manifest, ...image, annotations: { 'org.opencontainers.image.ref.name': tag } }],
    })}\n`,
  );
  return image.digest;
}

/** A layer from files: its gzip blob and its diff_id (the digest of the uncompressed tar). */
export function layerFrom(files) {
  const tar = tarLayer(files);
  return { blob: gzipLayer(tar), diffId: sha256(tar) };
}
