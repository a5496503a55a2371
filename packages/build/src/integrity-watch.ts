/**
 * The integrity watch: the source tree's digest before the build and after it. The "before" is a full
 * content digest (the same value as core `digestTree`); the "after" re-hashes only what could have
 * changed. Any write to a file updates its ctime (which a process cannot set back), so a file whose
 * size, mtime, ctime, inode and mode are all unchanged has unchanged content; files touched within two
 * seconds before the first look (same clock tick) are re-hashed anyway.
 */
import { createHash } from 'node:crypto';
import { lstat, readlink } from 'node:fs/promises';
import path from 'node:path';
import { listTree, mapLimit, sha256Hex, type TreeEntry } from '@secure-factory/core';
import { sha256Files } from './parallel-digest.js';

export interface WatchSnapshot {
  sha256: string;
  entries: TreeEntry[];
  stats: Map<string, string>;
  recent: Set<string>;
}

export interface WatchResult {
  before: string;
  after: string;
  unchanged: boolean;
  changed: string[];
  added: string[];
  removed: string[];
}

const RECENT_NS = 2_000_000_000n;

async function statKeys(
  root: string,
  skip: readonly string[],
): Promise<{ files: { path: string; type: 'file' | 'symlink'; size: number }[]; stats: Map<string, string>; ctimes: Map<string, bigint> }> {
  const files = await listTree(root, { skipDirectories: skip });
  const stats = new Map<string, string>();
  const ctimes = new Map<string, bigint>();
  await mapLimit(files, 32, async (f) => {
    const st = await lstat(path.join(root, ...f.path.split('/')), { bigint: true });
    stats.set(f.path, `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}:${st.mode}`);
    ctimes.set(f.path, st.ctimeNs);
  });
  return { files, stats, ctimes };
}

async function hashEntries(root: string, files: readonly { path: string; type: 'file' | 'symlink'; size: number }[]): Promise<TreeEntry[]> {
  const regular = files.filter((f) => f.type === 'file');
  const digests = await sha256Files(regular.map((f) => ({ file: path.join(root, ...f.path.split('/')), size: f.size })));
  const byPath = new Map(regular.map((f, i) => [f.path, digests[i] as string]));
  return mapLimit(files, 32, async (f): Promise<TreeEntry> => {
    if (f.type === 'symlink') {
      const target = await readlink(path.join(root, ...f.path.split('/')));
      return { path: f.path, type: 'symlink', target, sha256: sha256Hex(`link:${target}`), size: 0 };
    }
    return { path: f.path, type: 'file', sha256: byPath.get(f.path) as string, size: f.size };
  });
}

function treeDigest(entries: readonly TreeEntry[]): string {
  const h = createHash('sha256');
  for (const e of entries) h.update(`${e.sha256}  ${e.path}\n`);
  return h.digest('hex');
}

export async function watchBefore(root: string, skip: readonly string[]): Promise<WatchSnapshot> {
  const started = BigInt(Date.now()) * 1_000_000n;
  const { files, stats, ctimes } = await statKeys(root, skip);
  const entries = await hashEntries(root, files);
  const recent = new Set([...ctimes].filter(([, c]) => c >= started - RECENT_NS).map(([p]) => p));
  return { sha256: treeDigest(entries), entries, stats, recent };
}

export async function watchAfter(root: string, before: WatchSnapshot, skip: readonly string[]): Promise<WatchResult> {
  const { files, stats } = await statKeys(root, skip);
  const old = new Map(before.entries.map((e) => [e.path, e]));
  const rehash = files.filter((f) => !old.has(f.path) || stats.get(f.path) !== before.stats.get(f.path) || before.recent.has(f.path));
  const fresh = new Map((await hashEntries(root, rehash)).map((e) => [e.path, e]));
  const entries = files.map((f) => fresh.get(f.path) ?? (old.get(f.path) as TreeEntry));
  const added: string[] = [];
  const changed: string[] = [];
  for (const e of entries) {
    const o = old.get(e.path);
    if (!o) added.push(e.path);
    else if (o.sha256 !== e.sha256) changed.push(e.path);
  }
  const now = new Set(files.map((f) => f.path));
  const removed = before.entries.filter((e) => !now.has(e.path)).map((e) => e.path);
  const after = treeDigest(entries);
  return { before: before.sha256, after, unchanged: after === before.sha256, changed, added, removed };
}
