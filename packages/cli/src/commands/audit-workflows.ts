import type { Command } from 'commander';
import { InfrastructureError } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';

export function registerAuditWorkflows(program: Command): Command {
  return program
    .command('audit-workflows')
    .description('Audit GitHub Actions workflows and actions for injection, pinning and permission problems')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (opts: CommonOptions) =>
      execute(opts, () => Promise.reject(new InfrastructureError('`secure-factory audit-workflows` is not available in this build yet'))),
    );
}
