import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerRescan(program: Command): Command {
  return program
    .command('rescan')
    .description('Rescan deployed digests against a fresh vulnerability database')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory rescan` is not available in this build yet'))),
    );
}
