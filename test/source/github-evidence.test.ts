import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryLogger, parsePolicy, validateStatement, type Policy, type Statement, type VsaPredicate } from '@secure-factory/core';
import { verifySource, type VerifySourceResult } from '@secure-factory/source';
import { forbidden, paged, startGitHubApiServer, type ApiRoute, type GitHubApiServer } from '../support/github-api-server.js';
import { cleanupFixtures, gpgKey, sshKey, tempDir, TestRepo, type GpgKey, type SshKey } from './git-fixtures.js';
import * as rec from './github-recordings.js';

const REPO = 'acme/app';
const FINAL = 'c0ffee'.padEnd(40, '0');
const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null };

let bob: SshKey;
let webflow: GpgKey;
let api: GitHubApiServer;

beforeAll(() => {
  bob = sshKey('bob');
  webflow = gpgKey('GitHub', 'noreply@github.com');
});
afterAll(() => cleanupFixtures());
afterEach(async () => api?.close());

function policy(source: Record<string, unknown> = {}): Policy {
  const s = {
    'signed-commits': 'all',
    range: 'head',
    signers: [{ name: 'bob', ssh: bob.line, email: 'bob@example.com' }],
    reviews: { approvals: 1 },
    workflows: { audit: false },
    ...source,
  };
  return parsePolicy(JSON.stringify({ apiVersion: 'secure-factory/v1', source: s }), '.github/secure-factory.yml');
}

/** A repository whose HEAD is a signed squash-merge of pull request #7 (whose final commit is FINAL). */
function repoWithOwners(text: string): { repo: TestRepo; head: string } {
  const repo = new TestRepo();
  repo.commit('add owners', { kind: 'ssh', key: bob }, { email: 'bob@example.com' }, '.github/CODEOWNERS', text);
  repo.commit('Add the feature (#7)', { kind: 'ssh', key: bob }, { email: 'bob@example.com' }, 'src/app.ts');
  return { repo, head: repo.head() };
}

