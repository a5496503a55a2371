/**
 * Remediation pull requests: for each open advisory with a fixed version, one pull request per
 * repository on the branch `secure-factory/fix-<advisory>`, moving every vulnerable instance of the
 * package to its lowest fixed version in the repository's npm lockfiles with npm itself
 * (lockfile-update.ts). One pull request per advisory, like Dependabot's security updates (one per
 * vulnerable dependency) and Renovate's vulnerability branches: it reviews, builds and reverts on its
 * own, and it matches the one remediation issue it refers to.
 *
 * Made with the GitHub REST API only (no git push, no credentials on disk): the default branch's tree
 * and blobs are read (every blob hashed against its git id), the changed files are written as blobs, a
 * tree on the default branch's tree and a commit whose parent is the default branch's head; the branch
 * is created or moved to it, and the pull request opened or updated in place. The next rescan rebuilds
 * the change from the then-current default branch: no duplicate branches or pull requests, and nothing
 * new when nothing changed.
 *
 * The pull request refers to the remediation issue without a closing keyword ("Remediates #N", not
 * "Fixes #N"): merging it does not stop the clock. The issue and its clock close when the rescan sees a
 * deployment of a digest without the advisory admitted by the gate.
 *
 * Fails closed, per advisory: npm failing, a fix npm cannot reach, a branch holding a commit the factory
 * did not make, or an API error gives a `failed` result with the reason (the issue stays open; the CLI
 * exits 3). A pull request a person closed without merging is not reopened (`declined`).
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Octokit } from '@octokit/core';
import {
  code,
  errorMessage,
  InfrastructureError,
  md,
  table,
  type HttpPolicy,
  type Logger,
  type Remediation,
  type Severity,
} from '@secure-factory/core';
import { githubOctokit } from './github-fetch.js';
import { updateNpmLockfile, SUPPORTED_ECOSYSTEMS, type LockfileChange, type NpmToolOptions, type PackageFix } from './lockfile-update.js';
import type { RescanMatch } from './remediation.js';

export const FIX_BRANCH_PREFIX = 'secure-factory/fix-';
/** A trailer in every commit the factory makes on a fix branch; a branch without it belongs to a person. */
export const FIX_TRAILER = 'Secure-Factory-Remediation:';
const MAX_PAGES = 50;
const MAX_LOCKFILES = 50;
const ADVISORY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

export interface FixPrTarget {
  owner: string;
  repo: string;
  token: string;
  /** https://api.github.com, or a local server in tests. */
  baseUrl: string;
}

export interface FixRequest {
  advisory: string;
  aliases: string[];
  severity: Severity;
  deadline: string;
  packages: PackageFix[];
  /** The remediation issues this fixes (numbers in the same repository). */
  issues: number[];
}

export type FixPrStatus = 'opened' | 'updated' | 'unchanged' | 'already-fixed' | 'declined' | 'unsupported' | 'failed';

export interface FixPrResult {
  repository: string;
  advisory: string;
  branch: string;
  status: FixPrStatus;
  number?: number;
  url?: string;
  changes: (LockfileChange & { lockfile: string })[];
  message?: string;
}

export interface FixPrOptions {
  npm?: NpmToolOptions;
  http?: Partial<HttpPolicy>;
}

/** The fix requests of a repository: open (unwaived) remediations with a fixed version, grouped by advisory. */
export function fixRequests(remediations: readonly Remediation[], matches: readonly RescanMatch[]): FixRequest[] {
  const byAdvisory = new Map<string, FixRequest>();
  for (const r of remediations) {
    if (r.status !== 'open' || r.fixedVersions.length === 0) continue;
    const vulnerable = new Set([r.package.version]);
    for (const m of matches)
      if (m.advisory === r.advisory && m.package.ecosystem === r.package.ecosystem && m.package.name === r.package.name && !m.waived)
        vulnerable.add(m.package.version);
    const req = byAdvisory.get(r.advisory) ?? {
      advisory: r.advisory,
      aliases: r.aliases,
      severity: r.severity,
      deadline: r.deadline,
      packages: [],
      issues: [],
    };
    req.packages.push({
      ecosystem: r.package.ecosystem,
      name: r.package.name,
      vulnerable: [...vulnerable].sort(),
      fixedVersions: r.fixedVersions,
    });
    if (r.issue && !req.issues.includes(r.issue.number)) req.issues.push(r.issue.number);
    if (r.deadline < req.deadline) req.deadline = r.deadline;
    byAdvisory.set(r.advisory, req);
  }
  return [...byAdvisory.values()].sort((a, b) => a.advisory.localeCompare(b.advisory));
}

