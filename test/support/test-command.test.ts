/**
 * The README's test command (scripts/test.mjs) on two fixture suites: one that needs ../shared when it
 * is absent is skipped without running its body, and one that fails to load is counted as failed in the
 * closing line, which agrees with the exit code.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './shared.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'support', 'fixtures', 'test-command');

function testCommand(fixture: string): { status: number | null; closing: string; out: string } {
  const r = spawnSync(
    process.execPath,
    [path.join(REPO_ROOT, 'scripts', 'test.mjs'), '--roots', FIXTURES, '--testMatch', `**/${fixture}`, '--maxWorkers', '1'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, SECURE_FACTORY_SHARED: path.join(FIXTURES, 'no-such-shared') },
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  const out = `${r.stdout}\n${r.stderr}`;
  return { status: r.status, closing: /^jest: .*$/m.exec(r.stdout)?.[0] ?? '', out };
}

describe('npm test (scripts/test.mjs)', () => {
  it('skips a suite that needs ../shared without running its body, and exits 0', () => {
    const r = testCommand('needs-shared.fixture.ts');
    expect({ status: r.status, closing: r.closing }).toEqual({ status: 0, closing: 'jest: 0 passed, 0 failed, 1 skipped' });
    expect(r.out).toContain('SKIPPED (no ../shared beside the repository): a suite that needs ../shared');
    expect(r.out).not.toContain('ENOENT');
  });

  it('counts a suite that fails to load as failed, and exits 1', () => {
    const r = testCommand('broken.fixture.ts');
    expect({ status: r.status, closing: r.closing }).toEqual({ status: 1, closing: 'jest: 0 passed, 1 failed, 0 skipped' });
    expect(r.out).toContain('suite failed to run (counted as 1 failed): test/support/fixtures/test-command/broken.fixture.ts');
  });
});
