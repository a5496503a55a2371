/**
 * Workflow hygiene that zizmor reports in its pedantic persona (and one regular misfeature):
 * concurrency-limits (runs pile up, old runs keep their tokens), undocumented-permissions (a grant
 * without a comment saying why), misfeature (the Windows `cmd` shell cannot be analysed).
 */
import { normalizeShell } from '../shell.js';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { usesAction, type Audit } from '../model.js';

/**
 * concurrency-limits (zizmor, pedantic, low): a bare `concurrency: <group>` never cancels superseded
 * runs. Workflow-level bare → finding at `concurrency`; no workflow concurrency → one finding at `on`
 * for the jobs whose own concurrency is bare, and one for the jobs that have none. A mapping
 * (`group:` with or without `cancel-in-progress`) is the author's explicit choice and is not flagged;
 * reusable-only workflows leave concurrency to their callers.
 */
export const concurrencyLimits: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  if (f.triggers.length > 0 && f.triggers.every((t) => t.name === 'workflow_call')) return;
  const isBare = (n: Node | undefined): boolean => isScalar(n);
  const pair = f.src.pair(f.root, 'concurrency');
  const finding = (message: string, range: [number, number]): void =>
    report({ audit: 'concurrency-limits', severity: 'low', confidence: 'high', persona: 'pedantic', message, range });
  if (pair) {
    const range = f.src.pairRange(pair);
    if (isBare(f.src.resolve(pair.value)) && range)
      finding('insufficient job-level concurrency limits: workflow concurrency is missing cancel-in-progress', range);
    return;
  }
  const range = f.onPair ? f.src.pairRange(f.onPair) : undefined;
  if (!range) return;
  const normal = f.jobs.filter((j) => !f.src.pair(j.node, 'uses'));
  const bare = normal.filter((j) => isBare(f.src.get(j.node, 'concurrency')));
  const missing = normal.filter((j) => f.src.get(j.node, 'concurrency') === undefined);
  if (bare.length > 0)
    finding(
      `insufficient job-level concurrency limits: job concurrency is missing cancel-in-progress (${bare.map((j) => `\`${j.id}\``).join(', ')})`,
      range,
    );
  if (missing.length > 0)
    finding(
      `insufficient job-level concurrency limits: workflow is missing a concurrency setting (affects ${missing.map((j) => `\`${j.id}\``).join(', ')})`,
      range,
    );
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

/**
 * misfeature (zizmor): `shell: cmd` on a run step (regular: no grammar, several continuation
 * mechanisms, not the Windows default since 2019), any other shell GitHub does not know (auditor),
 * and actions/setup-python's `pip-install` input (installs into a global environment). The effective
 * shell is the step's, then the job's and the workflow's `defaults.run.shell`; the finding points at
 * that `shell:`. All low severity, high confidence.
 */
export const misfeature: Audit = (f, report) => {
  const shellPair = (step: (typeof f.steps)[number]): Pair<Node, Node | null> | undefined =>
    f.src.pair(step.node, 'shell') ??
    (step.job ? f.src.pair(f.src.get(f.src.get(step.job.node, 'defaults'), 'run'), 'shell') : undefined) ??
    (f.kind === 'workflow' ? f.src.pair(f.src.get(f.src.get(f.root, 'defaults'), 'run'), 'shell') : undefined);
  for (const step of f.steps) {
    if (step.uses && usesAction(step, 'actions/setup-python')) {
      const p = f.src.pair(step.with, 'pip-install');
      const range = p ? f.src.pairRange(p) : undefined;
      if (range)
        report({
          audit: 'misfeature',
          severity: 'low',
          confidence: 'high',
          persona: 'regular',
          message:
            'usage of GitHub Actions misfeatures: setup-python `pip-install` installs packages into a global environment in a brittle manner; use a virtual environment',
          range,
          ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] as [number, number] } : {}),
        });
    }
    if (!step.run) continue;
    const p = shellPair(step);
    const value = p ? f.src.str(p.value) : undefined;
    const range = p ? f.src.pairRange(p) : undefined;
    if (value === undefined || !range || value.includes('${{')) continue;
    const shell = normalizeShell(value).toLowerCase();
    if (['bash', 'pwsh', 'python', 'sh', 'powershell'].includes(shell)) continue;
    const cmd = shell === 'cmd';
    report({
      audit: 'misfeature',
      severity: 'low',
      confidence: 'high',
      persona: cmd ? 'regular' : 'auditor',
      message: cmd
        ? "usage of GitHub Actions misfeatures: the Windows CMD shell limits analysis (its quoting rules make injection hard to rule out); use 'shell: pwsh' or 'shell: bash'"
        : `usage of GitHub Actions misfeatures: \`${value}\` is not a shell GitHub Actions knows well; use 'bash' or 'pwsh'`,
      range,
    });
  }
};
