import { readFileSync } from 'node:fs';
import { getBooleanInput, getOptionalInput } from '@secure-factory/action-runtime';
import { ConfigurationError, policyFileInput } from '@secure-factory/core';

export interface RunInputs {
  path: string;
  expectedSha: string | undefined;
  /** Undefined: the repository's own policy file, or the safe defaults when it has none. */
  policy: string | undefined;
  evidence: string;
  token: string | undefined;
  auditWorkflows: boolean;
  sarif: string;
  /** The runner's context (environment and event payload), read here and nowhere else. */
  context: {
    workspace: string;
    repository: string | undefined;
    apiUrl: string | undefined;
    serverUrl: string | undefined;
    ref: string | undefined;
    /** Pull requests: the base branch. */
    baseRef: string | undefined;
    /** The base commit of the change: the pull request's base SHA, or a push's `before`. */
    base: string | undefined;
    /** The pull request of a pull_request event. */
    pullNumber: number | undefined;
    publicRepository: boolean | undefined;
  };
}

interface EventPayload {
  before?: unknown;
  pull_request?: { number?: unknown; base?: { sha?: unknown; ref?: unknown } };
  repository?: { private?: unknown };
}

function readEvent(): EventPayload {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return {};
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof v === 'object' && v !== null ? v : {};
  } catch {
    return {};
  }
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const env = (name: string): string | undefined => process.env[name] || undefined;

export function readInputs(): RunInputs {
  const expectedSha = getOptionalInput('expected-sha');
  if (expectedSha !== undefined && !SHA.test(expectedSha)) {
    throw new ConfigurationError(`input "expected-sha" is "${expectedSha}"; it must be a full lower-case commit SHA`);
  }
  const policy = getOptionalInput('policy');
  const event = readEvent();
  const prBase = event.pull_request?.base;
  const base = typeof prBase?.sha === 'string' ? prBase.sha : typeof event.before === 'string' ? event.before : undefined;
  const baseRef = typeof prBase?.ref === 'string' ? prBase.ref : env('GITHUB_BASE_REF');
  return {
    path: getOptionalInput('path') ?? '.',
    expectedSha,
    policy: policyFileInput(policy),
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    token: getOptionalInput('token'),
    auditWorkflows: getBooleanInput('audit-workflows', true),
    sarif: getOptionalInput('sarif') ?? 'secure-factory-source.sarif',
    context: {
      workspace: env('GITHUB_WORKSPACE') ?? process.cwd(),
      repository: env('GITHUB_REPOSITORY'),
      apiUrl: env('GITHUB_API_URL'),
      serverUrl: env('GITHUB_SERVER_URL'),
      ref: env('GITHUB_REF'),
      baseRef,
      // An all-zero `before` (a new branch) names no commit.
      base: base !== undefined && SHA.test(base) && !/^0+$/.test(base) ? base : undefined,
      pullNumber: typeof event.pull_request?.number === 'number' ? event.pull_request.number : undefined,
      publicRepository: typeof event.repository?.private === 'boolean' ? !event.repository.private : undefined,
    },
  };
}
