/**
 * Hostile and flaky answers for the network clients built on core httpRequest (the GitHub attestations
 * API here; the client's own fault injection is in packages/core/src/http.test.ts). Every case ends in
 * exit 3 (InfrastructureError) or a recovered answer — never a crash, never a pass on a broken list.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitCodeFor, InfrastructureError } from '@secure-factory/core';
import { gitHubAttestationsClient } from '@secure-factory/verify';
import { fail, SECRET, type HostileCase } from './types.js';

type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => void;
let server: Server | undefined;
let base = '';
let handler: Handler = (_q, r) => r.end();
let hits = 0;

async function serve(h: Handler): Promise<string> {
  handler = h;
  hits = 0;
  if (!server) {
    const s = createServer((req, res) => handler(req, res, ++hits));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    server = s;
  }
  return base;
}

/** Called by the catalogue's afterAll. */
export async function stopNetworkServer(): Promise<void> {
  const s = server;
  server = undefined;
  if (!s) return;
  s.closeAllConnections();
  await new Promise<void>((r) => s.close(() => r()));
}

const DIGEST = 'a'.repeat(64);
const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

const CASES: [string, Handler, 'exit3' | 'empty'][] = [
  ['list holding null', (_q, r) => json(r, 200, { attestations: [null] }), 'exit3'],
  ['list holding a number', (_q, r) => json(r, 200, { attestations: [7] }), 'exit3'],
  ['list holding an array', (_q, r) => json(r, 200, { attestations: [[]] }), 'exit3'],
  ['list holding a string', (_q, r) => json(r, 200, { attestations: [SECRET] }), 'exit3'],
  ['attestations is a string', (_q, r) => json(r, 200, { attestations: 'x' }), 'exit3'],
  ['attestations is an object', (_q, r) => json(r, 200, { attestations: { 0: {} } }), 'exit3'],
  ['body is null', (_q, r) => json(r, 200, null), 'exit3'],
  ['body is a number', (_q, r) => json(r, 200, 42), 'exit3'],
  ['body is an HTML error page', (_q, r) => (r.writeHead(200), r.end(`<html>${SECRET}</html>`)), 'exit3'],
  ['always 500', (_q, r) => json(r, 500, { message: SECRET }), 'exit3'],
  ['always 502', (_q, r) => json(r, 502, {}), 'exit3'],
  ['always 503', (_q, r) => json(r, 503, {}), 'exit3'],
  ['429 with a Retry-After of an hour', (_q, r) => (r.writeHead(429, { 'retry-after': '3600' }), r.end()), 'exit3'],
  ['connection reset every time', (q) => q.socket.destroy(), 'exit3'],
  [
    'truncated body every time',
    (q, r) => {
      r.writeHead(200, { 'content-length': '1000' });
      r.write('{"attestations":[');
      setTimeout(() => q.socket.destroy(), 5);
    },
    'exit3',
  ],
  ['stall: headers never sent', () => {}, 'exit3'],
  [
    'recovers: 503, then a reset, then the answer',
    (q, r, n) => {
      if (n === 1) json(r, 503, {});
      else if (n === 2) q.socket.destroy();
      else json(r, 200, { attestations: [] });
    },
    'empty',
  ],
  [
    'recovers: 429 with Retry-After 1 then the answer',
    (_q, r, n) => (n === 1 ? (r.writeHead(429, { 'retry-after': '1' }), r.end()) : json(r, 200, { attestations: [] })),
    'empty',
  ],
  ['empty list', (_q, r) => json(r, 200, { attestations: [] }), 'empty'],
  ['no such digest (404)', (_q, r) => json(r, 404, {}), 'empty'],
];

export const networkCases: HostileCase[] = CASES.map(([name, h, want], i) => ({
  id: `network/attestations-${i}`,
  area: 'network',
  input: `GitHub attestations API: ${name}`,
  expect: want === 'exit3' ? 'exit 3, body not quoted' : 'recovered answer',
  run: async () => {
    const url = await serve(h);
    const client = gitHubAttestationsClient({ baseUrl: url, repository: 'acme/app', timeoutMs: 400 });
    let result;
    try {
      result = await client.list(DIGEST);
    } catch (e: unknown) {
      if (want !== 'exit3') throw e;
      if (!(e instanceof InfrastructureError) || exitCodeFor(e) !== 3) fail(`not exit 3: ${String(e)}`);
      if (e.message.includes(SECRET)) fail('the body was quoted');
      return;
    }
    if (want === 'exit3') fail('answered');
    if (result.length !== 0) fail('unexpected bundles');
  },
}));
