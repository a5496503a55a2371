import path from 'node:path';
import type { Command } from 'commander';
import { ConfigurationError, EXIT, formatLocation } from '@secure-factory/core';
import { loadSourcePolicy, verifySource } from '@secure-factory/source';
import { execute, type CommonOptions } from '../context.js';

interface SourceOptions extends CommonOptions {
  expectedSha?: string;
  policy?: string;
  evidence?: string;
  base?: string;
  ref?: string;
  baseRef?: string;
  githubApi?: string;
  token?: string;
  repository?: string;
  pull?: string;
  audit?: boolean;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function registerSource(program: Command): Command {
  return program
    .command('source')
    .description('Verify the source: commit identity, signed history, review and branch protection, workflow audit; write a source VSA')
    .argument('[repo]', 'path of the git repository', '.')
    .option('--expected-sha <sha>', 'the commit HEAD must be (full SHA)')
    .option('--policy <file>', 'policy file (default: REPO/.github/secure-factory.yml, else the built-in safe defaults)')
    .option('--evidence <dir>', 'write the source VSA (source.vsa.intoto.json) into this folder')
    .option(
      '--base <rev>',
      'base commit or ref of the change, for source.range: base-branch (default: origin/HEAD on a feature branch, else the whole history)',
    )
    .option(
      '--ref <ref>',
      'the ref being verified, e.g. refs/heads/main, or refs/tags/v1.2.3 (checked since the previous release tag) (default: the checked-out branch)',
    )
    .option('--base-ref <branch>', 'the protected branch whose rules and reviews apply (a tag release: the branch it was cut from)')
    .option('--github-api <url>', 'GitHub REST API base URL', 'https://api.github.com')
    .option('--token <token>', 'GitHub token for review, protection and web-flow commit evidence')
    .option('--repository <owner/repo>', 'the GitHub repository (needed with --token)')
    .option('--pull <number>', 'the pull request being verified (its head must be HEAD)')
    .option('--no-audit', 'skip the workflow audit even where the policy asks for it')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (repo: string, opts: SourceOptions) =>
      execute(opts, async ({ logger }) => {
        if (opts.expectedSha !== undefined && !SHA.test(opts.expectedSha)) {
          throw new ConfigurationError(`--expected-sha is "${opts.expectedSha}"; it must be a full lower-case commit SHA`);
        }
        let github: Parameters<typeof verifySource>[0]['github'];
        if (opts.repository !== undefined || opts.token !== undefined) {
          const [owner, name, extra] = (opts.repository ?? '').split('/');
          if (!owner || !name || extra !== undefined) {
            throw new ConfigurationError(`--repository is "${opts.repository ?? ''}"; give it as OWNER/REPO`, {
              hint: '--token and --repository go together',
            });
          }
          if (opts.pull !== undefined && !/^[1-9][0-9]{0,9}$/.test(opts.pull)) {
            throw new ConfigurationError(`--pull is "${opts.pull}"; give the pull request number`);
          }
          github = {
            token: opts.token,
            baseUrl: opts.githubApi,
            owner,
            repo: name,
            ref: opts.ref,
            baseRef: opts.baseRef,
            pullNumber: opts.pull === undefined ? undefined : Number(opts.pull),
          };
        }
        const policy = await loadSourcePolicy({ repo, file: opts.policy });
        const result = await verifySource({
          repo,
          expectedSha: opts.expectedSha,
          policy,
          github,
          base: opts.base,
          ref: opts.ref,
          evidenceDir: opts.evidence === undefined ? undefined : path.resolve(opts.evidence),
          auditWorkflows: opts.audit === false ? false : undefined,
          logger,
        });
        for (const c of result.checks) logger.info(`${c.result.padEnd(12)} ${c.check}: ${c.detail}`);
        for (const f of result.findings) {
          const where = f.file ? `${formatLocation({ file: f.file, line: f.line, column: f.column })}: ` : '';
          const line = `${where}[${f.severity}] ${f.rule}: ${f.message}`;
          if (f.blocking) logger.error(line);
          else logger.warning(line);
        }
        logger.info(
          `${result.ok ? 'verified' : 'refused'}: HEAD ${result.head}, ${result.levelName}${result.vsaPath ? `, VSA ${result.vsaPath}` : ''}`,
        );
        return {
          exitCode: result.ok ? EXIT.passed : EXIT.failed,
          json: {
            ok: result.ok,
            head: result.head,
            level: result.levelName,
            vsaPath: result.vsaPath ?? null,
            checks: result.checks,
            range: result.range
              ? {
                  description: result.range.description,
                  commits: result.range.commits.length,
                  complete: result.range.complete,
                  gaps: result.range.gaps,
                }
              : null,
            signatures: result.signatures.map((s) => ({
              commit: s.sha,
              format: s.format,
              status: s.status,
              signer: s.signer ?? null,
              message: s.message,
            })),
            findings: result.findings.map((f) => ({
              rule: f.rule,
              severity: f.severity,
              blocking: f.blocking === true,
              message: f.message,
              ...(f.file ? { file: f.file, line: f.line, column: f.column } : {}),
              ...(f.help ? { help: f.help } : {}),
              // A grouped finding lists every commit it stands for here.
              ...(f.properties ? { properties: f.properties } : {}),
            })),
          },
        };
      }),
    );
}
