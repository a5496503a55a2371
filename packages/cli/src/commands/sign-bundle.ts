import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerSignBundle(program: Command): Command {
  return program
    .command('sign-bundle')
    .description('Sign a file into a Sigstore bundle (Sigstore conformance CLI protocol)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory sign-bundle` is not available in this build yet'))),
    );
}
