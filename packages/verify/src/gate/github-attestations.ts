/**
 * The GitHub attestations API, read side: `GET /repos/{owner}/{repo}/attestations/sha256:{hex}`
 * (paginated by the Link header). One small client with a configurable base URL, so tests point it at
 * a local server. Any failure throws: the gate fails closed rather than deciding on partial evidence.
 */
import { ConfigurationError, httpRequest, InfrastructureError, type HttpResponse } from '@secure-factory/core';
import { candidateFromJson, type CandidateBundle } from './candidate.js';

export interface GitHubAttestationsClient {
  list(digestHex: string): Promise<CandidateBundle[]>;
}

export interface GitHubAttestationsOptions {
  /** `https://api.github.com` (GITHUB_API_URL on GHES). */
  baseUrl: string;
  /** `owner/repo`. */
  repository: string;
  token?: string | undefined;
  timeoutMs?: number;
  /** At most this many pages of 100 per digest; a list longer than that is an error, never a partial answer. */
  maxPages?: number;
}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function gitHubAttestationsClient(options: GitHubAttestationsOptions): GitHubAttestationsClient {
  if (!REPO.test(options.repository)) {
    throw new ConfigurationError(`the repository "${options.repository}" is not OWNER/REPO`);
  }
  const base = options.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const timeout = options.timeoutMs ?? 30_000;

  // The core HTTP client: bounded retries with jitter for resets, stalls and 429/5xx, one deadline,
  // byte-limited bodies; what still fails is an InfrastructureError (exit 3) and the gate refuses.
  const get = (url: string): Promise<HttpResponse> =>
    httpRequest(
      { url, headers },
      {
        service: 'the GitHub attestations API',
        attemptTimeoutMs: timeout,
        deadlineMs: Math.max(timeout, 120_000),
        maxBytes: 64 * 1024 * 1024,
      },
    );

  return {
    async list(digestHex: string): Promise<CandidateBundle[]> {
      const out: CandidateBundle[] = [];
      const maxPages = options.maxPages ?? 50;
      let url: string | undefined = `${base}/repos/${options.repository}/attestations/sha256:${digestHex}?per_page=100`;
      for (let page = 0; url; page++) {
        // Read to the end or not at all: the gate never decides on the first N pages of a longer list.
        if (page === maxPages) {
          throw new InfrastructureError(
            `the GitHub attestations API lists more than ${maxPages} pages of 100 attestations for sha256:${digestHex}; the gate does not decide on a partial list`,
            { hint: "pass the run's own bundles (evidence folder) with fetch-attestations: false, or remove stale attestations" },
          );
        }
        const res = await get(url);
        if (res.status === 404) return out;
        if (res.status === 401 || res.status === 403) {
          throw new ConfigurationError(`the GitHub attestations API refused the request (HTTP ${res.status})`, {
            hint: 'give a token with `attestations: read` (or `contents: read`) on the repository',
          });
        }
        if (!res.ok) throw new InfrastructureError(`the GitHub attestations API answered HTTP ${res.status} for sha256:${digestHex}`);
        const body = (await res.json()) as { attestations?: unknown } | null;
        const list: unknown = body === null || typeof body !== 'object' ? undefined : (body.attestations ?? []);
        if (!Array.isArray(list)) {
          throw new InfrastructureError('the GitHub attestations API answered without an attestations list', {
            hint: 'the API or a proxy in between returned something else; retry later',
          });
        }
        for (const [i, entry] of list.entries()) {
          // A list holding null or a non-object is a broken answer, not "no evidence": fail closed with exit 3.
          if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
            throw new InfrastructureError(`the GitHub attestations API listed an entry #${page * 100 + i} that is not an object`, {
              hint: 'retry later; the gate does not decide on a broken list',
            });
          }
          const a = entry as { bundle?: unknown; bundle_url?: unknown };
          const origin = `${url.split('?')[0]}#${page * 100 + i}`;
          if (a.bundle !== undefined && a.bundle !== null) out.push(parsed(origin, JSON.stringify(a.bundle)));
          else if (typeof a.bundle_url === 'string' && a.bundle_url !== '') {
            const r = await get(a.bundle_url);
            if (!r.ok) throw new InfrastructureError(`cannot download an attestation bundle (HTTP ${r.status})`);
            out.push(parsed(a.bundle_url, await r.text()));
          }
        }
        url = nextLink(res.headers.get('link'));
      }
      return out;
    },
  };
}

/** A bundle the API served that is not JSON or not a bundle is a broken answer (exit 3), as in gh. */
function parsed(origin: string, text: string): CandidateBundle {
  try {
    return candidateFromJson(origin, text);
  } catch (e: unknown) {
    // JSON.parse's message quotes the bytes: say only what it is.
    const what = e instanceof SyntaxError ? 'is not JSON' : `is not a Sigstore bundle (${(e as Error).message})`;
    throw new InfrastructureError(`the GitHub attestations API served a bundle that ${what}: ${origin.split('?')[0]}`, {
      hint: 'retry later; the gate does not decide on a broken answer',
    });
  }
}

function nextLink(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="next"/.exec(part);
    if (m) return m[1];
  }
  return undefined;
}
