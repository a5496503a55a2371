/**
 * Hostile and flaky network answers for the network clients built on core httpRequest (the GitHub
 * attestations API here; the client's own faults are in packages/core/src/http.test.ts): every case ends
 * in exit 3 (InfrastructureError) or a recovered answer — never a crash, never a pass on a broken list.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitCodeFor, InfrastructureError } from '@secure-factory/core';
import { gitHubAttestationsClient } from '@secure-factory/verify';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
let server: Server;
let base: string;
let handler: Handler;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => handler(req, res, ++hits));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  hits = 0;
});

const DIGEST = 'a'.repeat(64);
const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};
const client = () => gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app', timeoutMs: 500 });

async function exit3(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e: unknown) {
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(exitCodeFor(e)).toBe(3);
    return (e as Error).message;
  }
  throw new Error('expected exit 3, got an answer');
}

export const NETWORK_CASES: { name: string; handler: Handler; expect: 'exit3' | 'empty' }[] = [
  { name: 'list holding null', handler: (_q, r) => json(r, 200, { attestations: [null] }), expect: 'exit3' },
  { name: 'list holding a number', handler: (_q, r) => json(r, 200, { attestations: [7] }), expect: 'exit3' },
  { name: 'list holding an array', handler: (_q, r) => json(r, 200, { attestations: [[]] }), expect: 'exit3' },
  { name: 'attestations is a string', handler: (_q, r) => json(r, 200, { attestations: 'x' }), expect: 'exit3' },
  { name: 'body is null', handler: (_q, r) => json(r, 200, null), expect: 'exit3' },
  { name: 'body is an HTML page', handler: (_q, r) => (r.writeHead(200), r.end('<html>SECRET</html>')), expect: 'exit3' },
  { name: 'always 503', handler: (_q, r) => json(r, 503, {}), expect: 'exit3' },
  { name: 'always 502', handler: (_q, r) => json(r, 502, {}), expect: 'exit3' },
  { name: 'always 500', handler: (_q, r) => json(r, 500, {}), expect: 'exit3' },
  {
    name: '429 with a Retry-After of an hour',
    handler: (_q, r) => (r.writeHead(429, { 'retry-after': '3600' }), r.end()),
    expect: 'exit3',
  },
  { name: 'connection reset every time', handler: (q) => q.socket.destroy(), expect: 'exit3' },
  {
    name: 'truncated body every time',
    handler: (q, r) => {
      r.writeHead(200, { 'content-length': '1000' });
      r.write('{"attestations":[');
      setTimeout(() => q.socket.destroy(), 5);
    },
    expect: 'exit3',
  },
  { name: 'empty list', handler: (_q, r) => json(r, 200, { attestations: [] }), expect: 'empty' },
  { name: 'no such digest (404)', handler: (_q, r) => json(r, 404, {}), expect: 'empty' },
];

describe('GitHub attestations client under hostile answers', () => {
  it.each(NETWORK_CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
      handler = c.handler;
      if (c.expect === 'exit3') {
        const message = await exit3(client().list(DIGEST));
        expect(message).not.toContain('SECRET');
      } else expect(await client().list(DIGEST)).toEqual([]);
    },
    30_000,
  );

  it('recovers from a 503 and a reset before the real answer', async () => {
    handler = (q, r, n) => {
      if (n === 1) json(r, 503, {});
      else if (n === 2) q.socket.destroy();
      else json(r, 200, { attestations: [] });
    };
    expect(await client().list(DIGEST)).toEqual([]);
    expect(hits).toBe(3);
  }, 30_000);
});
