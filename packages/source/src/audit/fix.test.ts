/**
 * Fix mode from its definition: each mechanical finding gets the edit zizmor's --fix would make,
 * comments and layout stay, a fixed file needs no further fix, and what cannot be fixed offline (a
 * tag without a known SHA) is listed, never guessed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@secure-factory/core';
import { auditWorkflowText } from './audit-workflows.js';
import { applyEdits, loadPins, planFixes } from './fix.js';

const SHA = 'c'.repeat(40);
const fix = (text: string, kind: 'workflow' | 'action' = 'workflow', pins = new Map<string, string>()): string =>
  applyEdits(text, planFixes(text, 'f.yml', kind, pins).edits);

describe('fix mode', () => {
  it('adds persist-credentials to an existing with: block, keeping its comments', () => {
    const wf = `on: push
permissions: {}
jobs:
  j:
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - uses: actions/checkout@${SHA} # v4.2.2
        with:
          fetch-depth: 0 # full history
`;
    expect(fix(wf)).toBe(
      wf.replace('fetch-depth: 0 # full history\n', 'fetch-depth: 0 # full history\n          persist-credentials: false\n'),
    );
  });

  it('turns persist-credentials: true into false, and leaves an expression to the author', () => {
    const wf = (v: string): string => `on: push
permissions: {}
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
        with:
          persist-credentials: ${v}
`;
    expect(fix(wf('true'))).toBe(wf('false'));
    expect(fix(wf('${{ inputs.keep }}'))).toBe(wf('${{ inputs.keep }}'));
  });

  it('fixes composite actions (no permissions block there) and keeps quotes around uses', () => {
    const action = `name: a
description: d
runs:
  using: composite
  steps:
    - uses: "./helper"
    - uses: 'actions/checkout@v4'
`;
    const out = fix(action, 'action', new Map([['actions/checkout@v4', SHA]]));
    expect(out).toContain('- uses: "$/helper"');
    expect(out).toContain(`- uses: 'actions/checkout@${SHA}' # v4\n      with:\n        persist-credentials: false`);
    expect(out).not.toContain('permissions');
  });

  it('a fixed file has nothing left to fix and no artipacked, permissions or unpinned finding', () => {
    const wf = `on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`;
    const pins = new Map([['actions/checkout@v4', SHA]]);
    const once = fix(wf, 'workflow', pins);
    expect(fix(once, 'workflow', pins)).toBe(once);
    const rules = auditWorkflowText(once, '.github/workflows/f.yml', 'workflow').map((f) => f.rule);
    expect(rules.filter((r) => /artipacked|excessive-permissions|unpinned-uses/.test(r))).toEqual([]);
  });

  it('lists a tag it has no pin for instead of guessing', () => {
    const wf = `on: push\npermissions: {}\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-go@v5\n`;
    const plan = planFixes(wf, 'f.yml', 'workflow', new Map());
    expect(plan.edits).toEqual([]);
    expect(plan.skipped).toEqual([expect.stringMatching(/f\.yml:7: actions\/setup-go@v5 is not pinned/)]);
  });

  it('reads pins files as text or JSON, and refuses a short SHA with the line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-pins-'));
    try {
      writeFileSync(path.join(dir, 'p.txt'), `# pins\nactions/checkout@v4 ${SHA}\n`);
      expect([...(await loadPins(path.join(dir, 'p.txt')))]).toEqual([['actions/checkout@v4', SHA]]);
      writeFileSync(path.join(dir, 'p.json'), JSON.stringify({ 'Actions/Cache@v4': SHA.toUpperCase() }));
      expect([...(await loadPins(path.join(dir, 'p.json')))]).toEqual([['actions/cache@v4', SHA]]);
      writeFileSync(path.join(dir, 'bad.txt'), 'actions/checkout@v4 abc123\n');
      const err = await loadPins(path.join(dir, 'bad.txt')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigurationError);
      expect((err as ConfigurationError).location?.line).toBe(1);
      expect(readFileSync(path.join(dir, 'bad.txt'), 'utf8')).toContain('abc123');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
