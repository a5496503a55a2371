/**
 * Pull-request mode end to end: the built scan-deps action runs as GitHub runs it (pull_request event,
 * INPUT_*, runner files) in a real git repository, against a local GitHub REST API on 127.0.0.1 that
 * keeps the pull request's comments. A PR adding a vulnerable dependency fails with one comment; the
 * same PR fixed updates that comment and passes; a PR touching no dependency file passes quickly.
 * The review library is also checked on its own (introduced-only failures, changes, deny-packages).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { MemoryLogger, parsePolicy, type Policy } from '@secure-factory/core';
import { openOfflineDatabase, REVIEW_MARKER, reviewChanges } from '@secure-factory/materials';
import { runAction } from '../support/action-harness.js';
import { runCli } from '../support/cli.js';
import { startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import { gitInit, osvDatabase, put, tempDir } from './fixtures.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const CRITICAL = {
  id: 'GHSA-vuln-pkg0-0001',
  modified: '2026-11-01T00:00:00Z',
  aliases: ['CVE-2099-1000'],
  summary: 'vulnpkg runs code from its input',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    { package: { ecosystem: 'PyPI', name: 'vulnpkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] },
  ],
};

const ENV = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

function commit(root: string, files: Record<string, string>, message: string): string {
  for (const [rel, text] of Object.entries(files)) put(root, rel, text);
  execFileSync('git', ['-C', root, 'add', '-A'], { env: { ...process.env, ...ENV } });
  execFileSync('git', ['-C', root, 'commit', '-q', '--no-gpg-sign', '-m', message], { env: { ...process.env, ...ENV } });
  return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
}

/** The issue comments of one pull request, as GitHub's REST API keeps them. */
async function commentsApi(): Promise<{ api: GitHubApiServer; comments: { id: number; body: string }[] }> {
  const comments: { id: number; body: string }[] = [];
  let next = 1000;
  const api = await startGitHubApiServer([
    {
      method: 'GET',
      path: '/repos/acme/app/issues/7/comments',
      respond: (req) => {
        const page = Number(req.query.page ?? '1');
        const per = Number(req.query.per_page ?? '30');
        return { body: comments.slice((page - 1) * per, page * per) };
      },
    },
    {
      method: 'POST',
      path: '/repos/acme/app/issues/7/comments',
      respond: (req) => {
        const c = { id: next++, body: (JSON.parse(req.body) as { body: string }).body };
        comments.push(c);
        return { status: 201, body: c };
      },
    },
    {
      method: 'PATCH',
      path: '/repos/acme/app/issues/comments/{id}',
      respond: (req, params) => {
        const c = comments.find((x) => x.id === Number(params.id));
        if (!c) return { status: 404, body: { message: 'Not Found' } };
        c.body = (JSON.parse(req.body) as { body: string }).body;
        return { body: c };
      },
    },
  ]);
  // Someone else's comment on the PR, which must be left alone.
  comments.push({ id: 1, body: 'LGTM' });
  return { api, comments };
}

