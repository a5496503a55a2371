/**
 * GitHub REST API answers in the documented shapes (docs.github.com/rest, API version 2022-11-28),
 * trimmed to the fields a client may read but keeping their real names and nesting. Each function
 * returns one recorded answer for the values a test needs.
 */
const API = 'https://api.github.com';

export function user(login: string, id = 1000 + login.length): Record<string, unknown> {
  return {
    login,
    id,
    node_id: `MDQ6VXNlcj${id}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    url: `${API}/users/${login}`,
    html_url: `https://github.com/${login}`,
    type: 'User',
    site_admin: false,
  };
}

/** GET /repos/{owner}/{repo}/commits/{ref} */
/** Also the answer that names a commit's author and committer logins. */
export function commit(
  repo: string,
  sha: string,
  verification: { verified: boolean; reason: string; signature: string | null; payload: string | null },
  logins: { author?: string; committer?: string } = {},
): Record<string, unknown> {
  return {
    url: `${API}/repos/${repo}/commits/${sha}`,
    sha,
    node_id: 'C_kwDOAAABCDE',
    html_url: `https://github.com/${repo}/commit/${sha}`,
    comments_url: `${API}/repos/${repo}/commits/${sha}/comments`,
    commit: {
      url: `${API}/repos/${repo}/git/commits/${sha}`,
      author: { name: 'Alice', email: 'alice@example.com', date: '2026-11-24T10:00:00Z' },
      committer: { name: 'GitHub', email: 'noreply@github.com', date: '2026-11-24T10:00:00Z' },
      message: 'Merge pull request #7 from acme/feature',
      tree: { url: `${API}/repos/${repo}/git/trees/${'1'.repeat(40)}`, sha: '1'.repeat(40) },
      comment_count: 0,
      verification: { ...verification, verified_at: verification.verified ? '2026-11-24T10:00:01Z' : null },
    },
    author: user(logins.author ?? 'alice'),
    committer: logins.committer ? user(logins.committer) : { ...user('web-flow', 19864447), type: 'User' },
    parents: [],
    stats: { additions: 1, deletions: 0, total: 1 },
    files: [],
  };
}

