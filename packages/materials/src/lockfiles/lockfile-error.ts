/**
 * Errors and limits shared by the lockfile parsers: a lockfile that cannot be read is a
 * ConfigurationError naming the file (and line when known), never a crash and never a silent pass.
 */
import { ConfigurationError } from '@secure-factory/core';

/** Lockfiles larger than this are refused before parsing (a hostile input must not exhaust memory). */
export const MAX_LOCKFILE_BYTES = 100 * 1024 * 1024;

export function lockfileError(file: string, message: string, line?: number, hint?: string): ConfigurationError {
  return new ConfigurationError(message, {
    location: line === undefined ? { file } : { file, line },
    hint: hint ?? 'regenerate the lockfile with its package manager, or remove it from the scanned tree',
  });
}

// C0/C1 controls, DEL, bidi overrides and zero-width characters: never part of a real package name,
// and dangerous in a terminal, a job summary or an annotation.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

// Half of a UTF-16 pair: no UTF-8 file holds one, but a JSON escape (`"\ud800"`) makes one, and it cannot be
// encoded into a purl, a URL or UTF-8 output.
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// No ecosystem allows whitespace, quotes, brackets or markup in a package name; such a name is an attack
// on whatever renders it (a terminal, a job summary, a SARIF viewer), not a package.
const NOT_IN_NAMES = /[\s<>[\]()`|\\"'{}]/;

/**
 * Refuses a package name or version carrying control characters (and names with markup characters).
 * `hint` replaces the lockfile hint for other package lists (an image's package database).
 */
export function checkText(file: string, what: string, value: string, line?: number, hint?: string): void {
  if (/name|path/.test(what) && NOT_IN_NAMES.test(value)) {
    throw lockfileError(file, `${what} ${JSON.stringify(value.slice(0, 80))} contains characters no package name may hold`, line, hint);
  }
  if (CONTROL.test(value) || LONE_SURROGATE.test(value)) {
    throw lockfileError(file, `${what} ${JSON.stringify(value.slice(0, 80))} contains control or invisible characters`, line, hint);
  }
  if (value.length > 512) throw lockfileError(file, `${what} is ${value.length} characters long (over 512)`, line, hint);
}

/**
 * A lockfile version newer than the known ones: read with a warning when its shape is the one known
 * (package managers bump the number for changes a scanner does not depend on, as Yarn 4 did with 9
 * and 10), refused otherwise.
 */
export function newerVersion(
  input: { file: string; options: { warn?: (message: string) => void } },
  what: string,
  version: unknown,
  known: string,
  shapeKnown: boolean,
  hint: string,
): void {
  if (!shapeKnown) throw lockfileError(input.file, `unknown ${what} ${JSON.stringify(version)} (known: ${known})`, undefined, hint);
  input.options.warn?.(`${what} ${JSON.stringify(version)} is newer than the versions known (${known}); read as the newest known shape`);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function optString(file: string, obj: Record<string, unknown>, key: string, where: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw lockfileError(file, `${where}: "${key}" must be a string, not ${typeName(v)}`);
  return v;
}

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return `a ${typeof v}`;
}

/** 1-based line of the first occurrence of `needle` at or after `from`, or undefined. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }
  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  find(needle: string, from = 0): number | undefined {
    const i = this.text.indexOf(needle, from);
    return i < 0 ? undefined : this.lineAt(i);
  }
}
