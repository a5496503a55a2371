import type { RemediationState } from '@secure-factory/core';
import { reconcile, type RescanMatch } from './remediation.js';

const empty: RemediationState = { apiVersion: 'secure-factory/remediations/v1', updated: '1970-01-01T00:00:00.000Z', remediations: [] };
const digest = `sha256:${'a'.repeat(64)}`;
const match = (over: Partial<RescanMatch> = {}): RescanMatch => ({
  advisory: 'GHSA-xvch-5gv4-984h',
  aliases: ['CVE-2021-44906'],
  package: { ecosystem: 'npm', name: 'minimist', version: '1.2.0' },
  severity: 'critical',
  fixedVersions: ['1.2.6'],
  digest,
  environment: 'production',
  waived: false,
  ...over,
});

describe('the 24-hour remediation clock', () => {
  const t0 = new Date('2026-11-25T10:00:00Z');

  it('opens a remediation due 24 hours after it was first seen', () => {
    const r = reconcile(empty, [match()], t0);
    expect(r.opened).toHaveLength(1);
    expect(r.opened[0]?.deadline).toBe('2026-11-26T10:00:00.000Z');
    expect(r.overdue).toEqual([]);
  });

  it('keeps the first-seen time when seen again, and is overdue after the deadline', () => {
    const first = reconcile(empty, [match()], t0);
    const later = reconcile(first.state, [match({ environment: 'staging' }), match()], new Date('2026-11-26T10:00:01Z'));
    expect(later.opened).toEqual([]);
    expect(later.stillOpen[0]?.firstSeen).toBe('2026-11-25T10:00:00.000Z');
    expect(later.stillOpen[0]?.environments).toEqual(['production', 'staging']);
    expect(later.overdue.map((o) => o.advisory)).toEqual(['GHSA-xvch-5gv4-984h']);
  });

  it('resolves a remediation that is no longer found, and a waived one does not count as open', () => {
    const first = reconcile(empty, [match()], t0);
    const gone = reconcile(first.state, [], new Date('2026-11-25T12:00:00Z'));
    expect(gone.resolved.map((r) => r.status)).toEqual(['resolved']);
    const waived = reconcile(empty, [match({ waived: true })], t0);
    expect(waived.opened).toEqual([]);
    expect(waived.state.remediations[0]?.status).toBe('waived');
  });

  it('one remediation per advisory and package, whatever the number of digests', () => {
    const r = reconcile(empty, [match(), match({ digest: `sha256:${'b'.repeat(64)}` })], t0);
    expect(r.opened).toHaveLength(1);
    expect(r.opened[0]?.digests).toHaveLength(2);
  });
});
