import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerBuild(program: Command): Command {
  return program
    .command('build')
    .description('Run a build isolated and write SLSA provenance for its outputs')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory build` is not available in this build yet'))),
    );
}
