/**
 * Least-privilege drift: the workflows on a repository's default branch compared with the posture
 * checkout-verify recorded for the last admitted release (the `workflow-posture` statement in that
 * run's evidence). What grew is a finding with an owner:
 * - a new write grant: a job may now write a scope it could not (or `write-all`, or no permissions
 *   block any more: the repository default);
 * - a new unpinned action: a `uses:` by tag or branch that the release did not have in that file;
 * - a new secret: a secret the release's version of that file did not read.
 * Narrowing (a grant removed, a reference pinned, a secret dropped) is not a finding. The owner is the
 * workflow file's CODEOWNERS on the default branch, else the repository itself.
 */
import path from 'node:path';
import {
  EvidenceFolder,
  md,
  readRegularFile,
  UnsafeFileError,
  code,
  table,
  subjectDigests,
  WORKFLOW_POSTURE_PREDICATE,
  type Finding,
  type RuleDescriptor,
  type Severity,
  type WorkflowFilePosture,
  type WorkflowPosture,
  type WorkflowPosturePredicate,
} from '@secure-factory/core';
import {
  CODEOWNERS_PATHS,
  gitRun,
  ownersOf,
  parseCodeowners,
  postureOfFiles,
  readWorkflowFiles,
  type CodeownersRule,
} from '@secure-factory/source';
import type { DeploymentRecord } from '@secure-factory/verify';

export const DRIFT_RULES: readonly RuleDescriptor[] = [
  {
    id: 'drift/new-write-permission',
    name: 'NewWritePermission',
    shortDescription: 'a workflow job may write more than at the last admitted release',
    help: 'grant the job only the scopes it needs (permissions: per job), or admit a release that records this posture on purpose',
    defaultSeverity: 'high',
  },
  {
    id: 'drift/new-unpinned-action',
    name: 'NewUnpinnedAction',
    shortDescription: 'a workflow runs an action by a movable reference it did not use at the last admitted release',
    help: 'pin the action to a full commit SHA (with a # vX.Y.Z comment)',
    defaultSeverity: 'high',
  },
  {
    id: 'drift/new-secret',
    name: 'NewSecretUse',
    shortDescription: 'a workflow reads a secret it did not read at the last admitted release',
    help: 'check the secret is needed by this workflow and scoped to the job (or an environment) that needs it',
    defaultSeverity: 'medium',
  },
];

/** Scopes whose write grant lets a job change code, releases or identity: high; the rest medium. */
const HIGH_SCOPES = new Set([
  'actions',
  'attestations',
  'contents',
  'deployments',
  'id-token',
  'issues',
  'packages',
  'pages',
  'pull-requests',
  'security-events',
]);

/** The admitted release the comparison is against (the newest deployment record). */
export interface DriftRelease {
  digest: string;
  name?: string;
  environment: string;
  admitted: string;
}

export interface DriftBaseline {
  /** The commit checkout-verify audited for that release. */
  commit: string;
  /** The evidence file of the posture, relative to where it was read. */
  statement: string;
}

export interface DriftReport {
  repository: string;
  /** `compared`; `no-baseline` when the admitted release's evidence holds no posture (released before it was recorded). */
  status: 'compared' | 'no-baseline' | 'no-release';
  /** The default branch (and its commit when known) whose workflows were audited. */
  current: { ref: string; commit?: string; files: number; auditFindings: number };
  release?: DriftRelease;
  baseline?: DriftBaseline;
  findings: Finding[];
}

interface Change {
  rule: string;
  severity: Severity;
  file: string;
  job?: string;
  detail: string;
  message: string;
}

const grantKey = (job: string, g: { scope: string; access: string }): string => `${job}\u0000${g.scope}\u0000${g.access}`;