export function fixBranch(advisory: string): string {
  if (!ADVISORY_ID.test(advisory) || advisory.includes('..') || advisory.endsWith('.lock'))
    throw new InfrastructureError(`"${encodeURIComponent(advisory)}" cannot name a branch`);
  return `${FIX_BRANCH_PREFIX}${advisory}`;
}

export function prMarker(advisory: string): string {
  return `<!-- secure-factory:fix-pr advisory=${encodeURIComponent(advisory)} -->`;
}

/**
 * What a pull request was made from: the default branch's head and the request (packages, versions,
 * issues, deadline). The same stamp on the open pull request and a factory commit on that head mean
 * nothing changed since the last rescan: npm is not run again.
 */
export function requestStamp(req: FixRequest, head: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([head, req.advisory, req.severity, req.deadline, req.issues, req.packages]))
    .digest('hex')
    .slice(0, 32);
  return `<!-- secure-factory:fix-pr-request ${digest} -->`;
}

const gitBlobSha1 = (bytes: Buffer): string => createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');

function summary(req: FixRequest, changes: FixPrResult['changes']): string {
  const moves = [...new Map(changes.map((c) => [`${c.name}@${c.from}→${c.to}`, c])).values()];
  return moves.map((c) => `${c.name} ${c.from} → ${c.to}`).join(', ') || req.packages.map((p) => p.name).join(', ');
}

export function prTitle(req: FixRequest, changes: FixPrResult['changes']): string {
  return `[secure-factory] Fix ${req.advisory} (${req.severity}): ${summary(req, changes)}`;
}

