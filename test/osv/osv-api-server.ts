/**
 * A local stand-in for api.osv.dev on 127.0.0.1 that replays osv-scanner's recorded answers
 * (`recorded-osv-api-answers.jsonl`: which vulnerability ids the live API returned for a package
 * version or a commit). It speaks the real protocol: `POST /v1/querybatch` (at most 1000 queries,
 * `next_page_token` paging when `pageSize` is set) and `GET /v1/vulns/{id}`. The recording holds ids
 * only, so a full record is either given by the test (`records`) or synthesised from the recording:
 * the id, and the recorded package versions in `affected[].versions`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OsvRecord } from '../../packages/materials/src/osv/index.js';
import { readJsonl } from '../support/shared.js';

export interface RecordedAnswer {
  ecosystem?: string;
  name?: string;
  version?: string;
  commit?: string;
  vuln_ids: string[];
}

export interface FakeOsvOptions {
  /** Full records served by GET /v1/vulns/{id}, instead of the synthesised ones. */
  records?: OsvRecord[];
  /** Split each result into pages of this many ids, linked with next_page_token. */
  pageSize?: number;
  /** Answer this many requests (of any kind) with HTTP 503 first. */
  failFirst?: number;
  /** Hold this many requests open without answering (the client must time out and retry). */
  hangFirst?: number;
  /** Answer every request with this status. */
  alwaysStatus?: number;
}

export interface FakeOsv {
  url: string;
  answers: RecordedAnswer[];
  /** Sizes of the querybatch requests received. */
  batchSizes: number[];
  vulnGets: string[];
  maxConcurrentGets: number;
  unknownQueries: string[];
  requests: number;
  close(): Promise<void>;
}

const key = (ecosystem: string, name: string, version: string): string => `${ecosystem}\u0000${name}\u0000${version}`;

export function recordedAnswers(): RecordedAnswer[] {
  return readJsonl<RecordedAnswer>('corpora', 'lockfiles', 'osv-scanner', 'recorded-osv-api-answers.jsonl');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeOsv(options: FakeOsvOptions = {}): Promise<FakeOsv> {
  const answers = recordedAnswers();
  const byPackage = new Map<string, string[]>();
  const byCommit = new Map<string, string[]>();
  const synthesised = new Map<string, OsvRecord>();
  for (const a of answers) {
    if (a.commit !== undefined) byCommit.set(a.commit, a.vuln_ids);
    else byPackage.set(key(a.ecosystem ?? '', a.name ?? '', a.version ?? ''), a.vuln_ids);
    for (const id of a.vuln_ids) {
      const r = synthesised.get(id) ?? { id, modified: '2025-01-01T00:00:00Z', affected: [] };
      if (a.commit === undefined)
        r.affected?.push({ package: { ecosystem: a.ecosystem ?? '', name: a.name ?? '' }, versions: [a.version ?? ''] });
      synthesised.set(id, r);
    }
  }
  const given = new Map((options.records ?? []).map((r) => [r.id, r]));
  let failures = options.failFirst ?? 0;
  let hangs = options.hangFirst ?? 0;
  let inFlightGets = 0;
  const held: ServerResponse[] = [];
  const state: Omit<FakeOsv, 'url' | 'close'> = {
    answers,
    batchSizes: [],
    vulnGets: [],
    maxConcurrentGets: 0,
    unknownQueries: [],
    requests: 0,
  };

  const send = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    state.requests++;
    if (hangs > 0) {
      hangs--;
      held.push(res);
      return;
    }
    if (options.alwaysStatus !== undefined) return send(res, options.alwaysStatus, { code: 3, message: 'refused by the test' });
    if (failures > 0) {
      failures--;
      return send(res, 503, { code: 14, message: 'unavailable' });
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/v1/querybatch') {
      const body = JSON.parse(await readBody(req)) as {
        queries: { package?: { ecosystem: string; name: string }; version?: string; commit?: string; page_token?: string }[];
      };
      state.batchSizes.push(body.queries.length);
      if (body.queries.length > 1000) return send(res, 400, { code: 3, message: 'Too many queries.' });
      const results = body.queries.map((q) => {
        let ids: string[] | undefined;
        if (q.commit) ids = byCommit.get(q.commit);
        else if (q.package) ids = byPackage.get(key(q.package.ecosystem, q.package.name, q.version ?? ''));
        if (ids === undefined) {
          state.unknownQueries.push(JSON.stringify(q));
          ids = [];
        }
        const offset = q.page_token ? Number(q.page_token.split(':')[1]) : 0;
        const size = options.pageSize ?? ids.length;
        const page = ids.slice(offset, offset + size);
        const result: { vulns?: { id: string; modified: string }[]; next_page_token?: string } = {};
        if (page.length > 0) result.vulns = page.map((id) => ({ id, modified: '2025-01-01T00:00:00Z' }));
        if (offset + size < ids.length) result.next_page_token = `page:${offset + size}`;
        return result;
      });
      return send(res, 200, { results });
    }
    const m = /^\/v1\/vulns\/(.+)$/.exec(url.pathname);
    if (req.method === 'GET' && m) {
      const id = decodeURIComponent(m[1] ?? '');
      state.vulnGets.push(id);
      inFlightGets++;
      state.maxConcurrentGets = Math.max(state.maxConcurrentGets, inFlightGets);
      await new Promise((r) => setImmediate(r));
      inFlightGets--;
      const record = given.get(id) ?? synthesised.get(id);
      return record ? send(res, 200, record) : send(res, 404, { code: 5, message: 'Bug not found.' });
    }
    send(res, 404, { code: 5, message: 'Not found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of held) r.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
