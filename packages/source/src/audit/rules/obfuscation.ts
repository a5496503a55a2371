/**
 * obfuscation (zizmor): constructs that hide what a workflow does from a reviewer.
 * - `uses:` paths with `.`, `..` or empty components (regular, low);
 * - expressions that are constant: the whole `${{ }}` body ("can be replaced by its static
 *   evaluation") or, failing that, each maximal non-literal constant subexpression ("can be reduced
 *   to a constant") — literals, operators over constants, and `contains`, `startsWith`, `endsWith`,
 *   `format`, `toJSON`, `join` over constants (regular, low);
 * - computed context indices (`inputs[inputs.foo]`, pedantic, low);
 * - an action's `with:` given as one expression, which prevents analysis (regular, info).
 * As in zizmor, one finding per fenced expression; its persona is that of its last annotation.
 */
import { isScalar } from 'yaml';
import type { Expr, Span } from '../expressions.js';
import { parseUses, type Audit, type Persona } from '../model.js';
import { scalarExpressions } from './scalar-expressions.js';

const REDUCIBLE_CALLS = new Set(['contains', 'startswith', 'endswith', 'format', 'tojson', 'join']);

export function constantReducible(e: Expr): boolean {
  switch (e.kind) {
    case 'literal':
      return true;
    case 'binary':
      return constantReducible(e.left) && constantReducible(e.right);
    case 'unary':
      return constantReducible(e.operand);
    case 'call':
      return REDUCIBLE_CALLS.has(e.name.toLowerCase()) && e.args.every(constantReducible);
    default:
      return false;
  }
}

/** Maximal constant subexpressions that are not bare literals (zizmor's `constant_reducible_subexprs`). */
export function reducibleSubexprs(e: Expr): Expr[] {
  if (e.kind !== 'literal' && constantReducible(e)) return [e];
  switch (e.kind) {
    case 'call':
      return e.args.flatMap(reducibleSubexprs);
    case 'context':
      return e.parts.flatMap((p) => (p.kind === 'index' ? reducibleSubexprs(p.expr) : []));
    case 'binary':
      return [...reducibleSubexprs(e.left), ...reducibleSubexprs(e.right)];
    case 'unary':
      return reducibleSubexprs(e.operand);
    default:
      return [];
  }
}

/** Index parts that are neither literals nor `*` (zizmor's `computed_indices`). */
export function computedIndices(e: Expr): Span[] {
  switch (e.kind) {
    case 'call':
      return e.args.flatMap(computedIndices);
    case 'context':
      return e.parts.flatMap((p) => (p.kind === 'index' && p.expr.kind !== 'literal' ? [p.span] : []));
    case 'binary':
      return [...computedIndices(e.left), ...computedIndices(e.right)];
    case 'unary':
      return computedIndices(e.operand);
    default:
      return [];
  }
}

export const obfuscation: Audit = (f, report) => {
  for (const expr of scalarExpressions(f)) {
    const notes: { what: string; span: Span; persona: Persona }[] = [];
    if (constantReducible(expr)) notes.push({ what: 'can be replaced by its static evaluation', span: expr.span, persona: 'regular' });
    else for (const s of reducibleSubexprs(expr)) notes.push({ what: 'can be reduced to a constant', span: s.span, persona: 'regular' });
    for (const span of computedIndices(expr)) notes.push({ what: 'index expression is computed', span, persona: 'pedantic' });
    if (notes.length === 0) continue;
    const first = notes[0]!;
    report({
      audit: 'obfuscation',
      severity: 'low',
      confidence: 'high',
      persona: notes[notes.length - 1]!.persona,
      message: `obfuscated usage of GitHub Actions features: \`${f.src.text.slice(first.span.start, first.span.end)}\` ${notes.map((n) => n.what).join('; ')}`,
      range: [first.span.start, first.span.end],
    });
  }
  for (const step of f.steps) {
    if (!step.uses?.node.range) continue;
    const u = parseUses(step.uses.value);
    if (u.kind !== 'repository' || !u.slug) continue;
    const parts = u.slug.split('/').slice(2);
    if (parts.some((p) => p === '' || p === '.' || p === '..'))
      report({
        audit: 'obfuscation',
        severity: 'low',
        confidence: 'high',
        persona: 'regular',
        message: `obfuscated usage of GitHub Actions features: \`${step.uses.value}\` has empty, \`.\` or \`..\` path components`,
        range: [step.uses.node.range[0], step.uses.node.range[1]],
      });
    const withPair = f.src.pair(step.node, 'with');
    if (withPair && isScalar(step.with) && (f.src.str(step.with) ?? '').includes('${{')) {
      const range = f.src.pairRange(withPair);
      if (range)
        report({
          audit: 'obfuscation',
          severity: 'info',
          confidence: 'high',
          persona: 'regular',
          message: 'obfuscated usage of GitHub Actions features: use of an expression for `with:` prevents analysis',
          range,
          ignoreRange: [step.uses.node.range[0], range[1]],
        });
    }
  }
};
