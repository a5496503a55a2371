/**
 * The lockfile formats secure-factory reads, by file name, and the one entry point that reads a
 * lockfile from disk with the size limit and error reporting every format shares.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseJsonText, readRegularFileSync, UnsafeFileError } from '@secure-factory/core';
import type { Package } from '../package.js';
import { parseBunLock } from './bun-lock.js';
import { parseCargoLock } from './cargo-lock.js';
import { parseComposerLock } from './composer-lock.js';
import { parseGemfileLock } from './gemfile-lock.js';
import { parseGoMod } from './go-mod.js';
import { lockfileError, MAX_LOCKFILE_BYTES } from './lockfile-error.js';
import { parsePackageLock } from './package-lock.js';
import { parsePipfileLock } from './pipfile-lock.js';
import { parsePnpmLock } from './pnpm-lock.js';
import { parsePoetryLock } from './poetry-lock.js';
import { parseRequirements } from './requirements.js';
import type { LockfileParser, ParseOptions } from './types.js';
import { parseUvLock } from './uv-lock.js';
import { parseYarnLock } from './yarn-lock.js';

export type { LockfileInput, LockfileParser, ParseOptions } from './types.js';
export { MAX_LOCKFILE_BYTES } from './lockfile-error.js';

export interface LockfileFormat {
  id: string;
  description: string;
  /** Whether a file with this base name is this format. */
  matches(basename: string): boolean;
  parse: LockfileParser;
}

export const LOCKFILE_FORMATS: readonly LockfileFormat[] = [
  {
    id: 'package-lock',
    description: 'npm package-lock.json / npm-shrinkwrap.json',
    matches: (b) => b === 'package-lock.json' || b === 'npm-shrinkwrap.json',
    parse: parsePackageLock,
  },
  { id: 'yarn-lock', description: 'yarn.lock (classic and berry)', matches: (b) => b === 'yarn.lock', parse: parseYarnLock },
  { id: 'pnpm-lock', description: 'pnpm-lock.yaml (v5, v6, v9)', matches: (b) => b === 'pnpm-lock.yaml', parse: parsePnpmLock },
  { id: 'bun-lock', description: 'bun.lock (text)', matches: (b) => b === 'bun.lock', parse: parseBunLock },
  {
    id: 'requirements',
    description: 'pip requirements.txt',
    matches: (b) => /^requirements.*\.txt$/.test(b) || b === 'requirements.in',
    parse: parseRequirements,
  },
  { id: 'poetry-lock', description: 'poetry.lock', matches: (b) => b === 'poetry.lock', parse: parsePoetryLock },
  { id: 'uv-lock', description: 'uv.lock', matches: (b) => b === 'uv.lock', parse: parseUvLock },
  { id: 'pipfile-lock', description: 'Pipfile.lock', matches: (b) => b === 'Pipfile.lock', parse: parsePipfileLock },
  { id: 'cargo-lock', description: 'Cargo.lock', matches: (b) => b === 'Cargo.lock', parse: parseCargoLock },
  { id: 'go-mod', description: 'go.mod (with go.sum)', matches: (b) => b === 'go.mod', parse: parseGoMod },
  {
    id: 'gemfile-lock',
    description: 'Gemfile.lock / gems.locked',
    matches: (b) => b === 'Gemfile.lock' || b === 'gems.locked',
    parse: parseGemfileLock,
  },
  { id: 'composer-lock', description: 'composer.lock', matches: (b) => b === 'composer.lock', parse: parseComposerLock },
];

export function formatFor(file: string): LockfileFormat | undefined {
  const base = path.basename(file);
  return LOCKFILE_FORMATS.find((f) => f.matches(base));
}

export function formatById(id: string): LockfileFormat | undefined {
  return LOCKFILE_FORMATS.find((f) => f.id === id);
}

/**
 * Through core's safe reader: regular files only (a FIFO named package-lock.json must not hang the
 * scan, a link to /dev/zero must not be read), the size checked on the open handle, a link leaving
 * `within` refused; the refusal names the file and never quotes it.
 */
function readLimited(file: string, shown: string, within: string): string {
  let buf: Buffer;
  try {
    buf = readRegularFileSync(file, { maxBytes: MAX_LOCKFILE_BYTES, within, what: 'lockfile' });
  } catch (e: unknown) {
    if (!(e instanceof UnsafeFileError)) throw e;
    throw lockfileError(
      shown,
      e.message,
      undefined,
      e.reason === 'too-large'
        ? 'a lockfile this large is not plausible; check what put it there'
        : e.reason === 'missing'
          ? undefined
          : 'replace it with the regular lockfile its package manager writes',
    );
  }
  // A NUL byte means a binary file (bun.lockb, a corrupt file): not text we can parse.
  if (buf.includes(0)) throw lockfileError(shown, 'the file is binary, not a text lockfile');
  return buf.toString('utf8').replace(/^\uFEFF/, '');
}

export interface ReadLockfileOptions extends ParseOptions {
  /** Format id; chosen by file name when absent. */
  format?: string;
  /** Paths in packages are reported relative to this folder. */
  root?: string;
}

/** Reads and parses one lockfile. Any problem is a ConfigurationError naming the file. */
export function readLockfile(file: string, options: ReadLockfileOptions = {}): Package[] {
  const format = options.format ? formatById(options.format) : formatFor(file);
  const shown = options.root ? path.relative(options.root, file) || path.basename(file) : file;
  if (!format)
    throw lockfileError(
      shown,
      'not a lockfile format secure-factory knows',
      undefined,
      `known: ${LOCKFILE_FORMATS.map((f) => f.description).join(', ')}`,
    );
  const text = readLimited(file, shown, options.root ?? path.dirname(file));
  let parsed: unknown;
  let parsedOnce = false;
  return format.parse({
    file: shown,
    text,
    json: () => {
      if (!parsedOnce) {
        parsed = parseJsonText(text, shown);
        parsedOnce = true;
      }
      return parsed;
    },
    readRelative: (rel) => {
      const abs = path.resolve(path.dirname(file), rel);
      // An include must stay inside the scanned folder: a lockfile must not make the scanner read
      // (and echo into its errors) files elsewhere on the machine.
      const boundary = options.root ?? path.dirname(file);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        return undefined;
      }
      const inside = path.relative(realpathSync(boundary), real);
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        throw lockfileError(shown, `refers to ${JSON.stringify(rel)}, outside the scanned folder`);
      }
      try {
        if (!statSync(abs).isFile()) return undefined;
      } catch {
        return undefined;
      }
      const relShown = options.root ? path.relative(options.root, abs) : abs;
      return { file: relShown, text: readLimited(abs, relShown, boundary) };
    },
    options,
  });
}
