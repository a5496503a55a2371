/**
 * Conditions that do not guard what they seem to: an `if:` mixing a `${{ }}` fence with other text
 * (or a trailing newline) is a non-empty string, hence always true (unsound-condition); and
 * `contains('main,develop', github.ref_name)` is a substring test an attacker-chosen ref can pass
 * (unsound-contains).
 */
import { isScalar, type Node, type Pair } from 'yaml';
import { childOf, contextPattern, extractExpressions, tryParseExpression, walkExpression } from '../expressions.js';
import type { Audit, AuditFile } from '../model.js';

function conditionPairs(f: AuditFile): Pair<Node, Node | null>[] {
  const out: Pair<Node, Node | null>[] = [];
  for (const job of f.jobs) {
    const p = f.src.pair(job.node, 'if');
    if (p) out.push(p);
  }
  for (const step of f.steps) {
    const p = f.src.pair(step.node, 'if');
    if (p) out.push(p);
  }
  return out;
}

export const unsoundCondition: Audit = (f, report) => {
  for (const pair of conditionPairs(f)) {
    const node = f.src.resolve(pair.value);
    const value = f.src.str(node);
    const range = f.src.pairRange(pair);
    if (!isScalar(node) || value === undefined || !range) continue;
    const fences = extractExpressions(value);
    if (fences.length === 0) continue;
    const single = fences.length === 1 && fences[0]?.start === 0 && fences[0].end === value.length;
    if (single) continue;
    report({
      audit: 'unsound-condition',
      severity: 'high',
      confidence: 'high',
      persona: 'regular',
      message:
        'unsound conditional expression: text outside the ${{ }} fence (or a trailing newline) makes the condition a non-empty string, which always evaluates to true',
      range,
    });
  }
};

export const unsoundContains: Audit = (f, report) => {
  for (const pair of conditionPairs(f)) {
    const node = f.src.resolve(pair.value);
    const value = f.src.str(node);
    const range = f.src.pairRange(pair);
    if (!isScalar(node) || value === undefined || !range) continue;
    const fences = extractExpressions(value);
    const bodies = fences.length > 0 ? fences.map((x) => x.body) : [value];
    for (const body of bodies) {
      const expr = tryParseExpression(body);
      if (!expr) continue;
      walkExpression(expr, (e) => {
        if (e.kind !== 'call' || e.name.toLowerCase() !== 'contains') return;
        const [haystack, needle] = e.args;
        if (haystack?.kind !== 'literal' || typeof haystack.value !== 'string' || needle?.kind !== 'context') return;
        const p = contextPattern(needle) ?? '';
        const controllable = childOf(p, 'github') || childOf(p, 'env') || childOf(p, 'inputs');
        const text = body.slice(needle.span.start, needle.span.end);
        report({
          audit: 'unsound-contains',
          severity: controllable ? 'high' : 'info',
          confidence: 'high',
          persona: 'regular',
          message: `unsound contains condition: contains(..) on a string is a substring test; it can be bypassed if an attacker can control '${text}' (compare with == or use fromJSON of a list)`,
          range,
        });
      });
    }
  }
};
