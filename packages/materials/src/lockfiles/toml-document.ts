/** TOML lockfiles (Cargo, Poetry, uv) parsed with smol-toml; errors at file:line. */
import { parse, TomlError } from 'smol-toml';
import { isRecord, LineIndex, lockfileError, typeName } from './lockfile-error.js';

export function parseToml(file: string, text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e: unknown) {
    const line = e instanceof TomlError ? e.line : undefined;
    const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    throw lockfileError(file, `not valid TOML: ${msg}`, line);
  }
  if (!isRecord(doc)) throw lockfileError(file, `expected a TOML table, not ${typeName(doc)}`);
  return doc;
}

/** `[[package]]` tables as an array of records, with a clear error for anything else. */
export function packageTables(file: string, doc: Record<string, unknown>): Record<string, unknown>[] {
  const p = doc.package;
  if (p === undefined) return [];
  if (!Array.isArray(p)) throw lockfileError(file, `"package" must be an array of tables ([[package]]), not ${typeName(p)}`);
  return p.map((t, i) => {
    if (!isRecord(t)) throw lockfileError(file, `package #${i + 1} must be a table, not ${typeName(t)}`);
    return t;
  });
}

/** Line of the `name = ` key of each `[[package]]` table, in order. */
export function packageNameLines(text: string): number[] {
  const lines = new LineIndex(text);
  const out: number[] = [];
  const re = /^\s*\[\[package\]\]\s*$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const after = m.index + m[0].length;
    const nameAt = text.slice(after).search(/^\s*name\s*=/m);
    out.push(lines.lineAt(nameAt >= 0 ? after + nameAt + 1 : m.index));
  }
  return out;
}

export function str(file: string, t: Record<string, unknown>, key: string, where: string, line?: number): string | undefined {
  const v = t[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw lockfileError(file, `${where}: "${key}" must be a string, not ${typeName(v)}`, line);
  return v;
}
