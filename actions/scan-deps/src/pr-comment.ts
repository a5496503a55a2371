/**
 * One pull-request comment per review, updated in place on re-runs: the comment is found again by the
 * hidden marker its body starts with (REST: list issue comments, then PATCH it or POST a new one).
 */
import { httpRequest, InfrastructureError, type HttpPolicy } from '@secure-factory/core';

export interface CommentTarget {
  baseUrl: string;
  token: string;
  owner: string;
  repo: string;
  pullRequest: number;
  /** Overrides of core's HTTP policy (deadline, attempts, byte limit); tests shorten them. */
  http?: Partial<Omit<HttpPolicy, 'service'>> | undefined;
}

// GitHub lists at most 100 comments a page; 50 pages is 5,000 comments, far beyond a real PR.
const MAX_PAGES = 50;
// GitHub refuses comment bodies over 65,536 characters.
const MAX_BODY = 65_000;

async function call(t: CommentTarget, method: 'GET' | 'POST' | 'PATCH', route: string, body?: unknown): Promise<unknown> {
  // Core httpRequest: bounded full-jitter retries (408/429/5xx, resets, stalls, truncated bodies),
  // Retry-After, one deadline, a byte limit; a service that still fails is exit 3. A POST (a new
  // comment) is retried only on 429 or a connection that failed before an answer, never after a 5xx
  // that may have posted it.
  const res = await httpRequest(
    {
      url: `${t.baseUrl.replace(/\/+$/, '')}${route}`,
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${t.token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'secure-factory-scan-deps',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    },
    {
      service: 'the GitHub API (pull-request comments)',
      attemptTimeoutMs: 30_000,
      deadlineMs: 120_000,
      maxBytes: 32 * 1024 * 1024,
      ...(method === 'POST' ? { retryStatuses: [429] } : {}),
      ...t.http,
    },
  );
  if (!res.ok) {
    let message = '';
    try {
      const m = ((await res.json()) as { message?: unknown } | null)?.message;
      if (typeof m === 'string') message = ` ${m.slice(0, 200)}`;
    } catch {
      // not JSON: the body is not quoted
    }
    throw new InfrastructureError(`GitHub API ${method} ${route}: ${res.status}${message}`, {
      hint: res.status === 403 || res.status === 404 ? 'the job needs pull-requests: write to comment' : undefined,
    });
  }
  if (res.bytes.length === 0) return undefined;
  return res.json();
}

/** Creates the comment, or updates the one carrying `marker`; returns its id and whether it was new. */
export async function upsertComment(t: CommentTarget, marker: string, body: string): Promise<{ id: number; created: boolean }> {
  const text = body.length > MAX_BODY ? `${body.slice(0, MAX_BODY)}\n\n… (truncated; see the job summary)` : body;
  const base = `/repos/${encodeURIComponent(t.owner)}/${encodeURIComponent(t.repo)}/issues`;
  for (let page = 1; page <= MAX_PAGES; page++) {
    const list = await call(t, 'GET', `${base}/${t.pullRequest}/comments?per_page=100&page=${page}`);
    if (!Array.isArray(list)) throw new InfrastructureError(`GitHub API: the comments of #${t.pullRequest} are not a list`);
    const mine = list.find(
      (c: unknown) =>
        typeof c === 'object' &&
        c !== null &&
        typeof (c as { body?: unknown }).body === 'string' &&
        (c as { body: string }).body.startsWith(marker),
    ) as { id: number } | undefined;
    if (mine) {
      await call(t, 'PATCH', `${base}/comments/${mine.id}`, { body: text });
      return { id: mine.id, created: false };
    }
    if (list.length < 100) break;
  }
  const created = (await call(t, 'POST', `${base}/${t.pullRequest}/comments`, { body: text })) as { id?: number } | undefined;
  return { id: created?.id ?? 0, created: true };
}
