import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerRun(program: Command): Command {
  return program
    .command('run')
    .description('Run the whole factory on a directory with embedded defaults')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory run` is not available in this build yet'))),
    );
}
