/**
 * `verifySource`: every source check the policy asks for, in order — commit identity, the signed
 * history of the range, review and protection evidence from GitHub, the workflow audit — then the
 * source level reached, a source VSA in the evidence folder and a job summary saying what was
 * checked and what could not be. Fails closed: anything not proven is a blocking finding.
 */
import path from 'node:path';
import {
  atLeast,
  code,
  compareFindings,
  EvidenceFolder,
  findingsTable,
  isExpired,
  md,
  table,
  type Finding,
  type Logger,
  type Policy,
  type Severity,
} from '@secure-factory/core';
import { auditWorkflows } from './audit/index.js';
import { postureStatement, WORKFLOW_POSTURE_NAME, workflowPosture } from './audit/posture.js';
import { checkCommitIdentity } from './commit-identity.js';
import { readCommits } from './git.js';
import { createGitHubClient, type GitHubClient } from './github-api.js';
import { resolveRange, type CommitRange } from './history.js';
import { checkReviewEvidence, type EvidenceCheck, type ReviewEvidence } from './reviews.js';
import { isContentNeutralMerge, isWebFlowCommit, verifySignatures, type CommitSignature, type SignatureStatus } from './signatures.js';
import { prepareKeyring } from './signers.js';
import { levelName, sourceLevel } from './source-level.js';
import { resourceFor, SOURCE_VSA_NAME, sourceVsa } from './source-vsa.js';

export interface GitHubSourceOptions {
  token?: string | undefined;
  /** API base URL (https://api.github.com, GHES https://HOST/api/v3, or a local server in tests). */
  baseUrl?: string | undefined;
  /** Web URL used in the repository URI (https://github.com). */
  serverUrl?: string | undefined;
  owner: string;
  repo: string;
  /** The ref being built, e.g. refs/heads/main. */
  ref?: string | undefined;
  /** The base branch of a pull request. */
  baseRef?: string | undefined;
  /** The pull request number of a pull_request event. */
  pullNumber?: number | undefined;
}

/** The workflow audit's entry point (packages/source/src/audit), injected so tests can replace it. */
export type WorkflowAuditor = (opts: {
  root: string;
  ignore?: string[];
  /** `false`: ignore any zizmor.yml in the tree (the repository under verification must not turn rules off). */
  zizmorConfig?: string | false;
  /** Suppressions (zizmor.yml, inline comments) only from the trusted revision (the change's base), or none. */
  suppressions?: 'none' | { trustedRevision: string };
  logger: Logger;
}) => Promise<{ findings: Finding[]; files: string[]; suppressed?: unknown[]; refused?: unknown[] }>;

export interface VerifySourceOptions {
  repo: string;
  expectedSha?: string | undefined;
  policy: Policy;
  github?: GitHubSourceOptions | undefined;
  /** Tests may pass their own client; otherwise one is made from `github`. */
  githubClient?: GitHubClient | undefined;
  /** The base commit or ref of the change, for `source.range: base-branch` (PR base SHA, push `before`). */
  base?: string | undefined;
  /** The repository's identity for the VSA when there is no API access (GITHUB_REPOSITORY). */
  repository?: { owner: string; repo: string; serverUrl?: string | undefined } | undefined;
  /** The ref for the VSA's resourceUri when `github` is not given. */
  ref?: string | undefined;
  /** Where the source VSA goes; no VSA is written when omitted. */
  evidenceDir?: string | undefined;
  /** Overrides `source.workflows.audit` (the action passes `input && policy`, so an input can only turn the audit off). */
  auditWorkflows?: boolean | undefined;
  auditor?: WorkflowAuditor | undefined;
  /** Whether the repository is public (self-hosted runners are then a finding of the audit). */
  publicRepository?: boolean | undefined;
  /** Hide non-blocking workflow audit findings below this severity / confidence (zizmor's --min-*). */
  minSeverity?: Severity | undefined;
  minConfidence?: 'low' | 'medium' | 'high' | undefined;
  logger: Logger;
  now?: Date | undefined;
}

export interface VerifySourceResult {
  ok: boolean;
  head: string;
  findings: Finding[];
  level: number;
  levelName: string;
  vsaPath?: string;
  summary: string;
  checks: EvidenceCheck[];
  range?: CommitRange;
  signatures: CommitSignature[];
  review?: ReviewEvidence;
  workflowFiles: string[];
}

