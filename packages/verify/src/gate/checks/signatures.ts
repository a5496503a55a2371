/** Signatures: every bundle naming this digest verified; unsigned statements never count. */
import { kindOf, type GateCheck } from './context.js';

export const signaturesCheck: GateCheck = ({ input }) => {
  const invalid = input.rejected.filter((r) => r.kind !== 'unsigned');
  const unsigned = input.rejected.filter((r) => r.kind === 'unsigned');
  const base = { id: 'signatures', title: 'signatures', stage: 'attest' } as const;
  if (invalid.length > 0) {
    return [
      {
        ...base,
        status: 'fail',
        reason: `${invalid.length} bundle(s) naming this artefact do not verify: ${invalid.map((r) => `${r.origin}: ${r.reason}`).join('; ')}`,
        fix: 'remove the bundle or re-sign the evidence; a bundle that does not verify may have been tampered with',
      },
    ];
  }
  if (input.evidence.length === 0) {
    const others = input.otherBundles ?? 0;
    return [
      {
        ...base,
        status: 'fail',
        reason:
          `no signed evidence names sha256:${input.digest}` +
          (others > 0 ? ` (${others} bundle(s) found name other digests: is this the artefact that was built?)` : '') +
          (unsigned.length > 0 ? `; ${unsigned.length} unsigned statement(s) do not count` : ''),
        fix: 'gate the exact artefact the factory built, and sign its evidence with the attest stage',
      },
    ];
  }
  return [
    {
      ...base,
      status: unsigned.length > 0 ? 'warn' : 'pass',
      reason:
        `${input.evidence.length} bundle(s) verified` +
        (unsigned.length > 0 ? `; ${unsigned.length} unsigned statement(s) ignored (${unsigned.map((u) => u.origin).join(', ')})` : ''),
      evidence: input.evidence.map((e) => kindOf(e) ?? e.statement.predicateType).join(', '),
    },
  ];
};
