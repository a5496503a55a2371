/**
 * obfuscation: constructs that hide what a workflow does from a reviewer — computed context indices
 * (`inputs[inputs.foo]`) and `uses:` paths with `.`/`..`/empty components.
 */
import { visit, type Node } from 'yaml';
import { extractExpressions, tryParseExpression, walkExpression } from '../expressions.js';
import { parseUses, type Audit } from '../model.js';

export const obfuscation: Audit = (f, report) => {
  const scalars: Node[] = [];
  visit(f.src.doc, {
    Scalar(_k, n) {
      if (typeof n.value === 'string' && n.value.includes('${{')) scalars.push(n);
    },
  });
  for (const node of scalars) {
    if (!node.range) continue;
    for (const fx of extractExpressions(f.src.raw(node))) {
      const expr = tryParseExpression(fx.body, node.range[0] + fx.bodyStart);
      if (!expr) continue;
      walkExpression(expr, (e) => {
        if (e.kind !== 'context') return;
        for (const p of e.parts) {
          if (p.kind !== 'index' || (p.expr.kind === 'literal' && typeof p.expr.value === 'number')) continue;
          report({
            audit: 'obfuscation',
            severity: 'low',
            confidence: 'high',
            persona: 'pedantic',
            message: 'obfuscated usage of GitHub Actions features: index expression is computed, which hides what it reads',
            range: [p.span.start, p.span.end],
          });
        }
      });
    }
  }
  for (const step of f.steps) {
    if (!step.uses?.node.range) continue;
    const u = parseUses(step.uses.value);
    if (u.kind !== 'repository' || !u.slug) continue;
    const parts = u.slug.split('/').slice(2);
    if (!parts.some((p) => p === '' || p === '.' || p === '..')) continue;
    report({
      audit: 'obfuscation',
      severity: 'low',
      confidence: 'high',
      persona: 'regular',
      message: `obfuscated usage of GitHub Actions features: \`${step.uses.value}\` has empty, \`.\` or \`..\` path components`,
      range: [step.uses.node.range[0], step.uses.node.range[1]],
    });
  }
};
