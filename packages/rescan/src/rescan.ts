/**
 * The closed loop: read what the gate admitted (deployment records), take each deployed digest's SBOM
 * evidence, match it against a fresh vulnerability database, and keep the 24-hour remediation clock —
 * one GitHub issue per advisory, a failed run past the deadline, and a state file the gate reads so
 * that an affected digest is refused until it is fixed or waived.
 */
import path from 'node:path';
import {
  atLeast,
  ConfigurationError,
  deployPolicyFor,
  EvidenceFolder,
  findWaiver,
  PREDICATE,
  subjectDigests,
  writeRemediations,
  type Logger,
  type Policy,
  type Remediation,
} from '@secure-factory/core';
import { osvPackageRef, packagesFromSbom, type Package, type VulnSource } from '@secure-factory/materials';
import { readDeployments, type DeploymentRecord } from '@secure-factory/verify';
import { advanceClock, readClockState, type TrustedClock } from './clock-evidence.js';
import { checkoutDrift, type DriftReport } from './drift.js';
import { IssueClient, type IssueTarget } from './issues.js';
import { FixPullRequests, fixRequests, type FixPrOptions, type FixPrResult } from './fix-pr.js';
import type { RescanMatch } from './remediation.js';

export interface RescanOptions {
  /** Evidence folders of deployed runs: each holds `deployments/` and the run's statements. */
  evidenceDirs: string[];
  /** Where `remediations.json` is kept; default the first evidence folder's `deployments/`. */
  stateDir?: string;
  policy: Policy;
  vulnSource: VulnSource;
  logger: Logger;
  now: Date;
  github?: IssueTarget;
  rebuild?: boolean;
  /** With `github`: open or update one remediation pull request per open advisory with a fixed version (fix-pr.ts). */
  fixPrs?: FixPrOptions;
  /** The clock on trusted time: state changes signed with RFC 3161 timestamps (clock-evidence.ts). */
  clock?: TrustedClock;
  /** Least-privilege drift: the default branch's checkout and the repository's name (drift.ts). */
  workflows?: { root: string; repository: string; ref?: string };
}

export interface DeployedDigest {
  digest: string;
  environments: string[];
  name?: string;
  sbom?: string;
  packages: number;
}

export interface RescanResult {
  deployed: DeployedDigest[];
  matches: RescanMatch[];
  opened: Remediation[];
  stillOpen: Remediation[];
  resolved: Remediation[];
  overdue: Remediation[];
  statePath: string;
  database: ReturnType<VulnSource['describe']>;
  problems: string[];
  /** With `workflows`: what grew in the default branch's workflows since the last admitted release. */
  drift?: DriftReport;
  /** With `fixPrs`: the remediation pull requests (a `failed` one is also in `problems`). */
  pullRequests?: FixPrResult[];
  /** With `clock`: the TSA time of this run's signature, and the signed events it wrote. */
  trustedNow?: string;
  events?: string[];
}

/**
 * What is deployed now: per environment and artefact name, the newest admitted record (the org
 * inventory's rule). A later admitted deployment of the same name supersedes the older digest — that is
 * what stops a clock; a record without a name is keyed by its digest and stays deployed.
 */
function deployedNow<T extends { record: DeploymentRecord; dir: string }>(all: readonly T[]): T[] {
  const current = new Map<string, T>();
  for (const x of all) {
    const k = `${x.record.environment}\u0000${x.record.name ?? x.record.digest}`;
    const prev = current.get(k);
    if (!prev || prev.record.time < x.record.time || (prev.record.time === x.record.time && prev.dir < x.dir)) current.set(k, x);
  }
  return [...current.values()];
}

