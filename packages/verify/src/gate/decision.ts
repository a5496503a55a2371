/**
 * The gate's answer in three forms: the JSON decision log (every input and every check), the VSA
 * the next system verifies (slsa.dev/verification_summary/v1), and the job summary a person reads —
 * the chain with each link green or red, and a table with what to do.
 */
import {
  code,
  makeStatement,
  md,
  PREDICATE,
  stageDiagram,
  stageMermaid,
  stateIcon,
  table,
  DEFAULT_POLICY_SOURCE,
  TOOL_URI,
  TOOL_VERSION,
  type StageState,
  type Statement,
  type VsaPredicate,
} from '@secure-factory/core';
import { GATE_VERIFIER_ID, type Evaluation } from './evaluate.js';
import { short } from './identity.js';
import type { Check, Stage } from './types.js';

export const DECISION_API_VERSION = 'secure-factory/gate-decision/v1';
const STAGES: readonly Stage[] = ['source', 'materials', 'build', 'attest', 'gate'];

export interface DecisionInput {
  origin: string;
  /** `sha256:HEX` of the bundle bytes. */
  digest: string;
  predicateType?: string;
  /** `verified`, or why it did not count. */
  status: 'verified' | 'unsigned' | 'invalid' | 'unreadable' | 'other-digest';
  reason?: string;
}

export interface ArtefactDecision {
  digest: string;
  name?: string;
  allowed: boolean;
  run?: string;
  /** The builder identity the evidence was held to: from --certificate-identity, the policy, or the runner's own workflow. */
  builder?: { identity: string; from: 'option' | 'policy' | 'runner' };
  verifiedLevels: string[];
  checks: Check[];
  waivers: Evaluation['waivers'];
  /** `sha256:HEX` of each bundle the decision rests on. */
  inputs: string[];
}

export interface DecisionLog {
  apiVersion: typeof DECISION_API_VERSION;
  allowed: boolean;
  environment: string;
  time: string;
  tool: { name: 'secure-factory'; version: string };
  policy: { uri: string; digest: { sha256: string } } | null;
  inputs: DecisionInput[];
  artefacts: ArtefactDecision[];
  /** Set when the gate could not decide at all (bad policy, unreadable trust root, network). */
  error?: { code: string; message: string };
  vsa?: { path: string; bundlePath?: string; sha256: string; signed: boolean };
}

export function policyUri(file: string): string {
  return file === DEFAULT_POLICY_SOURCE ? `${TOOL_URI}/policy/defaults/v1` : file;
}

/** One VSA for the call: PASSED naming every artefact when all were admitted, else FAILED. */
export function vsaStatement(log: DecisionLog): Statement<VsaPredicate> {
  const subjects = log.artefacts.map((a) => ({ name: a.name ?? `sha256:${a.digest}`, digest: { sha256: a.digest } }));
  const inputs = new Set(log.artefacts.flatMap((a) => a.inputs));
  const byDigest = new Map(log.inputs.map((i) => [i.digest, i.origin]));
  // A level is claimed only when every artefact reached it.
  // VSA v1: the highest level of each track verified, or FAILED when the policy check failed.
  const levels = log.allowed
    ? (log.artefacts[0]?.verifiedLevels ?? []).filter((l) => log.artefacts.every((a) => a.verifiedLevels.includes(l)))
    : ['FAILED'];
  const first = log.artefacts[0];
  const predicate: VsaPredicate = {
    verifier: { id: GATE_VERIFIER_ID, version: { 'secure-factory': TOOL_VERSION } },
    timeVerified: log.time,
    resourceUri: first?.name ?? (first ? `sha256:${first.digest}` : 'unknown'),
    policy: log.policy ? { uri: log.policy.uri, digest: log.policy.digest } : { uri: 'unparsable' },
    inputAttestations: [...inputs].sort().map((d) => ({ uri: byDigest.get(d) ?? d, digest: { sha256: d.replace(/^sha256:/, '') } })),
    verificationResult: log.allowed ? 'PASSED' : 'FAILED',
    verifiedLevels: levels,
    slsaVersion: '1.0',
  };
  return makeStatement(subjects, PREDICATE.vsa, predicate);
}

