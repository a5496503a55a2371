/**
 * The same broken and flaky answers for every other network client now on core `httpRequest`: the
 * rescan's GitHub issues client, the Actions OIDC token endpoint, publishing to the GitHub attestations
 * API and the scan-deps pull-request comment. Each case ends in exit 3 (InfrastructureError) within one
 * deadline, without quoting the body, after a bounded number of attempts — or with the recovered answer.
 * A POST that may have been applied (a 5xx after opening an issue or posting a comment) is not repeated.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exitCodeFor, InfrastructureError, MemoryLogger, type HttpPolicy } from '@secure-factory/core';
import { actionsIdentityProvider, publishAttestation } from '@secure-factory/attest';
import { IssueClient } from '@secure-factory/rescan';
import { upsertComment } from '../../../actions/scan-deps/src/pr-comment.js';
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
    const s = createServer((req, res) => {
      req.resume();
      handler(req, res, ++hits);
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
    server = s;
  }
  return base;
}

/** Called by the catalogue's afterAll. */
export async function stopClientsServer(): Promise<void> {
  const s = server;
  server = undefined;
  if (!s) return;
  s.closeAllConnections();
  await new Promise<void>((r) => s.close(() => r()));
}

const MAX_ATTEMPTS = 3;
const DEADLINE_MS = 4_000;
/** Short enough for a catalogue case; the same policy shape production uses. */
const HTTP: Partial<Omit<HttpPolicy, 'service'>> = {
  attemptTimeoutMs: 400,
  deadlineMs: DEADLINE_MS,
  maxAttempts: MAX_ATTEMPTS,
  baseDelayMs: 1,
  maxDelayMs: 1_500,
  maxBytes: 16 * 1024,
};

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

interface Client {
  name: string;
  /** What the healthy service answers to each request. */
  healthy: Handler;
  /** Calls the client; resolves when it got an answer it could use. */
  call: (url: string) => Promise<unknown>;
}

const ISSUE = { number: 7, html_url: 'https://github.com/acme/app/issues/7', state: 'open', body: 'x' };

const CLIENTS: Client[] = [
  {
    name: 'rescan issues (list)',
    healthy: (_q, r) => json(r, 200, [ISSUE]),
    call: (url) => new IssueClient({ owner: 'acme', repo: 'app', token: 't', baseUrl: url, http: HTTP }, new MemoryLogger()).list(),
  },
  {
    name: 'Actions OIDC token',
    healthy: (_q, r) => json(r, 200, { value: 'h.p.s' }),
    call: (url) =>
      actionsIdentityProvider(
        { ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?x=1`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' },
        'sigstore',
        HTTP,
      ).getToken(),
  },
  {
    name: 'attestations publish',
    healthy: (_q, r) => json(r, 201, { id: 42 }),
    call: (url) =>
      publishAttestation({ apiUrl: url, repository: 'acme/app', token: 't', http: HTTP }, { mediaType: 'x' } as unknown as Parameters<
        typeof publishAttestation
      >[1]),
  },
  {
    name: 'pull-request comment (list)',
    healthy: (q, r) => (q.method === 'GET' ? json(r, 200, [{ id: 5, body: '<!-- m --> old' }]) : json(r, 200, { id: 5 })),
    call: (url) => upsertComment({ baseUrl: url, token: 't', owner: 'acme', repo: 'app', pullRequest: 1, http: HTTP }, '<!-- m -->', 'new'),
  },
];

type Want = 'exit3' | 'recovered';
const FAULTS: [string, Handler, Want, number?][] = [
  ['500 forever', (_q, r) => json(r, 500, { message: SECRET }), 'exit3', MAX_ATTEMPTS],
  ['502 forever', (_q, r) => (r.writeHead(502), r.end(`<html>${SECRET}</html>`)), 'exit3', MAX_ATTEMPTS],
  ['503 forever', (_q, r) => json(r, 503, {}), 'exit3', MAX_ATTEMPTS],
  ['429 with a Retry-After of an hour', (_q, r) => (r.writeHead(429, { 'retry-after': '3600' }), r.end()), 'exit3', 1],
  ['connection reset every time', (q) => q.socket.destroy(), 'exit3', MAX_ATTEMPTS],
  [
    'truncated body every time',
    (q, r) => {
      r.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      r.write(`{"value":"${SECRET}`);
      setTimeout(() => q.socket.destroy(), 5);
    },
    'exit3',
    MAX_ATTEMPTS,
  ],
  ['stall: headers never sent', () => {}, 'exit3'],
  [
    'oversized body (declared)',
    (_q, r) => (
      r.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024) }),
      r.end('x'.repeat(64 * 1024))
    ),
    'exit3',
    1,
  ],
  [
    'oversized body (streamed)',
    (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 8; i++) r.write(`"${SECRET}${'y'.repeat(4096)}",`);
      r.end();
    },
    'exit3',
  ],
  ['HTML error page with 200', (_q, r) => (r.writeHead(200, { 'content-type': 'text/html' }), r.end(`<html>${SECRET}</html>`)), 'exit3', 1],
  [
    'recovers: 503, then a reset, then the answer',
    (q, r, n) => (n === 1 ? json(r, 503, {}) : n === 2 ? q.socket.destroy() : undefined),
    'recovered',
  ],
  [
    'recovers: 429 with Retry-After 1, then the answer',
    (_q, r, n) => (n === 1 ? (r.writeHead(429, { 'retry-after': '1' }), r.end()) : undefined),
    'recovered',
  ],
];

