/**
 * OSV range semantics (https://ossf.github.io/osv-schema/#evaluation): does a record affect one
 * package version, and which fixed versions does it name for it?
 *
 * - `affected[].package` must be the same ecosystem (see `ecosystemCovers`) and the same name after
 *   the ecosystem's name normalisation.
 * - An empty version counts as affected (as upstream OSV tooling does: nothing says it is not).
 * - `versions` lists affected versions explicitly (equal by the ecosystem's ordering).
 * - ECOSYSTEM ranges order versions by the ecosystem, SEMVER ranges by SemVer 2.0 (forgiving: a
 *   leading `v`, missing components). GIT ranges cannot be evaluated against a version number: they
 *   never match by themselves (the record's `versions` list is what names the tags).
 * - Events are sorted first (`introduced: "0"` lowest), then swept: `introduced` opens, `fixed`
 *   closes at the fix, `last_affected` closes after it; `limit` events bound the whole range above.
 */
import { valid as pep440Valid } from '@renovatebot/pep440';
import { ecosystemCovers, normalisePackageName, parseEcosystem } from './ecosystems.js';
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord, PackageRef } from './types.js';
import { comparatorFor, type VersionComparator } from './versions/compare-versions.js';
import { compareSemverLike } from './versions/semver-like.js';

export interface Evaluation {
  affected: boolean;
  /**
   * Why the verdict is only "possibly affected": an event version of a matching range does not parse
   * in the ecosystem (`"2.0.0 "`), so the range was read conservatively (such a bound never closes it).
   */
  uncertain: string[];
  /** Indexes into `record.affected` of the entries that matched the package and version. */
  entries: number[];
  /** `fixed` versions above the package's version in the ranges that contain it. */
  fixedVersions: string[];
}

type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit';
interface FlatEvent {
  kind: EventKind;
  version: string;
}

// Order of event kinds at the same version: open before close, so [introduced X, fixed X] is empty.
const KIND_RANK: Record<EventKind, number> = { introduced: 0, last_affected: 1, fixed: 2, limit: 3 };

function flatten(events: readonly OsvEvent[]): FlatEvent[] {
  const out: FlatEvent[] = [];
  for (const e of events) {
    if (e === null || typeof e !== 'object') continue;
    for (const kind of ['introduced', 'fixed', 'last_affected', 'limit'] as const) {
      const v = e[kind];
      if (typeof v === 'string') out.push({ kind, version: v });
    }
  }
  return out;
}

function sortEvents(events: FlatEvent[], cmp: VersionComparator): FlatEvent[] {
  const isZero = (e: FlatEvent): boolean => e.kind === 'introduced' && e.version === '0';
  return [...events].sort((a, b) => {
    const za = isZero(a);
    const zb = isZero(b);
    if (za || zb) return za && zb ? 0 : za ? -1 : 1;
    if (a.kind === 'limit' && a.version === '*') return b.kind === 'limit' && b.version === '*' ? 0 : 1;
    if (b.kind === 'limit' && b.version === '*') return -1;
    return cmp(a.version, b.version) || KIND_RANK[a.kind] - KIND_RANK[b.kind];
  });
}

/**
 * Whether an event version is a version of the ecosystem at all. A bound that does not parse cannot
 * be ordered honestly (PyPI sorts `"2.0.0 "` below every release, which would close the range at once
 * and hide the advisory), so the range is evaluated without it and the verdict marked uncertain.
 */
export function eventVersionParses(ecosystem: string, rangeType: string, v: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (v === '' || v !== v.trim() || /[\s\u0000-\u001f]/.test(v)) return false;
  // Forgiving like upstream OSV tooling (`"1"` is a fine npm bound), but a bound must start like a version.
  if (rangeType === 'SEMVER') return /^v?\d/.test(v);
  switch (parseEcosystem(ecosystem).base) {
    case 'PyPI':
      return pep440Valid(v) !== null;
    case 'npm':
    case 'crates.io':
    case 'Go':
    case 'RubyGems':
    case 'Packagist':
      return /^v?\d[\w.+~-]*$/.test(v);
    default:
      return true;
  }
}