const SIGNATURE_RULE: Record<Exclude<SignatureStatus, 'good'>, { rule: string; help: string }> = {
  unsigned: {
    rule: 'source/unsigned-commit',
    help: 'sign every commit (git config commit.gpgsign true) with a key listed in source.signers',
  },
  bad: { rule: 'source/bad-signature', help: 'the commit or its signature was altered: rebuild it from a trusted copy and re-sign it' },
  untrusted: {
    rule: 'source/untrusted-signer',
    help: 'sign with a key listed in source.signers, or add the signer to the policy through review',
  },
  'expired-key': { rule: 'source/expired-key', help: 'extend the key or re-sign the commits with a current key listed in the policy' },
  'expired-signature': { rule: 'source/expired-key', help: 're-sign the commits with a current key' },
  'revoked-key': {
    rule: 'source/revoked-key',
    help: 'a revoked key signed this commit: find out why it was revoked before trusting the change',
  },
  'email-mismatch': {
    rule: 'source/committer-mismatch',
    help: 'the committer e-mail must be the signer’s own (source.signers[].email or the key’s user id)',
  },
  'cannot-check': { rule: 'source/could-not-verify', help: 'give the step what it needs to check this signature' },
};

/** What a group of commits with one signature status has in common, for "N commits …". */
const GROUP_PHRASE: Record<Exclude<SignatureStatus, 'good'>, string> = {
  unsigned: 'not signed',
  untrusted: 'not signed by a policy signer',
  bad: 'with a signature that does not match the commit',
  'expired-key': 'signed with an expired key',
  'expired-signature': 'with an expired signature',
  'revoked-key': 'signed with a revoked key',
  'email-mismatch': "signed by a policy signer for someone else's committer e-mail",
  'cannot-check': 'whose signature could not be checked',
};

const describeCommit = (s: CommitSignature): string => `${s.sha.slice(0, 12)} (${s.subject.slice(0, 60)})`;

/**
 * One finding per cause, not per commit: "182 commits not signed: first …, last …", with every commit
 * listed in the finding's properties (the --json output), so a long history reads in one screen.
 */
export function groupSignatureFindings(bad: readonly CommitSignature[]): Finding[] {
  const groups = new Map<Exclude<SignatureStatus, 'good'>, CommitSignature[]>();
  for (const s of bad) {
    const status = s.status as Exclude<SignatureStatus, 'good'>;
    groups.set(status, [...(groups.get(status) ?? []), s]);
  }
  return [...groups].map(([status, list]) => {
    const r = SIGNATURE_RULE[status];
    const severity = status === 'cannot-check' || status === 'unsigned' ? 'high' : 'critical';
    const one = list[0] as CommitSignature;
    if (list.length === 1) {
      return {
        rule: r.rule,
        severity,
        blocking: true,
        message: `commit ${describeCommit(one)}: ${one.message}`,
        help: r.help,
        properties: { commit: one.sha, status, format: one.format, ...(one.key ? { key: one.key } : {}) },
      };
    }
    // The range is newest first: the first offending commit in history is the last in the list.
    const first = list[list.length - 1] as CommitSignature;
    return {
      rule: r.rule,
      severity,
      blocking: true,
      message: `${list.length} commits ${GROUP_PHRASE[status]}: first ${describeCommit(first)}, last ${describeCommit(one)}; all listed in the JSON report`,
      help: r.help,
      properties: { status, count: list.length, commits: list.map((s) => s.sha), formats: [...new Set(list.map((s) => s.format))] },
    };
  });
}

/** Unexpired rule-scoped exceptions of the policy waive matching findings (they stay in the report). */
function applyExceptions(findings: Finding[], policy: Policy, now: Date): Finding[] {
  return findings.map((f) => {
    const x = policy.exceptions.find(
      (e) => e.rule === f.rule && e.advisory === undefined && e.package === undefined && !isExpired(e.expires, now),
    );
    return x ? { ...f, blocking: false, waived: { reason: x.reason, approver: x.approver, expires: x.expires } } : f;
  });
}

const ICON: Record<EvidenceCheck['result'], string> = {
  passed: '✅',
  failed: '❌',
  'not-verified': '⚠️ could not verify',
  'not-required': '⚪ not required',
};

