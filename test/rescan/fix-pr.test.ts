/**
 * Remediation pull requests end to end, against the local GitHub API (git data and pulls backed by
 * real bare git repositories) and a local npm registry that npm itself talks to. Several repositories:
 * a new advisory → an issue and a fix pull request in each affected one, the lockfile moved by npm to
 * the lowest fixed version → the factory's scan passes on the pull request's tree → the pull request
 * merged (the clock keeps running) → the new digest deployed (admitted) → the clock stops; the one left
 * unremediated is overdue after 24 hours. Then fail-closed cases: a person's commit on the fix branch,
 * the API failing, npm failing, a declined pull request, a waiver with an expiry.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadPolicy, MemoryLogger, type Policy } from '@secure-factory/core';
import { openOfflineDatabase, scan } from '@secure-factory/materials';
import {
  rescan,
  buildInventory,
  collectOrg,
  mergePortfolio,
  readInventoryAndPlan,
  readShards,
  rescanShard,
  writeInventoryAndPlan,
  writeShard,
  FIX_TRAILER,
  type FixPrOptions,
  type PortfolioReport,
} from '@secure-factory/rescan';
import type { GitHubApiServer } from '../support/github-api-server.js';
import { addGitDataRoutes, checkoutGitRepo, commitFiles, makeGitRepo, mergePull, type GitRepo } from '../support/github-git-api.js';
import type { NpmRegistry } from '../support/npm-registry.js';
import { runCli } from '../support/cli.js';
import { addRun, MINIMIST, osvSnapshot, startOrgApi, type FakeRepo } from './org-fixtures.js';
import { lockedVersions, lockProject, npmEnv, startMinimistRegistry } from './npm-fixtures.js';

const HOUR = 3_600_000;
const t0 = new Date('2026-12-01T08:00:00Z');
const at = (h: number): Date => new Date(t0.getTime() + h * HOUR);
const ADVISORY = MINIMIST.id;
const BRANCH = `secure-factory/fix-${ADVISORY}`;
const gitSha = (b: Buffer): string => createHash('sha1').update(`blob ${b.length}\u0000`).update(b).digest('hex');

interface Org {
  api: GitHubApiServer;
  fake: Record<string, FakeRepo>;
  git: Record<string, GitRepo>;
}

/** An organisation whose repositories have an evidence branch (org-fixtures) and a real git default branch. */
async function startOrg(projects: Record<string, { files: Record<string, string | Buffer>; deployed?: [string, string][] }>): Promise<Org> {
  const fake: Record<string, FakeRepo> = {};
  const git: Record<string, GitRepo> = {};
  for (const [name, p] of Object.entries(projects)) {
    fake[name] = { name, issues: [] };
    git[name] = makeGitRepo('acme', name, p.files);
    if (p.deployed) addRun(fake[name], '100-1', { name: `${name}.tgz`, packages: p.deployed, environments: ['production'], time: at(-24) });
  }
  const api = await startOrgApi('acme', Object.values(fake));
  addGitDataRoutes(api, Object.values(git), (_req, p) => {
    for (const r of Object.values(fake))
      for (const c of r.branch?.values() ?? [])
        if (gitSha(c) === p.file_sha)
          return { body: { sha: p.file_sha, size: c.length, encoding: 'base64', content: c.toString('base64') } };
    return { status: 404, body: { message: 'Not Found' } };
  });
  return { api, fake, git };
}

async function rescanOrg(work: string, org: Org, osv: string, now: Date, policy: Policy, fixPrs?: FixPrOptions): Promise<PortfolioReport> {
  const logger = new MemoryLogger();
  const collected = path.join(work, `collected-${now.getTime()}-${Math.random()}`);
  const { collected: repos } = await collectOrg({ org: 'acme', token: 't', baseUrl: org.api.url }, collected, logger);
  const planDir = path.join(work, `plan-${now.getTime()}-${Math.random()}`);
  await writeInventoryAndPlan(planDir, await buildInventory(collected, 'acme', now, repos), { minPackagesPerShard: 1 });
  const { inventory, plan } = await readInventoryAndPlan(planDir);
  const db = await openOfflineDatabase(osv);
  for (const s of plan.shards)
    await writeShard(path.join(planDir, 'shards'), await rescanShard(inventory, plan, s.shard, db, '2026-12-01T07:00:00Z'));
  return mergePortfolio(inventory, plan, await readShards(planDir, plan), {
    policy,
    now,
    logger,
    stateDir: path.join(work, 'state'),
    github: { token: 't', baseUrl: org.api.url },
    ...(fixPrs ? { fixPrs } : {}),
  });
}

