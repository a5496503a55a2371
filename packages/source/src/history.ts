/**
 * The range of history the signature policy covers (`source.range`), and shallow clones: a clone
 * made with `fetch-depth: 1` is deepened from its remote as far as the range needs; when it cannot
 * be (no remote, fetch refused), the range says what could not be seen instead of passing quietly.
 */
import path from 'node:path';
import { decodeUtf8, errorMessage, readRegularFile, UnsafeFileError, type Logger, type Policy } from '@secure-factory/core';
import { git, gitRun } from './git.js';

export type RangeSpec = Policy['sourceCheck']['range'];

export interface CommitRange {
  /** Newest first; always starts with HEAD. */
  commits: string[];
  /** How the range was chosen, for the summary (`abc123..HEAD (base branch)`). */
  description: string;
  /** Whether every commit the range asked for could be seen. */
  complete: boolean;
  /** What could not be seen, one sentence each. */
  gaps: string[];
  /** Fetches made to deepen a shallow clone. */
  deepened: string[];
}

export const MAX_RANGE_COMMITS = 10_000;

async function isShallow(repo: string): Promise<boolean> {
  return (await git(repo, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
}

/** The largest shallow file read (a million 64-hex ids). */
const MAX_SHALLOW_BYTES = 64 * 1024 * 1024;

/**
 * The commits at the edge of a shallow clone, from git's `shallow` file, read through core's safe
 * reader: none when the file does not exist; a FIFO (a plain read blocked the audit forever), a device,
 * a link leaving the git folder or an oversized file is refused (exit 2 naming it), never read.
 */
export async function shallowBoundary(repo: string): Promise<Set<string>> {
  const rel = (await git(repo, ['rev-parse', '--git-path', 'shallow'])).trim();
  const file = path.isAbsolute(rel) ? rel : path.join(repo, rel);
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, {
      maxBytes: MAX_SHALLOW_BYTES,
      what: "git's shallow file",
      hint: 'it lists the commits where a shallow clone ends; clone the repository again',
    });
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason === 'missing') return new Set();
    throw e;
  }
  const text = decodeUtf8(bytes, file, "git's shallow file");
  return new Set(text.split('\n').filter((l) => /^[0-9a-f]{40,64}$/.test(l)));
}

async function remoteName(repo: string): Promise<string | undefined> {
  const remotes = (await git(repo, ['remote'])).split('\n').filter(Boolean);
  return remotes.includes('origin') ? 'origin' : remotes[0];
}

async function revList(repo: string, args: string[]): Promise<string[]> {
  const r = await gitRun(repo, ['rev-list', `--max-count=${MAX_RANGE_COMMITS + 1}`, ...args], { allowFailure: true });
  return r.code === 0 ? r.stdout.split('\n').filter(Boolean) : [];
}

async function resolveCommit(repo: string, rev: string): Promise<string | undefined> {
  const r = await gitRun(repo, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { allowFailure: true });
  return r.code === 0 ? r.stdout.trim() : undefined;
}

class Deepener {
  readonly fetches: string[] = [];
  readonly failures: string[] = [];
  constructor(
    private readonly repo: string,
    private readonly remote: string | undefined,
    private readonly logger: Logger,
  ) {}

  get possible(): boolean {
    return this.remote !== undefined;
  }

  async fetch(args: string[]): Promise<boolean> {
    if (!this.remote) return false;
    const what = `git fetch ${args.join(' ')} ${this.remote}`;
    this.logger.info(`deepening the shallow clone: ${what}`);
    try {
      await git(this.repo, ['fetch', '--quiet', '--no-write-fetch-head', ...args, this.remote]);
      this.fetches.push(what);
      return true;
    } catch (e: unknown) {
      this.failures.push(`${what} failed: ${errorMessage(e)}`);
      this.logger.warning(`${what} failed: ${errorMessage(e)}`);
      return false;
    }
  }

