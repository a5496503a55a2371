/**
 * Workflow hygiene that zizmor reports in its pedantic persona (and one regular misfeature):
 * concurrency-limits (runs pile up, old runs keep their tokens), undocumented-permissions (a grant
 * without a comment saying why), misfeature (the Windows `cmd` shell cannot be analysed).
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { Audit, AuditFile } from '../model.js';

function concurrencyComplete(f: AuditFile, node: Node | undefined): boolean {
  return isMap(node) && f.src.pair(node, 'cancel-in-progress') !== undefined;
}

export const concurrencyLimits: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  if (f.triggers.length > 0 && f.triggers.every((t) => t.name === 'workflow_call')) return;
  const pair = f.src.pair(f.root, 'concurrency');
  if (pair) {
    const range = f.src.pairRange(pair);
    if (!concurrencyComplete(f, f.src.resolve(pair.value)) && range)
      report({
        audit: 'concurrency-limits',
        severity: 'low',
        confidence: 'high',
        persona: 'pedantic',
        message: 'insufficient job-level concurrency limits: workflow concurrency is missing cancel-in-progress',
        range,
      });
    return;
  }
  const uncovered = f.jobs.filter((j) => !concurrencyComplete(f, f.src.get(j.node, 'concurrency')));
  const range = f.onPair ? f.src.pairRange(f.onPair) : undefined;
  if (uncovered.length === 0 || !range) return;
  report({
    audit: 'concurrency-limits',
    severity: 'low',
    confidence: 'high',
    persona: 'pedantic',
    message: `insufficient job-level concurrency limits: workflow is missing a concurrency setting (affects ${uncovered.map((j) => `\`${j.id}\``).join(', ')})`,
    range,
  });
};

export const undocumentedPermissions: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  const blocks: Node[] = [];
  const wf = f.src.get(f.root, 'permissions');
  if (wf) blocks.push(wf);
  for (const job of f.jobs) {
    const p = f.src.get(job.node, 'permissions');
    if (p) blocks.push(p);
  }
  for (const block of blocks) {
    if (!isMap(block)) continue;
    const undocumented: Pair<Node, Node | null>[] = [];
    for (const [scope, p] of f.src.entries(block)) {
      const value = f.src.resolve(p.value);
      if (scope === 'contents' && f.src.str(value) === 'read') continue;
      const comment = value && isScalar(value) ? f.src.trailingComment(value) : undefined;
      if (!comment) undocumented.push(p);
    }
    const first = undocumented[0] ? f.src.pairRange(undocumented[0]) : undefined;
    const last = undocumented[undocumented.length - 1];
    const lastRange = last ? f.src.pairRange(last) : undefined;
    if (!first || !lastRange) continue;
    report({
      audit: 'undocumented-permissions',
      severity: 'low',
      confidence: 'high',
      persona: 'pedantic',
      message: `permissions without explanatory comments: ${undocumented.length} grant(s) need a comment saying why`,
      range: [first[0], lastRange[1]],
    });
  }
};

export const misfeature: Audit = (f, report) => {
  const shells: Pair<Node, Node | null>[] = [];
  const defaultsShell = (node: Node | undefined): void => {
    const p = f.src.pair(f.src.get(f.src.get(node, 'defaults'), 'run'), 'shell');
    if (p) shells.push(p);
  };
  if (f.kind === 'workflow') defaultsShell(f.root);
  for (const job of f.jobs) defaultsShell(job.node);
  for (const step of f.steps) {
    const p = f.src.pair(step.node, 'shell');
    if (p) shells.push(p);
  }
  for (const p of shells) {
    const range = f.src.pairRange(p);
    if (f.src.str(p.value)?.trim().toLowerCase() !== 'cmd' || !range) continue;
    report({
      audit: 'misfeature',
      severity: 'low',
      confidence: 'high',
      persona: 'regular',
      message:
        "usage of GitHub Actions misfeatures: the Windows CMD shell limits analysis (its quoting rules make injection hard to rule out); use 'shell: pwsh' or 'shell: bash'",
      range,
    });
  }
};
