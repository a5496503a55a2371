/**
 * Streaming digests of files and of whole trees. Trees are hashed with a stable order (byte order of
 * the relative path, `/` separators) so the same tree gives the same digest on every machine.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { constants } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfigurationError } from './errors.js';

export type DigestAlgorithm = 'sha256' | 'sha512';
export type DigestSet = Partial<Record<DigestAlgorithm, string>>;

const HEX64 = /^[0-9a-f]{64}$/;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function isSha256Hex(s: string): boolean {
  return HEX64.test(s);
}

/** Only regular files are hashed: a FIFO would block for ever, a device (/dev/zero) never end. */
const NOT_REGULAR = 'not a regular file (a FIFO, device, socket or folder); give the artefact file itself';

/** Read size for one file; two such buffers are alive per file being hashed, whatever its size. */
const CHUNK = 1 << 21;
const MIN_CHUNK = 1 << 16;

/**
 * Reads a file once, with positional reads into two reused buffers, through every requested hash. The
 * next read runs on libuv's thread pool while this thread hashes the previous buffer, so reading and
 * hashing overlap (a stream does them one after the other and allocates a chunk per read); memory stays
 * at two buffers of at most 2 MiB.
 */
export async function digestFile(file: string, algorithms: readonly DigestAlgorithm[] = ['sha256']): Promise<DigestSet> {
  return (await readAndHash(file, algorithms)).digests;
}

async function readAndHash(file: string, algorithms: readonly DigestAlgorithm[]): Promise<{ digests: DigestSet; size: number }> {
  const hashes: [DigestAlgorithm, Hash][] = algorithms.map((a) => [a, createHash(a)]);
  // O_NONBLOCK: opening a FIFO does not wait for a writer; the stat on the handle then refuses it.
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  let position = 0;
  let pending: Promise<unknown> = Promise.resolve();
  try {
    const stat = await fh.stat();
    if (!stat.isFile()) throw new ConfigurationError(`cannot hash ${file}: ${NOT_REGULAR}`, { location: { file } });
    const { size } = stat;
    // A file that grows while it is read is hashed to its end: the size only picks the buffer size.
    const len = Math.min(CHUNK, Math.max(MIN_CHUNK, size));
    const bufs = [Buffer.allocUnsafe(len), Buffer.allocUnsafe(len)] as const;
    let i = 0;
    pending = fh.read(bufs[0], 0, len, 0);
    for (;;) {
      const { bytesRead } = (await pending) as { bytesRead: number };
      if (bytesRead === 0) break;
      const current = bufs[i] as Buffer;
      position += bytesRead;
      i ^= 1;
      pending = fh.read(bufs[i] as Buffer, 0, len, position);
      const view = bytesRead === len ? current : current.subarray(0, bytesRead);
      for (const [, h] of hashes) h.update(view);
    }
  } finally {
    // Never close under a read still in flight (only when hashing threw).
    await pending.catch(() => undefined);
    await fh.close();
  }
  const digests: DigestSet = {};
  for (const [a, h] of hashes) digests[a] = h.digest('hex');
  return { digests, size: position };
}

export async function sha256File(file: string): Promise<string> {
  const d = await digestFile(file, ['sha256']);
  return d.sha256 as string;
}

export interface FileDigest {
  sha256: string;
  /** Bytes hashed. */
  size: number;
}

export interface HashFilesOptions {
  /** Worker threads; default one per core. 1 hashes on this thread. */
  threads?: number;
  /** A pool to use (and leave open) instead of one made for the call. */
  pool?: HashPool;
}

/**
 * The pool's worker, passed inline so a single-file bundle (the actions) needs no extra worker file.
 * It hashes a batch of files per message with synchronous positional reads into one reused buffer
 * (no promise or stream per file) and answers with digests, sizes and errors in the batch's order.
 */
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash, hash } = require('node:crypto');
const { openSync, readSync, closeSync, fstatSync, constants } = require('node:fs');
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY;
const buf = Buffer.allocUnsafe(${CHUNK});
const oneShot = typeof hash === 'function'
  ? (data) => hash('sha256', data, 'buffer')
  : (data) => createHash('sha256').update(data).digest();