function happyRoutes(
  head: string,
  o: { reviews?: { reviewer: string; state: string; commitId: string }[]; files?: string[] } = {},
): ApiRoute[] {
  const reviews = o.reviews ?? [{ reviewer: 'carol', state: 'APPROVED', commitId: FINAL }];
  return [
    {
      method: 'GET',
      path: `/repos/${REPO}/rules/branches/{branch}`,
      body: rec.branchRules(REPO, { approvals: 1, codeowners: true, checks: ['test'] }),
    },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/{sha}/pulls`,
      body: [rec.pull(REPO, { number: 7, author: 'alice', headSha: FINAL, mergeCommitSha: head, merged: true })],
    },
    { method: 'GET', path: `/repos/${REPO}/pulls/7/reviews`, body: reviews.map((r, i) => rec.review(REPO, 7, { id: 80 + i, ...r })) },
    { method: 'GET', path: `/repos/${REPO}/pulls/7/files`, body: (o.files ?? ['src/app.ts']).map((f) => rec.pullFile(REPO, f)) },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/${FINAL}/check-runs`,
      body: rec.checkRuns(FINAL, [{ name: 'test', conclusion: 'success' }]),
    },
    { method: 'GET', path: `/repos/${REPO}/commits/${FINAL}/status`, body: rec.combinedStatus(REPO, FINAL, []) },
    { method: 'GET', path: '/orgs/acme/teams/docs/members', body: [rec.user('dave')] },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/${FINAL}`,
      body: rec.commit(REPO, FINAL, UNSIGNED, { author: 'alice', committer: 'alice' }),
    },
  ];
}

async function run(repo: TestRepo, p: Policy, more: Partial<Parameters<typeof verifySource>[0]> = {}): Promise<VerifySourceResult> {
  return verifySource({
    repo: repo.dir,
    policy: p,
    github: { token: 'ghs_test', baseUrl: api.url, owner: 'acme', repo: 'app', ref: 'refs/heads/main' },
    logger: new MemoryLogger(),
    now: new Date('2026-11-25T00:00:00Z'),
    ...more,
  });
}

const blocking = (r: VerifySourceResult): string[] => r.findings.filter((f) => f.blocking).map((f) => f.rule);

describe('review and protection evidence from the GitHub API', () => {
  it('reaches SLSA source level 3 with a signed, reviewed, protected change and writes the VSA', async () => {
    const { repo, head } = repoWithOwners('* @carol\n/docs/ @acme/docs\n');
    api = await startGitHubApiServer(happyRoutes(head));
    const evidence = tempDir('sf-ev-');
    const r = await run(repo, policy({ reviews: { approvals: 1, codeowners: true } }), { evidenceDir: evidence, expectedSha: head });
    expect(blocking(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.level).toBe(3);
    expect(r.review?.pull).toMatchObject({ number: 7, author: 'alice', approvers: ['carol'] });
    expect(r.review?.rules).toEqual(['deletion', 'non_fast_forward', 'pull_request', 'required_status_checks']);
    // The token went to the API, on the documented routes.
    expect(api.requests.every((q) => q.headers.authorization === 'token ghs_test')).toBe(true);
    expect(api.requests.map((q) => q.path)).toEqual(
      expect.arrayContaining([
        `/repos/acme/app/rules/branches/main`,
        `/repos/acme/app/commits/${head}/pulls`,
        '/repos/acme/app/pulls/7/reviews',
      ]),
    );
    const statement = JSON.parse(readFileSync(r.vsaPath ?? '', 'utf8')) as Statement<VsaPredicate>;
    expect(validateStatement(statement)).toEqual([]);
    expect(path.basename(r.vsaPath ?? '')).toBe('source.vsa.intoto.json');
    expect(statement.subject).toEqual([{ name: 'https://github.com/acme/app', digest: { gitCommit: head } }]);
    expect(statement.predicateType).toBe('https://slsa.dev/verification_summary/v1');
    expect(statement.predicate).toMatchObject({
      resourceUri: 'git+https://github.com/acme/app@refs/heads/main',
      verificationResult: 'PASSED',
      verifiedLevels: ['SLSA_SOURCE_LEVEL_3'],
      policy: { uri: '.github/secure-factory.yml', digest: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown } },
      timeVerified: '2026-11-25T00:00:00.000Z',
    });
    expect(r.summary).toContain('SLSA_SOURCE_LEVEL_3');
    expect(r.summary).toMatch(/approvals \| ✅/);
  });

  it('a 403 is "could not verify X: the token lacks Y", never a pass', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer([...happyRoutes(head), { method: 'GET', path: `/repos/${REPO}/pulls/7/reviews`, ...forbidden() }]);
    const r = await run(repo, policy());
    expect(r.ok).toBe(false);
    const f = r.findings.find((x) => x.rule === 'source/could-not-verify');
    expect(f?.message).toMatch(/could not verify the reviews of pull request #7: the token lacks pull-requests: read \(HTTP 403/);
    expect(r.summary).toMatch(/Could not verify/);
    expect(r.level).toBeLessThan(3);
  });

  it('a 404 on the rules (private repository, no access) is not read as "unprotected but fine"', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer(happyRoutes(head).filter((x) => !x.path.includes('/rules/')));
    const r = await run(repo, policy());
    expect(r.ok).toBe(false);
    expect(r.findings.some((x) => /could not verify the rules of branch main: the token lacks/.test(x.message))).toBe(true);
  });

  it('the author’s own approval and approvals of an earlier commit do not count', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer(
      happyRoutes(head, {
        reviews: [
          { reviewer: 'alice', state: 'APPROVED', commitId: FINAL },
          { reviewer: 'carol', state: 'APPROVED', commitId: 'e'.repeat(40) },
        ],
      }),
    );
    const r = await run(repo, policy());
    expect(blocking(r)).toEqual(['source/review']);
    expect(r.findings[0]?.message).toMatch(
      /0 of 1 required approval.*earlier commits do not count \(carol\).*the authors' own approvals do not count \(alice\)/,
    );
  });

  it('reads every page of a long review list (the approval is on page 2)', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    const comments = Array.from({ length: 120 }, (_, i) =>
      rec.review(REPO, 7, { id: 100 + i, reviewer: `user${i}`, state: 'COMMENTED', commitId: FINAL }),
    );
    const reviews = [...comments, rec.review(REPO, 7, { id: 999, reviewer: 'carol', state: 'APPROVED', commitId: FINAL })];
    api = await startGitHubApiServer([
      ...happyRoutes(head),
      { method: 'GET', path: `/repos/${REPO}/pulls/7/reviews`, respond: paged(reviews) },
    ]);
    const r = await run(repo, policy());
    expect(blocking(r)).toEqual([]);
    expect(r.review?.pull?.approvers).toEqual(['carol']);
    expect(api.requests.filter((q) => q.path.endsWith('/reviews')).map((q) => q.query.page)).toEqual(['1', '2']);
  });

  it('a review list longer than the page bound is "could not verify", never decided on its first pages', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    // Every page full and another always following: the approval could be on page 51.
    api = await startGitHubApiServer([
      ...happyRoutes(head),
      {
        method: 'GET',
        path: `/repos/${REPO}/pulls/7/reviews`,
        respond: (req) => ({
          body: Array.from({ length: 100 }, (_, i) =>
            rec.review(REPO, 7, { id: i, reviewer: `u${req.query.page}-${i}`, state: 'COMMENTED', commitId: FINAL }),
          ),
          headers: { link: `<http://127.0.0.1${req.path}?per_page=100&page=${Number(req.query.page) + 1}>; rel="next"` },
        }),
      },
    ]);
    const r = await run(repo, policy());
    expect(blocking(r)).toContain('source/could-not-verify');
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(
      /could not verify the reviews of pull request #7: the list is longer than 50 pages of 100/,
    );
    expect(api.requests.filter((q) => q.path.endsWith('/reviews')).length).toBe(50);
  });

  it('whoever wrote the final commit cannot approve it either (two-party review)', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer([
      ...happyRoutes(head),
      {
        method: 'GET',
        path: `/repos/${REPO}/commits/${FINAL}`,
        body: rec.commit(REPO, FINAL, UNSIGNED, { author: 'carol', committer: 'carol' }),
      },
    ]);
    const r = await run(repo, policy());
    expect(blocking(r)).toEqual(['source/review']);
    expect(r.findings[0]?.message).toMatch(/someone other than alice and carol.*the authors' own approvals do not count \(carol\)/);

    api.route({ method: 'GET', path: `/repos/${REPO}/commits/${FINAL}`, ...forbidden() });
    const r2 = await run(repo, policy());
    expect(blocking(r2)).toEqual(['source/review']);
    expect(r2.findings[0]?.message).toMatch(/could not verify who wrote the final commit c0ffee000000: the token lacks contents: read/);
  });

  it('a later "changes requested" replaces an approval', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer(
      happyRoutes(head, {
        reviews: [
          { reviewer: 'carol', state: 'APPROVED', commitId: FINAL },
          { reviewer: 'carol', state: 'CHANGES_REQUESTED', commitId: FINAL },
        ],
      }),
    );
    expect(blocking(await run(repo, policy()))).toEqual(['source/review']);
  });

  it('a commit pushed without a pull request fails review', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer([...happyRoutes(head), { method: 'GET', path: `/repos/${REPO}/commits/{sha}/pulls`, body: [] }]);
    const r = await run(repo, policy());
    expect(r.ok).toBe(false);
    expect(blocking(r)).toContain('source/no-pull-request');
  });

  it('a branch without force-push and deletion rules fails branch protection; level 2 on signatures alone', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer([
      ...happyRoutes(head),
      { method: 'GET', path: `/repos/${REPO}/rules/branches/{branch}`, body: rec.branchRules(REPO, { protection: false, approvals: 1 }) },
      { method: 'GET', path: `/repos/${REPO}/branches/{branch}/protection`, ...rec.BRANCH_NOT_PROTECTED },
    ]);
    const r = await run(repo, policy({ range: 'base-branch' }));
    expect(blocking(r)).toEqual(['source/branch-protection']);
    expect(r.level).toBe(2);
  });

  it('classic branch protection counts when the token can read it, and is "could not verify" when it cannot', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    const routes = happyRoutes(head).filter((x) => !x.path.includes('/rules/'));
    api = await startGitHubApiServer([
      ...routes,
      { method: 'GET', path: `/repos/${REPO}/rules/branches/{branch}`, body: [] },
      {
        method: 'GET',
        path: `/repos/${REPO}/branches/main/protection`,
        body: rec.classicProtection(REPO, 'main', { forcePushes: false, deletions: false, approvals: 1, checks: ['test'] }),
      },
    ]);
    const r = await run(repo, policy());
    expect(blocking(r)).toEqual([]);
    expect(r.level).toBe(3);
    expect(r.summary).toMatch(/including classic branch protection/);

    api.route({
      method: 'GET',
      path: `/repos/${REPO}/branches/main/protection`,
      body: rec.classicProtection(REPO, 'main', { forcePushes: true, deletions: false, approvals: 1 }),
    });
    expect(blocking(await run(repo, policy()))).toEqual(['source/branch-protection']);

    api.route({ method: 'GET', path: `/repos/${REPO}/branches/main/protection`, ...forbidden() });
    const r3 = await run(repo, policy());
    expect(blocking(r3)).toContain('source/could-not-verify');
    expect(r3.findings.some((f) => /classic branch protection of main: the token lacks administration: read/.test(f.message))).toBe(true);
  });

  it('required status checks must have passed on the final commit', async () => {
    const { repo, head } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer([
      ...happyRoutes(head),
      {
        method: 'GET',
        path: `/repos/${REPO}/commits/${FINAL}/check-runs`,
        body: rec.checkRuns(FINAL, [{ name: 'test', conclusion: 'failure' }]),
      },
    ]);
    const r = await run(repo, policy());
    expect(blocking(r)).toEqual(['source/status-checks']);
  });

  it('CODEOWNERS: a file owned by a team needs an approval from a member of that team', async () => {
    const { repo, head } = repoWithOwners('* @carol\n/docs/ @acme/docs\n');
    api = await startGitHubApiServer(happyRoutes(head, { files: ['src/app.ts', 'docs/guide.md'] }));
    const r = await run(repo, policy({ reviews: { approvals: 1, codeowners: true } }));
    expect(blocking(r)).toEqual(['source/codeowners']);
    expect(r.findings[0]?.message).toMatch(/docs\/guide\.md \(owners @acme\/docs\)/);

    await api.close();
    api = await startGitHubApiServer(
      happyRoutes(head, {
        files: ['src/app.ts', 'docs/guide.md'],
        reviews: [
          { reviewer: 'carol', state: 'APPROVED', commitId: FINAL },
          { reviewer: 'dave', state: 'APPROVED', commitId: FINAL },
        ],
      }),
    );
    expect(blocking(await run(repo, policy({ reviews: { approvals: 1, codeowners: true } })))).toEqual([]);
  });

  it('CODEOWNERS: a team the token cannot read is "could not verify", not a pass', async () => {
    const { repo, head } = repoWithOwners('/docs/ @acme/docs\n');
    api = await startGitHubApiServer([
      ...happyRoutes(head, { files: ['docs/guide.md'] }),
      { method: 'GET', path: '/orgs/acme/teams/docs/members', ...forbidden() },
    ]);
    const r = await run(repo, policy({ reviews: { approvals: 1, codeowners: true } }));
    expect(r.ok).toBe(false);
    expect(r.findings.some((f) => /could not verify membership of @acme\/docs: the token lacks members: read/.test(f.message))).toBe(true);
  });

  it('an API that cannot be reached is "could not verify", never a pass', async () => {
    const { repo } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer([]);
    const closed = api.url;
    await api.close();
    const r = await verifySource({
      repo: repo.dir,
      policy: policy(),
      github: { token: 't', baseUrl: closed, owner: 'acme', repo: 'app', ref: 'refs/heads/main' },
      logger: new MemoryLogger(),
    });
    expect(r.ok).toBe(false);
    expect(r.findings.some((f) => f.rule === 'source/could-not-verify' && /could not be reached/.test(f.message))).toBe(true);
    api = await startGitHubApiServer([]);
  });

  it('no GitHub access at all: review and protection could not be verified', async () => {
    const { repo } = repoWithOwners('* @carol\n');
    api = await startGitHubApiServer([]);
    const r = await verifySource({ repo: repo.dir, policy: policy(), logger: new MemoryLogger() });
    expect(r.ok).toBe(false);
    expect(r.findings.find((f) => f.rule === 'source/could-not-verify')?.message).toMatch(/no GitHub API access/);
  });
});

