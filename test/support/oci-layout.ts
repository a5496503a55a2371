/**
 * OCI test helpers. An OCI image layout written by hand, as buildah, umoci or skopeo leave one (`oci-layout`,
 * `index.json`, `blobs/sha256/`): an image config, one gzip tar layer holding `app.txt`, an OCI manifest,
 * and index.json naming the manifest with a tag (`org.opencontainers.image.ref.name`). And a small
 * in-memory registry from the distribution spec on node:http, which can have the OCI 1.1 referrers API,
 * demand basic credentials, or lie about what it stored.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@secure-factory/core';
import { MEDIA, type Manifest } from '@secure-factory/materials';

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

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

/** A small in-memory registry from the distribution spec, with hooks to lie or to have the referrers API. */
export async function fakeRegistry(options: {
  referrersApi?: boolean;
  lie?: 'manifest' | 'blob';
  basic?: string;
  /** Honour If-Match / If-None-Match on manifest PUTs (412 when the tag changed since it was read). */
  conditional?: boolean;
  /** Milliseconds to wait before answering a manifest GET (widens races between writers). */
  slowReads?: number;
}): Promise<{
  host: string;
  server: Server;
  requests: string[];
  store: Map<string, Buffer>;
}> {
  const store = new Map<string, Buffer>();
  const types = new Map<string, string>();
  const requests: string[] = [];
  const handler: Handler = (req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}`);
    if (options.basic && req.headers.authorization !== `Basic ${Buffer.from(options.basic).toString('base64')}`) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' }).end();
      return;
    }
    const m = /^\/v2\/(.+)\/(manifests|blobs|referrers)\/(.+)$/.exec(url.pathname);
    if (req.method === 'POST' && url.pathname.endsWith('/blobs/uploads/')) {
      res.writeHead(202, { location: `${url.pathname}upload-1` }).end();
      return;
    }
    if (req.method === 'PUT' && url.pathname.includes('/blobs/uploads/')) {
      const d = url.searchParams.get('digest') ?? '';
      store.set(d, body);
      res.writeHead(201, { 'docker-content-digest': options.lie === 'blob' ? `sha256:${'0'.repeat(64)}` : d }).end();
      return;
    }
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const [, , kind, ref] = m as unknown as [string, string, string, string];
    if (kind === 'manifests' && req.method === 'PUT') {
      if (options.conditional && !ref.startsWith('sha256:')) {
        const current = store.get(ref);
        const etag = current ? `"${digestOf(current)}"` : undefined;
        const ifMatch = req.headers['if-match'];
        if ((ifMatch !== undefined && ifMatch !== etag) || (req.headers['if-none-match'] === '*' && current)) {
          res.writeHead(412).end();
          return;
        }
      }
      const d = digestOf(body);
      store.set(ref, body);
      store.set(d, body);
      types.set(d, req.headers['content-type'] ?? '');
      const headers: Record<string, string> = { 'docker-content-digest': options.lie === 'manifest' ? `sha256:${'0'.repeat(64)}` : d };
      const subject = (JSON.parse(body.toString('utf8')) as Manifest).subject?.digest;
      if (options.referrersApi && subject) headers['oci-subject'] = subject;
      res.writeHead(201, headers).end();
      return;
    }
    if (kind === 'referrers') {
      if (!options.referrersApi) {
        res.writeHead(404).end();
        return;
      }
      const manifests = [...store.entries()]
        .filter(
          ([k, v]) =>
            k.startsWith('sha256:') && v.includes(`"subject"`) && (JSON.parse(v.toString('utf8')) as Manifest).subject?.digest === ref,
        )
        .map(([k, v]) => ({ mediaType: MEDIA.ociManifest, digest: k, size: v.length, artifactType: MEDIA.sigstoreBundle }));
      res
        .writeHead(200, { 'content-type': MEDIA.ociIndex })
        .end(JSON.stringify({ schemaVersion: 2, mediaType: MEDIA.ociIndex, manifests }));
      return;
    }
    const hit = store.get(ref);
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'HEAD') res.writeHead(200).end();
    else {
      const answer = (): void => {
        res.writeHead(200, { 'content-type': types.get(digestOf(hit)) ?? MEDIA.ociManifest, etag: `"${digestOf(hit)}"` }).end(hit);
      };
      if (options.slowReads && kind === 'manifests') setTimeout(answer, options.slowReads);
      else answer();
    }
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, Buffer.concat(chunks), res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { host: `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, server, requests, store };
}