export function prBody(req: FixRequest, changes: FixPrResult['changes'], commands: string[], base: string, stamp = ''): string {
  const ids = [req.advisory, ...req.aliases].filter((v, i, a) => a.indexOf(v) === i);
  return [
    prMarker(req.advisory) + stamp,
    `Moves the vulnerable dependency to the lowest fixed version of **${md(req.advisory)}** (${ids.map(md).join(', ')}, ${req.severity}), with npm, in the lockfiles of ${code(base)}.`,
    '',
    table(
      ['lockfile', 'package', 'from', 'to', 'dependency'],
      changes.map((c) => [code(c.lockfile), code(c.name), code(c.from), code(c.to), c.direct ? 'direct' : `transitive (${code(c.at)})`]),
    ),
    '',
    ...req.issues.map((n) => `Remediates #${n}`),
    '',
    `The remediation clock runs until **${req.deadline}**. It stops when the rescan sees a deployment of a digest without the advisory admitted by the factory's gate — not when this pull request merges: merge it, let the factory build and gate the release, and deploy it.`,
    '',
    '<details><summary>How this was made</summary>',
    '',
    '```',
    ...commands.map((c) => c.replace(/`/g, "'")),
    '```',
    '',
    `Each rescan rebuilds this branch from the current ${code(base)} (a commit made by the factory, trailer ${code(`${FIX_TRAILER} ${req.advisory}`)}). A commit pushed here by a person stops the factory from touching the branch.`,
    '</details>',
  ].join('\n');
}

interface TreeEntry {
  path: string;
  mode: string;
  type: string;
  sha: string;
  size?: number;
}

interface PullLite {
  number: number;
  state: string;
  html_url?: string;
  merged_at?: string | null;
  body?: string | null;
  head?: { ref?: string };
}

/** Fix pull requests in one repository. */
export class FixPullRequests {
  private readonly octokit: Octokit;
  private readonly repository: string;
  private readonly blobs = new Map<string, Buffer>();

  constructor(
    private readonly target: FixPrTarget,
    private readonly logger: Logger,
    private readonly options: FixPrOptions = {},
  ) {
    this.octokit = githubOctokit(target, options.http);
    this.repository = `${target.owner}/${target.repo}`;
  }

  private apiError(what: string, e: unknown): InfrastructureError {
    const status = (e as { status?: number }).status;
    return new InfrastructureError(`GitHub API: ${what} in ${this.repository} failed${status ? ` (HTTP ${status})` : ''}`, {
      hint:
        status === 401 || status === 403 || status === 404
          ? 'the token needs contents: write and pull-requests: write on the repository'
          : 'no pull request was changed for this advisory; the remediation issue stays open',
      cause: e,
    });
  }

  private async call<T>(
    what: string,
    fn: () => Promise<{ data: unknown; headers: Record<string, unknown> }>,
  ): Promise<{ data: T; link: string }> {
    try {
      const r = await fn();
      return { data: r.data as T, link: typeof r.headers.link === 'string' ? r.headers.link : '' };
    } catch (e: unknown) {
      throw this.apiError(what, e);
    }
  }

  private get base(): { owner: string; repo: string } {
    return { owner: this.target.owner, repo: this.target.repo };
  }

  private async ref(branch: string): Promise<string | undefined> {
    try {
      const r = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...this.base, ref: `heads/${branch}` });
      const sha = (r.data as { object?: { sha?: unknown } }).object?.sha;
      if (typeof sha !== 'string') throw new InfrastructureError(`GitHub API: the branch ${branch} of ${this.repository} names no commit`);
      return sha;
    } catch (e: unknown) {
      if ((e as { status?: number }).status === 404) return undefined;
      if (e instanceof InfrastructureError) throw e;
      throw this.apiError(`reading the branch ${branch}`, e);
    }
  }

  private async commit(sha: string): Promise<{ tree: string; parents: string[]; message: string }> {
    const { data } = await this.call<{ tree?: { sha?: string }; parents?: { sha?: string }[]; message?: string }>(
      `reading commit ${sha}`,
      () => this.octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { ...this.base, commit_sha: sha }),
    );
    if (typeof data.tree?.sha !== 'string') throw new InfrastructureError(`GitHub API: commit ${sha} of ${this.repository} has no tree`);
    return { tree: data.tree.sha, parents: (data.parents ?? []).map((p) => p.sha ?? ''), message: data.message ?? '' };
  }

  private async blob(entry: TreeEntry): Promise<Buffer> {
    const cached = this.blobs.get(entry.sha);
    if (cached) return cached;
    if ((entry.size ?? 0) > 64 * 1024 * 1024) throw new InfrastructureError(`${this.repository}:${entry.path} is larger than 64 MiB`);
    const { data } = await this.call<{ content?: string; encoding?: string }>(`reading ${entry.path}`, () =>
      this.octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { ...this.base, file_sha: entry.sha }),
    );
    if (data.encoding !== 'base64' || typeof data.content !== 'string')
      throw new InfrastructureError(`GitHub API: ${this.repository}:${entry.path} did not come back base64-encoded`);
    const bytes = Buffer.from(data.content, 'base64');
    if (gitBlobSha1(bytes) !== entry.sha)
      throw new InfrastructureError(`GitHub API: ${this.repository}:${entry.path} does not hash to the blob ${entry.sha} its tree names`);
    this.blobs.set(entry.sha, bytes);
    return bytes;
  }

  /** Every pull request whose head is the branch (open and closed), to the last page. */
  private async pulls(branch: string): Promise<PullLite[]> {
    const out: PullLite[] = [];
    for (let page = 1; ; page++) {
      if (page > MAX_PAGES)
        throw new InfrastructureError(
          `GitHub API: the pull requests of ${branch} in ${this.repository} did not end after ${MAX_PAGES} pages`,
        );
      const { data, link } = await this.call<PullLite[]>(`listing the pull requests of ${branch}`, () =>
        this.octokit.request('GET /repos/{owner}/{repo}/pulls', {
          ...this.base,
          head: `${this.target.owner}:${branch}`,
          state: 'all',
          per_page: 100,
          page,
        }),
      );
      if (!Array.isArray(data))
        throw new InfrastructureError(`GitHub API: listing pull requests in ${this.repository} did not answer a list`);
      // GitHub filters by head; the check is repeated in case a server ignores the filter.
      out.push(...data.filter((p) => p.head?.ref === undefined || p.head.ref === branch));
      if (link ? !/rel="next"/.test(link) : data.length < 100) break;
    }
    return out;
  }

  /** Opens or updates the fix pull request of each request; one result per request, never a throw for one advisory. */
  async sync(requests: readonly FixRequest[]): Promise<FixPrResult[]> {
    if (requests.length === 0) return [];
    const results: FixPrResult[] = [];
    let context: { defaultBranch: string; head: string; tree: string; lockfiles: { lock: TreeEntry; pkg: TreeEntry }[] };
    try {
      context = await this.readDefaultBranch();
    } catch (e: unknown) {
      return requests.map((r) => this.failed(r, e));
    }
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'sf-fix-pr-'));
    try {
      for (const req of requests) {
        try {
          results.push(await this.syncOne(req, context, scratch));
        } catch (e: unknown) {
          results.push(this.failed(req, e));
        }
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    for (const r of results) {
      const where = `${this.repository} ${r.advisory}`;
      if (r.status === 'failed') this.logger.error(`fix pull request for ${where} failed: ${r.message ?? ''}`);
      else if (r.status === 'unsupported' || r.status === 'declined' || r.status === 'already-fixed')
        this.logger.warning(`${where}: ${r.message ?? r.status}`);
      else this.logger.info(`${r.status} pull request #${r.number ?? '?'} for ${where} (${r.branch})`);
    }
    return results;
  }

  private failed(req: FixRequest, e: unknown): FixPrResult {
    let branch = '';
    try {
      branch = fixBranch(req.advisory);
    } catch {
      /* the message below says why */
    }
    return { repository: this.repository, advisory: req.advisory, branch, status: 'failed', changes: [], message: errorMessage(e) };
  }

  private async readDefaultBranch(): Promise<{
    defaultBranch: string;
    head: string;
    tree: string;
    lockfiles: { lock: TreeEntry; pkg: TreeEntry }[];
  }> {
    const { data: repo } = await this.call<{ default_branch?: unknown }>('reading the repository', () =>
      this.octokit.request('GET /repos/{owner}/{repo}', this.base),
    );
    const defaultBranch = typeof repo.default_branch === 'string' ? repo.default_branch : '';
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,200}$/.test(defaultBranch) || defaultBranch.includes('..'))
      throw new InfrastructureError(`GitHub API: ${this.repository} names no valid default branch`);
    const head = await this.ref(defaultBranch);
    if (!head) throw new InfrastructureError(`GitHub API: the default branch ${defaultBranch} of ${this.repository} was not found`);
    const { tree } = await this.commit(head);
    const { data } = await this.call<{ tree?: TreeEntry[]; truncated?: boolean }>(`reading the tree of ${defaultBranch}`, () =>
      this.octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { ...this.base, tree_sha: tree, recursive: '1' }),
    );
    if (data.truncated !== false || !Array.isArray(data.tree))
      throw new InfrastructureError(`GitHub API: the tree of ${defaultBranch} in ${this.repository} is truncated or missing`, {
        hint: 'lockfiles cannot be found in part of a tree; update the dependency by hand',
      });
    const entries = data.tree;
    const lockfiles: { lock: TreeEntry; pkg: TreeEntry }[] = [];
    for (const e of entries) {
      if (e.type !== 'blob' || !(e.path === 'package-lock.json' || e.path.endsWith('/package-lock.json'))) continue;
      const parts = e.path.split('/');
      if (parts.includes('node_modules') || parts.some((p) => p === '' || p === '.' || p === '..')) continue;
      const pkgPath = [...parts.slice(0, -1), 'package.json'].join('/');
      const pkg = entries.find((x) => x.path === pkgPath && x.type === 'blob');
      if (!pkg) continue;
      lockfiles.push({ lock: e, pkg });
    }
    if (lockfiles.length > MAX_LOCKFILES)
      throw new InfrastructureError(`${this.repository} holds ${lockfiles.length} npm lockfiles, more than ${MAX_LOCKFILES}`);
    return { defaultBranch, head, tree, lockfiles };
  }

  private async syncOne(
    req: FixRequest,
    ctx: { defaultBranch: string; head: string; tree: string; lockfiles: { lock: TreeEntry; pkg: TreeEntry }[] },
    scratch: string,
  ): Promise<FixPrResult> {
    const branch = fixBranch(req.advisory);
    const result = (status: FixPrStatus, extra: Partial<FixPrResult> = {}): FixPrResult => ({
      repository: this.repository,
      advisory: req.advisory,
      branch,
      status,
      changes: [],
      ...extra,
    });
    const unsupported = req.packages.filter((p) => !(SUPPORTED_ECOSYSTEMS as readonly string[]).includes(p.ecosystem));
    if (unsupported.length > 0)
      return result('unsupported', {
        message: `${[...new Set(unsupported.map((p) => p.ecosystem))].join(', ')} lockfiles are not updated by the factory yet (only npm): upgrade ${unsupported.map((p) => p.name).join(', ')} by hand; the issue stays open`,
      });

    const pulls = await this.pulls(branch);
    const open = pulls.find((p) => p.state === 'open');
    const newest = [...pulls].sort((a, b) => b.number - a.number)[0];
    if (!open && newest && newest.state === 'closed' && !newest.merged_at)
      return result('declined', {
        number: newest.number,
        ...(newest.html_url ? { url: newest.html_url } : {}),
        message: `pull request #${newest.number} was closed without merging; the factory does not reopen it (the issue and its clock stay open)`,
      });

    // Nothing changed since the last rescan (same default branch head, same request): no npm run, no API write.
    const stamp = requestStamp(req, ctx.head);
    if (open && (open.body ?? '').includes(stamp)) {
      const current = await this.ref(branch);
      const c = current ? await this.commit(current) : undefined;
      if (c && c.message.includes(`${FIX_TRAILER} ${req.advisory}`) && c.parents.length === 1 && c.parents[0] === ctx.head)
        return result('unchanged', {
          number: open.number,
          ...(open.html_url ? { url: open.html_url } : {}),
          message: `nothing changed since the last rescan (${ctx.defaultBranch} at ${ctx.head.slice(0, 12)})`,
        });
    }

    // The change, made by npm from the default branch's files.
    const changes: FixPrResult['changes'] = [];
    const commands: string[] = [];
    const files: { path: string; content: Buffer }[] = [];
    for (const [i, { lock, pkg }] of ctx.lockfiles.entries()) {
      const lockBytes = await this.blob(lock);
      if (!req.packages.some((p) => lockBytes.includes(Buffer.from(`node_modules/${p.name}"`)))) continue;
      const pkgBytes = await this.blob(pkg);
      const dir = path.join(scratch, `${branch.replace(/[^A-Za-z0-9._-]/g, '_')}-${i}`);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'package-lock.json'), lockBytes);
      await writeFile(path.join(dir, 'package.json'), pkgBytes);
      const update = await updateNpmLockfile(dir, req.packages, this.options.npm);
      if (update.changes.length === 0) continue;
      const where = path.posix.dirname(lock.path);
      commands.push(...update.commands.map((c) => (where === '.' ? c : `(in ${where}) ${c}`)));
      changes.push(...update.changes.map((c) => ({ ...c, lockfile: lock.path })));
      if (!update.packageLock.equals(lockBytes)) files.push({ path: lock.path, content: update.packageLock });
      if (!update.packageJson.equals(pkgBytes)) files.push({ path: pkg.path, content: update.packageJson });
    }
    if (changes.length === 0)
      return result('already-fixed', {
        ...(open ? { number: open.number, ...(open.html_url ? { url: open.html_url } : {}) } : {}),
        message: `no npm lockfile on ${ctx.defaultBranch} locks a vulnerable version of ${req.packages.map((p) => p.name).join(', ')}: build and deploy ${ctx.defaultBranch} through the factory to stop the clock`,
      });

    // The tree and commit, through the git data API.
    const entries: { path: string; mode: '100644'; type: 'blob'; sha: string }[] = [];
    for (const f of files) {
      const { data } = await this.call<{ sha?: string }>(`writing ${f.path}`, () =>
        this.octokit.request('POST /repos/{owner}/{repo}/git/blobs', {
          ...this.base,
          content: f.content.toString('base64'),
          encoding: 'base64',
        }),
      );
      if (data.sha !== gitBlobSha1(f.content)) throw new InfrastructureError(`GitHub API: the blob written for ${f.path} has another hash`);
      entries.push({ path: f.path, mode: '100644', type: 'blob', sha: data.sha });
    }
    const { data: tree } = await this.call<{ sha?: string }>('writing the tree', () =>
      this.octokit.request('POST /repos/{owner}/{repo}/git/trees', { ...this.base, base_tree: ctx.tree, tree: entries }),
    );
    if (typeof tree.sha !== 'string') throw new InfrastructureError('GitHub API: writing the tree gave no sha');

    const existing = await this.ref(branch);
    let moved = true;
    if (existing) {
      const c = await this.commit(existing);
      if (!c.message.includes(`${FIX_TRAILER} ${req.advisory}`))
        throw new InfrastructureError(`the branch ${branch} in ${this.repository} holds a commit the factory did not make`, {
          hint: `the factory leaves it alone: merge or delete ${branch}, or rename it; the remediation issue stays open`,
        });
      moved = !(c.tree === tree.sha && c.parents.length === 1 && c.parents[0] === ctx.head);
    }
    if (moved) {
      const message = [
        `fix(deps): ${summary(req, changes)} (${req.advisory})`,
        '',
        `Moves the vulnerable dependency to the lowest fixed version with npm (${req.packages.map((p) => p.name).join(', ')}).`,
        '',
        `${FIX_TRAILER} ${req.advisory}`,
      ].join('\n');
      const { data: commit } = await this.call<{ sha?: string }>('writing the commit', () =>
        this.octokit.request('POST /repos/{owner}/{repo}/git/commits', {
          ...this.base,
          message,
          tree: tree.sha as string,
          parents: [ctx.head],
        }),
      );
      if (typeof commit.sha !== 'string') throw new InfrastructureError('GitHub API: writing the commit gave no sha');
      if (existing)
        await this.call(`moving ${branch}`, () =>
          this.octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
            ...this.base,
            ref: `heads/${branch}`,
            sha: commit.sha as string,
            force: true,
          }),
        );
      else
        await this.call(`creating ${branch}`, () =>
          this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
            ...this.base,
            ref: `refs/heads/${branch}`,
            sha: commit.sha as string,
          }),
        );
    }

    const title = prTitle(req, changes);
    const body = prBody(req, changes, commands, ctx.defaultBranch, stamp);
    if (open) {
      if (moved || (open.body ?? '') !== body)
        await this.call(`updating pull request #${open.number}`, () =>
          this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...this.base, pull_number: open.number, title, body }),
        );
      return result(moved ? 'updated' : 'unchanged', { number: open.number, ...(open.html_url ? { url: open.html_url } : {}), changes });
    }
    const { data: created } = await this.call<PullLite>(`opening a pull request for ${req.advisory}`, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/pulls', {
        ...this.base,
        title,
        head: branch,
        base: ctx.defaultBranch,
        body,
        maintainer_can_modify: false,
      }),
    );
    return result('opened', { number: created.number, ...(created.html_url ? { url: created.html_url } : {}), changes });
  }
}
