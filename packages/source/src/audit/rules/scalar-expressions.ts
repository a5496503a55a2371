/**
 * Every parsed `${{ }}` expression in a file's string scalars, in document order, with offsets into
 * the file: the walk that obfuscation and unsound-ternary share (one entry per fenced expression;
 * bodies that do not parse are skipped, as zizmor does).
 */
import { visit, type Node } from 'yaml';
import { extractExpressions, tryParseExpression, type Expr } from '../expressions.js';
import type { AuditFile } from '../model.js';

export function scalarExpressions(f: AuditFile): Expr[] {
  const scalars: Node[] = [];
  visit(f.src.doc, {
    Scalar(_k, n) {
      if (typeof n.value === 'string' && n.value.includes('${{')) scalars.push(n);
    },
  });
  const out: Expr[] = [];
  for (const node of scalars) {
    if (!node.range) continue;
    for (const fx of extractExpressions(f.src.raw(node))) {
      const expr = tryParseExpression(fx.body, node.range[0] + fx.bodyStart);
      if (expr) out.push(expr);
    }
  }
  return out;
}
