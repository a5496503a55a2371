/**
 * anonymous-definition (zizmor): a workflow without `name:` (low) or a job without `name:` (info) is
 * hard to find in GitHub's UI; pedantic. Reusable-workflow call jobs are not flagged (as zizmor).
 *
 * unsound-ternary (zizmor): `cond && X || Y` is GitHub's only ternary, and it is unsound when X is
 * falsy (`false`, `null`, `0`, `''`): the result is then always Y. Each falsy "true value" of an
 * `&&` operand of an `||` chain (except the last operand) is flagged; constant expressions are left
 * to obfuscation. Regular, low, high confidence.
 */
import type { Node } from 'yaml';
import type { Expr } from '../expressions.js';
import { scalarExpressions } from './scalar-expressions.js';
import type { Audit } from '../model.js';
import { constantReducible } from './obfuscation.js';

export const anonymousDefinition: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  if (f.src.get(f.root, 'name') === undefined) {
    // zizmor points at the start of the document.
    const start = f.root.range?.[0] ?? 0;
    report({
      audit: 'anonymous-definition',
      severity: 'low',
      confidence: 'high',
      persona: 'pedantic',
      message: "workflow or action definition without a name: use 'name: ...' to give this workflow a name",
      range: [start, start],
    });
  }
  for (const job of f.jobs) {
    if (f.src.pair(job.node, 'uses') || f.src.get(job.node, 'name') !== undefined) continue;
    const k = job.pair.key as Node | null;
    if (!k?.range) continue;
    report({
      audit: 'anonymous-definition',
      severity: 'info',
      confidence: 'high',
      persona: 'pedantic',
      message: `workflow or action definition without a name: use 'name: ...' to give job \`${job.id}\` a name`,
      range: [k.range[0], job.node?.range?.[1] ?? k.range[1]],
    });
  }
};

function isFalsy(e: Expr): boolean {
  return e.kind === 'literal' && (e.value === false || e.value === null || e.value === 0 || e.value === '');
}

function orOperands(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === '||' ? [...orOperands(e.left), ...orOperands(e.right)] : [e];
}

export function unsoundTrueValues(e: Expr): Expr[] {
  if (constantReducible(e)) return [];
  switch (e.kind) {
    case 'call':
      return e.args.flatMap(unsoundTrueValues);
    case 'context':
      return e.parts.flatMap((p) => (p.kind === 'index' ? unsoundTrueValues(p.expr) : []));
    case 'unary':
      return unsoundTrueValues(e.operand);
    case 'binary': {
      if (e.op !== '||') return [...unsoundTrueValues(e.left), ...unsoundTrueValues(e.right)];
      const ops = orOperands(e);
      const out: Expr[] = [];
      for (const o of ops.slice(0, -1)) if (o.kind === 'binary' && o.op === '&&' && isFalsy(o.right)) out.push(o.right);
      for (const o of ops) out.push(...unsoundTrueValues(o));
      return out;
    }
    default:
      return [];
  }
}

export const unsoundTernary: Audit = (f, report) => {
  for (const expr of scalarExpressions(f)) {
    for (const v of unsoundTrueValues(expr))
      report({
        audit: 'unsound-ternary',
        severity: 'low',
        confidence: 'high',
        persona: 'regular',
        message: `unsound pseudo-ternary expression: the true value \`${f.src.text.slice(v.span.start, v.span.end)}\` is falsy, so the expression always yields its false value`,
        range: [v.span.start, v.span.end],
      });
  }
};
