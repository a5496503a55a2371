/**
 * Finding the policy for a repository: an explicit file must exist; otherwise the repository's own
 * `.github/secure-factory.yml`, and without one the built-in safe defaults. The VSA names the policy
 * by its path inside the repository, so the same file gives the same URI on every machine.
 */
import path from 'node:path';
import { DEFAULT_POLICY_SOURCE, loadPolicy, type Policy } from '@secure-factory/core';

export async function loadSourcePolicy(opts: { repo: string; file?: string | undefined; baseDir?: string; now?: Date }): Promise<Policy> {
  const repo = path.resolve(opts.repo);
  const named = opts.file === undefined ? undefined : path.resolve(opts.baseDir ?? process.cwd(), opts.file);
  const policy = await loadPolicy(named, { dir: repo, ...(opts.now ? { now: opts.now } : {}) });
  if (policy.source.file === DEFAULT_POLICY_SOURCE) return policy;
  const file = policy.source.file;
  const rel = path.relative(repo, file);
  const name = rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
  return { ...policy, source: { ...policy.source, file: name } };
}
