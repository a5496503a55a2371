/**
 * Inherited property names in what the workflow audit reads, found by the held-out hostile-input run: a
 * `zizmor.yml` remap to `severity: constructor` (or `toString`, `__proto__` …) was accepted and gave the
 * finding the `Object` function as its severity — printed as "[function Object() { [native code] }]",
 * never blocking, counted nowhere — and a workflow granting `constructor: write` got such a severity too.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, silentLogger } from '@secure-factory/core';
import { auditWorkflows } from '@secure-factory/source';
import { fail, type HostileCase } from './types.js';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
const SEVERITIES = new Set(['critical', 'high', 'medium', 'low', 'info']);

function repo(workflow: string, zizmor?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-hostile-audit-names-'));
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'a.yml'), workflow);
  if (zizmor !== undefined) writeFileSync(path.join(dir, '.github', 'zizmor.yml'), zizmor);
  return dir;
}

const UNPINNED = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';

export const auditNameCases: HostileCase[] = [
  ...NAMES.map((name): HostileCase => ({
    id: `paths/zizmor-remap-severity-${name}`,
    area: 'paths',
    input: `zizmor.yml remapping unpinned-uses to severity "${name}"`,
    expect: 'exit 2 naming zizmor.yml:4:7 (was: the Object function as the severity, never blocking)',
    run: async () => {
      const dir = repo(UNPINNED, `rules:\n  unpinned-uses:\n    remap:\n      severity: ${name}\n`);
      try {
        await auditWorkflows({ root: dir, logger: silentLogger });
      } catch (e: unknown) {
        if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
        if (e.location?.line !== 4 || !/zizmor\.yml$/.test(e.location.file ?? ''))
          fail(`located at ${JSON.stringify(e.location)}, not zizmor.yml:4`);
        if (!/remap\.severity must be one of informational, low, medium, high/.test(e.message)) fail(e.message);
        return;
      }
      fail('accepted');
    },
  })),
  ...NAMES.map((name): HostileCase => ({
    id: `paths/workflow-permission-scope-${name}`,
    area: 'paths',
    input: `a workflow granting "${name}: write" at the workflow level`,
    expect: 'a medium finding (an unknown scope), never a severity taken from Object.prototype',
    run: async () => {
      const dir = repo(
        `on: push\npermissions:\n  ${name}: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n`,
      );
      const r = await auditWorkflows({ root: dir, logger: silentLogger, persona: 'auditor' });
      const odd = r.findings.filter((f) => typeof f.severity !== 'string' || !SEVERITIES.has(f.severity));
      if (odd.length > 0) fail(`findings with no real severity: ${odd.map((f) => f.rule).join(', ')}`);
      const grant = r.findings.filter((f) => f.rule === 'workflow/excessive-permissions' && f.message.includes(`${name}: write`));
      if (grant.length !== 1 || grant[0]!.severity !== 'medium')
        fail(`expected one medium excessive-permissions finding, got ${JSON.stringify(grant.map((f) => f.severity))}`);
    },
  })),
];
