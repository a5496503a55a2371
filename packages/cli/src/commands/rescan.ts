import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import {
  ConfigurationError,
  decodeUtf8,
  EXIT,
  InfrastructureError,
  loadPolicy,
  printOut,
  readRegularFile,
  safeJson,
  toSarif,
  TOOL_NAME,
  TOOL_URI,
  TOOL_VERSION,
  writeFileAtomic,
  type Logger,
} from '@secure-factory/core';
import {
  buildInventory,
  collectOrg,
  DRIFT_RULES,
  driftMarkdown,
  octokitFor,
  orgDrift,
  matrixOf,
  mergePortfolio,
  readInventoryAndPlan,
  readShards,
  renderPortfolio,
  rescan,
  rescanShard,
  writeInventoryAndPlan,
  writeShard,
  type DriftReport,
  type PortfolioReport,
  keyClock,
  keylessClock,
  type ClockSigner,
  type FixPrOptions,
  type FixPrResult,
} from '@secure-factory/rescan';
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
  fixPrs?: boolean;
  npmRegistry?: string;
  org?: string;
  plan?: boolean;
  shard?: string;
  merge?: string;
  work: string;
  html?: string;
  report?: string;
  evidenceBranch: string;
  osvDate?: string;
  jobs?: string;
  maxJobs?: string;
  shardPackages?: string;
  workflows?: string;
  clockKey?: string;
  clockKeyless?: boolean;
  clockIdentity?: string;
  fulcioUrl?: string;
  tsaUrl?: string;
  trustedRoot?: string;
  sarif?: string;
  markdown?: string;
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
    .option(
      '--fix-prs',
      'with --github-issues: open or update one pull request per advisory and repository (branch secure-factory/fix-<advisory>) moving the dependency to its lowest fixed version with npm; the token needs contents: write and pull-requests: write',
    )
    .option(
      '--npm-registry <url>',
      "with --fix-prs: the registry npm resolves against (default: npm's configuration; a repository's .npmrc is never read)",
    )
    .option('--org <org>', 'org-wide: every repository of ORG (evidence branches through the GitHub API, token from GITHUB_TOKEN)')
    .option('--plan', 'with --org: collect deployments, write inventory.json and plan.json into --work, print the matrix JSON')
    .option('--shard <i/n>', 'rescan one shard of the plan in --work against --osv-db; writes --work/shards/shard-i-of-n.json')
    .option('--merge <dir>', 'merge the shard results found in DIR (with --work) into one report; keeps the per-repository clocks')
    .option('--work <dir>', 'org-wide working folder (inventory.json, plan.json, shards/)', '.secure-factory/portfolio')
    .option('--html <file>', 'with --merge or --org: write the portfolio page (one static HTML file)')
    .option('--report <file>', 'with --merge or --org: write the portfolio report JSON (default <work>/portfolio.json)')
    .option('--evidence-branch <branch>', 'branch the factory gate publishes evidence to', 'secure-factory/evidence')
    .option('--osv-date <time>', 'when the OSV snapshot was taken (recorded in the report; default its newest record)')
    .option('--jobs <n>', 'with --org: shard processes run at once (default: the number of cores)')
    .option('--max-jobs <n>', 'with --org: at most this many shards (default 256, the matrix limit)')
    .option('--shard-packages <n>', 'with --org: plan no shard for fewer packages than this (default 20000)')
    .option('--workflows <dir>', "least-privilege drift: the repository's default-branch checkout, compared with the last admitted release")
    .option('--clock-key <file>', 'sign every remediation state change with this PEM private key (the clock then runs on the TSA time)')
    .option(
      '--clock-keyless',
      "sign every remediation state change keyless: the GitHub Actions job's OIDC identity through Fulcio (needs id-token: write)",
    )
    .option('--clock-identity <san>', "with --clock-keyless: the certificate identity events must carry (default the job's workflow)")
    .option('--fulcio-url <url>', 'with --clock-keyless: Fulcio (default the public-good instance)')
    .option('--tsa-url <url>', 'with --clock-key or --clock-keyless: RFC 3161 timestamp authority that stamps each state change')
    .option(
      '--trusted-root <file>',
      'with --clock-key or --clock-keyless: trusted root of the TSA (and Fulcio) (default the bundled roots)',
    )
    .option('--sarif <file>', 'write the least-privilege drift findings as SARIF 2.1.0 (GitHub code scanning)')
    .option('--markdown <file>', 'write the least-privilege drift report as markdown (e.g. $GITHUB_STEP_SUMMARY)')
    .option('--json', 'print the result as JSON on stdout')
    .option('--verbose', 'print debug output')
    .addHelpText(
      'after',
      '\nExit codes: 0 nothing overdue, 1 a remediation is past its 24-hour deadline, 2 bad input, 3 infrastructure (or, with --fix-prs, a fix pull request that could not be made).',
    )
    .action(async (opts: RescanCliOptions) =>
      execute(opts, async ({ logger }) => {
        const now = new Date();
        const policy = await loadPolicy(opts.policy, { now });
        if (opts.org !== undefined || opts.shard !== undefined || opts.merge !== undefined) return orgWide(opts, policy, now, logger);
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
        const fixPrs = fixPrOptions(opts);
        const vulnSource = await openVulnSource(opts, policy, logger);
        const clock = await trustedClock(opts);
        const r = await rescan({
          evidenceDirs: opts.evidence,
          ...(opts.state ? { stateDir: opts.state } : {}),
          policy,
          vulnSource,
          logger,
          now,
          ...(github ? { github } : {}),
          rebuild: opts.rebuild === true,
          ...(fixPrs ? { fixPrs } : {}),
          ...(clock ? { clock: { ...clock, scope: opts.repository ?? process.env.GITHUB_REPOSITORY ?? 'local' } } : {}),
          ...(opts.workflows ? { workflows: { root: opts.workflows, repository: driftRepository(opts) } } : {}),
        });
        await writeDriftReports(opts, r.drift ? [r.drift] : [], logger);
        for (const p of r.problems) logger.warning(p);
        logger.info(
          `${r.deployed.length} deployed digest(s): ${r.opened.length} new, ${r.stillOpen.length} still open, ${r.resolved.length} resolved, ${r.overdue.length} overdue (state: ${r.statePath})`,
        );
        return {
          exitCode: r.overdue.length > 0 ? EXIT.failed : failedFixes(r.pullRequests) ? EXIT.infrastructure : EXIT.passed,
          json: {
            deployed: r.deployed,
            database: r.database,
            opened: r.opened,
            stillOpen: r.stillOpen,
            resolved: r.resolved,
            overdue: r.overdue,
            state: r.statePath,
            problems: r.problems,
            ...(r.drift ? { drift: r.drift } : {}),
            ...(r.trustedNow ? { trustedNow: r.trustedNow } : {}),
            ...(r.pullRequests ? { pullRequests: r.pullRequests } : {}),
          },
        };
      }),
    );
}

