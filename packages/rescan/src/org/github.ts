/**
 * Reads an organisation's deployment records through the GitHub REST API: every repository
 * (GET /orgs/{org}/repos, followed page by page to the end of its Link header), and in each the evidence
 * branch the factory's gate publishes to (`runs/<run>/evidence/` with `deployments/*.json`, statements
 * and their Sigstore bundles), read as one recursive git tree and the blobs it names.
 *
 * Fails closed: a page that fails, a truncated tree, a blob whose git hash does not match what the tree
 * said, or a path that is not a plain relative name is an InfrastructureError naming the repository —
 * never a shorter list. A repository without the evidence branch is reported as such (it deploys nothing
 * through the factory).
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Octokit } from '@octokit/core';
import { InfrastructureError, STATEMENT_SUFFIX, BUNDLE_SUFFIX, writeFileAtomic, type Logger } from '@secure-factory/core';
import { RECORD_NAME } from '@secure-factory/verify';

export interface OrgSource {
  org: string;
  token: string;
  /** https://api.github.com, or a local server in tests. */
  baseUrl: string;
  /** Default `secure-factory/evidence`. */
  evidenceBranch?: string;
}

export interface RepoListing {
  /** owner/name */
  repository: string;
  archived: boolean;
  defaultBranch?: string;
}

export interface CollectedRepo {
  repository: string;
  status: 'collected' | 'no-evidence-branch';
  /** Files written under `<dest>/<owner>/<repo>/`. */
  files: number;
  bytes: number;
}

const MAX_PAGES = 1000;
const MAX_BLOB_BYTES = 256 * 1024 * 1024;
/** runs/<run>/evidence/<name>.intoto.json | .sigstore.json | deployments/<record>.json */
const RUN_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const STATEMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export function octokitFor(source: Pick<OrgSource, 'token' | 'baseUrl'>): Octokit {
  return new Octokit({ auth: source.token, baseUrl: source.baseUrl.replace(/\/$/, ''), request: { retries: 0 } });
}

function apiError(what: string, e: unknown): InfrastructureError {
  const status = (e as { status?: number }).status;
  return new InfrastructureError(`GitHub API: ${what} failed${status ? ` (HTTP ${status})` : ''}: ${(e as Error).message}`, {
    hint:
      status === 401 || status === 403 || status === 404
        ? 'the token needs metadata: read and contents: read on every repository of the organisation'
        : 'nothing was rescanned: a partial list of repositories would hide deployed artefacts',
    cause: e,
  });
}

async function call<T>(
  what: string,
  fn: () => Promise<{ data: T; headers: Record<string, unknown> }>,
): Promise<{ data: T; headers: Record<string, unknown> }> {
  try {
    return await fn();
  } catch (e: unknown) {
    throw apiError(what, e);
  }
}

/** Every repository of the organisation, following the Link header to the last page. */
export async function listOrgRepos(octokit: Octokit, org: string): Promise<RepoListing[]> {
  const out: RepoListing[] = [];
  const seen = new Set<string>();
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES)
      throw new InfrastructureError(`GitHub API: listing the repositories of ${org} did not end after ${MAX_PAGES} pages`);
    const { data, headers } = await call(`listing the repositories of ${org} (page ${page})`, () =>
      octokit.request('GET /orgs/{org}/repos', { org, type: 'all', sort: 'full_name', per_page: 100, page }),
    );
    if (!Array.isArray(data))
      throw new InfrastructureError(`GitHub API: listing the repositories of ${org} (page ${page}) did not answer a list`);
    for (const r of data as { full_name?: unknown; archived?: unknown; default_branch?: unknown }[]) {
      if (typeof r.full_name !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(r.full_name))
        throw new InfrastructureError(`GitHub API: a repository of ${org} (page ${page}) has no valid full_name`);
      if (seen.has(r.full_name)) continue; // a repository created while paging shifts the pages
      seen.add(r.full_name);
      out.push({
        repository: r.full_name,
        archived: r.archived === true,
        ...(typeof r.default_branch === 'string' ? { defaultBranch: r.default_branch } : {}),
      });
    }
    const link = typeof headers.link === 'string' ? headers.link : '';
    if (!/rel="next"/.test(link)) break;
  }
  return out.sort((a, b) => a.repository.localeCompare(b.repository));
}

