/**
 * Merges the shards of one org-wide rescan into the portfolio report, and keeps the 24-hour clock per
 * repository: `<state>/<owner>/<repo>/remediations.json` (the single-repository state format), one
 * GitHub issue per advisory in each affected repository. Refuses shards of another inventory, a mix of
 * OSV snapshots, and a missing or repeated shard: a partial merge would report a portfolio as clean.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  atLeast,
  ConfigurationError,
  deployPolicyFor,
  findWaiver,
  writeRemediations,
  type Logger,
  type Policy,
  type Remediation,
} from '@secure-factory/core';
import type { DriftReport } from '../drift.js';
import { IssueClient } from '../issues.js';
import { FixPullRequests, fixRequests, type FixPrOptions, type FixPrResult } from '../fix-pr.js';
import { advanceClock, holdAsIs, readClockState, type TrustedClock } from '../clock-evidence.js';
import type { RescanMatch } from '../remediation.js';
import type { Chain, Inventory, PlanFile } from './inventory.js';
import { readShard, type ShardMatch, type ShardResult, type Snapshot } from './shard.js';

export const PORTFOLIO_API_VERSION = 'secure-factory/portfolio/v1';

export interface PortfolioArtefact {
  repository: string;
  digest: string;
  name?: string;
  environments: { environment: string; time: string }[];
  packages: number;
  chain: Chain;
  /** Advisories found now (any severity), and whether one blocks (at or above the environment's threshold, unwaived). */
  advisories: ShardMatch[];
  blocking: boolean;
}

export interface PortfolioRemediation extends Remediation {
  repository: string;
  /** Milliseconds left until the deadline (negative: overdue). */
  remainingMs: number;
}

export interface PortfolioReport {
  apiVersion: typeof PORTFOLIO_API_VERSION;
  org: string;
  generated: string;
  collectedAt: string;
  snapshot: Snapshot;
  shards: { shard: string; artefacts: number; packages: number; elapsedMs: number }[];
  repositories: { repository: string; status: string; artefacts: number; open: number; overdue: number }[];
  artefacts: PortfolioArtefact[];
  remediations: PortfolioRemediation[];
  history: { repository: string; advisory: string; package: string; firstSeen: string; resolvedAt: string; hours: number }[];
  totals: {
    repositories: number;
    artefacts: number;
    packages: number;
    affected: number;
    open: number;
    overdue: number;
    resolved: number;
    /** Least-privilege drift findings (see `drift`). */
    drift?: number;
  };
  problems: string[];
  /** Least-privilege drift per deployed repository, as the plan job found it. */
  drift?: DriftReport[];
  /** With `fixPrs`: the remediation pull request of each open advisory with a fixed version (fix-pr.ts). */
  pullRequests?: FixPrResult[];
}

export interface MergeOptions {
  policy: Policy;
  now: Date;
  logger: Logger;
  /** Where per-repository remediations.json files are kept. */
  stateDir: string;
  github?: { token: string; baseUrl: string };
  /** The clock on trusted time (clock-evidence.ts); its scope is set per repository. */
  clock?: Omit<TrustedClock, 'scope'>;
  /** Open or update one remediation pull request per advisory and repository (needs `github`). */
  fixPrs?: FixPrOptions;
}

