/**
 * GitHub's git data and pulls APIs on the local test server, backed by real bare git repositories:
 * `GET /repos/{o}/{r}`, refs (`git/ref/{ref}`, `git/refs`), commits, recursive trees and blobs are read
 * with git; blobs, trees (on a base tree), commits and refs are written with git (`hash-object`,
 * `read-tree` + `update-index` + `write-tree` on a scratch index, `commit-tree`, `update-ref`), with
 * GitHub's answers: 422 for an existing ref, a non-fast-forward update without `force`, or a second open
 * pull request for one head. Pull requests are kept per repository with GitHub's paging (`Link`).
 *
 * The repositories are ordinary git repositories: a test checks a pull request's branch out and runs
 * the factory on it, or merges it, with git itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { paged, type GitHubApiServer, type RecordedRequest } from './github-api-server.js';

export interface FakePull {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  merged_at: string | null;
  head: { ref: string; sha: string; label: string };
  base: { ref: string };
  html_url: string;
}

export interface GitRepo {
  owner: string;
  name: string;
  /** The bare repository. */
  dir: string;
  defaultBranch: string;
  pulls: FakePull[];
  /** Fault injection: answer POST /pulls with this status (a GitHub outage for this repository). */
  failCreatePull?: number;
  git(...args: string[]): string;
}

const ENV = {
  GIT_AUTHOR_NAME: 'Alice',
  GIT_AUTHOR_EMAIL: 'alice@example.com',
  GIT_COMMITTER_NAME: 'Alice',
  GIT_COMMITTER_EMAIL: 'alice@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

function gitIn(dir: string, args: string[], input?: Buffer | string, env: Record<string, string> = {}): string {
  return execFileSync('git', ['--git-dir', dir, ...args], {
    encoding: 'utf8',
    input: input ?? '',
    stdio: 'pipe',
    env: { ...process.env, ...ENV, ...env },
    maxBuffer: 256 * 1024 * 1024,
  }).trim();
}

/** A bare repository whose default branch holds `files` in one commit. */
export function makeGitRepo(owner: string, name: string, files: Record<string, string | Buffer>, defaultBranch = 'main'): GitRepo {
  const root = mkdtempSync(path.join(tmpdir(), `sf-git-${name}-`));
  const dir = path.join(root, 'repo.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', defaultBranch, dir]);
  const work = path.join(root, 'work');
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(work, p)), { recursive: true });
    writeFileSync(path.join(work, p), c);
  }
  const env = { GIT_WORK_TREE: work, GIT_INDEX_FILE: path.join(root, 'index') };
  gitIn(dir, ['add', '-A', '.'], undefined, env);
  const tree = gitIn(dir, ['write-tree'], undefined, env);
  const commit = gitIn(dir, ['commit-tree', tree, '-m', 'first'], undefined, {
    GIT_AUTHOR_DATE: '2026-11-01T00:00:00Z',
    GIT_COMMITTER_DATE: '2026-11-01T00:00:00Z',
  });
  gitIn(dir, ['update-ref', `refs/heads/${defaultBranch}`, commit]);
  rmSync(work, { recursive: true, force: true });
  return { owner, name, dir, defaultBranch, pulls: [], git: (...args) => gitIn(dir, args) };
}

/** A checkout of `ref` in a new folder (for running the factory on a pull request's tree). */
export function checkoutGitRepo(repo: GitRepo, ref: string): string {
  const dest = mkdtempSync(path.join(tmpdir(), `sf-checkout-${repo.name}-`));
  execFileSync('git', ['clone', '-q', '--branch', ref, repo.dir, dest], { env: { ...process.env, ...ENV } });
  return dest;
}

