import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../support/action-harness.js';
import { startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { describeShared } from '../support/shared.js';
import { sarifValidator } from '../support/schemas.js';
import { cleanupFixtures, sshKey, TestRepo, type SshKey } from './git-fixtures.js';
import * as rec from './github-recordings.js';

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null };

let bob: SshKey;
beforeAll(() => {
  bob = sshKey('bob');
});
afterAll(() => cleanupFixtures());

const signed = { email: 'bob@example.com' };

/** A repository whose policy (committed, signed) trusts bob's SSH key. */
function repo(source: Record<string, unknown> = {}): { repo: TestRepo; head: string } {
  const r = new TestRepo();
  const policy = {
    apiVersion: 'secure-factory/v1',
    source: {
      signers: [{ name: 'bob', ssh: bob.line, email: 'bob@example.com' }],
      reviews: { approvals: 0 },
      'branch-protection': false,
      ...source,
    },
  };
  r.commit('policy', { kind: 'ssh', key: bob }, signed, '.github/secure-factory.yml', `${JSON.stringify(policy, null, 2)}\n`);
  r.commit('feature', { kind: 'ssh', key: bob }, signed, 'src/app.txt');
  return { repo: r, head: r.head() };
}

describe('checkout-verify action', () => {
  it('passes for a signed history under the repository policy and writes the VSA', async () => {
    const { repo: r, head } = repo();
    const run = await runAction('checkout-verify', { workspace: r.dir, inputs: { 'expected-sha': head, 'audit-workflows': 'false' } });
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verified: 'true', 'source-level': 'SLSA_SOURCE_LEVEL_2', 'findings-count': '0' });
    expect(run.outputs['vsa-path']).toBe(path.join(r.dir, '.secure-factory', 'evidence', 'source.vsa.intoto.json'));
    const vsa = JSON.parse(readFileSync(run.outputs['vsa-path'] ?? '', 'utf8')) as {
      subject: unknown;
      predicate: { verificationResult: string; resourceUri: string };
    };
    expect(vsa.subject).toEqual([{ name: 'https://github.com/acme/app', digest: { gitCommit: head } }]);
    expect(vsa.predicate.verificationResult).toBe('PASSED');
    expect(vsa.predicate.resourceUri).toBe('git+https://github.com/acme/app@refs/heads/main');
    expect(run.summary).toContain(head);
    expect(run.summary).toContain('SLSA_SOURCE_LEVEL_2');
  });

  it('fails when HEAD is not the expected commit', async () => {
    const { repo: r } = repo();
    const run = await runAction('checkout-verify', {
      workspace: r.dir,
      inputs: { 'expected-sha': 'f'.repeat(40), 'audit-workflows': 'false' },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verified).toBe('false');
    expect(run.annotations.some((a) => a.level === 'error' && /not the expected commit/.test(a.message))).toBe(true);
  });

  it('refuses a malformed expected-sha', async () => {
    const { repo: r } = repo();
    const run = await runAction('checkout-verify', { workspace: r.dir, inputs: { 'expected-sha': 'main' } });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toMatch(/expected-sha.*full lower-case commit SHA/);
  });

  it('fails on an unsigned commit in the middle of the range', async () => {
    const { repo: r } = repo();
    const middle = r.commit('sneaky', { kind: 'none' }, signed);
    r.commit('after', { kind: 'ssh', key: bob }, signed);
    const run = await runAction('checkout-verify', { workspace: r.dir, inputs: { 'audit-workflows': 'false' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verified).toBe('false');
    expect(
      run.annotations.some((a) => a.level === 'error' && a.message.includes(middle.slice(0, 12)) && /not signed/.test(a.message)),
    ).toBe(true);
    const vsa = JSON.parse(readFileSync(run.outputs['vsa-path'] ?? '', 'utf8')) as {
      predicate: { verificationResult: string; verifiedLevels: string[] };
    };
    expect(vsa.predicate).toMatchObject({ verificationResult: 'FAILED', verifiedLevels: ['FAILED'] });
  });

  it('never passes by default: no policy file and no token', async () => {
    const r = new TestRepo();
    r.commit('one', { kind: 'ssh', key: bob }, signed);
    const run = await runAction('checkout-verify', { workspace: r.dir, inputs: { 'audit-workflows': 'false' } });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verified).toBe('false');
    expect(run.summary).toMatch(/Could not verify/);
  });

  it('a pull_request checkout of GitHub’s unsigned test merge verifies the PR commits since the base', async () => {
    const { repo: r } = repo();
    const base = r.head();
    r.git('checkout', '-q', '-b', 'feature');
    r.commit('pr work', { kind: 'ssh', key: bob }, signed);
    r.git('checkout', '-q', '--detach', base);
    r.commit('main moved on', { kind: 'ssh', key: bob }, signed);
    const baseTip = r.head();
    const env = {
      GIT_COMMITTER_NAME: 'GitHub',
      GIT_COMMITTER_EMAIL: 'noreply@github.com',
      GIT_AUTHOR_NAME: 'bob',
      GIT_AUTHOR_EMAIL: 'bob@example.com',
    };
    r.gitEnv(env, 'merge', '-q', '--no-ff', '--no-gpg-sign', '-m', 'Merge feature into main', 'feature');
    const merge = r.head();
    const run = await runAction('checkout-verify', {
      workspace: r.dir,
      inputs: { 'expected-sha': merge, 'audit-workflows': 'false' },
      eventName: 'pull_request',
      event: { pull_request: { number: 4, base: { sha: baseTip, ref: 'main' } } },
      env: { GITHUB_REF: 'refs/pull/4/merge', GITHUB_SHA: merge },
    });
    expect(run.stdout).not.toMatch(/::error/);
    expect(run.outputs.verified).toBe('true');
    expect(run.summary).toMatch(/2 of 2 commits signed by policy signers/);
    expect(run.summary).toMatch(/GitHub's unsigned merge/);
  });

  it('a broken policy file is a configuration error naming the file', async () => {
    const r = new TestRepo();
    r.commit(
      'policy',
      { kind: 'none' },
      signed,
      '.github/secure-factory.yml',
      'apiVersion: secure-factory/v1\nsource: {signed-comits: all}\n',
    );
    const run = await runAction('checkout-verify', { workspace: r.dir, inputs: {} });
    expect(run.exitCode).toBe(1);
    expect(run.annotations[0]?.message).toMatch(/secure-factory\.yml:2:\d+: unknown key "signed-comits".*did you mean "signed-commits"/);
  });

  describe('with the GitHub API', () => {
    let api: GitHubApiServer;
    afterEach(async () => api.close());

    it('reaches level 3 with review and protection evidence from the API (pull_request event)', async () => {
      const { repo: r, head } = repo({ reviews: { approvals: 1 }, 'branch-protection': true });
      const base = r.git('rev-parse', 'HEAD~1').trim();
      api = await startGitHubApiServer([
        { method: 'GET', path: '/repos/acme/app/rules/branches/main', body: rec.branchRules('acme/app', { approvals: 1 }) },
        {
          method: 'GET',
          path: '/repos/acme/app/pulls/9',
          body: rec.pull('acme/app', { number: 9, author: 'bob', headSha: head, mergeCommitSha: null, merged: false }),
        },
        {
          method: 'GET',
          path: '/repos/acme/app/pulls/9/reviews',
          body: [rec.review('acme/app', 9, { id: 1, reviewer: 'carol', state: 'APPROVED', commitId: head })],
        },
        {
          method: 'GET',
          path: `/repos/acme/app/commits/${head}`,
          body: rec.commit('acme/app', head, UNSIGNED, { author: 'bob', committer: 'bob' }),
        },
      ]);
      const run = await runAction('checkout-verify', {
        workspace: r.dir,
        inputs: { 'expected-sha': head, token: 'ghs_abc', 'audit-workflows': 'false' },
        eventName: 'pull_request',
        event: { pull_request: { number: 9, base: { sha: base, ref: 'main' } }, repository: { private: false } },
        env: { GITHUB_API_URL: api.url, GITHUB_REF: 'refs/pull/9/merge', GITHUB_BASE_REF: 'main' },
      });
      expect(run.stdout).not.toMatch(/::error/);
      expect(run.outputs).toMatchObject({ verified: 'true', 'source-level': 'SLSA_SOURCE_LEVEL_3' });
      expect(api.requests.some((q) => q.headers.authorization === 'token ghs_abc')).toBe(true);
      expect(run.summary).toMatch(/1 of 1 commits signed by policy signers/);
    });

    it('pull_request on GitHub’s test merge: the event’s pull request, approved on its head, gives level 3', async () => {
      const { repo: r } = repo({ reviews: { approvals: 1 }, 'branch-protection': true });
      const base = r.head();
      r.git('checkout', '-q', '-b', 'feature');
      const prHead = r.commit('pr work', { kind: 'ssh', key: bob }, signed);
      r.git('checkout', '-q', '--detach', base);
      const env = {
        GIT_COMMITTER_NAME: 'GitHub',
        GIT_COMMITTER_EMAIL: 'noreply@github.com',
        GIT_AUTHOR_NAME: 'bob',
        GIT_AUTHOR_EMAIL: 'bob@example.com',
      };
      r.gitEnv(env, 'merge', '-q', '--no-ff', '--no-gpg-sign', '-m', 'Merge feature into main', 'feature');
      const merge = r.head();
      api = await startGitHubApiServer([
        { method: 'GET', path: '/repos/acme/app/rules/branches/main', body: rec.branchRules('acme/app', { approvals: 1 }) },
        {
          method: 'GET',
          path: '/repos/acme/app/pulls/4',
          body: rec.pull('acme/app', { number: 4, author: 'bob', headSha: prHead, mergeCommitSha: merge, merged: false }),
        },
        {
          method: 'GET',
          path: '/repos/acme/app/pulls/4/reviews',
          body: [rec.review('acme/app', 4, { id: 1, reviewer: 'carol', state: 'APPROVED', commitId: prHead })],
        },
        {
          method: 'GET',
          path: `/repos/acme/app/commits/${prHead}`,
          body: rec.commit('acme/app', prHead, UNSIGNED, { author: 'bob', committer: 'bob' }),
        },
      ]);
      const event = { pull_request: { number: 4, base: { sha: base, ref: 'main' } } };
      const inputs = { 'expected-sha': merge, token: 'ghs_abc', 'audit-workflows': 'false' };
      const envs = { GITHUB_API_URL: api.url, GITHUB_REF: 'refs/pull/4/merge', GITHUB_BASE_REF: 'main', GITHUB_SHA: merge };
      const run = await runAction('checkout-verify', { workspace: r.dir, inputs, eventName: 'pull_request', event, env: envs });
      expect(run.stdout).not.toMatch(/::error/);
      expect(run.outputs).toMatchObject({ verified: 'true', 'source-level': 'SLSA_SOURCE_LEVEL_3' });

      // The same event for a pull request whose head is somewhere else is refused.
      api.route({
        method: 'GET',
        path: '/repos/acme/app/pulls/4',
        body: rec.pull('acme/app', { number: 4, author: 'bob', headSha: 'a'.repeat(40), mergeCommitSha: null, merged: false }),
      });
      const other = await runAction('checkout-verify', { workspace: r.dir, inputs, eventName: 'pull_request', event, env: envs });
      expect(other.exitCode).toBe(1);
      expect(other.annotations.some((a) => /pull request #4 is at aaaaaaaaaaaa, not at the checked-out commit/.test(a.message))).toBe(true);
    });

    it('a token without permission is reported, and the step fails', async () => {
      const { repo: r, head } = repo({ reviews: { approvals: 1 }, 'branch-protection': true });
      api = await startGitHubApiServer([]);
      const run = await runAction('checkout-verify', {
        workspace: r.dir,
        inputs: { 'expected-sha': head, token: 'ghs_abc', 'audit-workflows': 'false' },
        env: { GITHUB_API_URL: api.url },
      });
      expect(run.exitCode).toBe(1);
      expect(run.annotations.some((a) => /could not verify the rules of branch main: the token lacks/.test(a.message))).toBe(true);
    });
  });
});

describeShared('checkout-verify action: workflow audit and SARIF', () => {
  it('audits the workflows, annotates the line and writes valid SARIF', async () => {
    const r = new TestRepo();
    const policy = {
      apiVersion: 'secure-factory/v1',
      source: { 'signed-commits': 'none', reviews: { approvals: 0 }, 'branch-protection': false },
    };
    r.commit('policy', { kind: 'none' }, signed, '.github/secure-factory.yml', JSON.stringify(policy));
    const workflow = [
      'on: issues',
      'permissions: {}',
      'jobs:',
      '  greet:',
      '    runs-on: ubuntu-24.04',
      '    steps:',
      '      - run: echo "${{ github.event.issue.title }}"',
      '',
    ].join('\n');
    r.commit('workflow', { kind: 'none' }, signed, '.github/workflows/greet.yml', workflow);
    const run = await runAction('checkout-verify', { workspace: r.dir, inputs: {} });
    expect(run.exitCode).toBe(1);
    expect(Number(run.outputs['findings-count'])).toBeGreaterThan(0);
    const sarifPath = run.outputs['sarif-path'] ?? '';
    expect(existsSync(sarifPath)).toBe(true);
    const sarif = JSON.parse(readFileSync(sarifPath, 'utf8')) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarifValidator()(sarif)).toEqual([]);
    const injection = sarif.runs[0]?.results.find((x) => x.ruleId === 'workflow/template-injection');
    expect(injection?.locations[0]?.physicalLocation.region.startLine).toBe(7);
    expect(run.annotations.some((a) => a.properties.file === '.github/workflows/greet.yml' && a.properties.line === '7')).toBe(true);
  });
});
