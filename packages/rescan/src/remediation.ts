/**
 * The 24-hour remediation clock. Each advisory found by a rescan in something deployed is one
 * remediation: first seen now, due 24 hours later. Seen again, it keeps its first-seen time (the clock
 * does not restart); no longer seen (fixed, redeployed, or the advisory withdrawn), it is resolved.
 */
import type { Remediation, RemediationState, Severity } from '@secure-factory/core';

export const REMEDIATION_WINDOW_MS = 24 * 3600 * 1000;

export interface RescanMatch {
  advisory: string;
  aliases: string[];
  package: { ecosystem: string; name: string; version: string };
  severity: Severity;
  fixedVersions: string[];
  digest: string;
  environment: string;
  waived: boolean;
}

export interface Reconciled {
  state: RemediationState;
  opened: Remediation[];
  stillOpen: Remediation[];
  resolved: Remediation[];
  overdue: Remediation[];
}

const key = (advisory: string, pkg: { ecosystem: string; name: string }): string => `${advisory}\u0000${pkg.ecosystem}\u0000${pkg.name}`;

export function reconcile(previous: RemediationState, matches: readonly RescanMatch[], now: Date): Reconciled {
  const iso = now.toISOString();
  const byKey = new Map<string, Remediation>();
  for (const r of previous.remediations)
    byKey.set(key(r.advisory, r.package), { ...r, digests: [...r.digests], environments: [...r.environments] });

  const seen = new Map<string, RescanMatch[]>();
  for (const m of matches) {
    const k = key(m.advisory, m.package);
    seen.set(k, [...(seen.get(k) ?? []), m]);
  }

  const opened: Remediation[] = [];
  const stillOpen: Remediation[] = [];
  const resolved: Remediation[] = [];
  for (const [k, ms] of seen) {
    const first = ms[0] as RescanMatch;
    const digests = [...new Set(ms.map((m) => m.digest))].sort();
    const environments = [...new Set(ms.map((m) => m.environment))].sort();
    const waived = ms.every((m) => m.waived);
    const existing = byKey.get(k);
    if (existing && existing.status !== 'resolved') {
      existing.digests = digests;
      existing.environments = environments;
      existing.severity = first.severity;
      existing.fixedVersions = first.fixedVersions;
      existing.package = first.package;
      existing.status = waived ? 'waived' : 'open';
      if (existing.status === 'open') stillOpen.push(existing);
    } else {
      const r: Remediation = {
        advisory: first.advisory,
        aliases: first.aliases,
        package: first.package,
        severity: first.severity,
        fixedVersions: first.fixedVersions,
        digests,
        environments,
        firstSeen: iso,
        deadline: new Date(now.getTime() + REMEDIATION_WINDOW_MS).toISOString(),
        status: waived ? 'waived' : 'open',
        ...(existing?.issue ? { issue: existing.issue } : {}),
      };
      byKey.set(k, r);
      if (r.status === 'open') opened.push(r);
    }
  }
  for (const [k, r] of byKey) {
    if (!seen.has(k) && r.status !== 'resolved') {
      r.status = 'resolved';
      r.resolvedAt = iso;
      resolved.push(r);
    }
  }
  const remediations = [...byKey.values()].sort(
    (a, b) => a.advisory.localeCompare(b.advisory) || a.package.name.localeCompare(b.package.name),
  );
  const overdue = remediations.filter((r) => r.status === 'open' && Date.parse(r.deadline) <= now.getTime());
  return { state: { apiVersion: 'secure-factory/remediations/v1', updated: iso, remediations }, opened, stillOpen, resolved, overdue };
}
