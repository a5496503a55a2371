import { getOptionalInput } from '@secure-factory/action-runtime';

export interface RunInputs {
  evidence: string;
  policy: string;
  required: string | undefined;
}

export function readInputs(): RunInputs {
  return {
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    policy: getOptionalInput('policy') ?? '.github/secure-factory.yml',
    required: undefined,
  };
}