export function stageStates(checks: readonly Check[], allowed: boolean): Record<Stage, StageState> {
  const out = {} as Record<Stage, StageState>;
  for (const s of STAGES) {
    const mine = checks.filter((c) => c.stage === s && c.status !== 'skip');
    out[s] = mine.some((c) => c.status === 'fail')
      ? 'failed'
      : mine.some((c) => c.status === 'warn')
        ? 'warning'
        : mine.length > 0
          ? 'passed'
          : 'skipped';
  }
  out.gate = allowed ? (out.gate === 'warning' ? 'warning' : 'passed') : 'failed';
  return out;
}

const ICON: Record<Check['status'], string> = { pass: '✅', fail: '❌', warn: '⚠️', skip: '⚪' };

/** The job summary, in the shape DESIGN.md shows adopters. */
export function renderSummary(log: DecisionLog, options: { mermaid?: boolean; limit?: number } = {}): string {
  const out: string[] = [];
  const limit = options.limit ?? 20;
  if (log.error) {
    out.push(`> **secure-factory gate — ${md(log.environment)}: refused** · the gate could not decide`, '');
    out.push(`${stateIcon('failed')} ${md(log.error.message)}`, '');
  }
  for (const a of log.artefacts.slice(0, limit)) {
    const label = a.name ? `${code(a.name)} ` : '';
    out.push(
      `> **secure-factory gate — ${md(log.environment)}: ${a.allowed ? 'admitted' : 'refused'}** · ${label}sha256:${short(a.digest)}`,
      '',
    );
    const states = stageStates(a.checks, a.allowed);
    out.push(stageDiagram(states), '');
    if (options.mermaid) out.push(stageMermaid(states), '');
    out.push(
      table(
        ['check', 'result', 'evidence', 'what to do'],
        a.checks.map((c) => [md(c.title), `${ICON[c.status]} ${md(c.reason)}`, c.evidence ? md(c.evidence) : '', c.fix ? md(c.fix) : '—']),
      ),
      '',
    );
    if (a.verifiedLevels.length > 0) out.push(`Verified levels: ${a.verifiedLevels.map((l) => code(l)).join(', ')}`, '');
  }
  if (log.artefacts.length > limit) {
    const refused = log.artefacts.filter((a) => !a.allowed).length;
    out.push(`_…and ${log.artefacts.length - limit} more artefacts (${refused} refused in total); see the decision log._`, '');
  }
  const policy = log.policy ? `policy ${code(log.policy.uri)} sha256:${short(log.policy.digest.sha256)}` : 'no policy';
  const vsa = log.vsa ? ` · VSA ${code(log.vsa.path)}${log.vsa.signed ? ' (signed)' : ' (unsigned)'}` : '';
  out.push(`_${policy} · ${log.inputs.length} input bundle(s)${vsa}_`);
  return out.join('\n');
}

/** `--explain`: every check on its own line, for a terminal. */
export function renderExplain(log: DecisionLog): string {
  const lines: string[] = [];
  if (log.error) lines.push(`error: ${log.error.message}`);
  for (const a of log.artefacts) {
    lines.push(`${a.allowed ? 'ADMITTED' : 'REFUSED'} ${a.name ?? ''} sha256:${a.digest} for ${log.environment}`.replace('  ', ' '));
    lines.push(`  ${stageDiagram(stageStates(a.checks, a.allowed))}`);
    for (const c of a.checks) {
      lines.push(`  [${c.status.toUpperCase()}] ${c.title}: ${c.reason}${c.evidence ? ` (${c.evidence})` : ''}`);
      if (c.status === 'fail' && c.fix) lines.push(`         fix: ${c.fix}`);
    }
    for (const w of a.waivers)
      lines.push(`  waiver #${w.index} ${w.scope}: ${w.state} (by ${w.approver}, until ${w.expires}: ${w.reason})`);
  }
  return lines.join('\n');
}
