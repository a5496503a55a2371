/**
 * `secure-factory scan PATH`: inventory the materials under PATH (a folder, a lockfile or an SBOM),
 * match them against OSV, apply the policy's `materials:` section, and write SBOMs and statements.
 * With `--base REV`, review a change instead: what it adds, removes and changes, failing only on what
 * it introduces. Exit 0 passed, 1 a blocking finding, 2 bad input, 3 infrastructure.
 */
import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { ConfigurationError, loadPolicy, printErr, type SeverityThreshold } from '@secure-factory/core';
import {
  parseLockfileArgument,
  reviewChanges,
  reviewMarkdown,
  scan,
  scanJson,
  scanSarif,
  scanText,
  type ExplicitLockfile,
  type Scope,
} from '@secure-factory/materials';
import { execute, type CommonOptions } from '../context.js';
import { baseImageValidator } from '../image-validator.js';
import { openVulnSource } from '../vuln-source.js';

interface ScanCliOptions extends CommonOptions {
  policy?: string;
  evidence?: string;
  osvDb?: string;
  osvApi: string;
  offline?: boolean;
  sarif?: string;
  lockfile: ExplicitLockfile[];
  base?: string;
  head?: string;
  failOnSeverity?: string;
  failOnScopes?: string;
  allowGhsas?: string;
  denyPackages?: string;
  warnOnly?: boolean;
}

const SEVERITY: Record<string, SeverityThreshold> = {
  critical: 'critical',
  high: 'high',
  moderate: 'medium',
  medium: 'medium',
  low: 'low',
};

function list(s: string | undefined): string[] | undefined {
  return s === undefined ? undefined : s.split(/[\s,]+/).filter((x) => x !== '');
}

export function registerScan(program: Command): Command {
  return program
    .command('scan')
    .description('Inventory materials, match OSV advisories, check licences and pins, write SBOMs; --base reviews a change')
    .argument('[path]', 'a folder, a lockfile, or a CycloneDX/SPDX JSON SBOM', '.')
    .option('--policy <file>', 'policy file (default .github/secure-factory.yml, or the built-in defaults)')
    .option('--evidence <dir>', 'write the SBOMs and the sbom.cdx, sbom.spdx and vulns statements here')
    .option('--osv-db <path>', 'offline OSV database: a folder of OSV JSON records or osv.dev all.zip files')
    .option('--osv-api <url>', 'OSV API base URL', 'https://api.osv.dev')
    .option('--offline', 'never use the network (requires --osv-db or materials.database.path)')
    .option('--sarif <file>', 'write findings as SARIF 2.1.0')
    .option(
      '-L, --lockfile <format:path>',
      'read a lockfile with another name, e.g. requirements:deps/prod.txt (repeatable)',
      (v: string, prev: ExplicitLockfile[]) => [...prev, parseLockfileArgument(v)],
      [] as ExplicitLockfile[],
    )
    .option('--base <rev>', 'review mode: compare with this git revision and fail only on what the change introduces')
    .option('--head <rev>', 'review mode: the head revision (default: the working tree)')
    .addOption(
      new Option('--fail-on-severity <level>', 'review mode: vulnerabilities that fail').choices(['critical', 'high', 'moderate', 'low']),
    )
    .option('--fail-on-scopes <list>', 'review mode: scopes whose vulnerabilities fail (runtime, development, unknown)', 'runtime,unknown')
    .option('--allow-ghsas <list>', 'review mode: advisories that never fail')
    .option('--deny-packages <list>', 'review mode: purls that may not be added')
    .option('--warn-only', 'review mode: report, never fail')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (path: string, opts: ScanCliOptions) =>
      execute(opts, async ({ logger }) => {
        const now = new Date();
        const policy = await loadPolicy(opts.policy, { now });
        const vulnSource = await openVulnSource(opts, policy, logger);
        // Base images are checked in their registries only when the policy names who may sign them.
        const images = baseImageValidator(policy, now);
        const common = { path, policy, evidenceDir: opts.evidence, vulnSource, logger, now, lockfiles: opts.lockfile, images };
        if (opts.base !== undefined) {
          const scopes = list(opts.failOnScopes) ?? ['runtime', 'unknown'];
          for (const s of scopes)
            if (!['runtime', 'development', 'unknown'].includes(s))
              throw new ConfigurationError(`--fail-on-scopes: unknown scope ${JSON.stringify(s)}`, {
                hint: 'runtime, development, unknown',
              });
          const review = await reviewChanges({
            ...common,
            base: opts.base,
            head: opts.head,
            config: {
              failOnSeverity: opts.failOnSeverity ? SEVERITY[opts.failOnSeverity] : undefined,
              failOnScopes: scopes as Scope[],
              allowGhsas: list(opts.allowGhsas),
              denyPackages: list(opts.denyPackages),
              warnOnly: opts.warnOnly === true,
            },
          });
          if (opts.sarif && review.headScan) await writeFile(opts.sarif, `${JSON.stringify(scanSarif(review.headScan), null, 2)}\n`);
          printErr(reviewMarkdown(review).replace(/^<!--.*-->\n/, ''));
          const { headScan, ...json } = review;
          return {
            exitCode: review.blocking.length > 0 ? 1 : 0,
            json: { ...json, ...(headScan ? { scan: scanJson(headScan) } : {}) },
          };
        }
        const result = await scan(common);
        if (opts.sarif) await writeFile(opts.sarif, `${JSON.stringify(scanSarif(result), null, 2)}\n`);
        printErr(scanText(result).trimEnd());
        return { exitCode: result.blocking.length > 0 ? 1 : 0, json: scanJson(result) };
      }),
    );
}
