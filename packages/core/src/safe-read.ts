/**
 * The one way the factory reads a file that came from outside (evidence, policy, remediations, SBOMs,
 * lockfiles, keys). A hostile evidence folder can hold a FIFO named `x.sigstore.json` (a plain
 * `readFile` blocks forever), a symlink to `/dev/zero` (read until memory runs out) or to `/etc/passwd`
 * or a token file (whose bytes a parser error would then quote into the log). So:
 *   - the file is opened with O_NOFOLLOW | O_NONBLOCK (opening a FIFO does not wait for a writer), and
 *     `fstat` on the open handle must say "regular file" — no FIFOs, devices, sockets or directories;
 *   - a symbolic link is followed only when its target stays inside the allowed folder;
 *   - the size is checked on the open handle before any byte is read, and reading stops at the limit
 *     even if the file grows meanwhile;
 *   - error messages name the file and the reason, never its content.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError } from './errors.js';

export interface SafeReadOptions {
  /** Refuse files larger than this many bytes. */
  maxBytes: number;
  /**
   * A symbolic link is followed only when its target lies inside this folder. Defaults to the folder
   * that holds the file; `false` refuses every symbolic link.
   */
  within?: string | false;
  /** What the file is, for messages ("bundle", "policy file"). */
  what?: string;
  /** Extra advice appended to every refusal. */
  hint?: string;
}

/** A refusal to read a file: not a regular file, too large, a link leaving the folder, or unreadable. */
export class UnsafeFileError extends ConfigurationError {
  constructor(
    message: string,
    file: string,
    /** Machine-readable reason. */
    readonly reason: 'missing' | 'not-regular' | 'too-large' | 'link-outside' | 'unreadable',
    hint?: string,
    cause?: unknown,
  ) {
    super(message, { location: { file }, ...(hint ? { hint } : {}), ...(cause !== undefined ? { cause } : {}) });
  }
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

function kind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  if (st.isDirectory()) return 'a directory';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function errnoCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? 'error';
}

/** Whether `child` is `parent` or lies below it (lexically: resolve links first where they matter). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

interface Plan {
  /** The path to open (the link's resolved target for an allowed link). */
  target: string;
}

function what(o: SafeReadOptions): string {
  return o.what ?? 'file';
}

function missing(file: string, o: SafeReadOptions, e: unknown): UnsafeFileError {
  const code = errnoCode(e);
  if (code === 'ENOENT') return new UnsafeFileError(`the ${what(o)} does not exist`, file, 'missing', o.hint, e);
  return new UnsafeFileError(`cannot read the ${what(o)}: ${code}`, file, 'unreadable', o.hint, e);
}

function linkPlan(file: string, st: Stats, resolved: () => string, folder: () => string, o: SafeReadOptions): Plan {
  if (!st.isSymbolicLink()) return { target: file };
  const refuse = (): UnsafeFileError =>
    new UnsafeFileError(
      `the ${what(o)} is a symbolic link to a place outside ${o.within === false ? 'the evidence' : 'its folder'}; refused`,
      file,
      'link-outside',
      o.hint ?? 'replace the link with the file itself',
    );
  if (o.within === false) throw refuse();
  let target: string;
  let base: string;
  try {
    target = resolved();
    base = folder();
  } catch (e: unknown) {
    // A dangling or looping link.
    throw new UnsafeFileError(`the ${what(o)} is a symbolic link that cannot be resolved (${errnoCode(e)})`, file, 'unreadable', o.hint, e);
  }
  if (!isInside(target, base)) throw refuse();
  return { target };
}

function checkHandle(file: string, st: Stats, o: SafeReadOptions): void {
  if (!st.isFile()) {
    throw new UnsafeFileError(`the ${what(o)} is ${kind(st)}, not a regular file; refused`, file, 'not-regular', o.hint);
  }
  if (st.size > o.maxBytes) {
    throw new UnsafeFileError(`the ${what(o)} is ${st.size} bytes, over the limit of ${o.maxBytes}`, file, 'too-large', o.hint);
  }
}

function tooLarge(file: string, o: SafeReadOptions): UnsafeFileError {
  return new UnsafeFileError(`the ${what(o)} grew past the limit of ${o.maxBytes} bytes while being read`, file, 'too-large', o.hint);
}

