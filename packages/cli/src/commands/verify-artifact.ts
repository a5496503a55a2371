import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerVerifyArtifact(program: Command): Command {
  return program
    .command('verify-artifact')
    .description('Verify SLSA provenance for an artefact (slsa-verifier flags)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory verify-artifact` is not available in this build yet'))),
    );
}
