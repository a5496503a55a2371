/**
 * Octokit for the rescan's writes (issues, remediation pull requests), its `fetch` routed through core's
 * one HTTP client (bounded full-jitter retries, Retry-After, one deadline per call, a byte limit).
 */
import { Octokit } from '@octokit/core';
import { httpFetch, TOOL_NAME, TOOL_VERSION, type HttpPolicy } from '@secure-factory/core';

/** core's `httpFetch`, with a POST (a commit, a ref, a pull request, an issue) retried only on 429. */
export function coreFetch(policy: HttpPolicy): typeof fetch {
  return httpFetch(policy, { postRetryStatuses: [429] });
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