export async function rescan(options: RescanOptions): Promise<RescanResult> {
  const { logger, policy, now } = options;
  if (options.evidenceDirs.length === 0)
    throw new ConfigurationError('no evidence folder given', { hint: 'pass the folder(s) where the gate wrote deployments/' });
  const problems: string[] = [];
  const deployedByDigest = new Map<string, DeployedDigest & { pkgs: Package[]; envs: Set<string> }>();
  const releases: { record: DeploymentRecord; evidence: string }[] = [];

  const all: { record: DeploymentRecord; dir: string }[] = [];
  for (const dir of options.evidenceDirs) {
    const { records, skipped } = await readDeployments(dir);
    for (const s of skipped) problems.push(`unreadable deployment record skipped: ${s}`);
    releases.push(...records.map((record) => ({ record, evidence: dir })));
    all.push(...records.map((record) => ({ record, dir })));
  }
  const current = deployedNow(all);
  const deployedKeys = new Set(current.map((c) => `${c.record.environment}\u0000${c.record.digest}`));
  const superseded = new Set(all.map((x) => `${x.record.environment}\u0000${x.record.digest}`).filter((k) => !deployedKeys.has(k)));
  for (const k of superseded) logger.info(`${k.replace('\u0000', ': ')} was superseded by a later admitted deployment of the same name`);
  for (const dir of [...new Set(current.map((c) => c.dir))]) {
    // SBOM statements of this run, by the digests they name (attest adds the artefacts as subjects).
    const sboms = (await new EvidenceFolder(dir).load()).filter(
      (s) => s.statement.predicateType === PREDICATE.cyclonedx || s.statement.predicateType === PREDICATE.spdx,
    );
    for (const r of current.filter((c) => c.dir === dir).map((c) => c.record)) {
      const hex = r.digest.replace(/^sha256:/, '');
      const entry = deployedByDigest.get(r.digest) ?? {
        digest: r.digest,
        environments: [],
        packages: 0,
        pkgs: [],
        envs: new Set<string>(),
        ...(r.name ? { name: r.name } : {}),
      };
      entry.envs.add(r.environment);
      deployedByDigest.set(r.digest, entry);
      if (entry.sbom) continue;
      const sbom = sboms.find((s) => subjectDigests(s.statement).has(hex));
      if (!sbom) {
        problems.push(`no SBOM evidence names ${r.digest} (deployed to ${r.environment}) in ${dir}: it cannot be rescanned`);
        continue;
      }
      entry.sbom = path.relative(process.cwd(), sbom.statementPath) || sbom.statementPath;
      entry.pkgs = packagesFromSbom(sbom.statement.predicate, sbom.statementPath).filter((p) => p.version !== '');
      entry.packages = entry.pkgs.length;
    }
  }

  const deployed = [...deployedByDigest.values()].map((d) => ({ ...d, environments: [...d.envs].sort() }));
  logger.info(`rescanning ${deployed.length} deployed digest(s) against ${options.vulnSource.describe().uri}`);

  const matches: RescanMatch[] = [];
  for (const d of deployed) {
    if (d.pkgs.length === 0) continue;
    // What OSV names: for a base image's OS packages, the release's ecosystem and the source package.
    const queries = d.pkgs.map(osvPackageRef).filter((q): q is NonNullable<typeof q> => q !== undefined);
    const found = await options.vulnSource.match(queries);
    for (const v of found) {
      for (const env of d.environments) {
        const threshold = deployPolicyFor(policy, env)?.blockSeverity ?? policy.materials.blockSeverity;
        if (!atLeast(v.severity, threshold)) continue;
        const w = findWaiver(
          policy.exceptions,
          { ids: [v.id, ...v.aliases], package: v.package, digest: d.digest, environment: env },
          now,
          policy.exceptionMaxDays,
        );
        matches.push({
          advisory: v.id,
          aliases: v.aliases,
          package: v.package,
          severity: v.severity,
          fixedVersions: v.fixedVersions,
          digest: d.digest,
          environment: env,
          waived: w.active !== undefined,
        });
      }
    }
  }

  const stateDir = options.stateDir ?? path.join(options.evidenceDirs[0] as string, 'deployments');
  const previous = await readClockState(stateDir, options.clock);
  // A deployment without SBOM evidence cannot be shown free of an advisory: where it is deployed now, the
  // open remediations of its environments carry over to it (the clock does not stop for want of evidence).
  for (const d of deployed.filter((x) => !x.sbom))
    for (const r of previous.state.remediations.filter((x) => x.status === 'open'))
      for (const environment of d.environments.filter((e) => r.environments.includes(e))) {
        matches.push({ ...r, digest: d.digest, environment, waived: false });
        problems.push(`${d.digest} in ${environment} has no SBOM evidence; ${r.advisory} stays open for it`);
      }
  const result = await advanceClock(stateDir, previous, matches, now, options.clock, logger);

  let pullRequests: FixPrResult[] | undefined;
  if (options.github) {
    const client = new IssueClient(options.github, logger);
    const issues = await client.sync([...result.opened, ...result.stillOpen], result.resolved);
    for (const r of result.state.remediations) {
      const hit = [...issues.entries()].find(
        ([m]) => m.includes(`advisory=${encodeURIComponent(r.advisory)} `) && m.includes(`/${encodeURIComponent(r.package.name)} `),
      );
      if (hit) r.issue = hit[1];
    }
    if (options.rebuild && result.opened.length > 0) await client.dispatchRebuild(result.opened);
    if (options.fixPrs) {
      pullRequests = await new FixPullRequests(options.github, logger, options.fixPrs).sync(
        fixRequests(result.state.remediations, matches),
      );
      for (const pr of pullRequests.filter((p) => p.status === 'failed'))
        problems.push(`no fix pull request for ${pr.advisory}: ${pr.message ?? 'failed'}`);
    }
  }
  const statePath = await writeRemediations(stateDir, result.state);
  for (const r of result.overdue)
    logger.error(
      `${r.advisory} in ${r.package.name}@${r.package.version} is past its deadline ${r.deadline} (deployed: ${r.digests.join(', ')})`,
    );
  for (const r of result.opened)
    logger.warning(
      `new: ${r.advisory} (${r.severity}) in ${r.package.name}@${r.package.version}, deployed to ${r.environments.join(', ')}; fix by ${r.deadline}`,
    );
  let drift: DriftReport | undefined;
  if (options.workflows) {
    drift = await checkoutDrift({ ...options.workflows, releases });
    if (drift.status === 'no-baseline')
      problems.push(
        `the last admitted release (${drift.release?.digest ?? 'see deployments/'}) recorded no workflow posture: least-privilege drift cannot be judged until a release made by this version of checkout-verify is admitted`,
      );
    for (const f of drift.findings) logger.warning(`drift: ${f.message} (owners: ${((f.properties?.owners as string[]) ?? []).join(' ')})`);
  }
  return {
    deployed: deployed.map(({ digest, environments, name, sbom, packages }) => ({
      digest,
      environments,
      packages,
      ...(name ? { name } : {}),
      ...(sbom ? { sbom } : {}),
    })),
    matches,
    opened: result.opened,
    stillOpen: result.stillOpen,
    resolved: result.resolved,
    overdue: result.overdue,
    statePath,
    database: options.vulnSource.describe(),
    problems,
    ...(drift ? { drift } : {}),
    ...(pullRequests ? { pullRequests } : {}),
    ...(result.trustedNow ? { trustedNow: result.trustedNow.toISOString() } : {}),
    ...(options.clock ? { events: result.events } : {}),
  };
}
