/**
 * `secure-factory scan PATH`: inventory the materials under PATH (a folder, a lockfile or an SBOM),
 * match them against OSV, apply the policy's `materials:` section, and write SBOMs and statements.
 * Exit 0 passed, 1 a blocking finding, 2 bad input, 3 infrastructure.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatLocation, loadPolicy } from '@secure-factory/core';
import { scan, scanJson, scanSarif } from '@secure-factory/materials';
import { execute, type CommonOptions } from '../context.js';
import { openVulnSource } from '../vuln-source.js';

interface ScanCliOptions extends CommonOptions {
  policy?: string;
  evidence?: string;
  osvDb?: string;
  osvApi: string;
  offline?: boolean;
  sarif?: string;
}

export function registerScan(program: Command): Command {
  return program
    .command('scan')
    .description('Inventory materials, match OSV advisories, check licences and pins, write SBOMs')
    .argument('[path]', 'a folder, a lockfile, or a CycloneDX/SPDX JSON SBOM', '.')
    .option('--policy <file>', 'policy file (default .github/secure-factory.yml, or the built-in defaults)')
    .option('--evidence <dir>', 'write the SBOMs and the sbom.cdx, sbom.spdx and vulns statements here')
    .option('--osv-db <path>', 'offline OSV database: a folder of OSV JSON records or osv.dev all.zip files')
    .option('--osv-api <url>', 'OSV API base URL', 'https://api.osv.dev')
    .option('--offline', 'never use the network (requires --osv-db or materials.database.path)')
    .option('--sarif <file>', 'write findings as SARIF 2.1.0')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (path: string, opts: ScanCliOptions) =>
      execute(opts, async ({ logger }) => {
        const now = new Date();
        const policy = await loadPolicy(opts.policy, { now });
        const vulnSource = await openVulnSource(opts, policy, logger);
        const result = await scan({ path, policy, evidenceDir: opts.evidence, vulnSource, logger, now });
        if (opts.sarif) await writeFile(opts.sarif, `${JSON.stringify(scanSarif(result), null, 2)}\n`);
        for (const f of result.blocking) {
          const where = f.file ? `${formatLocation({ file: f.file, ...(f.line !== undefined ? { line: f.line } : {}) })}: ` : '';
          logger.error(`${where}${f.message}${f.help ? ` (${f.help})` : ''}`);
        }
        logger.info(
          `${result.packages.length} materials, ${result.vulnerabilities.length} vulnerabilities on ${result.vulnerableCount} package(s), ${result.findings.length} findings, ${result.blocking.length} blocking: ${result.blocking.length === 0 ? 'passed' : 'refused'}`,
        );
        return { exitCode: result.blocking.length > 0 ? 1 : 0, json: scanJson(result) };
      }),
    );
}
