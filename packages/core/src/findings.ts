/** The findings model every stage reports in: one shape, three renderers (summary, SARIF, JSON). */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A policy threshold: findings at or above it block; `none` blocks nothing. */
export type SeverityThreshold = Severity | 'none';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function severityRank(s: Severity): number {
  return RANK[s];
}

export function atLeast(s: Severity, threshold: SeverityThreshold): boolean {
  if (threshold === 'none') return false;
  return RANK[s] >= RANK[threshold];
}

export function isSeverity(s: string): s is Severity {
  return (SEVERITIES as readonly string[]).includes(s);
}

/** Sorts most severe first, then by file and position, so reports are stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    RANK[b.severity] - RANK[a.severity] ||
    (a.file ?? '').localeCompare(b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.rule.localeCompare(b.rule)
  );
}

export interface Finding {
  /** Stable rule id, e.g. `materials/vulnerable-package` or `workflow/template-injection`. */
  rule: string;
  severity: Severity;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** What to do about it. */
  help?: string;
  /** Whether it fails the stage (severity at or above the threshold and not waived). */
  blocking?: boolean;
  /** Set when an exception in the policy covers this finding. */
  waived?: { reason: string; approver: string; expires: string };
  /** Extra machine-readable facts (advisory id, package, fixed versions...). */
  properties?: Record<string, unknown>;
}

export interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription: string;
  help: string;
  helpUri?: string;
  defaultSeverity: Severity;
  /** Equivalent rule in another tool, e.g. zizmor's audit id. */
  equivalent?: Record<string, string>;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.blocking === true);
}