function expectExit3(e: unknown, started: number): void {
  if (!(e instanceof InfrastructureError) || exitCodeFor(e) !== 3) fail(`not exit 3: ${String(e)}`);
  if (e.message.includes(SECRET) || (e.hint ?? '').includes(SECRET)) fail('the body was quoted');
  if (Date.now() - started > DEADLINE_MS + 2_000) fail(`took ${Date.now() - started} ms, past the deadline`);
}

const matrix: HostileCase[] = CLIENTS.flatMap((client, ci) =>
  FAULTS.map(([fault, h, want, attempts], fi): HostileCase => ({
    id: `network/client-${ci}-${fi}`,
    area: 'network',
    input: `${client.name}: ${fault}`,
    expect:
      want === 'exit3' ? `exit 3 within the deadline${attempts ? `, ${attempts} attempt(s)` : ''}, body not quoted` : 'recovered answer',
    run: async () => {
      // A fault handler that answers nothing for a request number leaves it to the healthy service.
      const url = await serve((q, r, n) => {
        h(q, r, n);
        if (!r.headersSent && !q.socket.destroyed && want === 'recovered') client.healthy(q, r, n);
      });
      const started = Date.now();
      let result: unknown;
      try {
        result = await client.call(url);
      } catch (e: unknown) {
        if (want !== 'exit3') throw e;
        expectExit3(e, started);
        if (attempts !== undefined && hits !== attempts) fail(`${hits} attempts, expected ${attempts}`);
        return;
      }
      if (want === 'exit3') fail(`answered: ${JSON.stringify(result)}`);
      if (result === undefined || result === null) fail('no answer');
    },
  })),
);

/** Writes that may have been applied are not repeated after a 5xx; a 429 (not applied) is. */
const writes: HostileCase[] = [
  {
    id: 'network/issues-open-502-once',
    area: 'network',
    input: 'rescan opening an issue: 502 after the POST',
    expect: 'exit 3 after one POST (no duplicate issue)',
    run: async () => {
      let posts = 0;
      const url = await serve((q, r) => {
        if (q.method === 'GET') return json(r, 200, []);
        posts++;
        json(r, 502, {});
      });
      const client = new IssueClient({ owner: 'acme', repo: 'app', token: 't', baseUrl: url, http: HTTP }, new MemoryLogger());
      const started = Date.now();
      try {
        await client.sync([REMEDIATION], []);
      } catch (e: unknown) {
        expectExit3(e, started);
        if (posts !== 1) fail(`${posts} POSTs`);
        return;
      }
      fail('answered');
    },
  },
  {
    id: 'network/issues-open-429-retried',
    area: 'network',
    input: 'rescan opening an issue: 429 with Retry-After 1, then created',
    expect: 'the issue is opened once, after waiting',
    run: async () => {
      let posts = 0;
      const url = await serve((q, r) => {
        if (q.method === 'GET') return json(r, 200, []);
        posts++;
        if (posts === 1) return (r.writeHead(429, { 'retry-after': '1' }), r.end());
        json(r, 201, ISSUE);
      });
      const client = new IssueClient({ owner: 'acme', repo: 'app', token: 't', baseUrl: url, http: HTTP }, new MemoryLogger());
      const issues = await client.sync([REMEDIATION], []);
      if (posts !== 2 || [...issues.values()][0]?.number !== 7) fail(`${posts} POSTs, ${JSON.stringify([...issues.values()])}`);
    },
  },
  {
    id: 'network/pr-comment-post-503-once',
    area: 'network',
    input: 'pull-request comment: 503 after the POST of a new comment',
    expect: 'exit 3 after one POST (no duplicate comment)',
    run: async () => {
      let posts = 0;
      const url = await serve((q, r) => {
        if (q.method === 'GET') return json(r, 200, []);
        posts++;
        json(r, 503, {});
      });
      const started = Date.now();
      try {
        await upsertComment({ baseUrl: url, token: 't', owner: 'acme', repo: 'app', pullRequest: 1, http: HTTP }, '<!-- m -->', 'new');
      } catch (e: unknown) {
        expectExit3(e, started);
        if (posts !== 1) fail(`${posts} POSTs`);
        return;
      }
      fail('answered');
    },
  },
];

const REMEDIATION = {
  advisory: 'GHSA-1',
  aliases: [],
  package: { ecosystem: 'npm', name: 'x', version: '1.0.0' },
  severity: 'high' as const,
  fixedVersions: [],
  digests: [`sha256:${'a'.repeat(64)}`],
  environments: ['prod'],
  firstSeen: '2026-11-25T00:00:00Z',
  deadline: '2026-11-26T00:00:00Z',
  status: 'open' as const,
};

export const networkClientCases: HostileCase[] = [...matrix, ...writes];
