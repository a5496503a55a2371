/**
 * Rescan mode (`rescan:` input): the closed loop on GitHub. The deployment records the gate wrote are
 * rescanned against today's database; one issue per advisory with a 24-hour deadline; the step fails
 * once a deadline has passed.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { code, ConfigurationError, md, PolicyViolation, table } from '@secure-factory/core';
import { driftMarkdown, rescan } from '@secure-factory/rescan';
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
  const { vulnSource, save } = await vulnerabilityDatabase(inputs, policy, logger);
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
    `${x.deadline}${Date.parse(x.deadline) <= now.getTime() ? ' ❌ passed' : ''}`,
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
      ...(r.drift ? ['', driftMarkdown([r.drift])] : []),
    ].join('\n'),
  );
  if (r.drift) setOutput('drift-count', String(r.drift.findings.length));
  setOutput('remediations-path', r.statePath);
  setOutput('open-count', String(open.length));
  setOutput('overdue-count', String(r.overdue.length));
  if (r.overdue.length > 0) {
    throw new PolicyViolation(
      `${r.overdue.length} remediation(s) past the 24-hour deadline: ${r.overdue.map((x) => `${x.advisory} in ${x.package.name}@${x.package.version}`).join('; ')}`,
    );
  }
}
