/**
 * What the runner is told to do: insecure workflow commands (`ACTIONS_ALLOW_UNSECURE_COMMANDS`
 * re-enables `::set-env`), writes of untrusted data to GITHUB_ENV/GITHUB_PATH (they change the
 * environment of every later step: `LD_PRELOAD`, `PATH`), and self-hosted runners (persistent
 * machines a pull request can compromise on public repositories).
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { contextPattern, dataflowContexts, extractExpressions, tryParseExpression } from '../expressions.js';
import { hasTrigger, matrixValues, type Audit, type AuditFile, type Step } from '../model.js';

function insecureEnv(f: AuditFile, pair: Pair<Node, Node | null> | undefined, report: Parameters<Audit>[1]): void {
  if (!pair) return;
  const env = f.src.resolve(pair.value);
  const range = f.src.pairRange(pair);
  if (!range || !env) return;
  if (isScalar(env) && extractExpressions(f.src.str(env) ?? '').length > 0) {
    report({
      audit: 'insecure-commands',
      severity: 'high',
      confidence: 'low',
      persona: 'auditor',
      message: 'execution of insecure workflow commands is enabled: non-static environment may contain ACTIONS_ALLOW_UNSECURE_COMMANDS',
      range,
    });
    return;
  }
  if (!isMap(env)) return;
  const hit = f.src.entries(env).find(([k]) => k === 'ACTIONS_ALLOW_UNSECURE_COMMANDS');
  if (!hit) return;
  const v = f.src.str(hit[1].value)?.trim().toLowerCase();
  if (v !== 'true') return;
  report({
    audit: 'insecure-commands',
    severity: 'high',
    confidence: 'high',
    persona: 'regular',
    message:
      'execution of insecure workflow commands is enabled: ACTIONS_ALLOW_UNSECURE_COMMANDS lets any output line set environment variables and PATH',
    range,
  });
}

export const insecureCommands: Audit = (f, report) => {
  if (f.kind === 'workflow') {
    insecureEnv(f, f.src.pair(f.root, 'env'), report);
    for (const job of f.jobs) insecureEnv(f, f.src.pair(job.node, 'env'), report);
  }
  for (const step of f.steps) insecureEnv(f, step.envPair, report);
};

type Shell = 'bash' | 'pwsh' | 'cmd' | 'python' | 'other';

function stepShell(f: AuditFile, step: Step): Shell {
  let shell = f.src.str(f.src.get(step.node, 'shell'));
  if (shell === undefined && step.job) shell = f.src.str(f.src.get(f.src.get(f.src.get(step.job.node, 'defaults'), 'run'), 'shell'));
  if (shell === undefined && f.kind === 'workflow') shell = f.src.str(f.src.get(f.src.get(f.src.get(f.root, 'defaults'), 'run'), 'shell'));
  const s = (shell ?? 'bash').trim().toLowerCase();
  if (s.includes('${{')) return 'bash';
  if (/^(pwsh|powershell)\b/.test(s)) return 'pwsh';
  if (/^cmd\b/.test(s)) return 'cmd';
  if (/^python\b/.test(s)) return 'python';
  if (/(^|\/)(bash|sh)\b/.test(s)) return 'bash';
  return 'other';
}

/**
 * Writes to GITHUB_ENV/GITHUB_PATH that may carry attacker data, one per write, with the script line.
 * As zizmor: in bash, a redirect is dangerous unless the written text is constant (no `$`, no
 * backticks; a heredoc's body counts), and `| tee` always is; in pwsh and cmd every write is.
 */
