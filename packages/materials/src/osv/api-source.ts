/**
 * The online OSV API (https://google.github.io/osv.dev/api/): `POST /v1/querybatch` answers which
 * vulnerability ids affect each package version (chunks of at most 1000 queries, following
 * `next_page_token`), then `GET /v1/vulns/{id}` gives each full record (cached per id, fetched with
 * bounded concurrency). The API decides membership; the records give severity, aliases and the fixed
 * versions of the ranges that contain the version. Every request goes through core's
 * `httpRequest`: 408/429/5xx, resets, stalls and truncated bodies are retried a bounded number of times
 * with full-jitter backoff (honouring Retry-After) inside one deadline, answers are read up to a byte
 * limit; then an InfrastructureError (exit 3) names the service, never quoting the body. Tests point `baseUrl` at a local server speaking the same protocol.
 */
import {
  errorMessage,
  httpRequest,
  InfrastructureError,
  mapLimit,
  silentLogger,
  type HttpRequest,
  type HttpResponse,
  type Logger,
} from '@secure-factory/core';
import { evaluate } from './affected.js';
import { canonicalEcosystem, normalisePackageName } from './ecosystems.js';
import { mergeHits, type Hit } from './merge.js';
import { recordProblems } from './record-validation.js';
import type { OsvRecord, PackageRef, VulnMatch, VulnSource, VulnSourceDescription } from './types.js';

export interface OsvApiOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  logger?: Logger;
  /** Queries per querybatch request (the API accepts at most 1000). */
  batchSize?: number;
  /** Parallel `GET /v1/vulns/{id}` requests. */
  concurrency?: number;
  /** Attempts per request, the first included. */
  attempts?: number;
  /** Backoff base: the wait before attempt n is uniform in [0, base·2^(n-2)] (full jitter, capped at 8 s). */
  retryDelayMs?: number;
  /** Timeout of one attempt (headers and body). */
  timeoutMs?: number;
  /** One deadline per request, covering every attempt, backoff wait and body read. */
  deadlineMs?: number;
  /** Largest answer accepted, in bytes; a larger one is refused, never parsed in part. */
  maxBytes?: number;
  /** Upper bound on querybatch pages followed, against a server that never stops paging. */
  maxPages?: number;
}

interface BatchQuery {
  package: { ecosystem: string; name: string };
  version?: string;
  page_token?: string;
}

interface BatchResult {
  vulns?: { id: string; modified?: string }[];
  next_page_token?: string;
}

export class OsvApiSource implements VulnSource {
  readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly attempts: number;
  private readonly retryDelayMs: number;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly maxBytes: number;
  private readonly maxPages: number;
  private readonly records = new Map<string, Promise<OsvRecord>>();
  private newestTime = -Infinity;

  constructor(options: OsvApiOptions = {}) {
    this.baseUrl = (options.baseUrl ?? 'https://api.osv.dev').replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.logger = options.logger ?? silentLogger;
    this.batchSize = Math.min(1000, Math.max(1, options.batchSize ?? 1000));
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.deadlineMs = options.deadlineMs ?? 180_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxPages = options.maxPages ?? 100;
  }

  describe(): VulnSourceDescription {
    const d: VulnSourceDescription = { uri: this.baseUrl };
    if (Number.isFinite(this.newestTime)) d.lastUpdate = new Date(this.newestTime).toISOString();
    return d;
  }

  async match(packages: readonly PackageRef[]): Promise<VulnMatch[]> {
    // One query per distinct package version.
    const unique = new Map<string, PackageRef>();
    for (const p of packages) {
      const key = `${canonicalEcosystem(p.ecosystem)}\u0000${normalisePackageName(p.ecosystem, p.name)}\u0000${p.version}`;
      if (!unique.has(key)) unique.set(key, p);
    }
    const list = [...unique.values()];
    const idsPerPackage = await this.queryBatch(list);
    const allIds = [...new Set(idsPerPackage.flat())].sort();
    const fetched = await mapLimit(allIds, this.concurrency, async (id) => [id, await this.vuln(id)] as const);
    const byId = new Map(fetched);
    const hits: Hit[] = [];
    list.forEach((pkg, i) => {
      for (const id of idsPerPackage[i] ?? []) {
        const record = byId.get(id);
        if (!record || record.withdrawn) continue;
        // osv.dev said this version is affected; the record says which ranges and fixes apply.
        const e = evaluate(record, pkg);
        hits.push({
          pkg,
          record,
          entries: e.entries,
          fixedVersions: e.fixedVersions,
          ...(e.uncertain.length > 0 ? { uncertain: e.uncertain } : {}),
        });
      }
    });
    return mergeHits(hits);
  }

