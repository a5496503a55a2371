/**
 * Severity of an OSV record for one package.
 *
 * Scores come from `ae-cvss-calculator`: CVSS v3.0/v3.1 with the specification's formula (v3.1
 * §7.1 and the Roundup of Appendix A; v3.0 rounds up to one decimal), CVSS v4.0 with the official
 * macro-vector lookup table and severity-distance interpolation, and v2.0; the score is always the base score (CVSS-B for v4.0: threat and
 * environmental metrics present in a vector are not applied, like v3 temporal metrics). Order of evidence: the matched `affected[].severity`, then the
 * record's `severity` (the highest base score of every CVSS vector given, as osv-scanner reports
 * it), then `database_specific.severity` (GHSA: CRITICAL/HIGH/MODERATE/LOW). A `MAL-` record
 * (malicious package) without a score is critical. Anything else is unknown and treated as high,
 * so that a missing score never lets an advisory slip under a "block high" policy.
 */
import cvssCalculator from 'ae-cvss-calculator';
import { quietConsole } from '@secure-factory/core';
import type { OsvRecord, OsvSeverity, Severity, SeveritySource } from './types.js';

const { Cvss2, Cvss3P0, Cvss3P1, Cvss4P0 } = cvssCalculator;

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** CVSS qualitative rating: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low, 0 info. */
export function severityFromScore(score: number): Severity {
  if (score >= 9) return 'critical';
  if (score >= 7) return 'high';
  if (score >= 4) return 'medium';
  if (score > 0) return 'low';
  return 'info';
}

function libraryScore(vector: string, version: '2' | '3' | '4'): number | undefined {
  // The library warns on the console for odd parts; a vector it cannot read fully is no score.
  return quietConsole(() => libraryScoreLoud(vector, version));
}

function libraryScoreLoud(vector: string, version: '2' | '3' | '4'): number | undefined {
  try {
    if (version === '3') {
      const parts = vector.split('/');
      const head = parts.shift();
      // The library reads a repeated metric as its last value; the specification says a vector names each once.
      if (new Set(parts.map((p) => p.split(':')[0])).size !== parts.length) return undefined;
      const v = head === 'CVSS:3.1' ? new Cvss3P1(vector) : head === 'CVSS:3.0' ? new Cvss3P0(vector) : undefined;
      if (!v?.isBaseFullyDefined()) return undefined;
      // The base score: temporal and environmental metrics in the vector are not applied.
      const base = v.calculateScores().base;
      return typeof base === 'number' && Number.isFinite(base) ? base : undefined;
    }
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
  if (v.startsWith('CVSS:3.')) return libraryScore(v, '3');
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
