/**
 * The essential shape of an OSV record, checked before a record is trusted for matching: an `id`,
 * `affected` entries with a package (ecosystem, name), ranges of a known type whose events each
 * carry exactly one of introduced/fixed/last_affected/limit as a string (and at least one
 * introduced), `versions` and `aliases` as string lists. Full schema validation is the tests' job
 * (the official JSON Schema); this is what matching relies on, reported as a JSON path.
 */
import type { OsvRecord } from './types.js';

const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'] as const;
const RANGE_TYPES = new Set(['ECOSYSTEM', 'SEMVER', 'GIT']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

/** Problems found, each `path: what is wrong`; empty when the record can be matched against. */
export function recordProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(value)) return ['(root): an OSV record must be a JSON object'];
  if (typeof value.id !== 'string' || value.id.trim() === '') problems.push('id: must be a non-empty string');
  if (value.modified !== undefined && typeof value.modified !== 'string') problems.push('modified: must be an RFC 3339 string');
  if (value.withdrawn !== undefined && typeof value.withdrawn !== 'string') problems.push('withdrawn: must be an RFC 3339 string');
  for (const key of ['aliases', 'related'] as const) {
    if (value[key] !== undefined && value[key] !== null && !isStringList(value[key])) problems.push(`${key}: must be a list of strings`);
  }
  if (value.severity !== undefined && value.severity !== null && !Array.isArray(value.severity)) problems.push('severity: must be a list');
  if (value.affected === undefined || value.affected === null) return problems;
  if (!Array.isArray(value.affected)) return [...problems, 'affected: must be a list'];
  value.affected.forEach((entry: unknown, i) => {
    const at = `affected[${i}]`;
    if (!isObject(entry)) {
      problems.push(`${at}: must be an object`);
      return;
    }
    if (entry.package !== undefined) {
      const p = entry.package;
      if (!isObject(p) || typeof p.ecosystem !== 'string' || typeof p.name !== 'string') {
        problems.push(`${at}.package: must have string "ecosystem" and "name"`);
      }
    }
    if (entry.versions !== undefined && entry.versions !== null && !isStringList(entry.versions)) {
      problems.push(`${at}.versions: must be a list of strings`);
    }
    if (entry.severity !== undefined && entry.severity !== null && !Array.isArray(entry.severity))
      problems.push(`${at}.severity: must be a list`);
    if (entry.ranges === undefined || entry.ranges === null) return;
    if (!Array.isArray(entry.ranges)) {
      problems.push(`${at}.ranges: must be a list`);
      return;
    }
    entry.ranges.forEach((range: unknown, j) => {
      const rat = `${at}.ranges[${j}]`;
      if (!isObject(range)) {
        problems.push(`${rat}: must be an object`);
        return;
      }
      if (typeof range.type !== 'string' || !RANGE_TYPES.has(range.type)) {
        problems.push(`${rat}.type: must be one of ECOSYSTEM, SEMVER, GIT (got ${JSON.stringify(range.type) ?? 'nothing'})`);
      }
      if (!Array.isArray(range.events) || range.events.length === 0) {
        problems.push(`${rat}.events: must be a non-empty list`);
        return;
      }
      let introduced = false;
      range.events.forEach((event: unknown, k) => {
        const eat = `${rat}.events[${k}]`;
        if (!isObject(event)) {
          problems.push(`${eat}: must be an object`);
          return;
        }
        const keys = EVENT_KEYS.filter((key) => event[key] !== undefined);
        if (keys.length !== 1) {
          problems.push(`${eat}: must have exactly one of introduced, fixed, last_affected, limit`);
          return;
        }
        const key = keys[0] ?? 'introduced';
        if (typeof event[key] !== 'string' || event[key] === '') problems.push(`${eat}.${key}: must be a non-empty string`);
        if (key === 'introduced') introduced = true;
      });
      if (!introduced) problems.push(`${rat}.events: must contain an "introduced" event`);
    });
  });
  return problems;
}

export function isOsvRecord(value: unknown): value is OsvRecord {
  return recordProblems(value).length === 0;
}
