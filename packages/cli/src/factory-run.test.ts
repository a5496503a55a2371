import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detectFetch, packageManager, reportDetails, type StageReport } from './factory-run.js';

const finding = (rule: string, blocking: boolean, message: string, help?: string): StageReport['findings'][number] => ({
  rule,
  severity: blocking ? 'high' : 'low',
  blocking,
  message,
  ...(help ? { help } : {}),
});

describe('run report details', () => {
  it('explains a failed build: the phase, its exit status and its last lines, then each stage findings', () => {
    const stages: StageReport[] = [
      { stage: 'source', state: 'passed', detail: '', findings: [] },
      {
        stage: 'materials',
        state: 'passed',
        detail: '',
        findings: [finding('materials/database-stale', false, 'old database', 'refresh it')],
      },
      {
        stage: 'build',
        state: 'failed',
        detail: '',
        findings: [finding('build/build-failed', true, 'the build command failed (exit code 2): line a\nline b')],
        failure: {
          phase: 'build',
          exitCode: 2,
          signal: null,
          timedOut: false,
          lastLines: ['npm ERR! missing script: build', 'exit \u001b[31m2'],
        },
      },
    ];
    expect(reportDetails(stages)).toEqual([
      '',
      'Build failed in the build phase: exit code 2.',
      'Last 2 line(s) of its output:',
      '  | npm ERR! missing script: build',
      '  | exit [31m2',
      '',
      'Findings:',
      '  materials (1 finding(s), 0 blocking):',
      '    - low: old database — refresh it [materials/database-stale, not blocking]',
      '  build (1 finding(s), 1 blocking):',
      '    - high: the build command failed (exit code 2): line a\n      line b [build/build-failed]',
    ]);
  });

  it('names a timeout, a signal and a sandbox that did not start, and says when the phase printed nothing', () => {
    const build = (failure: NonNullable<StageReport['failure']>): StageReport[] => [
      { stage: 'build', state: 'failed', detail: '', findings: [], failure },
    ];
    const base = { phase: 'fetch' as const, exitCode: null, signal: null, timedOut: false, lastLines: [] };
    expect(reportDetails(build({ ...base, timedOut: true }))[1]).toBe('Build failed in the fetch phase: stopped at the timeout.');
    expect(reportDetails(build({ ...base, signal: 'SIGKILL' }))[1]).toBe('Build failed in the fetch phase: killed by SIGKILL.');
    expect(reportDetails(build({ ...base, setupError: 'bwrap: No permissions' }))[1]).toBe(
      'Build failed in the fetch phase: the sandbox could not start (bwrap: No permissions).',
    );
    expect(reportDetails(build({ ...base, exitCode: 127 }))).toEqual([
      '',
      'Build failed in the fetch phase: exit code 127.',
      'It printed nothing.',
    ]);
  });

  it('shows at most ten findings per stage and says how many more --json holds', () => {
    const many = Array.from({ length: 13 }, (_, i) => finding(`materials/vulnerable-package`, true, `advisory ${i}`));
    const lines = reportDetails([{ stage: 'materials', state: 'failed', detail: '', findings: many }]);
    expect(lines.filter((l) => l.startsWith('    - '))).toHaveLength(10);
    expect(lines.at(-1)).toBe('    … and 3 more (run --json lists them all)');
    expect(reportDetails([{ stage: 'gate', state: 'passed', detail: '', findings: [] }])).toEqual([]);
  });
});

describe('run defaults for a project as its team builds it', () => {
  const project = (files: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-run-defaults-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };

  it("fetches with the lockfile's own package manager, without install scripts, only when nothing is installed", () => {
    expect(detectFetch(project({ 'package-lock.json': '{}' }))?.command).toBe('npm ci --ignore-scripts --no-audit --no-fund');
    expect(detectFetch(project({ 'npm-shrinkwrap.json': '{}' }), true)?.command).toBe(
      'npm ci --ignore-scripts --no-audit --no-fund --offline',
    );
    expect(detectFetch(project({ 'pnpm-lock.yaml': "lockfileVersion: '9.0'\n" }))?.command).toBe(
      'pnpm install --frozen-lockfile --ignore-scripts',
    );
    expect(detectFetch(project({ 'yarn.lock': '# yarn lockfile v1\n' }))?.command).toBe('yarn install --frozen-lockfile --ignore-scripts');
    expect(detectFetch(project({ 'yarn.lock': '__metadata:\n  version: 8\n' }))?.command).toBe(
      'yarn install --immutable --mode=skip-build',
    );
    expect(detectFetch(project({ 'bun.lock': '{}' }))?.command).toBe('bun install --frozen-lockfile --ignore-scripts');
    expect(detectFetch(project({ 'Cargo.lock': '' }))?.command).toBe('cargo fetch --locked');
    // Already installed, or nothing to install from.
    expect(detectFetch(project({ 'package-lock.json': '{}', 'node_modules/.package-lock.json': '{}' }))).toBeUndefined();
    expect(detectFetch(project({ 'package.json': '{}' }))).toBeUndefined();
  });

  it('runs package.json scripts through the package manager of the lockfile', () => {
    expect(packageManager(project({ 'package-lock.json': '{}' }))).toBe('npm');
    expect(packageManager(project({ 'pnpm-lock.yaml': '' }))).toBe('pnpm');
    expect(packageManager(project({ 'yarn.lock': '' }))).toBe('yarn');
    expect(packageManager(project({ 'bun.lockb': '' }))).toBe('bun');
    expect(packageManager(project({}))).toBe('npm');
  });
});
