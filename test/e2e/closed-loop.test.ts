/**
 * The closed loop: an artefact admitted by the factory is later hit by a new advisory. The rescan
 * opens an issue (local GitHub API) with a 24-hour deadline, the gate then refuses that digest, and past
 * the deadline the rescan run fails.
 */
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RemediationState } from '@secure-factory/core';
import { runAction } from '../support/action-harness.js';
import { runCli } from '../support/cli.js';
import { startIssuesApi } from '../support/github-issues-api.js';
import { exampleCheckout } from './support.js';

// A test advisory (not a real one) that affects the ms version the clean example deploys.
const NEW_ADVISORY = {
  schema_version: '1.6.0',
  id: 'SF-TEST-2026-0001',
  modified: new Date().toISOString(),
  published: new Date().toISOString(),
  aliases: ['CVE-2099-0001'],
  summary: 'Test advisory: ms before 2.1.4 (written by this test)',
  affected: [
    { package: { ecosystem: 'npm', name: 'ms' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '2.0.0' }, { fixed: '2.1.4' }] }] },
  ],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
};

interface GateJson {
  artefacts: { allowed: boolean; checks: { id: string; status: string; reason: string }[] }[];
}

describe('the closed loop: rescan what is deployed', () => {
  it('opens an issue for a new advisory, the gate refuses the digest, and the run fails past the deadline', async () => {
    const dir = exampleCheckout();
    const service = path.join(dir, 'node-service');
    const first = await runCli(['run', service, '--offline', '--osv-db', path.join(dir, 'osv-db'), '--json'], { timeoutMs: 240_000 });
    expect(first.exitCode).toBe(0);
    const evidence = (JSON.parse(first.stdout) as { evidence: string }).evidence;
    expect(readdirSync(path.join(evidence, 'deployments')).filter((f) => f.endsWith('.json'))).toHaveLength(2);

    // A day later the database has a new advisory for ms@2.1.3, which is deployed.
    const freshDb = path.join(dir, 'osv-db-fresh');
    cpSync(path.join(dir, 'osv-db'), freshDb, { recursive: true });
    writeFileSync(path.join(freshDb, 'SF-TEST-2026-0001.json'), JSON.stringify(NEW_ADVISORY));

    const { api, issues } = await startIssuesApi();
    try {
      const env = { GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'acme/node-service' };
      const args = [
        'rescan',
        '--evidence',
        evidence,
        '--offline',
        '--osv-db',
        freshDb,
        '--github-issues',
        '--github-api',
        api.url,
        '--json',
      ];
      const r1 = await runCli(args, { env });
      expect(r1.stderr).not.toMatch(/error:/);
      expect(r1.exitCode).toBe(0); // the clock has started; nothing is overdue yet
      const out1 = JSON.parse(r1.stdout) as { opened: { advisory: string; deadline: string; digests: string[] }[] };
      expect(out1.opened.map((o) => o.advisory)).toEqual(['SF-TEST-2026-0001']);
      expect(out1.opened[0]?.digests).toHaveLength(2);
      expect(Date.parse(out1.opened[0]?.deadline ?? '') - Date.now()).toBeGreaterThan(23 * 3600_000);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.title).toMatch(/SF-TEST-2026-0001 \(critical\) in ms/);
      expect(issues[0]?.body).toMatch(/2\.1\.4/);

      // A second rescan updates the same issue instead of opening another.
      const r2 = await runCli(args, { env });
      expect(r2.exitCode).toBe(0);
      expect(issues).toHaveLength(1);

      // The gate now refuses the deployed digest because of the open remediation.
      const pub = readdirSync(evidence).find((f) => f.endsWith('.pub.pem'));
      expect(pub).toBeDefined();
      const keyFile = path.join(dir, 'run-key.pub.pem');
      copyFileSync(path.join(evidence, pub as string), keyFile);
      const digest = JSON.parse(readFileSync(path.join(evidence, 'provenance.intoto.json'), 'utf8')).subject[0].digest.sha256 as string;
      const gate = await runCli(
        [
          'gate',
          `sha256:${digest}`,
          '--evidence',
          evidence,
          '--policy',
          path.join(service, '.github', 'secure-factory.yml'),
          '--environment',
          'production',
          '--public-key',
          keyFile,
          '--signer',
          'none',
          '--no-record',
          '--json',
        ],
        { cwd: service },
      );
      expect(gate.exitCode).toBe(1);
      const decision = JSON.parse(gate.stdout) as GateJson;
      const remediation = decision.artefacts[0]?.checks.find((c) => c.id === 'remediations');
      expect(remediation?.status).toBe('fail');
      expect(remediation?.reason).toMatch(/SF-TEST-2026-0001 in ms@2\.1\.3 \(fixed in 2\.1\.4\)/);

      // The scan-deps action in rescan mode (what .github/workflows/rescan.yml runs) sees the same open remediation.
      const rescanAction = (): ReturnType<typeof runAction> =>
        runAction('scan-deps', {
          workspace: dir,
          inputs: {
            rescan: path.relative(dir, evidence),
            'osv-database': freshDb,
            cache: 'false',
            policy: path.relative(dir, path.join(service, '.github', 'secure-factory.yml')),
          },
        });
      const action = await rescanAction();
      expect([action.exitCode, action.outputs['open-count'], action.outputs['overdue-count']]).toEqual([0, '1', '0']);
      expect(action.summary).toMatch(/SF-TEST-2026-0001/);

      // Past the deadline the rescan run fails.
      const stateFile = path.join(evidence, 'deployments', 'remediations.json');
      expect(existsSync(stateFile)).toBe(true);
      const state = JSON.parse(readFileSync(stateFile, 'utf8')) as RemediationState;
      for (const r of state.remediations) {
        r.firstSeen = new Date(Date.now() - 25 * 3600_000).toISOString();
        r.deadline = new Date(Date.now() - 3600_000).toISOString();
      }
      writeFileSync(stateFile, JSON.stringify(state));
      const r3 = await runCli(args, { env });
      expect(r3.exitCode).toBe(1);
      expect(r3.stderr).toMatch(/SF-TEST-2026-0001 in ms@2\.1\.3 is past its deadline/);
      const late = await rescanAction();
      expect(late.exitCode).toBe(1);
      expect(late.annotations.some((a) => a.level === 'error' && /past the 24-hour deadline/.test(a.message))).toBe(true);
    } finally {
      await api.close();
    }
  }, 400_000);
});
