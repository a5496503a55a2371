/**
 * Builder identity: a statement counts only when the factory's pinned workflow (or the pinned key)
 * signed it. Evidence by other signers is set aside — said as a warning, and named when a required
 * kind then turns out missing, so "missing" never hides "signed by someone else".
 */
import type { EvidenceKind } from '@secure-factory/core';
import { matchBuilder } from '../identity.js';
import type { Check, Evidence } from '../types.js';
import { kindOf, MISSING, timeLabel, type GateCheck, type GateContext } from './context.js';

/** Splits the verified evidence by whether the builder signed it, and files the builder's by kind. */
export function selectByBuilder(
  evidence: readonly Evidence[],
  builder: string | undefined,
): Pick<GateContext, 'fromBuilder' | 'wrongIdentity' | 'byKind'> {
  const fromBuilder: Evidence[] = [];
  const wrongIdentity: string[] = [];
  for (const e of evidence) {
    const m = matchBuilder(e.signer, builder);
    if (m.ok) fromBuilder.push(e);
    else wrongIdentity.push(`${kindOf(e) ?? e.statement.predicateType}: ${m.reason}`);
  }
  const byKind = new Map<EvidenceKind, Evidence[]>();
  for (const e of fromBuilder) {
    const k = kindOf(e);
    if (k) byKind.set(k, [...(byKind.get(k) ?? []), e]);
  }
  return { fromBuilder, wrongIdentity, byKind };
}

function builderLabel(e: Evidence): string | undefined {
  if (e.signer.kind === 'key') return `key ${e.signer.keyId}`;
  return e.signer.identity.buildSignerUri?.replace(/^https:\/\/github\.com\//, '');
}

export const builderIdentityCheck: GateCheck = ({ required, used, wrongIdentity, builder, environment }) => {
  const base = { id: 'builder', title: 'builder identity', stage: 'build' } as const;
  const prov = used.provenance;
  const ignored = `ignored ${wrongIdentity.length} bundle(s) by other signers: ${wrongIdentity.join('; ')}`;
  if (prov) {
    return [
      {
        ...base,
        status: wrongIdentity.length > 0 ? 'warn' : 'pass',
        reason: (builderLabel(prov) ?? 'signed') + (wrongIdentity.length > 0 ? `; ${ignored}` : ''),
        evidence: `provenance, ${timeLabel(prov)}`,
      },
    ];
  }
  if (required.has('provenance')) {
    const seen = wrongIdentity.filter((w) => w.startsWith('provenance'));
    return [
      {
        ...base,
        status: 'fail',
        reason:
          builder === undefined
            ? 'no builder identity is configured, so no provenance can be trusted'
            : seen.length > 0
              ? seen.join('; ')
              : `no provenance signed by ${builder}`,
        fix:
          builder === undefined
            ? `set deploy.${environment}.builder (e.g. OWNER/secure-factory/.github/workflows/secure-factory.yml@refs/tags/v1.3.0) in the policy, or the gate-deploy input builder (CLI: --certificate-identity)`
            : 'build with the factory workflow named in the policy, pinned by tag or commit SHA',
      },
    ];
  }
  return wrongIdentity.length > 0 ? [{ ...base, status: 'warn', reason: ignored }] : [];
};

/**
 * Evidence that verified but was set aside for its signer is not "missing": say so, and point at the
 * builder. Rewrites the other checks' results; runs after all of them.
 */
export function attributeMissing(checks: readonly Check[], ctx: Pick<GateContext, 'wrongIdentity' | 'builder' | 'environment'>): Check[] {
  return checks.map((c) => {
    const rejected = ctx.wrongIdentity.filter((w) => w.startsWith(`${c.id}:`));
    if (c.status !== 'fail' || c.reason !== MISSING || rejected.length === 0) return c;
    return {
      ...c,
      stage: 'gate',
      reason: `the ${c.title} verified, but not from the trusted builder (${rejected[0]?.slice(c.id.length + 2)})`,
      fix:
        ctx.builder === undefined
          ? `set deploy.${ctx.environment}.builder to the factory workflow that signs the evidence (or the gate-deploy input builder)`
          : 'sign the evidence with the factory workflow named in the policy (deploy.<env>.builder)',
    };
  });
}