/** A person's commit on a branch: `files` added or replaced on top of its head. */
export function commitFiles(repo: GitRepo, branch: string, files: Record<string, string>, message = 'change'): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'sf-git-index-'));
  try {
    const env = { GIT_INDEX_FILE: path.join(scratch, 'index') };
    const head = repo.git('rev-parse', `refs/heads/${branch}`);
    gitIn(repo.dir, ['read-tree', head], undefined, env);
    for (const [p, c] of Object.entries(files)) {
      const sha = gitIn(repo.dir, ['hash-object', '-w', '--stdin'], c);
      gitIn(repo.dir, ['update-index', '--add', '--cacheinfo', `100644,${sha},${p}`], undefined, env);
    }
    const tree = gitIn(repo.dir, ['write-tree'], undefined, env);
    const commit = gitIn(repo.dir, ['commit-tree', tree, '-p', head, '-m', message]);
    repo.git('update-ref', `refs/heads/${branch}`, commit, head);
    return commit;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Merges a pull request the way GitHub's "merge" button does (a merge commit on the base branch). */
export function mergePull(repo: GitRepo, number: number): string {
  const pr = repo.pulls.find((p) => p.number === number);
  if (!pr || pr.state !== 'open') throw new Error(`pull request #${number} is not open`);
  const base = repo.git('rev-parse', `refs/heads/${pr.base.ref}`);
  const head = repo.git('rev-parse', `refs/heads/${pr.head.ref}`);
  const tree = repo.git('merge-tree', '--write-tree', base, head).split('\n')[0] as string;
  const commit = repo.git('commit-tree', tree, '-p', base, '-p', head, '-m', `Merge pull request #${number}`);
  repo.git('update-ref', `refs/heads/${pr.base.ref}`, commit, base);
  Object.assign(pr, { state: 'closed', merged_at: new Date().toISOString() });
  return commit;
}

const json = (req: RecordedRequest): Record<string, unknown> => JSON.parse(req.body || '{}') as Record<string, unknown>;
const notFound = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
const unprocessable = (message: string): { status: number; body: unknown } => ({
  status: 422,
  body: { message, documentation_url: 'https://docs.github.com/rest', status: '422' },
});

function exists(repo: GitRepo, object: string): boolean {
  try {
    repo.git('cat-file', '-e', object);
    return true;
  } catch {
    return false;
  }
}

function refSha(repo: GitRepo, ref: string): string | undefined {
  try {
    return repo.git('rev-parse', '--verify', '--quiet', `refs/${ref}^{commit}`);
  } catch {
    return undefined;
  }
}

function commitJson(repo: GitRepo, sha: string): unknown {
  const raw = repo.git('cat-file', 'commit', sha);
  const [head, ...rest] = raw.split('\n\n');
  const lines = (head ?? '').split('\n');
  const tree = lines.find((l) => l.startsWith('tree '))?.slice(5);
  const parents = lines.filter((l) => l.startsWith('parent ')).map((l) => ({ sha: l.slice(7) }));
  return { sha, tree: { sha: tree }, parents, message: rest.join('\n\n') };
}

/**
 * Adds the git data and pulls routes for these repositories to a local API server. `fallbackBlob`
 * answers a blob the repositories do not hold (the org fixtures' evidence branches).
 */
export function addGitDataRoutes(
  api: GitHubApiServer,
  repos: GitRepo[],
  fallbackBlob?: NonNullable<Parameters<GitHubApiServer['route']>[0]['respond']>,
): void {
  const find = (p: Record<string, string>): GitRepo | undefined => repos.find((r) => r.owner === p.owner && r.name === p.repo);
  const withRepo =
    (
      fn: (
        repo: GitRepo,
        req: RecordedRequest,
        p: Record<string, string>,
      ) => { status?: number; body?: unknown; headers?: Record<string, string> },
    ) =>
    (req: RecordedRequest, p: Record<string, string>): { status?: number; body?: unknown; headers?: Record<string, string> } => {
      const repo = find(p);
      return repo ? fn(repo, req, p) : notFound;
    };
  api.route({
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    respond: withRepo((r) => ({ body: { full_name: `${r.owner}/${r.name}`, default_branch: r.defaultBranch, archived: false } })),
  });
  api.route({
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/ref/{ref*}',
    respond: withRepo((r, _req, p) => {
      const sha = refSha(r, p.ref ?? '');
      return sha ? { body: { ref: `refs/${p.ref}`, object: { sha, type: 'commit' } } } : notFound;
    }),
  });
  api.route({
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/commits/{commit_sha}',
    respond: withRepo((r, _req, p) => (exists(r, `${p.commit_sha}^{commit}`) ? { body: commitJson(r, p.commit_sha ?? '') } : notFound)),
  });
  api.route({
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/trees/{tree_sha}',
    respond: withRepo((r, req, p) => {
      if (!exists(r, `${p.tree_sha}^{tree}`)) return notFound;
      const args = req.query.recursive
        ? ['ls-tree', '-r', '-t', '-l', '--full-tree', p.tree_sha ?? '']
        : ['ls-tree', '-l', p.tree_sha ?? ''];
      const tree = r
        .git(...args)
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [meta, file] = line.split('\t') as [string, string];
          const [mode, type, sha, size] = meta.split(/\s+/) as [string, string, string, string];
          return { path: file, mode, type, sha, ...(type === 'blob' ? { size: Number(size) } : {}) };
        });
      return { body: { sha: p.tree_sha, tree, truncated: false } };
    }),
  });
  api.route({
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
    respond: (req, p) => {
      const r = find(p);
      if (r && exists(r, `${p.file_sha}^{blob}`)) {
        const bytes = execFileSync('git', ['--git-dir', r.dir, 'cat-file', 'blob', p.file_sha ?? ''], { maxBuffer: 256 * 1024 * 1024 });
        return { body: { sha: p.file_sha, size: bytes.length, encoding: 'base64', content: bytes.toString('base64') } };
      }
      return fallbackBlob ? fallbackBlob(req, p) : notFound;
    },
  });
  api.route({
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/blobs',
    respond: withRepo((r, req) => {
      const b = json(req) as { content?: string; encoding?: string };
      const bytes = Buffer.from(b.content ?? '', b.encoding === 'base64' ? 'base64' : 'utf8');
      return { status: 201, body: { sha: gitIn(r.dir, ['hash-object', '-w', '--stdin'], bytes) } };
    }),
  });
  api.route({
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/trees',
    respond: withRepo((r, req) => {
      const b = json(req) as { base_tree?: string; tree?: { path: string; mode: string; type: string; sha: string }[] };
      const scratch = mkdtempSync(path.join(tmpdir(), 'sf-git-index-'));
      try {
        const env = { GIT_INDEX_FILE: path.join(scratch, 'index') };
        if (b.base_tree) {
          if (!exists(r, `${b.base_tree}^{tree}`)) return unprocessable('base_tree is not a valid tree');
          gitIn(r.dir, ['read-tree', b.base_tree], undefined, env);
        }
        for (const e of b.tree ?? []) {
          if (!exists(r, e.sha) || e.path.split('/').some((s) => s === '' || s === '.' || s === '..'))
            return unprocessable('tree.sha is not a valid blob');
          gitIn(r.dir, ['update-index', '--add', '--cacheinfo', `${e.mode},${e.sha},${e.path}`], undefined, env);
        }
        const sha = gitIn(r.dir, ['write-tree'], undefined, env);
        return { status: 201, body: { sha, truncated: false } };
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }),
  });
  api.route({
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/commits',
    respond: withRepo((r, req) => {
      const b = json(req) as { message?: string; tree?: string; parents?: string[] };
      if (!b.tree || !exists(r, `${b.tree}^{tree}`)) return unprocessable('Tree SHA does not exist');
      const parents = (b.parents ?? []).flatMap((x) => ['-p', x]);
      // GitHub's identity for the token's user (an App's bot account here).
      const sha = gitIn(r.dir, ['commit-tree', b.tree, ...parents, '-F', '-'], b.message ?? '', {
        GIT_AUTHOR_NAME: 'secure-factory[bot]',
        GIT_AUTHOR_EMAIL: 'bot@example.com',
        GIT_COMMITTER_NAME: 'GitHub',
        GIT_COMMITTER_EMAIL: 'noreply@github.com',
      });
      return { status: 201, body: commitJson(r, sha) };
    }),
  });
  api.route({
    method: 'POST',
    path: '/repos/{owner}/{repo}/git/refs',
    respond: withRepo((r, req) => {
      const b = json(req) as { ref?: string; sha?: string };
      if (!b.ref?.startsWith('refs/') || !b.sha || !exists(r, `${b.sha}^{commit}`)) return unprocessable('Reference update failed');
      if (refSha(r, b.ref.slice(5))) return unprocessable('Reference already exists');
      r.git('update-ref', b.ref, b.sha);
      return { status: 201, body: { ref: b.ref, object: { sha: b.sha, type: 'commit' } } };
    }),
  });
  api.route({
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/git/refs/{ref*}',
    respond: withRepo((r, req, p) => {
      const b = json(req) as { sha?: string; force?: boolean };
      const current = refSha(r, p.ref ?? '');
      if (!current) return unprocessable('Reference does not exist');
      if (!b.sha || !exists(r, `${b.sha}^{commit}`)) return unprocessable('Object does not exist');
      if (!b.force) {
        try {
          r.git('merge-base', '--is-ancestor', current, b.sha);
        } catch {
          return unprocessable('Update is not a fast forward');
        }
      }
      r.git('update-ref', `refs/${p.ref}`, b.sha);
      for (const pr of r.pulls) if (pr.state === 'open' && `heads/${pr.head.ref}` === p.ref) pr.head.sha = b.sha;
      return { body: { ref: `refs/${p.ref}`, object: { sha: b.sha, type: 'commit' } } };
    }),
  });
  api.route({
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls',
    respond: withRepo((r, req, p) => {
      const state = req.query.state ?? 'open';
      const head = req.query.head;
      const list = r.pulls.filter((x) => (state === 'all' || x.state === state) && (!head || x.head.label === head));
      return paged(list)(req, p);
    }),
  });
  api.route({
    method: 'POST',
    path: '/repos/{owner}/{repo}/pulls',
    respond: withRepo((r, req) => {
      if (r.failCreatePull) return { status: r.failCreatePull, body: { message: 'Server Error' } };
      const b = json(req) as { title?: string; head?: string; base?: string; body?: string };
      const headSha = refSha(r, `heads/${b.head ?? ''}`);
      if (!b.title || !headSha || !refSha(r, `heads/${b.base ?? ''}`)) return unprocessable('Validation Failed');
      if (r.pulls.some((x) => x.state === 'open' && x.head.ref === b.head))
        return unprocessable(`A pull request already exists for ${r.owner}:${b.head ?? ''}.`);
      // Pull requests and issues share GitHub's numbering; the fake starts pulls at 1000 so they never collide.
      const number = 1000 + r.pulls.length;
      const pr: FakePull = {
        number,
        title: b.title,
        body: b.body ?? '',
        state: 'open',
        merged_at: null,
        head: { ref: b.head ?? '', sha: headSha, label: `${r.owner}:${b.head ?? ''}` },
        base: { ref: b.base ?? '' },
        html_url: `https://github.com/${r.owner}/${r.name}/pull/${number}`,
      };
      r.pulls.push(pr);
      return { status: 201, body: pr };
    }),
  });
  api.route({
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    respond: withRepo((r, req, p) => {
      const pr = r.pulls.find((x) => x.number === Number(p.pull_number));
      if (!pr) return notFound;
      const b = json(req) as Partial<Pick<FakePull, 'title' | 'body' | 'state'>>;
      Object.assign(pr, {
        ...(b.title ? { title: b.title } : {}),
        ...(b.body !== undefined ? { body: b.body } : {}),
        ...(b.state ? { state: b.state } : {}),
      });
      return { body: pr };
    }),
  });
}
