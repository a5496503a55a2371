/**
 * The only place action inputs are read. Values are trimmed of ASCII whitespace only (as
 * actions/checkout does for `ref`: a leading byte-order mark must not be silently dropped).
 */
import * as core from '@actions/core';
import { ConfigurationError } from '@secure-factory/core';

function trimAscii(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

function raw(name: string): string {
  return trimAscii(core.getInput(name, { trimWhitespace: false }));
}

export function getRequiredInput(name: string): string {
  const v = raw(name);
  if (!v) throw new ConfigurationError(`input "${name}" is required`, { hint: `set it under \`with:\` in the workflow step` });
  return v;
}

export function getOptionalInput(name: string): string | undefined {
  const v = raw(name);
  return v === '' ? undefined : v;
}

export function getBooleanInput(name: string, fallback: boolean): boolean {
  const v = raw(name);
  if (v === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new ConfigurationError(`input "${name}" is "${v}"; it must be true or false`);
}

export function getEnumInput<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const v = raw(name);
  if (v === '') return fallback;
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new ConfigurationError(`input "${name}" is "${v}"; allowed values: ${allowed.join(', ')}`);
}

/** Newline- or comma-separated list, blanks and `#` comments dropped. */
export function getListInput(name: string): string[] {
  return raw(name)
    .split(/[\n,]/)
    .map(trimAscii)
    .filter((s) => s !== '' && !s.startsWith('#'));
}

export function getIntegerInput(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const v = raw(name);
  if (v === '') return fallback;
  if (!/^[0-9]+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new ConfigurationError(`input "${name}" is "${v}"; it must be a whole number from ${min} to ${max}`);
  }
  return Number(v);
}
