/**
 * A streaming tar reader (POSIX ustar with pax extended headers, and GNU long names) for archives the
 * factory did not make: container image layers (the package databases inside) and npm package
 * tarballs (`package/package.json`). It never writes a file, holds at most one entry's bounded content,
 * and refuses what an honest archive never holds, with a `TarError` (exit 2) naming the archive:
 *   - a header whose checksum is wrong, a size that is not a number, a stream that ends mid-entry;
 *   - a path with a `..` component (path traversal) or a NUL byte;
 *   - more uncompressed bytes than the caller allows (a decompression bomb), or a wanted entry larger
 *     than its limit.
 * No tar library is in the dependency tree, and the ones on npm unpack to disk.
 */
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ConfigurationError } from './errors.js';

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** Normalised: no leading `./` or `/`, no trailing `/`, `..` refused. */
  path: string;
  type: TarEntryType;
  size: number;
  linkname: string;
}

/** What to do with an entry's content: skip it, or read it whole when it is at most `maxBytes`. */
export type TarVisit = (entry: TarEntry) => { read: true; maxBytes: number } | { read: false };

/** A malformed or hostile archive (exit 2). */
export class TarError extends ConfigurationError {}

const BLOCK = 512;

/** Pulls exact byte counts out of a chunked stream without concatenating more than it must. */
class ChunkReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private done = false;
  total = 0;
  private readonly it: AsyncIterator<unknown>;

  constructor(
    source: AsyncIterable<unknown>,
    private readonly maxTotal: number,
    private readonly what: string,
  ) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.buffered < n && !this.done) {
      const r = await this.it.next();
      if (r.done) {
        this.done = true;
        break;
      }
      const b = Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value as Uint8Array);
      this.total += b.length;
      if (this.total > this.maxTotal) {
        throw new TarError(
          `${this.what} unpacks to more than ${this.maxTotal} bytes; refused (a decompression bomb or an oversized archive)`,
        );
      }
      this.chunks.push(b);
      this.buffered += b.length;
    }
  }

  /** Exactly n bytes, or fewer at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const take = Math.min(n, this.buffered);
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    const out = all.subarray(0, take);
    const rest = all.subarray(take);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }

  /** Skips n bytes, chunk by chunk; false when the stream ended first. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    while (left > 0) {
      if (this.buffered === 0) {
        await this.fill(1);
        if (this.buffered === 0) return false;
      }
      const head = this.chunks[0] as Buffer;
      if (head.length <= left) {
        left -= head.length;
        this.buffered -= head.length;
        this.chunks.shift();
      } else {
        this.chunks[0] = head.subarray(left);
        this.buffered -= left;
        left = 0;
      }
    }
    return true;
  }

  /** Drains what is left, so a stream error (a corrupt gzip trailer) still surfaces. */
  async drain(): Promise<void> {
    while (!this.done) {
      this.chunks = [];
      this.buffered = 0;
      await this.fill(1);
    }
  }
}

function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return (nul >= 0 ? b.subarray(0, nul) : b).toString('utf8');
}

/** Numeric header fields: octal text, or GNU base-256 (high bit set) for sizes over 8 GiB. */
function headerNumber(b: Buffer, what: string): number {
  if (b.length > 0 && ((b[0] as number) & 0x80) !== 0) {
    let n = 0;
    for (let i = 1; i < b.length; i++) n = n * 256 + (b[i] as number);
    if (((b[0] as number) & 0x7f) !== 0 || !Number.isSafeInteger(n)) throw new TarError(`${what}: a size field out of range`);
    return n;
  }
  const s = cString(b).trim();
  if (s === '') return 0;
  if (!/^[0-7]+$/.test(s)) throw new TarError(`${what}: a header number that is not octal`);
  return parseInt(s, 8);
}

function checksumOk(h: Buffer): boolean {
  const stored = headerNumber(h.subarray(148, 156), 'checksum');
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number);
  return sum === stored;
}

/**
 * The path as it would land in the root file system: `./a/b/` → `a/b`. A `..` component refuses
 * the layer: extracted by a careless tool it writes outside the root, so no honest image has one.
 */
export function normaliseTarPath(raw: string, what: string): string {
  if (raw.includes('\0')) throw new TarError(`${what}: a path with a NUL byte; refused`);
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) {
    throw new TarError(`${what} holds the path "${raw.slice(0, 200)}", which climbs out of the root (..); refused as path traversal`, {
      hint: 'write the archive with a tool that stores paths relative to its root',
    });
  }
  return parts.join('/');
}

/** pax extended header records: `LEN key=value\n`. */
function paxRecords(b: Buffer, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < b.length) {
    const space = b.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number(b.subarray(i, space).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0 || i + len > b.length) throw new TarError(`${what}: a malformed pax header`);
    const rec = b.subarray(space + 1, i + len - 1).toString('utf8');
    const eq = rec.indexOf('=');
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i += len;
  }
  return out;
}

