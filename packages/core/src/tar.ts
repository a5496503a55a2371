/**
 * A streaming tar reader (POSIX ustar, pax `x`/`g` headers, GNU `L`/`K` long names) with bounds, for
 * the two places the factory reads archives it did not make: npm package tarballs (`package/package.json`)
 * and container image layers (OS package databases). It never writes to disk: the caller says which
 * entries it wants, and only those bodies are buffered; every other body is skipped as it streams by.
 *
 * Hostile archives end in a `TarError` naming the archive and the entry: a bad header checksum, a
 * truncated body, a `..` path, more entries or bytes than the limits allow. Names are normalised
 * (`./etc/os-release` and `/etc/os-release` are `etc/os-release`).
 */
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ConfigurationError } from './errors.js';

export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  /** Normalised path: no leading `./` or `/`, no `..` segment, no trailing `/`. */
  name: string;
  type: TarEntryType;
  size: number;
  /** Target of a symlink or hard link (as written). */
  linkName: string;
  mode: number;
}

export interface TarLimits {
  /** Largest body handed to `onEntry` (wanted entries only). */
  maxEntryBytes: number;
  /** Most bytes of archive (decompressed) read in all. Default 4 GiB. */
  maxTotalBytes?: number;
  /** Most entries. Default 1,000,000. */
  maxEntries?: number;
}

/** A malformed or hostile archive: exit 2, naming the archive. */
export class TarError extends ConfigurationError {}

const BLOCK = 512;

function field(header: Buffer, offset: number, length: number): string {
  const raw = header.subarray(offset, offset + length);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul === -1 ? length : nul).toString('utf8');
}

function octal(header: Buffer, offset: number, length: number, what: string, archive: string): number {
  const first = header[offset] ?? 0;
  if (first & 0x80) {
    // GNU base-256: big-endian binary in the remaining bytes.
    let value = 0;
    for (let i = offset + 1; i < offset + length; i++) value = value * 256 + (header[i] ?? 0);
    if (!Number.isSafeInteger(value)) throw new TarError(`${archive}: the ${what} field of an entry is too large`);
    return value;
  }
  const text = field(header, offset, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarError(`${archive}: an entry's ${what} field is not octal ("${text.slice(0, 12)}")`);
  return parseInt(text, 8);
}

function checksumOk(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
  const stored = field(header, 148, 8).trim();
  return /^[0-7]+$/.test(stored) && parseInt(stored, 8) === sum;
}

/** Parses pax records (`LEN key=value\n`). */
function paxRecords(body: Buffer, archive: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    if (space === -1) break;
    const len = Number(body.subarray(at, space).toString('ascii'));
    if (!Number.isInteger(len) || len <= 0 || at + len > body.length) throw new TarError(`${archive}: a pax header record is malformed`);
    const record = body.subarray(space + 1, at + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    at += len;
  }
  return out;
}

/** `./a//b/` → `a/b`; a `..` segment is refused. */
export function normaliseTarPath(raw: string, archive: string): string {
  const parts: string[] = [];
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new TarError(`${archive}: the entry "${raw.slice(0, 200)}" climbs out of the archive with ".."`);
    parts.push(part);
  }
  return parts.join('/');
}

