/**
 * Subjects made directly from files, globs, a `sha256sum`-style checksums file or image digests, so
 * attest is useful on its own. Every subject is an exact (name, sha256) pair; nothing is capped. Files
 * are named by the one rule of core `subjectNameOf` (the path relative to the project, `cwd`), the
 * same names the build gives, and hashed on core's worker pool.
 */
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import {
  ConfigurationError,
  decodeUtf8,
  isInside,
  isSha256Hex,
  listTreeNames,
  projectSubjectName,
  readRegularFile,
  StreamingHasher,
  type Subject,
  safeInlineBounded,
  subjectLabel,
  subjectName,
  subjectNamer,
} from '@secure-factory/core';

export interface SubjectSources {
  /** Files or globs, relative to `cwd`. */
  paths?: readonly string[];
  /** `sha256:HEX` or `NAME@sha256:HEX` (a container image reference). */
  digests?: readonly string[];
  /** Name for bare `sha256:HEX` digests (e.g. the image name). */
  digestName?: string | undefined;
  /** `sha256sum` output (`HEX  NAME` / `HEX *NAME`) or BSD style (`SHA256 (NAME) = HEX`). */
  checksumFiles?: readonly string[];
  /** Subjects already named and hashed (e.g. the build's outputs, as `secure-factory run` passes them). */
  subjects?: readonly Subject[];
  /** The project root: file subjects are named by their path relative to it. Default: the current folder. */
  cwd?: string;
}

const GLOB = /[*?[\]{}]/;

