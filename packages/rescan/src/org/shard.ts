/**
 * One shard of the org-wide rescan: the artefacts the plan gives it, matched against one OSV snapshot
 * (the same for every shard of a run: its digest is recorded and the merge refuses a mix).
 */
import path from 'node:path';
import { ConfigurationError, readJsonFile, writeJsonAtomic } from '@secure-factory/core';
import type { VulnMatch, VulnSource, VulnSourceDescription } from '@secure-factory/materials';
import type { Inventory, PlanFile } from './inventory.js';
import { parseShard } from './plan.js';
import { checkPortfolioFile } from './state-schemas.js';

export const SHARD_API_VERSION = 'secure-factory/portfolio-shard/v1';

export interface Snapshot extends VulnSourceDescription {
  /** When the snapshot was taken (downloaded), as recorded by whoever took it; else its newest record. */
  takenAt?: string;
}

export interface ShardMatch {
  advisory: string;
  aliases: string[];
  package: { ecosystem: string; name: string; version: string };
  severity: VulnMatch['severity'];
  fixedVersions: string[];
  summary?: string;
}

export interface ShardResult {
  apiVersion: typeof SHARD_API_VERSION;
  shard: string;
  inventory: string;
  snapshot: Snapshot;
  artefacts: { index: number; repository: string; digest: string; packages: number; matches: ShardMatch[] }[];
  packages: number;
  elapsedMs: number;
}

export async function rescanShard(
  inventory: Inventory,
  plan: PlanFile,
  shard: string,
  db: VulnSource,
  takenAt?: string,
): Promise<ShardResult> {
  const { index, count } = parseShard(shard);
  if (count !== plan.shards.length)
    throw new ConfigurationError(`shard ${shard}: the plan has ${plan.shards.length} shard(s), not ${count}`, {
      hint: 'take the shard list from `rescan --org ORG --plan` (its matrix JSON)',
    });
  const mine = plan.shards[index - 1];
  if (!mine) throw new ConfigurationError(`shard ${shard} is not in the plan`);
  const started = performance.now();
  const artefacts: ShardResult['artefacts'] = [];
  let packages = 0;
  for (const i of mine.artefacts) {
    const a = inventory.artefacts[i];
    if (!a) throw new ConfigurationError(`shard ${shard}: the plan names artefact ${i}, which the inventory does not have`);
    const found =
      a.packages.length === 0 ? [] : await db.match(a.packages.map(([ecosystem, name, version]) => ({ ecosystem, name, version })));
    packages += a.packages.length;
    artefacts.push({
      index: i,
      repository: a.repository,
      digest: a.digest,
      packages: a.packages.length,
      matches: found.map((v) => ({
        advisory: v.id,
        aliases: v.aliases,
        package: v.package,
        severity: v.severity,
        fixedVersions: v.fixedVersions,
        ...(v.summary ? { summary: v.summary } : {}),
      })),
    });
  }
  const d = db.describe();
  const snapshot: Snapshot = { ...d, ...((takenAt ?? d.lastUpdate) ? { takenAt: takenAt ?? d.lastUpdate } : {}) };
  return {
    apiVersion: SHARD_API_VERSION,
    shard,
    inventory: plan.inventory,
    snapshot,
    artefacts,
    packages,
    elapsedMs: Math.round(performance.now() - started),
  };
}

export const shardFileName = (shard: string): string => `shard-${shard.replace('/', '-of-')}.json`;

export async function writeShard(dir: string, result: ShardResult): Promise<string> {
  const file = path.join(dir, shardFileName(result.shard));
  await writeJsonAtomic(file, result);
  return file;
}

export async function readShard(file: string): Promise<ShardResult> {
  const v = await readJsonFile(file, { what: 'shard result', maxBytes: 512 * 1024 * 1024 });
  return checkPortfolioFile<ShardResult>('shard', v, file, SHARD_API_VERSION);
}
