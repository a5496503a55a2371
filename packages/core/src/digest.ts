/**
 * Streaming digests of files and of whole trees. Trees are hashed with a stable order (byte order of
 * the relative path, `/` separators) so the same tree gives the same digest on every machine.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';

export type DigestAlgorithm = 'sha256' | 'sha512';
export type DigestSet = Partial<Record<DigestAlgorithm, string>>;

const HEX64 = /^[0-9a-f]{64}$/;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function isSha256Hex(s: string): boolean {
  return HEX64.test(s);
}

/** Streams a file once through every requested hash. */
export async function digestFile(file: string, algorithms: readonly DigestAlgorithm[] = ['sha256']): Promise<DigestSet> {
  const hashes = algorithms.map((a) => [a, createHash(a)] as const);
  // 1 MiB reads keep syscalls few; hashing, not I/O, is the limit at this size.
  const stream = createReadStream(file, { highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    for (const [, h] of hashes) h.update(chunk as Buffer);
  }
  const out: DigestSet = {};
  for (const [a, h] of hashes) out[a] = h.digest('hex');
  return out;
}

export async function sha256File(file: string): Promise<string> {
  const d = await digestFile(file, ['sha256']);
  return d.sha256 as string;
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping result order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      results[i] = await fn(items[i] as T, i);
    }
  });
  await Promise.all(workers);
  return results;
}

export interface TreeEntry {
  /** Path relative to the tree root, `/`-separated. */
  path: string;
  type: 'file' | 'symlink';
  sha256: string;
  /** For symlinks: the link target as stored (not followed). */
  target?: string;
  size: number;
}

export interface TreeDigest {
  sha256: string;
  entries: TreeEntry[];
}

export interface TreeOptions {
  /** Directory names (not paths) skipped anywhere in the tree. */
  skipDirectories?: readonly string[];
  concurrency?: number;
}

/** Byte-wise comparison, so the order does not depend on the locale. */
export function compareBytewise(a: string, b: string): number {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ba, bb);
}

/** Lists regular files and symlinks below `root` (symlinks are recorded, never followed). */
export async function listTree(
  root: string,
  options: TreeOptions = {},
): Promise<{ path: string; type: 'file' | 'symlink'; size: number }[]> {
  const skip = new Set(options.skipDirectories ?? []);
  const out: { path: string; type: 'file' | 'symlink'; size: number }[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skip.has(e.name)) await walk(abs, relPath);
      } else if (e.isSymbolicLink()) {
        out.push({ path: relPath, type: 'symlink', size: 0 });
      } else if (e.isFile()) {
        const st = await lstat(abs);
        out.push({ path: relPath, type: 'file', size: st.size });
      }
    }
  };
  await walk(root, '');
  out.sort((a, b) => compareBytewise(a.path, b.path));
  return out;
}

/**
 * Digest of a whole tree: SHA-256 over `sha256sum`-style lines (`<hex>  <path>\n`, symlinks hashed
 * as `link:<target>`), in byte order of the path.
 */
export async function digestTree(root: string, options: TreeOptions = {}): Promise<TreeDigest> {
  const files = await listTree(root, options);
  const entries = await mapLimit(files, options.concurrency ?? 8, async (f): Promise<TreeEntry> => {
    const abs = path.join(root, ...f.path.split('/'));
    if (f.type === 'symlink') {
      const target = await readlink(abs);
      return { path: f.path, type: 'symlink', target, sha256: sha256Hex(`link:${target}`), size: 0 };
    }
    return { path: f.path, type: 'file', sha256: await sha256File(abs), size: f.size };
  });
  const h = createHash('sha256');
  for (const e of entries) h.update(`${e.sha256}  ${e.path}\n`);
  return { sha256: h.digest('hex'), entries };
}

/** Files whose digest differs between two tree listings, plus added and removed ones. */
export function diffTrees(
  before: readonly TreeEntry[],
  after: readonly TreeEntry[],
): { added: string[]; removed: string[]; changed: string[] } {
  const a = new Map(before.map((e) => [e.path, e.sha256]));
  const b = new Map(after.map((e) => [e.path, e.sha256]));
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  for (const [p, d] of b) {
    const old = a.get(p);
    if (old === undefined) added.push(p);
    else if (old !== d) changed.push(p);
  }
  for (const p of a.keys()) if (!b.has(p)) removed.push(p);
  return { added, removed, changed };
}
