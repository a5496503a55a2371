/**
 * Octokit's `fetch`, routed through core's one HTTP client (bounded full-jitter retries, Retry-After,
 * one deadline per call, a byte limit). The same adapter as the source package's GitHub client; the
 * rescan package does not depend on source, so it is repeated here rather than imported.
 */
import { Octokit } from '@octokit/core';
import { httpRequest, TOOL_NAME, TOOL_VERSION, type HttpPolicy, type HttpRequest } from '@secure-factory/core';

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function coreFetch(policy: HttpPolicy): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    // PATCH and DELETE pass through as they are (core's type names the common methods only).
    const req: HttpRequest = { url, method: (init?.method ?? 'GET').toUpperCase() as NonNullable<HttpRequest['method']> };
    if (init?.headers) req.headers = Object.fromEntries(new Headers(init.headers).entries());
    if (typeof init?.body === 'string' || init?.body instanceof Uint8Array) req.body = init.body;
    // A POST (a commit, a ref, a pull request) is retried only on 429: a 5xx may come after GitHub
    // made the object, and a retry would make it twice.
    const res = await httpRequest(req, req.method === 'POST' ? { ...policy, retryStatuses: [429] } : policy);
    return new Response(NULL_BODY.has(res.status) ? null : new Uint8Array(res.bytes), { status: res.status, headers: res.headers });
  };
}

export function githubOctokit(target: { token: string; baseUrl: string }, http: Partial<HttpPolicy> = {}): Octokit {
  return new Octokit({
    auth: target.token,
    baseUrl: target.baseUrl.replace(/\/+$/, ''),
    userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
    request: { fetch: coreFetch({ service: 'the GitHub API', maxBytes: 64 * 1024 * 1024, ...http }), retries: 0 },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}
