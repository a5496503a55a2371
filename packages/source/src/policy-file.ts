/**
 * Finding the policy for a repository: an explicit file must exist; otherwise the repository's own
 * `.github/secure-factory.yml`, and without one the built-in safe defaults. The VSA names the policy
 * by its path inside the repository, so the same file gives the same URI on every machine.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY_PATH, defaultPolicy, loadPolicy, type Policy } from '@secure-factory/core';

export async function loadSourcePolicy(opts: { repo: string; file?: string | undefined; baseDir?: string; now?: Date }): Promise<Policy> {
  const repo = path.resolve(opts.repo);
  const file = opts.file === undefined ? path.join(repo, DEFAULT_POLICY_PATH) : path.resolve(opts.baseDir ?? process.cwd(), opts.file);
  if (opts.file === undefined && !existsSync(file)) return defaultPolicy();
  const policy = await loadPolicy(file, opts.now ? { now: opts.now } : {});
  const rel = path.relative(repo, file);
  const name = rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
  return { ...policy, source: { ...policy.source, file: name } };
}
