/**
 * `secure-factory <verb>`: the same stages as the actions, on any machine or CI. commander parses the
 * arguments; usage errors exit 2 per the CLI contract.
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '@secure-factory/core';
import { registerAttest } from './commands/attest.js';
import { registerAuditWorkflows } from './commands/audit-workflows.js';
import { registerBuild } from './commands/build.js';
import { registerGate } from './commands/gate.js';
import { registerRescan } from './commands/rescan.js';
import { registerRun } from './commands/run.js';
import { registerScan } from './commands/scan.js';
import { registerSignBundle } from './commands/sign-bundle.js';
import { registerSource } from './commands/source.js';
import { registerVerifyArtifact } from './commands/verify-artifact.js';
import { registerVerifyBundle } from './commands/verify-bundle.js';

export function program(): Command {
  const p = new Command('secure-factory')
    .description(
      'A secure software supply chain: verify the source, scan the materials, build in isolation, sign the evidence, gate the deployment.',
    )
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  p.addHelpText(
    'after',
    `
Exit codes: 0 passed, 1 policy or verification failure, 2 usage or input error, 3 infrastructure error.
Every verb prints a human report on stderr and, with --json, a machine-readable result on stdout.`,
  );
  for (const register of [
    registerSource,
    registerAuditWorkflows,
    registerScan,
    registerBuild,
    registerAttest,
    registerGate,
    registerRun,
    registerRescan,
    registerVerifyBundle,
    registerSignBundle,
    registerVerifyArtifact,
  ]) {
    const sub = register(p);
    sub.exitOverride();
  }
  return p;
}

export async function main(argv: string[]): Promise<void> {
  const p = program();
  try {
    await p.parseAsync(argv);
  } catch (e: unknown) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    throw e;
  }
}
