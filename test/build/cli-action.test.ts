/** `secure-factory build` and the hermetic-build action, run as real processes. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateStatement, type Statement } from '@secure-factory/core';
import { runAction } from '../support/action-harness.js';
import { runCli } from '../support/cli.js';
import { makeRepo, toolDir } from './support.js';

const HAVE_BWRAP = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', 'true']).status === 0;
const describeBwrap = HAVE_BWRAP ? describe : describe.skip;
if (!HAVE_BWRAP) console.warn('SKIPPED: bubblewrap is not usable here (sudo apt-get install -y bubblewrap)');

const REACH_OUT = 'timeout 1 bash -c "exec 3<>/dev/tcp/10.255.255.1/9"';

interface BuildJson {
  subjects: { name: string; digest: { sha256: string } }[];
  isolation: { tool: string };
  reproducible: boolean | null;
  findings: { rule: string; message: string }[];
}

describeBwrap('secure-factory build', () => {
  it('builds, prints the subjects, writes the provenance, and gives the JSON contract', async () => {
    const repo = makeRepo();
    const r = await runCli([
      'build',
      '--source',
      repo.dir,
      '--outputs',
      '*.txt',
      '--reproducible',
      '--json',
      '--',
      'sh',
      '-c',
      'cp input.txt "$SECURE_FACTORY_OUT/o.txt"',
    ]);
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as BuildJson;
    const expected = spawnSync('sha256sum', [path.join(repo.dir, 'input.txt')], { encoding: 'utf8' }).stdout.slice(0, 64);
    expect(json.subjects).toEqual([{ name: 'o.txt', digest: { sha256: expected } }]);
    expect(json.isolation.tool).toBe('bubblewrap');
    expect(json.reproducible).toBe(true);
    expect(json.findings).toEqual([]);
    expect(r.stderr).toContain(`${expected}  o.txt`);
    const prov = path.join(repo.dir, '.secure-factory', 'evidence', 'provenance.intoto.json');
    expect(validateStatement(JSON.parse(readFileSync(prov, 'utf8')) as Statement)).toEqual([]);
  });

  it('exits 1 when the build reaches for the network, and says why', async () => {
    const repo = makeRepo();
    const r = await runCli(['build', '--source', repo.dir, '--outputs', '**', '--', 'sh', '-c', REACH_OUT]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/build\/network-denied: .*Network is unreachable/);
  });

  it('exits 1 on a non-reproducible build, naming the file and the first differing byte', async () => {
    const repo = makeRepo();
    const r = await runCli([
      'build',
      '--source',
      repo.dir,
      '--outputs',
      'stamp',
      '--reproducible',
      '--json',
      '--',
      'sh',
      '-c',
      'date +%s%N > "$SECURE_FACTORY_OUT/stamp"',
    ]);
    expect(r.exitCode).toBe(1);
    const json = JSON.parse(r.stdout) as BuildJson;
    expect(json.reproducible).toBe(false);
    expect(json.findings.find((f) => f.rule === 'build/not-reproducible')?.message).toMatch(/stamp \(first difference at byte \d+\)/);
  });

  it('stops a hanging build at --timeout', async () => {
    const repo = makeRepo();
    const r = await runCli(['build', '--source', repo.dir, '--outputs', '**', '--timeout', '1s', '--', 'sleep', '600']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('build/timeout');
  });

  it('exits 2 on bad input: a glob matching nothing, an unknown network mode', async () => {
    const repo = makeRepo();
    const none = await runCli(['build', '--source', repo.dir, '--outputs', 'dist/*.tgz', '--', 'true']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('matched no file');
    const bad = await runCli(['build', '--source', repo.dir, '--outputs', '**', '--network', 'open', '--', 'true']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('allowed values: none, fetch-only');
  });

  it('refuses to loosen a policy that says network: none', async () => {
    const repo = makeRepo({ '.github/secure-factory.yml': 'apiVersion: secure-factory/v1\nbuild: { network: none }\n' });
    const r = await runCli(['build', '--source', repo.dir, '--outputs', '**', '--network', 'fetch-only', '--', 'true']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('the policy requires build.network: none');
  });
});

describe('secure-factory build without a sandbox tool', () => {
  it('exits 3 and prints the install command; nothing is built', async () => {
    const repo = makeRepo();
    const r = await runCli(['build', '--source', repo.dir, '--outputs', '**', '--', 'sh', '-c', 'touch /tmp/should-not-run'], {
      env: { PATH: toolDir(['git', 'sh']) },
    });
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain('sudo apt-get install -y bubblewrap');
    expect(existsSync(path.join(repo.dir, '.secure-factory', 'out'))).toBe(false);
  });
});

describeBwrap('hermetic-build action', () => {
  it('sets subjects, provenance-path and reproducible, and writes a job summary', async () => {
    const repo = makeRepo();
    const r = await runAction('hermetic-build', {
      workspace: repo.dir,
      inputs: {
        command: 'mkdir -p "$SECURE_FACTORY_OUT/dist" && cp input.txt "$SECURE_FACTORY_OUT/dist/app.txt"',
        outputs: 'dist/**',
        reproducible: 'true',
        'test-command': 'test -s /out/dist/app.txt',
      },
    });
    expect(r.exitCode).toBe(0);
    const subjects = JSON.parse(r.outputs.subjects ?? '[]') as { name: string }[];
    expect(subjects.map((s) => s.name)).toEqual(['dist/app.txt']);
    expect(r.outputs.reproducible).toBe('true');
    const prov = JSON.parse(readFileSync(r.outputs['provenance-path'] ?? '', 'utf8')) as Statement<{
      runDetails: { builder: { id: string } };
    }>;
    expect(prov.predicate.runDetails.builder.id).toBe('https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main');
    expect(existsSync(path.join(repo.dir, '.secure-factory', 'evidence', 'tests.intoto.json'))).toBe(true);
    expect(r.summary).toContain('hermetic-build: passed');
    expect(r.summary).toContain('`dist/app.txt`');
  });

  it('fails the step with an error annotation when the build reaches for the network', async () => {
    const repo = makeRepo();
    const r = await runAction('hermetic-build', { workspace: repo.dir, inputs: { command: REACH_OUT, outputs: '**' } });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.some((a) => a.level === 'error' && a.message.includes('Network is unreachable'))).toBe(true);
    expect(r.summary).toContain('hermetic-build: failed');
    expect(r.outputs['provenance-path']).toBe('');
  });
});
