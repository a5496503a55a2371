import { getBooleanInput, getOptionalInput } from '@secure-factory/action-runtime';
import { ConfigurationError, policyFileInput, readEventPayload } from '@secure-factory/core';

export interface RunInputs {
  path: string;
  expectedSha: string | undefined;
  /** Undefined: the repository's own policy file, or the safe defaults when it has none. */
  policy: string | undefined;
  evidence: string;
  token: string | undefined;
  auditWorkflows: boolean;
  /** Workflow audit findings below these are hidden, unless they block (zizmor's --min-severity/--min-confidence). */
  minSeverity: 'info' | 'low' | 'medium' | 'high' | undefined;
  minConfidence: 'low' | 'medium' | 'high' | undefined;
  sarif: string;
  /** The runner's context (environment and event payload), read here and nowhere else. */
  context: {
    workspace: string;
    repository: string | undefined;
    apiUrl: string | undefined;
    serverUrl: string | undefined;
    /** The ref being verified: the `ref` input, else GITHUB_REF (refs/tags/v1.2.3, refs/heads/main, refs/pull/7/merge). */
    ref: string | undefined;
    /**
     * The protected branch whose rules and reviews the change answers to: the `base-ref` input, else a
     * pull request's base, else for a tag the repository's default branch (a release is cut from it).
     */
    baseRef: string | undefined;
    /** The base commit of the change: the pull request's base SHA, or a push's `before`. */
    base: string | undefined;
    /** The pull request of a pull_request event. */
    pullNumber: number | undefined;
    publicRepository: boolean | undefined;
  };
}

/** An optional input that must be one of the given names (case-insensitive); mapped to its value. */
function oneOf<T extends string>(name: string, values: Record<string, T>): T | undefined {
  const raw = getOptionalInput(name);
  if (raw === undefined) return undefined;
  const v = values[raw.trim().toLowerCase()];
  if (v === undefined)
    throw new ConfigurationError(`input ${name} is ${JSON.stringify(raw)}`, {
      hint: `use one of: ${[...new Set(Object.keys(values))].join(', ')}`,
    });
  return v;
}

interface EventPayload {
  before?: unknown;
  pull_request?: { number?: unknown; base?: { sha?: unknown; ref?: unknown } };
  repository?: { private?: unknown; default_branch?: unknown };
}

function readEvent(): EventPayload {
  return readEventPayload(process.env.GITHUB_EVENT_PATH) ?? {};
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
// A full ref or a branch name; never an option or a revision expression.
const REF = /^(?!-)[^\s~^:?*[\\]+$/;
const env = (name: string): string | undefined => process.env[name] || undefined;

export function readInputs(): RunInputs {
  const expectedSha = getOptionalInput('expected-sha');
  if (expectedSha !== undefined && !SHA.test(expectedSha)) {
    throw new ConfigurationError(`input "expected-sha" is "${expectedSha}"; it must be a full lower-case commit SHA`);
  }
  const policy = getOptionalInput('policy');
  const refInput = getOptionalInput('ref');
  const baseRefInput = getOptionalInput('base-ref');
  for (const [name, v] of [
    ['ref', refInput],
    ['base-ref', baseRefInput],
  ] as const) {
    if (v !== undefined && !REF.test(v))
      throw new ConfigurationError(`input "${name}" is "${v}"; it must be a ref (refs/tags/v1.2.3) or a branch name`);
  }
  const event = readEvent();
  const prBase = event.pull_request?.base;
  const ref = refInput ?? env('GITHUB_REF');
  const isTag = ref?.startsWith('refs/tags/') === true;
  // A tag push's `before` is all zeros (a new ref) and names no range: the range is since the previous release.
  const base = typeof prBase?.sha === 'string' ? prBase.sha : typeof event.before === 'string' && !isTag ? event.before : undefined;
  const defaultBranch = typeof event.repository?.default_branch === 'string' ? event.repository.default_branch : undefined;
  const baseRef =
    baseRefInput ?? (typeof prBase?.ref === 'string' ? prBase.ref : (env('GITHUB_BASE_REF') ?? (isTag ? defaultBranch : undefined)));
  return {
    path: getOptionalInput('path') ?? '.',
    expectedSha,
    policy: policyFileInput(policy),
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    token: getOptionalInput('token'),
    auditWorkflows: getBooleanInput('audit-workflows', true),
    minSeverity: oneOf('min-severity', { informational: 'info', info: 'info', low: 'low', medium: 'medium', high: 'high' }),
    minConfidence: oneOf('min-confidence', { low: 'low', medium: 'medium', high: 'high' }),
    sarif: getOptionalInput('sarif') ?? 'secure-factory-source.sarif',
    context: {
      workspace: env('GITHUB_WORKSPACE') ?? process.cwd(),
      repository: env('GITHUB_REPOSITORY'),
      apiUrl: env('GITHUB_API_URL'),
      serverUrl: env('GITHUB_SERVER_URL'),
      ref,
      baseRef,
      // An all-zero `before` (a new branch) names no commit.
      base: base !== undefined && SHA.test(base) && !/^0+$/.test(base) ? base : undefined,
      pullNumber: typeof event.pull_request?.number === 'number' ? event.pull_request.number : undefined,
      publicRepository: typeof event.repository?.private === 'boolean' ? !event.repository.private : undefined,
    },
  };
}
