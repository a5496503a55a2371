/**
 * `secure-factory rescan` org-wide through the real bin against the local GitHub API: --plan prints the
 * matrix, --org runs every shard in its own process and merges, --merge writes the page; past the
 * 24-hour deadline the exit code is 1.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { addRun, MINIMIST, osvSnapshot, startOrgApi, type FakeRepo } from './org-fixtures.js';

describe('secure-factory rescan --org', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'sf-org-cli-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('plans, runs the shards in parallel processes, merges into a report and a page', async () => {
    const now = Date.now();
    const repos: FakeRepo[] = ['app', 'api', 'web'].map((name) => ({ name, issues: [] }));
    addRun(repos[0] as FakeRepo, '1-1', {
      name: 'app',
      packages: [['minimist', '1.2.0']],
      environments: ['production'],
      time: new Date(now - 3_600_000),
    });
    addRun(repos[1] as FakeRepo, '1-1', {
      name: 'api',
      packages: [['minimist', '1.2.8']],
      environments: ['staging'],
      time: new Date(now - 3_600_000),
    });
    addRun(repos[2] as FakeRepo, '1-1', {
      name: 'web',
      packages: [['left-pad', '1.3.0']],
      environments: ['production'],
      time: new Date(now - 3_600_000),
    });
    const api = await startOrgApi('acme', repos);
    const osv = await osvSnapshot(path.join(work, 'osv'), [MINIMIST]);
    const env = { GITHUB_TOKEN: 't' };
    const common = ['--github-api', api.url, '--work', path.join(work, 'w'), '--max-jobs', '3'];
    try {
      const plan = await runCli(['rescan', '--org', 'acme', '--plan', ...common], { env });
      expect(plan.stderr).toMatch(/3 deployed artefact\(s\), 3 package\(s\) → 1 shard\(s\)/);
      expect(JSON.parse(plan.stdout)).toEqual({ shard: ['1/1'] });
      expect(plan.exitCode).toBe(0);

      const html = path.join(work, 'portfolio.html');
      const all = await runCli(
        [
          'rescan',
          '--org',
          'acme',
          ...common,
          '--shard-packages',
          '1',
          '--jobs',
          '2',
          '--osv-db',
          osv,
          '--github-issues',
          '--html',
          html,
          '--json',
        ],
        {
          env,
        },
      );
      expect(all.stderr).toMatch(/running 3 shard\(s\), [12] at a time/);
      expect(all.exitCode).toBe(0);
      const report = JSON.parse(all.stdout) as { totals: Record<string, number> };
      expect(report.totals).toMatchObject({ repositories: 3, artefacts: 3, affected: 1, open: 1, overdue: 0 });
      expect(repos[0]?.issues).toHaveLength(1);
      expect(await readFile(html, 'utf8')).toContain('id="total-open">1<');

      // No shard results: the merge fails with a clear message, never a partial report.
      const merged = await runCli(['rescan', '--merge', path.join(work, 'nowhere-else'), ...common], { env });
      expect(merged.exitCode).not.toBe(0);
      expect(merged.stderr).toMatch(/nowhere-else: cannot read the shard results/);
      expect(merged.exitCode).toBe(2);
      expect(merged.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await api.close();
    }
  });

  it('refuses --shard without an OSV snapshot', async () => {
    const r = await runCli(['rescan', '--shard', '1/1', '--work', work], {});
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--shard needs --osv-db/);
  });
});
