/**
 * The deploy policy for the environment. No deploy section at all: the built-in defaults. Some
 * sections but not this one: a typo must not silently trade the environment's own rules for the
 * defaults, so that refuses.
 */
import { defaultDeploy, deployPolicyFor, type DeployPolicy, type Policy } from '@secure-factory/core';
import type { Check } from '../types.js';

export function deployPolicyCheck(policy: Policy, environment: string): { deploy: DeployPolicy | undefined; checks: Check[] } {
  const noDeploySection = Object.keys(policy.deploy).length === 0;
  const deploy = deployPolicyFor(policy, environment) ?? (noDeploySection ? defaultDeploy() : undefined);
  const checks: Check[] = [];
  const base = { id: 'environment', title: 'deploy policy', stage: 'gate' } as const;
  if (noDeploySection) {
    checks.push({ ...base, status: 'pass', reason: `no deploy section in ${policy.source.file}: the built-in defaults apply` });
  }
  if (!deploy) {
    checks.push({
      ...base,
      status: 'fail',
      reason: `the policy has no deploy section for "${environment}"`,
      fix: `add deploy.${environment} to ${policy.source.file} (environments there: ${Object.keys(policy.deploy).join(', ') || 'none'})`,
    });
  }
  return { deploy, checks };
}
