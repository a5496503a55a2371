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
  const status = await git(opts.repo, ['status', '--porcelain=v1', '--untracked-files=normal']);
  const clean = status.trim() === '';
  const shallow = (await git(opts.repo, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const problems: string[] = [];
  if (opts.expectedSha && opts.expectedSha !== head) problems.push(`HEAD is ${head}, not the expected commit ${opts.expectedSha}`);
  if (!clean) problems.push(`the work tree has uncommitted changes (${status.trim().split('\n').length} paths)`);
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
  return { ok, head, expected: opts.expectedSha, clean, shallow, problems, summary };
}
