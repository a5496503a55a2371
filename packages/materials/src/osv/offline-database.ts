/**
 * An offline OSV database: a folder of OSV JSON records (searched recursively; a file may hold one
 * record, a list of records, or `{"vulns": [...]}` as the API answers), osv.dev's per-ecosystem
 * `all.zip` files (in that folder, or one zip given directly), or a single JSON file.
 *
 * Records are indexed by (ecosystem, normalised package name), so matching is one map lookup per
 * package plus the evaluation of that package's few records: linear in the number of packages.
 *
 * Broken records: in a JSON file the user put there, a record that breaks the essential OSV shape is
 * a ConfigurationError naming the file (and the record's line). Inside a zip, which is one large
 * download of thousands of records, a broken record is skipped with a warning naming
 * `zip!entry` and counted in `skipped` (`invalidInZip: 'error'` makes it fatal too).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationError,
  errorMessage,
  lineColumnAt,
  parseJsonText,
  readRegularFile,
  silentLogger,
  type Logger,
} from '@secure-factory/core';
import { evaluate } from './affected.js';
import { packageKey } from './ecosystems.js';
import { mergeHits, type Hit } from './merge.js';
import { recordProblems } from './record-validation.js';
import type { OsvRecord, PackageRef, VulnMatch, VulnSource, VulnSourceDescription } from './types.js';
import { forEachJsonEntryInBuffer, forEachJsonEntryStreamed, IN_MEMORY_ZIP_BYTES, type ZipEntryText } from './zip-entries.js';

export interface OfflineDatabaseOptions {
  logger?: Logger;
  /** What to do with a record inside a zip that breaks the schema: warn and skip (default), or fail. */
  invalidInZip?: 'skip' | 'error';
  /** Zip archives up to this size are read into memory (fast); larger ones are streamed. Default 1 GiB. */
  inMemoryZipBytes?: number;
}

export interface SkippedRecord {
  /** `all.zip!GHSA-xxxx.json` */
  source: string;
  problems: string[];
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);
const MAX_JSON_BYTES = 256 * 1024 * 1024;
/** Skipped records are each named in a warning up to this many; the total is always reported. */
const MAX_SKIP_WARNINGS = 20;

function recordKeys(record: OsvRecord): Set<string> {
  const keys = new Set<string>();
  for (const a of record.affected ?? []) {
    if (a.package) keys.add(packageKey(a.package.ecosystem, a.package.name));
  }
  return keys;
}

export class OfflineDatabase implements VulnSource {
  private readonly index = new Map<string, OsvRecord[]>();
  private readonly byId = new Map<string, OsvRecord>();
  private newestTime = -Infinity;
  private newestText: string | undefined;
  /** Distinct records loaded (withdrawn ones included; they never match). */
  recordCount = 0;
  /** Records met again under an id already loaded (the newer `modified` is kept). */
  duplicates = 0;
  readonly skipped: SkippedRecord[] = [];

  constructor(
    readonly uri: string,
    private digest: string | undefined = undefined,
  ) {}

  /**
   * Adds one record that already passed `recordProblems`. The same id met twice (a folder holding
   * both all.zip and extracted records) is kept once: the copy with the newer `modified`.
   */
  add(record: OsvRecord): void {
    const t = typeof record.modified === 'string' ? Date.parse(record.modified) : NaN;
    if (!Number.isNaN(t) && t > this.newestTime) {
      this.newestTime = t;
      this.newestText = record.modified;
    }
    const previous = this.byId.get(record.id);
    if (previous) {
      this.duplicates++;
      const before = typeof previous.modified === 'string' ? Date.parse(previous.modified) : NaN;
      if (Number.isNaN(t) || (!Number.isNaN(before) && before >= t)) return;
      for (const key of recordKeys(previous)) {
        const list = this.index.get(key) ?? [];
        const at = list.indexOf(previous);
        if (at >= 0) list.splice(at, 1);
      }
    } else {
      this.recordCount++;
    }
    this.byId.set(record.id, record);
    for (const key of recordKeys(record)) {
      const list = this.index.get(key);
      if (list) list.push(record);
      else this.index.set(key, [record]);
    }
  }