  /** The vulnerability ids per package (same order), following page tokens. */
  private async queryBatch(packages: readonly PackageRef[]): Promise<string[][]> {
    const ids: string[][] = packages.map(() => []);
    let pending: { index: number; token?: string }[] = packages.map((_, index) => ({ index }));
    for (let page = 0; pending.length > 0; page++) {
      if (page >= this.maxPages) {
        throw new InfrastructureError(`OSV API (${this.baseUrl}) kept paging querybatch results past ${this.maxPages} pages`);
      }
      const next: { index: number; token?: string }[] = [];
      for (let start = 0; start < pending.length; start += this.batchSize) {
        const chunk = pending.slice(start, start + this.batchSize);
        const queries: BatchQuery[] = chunk.map(({ index, token }) => {
          const p = packages[index] as PackageRef;
          const q: BatchQuery = { package: { ecosystem: canonicalEcosystem(p.ecosystem), name: p.name } };
          if (p.version !== '') q.version = p.version;
          if (token) q.page_token = token;
          return q;
        });
        const answer = await this.request('POST', '/v1/querybatch', { queries });
        const results = answer !== null && typeof answer === 'object' && 'results' in answer ? answer.results : undefined;
        if (!Array.isArray(results) || results.length !== chunk.length) {
          throw new InfrastructureError(
            `OSV API (${this.baseUrl}) answered querybatch with ${Array.isArray(results) ? results.length : 'no'} results for ${chunk.length} queries`,
          );
        }
        chunk.forEach(({ index }, j) => {
          const r = (results[j] ?? {}) as BatchResult;
          for (const v of Array.isArray(r.vulns) ? r.vulns : []) {
            if (v && typeof v.id === 'string') (ids[index] as string[]).push(v.id);
          }
          if (typeof r.next_page_token === 'string' && r.next_page_token !== '') next.push({ index, token: r.next_page_token });
        });
      }
      pending = next;
    }
    return ids.map((l) => [...new Set(l)]);
  }

  private vuln(id: string): Promise<OsvRecord> {
    let p = this.records.get(id);
    if (!p) {
      p = this.request('GET', `/v1/vulns/${encodeURIComponent(id)}`).then((doc) => {
        const problems = recordProblems(doc);
        if (problems.length > 0) {
          throw new InfrastructureError(
            `OSV API (${this.baseUrl}) returned an invalid record for ${id}: ${problems.slice(0, 3).join('; ')}`,
          );
        }
        const record = doc as OsvRecord;
        const t = typeof record.modified === 'string' ? Date.parse(record.modified) : NaN;
        if (!Number.isNaN(t) && t > this.newestTime) this.newestTime = t;
        return record;
      });
      this.records.set(id, p);
      // A failed fetch must not poison the cache for a later scan.
      p.catch(() => this.records.delete(id));
    }
    return p;
  }

  private async request(method: 'GET' | 'POST', pathname: string, body?: unknown): Promise<unknown> {
    const service = `OSV API (${this.baseUrl})`;
    const request: HttpRequest = {
      url: `${this.baseUrl}${pathname}`,
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    };
    if (body !== undefined) request.body = JSON.stringify(body);
    let res: HttpResponse;
    try {
      // Core's one HTTP client: bounded retries with full jitter, Retry-After, one deadline, a byte limit.
      res = await httpRequest(request, {
        service: `${service} ${method} ${pathname}`,
        fetch: this.fetchFn,
        maxAttempts: this.attempts,
        baseDelayMs: this.retryDelayMs,
        attemptTimeoutMs: this.timeoutMs,
        deadlineMs: this.deadlineMs,
        maxBytes: this.maxBytes,
      });
    } catch (e: unknown) {
      if (!(e instanceof InfrastructureError)) throw e;
      this.logger.debug(`${service} ${method} ${pathname}: ${errorMessage(e)}`);
      throw new InfrastructureError(e.message, {
        cause: e,
        hint: 'check the network or use an offline OSV database (a folder or all.zip)',
      });
    }
    if (!res.ok) {
      // The body is not quoted: it is the service's (or a proxy's) text, not ours to echo into a log.
      throw new InfrastructureError(`${service} refused ${method} ${pathname}: HTTP ${res.status}`, {
        hint: 'check --osv-api points at an OSV API, or use an offline OSV database (a folder or all.zip)',
      });
    }
    try {
      return JSON.parse(res.bytes.toString('utf8')) as unknown;
    } catch {
      throw new InfrastructureError(`${service} answered ${method} ${pathname} with something that is not JSON`);
    }
  }
}
