/**
 * Turning (package, record) hits into findings: records that are the same issue (their ids and
 * `aliases` overlap, transitively: a PYSEC record aliasing a CVE that a GHSA record also aliases) on
 * the same package version become one VulnMatch. `related` is deliberately not followed: related
 * issues are different issues. The representative id is a GHSA id when the group has one, else the
 * smallest record id, so the choice never depends on the order records were read in.
 */
import { canonicalEcosystem, normalisePackageName } from './ecosystems.js';
import { recordSeverity, SEVERITY_RANK, type SeverityVerdict } from './severity.js';
import type { OsvRecord, PackageRef, VulnMatch } from './types.js';
import { comparatorFor } from './versions/compare-versions.js';

export interface Hit {
  pkg: PackageRef;
  record: OsvRecord;
  /** Matched `affected[]` indexes (for per-package severity). */
  entries: number[];
  fixedVersions: string[];
  /** Set when the record's range could only be read conservatively (see Evaluation.uncertain). */
  uncertain?: string[];
}

function packageIdentity(p: PackageRef): string {
  return `${canonicalEcosystem(p.ecosystem)}\u0000${normalisePackageName(p.ecosystem, p.name)}\u0000${p.version}`;
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newest(values: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  let bestTime = -Infinity;
  for (const v of values) {
    const t = v ? Date.parse(v) : NaN;
    if (!Number.isNaN(t) && t > bestTime) {
      bestTime = t;
      best = v;
    }
  }
  return best;
}

function oldest(values: (string | undefined)[]): string | undefined {
  let best: string | undefined;
  let bestTime = Infinity;
  for (const v of values) {
    const t = v ? Date.parse(v) : NaN;
    if (!Number.isNaN(t) && t < bestTime) {
      bestTime = t;
      best = v;
    }
  }
  return best;
}

function strongest(a: SeverityVerdict, b: SeverityVerdict): SeverityVerdict {
  const ra = SEVERITY_RANK[a.severity];
  const rb = SEVERITY_RANK[b.severity];
  if (ra !== rb) return ra > rb ? a : b;
  // Same rating: prefer evidence over a guess, then a computed score, then the higher score.
  const known = (v: SeverityVerdict): number => (v.source === 'unknown' ? 0 : v.score === undefined ? 1 : 2);
  if (known(a) !== known(b)) return known(a) > known(b) ? a : b;
  return Number(b.score ?? 0) > Number(a.score ?? 0) ? b : a;
}

function mergeGroup(hits: Hit[]): VulnMatch {
  const ids = [...new Set(hits.map((h) => h.record.id))].sort(byText);
  const representative = ids.find((id) => id.startsWith('GHSA-')) ?? ids[0] ?? '';
  const main = hits.find((h) => h.record.id === representative) ?? hits[0];
  const names = new Set<string>();
  for (const h of hits) {
    names.add(h.record.id);
    for (const a of h.record.aliases ?? []) if (typeof a === 'string') names.add(a);
  }
  names.delete(representative);
  let verdict: SeverityVerdict | undefined;
  for (const h of hits) {
    const v = recordSeverity(h.record, h.entries);
    verdict = verdict ? strongest(verdict, v) : v;
  }
  const first = hits[0];
  if (!first || !main || !verdict) throw new Error('mergeGroup needs at least one hit');
  const cmp = comparatorFor(first.pkg.ecosystem);
  const fixed = [...new Set(hits.flatMap((h) => h.fixedVersions))].sort(cmp);
  const references = [
    ...new Set(
      hits
        .flatMap((h) => (Array.isArray(h.record.references) ? h.record.references : []).map((r) => r?.url))
        .filter((u): u is string => typeof u === 'string'),
    ),
  ];
  const summary = main.record.summary ?? hits.map((h) => h.record.summary).find((s) => typeof s === 'string');
  const match: VulnMatch = {
    id: representative,
    aliases: [...names].sort(byText),
    package: { ecosystem: first.pkg.ecosystem, name: first.pkg.name, version: first.pkg.version },
    severity: verdict.severity,
    severitySource: verdict.source,
    fixedVersions: fixed,
  };
  // The group is certain when any of its records matched certainly.
  if (hits.every((h) => (h.uncertain?.length ?? 0) > 0)) match.uncertain = [...new Set(hits.flatMap((h) => h.uncertain ?? []))];
  if (verdict.score !== undefined) match.score = verdict.score;
  if (verdict.vector !== undefined) match.vector = verdict.vector;
  if (summary !== undefined) match.summary = summary;
  if (references.length > 0) match.references = references;
  const modified = newest(hits.map((h) => h.record.modified));
  const published = oldest(hits.map((h) => h.record.published));
  if (modified !== undefined) match.modified = modified;
  if (published !== undefined) match.published = published;
  return match;
}

/** Group hits per package version, merge aliases, and return matches in a stable order. */
export function mergeHits(hits: readonly Hit[]): VulnMatch[] {
  const perPackage = new Map<string, Hit[]>();
  for (const h of hits) {
    const key = packageIdentity(h.pkg);
    const list = perPackage.get(key);
    if (list) {
      if (!list.some((x) => x.record.id === h.record.id)) list.push(h);
    } else {
      perPackage.set(key, [h]);
    }
  }
  const out: VulnMatch[] = [];
  for (const list of perPackage.values()) {
    // Union-find over the names each record answers to.
    const parent = list.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) {
        const p = parent[i] ?? i;
        parent[i] = parent[p] ?? p;
        i = p;
      }
      return i;
    };
    const owner = new Map<string, number>();
    list.forEach((h, i) => {
      for (const name of [h.record.id, ...(h.record.aliases ?? [])]) {
        if (typeof name !== 'string') continue;
        const j = owner.get(name);
        if (j === undefined) owner.set(name, i);
        else parent[find(i)] = find(j);
      }
    });
    const groups = new Map<number, Hit[]>();
    list.forEach((h, i) => {
      const root = find(i);
      const g = groups.get(root);
      if (g) g.push(h);
      else groups.set(root, [h]);
    });
    for (const g of groups.values()) out.push(mergeGroup(g));
  }
  return out.sort(
    (a, b) =>
      byText(a.package.ecosystem, b.package.ecosystem) ||
      byText(a.package.name, b.package.name) ||
      byText(a.package.version, b.package.version) ||
      byText(a.id, b.id),
  );
}
