/** The policy's CEL rules over the typed evidence; an error in a rule is a "no" (the gate fails closed). */
import { CelRuleRunner, errorMessage, type EvidenceKind } from '@secure-factory/core';
import type { EvaluationInput } from '../evaluate.js';
import type { Check, CheckStatus, Evidence } from '../types.js';
import type { VulnFinding } from '../vulns.js';
import type { GateCheck } from './context.js';
import { waive } from './waivers.js';

export const rulesCheck: GateCheck = (ctx) => {
  const { deploy, input, used, findings } = ctx;
  if (deploy.rules.length === 0) return [];
  const runner = new CelRuleRunner(celContext(input, used, findings));
  return deploy.rules.map((rule): Check => {
    let status: CheckStatus;
    let reason: string;
    try {
      const ok = runner.evaluate(rule.expression, rule.name);
      status = ok ? 'pass' : 'fail';
      reason = ok ? 'holds' : (rule.message ?? `${rule.expression} is false`);
    } catch (e: unknown) {
      status = 'fail';
      reason = errorMessage(e);
    }
    return waive(
      {
        id: `rule:${rule.name}`,
        title: `rule ${rule.name}`,
        stage: 'gate',
        status,
        reason,
        ...(status === 'fail' ? { fix: 'meet the rule or waive it with an exception (rule: ' + rule.name + ')' } : {}),
      },
      ctx,
    );
  });
};

/** The typed input CEL rules see. */
export function celContext(
  input: EvaluationInput,
  used: Partial<Record<EvidenceKind, Evidence>>,
  findings: readonly VulnFinding[],
): Record<string, unknown> {
  const pred = (k: EvidenceKind): unknown => used[k]?.statement.predicate ?? null;
  const prov = used.provenance;
  return {
    subject: { digest: `sha256:${input.digest}`, name: input.name ?? '' },
    environment: input.environment,
    now: input.now.toISOString(),
    provenance: pred('provenance'),
    source: pred('source'),
    sbom: pred('sbom'),
    vulns: pred('vulnerabilities'),
    tests: pred('tests'),
    identity: prov?.signer.kind === 'certificate' ? { ...prov.signer.identity } : {},
    findings: findings.map((f) => ({ id: f.id, severity: f.severity, package: f.package ?? '', fixed: f.fixed ?? '' })),
    statements: Object.entries(used).map(([kind, e]) => ({
      kind,
      predicateType: e.statement.predicateType,
      subjectCount: e.statement.subject.length,
      trustedTime: e.trustedTime?.time.toISOString() ?? '',
    })),
  };
}
