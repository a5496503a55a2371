/**
 * excessive-permissions: the GITHUB_TOKEN should carry only what a job needs. A workflow without a
 * `permissions:` block runs its jobs with the repository default (often write to everything);
 * `write-all`/`read-all` and workflow-level `write` grants give every job more than it needs.
 */
import type { Severity } from '@secure-factory/core';
import { isMap, isScalar } from 'yaml';
import type { Audit } from '../model.js';

/** Severity of a workflow-level `X: write` grant; unknown scopes are medium. */
const WRITE_SEVERITY: Record<string, Severity> = {
  actions: 'high',
  attestations: 'high',
  checks: 'medium',
  contents: 'high',
  deployments: 'high',
  discussions: 'medium',
  'id-token': 'high',
  issues: 'high',
  models: 'medium',
  packages: 'high',
  pages: 'high',
  'pull-requests': 'high',
  'repository-projects': 'medium',
  'security-events': 'medium',
  statuses: 'low',
};

export const excessivePermissions: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  const src = f.src;
  const wfPair = src.pair(f.root, 'permissions');
  const wfPerms = wfPair ? src.resolve(wfPair.value) : undefined;
  const reusableOnly = f.triggers.length > 0 && f.triggers.every((t) => t.name === 'workflow_call');
  const allJobsExplicit = f.jobs.every((j) => src.pair(j.node, 'permissions') !== undefined);
  // zizmor makes workflow-level findings pedantic when no job inherits them (every job sets its own
  // permissions, or the workflow is only ever called, so callers decide) or when there is a single job
  // (the workflow's grant is then that job's own, and moving it changes nothing).
  const workflowPersona = (_grant: boolean): 'regular' | 'pedantic' =>
    allJobsExplicit || reusableOnly || f.jobs.length === 1 ? 'pedantic' : 'regular';

  const blanket = (
    value: string | undefined,
    range: [number, number] | undefined,
    where: string,
    persona: 'regular' | 'pedantic',
  ): void => {
    if (!range) return;
    if (value === 'write-all' || value === 'read-all') {
      report({
        audit: 'excessive-permissions',
        severity: value === 'write-all' ? 'high' : 'medium',
        confidence: 'high',
        persona,
        message: `overly broad permissions: ${where} uses ${value} permissions`,
        range,
      });
    }
  };

  if (!wfPair) {
    if (f.root.range)
      report({
        audit: 'excessive-permissions',
        severity: 'medium',
        confidence: 'medium',
        persona: workflowPersona(false),
        message: 'overly broad permissions: default permissions used due to no permissions: block',
        range: [f.root.range[0], f.root.range[1]],
      });
  } else if (isScalar(wfPerms)) {
    blanket(src.str(wfPerms), src.pairRange(wfPair), 'the workflow', workflowPersona(true));
  } else if (isMap(wfPerms)) {
    for (const [scope, p] of src.entries(wfPerms)) {
      if (src.str(p.value) !== 'write') continue;
      const range = src.pairRange(p);
      if (!range) continue;
      report({
        audit: 'excessive-permissions',
        // Own keys only: a scope named `constructor` or `__proto__` is an unknown scope, not Object.
        severity: (Object.hasOwn(WRITE_SEVERITY, scope) ? WRITE_SEVERITY[scope] : undefined) ?? 'medium',
        confidence: 'high',
        persona: workflowPersona(true),
        message: `overly broad permissions: ${scope}: write is overly broad at the workflow level (grant it to the job that needs it)`,
        range,
      });
    }
  }

  for (const job of f.jobs) {
    const jobPermsPair = src.pair(job.node, 'permissions');
    if (jobPermsPair) {
      const v = src.resolve(jobPermsPair.value);
      if (isScalar(v))
        blanket(
          src.str(v),
          src.pairRange(jobPermsPair),
          `job \`${job.id}\``,
          reusableOnly && src.get(job.node, 'uses') === undefined ? 'pedantic' : 'regular',
        );
      continue;
    }
    if (wfPair) continue;
    const callsWorkflow = src.get(job.node, 'uses') !== undefined;
    const range = src.pairRange(job.pair);
    if (!range) continue;
    report({
      audit: 'excessive-permissions',
      severity: 'medium',
      confidence: 'medium',
      persona: reusableOnly && !callsWorkflow ? 'pedantic' : 'regular',
      message: `overly broad permissions: job \`${job.id}\` uses the default permissions because neither it nor the workflow has a permissions: block`,
      range,
    });
  }
};
