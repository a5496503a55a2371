/**
 * Commit identity: the checked-out HEAD is the commit that was expected (the event's SHA), and the
 * tree is clean, so what builds is exactly what was reviewed.
 */
import { ConfigurationError, code, type Logger } from '@secure-factory/core';
import { git } from './git.js';

export interface CommitIdentity {
  ok: boolean;
  head: string;
  expected: string | undefined;
  clean: boolean;
  shallow: boolean;
  problems: string[];
  summary: string;
  /** `XY path` of each change that makes the tree dirty (git status --porcelain). */
  dirty: string[];
}

/**
 * The factory's own output in a checkout: its evidence and work folder and the SARIF files its actions
 * write at the workspace root. Untracked, they are the factory's doing, not a change to the source.
 */
const FACTORY_OUTPUT = [/^\.secure-factory\//, /^secure-factory(-[\w.-]+)?\.sarif$/];

/** Paths of `git status --porcelain=v1 -z`, without the factory's own untracked output. */
export function dirtyPaths(porcelainZ: string): string[] {
  const out: string[] = [];
  const entries = porcelainZ.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] ?? '';
    if (e.length < 4) continue;
    const xy = e.slice(0, 2);
    const file = e.slice(3);
    // A rename or copy is followed by its source path.
    if (xy[0] === 'R' || xy[0] === 'C') i++;
    if (xy === '??' && FACTORY_OUTPUT.some((r) => r.test(file))) continue;
    out.push(`${xy.trim()} ${file}`);
  }
  return out;
}

export async function checkCommitIdentity(opts: {
  repo: string;
  expectedSha: string | undefined;
  logger: Logger;
}): Promise<CommitIdentity> {
  const inside = await git(opts.repo, ['rev-parse', '--is-inside-work-tree']).catch(() => 'false');
  if (inside.trim() !== 'true') {
    throw new ConfigurationError(`${opts.repo} is not a git work tree`, { hint: 'check out the repository first (actions/checkout)' });
  }
  const head = (await git(opts.repo, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).catch(() => '')).trim();
  if (!head) throw new ConfigurationError(`the repository at ${opts.repo} has no commits`);
  const status = await git(opts.repo, ['status', '--porcelain=v1', '-z', '--untracked-files=normal']);
  const dirty = dirtyPaths(status);
  const clean = dirty.length === 0;
  const shallow = (await git(opts.repo, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const problems: string[] = [];
  if (opts.expectedSha && opts.expectedSha !== head) problems.push(`HEAD is ${head}, not the expected commit ${opts.expectedSha}`);
  if (!clean) {
    const shown = dirty.slice(0, 10).join(', ');
    problems.push(`the work tree has uncommitted changes in ${dirty.length} path(s): ${shown}${dirty.length > 10 ? ', …' : ''}`);
  }
  const ok = problems.length === 0;
  for (const p of problems) opts.logger.error(p);
  const summary = [
    `### secure-factory source: commit identity ${ok ? '✅' : '❌'}`,
    '',
    `| check | result |`,
    `|---|---|`,
    `| HEAD | ${code(head)} |`,
    `| expected | ${opts.expectedSha ? code(opts.expectedSha) : '_not given_'} ${opts.expectedSha ? (opts.expectedSha === head ? '✅' : '❌') : ''} |`,
    `| clean work tree | ${clean ? '✅' : '❌'} |`,
    `| shallow clone | ${shallow ? 'yes (history checks deepen it as needed)' : 'no'} |`,
  ].join('\n');
  return { ok, head, expected: opts.expectedSha, clean, shallow, problems, summary, dirty };
}
