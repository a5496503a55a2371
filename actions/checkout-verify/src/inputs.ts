import { getBooleanInput, getOptionalInput } from '@secure-factory/action-runtime';
import { ConfigurationError } from '@secure-factory/core';

export interface RunInputs {
  path: string;
  expectedSha: string | undefined;
  policy: string;
  evidence: string;
  token: string | undefined;
  auditWorkflows: boolean;
  sarif: string;
}

export function readInputs(): RunInputs {
  const expectedSha = getOptionalInput('expected-sha');
  if (expectedSha !== undefined && !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(expectedSha)) {
    throw new ConfigurationError(`input "expected-sha" is "${expectedSha}"; it must be a full lower-case commit SHA`);
  }
  return {
    path: getOptionalInput('path') ?? '.',
    expectedSha,
    policy: getOptionalInput('policy') ?? '.github/secure-factory.yml',
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    token: getOptionalInput('token'),
    auditWorkflows: getBooleanInput('audit-workflows', true),
    sarif: getOptionalInput('sarif') ?? 'secure-factory-source.sarif',
  };
}
