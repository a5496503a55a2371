import * as core from '@actions/core';
import { coreLogger, writeSummary } from '@secure-factory/action-runtime';
import { PolicyViolation } from '@secure-factory/core';
import { checkCommitIdentity } from '@secure-factory/source';
import type { RunInputs } from './inputs.js';

export async function run(inputs: RunInputs): Promise<void> {
  const logger = coreLogger();
  const identity = await checkCommitIdentity({ repo: inputs.path, expectedSha: inputs.expectedSha, logger });
  await writeSummary(identity.summary);
  core.setOutput('verified', String(identity.ok));
  if (!identity.ok) throw new PolicyViolation(identity.problems.join('; '));
}
