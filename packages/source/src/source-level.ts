/**
 * The SLSA Source level this run proved. The mapping is documented in docs/source-levels.md; each
 * level needs everything below it, and only what was proven counts (a check that could not be made
 * proves nothing).
 */
export interface LevelEvidence {
  /** HEAD is the expected commit and the tree is clean. */
  identity: boolean;
  /** Every commit in the policy's range was seen and signed by a policy signer. */
  signedHistory: boolean;
  /** Active rules block force pushes and deletion of the branch. */
  branchProtection: boolean;
  /** The branch rules require an approving review before merge. */
  reviewEnforced: boolean;
  /** This change has an approval of its final commit by someone other than its author. */
  independentApproval: boolean;
  /** Code-owner approval, when the policy requires it (true when not required). */
  codeowners: boolean;
}

export const MAX_SOURCE_LEVEL = 3;

export function sourceLevel(e: LevelEvidence): number {
  if (!e.identity) return 0;
  if (!(e.signedHistory || e.branchProtection)) return 1;
  if (!(e.branchProtection && e.reviewEnforced && e.independentApproval && e.codeowners)) return 2;
  return 3;
}

export function levelName(level: number): string {
  return `SLSA_SOURCE_LEVEL_${level}`;
}
