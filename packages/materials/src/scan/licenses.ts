/** Licence policy over SPDX expressions (`spdx-expression-parse`, `spdx-satisfies`). */
import parseSpdx from 'spdx-expression-parse';
import satisfies from 'spdx-satisfies';

type Node = ReturnType<typeof parseSpdx>;

/** Whether the expression can be satisfied without using any denied licence (OR: one branch suffices). */
function avoidable(node: Node, deny: Set<string>): boolean {
  if ('conjunction' in node) {
    const l = avoidable(node.left, deny);
    const r = avoidable(node.right, deny);
    return node.conjunction === 'or' ? l || r : l && r;
  }
  return !deny.has(node.license.toLowerCase());
}

export type LicenseVerdict = { ok: true } | { ok: false; reason: 'denied' | 'not-allowed' | 'unknown'; detail: string };

export function checkLicense(expression: string | undefined, allow: readonly string[], deny: readonly string[]): LicenseVerdict {
  if (!expression) return { ok: false, reason: 'unknown', detail: 'no licence recorded' };
  let ast: Node;
  try {
    ast = parseSpdx(expression);
  } catch {
    return { ok: false, reason: 'unknown', detail: `"${expression}" is not an SPDX expression` };
  }
  if (deny.length > 0 && !avoidable(ast, new Set(deny.map((d) => d.toLowerCase())))) {
    return { ok: false, reason: 'denied', detail: `${expression} (denied: ${deny.join(', ')})` };
  }
  if (allow.length > 0) {
    let ok: boolean;
    try {
      ok = satisfies(expression, allow);
    } catch {
      ok = false;
    }
    if (!ok) return { ok: false, reason: 'not-allowed', detail: `${expression} is not satisfied by the allowed licences` };
  }
  return { ok: true };
}
