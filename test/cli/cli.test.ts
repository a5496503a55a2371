import { runCli } from '../support/cli.js';

describe('secure-factory CLI', () => {
  it('lists every verb in --help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.exitCode).toBe(0);
    for (const verb of [
      'source',
      'scan',
      'build',
      'attest',
      'gate',
      'run',
      'audit-workflows',
      'verify-bundle',
      'sign-bundle',
      'verify-artifact',
      'rescan',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${verb} `, 'm'));
    }
  });

  it('exits 2 on an unknown verb and on a bad option, without a stack trace', async () => {
    const a = await runCli(['bogus']);
    expect(a.exitCode).toBe(2);
    expect(a.stderr).toMatch(/unknown command 'bogus'/);
    const b = await runCli(['source', '--no-such-flag']);
    expect(b.exitCode).toBe(2);
    expect(b.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints a JSON error with code and exit 2 for a directory that is not a repository', async () => {
    const r = await runCli(['source', '/', '--json']);
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'CONFIGURATION' } });
  });
});