describe('scan-deps pull-request mode, end to end', () => {
  let api: GitHubApiServer;
  let comments: { id: number; body: string }[];
  const repo = tempDir('sf-pr-');
  const db = osvDatabase([CRITICAL]);
  put(repo, 'requirements.txt', 'ok==1.0.0\n');
  put(repo, 'README.md', '# app\n');
  const base = gitInit(repo);

  beforeAll(async () => {
    ({ api, comments } = await commentsApi());
  });
  afterAll(async () => {
    await api.close();
  });

  const run = (head: string): ReturnType<typeof runAction> => {
    execFileSync('git', ['-C', repo, 'checkout', '-q', head]);
    return runAction('scan-deps', {
      workspace: repo,
      eventName: 'pull_request',
      event: { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } },
      inputs: {
        'osv-database': db,
        cache: 'false',
        'comment-summary-in-pr': 'always',
        'github-token': 'ghs_test',
        evidence: '.sf-evidence',
      },
      env: { GITHUB_API_URL: api.url, GITHUB_TOKEN: 'ghs_test' },
      applyDefaults: true,
    });
  };

  it('a PR adding a vulnerable dependency fails, with one comment', async () => {
    const head = commit(repo, { 'requirements.txt': 'ok==1.0.0\nvulnpkg==1.0.0\n' }, 'add vulnpkg');
    const r = await run(head);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/::error::.*introduces 1 blocking finding.*GHSA-vuln-pkg0-0001/);
    expect(comments).toHaveLength(2);
    const mine = comments.find((c) => c.body.startsWith(REVIEW_MARKER));
    expect(mine?.body).toContain('❌ 1 blocking');
    expect(mine?.body).toContain('[GHSA-vuln-pkg0-0001](https://osv.dev/vulnerability/GHSA-vuln-pkg0-0001)');
    expect(JSON.parse(r.outputs['dependency-changes'] ?? '[]')).toEqual([
      expect.objectContaining({ change_type: 'added', ecosystem: 'PyPI', name: 'vulnpkg', version: '1.0.0', manifest: 'requirements.txt' }),
    ]);
    expect(JSON.parse(r.outputs['vulnerable-changes'] ?? '[]')).toEqual([
      expect.objectContaining({ advisory: 'GHSA-vuln-pkg0-0001', severity: 'critical', blocking: true }),
    ]);
    expect(r.outputs['blocking-count']).toBe('1');
  });

  it('the same PR fixed updates that comment in place and passes', async () => {
    const head = commit(repo, { 'requirements.txt': 'ok==1.0.0\nvulnpkg==2.0.0\n' }, 'fix vulnpkg');
    const r = await run(head);
    expect(r.exitCode).toBe(0);
    expect(comments).toHaveLength(2);
    const mine = comments.filter((c) => c.body.startsWith(REVIEW_MARKER));
    expect(mine).toHaveLength(1);
    expect(mine[0]?.body).toContain('✅ passed');
    expect(api.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(api.requests.filter((q) => q.method === 'PATCH')).toHaveLength(1);
    expect(comments.find((c) => c.id === 1)?.body).toBe('LGTM');
    expect(JSON.parse(r.outputs['vulnerable-changes'] ?? '[]')).toEqual([]);
  });

  it('a PR touching no dependency file passes quickly', async () => {
    const head = commit(repo, { 'README.md': '# app\n\nmore words\n' }, 'docs');
    execFileSync('git', ['-C', repo, 'checkout', '-q', head]);
    // Only the documentation differs from the fixed PR's head: review against it.
    const start = Date.now();
    const r = await runAction('scan-deps', {
      workspace: repo,
      eventName: 'pull_request',
      event: { pull_request: { number: 7, base: { sha: `${head}~1` }, head: { sha: head } } },
      inputs: { 'osv-database': db, cache: 'false', 'comment-summary-in-pr': 'never', evidence: '.sf-evidence' },
      env: { GITHUB_API_URL: api.url },
      applyDefaults: true,
    });
    expect(r.exitCode).toBe(0);
    expect(r.summary).toContain('no dependency changes');
    expect(JSON.parse(r.outputs['dependency-changes'] ?? 'null')).toEqual([]);
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});

describe('reviewChanges', () => {
  const policy = (yaml = ''): Policy => parsePolicy(`apiVersion: secure-factory/v1\n${yaml}`, '.github/secure-factory.yml', { now: NOW });

  it('fails only on what the change introduces; reports added, removed and changed packages; deny-packages', async () => {
    const repo = tempDir('sf-review-');
    put(repo, 'requirements.txt', 'vulnpkg==1.0.0\nleft==1.0.0\n');
    const base = gitInit(repo);
    // The base already has the vulnerable package: a PR that only bumps another one does not fail for it.
    writeFileSync(path.join(repo, 'requirements.txt'), 'vulnpkg==1.0.0\nleft==1.1.0\nnewdep>=2\n');
    const vulnSource = await openOfflineDatabase(osvDatabase([CRITICAL]));
    const r = await reviewChanges({ path: repo, policy: policy(), vulnSource, logger: new MemoryLogger(), now: NOW, base });
    expect(r.changed).toEqual([{ ecosystem: 'PyPI', name: 'left', manifest: 'requirements.txt', from: '1.0.0', to: '1.1.0' }]);
    expect(r.added.map((c) => `${c.name}@${c.version}`).sort()).toEqual(['left@1.1.0', 'newdep@2']);
    expect(r.removed.map((c) => `${c.name}@${c.version}`)).toEqual(['left@1.0.0']);
    // New: the unpinned newdep (blocking by default); not new: the vulnerability already on the base.
    expect(r.introduced.map((f) => f.rule)).toEqual(['materials/unpinned']);
    expect(r.blocking).toHaveLength(1);
    const warn = await reviewChanges({
      path: repo,
      policy: policy(),
      vulnSource,
      logger: new MemoryLogger(),
      now: NOW,
      base,
      config: { warnOnly: true, denyPackages: ['pkg:pypi/left'] },
    });
    expect(warn.blocking).toEqual([]);
    expect(warn.introduced.map((f) => f.rule).sort()).toEqual(['materials/denied-package', 'materials/unpinned']);
  });

  it('fail-on-severity, fail-on-scopes and allow-ghsas decide which new vulnerabilities fail', async () => {
    const repo = tempDir('sf-review-');
    put(repo, 'requirements.txt', 'ok==1.0.0\n');
    const base = gitInit(repo);
    writeFileSync(path.join(repo, 'requirements.txt'), 'ok==1.0.0\nvulnpkg==1.0.0\n');
    const vulnSource = await openOfflineDatabase(osvDatabase([CRITICAL]));
    const review = (config: Parameters<typeof reviewChanges>[0]['config']): ReturnType<typeof reviewChanges> =>
      reviewChanges({ path: repo, policy: policy(), vulnSource, logger: new MemoryLogger(), now: NOW, base, config });
    expect((await review({})).blocking).toHaveLength(1);
    expect((await review({ allowGhsas: ['cve-2099-1000'] })).blocking).toEqual([]);
    // requirements.txt does not say whether a dependency is for development: its scope is unknown.
    const runtimeOnly = await review({ failOnScopes: ['runtime'] });
    expect(runtimeOnly.introduced[0]?.properties?.scope).toBeUndefined();
    expect(runtimeOnly.blocking).toEqual([]);
    expect((await review({ failOnScopes: ['runtime', 'unknown'] })).blocking).toHaveLength(1);
    expect((await review({ failOnSeverity: 'critical' })).blocking).toHaveLength(1);
  });
});

describe('secure-factory scan --base (the CLI review)', () => {
  it('exits 1 on what the change introduces, 0 once fixed; --json lists the changes; -L reads another file name', async () => {
    const repo = tempDir('sf-cli-review-');
    put(repo, 'requirements.txt', 'ok==1.0.0\n');
    const base = gitInit(repo);
    const db = osvDatabase([CRITICAL]);
    writeFileSync(path.join(repo, 'requirements.txt'), 'ok==1.0.0\nvulnpkg==1.0.0\n');
    const bad = await runCli(['scan', '.', '--base', base, '--osv-db', db, '--offline', '--json'], { cwd: repo });
    expect(bad.exitCode).toBe(1);
    const json = JSON.parse(bad.stdout) as { added: { name: string }[]; blocking: { rule: string }[] };
    expect(json.added.map((a) => a.name)).toEqual(['vulnpkg']);
    expect(json.blocking.map((b) => b.rule)).toEqual(['materials/vulnerable-package']);
    expect(bad.stderr).toContain('GHSA-vuln-pkg0-0001');
    const warn = await runCli(['scan', '.', '--base', base, '--osv-db', db, '--offline', '--warn-only'], { cwd: repo });
    expect(warn.exitCode).toBe(0);
    writeFileSync(path.join(repo, 'requirements.txt'), 'ok==1.0.0\nvulnpkg==2.0.0\n');
    expect((await runCli(['scan', '.', '--base', base, '--osv-db', db, '--offline'], { cwd: repo })).exitCode).toBe(0);
    // A pinned file under another name, read with -L FORMAT:PATH.
    put(repo, 'deps/pins.lst', 'vulnpkg==1.0.0\n');
    const other = await runCli(['scan', '.', '-L', 'requirements:deps/pins.lst', '--osv-db', db, '--offline', '--json'], { cwd: repo });
    expect(other.exitCode).toBe(1);
    expect(other.stderr).toMatch(/^CRITICAL \(1, 1 blocking\)$/m);
    expect(other.stderr).toMatch(/BLOCKING deps\/pins\.lst:1: GHSA-vuln-pkg0-0001/);
  });
});
