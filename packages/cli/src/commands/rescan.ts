import type { Command } from 'commander';
import { ConfigurationError, EXIT, loadPolicy } from '@secure-factory/core';
import { rescan } from '@secure-factory/rescan';
import { execute, type CommonOptions } from '../context.js';
import { openVulnSource } from '../vuln-source.js';

interface RescanCliOptions extends CommonOptions {
  evidence: string[];
  state?: string;
  policy?: string;
  osvDb?: string;
  osvApi: string;
  offline?: boolean;
  githubIssues?: boolean;
  githubApi: string;
  repository?: string;
  rebuild?: boolean;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function registerRescan(program: Command): Command {
  return program
    .command('rescan')
    .description('Rescan deployed digests against a fresh vulnerability database; open issues with a 24-hour remediation clock')
    .option('--evidence <dir>', "evidence folder holding the gate's deployments/ and the run's SBOM (repeatable)", collect, [])
    .option('--state <dir>', "where remediations.json is kept (default: the first evidence folder's deployments/)")
    .option('--policy <file>', 'policy file (exceptions and block severities apply)')
    .option('--osv-db <path>', 'offline OSV database: a folder of OSV JSON records or osv.dev all.zip files')
    .option('--osv-api <url>', 'OSV API base URL', 'https://api.osv.dev')
    .option('--offline', 'never use the network (requires --osv-db)')
    .option('--github-issues', 'open or update one GitHub issue per advisory (token from GITHUB_TOKEN)')
    .option('--github-api <url>', 'GitHub API base URL', process.env.GITHUB_API_URL ?? 'https://api.github.com')
    .option('--repository <owner/repo>', 'repository for the issues (default GITHUB_REPOSITORY)')
    .option('--rebuild', 'send repository_dispatch secure-factory-rebuild when a new advisory is found')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .addHelpText('after', '\nExit codes: 0 nothing overdue, 1 a remediation is past its 24-hour deadline, 2 bad input, 3 infrastructure.')
    .action(async (opts: RescanCliOptions) =>
      execute(opts, async ({ logger }) => {
        const now = new Date();
        const policy = await loadPolicy(opts.policy, { now });
        let github: { owner: string; repo: string; token: string; baseUrl: string } | undefined;
        if (opts.githubIssues) {
          const repository = opts.repository ?? process.env.GITHUB_REPOSITORY;
          const [owner, repo] = (repository ?? '').split('/');
          if (!owner || !repo) throw new ConfigurationError('--github-issues needs --repository OWNER/REPO (or GITHUB_REPOSITORY)');
          const token = process.env.GITHUB_TOKEN;
          if (!token)
            throw new ConfigurationError('--github-issues needs a token in GITHUB_TOKEN', { hint: 'the token needs issues: write' });
          github = { owner, repo, token, baseUrl: opts.githubApi };
        }
        const vulnSource = await openVulnSource(opts, policy, logger);
        const r = await rescan({
          evidenceDirs: opts.evidence,
          ...(opts.state ? { stateDir: opts.state } : {}),
          policy,
          vulnSource,
          logger,
          now,
          ...(github ? { github } : {}),
          rebuild: opts.rebuild === true,
        });
        for (const p of r.problems) logger.warning(p);
        logger.info(
          `${r.deployed.length} deployed digest(s): ${r.opened.length} new, ${r.stillOpen.length} still open, ${r.resolved.length} resolved, ${r.overdue.length} overdue (state: ${r.statePath})`,
        );
        return {
          exitCode: r.overdue.length > 0 ? EXIT.failed : EXIT.passed,
          json: {
            deployed: r.deployed,
            database: r.database,
            opened: r.opened,
            stillOpen: r.stillOpen,
            resolved: r.resolved,
            overdue: r.overdue,
            state: r.statePath,
            problems: r.problems,
          },
        };
      }),
    );
}
