/**
 * The GitHub REST API calls the source checks make, behind a small interface with one Octokit
 * implementation and a configurable base URL (tests point it at a local server). Every call returns
 * either a value or a reason it could not be read; a missing permission is named, never a pass.
 */
import { Octokit } from '@octokit/core';
import { httpFetch, TOOL_NAME, TOOL_VERSION, type HttpPolicy } from '@secure-factory/core';

export interface GitHubOptions {
  token?: string | undefined;
  /** e.g. https://api.github.com, or http://127.0.0.1:PORT in tests. */
  baseUrl?: string | undefined;
  owner: string;
  repo: string;
  /** The ref being built, e.g. refs/heads/main or refs/pull/7/merge. */
  ref?: string | undefined;
  /** The base branch of a pull request (refs/heads/main or main). */
  baseRef?: string | undefined;
  /** Overrides of core's HTTP policy (deadline, attempts, byte limit); tests shorten them. */
  http?: Partial<Omit<HttpPolicy, 'service'>> | undefined;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

export interface CommitVerification {
  verified: boolean;
  reason: string;
  signature: string | null;
  payload: string | null;
}

export interface PullRequestInfo {
  number: number;
  state: string;
  author: string;
  headSha: string;
  baseRef: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  url: string;
}

export interface ReviewInfo {
  user: string;
  state: string;
  commitId: string;
  submittedAt: string;
}

export interface RuleInfo {
  type: string;
  parameters: Record<string, unknown>;
  source?: string;
}

export interface CheckInfo {
  name: string;
  status: string;
  conclusion: string | null;
  appId?: number;
}

export interface GitHubClient {
  readonly owner: string;
  readonly repo: string;
  commitVerification(sha: string): Promise<ApiResult<CommitVerification>>;
  /** GitHub logins of a commit's author and committer (empty when GitHub cannot link them to an account). */
  commitUsers(sha: string): Promise<ApiResult<{ author: string; committer: string }>>;
  pullsForCommit(sha: string): Promise<ApiResult<PullRequestInfo[]>>;
  pull(pull: number): Promise<ApiResult<PullRequestInfo>>;
  reviews(pull: number): Promise<ApiResult<ReviewInfo[]>>;
  pullFiles(pull: number): Promise<ApiResult<string[]>>;
  branchRules(branch: string): Promise<ApiResult<RuleInfo[]>>;
  /** Classic branch protection, translated into the equivalent rule types (needs administration: read). */
  classicProtection(branch: string): Promise<ApiResult<RuleInfo[]>>;
  checkRuns(sha: string): Promise<ApiResult<CheckInfo[]>>;
  statuses(sha: string): Promise<ApiResult<{ context: string; state: string }[]>>;
  teamMembers(org: string, team: string): Promise<ApiResult<string[]>>;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function failure(e: unknown): { ok: false; status: number; message: string } {
  // Octokit reports a failed connection as status 500 without a response: that is "not reached", not an answer.
  const answered = typeof e === 'object' && e !== null && (e as { response?: unknown }).response !== undefined;
  const status = answered && typeof (e as { status?: unknown }).status === 'number' ? (e as { status: number }).status : 0;
  const message = e instanceof Error ? e.message : String(e);
  return { ok: false, status, message: message.split('\n')[0] ?? message };
}

/** Lists are read to their end (Link rel="next"); a longer list is "could not verify", never a partial answer. */
export const MAX_PAGES = 50;

function hasNext(link: string | undefined): boolean {
  return link !== undefined && /<[^>]*>\s*;\s*rel="next"/.test(link);
}

function pullInfo(p: Json): PullRequestInfo {
  return {
    number: typeof p.number === 'number' ? p.number : 0,
    state: str(p.state),
    author: str(obj(p.user).login),
    headSha: str(obj(p.head).sha),
    baseRef: str(obj(p.base).ref),
    mergedAt: typeof p.merged_at === 'string' ? p.merged_at : null,
    mergeCommitSha: typeof p.merge_commit_sha === 'string' ? p.merge_commit_sha : null,
    url: str(p.html_url),
  };
}

export function createGitHubClient(opts: GitHubOptions): GitHubClient {
  const octokit = new Octokit({
    // Octokit's fetch through core's one HTTP client: a service that still fails surfaces as "not reached".
    request: { fetch: httpFetch({ service: 'the GitHub API', maxBytes: 32 * 1024 * 1024, ...opts.http }) },
    ...(opts.token ? { auth: opts.token } : {}),
    baseUrl: (opts.baseUrl ?? 'https://api.github.com').replace(/\/+$/, ''),
    userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const base = { owner: opts.owner, repo: opts.repo };

  async function request(route: string, params: Record<string, unknown>): Promise<ApiResult<{ data: unknown; link?: string }>> {
    try {
      const r = await octokit.request(route, { ...base, ...params, headers: { 'x-github-api-version': '2022-11-28' } });
      return { ok: true, value: { data: r.data, ...(typeof r.headers.link === 'string' ? { link: r.headers.link } : {}) } };
    } catch (e: unknown) {
      return failure(e);
    }
  }

  async function get(route: string, params: Record<string, unknown>): Promise<ApiResult<unknown>> {
    const r = await request(route, params);
    return r.ok ? { ok: true, value: r.value.data } : r;
  }

  async function list(route: string, params: Record<string, unknown>, key?: string): Promise<ApiResult<unknown[]>> {
    const out: unknown[] = [];
    for (let page = 1; ; page++) {
      if (page > MAX_PAGES) {
        return {
          ok: false,
          status: 200,
          message: `the list is longer than ${MAX_PAGES} pages of 100 (${route.replace(/^GET /, '')}); nothing is decided on part of it`,
        };
      }
      const r = await request(route, { ...params, per_page: 100, page });
      if (!r.ok) return r;
      const items = key === undefined ? arr(r.value.data) : arr(obj(r.value.data)[key]);
      out.push(...items);
      // GitHub says whether more follows in the Link header; without one, a short page is the last.
      if (r.value.link !== undefined ? !hasNext(r.value.link) : items.length < 100) break;
    }
    return { ok: true, value: out };
  }

  function map<T>(r: ApiResult<unknown[]>, f: (v: Json) => T): ApiResult<T[]> {
    return r.ok ? { ok: true, value: r.value.map((v) => f(obj(v))) } : r;
  }

  return {
    owner: opts.owner,
    repo: opts.repo,
    async commitVerification(sha) {
      const r = await get('GET /repos/{owner}/{repo}/commits/{ref}', { ref: sha });
      if (!r.ok) return r;
      const v = obj(obj(obj(r.value).commit).verification);
      if (str(obj(r.value).sha) !== sha)
        return { ok: false, status: 200, message: `the API answered for commit ${str(obj(r.value).sha) || '(none)'}, not ${sha}` };
      return {
        ok: true,
        value: {
          verified: v.verified === true,
          reason: str(v.reason),
          signature: typeof v.signature === 'string' ? v.signature : null,
          payload: typeof v.payload === 'string' ? v.payload : null,
        },
      };
    },
    async commitUsers(sha) {
      const r = await get('GET /repos/{owner}/{repo}/commits/{ref}', { ref: sha });
      if (!r.ok) return r;
      const c = obj(r.value);
      return { ok: true, value: { author: str(obj(c.author).login).toLowerCase(), committer: str(obj(c.committer).login).toLowerCase() } };
    },
    async pullsForCommit(sha) {
      return map(await list('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { commit_sha: sha }), pullInfo);
    },
    async pull(n) {
      const r = await get('GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: n });
      return r.ok ? { ok: true, value: pullInfo(obj(r.value)) } : r;
    },
    async reviews(pull) {
      return map(await list('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { pull_number: pull }), (r) => ({
        user: str(obj(r.user).login),
        state: str(r.state),
        commitId: str(r.commit_id),
        submittedAt: str(r.submitted_at),
      }));
    },
    async pullFiles(pull) {
      const r = await list('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { pull_number: pull });
      return r.ok ? { ok: true, value: r.value.map((f) => str(obj(f).filename)).filter(Boolean) } : r;
    },
    async branchRules(branch) {
      return map(await list('GET /repos/{owner}/{repo}/rules/branches/{branch}', { branch }), (r) => ({
        type: str(r.type),
        parameters: obj(r.parameters),
        ...(typeof r.ruleset_source === 'string' ? { source: r.ruleset_source } : {}),
      }));
    },
    async classicProtection(branch) {
      const r = await get('GET /repos/{owner}/{repo}/branches/{branch}/protection', { branch });
      if (!r.ok) return r;
      const p = obj(r.value);
      const enabled = (v: unknown): boolean => obj(v).enabled === true;
      const source = 'classic branch protection';
      const rules: RuleInfo[] = [];
      // Classic protection blocks force pushes and deletion unless they are explicitly allowed.
      if (!enabled(p.allow_force_pushes)) rules.push({ type: 'non_fast_forward', parameters: {}, source });
      if (!enabled(p.allow_deletions)) rules.push({ type: 'deletion', parameters: {}, source });
      if (enabled(p.required_signatures)) rules.push({ type: 'required_signatures', parameters: {}, source });
      const reviews = obj(p.required_pull_request_reviews);
      if (Object.keys(reviews).length > 0) {
        rules.push({
          type: 'pull_request',
          parameters: {
            required_approving_review_count:
              typeof reviews.required_approving_review_count === 'number' ? reviews.required_approving_review_count : 0,
            require_code_owner_review: reviews.require_code_owner_reviews === true,
          },
          source,
        });
      }
      const checks = obj(p.required_status_checks);
      if (Object.keys(checks).length > 0) {
        const contexts = [...arr(checks.checks).map((c) => str(obj(c).context)), ...arr(checks.contexts).map(str)].filter(Boolean);
        rules.push({
          type: 'required_status_checks',
          parameters: { required_status_checks: [...new Set(contexts)].map((context) => ({ context })) },
          source,
        });
      }
      return { ok: true, value: rules };
    },
    async checkRuns(sha) {
      return map(await list('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ref: sha }, 'check_runs'), (c) => ({
        name: str(c.name),
        status: str(c.status),
        conclusion: typeof c.conclusion === 'string' ? c.conclusion : null,
        ...(typeof obj(c.app).id === 'number' ? { appId: obj(c.app).id as number } : {}),
      }));
    },
    async statuses(sha) {
      // The combined status pages its `statuses` like any list (30 by default).
      const r = await list('GET /repos/{owner}/{repo}/commits/{ref}/status', { ref: sha }, 'statuses');
      return r.ok ? { ok: true, value: r.value.map((s) => ({ context: str(obj(s).context), state: str(obj(s).state) })) } : r;
    },
    async teamMembers(org, team) {
      const r = await list('GET /orgs/{org}/teams/{team_slug}/members', { org, team_slug: team });
      return r.ok ? { ok: true, value: r.value.map((m) => str(obj(m).login).toLowerCase()).filter(Boolean) } : r;
    },
  };
}

/** "could not verify X: the token lacks Y" for a failed call; other failures say what happened. */
export function couldNotVerify(what: string, permission: string, r: { status: number; message: string }): string {
  if (r.status === 403 || r.status === 404)
    return `could not verify ${what}: the token lacks ${permission} (HTTP ${r.status}: ${r.message})`;
  if (r.status === 401) return `could not verify ${what}: the token was refused (HTTP 401: ${r.message})`;
  if (r.status === 0) return `could not verify ${what}: the GitHub API could not be reached (${r.message})`;
  if (r.status === 200) return `could not verify ${what}: ${r.message}`;
  return `could not verify ${what}: the GitHub API answered HTTP ${r.status} (${r.message})`;
}
