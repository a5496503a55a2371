import { getBooleanInput, getListInput, getOptionalInput } from '@secure-factory/action-runtime';
import { ConfigurationError, policyFileInput, readEventPayload } from '@secure-factory/core';
import { parseLockfileArgument, type ExplicitLockfile, type ReviewConfig, type Scope } from '@secure-factory/materials';

/** Pull-request mode: the change under review and dependency-review-action's inputs of the same meaning. */
export interface ReviewInputs {
  base: string;
  head: string | undefined;
  /** The pull request to comment on (from the event), when there is one. */
  pullRequest: number | undefined;
  config: ReviewConfig;
  comment: 'always' | 'on-failure' | 'never';
}

export interface RunInputs {
  /** Folder, lockfile or SBOM, relative to the workspace. */
  path: string;
  /** Undefined: the repository's policy at the default path, or the safe defaults when it has none. */
  policy: string | undefined;
  evidence: string;
  /** Offline OSV database (folder or all.zip files); undefined means the online API. */
  osvDatabase: string | undefined;
  osvApiUrl: string;
  sarif: string;
  cache: boolean;
  workspace: string;
  /** Rescan mode: evidence folders (or folders holding them) with the gate's deployment records. */
  rescan: string[];
  /** Rescan mode: where remediations.json is kept. */
  rescanState: string | undefined;
  /** Rescan mode: the default branch's checkout, for least-privilege drift since the last admitted release. */
  rescanWorkflows: string | undefined;
  /** Rescan mode: `keyless` signs every state change of the clock (OIDC + Fulcio) with a TSA timestamp. */
  rescanClock: 'keyless' | undefined;
  rescanTsaUrl: string | undefined;
  rescanClockIdentity: string | undefined;
  rescanFulcioUrl: string | undefined;
  rescanTrustedRoot: string | undefined;
  githubIssues: boolean;
  githubToken: string | undefined;
  rebuild: boolean;
  /** Rescan mode: remediation pull requests (packages/rescan fix-pr.ts). */
  fixPrs: boolean;
  /** Lockfiles with other names (`FORMAT:PATH`, one a line). */
  lockfiles: ExplicitLockfile[];
  /** Set in pull-request mode (a base-ref input, or a pull_request event). */
  review: ReviewInputs | undefined;
}

interface PullRequestEvent {
  pull_request?: { number?: number; base?: { sha?: string }; head?: { sha?: string } };
}

function pullRequestEvent(): PullRequestEvent['pull_request'] {
  const name = process.env.GITHUB_EVENT_NAME ?? '';
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file || !['pull_request', 'pull_request_target', 'merge_group'].includes(name)) return undefined;
  return (readEventPayload(file) as PullRequestEvent | undefined)?.pull_request;
}

const SEVERITY = { critical: 'critical', high: 'high', moderate: 'medium', low: 'low' } as const;

function readReview(): ReviewInputs | undefined {
  const event = pullRequestEvent();
  const base = getOptionalInput('base-ref') ?? event?.base?.sha;
  if (!base) return undefined;
  // On a pull_request event actions/checkout checks out GitHub's merge commit (GITHUB_SHA), whose
  // tree is the base plus the PR's changes: that working tree is the head to review. The PR's own head
  // commit is the default only when it is what was checked out (or the workflow checked it out).
  const eventHead = event?.head?.sha && event.head.sha === process.env.GITHUB_SHA ? event.head.sha : undefined;
  const head = getOptionalInput('head-ref') ?? eventHead;
  const severity = getOptionalInput('fail-on-severity');
  if (severity !== undefined && !(severity in SEVERITY))
    throw new ConfigurationError(`input fail-on-severity: ${JSON.stringify(severity)} is not one of critical, high, moderate, low`);
  const scopes = getListInput('fail-on-scopes');
  for (const s of scopes)
    if (!['runtime', 'development', 'unknown'].includes(s))
      throw new ConfigurationError(`input fail-on-scopes: ${JSON.stringify(s)} is not one of runtime, development, unknown`);
  const allow = getListInput('allow-licenses');
  const deny = getListInput('deny-licenses');
  if (allow.length > 0 && deny.length > 0)
    throw new ConfigurationError('inputs allow-licenses and deny-licenses cannot both be set (as in dependency-review-action)');
  const commentRaw = getOptionalInput('comment-summary-in-pr') ?? 'never';
  const comment = commentRaw === 'true' ? 'always' : commentRaw === 'false' ? 'never' : commentRaw;
  if (comment !== 'always' && comment !== 'on-failure' && comment !== 'never')
    throw new ConfigurationError(
      `input comment-summary-in-pr: ${JSON.stringify(commentRaw)} is not one of always, on-failure, never, true, false`,
    );
  return {
    base,
    head,
    pullRequest: typeof event?.number === 'number' ? event.number : undefined,
    comment,
    config: {
      failOnSeverity: severity !== undefined ? SEVERITY[severity as keyof typeof SEVERITY] : undefined,
      failOnScopes: (scopes.length > 0 ? scopes : ['runtime', 'unknown']) as Scope[],
      ...(allow.length > 0 ? { allowLicenses: allow } : {}),
      ...(deny.length > 0 ? { denyLicenses: deny } : {}),
      allowGhsas: getListInput('allow-ghsas'),
      denyPackages: getListInput('deny-packages'),
      warnOnly: getBooleanInput('warn-only', false),
    },
  };
}

function clockInput(v: string | undefined): 'keyless' | undefined {
  if (v === undefined || v === 'local') return undefined;
  if (v === 'keyless') return 'keyless';
  throw new ConfigurationError(`rescan-clock must be keyless or local, not "${v}"`, {
    hint: 'keyless signs each state change with the job OIDC identity and a TSA timestamp (needs id-token: write)',
  });
}

export function readInputs(): RunInputs {
  const policy = getOptionalInput('policy');
  return {
    path: getOptionalInput('path') ?? '.',
    policy: policyFileInput(policy),
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    osvDatabase: getOptionalInput('osv-database'),
    osvApiUrl: getOptionalInput('osv-api-url') ?? 'https://api.osv.dev',
    sarif: getOptionalInput('sarif') ?? 'secure-factory-materials.sarif',
    cache: getBooleanInput('cache', true),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    rescan: getListInput('rescan'),
    rescanState: getOptionalInput('rescan-state'),
    rescanWorkflows: getOptionalInput('rescan-workflows'),
    rescanClock: clockInput(getOptionalInput('rescan-clock')),
    rescanTsaUrl: getOptionalInput('rescan-tsa-url'),
    rescanClockIdentity: getOptionalInput('rescan-clock-identity'),
    rescanFulcioUrl: getOptionalInput('rescan-fulcio-url'),
    rescanTrustedRoot: getOptionalInput('rescan-trusted-root'),
    githubIssues: getBooleanInput('github-issues', false),
    githubToken: getOptionalInput('github-token'),
    rebuild: getBooleanInput('rebuild', false),
    fixPrs: getBooleanInput('fix-prs', false),
    lockfiles: getListInput('lockfiles').map(parseLockfileArgument),
    review: readReview(),
  };
}
