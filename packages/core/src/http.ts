/**
 * The shared HTTP client for the factory's network services (GitHub API, OSV, Sigstore, OIDC, cache,
 * registries). One place decides what a flaky service may do to a run:
 *   - retries only on what is worth retrying (connection resets and refusals, stalls, truncated bodies,
 *     408/429/500/502/503/504), at most `maxAttempts` times, with full-jitter exponential backoff;
 *   - `Retry-After` (seconds or an HTTP date) is honoured, capped, and never waited past the deadline;
 *   - one overall deadline covers every attempt, backoff and body read; each attempt also has its own
 *     timeout, so a server that accepts and then stalls cannot hang a stage;
 *   - a body is read with a byte limit (an endless or oversized answer is refused, not buffered);
 *   - when the service still fails, an InfrastructureError (exit 3) names the service and the last
 *     reason — never a response the caller could mistake for success, never the body's text.
 */
import { InfrastructureError } from './errors.js';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface HttpPolicy {
  /** Named in every error: "the GitHub attestations API". */
  service: string;
  /** Everything (attempts, waits, body reads) ends by then. Default 60 s. */
  deadlineMs?: number;
  /** One attempt, headers and body. Default 20 s. */
  attemptTimeoutMs?: number;
  /** Default 4. */
  maxAttempts?: number;
  /** Largest body accepted. Default 32 MiB. */
  maxBytes?: number;
  /** Statuses worth another attempt. Default 408, 429, 500, 502, 503, 504. */
  retryStatuses?: readonly number[];
  /** Backoff: base and cap of the full-jitter delay. Defaults 250 ms and 8 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Test seams. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  url: string;
  headers: Headers;
  /** How many attempts it took. */
  attempts: number;
  bytes: Buffer;
  text(): Promise<string>;
  /** Parsed JSON; something else is an InfrastructureError that does not quote the body. */
  json(): Promise<unknown>;
}

const DEFAULT_RETRY = [408, 429, 500, 502, 503, 504] as const;

class Retryable extends Error {}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retry-After: delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^[0-9]{1,9}$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function reasonOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return cause.code;
  if (cause?.message) return cause.message.split('\n')[0] ?? 'error';
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'no answer in time';
  if (e instanceof Error) return e.message.split('\n')[0] ?? e.name;
  return String(e);
}

async function readBounded(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new InfrastructureError(`answered with ${declared} bytes, more than the limit of ${maxBytes}`);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      let r: Awaited<ReturnType<typeof reader.read>>;
      try {
        r = await reader.read();
      } catch (e: unknown) {
        // The connection closed or stalled mid-body: a truncated answer, worth another attempt.
        throw new Retryable(`the answer was cut off (${reasonOf(e)})`);
      }
      if (r.done) break;
      total += r.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new InfrastructureError(`answered with more than the limit of ${maxBytes} bytes`);
      }
      chunks.push(Buffer.from(r.value));
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/** One request under the policy above. Non-retryable answers (2xx, 3xx, most 4xx) are returned as they are. */
export async function httpRequest(request: HttpRequest, policy: HttpPolicy): Promise<HttpResponse> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? delay;
  const random = policy.random ?? Math.random;
  const doFetch = policy.fetch ?? fetch;
  const deadlineMs = policy.deadlineMs ?? 60_000;
  const attemptTimeoutMs = policy.attemptTimeoutMs ?? 20_000;
  const maxAttempts = Math.max(1, policy.maxAttempts ?? 4);
  const maxBytes = policy.maxBytes ?? 32 * 1024 * 1024;
  const retryStatuses = new Set(policy.retryStatuses ?? DEFAULT_RETRY);
  const base = policy.baseDelayMs ?? 250;
  const cap = policy.maxDelayMs ?? 8_000;
  const started = now();
  const deadline = started + deadlineMs;
  let last = 'no attempt was made';
  const fail = (attempts: number, extra = ''): InfrastructureError =>
    new InfrastructureError(`${policy.service} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}${extra}: ${last}`, {
      hint: `${policy.service} is unavailable; retry later — nothing was decided on a partial answer`,
    });

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const remaining = deadline - now();
    if (remaining <= 0) throw fail(attempt - 1, ` within ${deadlineMs} ms`);
    let retryAfter: number | undefined;
    try {
      const init: RequestInit = {
        method: request.method ?? 'GET',
        signal: AbortSignal.timeout(Math.min(attemptTimeoutMs, remaining)),
        redirect: 'follow',
      };
      if (request.headers) init.headers = request.headers;
      if (request.body !== undefined) init.body = request.body;
      let res: Response;
      try {
        res = await doFetch(request.url, init);
      } catch (e: unknown) {
        throw new Retryable(`cannot reach ${policy.service} (${reasonOf(e)})`);
      }
      if (retryStatuses.has(res.status)) {
        retryAfter = retryAfterMs(res.headers.get('retry-after'), now());
        await res.body?.cancel().catch(() => undefined);
        throw new Retryable(`HTTP ${res.status}`);
      }
      const bytes = await readBounded(res, maxBytes);
      return {
        status: res.status,
        ok: res.ok,
        url: res.url || request.url,
        headers: res.headers,
        attempts: attempt,
        bytes,
        text: async () => bytes.toString('utf8'),
        json: async () => {
          try {
            return JSON.parse(bytes.toString('utf8')) as unknown;
          } catch {
            throw new InfrastructureError(`${policy.service} answered HTTP ${res.status} with something that is not JSON`, {
              hint: 'the service or a proxy in between returned an error page; retry later',
            });
          }
        },
      };
    } catch (e: unknown) {
      if (!(e instanceof Retryable)) {
        if (e instanceof InfrastructureError) {
          last = e.message;
          throw fail(attempt);
        }
        throw e;
      }
      last = e.message;
    }
    if (attempt === maxAttempts) break;
    // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): uniform in [0, min(cap, base·2^n)].
    let wait = Math.floor(random() * Math.min(cap, base * 2 ** (attempt - 1)));
    if (retryAfter !== undefined) wait = Math.max(wait, Math.min(retryAfter, cap));
    if (retryAfter !== undefined && retryAfter > deadline - now()) {
      throw fail(attempt, `; it asked to retry after ${Math.ceil(retryAfter / 1000)} s, past the deadline`);
    }
    if (now() + wait >= deadline) throw fail(attempt, ` within ${deadlineMs} ms`);
    await sleep(wait);
  }
  throw fail(maxAttempts);
}
