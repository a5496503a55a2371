/**
 * A small GitHub Actions cache service (v2, twirp + blob) on 127.0.0.1, enough for @actions/cache 6:
 * CreateCacheEntry, FinalizeCacheEntryUpload, GetCacheEntryDownloadURL (snake_case JSON), a single-shot
 * blob PUT (`x-ms-blob-type: BlockBlob`), and a plain GET download. Tests can swap stored blobs to
 * play a poisoned cache.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CacheEntry {
  key: string;
  version: string;
  blob?: Buffer;
  finalized: boolean;
}

export interface CacheServer {
  url: string;
  entries: CacheEntry[];
  env: Record<string, string>;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startCacheServer(): Promise<CacheServer> {
  const entries: CacheEntry[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      const data = await body(req);
      const json = (status: number, value: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const twirp = /\/twirp\/github\.actions\.results\.api\.v1\.CacheService\/(\w+)$/.exec(url.pathname);
      if (req.method === 'POST' && twirp) {
        const msg = JSON.parse(data.toString() || '{}') as { key?: string; version?: string; restore_keys?: string[] };
        switch (twirp[1]) {
          case 'CreateCacheEntry': {
            if (entries.some((e) => e.key === msg.key && e.version === msg.version)) return json(200, { ok: false });
            const i = entries.push({ key: msg.key ?? '', version: msg.version ?? '', finalized: false }) - 1;
            return json(200, { ok: true, signed_upload_url: `${base}blob/${i}` });
          }
          case 'FinalizeCacheEntryUpload': {
            const e = entries.find((x) => x.key === msg.key && x.version === msg.version);
            if (!e?.blob) return json(200, { ok: false });
            e.finalized = true;
            return json(200, { ok: true, entry_id: String(entries.indexOf(e) + 1) });
          }
          case 'GetCacheEntryDownloadURL': {
            const live = entries.filter((e) => e.finalized && e.version === msg.version);
            // Exact key first, then each restore key as a prefix, newest entry first (as the service does).
            let hit = live.find((e) => e.key === msg.key);
            for (const prefix of msg.restore_keys ?? []) hit ??= [...live].reverse().find((e) => e.key.startsWith(prefix));
            if (!hit) return json(200, { ok: false });
            return json(200, { ok: true, signed_download_url: `${base}blob/${entries.indexOf(hit)}`, matched_key: hit.key });
          }
          default:
            return json(404, { code: 'not_found', msg: `unknown method ${twirp[1]}` });
        }
      }
      const blob = /^\/blob\/(\d+)$/.exec(url.pathname);
      const entry = blob ? entries[Number(blob[1])] : undefined;
      if (entry && req.method === 'PUT') {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob') return json(400, { error: 'x-ms-blob-type must be BlockBlob' });
        entry.blob = data;
        res.writeHead(201, { etag: '"1"', 'last-modified': new Date().toUTCString() });
        return res.end();
      }
      if (entry?.blob && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(entry.blob.length) });
        return res.end(entry.blob);
      }
      json(404, { error: `no route for ${req.method ?? ''} ${url.pathname}` });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url: base,
    entries,
    env: { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: base, ACTIONS_RUNTIME_TOKEN: 'test-token' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
