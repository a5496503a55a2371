/**
 * Fault injection for the shared HTTP client, against a real local server on 127.0.0.1: 500/502/503,
 * 429 with Retry-After, connection resets, stalls (headers and mid-body), truncated and oversized
 * bodies. Every failure ends in a bounded number of attempts, inside one deadline, as an
 * InfrastructureError (exit 3) — never as a response the caller could take for success.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { exitCodeFor, InfrastructureError } from './errors.js';
import { httpRequest, retryAfterMs, type HttpPolicy } from './http.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
let server: Server;
let base: string;
let handler: Handler;
let hits = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, ++hits));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  hits = 0;
});

const waits: number[] = [];
function policy(extra: Partial<HttpPolicy> = {}): HttpPolicy {
  waits.length = 0;
  return {
    service: 'the test API',
    deadlineMs: 20_000,
    attemptTimeoutMs: 3000, // generous: a loaded CI machine must not turn a slow answer into an extra attempt (stall tests set their own)
    maxAttempts: 4,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  };
}

const ok = (res: ServerResponse): void => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
};

async function failure(p: Promise<unknown>): Promise<InfrastructureError> {
  try {
    await p;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(exitCodeFor(e)).toBe(3);
    return e as InfrastructureError;
  }
  throw new Error('expected a failure, got a response');
}

describe('httpRequest under faults', () => {
  it.each([500, 502, 503, 504, 408])('retries HTTP %i and then succeeds', async (status) => {
    handler = (_req, res, n) => {
      if (n < 3) {
        res.writeHead(status);
        res.end('upstream broke: SECRET-BODY');
      } else ok(res);
    };
    const r = await httpRequest({ url: `${base}/x` }, policy());
    expect(r.status).toBe(200);
    expect(r.attempts).toBe(3);
    expect(await r.json()).toEqual({ ok: true });
    // full jitter with random()=0.5: half of 250, then half of 500
    expect(waits).toEqual([125, 250]);
  });

  it('gives up after maxAttempts of 503 with exit 3, naming the service and not quoting the body', async () => {
    handler = (_req, res) => {
      res.writeHead(503);
      res.end('SECRET-BODY');
    };
    const e = await failure(httpRequest({ url: `${base}/x` }, policy()));
    expect(hits).toBe(4);
    expect(e.message).toMatch(/the test API failed after 4 attempts: HTTP 503/);
    expect(e.message).not.toContain('SECRET');
  });

  it('honours 429 Retry-After (seconds) within the cap', async () => {
    handler = (_req, res, n) => {
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '2' });
        res.end();
      } else ok(res);
    };
    const r = await httpRequest({ url: `${base}/x` }, policy());
    expect(r.status).toBe(200);
    expect(waits).toEqual([2000]);
  });

  it('refuses to wait for a Retry-After past the deadline', async () => {
    handler = (_req, res) => {
      res.writeHead(429, { 'retry-after': '3600' });
      res.end();
    };
    const e = await failure(httpRequest({ url: `${base}/x` }, policy()));
    expect(e.message).toMatch(/retry after 3600 s, past the deadline/);
    expect(hits).toBe(1);
  });

  it('retries a connection reset', async () => {
    handler = (req, res, n) => {
      if (n === 1) req.socket.destroy();
      else ok(res);
    };
    const r = await httpRequest({ url: `${base}/x` }, policy());
    expect(r.attempts).toBe(2);
  });

  it('a stalled server (no headers) costs one attempt timeout each, then exit 3', async () => {
    handler = () => {
      /* never answers */
    };
    const started = Date.now();
    const e = await failure(httpRequest({ url: `${base}/x` }, policy({ maxAttempts: 3, attemptTimeoutMs: 150 })));
    expect(e.message).toMatch(/no answer in time|cannot reach/);
    expect(hits).toBe(3);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a body that stalls mid-way is retried', async () => {
    handler = (_req, res, n) => {
      if (n === 1) {
        res.writeHead(200, { 'content-length': '100' });
        res.write('{"partial":');
      } else ok(res);
    };
    const r = await httpRequest({ url: `${base}/x` }, policy({ attemptTimeoutMs: 200 }));
    expect(r.attempts).toBe(2);
    expect(await r.json()).toEqual({ ok: true });
  });

  it('a truncated body (connection closed before Content-Length) is retried, then exit 3', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"partial":');
      setTimeout(() => req.socket.destroy(), 10);
    };
    const e = await failure(httpRequest({ url: `${base}/x` }, policy({ maxAttempts: 2 })));
    expect(e.message).toMatch(/cut off|cannot reach/);
    expect(hits).toBe(2);
  });

  it('an oversized body is refused by its declared length without reading it', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
    };
    const e = await failure(httpRequest({ url: `${base}/x` }, policy({ maxBytes: 1024 * 1024 })));
    expect(e.message).toMatch(/more than the limit/);
    expect(hits).toBe(1);
  });

  it('an endless chunked body is cut at the limit', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = (): void => {
        while (res.write(chunk));
        res.once('drain', pump);
      };
      pump();
      res.on('close', () => res.removeAllListeners('drain'));
    };
    const e = await failure(httpRequest({ url: `${base}/x` }, policy({ maxBytes: 512 * 1024, attemptTimeoutMs: 5000 })));
    expect(e.message).toMatch(/more than the limit of 524288 bytes/);
  });

  it('one overall deadline bounds every attempt and wait', async () => {
    handler = () => {};
    const started = Date.now();
    await failure(
      httpRequest({ url: `${base}/x` }, { service: 'the test API', deadlineMs: 400, attemptTimeoutMs: 10_000, maxAttempts: 10 }),
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a refused connection (nothing listening) is exit 3 after the attempts', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(httpRequest({ url: `http://127.0.0.1:${port}/x` }, policy({ maxAttempts: 2 })));
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  it('non-JSON from a 200 is exit 3 and does not quote it', async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.end('<html>SECRET-PAGE</html>');
    };
    const r = await httpRequest({ url: `${base}/x` }, policy());
    const e = await failure(r.json());
    expect(e.message).not.toContain('SECRET');
  });

  it('4xx answers are returned to the caller, not retried', async () => {
    handler = (_req, res) => {
      res.writeHead(404);
      res.end();
    };
    const r = await httpRequest({ url: `${base}/x` }, policy());
    expect([r.status, r.ok, hits]).toEqual([404, false, 1]);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-12-06T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Sun, 06 Dec 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});
