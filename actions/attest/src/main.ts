import { InfrastructureError } from '@secure-factory/core';
import type { RunInputs } from './inputs.js';

export function run(inputs: RunInputs): Promise<void> {
  void inputs;
  return Promise.reject(new InfrastructureError('the attest stage is not available in this build yet'));
}
