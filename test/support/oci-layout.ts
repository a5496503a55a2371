/**
 * An OCI image layout written by hand, as buildah, umoci or skopeo leave one (`oci-layout`,
 * `index.json`, `blobs/sha256/`): an image config, one gzip tar layer holding `app.txt`, an OCI manifest,
 * and index.json naming the manifest with a tag (`org.opencontainers.image.ref.name`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@secure-factory/core';
import { MEDIA } from '@secure-factory/materials';

const digestOf = (b: Buffer): string => `sha256:${sha256Hex(b)}`;

/** Writes an OCI image layout by hand: a config, one gzip tar layer, a manifest, index.json naming it `tag`. */
export function writeOciLayout(dir: string, content: string, tag = '1.0'): { digest: string; manifest: Buffer } {
  const blobs = join(dir, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (b: Buffer): string => {
    const d = digestOf(b);
    writeFileSync(join(blobs, d.slice(7)), b);
    return d;
  };
  const src = mkdtempSync(join(tmpdir(), 'sf-layer-'));
  writeFileSync(join(src, 'app.txt'), content);
  const tarFile = join(src, '..', `${src.split('/').pop() ?? 'l'}.tar`);
  execFileSync('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '-cf', tarFile, '-C', src, '.']);
  const tar = readFileSync(tarFile);
  execFileSync('gzip', ['-n', '-f', tarFile]);
  const layer = readFileSync(`${tarFile}.gz`);
  rmSync(src, { recursive: true, force: true });
  rmSync(`${tarFile}.gz`, { force: true });
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [digestOf(tar)] }, config: {} }),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: put(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: put(layer), size: layer.length }],
    }),
  );
  const digest = put(manifest);
  writeFileSync(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}');
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MEDIA.ociIndex,
      manifests: [
        { mediaType: MEDIA.ociManifest, digest, size: manifest.length, annotations: { 'org.opencontainers.image.ref.name': tag } },
      ],
    }),
  );
  return { digest, manifest };
}
