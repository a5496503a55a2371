/**
 * Publishing bundles to the GitHub attestations API: `POST {api}/repos/{owner}/{repo}/attestations`
 * with `{"bundle": …}` → `{"id": …}`. The API URL is an input (GHES, and a local server in tests).
 */
import { ConfigurationError, httpRequest, InfrastructureError, type HttpPolicy, type HttpResponse } from '@secure-factory/core';
import type { SerializedBundle } from '@sigstore/bundle';

export interface PublishTarget {
  apiUrl: string;
  repository: string;
  token: string;
  /** Overrides of core's HTTP policy (deadline, attempts, byte limit); tests shorten them. */
  http?: Partial<Omit<HttpPolicy, 'service'>> | undefined;
}

const API_HEADERS = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };

/** GitHub's own error text (`{"message": …}`), short; never the raw body of something else. */
async function apiMessage(res: HttpResponse): Promise<string> {
  try {
    const m = ((await res.json()) as { message?: unknown } | null)?.message;
    return typeof m === 'string' ? `: ${m.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

/**
 * Requests go through core `httpRequest`: bounded full-jitter retries (408/429/5xx, resets, stalls,
 * truncated bodies), Retry-After, one deadline, a byte limit; what still fails is exit 3.
 */
function policy(target: PublishTarget, service: string, over: Partial<HttpPolicy> = {}): HttpPolicy {
  return { service, attemptTimeoutMs: 30_000, deadlineMs: 120_000, maxBytes: 1024 * 1024, ...over, ...target.http };
}

export async function publishAttestation(target: PublishTarget, bundle: SerializedBundle): Promise<string> {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(target.repository)) {
    throw new ConfigurationError(`"${target.repository}" is not an OWNER/REPO repository name`);
  }
  if (!target.token)
    throw new ConfigurationError('publishing attestations needs a GitHub token', {
      hint: 'grant `attestations: write` and pass github-token',
    });
  const url = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}/attestations`;
  // Publishing the same bundle twice stores it twice, harmlessly: 5xx answers are retried.
  const res = await httpRequest(
    {
      url,
      method: 'POST',
      headers: { ...API_HEADERS, Authorization: `Bearer ${target.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ bundle }),
    },
    policy(target, `the GitHub attestations API (${url})`),
  );
  if (res.ok) {
    const body = await res.json();
    const id = (body as { id?: unknown } | null)?.id;
    if (typeof id !== 'number' && typeof id !== 'string')
      throw new InfrastructureError(`the GitHub attestations API (${url}) answered without an id`);
    return String(id);
  }
  const last = `HTTP ${res.status}${await apiMessage(res)}`;
  if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 422) {
    throw new ConfigurationError(`the GitHub attestations API (${url}) refused the bundle: ${last}`, {
      hint: 'the job needs `permissions: attestations: write` (and `contents: read`)',
    });
  }
  throw new InfrastructureError(`the GitHub attestations API (${url}) failed: ${last}`);
}

/**
 * Attaches a file to the GitHub release of `tag`: `GET /repos/{repo}/releases/tags/{tag}` gives the
 * release's `upload_url`, then `POST {upload_url}?name=…` with the bytes. Returns the asset URL.
 */
export async function attachToRelease(target: PublishTarget, tag: string, name: string, data: Buffer): Promise<string> {
  const api = target.apiUrl.replace(/\/+$/, '');
  const headers = { ...API_HEADERS, Authorization: `Bearer ${target.token}` };
  const releaseUrl = `${api}/repos/${target.repository}/releases/tags/${encodeURIComponent(tag)}`;
  const res = await httpRequest({ url: releaseUrl, headers }, policy(target, `the GitHub releases API (${releaseUrl})`));
  if (res.status === 404)
    throw new ConfigurationError(`there is no GitHub release for the tag "${tag}" in ${target.repository}`, {
      hint: 'create the release first',
    });
  if (!res.ok) throw new InfrastructureError(`the GitHub releases API (${releaseUrl}) answered HTTP ${res.status}`);
  const release = (await res.json()) as { upload_url?: unknown } | null;
  if (typeof release?.upload_url !== 'string') throw new InfrastructureError(`the release ${tag} has no upload_url`);
  const uploadUrl = `${release.upload_url.replace(/\{.*\}$/, '')}?name=${encodeURIComponent(name)}`;
  // An upload that failed with a 5xx may have stored the asset; a retry would then be refused as a
  // duplicate name (422). Only a 429 or a connection that failed before an answer is retried.
  const up = await httpRequest(
    { url: uploadUrl, method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: new Uint8Array(data) },
    policy(target, `uploading ${name} to the release ${tag}`, { attemptTimeoutMs: 60_000, retryStatuses: [429] }),
  );
  if (!up.ok) {
    const err = `uploading ${name} to the release ${tag} failed: HTTP ${up.status}${await apiMessage(up)}`;
    if (up.status === 422) throw new ConfigurationError(err, { hint: 'an asset with this name already exists on the release' });
    throw new InfrastructureError(err);
  }
  const asset = (await up.json()) as { browser_download_url?: unknown } | null;
  return typeof asset?.browser_download_url === 'string' ? asset.browser_download_url : uploadUrl;
}