parentPort.on('message', ({ files }) => {
  // Raw digests and sizes in two transferred arrays: no string per file crosses the thread boundary.
  const digests = new Uint8Array(32 * files.length);
  const sizes = new Float64Array(files.length);
  let errors = null;
  for (let k = 0; k < files.length; k++) {
    let fd;
    try {
      fd = openSync(files[k], OPEN_FLAGS);
      if (!fstatSync(fd).isFile()) throw new Error(${JSON.stringify(NOT_REGULAR)});
      let n = readSync(fd, buf, 0, buf.length, 0);
      let pos = n;
      let d;
      if (n < buf.length && readSync(fd, buf, n, buf.length - n, n) === 0) {
        // The whole file in one read (most files): one-shot hash, no Hash object per file.
        d = oneShot(buf.subarray(0, n));
      } else {
        const h = createHash('sha256');
        h.update(buf.subarray(0, n));
        while ((n = readSync(fd, buf, 0, buf.length, pos)) > 0) {
          h.update(n === buf.length ? buf : buf.subarray(0, n));
          pos += n;
        }
        d = h.digest();
      }
      digests.set(d, 32 * k);
      sizes[k] = pos;
    } catch (e) {
      (errors ??= {})[k] = String((e && e.message) || e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  parentPort.postMessage({ digests, sizes, errors }, [digests.buffer, sizes.buffer]);
});
`;

/** Fewer files than this are hashed on this thread: starting workers costs more than it saves. */
const POOL_MIN_FILES = 8;
/** A batch closes at this many files or bytes (when sizes are known), whichever comes first. */
const BATCH_FILES = 256;
const BATCH_BYTES = 16 << 20;
const LARGE_FILE = 1 << 20;

function unreadable(file: string, reason: string, cause?: unknown): ConfigurationError {
  return new ConfigurationError(`cannot hash ${file}: ${reason}`, { cause, location: { file } });
}

interface BatchReply {
  digests: Uint8Array;
  sizes: Float64Array;
  errors: Record<number, string> | null;
}

interface Job {
  files: string[];
  resolve: (digests: FileDigest[]) => void;
  reject: (e: unknown) => void;
}

/**
 * A pool of hashing worker threads (one per core by default). Node hashes on the thread that calls
 * `update`, so many files need threads to use many cores. Batches of files go to whichever worker is
 * idle; a caller can submit batches while it is still listing files, so listing and hashing overlap
 * and the workers boot while the first names are found. Close it when done.
 */
export class HashPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private failure: Error | undefined;

  constructor(threads = availableParallelism()) {
    // execArgv: [] so that a parent started with --input-type=module still evaluates the worker as CommonJS.
    this.workers = Array.from({ length: Math.max(1, threads) }, () => new Worker(WORKER, { eval: true, execArgv: [] }));
    for (const w of this.workers) {
      this.idle.push(w);
      w.on('message', (m: BatchReply) => this.done(w, m));
      w.on('error', (e: Error) => this.fail(e));
    }
  }

  /**
   * SHA-256 and size of each file, in order; a file that cannot be read rejects naming it. The files
   * are split into jobs of at most a quarter of an even share per worker, so a few large files spread
   * over every worker even when their sizes are unknown.
   */
  async hash(files: readonly string[]): Promise<FileDigest[]> {
    const per = Math.max(1, Math.min(BATCH_FILES, Math.ceil(files.length / (4 * this.workers.length))));
    const jobs: Promise<FileDigest[]>[] = [];
    for (let i = 0; i < files.length; i += per) jobs.push(this.job(files.slice(i, i + per)));
    return (await Promise.all(jobs)).flat();
  }

  private job(files: string[]): Promise<FileDigest[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<FileDigest[]>((resolve, reject) => {
      this.queue.push({ files, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.fail(new Error('the hashing pool was closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const w = this.idle.pop() as Worker;
      const job = this.queue.shift() as Job;
      this.running.set(w, job);
      w.postMessage({ files: job.files });
    }
  }

  private done(w: Worker, m: BatchReply): void {
    const job = this.running.get(w);
    this.running.delete(w);
    this.idle.push(w);
    if (job) {
      const bad = m.errors ? Number(Object.keys(m.errors)[0]) : -1;
      if (bad >= 0) {
        job.reject(unreadable(job.files[bad] ?? '', m.errors?.[bad] ?? ''));
      } else {
        const raw = Buffer.from(m.digests.buffer, m.digests.byteOffset, m.digests.byteLength);
        job.resolve(job.files.map((_, k) => ({ sha256: raw.toString('hex', 32 * k, 32 * k + 32), size: m.sizes[k] as number })));
      }
    }
    this.dispatch();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const job of [...this.running.values(), ...this.queue.splice(0)]) job.reject(e);
    this.running.clear();
  }
}

/** Splits files into pool batches: at most BATCH_FILES files, or BATCH_BYTES when sizes are known. */
function batchesOf<T extends { size?: number | undefined }>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    batch.push(item);
    bytes += item.size ?? 0;
    if (batch.length >= BATCH_FILES || bytes >= BATCH_BYTES) {
      out.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) out.push(batch);
  return out;
}

/**
 * SHA-256 and size of many files, in the input order, on a HashPool (given, or made for the call):
 * large files first, largest first when sizes are given, so one big file does not start last. A few
 * files are hashed on this thread with overlapped reads (digestFile) unless a pool is given. A file
 * that cannot be read fails the whole call with an error naming it.
 */
export async function hashFiles(
  files: readonly (string | { file: string; size?: number })[],
  options: HashFilesOptions = {},
): Promise<FileDigest[]> {
  const list = files.map((f, index) =>
    typeof f === 'string' ? { file: f, size: undefined, index } : { file: f.file, size: f.size, index },
  );
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), Math.ceil(list.length / 2)));
  if (!options.pool && (threads < 2 || list.length < POOL_MIN_FILES)) {
    return mapLimit(list, 4, async (f) => {
      try {
        const r = await readAndHash(f.file, ['sha256']);
        return { sha256: r.digests.sha256 as string, size: r.size };
      } catch (e: unknown) {
        if (e instanceof ConfigurationError) throw e;
        throw unreadable(f.file, e instanceof Error ? e.message : String(e), e);
      }
    });
  }
  // Large files first, largest first; small files keep their order (neighbours in a folder are read
  // faster together).
  const isLarge = (f: { size?: number | undefined }): boolean => (f.size ?? 0) >= LARGE_FILE;
  const order = [...list.filter(isLarge).sort((a, b) => (b.size ?? 0) - (a.size ?? 0)), ...list.filter((f) => !isLarge(f))];
  const pool = options.pool ?? new HashPool(threads);
  try {
    const out = new Array<FileDigest>(list.length);
    await Promise.all(
      batchesOf(order).map(async (batch) => {
        const digests = await pool.hash(batch.map((f) => f.file));
        batch.forEach((f, k) => (out[f.index] = digests[k] as FileDigest));
      }),
    );
    return out;
  } finally {
    if (!options.pool) await pool.close();
  }
}

/**
 * Hashes files as they are found: `add` hands a file over (in pool batches) while the caller goes on
 * listing; `finish` gives every digest in the order the files were added. The pool starts once there
 * are enough files to be worth it, so a build with two outputs hashes them here (one big file with
 * overlapped reads); for many files (a build's outputs, an attest glob) listing, naming and hashing
 * overlap. Call `abort` when giving up before `finish`.
 */
export class StreamingHasher {
  private pool: HashPool | undefined;
  private readonly pending: Promise<void>[] = [];
  private files: string[] = [];
  private flushed = 0;
  private readonly results: FileDigest[] = [];

  /** Adds a file; returns its index in finish()'s result. */
  add(file: string): number {
    this.files.push(file);
    if (!this.pool && this.files.length >= POOL_MIN_FILES && availableParallelism() > 1) this.pool = new HashPool();
    if (this.pool && this.files.length >= BATCH_FILES) this.flush(this.pool);
    return this.flushed + this.files.length - 1;
  }

  /** Every digest, in the order the files were added; closes the pool. */
  async finish(): Promise<FileDigest[]> {
    try {
      if (this.pool) {
        this.flush(this.pool);
      } else {
        this.results.push(...(await hashFiles(this.files, { threads: 1 })));
      }
      await Promise.all(this.pending);
      return this.results;
    } finally {
      await this.pool?.close();
    }
  }

  /** Stops without waiting for digests (on an error elsewhere). */
  async abort(): Promise<void> {
    await this.pool?.close();
    await Promise.allSettled(this.pending);
  }

  private flush(pool: HashPool): void {
    if (this.files.length === 0) return;
    const first = this.flushed;
    const p = pool.hash(this.files).then((d) => d.forEach((digest, i) => (this.results[first + i] = digest)));
    // Rejections surface in finish(); until then they must not count as unhandled.
    p.catch(() => undefined);
    this.pending.push(p);
    this.flushed += this.files.length;
    this.files = [];
  }
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
  /** Hashing threads (digestTree); default one per core. */
  concurrency?: number;
}

/**
 * Byte-wise comparison of the UTF-8 encodings, so the order does not depend on the locale. UTF-8 byte
 * order is code point order; UTF-16 code units (what `<` compares) agree with it except that a
 * surrogate (a code point above U+FFFF) must sort after U+E000–U+FFFF, so those two ranges are swapped.
 */
export function compareBytewise(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x += x < 0xe000 ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y < 0xe000 ? 0x2000 : -0x800;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export interface TreeName {
  /** Path relative to the tree root, `/`-separated. */
  path: string;
  type: 'file' | 'symlink';
}

/**
 * Names of the regular files and symlinks below `root`, in byte order (symlinks are recorded, never
 * followed). One readdir per folder and no stat per file: the file type comes with the entry.
 */
export async function listTreeNames(root: string, options: TreeOptions = {}): Promise<TreeName[]> {
  const skip = new Set(options.skipDirectories ?? []);
  // Folders are read side by side; each folder's entries are sorted by name, a folder's name with its
  // "/" appended, so that walking them in that order gives every path in byte order (`a.txt` sorts
  // before `a/b` because "." < "/"), with no sort of the whole list and no object per entry beyond
  // the Dirent and the result.
  interface Folder {
    entries: Dirent[];
    children: Map<string, Promise<Folder>>;
  }
  const read = async (dir: string): Promise<Folder> => {
    const entries = (await readdir(dir, { withFileTypes: true })).filter(
      (e) => (e.isDirectory() && !skip.has(e.name)) || e.isSymbolicLink() || e.isFile(),
    );
    const children = new Map<string, Promise<Folder>>();
    for (const e of entries) {
      if (!e.isDirectory()) continue;
      const child = read(path.join(dir, e.name));
      // Awaited in order later; a failure before then must not count as unhandled.
      child.catch(() => undefined);
      children.set(e.name, child);
    }
    entries.sort((a, b) => compareEntryNames(a.name, a.isDirectory(), b.name, b.isDirectory()));
    return { entries, children };
  };
  const out: TreeName[] = [];
  const flatten = async (folder: Folder, rel: string): Promise<void> => {
    for (const e of folder.entries) {
      const relPath = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await flatten(await (folder.children.get(e.name) as Promise<Folder>), relPath);
      else out.push({ path: relPath, type: e.isSymbolicLink() ? 'symlink' : 'file' });
    }
  };
  await flatten(await read(root), '');
  return out;
}

/** compareBytewise of two names, a folder's as if "/" followed it, without building that string. */
function compareEntryNames(a: string, aDir: boolean, b: string, bDir: boolean): number {
  if (a.length === b.length) return compareBytewise(a, b);
  const aShorter = a.length < b.length;
  const [shorter, shorterDir, longer] = aShorter ? [a, aDir, b] : [b, bDir, a];
  // Only a folder whose name starts the other name is decided by its "/": against the longer name's
  // next character ("/" is 0x2F and no name holds one).
  if (!shorterDir || !longer.startsWith(shorter)) return compareBytewise(a, b);
  const slashFirst = longer.charCodeAt(shorter.length) > 0x2f;
  return aShorter === slashFirst ? -1 : 1;
}

/** Lists regular files and symlinks below `root` with their sizes (symlinks are recorded, never followed). */
export async function listTree(
  root: string,
  options: TreeOptions = {},
): Promise<{ path: string; type: 'file' | 'symlink'; size: number }[]> {
  const names = await listTreeNames(root, options);
  // Many lstat calls in flight: one at a time costs a round trip through the thread pool each.
  return mapLimit(names, 64, async (f) => ({
    ...f,
    size: f.type === 'file' ? (await lstat(path.join(root, ...f.path.split('/')))).size : 0,
  }));
}

/**
 * Digest of a whole tree: SHA-256 over `sha256sum`-style lines (`<hex>  <path>\n`, symlinks hashed
 * as `link:<target>`), in byte order of the path.
 */
export async function digestTree(root: string, options: TreeOptions = {}): Promise<TreeDigest> {
  const files = await listTree(root, options);
  const abs = (rel: string): string => path.join(root, ...rel.split('/'));
  const regular = files.filter((f) => f.type === 'file');
  const hashed = await hashFiles(
    regular.map((f) => ({ file: abs(f.path), size: f.size })),
    options.concurrency !== undefined ? { threads: options.concurrency } : {},
  );
  const byPath = new Map(regular.map((f, i) => [f.path, hashed[i] as FileDigest]));
  const entries = await mapLimit(files, 16, async (f): Promise<TreeEntry> => {
    if (f.type === 'symlink') {
      const target = await readlink(abs(f.path));
      return { path: f.path, type: 'symlink', target, sha256: sha256Hex(`link:${target}`), size: 0 };
    }
    const d = byPath.get(f.path) as FileDigest;
    return { path: f.path, type: 'file', sha256: d.sha256, size: d.size };
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
