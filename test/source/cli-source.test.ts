import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { startGitHubApiServer } from '../support/github-api-server.js';
import { cleanupFixtures, gpgKey, tempDir, TestRepo, type GpgKey } from './git-fixtures.js';
import * as rec from './github-recordings.js';

let alice: GpgKey;
beforeAll(() => {
  alice = gpgKey('Alice', 'alice@example.com');
});
afterAll(() => cleanupFixtures());

function policyFile(source: Record<string, unknown>): string {
  const file = path.join(tempDir('sf-pol-'), 'policy.yml');
  const signers = [{ name: 'alice', 'gpg-key': alice.armoured }];
  writeFileSync(file, JSON.stringify({ apiVersion: 'secure-factory/v1', source: { signers, workflows: { audit: false }, ...source } }));
  return file;
}

interface SourceJson {
  ok: boolean;
  head: string;
  level: string;
  vsaPath: string | null;
  signatures: { status: string }[];
  findings: { rule: string; blocking: boolean; message: string }[];
}

describe('secure-factory source', () => {
  it('verifies a signed repository, prints JSON and writes the VSA (exit 0)', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const head = repo.commit('two', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const evidence = tempDir('sf-ev-');
    const r = await runCli([
      'source',
      repo.dir,
      '--expected-sha',
      head,
      '--policy',
      policyFile({ reviews: { approvals: 0 }, 'branch-protection': false }),
      '--evidence',
      evidence,
      '--json',
    ]);
    expect(r.stderr).toMatch(/verified: HEAD/);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as SourceJson;
    expect(out).toMatchObject({ ok: true, head, level: 'SLSA_SOURCE_LEVEL_2', vsaPath: path.join(evidence, 'source.vsa.intoto.json') });
    expect(out.signatures.map((s) => s.status)).toEqual(['good', 'good']);
    const vsa = JSON.parse(readFileSync(out.vsaPath ?? '', 'utf8')) as { predicate: { verificationResult: string } };
    expect(vsa.predicate.verificationResult).toBe('PASSED');
  });

  it('exits 1 with the finding for an unsigned commit in the range', async () => {
    const repo = new TestRepo();
    repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    repo.commit('two', { kind: 'none' }, { email: 'alice@example.com' });
    repo.commit('three', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const r = await runCli([
      'source',
      repo.dir,
      '--policy',
      policyFile({ reviews: { approvals: 0 }, 'branch-protection': false }),
      '--json',
    ]);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as SourceJson;
    expect(out.findings.filter((f) => f.blocking).map((f) => f.rule)).toEqual(['source/unsigned-commit']);
    expect(r.stderr).toMatch(/error: \[high\] source\/unsigned-commit: commit [0-9a-f]{12} \(two\): the commit is not signed/);
  });

  it('reads review and protection evidence from --github-api with --token and --repository', async () => {
    const repo = new TestRepo();
    const head = repo.commit('one', { kind: 'gpg', key: alice }, { email: 'alice@example.com' });
    const api = await startGitHubApiServer([
      { method: 'GET', path: '/repos/acme/app/rules/branches/main', body: rec.branchRules('acme/app', { approvals: 1 }) },
      {
        method: 'GET',
        path: `/repos/acme/app/commits/${head}/pulls`,
        body: [rec.pull('acme/app', { number: 3, author: 'alice', headSha: head, mergeCommitSha: null, merged: false })],
      },
      {
        method: 'GET',
        path: '/repos/acme/app/pulls/3/reviews',
        body: [rec.review('acme/app', 3, { id: 1, reviewer: 'bob', state: 'APPROVED', commitId: head })],
      },
      {
        method: 'GET',
        path: `/repos/acme/app/commits/${head}`,
        body: rec.commit(
          'acme/app',
          head,
          { verified: false, reason: 'unsigned', signature: null, payload: null },
          { author: 'alice', committer: 'alice' },
        ),
      },
    ]);
    try {
      const r = await runCli([
        'source',
        repo.dir,
        '--policy',
        policyFile({}),
        '--github-api',
        api.url,
        '--token',
        't0k',
        '--repository',
        'acme/app',
        '--ref',
        'refs/heads/main',
        '--json',
      ]);
      const out = JSON.parse(r.stdout) as SourceJson;
      expect(out.findings).toEqual([]);
      expect(out).toMatchObject({ ok: true, level: 'SLSA_SOURCE_LEVEL_3' });
      expect(r.exitCode).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('bad input: exit 2 with a clear message, never a stack trace', async () => {
    const empty = new TestRepo();
    let r = await runCli(['source', empty.dir, '--json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/has no commits/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    r = await runCli(['source', empty.dir, '--expected-sha', 'HEAD']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/full lower-case commit SHA/);
    r = await runCli(['source', empty.dir, '--token', 'x']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--repository/);
    r = await runCli(['source', tempDir('sf-nogit-')]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/not a git work tree/);
  });
});
