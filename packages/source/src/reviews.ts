/**
 * Review and protection evidence from the GitHub API: the pull request that introduced HEAD,
 * approvals by someone other than its author on its final commit, CODEOWNERS approval, required
 * status checks, and the rules (rulesets and branch protection) active on the branch. Anything the
 * token cannot read becomes "could not verify X: the token lacks Y" — a finding, never a pass.
 */
import type { Finding, Logger, Policy } from '@secure-factory/core';
import { CODEOWNERS_PATHS, ownersOf, parseCodeowners } from './codeowners.js';
import { gitRun } from './git.js';
import { couldNotVerify, type GitHubClient, type PullRequestInfo, type RuleInfo } from './github-api.js';

export type CheckResult = 'passed' | 'failed' | 'not-verified' | 'not-required';

export interface EvidenceCheck {
  check: string;
  result: CheckResult;
  detail: string;
}

export interface ReviewEvidence {
  pull?: { number: number; url: string; author: string; headSha: string; approvers: string[] };
  branch?: string;
  rules: string[];
  checks: EvidenceCheck[];
  findings: Finding[];
  /** What the API proved (used for the source level). */
  proven: {
    pullRequest: boolean;
    independentApproval: boolean;
    codeowners: boolean;
    statusChecks: boolean;
    /** Force pushes and deletion of the branch are prevented by active rules. */
    branchProtection: boolean;
    /** The rules require an approving review before merge. */
    reviewEnforced: boolean;
  };
}

function finding(rule: string, message: string, help: string, blocking: boolean, properties?: Record<string, unknown>): Finding {
  return { rule, severity: blocking ? 'high' : 'medium', blocking, message, help, ...(properties ? { properties } : {}) };
}

