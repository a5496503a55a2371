/**
 * Negative end-to-end cases through the bundled gate-deploy action, run as the runner runs it: a
 * hostile evidence folder and hostile input text. The action must fail the step, annotate without
 * forging anything (no stdout line the runner reads as a command other than the action's own
 * annotations), and write `allowed=false` in the delimiter form — never `allowed=true`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../support/action-harness.js';
import { runnerLines, SECRET } from './cases/types.js';

const DIGEST = `sha256:${'cd'.repeat(32)}`;

function workspace(): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'sf-hostile-ws-'));
  const ev = path.join(ws, '.secure-factory', 'evidence');
  mkdirSync(ev, { recursive: true });
  execFileSync('mkfifo', [path.join(ev, 'x.sigstore.json')]);
  writeFileSync(path.join(ws, 'token'), SECRET);
  symlinkSync(path.join(ws, 'token'), path.join(ev, 'token.sigstore.json'));
  symlinkSync('/dev/zero', path.join(ev, 'zero.sigstore.json'));
  return ws;
}

describe('gate-deploy action with hostile inputs', () => {
  it('a hostile evidence folder and a forged environment name: the step fails, nothing forged, allowed=false', async () => {
    const r = await runAction('gate-deploy', {
      workspace: workspace(),
      inputs: {
        'subject-digest': DIGEST,
        environment: 'production\n::add-mask::x\n::stop-commands::t\n##[error]forged\u001b[2J',
        'fetch-attestations': 'false',
        record: 'false',
      },
      timeoutMs: 90_000,
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.allowed).not.toBe('true');
    expect(r.stdout).not.toContain('##[');
    // The gate ran and refused the FIFO and the links rather than reading them.
    expect(r.stdout).toMatch(/FIFO|not a regular file/);
    // Only @actions/core's own commands start a line with "::"; none of them is one the attacker chose.
    for (const l of runnerLines(r.stdout).filter((x) => /^\s*::/.test(x))) expect(l).toMatch(/^::(error|warning|notice|debug)[ :]/);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
    expect(r.stdout + r.stderr).not.toContain('\u001b');
    expect(r.stdout + r.stderr).not.toMatch(/internal error/);
  }, 120_000);
});
