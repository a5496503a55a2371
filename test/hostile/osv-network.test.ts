/**
 * Fault injection for the online OSV API client (OsvApiSource → core `httpRequest`) against a local
 * node:http server on 127.0.0.1: flaky 5xx answers, 429 with Retry-After, a stalled answer, a truncated
 * body and an oversized body. Each ends with the real answer after bounded retries, or an exit-3
 * InfrastructureError naming the service within its deadline — never a pass on a partial answer, never
 * the body's text in the message.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { exitCodeFor, InfrastructureError } from '@secure-factory/core';
import { OsvApiSource, type OsvRecord } from '../../packages/materials/src/osv/index.js';

const SECRET = 'SECRET-BODY-MARKER';
const PKG = { ecosystem: 'npm', name: 'ansi-html', version: '0.0.1' };
const RECORD: OsvRecord = {
  schema_version: '1.6.0',
  id: 'GHSA-whgm-jr23-g3j9',
  modified: '2024-01-01T00:00:00Z',
  summary: 'Uncontrolled Resource Consumption in ansi-html',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'ansi-html' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.0.8' }] }],
    },
  ],
};

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;

interface Fake {
  url: string;
  /** Requests seen per path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

let fake: Fake | undefined;

/** `faults(path, n)` answers the n-th request to a path (1-based) with a fault, or undefined for the real answer. */
async function start(faults: (pathname: string, n: number) => Handler | undefined): Promise<Fake> {
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const pathname = req.url ?? '/';
    const n = (hits.get(pathname) ?? 0) + 1;
    hits.set(pathname, n);
    req.resume();
    req.on('end', () => {
      const fault = faults(pathname, n);
      if (fault) return fault(req, res, n);
      res.setHeader('content-type', 'application/json');
      if (pathname === '/v1/querybatch') res.end(JSON.stringify({ results: [{ vulns: [{ id: RECORD.id }] }] }));
      else if (pathname === `/v1/vulns/${RECORD.id}`) res.end(JSON.stringify(RECORD));
      else res.writeHead(404).end('{}');
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(code, { 'content-type': 'text/html', ...headers });
    res.end(`<html>${SECRET} ::error::forged</html>`);
  };

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function failure(source: OsvApiSource): Promise<InfrastructureError> {
  const e: unknown = await source.match([PKG]).catch((err: unknown) => err);
  expect(e).toBeInstanceOf(InfrastructureError);
  const err = e as InfrastructureError;
  expect(exitCodeFor(err)).toBe(3);
  expect(err.message).toContain(`OSV API (${fake?.url})`);
  expect(err.message).not.toContain(SECRET);
  expect(err.hint ?? '').not.toContain(SECRET);
  return err;
}

describe('OSV API client under network faults', () => {
  it.each([500, 502, 503])('HTTP %i twice on each endpoint, then the real answer: passes after retries', async (code) => {
    fake = await start((_p, n) => (n <= 2 ? status(code) : undefined));
    const matches = await new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1 }).match([PKG]);
    expect(matches.map((m) => m.id)).toEqual([RECORD.id]);
    expect(fake.hits.get('/v1/querybatch')).toBe(3);
    expect(fake.hits.get(`/v1/vulns/${RECORD.id}`)).toBe(3);
  });

  it('HTTP 503 forever: exit 3 naming the service after the bounded attempts', async () => {
    fake = await start(() => status(503));
    const err = await failure(new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1, attempts: 3 }));
    expect(err.message).toMatch(/failed after 3 attempts: HTTP 503/);
    expect(fake.hits.get('/v1/querybatch')).toBe(3);
  });

  it('429 with Retry-After: 1 is honoured, then the answer is used', async () => {
    fake = await start((p, n) => (p === '/v1/querybatch' && n === 1 ? status(429, { 'retry-after': '1' }) : undefined));
    const t0 = Date.now();
    const matches = await new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1 }).match([PKG]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(matches.map((m) => m.id)).toEqual([RECORD.id]);
    expect(fake.hits.get('/v1/querybatch')).toBe(2);
  });

  it('429 asking to retry after an hour: refused at once as past the deadline, not waited for', async () => {
    fake = await start(() => status(429, { 'retry-after': '3600' }));
    const t0 = Date.now();
    const err = await failure(new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1, deadlineMs: 5_000 }));
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect(err.message).toMatch(/past the deadline/);
  });

  it('a server that accepts and never answers: exit 3 within the deadline', async () => {
    fake = await start(() => () => undefined);
    const t0 = Date.now();
    const err = await failure(new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1, timeoutMs: 300, deadlineMs: 1_000 }));
    expect(Date.now() - t0).toBeLessThan(4_000);
    expect(err.message).toMatch(/no answer in time|within 1000 ms|aborted/i);
  });

  it('a body that stalls half-way: retried, then exit 3 — never parsed in part', async () => {
    fake = await start(() => (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"results":[{"vulns":[{"id":"GHSA-');
    });
    const t0 = Date.now();
    await failure(new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1, timeoutMs: 300, deadlineMs: 1_500, attempts: 3 }));
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('a truncated body (connection closed before content-length): retried, then exit 3', async () => {
    fake = await start(() => (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      res.write(`{"results":[{"vulns":[{"id":"${SECRET}`);
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const err = await failure(new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1, attempts: 2 }));
    expect(err.message).toMatch(/cut off|failed after 2 attempts/);
    expect(fake.hits.get('/v1/querybatch')).toBe(2);
  });

  it('a truncated body once, then the whole answer: passes after the retry', async () => {
    fake = await start((p, n) =>
      p === '/v1/querybatch' && n === 1
        ? (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
            res.write('{"results":[');
            setTimeout(() => res.socket?.destroy(), 20);
          }
        : undefined,
    );
    const matches = await new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1 }).match([PKG]);
    expect(matches.map((m) => m.id)).toEqual([RECORD.id]);
  });

  it('an oversized body (declared or streamed past the limit): exit 3 naming the limit, not retried', async () => {
    fake = await start((p) =>
      p === '/v1/querybatch'
        ? (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            // Chunked, no content-length: the limit applies while streaming.
            res.write(`{"results":[{"vulns":[{"id":"${SECRET}`);
            res.end(`${'x'.repeat(64 * 1024)}"}]}]}`);
          }
        : undefined,
    );
    const err = await failure(new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1, maxBytes: 4096 }));
    expect(err.message).toMatch(/more than the limit of 4096 bytes/);
    expect(fake.hits.get('/v1/querybatch')).toBe(1);
    await fake.close();
    fake = await start((p) =>
      p === `/v1/vulns/${RECORD.id}`
        ? (_req, res) => {
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(1 << 20) });
            res.end();
          }
        : undefined,
    );
    const declared = await failure(new OsvApiSource({ baseUrl: fake.url, retryDelayMs: 1, maxBytes: 4096 }));
    expect(declared.message).toMatch(/answered with 1048576 bytes, more than the limit of 4096/);
  });

  it('an HTML error page with 200 or a 4xx refusal: exit 3 without quoting the page', async () => {
    fake = await start(() => (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<html>${SECRET}</html>`);
    });
    expect((await failure(new OsvApiSource({ baseUrl: fake.url }))).message).toMatch(/not JSON/);
    await fake.close();
    fake = await start(() => status(403));
    expect((await failure(new OsvApiSource({ baseUrl: fake.url }))).message).toMatch(/refused POST \/v1\/querybatch: HTTP 403/);
  });
});
