/**
 * Waivers (`exceptions:` in the policy): which one covers a finding. A waiver is scoped by what it
 * names — advisory (by id or alias), rule, package — and optionally narrowed to one digest and one
 * environment; it holds through the end of its expiry day and never longer than the policy maximum.
 */
import type { Exception } from './types.js';
import { isExpired } from './load.js';

export interface WaiverSubject {
  /** The advisory id and its aliases. */
  ids?: readonly string[];
  rule?: string;
  package?: { name: string; version?: string; purl?: string };
  /** `sha256:<hex>` of the artefact being decided on. */
  digest?: string;
  environment?: string;
}

export interface WaiverMatch {
  /** An unexpired waiver that covers the subject. */
  active?: { index: number; exception: Exception };
  /** A waiver that would cover it but has expired (or runs past the maximum): it blocks and says so. */
  expired?: { index: number; exception: Exception };
}

function packageMatches(x: Exception, p: WaiverSubject['package']): boolean {
  if (x.package === undefined) return true;
  if (!p) return false;
  return (
    x.package === p.name ||
    (p.version !== undefined && x.package === `${p.name}@${p.version}`) ||
    (p.purl !== undefined && x.package === p.purl)
  );
}

export function findWaiver(exceptions: readonly Exception[], subject: WaiverSubject, now: Date, maxDays: number): WaiverMatch {
  const out: WaiverMatch = {};
  exceptions.forEach((exception, index) => {
    const x = exception;
    if (x.digest !== undefined && (subject.digest === undefined || x.digest.toLowerCase() !== subject.digest.toLowerCase())) return;
    if (x.environment !== undefined && x.environment !== subject.environment) return;
    if (x.advisory !== undefined && !(subject.ids ?? []).includes(x.advisory)) return;
    if (x.rule !== undefined && x.rule !== subject.rule) return;
    if (!packageMatches(x, subject.package)) return;
    if (x.advisory === undefined && x.rule === undefined && x.package === undefined) return;
    const tooLong = Date.parse(`${x.expires}T23:59:59Z`) - now.getTime() > maxDays * 86_400_000;
    if (isExpired(x.expires, now) || tooLong) out.expired ??= { index, exception };
    else out.active ??= { index, exception };
  });
  return out;
}
