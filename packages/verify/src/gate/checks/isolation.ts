/**
 * Isolation is evidence: the factory's provenance records how the build was isolated
 * (`internalParameters.isolation.tool`: bubblewrap with its version, or the weaker unshare fallback).
 * The default policy admits only builds isolated by bubblewrap; a provenance of the factory's build
 * type that names another kind, or none, fails the check with the way to install it. Provenance of
 * other build types (slsa-github-generator, a container builder) says nothing the gate can read here
 * and is left to the builder-identity check.
 */
import { BUILD_TYPE, type ProvenancePredicate } from '@secure-factory/core';
import type { Check } from '../types.js';
import { timeLabel, type GateCheck } from './context.js';

export const ISOLATION_INSTALL_HINT =
  'install bubblewrap on the runner (`sudo apt-get install -y bubblewrap`; on GitHub ubuntu-24.04 also `sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0`) and build again';

interface IsolationFacts {
  tool?: unknown;
  version?: unknown;
  workspace?: unknown;
}

/** The isolation check for one provenance predicate, or undefined when it is not the factory's build type. */
export function isolationCheck(predicate: unknown, evidence: string): Check | undefined {
  const def = (predicate as Partial<ProvenancePredicate> | undefined)?.buildDefinition;
  if (def?.buildType !== BUILD_TYPE) return undefined;
  const iso = (def.internalParameters as { isolation?: IsolationFacts } | undefined)?.isolation;
  const tool = typeof iso?.tool === 'string' ? iso.tool : undefined;
  const version = typeof iso?.version === 'string' ? iso.version : '';
  if (tool === 'bubblewrap') {
    return {
      id: 'isolation',
      title: 'build isolation',
      stage: 'build',
      status: 'pass',
      reason: `bubblewrap ${version}${typeof iso?.workspace === 'string' ? `, ${iso.workspace} workspace` : ''}`.trim(),
      evidence,
    };
  }
  return {
    id: 'isolation',
    title: 'build isolation',
    stage: 'build',
    status: 'fail',
    reason: tool
      ? `the build ran under ${tool}${version ? ` ${version}` : ''}, a weaker isolation than bubblewrap, which the policy requires`
      : 'the provenance does not say how the build was isolated',
    evidence,
    fix: ISOLATION_INSTALL_HINT,
  };
}

/** Isolation is evidence: the provenance in use must say bubblewrap. */
export const isolationGateCheck: GateCheck = ({ used }) => {
  const prov = used.provenance;
  const check = prov ? isolationCheck(prov.statement.predicate, `provenance, ${timeLabel(prov)}`) : undefined;
  return check ? [check] : [];
};
