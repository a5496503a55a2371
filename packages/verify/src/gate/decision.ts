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
  /** Where the Sigstore trust roots came from: TUF (verified) or the shipped snapshot and its age, or a file. */
  trustRoots?: string;
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

/** GitHub refuses a job summary over 1 MiB; the gate's stays far below and points at the decision log. */
export const SUMMARY_LIMIT_BYTES = 64 * 1024;
/** Longest cell text: a reason longer than this is cut (the decision log has it whole). */
const CELL = 160;
const RANK: Record<StageState, number> = { failed: 3, warning: 2, passed: 1, skipped: 0 };

const cut = (s: string, n = CELL): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const when = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** One chain for the run: each stage as bad as it is for the worst artefact. */
export function runStageStates(log: DecisionLog): Record<Stage, StageState> {
  const out = {} as Record<Stage, StageState>;
  const each = log.artefacts.map((a) => stageStates(a.checks, a.allowed));
  for (const s of STAGES) {
    out[s] = each.reduce<StageState>((worst, st) => (RANK[st[s]] > RANK[worst] ? st[s] : worst), 'skipped');
  }
  if (log.error || !log.allowed) out.gate = 'failed';
  return out;
}

/**
 * The job summary a person reads in five seconds: one verdict, one chain, one table — the checks of a
 * single artefact, or one row per artefact for many — then what blocks, each with the stage that owns
 * it and what to change. Reasons are cut and rows capped; the decision log has everything.
 */
export function renderSummary(log: DecisionLog, options: { mermaid?: boolean; limit?: number; decisionPath?: string } = {}): string {
  const limit = options.limit ?? 200;
  const n = log.artefacts.length;
  const verdict = log.allowed ? 'admitted' : 'refused';
  const one = n === 1 ? log.artefacts[0] : undefined;
  const what = one ? `${one.name ? `${code(one.name)} ` : ''}sha256:${short(one.digest)}` : `${n} artefact(s)`;
  const out: string[] = [`> **secure-factory gate — ${md(log.environment)}: ${verdict}** · ${what}`, ''];
  if (log.error) out.push(`${stateIcon('failed')} the gate could not decide: ${md(cut(log.error.message, 400))}`, '');

  const states = runStageStates(log);
  out.push(stageDiagram(states), '');
  if (options.mermaid) out.push(stageMermaid(states), '');

  if (one) {
    out.push(
      table(
        ['check', 'result', 'evidence', 'what to do'],
        one.checks.map((c) => [
          md(c.title),
          `${ICON[c.status]} ${md(cut(c.reason))}`,
          c.evidence ? md(cut(c.evidence, 80)) : '',
          c.status === 'fail' && c.fix ? md(cut(c.fix)) : '—',
        ]),
      ),
      '',
    );
  } else if (n > 1) {
    const rows = log.artefacts.slice(0, limit).map((a) => {
      const failing = a.checks.filter((c) => c.status === 'fail');
      return [
        a.name ? code(cut(a.name, 60)) : '—',
        code(short(a.digest)),
        a.allowed ? '✅ admitted' : '❌ refused',
        failing.length ? md(cut(failing.map((c) => `${c.stage}: ${c.title}`).join(', '), 100)) : '—',
      ];
    });
    out.push(table(['artefact', 'sha256', 'verdict', 'blocked by'], rows), '');
    if (n > limit)
      out.push(
        `_…and ${n - limit} more artefact(s) (${log.artefacts.filter((a) => !a.allowed).length} refused in all); every one is in the decision log._`,
        '',
      );
  }

  // What blocks: each distinct failing check once, owned by its stage, with the fix.
  if (n !== 1) {
    const distinct = new Map<string, { c: Check; count: number }>();
    for (const a of log.artefacts) {
      for (const c of a.checks.filter((x) => x.status === 'fail')) {
        const key = `${c.stage}\u0000${c.id}\u0000${c.reason}`;
        const seen = distinct.get(key);
        if (seen) seen.count++;
        else distinct.set(key, { c, count: 1 });
      }
    }
    const list = [...distinct.values()];
    if (list.length > 0) {
      out.push('**What blocks**', '');
      for (const { c, count } of list.slice(0, 20)) {
        out.push(
          `- **${c.stage}** · ${md(c.title)}: ${md(cut(c.reason))}${count > 1 ? ` (${count} artefacts)` : ''}${c.fix ? ` → ${md(cut(c.fix))}` : ''}`,
        );
      }
      if (list.length > 20) out.push(`- …and ${list.length - 20} more; see the decision log`);
      out.push('');
    }
  }

  const levels = log.allowed
    ? (log.artefacts[0]?.verifiedLevels ?? []).filter((l) => log.artefacts.every((a) => a.verifiedLevels.includes(l)))
    : [];
  if (levels.length > 0) out.push(`Verified levels: ${levels.map((l) => code(l)).join(', ')}`, '');
  const policy = log.policy ? `policy ${code(log.policy.uri)} sha256:${short(log.policy.digest.sha256)}` : 'no policy';
  const vsa = log.vsa ? ` · VSA ${code(log.vsa.path)}${log.vsa.signed ? ' (signed)' : ' (unsigned)'}` : '';
  const decision = options.decisionPath ? ` · decision log ${code(options.decisionPath)}` : '';
  out.push(`_${when(log.time)} · ${policy} · ${log.inputs.length} input bundle(s)${vsa}${decision}_`);

  let text = out.join('\n');
  if (Buffer.byteLength(text) > SUMMARY_LIMIT_BYTES) {
    // Never near GitHub's 1 MiB limit: keep the head (verdict, chain, first rows) and point at the log.
    const note = `\n\n_The summary is cut at ${SUMMARY_LIMIT_BYTES / 1024} KiB; the decision log${options.decisionPath ? ` ${code(options.decisionPath)}` : ''} has every artefact and check._`;
    let bytes = 0;
    const kept: string[] = [];
    for (const line of text.split('\n')) {
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > SUMMARY_LIMIT_BYTES - 1024) break;
      kept.push(line);
    }
    text = kept.join('\n') + note;
  }
  return text;
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
