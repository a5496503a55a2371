/**
 * The portfolio inventory: every artefact deployed now, per repository and environment, with the
 * packages of its SBOM and the status of its chain. Built from evidence folders laid out as
 * `<root>/<owner>/<repo>/runs/<run>/evidence/` (what `collectOrg` writes, and what an evidence branch
 * checkout holds), with the same readers the single-repository rescan uses (`readDeployments`,
 * `EvidenceFolder`, `packagesFromSbom`).
 *
 * "Deployed now": per repository, environment and artefact name, the newest admitted record. A newer
 * deployment of the same name supersedes the older digest (that is how a fix stops the clock); a record
 * without a name is keyed by its digest and stays deployed.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  EvidenceFolder,
  PREDICATE,
  sha256Hex,
  subjectDigests,
  writeJsonAtomic,
  writeFileAtomic,
  readJsonFile,
  readRegularFile,
  ConfigurationError,
  decodeUtf8,
  parseJsonText,
  type LoadedStatement,
} from '@secure-factory/core';
import { packagesFromSbom } from '@secure-factory/materials';
import { readDeployments, type DeploymentRecord } from '@secure-factory/verify';
import type { DriftReport } from '../drift.js';
import { planShards, type PlanOptions, type ShardPlan } from './plan.js';
import { checkPortfolioFile } from './state-schemas.js';

export const INVENTORY_API_VERSION = 'secure-factory/portfolio-inventory/v1';
export const PLAN_API_VERSION = 'secure-factory/portfolio-plan/v1';

export type StepStatus = 'pass' | 'missing';

export interface Chain {
  source: { status: StepStatus; level?: string };
  materials: { status: StepStatus; detail: string };
  build: { status: StepStatus; level?: string };
  attest: { status: StepStatus; detail: string };
  gate: { status: StepStatus; time: string; policy?: string };
}

export interface InventoryArtefact {
  repository: string;
  digest: string;
  name?: string;
  run: string;
  environments: { environment: string; time: string }[];
  /** Whether SBOM evidence names it (without one it cannot be rescanned). */
  sbom: boolean;
  /** [ecosystem, name, version]: compact, since an artefact may hold thousands. */
  packages: [string, string, string][];
  chain: Chain;
}

export interface Inventory {
  apiVersion: typeof INVENTORY_API_VERSION;
  org: string;
  collectedAt: string;
  repositories: { repository: string; status: 'collected' | 'no-evidence-branch'; records: number }[];
  artefacts: InventoryArtefact[];
  /** Earlier deployments superseded by a newer one of the same name. */
  superseded: { repository: string; environment: string; digest: string; name?: string; time: string; supersededBy: string }[];
  problems: string[];
  /** Least-privilege drift of each deployed repository's default branch (`orgDrift`, in the plan job). */
  drift?: DriftReport[];
}

export interface PlanFile {
  apiVersion: typeof PLAN_API_VERSION;
  /** sha256 of the inventory file the plan was made from: shards and merge refuse any other. */
  inventory: string;
  artefacts: number;
  packages: number;
  shards: ShardPlan[];
}

