/**
 * `secure-factory <verb>`: the same stages as the actions, on any machine or CI. commander parses the
 * arguments; usage errors exit 2 per the CLI contract.
 */
import { Command, CommanderError } from 'commander';
import { printErr, printOut, TOOL_VERSION } from '@secure-factory/core';
import { reportFailure } from './context.js';

type Register = (program: Command) => Command;

/**
 * Each verb's module is imported only when that verb runs: a verb pulls in only its own stage
 * packages (verify-bundle does not load the build sandbox), which keeps start-up short for scripts
 * that call the CLI many times. `--help` and unknown verbs load them all.
 */
const VERBS: Record<string, () => Promise<Register>> = {
  source: async () => (await import('./commands/source.js')).registerSource,
  'audit-workflows': async () => (await import('./commands/audit-workflows.js')).registerAuditWorkflows,
  scan: async () => (await import('./commands/scan.js')).registerScan,
  build: async () => (await import('./commands/build.js')).registerBuild,
  attest: async () => (await import('./commands/attest.js')).registerAttest,
  gate: async () => (await import('./commands/gate.js')).registerGate,
  run: async () => (await import('./commands/run.js')).registerRun,
  rescan: async () => (await import('./commands/rescan.js')).registerRescan,
  'verify-bundle': async () => (await import('./commands/verify-bundle.js')).registerVerifyBundle,
  'sign-bundle': async () => (await import('./commands/sign-bundle.js')).registerSignBundle,
  'verify-artifact': async () => (await import('./commands/verify-artifact.js')).registerVerifyArtifact,
  'verify-attestation': async () => (await import('./commands/verify-attestation.js')).registerVerifyAttestation,
};

export async function program(verb?: string): Promise<Command> {
  const p = new Command('secure-factory')
    .description(
      'A secure software supply chain: verify the source, scan the materials, build in isolation, sign the evidence, gate the deployment.',
    )
    .version(TOOL_VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => printErr(s), writeOut: (s) => printOut(s) });
  p.addHelpText(
    'after',
    `
Exit codes: 0 passed, 1 policy or verification failure, 2 usage or input error, 3 infrastructure error.
Every verb prints a human report on stderr and, with --json, a machine-readable result on stdout.`,
  );
  const load = verb !== undefined && Object.hasOwn(VERBS, verb) ? [VERBS[verb] as () => Promise<Register>] : Object.values(VERBS);
  for (const register of await Promise.all(load.map((l) => l()))) register(p).exitOverride();
  return p;
}

export async function main(argv: string[]): Promise<void> {
  const p = await program(argv[2]);
  try {
    await p.parseAsync(argv);
  } catch (e: unknown) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    // An option's own parser (-L FORMAT:PATH, durations, digests …) throws while commander parses, before
    // any verb's execute() runs: report it as every verb reports its failures (exit 2 for an input error,
    // the message through the output chokepoint), never as an uncaught exception with a stack and exit 1.
    reportFailure(e, { json: argv.includes('--json'), verbose: argv.includes('--verbose') });
  }
}
