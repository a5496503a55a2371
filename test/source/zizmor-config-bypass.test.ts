/**
 * The repository being verified must not be able to switch off the workflow audit: a zizmor.yml it
 * ships (possibly added by the very change under review) is ignored by checkout-verify and reported.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryLogger, parsePolicy } from '@secure-factory/core';
import { verifySource } from '@secure-factory/source';

const INJECTABLE = `on: issues
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-24.04
    steps:
      - run: echo "\${{ github.event.issue.title }}"
`;

it('ignores a zizmor.yml in the verified repository and still reports template injection', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-zizmor-bypass-'));
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), INJECTABLE);
  writeFileSync(path.join(dir, '.github', 'zizmor.yml'), 'rules:\n  template-injection:\n    disable: true\n');
  git('add', '.');
  git('-c', 'user.email=a@example.com', '-c', 'user.name=A', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'add workflow');
  const policy = parsePolicy(
    'apiVersion: secure-factory/v1\nsource: { signed-commits: none, reviews: { approvals: 0 }, branch-protection: false }\n',
    'p.yml',
  );
  const logger = new MemoryLogger();
  const r = await verifySource({ repo: dir, policy, logger });
  expect(r.findings.map((f) => f.rule)).toContain('workflow/template-injection');
  expect(r.ok).toBe(false);
  expect(logger.text()).toMatch(/ignoring .*zizmor\.yml/);
});
