/**
 * The range of history checked follows the event, as the example callers trigger it: a tag release
 * since the previous release tag (or `source.since`), a branch push since its `before`, a pull request
 * since its base. A tag release is held to the rules and reviews of the default branch it was cut from.
 * The policy is the default one plus the list of signers.
 */
import { MemoryLogger, parsePolicy, type Policy } from '@secure-factory/core';
import { verifySource, type VerifySourceResult } from '@secure-factory/source';
import { startGitHubApiServer, type ApiRoute, type GitHubApiServer } from '../support/github-api-server.js';
import { cleanupFixtures, sshKey, TestRepo, type SshKey } from './git-fixtures.js';
import * as rec from './github-recordings.js';

const REPO = 'acme/app';
const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null };
const signed = { email: 'bob@example.com' };

let bob: SshKey;
let api: GitHubApiServer | undefined;
beforeAll(() => {
  bob = sshKey('bob');
});
afterAll(() => cleanupFixtures());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** The default policy: only the signers are written down. */
function defaultPolicy(extra: Record<string, unknown> = {}): Policy {
  const source = { signers: [{ name: 'bob', ssh: bob.line, email: 'bob@example.com' }], ...extra };
  return parsePolicy(JSON.stringify({ apiVersion: 'secure-factory/v1', source }), '.github/secure-factory.yml');
}

/**
 * An old unsigned history, release v1.0.0, then a pull request (#7, final commit FINAL) squash-merged
 * as a signed commit and tagged v1.1.0.
 */
function releaseRepo(): { repo: TestRepo; head: string; previous: string; unsigned: string } {
  const repo = new TestRepo();
  const unsigned = repo.commit('before anyone signed', { kind: 'none' }, signed);
  const previous = repo.commit('release 1.0.0', { kind: 'ssh', key: bob }, signed);
  repo.git('tag', 'v1.0.0');
  repo.commit('Add the feature (#7)', { kind: 'ssh', key: bob }, signed, 'src/app.ts');
  repo.git('tag', '-a', '-m', 'v1.1.0', 'v1.1.0');
  return { repo, head: repo.head(), previous, unsigned };
}

function reviewedRoutes(head: string, o: { baseRef?: string } = {}): ApiRoute[] {
  const final = 'f1a1'.padEnd(40, '0');
  return [
    { method: 'GET', path: `/repos/${REPO}/rules/branches/main`, body: rec.branchRules(REPO, { approvals: 1 }) },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/${head}/pulls`,
      body: [
        rec.pull(REPO, { number: 7, author: 'alice', headSha: final, mergeCommitSha: head, merged: true, baseRef: o.baseRef ?? 'main' }),
      ],
    },
    {
      method: 'GET',
      path: `/repos/${REPO}/pulls/7/reviews`,
      body: [rec.review(REPO, 7, { id: 1, reviewer: 'carol', state: 'APPROVED', commitId: final })],
    },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/${final}`,
      body: rec.commit(REPO, final, UNSIGNED, { author: 'alice', committer: 'alice' }),
    },
  ];
}

async function verify(repo: TestRepo, policy: Policy, ctx: { ref: string; baseRef?: string; base?: string }): Promise<VerifySourceResult> {
  return verifySource({
    repo: repo.dir,
    policy,
    github: { token: 'ghs_test', baseUrl: api?.url, owner: 'acme', repo: 'app', ref: ctx.ref, baseRef: ctx.baseRef },
    base: ctx.base,
    auditWorkflows: false,
    logger: new MemoryLogger(),
  });
}

const blocking = (r: VerifySourceResult): string[] => r.findings.filter((f) => f.blocking).map((f) => `${f.rule}: ${f.message}`);