export async function verifySource(opts: VerifySourceOptions): Promise<VerifySourceResult> {
  const { policy, logger } = opts;
  const sc = policy.sourceCheck;
  const now = opts.now ?? new Date();
  const findings: Finding[] = [];
  const checks: EvidenceCheck[] = [];

  // 1. commit identity (no commits, not a repository: ConfigurationError from here)
  const identity = await checkCommitIdentity({ repo: opts.repo, expectedSha: opts.expectedSha, logger });
  const head = identity.head;
  if (opts.expectedSha && opts.expectedSha !== head) {
    findings.push({
      rule: 'source/commit-identity',
      severity: 'critical',
      blocking: true,
      message: `HEAD is ${head}, not the expected commit ${opts.expectedSha}`,
      help: 'check out the commit the workflow was triggered for',
    });
  }
  if (!identity.clean) {
    findings.push({
      rule: 'source/dirty-tree',
      severity: 'high',
      blocking: true,
      message: identity.problems.find((p) => p.includes('uncommitted')) ?? 'the work tree has uncommitted changes',
      help: 'build from a clean checkout: earlier steps must not modify tracked files or leave new files (the factory’s own .secure-factory/ and secure-factory*.sarif do not count)',
      properties: { paths: identity.dirty },
    });
  }
  checks.push({
    check: 'HEAD is the expected commit',
    result: opts.expectedSha ? (opts.expectedSha === head ? 'passed' : 'failed') : 'not-verified',
    detail: opts.expectedSha ? `HEAD ${head}` : `HEAD ${head}; no expected SHA was given`,
  });
  checks.push({
    check: 'clean work tree',
    result: identity.clean ? 'passed' : 'failed',
    detail: identity.clean
      ? 'no uncommitted changes'
      : `${identity.dirty.length} changed path(s): ${identity.dirty.slice(0, 5).join(', ')}${identity.dirty.length > 5 ? ', …' : ''}`,
  });

  const client = opts.githubClient ?? (opts.github ? createGitHubClient(opts.github) : undefined);
  const eventRef = opts.github?.ref ?? opts.ref;

  // 2. signatures over the range
  let range: CommitRange | undefined;
  let signatures: CommitSignature[] = [];
  let signedHistory = false;
  if (sc.signedCommits === 'none') {
    checks.push({ check: 'signed commits', result: 'not-required', detail: 'source.signed-commits is none' });
  } else {
    range =
      sc.signedCommits === 'head'
        ? { commits: [head], description: 'HEAD only', complete: true, gaps: [], deepened: [] }
        : await resolveRange({
            repo: opts.repo,
            head,
            // The event decides the default range: a tag is checked since the previous release tag, a
            // push since its `before`, a pull request since its base; source.since overrides them all.
            range: sc.range === 'base-branch' && eventRef?.startsWith('refs/tags/') ? 'last-tag' : sc.range,
            since: sc.since,
            ref: eventRef,
            base: opts.base,
            logger,
          });
    for (const gap of range.gaps) {
      findings.push({
        rule: 'source/could-not-verify',
        severity: 'high',
        blocking: true,
        message: `could not verify the whole range (${range.description}): ${gap}`,
        help: 'fetch the whole history (actions/checkout fetch-depth: 0), or start the check later: source.since: <the first signed release tag>',
      });
    }
    const keyring = await prepareKeyring(sc.signers, { baseDir: opts.repo });
    const noSigners = sc.signers.length === 0;
    try {
      findings.push(...keyring.findings);
      const objects = await readCommits(opts.repo, range.commits);
      if (objects.length !== range.commits.length) {
        range = { ...range, complete: false };
        findings.push({
          rule: 'source/could-not-verify',
          severity: 'high',
          blocking: true,
          message: `could not read ${range.commits.length - objects.length} of the ${range.commits.length} commits in the range`,
          help: 'fetch the full history (actions/checkout fetch-depth: 0)',
        });
      }
      if (noSigners) {
        // Nothing can be trusted, so nothing is verified one commit at a time: one finding says why.
        findings.push({
          rule: 'source/signer-policy',
          severity: 'critical',
          blocking: true,
          message: `the policy lists no signers (source.signers), so none of the ${objects.length} commit(s) in the range (${range.description}) can be trusted`,
          help: 'list the allowed signers (ssh, gpg/gpg-key or x509 with an email) in .github/secure-factory.yml, or set source.signed-commits: none',
        });
      } else signatures = await verifySignatures({ repo: opts.repo, commits: objects, keyring, github: client, logger });
    } finally {
      await keyring.dispose();
    }
    const bad = signatures.filter((s) => s.status !== 'good');
    findings.push(...groupSignatureFindings(bad));
    signedHistory = !noSigners && bad.length === 0 && range.complete && signatures.length > 0 && keyring.findings.length === 0;
    const unbound = signatures.filter((s) => s.status === 'good' && s.emailBound === false).length;
    checks.push({
      check: sc.signedCommits === 'head' ? 'HEAD is signed' : `signed commits (${range.description})`,
      result: noSigners || bad.length > 0 ? 'failed' : range.complete ? 'passed' : 'not-verified',
      detail: noSigners
        ? `not checked: the policy lists no signers (${range.commits.length} commit(s) in the range)`
        : `${signatures.length - bad.length} of ${signatures.length} commits signed by policy signers` +
          (range.deepened.length ? `; deepened the clone (${range.deepened.length} fetch(es))` : '') +
          (unbound ? `; ${unbound} signed by a signer without an e-mail, so the committer e-mail was not bound` : ''),
    });
  }

  // 3. review and protection evidence
  let review: ReviewEvidence | undefined;
  const needsGitHub = sc.reviews.approvals > 0 || sc.reviews.codeowners || sc.branchProtection;
  if (client) {
    // GitHub's test merge (pull_request checkouts) stands for its PR-side parent, when it adds no content.
    const [headObject] = await readCommits(opts.repo, [head]);
    const headAliases =
      headObject && isWebFlowCommit(headObject) && (await isContentNeutralMerge(opts.repo, headObject)) ? headObject.parents.slice(1) : [];
    review = await checkReviewEvidence({
      client,
      repo: opts.repo,
      head,
      ref: opts.github?.ref,
      baseRef: opts.github?.baseRef,
      pullNumber: opts.github?.pullNumber,
      headAliases,
      policy: sc,
      logger,
    });
    findings.push(...review.findings);
    checks.push(...review.checks);
  } else {
    const what = [
      sc.reviews.approvals > 0 ? 'review' : '',
      sc.reviews.codeowners ? 'CODEOWNERS approval' : '',
      sc.branchProtection ? 'branch protection' : '',
    ]
      .filter(Boolean)
      .join(', ');
    checks.push({
      check: 'review and branch protection',
      result: needsGitHub ? 'not-verified' : 'not-required',
      detail: needsGitHub ? `no GitHub API access: ${what} not checked` : 'not required by the policy',
    });
    if (needsGitHub) {
      findings.push({
        rule: 'source/could-not-verify',
        severity: 'high',
        blocking: true,
        message: `could not verify ${what}: no GitHub API access (no token or repository given)`,
        help: 'give the step a token (checkout-verify input token; CLI --token with --repository), or set source.reviews.approvals: 0 and source.branch-protection: false',
      });
    }
  }

  // 4. the workflow audit
  let workflowFiles: string[] = [];
  const audit = opts.auditWorkflows ?? sc.workflows.audit;
  if (audit) {
    const auditor = opts.auditor ?? auditWorkflows;
    // The change under review must not silence its own audit: zizmor.yml and `# zizmor: ignore[...]`
    // comments count only as they are in the base revision (the same trusted revision as the policy);
    // without a base, none does. Honoured and refused suppressions are reported in the check.
    const r = await auditor({
      root: opts.repo,
      ignore: sc.workflows.ignore,
      suppressions: opts.base && !/^0+$/.test(opts.base) ? { trustedRevision: opts.base } : 'none',
      ...(opts.publicRepository !== undefined ? { publicRepository: opts.publicRepository } : {}),
      logger,
    });
    workflowFiles = r.files;
    const rank = { low: 0, medium: 1, high: 2 };
    const confidence = (f: Finding): number => rank[(f.properties?.confidence as keyof typeof rank | undefined) ?? 'high'] ?? 2;
    // --min-severity/--min-confidence never hide a finding that blocks.
    const audited = r.findings
      .map((f) => ({ ...f, blocking: atLeast(f.severity, sc.workflows.blockSeverity) }))
      .filter(
        (f) =>
          f.blocking ||
          ((opts.minSeverity === undefined || atLeast(f.severity, opts.minSeverity)) &&
            (opts.minConfidence === undefined || confidence(f) >= rank[opts.minConfidence])),
      );
    findings.push(...audited);
    const blocking = audited.filter((f) => f.blocking).length;
    checks.push({
      check: 'workflow audit',
      result: blocking ? 'failed' : 'passed',
      detail: `${r.files.length} file(s), ${audited.length} finding(s), ${blocking} at or above ${sc.workflows.blockSeverity}; ${r.suppressed?.length ?? 0} suppressed by the base revision, ${r.refused?.length ?? 0} suppression(s) refused (not in the base revision)`,
    });
  } else checks.push({ check: 'workflow audit', result: 'not-required', detail: 'turned off' });

  // A policy that trusts nobody explains every other signature finding: it is read first.
  const all = applyExceptions(findings, policy, now).sort(
    (a, b) => Number(b.rule === 'source/signer-policy') - Number(a.rule === 'source/signer-policy') || compareFindings(a, b),
  );
  const ok = !all.some((f) => f.blocking === true);
  const level = sourceLevel({
    identity: identity.clean && (!opts.expectedSha || opts.expectedSha === head),
    signedHistory: sc.signedCommits === 'all' && signedHistory,
    branchProtection: review?.proven.branchProtection ?? false,
    reviewEnforced: review?.proven.reviewEnforced ?? false,
    independentApproval: review?.proven.independentApproval ?? false,
    codeowners: !sc.reviews.codeowners || (review?.proven.codeowners ?? false),
  });

  let vsaPath: string | undefined;
  let resourceUri: string | undefined;
  if (opts.evidenceDir !== undefined) {
    const res = await resourceFor({ repo: opts.repo, head, github: opts.github ?? opts.repository, ref: opts.github?.ref ?? opts.ref });
    resourceUri = res.resourceUri;
    const statement = sourceVsa({ repoUri: res.repoUri, resourceUri: res.resourceUri, head, policy, passed: ok, level, now });
    vsaPath = await new EvidenceFolder(opts.evidenceDir).write(SOURCE_VSA_NAME, statement);
    // The workflows' least-privilege posture at this commit: the rescan's baseline for drift (docs/portfolio.md).
    const posture = await workflowPosture(opts.repo);
    await new EvidenceFolder(opts.evidenceDir).write(WORKFLOW_POSTURE_NAME, postureStatement({ repoUri: res.repoUri, head, posture, now }));
  }
  const summary = renderSummary({ ok, head, level, checks, signatures, findings: all, policy, resourceUri, vsaPath, review });
  return {
    ok,
    head,
    findings: all,
    level,
    levelName: levelName(level),
    ...(vsaPath ? { vsaPath } : {}),
    summary,
    checks,
    ...(range ? { range } : {}),
    signatures,
    ...(review ? { review } : {}),
    workflowFiles,
  };
}

