import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../support/action-harness.js';

function repo(): { dir: string; head: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-repo-'));
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'alice@example.com');
  git('config', 'user.name', 'Alice');
  git('config', 'commit.gpgsign', 'false');
  writeFileSync(path.join(dir, 'README.md'), 'hello\n');
  git('add', '.');
  git('commit', '-q', '-m', 'first');
  return { dir, head: git('rev-parse', 'HEAD').trim() };
}

describe('checkout-verify action: commit identity', () => {
  it('passes when HEAD is the expected commit and the tree is clean', async () => {
    const { dir, head } = repo();
    const r = await runAction('checkout-verify', { workspace: dir, inputs: { 'expected-sha': head, 'audit-workflows': 'false' } });
    expect(r.outputs.verified).toBe('true');
    expect(r.summary).toContain(head);
  });

  it('fails when HEAD is not the expected commit', async () => {
    const { dir } = repo();
    const r = await runAction('checkout-verify', {
      workspace: dir,
      inputs: { 'expected-sha': 'f'.repeat(40), 'audit-workflows': 'false' },
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verified).toBe('false');
    expect(r.annotations.some((a) => a.level === 'error' && /not the expected commit/.test(a.message))).toBe(true);
  });

  it('refuses a malformed expected-sha', async () => {
    const { dir } = repo();
    const r = await runAction('checkout-verify', { workspace: dir, inputs: { 'expected-sha': 'main' } });
    expect(r.exitCode).toBe(1);
    expect(r.annotations[0]?.message).toMatch(/expected-sha.*full lower-case commit SHA/);
  });
});
