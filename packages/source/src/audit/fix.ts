/**
 * Fix mode, like zizmor's `--fix`, for the mechanical findings — written as a unified patch for the
 * user to review and `git apply`, never applied in place:
 * - artipacked: `persist-credentials: false` in the checkout's `with:` (added when absent);
 * - excessive-permissions (no permissions anywhere): `permissions: {}` at the top of the workflow;
 * - unpinned-uses: the full commit SHA with the version as a comment (`@<sha> # v4.2.2`), when a pins
 *   file maps `owner/repo@ref` to the SHA (offline there is no other trustworthy source: a tag can be
 *   moved, and nothing here asks the network); otherwise skipped with a note;
 * - self-repository: `./path` → `$/path`;
 * - obfuscation in `uses:` paths: the normalised path.
 * Edits are textual insertions and replacements at the source offsets of the parsed YAML, so comments
 * and layout stay as they are; the patch is made by `git diff --no-index`.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, OPERATOR_FILE, parseJsonText, readTextFile } from '@secure-factory/core';
import { isMap, isScalar, type Node } from 'yaml';
import { gitRun } from '../git.js';
import { buildAuditFile, parseUses, usesAction, type FileKind } from './model.js';
import { YamlSource } from './yaml-source.js';

export interface Edit {
  start: number;
  end: number;
  text: string;
  what: string;
}

export interface FixResult {
  file: string;
  original: string;
  fixed: string;
  applied: string[];
  skipped: string[];
}

/** `owner/repo@ref` → 40-hex SHA, from a pins file: `owner/repo@ref <sha>` per line (`#` comments), or JSON `{ "owner/repo@ref": "sha" }`. */
export async function loadPins(file: string): Promise<Map<string, string>> {
  // Core's safe reader: a FIFO or a device is refused, not read forever; the pins file may be a link anywhere.
  const text = await readTextFile(file, { ...OPERATOR_FILE, maxBytes: 16 * 1024 * 1024, what: 'pins file' });
  const pins = new Map<string, string>();
  const add = (key: string, sha: string, line?: number): void => {
    if (!/^[^@\s]+\/[^@\s]+@\S+$/.test(key) || !/^[0-9a-f]{40}$/i.test(sha))
      // The line is not quoted: a pins file that is really some other file (a link to a secret) stays unread.
      throw new ConfigurationError(
        `pins file ${file}: ${line !== undefined ? `line ${line}` : 'an entry'} is not "owner/repo@ref <40-hex sha>"`,
        {
          location: { file, ...(line !== undefined ? { line } : {}) },
        },
      );
    pins.set(key.toLowerCase(), sha.toLowerCase());
  };
  if (text.trimStart().startsWith('{')) {
    const json = parseJsonText(text, file);
    if (json === null || typeof json !== 'object' || Array.isArray(json))
      throw new ConfigurationError(`pins file ${file}: the JSON form must be an object of "owner/repo@ref": "sha"`, { location: { file } });
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) add(k, String(v));
  } else
    text.split('\n').forEach((raw, i) => {
      const l = raw.replace(/#.*$/, '').trim();
      if (!l) return;
      const [k, v, ...rest] = l.split(/\s+/);
      if (rest.length > 0)
        throw new ConfigurationError(`pins file ${file}: line ${i + 1} has extra words`, { location: { file, line: i + 1 } });
      add(k ?? '', v ?? '', i + 1);
    });
  return pins;
}

function indentOf(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t-]*/.exec(text.slice(lineStart))![0].replace(/-/g, ' ');
}

function lineEnd(text: string, offset: number): number {
  const e = text.indexOf('\n', offset);
  return e < 0 ? text.length : e;
}

