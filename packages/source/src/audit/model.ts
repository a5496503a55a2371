/**
 * What every audit sees: the parsed file, its kind (workflow or composite/docker action), the jobs and
 * steps with their nodes, and a `report` sink. Audits return raw findings with source ranges; the engine
 * turns them into core `Finding`s, applies personas and ignore comments.
 */
import type { Severity } from '@secure-factory/core';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import { extractExpressions, ifIsStaticallyFalse } from './expressions.js';
import { normalizeShell, shellCommands, type ShellCommand } from './shell.js';
import type { YamlSource } from './yaml-source.js';
import { defaultAuditConfig, type AuditConfig } from './zizmor-config.js';

export type Persona = 'regular' | 'pedantic' | 'auditor';
/** What a YAML file is: a workflow, an action's metadata, or a Dependabot configuration. */
export type FileKind = 'workflow' | 'action' | 'dependabot' | 'pre-commit';
export type Confidence = 'high' | 'medium' | 'low';

export const PERSONA_RANK: Record<Persona, number> = { regular: 0, pedantic: 1, auditor: 2 };

export interface RawFinding {
  /** zizmor's audit id; the engine maps it to `workflow/<id>`. */
  audit: string;
  severity: Severity;
  confidence: Confidence;
  /** The least inclusive persona that shows this finding. */
  persona: Persona;
  message: string;
  /** Primary location (offsets into the file). */
  range: [number, number];
  /** Lines in which an ignore comment suppresses the finding (defaults to the primary range). */
  ignoreRange?: [number, number];
}

export interface Step {
  node: Node;
  index: number;
  uses?: { value: string; node: Node; pair: Pair<Node, Node | null> };
  run?: { value: string; node: Node; pair: Pair<Node, Node | null> };
  with: Node | undefined;
  env: Node | undefined;
  envPair: Pair<Node, Node | null> | undefined;
  job: Job | undefined;
}

export interface Job {
  id: string;
  pair: Pair<Node, Node | null>;
  node: Node | undefined;
  steps: Step[];
}

export interface Trigger {
  name: string;
  node: Node | undefined;
}

export interface AuditFile {
  src: YamlSource;
  file: string;
  kind: FileKind;
  root: Node;
  triggers: Trigger[];
  /** The `on:` pair, for workflow-level trigger findings. */
  onPair: Pair<Node, Node | null> | undefined;
  jobs: Job[];
  /** Steps of the jobs (workflow) or of `runs.steps` (composite action). */
  steps: Step[];
  /** Whether the repository is public (self-hosted runners are then a regular finding). */
  publicRepository: boolean;
  /** Audit settings (zizmor configuration file, or zizmor's defaults). */
  config: AuditConfig;
}

export type Audit = (file: AuditFile, report: (f: RawFinding) => void) => void;

function readStep(src: YamlSource, node: Node, index: number, job: Job | undefined): Step {
  const usesPair = src.pair(node, 'uses');
  const runPair = src.pair(node, 'run');
  const envPair = src.pair(node, 'env');
  const step: Step = { node, index, with: src.get(node, 'with'), env: src.get(node, 'env'), envPair, job };
  const usesNode = usesPair ? src.resolve(usesPair.value) : undefined;
  if (usesPair && usesNode && isScalar(usesNode)) step.uses = { value: src.str(usesNode) ?? '', node: usesNode, pair: usesPair };
  const runNode = runPair ? src.resolve(runPair.value) : undefined;
  if (runPair && runNode && isScalar(runNode)) step.run = { value: src.str(runNode) ?? '', node: runNode, pair: runPair };
  return step;
}

export function buildAuditFile(
  src: YamlSource,
  file: string,
  kind: FileKind,
  publicRepository: boolean,
  config: AuditConfig = defaultAuditConfig(),
): AuditFile | undefined {
  const root = src.root();
  if (!root) return undefined;
  const out: AuditFile = { src, file, kind, root, triggers: [], onPair: undefined, jobs: [], steps: [], publicRepository, config };
  if (kind === 'workflow') {
    const onPair = src.pair(root, 'on') ?? src.pair(root, 'true');
    out.onPair = onPair;
    const on = onPair ? src.resolve(onPair.value) : undefined;
    if (isScalar(on)) out.triggers.push({ name: src.str(on) ?? '', node: undefined });
    else if (isSeq(on)) for (const t of src.items(on)) out.triggers.push({ name: src.str(t) ?? '', node: undefined });
    else if (isMap(on)) for (const [name, p] of src.entries(on)) out.triggers.push({ name, node: src.resolve(p.value) });
    // As zizmor, jobs and steps whose `if:` is statically false are skipped: they never run.
    const never = (n: Node | undefined): boolean => {
      const v = src.str(src.get(n, 'if'));
      return v !== undefined && ifIsStaticallyFalse(v);
    };
    for (const [id, pair] of src.entries(src.get(root, 'jobs'))) {
      const node = src.resolve(pair.value);
      if (never(node)) continue;
      const job: Job = { id, pair, node, steps: [] };
      // A `parallel:` step (GitHub's background steps) runs its `uses:`/`run:` steps side by side at its
      // place in the job: each is audited as a step at that index, as zizmor does.
      job.steps = src
        .items(src.get(node, 'steps'))
        .flatMap((s, i) => {
          const parallel = src.get(s, 'parallel');
          return (isSeq(parallel) ? src.items(parallel) : [s]).map((n) => readStep(src, n, i, job));
        })
        .filter((s) => !never(s.node));
      out.jobs.push(job);
      out.steps.push(...job.steps);
    }
  } else if (kind === 'action') {
    const runs = src.get(root, 'runs');
    out.steps = src
      .items(src.get(runs, 'steps'))
      .map((s, i) => readStep(src, s, i, undefined))
      .filter((s) => {
        const v = src.str(src.get(s.node, 'if'));
        return !(v !== undefined && ifIsStaticallyFalse(v));
      });
  }
  return out;
}

