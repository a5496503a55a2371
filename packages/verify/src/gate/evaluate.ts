/**
 * The deploy policy over already-verified evidence: a pure function from (policy, environment,
 * evidence, now) to a list of checks. No I/O, no clock of its own — so every rule is unit-tested and
 * the same evidence always gets the same answer. Anything it cannot prove is a failed check.
 *
 * This is the runner: it picks the policy section, sorts the evidence by signer and run, then runs the
 * checks in checks/ in order — each owns its rule, its explanation, the stage it blames and its fix.
 */
import type { EvidenceKind, Policy, Remediation, VsaPredicate } from '@secure-factory/core';
import { attributeMissing, builderIdentityCheck, selectByBuilder } from './checks/builder-identity.js';
import type { GateCheck, GateContext } from './checks/context.js';
import { deployPolicyCheck } from './checks/environment.js';
import { freshnessCheck } from './checks/freshness.js';
import { isolationGateCheck } from './checks/isolation.js';
import { remediationsCheck } from './checks/remediations.js';
import { rulesCheck } from './checks/rules.js';
import { imageValidationCheck } from './checks/image-validation.js';
import { registriesCheck } from './checks/registries.js';
import { pickRun, sameRunCheck } from './checks/same-run.js';
import { sbomCheck } from './checks/sbom.js';
import { signaturesCheck } from './checks/signatures.js';
import { sourceCheck } from './checks/source.js';
import { testsCheck } from './checks/tests.js';
import { vulnerabilitiesCheck } from './checks/vulnerabilities.js';
import { waiverBook, waiversCheck } from './checks/waivers.js';
import { githubEnvironmentCheck, refsCheck } from './checks/who-deploys.js';
import { describeRun } from './identity.js';
import type { Check, Evidence, RejectedEvidence, WaiverUse } from './types.js';
import { vulnFindings } from './vulns.js';

export { GATE_VERIFIER_ID, kindOf, timeLabel } from './checks/context.js';
export { celContext } from './checks/rules.js';

export interface EvaluationInput {
  /** sha256 hex of the artefact. */
  digest: string;
  name?: string;
  environment: string;
  policy: Policy;
  /** Verified bundles whose statement names this digest. */
  evidence: readonly Evidence[];
  /** Bundles or statements naming this digest that do not count. */
  rejected: readonly RejectedEvidence[];
  /** How many verified bundles name other digests only (said when nothing names this one). */
  otherBundles?: number;
  now: Date;
  /** Overrides the policy's builder (`--certificate-identity`). */
  builder?: string;
  /** Used when neither `builder` nor the policy names one: the workflow the gate itself runs in (its OIDC token's job_workflow_ref). */
  defaultBuilder?: string;
  /** The GitHub environment of the deploying job, when the caller knows it. */
  githubEnvironment?: string;
  /** Open remediations the rescan loop recorded for this digest (core's remediations.json). */
  openRemediations?: readonly Remediation[];
}

export interface Evaluation {
  allowed: boolean;
  checks: Check[];
  waivers: WaiverUse[];
  verifiedLevels: string[];
  /** The bundles the decision rests on, one per evidence kind. */
  used: Partial<Record<EvidenceKind, Evidence>>;
  /** `run 8812 attempt 1, commit 4be1…9a0` of the provenance's run. */
  run?: string;
  /** The builder identity the evidence was held to, and where it came from. */
  builder?: { identity: string; from: 'option' | 'policy' | 'runner' };
}

/** The checks, in the order the decision lists them; waivers last (it sums up what the others waived). */
const CHECKS: readonly GateCheck[] = [
  signaturesCheck,
  builderIdentityCheck,
  isolationGateCheck,
  sameRunCheck,
  sourceCheck,
  refsCheck,
  githubEnvironmentCheck,
  sbomCheck,
  vulnerabilitiesCheck,
  freshnessCheck,
  remediationsCheck,
  testsCheck,
  registriesCheck,
  imageValidationCheck,
  rulesCheck,
  waiversCheck,
];

export function evaluate(input: EvaluationInput): Evaluation {
  const { policy, environment, now } = input;
  const selected = deployPolicyCheck(policy, environment);
  const deploy = selected.deploy;
  if (!deploy) return { allowed: false, checks: selected.checks, waivers: [], verifiedLevels: [], used: {} };
  const builder = input.builder ?? deploy.builder ?? input.defaultBuilder;
  const byBuilder = selectByBuilder(input.evidence, builder);
  const run = pickRun(byBuilder, deploy);
  const ctx: GateContext = {
    input,
    policy,
    environment,
    now,
    deploy,
    required: new Set(deploy.require),
    builder,
    ...byBuilder,
    ...run,
    findings: run.used.vulnerabilities ? vulnFindings(run.used.vulnerabilities.statement.predicate) : [],
    ...waiverBook(policy, input.digest, environment, now),
  };
  const checks = attributeMissing([...selected.checks, ...CHECKS.flatMap((check) => check(ctx))], ctx);
  const allowed = checks.every((c) => c.status !== 'fail');
  const { anchor, used } = run;
  return {
    allowed,
    checks,
    waivers: [...ctx.waivers],
    verifiedLevels: allowed ? levels(used, builder) : [],
    used,
    ...(anchor ? { run: describeRun(anchor) } : {}),
    ...(builder !== undefined
      ? {
          builder: { identity: builder, from: input.builder !== undefined ? 'option' : deploy.builder !== undefined ? 'policy' : 'runner' },
        }
      : {}),
  };
}

/** SLSA levels the gate can vouch for: Build L3 for a pinned reusable workflow with a Fulcio identity. */
function levels(used: Partial<Record<EvidenceKind, Evidence>>, builder: string | undefined): string[] {
  const out: string[] = [];
  const prov = used.provenance;
  // Build L3 needs the signing identity isolated from the build: a reusable workflow (Build Signer URI)
  // other than the caller's own (Build Config URI). One job of the caller's workflow (the composite
  // action) signs with its own identity: L2.
  const isolated =
    prov?.signer.kind === 'certificate' &&
    prov.signer.identity.buildSignerUri !== undefined &&
    prov.signer.identity.buildSignerUri !== prov.signer.identity.buildConfigUri;
  if (prov && builder !== undefined) out.push(isolated ? 'SLSA_BUILD_LEVEL_3' : 'SLSA_BUILD_LEVEL_2');
  const src = used.source;
  if (src) {
    const lv = ((src.statement.predicate as Partial<VsaPredicate>).verifiedLevels ?? []).filter((l) =>
      /^SLSA_SOURCE_LEVEL_[0-9]+$/.test(l),
    );
    // By number, not by text (SLSA_SOURCE_LEVEL_10 is above _2).
    const max = lv.sort((a, b) => Number(a.slice('SLSA_SOURCE_LEVEL_'.length)) - Number(b.slice('SLSA_SOURCE_LEVEL_'.length))).at(-1);
    if (max) out.push(max);
  }
  return out;
}
