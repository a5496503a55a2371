/**
 * The scan-deps action keeps the offline OSV database in the Actions cache, keyed by day: the first
 * run saves it, a later run (another job, an empty workspace) restores it. The cache service is a
 * local server speaking the protocol @actions/cache uses (twirp CacheService + blob PUT/GET).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../support/action-harness.js';
import { describeShared } from '../support/shared.js';
import { copy, CRITICAL_ADVISORY, osvDatabase, scalibr, tempDir } from './fixtures.js';

interface Entry {
  key: string;
  version: string;
  blob: string;
  done: boolean;
}

function body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describeShared('scan-deps action: OSV database cache', () => {
  let server: Server;
  let base = '';
  const entries: Entry[] = [];
  const blobs = new Map<string, Buffer>();
  const calls: string[] = [];
  const origin = (): string => base.replace(/\/$/, '');

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      void body(req).then((data) => {
        const url = new URL(req.url ?? '/', base);
        calls.push(`${req.method ?? ''} ${url.pathname}`);
        const json = (v: unknown): void => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(v));
        };
        const twirp = /\/twirp\/github\.actions\.results\.api\.v1\.CacheService\/(\w+)$/.exec(url.pathname);
        if (twirp && req.method === 'POST') {
          const q = JSON.parse(data.toString() || '{}') as { key: string; version: string; restore_keys?: string[] };
          if (twirp[1] === 'CreateCacheEntry') {
            const blob = `/acct/cache/${entries.length + 1}`;
            entries.push({ key: q.key, version: q.version, blob, done: false });
            return json({ ok: true, signed_upload_url: `${origin()}${blob}` });
          }
          if (twirp[1] === 'FinalizeCacheEntryUpload') {
            const e = entries.find((x) => x.key === q.key && x.version === q.version);
            if (e) e.done = true;
            return json({ ok: !!e, entry_id: '1' });
          }
          if (twirp[1] === 'GetCacheEntryDownloadURL') {
            const done = entries.filter((e) => e.done && e.version === q.version);
            const hit = done.find((e) => e.key === q.key) ?? done.find((e) => (q.restore_keys ?? []).some((k) => e.key.startsWith(k)));
            return json(hit ? { ok: true, signed_download_url: `${origin()}${hit.blob}`, matched_key: hit.key } : { ok: false });
          }
        }
        if (url.pathname.startsWith('/acct/cache/')) {
          res.setHeader('x-ms-request-id', '1');
          res.setHeader('x-ms-version', '2024-11-04');
          res.setHeader('etag', '"1"');
          res.setHeader('last-modified', new Date().toUTCString());
          if (req.method === 'PUT') {
            blobs.set(url.pathname, data);
            res.statusCode = 201;
            return res.end();
          }
          const blob = blobs.get(url.pathname);
          if (!blob) {
            res.statusCode = 404;
            return res.end();
          }
          res.setHeader('x-ms-blob-type', 'BlockBlob');
          res.setHeader('accept-ranges', 'bytes');
          if (req.method === 'HEAD') {
            res.setHeader('content-length', String(blob.length));
            return res.end();
          }
          const range = /bytes=(\d+)-(\d*)/.exec(String(req.headers['x-ms-range'] ?? req.headers.range ?? ''));
          const start = range ? Number(range[1]) : 0;
          const end = range?.[2] ? Number(range[2]) : blob.length - 1;
          const slice = blob.subarray(start, end + 1);
          res.statusCode = range ? 206 : 200;
          if (range) res.setHeader('content-range', `bytes ${start}-${start + slice.length - 1}/${blob.length}`);
          res.setHeader('content-length', String(slice.length));
          return res.end(slice);
        }
        res.statusCode = 404;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('saves the database on the first run of the day and restores it in a later job', async () => {
    const env = { ACTIONS_CACHE_SERVICE_V2: 'true', ACTIONS_RESULTS_URL: base, ACTIONS_RUNTIME_TOKEN: 'test-token' };
    const first = tempDir('sf-ws-');
    copy(first, 'package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
    copy(first, 'osv/SF-TEST-2026-0001.json', path.join(osvDatabase([CRITICAL_ADVISORY]), 'SF-TEST-2026-0001.json'));
    const r1 = await runAction('scan-deps', { workspace: first, env, inputs: { 'osv-database': 'osv' } });
    expect(r1.outputs['blocking-count']).toBe('2');
    const day = new Date().toISOString().slice(0, 10);
    expect(entries.map((e) => [e.key, e.done])).toEqual([[`secure-factory-osv-osv-${day}`, true]]);

    // Another job: same lockfile, no database in the workspace; the cache brings it back.
    const second = tempDir('sf-ws-');
    copy(second, 'package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
    const r2 = await runAction('scan-deps', { workspace: second, env, inputs: { 'osv-database': 'osv' } });
    expect(calls).toContain('GET /acct/cache/1');
    expect(existsSync(path.join(second, 'osv'))).toBe(true);
    expect(readdirSync(path.join(second, 'osv'))).toEqual(['SF-TEST-2026-0001.json']);
    expect(r2.outputs['blocking-count']).toBe('2');
    // A hit on today's key is not saved again.
    expect(entries).toHaveLength(1);
  });
});
