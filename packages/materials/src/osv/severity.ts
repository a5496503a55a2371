/**
 * Severity of an OSV record for one package.
 *
 * CVSS v3.0/v3.1 base scores are computed here with the specification's formula (v3.1 §7.1 and the
 * Roundup of Appendix A; v3.0 rounds up to one decimal). CVSS v4.0 uses the official macro-vector
 * lookup table with severity-distance interpolation, as implemented by `ae-cvss-calculator`
 * (which also provides v2.0); the score is always the base score (CVSS-B for v4.0: threat and
 * environmental metrics present in a vector are not applied, like v3 temporal metrics). Order of evidence: the matched `affected[].severity`, then the
 * record's `severity` (the highest base score of every CVSS vector given, as osv-scanner reports
 * it), then `database_specific.severity` (GHSA: CRITICAL/HIGH/MODERATE/LOW). A `MAL-` record
 * (malicious package) without a score is critical. Anything else is unknown and treated as high,
 * so that a missing score never lets an advisory slip under a "block high" policy.
 */
import cvssCalculator from 'ae-cvss-calculator';
import { quietConsole } from '@secure-factory/core';
import type { OsvRecord, OsvSeverity, Severity, SeveritySource } from './types.js';

const { Cvss2, Cvss4P0 } = cvssCalculator;

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** CVSS qualitative rating: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low, 0 info. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

const V3_WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 },
} as const;

const V3_BASE = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
const V3_OTHER = new Set(['E', 'RL', 'RC', 'CR', 'IR', 'AR', 'MAV', 'MAC', 'MPR', 'MUI', 'MS', 'MC', 'MI', 'MA']);

/** CVSS v3.1 Appendix A: the smallest number, to one decimal, equal to or higher than the input. */
function roundUp31(x: number): number {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
}

function roundUp30(x: number): number {
  return Math.ceil(x * 10) / 10;
}

function lookup<T extends Record<string, number>>(table: T, key: string | undefined): number | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key as keyof T] : undefined;
}

function cvss3Score(vector: string): number | undefined {
  const parts = vector.split('/');
  const head = parts.shift();
  if (head !== 'CVSS:3.1' && head !== 'CVSS:3.0') return undefined;
  const metrics = new Map<string, string>();
  for (const p of parts) {
    const [k, v, extra] = p.split(':');
    if (!k || !v || extra !== undefined || metrics.has(k)) return undefined;
    if (!(V3_BASE as readonly string[]).includes(k) && !V3_OTHER.has(k)) return undefined;
    metrics.set(k, v);
  }
  const scope = metrics.get('S');
  if (scope !== 'U' && scope !== 'C') return undefined;
  const changed = scope === 'C';
  const av = lookup(V3_WEIGHTS.AV, metrics.get('AV'));
  const ac = lookup(V3_WEIGHTS.AC, metrics.get('AC'));
  const ui = lookup(V3_WEIGHTS.UI, metrics.get('UI'));
  const pr = lookup(changed ? { N: 0.85, L: 0.68, H: 0.5 } : { N: 0.85, L: 0.62, H: 0.27 }, metrics.get('PR'));
  const c = lookup(V3_WEIGHTS.CIA, metrics.get('C'));
  const i = lookup(V3_WEIGHTS.CIA, metrics.get('I'));
  const a = lookup(V3_WEIGHTS.CIA, metrics.get('A'));
  if (av === undefined || ac === undefined || ui === undefined || pr === undefined) return undefined;
  if (c === undefined || i === undefined || a === undefined) return undefined;
  const iss = 1 - (1 - c) * (1 - i) * (1 - a);
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability = 8.22 * av * ac * pr * ui;
  if (impact <= 0) return 0;
  const roundUp = head === 'CVSS:3.1' ? roundUp31 : roundUp30;
  return changed ? roundUp(Math.min(1.08 * (impact + exploitability), 10)) : roundUp(Math.min(impact + exploitability, 10));
}

function libraryScore(vector: string, version: '2' | '4'): number | undefined {
  // The library warns on the console for odd parts; a vector it cannot read fully is no score.
  return quietConsole(() => libraryScoreLoud(vector, version));
}

