/**
 * The evidence folder: one in-toto statement per file (`<name>.intoto.json`), each signed into
 * `<name>.sigstore.json` beside it by the attest stage. Written atomically; loaded with errors that
 * name the file.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from './atomic-file.js';
import { ConfigurationError } from './errors.js';
import { readJsonFile } from './json-file.js';
import type { Statement } from './statement.js';
import { validateStatement } from './statement-schema.js';

export const DEFAULT_EVIDENCE_DIR = '.secure-factory/evidence';
export const STATEMENT_SUFFIX = '.intoto.json';
export const BUNDLE_SUFFIX = '.sigstore.json';

const NAME = /^[a-z0-9][a-z0-9._-]{0,127}$/;

export interface EvidenceEntry {
  name: string;
  statementPath: string;
  /** Present when `<name>.sigstore.json` exists beside the statement. */
  bundlePath?: string;
}

export interface LoadedStatement extends EvidenceEntry {
  statement: Statement;
}

export class EvidenceFolder {
  constructor(readonly dir: string) {}

  pathFor(name: string): string {
    assertName(name);
    return path.join(this.dir, `${name}${STATEMENT_SUFFIX}`);
  }

  bundlePathFor(name: string): string {
    assertName(name);
    return path.join(this.dir, `${name}${BUNDLE_SUFFIX}`);
  }

  /** Validates and writes a statement; returns its path. */
  async write(name: string, statement: Statement<unknown>): Promise<string> {
    const problems = validateStatement(statement);
    if (problems.length > 0) {
      // Our own statement failing its schema is a bug, not user input: say which field.
      throw new Error(`internal error: statement "${name}" is not a valid in-toto Statement v1: ${problems.join('; ')}`);
    }
    const file = this.pathFor(name);
    await writeJsonAtomic(file, statement);
    return file;
  }

  /** Statements and bundles present, sorted by name. A missing folder is an empty list. */
  async list(): Promise<EvidenceEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new ConfigurationError(`cannot read the evidence folder: ${(e as Error).message}`, { location: { file: this.dir } });
    }
    const set = new Set(names);
    const out: EvidenceEntry[] = [];
    for (const f of names.sort()) {
      if (!f.endsWith(STATEMENT_SUFFIX) || f.startsWith('.')) continue;
      const name = f.slice(0, -STATEMENT_SUFFIX.length);
      const entry: EvidenceEntry = { name, statementPath: path.join(this.dir, f) };
      if (set.has(`${name}${BUNDLE_SUFFIX}`)) entry.bundlePath = path.join(this.dir, `${name}${BUNDLE_SUFFIX}`);
      out.push(entry);
    }
    return out;
  }

  /** Loads every statement; a corrupt or invalid file is a ConfigurationError naming it. */
  async load(): Promise<LoadedStatement[]> {
    const entries = await this.list();
    const out: LoadedStatement[] = [];
    for (const e of entries) out.push({ ...e, statement: await loadStatementFile(e.statementPath) });
    return out;
  }

  async loadOne(name: string): Promise<Statement> {
    return loadStatementFile(this.pathFor(name));
  }
}

export async function loadStatementFile(file: string): Promise<Statement> {
  const value = await readJsonFile(file);
  const problems = validateStatement(value);
  if (problems.length > 0) {
    throw new ConfigurationError(`not a valid in-toto Statement v1: ${problems.slice(0, 3).join('; ')}`, {
      location: { file },
      hint: 'regenerate the evidence or remove the file',
    });
  }
  return value as Statement;
}

function assertName(name: string): void {
  if (!NAME.test(name)) {
    throw new ConfigurationError(`evidence name "${name}" must be lower-case letters, digits, ".", "_" or "-" (no path separators)`);
  }
}
