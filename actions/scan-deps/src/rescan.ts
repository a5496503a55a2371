/**
 * Rescan mode (`rescan:` input): the closed loop on GitHub. The deployment records the gate wrote are
 * rescanned against today's database; one issue per advisory with a 24-hour deadline; the step fails
 * once a deadline has passed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { code, ConfigurationError, InfrastructureError, md, PolicyViolation, table } from '@secure-factory/core';
import { driftMarkdown, keylessClock, rescan } from '@secure-factory/rescan';
import type { RunInputs } from './inputs.js';
import { repositoryPolicy, vulnerabilityDatabase } from './main.js';

/** Evidence folders: each given folder that holds `deployments/`, else those below it (three levels at most). */
export function evidenceFolders(roots: readonly string[]): string[] {
  const out: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (existsSync(path.join(dir, 'deployments'))) {
      out.push(dir);
      return;
    }
    if (depth === 0) return;
    for (const e of readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory() && !e.name.startsWith('.git')) visit(path.join(dir, e.name), depth - 1);
  };
  for (const r of roots) if (existsSync(r)) visit(r, 3);
  return out.sort();
}

export async function runRescan(inputs: RunInputs): Promise<void> {
  const logger = coreLogger();
  const now = new Date();
  const policy = await repositoryPolicy(inputs, now);
  const dirs = evidenceFolders(inputs.rescan.map((r) => path.resolve(inputs.workspace, r)));
  if (dirs.length === 0)
    throw new ConfigurationError(`no deployment records found under ${inputs.rescan.join(', ')}`, {
      hint: 'point rescan: at the evidence folders the gate wrote deployments/ into',
    });
  const repository = process.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = repository.split('/');
  if (inputs.githubIssues && (!owner || !repo || !inputs.githubToken))
    throw new ConfigurationError('github-issues needs GITHUB_REPOSITORY and the github-token input');
  if (inputs.fixPrs && !inputs.githubIssues)
    throw new ConfigurationError('fix-prs needs github-issues: each pull request refers to the remediation issue');
  const { vulnSource, save } = await vulnerabilityDatabase(inputs, policy, logger);
  const clock =
    inputs.rescanClock === 'keyless'
      ? await keylessClock({
          ...(inputs.rescanTsaUrl ? { tsaUrl: inputs.rescanTsaUrl } : {}),
          ...(inputs.rescanClockIdentity ? { expectedIdentity: inputs.rescanClockIdentity } : {}),
          ...(inputs.rescanFulcioUrl ? { fulcioUrl: inputs.rescanFulcioUrl } : {}),
          ...(inputs.rescanTrustedRoot ? { trustedRoot: path.resolve(inputs.workspace, inputs.rescanTrustedRoot) } : {}),
        })
      : undefined;
  const r = await rescan({
    evidenceDirs: dirs,
    ...(inputs.rescanState ? { stateDir: path.resolve(inputs.workspace, inputs.rescanState) } : {}),
    policy,
    vulnSource,
    logger,
    now,
    ...(inputs.githubIssues && owner && repo && inputs.githubToken
      ? { github: { owner, repo, token: inputs.githubToken, baseUrl: process.env.GITHUB_API_URL ?? 'https://api.github.com' } }
      : {}),
    rebuild: inputs.rebuild,
    ...(clock ? { clock: { ...clock, scope: repository || 'local' } } : {}),
    ...(inputs.fixPrs ? { fixPrs: {} } : {}),
    ...(inputs.rescanWorkflows && repository
      ? { workflows: { root: path.resolve(inputs.workspace, inputs.rescanWorkflows), repository } }
      : {}),
  });
  await save();
  for (const p of r.problems) logger.warning(p);
  const open = [...r.opened, ...r.stillOpen];
  const rows = open.map((x) => [
    md(x.advisory),
    code(`${x.package.name}@${x.package.version}`),
    x.severity,
    x.fixedVersions.map(code).join(', ') || '—',
    x.environments.map(md).join(', '),
    `${x.deadline}${Date.parse(x.deadline) <= (r.trustedNow ? Date.parse(r.trustedNow) : now.getTime()) ? ' ❌ passed' : ''}`,
    x.issue ? `#${x.issue.number}` : '',
  ]);
  await writeSummary(
    [
      `### secure-factory rescan: ${r.deployed.length} deployed digest(s), ${r.opened.length} new, ${open.length} open, ${r.overdue.length} overdue`,
      '',
      `Database: ${code(r.database.uri)}${r.database.lastUpdate ? ` (newest record ${r.database.lastUpdate})` : ''}`,
      '',
      rows.length > 0
        ? table(['advisory', 'package', 'severity', 'fixed in', 'environments', 'deadline', 'issue'], rows)
        : '_Nothing deployed is affected by a blocking advisory._',
      ...(r.pullRequests && r.pullRequests.length > 0
        ? [
            '',
            table(
              ['fix pull request', 'advisory', 'status', 'note'],
              r.pullRequests.map((p) => [p.number ? `#${p.number}` : '—', md(p.advisory), p.status, md(p.message ?? '')]),
            ),
          ]
        : []),
      ...(r.drift ? ['', driftMarkdown([r.drift])] : []),
    ].join('\n'),
  );
  if (r.drift) setOutput('drift-count', String(r.drift.findings.length));
  setOutput('remediations-path', r.statePath);
  setOutput('open-count', String(open.length));
  setOutput('overdue-count', String(r.overdue.length));
  const failedFixes = (r.pullRequests ?? []).filter((p) => p.status === 'failed');
  if (r.overdue.length === 0 && failedFixes.length > 0)
    throw new InfrastructureError(
      `${failedFixes.length} fix pull request(s) could not be made (the issues stay open): ${failedFixes.map((p) => `${p.advisory}: ${p.message ?? ''}`).join('; ')}`,
    );
  if (r.overdue.length > 0) {
    throw new PolicyViolation(
      `${r.overdue.length} remediation(s) past the 24-hour deadline: ${r.overdue.map((x) => `${x.advisory} in ${x.package.name}@${x.package.version}`).join('; ')}`,
    );
  }
}
