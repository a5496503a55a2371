/**
 * Subjects made directly from files, globs, a `sha256sum`-style checksums file or image digests, so
 * attest is useful on its own. Every subject is an exact (name, sha256) pair; nothing is capped.
 */
import { readFile, stat } from 'node:fs/promises';
import { glob } from 'node:fs/promises';
import path from 'node:path';
import { compareBytewise, ConfigurationError, isSha256Hex, sha256File, type Subject } from '@secure-factory/core';

export interface SubjectSources {
  /** Files or globs, relative to `cwd`. */
  paths?: readonly string[];
  /** `sha256:HEX` or `NAME@sha256:HEX` (a container image reference). */
  digests?: readonly string[];
  /** Name for bare `sha256:HEX` digests (e.g. the image name). */
  digestName?: string | undefined;
  /** `sha256sum` output (`HEX  NAME` / `HEX *NAME`) or BSD style (`SHA256 (NAME) = HEX`). */
  checksumFiles?: readonly string[];
  cwd?: string;
}

const GLOB = /[*?[\]{}]/;

/**
 * A subject's name is its path relative to the pattern's static base: `.secure-factory/out/**` names
 * `app.tgz`, as the build's provenance does (outputs relative to the output folder); a plain file
 * path names its base name, as actions/attest does.
 */
function staticBase(pattern: string, cwd: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (GLOB.test(p)) break;
    fixed.push(p);
  }
  return path.resolve(cwd, fixed.join('/') || '.');
}

function nameFor(file: string, base: string): string {
  const rel = path.relative(base, file);
  const name = rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel;
  return name.split(path.sep).join('/');
}

export async function subjectsFromPaths(patterns: readonly string[], cwd: string): Promise<Subject[]> {
  const out: Subject[] = [];
  for (const pattern of patterns) {
    let files: string[];
    let base: string;
    if (GLOB.test(pattern)) {
      base = staticBase(pattern, cwd);
      files = [];
      for await (const f of glob(pattern, { cwd })) {
        const abs = path.resolve(cwd, f);
        if ((await stat(abs)).isFile()) files.push(abs);
      }
      if (files.length === 0)
        throw new ConfigurationError(`the subject pattern "${pattern}" matches no file`, { hint: `paths are relative to ${cwd}` });
      files.sort(compareBytewise);
    } else {
      const abs = path.resolve(cwd, pattern);
      let isFile: boolean;
      try {
        isFile = (await stat(abs)).isFile();
      } catch {
        throw new ConfigurationError(`the subject file "${pattern}" does not exist`, { location: { file: abs } });
      }
      if (!isFile) throw new ConfigurationError(`the subject "${pattern}" is not a regular file (use a glob such as "${pattern}/**")`);
      files = [abs];
      base = path.dirname(abs);
    }
    for (const f of files) out.push({ name: nameFor(f, base), digest: { sha256: await sha256File(f) } });
  }
  return out;
}

export function parseChecksums(text: string, file: string): Subject[] {
  const out: Subject[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    const gnu = /^\\?([0-9a-fA-F]{64}) [ *](.+)$/.exec(line);
    const bsd = /^SHA256 \((.+)\) = ([0-9a-fA-F]{64})$/.exec(line);
    const hex = gnu?.[1] ?? bsd?.[2];
    const name = gnu?.[2] ?? bsd?.[1];
    if (!hex || !name) {
      throw new ConfigurationError('not a sha256sum line ("<64 hex>  <name>" or "SHA256 (<name>) = <64 hex>")', {
        location: { file, line: i + 1, column: 1 },
      });
    }
    out.push({ name, digest: { sha256: hex.toLowerCase() } });
  });
  if (out.length === 0) throw new ConfigurationError('the checksums file lists no file', { location: { file } });
  return out;
}

export function subjectFromDigest(spec: string, defaultName: string | undefined): Subject {
  const m = /^(?:(.+)@)?sha256:([0-9a-fA-F]{64})$/.exec(spec.trim());
  if (!m?.[2] || !isSha256Hex(m[2].toLowerCase())) {
    throw new ConfigurationError(`"${spec}" is not a digest: expected sha256:<64 hex> or NAME@sha256:<64 hex>`);
  }
  const name = m[1] ?? defaultName;
  if (!name) throw new ConfigurationError(`the digest "${spec}" needs a name: write NAME@sha256:… or give a subject name`);
  return { name, digest: { sha256: m[2].toLowerCase() } };
}

export async function collectSubjects(src: SubjectSources): Promise<Subject[]> {
  const cwd = src.cwd ?? process.cwd();
  const out: Subject[] = [];
  out.push(...(await subjectsFromPaths(src.paths ?? [], cwd)));
  for (const f of src.checksumFiles ?? []) {
    const abs = path.resolve(cwd, f);
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch {
      throw new ConfigurationError('cannot read the checksums file', { location: { file: abs } });
    }
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
  const seen = new Set<string>();
  const byName = new Map<string, string>();
  const out: Subject[] = [];
  for (const s of subjects) {
    const k = subjectKey(s);
    if (seen.has(k)) continue;
    const d = s.digest.sha256;
    if (s.name !== undefined && d !== undefined) {
      const prev = byName.get(s.name);
      if (prev !== undefined && prev !== d)
        throw new ConfigurationError(`the subject "${s.name}" is given with two digests (sha256:${prev} and sha256:${d})`);
      byName.set(s.name, d);
    }
    seen.add(k);
    out.push(s);
  }
  return out;
}
