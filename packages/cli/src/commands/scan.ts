import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerScan(program: Command): Command {
  return program
    .command('scan')
    .description('Inventory materials, match OSV advisories, check licences and pins, write SBOMs')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory scan` is not available in this build yet'))),
    );
}
