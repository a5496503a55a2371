/**
 * Fault injection for the source stage's GitHub API client (Octokit over core `httpRequest`) against a
 * local node:http server on 127.0.0.1: 502/503 then success, 429 with Retry-After, a stall, an oversized
 * body. Each ends with the real answer, or "not reached" (status 0) within the deadline — never a value
 * made from a partial answer.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createGitHubClient } from '../../packages/source/src/github-api.js';

const SHA = 'a'.repeat(40);
let server: Server | undefined;
const sockets = new Set<Socket>();
let hits = 0;

async function start(fault: (n: number, res: ServerResponse) => boolean): Promise<string> {
  hits = 0;
  server = createServer((req, res) => {
    req.resume();
    hits++;
    if (fault(hits, res)) return;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ sha: SHA, commit: { verification: { verified: true, reason: 'valid', signature: null, payload: null } } }));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const client = (baseUrl: string, http = {}) => createGitHubClient({ baseUrl, owner: 'o', repo: 'r', http: { baseDelayMs: 1, ...http } });

describe('source GitHub API client under network faults', () => {
  it.each([500, 502, 503])('HTTP %i twice, then the answer: verified after retries', async (code) => {
    const url = await start((n, res) => (n <= 2 ? (res.writeHead(code).end('<html>down</html>'), true) : false));
    const r = await client(url).commitVerification(SHA);
    expect(r).toEqual({ ok: true, value: { verified: true, reason: 'valid', signature: null, payload: null } });
    expect(hits).toBe(3);
  });

  it('429 with Retry-After: 1 is waited for, then used', async () => {
    const url = await start((n, res) => (n === 1 ? (res.writeHead(429, { 'retry-after': '1' }).end(), true) : false));
    const t0 = Date.now();
    expect((await client(url).commitVerification(SHA)).ok).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('503 forever: "not reached" after the bounded attempts, never a value', async () => {
    const url = await start((_n, res) => (res.writeHead(503).end(), true));
    const r = await client(url, { maxAttempts: 3 }).commitVerification(SHA);
    expect(r.ok).toBe(false);
    expect(r.ok ? 0 : r.status).toBe(0);
    expect(r.ok ? '' : r.message).toMatch(/failed after 3 attempts: HTTP 503/);
    expect(hits).toBe(3);
  });

  it('a stall: "not reached" within the deadline', async () => {
    const url = await start(() => true);
    const t0 = Date.now();
    const r = await client(url, { attemptTimeoutMs: 300, deadlineMs: 1_000 }).commitVerification(SHA);
    expect(r.ok).toBe(false);
    expect(Date.now() - t0).toBeLessThan(4_000);
  });

  it('an oversized body: refused, not parsed', async () => {
    const url = await start(
      (_n, res) => (res.writeHead(200, { 'content-type': 'application/json' }).end(`{"sha":"${SHA}","x":"${'y'.repeat(8192)}"}`), true),
    );
    const r = await client(url, { maxBytes: 1024 }).commitVerification(SHA);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(/limit of 1024/);
    expect(hits).toBe(1);
  });
});