describe('a tag release', () => {
  it('the default policy admits a signed, reviewed tag release: checked since the previous release tag, against the default branch', async () => {
    const { repo, head, unsigned } = releaseRepo();
    api = await startGitHubApiServer(reviewedRoutes(head));
    const r = await verify(repo, defaultPolicy(), { ref: 'refs/tags/v1.1.0', baseRef: 'main' });
    expect(blocking(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.levelName).toBe('SLSA_SOURCE_LEVEL_3');
    expect(r.range?.description).toBe('v1.0.0..v1.1.0 (since the previous release)');
    expect(r.range?.commits).toEqual([head]);
    // The unsigned commit before the previous release is outside the range.
    expect(r.signatures.map((s) => s.sha)).not.toContain(unsigned);
  });

  it('a tag whose commit came from a pull request into another branch is not reviewed for the default branch', async () => {
    const { repo, head } = releaseRepo();
    api = await startGitHubApiServer(reviewedRoutes(head, { baseRef: 'experiments' }));
    const r = await verify(repo, defaultPolicy(), { ref: 'refs/tags/v1.1.0', baseRef: 'main' });
    expect(r.ok).toBe(false);
    expect(blocking(r).join('\n')).toMatch(/came from pull request #7 into experiments, not into the protected branch main/);
  });

  it('without a base branch a tag cannot be held to branch protection (the action passes the default branch)', async () => {
    const { repo, head } = releaseRepo();
    api = await startGitHubApiServer(reviewedRoutes(head));
    const r = await verify(repo, defaultPolicy(), { ref: 'refs/tags/v1.1.0' });
    expect(blocking(r).join('\n')).toMatch(/the ref refs\/tags\/v1.1.0 is not a branch and no base branch was given/);
  });

  it('the first release checks the whole history, and source.since starts it later', async () => {
    const repo = new TestRepo();
    const old = repo.commit('unsigned prehistory', { kind: 'none' }, signed);
    repo.commit('first signed commit', { kind: 'ssh', key: bob }, signed);
    repo.commit('Add the feature (#7)', { kind: 'ssh', key: bob }, signed);
    repo.git('tag', 'v1.0.0');
    const head = repo.head();
    api = await startGitHubApiServer(reviewedRoutes(head));
    const whole = await verify(repo, defaultPolicy(), { ref: 'refs/tags/v1.0.0', baseRef: 'main' });
    expect(whole.range?.description).toBe('the whole history (no release before v1.0.0)');
    expect(whole.ok).toBe(false);
    expect(blocking(whole).join('\n')).toContain(old.slice(0, 12));

    const since = await verify(repo, defaultPolicy({ since: old }), { ref: 'refs/tags/v1.0.0', baseRef: 'main' });
    expect(since.range?.description).toBe(`${old}..HEAD (source.since)`);
    expect(since.range?.commits).toHaveLength(2);
    expect(blocking(since)).toEqual([]);

    const missing = await verify(repo, defaultPolicy({ since: 'v0.9.0' }), { ref: 'refs/tags/v1.0.0', baseRef: 'main' });
    expect(blocking(missing).join('\n')).toMatch(/source.since v0.9.0 is not a tag or commit of this clone/);
  });
});

describe('a branch push and a pull request', () => {
  it('a push is checked from its before commit', async () => {
    const repo = new TestRepo();
    repo.commit('unsigned prehistory', { kind: 'none' }, signed);
    const before = repo.commit('signed', { kind: 'ssh', key: bob }, signed);
    repo.commit('Add the feature (#7)', { kind: 'ssh', key: bob }, signed);
    const head = repo.head();
    api = await startGitHubApiServer(reviewedRoutes(head));
    const r = await verify(repo, defaultPolicy(), { ref: 'refs/heads/main', base: before });
    expect(r.range?.description).toBe(`${before.slice(0, 12)}..HEAD (since the base branch)`);
    expect(blocking(r)).toEqual([]);
  });

  it('a pull request is checked from its base', async () => {
    const repo = new TestRepo();
    repo.commit('unsigned prehistory', { kind: 'none' }, signed);
    const base = repo.commit('signed', { kind: 'ssh', key: bob }, signed);
    const head = repo.commit('pr work', { kind: 'ssh', key: bob }, signed);
    const routes = reviewedRoutes(head).filter((x) => !x.path.endsWith('/pulls'));
    api = await startGitHubApiServer([
      ...routes,
      {
        method: 'GET',
        path: `/repos/${REPO}/pulls/7`,
        body: rec.pull(REPO, { number: 7, author: 'alice', headSha: 'f1a1'.padEnd(40, '0'), mergeCommitSha: null, merged: false }),
      },
    ]);
    const r = await verifySource({
      repo: repo.dir,
      policy: defaultPolicy({ reviews: { approvals: 0 } }),
      github: { token: 't', baseUrl: api.url, owner: 'acme', repo: 'app', ref: 'refs/pull/7/merge', baseRef: 'main' },
      base,
      auditWorkflows: false,
      logger: new MemoryLogger(),
    });
    expect(r.range?.description).toBe(`${base.slice(0, 12)}..HEAD (since the base branch)`);
    expect(r.range?.commits).toEqual([head]);
  });
});
