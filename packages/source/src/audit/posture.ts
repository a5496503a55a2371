/**
 * The least-privilege posture of a repository's workflows: what each job may write with the
 * GITHUB_TOKEN, which actions and reusable workflows it runs by a movable reference, and which secrets
 * it reads. checkout-verify records it in signed evidence (a `workflow-posture` statement next to the
 * source VSA); the rescan computes it again on the default branch and reports what grew since the
 * admitted release (packages/rescan/src/drift.ts).
 *
 * Only what widens privilege is recorded: write grants (per job, as in effect: the job's own block,
 * else the workflow's, else the repository default), unpinned references, secret names. Read grants
 * and SHA-pinned references are not drift.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  ConfigurationError,
  errorMessage,
  makeStatement,
  readRegularFile,
  sha256Hex,
  WORKFLOW_POSTURE_PREDICATE,
  type Finding,
  type Statement,
  type WorkflowFilePosture,
  type WorkflowPosture,
  type WorkflowPosturePredicate,
} from '@secure-factory/core';
import { isMap, isScalar, visit, type Node } from 'yaml';
import { auditWorkflowText } from './audit-workflows.js';
import { extractExpressions } from './expressions.js';
import { buildAuditFile } from './model.js';
import { MAX_WORKFLOW_BYTES, YamlSource } from './yaml-source.js';

/** The job id used for grants made at the workflow level that no job overrides (a workflow without jobs). */
export const WORKFLOW_LEVEL = '(workflow)';
const FULL_SHA = /^[0-9a-f]{40}$/i;

/** A `uses:` value that can move under the caller: a tag or branch instead of a full commit SHA, an image without a digest. */
export function isUnpinned(uses: string): boolean {
  const v = uses.trim();
  if (v.startsWith('./') || v.startsWith('$/') || v === '.') return false; // the workflow's own repository, same commit
  if (v.startsWith('docker://')) return !/@sha256:[0-9a-f]{64}$/i.test(v);
  const at = v.lastIndexOf('@');
  return at < 0 || !FULL_SHA.test(v.slice(at + 1));
}

