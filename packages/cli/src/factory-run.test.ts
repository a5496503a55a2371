import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, exitCodeFor } from '@secure-factory/core';
import { detectFetch, packageManager, projectScripts, reportDetails, type StageReport } from './factory-run.js';

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

  describe('hostile package.json and yarn.lock: refused by name, never a hang, a read of /dev/zero or a quote', () => {
    const SECRET = 'SECRET-factory-run-marker';
    const hostile = (name: string, kind: 'fifo' | 'dev-zero' | 'outside' | 'big' | 'latin1'): string => {
      const dir = project({});
      const file = path.join(dir, name);
      if (kind === 'fifo') execFileSync('mkfifo', [file]);
      else if (kind === 'dev-zero') symlinkSync('/dev/zero', file);
      else if (kind === 'outside') {
        const elsewhere = mkdtempSync(path.join(tmpdir(), 'sf-run-secret-'));
        writeFileSync(path.join(elsewhere, 'token'), `{"scripts":{"build":"${SECRET}"}}\n__metadata:\n`);
        symlinkSync(path.join(elsewhere, 'token'), file);
      } else if (kind === 'big') {
        // Sparse: the size on the handle is refused before a byte is read.
        writeFileSync(file, '{}');
        truncateSync(file, 100 * 1024 * 1024 + 1);
      } else writeFileSync(file, Buffer.from(`{"scripts":{"build":"caf\xe9 ${SECRET}"`, 'latin1'));
      return dir;
    };
    const refused = (e: unknown, pattern: RegExp): void => {
      expect(e).toBeInstanceOf(ConfigurationError);
      expect(exitCodeFor(e)).toBe(2);
      const text = (e as ConfigurationError).describe();
      expect(text).toMatch(pattern);
      expect(text).not.toContain(SECRET);
    };
    it.each([
      ['fifo', /package\.json.*FIFO/s],
      ['dev-zero', /package\.json.*outside/s],
      ['outside', /package\.json.*outside/s],
      ['big', /package\.json.*over the limit/s],
      ['latin1', /package\.json.*not valid UTF-8/s],
    ] as const)('package.json as %s', async (kind, pattern) => {
      refused(await projectScripts(hostile('package.json', kind)).catch((e: unknown) => e), pattern);
    });
    it('package.json holding JSON that is no object, or broken JSON: exit 2 at the file, nothing quoted', async () => {
      refused(await projectScripts(project({ 'package.json': 'null' })).catch((e: unknown) => e), /package\.json.*not a JSON object/s);
      refused(
        await projectScripts(project({ 'package.json': `{"scripts": ${SECRET}}` })).catch((e: unknown) => e),
        /package\.json:1:\d+.*not valid JSON/s,
      );
      expect(await projectScripts(project({ 'package.json': '{"scripts":{"build":"tsc"}}' }))).toEqual({ build: 'tsc' });
    });
    it.each([
      ['fifo', /yarn\.lock.*FIFO/s],
      ['dev-zero', /yarn\.lock.*outside/s],
      ['outside', /yarn\.lock.*outside/s],
    ] as const)('yarn.lock as %s', (kind, pattern) => {
      let caught: unknown;
      try {
        detectFetch(hostile('yarn.lock', kind));
      } catch (e: unknown) {
        caught = e;
      }
      refused(caught, pattern);
    });
  });

  it('runs package.json scripts through the package manager of the lockfile', () => {
    expect(packageManager(project({ 'package-lock.json': '{}' }))).toBe('npm');
    expect(packageManager(project({ 'pnpm-lock.yaml': '' }))).toBe('pnpm');
    expect(packageManager(project({ 'yarn.lock': '' }))).toBe('yarn');
    expect(packageManager(project({ 'bun.lockb': '' }))).toBe('bun');
    expect(packageManager(project({}))).toBe('npm');
  });
});