function libraryScoreLoud(vector: string, version: '2' | '4'): number | undefined {
  try {
    if (version === '4') {
      if (!vector.startsWith('CVSS:4.0/')) return undefined;
      const v = new Cvss4P0(vector);
      if (!v.isBaseFullyDefined()) return undefined;
      // CVSS-B: threat and environmental metrics in the vector are not applied (as v3 temporal ones).
      const scores = v.calculateScores();
      return scores.baseMetricsOnly ?? scores.base;
    }
    const v = new Cvss2(vector);
    const base = v.calculateScores().base;
    return typeof base === 'number' && Number.isFinite(base) ? base : undefined;
  } catch {
    return undefined;
  }
}

const V2_BASE = /^(?:\(?AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC]\)?)(?:\/.*)?$/;

/**
 * The CVSS base score of a vector (v2.0, v3.0, v3.1, v4.0), or undefined when the vector is not a
 * complete, valid base vector.
 */
export function cvssScore(vector: string): number | undefined {
  const v = vector.trim();
  if (v.startsWith('CVSS:3.')) return cvss3Score(v);
  if (v.startsWith('CVSS:4.0/')) return libraryScore(v, '4');
  if (V2_BASE.test(v)) return libraryScore(v, '2');
  return undefined;
}

export interface SeverityVerdict {
  severity: Severity;
  source: SeveritySource;
  score?: string;
  vector?: string;
}

function fromSeverityList(list: readonly OsvSeverity[] | undefined): SeverityVerdict | undefined {
  if (list === undefined || list === null || typeof list[Symbol.iterator] !== 'function') return undefined;
  let best: SeverityVerdict | undefined;
  let bestScore = -1;
  for (const s of list) {
    if (s === null || typeof s !== 'object' || typeof s.score !== 'string') continue;
    if (s.type === 'CVSS_V2' || s.type === 'CVSS_V3' || s.type === 'CVSS_V4') {
      const score = cvssScore(s.score);
      if (score === undefined || score <= bestScore) continue;
      bestScore = score;
      best = {
        severity: severityFromScore(score),
        source: s.type === 'CVSS_V4' ? 'cvss_v4' : s.type === 'CVSS_V3' ? 'cvss_v3' : 'cvss_v2',
        score: score.toFixed(1),
        vector: s.score,
      };
    } else if (s.type === 'Ubuntu' && !best) {
      // Ubuntu's priorities: negligible, low, medium, high, critical.
      const named = namedSeverity(s.score);
      if (named) best = { severity: named, source: 'database' };
    }
  }
  return best;
}

function namedSeverity(value: unknown): Severity | undefined {
  if (typeof value !== 'string') return undefined;
  switch (value.trim().toUpperCase()) {
    case 'CRITICAL':
      return 'critical';
    case 'HIGH':
    case 'IMPORTANT':
      return 'high';
    case 'MODERATE':
    case 'MEDIUM':
      return 'medium';
    case 'LOW':
      return 'low';
    case 'NEGLIGIBLE':
    case 'NONE':
    case 'INFO':
      return 'info';
    default:
      return undefined;
  }
}

/** The severity of `record` for the matched `affected[]` entries (indexes into record.affected). */
export function recordSeverity(record: OsvRecord, entries: readonly number[] = []): SeverityVerdict {
  for (const i of entries) {
    const v = fromSeverityList(record.affected?.[i]?.severity);
    if (v) return v;
  }
  const fromRecord = fromSeverityList(record.severity);
  if (fromRecord) return fromRecord;
  const db = namedSeverity(record.database_specific?.severity);
  if (db) return { severity: db, source: 'database' };
  for (const i of entries) {
    const perPackage = namedSeverity(record.affected?.[i]?.database_specific?.severity);
    if (perPackage) return { severity: perPackage, source: 'database' };
  }
  if (record.id.startsWith('MAL-')) return { severity: 'critical', source: 'malicious' };
  return { severity: 'high', source: 'unknown' };
}