/** Secret names an expression reads: `secrets.NAME`, `secrets['NAME']`; the whole context or a computed index as markers. */
export function secretsInExpression(body: string): string[] {
  const out = new Set<string>();
  for (const m of body.matchAll(/\bsecrets\s*\.\s*([A-Za-z_][A-Za-z0-9_-]*)/g)) out.add((m[1] as string).toUpperCase());
  for (const m of body.matchAll(/\bsecrets\s*\[\s*'([^']*)'\s*\]/g)) out.add((m[1] as string).toUpperCase());
  if (/\bsecrets\s*\[\s*[^'\s]/.test(body)) out.add('(computed index: any secret)');
  if (/\b(?:toJSON|format|join)\s*\(\s*secrets\s*[,)]/i.test(body)) out.add('(all secrets)');
  // GITHUB_TOKEN's power is what the permissions grant; it is judged there, not as a secret.
  out.delete('GITHUB_TOKEN');
  return [...out];
}

function permissionsOf(src: YamlSource, node: Node | undefined): { scope: string; access: string }[] | 'absent' {
  if (node === undefined) return 'absent';
  if (isScalar(node)) {
    const v = src.str(node) ?? '';
    return v === 'write-all' ? [{ scope: '*', access: 'write-all' }] : [];
  }
  if (isMap(node))
    return src
      .entries(node)
      .filter(([, p]) => src.str(p.value) === 'write')
      .map(([scope]) => ({ scope, access: 'write' }));
  return [];
}

/** The posture of one workflow file's text (`file` relative to the repository root). */
export function workflowFilePosture(text: string, file: string): WorkflowFilePosture {
  const out: WorkflowFilePosture = { path: file, permissions: [], unpinned: [], secrets: [] };
  let src: YamlSource;
  try {
    src = new YamlSource(file, text);
  } catch {
    // A file GitHub cannot parse runs nothing; the audit reports it (workflow/invalid-yaml).
    return out;
  }
  const model = buildAuditFile(src, file, 'workflow', false);
  if (!model) return out;
  const wfPair = src.pair(model.root, 'permissions');
  const wf = permissionsOf(src, wfPair ? src.resolve(wfPair.value) : undefined);
  const grants = new Map<string, { job: string; scope: string; access: WorkflowFilePosture['permissions'][number]['access'] }>();
  const grant = (job: string, scope: string, access: WorkflowFilePosture['permissions'][number]['access']): void => {
    grants.set(`${job}\u0000${scope}\u0000${access}`, { job, scope, access });
  };
  if (model.jobs.length === 0 && wf !== 'absent') for (const g of wf) grant(WORKFLOW_LEVEL, g.scope, g.access as 'write');
  for (const job of model.jobs) {
    const own = src.pair(job.node, 'permissions');
    const effective = own ? permissionsOf(src, src.resolve(own.value)) : wf;
    if (effective === 'absent') grant(job.id, '*', 'default');
    else for (const g of effective) grant(job.id, g.scope, g.access as 'write');
    const called = src.str(src.get(job.node, 'uses'));
    if (called !== undefined && isUnpinned(called)) out.unpinned.push({ job: job.id, uses: called.trim() });
    if (src.str(src.get(job.node, 'secrets')) === 'inherit') out.secrets.push('(all secrets: secrets: inherit)');
  }
  for (const step of model.steps) {
    const uses = step.uses?.value;
    if (uses !== undefined && isUnpinned(uses)) out.unpinned.push({ job: step.job?.id ?? WORKFLOW_LEVEL, uses: uses.trim() });
  }
  visit(src.doc, {
    Scalar: (_k, node) => {
      if (typeof node.value !== 'string' || !node.value.includes('${{')) return;
      for (const e of extractExpressions(node.value)) out.secrets.push(...secretsInExpression(e.body));
    },
  });
  out.permissions = [...grants.values()].sort((a, b) => a.job.localeCompare(b.job) || a.scope.localeCompare(b.scope));
  const seenUses = new Set<string>();
  out.unpinned = out.unpinned
    .filter((u) => (seenUses.has(`${u.job}\u0000${u.uses}`) ? false : (seenUses.add(`${u.job}\u0000${u.uses}`), true)))
    .sort((a, b) => a.uses.localeCompare(b.uses) || a.job.localeCompare(b.job));
  out.secrets = [...new Set(out.secrets)].sort();
  return out;
}

/** The audit result as recorded: one line per finding (rule, file, line, severity) and their digest. */
export function findingsRecord(findings: readonly Finding[]): WorkflowPosture['findings'] {
  const list = findings
    .map((f) => ({ rule: f.rule, file: f.file ?? '', line: f.line ?? 0, severity: f.severity }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.rule.localeCompare(b.rule));
  return { count: list.length, digest: `sha256:${sha256Hex(JSON.stringify(list))}`, list };
}

/** Posture and audit findings of a set of workflow files given as text (paths relative to the repository root). */
export function postureOfFiles(files: readonly { path: string; text: string }[]): WorkflowPosture {
  const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
  const findings = sorted.flatMap((f) => auditWorkflowText(f.text, f.path, 'workflow'));
  return { files: sorted.map((f) => workflowFilePosture(f.text, f.path)), findings: findingsRecord(findings) };
}

/** The workflows of a checkout (`.github/workflows/*.yml|yaml`), read as regular files. */
export async function readWorkflowFiles(root: string): Promise<{ path: string; text: string }[]> {
  const dir = path.join(root, '.github', 'workflows');
  let names: string[];
  try {
    names = (await readdir(dir, { withFileTypes: true })).filter((d) => !d.isDirectory() && /\.ya?ml$/i.test(d.name)).map((d) => d.name);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ConfigurationError(`cannot read ${dir}: ${errorMessage(e)}`, { location: { file: dir } });
  }
  const out: { path: string; text: string }[] = [];
  for (const name of names.sort()) {
    const bytes = await readRegularFile(path.join(dir, name), { maxBytes: MAX_WORKFLOW_BYTES, what: 'workflow file' });
    out.push({ path: `.github/workflows/${name}`, text: bytes.toString('utf8') });
  }
  return out;
}

/** The posture of a checkout's workflows. */
export async function workflowPosture(root: string): Promise<WorkflowPosture> {
  return postureOfFiles(await readWorkflowFiles(root));
}

/** The evidence name of the posture statement (`workflow-posture.intoto.json`, beside `source.vsa`). */
export const WORKFLOW_POSTURE_NAME = 'workflow-posture';

/** The posture statement checkout-verify writes: subject the commit (attest adds the artefacts), predicate the posture. */
export function postureStatement(opts: {
  repoUri: string;
  head: string;
  posture: WorkflowPosture;
  now: Date;
}): Statement<WorkflowPosturePredicate> {
  return makeStatement<WorkflowPosturePredicate>([{ name: opts.repoUri, digest: { gitCommit: opts.head } }], WORKFLOW_POSTURE_PREDICATE, {
    repository: opts.repoUri,
    commit: opts.head,
    auditedAt: opts.now.toISOString(),
    ...opts.posture,
  });
}