export function hasTrigger(f: AuditFile, ...names: string[]): boolean {
  return f.triggers.some((t) => names.includes(t.name));
}

export function isExpression(value: string | undefined): boolean {
  return value !== undefined && value.includes('${{');
}

/** A `uses:` reference split into its parts. */
export interface UsesRef {
  kind: 'local' | 'docker' | 'repository';
  owner?: string;
  repo?: string;
  /** `owner/repo/sub/path` for matching, lower-case. */
  slug?: string;
  ref?: string;
  image?: string;
}

export function parseUses(value: string): UsesRef {
  const v = value.trim();
  if (v.startsWith('./') || v.startsWith('$/') || v === '.') return { kind: 'local' };
  if (v.startsWith('docker://')) return { kind: 'docker', image: v.slice('docker://'.length) };
  const at = v.lastIndexOf('@');
  const path = at >= 0 ? v.slice(0, at) : v;
  const ref = at >= 0 ? v.slice(at + 1) : undefined;
  const [owner, repo] = path.split('/');
  return { kind: 'repository', owner: owner?.toLowerCase(), repo: repo?.toLowerCase(), slug: path.toLowerCase(), ref };
}

/** Whether a step uses `owner/repo[/path]` (any ref). */
export function usesAction(step: Step, slug: string): boolean {
  if (!step.uses) return false;
  const u = parseUses(step.uses.value);
  return u.kind === 'repository' && u.slug === slug.toLowerCase();
}

/** Whether `${{ }}`-free text of an env value is static. */
export function envIsStatic(src: YamlSource, node: Node | undefined): boolean {
  if (!node) return true;
  const v = src.str(node);
  return v === undefined ? !isMap(node) && !isSeq(node) : extractExpressions(v).length === 0;
}

/** The value of env var `name` visible to a step (step, then job, then workflow), with its node. */
export function lookupEnv(f: AuditFile, step: Step, name: string): { node: Node | undefined; found: boolean; opaque: boolean } {
  const scopes: (Node | undefined)[] = [
    step.env,
    step.job ? f.src.get(step.job.node, 'env') : undefined,
    f.kind === 'workflow' ? f.src.get(f.root, 'env') : undefined,
  ];
  for (const scope of scopes) {
    if (scope === undefined) continue;
    if (isScalar(scope)) return { node: scope, found: true, opaque: true };
    const hit =
      f.src.entries(scope).find(([k]) => k === name) ?? f.src.entries(scope).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (hit) return { node: f.src.resolve(hit[1].value), found: true, opaque: false };
  }
  return { node: undefined, found: false, opaque: false };
}

/** Every value a matrix key can take: `[node, value]` pairs; `opaque` when the matrix is computed. */
export function matrixValues(
  f: AuditFile,
  job: Job | undefined,
  key: string,
): { values: { node: Node; value: string | undefined }[]; opaque: boolean } {
  const src = f.src;
  const matrix = job ? src.get(src.get(job.node, 'strategy'), 'matrix') : undefined;
  if (!matrix) return { values: [], opaque: false };
  if (isScalar(matrix)) return { values: [], opaque: true };
  const values: { node: Node; value: string | undefined }[] = [];
  let opaque = false;
  const collect = (n: Node | undefined): void => {
    if (!n) return;
    if (isSeq(n)) for (const i of src.items(n)) values.push({ node: i, value: src.str(i) });
    else values.push({ node: n, value: src.str(n) });
  };
  // An `exclude` entry naming only this key removes that value from the key's own dimension (GitHub
  // applies `exclude` before `include`, so included values stay).
  const excluded = new Set<string>();
  for (const entry of src.items(src.get(matrix, 'exclude'))) {
    const keys = src.entries(entry).map(([k]) => k);
    const v = src.str(src.get(entry, key));
    if (keys.length === 1 && keys[0] === key && v !== undefined) excluded.add(v);
  }
  for (const [k, p] of src.entries(matrix)) {
    if (k === key) {
      const before = values.length;
      collect(src.resolve(p.value));
      const dimension = values.splice(before).filter((x) => x.value === undefined || !excluded.has(x.value));
      values.push(...dimension);
    }
    if (k === 'include' || k === 'exclude') {
      const inc = src.resolve(p.value);
      if (k === 'include' && isScalar(inc)) opaque = true;
      if (k === 'include')
        for (const entry of src.items(inc)) {
          if (isScalar(entry)) opaque = true;
          const v = src.get(entry, key);
          if (v) collect(v);
        }
    }
  }
  return { values, opaque };
}

