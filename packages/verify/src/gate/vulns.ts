/**
 * Findings out of a vulns v0.1 predicate (`scanner.result.vulnerabilities[]`): the advisory id, its
 * severity (a word or a CVSS base score), and the package and fix when the scanner annotated them.
 */
import { isSeverity, type Severity, type VulnsPredicate } from '@secure-factory/core';

export interface VulnFinding {
  id: string;
  aliases: string[];
  severity: Severity;
  /** `name@version` for people. */
  package?: string;
  packageName?: string;
  packageVersion?: string;
  fixed?: string;
}

type RawVuln = NonNullable<NonNullable<VulnsPredicate['scanner']['result']>['vulnerabilities']>[number];

export function vulnFindings(predicate: unknown): VulnFinding[] {
  const p = predicate as Partial<VulnsPredicate>;
  const list = p.scanner?.result?.vulnerabilities ?? [];
  return list.map(toFinding);
}

function toFinding(v: RawVuln): VulnFinding {
  // No prototype: an annotation with an own "__proto__" key (JSON.parse makes one) stays a plain key and
  // cannot give the other lookups below inherited values.
  const notes = Object.create(null) as Record<string, unknown>;
  for (const a of v.annotations ?? []) Object.assign(notes, a);
  let severity: Severity | undefined;
  // A signed statement may still be malformed (`severity: "high"`, entries without a score): only
  // string scores are read; anything else gives no severity, which counts as critical below.
  for (const s of Array.isArray(v.severity) ? (v.severity as unknown[]) : []) {
    const score = (s as { score?: unknown } | null)?.score;
    const sev = typeof score === 'string' ? severityOf(score) : undefined;
    if (sev && (!severity || rank(sev) > rank(severity))) severity = sev;
  }
  if (!severity && typeof notes.severity === 'string') severity = severityOf(notes.severity);
  // The package: a string (`name`, `name@version`, a purl) or the materials stage's {ecosystem, name, version}.
  // Read through str(): a string, number or null in its place has no string name or version.
  const pkgObj = notes.package as { name?: unknown; version?: unknown } | null | undefined;
  const pkg = str(pkgObj?.name) ?? str(notes.package) ?? str(notes.purl) ?? str(notes.name);
  const version = str(pkgObj?.version) ?? str(notes.version);
  const fixedList = [notes.fixed, notes.fixedVersions].find((x): x is unknown[] => Array.isArray(x) && x.length > 0);
  const fixed = fixedList ? fixedList.map(String).join(', ') : (str(notes.fixed) ?? str(notes.fixedVersion));
  const aliases = Array.isArray(notes.aliases) ? notes.aliases.map(String) : [];
  return {
    id: v.id,
    aliases,
    // An advisory without a usable severity is treated as critical: the gate fails closed.
    severity: severity ?? 'critical',
    ...(pkg ? { package: version && !pkg.includes('@') ? `${pkg}@${version}` : pkg, packageName: pkg } : {}),
    ...(pkg && version ? { packageVersion: version } : {}),
    ...(fixed ? { fixed } : {}),
  };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };
function rank(s: Severity): number {
  return RANK[s];
}

/** `CRITICAL`, `moderate`, `9.8` are understood; anything else (`none`, `unknown`, a vector) is no severity. */
export function severityOf(score: string): Severity | undefined {
  const word = score.trim().toLowerCase();
  if (word === 'moderate') return 'medium';
  if (isSeverity(word)) return word;
  const n = /^([0-9]+(?:\.[0-9]+)?)$/.exec(word);
  if (n) {
    const x = Number(n[1]);
    if (x >= 9) return 'critical';
    if (x >= 7) return 'high';
    if (x >= 4) return 'medium';
    if (x > 0) return 'low';
    return 'info';
  }
  return undefined;
}
