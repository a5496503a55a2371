import type { Command } from 'commander';
import { runFactory } from '../factory-run.js';
import { ConfigurationError, printErr } from '@secure-factory/core';
import { execute, type CommonOptions } from '../context.js';
import { openVulnSource } from '../vuln-source.js';

interface RunCliOptions extends CommonOptions {
  environment: string;
  policy?: string;
  osvDb?: string;
  osvApi: string;
  offline?: boolean;
  build?: string;
  outputs: string[];
  test?: string;
  fetch?: string;
  network?: string;
  imageName?: string;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function registerRun(program: Command): Command {
  return program
    .command('run')
    .description('Run the whole factory on a directory with embedded defaults (ephemeral key, local evidence)')
    .argument('[dir]', 'the project directory', '.')
    .option('--environment <name>', 'the deploy environment whose policy the gate applies', 'production')
    .option('--policy <file>', 'policy file (default: DIR/.github/secure-factory.yml, else the built-in safe defaults)')
    .option('--osv-db <path>', 'offline OSV database: a folder of OSV JSON records or osv.dev all.zip files')
    .option('--osv-api <url>', 'OSV API base URL', 'https://api.osv.dev')
    .option(
      '--offline',
      'no OSV API and no dependency fetch (requires --osv-db); registries named by --image-name or materials.images.trust are still read',
    )
    .option('--build <cmd>', 'build command (default: the "build" script of DIR/package.json)')
    .option(
      '--outputs <glob>',
      'output globs, relative to the project, e.g. "dist/**" (repeatable; default every file the build wrote)',
      collect,
      [],
    )
    .option('--test <cmd>', 'test command (default: the "test" script of DIR/package.json)')
    .option(
      '--fetch <cmd>',
      "command that restores the dependencies from the lockfile before the build (default: npm ci, pnpm/yarn/bun's frozen install or cargo fetch --locked when the lockfile is there and nothing is installed; '' for none)",
    )
    .option(
      '--network <mode>',
      "the fetch's network: fetch-only (egress proxy to the lockfiles' registries) or none (default: the policy's; with the built-in defaults fetch-only when there is a fetch, none with --offline)",
    )
    .option(
      '--image-name <registry/name>',
      'the build writes an OCI image layout: name its image registry/name, push it with its attestations to that registry (docker config credentials) and admit it by reference (registry/name@sha256:…)',
    )
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .addHelpText('after', '\nExit codes: 0 admitted, 1 refused, 2 bad input, 3 infrastructure.')
    .action(async (dir: string, opts: RunCliOptions) =>
      execute(opts, async ({ logger }) => {
        const r = await runFactory({
          dir,
          environment: opts.environment,
          policyFile: opts.policy,
          vulnSource: (policy) => openVulnSource(opts, policy, logger),
          build: opts.build,
          outputs: opts.outputs,
          test: opts.test,
          fetch: opts.fetch,
          network: networkOption(opts.network),
          offline: opts.offline === true,
          imageName: opts.imageName,
          logger,
        });
        printErr(`\n${r.report}`);
        return {
          exitCode: r.exitCode,
          json: {
            admitted: r.admitted,
            failedStage: r.failedStage ?? null,
            stages: r.stages,
            subjects: r.subjects,
            evidence: r.evidenceDir,
            decision: r.decisionPath ?? null,
            vsa: r.vsaPath ?? null,
          },
        };
      }),
    );
}

function networkOption(value: string | undefined): 'none' | 'fetch-only' | undefined {
  if (value === undefined) return undefined;
  if (value === 'none' || value === 'fetch-only') return value;
  throw new ConfigurationError(`--network "${value}": allowed values are none, fetch-only`);
}
