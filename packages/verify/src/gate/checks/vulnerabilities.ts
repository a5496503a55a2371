/** Vulnerabilities: no finding at or above the policy's block severity, unless an unexpired waiver covers it. */
import { atLeast, humanAge, type VulnsPredicate } from '@secure-factory/core';
import { missing, type GateCheck } from './context.js';

export const vulnerabilitiesCheck: GateCheck = ({ required, used, deploy, findings, now, waiverFor, noteWaiver }) => {
  const scan = used.vulnerabilities;
  if (!required.has('vulnerabilities') && !scan) return [];
  if (!scan) return [missing('vulnerabilities', 'vulnerabilities', 'materials', 'run scan-deps (the materials stage) in the same run')];
  const blocking: string[] = [];
  const waived: string[] = [];
  for (const f of findings.filter((x) => atLeast(x.severity, deploy.blockSeverity))) {
    const ids = [f.id, ...f.aliases];
    const w = waiverFor({
      ids,
      ...(f.packageName ? { package: { name: f.packageName, ...(f.packageVersion ? { version: f.packageVersion } : {}) } } : {}),
    });
    const what = `${f.severity}: ${f.id}${f.package ? ` in ${f.package}` : ''}${f.fixed ? ` (fixed in ${f.fixed})` : ''}`;
    if (w.ok) {
      noteWaiver(w.ok);
      waived.push(`${f.id} waived by ${w.ok.approver} until ${w.ok.expires}`);
    } else if (w.expired) {
      noteWaiver(w.expired);
      blocking.push(`${what} — its waiver by ${w.expired.approver} expired ${w.expired.expires}`);
    } else blocking.push(what);
  }
  const p = scan.statement.predicate as Partial<VulnsPredicate>;
  const dbAge = p.scanner?.database?.lastUpdate ? now.getTime() - Date.parse(p.scanner.database.lastUpdate) : undefined;
  const scanAge = scan.trustedTime ? now.getTime() - scan.trustedTime.time.getTime() : undefined;
  const ageNote = `${scanAge !== undefined ? `scan ${humanAge(scanAge)} old` : 'scan time unknown'}${dbAge !== undefined && !Number.isNaN(dbAge) ? ` (DB ${humanAge(dbAge)} old)` : ''}`;
  return [
    {
      id: 'vulnerabilities',
      title: 'vulnerabilities',
      stage: 'materials',
      status: blocking.length > 0 ? 'fail' : 'pass',
      reason:
        blocking.length > 0
          ? `${blocking.length} at or above ${deploy.blockSeverity}: ${blocking.join('; ')}`
          : `none at or above ${deploy.blockSeverity} (${findings.length} reported${waived.length > 0 ? `, ${waived.join('; ')}` : ''})`,
      evidence: ageNote,
      ...(blocking.length > 0 ? { fix: 'upgrade, or add a waiver with an expiry' } : {}),
    },
  ];
};