type LoadedPolicy = Awaited<ReturnType<typeof loadPolicy>>;

/** --fix-prs: remediation pull requests need the issue they refer to, and npm's registry if one is named. */
function fixPrOptions(opts: RescanCliOptions): FixPrOptions | undefined {
  if (!opts.fixPrs) {
    if (opts.npmRegistry !== undefined) throw new ConfigurationError('--npm-registry is for --fix-prs');
    return undefined;
  }
  if (!opts.githubIssues)
    throw new ConfigurationError('--fix-prs needs --github-issues', { hint: 'each pull request refers to the remediation issue' });
  if (opts.npmRegistry !== undefined && !/^https?:\/\/[^\s]+$/.test(opts.npmRegistry))
    throw new ConfigurationError(`--npm-registry takes an http(s) URL, not "${encodeURIComponent(opts.npmRegistry)}"`);
  return { npm: opts.npmRegistry !== undefined ? { registry: opts.npmRegistry } : {} };
}

/**
 * Exit 3 when a fix pull request could not be made (npm, the API, a person's branch): the issue and the
 * clock stay open, but the run says so. Overdue (exit 1) comes first.
 */
const failedFixes = (prs: readonly FixPrResult[] | undefined): boolean => (prs ?? []).some((p) => p.status === 'failed');
const orgExit = (report: PortfolioReport): number =>
  report.totals.overdue > 0 ? EXIT.failed : failedFixes(report.pullRequests) ? EXIT.infrastructure : EXIT.passed;

/**
 * The signed clock: each state change signed with the --clock-key and stamped by the --tsa-url; events are
 * verified against that key and the TSA's trust root. Without --clock-key: the plain clock (and a state
 * folder kept with signed events is then refused).
 */