/** What grew from `baseline` to `current` (pure; the definitions above). */
export function comparePosture(baseline: WorkflowPosture, current: WorkflowPosture): Change[] {
  const before = new Map<string, WorkflowFilePosture>(baseline.files.map((f) => [f.path, f]));
  const out: Change[] = [];
  for (const f of current.files) {
    const old = before.get(f.path);
    const oldGrants = new Set((old?.permissions ?? []).map((g) => grantKey(g.job, g)));
    // write-all and the repository default already covered every scope of that job.
    const broad = (job: string): boolean => oldGrants.has(grantKey(job, { scope: '*', access: 'write-all' }));
    const hadDefault = (job: string): boolean => oldGrants.has(grantKey(job, { scope: '*', access: 'default' }));
    for (const g of f.permissions) {
      if (oldGrants.has(grantKey(g.job, g))) continue;
      if (g.access === 'write' && (broad(g.job) || hadDefault(g.job))) continue;
      const where = `job \`${g.job}\` of ${f.path}`;
      if (g.access === 'write')
        out.push({
          rule: 'drift/new-write-permission',
          severity: HIGH_SCOPES.has(g.scope) ? 'high' : 'medium',
          file: f.path,
          job: g.job,
          detail: `${g.scope}: write`,
          message: `${where} now has \`${g.scope}: write\`, which it did not have at the last admitted release`,
        });
      else if (g.access === 'write-all')
        out.push({
          rule: 'drift/new-write-permission',
          severity: 'high',
          file: f.path,
          job: g.job,
          detail: 'write-all',
          message: `${where} now has \`permissions: write-all\` (every scope), which it did not have at the last admitted release`,
        });
      else
        out.push({
          rule: 'drift/new-write-permission',
          severity: 'high',
          file: f.path,
          job: g.job,
          detail: 'no permissions block',
          message: `${where} has no permissions block any more (the repository default applies, often write to everything); at the last admitted release it had one`,
        });
    }
    const oldUses = new Set((old?.unpinned ?? []).map((u) => u.uses));
    const reported = new Set<string>();
    for (const u of f.unpinned) {
      if (oldUses.has(u.uses) || reported.has(u.uses)) continue;
      reported.add(u.uses);
      out.push({
        rule: 'drift/new-unpinned-action',
        severity: 'high',
        file: f.path,
        job: u.job,
        detail: u.uses,
        message: `${f.path} now runs \`${u.uses}\` (job \`${u.job}\`), a reference that can move, not used there at the last admitted release`,
      });
    }
    const oldSecrets = new Set(old?.secrets ?? []);
    for (const s of f.secrets) {
      if (oldSecrets.has(s)) continue;
      out.push({
        rule: 'drift/new-secret',
        severity: s.startsWith('(') ? 'high' : 'medium',
        file: f.path,
        detail: s,
        message: s.startsWith('(')
          ? `${f.path} now reads ${s}, which it did not at the last admitted release`
          : `${f.path} now reads the secret \`${s}\`, which it did not at the last admitted release`,
      });
    }
  }
  return out;
}

/** Drift findings with their owners (CODEOWNERS of the workflow file on the default branch, else the repository). */
export function driftFindings(
  repository: string,
  baseline: WorkflowPosture,
  current: WorkflowPosture,
  codeowners: readonly CodeownersRule[],
  context: { baselineCommit: string; ref: string },
): Finding[] {
  return comparePosture(baseline, current).map((c) => {
    const owned = ownersOf(codeowners, c.file).owners;
    const owners = owned.length > 0 ? owned : [repository];
    return {
      rule: c.rule,
      severity: c.severity,
      message: `${repository}: ${c.message}`,
      file: c.file,
      help: DRIFT_RULES.find((r) => r.id === c.rule)?.help ?? '',
      blocking: false,
      properties: {
        repository,
        owners,
        ownerSource: owned.length > 0 ? 'CODEOWNERS' : 'repository',
        ...(c.job ? { job: c.job } : {}),
        change: c.detail,
        baselineCommit: context.baselineCommit,
        ref: context.ref,
      },
    };
  });
}

/** The newest admitted deployment among `records` (the last admitted release). */
export function lastAdmitted<T extends { record: DeploymentRecord }>(records: readonly T[]): T | undefined {
  return [...records].sort((a, b) => b.record.time.localeCompare(a.record.time))[0];
}

/** The posture statement of a run's evidence, preferring one that names the digest (attest adds the artefacts). */
export async function readBaselinePosture(
  evidenceDir: string,
  digest: string,
): Promise<{ predicate: WorkflowPosturePredicate; statementPath: string } | undefined> {
  const statements = (await new EvidenceFolder(evidenceDir).load()).filter((s) => s.statement.predicateType === WORKFLOW_POSTURE_PREDICATE);
  const hex = digest.replace(/^sha256:/, '');
  const hit = statements.find((s) => subjectDigests(s.statement).has(hex)) ?? statements[0];
  return hit ? { predicate: hit.statement.predicate as unknown as WorkflowPosturePredicate, statementPath: hit.statementPath } : undefined;
}

/**
 * Drift of one repository: `files` are its default branch's workflows (paths from the repository root),
 * `codeownersText` its CODEOWNERS there, `release` the last admitted deployment and its evidence folder.
 */