/** The edits that fix one file's mechanical findings. */
export function planFixes(text: string, file: string, kind: FileKind, pins: Map<string, string>): { edits: Edit[]; skipped: string[] } {
  const src = new YamlSource(file, text);
  const f = buildAuditFile(src, file, kind, false);
  const edits: Edit[] = [];
  const skipped: string[] = [];
  if (!f) return { edits, skipped };
  const pos = (o: number): string => `${file}:${src.position(o).line}`;

  // permissions: {} at the top when neither the workflow nor every job says what the token may do.
  if (kind === 'workflow' && !src.pair(f.root, 'permissions') && f.jobs.some((j) => !src.pair(j.node, 'permissions'))) {
    const jobsPair = src.pair(f.root, 'jobs');
    const k = jobsPair?.key as Node | null | undefined;
    if (k?.range) {
      const at = text.lastIndexOf('\n', k.range[0] - 1) + 1;
      edits.push({
        start: at,
        end: at,
        text: 'permissions: {}\n\n',
        what: `${pos(at)}: add top-level permissions: {} (grant each job what it needs)`,
      });
    }
  }

  for (const step of f.steps) {
    if (!step.uses?.node.range) continue;
    const [us, ue] = step.uses.node.range;
    const value = step.uses.value.trim();
    // artipacked
    if (usesAction(step, 'actions/checkout')) {
      const pc = src.get(step.with, 'persist-credentials');
      const v = src.str(pc)?.trim().toLowerCase();
      if (pc?.range && v !== 'false' && !(v ?? '').includes('${{'))
        edits.push({ start: pc.range[0], end: pc.range[1], text: 'false', what: `${pos(pc.range[0])}: persist-credentials: false` });
      else if (pc === undefined && isMap(step.with) && step.with.items.length > 0) {
        const first = step.with.items[0]!.key as Node;
        if (first.range) {
          const ind = indentOf(text, first.range[0]);
          const at = lineEnd(text, (step.with.items[step.with.items.length - 1]!.value as Node | null)?.range?.[1] ?? first.range[1]);
          edits.push({
            start: at,
            end: at,
            text: `\n${ind}persist-credentials: false`,
            what: `${pos(first.range[0])}: persist-credentials: false`,
          });
        }
      } else if (step.with === undefined) {
        const usesKey = step.uses.pair.key;
        if (usesKey.range) {
          const ind = indentOf(text, usesKey.range[0]);
          const at = lineEnd(text, ue);
          edits.push({
            start: at,
            end: at,
            text: `\n${ind}with:\n${ind}  persist-credentials: false`,
            what: `${pos(us)}: persist-credentials: false`,
          });
        }
      }
    }
    const node = step.uses.node;
    const quote = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? text.charAt(us) : '';
    // self-repository
    if (value.startsWith('./')) {
      edits.push({ start: us, end: ue, text: `${quote}$${value.slice(1)}${quote}`, what: `${pos(us)}: ${value} → $${value.slice(1)}` });
      continue;
    }
    const u = parseUses(value);
    if (u.kind !== 'repository' || !u.owner || !u.repo || u.ref === undefined) continue;
    // obfuscation: normalise the path
    const sub = value.slice(0, value.lastIndexOf('@')).split('/').slice(2);
    let normalised = value;
    if (sub.some((c) => c === '' || c === '.' || c === '..')) {
      const out: string[] = [];
      let ok = true;
      for (const c of sub) {
        if (c === '' || c === '.') continue;
        if (c === '..') {
          if (out.length === 0) ok = false;
          out.pop();
        } else out.push(c);
      }
      if (ok) normalised = `${[value.split('/')[0], value.split('/')[1]?.split('@')[0], ...out].join('/')}@${u.ref}`;
    }
    // unpinned-uses
    let replacement = normalised;
    let comment = '';
    if (!/^[0-9a-f]{40}$/i.test(u.ref)) {
      const sha = pins.get(`${u.owner}/${u.repo}@${u.ref}`.toLowerCase());
      if (sha) {
        replacement = `${replacement.slice(0, replacement.lastIndexOf('@'))}@${sha}`;
        comment = ` # ${u.ref}`;
      } else skipped.push(`${pos(us)}: ${value} is not pinned and the pins file has no ${u.owner}/${u.repo}@${u.ref}`);
    }
    if (replacement !== value || comment) {
      // Replace the value and any trailing comment on its line (a stale version comment would mislead).
      const end = comment ? lineEnd(text, ue) : ue;
      edits.push({
        start: us,
        end,
        text: `${quote}${replacement}${quote}${comment}`,
        what: `${pos(us)}: ${value} → ${replacement}${comment}`,
      });
    }
  }
  return { edits, skipped };
}

/** Plans and applies the fixes of the audited files (relative to `base`). */
export async function fixFiles(base: string, files: { rel: string; kind: FileKind }[], pins: Map<string, string>): Promise<FixResult[]> {
  const out: FixResult[] = [];
  for (const { rel, kind } of files) {
    const original = await readTextFile(path.join(base, rel), { maxBytes: 16 * 1024 * 1024, within: base, what: 'workflow file' });
    let plan;
    try {
      plan = planFixes(original, rel, kind, pins);
    } catch {
      continue; // invalid YAML: reported by the audit, nothing to fix mechanically
    }
    out.push({
      file: rel,
      original,
      fixed: applyEdits(original, plan.edits),
      applied: plan.edits.map((e) => e.what),
      skipped: plan.skipped,
    });
  }
  return out;
}

export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.end > floor) continue; // overlapping edits: keep the later one only
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    floor = e.start;
  }
  return out;
}

/** A unified diff (git's format, `a/`/`b/` prefixes) of the fixes, for `git apply`. */
export async function unifiedPatch(results: FixResult[]): Promise<string> {
  const changed = results.filter((r) => r.original !== r.fixed);
  if (changed.length === 0) return '';
  const dir = await mkdtemp(path.join(tmpdir(), 'sf-fix-'));
  try {
    let patch = '';
    for (const r of changed) {
      for (const side of ['a', 'b'] as const) {
        const p = path.join(dir, side, r.file);
        await mkdir(path.dirname(p), { recursive: true });
        await writeFile(p, side === 'a' ? r.original : r.fixed);
      }
      const d = await gitRun(dir, ['diff', '--no-index', '--no-color', '--no-prefix', '--', `a/${r.file}`, `b/${r.file}`], {
        allowFailure: true,
      });
      if (d.code > 1) throw new ConfigurationError(`git diff failed: ${d.stderr.trim()}`);
      patch += d.stdout;
    }
    return patch;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