async function dirs(p: string): Promise<string[]> {
  try {
    return (await readdir(p, { withFileTypes: true }))
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

const names = (s: LoadedStatement, hex: string): boolean => subjectDigests(s.statement).has(hex);

function chainOf(record: DeploymentRecord, statements: LoadedStatement[], hex: string, hasSbom: boolean): Chain {
  const levels = record.verifiedLevels ?? [];
  const source = levels
    .filter((l) => l.startsWith('SLSA_SOURCE_LEVEL_'))
    .sort()
    .pop();
  const build = levels
    .filter((l) => l.startsWith('SLSA_BUILD_LEVEL_'))
    .sort()
    .pop();
  const provenance = statements.find((s) => s.statement.predicateType === PREDICATE.provenance && names(s, hex));
  const vulns = statements.find((s) => s.statement.predicateType === PREDICATE.vulns);
  const signed = statements.filter((s) => names(s, hex) && s.bundlePath !== undefined).length;
  const naming = statements.filter((s) => names(s, hex)).length;
  return {
    source: source ? { status: 'pass', level: source } : { status: 'missing' },
    materials: {
      status: hasSbom && vulns ? 'pass' : 'missing',
      detail: `${hasSbom ? 'SBOM' : 'no SBOM'}, ${vulns ? 'vulnerability scan' : 'no vulnerability scan'}`,
    },
    build: provenance ? { status: 'pass', ...(build ? { level: build } : {}) } : { status: 'missing' },
    attest: { status: naming > 0 && signed === naming ? 'pass' : 'missing', detail: `${signed} of ${naming} statement(s) signed` },
    gate: { status: 'pass', time: record.time, ...(record.policy ? { policy: record.policy.uri } : {}) },
  };
}

/** Builds the inventory from `<root>/<owner>/<repo>/runs/<run>/evidence/`. */
export async function buildInventory(
  root: string,
  org: string,
  now: Date,
  listed?: readonly { repository: string; status: 'collected' | 'no-evidence-branch' }[],
): Promise<Inventory> {
  const problems: string[] = [];
  const repositories: Inventory['repositories'] = [];
  const artefacts: InventoryArtefact[] = [];
  const superseded: Inventory['superseded'] = [];
  let repoNames = listed?.map((l) => l.repository);
  if (!repoNames) {
    repoNames = [];
    for (const o of await dirs(root)) for (const r of await dirs(path.join(root, o))) repoNames.push(`${o}/${r}`);
  }
  for (const repository of repoNames) {
    const status = listed?.find((l) => l.repository === repository)?.status ?? 'collected';
    const [owner, repo] = repository.split('/') as [string, string];
    const runsDir = path.join(root, owner, repo, 'runs');
    const all: { record: DeploymentRecord; run: string; evidence: string }[] = [];
    for (const run of await dirs(runsDir)) {
      const evidence = path.join(runsDir, run, 'evidence');
      const { records, skipped } = await readDeployments(evidence);
      for (const s of skipped) problems.push(`${repository}: unreadable deployment record skipped: runs/${run}/evidence/deployments/${s}`);
      for (const record of records) all.push({ record, run, evidence });
    }
    repositories.push({ repository, status, records: all.length });
    // Newest first; the first record of each (environment, name) is what is deployed there now.
    all.sort((a, b) => b.record.time.localeCompare(a.record.time) || b.run.localeCompare(a.run));
    const current = new Map<string, (typeof all)[number]>();
    for (const x of all) {
      const k = `${x.record.environment}\u0000${x.record.name ?? x.record.digest}`;
      const newer = current.get(k);
      if (!newer) current.set(k, x);
      else if (newer.record.digest !== x.record.digest)
        superseded.push({
          repository,
          environment: x.record.environment,
          digest: x.record.digest,
          ...(x.record.name ? { name: x.record.name } : {}),
          time: x.record.time,
          supersededBy: newer.record.digest,
        });
    }
    const byDigest = new Map<string, InventoryArtefact>();
    const loaded = new Map<string, LoadedStatement[]>();
    for (const x of [...current.values()].sort((a, b) => a.record.digest.localeCompare(b.record.digest))) {
      const existing = byDigest.get(x.record.digest);
      if (existing) {
        existing.environments.push({ environment: x.record.environment, time: x.record.time });
        continue;
      }
      let statements = loaded.get(x.evidence);
      if (!statements) {
        statements = await new EvidenceFolder(x.evidence).load();
        loaded.set(x.evidence, statements);
      }
      const hex = x.record.digest.replace(/^sha256:/, '');
      const sbom = statements.find(
        (s) => (s.statement.predicateType === PREDICATE.cyclonedx || s.statement.predicateType === PREDICATE.spdx) && names(s, hex),
      );
      let packages: InventoryArtefact['packages'] = [];
      if (sbom) {
        packages = packagesFromSbom(sbom.statement.predicate, sbom.statementPath)
          .filter((p) => p.version !== '')
          .map((p) => [p.ecosystem, p.name, p.version]);
      } else {
        problems.push(
          `${repository}: no SBOM evidence names ${x.record.digest} (deployed to ${x.record.environment}): it cannot be rescanned`,
        );
      }
      const a: InventoryArtefact = {
        repository,
        digest: x.record.digest,
        ...(x.record.name ? { name: x.record.name } : {}),
        run: x.run,
        sbom: sbom !== undefined,
        environments: [{ environment: x.record.environment, time: x.record.time }],
        packages,
        chain: chainOf(x.record, statements, hex, sbom !== undefined),
      };
      byDigest.set(x.record.digest, a);
      artefacts.push(a);
    }
  }
  for (const a of artefacts) a.environments.sort((x, y) => x.environment.localeCompare(y.environment));
  artefacts.sort((a, b) => a.repository.localeCompare(b.repository) || a.digest.localeCompare(b.digest));
  return { apiVersion: INVENTORY_API_VERSION, org, collectedAt: now.toISOString(), repositories, artefacts, superseded, problems };
}

/** Writes inventory.json and plan.json into `dir`; returns the plan. */
export async function writeInventoryAndPlan(dir: string, inventory: Inventory, options: PlanOptions = {}): Promise<PlanFile> {
  const text = `${JSON.stringify(inventory)}\n`;
  const planned = planShards(
    inventory.artefacts.map((a) => a.packages.length),
    options,
  );
  // An empty portfolio still has one (empty) shard, so a matrix is never empty and the merge always runs.
  const shards = planned.length > 0 ? planned : [{ shard: '1/1', artefacts: [], packages: 0 }];
  const plan: PlanFile = {
    apiVersion: PLAN_API_VERSION,
    inventory: `sha256:${sha256Hex(text)}`,
    artefacts: inventory.artefacts.length,
    packages: inventory.artefacts.reduce((s, a) => s + a.packages.length, 0),
    shards,
  };
  await writeFileAtomic(path.join(dir, 'inventory.json'), text);
  await writeJsonAtomic(path.join(dir, 'plan.json'), plan);
  return plan;
}

/** The matrix for `strategy.matrix`: `{"shard": ["1/n", …]}`. */
export function matrixOf(plan: PlanFile): { shard: string[] } {
  return { shard: plan.shards.map((s) => s.shard) };
}

/** Reads inventory.json and plan.json from `dir`, checking the plan was made from this inventory. */
export async function readInventoryAndPlan(dir: string): Promise<{ inventory: Inventory; plan: PlanFile }> {
  const invFile = path.join(dir, 'inventory.json');
  const planFile = path.join(dir, 'plan.json');
  const bytes = await readRegularFile(invFile, { maxBytes: 512 * 1024 * 1024, what: 'portfolio inventory' });
  // Parsed through core: a syntax error names file:line:column and never quotes the text.
  const rawInventory = parseJsonText(decodeUtf8(bytes, invFile, 'portfolio inventory'), invFile);
  const rawPlan = await readJsonFile(planFile, { what: 'shard plan' });
  const inventory = checkPortfolioFile<Inventory>('inventory', rawInventory, invFile, INVENTORY_API_VERSION);
  const plan = checkPortfolioFile<PlanFile>('plan', rawPlan, planFile, PLAN_API_VERSION);
  if (plan.inventory !== `sha256:${sha256Hex(bytes)}`)
    throw new ConfigurationError('the shard plan was made from another inventory', {
      location: { file: planFile },
      hint: 'use the inventory.json and plan.json written together by `rescan --org ORG --plan`',
    });
  const outside = plan.shards.flatMap((s) => s.artefacts).find((i) => i >= inventory.artefacts.length);
  if (outside !== undefined)
    throw new ConfigurationError(`the shard plan names artefact ${outside}, but the inventory holds ${inventory.artefacts.length}`, {
      location: { file: planFile },
      hint: 'use the inventory.json and plan.json written together by `rescan --org ORG --plan`',
    });
  return { inventory, plan };
}