describe('commits made by GitHub’s web flow', () => {
  function webFlowRepo(): { repo: TestRepo; head: string; signature: string; payload: string } {
    const repo = new TestRepo();
    repo.commit('feature', { kind: 'ssh', key: bob }, { email: 'bob@example.com' });
    const head = repo.commit(
      'Merge pull request #7',
      { kind: 'gpg', key: webflow },
      { name: 'Alice', email: 'alice@example.com', committerName: 'GitHub', committerEmail: 'noreply@github.com' },
    );
    const raw = repo.git('cat-file', 'commit', head);
    const sig = /^gpgsig ([\s\S]*?-----END PGP SIGNATURE-----)$/m.exec(raw)?.[1] ?? '';
    const signature = `${sig.replace(/\n /g, '\n')}\n`;
    const payload = raw.replace(/^gpgsig [\s\S]*?-----END PGP SIGNATURE-----\n/m, '');
    return { repo, head, signature, payload };
  }

  it('is accepted when GitHub verified exactly this signature and payload', async () => {
    const { repo, head, signature, payload } = webFlowRepo();
    api = await startGitHubApiServer([
      {
        method: 'GET',
        path: `/repos/${REPO}/commits/${head}`,
        body: rec.commit(REPO, head, { verified: true, reason: 'valid', signature, payload }),
      },
    ]);
    const r = await run(repo, policy({ range: 'base-branch', reviews: { approvals: 0 }, 'branch-protection': false }));
    expect(blocking(r)).toEqual([]);
    expect(r.signatures[0]).toMatchObject({ sha: head, status: 'good', webFlow: true });
  });

  it('is refused when GitHub does not verify it, or verified a different signature', async () => {
    const { repo, head, signature, payload } = webFlowRepo();
    const p = policy({ range: 'base-branch', reviews: { approvals: 0 }, 'branch-protection': false });
    api = await startGitHubApiServer([
      {
        method: 'GET',
        path: `/repos/${REPO}/commits/${head}`,
        body: rec.commit(REPO, head, { verified: false, reason: 'unknown_key', signature, payload }),
      },
    ]);
    expect(blocking(await run(repo, p))).toEqual(['source/bad-signature']);
    api.route({
      method: 'GET',
      path: `/repos/${REPO}/commits/${head}`,
      body: rec.commit(REPO, head, { verified: true, reason: 'valid', signature, payload: payload.replace('Merge', 'Marge') }),
    });
    const r = await run(repo, p);
    expect(r.findings[0]?.message).toMatch(/not the one in this commit/);
    api.route({ method: 'GET', path: `/repos/${REPO}/commits/${head}`, ...forbidden() });
    const r2 = await run(repo, p);
    expect(r2.findings[0]?.message).toMatch(/could not verify its signature: the token lacks contents: read/);
  });

  it('is never trusted blindly without API access', async () => {
    const { repo } = webFlowRepo();
    api = await startGitHubApiServer([]);
    const r = await verifySource({
      repo: repo.dir,
      policy: policy({ range: 'base-branch', reviews: { approvals: 0 }, 'branch-protection': false }),
      logger: new MemoryLogger(),
    });
    expect(blocking(r)).toEqual(['source/could-not-verify']);
  });
});