export function envFileWrites(script: string, shell: Shell): { file: 'GITHUB_ENV' | 'GITHUB_PATH'; line: number }[] {
  const out: { file: 'GITHUB_ENV' | 'GITHUB_PATH'; line: number }[] = [];
  const lines = script.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const target = /GITHUB_(ENV|PATH)\b/i.exec(line);
    if (!target) continue;
    const file = target[1]?.toUpperCase() === 'ENV' ? 'GITHUB_ENV' : 'GITHUB_PATH';
    if (shell === 'bash') {
      if (/\|\s*tee\b[^|]*\$\{?GITHUB_(ENV|PATH)\b/.test(line)) {
        out.push({ file, line: i });
        continue;
      }
      const m = /^(.*?)>>?\s*"?\$\{?GITHUB_(ENV|PATH)\}?"?/.exec(line);
      if (!m) continue;
      let written = m[1] ?? '';
      // A heredoc writes the following lines: look at them until the delimiter.
      const heredoc = /<<-?\s*(['"]?)(\w+)\1/.exec(line);
      if (heredoc) {
        const delim = heredoc[2] ?? '';
        const body: string[] = [];
        for (let j = i + 1; j < lines.length && (lines[j] ?? '').trim() !== delim; j++) body.push(lines[j] ?? '');
        if (heredoc[1] === '') written += body.join('\n');
      }
      if (/[$`]/.test(written)) out.push({ file, line: i });
    } else if (shell === 'pwsh') {
      if (/(>>?|\b(out-file|add-content|set-content|tee-object)\b).*\$env:GITHUB_(ENV|PATH)/i.test(line)) out.push({ file, line: i });
    } else if (shell === 'cmd') {
      if (/>>?\s*"?%GITHUB_(ENV|PATH)%/i.test(line)) out.push({ file, line: i });
    }
  }
  return out;
}

export const githubEnv: Audit = (f, report) => {
  if (f.kind === 'workflow' && !hasTrigger(f, 'pull_request_target', 'workflow_run')) return;
  for (const step of f.steps) {
    if (!step.run) continue;
    const shell = stepShell(f, step);
    const range = f.src.pairRange(step.run.pair);
    if (!range) continue;
    for (const w of envFileWrites(step.run.value, shell)) {
      report({
        audit: 'github-env',
        severity: 'high',
        confidence: 'low',
        persona: 'regular',
        message: `dangerous use of environment file: write to ${shell === 'pwsh' ? '$env:' : ''}${w.file} (script line ${w.line + 1}) may allow code execution in later steps`,
        range,
      });
    }
  }
};

const GITHUB_HOSTED = /^(ubuntu|windows|macos)-[\w.-]+$/i;

function runnerVerdict(labels: string[]): 'self-hosted' | 'hosted' | 'unknown' {
  if (labels.some((l) => l.toLowerCase() === 'self-hosted')) return 'self-hosted';
  if (labels.length > 0 && labels.every((l) => GITHUB_HOSTED.test(l))) return 'hosted';
  return 'unknown';
}

export const selfHostedRunner: Audit = (f, report) => {
  const src = f.src;
  for (const job of f.jobs) {
    const pair = src.pair(job.node, 'runs-on');
    const node = pair ? src.resolve(pair.value) : undefined;
    const range = pair ? src.pairRange(pair) : undefined;
    if (!node || !range) continue;
    let why: string | undefined;
    let confidence: 'high' | 'low' = 'high';
    if (isMap(node)) {
      if (src.get(node, 'group') !== undefined) why = 'runner group implies self-hosted runner';
      else if (runnerVerdict(src.items(src.get(node, 'labels')).map((l) => src.str(l) ?? '')) === 'self-hosted')
        why = 'self-hosted runner label';
    } else if (isSeq(node) || !/^\s*\$\{\{[\s\S]*\}\}\s*$/.test(src.str(node) ?? '')) {
      // A label list (or one label): self-hosted runners carry the `self-hosted` label; a label that
      // is an expression may expand to one (zizmor flags that with low confidence).
      const labels = isSeq(node) ? src.items(node).map((l) => src.str(l) ?? '') : [src.str(node) ?? ''];
      if (runnerVerdict(labels) === 'self-hosted') why = 'self-hosted runner label';
      else if (isSeq(node) && extractExpressions(labels[0] ?? '').length > 0) {
        why = 'a label expression may expand into a self-hosted runner';
        confidence = 'low';
      }
    } else {
      // The whole runs-on is an expression: flag it when a matrix value it reads is self-hosted.
      for (const fx of extractExpressions(src.str(node) ?? '')) {
        const expr = tryParseExpression(fx.body);
        for (const ctx of expr ? dataflowContexts(expr) : []) {
          const p = contextPattern(ctx);
          if (!p?.startsWith('matrix.') || p.split('.').length !== 2) continue;
          const { values } = matrixValues(f, job, p.split('.')[1] ?? '');
          if (values.some((x) => x.value?.toLowerCase().includes('self-hosted'))) why = 'matrix expansion includes a self-hosted runner';
        }
      }
    }
    if (!why) continue;
    report({
      audit: 'self-hosted-runner',
      severity: 'medium',
      confidence,
      persona: f.publicRepository ? 'regular' : 'auditor',
      message: `runs on a self-hosted runner: ${why}; on a public repository any pull request can run code on it`,
      range,
    });
  }
};