  setDigest(digest: string): void {
    this.digest = digest;
  }

  /** The records that name this package (in any release of its ecosystem). */
  recordsFor(ecosystem: string, name: string): readonly OsvRecord[] {
    return this.index.get(packageKey(ecosystem, name)) ?? [];
  }

  /** Synchronous matching; `match` wraps it for the VulnSource interface. */
  matchSync(packages: readonly PackageRef[]): VulnMatch[] {
    const hits: Hit[] = [];
    for (const pkg of packages) {
      for (const record of this.recordsFor(pkg.ecosystem, pkg.name)) {
        if (record.withdrawn) continue; // a withdrawn advisory affects nothing
        const e = evaluate(record, pkg);
        if (e.affected)
          hits.push({
            pkg,
            record,
            entries: e.entries,
            fixedVersions: e.fixedVersions,
            ...(e.uncertain.length > 0 ? { uncertain: e.uncertain } : {}),
          });
      }
    }
    return mergeHits(hits);
  }

  async match(packages: readonly PackageRef[]): Promise<VulnMatch[]> {
    return this.matchSync(packages);
  }

  describe(): VulnSourceDescription {
    const d: VulnSourceDescription = { uri: this.uri };
    if (this.digest) d.version = this.digest;
    if (this.newestText !== undefined) d.lastUpdate = new Date(this.newestTime).toISOString();
    return d;
  }
}

/** The records a JSON document holds: a record, a list of records, or `{"vulns": [...]}`. */
function recordsInDocument(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (doc !== null && typeof doc === 'object' && !('id' in doc) && 'vulns' in doc && Array.isArray(doc.vulns)) {
    return doc.vulns as unknown[];
  }
  return [doc];
}

function idLine(text: string, record: unknown): number | undefined {
  if (record === null || typeof record !== 'object' || !('id' in record) || typeof record.id !== 'string') return undefined;
  const at = text.indexOf(JSON.stringify(record.id));
  return at >= 0 ? lineColumnAt(text, at).line : undefined;
}

function addJsonFile(db: OfflineDatabase, file: string, text: string): void {
  const doc = parseJsonText(text, file);
  const records = recordsInDocument(doc);
  records.forEach((record, i) => {
    const problems = recordProblems(record);
    if (problems.length > 0) {
      const which = records.length > 1 ? ` (record ${i + 1} of ${records.length})` : '';
      throw new ConfigurationError(`not a valid OSV record${which}: ${problems.slice(0, 5).join('; ')}`, {
        location: { file, line: idLine(text, record) ?? 1 },
        hint: 'fix or remove the record; the format is https://ossf.github.io/osv-schema/',
      });
    }
    db.add(record as OsvRecord);
  });
}

/** Adds the records of a zip; returns the zip's sha256. */
async function addZipFile(db: OfflineDatabase, file: string, size: number, options: OfflineDatabaseOptions): Promise<string> {
  const logger = options.logger ?? silentLogger;
  const onEntry = ({ name, text }: ZipEntryText): void => {
    const source = `${file}!${name}`;
    let doc: unknown;
    try {
      doc = JSON.parse(text) as unknown;
    } catch (e: unknown) {
      if (options.invalidInZip === 'error')
        throw new ConfigurationError(`not valid JSON: ${errorMessage(e)}`, { location: { file: source } });
      db.skipped.push({ source, problems: [`not valid JSON: ${errorMessage(e)}`] });
      if (db.skipped.length <= MAX_SKIP_WARNINGS) logger.warning(`skipped ${name}: not valid JSON`, { file });
      return;
    }
    for (const record of recordsInDocument(doc)) {
      const problems = recordProblems(record);
      if (problems.length === 0) {
        db.add(record as OsvRecord);
        continue;
      }
      if (options.invalidInZip === 'error') {
        throw new ConfigurationError(`not a valid OSV record: ${problems.slice(0, 5).join('; ')}`, { location: { file: source } });
      }
      db.skipped.push({ source, problems });
      if (db.skipped.length <= MAX_SKIP_WARNINGS) {
        logger.warning(`skipped ${name}: not a valid OSV record: ${problems.slice(0, 3).join('; ')}`, { file });
      }
    }
  };
  if (size <= (options.inMemoryZipBytes ?? IN_MEMORY_ZIP_BYTES)) {
    const { hex, bytes } = await sha256OfFile(file);
    await forEachJsonEntryInBuffer(file, bytes, onEntry);
    return hex;
  }
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  await forEachJsonEntryStreamed(file, onEntry);
  return hash.digest('hex');
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) await walk(full, out);
    } else if (/\.(json|zip)$/i.test(e.name)) {
      // Not only regular files: a record that is a link, a FIFO or a device would otherwise be skipped
      // without a word and its advisories silently missing. Each is read through core's safe reader, which
      // follows a link to a regular file and refuses the rest (exit 2 naming the file).
      out.push(full);
    }
  }
}

