/** The source VSA: a verification_summary/v1 statement whose subject is the commit. */
import { makeStatement, PREDICATE, TOOL_URI, TOOL_VERSION, type Policy, type Statement, type VsaPredicate } from '@secure-factory/core';
import { gitRun } from './git.js';
import { levelName } from './source-level.js';

export const SOURCE_VSA_NAME = 'source.vsa';
export const SOURCE_VERIFIER_ID = `${TOOL_URI}/checkout-verify`;

/** `https://github.com/OWNER/REPO` from a remote URL (https, ssh or scp form), if it is on GitHub. */
export function githubRepoFromRemote(url: string): { owner: string; repo: string } | undefined {
  const m =
    /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|ssh:\/\/git@github\.com\/|git@github\.com:)([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  return m ? { owner: m[1] as string, repo: m[2] as string } : undefined;
}

/** The repository's URI (subject name) and the VSA resourceUri `git+<repo>@<ref>`. */
export async function resourceFor(opts: {
  repo: string;
  head: string;
  github?: { owner: string; repo: string; serverUrl?: string | undefined } | undefined;
  ref?: string | undefined;
}): Promise<{ repoUri: string; resourceUri: string; ref: string }> {
  let repoUri: string;
  if (opts.github) {
    repoUri = `${(opts.github.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${opts.github.owner}/${opts.github.repo}`;
  } else {
    const remote = await gitRun(opts.repo, ['remote', 'get-url', 'origin'], { allowFailure: true });
    const gh = remote.code === 0 ? githubRepoFromRemote(remote.stdout) : undefined;
    const path = (await gitRun(opts.repo, ['rev-parse', '--show-toplevel'])).stdout.trim();
    // Credentials embedded in a remote URL must never reach evidence.
    const clean = remote.code === 0 ? remote.stdout.trim().replace(/\/\/[^@/]+@/, '//') : '';
    repoUri = gh ? `https://github.com/${gh.owner}/${gh.repo}` : /^https?:\/\//.test(clean) ? clean : `file://${path}`;
  }
  let ref = opts.ref;
  if (!ref) {
    const sym = await gitRun(opts.repo, ['symbolic-ref', '--quiet', 'HEAD'], { allowFailure: true });
    ref = sym.code === 0 ? sym.stdout.trim() : opts.head;
  }
  return { repoUri, resourceUri: `git+${repoUri}@${ref}`, ref };
}

export function sourceVsa(opts: {
  repoUri: string;
  resourceUri: string;
  head: string;
  policy: Policy;
  passed: boolean;
  level: number;
  now: Date;
}): Statement<VsaPredicate> {
  return makeStatement<VsaPredicate>([{ name: opts.repoUri, digest: { gitCommit: opts.head } }], PREDICATE.vsa, {
    verifier: { id: SOURCE_VERIFIER_ID, version: { 'secure-factory': TOOL_VERSION } },
    timeVerified: opts.now.toISOString(),
    resourceUri: opts.resourceUri,
    policy: { uri: opts.policy.source.file, digest: { sha256: opts.policy.source.sha256 } },
    verificationResult: opts.passed ? 'PASSED' : 'FAILED',
    // VSA v1: the highest level of each track verified, or "FAILED" when the policy check failed.
    verifiedLevels: opts.passed ? [levelName(opts.level)] : ['FAILED'],
    slsaVersion: '1.2',
  });
}