function typeOf(flag: string): TarEntryType {
  if (flag === '0' || flag === '' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  if (flag === '1') return 'hardlink';
  return 'other';
}

/**
 * Reads a tar stream. `want(entry)` decides whether the body is buffered and given to `onEntry`; other
 * entries reach `onEntry` without a body. Stops early when `onEntry` returns `'stop'`.
 */
export async function readTar(
  source: AsyncIterable<Buffer | string>,
  archive: string,
  want: (entry: TarEntry) => boolean,
  onEntry: (entry: TarEntry, body: Buffer | undefined) => void | 'stop' | Promise<void | 'stop'>,
  limits: TarLimits,
): Promise<void> {
  const maxTotal = limits.maxTotalBytes ?? 4 * 1024 ** 3;
  const maxEntries = limits.maxEntries ?? 1_000_000;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let total = 0;
  let entries = 0;
  let globalPax = new Map<string, string>();
  let nextPax: Map<string, string> | undefined;
  let longName: string | undefined;
  let longLink: string | undefined;
  let zeroBlocks = 0;
  // The entry whose body is streaming by.
  let body:
    | {
        entry: TarEntry | undefined;
        kind: 'data' | 'pax-x' | 'pax-g' | 'long-name' | 'long-link';
        left: number;
        pad: number;
        chunks: Buffer[] | undefined;
      }
    | undefined;

  const take = (n: number): Buffer => {
    const all = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, pendingBytes);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    pending = rest.length > 0 ? [rest] : [];
    pendingBytes = rest.length;
    return out;
  };

  const finishBody = async (): Promise<'stop' | undefined> => {
    const b = body as NonNullable<typeof body>;
    body = undefined;
    const data = b.chunks ? Buffer.concat(b.chunks) : undefined;
    if (b.kind === 'pax-x') nextPax = paxRecords(data as Buffer, archive);
    else if (b.kind === 'pax-g') globalPax = new Map([...globalPax, ...paxRecords(data as Buffer, archive)]);
    else if (b.kind === 'long-name') longName = (data as Buffer).toString('utf8').replace(/\0+$/, '');
    else if (b.kind === 'long-link') longLink = (data as Buffer).toString('utf8').replace(/\0+$/, '');
    else if (b.entry) return (await onEntry(b.entry, data)) === 'stop' ? 'stop' : undefined;
    return undefined;
  };

  const header = async (block: Buffer): Promise<'stop' | 'end' | undefined> => {
    if (block.every((b) => b === 0)) {
      zeroBlocks++;
      return zeroBlocks >= 2 ? 'end' : undefined;
    }
    zeroBlocks = 0;
    if (!checksumOk(block)) throw new TarError(`${archive}: a tar header has a bad checksum (not a tar archive, or corrupted)`);
    if (++entries > maxEntries) throw new TarError(`${archive}: more than ${maxEntries} entries`);
    const flag = String.fromCharCode(block[156] ?? 0x30).replace('\0', '');
    const magic = field(block, 257, 6);
    const prefix = magic.startsWith('ustar') ? field(block, 345, 155) : '';
    const headerSize = octal(block, 124, 12, 'size', archive);
    const pax = new Map([...globalPax, ...(nextPax ?? [])]);
    const size = pax.has('size') ? Number(pax.get('size')) : headerSize;
    if (!Number.isSafeInteger(size) || size < 0) throw new TarError(`${archive}: an entry has an invalid size`);
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (size > 1024 * 1024) throw new TarError(`${archive}: a ${flag} header of ${size} bytes is larger than 1 MiB`);
      const kind = flag === 'x' ? 'pax-x' : flag === 'g' ? 'pax-g' : flag === 'L' ? 'long-name' : 'long-link';
      body = { entry: undefined, kind, left: size, pad, chunks: [] };
      return undefined;
    }
    const rawName = pax.get('path') ?? longName ?? (prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100));
    const linkName = pax.get('linkpath') ?? longLink ?? field(block, 157, 100);
    nextPax = undefined;
    longName = undefined;
    longLink = undefined;
    const entry: TarEntry = {
      name: normaliseTarPath(rawName, archive),
      type: typeOf(flag),
      size,
      linkName,
      mode: octal(block, 100, 8, 'mode', archive),
    };
    const wanted = entry.type === 'file' && want(entry);
    if (wanted && size > limits.maxEntryBytes) {
      throw new TarError(`${archive}: ${entry.name} is ${size} bytes, more than the ${limits.maxEntryBytes} allowed`);
    }
    body = {
      entry,
      kind: 'data',
      left: entry.type === 'file' ? size : 0,
      pad: entry.type === 'file' ? pad : 0,
      chunks: wanted ? [] : undefined,
    };
    if (body.left === 0 && body.pad === 0) return finishBody();
    return undefined;
  };

  for await (const chunkIn of source) {
    const chunk = typeof chunkIn === 'string' ? Buffer.from(chunkIn) : chunkIn;
    total += chunk.length;
    if (total > maxTotal) throw new TarError(`${archive}: more than ${maxTotal} bytes of archive`);
    pending.push(chunk);
    pendingBytes += chunk.length;
    for (;;) {
      if (body) {
        if (body.left > 0) {
          if (pendingBytes === 0) break;
          const n = Math.min(body.left, pendingBytes);
          const part = take(n);
          if (body.chunks) body.chunks.push(Buffer.from(part));
          body.left -= n;
          if (body.left > 0) break;
        }
        if (body.pad > 0) {
          if (pendingBytes < body.pad) break;
          take(body.pad);
          body.pad = 0;
        }
        if ((await finishBody()) === 'stop') return;
        continue;
      }
      if (pendingBytes < BLOCK) break;
      const r = await header(Buffer.from(take(BLOCK)));
      if (r === 'stop') return;
      if (r === 'end') return;
    }
  }
  if (body && (body.left > 0 || body.pad > 0)) {
    throw new TarError(`${archive}: the archive ends in the middle of ${body.entry ? `"${body.entry.name}"` : 'a header'} (truncated)`);
  }
  if (pendingBytes > 0 && zeroBlocks === 0 && pending.some((p) => p.some((b) => b !== 0))) {
    throw new TarError(`${archive}: the archive ends in the middle of a header (truncated)`);
  }
}

/** A gzip-compressed stream, decompressed (`.tgz`, `application/vnd.oci.image.layer.v1.tar+gzip`). */
export function gunzipped(stream: Readable, archive: string): AsyncIterable<Buffer> {
  const gunzip = createGunzip();
  stream.on('error', (err) => gunzip.destroy(err));
  stream.pipe(gunzip);
  return (async function* () {
    try {
      for await (const chunk of gunzip) yield chunk as Buffer;
    } catch (err) {
      if (err instanceof TarError) throw err;
      throw new TarError(`${archive}: not a valid gzip stream (${(err as Error).message})`, { cause: err });
    }
  })();
}
