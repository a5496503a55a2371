import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerAttest(program: Command): Command {
  return program
    .command('attest')
    .description('Sign every statement in the evidence folder into Sigstore bundles')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory attest` is not available in this build yet'))),
    );
}