export async function repositoryDrift(opts: {
  repository: string;
  ref: string;
  commit?: string;
  files: readonly { path: string; text: string }[];
  codeownersText?: string;
  release?: { record: DeploymentRecord; evidence: string };
  relativeTo?: string;
}): Promise<DriftReport> {
  const current = postureOfFiles(opts.files);
  const cur = {
    ref: opts.ref,
    ...(opts.commit ? { commit: opts.commit } : {}),
    files: current.files.length,
    auditFindings: current.findings.count,
  };
  if (!opts.release) return { repository: opts.repository, status: 'no-release', current: cur, findings: [] };
  const r = opts.release.record;
  const release: DriftRelease = { digest: r.digest, ...(r.name ? { name: r.name } : {}), environment: r.environment, admitted: r.time };
  const found = await readBaselinePosture(opts.release.evidence, r.digest);
  if (!found) return { repository: opts.repository, status: 'no-baseline', current: cur, release, findings: [] };
  const baseline: DriftBaseline = {
    commit: found.predicate.commit,
    statement: path.relative(opts.relativeTo ?? process.cwd(), found.statementPath) || found.statementPath,
  };
  const rules = opts.codeownersText !== undefined ? parseCodeowners(opts.codeownersText) : [];
  return {
    repository: opts.repository,
    status: 'compared',
    current: cur,
    release,
    baseline,
    findings: driftFindings(opts.repository, found.predicate, current, rules, { baselineCommit: found.predicate.commit, ref: opts.ref }),
  };
}

/** Markdown for a job summary or a file: one line per repository, then the findings with their owners. */
export function driftMarkdown(reports: readonly DriftReport[]): string {
  const lines = ['### Least-privilege drift since the last admitted release', ''];
  lines.push(
    table(
      ['repository', 'compared with', 'default branch', 'drift'],
      reports.map((r) => [
        md(r.repository),
        r.release && r.baseline
          ? `${code(r.release.digest.slice(0, 19))}… (${md(r.release.environment)}, ${md(r.release.admitted)}) at ${code(r.baseline.commit.slice(0, 12))}`
          : r.status === 'no-baseline'
            ? '_the admitted release recorded no workflow posture_'
            : '_nothing admitted yet_',
        `${md(r.current.ref)}: ${r.current.files} workflow(s)`,
        String(r.findings.length),
      ]),
    ),
  );
  const all = reports.flatMap((r) => r.findings);
  if (all.length > 0) {
    lines.push(
      '',
      table(
        ['severity', 'rule', 'file', 'change', 'owners'],
        all.map((f) => [
          f.severity,
          code(f.rule),
          code(`${String(f.properties?.repository)}:${f.file ?? ''}`),
          code((f.properties?.change as string | undefined) ?? ''),
          md(((f.properties?.owners as string[] | undefined) ?? []).join(' ')),
        ]),
      ),
    );
  }
  return lines.join('\n');
}

/** The CODEOWNERS text of a checkout (GitHub's order: .github/, root, docs/), if any. */
export async function readCodeowners(root: string): Promise<string | undefined> {
  for (const p of CODEOWNERS_PATHS) {
    try {
      return (await readRegularFile(path.join(root, ...p.split('/')), { maxBytes: 3 * 1024 * 1024, what: 'CODEOWNERS file' })).toString(
        'utf8',
      );
    } catch (e: unknown) {
      if (e instanceof UnsafeFileError && e.reason === 'missing') continue;
      throw e;
    }
  }
  return undefined;
}

/**
 * Drift of a repository checked out at `root` (its default branch: what the scheduled rescan checks
 * out), against the newest admitted deployment among `releases`.
 */
export async function checkoutDrift(opts: {
  root: string;
  repository: string;
  ref?: string;
  releases: readonly { record: DeploymentRecord; evidence: string }[];
}): Promise<DriftReport> {
  const head = await gitRun(opts.root, ['rev-parse', 'HEAD'], { allowFailure: true });
  let ref = opts.ref;
  if (!ref) {
    const sym = await gitRun(opts.root, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
    ref = sym.code === 0 ? sym.stdout.trim() : 'HEAD';
  }
  const release = lastAdmitted(opts.releases);
  const codeownersText = await readCodeowners(opts.root);
  return repositoryDrift({
    repository: opts.repository,
    ref,
    ...(head.code === 0 ? { commit: head.stdout.trim() } : {}),
    files: await readWorkflowFiles(opts.root),
    ...(codeownersText !== undefined ? { codeownersText } : {}),
    ...(release ? { release } : {}),
  });
}
