/**
 * `secure-factory run`, the README's demo: the whole factory on a real project (real git, bubblewrap
 * build with no network, ephemeral signing, gate). The clean example is admitted, the vulnerable one is
 * refused with the advisory and the fix named.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { silentLogger } from '@secure-factory/core';
import { runFactory } from '../../packages/cli/src/factory-run.js';
import { openVulnSource } from '../../packages/cli/src/vuln-source.js';
import { runCli } from '../support/cli.js';
import { exampleCheckout } from './support.js';

interface RunJson {
  admitted: boolean;
  stages: { stage: string; state: string; detail: string }[];
  subjects: { name: string; digest: { sha256: string } }[];
  evidence: string;
  decision: string | null;
  vsa: string | null;
}

describe('secure-factory run', () => {
  const dir = exampleCheckout();
  const db = path.join(dir, 'osv-db');

  it('admits the clean example: every stage passes and the evidence is signed', async () => {
    const r = await runCli(['run', path.join(dir, 'node-service'), '--offline', '--osv-db', db, '--json'], { timeoutMs: 240_000 });
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.stages.map((s) => [s.stage, s.state])).toEqual([
      ['source', 'passed'],
      ['materials', 'passed'],
      ['build', 'passed'],
      ['attest', 'passed'],
      ['gate', 'passed'],
    ]);
    expect(r.exitCode).toBe(0);
    expect(out.admitted).toBe(true);
    expect(out.subjects.map((s) => s.name).sort()).toEqual(['manifest.json', 'server.js']);
    for (const name of ['source.vsa', 'sbom.cdx', 'sbom.spdx', 'vulns', 'provenance', 'tests']) {
      expect(existsSync(path.join(out.evidence, `${name}.intoto.json`))).toBe(true);
      expect(existsSync(path.join(out.evidence, `${name}.sigstore.json`))).toBe(true);
    }
    expect(r.stderr).toMatch(/source ✅ → materials ✅ → build ✅ → attest ✅ → gate ✅/);
    const decision = JSON.parse(readFileSync(out.decision as string, 'utf8')) as { artefacts: { allowed: boolean }[] };
    expect(decision.artefacts.every((a) => a.allowed)).toBe(true);
  }, 300_000);

  it('refuses the vulnerable example and says which advisory and which fix', async () => {
    const r = await runCli(['run', path.join(dir, 'vulnerable-service'), '--offline', '--osv-db', db, '--json'], { timeoutMs: 240_000 });
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.admitted).toBe(false);
    expect(out.stages.find((s) => s.stage === 'materials')?.state).toBe('failed');
    expect(out.stages.find((s) => s.stage === 'gate')?.detail).toMatch(/refused: vulnerabilities/);
    expect(out.stages.find((s) => s.stage === 'source')?.state).toBe('passed');
    expect(r.stderr).toMatch(/critical: GHSA-xvch-5gv4-984h .*minimist@1\.2\.0.*1\.2\.6/);
  }, 300_000);

  it("a second run does not see the first run's files as uncommitted changes", async () => {
    const r = await runCli(['run', path.join(dir, 'node-service'), '--offline', '--osv-db', db, '--json'], { timeoutMs: 240_000 });
    expect((JSON.parse(r.stdout) as RunJson).stages.find((s) => s.stage === 'source')?.state).toBe('passed');
  }, 300_000);

  it('judges freshness at the time the gate runs, not when the run started (a build longer than the clock skew)', async () => {
    // Each stage reads the clock once; every reading after the first is 20 minutes later, as for a real
    // project whose fetch, build and tests take that long (mocha's took 6 minutes). The scan's trusted
    // time is the run key's creation, after the build: judged at the run's start it was "in the future".
    const start = Date.now();
    let readings = 0;
    const clock = (): Date => new Date(start + (readings++ === 0 ? 0 : 20 * 60_000));
    const r = await runFactory({
      dir: path.join(dir, 'node-service'),
      environment: 'production',
      vulnSource: (policy) => openVulnSource({ osvDb: db, offline: true }, policy, silentLogger),
      offline: true,
      clock,
      logger: silentLogger,
    });
    expect(readings).toBeGreaterThan(1);
    expect(r.stages.map((s) => [s.stage, s.state])).toContainEqual(['gate', 'passed']);
    expect(r.admitted).toBe(true);
  }, 300_000);

  it('fails with exit 2 and a clear message for a directory without a build command', async () => {
    const r = await runCli(['run', path.join(dir, 'osv-db'), '--offline', '--osv-db', db]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no build command .*pass --build CMD/);
  });
});
