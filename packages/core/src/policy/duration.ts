import { ConfigurationError } from '../errors.js';

const UNIT: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Ten years. */
export const MAX_DURATION_MS = 3650 * 86_400_000;

/** `30m`, `24h`, `7d` → milliseconds. */
export function parseDuration(s: string, where = 'duration'): number {
  const m = /^([0-9]+)(m|h|d)$/.exec(s.trim());
  if (!m) throw new ConfigurationError(`${where}: "${s}" is not a duration; write a number and a unit: 30m, 24h, 7d`);
  const ms = Number(m[1]) * (UNIT[m[2] as string] as number);
  // A duration so long it switches a freshness check off is a mistake (or an attack), not a policy.
  if (!Number.isSafeInteger(ms) || ms > MAX_DURATION_MS) {
    throw new ConfigurationError(`${where}: "${s}" is longer than ${MAX_DURATION_MS / UNIT.d!}d, the longest duration a policy may give`);
  }
  return ms;
}

export function formatDuration(ms: number): string {
  if (ms % UNIT.d! === 0) return `${ms / UNIT.d!}d`;
  if (ms % UNIT.h! === 0) return `${ms / UNIT.h!}h`;
  return `${Math.round(ms / UNIT.m!)}m`;
}

/** A rough human age: `3 h`, `2 d`, `45 min`. */
export function humanAge(ms: number): string {
  if (ms < UNIT.h!) return `${Math.max(0, Math.round(ms / UNIT.m!))} min`;
  if (ms < 2 * UNIT.d!) return `${Math.round(ms / UNIT.h!)} h`;
  return `${Math.round(ms / UNIT.d!)} d`;
}