/** One item of GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls */
export function pull(
  repo: string,
  o: { number: number; author: string; headSha: string; mergeCommitSha: string | null; merged: boolean; baseRef?: string },
): Record<string, unknown> {
  const [owner] = repo.split('/');
  return {
    url: `${API}/repos/${repo}/pulls/${o.number}`,
    id: 1_000_000 + o.number,
    node_id: 'PR_kwDOAAABCDE',
    html_url: `https://github.com/${repo}/pull/${o.number}`,
    diff_url: `https://github.com/${repo}/pull/${o.number}.diff`,
    number: o.number,
    state: o.merged ? 'closed' : 'open',
    locked: false,
    title: 'Add the feature',
    user: user(o.author),
    body: 'Adds the feature.',
    labels: [],
    created_at: '2026-11-23T09:00:00Z',
    updated_at: '2026-11-24T10:00:00Z',
    closed_at: o.merged ? '2026-11-24T10:00:00Z' : null,
    merged_at: o.merged ? '2026-11-24T10:00:00Z' : null,
    merge_commit_sha: o.mergeCommitSha,
    assignee: null,
    requested_reviewers: [],
    head: { label: `${owner}:feature`, ref: 'feature', sha: o.headSha, user: user(owner ?? 'acme'), repo: { full_name: repo } },
    base: {
      label: `${owner}:${o.baseRef ?? 'main'}`,
      ref: o.baseRef ?? 'main',
      sha: '2'.repeat(40),
      user: user(owner ?? 'acme'),
      repo: { full_name: repo },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
  };
}

/** One item of GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews */
export function review(
  repo: string,
  n: number,
  o: { id: number; reviewer: string; state: string; commitId: string },
): Record<string, unknown> {
  return {
    id: o.id,
    node_id: 'PRR_kwDOAAABCDE',
    user: user(o.reviewer),
    body: o.state === 'APPROVED' ? 'LGTM' : 'Please change this.',
    state: o.state,
    html_url: `https://github.com/${repo}/pull/${n}#pullrequestreview-${o.id}`,
    pull_request_url: `${API}/repos/${repo}/pulls/${n}`,
    _links: {
      html: { href: `https://github.com/${repo}/pull/${n}#pullrequestreview-${o.id}` },
      pull_request: { href: `${API}/repos/${repo}/pulls/${n}` },
    },
    submitted_at: `2026-11-24T09:${String(o.id % 60).padStart(2, '0')}:00Z`,
    commit_id: o.commitId,
    author_association: 'MEMBER',
  };
}

/** GET /repos/{owner}/{repo}/rules/branches/{branch}: the rules active on a branch. */
export function branchRules(
  repo: string,
  o: { protection?: boolean; approvals?: number; codeowners?: boolean; checks?: string[]; signatures?: boolean },
): Record<string, unknown>[] {
  const src = { ruleset_source_type: 'Repository', ruleset_source: repo, ruleset_id: 42 };
  const rules: Record<string, unknown>[] = [];
  if (o.protection !== false) rules.push({ type: 'deletion', ...src }, { type: 'non_fast_forward', ...src });
  if (o.approvals !== undefined) {
    rules.push({
      type: 'pull_request',
      ...src,
      parameters: {
        required_approving_review_count: o.approvals,
        dismiss_stale_reviews_on_push: true,
        require_code_owner_review: o.codeowners === true,
        require_last_push_approval: true,
        required_review_thread_resolution: false,
        allowed_merge_methods: ['merge', 'squash', 'rebase'],
      },
    });
  }
  if (o.checks?.length) {
    rules.push({
      type: 'required_status_checks',
      ...src,
      parameters: {
        strict_required_status_checks_policy: true,
        do_not_enforce_on_create: false,
        required_status_checks: o.checks.map((context) => ({ context, integration_id: 15368 })),
      },
    });
  }
  if (o.signatures) rules.push({ type: 'required_signatures', ...src });
  return rules;
}

/** GET /repos/{owner}/{repo}/commits/{ref}/check-runs */
export function checkRuns(sha: string, runs: { name: string; conclusion: string }[]): Record<string, unknown> {
  return {
    total_count: runs.length,
    check_runs: runs.map((r, i) => ({
      id: 4000 + i,
      head_sha: sha,
      node_id: 'CR_kwDOAAABCDE',
      external_id: '',
      url: `${API}/repos/acme/app/check-runs/${4000 + i}`,
      html_url: `https://github.com/acme/app/runs/${4000 + i}`,
      details_url: `https://github.com/acme/app/actions/runs/8812/job/${4000 + i}`,
      status: 'completed',
      conclusion: r.conclusion,
      started_at: '2026-11-24T09:30:00Z',
      completed_at: '2026-11-24T09:35:00Z',
      output: { title: null, summary: null, text: null, annotations_count: 0, annotations_url: '' },
      name: r.name,
      check_suite: { id: 5000 },
      app: { id: 15368, slug: 'github-actions', name: 'GitHub Actions', owner: user('github') },
      pull_requests: [],
    })),
  };
}

/** GET /repos/{owner}/{repo}/commits/{ref}/status (the combined status) */
export function combinedStatus(repo: string, sha: string, statuses: { context: string; state: string }[]): Record<string, unknown> {
  return {
    state: statuses.every((s) => s.state === 'success') ? 'success' : statuses.length ? 'failure' : 'pending',
    statuses: statuses.map((s, i) => ({
      url: `${API}/repos/${repo}/statuses/${sha}`,
      avatar_url: 'https://github.com/images/error/hubot_happy.gif',
      id: 6000 + i,
      node_id: 'SC_kwDOAAABCDE',
      state: s.state,
      description: 'Build finished.',
      target_url: 'https://ci.example.com/1000/output',
      context: s.context,
      created_at: '2026-11-24T09:30:00Z',
      updated_at: '2026-11-24T09:35:00Z',
    })),
    sha,
    total_count: statuses.length,
    repository: { full_name: repo },
    commit_url: `${API}/repos/${repo}/commits/${sha}`,
    url: `${API}/repos/${repo}/commits/${sha}/status`,
  };
}

/** One item of GET /repos/{owner}/{repo}/pulls/{pull_number}/files */
export function pullFile(repo: string, filename: string): Record<string, unknown> {
  return {
    sha: '3'.repeat(40),
    filename,
    status: 'modified',
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `https://github.com/${repo}/blob/${'3'.repeat(40)}/${filename}`,
    raw_url: `https://github.com/${repo}/raw/${'3'.repeat(40)}/${filename}`,
    contents_url: `${API}/repos/${repo}/contents/${filename}?ref=${'3'.repeat(40)}`,
    patch: '@@ -1 +1,2 @@\n line\n+line',
  };
}

/** GET /repos/{owner}/{repo}/branches/{branch}/protection (classic branch protection) */
export function classicProtection(
  repo: string,
  branch: string,
  o: { forcePushes: boolean; deletions: boolean; approvals?: number; checks?: string[] },
): Record<string, unknown> {
  const url = `${API}/repos/${repo}/branches/${branch}/protection`;
  return {
    url,
    ...(o.checks
      ? {
          required_status_checks: {
            url: `${url}/required_status_checks`,
            strict: true,
            contexts: o.checks,
            contexts_url: `${url}/required_status_checks/contexts`,
            checks: o.checks.map((context) => ({ context, app_id: null })),
          },
        }
      : {}),
    enforce_admins: { url: `${url}/enforce_admins`, enabled: true },
    ...(o.approvals !== undefined
      ? {
          required_pull_request_reviews: {
            url: `${url}/required_pull_request_reviews`,
            dismiss_stale_reviews: true,
            require_code_owner_reviews: false,
            required_approving_review_count: o.approvals,
            require_last_push_approval: true,
          },
        }
      : {}),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: o.forcePushes },
    allow_deletions: { enabled: o.deletions },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
}

/** GitHub's answer for a branch without classic protection. */
export const BRANCH_NOT_PROTECTED = {
  status: 404,
  body: {
    message: 'Branch not protected',
    documentation_url: 'https://docs.github.com/rest/branches/branch-protection#get-branch-protection',
    status: '404',
  },
};