export function nodeRange(node: Node | null | undefined): [number, number] | undefined {
  return node?.range ? [node.range[0], node.range[1]] : undefined;
}

/** The shell a step's `run:` uses (step `shell:`, then job and workflow `defaults.run.shell`, else bash), normalized. */
export function stepShellName(f: AuditFile, step: Step): string {
  let shell = f.src.str(f.src.get(step.node, 'shell'));
  if (shell === undefined && step.job) shell = f.src.str(f.src.get(f.src.get(f.src.get(step.job.node, 'defaults'), 'run'), 'shell'));
  if (shell === undefined && f.kind === 'workflow') shell = f.src.str(f.src.get(f.src.get(f.src.get(f.root, 'defaults'), 'run'), 'shell'));
  if (shell === undefined && step.job) {
    // The runner's default: pwsh on Windows images, bash elsewhere (zizmor's runner_default_shell).
    const runsOn = f.src.get(step.job.node, 'runs-on');
    const labels = isSeq(runsOn) ? f.src.items(runsOn).map((n) => f.src.str(n) ?? '') : [f.src.str(runsOn) ?? ''];
    if (labels.some((l) => /^windows/i.test(l.trim()))) return 'pwsh';
  }
  if (shell === undefined || shell.includes('${{')) return 'bash';
  return normalizeShell(shell).toLowerCase();
}

/** Simple commands of a step's `run:` (bash, sh, zsh, pwsh), with offsets into the file. */
export function runCommands(f: AuditFile, step: Step): ShellCommand[] {
  if (!step.run?.node.range) return [];
  const shell = stepShellName(f, step);
  if (!['bash', 'sh', 'zsh', 'pwsh', 'powershell'].includes(shell)) return [];
  const node = step.run.node;
  const start = node.range![0];
  const pwsh = shell === 'pwsh' || shell === 'powershell';
  if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'))
    return shellCommands(step.run.value, start + 1, pwsh);
  return shellCommands(f.src.raw(node), start, pwsh);
}

/** Where a scalar's text starts and ends in the file: for `|`/`>` block scalars, past the header line. */
export function scalarValueRange(src: YamlSource, node: Node): [number, number] | undefined {
  if (!node.range) return undefined;
  let [start, end] = [node.range[0], node.range[1]];
  if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    const nl = src.text.indexOf('\n', start);
    if (nl >= 0 && nl < end) {
      start = nl + 1;
      while (start < end && /\s/.test(src.text.charAt(start))) start++;
      while (end > start && /\s/.test(src.text.charAt(end - 1))) end--;
    }
  }
  return [start, end];
}

/**
 * zizmor's matrix expansions: every leaf value a `matrix.*` context can take, with its dotted path
 * (`matrix.platform.target` for `platform: [{target: …}]`), from the matrix's keys and `include`
 * entries; `opaque` when the matrix (or its `include`) is itself an expression.
 */
export function matrixExpansions(
  f: AuditFile,
  job: Job | undefined,
): { expansions: { path: string; value: string | undefined; node: Node }[]; opaque: boolean } {
  const src = f.src;
  const matrix = job ? src.get(src.get(job.node, 'strategy'), 'matrix') : undefined;
  const expansions: { path: string; value: string | undefined; node: Node }[] = [];
  if (!matrix) return { expansions, opaque: false };
  if (isScalar(matrix)) return { expansions, opaque: true };
  let opaque = false;
  const flatten = (n: Node | undefined, path: string): void => {
    if (!n) return;
    if (isSeq(n)) for (const item of src.items(n)) flatten(item, path);
    else if (isMap(n)) for (const [k, p] of src.entries(n)) flatten(src.resolve(p.value), `${path}.${k.toLowerCase()}`);
    else expansions.push({ path, value: src.str(n), node: n });
  };
  for (const [k, p] of src.entries(matrix)) {
    const v = src.resolve(p.value);
    if (k === 'exclude') continue;
    if (k === 'include') {
      if (isScalar(v)) opaque = true;
      for (const entry of src.items(v)) {
        if (isScalar(entry)) opaque = true;
        else for (const [k2, p2] of src.entries(entry)) flatten(src.resolve(p2.value), `matrix.${k2.toLowerCase()}`);
      }
      continue;
    }
    flatten(v, `matrix.${k.toLowerCase()}`);
  }
  return { expansions, opaque };
}
