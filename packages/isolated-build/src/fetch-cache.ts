/**
 * The fetch phase's cache (the npm cache, pip's download folder...): a host folder bound at /cache
 * (`SECURE_FACTORY_CACHE`) while fetching, optionally restored from and saved to a cache service. A
 * restored entry is trusted only when its content digest equals the digest recorded in its key when it
 * was saved: an unverified cache is a poisoned cache, so a mismatch empties the folder and the fetch
 * starts clean. (The digest proves the entry was not altered after it was saved; it cannot vouch for
 * whoever saved it — the lockfile's integrity hashes, which `npm ci` checks, still decide the materials.)
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { digestTree, errorMessage, type Logger, type ResourceDescriptor } from '@secure-factory/core';

/** A cache service: `@actions/cache` in the action, anything with the same two calls elsewhere. */
export interface CacheStore {
  /** Restores into `dir`; returns the matched key or undefined on a miss. */
  restore(dir: string, primaryKey: string, restoreKeys: string[]): Promise<string | undefined>;
  save(dir: string, key: string): Promise<void>;
}

export interface FetchCacheOptions {
  /** Host folder bound at /cache during the fetch. */
  dir: string;
  store?: CacheStore;
}

export interface FetchCacheReport {
  key: string;
  restored: boolean;
  /** true: the restored content's digest matched its key; false: it did not and was discarded. */
  verified?: boolean;
  matchedKey?: string;
  savedKey?: string;
  sha256?: string;
  error?: string;
}

const KEY_VERSION = 'secure-factory-fetch-v1';

/** The key prefix: the lockfiles' digests and the fetch command decide what the cache may hold. */
export function cacheKeyPrefix(
  lockfiles: readonly ResourceDescriptor[],
  fetchCommand: string,
  platform = `${process.platform}-${process.arch}`,
): string {
  const h = createHash('sha256');
  h.update(`${fetchCommand}\n`);
  for (const l of lockfiles) h.update(`${l.name ?? ''} ${l.digest?.sha256 ?? ''}\n`);
  return `${KEY_VERSION}-${platform}-${h.digest('hex').slice(0, 32)}-`;
}

async function contentDigest(dir: string): Promise<string> {
  return (await digestTree(dir)).sha256;
}

async function empty(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

export async function restoreFetchCache(o: FetchCacheOptions, prefix: string, logger: Logger): Promise<FetchCacheReport> {
  const report: FetchCacheReport = { key: prefix, restored: false };
  await mkdir(o.dir, { recursive: true });
  if (!o.store) return report;
  if ((await readdir(o.dir)).length > 0) await empty(o.dir);
  let matched: string | undefined;
  try {
    matched = await o.store.restore(o.dir, `${prefix}latest`, [prefix]);
  } catch (e: unknown) {
    // A cache service that fails is a miss, never a reason to trust what it left behind.
    report.error = errorMessage(e);
    logger.warning(`fetch cache: restore failed (${report.error}); fetching without it`);
    await empty(o.dir);
    return report;
  }
  if (!matched) return report;
  report.restored = true;
  report.matchedKey = matched;
  const expected = matched.slice(prefix.length);
  const actual = await contentDigest(o.dir);
  report.verified = /^[0-9a-f]{64}$/.test(expected) && actual === expected;
  report.sha256 = actual;
  if (!report.verified) {
    logger.warning(`fetch cache: entry ${matched} has content sha256:${actual}, not the digest in its key; discarded`);
    await empty(o.dir);
  } else {
    logger.info(`fetch cache: restored ${matched} (content digest verified)`);
  }
  return report;
}

export async function saveFetchCache(o: FetchCacheOptions, prefix: string, report: FetchCacheReport, logger: Logger): Promise<void> {
  if (!o.store) return;
  const digest = await contentDigest(o.dir);
  if (report.verified && report.sha256 === digest) return; // unchanged: the entry already exists
  const key = `${prefix}${digest}`;
  try {
    await o.store.save(o.dir, key);
    report.savedKey = key;
    logger.info(`fetch cache: saved ${key}`);
  } catch (e: unknown) {
    logger.warning(`fetch cache: save failed (${errorMessage(e)})`);
  }
}

/** The inside path of the cache folder. */
export const SANDBOX_CACHE = '/cache';
