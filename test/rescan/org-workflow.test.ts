/** The org-rescan workflow: plan → matrix → merge, least privilege, no expressions inside run scripts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/shared.js';

interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix?: unknown; 'fail-fast'?: boolean };
  steps: { id?: string; uses?: string; run?: string }[];
}
const file = path.join(REPO_ROOT, '.github', 'workflows', 'org-rescan.yml');
const text = readFileSync(file, 'utf8');
const wf = parse(text) as { permissions: unknown; jobs: Record<string, Job> };

describe('.github/workflows/org-rescan.yml', () => {
  it('plans once, rescans shards in a matrix from the plan, merges after every shard', () => {
    expect(Object.keys(wf.jobs)).toEqual(['plan', 'shard', 'merge']);
    expect(wf.jobs.shard?.strategy?.matrix).toBe('${{ fromJSON(needs.plan.outputs.matrix) }}');
    expect(wf.jobs.shard?.strategy?.['fail-fast']).toBe(false);
    expect(wf.jobs.merge?.needs).toEqual(['plan', 'shard']);
    // The OSV snapshot is downloaded in the plan job only, and handed to the shards as an artifact.
    const curls = Object.entries(wf.jobs).filter(([, j]) => j.steps.some((s) => /curl /.test(s.run ?? '')));
    expect(curls.map(([n]) => n)).toEqual(['plan']);
    expect(wf.jobs.shard?.steps.some((s) => s.id === 'download-osv')).toBe(true);
  });

  it('grants nothing at the top, contents: read to plan and shards, contents: write and id-token (the signed clock) only to merge, each commented', () => {
    expect(wf.permissions).toEqual({});
    expect(wf.jobs.plan?.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.shard?.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.merge?.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
    const merge = wf.jobs.merge?.steps.find((s) => s.id === 'merge') as { run?: string };
    expect(merge.run).toMatch(/ --clock-keyless /);
    const grants = text.split('\n').filter((l) => /^\s+(contents|id-token): (read|write)/.test(l));
    expect(grants).toHaveLength(4);
    for (const g of grants) expect(g).toMatch(/ # \S/);
  });

  it('merges with remediation pull requests, written with the org token, not with GITHUB_TOKEN', () => {
    const step = wf.jobs.merge?.steps.find((s) => s.id === 'merge') as { run?: string; env?: Record<string, string> };
    expect(step.run).toMatch(/ --github-issues --fix-prs /);
    expect(step.env?.GITHUB_TOKEN).toBe('${{ secrets.ORG_RESCAN_TOKEN }}');
    // GITHUB_TOKEN never gets pull-requests here.
    for (const job of Object.values(wf.jobs)) expect(Object.keys(job.permissions ?? {})).not.toContain('pull-requests');
  });

  it('puts no ${{ }} expression inside a run script', () => {
    for (const [name, job] of Object.entries(wf.jobs))
      for (const s of job.steps) expect([name, s.id, (s.run ?? '').includes('${{')]).toEqual([name, s.id, false]);
  });

  it('pins every action to a full commit SHA', () => {
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => u !== undefined));
    expect(uses.length).toBeGreaterThan(10);
    for (const u of uses) expect(u).toMatch(/^actions\/[a-z-]+@[0-9a-f]{40}$/);
  });
});