/** Whether one ECOSYSTEM/SEMVER range contains `version`, and the fixes above it. */
export function rangeContains(
  range: OsvRange,
  ecosystem: string,
  version: string,
): { contains: boolean; fixedAbove: string[]; uncertain: string[] } {
  const none = { contains: false, fixedAbove: [], uncertain: [] };
  if (range === null || typeof range !== 'object' || !Array.isArray(range.events)) return none;
  let cmp: VersionComparator;
  if (range.type === 'ECOSYSTEM') cmp = comparatorFor(ecosystem);
  else if (range.type === 'SEMVER') cmp = compareSemverLike;
  else return none; // GIT (commit hashes) and unknown range types cannot order a version
  const uncertain: string[] = [];
  const parsed = flatten(range.events).flatMap((e): FlatEvent[] => {
    if ((e.kind === 'introduced' && e.version === '0') || (e.kind === 'limit' && e.version === '*')) return [e];
    if (eventVersionParses(ecosystem, range.type, e.version)) return [e];
    uncertain.push(
      `the record's ${e.kind} version ${JSON.stringify(e.version)} is not a ${range.type === 'SEMVER' ? 'SemVer' : ecosystem} version`,
    );
    // An unreadable start opens the range from the beginning; an unreadable end never closes it.
    return e.kind === 'introduced' ? [{ kind: 'introduced', version: '0' }] : [];
  });
  const events = sortEvents(parsed, cmp);
  let affected = false;
  const limits: string[] = [];
  for (const e of events) {
    switch (e.kind) {
      case 'introduced':
        if (e.version === '0' || cmp(version, e.version) >= 0) affected = true;
        break;
      case 'fixed':
        if (cmp(version, e.version) >= 0) affected = false;
        break;
      case 'last_affected':
        if (cmp(version, e.version) > 0) affected = false;
        break;
      case 'limit':
        limits.push(e.version);
        break;
    }
  }
  if (affected && limits.length > 0) {
    affected = limits.some((l) => l === '*' || cmp(version, l) < 0);
  }
  if (!affected) return none;
  const fixedAbove = events.filter((e) => e.kind === 'fixed' && cmp(e.version, version) > 0).map((e) => e.version);
  return { contains: true, fixedAbove, uncertain };
}

function entryMatchesPackage(entry: OsvAffected, pkg: PackageRef): boolean {
  const p = entry?.package;
  if (!p || typeof p.ecosystem !== 'string' || typeof p.name !== 'string') return false;
  if (!ecosystemCovers(p.ecosystem, pkg.ecosystem)) return false;
  return normalisePackageName(p.ecosystem, p.name) === normalisePackageName(pkg.ecosystem, pkg.name);
}

/** The full verdict for one record and one package version. Never throws on odd records. */
export function evaluate(record: OsvRecord, pkg: PackageRef): Evaluation {
  const result: Evaluation = { affected: false, entries: [], fixedVersions: [], uncertain: [] };
  let certain = false;
  const affected = Array.isArray(record?.affected) ? record.affected : [];
  const cmp = comparatorFor(pkg.ecosystem);
  const fixed = new Set<string>();
  affected.forEach((entry, index) => {
    if (!entryMatchesPackage(entry, pkg)) return;
    let hit = false;
    if (pkg.version === '') {
      hit = true; // no version: nothing proves it is not affected
    }
    if (!hit && Array.isArray(entry.versions)) {
      hit = entry.versions.some((v) => typeof v === 'string' && (v === pkg.version || cmp(v, pkg.version) === 0));
    }
    if (hit) certain = true;
    for (const range of Array.isArray(entry.ranges) ? entry.ranges : []) {
      if (pkg.version === '') break;
      const r = rangeContains(range, pkg.ecosystem, pkg.version);
      if (r.contains) {
        hit = true;
        if (r.uncertain.length === 0) certain = true;
        else result.uncertain.push(...r.uncertain);
        for (const f of r.fixedAbove) fixed.add(f);
      }
    }
    if (hit) result.entries.push(index);
  });
  result.affected = result.entries.length > 0;
  // One certain hit (a listed version, a range that parsed) makes the verdict certain.
  if (certain || !result.affected) result.uncertain = [];
  result.fixedVersions = [...fixed].sort(cmp);
  return result;
}

/** `isAffected(record, {ecosystem, name, version})` per the OSV schema's evaluation rules. */
export function isAffected(record: OsvRecord, pkg: PackageRef): boolean {
  return evaluate(record, pkg).affected;
}