/** Reads a regular file safely (see the module comment). */
export async function readRegularFile(file: string, options: SafeReadOptions): Promise<Buffer> {
  let st: Stats;
  try {
    st = await lstat(file);
  } catch (e: unknown) {
    throw missing(file, options, e);
  }
  // Cheap refusals before open(): a FIFO, device or socket is never opened at all.
  if (!st.isSymbolicLink() && !st.isFile()) checkHandle(file, st, options);
  let plan: Plan;
  if (st.isSymbolicLink()) {
    const target = await realpath(file).catch((e: unknown) => {
      throw new UnsafeFileError(
        `the ${what(options)} is a symbolic link that cannot be resolved (${errnoCode(e)})`,
        file,
        'unreadable',
        options.hint,
        e,
      );
    });
    const base = options.within === false ? '' : await realpath(options.within ?? path.dirname(file)).catch(() => '\0');
    plan = linkPlan(
      file,
      st,
      () => target,
      () => base,
      options,
    );
  } else plan = { target: file };
  let handle;
  try {
    handle = await open(plan.target, OPEN_FLAGS);
  } catch (e: unknown) {
    if (errnoCode(e) === 'ELOOP') {
      throw new UnsafeFileError(
        `the ${what(options)} changed into a symbolic link while being opened; refused`,
        file,
        'link-outside',
        options.hint,
      );
    }
    throw missing(file, options, e);
  }
  try {
    const hst = await handle.stat();
    checkHandle(file, hst, options);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(Math.min(Math.max(hst.size + 1, 4096), options.maxBytes + 1, 1 << 20));
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(file, options);
      chunks.push(Buffer.from(buf.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks, total);
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError) throw e;
    throw new UnsafeFileError(`cannot read the ${what(options)}: ${errnoCode(e)}`, file, 'unreadable', options.hint, e);
  } finally {
    await handle.close();
  }
}

/** The synchronous twin of `readRegularFile`, for parsers that are synchronous. */
export function readRegularFileSync(file: string, options: SafeReadOptions): Buffer {
  let st: Stats;
  try {
    st = lstatSync(file);
  } catch (e: unknown) {
    throw missing(file, options, e);
  }
  if (!st.isSymbolicLink() && !st.isFile()) checkHandle(file, st, options);
  const plan = linkPlan(
    file,
    st,
    () => realpathSync(file),
    () => (options.within === false ? '' : realpathSync(options.within ?? path.dirname(file))),
    options,
  );
  let fd: number;
  try {
    fd = openSync(plan.target, OPEN_FLAGS);
  } catch (e: unknown) {
    if (errnoCode(e) === 'ELOOP') {
      throw new UnsafeFileError(
        `the ${what(options)} changed into a symbolic link while being opened; refused`,
        file,
        'link-outside',
        options.hint,
      );
    }
    throw missing(file, options, e);
  }
  try {
    const hst = fstatSync(fd);
    checkHandle(file, hst, options);
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(Math.min(Math.max(hst.size + 1, 4096), options.maxBytes + 1, 1 << 20));
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > options.maxBytes) throw tooLarge(file, options);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError) throw e;
    throw new UnsafeFileError(`cannot read the ${what(options)}: ${errnoCode(e)}`, file, 'unreadable', options.hint, e);
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Bytes → text for a file that must be UTF-8 (JSON, YAML, lockfiles). A UTF-16 or UTF-32 byte-order
 * mark gets a message saying how to fix it; invalid UTF-8 is refused (nothing of it is quoted); a UTF-8
 * byte-order mark is dropped (RFC 8259 §8.1 lets parsers ignore it; YAML 1.2 allows it).
 */
export function decodeUtf8(bytes: Uint8Array, file: string, whatFile = 'file'): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff) || (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new ConfigurationError(`the ${whatFile} is UTF-16 or UTF-32 encoded (it starts with a byte-order mark)`, {
      location: { file },
      hint: 'save it as UTF-8',
    });
  }
  // UTF-16 without a byte-order mark: ASCII text then has a zero byte after each character.
  if (bytes.length >= 4 && ((b0 !== 0 && b1 === 0 && bytes[3] === 0) || (b0 === 0 && b1 !== 0 && bytes[2] === 0))) {
    throw new ConfigurationError(`the ${whatFile} looks UTF-16 encoded (zero bytes between characters)`, {
      location: { file },
      hint: 'save it as UTF-8',
    });
  }
  try {
    return UTF8.decode(bytes);
  } catch (e: unknown) {
    throw new ConfigurationError(`the ${whatFile} is not valid UTF-8`, { location: { file }, hint: 'save it as UTF-8', cause: e });
  }
}

/** A UTF-8 text file read through `readRegularFile` (regular file, size bounded, nothing quoted). */
export async function readTextFile(file: string, options: SafeReadOptions): Promise<string> {
  return decodeUtf8(await readRegularFile(file, options), file, what(options));
}

/** The synchronous twin of `readTextFile`. */
export function readTextFileSync(file: string, options: SafeReadOptions): string {
  return decodeUtf8(readRegularFileSync(file, options), file, what(options));
}

/**
 * For a file the operator names (a key, a config): a symbolic link may lead
 * anywhere (mounted secrets are links), but FIFOs, devices and oversized files are still refused.
 */
export const OPERATOR_FILE = { within: '/' } as const;
