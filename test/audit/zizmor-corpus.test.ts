/**
 * The workflow audit against zizmor's own integration-test expectations (../shared/corpora/zizmor).
 * For every zizmor audit this project implements, a finding agrees when zizmor reports the same audit
 * at the same line of the same input under the same persona. Recall and precision per rule must stay
 * at or above the floors below (what the implementation achieves today), so a regression fails.
 */
import { existsSync } from 'node:fs';
import { ConfigurationError, silentLogger } from '@secure-factory/core';
import { auditWorkflows, WORKFLOW_RULES, type Persona } from '@secure-factory/source';
import { describeShared, readJsonl, sharedPath } from '../support/shared.js';

interface ExpectedFinding {
  audit: string;
  line: number;
  col: number;
  severity_label: string;
}

interface Case {
  test_fn: string;
  kind: string;
  inputs: string[];
  args?: string[];
  config?: string[];
  requires_network: boolean;
  expected_findings: ExpectedFinding[];
  expected_no_findings: boolean;
}

/** Floors per zizmor audit id: [recall, precision]. */
const FLOORS: Record<string, [number, number]> = {
  'template-injection': [1, 1],
  'unpinned-uses': [1, 1],
  'excessive-permissions': [1, 1],
  'dangerous-triggers': [1, 1],
  artipacked: [1, 1],
  'cache-poisoning': [1, 1],
  'github-env': [1, 1],
  'insecure-commands': [1, 1],
  'unpinned-images': [1, 1],
  'self-hosted-runner': [1, 1],
  'overprovisioned-secrets': [1, 1],
  'unredacted-secrets': [1, 1],
  'bot-conditions': [1, 1],
  'secrets-outside-env': [1, 1],
  obfuscation: [1, 1],
  'use-trusted-publishing': [1, 1],
  'unsound-condition': [1, 1],
  'unsound-contains': [1, 1],
  'github-app': [1, 1],
  'unpinned-tools': [1, 1],
  misfeature: [1, 1],
  'concurrency-limits': [1, 1],
  'undocumented-permissions': [1, 1],
  'dependabot-cooldown': [1, 1],
  'dependabot-execution': [1, 1],
};

/** Column agreement among line matches (zizmor's span start), and severity agreement. */
const COLUMN_FLOOR = 1;
const SEVERITY_FLOOR = 1;
/** zizmor's labels → core severities. */
const SEVERITY: Record<string, string> = { error: 'high', warning: 'medium', help: 'low', info: 'info' };

function personaOf(args: string[] | undefined): Persona {
  const a = args ?? [];
  if (a.includes('--persona=auditor')) return 'auditor';
  if (a.includes('--pedantic') || a.includes('--persona=pedantic')) return 'pedantic';
  return 'regular';
}

const IMPLEMENTED = new Set(WORKFLOW_RULES.map((r) => r.equivalent?.zizmor).filter((z): z is string => z !== undefined));

