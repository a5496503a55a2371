/**
 * A `fetch` for libraries that take one (Octokit's `request.fetch`), routed through core's one HTTP
 * client: bounded full-jitter retries on 408/429/5xx, resets, stalls and truncated bodies, Retry-After
 * honoured, one deadline per call, a byte limit. When the service still fails, the library sees the
 * InfrastructureError (exit 3) thrown by its fetch, never a partial answer.
 */
import { httpRequest, type HttpPolicy, type HttpRequest } from './http.js';

/** Statuses whose Response must not carry a body (the Response constructor refuses one). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export interface HttpFetchOptions {
  /**
   * Statuses a POST is retried on, when it differs from the policy's: a POST that creates something (a
   * commit, a ref, a pull request) is retried only on 429, because a 5xx may come after the service
   * made the object and a retry would make it twice.
   */
  postRetryStatuses?: readonly number[];
}

export function httpFetch(policy: HttpPolicy, options: HttpFetchOptions = {}): typeof fetch {
  const postPolicy: HttpPolicy = options.postRetryStatuses ? { ...policy, retryStatuses: options.postRetryStatuses } : policy;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const req: HttpRequest = { url, method: (init?.method ?? 'GET').toUpperCase() as NonNullable<HttpRequest['method']> };
    if (init?.headers) req.headers = Object.fromEntries(new Headers(init.headers).entries());
    if (typeof init?.body === 'string' || init?.body instanceof Uint8Array) req.body = init.body;
    // PATCH and DELETE pass through as they are.
    const res = await httpRequest(req, req.method === 'POST' ? postPolicy : policy);
    return new Response(NULL_BODY.has(res.status) ? null : new Uint8Array(res.bytes), { status: res.status, headers: res.headers });
  };
}
