/**
 * What every gate check sees: the policy section for the environment, the evidence already sorted by
 * signer and run, and the waiver bookkeeping. Built once by the runner (../evaluate.ts); a check
 * reads it and returns its own results, each with the stage it blames and the fix it suggests.
 */
import {
  PREDICATE,
  TOOL_URI,
  type DeployPolicy,
  type EvidenceKind,
  type Policy,
  type VsaPredicate,
  type WaiverSubject,
} from '@secure-factory/core';
import type { Check, Evidence, Stage, WaiverUse } from '../types.js';
import type { VulnFinding } from '../vulns.js';
import type { EvaluationInput } from '../evaluate.js';

/** The verifier id of the VSAs the gate writes. */
export const GATE_VERIFIER_ID = `${TOOL_URI}/gate-deploy`;

export const KINDS: readonly EvidenceKind[] = ['provenance', 'source', 'sbom', 'vulnerabilities', 'tests'];
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The waiver (if any) that covers a subject here: an active one, and/or one that has expired. */
export interface WaiverLookup {
  ok: WaiverUse | undefined;
  expired: WaiverUse | undefined;
}

export interface GateContext {
  input: EvaluationInput;
  policy: Policy;
  environment: string;
  now: Date;
  deploy: DeployPolicy;
  required: ReadonlySet<EvidenceKind>;
  /** The builder identity evidence is held to (option, policy, or the gate's own workflow). */
  builder: string | undefined;
  /** Verified evidence signed by the builder. */
  fromBuilder: readonly Evidence[];
  /** `kind: reason` for verified evidence set aside for its signer. */
  wrongIdentity: readonly string[];
  byKind: ReadonlyMap<EvidenceKind, Evidence[]>;
  /** The bundle whose run the decision rests on. */
  anchor: Evidence | undefined;
  /** The bundles the decision rests on, one per kind. */
  used: Partial<Record<EvidenceKind, Evidence>>;
  /** `kind comes from run …` for kinds found only in another run. */
  offRun: readonly string[];
  /** The vulnerability findings of the scan in use (empty without one). */
  findings: readonly VulnFinding[];
  /** The same waiver matching as the rescan loop, scoped to this digest and environment. */
  waiverFor: (subject: WaiverSubject) => WaiverLookup;
  /** Records a waiver that was used or found expired (each once). */
  noteWaiver: (w: WaiverUse) => void;
  readonly waivers: readonly WaiverUse[];
}

/** One check of the gate: reads the context, returns its results (none when it does not apply). */
export type GateCheck = (ctx: GateContext) => Check[];

export const MISSING = 'no signed evidence of this kind for this artefact';

export function missing(id: string, title: string, stage: Stage, fix: string): Check {
  return { id, title, stage, status: 'fail', reason: MISSING, fix };
}

export function kindOf(e: Pick<Evidence, 'statement'>): EvidenceKind | undefined {
  const t = e.statement.predicateType;
  if (t === PREDICATE.provenance) return 'provenance';
  if (t === PREDICATE.cyclonedx || t === PREDICATE.spdx) return 'sbom';
  if (t === PREDICATE.vulns) return 'vulnerabilities';
  if (t === PREDICATE.testResult) return 'tests';
  if (t === PREDICATE.vsa) {
    const p = e.statement.predicate as Partial<VsaPredicate>;
    const levels = p.verifiedLevels ?? [];
    // A source VSA (checkout-verify) speaks of source levels only, or says FAILED; the gate's own VSA is not source evidence.
    if (p.verifier?.id === GATE_VERIFIER_ID || levels.some((l) => l.startsWith('SLSA_BUILD_LEVEL_'))) return undefined;
    if (levels.length === 0 || levels.every((l) => l.startsWith('SLSA_SOURCE_LEVEL_') || l === 'FAILED')) return 'source';
  }
  return undefined;
}

export function timeLabel(e: Pick<Evidence, 'trustedTime'>): string {
  if (!e.trustedTime) return 'no trusted time';
  const t = e.trustedTime.time.toISOString().slice(0, 16).replace('T', ' ');
  const by = { tlog: 'Rekor', tsa: 'TSA', key: 'key made' }[e.trustedTime.source];
  return `${by} ${t} UTC`;
}

export function newest(list: readonly Evidence[]): Evidence | undefined {
  return [...list].sort((a, b) => (b.trustedTime?.time.getTime() ?? 0) - (a.trustedTime?.time.getTime() ?? 0))[0];
}