/** The folder a glob cannot match above: its leading segments without glob characters. */
function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (GLOB.test(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}

async function isFile(abs: string): Promise<boolean | undefined> {
  try {
    return (await stat(abs)).isFile();
  } catch {
    return undefined;
  }
}

/**
 * A subject is a file in the workspace, as actions/attest-build-provenance users expect: a file reached
 * through a symbolic link (the file itself or a folder on its way) must still lie inside the project once
 * every link is resolved. A link to a token or to /dev/zero elsewhere is refused by its name, never hashed.
 */
async function checkInsideProject(abs: string, shown: string, realRoot: string): Promise<void> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch (e: unknown) {
    throw new ConfigurationError(
      `the subject "${shown}" is a symbolic link that cannot be resolved (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { location: { file: abs } },
    );
  }
  if (!isInside(real, realRoot)) {
    throw new ConfigurationError(
      `the subject "${shown}" is a symbolic link (or lies in a linked folder) leading outside the project ${realRoot}; refused`,
      {
        location: { file: abs },
        hint: 'a subject must be a file in the workspace: copy the artefact into the project, or give it by digest (sha256:<64 hex>)',
      },
    );
  }
}

/**
 * Calls `onFile` with each file a glob matches below its static base, in byte order (dot files
 * included, as the build's output globs), and its path relative to the project; returns how many.
 */
async function expandGlob(
  pattern: string,
  root: string,
  realRoot: string,
  onFile: (abs: string, relative: string) => void,
): Promise<number> {
  const base = staticBase(pattern);
  const baseAbs = path.resolve(root, base);
  const relBase = path.relative(root, baseAbs).split(path.sep).join('/');
  if (relBase === '..' || relBase.startsWith('../') || path.isAbsolute(relBase)) {
    throw new ConfigurationError(`the subject pattern "${pattern}" reaches outside the project ${root}`, {
      hint: 'subjects are named by their path relative to the project: run from the project folder, or give the artefacts by digest (sha256:<64 hex>)',
    });
  }
  let names: { path: string; type: 'file' | 'symlink' }[];
  // The listing does not enter linked folders, but the glob's base (or a folder above it) may be one.
  if ((await realpath(baseAbs).catch(() => undefined)) !== undefined) await checkInsideProject(baseAbs, base, realRoot);
  try {
    names = await listTreeNames(baseAbs);
  } catch {
    names = [];
  }
  const normal = path.posix.normalize(pattern).replace(/^\.\//, '');
  const prefix = relBase === '' ? '' : `${relBase}/`;
  // "dir/**" (the usual attest glob) matches every file below dir: no per-file match needed.
  const everything = normal === `${prefix}**` || normal === `${prefix}**/*`;
  const isMatch = picomatch(normal, { dot: true });
  let n = 0;
  for (const entry of names) {
    const relative = `${prefix}${entry.path}`;
    if (!everything && !isMatch(relative)) continue;
    const abs = `${baseAbs}${path.sep}${entry.path}`;
    if (entry.type === 'symlink') {
      // A dangling link is no file (skipped, as a shell glob would); a link leaving the project is
      // refused; a link inside it counts when it leads to a file (its content is what is hashed).
      if ((await realpath(abs).catch(() => undefined)) === undefined) continue;
      await checkInsideProject(abs, relative, realRoot);
      if ((await isFile(abs)) !== true) continue;
    }
    onFile(abs, relative);
    n++;
  }
  return n;
}

export async function subjectsFromPaths(patterns: readonly string[], cwd: string): Promise<Subject[]> {
  const root = path.resolve(cwd);
  const realRoot = await realpath(root).catch(() => root);
  const nameOf = subjectNamer(root);
  const names: string[] = [];
  // Each file is named (a path outside the project fails here) and handed to the hashing pool as it
  // is found, so listing, naming and hashing overlap.
  const hasher = new StreamingHasher();
  const take = (abs: string, name: string): void => {
    names.push(name);
    hasher.add(abs);
  };
  try {
    for (const pattern of patterns) {
      const literal = path.resolve(root, pattern);
      const kind = await isFile(literal);
      // An existing file is taken as it is, even when its name holds glob characters (`[id].js`).
      if (kind === true) {
        const name = nameOf(literal);
        await checkInsideProject(literal, pattern, realRoot);
        take(literal, name);
        continue;
      }
      if (!GLOB.test(pattern)) {
        if (kind === undefined)
          throw new ConfigurationError(`the subject file "${pattern}" does not exist`, { location: { file: literal } });
        throw new ConfigurationError(`the subject "${pattern}" is not a regular file (use a glob such as "${pattern}/**")`);
      }
      const n = await expandGlob(pattern, root, realRoot, (abs, relative) => take(abs, projectSubjectName(relative)));
      if (n === 0)
        throw new ConfigurationError(`the subject pattern "${pattern}" matches no file`, { hint: `paths are relative to ${root}` });
    }
  } catch (e: unknown) {
    await hasher.abort();
    throw e;
  }
  const digests = await hasher.finish();
  return names.map((name, i) => ({ name, digest: { sha256: digests[i]?.sha256 ?? '' } }));
}

export function parseChecksums(text: string, file: string): Subject[] {
  const out: Subject[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const gnu = /^\\?([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    const bsd = /^SHA256 \((.+)\) = ([0-9a-fA-F]{64})$/.exec(line);
    const hex = gnu?.[1] ?? bsd?.[2];
    const rawName = gnu?.[2] ?? bsd?.[1];
    if (!hex || !rawName) {
      throw new ConfigurationError('not a sha256sum line ("<64 hex>  <name>" or "SHA256 (<name>) = <64 hex>")', {
        location: { file, line: i + 1, column: 1 },
      });
    }
    // sha256sum starts a line with a backslash when it escaped the name (backslash-n for a newline).
    const escaped = line.startsWith('\\');
    const unescaped = escaped ? rawName.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c)) : rawName;
    let name: string;
    try {
      name = subjectName(unescaped, `the name on line ${i + 1}`);
    } catch (e: unknown) {
      throw new ConfigurationError(e instanceof Error ? e.message : String(e), { cause: e, location: { file, line: i + 1, column: 1 } });
    }
    out.push({ name, digest: { sha256: hex.toLowerCase() } });
  });
  if (out.length === 0) throw new ConfigurationError('the checksums file lists no file', { location: { file } });
  return out;
}

export function subjectFromDigest(spec: string, defaultName: string | undefined): Subject {
  const m = /^(?:(.+)@)?sha256:([0-9a-fA-F]{64})$/.exec(spec.trim());
  if (!m?.[2] || !isSha256Hex(m[2].toLowerCase())) {
    throw new ConfigurationError(
      `${safeInlineBounded(JSON.stringify(spec), 200)} is not a digest: expected sha256:<64 hex> or NAME@sha256:<64 hex>`,
    );
  }
  const name = m[1] ?? defaultName;
  if (!name) throw new ConfigurationError(`the digest "${spec}" needs a name: write NAME@sha256:… or give a subject name`);
  return {
    name: subjectLabel(name, m[1] !== undefined ? 'the name before @sha256' : 'the subject name'),
    digest: { sha256: m[2].toLowerCase() },
  };
}

/** The largest checksums file read (a million subjects of 200-byte names). */
const MAX_CHECKSUMS_BYTES = 256 * 1024 * 1024;

export async function collectSubjects(src: SubjectSources): Promise<Subject[]> {
  const cwd = src.cwd ?? process.cwd();
  const out: Subject[] = [];
  out.push(...(src.subjects ?? []).map((sub) => ({ ...sub, ...(sub.name !== undefined ? { name: subjectName(sub.name) } : {}) })));
  out.push(...(await subjectsFromPaths(src.paths ?? [], cwd)));
  for (const f of src.checksumFiles ?? []) {
    const abs = path.resolve(cwd, f);
    // Core's safe reader: a FIFO is refused (a plain read blocks forever), a device or an oversized file is
    // refused before reading, and nothing of a file that is no checksums list is quoted. It may be a link.
    const text = decodeUtf8(
      await readRegularFile(abs, { maxBytes: MAX_CHECKSUMS_BYTES, within: '/', what: 'checksums file' }),
      abs,
      'checksums file',
    );
    out.push(...parseChecksums(text, abs));
  }
  for (const d of src.digests ?? []) out.push(subjectFromDigest(d, src.digestName));
  return dedupeSubjects(out);
}

export function subjectKey(s: Subject): string {
  return `${s.name ?? ''}\u0000${s.digest.sha256 ?? JSON.stringify(s.digest)}`;
}

/** Keeps the first of each exact (name, digest) pair; the same name with two digests is an error. */
export function dedupeSubjects(subjects: readonly Subject[]): Subject[] {
  // Named sha256 subjects (nearly all) are keyed by name alone: no key string is built per subject.
  const byName = new Map<string, string>();
  const seen = new Set<string>();
  const out: Subject[] = [];
  for (const s of subjects) {
    const d = s.digest.sha256;
    if (s.name !== undefined && d !== undefined) {
      const prev = byName.get(s.name);
      if (prev === d) continue;
      if (prev !== undefined)
        throw new ConfigurationError(`the subject "${s.name}" is given with two digests (sha256:${prev} and sha256:${d})`);
      byName.set(s.name, d);
    } else {
      const k = subjectKey(s);
      if (seen.has(k)) continue;
      seen.add(k);
    }
    out.push(s);
  }
  return out;
}
