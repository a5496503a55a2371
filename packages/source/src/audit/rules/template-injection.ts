/**
 * template-injection: `${{ }}` expansions inside code (a `run:` block, or the script input of an action
 * that evaluates code) are pasted into the script before it runs, so an attacker-controlled value
 * becomes code. Classification follows zizmor: attacker-controlled `github.event` fields and action
 * inputs are high; non-static `env`/`matrix` values lower; known-fixed values are skipped.
 */
import type { Severity } from '@secure-factory/core';
import type { Node } from 'yaml';
import { childOf, contextPattern, dataflowContexts, extractExpressions, matchesPattern, tryParseExpression } from '../expressions.js';
import {
  envIsStatic,
  lookupEnv,
  matrixValues,
  parseUses,
  type Audit,
  type AuditFile,
  type Confidence,
  type Persona,
  type Step,
} from '../model.js';

/** Actions whose input is evaluated as code: `owner/repo` → input names. */
const CODE_INPUTS: Record<string, string[]> = {
  'actions/github-script': ['script'],
  'azure/cli': ['inlinescript'],
  'azure/powershell': ['inlinescript'],
  'jannekem/run-python-script-action': ['script'],
  'amadevus/pwsh-script': ['script'],
  'addnab/docker-run-action': ['run'],
};

/** `github.*` values an attacker can choose freely (issue titles, branch names, commit messages...). */
const ARBITRARY_GITHUB = ['github', 'github.event', 'github.head_ref', 'github.event.inputs.*', 'github.event.client_payload'];
const ARBITRARY_EVENT_LEAVES = new Set([
  'title',
  'body',
  'message',
  'name',
  'email',
  'ref',
  'label',
  'head_branch',
  'default_branch',
  'page_name',
  'tag_name',
  'description',
  'head_ref',
  'client_payload',
]);

type Verdict = { severity: Severity; confidence: Confidence; persona: Persona } | 'safe';

function classifyGithub(pattern: string): Verdict {
  if (
    ARBITRARY_GITHUB.some((p) => matchesPattern(pattern, p)) ||
    childOf(pattern, 'github.event.client_payload') ||
    childOf(pattern, 'github.event.inputs')
  )
    return { severity: 'high', confidence: 'high', persona: 'regular' };
  if (!childOf(pattern, 'github.event')) return 'safe';
  const leaf = pattern.split('.').pop() ?? '';
  if (ARBITRARY_EVENT_LEAVES.has(leaf)) return { severity: 'high', confidence: 'high', persona: 'regular' };
  if (
    /(^|_)(id|number|sha|url|fork|at|count|state|merged|draft|private|size|type|login|action|before|after|forced|created|deleted)$/.test(
      leaf,
    )
  )
    return 'safe';
  return { severity: 'info', confidence: 'low', persona: 'regular' };
}

function workflowInputType(f: AuditFile, name: string): string | undefined {
  const on = f.onPair ? f.src.resolve(f.onPair.value) : undefined;
  for (const trig of ['workflow_dispatch', 'workflow_call']) {
    const def = f.src.get(f.src.get(f.src.get(on, trig), 'inputs'), name);
    if (def) return f.src.str(f.src.get(def, 'type')) ?? 'string';
  }
  return undefined;
}

function classify(f: AuditFile, step: Step, pattern: string | undefined): Verdict {
  if (pattern === undefined) return { severity: 'info', confidence: 'low', persona: 'regular' };
  if (childOf(pattern, 'secrets')) return 'safe';
  if (childOf(pattern, 'github')) return classifyGithub(pattern);
  if (childOf(pattern, 'inputs')) {
    if (f.kind === 'action') return { severity: 'high', confidence: 'high', persona: 'regular' };
    const name = pattern.split('.')[1];
    const type = name ? workflowInputType(f, name) : undefined;
    if (type === 'boolean' || type === 'number' || type === 'choice' || type === 'environment') return 'safe';
    return { severity: 'high', confidence: 'high', persona: 'regular' };
  }
  if (childOf(pattern, 'env')) {
    const name = pattern.split('.')[1];
    if (!name || name === '*') return { severity: 'low', confidence: 'high', persona: 'regular' };
    const hit = lookupEnv(f, step, name);
    if (hit.found && !hit.opaque && envIsStatic(f.src, hit.node)) return 'safe';
    return { severity: 'low', confidence: 'high', persona: 'regular' };
  }
  if (childOf(pattern, 'matrix')) {
    const key = pattern.split('.')[1];
    if (!key) return { severity: 'medium', confidence: 'medium', persona: 'regular' };
    const { values, opaque } = matrixValues(f, step.job, key);
    const isStatic = !opaque && values.length > 0 && values.every((v) => v.value !== undefined && extractExpressions(v.value).length === 0);
    return isStatic
      ? { severity: 'low', confidence: 'high', persona: 'auditor' }
      : { severity: 'medium', confidence: 'medium', persona: 'regular' };
  }
  if (
    matchesPattern(pattern, 'steps.*.outcome') ||
    matchesPattern(pattern, 'steps.*.conclusion') ||
    matchesPattern(pattern, 'needs.*.result') ||
    childOf(pattern, 'runner') ||
    childOf(pattern, 'strategy') ||
    childOf(pattern, 'job') ||
    childOf(pattern, 'vars')
  )
    return 'safe';
  return { severity: 'info', confidence: 'low', persona: 'regular' };
}

/** The code-bearing scalars of a step: the run block, or a script input of a code-evaluating action. */
function codeNodes(f: AuditFile, step: Step): { node: Node; what: string }[] {
  if (step.run) return [{ node: step.run.node, what: 'run block' }];
  if (!step.uses) return [];
  const u = parseUses(step.uses.value);
  if (u.kind !== 'repository' || !u.owner || !u.repo) return [];
  const inputs = CODE_INPUTS[`${u.owner}/${u.repo}`];
  if (!inputs) return [];
  return f.src
    .entries(step.with)
    .filter(([k]) => inputs.includes(k.toLowerCase()))
    .map(([k, p]) => ({ node: f.src.resolve(p.value), what: `\`${k}\` input of ${u.owner}/${u.repo}` }))
    .filter((x): x is { node: Node; what: string } => x.node !== undefined);
}

export const templateInjection: Audit = (f, report) => {
  for (const step of f.steps) {
    for (const { node, what } of codeNodes(f, step)) {
      const start = node.range?.[0];
      if (start === undefined) continue;
      const raw = f.src.raw(node);
      for (const fenced of extractExpressions(raw)) {
        const base = start + fenced.bodyStart;
        const expr = tryParseExpression(fenced.body, base);
        if (!expr) continue;
        let reported = false;
        for (const ctx of dataflowContexts(expr)) {
          const pattern = contextPattern(ctx);
          const verdict = classify(f, step, pattern);
          if (verdict === 'safe') continue;
          reported = true;
          const text = f.src.text.slice(ctx.span.start, ctx.span.end);
          report({
            audit: 'template-injection',
            ...verdict,
            message: `code injection via template expansion: \`${text}\` in this ${what} may expand into attacker-controllable code`,
            range: [ctx.span.start, ctx.span.end],
          });
        }
        const hasContext = dataflowContexts(expr).length > 0 || /[A-Za-z_]+\s*[.[]/.test(fenced.body);
        if (!reported && hasContext) {
          report({
            audit: 'template-injection',
            severity: 'low',
            confidence: 'high',
            persona: 'pedantic',
            message: `code injection via template expansion: an expression in this ${what} is expanded into code (pass it through env: instead)`,
            range: [base, base + fenced.body.length],
          });
        }
      }
    }
  }
};
