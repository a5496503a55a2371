/**
 * `secure-factory run` when something goes wrong, and how it names what it built: a build that fails
 * is explained (the failing stage, the phase, its exit code, its last lines, every stage's findings) in
 * the text report and in --json; two outputs with one base name stay two subjects, named by their
 * project-relative paths through build, attest and gate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { exampleCheckout } from '../e2e/support.js';

interface RunJson {
  admitted: boolean;
  failedStage: string | null;
  stages: {
    stage: string;
    state: string;
    detail: string;
    findings: { rule: string; severity: string; blocking: boolean; message: string }[];
    failure?: { phase: string; exitCode: number | null; timedOut: boolean; lastLines: string[] };
  }[];
  subjects: { name: string; digest: { sha256: string } }[];
  evidence: string;
}

describe('secure-factory run: failures explained, subjects named by path', () => {
  const dir = exampleCheckout();
  const db = path.join(dir, 'osv-db');
  const project = path.join(dir, 'node-service');

  it('a failing build: the stage, the phase, exit code 7 and its last lines, in text and JSON, with every stage findings', async () => {
    const build = [
      'echo "compiling 3 files"',
      'echo "src/server.ts(3,7): error TS2304: Cannot find name \'foo\'." >&2',
      'echo "Found 1 error." >&2',
      'exit 7',
    ].join('; ');
    const r = await runCli(['run', project, '--offline', '--osv-db', db, '--build', build, '--json'], { timeoutMs: 240_000 });
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.admitted).toBe(false);
    expect(out.failedStage).toBe('build');
    const built = out.stages.find((s) => s.stage === 'build');
    expect(built?.state).toBe('failed');
    expect(built?.detail).toMatch(/^build phase failed: exit code 7 · 0 artefact\(s\)/);
    expect(built?.failure).toMatchObject({ phase: 'build', exitCode: 7, timedOut: false });
    expect(built?.failure?.lastLines).toEqual(expect.arrayContaining([expect.stringContaining("error TS2304: Cannot find name 'foo'.")]));
    expect(built?.findings).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'build/build-failed', blocking: true, severity: 'high' })]),
    );
    // Every stage reports its findings, the ones that passed too (the example's OSV snapshot is old).
    for (const s of out.stages) expect(Array.isArray(s.findings)).toBe(true);
    expect(out.stages.find((s) => s.stage === 'materials')?.findings.map((f) => f.rule)).toContain('materials/database-stale');
    expect(out.stages.find((s) => s.stage === 'attest')).toMatchObject({ state: 'skipped', detail: 'nothing to sign: the build failed' });
    expect(out.stages.find((s) => s.stage === 'gate')?.findings).toEqual([
      expect.objectContaining({ rule: 'gate/no-artefact', blocking: true, message: 'no artefact to admit: the build failed' }),
    ]);

    // The text report says the same on stderr.
    expect(r.stderr).toMatch(/REFUSED ❌ .*first failing stage: build/);
    expect(r.stderr).toMatch(/build +❌ +build phase failed: exit code 7/);
    expect(r.stderr).toContain('Build failed in the build phase: exit code 7.');
    expect(r.stderr).toMatch(/Last \d+ line\(s\) of its output:\n(?: {2}\| .*\n)*? {2}\| src\/server\.ts\(3,7\): error TS2304/);
    expect(r.stderr).toMatch(/Findings:\n/);
    expect(r.stderr).toMatch(/materials \(1 finding\(s\), 0 blocking\):\n {4}- medium: .*\[materials\/database-stale, not blocking\]/);
    expect(r.stderr).toMatch(/build \(\d+ finding\(s\), \d+ blocking\):\n {4}- high: the build command failed \(exit code 7\)/);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
  }, 300_000);

  it('dist/axios.js and dist/esm/axios.js stay two subjects, by path, through build, attest and gate', async () => {
    const build = [
      'mkdir -p "$SECURE_FACTORY_OUT/dist/esm"',
      'echo "module.exports = 1" > "$SECURE_FACTORY_OUT/dist/axios.js"',
      'echo "export default 1" > "$SECURE_FACTORY_OUT/dist/esm/axios.js"',
    ].join(' && ');
    const r = await runCli(['run', project, '--offline', '--osv-db', db, '--build', build, '--json'], { timeoutMs: 240_000 });
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.stages.find((s) => s.stage === 'build')?.state).toBe('passed');
    expect(out.subjects.map((s) => s.name).sort()).toEqual(['dist/axios.js', 'dist/esm/axios.js']);
    expect(new Set(out.subjects.map((s) => s.digest.sha256)).size).toBe(2);
    // The signed provenance names both, exactly as run reports them.
    const provenance = JSON.parse(readFileSync(path.join(out.evidence, 'provenance.intoto.json'), 'utf8')) as {
      subject: { name: string }[];
    };
    expect(provenance.subject.map((s) => s.name).sort()).toEqual(['dist/axios.js', 'dist/esm/axios.js']);
    expect(readdirSync(out.evidence)).toContain('provenance.sigstore.json');
    expect(out.stages.find((s) => s.stage === 'attest')?.state).toBe('passed');
    expect(r.exitCode).toBe(0);
    expect(out.admitted).toBe(true);
  }, 300_000);

  it('outputs written into the project (dist/**) are named by their project path, spaces and Unicode kept', async () => {
    const build = [
      'mkdir -p "dist/esm" "dist/my lib"',
      'echo "module.exports = 1" > dist/axios.js',
      'echo "export default 1" > dist/esm/axios.js',
      'echo "ü" > "dist/my lib/ünïcødé.js"',
    ].join(' && ');
    const r = await runCli(['run', project, '--offline', '--osv-db', db, '--build', build, '--outputs', 'dist/**', '--json'], {
      timeoutMs: 240_000,
    });
    const out = JSON.parse(r.stdout) as RunJson;
    expect(out.stages.find((s) => s.stage === 'build')?.state).toBe('passed');
    expect(out.subjects.map((s) => s.name)).toEqual(['dist/axios.js', 'dist/esm/axios.js', 'dist/my lib/ünïcødé.js']);
    expect(r.stderr).toMatch(/sha256:[0-9a-f]{64} {2}dist\/esm\/axios\.js/);
    expect(out.admitted).toBe(true);
  }, 300_000);
});
