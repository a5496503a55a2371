/**
 * The `source` stage runs the workflow audit on the change under review: suppressions count only as
 * they are in the change's base revision (an ignore comment the change adds is refused and the finding
 * blocks), and --min-severity/--min-confidence (action inputs) never hide a blocking finding.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, MemoryLogger, parsePolicy } from '@secure-factory/core';
import { auditWorkflows, verifySource } from '@secure-factory/source';

const BASE = `name: greet
on: push
permissions: {}
jobs:
  greet:
    name: greet
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/setup-node@v4 # zizmor: ignore[unpinned-uses]
      - run: echo hi
`;

let dir: string;
const git = (...args: string[]): string =>
  execFileSync('git', ['-C', dir, '-c', 'user.email=a@example.com', '-c', 'user.name=A', '-c', 'commit.gpgsign=false', ...args], {
    encoding: 'utf8',
  });
const policy = parsePolicy(
  'apiVersion: secure-factory/v1\nsource: { signed-commits: none, reviews: { approvals: 0 }, branch-protection: false, workflows: { block-severity: high } }\n',
  'p.yml',
);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sf-source-suppress-'));
  git('init', '-q', '-b', 'main');
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), BASE);
  git('add', '.');
  git('commit', '-q', '-m', 'base');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('honours the base revision’s ignore comment and refuses one the change adds', async () => {
  const base = git('rev-parse', 'HEAD').trim();
  writeFileSync(
    path.join(dir, '.github', 'workflows', 'greet.yml'),
    BASE.replace('      - run: echo hi\n', '      - uses: actions/setup-go@v5 # zizmor: ignore[unpinned-uses]\n'),
  );
  git('commit', '-q', '-am', 'change adds its own suppression');
  const logger = new MemoryLogger();
  const r = await verifySource({ repo: dir, policy, base, logger });
  const unpinned = r.findings.filter((f) => f.rule === 'workflow/unpinned-uses').map((f) => f.line);
  expect(unpinned).toEqual([10]);
  expect(r.ok).toBe(false);
  expect(r.checks.find((c) => c.check === 'workflow audit')?.detail).toMatch(
    /1 suppressed by the base revision, 1 suppression\(s\) refused/,
  );
  // Without a base nothing from the repository is trusted: both findings are reported.
  const none = await verifySource({ repo: dir, policy, logger: new MemoryLogger() });
  expect(none.findings.filter((f) => f.rule === 'workflow/unpinned-uses').map((f) => f.line)).toEqual([9, 10]);
});

it('min-severity and min-confidence hide only findings that do not block', async () => {
  writeFileSync(
    path.join(dir, '.github', 'workflows', 'greet.yml'),
    BASE.replace('      - run: echo hi\n', '      - uses: ./local\n      - uses: actions/checkout@v4\n'),
  );
  const all = await verifySource({ repo: dir, policy, logger: new MemoryLogger() });
  const rules = (r: typeof all): string[] => r.findings.map((f) => f.rule).filter((x) => x.startsWith('workflow/'));
  expect(rules(all)).toEqual(expect.arrayContaining(['workflow/self-repository', 'workflow/artipacked', 'workflow/unpinned-uses']));
  const high = await verifySource({ repo: dir, policy, minSeverity: 'high', logger: new MemoryLogger() });
  expect(rules(high)).not.toContain('workflow/self-repository');
  expect(rules(high)).not.toContain('workflow/artipacked');
  expect(rules(high)).toContain('workflow/unpinned-uses');
  // artipacked is low confidence; unpinned-uses blocks, so it stays whatever its confidence.
  const sure = await verifySource({ repo: dir, policy, minConfidence: 'high', logger: new MemoryLogger() });
  expect(rules(sure)).not.toContain('workflow/artipacked');
  expect(rules(sure)).toContain('workflow/unpinned-uses');
});

it('a trusted revision that is not in the clone fails closed with the fix, never as "no suppressions"', async () => {
  const err = await auditWorkflows({
    root: dir,
    suppressions: { trustedRevision: 'f'.repeat(40) },
    logger: new MemoryLogger(),
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigurationError);
  expect((err as ConfigurationError).message).toMatch(/trusted revision f{40} is not a commit/);
  expect((err as ConfigurationError).hint).toMatch(/fetch-depth/);
});