async function sha256OfFile(file: string): Promise<{ hex: string; bytes: Buffer }> {
  // Core's safe reader: a FIFO or a link to a device given as the database is refused, not read forever.
  // Links may point anywhere (an operator's cache), but must end at a regular file under the size limit.
  const bytes = await readRegularFile(file, { maxBytes: 2 ** 31 - 1, within: '/', what: 'OSV database file' });
  return { hex: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/**
 * Opens an offline OSV database at `location` (a folder, an `all.zip`, or one JSON file). The
 * returned database's `describe().version` is a sha256 over the files read (name + content digest),
 * and `lastUpdate` the newest `modified` among the records.
 */
export async function openOfflineDatabase(location: string, options: OfflineDatabaseOptions = {}): Promise<OfflineDatabase> {
  const root = path.resolve(location);
  let info;
  try {
    info = await stat(root);
  } catch (e: unknown) {
    throw new ConfigurationError(`the OSV database does not exist: ${errorMessage(e)}`, {
      location: { file: location },
      hint: 'pass a folder of OSV JSON records, or the all.zip osv.dev publishes for an ecosystem',
      cause: e,
    });
  }
  const db = new OfflineDatabase(pathToFileURL(root).href);
  const files: string[] = [];
  if (info.isDirectory()) await walk(root, files);
  else files.push(root);
  const manifest = createHash('sha256');
  for (const file of files) {
    const st = await stat(file).catch((e: unknown) => {
      throw new ConfigurationError(`cannot read the OSV database file: ${errorMessage(e)}`, { location: { file }, cause: e });
    });
    // Only regular files (links followed): a FIFO, a device or a socket named *.json or *.zip is refused
    // before any read — a large-looking block device would otherwise be streamed as a zip.
    if (!st.isFile())
      throw new ConfigurationError('the OSV database file is not a regular file; refused', {
        location: { file },
        hint: 'the database folder may hold only OSV JSON records and all.zip files',
      });
    const size = st.size;
    const rel = info.isDirectory() ? path.relative(root, file).split(path.sep).join('/') : path.basename(file);
    if (/\.zip$/i.test(file)) {
      const hex = await addZipFile(db, file, size, options);
      manifest.update(`${rel}\u0000${hex}\n`);
    } else {
      if (size > MAX_JSON_BYTES) {
        throw new ConfigurationError(`the file is ${size} bytes, over the limit of ${MAX_JSON_BYTES}`, { location: { file } });
      }
      const { hex, bytes } = await sha256OfFile(file);
      manifest.update(`${rel}\u0000${hex}\n`);
      addJsonFile(db, file, bytes.toString('utf8'));
    }
  }
  if (files.length === 0) {
    throw new ConfigurationError('the OSV database folder holds no .json or .zip files', {
      location: { file: location },
      hint: 'download an ecosystem all.zip from osv.dev, or put OSV JSON records in the folder',
    });
  }
  db.setDigest(`sha256:${manifest.digest('hex')}`);
  if (db.skipped.length > 0) {
    options.logger?.warning(`${db.skipped.length} OSV record(s) in zip archives were skipped because they break the OSV schema`);
  }
  return db;
}