async function findShardFiles(dir: string, depth = 0): Promise<string[]> {
  const out: string[] = [];
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e: unknown) {
    throw new ConfigurationError(`cannot read the shard results: ${(e as Error).message}`, {
      location: { file: dir },
      hint: 'pass the folder the shard jobs uploaded their shard-i-of-n.json files to',
    });
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && depth < 3) out.push(...(await findShardFiles(p, depth + 1)));
    else if (e.isFile() && /^shard-[0-9]+-of-[0-9]+\.json$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

export async function readShards(dir: string, plan: PlanFile): Promise<ShardResult[]> {
  const files = await findShardFiles(dir);
  const byShard = new Map<string, ShardResult>();
  let snapshot: string | undefined;
  for (const f of files) {
    const r = await readShard(f);
    if (r.inventory !== plan.inventory)
      throw new ConfigurationError(`shard ${r.shard} was made from another inventory`, { location: { file: f } });
    const v = r.snapshot.version ?? r.snapshot.uri;
    if (snapshot !== undefined && v !== snapshot)
      throw new ConfigurationError(`shard ${r.shard} was rescanned against another OSV snapshot (${v}, not ${snapshot})`, {
        location: { file: f },
        hint: 'every shard of a run must use the one snapshot taken in the plan job',
      });
    snapshot = v;
    if (byShard.has(r.shard)) throw new ConfigurationError(`shard ${r.shard} is present twice`, { location: { file: f } });
    byShard.set(r.shard, r);
  }
  const missing = plan.shards.filter((s) => !byShard.has(s.shard)).map((s) => s.shard);
  if (missing.length > 0)
    throw new ConfigurationError(`${missing.length} shard result(s) missing in ${dir}: ${missing.slice(0, 10).join(', ')}`, {
      hint: 'a failed matrix job leaves its shard out: rerun it; the merge never reports a partial portfolio',
    });
  return plan.shards.map((s) => byShard.get(s.shard) as ShardResult);
}

export async function mergePortfolio(
  inventory: Inventory,
  plan: PlanFile,
  shards: ShardResult[],
  options: MergeOptions,
): Promise<PortfolioReport> {
  const { policy, now, logger } = options;
  const matchesOf = new Map<number, ShardMatch[]>();
  for (const s of shards) for (const a of s.artefacts) matchesOf.set(a.index, a.matches);
  const artefacts: PortfolioArtefact[] = [];
  const perRepo = new Map<string, RescanMatch[]>();
  for (const [i, a] of inventory.artefacts.entries()) {
    const advisories = matchesOf.get(i);
    if (!advisories) throw new ConfigurationError(`artefact ${a.repository} ${a.digest} is in no shard of the plan`);
    let blocking = false;
    const list = perRepo.get(a.repository) ?? [];
    for (const v of advisories) {
      for (const { environment } of a.environments) {
        const threshold = deployPolicyFor(policy, environment)?.blockSeverity ?? policy.materials.blockSeverity;
        if (!atLeast(v.severity, threshold)) continue;
        const w = findWaiver(
          policy.exceptions,
          { ids: [v.advisory, ...v.aliases], package: v.package, digest: a.digest, environment },
          now,
          policy.exceptionMaxDays,
        );
        if (!w.active) blocking = true;
        list.push({ ...v, digest: a.digest, environment, waived: w.active !== undefined });
      }
    }
    perRepo.set(a.repository, list);
    artefacts.push({
      repository: a.repository,
      digest: a.digest,
      ...(a.name ? { name: a.name } : {}),
      environments: a.environments,
      packages: a.packages.length,
      chain: a.chain,
      advisories,
      blocking,
    });
  }

  const remediations: PortfolioRemediation[] = [];
  const problems = [...inventory.problems];
  const history: PortfolioReport['history'] = [];
  const pullRequests: FixPrResult[] = [];
  const repositories: PortfolioReport['repositories'] = [];
  let resolvedNow = 0;
  for (const repo of inventory.repositories) {
    const matches = perRepo.get(repo.repository) ?? [];
    const dir = path.join(options.stateDir, ...repo.repository.split('/'));
    const clock = options.clock ? { ...options.clock, scope: repo.repository } : undefined;
    const prior = await readClockState(dir, clock);
    const previous = prior.state;
    if (repo.status !== 'collected') {
      // No evidence branch (any more): nothing to rescan, but a clock never stops for want of evidence.
      const kept = previous.remediations.filter((r) => r.status === 'open');
      if (kept.length > 0)
        problems.push(
          `${repo.repository}: the evidence branch is gone but ${kept.length} remediation(s) were open; they stay open until a deployment without the advisory is admitted`,
        );
      // On the TSA's time when the clock is signed: the run signs its "now" (and any overdue) for them too.
      const keptNow =
        clock && kept.length > 0 ? ((await advanceClock(dir, prior, holdAsIs(previous), now, clock, logger)).trustedNow ?? now) : now;
      for (const r of kept)
        remediations.push({ ...r, repository: repo.repository, remainingMs: Date.parse(r.deadline) - keptNow.getTime() });
      const overdue = kept.filter((r) => Date.parse(r.deadline) <= keptNow.getTime()).length;
      repositories.push({ repository: repo.repository, status: repo.status, artefacts: 0, open: kept.length, overdue });
      continue;
    }
    // An artefact without SBOM evidence cannot be shown free of an advisory: where it replaced an affected
    // deployment, the open remediations of that environment carry over to it (the clock does not stop).
    for (const a of inventory.artefacts.filter((x) => x.repository === repo.repository && !x.sbom))
      for (const r of previous.remediations.filter((x) => x.status === 'open'))
        for (const { environment } of a.environments.filter((x) => r.environments.includes(x.environment))) {
          matches.push({ ...r, digest: a.digest, environment, waived: false });
          problems.push(`${repo.repository}: ${a.digest} in ${environment} has no SBOM evidence; ${r.advisory} stays open for it`);
        }
    const result = await advanceClock(dir, prior, matches, now, clock, logger);
    // Remaining time on the TSA's clock when the clock is signed (the local clock otherwise).
    const clockNow = result.trustedNow ?? now;
    if (options.github && result.opened.length + result.stillOpen.length + result.resolved.length > 0) {
      const [owner, name] = repo.repository.split('/') as [string, string];
      const client = new IssueClient({ owner, repo: name, token: options.github.token, baseUrl: options.github.baseUrl }, logger);
      const issues = await client.sync([...result.opened, ...result.stillOpen], result.resolved);
      for (const r of result.state.remediations) {
        const hit = [...issues.entries()].find(
          ([m]) => m.includes(`advisory=${encodeURIComponent(r.advisory)} `) && m.includes(`/${encodeURIComponent(r.package.name)} `),
        );
        if (hit) r.issue = hit[1];
      }
      if (options.fixPrs) {
        const requests = fixRequests(result.state.remediations, matches);
        const fixes = new FixPullRequests(
          { owner, repo: name, token: options.github.token, baseUrl: options.github.baseUrl },
          logger,
          options.fixPrs,
        );
        for (const pr of await fixes.sync(requests)) {
          pullRequests.push(pr);
          // Never a silent pass: the issue stays open and the merge says why the fix was not proposed.
          if (pr.status === 'failed')
            problems.push(`${repo.repository}: no fix pull request for ${pr.advisory}: ${pr.message ?? 'failed'}`);
        }
      }
    }
    await writeRemediations(dir, result.state);
    resolvedNow += result.resolved.length;
    for (const r of result.state.remediations) {
      if (r.status === 'open')
        remediations.push({ ...r, repository: repo.repository, remainingMs: Date.parse(r.deadline) - clockNow.getTime() });
      if (r.status === 'resolved' && r.resolvedAt)
        history.push({
          repository: repo.repository,
          advisory: r.advisory,
          package: `${r.package.ecosystem}/${r.package.name}@${r.package.version}`,
          firstSeen: r.firstSeen,
          resolvedAt: r.resolvedAt,
          hours: Math.round(((Date.parse(r.resolvedAt) - Date.parse(r.firstSeen)) / 3_600_000) * 10) / 10,
        });
    }
    for (const r of result.opened)
      logger.warning(
        `${repo.repository}: new ${r.advisory} (${r.severity}) in ${r.package.name}@${r.package.version}; fix by ${r.deadline}`,
      );
    for (const r of result.overdue)
      logger.error(`${repo.repository}: ${r.advisory} in ${r.package.name}@${r.package.version} is past its deadline ${r.deadline}`);
    repositories.push({
      repository: repo.repository,
      status: repo.status,
      artefacts: inventory.artefacts.filter((a) => a.repository === repo.repository).length,
      open: result.state.remediations.filter((r) => r.status === 'open').length,
      overdue: result.overdue.length,
    });
  }
  remediations.sort((a, b) => a.remainingMs - b.remainingMs || a.repository.localeCompare(b.repository));
  history.sort((a, b) => b.resolvedAt.localeCompare(a.resolvedAt));
  const first = shards[0];
  return {
    apiVersion: PORTFOLIO_API_VERSION,
    org: inventory.org,
    generated: now.toISOString(),
    collectedAt: inventory.collectedAt,
    snapshot: first ? first.snapshot : { uri: 'none' },
    shards: shards.map((s) => ({ shard: s.shard, artefacts: s.artefacts.length, packages: s.packages, elapsedMs: s.elapsedMs })),
    repositories,
    artefacts,
    remediations,
    history,
    totals: {
      repositories: inventory.repositories.length,
      artefacts: artefacts.length,
      packages: plan.packages,
      affected: artefacts.filter((a) => a.blocking).length,
      open: remediations.length,
      overdue: remediations.filter((r) => r.remainingMs <= 0).length,
      resolved: resolvedNow,
      ...(inventory.drift ? { drift: inventory.drift.reduce((n, d) => n + d.findings.length, 0) } : {}),
    },
    problems,
    ...(inventory.drift ? { drift: inventory.drift } : {}),
    ...(options.fixPrs ? { pullRequests } : {}),
  };
}
