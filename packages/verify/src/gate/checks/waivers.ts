/**
 * Waivers: scope digest × advisory|rule × environment, unexpired, within the maximum — the same
 * matching as the rescan loop (core's findWaiver). A failed waivable check passes as a warning when an
 * unexpired waiver covers it; every waiver used or found expired is listed, and an expired one blocks.
 */
import { findWaiver, type Exception, type Policy, type WaiverSubject } from '@secure-factory/core';
import { short } from '../identity.js';
import type { Check, WaiverUse } from '../types.js';
import type { GateCheck, GateContext, WaiverLookup } from './context.js';

/** Failed checks a waiver may cover by `rule:`; the chain itself (identity, signatures, same run) cannot be waived. */
const WAIVABLE_CHECKS = new Set(['registries', 'image-validation', 'tests', 'database-age']);

export type WaiverBook = Pick<GateContext, 'waiverFor' | 'noteWaiver' | 'waivers'>;

/** The waiver lookups for one digest in one environment at one time, and the list of those used. */
export function waiverBook(policy: Policy, digest: string, environment: string, now: Date): WaiverBook {
  const waivers: WaiverUse[] = [];
  const waiverFor = (subject: WaiverSubject): WaiverLookup => {
    const m = findWaiver(policy.exceptions, { ...subject, digest: `sha256:${digest}`, environment }, now, policy.exceptionMaxDays);
    const use = (hit: { index: number; exception: Exception }, state: WaiverUse['state']): WaiverUse => ({
      index: hit.index,
      scope: [hit.exception.advisory, hit.exception.rule, hit.exception.package].filter(Boolean).join(' '),
      reason: hit.exception.reason,
      approver: hit.exception.approver,
      expires: hit.exception.expires,
      state,
    });
    return { ok: m.active ? use(m.active, 'used') : undefined, expired: m.expired ? use(m.expired, 'expired') : undefined };
  };
  const noteWaiver = (w: WaiverUse): void => {
    if (!waivers.some((x) => x.index === w.index && x.state === w.state)) waivers.push(w);
  };
  return { waiverFor, noteWaiver, waivers };
}

/** A failed waivable check passes (as a warning) when an unexpired waiver covers its rule id. */
export function waive(check: Check, ctx: Pick<GateContext, 'waiverFor' | 'noteWaiver'>): Check {
  if (check.status !== 'fail') return check;
  if (!WAIVABLE_CHECKS.has(check.id) && !check.id.startsWith('rule:')) return check;
  const name = check.id.startsWith('rule:') ? check.id.slice(5) : check.id;
  const byName = ctx.waiverFor({ rule: name });
  const w = byName.ok || byName.expired ? byName : ctx.waiverFor({ rule: check.id });
  if (w.ok) {
    ctx.noteWaiver(w.ok);
    return { ...check, status: 'warn', reason: `${check.reason} — waived by ${w.ok.approver} until ${w.ok.expires}` };
  }
  if (w.expired) {
    ctx.noteWaiver(w.expired);
    return { ...check, reason: `${check.reason} — its waiver by ${w.expired.approver} expired ${w.expired.expires}` };
  }
  return check;
}

/** The summary of every waiver the other checks used; runs last. */
export const waiversCheck: GateCheck = ({ waivers, policy }) => {
  if (waivers.length === 0) return [];
  const expired = waivers.filter((w) => w.state === 'expired');
  return [
    {
      id: 'waivers',
      title: 'waivers',
      stage: 'gate',
      status: expired.length > 0 ? 'fail' : 'warn',
      reason: waivers
        .map((w) => `${w.scope} ${w.state === 'expired' ? 'EXPIRED' : 'waived'} by ${w.approver} until ${w.expires} (${w.reason})`)
        .join('; '),
      evidence: `policy sha256:${short(policy.source.sha256)}`,
      ...(expired.length > 0 ? { fix: 'fix what the expired waiver covered, or renew it with a new expiry and approver' } : {}),
    },
  ];
};