const TYPES: Record<string, TarEntryType> = { '0': 'file', '\0': 'file', '7': 'file', '5': 'directory', '2': 'symlink', '1': 'hardlink' };

export interface TarLimits {
  /** Uncompressed bytes of the whole layer. */
  maxTotalBytes: number;
  /** Largest pax or GNU long-name header. */
  maxHeaderBytes?: number;
}

/**
 * Walks a tar stream; `visit` decides per entry whether its content is read (bounded) and handed to
 * `onContent`. Entries are seen in stream order; the caller applies its own semantics (an image layer's whiteouts).
 */
export async function walkTar(
  stream: AsyncIterable<unknown>,
  what: string,
  limits: TarLimits,
  visit: TarVisit,
  onContent: (entry: TarEntry, content: Buffer) => void,
): Promise<{ entries: number; bytes: number }> {
  const r = new ChunkReader(stream, limits.maxTotalBytes, what);
  const maxHeader = limits.maxHeaderBytes ?? 1024 * 1024;
  let entries = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  let zeroBlocks = 0;
  for (;;) {
    const h = await r.read(BLOCK);
    if (h.length === 0) break; // some writers omit the two zero blocks
    if (h.length < BLOCK) throw new TarError(`${what} ends in the middle of a tar header; refused (truncated archive)`);
    if (h.every((x) => x === 0)) {
      if (++zeroBlocks === 2) break;
      continue;
    }
    zeroBlocks = 0;
    if (!checksumOk(h)) throw new TarError(`${what}: a tar header with a wrong checksum; refused (not a tar archive, or corrupt)`);
    const flag = String.fromCharCode(h[156] as number);
    let size = headerNumber(h.subarray(124, 136), what);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (size > maxHeader) throw new TarError(`${what}: an extended tar header of ${size} bytes; refused`);
      const body = await r.read(padded);
      if (body.length < padded) throw new TarError(`${what} ends in the middle of a tar header; refused (truncated archive)`);
      const data = body.subarray(0, size);
      if (flag === 'x') pax = { ...pax, ...paxRecords(data, what) };
      else if (flag === 'g')
        paxRecords(data, what); // global records: nothing this reader needs
      else if (flag === 'L') longName = cString(data);
      else longLink = cString(data);
      continue;
    }
    const magic = h.subarray(257, 263).toString('latin1');
    const prefix = magic.startsWith('ustar') ? cString(h.subarray(345, 500)) : '';
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${cString(h.subarray(0, 100))}` : cString(h.subarray(0, 100)));
    const linkname = pax.linkpath ?? longLink ?? cString(h.subarray(157, 257));
    if (pax.size !== undefined) {
      if (!/^\d+$/.test(pax.size) || !Number.isSafeInteger(Number(pax.size)))
        throw new TarError(`${what}: a pax size that is not a number`);
      size = Number(pax.size);
    }
    pax = {};
    longName = undefined;
    longLink = undefined;
    const entry: TarEntry = { path: normaliseTarPath(name, what), type: TYPES[flag] ?? 'other', size, linkname };
    entries++;
    // Only regular files carry content (a hard link's size field is 0 by convention; trust nothing else).
    const contentBytes = entry.type === 'file' ? size : 0;
    const dataBlocks = Math.ceil(contentBytes / BLOCK) * BLOCK;
    const decision = visit(entry);
    if (decision.read && entry.type === 'file') {
      if (size > decision.maxBytes) {
        throw new TarError(`${what}: /${entry.path} is ${size} bytes, over the limit of ${decision.maxBytes} for it; refused`, {
          hint: 'the file is larger than this reader takes for it',
        });
      }
      const body = await r.read(dataBlocks);
      if (body.length < dataBlocks) throw new TarError(`${what} ends in the middle of /${entry.path}; refused (truncated archive)`);
      onContent(entry, body.subarray(0, size));
    } else if (!(await r.skip(dataBlocks))) {
      throw new TarError(`${what} ends in the middle of /${entry.path}; refused (truncated archive)`);
    }
  }
  await r.drain();
  return { entries, bytes: r.total };
}

/** A gzip-compressed stream, decompressed (`.tgz`, `tar+gzip` layers); a bad stream is a `TarError` naming it. */
export function gunzipped(stream: Readable, what: string): AsyncIterable<Buffer> {
  const gunzip = createGunzip();
  stream.on('error', (err) => gunzip.destroy(err));
  stream.pipe(gunzip);
  return (async function* () {
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch (err) {
      if (err instanceof TarError) throw err;
      throw new TarError(`${what}: not a valid gzip stream (${(err as Error).message})`, { cause: err });
    }
  })();
}