/** The evidence files of interest: a (run, relative path) or undefined. */
export function evidencePath(p: string): { run: string; rel: string } | undefined {
  const parts = p.split('/');
  if (parts[0] !== 'runs' || parts[2] !== 'evidence' || !RUN_SEGMENT.test(parts[1] ?? '')) return undefined;
  if (parts.length === 4) {
    const f = parts[3] as string;
    if ((f.endsWith(STATEMENT_SUFFIX) || f.endsWith(BUNDLE_SUFFIX)) && STATEMENT_NAME.test(f)) return { run: parts[1] as string, rel: f };
  }
  if (parts.length === 5 && parts[3] === 'deployments' && RECORD_NAME.test(parts[4] as string))
    return { run: parts[1] as string, rel: `deployments/${parts[4]}` };
  return undefined;
}

const gitBlobSha1 = (bytes: Buffer): string => createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');

/**
 * Copies the evidence of every run that holds deployment records into
 * `<dest>/<owner>/<repo>/runs/<run>/evidence/`, the layout the single-repository rescan reads.
 */
export async function collectRepoEvidence(
  octokit: Octokit,
  repository: string,
  branch: string,
  dest: string,
  logger: Logger,
): Promise<CollectedRepo> {
  const [owner, repo] = repository.split('/') as [string, string];
  let tree: { tree: { path: string; type: string; sha: string; size?: number }[]; truncated: boolean };
  try {
    tree = (await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner, repo, tree_sha: branch, recursive: '1' }))
      .data;
  } catch (e: unknown) {
    const status = (e as { status?: number }).status;
    // 404 (no such branch) and 409 (an empty repository) both mean: nothing was ever published.
    if (status === 404 || status === 409) return { repository, status: 'no-evidence-branch', files: 0, bytes: 0 };
    throw apiError(`reading ${branch} of ${repository}`, e);
  }
  if (tree.truncated)
    throw new InfrastructureError(`GitHub API: the tree of ${branch} in ${repository} is truncated (over GitHub's 100,000 entries)`, {
      hint: 'prune old runs from the evidence branch (keep the runs still deployed), then rerun',
    });
  const wanted = tree.tree
    .filter((e) => e.type === 'blob')
    .map((e) => ({ e, at: evidencePath(e.path) }))
    .filter((x): x is { e: (typeof tree.tree)[number]; at: { run: string; rel: string } } => x.at !== undefined);
  const runsWithRecords = new Set(wanted.filter((w) => w.at.rel.startsWith('deployments/')).map((w) => w.at.run));
  let files = 0;
  let bytes = 0;
  for (const { e, at } of wanted) {
    if (!runsWithRecords.has(at.run)) continue;
    if ((e.size ?? 0) > MAX_BLOB_BYTES)
      throw new InfrastructureError(`${repository}:${e.path} is ${e.size} bytes, over the limit of ${MAX_BLOB_BYTES}`);
    const { data } = await call(`reading ${repository}:${e.path}`, () =>
      octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner, repo, file_sha: e.sha }),
    );
    const blob = data as { content?: string; encoding?: string };
    if (blob.encoding !== 'base64' || typeof blob.content !== 'string')
      throw new InfrastructureError(`GitHub API: ${repository}:${e.path} did not come back base64-encoded`);
    const content = Buffer.from(blob.content, 'base64');
    if (gitBlobSha1(content) !== e.sha)
      throw new InfrastructureError(`GitHub API: ${repository}:${e.path} does not hash to the blob ${e.sha} its tree names`);
    const file = path.join(dest, owner, repo, 'runs', at.run, 'evidence', ...at.rel.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, content);
    files++;
    bytes += content.length;
  }
  logger.info(`${repository}: ${runsWithRecords.size} run(s) with deployment records, ${files} file(s) collected`);
  return { repository, status: 'collected', files, bytes };
}

/** Lists the organisation and collects every repository's evidence into `dest`. */
export async function collectOrg(
  source: OrgSource,
  dest: string,
  logger: Logger,
): Promise<{ repos: RepoListing[]; collected: CollectedRepo[] }> {
  const octokit = octokitFor(source);
  const repos = await listOrgRepos(octokit, source.org);
  logger.info(`${source.org}: ${repos.length} repositor${repos.length === 1 ? 'y' : 'ies'}`);
  const collected: CollectedRepo[] = [];
  for (const r of repos)
    collected.push(await collectRepoEvidence(octokit, r.repository, source.evidenceBranch ?? 'secure-factory/evidence', dest, logger));
  return { repos, collected };
}
