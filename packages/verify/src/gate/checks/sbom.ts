/** SBOM: a signed SBOM (CycloneDX or SPDX 2.3) from the same run. */
import { PREDICATE } from '@secure-factory/core';
import { missing, timeLabel, type GateCheck } from './context.js';

export const sbomCheck: GateCheck = ({ required, used }) => {
  const sbom = used.sbom;
  if (!required.has('sbom') && !sbom) return [];
  if (!sbom) return [missing('sbom', 'SBOM', 'materials', 'run scan-deps (the materials stage) in the same run')];
  return [
    {
      id: 'sbom',
      title: 'SBOM',
      stage: 'materials',
      status: 'pass',
      reason: sbom.statement.predicateType === PREDICATE.spdx ? 'SPDX 2.3' : 'CycloneDX',
      evidence: timeLabel(sbom),
    },
  ];
};
