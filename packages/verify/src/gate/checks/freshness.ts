/**
 * Freshness of the scan in use: its age by the transparency log / timestamp authority (never by dates
 * the statement claims), and the age of its vulnerability database (waivable by rule `database-age`).
 */
import { formatDuration, humanAge, type VulnsPredicate } from '@secure-factory/core';
import type { Check, Evidence } from '../types.js';
import { CLOCK_SKEW_MS, timeLabel, type GateCheck, type GateContext } from './context.js';
import { waive } from './waivers.js';

function scanAgeCheck(scan: Evidence, { now, deploy }: GateContext): Check {
  const base = { id: 'scan-age', title: 'scan age' } as const;
  const scanAge = scan.trustedTime ? now.getTime() - scan.trustedTime.time.getTime() : undefined;
  if (!scan.trustedTime) {
    return {
      ...base,
      // The signing (attest) leaves the time out, not the scan.
      stage: 'attest',
      status: 'fail',
      reason: 'the scan bundle carries no transparency-log or timestamp time',
      fix: 'sign with a transparency log or a timestamp authority (attest inputs rekor-url or tsa-url)',
    };
  }
  if (scanAge !== undefined && scanAge < -CLOCK_SKEW_MS) {
    return {
      ...base,
      stage: 'materials',
      status: 'fail',
      reason: `the scan's trusted time ${timeLabel(scan)} is in the future`,
      fix: "check this machine's clock",
    };
  }
  const ok = (scanAge ?? Infinity) <= deploy.maxScanAgeMs;
  return {
    ...base,
    stage: 'materials',
    status: ok ? 'pass' : 'fail',
    reason: `${humanAge(Math.max(0, scanAge ?? 0))} old by ${timeLabel(scan)}${ok ? '' : `; the limit is ${formatDuration(deploy.maxScanAgeMs)}`}`,
    ...(ok ? {} : { fix: 'rescan (run the factory again) and gate with the fresh evidence' }),
  };
}

function databaseAgeCheck(scan: Evidence, { now, deploy }: GateContext): Check {
  const base = { id: 'database-age', title: 'database age', stage: 'materials' } as const;
  const lastUpdate = (scan.statement.predicate as Partial<VulnsPredicate>).scanner?.database?.lastUpdate;
  const dbTime = lastUpdate ? Date.parse(lastUpdate) : NaN;
  const scanTime = scan.trustedTime?.time.getTime();
  if (Number.isNaN(dbTime)) {
    return {
      ...base,
      status: 'fail',
      reason: 'the scan does not say when its vulnerability database was updated',
      fix: 'use a scanner that records scanner.database.lastUpdate',
    };
  }
  if (scanTime !== undefined && dbTime > scanTime + CLOCK_SKEW_MS) {
    return {
      ...base,
      status: 'fail',
      reason: `the database claims an update (${lastUpdate}) after the scan was signed`,
      fix: 'the scan statement is inconsistent; rescan',
    };
  }
  const age = now.getTime() - dbTime;
  const ok = age <= deploy.maxDatabaseAgeMs;
  return {
    ...base,
    status: ok ? 'pass' : 'fail',
    reason: `${humanAge(Math.max(0, age))} old${ok ? '' : `; the limit is ${formatDuration(deploy.maxDatabaseAgeMs)}`}`,
    ...(ok ? {} : { fix: 'update the vulnerability database and rescan' }),
  };
}

export const freshnessCheck: GateCheck = (ctx) => {
  const scan = ctx.used.vulnerabilities;
  if (!scan) return [];
  return [scanAgeCheck(scan, ctx), waive(databaseAgeCheck(scan, ctx), ctx)];
};
