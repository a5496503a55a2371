/** The closed loop: advisories the rescan found in this deployed digest since it was built block until fixed or waived. */
import type { GateCheck } from './context.js';

export const remediationsCheck: GateCheck = ({ input, now, waiverFor, noteWaiver }) => {
  const open = input.openRemediations ?? [];
  if (open.length === 0) return [];
  const blocking: string[] = [];
  const waived: string[] = [];
  for (const r of open) {
    const w = waiverFor({ ids: [r.advisory, ...r.aliases], package: { name: r.package.name, version: r.package.version } });
    const what = `${r.severity}: ${r.advisory} in ${r.package.name}@${r.package.version}${r.fixedVersions.length > 0 ? ` (fixed in ${r.fixedVersions.join(', ')})` : ''}, found by the rescan ${r.firstSeen.slice(0, 10)}, deadline ${r.deadline}${Date.parse(r.deadline) < now.getTime() ? ' (passed)' : ''}`;
    if (w.ok) {
      noteWaiver(w.ok);
      waived.push(`${r.advisory} waived by ${w.ok.approver} until ${w.ok.expires}`);
    } else {
      if (w.expired) noteWaiver(w.expired);
      blocking.push(w.expired ? `${what} — its waiver by ${w.expired.approver} expired ${w.expired.expires}` : what);
    }
  }
  return [
    {
      id: 'remediations',
      title: 'open remediations',
      stage: 'materials',
      status: blocking.length > 0 ? 'fail' : 'warn',
      reason: blocking.length > 0 ? blocking.join('; ') : waived.join('; '),
      evidence: 'remediations.json (rescan)',
      ...(blocking.length > 0 ? { fix: 'rebuild with the fixed versions, or add a waiver with an expiry' } : {}),
    },
  ];
};