async function trustedClock(opts: RescanCliOptions): Promise<ClockSigner | undefined> {
  if (opts.clockKey && opts.clockKeyless) throw new ConfigurationError('give either --clock-key or --clock-keyless, not both');
  if (opts.clockKeyless)
    return keylessClock({
      ...(opts.tsaUrl ? { tsaUrl: opts.tsaUrl } : {}),
      ...(opts.fulcioUrl ? { fulcioUrl: opts.fulcioUrl } : {}),
      ...(opts.trustedRoot ? { trustedRoot: opts.trustedRoot } : {}),
      ...(opts.clockIdentity ? { expectedIdentity: opts.clockIdentity } : {}),
    });
  if (!opts.clockKey) {
    if (opts.tsaUrl || opts.trustedRoot || opts.fulcioUrl || opts.clockIdentity)
      throw new ConfigurationError('--tsa-url, --trusted-root, --fulcio-url and --clock-identity go with --clock-key or --clock-keyless');
    return undefined;
  }
  if (!opts.tsaUrl)
    throw new ConfigurationError('--clock-key needs --tsa-url: the clock runs on the time of the timestamp authority, not the local one', {
      hint: 'e.g. --tsa-url https://timestamp.sigstore.dev/api/v1/timestamp, or the TSA of your organisation',
    });
  const pem = decodeUtf8(
    await readRegularFile(opts.clockKey, { maxBytes: 64 * 1024, what: 'clock key', within: '/' }),
    opts.clockKey,
    'clock key',
  );
  return keyClock({
    privateKeyPem: pem,
    source: `the clock key ${opts.clockKey}`,
    tsaUrl: opts.tsaUrl,
    ...(opts.trustedRoot ? { trustedRoot: opts.trustedRoot } : {}),
  });
}

/** The repository the drift findings name (their owner when no CODEOWNERS rule matches). */
function driftRepository(opts: RescanCliOptions): string {
  const repository = opts.repository ?? process.env.GITHUB_REPOSITORY;
  if (!repository || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    throw new ConfigurationError('--workflows needs --repository OWNER/REPO (or GITHUB_REPOSITORY)', {
      hint: 'drift findings name their owner: CODEOWNERS of the workflow file, else the repository',
    });
  return repository;
}

/** The drift findings as SARIF and markdown, where asked (the JSON report carries them always). */
async function writeDriftReports(opts: RescanCliOptions, reports: readonly DriftReport[], logger: Logger): Promise<void> {
  const findings = reports.flatMap((d) => d.findings);
  if (opts.sarif) {
    const sarif = toSarif({ name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI, rules: DRIFT_RULES }, findings);
    await writeFileAtomic(path.resolve(opts.sarif), `${JSON.stringify(sarif, null, 2)}\n`);
  }
  if (opts.markdown) await writeFileAtomic(path.resolve(opts.markdown), `${driftMarkdown(reports)}\n`);
  if (reports.length > 0)
    logger.info(
      `least-privilege drift: ${findings.length} finding(s) in ${reports.length} repositor${reports.length === 1 ? 'y' : 'ies'} since the last admitted release`,
    );
}

function githubToken(what: string): string {
  const token = process.env.GITHUB_TOKEN;
  if (!token)
    throw new ConfigurationError(`${what} needs a token in GITHUB_TOKEN`, {
      hint: 'the token needs contents: read on every repository (and issues: write with --github-issues)',
    });
  return token;
}

async function plan(opts: RescanCliOptions, now: Date, logger: Logger): Promise<{ shards: string[]; artefacts: number; packages: number }> {
  const org = opts.org as string;
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(org)) throw new ConfigurationError(`"${org}" is not a GitHub organisation name`);
  const collected = path.join(opts.work, 'collected');
  // A fresh copy: a run pruned from an evidence branch must not linger here.
  await rm(collected, { recursive: true, force: true });
  const source = { org, token: githubToken('--org'), baseUrl: opts.githubApi, evidenceBranch: opts.evidenceBranch };
  const { repos: listed, collected: repos } = await collectOrg(source, collected, logger);
  const inventory = await buildInventory(collected, org, now, repos);
  // Least-privilege drift on the same schedule: each deployed repository's default branch.
  inventory.drift = await orgDrift(octokitFor(source), listed, collected, logger);
  const number = (v: string | undefined, flag: string): number | undefined => {
    if (v === undefined) return undefined;
    if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new ConfigurationError(`${flag} takes a positive whole number, not "${v}"`);
    return Number(v);
  };
  const maxJobs = number(opts.maxJobs, '--max-jobs');
  const minPackagesPerShard = number(opts.shardPackages, '--shard-packages');
  const p = await writeInventoryAndPlan(opts.work, inventory, {
    ...(maxJobs !== undefined ? { maxJobs } : {}),
    ...(minPackagesPerShard !== undefined ? { minPackagesPerShard } : {}),
  });
  for (const problem of inventory.problems) logger.warning(problem);
  logger.info(
    `${inventory.artefacts.length} deployed artefact(s), ${p.packages} package(s) → ${p.shards.length} shard(s) (${opts.work}/plan.json)`,
  );
  return { shards: matrixOf(p).shard, artefacts: p.artefacts, packages: p.packages };
}

