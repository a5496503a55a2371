/** Source: the source VSA (checkout-verify) passed, at the level the policy needs. */
import type { VsaPredicate } from '@secure-factory/core';
import { missing, timeLabel, type GateCheck } from './context.js';

export const sourceCheck: GateCheck = ({ required, used, deploy }) => {
  const src = used.source;
  if (!required.has('source') && !src) return [];
  if (!src) return [missing('source', 'source VSA', 'source', 'run checkout-verify (the source stage) in the same run')];
  const p = src.statement.predicate as Partial<VsaPredicate>;
  const level = Math.max(
    -1,
    ...(p.verifiedLevels ?? [])
      .map((l) => /^SLSA_SOURCE_LEVEL_([0-9]+)$/.exec(l)?.[1])
      .filter((x) => x !== undefined)
      .map(Number),
  );
  const ok = p.verificationResult === 'PASSED' && level >= deploy.sourceLevel;
  return [
    {
      id: 'source',
      title: 'source level',
      stage: 'source',
      status: ok ? 'pass' : 'fail',
      reason:
        p.verificationResult !== 'PASSED'
          ? `the source verification ${p.verificationResult ?? 'has no result'}`
          : `SLSA Source level ${level < 0 ? 'none' : level}${ok ? '' : `, the policy needs ${deploy.sourceLevel}`}`,
      evidence: `source VSA, ${timeLabel(src)}`,
      ...(ok ? {} : { fix: 'meet the source requirements (signed commits, reviews, branch protection) and rebuild' }),
    },
  ];
};