function renderSummary(r: {
  ok: boolean;
  head: string;
  level: number;
  checks: EvidenceCheck[];
  signatures: CommitSignature[];
  findings: Finding[];
  policy: Policy;
  resourceUri: string | undefined;
  vsaPath: string | undefined;
  review: ReviewEvidence | undefined;
}): string {
  const lines = [
    `### secure-factory source: ${r.ok ? 'verified ✅' : 'refused ❌'} · ${code(levelName(r.level))}`,
    '',
    `Commit ${code(r.head)}${r.resourceUri ? ` · ${code(r.resourceUri)}` : ''} · policy ${code(r.policy.source.file)} sha256:${r.policy.source.sha256.slice(0, 12)}…`,
    '',
    table(
      ['check', 'result', 'detail'],
      // Narrow: a long detail is cut here; the --json report and the findings carry it whole.
      r.checks.map((c) => [md(c.check), ICON[c.result], md(c.detail.length > 200 ? `${c.detail.slice(0, 199)}…` : c.detail)]),
    ),
  ];
  const notVerified = r.checks.filter((c) => c.result === 'not-verified');
  if (notVerified.length > 0) {
    lines.push('', '**Could not verify:**', '', ...notVerified.map((c) => `- ${md(c.check)}: ${md(c.detail)}`));
  }
  if (r.signatures.length > 0) {
    const shown = r.signatures.slice(0, 30);
    lines.push(
      '',
      `<details><summary>Signatures (${r.signatures.length} commit(s))</summary>`,
      '',
      table(
        ['commit', 'subject', 'format', 'result'],
        shown.map((s) => [
          code(s.sha.slice(0, 12)),
          md(s.subject.slice(0, 72)),
          s.format,
          `${s.status === 'good' ? '✅' : '❌'} ${md(s.message)}`,
        ]),
      ),
      r.signatures.length > shown.length ? `\n_…and ${r.signatures.length - shown.length} more._` : '',
      '',
      '</details>',
    );
  }
  lines.push('', findingsTable(r.findings));
  if (r.vsaPath) lines.push('', `Source VSA: ${code(path.basename(r.vsaPath))}`);
  return lines.join('\n');
}