export function branchOf(ref: string | undefined, baseRef: string | undefined): string | undefined {
  if (baseRef) return baseRef.replace(/^refs\/heads\//, '');
  if (ref?.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (ref && !ref.startsWith('refs/')) return ref;
  return undefined;
}

/** Each reviewer's latest decisive review (COMMENTED and PENDING do not change a decision). */
function latestDecisions(reviews: { user: string; state: string; commitId: string }[]): Map<string, { state: string; commitId: string }> {
  const out = new Map<string, { state: string; commitId: string }>();
  for (const r of reviews) {
    if (r.state === 'COMMENTED' || r.state === 'PENDING' || !r.user) continue;
    out.set(r.user.toLowerCase(), { state: r.state, commitId: r.commitId });
  }
  return out;
}

export async function checkReviewEvidence(opts: {
  client: GitHubClient;
  repo: string;
  head: string;
  ref?: string | undefined;
  baseRef?: string | undefined;
  /** The pull request of a pull_request event; its head must be HEAD (or the PR side of GitHub's test merge). */
  pullNumber?: number | undefined;
  /** Commits that stand for HEAD's content: the PR head parent of GitHub's content-neutral test merge. */
  headAliases?: string[] | undefined;
  policy: Policy['sourceCheck'];
  logger: Logger;
}): Promise<ReviewEvidence> {
  const { client, policy, head } = opts;
  const needReview = policy.reviews.approvals > 0;
  const ev: ReviewEvidence = {
    rules: [],
    checks: [],
    findings: [],
    proven: {
      pullRequest: false,
      independentApproval: false,
      codeowners: false,
      statusChecks: false,
      branchProtection: false,
      reviewEnforced: false,
    },
  };
  const add = (check: string, result: CheckResult, detail: string): void => {
    ev.checks.push({ check, result, detail });
  };

  // ---- rules active on the branch ----
  const branch = branchOf(opts.ref, opts.baseRef);
  let rules: RuleInfo[] = [];
  if (branch === undefined) {
    const msg = `could not verify branch protection: the ref ${opts.ref ?? '(none)'} is not a branch and no base branch was given`;
    add('branch protection', 'not-verified', msg);
    if (policy.branchProtection)
      ev.findings.push(
        finding(
          'source/could-not-verify',
          msg,
          'set checkout-verify input base-ref to the protected branch the change came from (CLI --base-ref)',
          true,
        ),
      );
  } else {
    ev.branch = branch;
    const r = await client.branchRules(branch);
    if (!r.ok) {
      const msg = couldNotVerify(`the rules of branch ${branch}`, 'metadata: read (and contents: read for private repositories)', r);
      add('branch protection', 'not-verified', msg);
      if (policy.branchProtection || needReview)
        ev.findings.push(finding('source/could-not-verify', msg, 'give the step a token that can read the repository rules', true));
    } else {
      rules = r.value;
      const has = (t: string): boolean => rules.some((x) => x.type === t);
      // The rules endpoint returns rulesets only; classic branch protection is read separately.
      let classicNote = '';
      let classicUnreadable: string | undefined;
      if (!(has('non_fast_forward') && has('deletion') && has('pull_request'))) {
        const c = await client.classicProtection(branch);
        if (c.ok) {
          rules = [...rules, ...c.value.filter((x) => !has(x.type))];
          if (c.value.length > 0) classicNote = ' (including classic branch protection)';
        } else if (!(c.status === 404 && /not protected/i.test(c.message))) {
          classicUnreadable = couldNotVerify(`the classic branch protection of ${branch}`, 'administration: read', c);
        }
      }
      ev.rules = [...new Set(rules.map((x) => x.type))].sort();
      ev.proven.branchProtection = has('non_fast_forward') && has('deletion');
      const missing = ['non_fast_forward', 'deletion'].filter((t) => !has(t));
      if (ev.proven.branchProtection) {
        add('branch protection', 'passed', `force pushes and deletion of ${branch} are blocked by active rules${classicNote}`);
      } else if (classicUnreadable !== undefined) {
        add('branch protection', 'not-verified', `no active ruleset rule ${missing.join(' or ')} on ${branch}; ${classicUnreadable}`);
        if (policy.branchProtection) {
          ev.findings.push(
            finding(
              'source/could-not-verify',
              classicUnreadable,
              'protect the branch with a ruleset, or give the token administration: read',
              true,
              {
                branch,
                rules: ev.rules,
              },
            ),
          );
        }
      } else {
        add(
          'branch protection',
          policy.branchProtection ? 'failed' : 'not-required',
          `no active rule ${missing.join(' or ')} on ${branch}`,
        );
        if (policy.branchProtection) {
          ev.findings.push(
            finding(
              'source/branch-protection',
              `branch ${branch} is not protected: no active ${missing.join(' or ')} rule`,
              'add a ruleset that blocks force pushes and deletion of the branch',
              true,
              { branch, rules: ev.rules },
            ),
          );
        }
      }
      const pr = rules.find((x) => x.type === 'pull_request');
      const count = typeof pr?.parameters.required_approving_review_count === 'number' ? pr.parameters.required_approving_review_count : 0;
      ev.proven.reviewEnforced = pr !== undefined && count >= Math.max(1, policy.reviews.approvals);
    }
  }

  // ---- the pull request that introduced HEAD ----
  let pull: PullRequestInfo | undefined;
  const found = await findPull({ ...opts, branch });
  if (!found.ok) {
    add('pull request', 'not-verified', found.message);
    if (needReview || policy.reviews.codeowners)
      ev.findings.push(finding('source/could-not-verify', found.message, 'grant the token pull-requests: read', true));
  } else if (typeof found.value === 'string') {
    add('pull request', needReview ? 'failed' : 'not-required', found.value);
    if (needReview || policy.reviews.codeowners)
      ev.findings.push(finding('source/no-pull-request', found.value, 'merge changes through reviewed pull requests', true));
  } else {
    pull = found.value;
    ev.proven.pullRequest = true;
    add('pull request', 'passed', `#${pull.number} by ${pull.author}${pull.mergedAt ? ', merged' : ''}`);
  }

  let approvers: string[] = [];
  if (pull) {
    const reviews = await client.reviews(pull.number);
    if (!reviews.ok) {
      const msg = couldNotVerify(`the reviews of pull request #${pull.number}`, 'pull-requests: read', reviews);
      add('approvals', 'not-verified', msg);
      if (needReview || policy.reviews.codeowners)
        ev.findings.push(finding('source/could-not-verify', msg, 'grant the token pull-requests: read', true));
    } else {
      const decisions = latestDecisions(reviews.value);
      const author = pull.author.toLowerCase();
      // Two parties: neither the pull request's author nor whoever wrote its final commit may approve it.
      const excluded = new Set([author]);
      let finalAuthor = '';
      const users = await client.commitUsers(pull.headSha);
      let usersUnknown: string | undefined;
      if (users.ok) {
        finalAuthor = users.value.author;
        for (const u of [users.value.author, users.value.committer]) if (u && u !== 'web-flow') excluded.add(u);
      } else {
        usersUnknown = couldNotVerify(`who wrote the final commit ${pull.headSha.slice(0, 12)}`, 'contents: read', users);
      }
      const stale: string[] = [];
      const own: string[] = [];
      for (const [user, d] of decisions) {
        if (d.state !== 'APPROVED') continue;
        if (excluded.has(user)) own.push(user);
        else if (d.commitId === pull.headSha) approvers.push(user);
        else stale.push(user);
      }
      // Fail closed: without knowing the final commit's author, no approval can be shown independent.
      if (usersUnknown !== undefined) approvers = [];
      approvers = approvers.sort();
      ev.proven.independentApproval = approvers.length >= Math.max(1, policy.reviews.approvals);
      const detail =
        `${approvers.length} approval(s) on the final commit ${pull.headSha.slice(0, 12)} by someone other than ${pull.author}` +
        (finalAuthor && finalAuthor !== author ? ` and ${finalAuthor}` : '') +
        (approvers.length ? ` (${approvers.join(', ')})` : '') +
        (stale.length ? `; approvals of earlier commits do not count (${stale.join(', ')})` : '') +
        (own.length ? `; the authors' own approvals do not count (${own.sort().join(', ')})` : '') +
        (usersUnknown ? `; ${usersUnknown}` : '');
      const ok = approvers.length >= policy.reviews.approvals;
      add('approvals', needReview ? (ok ? 'passed' : 'failed') : 'not-required', detail);
      if (!ok) {
        ev.findings.push(
          finding(
            'source/review',
            `pull request #${pull.number} has ${approvers.length} of ${policy.reviews.approvals} required approval(s): ${detail}`,
            'have someone other than the author approve the final commit',
            true,
            {
              pull: pull.number,
              approvers,
            },
          ),
        );
      }
    }
    ev.pull = { number: pull.number, url: pull.url, author: pull.author, headSha: pull.headSha, approvers };

    if (policy.reviews.codeowners) await checkCodeowners(opts, pull, approvers, ev, add);
  } else if (policy.reviews.codeowners) add('CODEOWNERS', 'not-verified', 'no pull request to check');

  // ---- required status checks ----
  const contexts = [
    ...new Set(
      rules
        .filter((x) => x.type === 'required_status_checks')
        .flatMap((x): unknown[] =>
          Array.isArray(x.parameters.required_status_checks) ? (x.parameters.required_status_checks as unknown[]) : [],
        )
        .map((c) => {
          const context = typeof c === 'object' && c !== null ? (c as { context?: unknown }).context : undefined;
          return typeof context === 'string' ? context : '';
        })
        .filter(Boolean),
    ),
  ];
  if (contexts.length === 0) add('required status checks', 'not-required', 'the branch rules require no status checks');
  else {
    const sha = pull?.headSha || head;
    const runs = await client.checkRuns(sha);
    const statuses = await client.statuses(sha);
    if (!runs.ok && !statuses.ok) {
      const msg = couldNotVerify(`the required status checks of ${sha.slice(0, 12)}`, 'checks: read and statuses: read', runs);
      add('required status checks', 'not-verified', msg);
      ev.findings.push(finding('source/could-not-verify', msg, 'grant the token checks: read and statuses: read', true));
    } else {
      const passed = new Set<string>();
      for (const c of runs.ok ? runs.value : []) if (c.status === 'completed' && c.conclusion === 'success') passed.add(c.name);
      for (const s of statuses.ok ? statuses.value : []) if (s.state === 'success') passed.add(s.context);
      const failed = contexts.filter((c) => !passed.has(c));
      ev.proven.statusChecks = failed.length === 0;
      add(
        'required status checks',
        failed.length === 0 ? 'passed' : 'failed',
        failed.length === 0
          ? `${contexts.join(', ')} passed on ${sha.slice(0, 12)}`
          : `${failed.join(', ')} did not pass on ${sha.slice(0, 12)}`,
      );
      if (failed.length > 0) {
        ev.findings.push(
          finding(
            'source/status-checks',
            `required status checks did not pass on ${sha.slice(0, 12)}: ${failed.join(', ')}`,
            'merge only after the required checks pass',
            true,
            { failed },
          ),
        );
      }
    }
  }
  return ev;
}

/** The pull request behind HEAD, or a sentence saying why there is none. */
async function findPull(opts: {
  client: GitHubClient;
  head: string;
  pullNumber?: number | undefined;
  headAliases?: string[] | undefined;
  /** The protected branch: a commit found through the commit's pulls must have been merged into it. */
  branch?: string | undefined;
}): Promise<{ ok: true; value: PullRequestInfo | string } | { ok: false; message: string }> {
  const { client, head } = opts;
  if (opts.pullNumber !== undefined) {
    const r = await client.pull(opts.pullNumber);
    if (!r.ok) return { ok: false, message: couldNotVerify(`pull request #${opts.pullNumber}`, 'pull-requests: read', r) };
    if (r.value.headSha === head || (opts.headAliases ?? []).includes(r.value.headSha)) return { ok: true, value: r.value };
    return {
      ok: true,
      value: `pull request #${opts.pullNumber} is at ${r.value.headSha.slice(0, 12) || '(unknown)'}, not at the checked-out commit ${head.slice(0, 12)}`,
    };
  }
  const pulls = await client.pullsForCommit(head);
  if (!pulls.ok) return { ok: false, message: couldNotVerify('the pull request that introduced the commit', 'pull-requests: read', pulls) };
  const pull = pulls.value.find((p) => p.mergeCommitSha === head && p.mergedAt !== null) ?? pulls.value.find((p) => p.headSha === head);
  if (pull === undefined) return { ok: true, value: `commit ${head.slice(0, 12)} was not introduced by a pull request (pushed directly)` };
  // A tag can point anywhere: the review counts only when it merged into the branch whose rules were checked.
  if (opts.branch !== undefined && pull.baseRef !== '' && pull.baseRef !== opts.branch) {
    return {
      ok: true,
      value: `commit ${head.slice(0, 12)} came from pull request #${pull.number} into ${pull.baseRef}, not into the protected branch ${opts.branch}`,
    };
  }
  return { ok: true, value: pull };
}

async function checkCodeowners(
  opts: { client: GitHubClient; repo: string; head: string },
  pull: PullRequestInfo,
  approvers: string[],
  ev: ReviewEvidence,
  add: (check: string, result: CheckResult, detail: string) => void,
): Promise<void> {
  let text: string | undefined;
  for (const p of CODEOWNERS_PATHS) {
    const r = await gitRun(opts.repo, ['show', `${opts.head}:${p}`], { allowFailure: true });
    if (r.code === 0) {
      text = r.stdout;
      break;
    }
  }
  if (text === undefined) {
    add('CODEOWNERS', 'failed', 'the policy requires code-owner approval but the repository has no CODEOWNERS file');
    ev.findings.push(
      finding(
        'source/codeowners',
        'the policy requires code-owner approval but the repository has no CODEOWNERS file',
        'add .github/CODEOWNERS',
        true,
      ),
    );
    return;
  }
  const rules = parseCodeowners(text);
  const files = await opts.client.pullFiles(pull.number);
  if (!files.ok) {
    const msg = couldNotVerify(`code-owner approval of pull request #${pull.number}`, 'pull-requests: read', files);
    add('CODEOWNERS', 'not-verified', msg);
    ev.findings.push(finding('source/could-not-verify', msg, 'grant the token pull-requests: read', true));
    return;
  }
  const approved = new Set(approvers);
  const teamCache = new Map<string, string[] | string>();
  const unapproved: string[] = [];
  const unverifiable: string[] = [];
  for (const file of files.value) {
    const { owners } = ownersOf(rules, file);
    if (owners.length === 0) continue;
    let ok = false;
    for (const owner of owners) {
      if (!owner.startsWith('@')) continue; // e-mail owners cannot be matched to GitHub logins here
      const name = owner.slice(1).toLowerCase();
      if (!name.includes('/')) {
        if (approved.has(name)) ok = true;
      } else {
        const [org, team] = name.split('/') as [string, string];
        if (!teamCache.has(name)) {
          const m = await opts.client.teamMembers(org, team);
          teamCache.set(name, m.ok ? m.value : couldNotVerify(`membership of ${owner}`, 'members: read on the organisation', m));
        }
        const members = teamCache.get(name);
        if (typeof members === 'string') unverifiable.push(members);
        else if (members?.some((u) => approved.has(u))) ok = true;
      }
      if (ok) break;
    }
    if (!ok) unapproved.push(`${file} (owners ${owners.join(' ')})`);
  }
  if (unapproved.length === 0) {
    ev.proven.codeowners = true;
    add('CODEOWNERS', 'passed', `every changed file owned in CODEOWNERS was approved by an owner (${files.value.length} files)`);
    return;
  }
  const detail = `${unapproved.length} changed file(s) lack an owner's approval: ${unapproved.slice(0, 5).join(', ')}${unapproved.length > 5 ? ', …' : ''}`;
  if (unverifiable.length > 0) {
    const msg = [...new Set(unverifiable)][0] ?? '';
    add('CODEOWNERS', 'not-verified', `${detail}; ${msg}`);
    ev.findings.push(finding('source/could-not-verify', msg, 'give the token read access to the organisation members', true));
  } else add('CODEOWNERS', 'failed', detail);
  ev.findings.push(
    finding('source/codeowners', detail, 'have a code owner approve the final commit', true, { files: unapproved.slice(0, 50) }),
  );
}