describeShared('workflow audit agrees with zizmor on its own test corpus', () => {
  it('reaches the recall and precision floors per rule', async () => {
    const cases = readJsonl<Case>('corpora', 'zizmor', 'manifest.jsonl');
    const stats = new Map<string, { tp: number; fp: number; fn: number }>();
    const stat = (a: string): { tp: number; fp: number; fn: number } => {
      let s = stats.get(a);
      if (!s) stats.set(a, (s = { tp: 0, fp: 0, fn: 0 }));
      return s;
    };
    let columnsAgree = 0;
    let severitiesAgree = 0;
    let lineMatches = 0;
    let evaluated = 0;
    const skipped: Record<string, number> = { 'config file not in corpus': 0, 'fix mode': 0 };
    let networkCases = 0;
    const misses: string[] = [];
    for (const c of cases) {
      if (c.kind !== 'audit') {
        skipped['fix mode']!++;
        continue;
      }
      // Cases that need the network for zizmor's online audits (impostor-commit, ref-confusion, ...)
      // still pin down the offline audits' findings in the same run, so they count for those.
      if (c.requires_network) networkCases++;
      // zizmor's --config files are not part of the corpus; such cases run when they are present.
      const configFile = c.config?.[0] !== undefined ? sharedPath('corpora', 'zizmor', c.config[0]) : undefined;
      if (configFile !== undefined && !existsSync(configFile)) {
        skipped['config file not in corpus']!++;
        continue;
      }
      evaluated++;
      const persona = personaOf(c.args);
      const expectsError = configFile !== undefined && c.expected_findings.length === 0 && !c.expected_no_findings;
      for (const input of c.inputs) {
        const file = sharedPath('corpora', 'zizmor', input);
        expect(existsSync(file)).toBe(true);
        const run = auditWorkflows({ root: file, persona, zizmorConfig: configFile ?? false, logger: silentLogger });
        if (expectsError) {
          await expect(run).rejects.toBeInstanceOf(ConfigurationError);
          continue;
        }
        const { findings } = await run;
        const got = findings
          .map((f) => ({ audit: f.properties?.zizmor as string, line: f.line, column: f.column, severity: f.severity }))
          .filter((f) => IMPLEMENTED.has(f.audit));
        const expected = c.expected_findings.filter((f) => IMPLEMENTED.has(f.audit));
        const used = new Set<number>();
        for (const e of expected) {
          const i = got.findIndex((g, k) => !used.has(k) && g.audit === e.audit && g.line === e.line);
          if (i < 0) {
            stat(e.audit).fn++;
            misses.push(`missed ${e.audit} at ${input}:${e.line}:${e.col} (${c.test_fn}, ${persona})`);
            continue;
          }
          used.add(i);
          stat(e.audit).tp++;
          lineMatches++;
          if (got[i]!.column === e.col) columnsAgree++;
          if (got[i]!.severity === SEVERITY[e.severity_label]) severitiesAgree++;
        }
        got.forEach((g, k) => {
          if (used.has(k)) return;
          stat(g.audit).fp++;
          misses.push(`extra ${g.audit} at ${input}:${g.line}:${g.column} (${c.test_fn}, ${persona})`);
        });
      }
    }

    const rows = [...stats.entries()].sort(([a], [b]) => a.localeCompare(b));
    const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
    const table = [
      '| zizmor audit | rule | expected | found | agree | recall | precision |',
      '|---|---|---:|---:|---:|---:|---:|',
      ...rows.map(
        ([a, s]) =>
          `| ${a} | workflow/${a} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${ratio(s.tp, s.tp + s.fn).toFixed(2)} | ${ratio(s.tp, s.tp + s.fp).toFixed(2)} |`,
      ),
    ].join('\n');
    process.stderr.write(
      `\nzizmor corpus: ${evaluated} audit cases evaluated (${networkCases} of them need the network in zizmor: only the offline audits count there); skipped ${JSON.stringify(skipped)}; columns agree on ${columnsAgree}/${lineMatches} line matches, severities on ${severitiesAgree}/${lineMatches}\n${table}\n${misses.join('\n')}\n`,
    );

    expect(evaluated).toBeGreaterThan(60);
    for (const [audit, [recallFloor, precisionFloor]] of Object.entries(FLOORS)) {
      const s = stats.get(audit);
      expect({ audit, present: s !== undefined }).toEqual({ audit, present: true });
      if (!s) continue;
      expect({ audit, recall: ratio(s.tp, s.tp + s.fn) >= recallFloor }).toEqual({ audit, recall: true });
      expect({ audit, precision: ratio(s.tp, s.tp + s.fp) >= precisionFloor }).toEqual({ audit, precision: true });
    }
    expect(ratio(columnsAgree, lineMatches)).toBeGreaterThanOrEqual(COLUMN_FLOOR);
    expect(ratio(severitiesAgree, lineMatches)).toBeGreaterThanOrEqual(SEVERITY_FLOOR);
  });
});
