/**
 * The org-wide closed loop end to end against the local GitHub API: four repositories (one without an
 * evidence branch), listed over several pages; deployments collected from their evidence branches,
 * sharded, rescanned against one OSV snapshot, merged. A new advisory opens an issue with a 24-hour
 * clock in each affected repository; a later deployment of a fixed digest stops that clock; the one left
 * unremediated is overdue after 24 hours.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InfrastructureError, MemoryLogger, ConfigurationError, type Policy, loadPolicy } from '@secure-factory/core';
import { openOfflineDatabase } from '@secure-factory/materials';
import {
  buildInventory,
  collectOrg,
  mergePortfolio,
  readInventoryAndPlan,
  readShards,
  renderPortfolio,
  rescanShard,
  writeInventoryAndPlan,
  writeShard,
  type PortfolioReport,
} from '@secure-factory/rescan';
import { addRun, MINIMIST, osvSnapshot, startOrgApi, type FakeRepo } from './org-fixtures.js';

const HOUR = 3_600_000;
const t0 = new Date('2026-12-01T08:00:00Z');
const at = (h: number): Date => new Date(t0.getTime() + h * HOUR);

async function rescanOrg(work: string, apiUrl: string, osv: string, now: Date, policy: Policy, maxJobs = 2): Promise<PortfolioReport> {
  const logger = new MemoryLogger();
  const collected = path.join(work, `collected-${now.getTime()}`);
  const { collected: repos } = await collectOrg({ org: 'acme', token: 't', baseUrl: apiUrl }, collected, logger);
  const inventory = await buildInventory(collected, 'acme', now, repos);
  const planDir = path.join(work, `plan-${now.getTime()}`);
  await writeInventoryAndPlan(planDir, inventory, { maxJobs, minPackagesPerShard: 1 });
  const { inventory: inv, plan } = await readInventoryAndPlan(planDir);
  const db = await openOfflineDatabase(osv);
  for (const s of plan.shards)
    await writeShard(path.join(planDir, 'shards'), await rescanShard(inv, plan, s.shard, db, '2026-12-01T07:00:00Z'));
  const shards = await readShards(planDir, plan);
  return mergePortfolio(inv, plan, shards, {
    policy,
    now,
    logger,
    stateDir: path.join(work, 'state'),
    github: { token: 't', baseUrl: apiUrl },
  });
}

describe('org-wide rescan: advisory → issues per repository → fixed deployment → clock stopped; unremediated → overdue', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'sf-org-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('runs the loop over several repositories', async () => {
    const app: FakeRepo = { name: 'app', issues: [] };
    const api: FakeRepo = { name: 'api', issues: [] };
    const web: FakeRepo = { name: 'web', issues: [] };
    const docs: FakeRepo = { name: 'docs', issues: [] }; // no evidence branch
    addRun(app, '100-1', {
      name: 'app.tgz',
      packages: [
        ['minimist', '1.2.0'],
        ['left-pad', '1.3.0'],
      ],
      environments: ['production'],
      time: at(-48),
    });
    addRun(api, '200-1', { name: 'api.tgz', packages: [['minimist', '1.2.5']], environments: ['staging', 'production'], time: at(-24) });
    addRun(web, '300-1', { name: 'web.tgz', packages: [['minimist', '1.2.8']], environments: ['production'], time: at(-24) });
    const server = await startOrgApi('acme', [app, api, web, docs]);
    const policy = await loadPolicy(undefined, { now: t0 });
    try {
      const before = await osvSnapshot(path.join(work, 'osv-0'), []);
      const r0 = await rescanOrg(work, server.url, before, t0, policy);
      expect(r0.totals).toMatchObject({ repositories: 4, artefacts: 3, affected: 0, open: 0, overdue: 0 });
      expect(r0.repositories.find((r) => r.repository === 'acme/docs')?.status).toBe('no-evidence-branch');
      expect(server.requests.filter((r) => r.path === '/orgs/acme/repos').map((r) => r.query.page)).toEqual(['1', '2']);

      // A new advisory: one issue in each affected repository, due 24 hours later.
      const osv = await osvSnapshot(path.join(work, 'osv-1'), [MINIMIST]);
      const r1 = await rescanOrg(work, server.url, osv, at(1), policy);
      expect(r1.totals).toMatchObject({ artefacts: 3, affected: 2, open: 2, overdue: 0 });
      expect(r1.remediations.map((r) => [r.repository, r.advisory, r.deadline])).toEqual([
        ['acme/api', 'GHSA-xvch-5gv4-984h', at(25).toISOString()],
        ['acme/app', 'GHSA-xvch-5gv4-984h', at(25).toISOString()],
      ]);
      expect([app.issues.length, api.issues.length, web.issues.length, docs.issues.length]).toEqual([1, 1, 0, 0]);
      expect(app.issues[0]?.title).toMatch(/GHSA-xvch-5gv4-984h \(critical\) in minimist: fix by 2026-12-02 09:00 UTC/);
      expect(api.issues[0]?.body).toContain('production, staging');
      expect(r1.snapshot.takenAt).toBe('2026-12-01T07:00:00Z');

      // app deploys a fixed digest of the same artefact: its clock stops, api's keeps running.
      const fixed = addRun(app, '101-1', {
        name: 'app.tgz',
        packages: [
          ['minimist', '1.2.6'],
          ['left-pad', '1.3.0'],
        ],
        environments: ['production'],
        time: at(5),
      });
      const r2 = await rescanOrg(work, server.url, osv, at(6), policy);
      expect(r2.totals).toMatchObject({ artefacts: 3, affected: 1, open: 1, overdue: 0, resolved: 1 });
      expect(app.issues[0]?.state).toBe('closed');
      expect(api.issues[0]?.state).toBe('open');
      expect(r2.artefacts.find((a) => a.repository === 'acme/app')?.digest).toBe(fixed);
      expect(r2.history).toEqual([expect.objectContaining({ repository: 'acme/app', advisory: 'GHSA-xvch-5gv4-984h', hours: 5 })]);
      expect(r2.remediations[0]?.remainingMs).toBe(19 * HOUR);

      // api is left unremediated: past 24 hours it is overdue (the CLI exits 1 on this).
      const r3 = await rescanOrg(work, server.url, osv, at(25), policy);
      expect(r3.totals).toMatchObject({ open: 1, overdue: 1 });
      expect(r3.remediations[0]).toMatchObject({ repository: 'acme/api', remainingMs: 0 });
      expect(api.issues).toHaveLength(1); // updated, never duplicated

      // Deleting api's evidence branch does not stop its clock.
      delete api.branch;
      const r4 = await rescanOrg(work, server.url, osv, at(26), policy);
      expect(r4.totals).toMatchObject({ artefacts: 2, open: 1, overdue: 1 });
      expect(r4.problems.join('\n')).toMatch(/acme\/api: the evidence branch is gone but 1 remediation\(s\) were open/);
      expect(api.issues[0]?.state).toBe('open');

      const html = renderPortfolio(r3);
      expect(html).toContain('id="total-overdue">1<');
      expect(html).not.toContain('<script>');
    } finally {
      await server.close();
    }
  });

  it('a later deployment without SBOM evidence does not stop the clock', async () => {
    const app: FakeRepo = { name: 'app', issues: [] };
    addRun(app, '1-1', { name: 'app.tgz', packages: [['minimist', '1.2.0']], environments: ['production'], time: at(-2) });
    const server = await startOrgApi('acme', [app]);
    const policy = await loadPolicy(undefined, { now: t0 });
    try {
      const osv = await osvSnapshot(path.join(work, 'osv'), [MINIMIST]);
      expect((await rescanOrg(work, server.url, osv, t0, policy)).totals.open).toBe(1);
      const blind = addRun(app, '2-1', { name: 'app.tgz', packages: [], environments: ['production'], time: at(1), noSbom: true });
      const r = await rescanOrg(work, server.url, osv, at(2), policy);
      expect(r.totals).toMatchObject({ artefacts: 1, open: 1, resolved: 0 });
      expect(r.remediations[0]?.digests).toEqual([blind]);
      expect(r.problems.join('\n')).toMatch(/has no SBOM evidence; GHSA-xvch-5gv4-984h stays open for it/);
      expect(app.issues[0]?.state).toBe('open');
    } finally {
      await server.close();
    }
  });

  it('fails closed when a page of the repository list fails, never rescanning a partial portfolio', async () => {
    const repos: FakeRepo[] = ['a', 'b', 'c'].map((name) => ({ name, issues: [] }));
    const server = await startOrgApi('acme', repos);
    server.route({
      method: 'GET',
      path: '/orgs/{org}/repos',
      respond: (req) =>
        req.query.page === '2'
          ? { status: 502, body: { message: 'Bad Gateway' } }
          : {
              body: [{ full_name: 'acme/a' }, { full_name: 'acme/b' }],
              headers: { link: '<http://127.0.0.1/orgs/acme/repos?page=2>; rel="next"' },
            },
    });
    try {
      const e = await collectOrg({ org: 'acme', token: 't', baseUrl: server.url }, path.join(work, 'c'), new MemoryLogger()).catch(
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(InfrastructureError);
      expect((e as InfrastructureError).message).toMatch(/listing the repositories of acme \(page 2\) failed \(HTTP 502\)/);
    } finally {
      await server.close();
    }
  });

  it('refuses a truncated evidence tree and a blob that does not hash to its tree entry', async () => {
    const app: FakeRepo = { name: 'app', issues: [] };
    addRun(app, '1-1', { name: 'a', packages: [['minimist', '1.2.0']], environments: ['production'], time: t0 });
    const server = await startOrgApi('acme', [app]);
    try {
      server.route({
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
        body: { encoding: 'base64', content: Buffer.from('{"forged":true}').toString('base64') },
      });
      const e1 = await collectOrg({ org: 'acme', token: 't', baseUrl: server.url }, path.join(work, 'c1'), new MemoryLogger()).catch(
        (x: unknown) => x,
      );
      expect((e1 as Error).message).toMatch(/does not hash to the blob/);
      server.route({
        method: 'GET',
        path: '/repos/{owner}/{repo}/git/trees/secure-factory/evidence',
        body: { sha: 'f'.repeat(40), tree: [], truncated: true },
      });
      const e2 = await collectOrg({ org: 'acme', token: 't', baseUrl: server.url }, path.join(work, 'c2'), new MemoryLogger()).catch(
        (x: unknown) => x,
      );
      expect((e2 as Error).message).toMatch(/acme\/app is truncated/);
    } finally {
      await server.close();
    }
  });

  it('refuses to merge with a shard missing or rescanned against another snapshot', async () => {
    const app: FakeRepo = { name: 'app', issues: [] };
    const api: FakeRepo = { name: 'api', issues: [] };
    addRun(app, '1-1', { name: 'a', packages: [['minimist', '1.2.0']], environments: ['production'], time: t0 });
    addRun(api, '1-1', { name: 'b', packages: [['minimist', '1.2.0']], environments: ['production'], time: t0 });
    const server = await startOrgApi('acme', [app, api]);
    try {
      const collected = path.join(work, 'c');
      const { collected: repos } = await collectOrg({ org: 'acme', token: 't', baseUrl: server.url }, collected, new MemoryLogger());
      const plan = await writeInventoryAndPlan(work, await buildInventory(collected, 'acme', t0, repos), { minPackagesPerShard: 1 });
      expect(plan.shards.map((s) => s.shard)).toEqual(['1/2', '2/2']);
      const { inventory } = await readInventoryAndPlan(work);
      const one = await openOfflineDatabase(await osvSnapshot(path.join(work, 'o1'), [MINIMIST]));
      await writeShard(path.join(work, 'shards'), await rescanShard(inventory, plan, '1/2', one));
      const missing = await readShards(work, plan).catch((x: unknown) => x);
      expect(missing).toBeInstanceOf(ConfigurationError);
      expect((missing as Error).message).toMatch(/1 shard result\(s\) missing.*2\/2/);
      const other = await openOfflineDatabase(
        await osvSnapshot(path.join(work, 'o2'), [{ ...MINIMIST, modified: '2026-12-02T00:00:00Z' }]),
      );
      await writeShard(path.join(work, 'shards'), await rescanShard(inventory, plan, '2/2', other));
      expect(((await readShards(work, plan).catch((x: unknown) => x)) as Error).message).toMatch(/another OSV snapshot/);
    } finally {
      await server.close();
    }
  });
});
