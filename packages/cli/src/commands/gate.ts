import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerGate(program: Command): Command {
  return program
    .command('gate')
    .description('Admit artefacts only when signed evidence satisfies the deploy policy')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory gate` is not available in this build yet'))),
    );
}
