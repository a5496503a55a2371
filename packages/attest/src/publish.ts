/**
 * Publishing bundles to the GitHub attestations API: `POST {api}/repos/{owner}/{repo}/attestations`
 * with `{"bundle": …}` → `{"id": …}`. The API URL is an input (GHES, and a local server in tests).
 */
import { ConfigurationError, InfrastructureError } from '@secure-factory/core';
import type { SerializedBundle } from '@sigstore/bundle';

export interface PublishTarget {
  apiUrl: string;
  repository: string;
  token: string;
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
  let last = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 500 * 2 ** (attempt - 1)));
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${target.token}`,
          Accept: 'application/vnd.github+json',
          'Content-Type': 'application/json',
          'X-GitHub-Api-Version': '2022-11-28',
        },
        body: JSON.stringify({ bundle }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (e: unknown) {
      last = e instanceof Error ? e.message : String(e);
      continue;
    }
    const text = await res.text();
    if (res.ok) {
      const id = (JSON.parse(text || '{}') as { id?: unknown }).id;
      if (typeof id !== 'number' && typeof id !== 'string')
        throw new InfrastructureError(`the GitHub attestations API (${url}) answered without an id`);
      return String(id);
    }
    last = `HTTP ${res.status}: ${text.slice(0, 300)}`;
    if (res.status === 401 || res.status === 403 || res.status === 404 || res.status === 422) {
      throw new ConfigurationError(`the GitHub attestations API (${url}) refused the bundle: ${last}`, {
        hint: 'the job needs `permissions: attestations: write` (and `contents: read`)',
      });
    }
    if (res.status < 500 && res.status !== 429) break;
  }
  throw new InfrastructureError(`the GitHub attestations API (${url}) failed: ${last}`);
}

/**
 * Attaches a file to the GitHub release of `tag`: `GET /repos/{repo}/releases/tags/{tag}` gives the
 * release's `upload_url`, then `POST {upload_url}?name=…` with the bytes. Returns the asset URL.
 */
export async function attachToRelease(target: PublishTarget, tag: string, name: string, data: Buffer): Promise<string> {
  const api = target.apiUrl.replace(/\/+$/, '');
  const headers = { Authorization: `Bearer ${target.token}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
  const releaseUrl = `${api}/repos/${target.repository}/releases/tags/${encodeURIComponent(tag)}`;
  let res: Response;
  try {
    res = await fetch(releaseUrl, { headers, signal: AbortSignal.timeout(30_000) });
  } catch (e: unknown) {
    throw new InfrastructureError(`the GitHub releases API (${releaseUrl}) failed: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  if (res.status === 404)
    throw new ConfigurationError(`there is no GitHub release for the tag "${tag}" in ${target.repository}`, {
      hint: 'create the release first',
    });
  if (!res.ok) throw new InfrastructureError(`the GitHub releases API (${releaseUrl}) answered HTTP ${res.status}`);
  const release = (await res.json()) as { upload_url?: unknown };
  if (typeof release.upload_url !== 'string') throw new InfrastructureError(`the release ${tag} has no upload_url`);
  const uploadUrl = `${release.upload_url.replace(/\{.*\}$/, '')}?name=${encodeURIComponent(name)}`;
  let up: Response;
  try {
    up = await fetch(uploadUrl, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: new Uint8Array(data),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (e: unknown) {
    throw new InfrastructureError(`uploading ${name} to the release ${tag} failed: ${e instanceof Error ? e.message : String(e)}`, {
      cause: e,
    });
  }
  if (!up.ok) {
    const text = await up.text();
    const err = `uploading ${name} to the release ${tag} failed: HTTP ${up.status} ${text.slice(0, 200)}`;
    if (up.status === 422) throw new ConfigurationError(err, { hint: 'an asset with this name already exists on the release' });
    throw new InfrastructureError(err);
  }
  const asset = (await up.json()) as { browser_download_url?: unknown };
  return typeof asset.browser_download_url === 'string' ? asset.browser_download_url : uploadUrl;
}