  async fetchCommit(sha: string): Promise<boolean> {
    if (!this.remote) return false;
    try {
      await git(this.repo, ['fetch', '--quiet', '--no-write-fetch-head', '--depth=1', this.remote, sha]);
      this.fetches.push(`git fetch --depth=1 ${this.remote} ${sha}`);
      return true;
    } catch (e: unknown) {
      this.failures.push(`fetching ${sha} failed: ${errorMessage(e)}`);
      return false;
    }
  }
}

function finish(commits: string[], description: string, gaps: string[], deepener: Deepener): CommitRange {
  // A failed fetch matters only when something stayed unseen.
  const all = gaps.length > 0 ? [...gaps, ...deepener.failures.map((f) => `could not deepen the clone: ${f}`)] : [];
  let list = commits;
  if (list.length > MAX_RANGE_COMMITS) {
    list = list.slice(0, MAX_RANGE_COMMITS);
    all.push(
      `the range holds more than ${MAX_RANGE_COMMITS} commits, the most one run checks; only the newest ${MAX_RANGE_COMMITS} were read and the rest are unverified`,
    );
  }
  return {
    commits: list,
    description,
    complete: gaps.length === 0 && list.length === commits.length,
    gaps: all,
    deepened: deepener.fetches,
  };
}

/** Whether the walk from HEAD stopped at a shallow boundary (so older commits exist but are unseen). */
async function hitsBoundary(repo: string, commits: readonly string[]): Promise<boolean> {
  if (!(await isShallow(repo))) return false;
  const boundary = await shallowBoundary(repo);
  return commits.some((c) => boundary.has(c));
}

