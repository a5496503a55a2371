import type { Command } from 'commander';
import { EXIT } from '@secure-factory/core';
import { checkCommitIdentity } from '@secure-factory/source';
import { execute, type CommonOptions } from '../context.js';

interface SourceOptions extends CommonOptions {
  expectedSha?: string;
}

export function registerSource(program: Command): Command {
  return program
    .command('source')
    .description('Verify the source: commit identity, signatures, review, protection; write a source VSA')
    .argument('[repo]', 'path of the git repository', '.')
    .option('--expected-sha <sha>', 'the commit HEAD must be (full SHA)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (repo: string, opts: SourceOptions) =>
      execute(opts, async ({ logger }) => {
        const identity = await checkCommitIdentity({ repo, expectedSha: opts.expectedSha, logger });
        logger.info(`HEAD ${identity.head}: ${identity.ok ? 'identity verified' : identity.problems.join('; ')}`);
        return {
          exitCode: identity.ok ? EXIT.passed : EXIT.failed,
          json: {
            head: identity.head,
            expected: identity.expected ?? null,
            clean: identity.clean,
            shallow: identity.shallow,
            ok: identity.ok,
            problems: identity.problems,
          },
        };
      }),
    );
}
