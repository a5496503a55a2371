import type { Command } from 'commander';
import { EXIT, SafeLineWriter } from '@secure-factory/core';
import { runBuildStage } from '@secure-factory/isolated-build';
import { execute, type CommonOptions } from '../context.js';

interface BuildOptions extends CommonOptions {
  network?: string;
  allowHost?: string[];
  outputs?: string[];
  evidence?: string;
  reproducible?: boolean;
  test?: string;
  fetch?: string;
  timeout?: string;
  source?: string;
  outputDir?: string;
  env?: string[];
  policy?: string;
  cacheDir?: string;
  imageName?: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function registerBuild(program: Command): Command {
  return program
    .command('build')
    .description(
      "Run a project's own build isolated (bubblewrap, a copy-on-write workspace of the checkout, no network, scrubbed environment), check its source against the commit, and write SLSA provenance for its outputs",
    )
    .argument(
      '<command...>',
      'the build command and its arguments, after `--`; it writes where it always does (dist/…) or to $SECURE_FACTORY_OUT',
    )
    .option(
      '--network <mode>',
      "none (loopback only, also while fetching) or fetch-only (--fetch reaches its lockfiles' registries and --allow-host through the egress proxy); default from the policy",
    )
    .option(
      '--allow-host <host>',
      "a host the fetch may reach besides its lockfiles' registries: host, host:port, *.example.com (repeatable)",
      collect,
    )
    .option(
      '--outputs <glob>',
      'output files the build writes, relative to the project (dist/**) or to $SECURE_FACTORY_OUT (repeatable)',
      collect,
    )
    .option('--evidence <dir>', 'evidence folder for the provenance (default <source>/.secure-factory/evidence)')
    .option('--reproducible', 'build a second time in a fresh folder and compare every output')
    .option('--test <cmd>', 'test command, run in the same sandbox after the build (outputs read-only); writes a test-result statement')
    .option('--fetch <cmd>', 'command that restores materials from the lockfile before the build, e.g. "npm ci"')
    .option('--timeout <duration>', 'stop each phase after this long: 90s, 30m, 2h (default from the policy: 60m)')
    .option('--source <dir>', "source folder (a git checkout): the read-only lower layer of the build's workspace, never written", '.')
    .option(
      '--output-dir <dir>',
      'host folder receiving the outputs and bound at /out (default <source>/.secure-factory/out, recreated each run)',
    )
    .option(
      '--image-name <registry/name>',
      'the image an OCI layout among the outputs holds (oci-layout + index.json): its manifest digest is the subject, under this name',
    )
    .option('--env <name>', 'environment variable passed into the sandbox (repeatable; added to the policy build.env)', collect)
    .option(
      '--cache-dir <dir>',
      'folder bound writable at /cache ($SECURE_FACTORY_CACHE) during --fetch, kept between runs, e.g. for npm ci --cache',
    )
    .option('--policy <file>', 'policy file (default <source>/.github/secure-factory.yml when present)')
    .option('--json', 'print {subjects, isolation, reproducible, findings} as JSON on stdout')
    .option('--verbose', 'print debug output')
    .addHelpText(
      'after',
      `
Example:
  secure-factory build --fetch 'npm ci' --network fetch-only --outputs 'dist/**' --test 'npm test' --reproducible -- npm run build`,
    )
    .action(async (command: string[], opts: BuildOptions) =>
      execute(opts, async ({ logger }) => {
        // The build's own log is untrusted text too: neutralised line by line on its way to stderr.
        const buildLog = new SafeLineWriter();
        const r = await runBuildStage({
          source: opts.source,
          command,
          outputs: opts.outputs ?? [],
          evidence: opts.evidence,
          policy: opts.policy,
          network: opts.network,
          networkAllow: opts.allowHost,
          reproducible: opts.reproducible === true ? true : undefined,
          timeout: opts.timeout,
          env: opts.env,
          fetchCommand: opts.fetch,
          testCommand: opts.test,
          outputDir: opts.outputDir,
          imageName: opts.imageName,
          cache: opts.cacheDir ? { dir: opts.cacheDir } : undefined,
          logger,
          onOutput: (chunk) => buildLog.write(chunk),
        }).finally(() => buildLog.end());
        for (const s of r.subjects) logger.info(`${s.digest.sha256}  ${s.name}`);
        if (r.findings.length > 0) {
          for (const f of r.findings) {
            const line = `${f.rule}: ${f.message}${f.help ? ` — ${f.help}` : ''}`;
            if (f.blocking) logger.error(line);
            else logger.warning(line);
          }
        }
        if (r.reproducible !== undefined) logger.info(`reproducible: ${r.reproducible ? 'yes' : 'no'}`);
        if (r.provenancePath) logger.info(`provenance: ${r.provenancePath}`);
        logger.info(r.passed ? 'build passed' : 'build FAILED');
        return {
          exitCode: r.passed ? EXIT.passed : EXIT.failed,
          json: {
            subjects: r.subjects,
            isolation: r.isolation,
            reproducible: r.reproducible ?? null,
            findings: r.findings,
            integrity: r.integrity ?? null,
            failure: r.failure ?? null,
            egress: r.egress ?? null,
            toolchains: r.toolchains ?? null,
            provenancePath: r.provenancePath ?? null,
            testResultPath: r.testResultPath ?? null,
            timings: r.timings,
          },
        };
      }),
    );
}