/** The factory's materials scan of a checkout against the snapshot: the vulnerabilities that block. */
async function scanTree(dir: string, osv: string, policy: Policy): Promise<string[]> {
  const r = await scan({ path: dir, policy, vulnSource: await openOfflineDatabase(osv), logger: new MemoryLogger(), now: at(3) });
  return r.blocking.map((f) => f.message);
}

async function npmProject(
  dir: string,
  pkg: Record<string, unknown>,
  pins: Record<string, string>,
  env: Record<string, string>,
): Promise<Record<string, Buffer>> {
  await lockProject(dir, pkg, pins, env);
  return {
    'package.json': await readFile(path.join(dir, 'package.json')),
    'package-lock.json': await readFile(path.join(dir, 'package-lock.json')),
    'index.js': Buffer.from("module.exports = require('minimist');\n"),
  };
}

describe('remediation pull requests: advisory → issue + fix PR per repository → factory passes → deployed → clock stopped', () => {
  let registry: NpmRegistry;
  let work: string;
  let env: Record<string, string>;
  let osv: string;
  let policy: Policy;
  let fixPrs: FixPrOptions;
  beforeAll(async () => {
    registry = await startMinimistRegistry();
  });
  afterAll(async () => {
    await registry.close();
  });
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'sf-fixpr-'));
    env = npmEnv(registry, path.join(work, 'npm-cache'));
    osv = await osvSnapshot(path.join(work, 'osv'), [MINIMIST]);
    policy = await loadPolicy(undefined, { now: t0 });
    fixPrs = { npm: { env }, http: { maxAttempts: 1, deadlineMs: 10_000 } };
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('runs the loop over several repositories', async () => {
    // app: minimist through opt-parse (transitive); api: minimist as a direct, exact dependency; web: already fixed.
    const app = await npmProject(
      path.join(work, 'app'),
      { name: 'app', version: '1.0.0', dependencies: { 'opt-parse': '^1.0.0' } },
      { minimist: '1.2.0' },
      env,
    );
    const api = await npmProject(
      path.join(work, 'api'),
      { name: 'api', version: '1.0.0', dependencies: { minimist: '1.2.5', 'left-pad': '1.3.0' } },
      {},
      env,
    );
    const web = await npmProject(
      path.join(work, 'web'),
      { name: 'web', version: '1.0.0', dependencies: { minimist: '^1.2.6' } },
      { minimist: '1.2.8' },
      env,
    );
    const org = await startOrg({
      app: {
        files: app,
        deployed: [
          ['opt-parse', '1.0.0'],
          ['minimist', '1.2.0'],
        ],
      },
      api: {
        files: api,
        deployed: [
          ['minimist', '1.2.5'],
          ['left-pad', '1.3.0'],
        ],
      },
      web: { files: web, deployed: [['minimist', '1.2.8']] },
    });
    try {
      // Before: the factory's own scan of app's default branch blocks on the advisory (the test can fail).
      const appMain = checkoutGitRepo(org.git.app as GitRepo, 'main');
      expect((await scanTree(appMain, osv, policy)).join('\n')).toContain(ADVISORY);

      // A new advisory: an issue and a fix pull request in each affected repository.
      const r1 = await rescanOrg(work, org, osv, at(1), policy, fixPrs);
      expect(r1.totals).toMatchObject({ affected: 2, open: 2, overdue: 0 });
      expect(r1.pullRequests?.map((p) => [p.repository, p.status, p.branch])).toEqual([
        ['acme/api', 'opened', BRANCH],
        ['acme/app', 'opened', BRANCH],
      ]);
      const appPr = org.git.app?.pulls[0];
      const apiPr = org.git.api?.pulls[0];
      expect([org.git.app?.pulls.length, org.git.api?.pulls.length, org.git.web?.pulls.length]).toEqual([1, 1, 0]);
      expect(appPr?.title).toBe(`[secure-factory] Fix ${ADVISORY} (critical): minimist 1.2.0 → 1.2.6`);
      expect(appPr?.body).toContain(`Remediates #${org.fake.app?.issues[0]?.number}`);
      expect(appPr?.body).not.toMatch(/\b(Fixes|Closes|Resolves) #/i); // merging must not close the issue (and stop nothing)
      expect(appPr?.body).toContain('transitive');
      expect(apiPr?.body).toContain(`Remediates #${org.fake.api?.issues[0]?.number}`);

      // The branch holds npm's change: app's lockfile only (1.2.6, the lowest fixed, not 1.2.8); api's requirement too.
      const appBranch = checkoutGitRepo(org.git.app as GitRepo, BRANCH);
      expect(lockedVersions(appBranch, 'minimist')).toEqual({ 'node_modules/minimist': '1.2.6' });
      expect(await readFile(path.join(appBranch, 'package.json'))).toEqual(app['package.json']);
      expect(org.git.app?.git('diff', '--name-only', 'main', BRANCH)).toBe('package-lock.json');
      expect(org.git.app?.git('log', '-1', '--format=%B', BRANCH)).toContain(`${FIX_TRAILER} ${ADVISORY}`);
      const apiBranch = checkoutGitRepo(org.git.api as GitRepo, BRANCH);
      expect(JSON.parse(await readFile(path.join(apiBranch, 'package.json'), 'utf8'))).toMatchObject({
        dependencies: { minimist: '1.2.6' },
      });
      expect(lockedVersions(apiBranch, 'minimist')).toEqual({ 'node_modules/minimist': '1.2.6' });

      // The pull request's tree passes the factory's scan (the same OSV snapshot).
      expect((await scanTree(appBranch, osv, policy)).join('\n')).not.toContain(ADVISORY);
      expect((await scanTree(apiBranch, osv, policy)).join('\n')).not.toContain(ADVISORY);

      // The next rescan updates in place: no second pull request, no new commit, no second branch.
      const headBefore = org.git.app?.git('rev-parse', BRANCH);
      const posts = (): number => org.api.requests.filter((q) => q.method === 'POST' && q.path.endsWith('/pulls')).length;
      const postsBefore = posts();
      const npmRequests = registry.requests.length;
      const r2 = await rescanOrg(work, org, osv, at(2), policy, fixPrs);
      expect(r2.pullRequests?.map((p) => p.status)).toEqual(['unchanged', 'unchanged']);
      expect(posts()).toBe(postsBefore);
      expect(registry.requests.length).toBe(npmRequests); // nothing changed: npm did not run again
      expect(org.api.requests.filter((q) => q.method === 'PATCH' && /\/pulls\//.test(q.path))).toHaveLength(0);
      expect(org.git.app?.git('rev-parse', BRANCH)).toBe(headBefore);
      expect([org.git.app?.pulls.length, org.git.api?.pulls.length]).toEqual([1, 1]);
      expect(org.git.app?.git('for-each-ref', '--format=%(refname)', 'refs/heads/secure-factory/').split('\n')).toEqual([
        `refs/heads/${BRANCH}`,
      ]);

      // app merges its pull request: the clock keeps running (merging deploys nothing).
      mergePull(org.git.app as GitRepo, appPr?.number ?? 0);
      const r3 = await rescanOrg(work, org, osv, at(3), policy, fixPrs);
      expect(r3.remediations.map((r) => r.repository)).toEqual(['acme/api', 'acme/app']);
      expect(r3.pullRequests?.find((p) => p.repository === 'acme/app')).toMatchObject({ status: 'already-fixed' });
      expect(org.fake.app?.issues[0]?.state).toBe('open');

      // The factory builds main and the gate admits the new digest: its packages are what npm locked.
      const merged = checkoutGitRepo(org.git.app as GitRepo, 'main');
      const built = await scan({
        path: merged,
        policy,
        vulnSource: await openOfflineDatabase(osv),
        logger: new MemoryLogger(),
        now: at(4),
      });
      expect(built.blocking).toEqual([]);
      const fixed = addRun(org.fake.app as FakeRepo, '101-1', {
        name: 'app.tgz',
        packages: built.packages.map((p) => [p.name, p.version] as [string, string]),
        environments: ['production'],
        time: at(4),
      });
      const r4 = await rescanOrg(work, org, osv, at(5), policy, fixPrs);
      expect(r4.artefacts.find((a) => a.repository === 'acme/app')?.digest).toBe(fixed);
      expect(r4.remediations.map((r) => r.repository)).toEqual(['acme/api']);
      expect(r4.history).toEqual([expect.objectContaining({ repository: 'acme/app', advisory: ADVISORY, hours: 4 })]);
      expect(org.fake.app?.issues[0]?.state).toBe('closed');
      expect(org.fake.api?.issues[0]?.state).toBe('open');

      // api's pull request was never merged nor deployed: past 24 hours it is overdue (the CLI exits 1).
      const r5 = await rescanOrg(work, org, osv, at(25), policy, fixPrs);
      expect(r5.totals).toMatchObject({ open: 1, overdue: 1 });
      expect(r5.remediations[0]).toMatchObject({ repository: 'acme/api', remainingMs: 0 });
      expect(org.git.api?.pulls).toHaveLength(1);
    } finally {
      await org.api.close();
    }
  }, 240_000);

  it('fails closed: a person’s commit on the fix branch, the API failing, npm failing; a declined PR is not reopened', async () => {
    const files = await npmProject(
      path.join(work, 'p'),
      { name: 'p', version: '1.0.0', dependencies: { 'opt-parse': '^1.0.0' } },
      { minimist: '1.2.0' },
      env,
    );
    const deployed: [string, string][] = [['minimist', '1.2.0']];
    const org = await startOrg({
      taken: { files, deployed },
      flaky: { files, deployed },
      declined: { files, deployed },
      npmdown: { files, deployed },
    });
    try {
      // A person already pushed to the branch the factory would use.
      const taken = org.git.taken as GitRepo;
      const main = taken.git('rev-parse', 'main');
      const theirs = taken.git('commit-tree', `${main}^{tree}`, '-p', main, '-m', 'my own fix');
      taken.git('update-ref', `refs/heads/${BRANCH}`, theirs);
      // The pulls API fails for one repository (a POST is not retried: it might have been made).
      (org.git.flaky as GitRepo).failCreatePull = 502;
      // A pull request closed by a person without merging.
      (org.git.declined as GitRepo).pulls.push({
        number: 7,
        title: 'old',
        body: '',
        state: 'closed',
        merged_at: null,
        head: { ref: BRANCH, sha: main, label: `acme:${BRANCH}` },
        base: { ref: 'main' },
        html_url: 'https://github.com/acme/declined/pull/7',
      });
      // npm cannot reach a registry for the last one.
      const down: FixPrOptions = {
        ...fixPrs,
        npm: {
          env: {
            ...env,
            npm_config_registry: 'http://127.0.0.1:9/',
            npm_config_cache: path.join(work, 'none'),
            npm_config_fetch_retries: '0',
          },
        },
      };
      const r1 = await rescanOrg(work, org, osv, at(1), policy, fixPrs);
      const by = (repo: string, r: PortfolioReport = r1) => r.pullRequests?.find((p) => p.repository === `acme/${repo}`);
      expect(by('taken')).toMatchObject({ status: 'failed', message: expect.stringMatching(/holds a commit the factory did not make/) });
      expect(taken.git('rev-parse', BRANCH)).toBe(theirs); // left alone
      expect(by('flaky')).toMatchObject({
        status: 'failed',
        message: expect.stringMatching(/opening a pull request .* failed \(HTTP 502\)/),
      });
      expect(org.api.requests.filter((q) => q.method === 'POST' && q.path === '/repos/acme/flaky/pulls')).toHaveLength(1);
      expect(by('declined')).toMatchObject({ status: 'declined', number: 7 });
      expect((org.git.declined as GitRepo).pulls).toHaveLength(1);
      expect(r1.problems.join('\n')).toMatch(/acme\/taken: no fix pull request for GHSA-xvch-5gv4-984h/);
      // Every issue stays open, every clock runs.
      expect(r1.totals).toMatchObject({ open: 4 });
      for (const r of Object.values(org.fake)) expect(r.issues.map((i) => i.state)).toEqual(['open']);

      // main moves on (so the fix is made again), and npm cannot reach its registry this time.
      commitFiles(org.git.npmdown as GitRepo, 'main', { 'README.md': 'moved on\n' });
      const r2 = await rescanOrg(work, org, osv, at(2), policy, down);
      expect(by('npmdown', r2)).toMatchObject({
        status: 'failed',
        message: expect.stringMatching(/^npm install --package-lock-only failed/),
      });
      expect((org.git.npmdown as GitRepo).pulls).toHaveLength(1); // opened at r1, untouched by the failed run
      expect(r2.totals.open).toBe(4);
    } finally {
      await org.api.close();
    }
  }, 240_000);

  it('a waiver with an expiry suppresses the pull request until it expires', async () => {
    const files = await npmProject(
      path.join(work, 'p'),
      { name: 'p', version: '1.0.0', dependencies: { 'opt-parse': '^1.0.0' } },
      { minimist: '1.2.0' },
      env,
    );
    const org = await startOrg({ app: { files, deployed: [['minimist', '1.2.0']] } });
    try {
      const file = path.join(work, 'policy.yml');
      await writeFile(
        file,
        `apiVersion: secure-factory/v1\nexceptions:\n  - { advisory: ${ADVISORY}, reason: 'not reachable', approver: bob, expires: 2026-12-03 }\n`,
      );
      const waived = await loadPolicy(file, { now: at(1) });
      const r1 = await rescanOrg(work, org, osv, at(1), waived, fixPrs);
      expect(r1.pullRequests).toEqual([]);
      expect(org.git.app?.pulls).toHaveLength(0);
      // After the expiry the advisory is open again and the fix is proposed.
      const later = new Date('2026-12-04T00:00:00Z');
      const r2 = await rescanOrg(work, org, osv, later, await loadPolicy(file, { now: later }), fixPrs);
      expect(r2.pullRequests?.map((p) => p.status)).toEqual(['opened']);
    } finally {
      await org.api.close();
    }
  }, 120_000);

  it('secure-factory rescan --org --fix-prs through the real bin: pull requests made, exit 3 for the one that could not be', async () => {
    const files = await npmProject(
      path.join(work, 'p'),
      { name: 'p', version: '1.0.0', dependencies: { 'opt-parse': '^1.0.0' } },
      { minimist: '1.2.0' },
      env,
    );
    const deployed: [string, string][] = [['minimist', '1.2.0']];
    const org = await startOrg({ app: { files, deployed }, taken: { files, deployed } });
    const taken = org.git.taken as GitRepo;
    taken.git('update-ref', `refs/heads/${BRANCH}`, taken.git('commit-tree', 'main^{tree}', '-p', 'main', '-m', 'mine'));
    const common = [
      'rescan',
      '--org',
      'acme',
      '--github-api',
      org.api.url,
      '--work',
      path.join(work, 'w'),
      '--osv-db',
      osv,
      '--github-issues',
    ];
    const cliEnv = { GITHUB_TOKEN: 't', npm_config_cache: env.npm_config_cache as string };
    try {
      const usage = await runCli([...common.filter((a) => a !== '--github-issues'), '--fix-prs'], { env: cliEnv });
      expect(usage.exitCode).toBe(2);
      expect(usage.stderr).toMatch(/--fix-prs needs --github-issues/);
      const hostile = await runCli([...common, '--fix-prs', '--npm-registry', 'x; touch pwned'], { env: cliEnv });
      expect(hostile.exitCode).toBe(2);

      const r = await runCli([...common, '--fix-prs', '--npm-registry', registry.url, '--shard-packages', '1', '--json'], {
        env: cliEnv,
        timeoutMs: 180_000,
      });
      expect(r.stderr).toMatch(/acme\/taken GHSA-xvch-5gv4-984h failed: .*holds a commit the factory did not make/);
      expect(r.exitCode).toBe(3);
      const report = JSON.parse(r.stdout) as PortfolioReport;
      expect(report.pullRequests?.map((p) => [p.repository, p.status])).toEqual([
        ['acme/app', 'opened'],
        ['acme/taken', 'failed'],
      ]);
      expect(org.git.app?.pulls[0]?.body).toContain(`Remediates #${org.fake.app?.issues[0]?.number}`);
      expect(org.fake.taken?.issues.map((i) => i.state)).toEqual(['open']);
    } finally {
      await org.api.close();
    }
  }, 240_000);

  it('one repository (rescan of its evidence folders): issue and pull request; a blind deployment keeps the clock, a fixed one stops it', async () => {
    const files = await npmProject(
      path.join(work, 'p'),
      { name: 'p', version: '1.0.0', dependencies: { 'opt-parse': '^1.0.0' } },
      { minimist: '1.2.0' },
      env,
    );
    const org = await startOrg({ app: { files, deployed: [['minimist', '1.2.0']] } });
    const app = org.fake.app as FakeRepo;
    // The evidence branch as a checkout (what the rescan workflow reads), every run's folder.
    const checkout = async (): Promise<string[]> => {
      for (const [p, c] of app.branch ?? []) {
        await mkdir(path.dirname(path.join(work, 'evidence', p)), { recursive: true });
        await writeFile(path.join(work, 'evidence', p), c);
      }
      return [...new Set([...(app.branch?.keys() ?? [])].map((p) => p.split('/').slice(0, 3).join('/')))].map((d) =>
        path.join(work, 'evidence', d),
      );
    };
    const one = async (now: Date, logger = new MemoryLogger()) =>
      rescan({
        evidenceDirs: await checkout(),
        stateDir: path.join(work, 'state-one'),
        policy,
        vulnSource: await openOfflineDatabase(osv),
        logger,
        now,
        github: { owner: 'acme', repo: 'app', token: 't', baseUrl: org.api.url },
        fixPrs,
      });
    try {
      const logger = new MemoryLogger();
      const r = await one(at(1), logger);
      expect(r.opened).toHaveLength(1);
      expect(r.pullRequests?.map((p) => [p.status, p.changes.map((c) => `${c.name} ${c.from}→${c.to}`)])).toEqual([
        ['opened', ['minimist 1.2.0→1.2.6']],
      ]);
      expect(org.git.app?.pulls[0]?.body).toContain(`Remediates #${app.issues[0]?.number}`);
      expect(logger.lines.map((e) => e.message).join('\n')).toMatch(/opened pull request #1000 for acme\/app GHSA-xvch-5gv4-984h/);

      // A later deployment of the same artefact without SBOM evidence: it cannot be shown fixed, the clock runs on.
      const blind = addRun(app, '101-1', { name: 'app.tgz', packages: [], environments: ['production'], time: at(2), noSbom: true });
      const r2 = await one(at(3));
      expect(r2.resolved).toHaveLength(0);
      expect(r2.stillOpen[0]?.digests).toEqual([blind]);
      expect(r2.problems.join('\n')).toMatch(/has no SBOM evidence; GHSA-xvch-5gv4-984h stays open for it/);

      // The fixed digest of the same artefact admitted: the old ones are superseded, the clock stops.
      addRun(app, '102-1', { name: 'app.tgz', packages: [['minimist', '1.2.6']], environments: ['production'], time: at(4) });
      const r3 = await one(at(5));
      expect(r3.resolved.map((x) => x.advisory)).toEqual([ADVISORY]);
      expect(r3.deployed).toHaveLength(1);
      expect(app.issues[0]?.state).toBe('closed');
      expect(r3.pullRequests).toEqual([]);
    } finally {
      await org.api.close();
    }
  }, 120_000);
});
