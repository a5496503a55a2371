import { ConfigurationError } from '../errors.js';

const UNIT: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30m`, `24h`, `7d` → milliseconds. */
export function parseDuration(s: string, where = 'duration'): number {
  const m = /^([0-9]+)(m|h|d)$/.exec(s.trim());
  if (!m) throw new ConfigurationError(`${where}: "${s}" is not a duration; write a number and a unit: 30m, 24h, 7d`);
  return Number(m[1]) * (UNIT[m[2] as string] as number);
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