export async function resolveRange(opts: {
  repo: string;
  head: string;
  range: RangeSpec;
  /** The base of the change: the base branch's SHA or ref (pull request base, push `before`). */
  base?: string | undefined;
  /** `source.since`: a tag or commit; the range is since..HEAD whatever the event. */
  since?: string | undefined;
  /** The ref being verified; for a tag (`refs/tags/…`) the previous release is not that tag. */
  ref?: string | undefined;
  logger: Logger;
}): Promise<CommitRange> {
  const { repo, head, range, logger } = opts;
  const deepener = new Deepener(repo, await remoteName(repo), logger);

  if (opts.since !== undefined) {
    const label = `${opts.since}..HEAD (source.since)`;
    let since = await resolveCommit(repo, opts.since);
    if (since === undefined && (await isShallow(repo)) && (await deepener.fetch(['--unshallow', '--tags']))) {
      since = await resolveCommit(repo, opts.since);
    }
    if (since === undefined) {
      return finish(
        [head],
        label,
        [
          `source.since ${opts.since} is not a tag or commit of this clone: only HEAD was checked (fetch tags: actions/checkout fetch-depth: 0)`,
        ],
        deepener,
      );
    }
    if (await isShallow(repo)) await deepener.fetch(['--unshallow']);
    const commits = await revList(repo, [head, `^${since}`]);
    const gaps: string[] = [];
    const ancestor = await gitRun(repo, ['merge-base', '--is-ancestor', since, head], { allowFailure: true });
    if (ancestor.code === 1) gaps.push(`source.since ${opts.since} is not an ancestor of HEAD: set it to an earlier release of this line`);
    if (await hitsBoundary(repo, commits)) gaps.push('the clone is shallow: history before the shallow boundary is unchecked');
    return finish(commits.length > 0 ? commits : [head], label, gaps, deepener);
  }

  if (range === 'head') return finish([head], 'HEAD only', [], deepener);

  if (typeof range === 'number') {
    let commits = await revList(repo, [`--max-count=${range}`, head]);
    if (commits.length < range && (await hitsBoundary(repo, commits))) {
      if (await deepener.fetch([`--deepen=${range}`])) commits = await revList(repo, [`--max-count=${range}`, head]);
    }
    const gaps: string[] = [];
    if (commits.length < range && (await hitsBoundary(repo, commits))) {
      gaps.push(`the clone is shallow: only ${commits.length} of the last ${range} commits could be seen`);
    }
    return finish(commits, `the last ${range} commits`, gaps, deepener);
  }

  if (range === 'last-tag') {
    if (await isShallow(repo)) await deepener.fetch(['--unshallow', '--tags']);
    const tagOf = async (rev: string): Promise<string | undefined> => {
      const r = await gitRun(repo, ['describe', '--tags', '--abbrev=0', rev], { allowFailure: true });
      return r.code === 0 ? r.stdout.trim() : undefined;
    };
    const releasing = opts.ref?.startsWith('refs/tags/') ? opts.ref.slice('refs/tags/'.length) : undefined;
    let tag = await tagOf(head);
    // A release built from its own tag (or any tag on HEAD): the range is since the previous release.
    if (tag !== undefined && (tag === releasing || (await resolveCommit(repo, tag)) === head)) tag = await tagOf(`${head}^`);
    const gaps: string[] = [];
    if (tag === undefined) {
      const commits = await revList(repo, [head]);
      if (await hitsBoundary(repo, commits))
        gaps.push('the clone is shallow and no tag could be seen: history before the shallow boundary is unchecked');
      return finish(commits, `the whole history (no release before ${releasing ?? 'HEAD'})`, gaps, deepener);
    }
    const commits = await revList(repo, [head, `^${tag}`]);
    return finish(commits.length > 0 ? commits : [head], `${tag}..${releasing ?? 'HEAD'} (since the previous release)`, gaps, deepener);
  }

  // base-branch: without an explicit base, a feature branch is measured from the remote's default branch.
  let baseRev = opts.base !== undefined && !/^0+$/.test(opts.base) ? opts.base : undefined;
  if (baseRev === undefined) {
    const remoteHead = await resolveCommit(repo, 'refs/remotes/origin/HEAD');
    if (remoteHead !== undefined) {
      const contained = await gitRun(repo, ['merge-base', '--is-ancestor', head, remoteHead], { allowFailure: true });
      if (contained.code === 1) baseRev = remoteHead;
    }
  }
  if (baseRev === undefined) {
    if (await isShallow(repo)) await deepener.fetch(['--unshallow']);
    const commits = await revList(repo, [head]);
    const gaps: string[] = [];
    if (await hitsBoundary(repo, commits))
      gaps.push('the clone is shallow and has no remote to deepen from: history before the shallow boundary is unchecked');
    return finish(commits, 'the whole history (no base branch given)', gaps, deepener);
  }
  let base = await resolveCommit(repo, baseRev);
  if (base === undefined && /^[0-9a-f]{40,64}$/.test(baseRev) && (await deepener.fetchCommit(baseRev))) {
    base = await resolveCommit(repo, baseRev);
  }
  if (base === undefined) {
    return finish(
      [head],
      `${baseRev}..HEAD`,
      [`the base ${baseRev} is not in the clone and could not be fetched: only HEAD was checked`],
      deepener,
    );
  }
  const mergeBase = async (): Promise<string | undefined> => {
    const r = await gitRun(repo, ['merge-base', base, head], { allowFailure: true });
    return r.code === 0 ? r.stdout.trim() : undefined;
  };
  let mb = await mergeBase();
  for (let i = 0; mb === undefined && i < 5 && (await isShallow(repo)) && deepener.possible; i++) {
    if (!(await deepener.fetch([`--deepen=${100 * 4 ** i}`]))) break;
    mb = await mergeBase();
  }
  if (mb === undefined && (await isShallow(repo)) && deepener.possible && (await deepener.fetch(['--unshallow']))) mb = await mergeBase();
  if (mb === undefined) {
    const commits = await revList(repo, [head, `^${base}`]);
    const gap = (await hitsBoundary(repo, commits))
      ? `the clone is shallow and the base ${base.slice(0, 12)} could not be connected to HEAD: history before the shallow boundary is unchecked`
      : `HEAD and the base ${base.slice(0, 12)} have no common history`;
    return finish(commits.length > 0 ? commits : [head], `${base.slice(0, 12)}..HEAD (base branch)`, [gap], deepener);
  }
  const commits = await revList(repo, [head, `^${mb}`]);
  return finish(commits.length > 0 ? commits : [head], `${mb.slice(0, 12)}..HEAD (since the base branch)`, [], deepener);
}