async function runShard(opts: RescanCliOptions, policy: LoadedPolicy, logger: Logger, shard: string): Promise<void> {
  if (!opts.osvDb && !policy.materials.database.path)
    throw new ConfigurationError('--shard needs --osv-db: every shard of a run must use the same OSV snapshot', {
      hint: 'download the snapshot once (osv.dev all.zip files) and pass the folder or zip to every shard',
    });
  const { inventory, plan: p } = await readInventoryAndPlan(opts.work);
  const db = await openVulnSource({ ...opts, offline: true }, policy, logger);
  const result = await rescanShard(inventory, p, shard, db, opts.osvDate);
  const file = await writeShard(path.join(opts.work, 'shards'), result);
  logger.info(`shard ${shard}: ${result.artefacts.length} artefact(s), ${result.packages} package(s) in ${result.elapsedMs} ms → ${file}`);
}

/** Runs every shard in its own process (this CLI again), at most `jobs` at once. */
async function runAllShards(opts: RescanCliOptions, shards: string[], logger: Logger): Promise<void> {
  const jobs = Math.max(1, Math.min(Number(opts.jobs ?? availableParallelism()) || 1, availableParallelism(), shards.length));
  const script = process.argv[1];
  if (!script) throw new InfrastructureError('cannot find the secure-factory script to start shard processes');
  const args = (s: string): string[] => [
    script,
    'rescan',
    '--shard',
    s,
    '--work',
    opts.work,
    ...(opts.osvDb ? ['--osv-db', opts.osvDb] : []),
    ...(opts.osvDate ? ['--osv-date', opts.osvDate] : []),
    ...(opts.policy ? ['--policy', opts.policy] : []),
  ];
  const queue = [...shards];
  const failures: string[] = [];
  const worker = async (): Promise<void> => {
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      const shard = s;
      await new Promise<void>((resolve) => {
        execFile(process.execPath, args(shard), { maxBuffer: 64 * 1024 * 1024 }, (err, _out, stderr) => {
          if (err) failures.push(`shard ${shard}: ${stderr.trim().split('\n').slice(-3).join(' | ') || err.message}`);
          resolve();
        });
      });
    }
  };
  logger.info(`running ${shards.length} shard(s), ${jobs} at a time`);
  await Promise.all(Array.from({ length: jobs }, worker));
  if (failures.length > 0)
    throw new InfrastructureError(`${failures.length} shard(s) failed: ${failures.join('; ')}`, { hint: 'nothing was merged' });
}

async function merge(opts: RescanCliOptions, policy: LoadedPolicy, now: Date, logger: Logger, dir: string): Promise<PortfolioReport> {
  const { inventory, plan: p } = await readInventoryAndPlan(opts.work);
  const shards = await readShards(dir, p);
  const github = opts.githubIssues ? { token: githubToken('--github-issues'), baseUrl: opts.githubApi } : undefined;
  const clock = await trustedClock(opts);
  const fixPrs = fixPrOptions(opts);
  const report = await mergePortfolio(inventory, p, shards, {
    policy,
    now,
    logger,
    ...(clock ? { clock } : {}),
    stateDir: opts.state ?? path.join(opts.work, 'state'),
    ...(github ? { github } : {}),
    ...(fixPrs ? { fixPrs } : {}),
  });
  const reportFile = opts.report ?? path.join(opts.work, 'portfolio.json');
  await writeFileAtomic(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  if (opts.html) await writeFileAtomic(opts.html, renderPortfolio(report));
  await writeDriftReports(opts, report.drift ?? [], logger);
  const t = report.totals;
  logger.info(
    `${t.artefacts} deployed artefact(s) in ${t.repositories} repositor${t.repositories === 1 ? 'y' : 'ies'}: ${t.affected} affected, ${t.open} open remediation(s), ${t.overdue} overdue (report: ${reportFile}${opts.html ? `, page: ${opts.html}` : ''})`,
  );
  return report;
}

async function orgWide(
  opts: RescanCliOptions,
  policy: LoadedPolicy,
  now: Date,
  logger: Logger,
): Promise<{ exitCode: number; json?: unknown }> {
  if (opts.evidence.length > 0)
    throw new ConfigurationError('--evidence is for one repository; --org/--shard/--merge read the org-wide --work folder');
  await mkdir(opts.work, { recursive: true });
  if (opts.shard !== undefined) {
    await runShard(opts, policy, logger, opts.shard);
    return { exitCode: EXIT.passed };
  }
  if (opts.merge !== undefined) {
    const report = await merge(opts, policy, now, logger, opts.merge);
    return { exitCode: orgExit(report), json: report };
  }
  const planned = await plan(opts, now, logger);
  if (opts.plan) {
    // The matrix for `strategy.matrix`, always on stdout: the workflow's plan job reads it.
    printOut(safeJson({ shard: planned.shards }, 0));
    return { exitCode: EXIT.passed };
  }
  await rm(path.join(opts.work, 'shards'), { recursive: true, force: true });
  await runAllShards(opts, planned.shards, logger);
  const report = await merge(opts, policy, now, logger, path.join(opts.work, 'shards'));
  return { exitCode: orgExit(report), json: report };
}
