/**
 * The build's writable workspace: a copy-on-write view of the verified checkout. The checkout is the
 * lowest, read-only layer of a kernel overlayfs mounted inside an unprivileged user and mount
 * namespace (bubblewrap 0.8 has no --overlay); each phase writes into a layer of its own, and the next
 * phase sees the earlier layers read-only:
 *
 *   fetch   lower: checkout                    upper: layers/fetch
 *   build   lower: fetch, checkout             upper: layers/build
 *   test    lower: build, fetch, checkout      upper: layers/test
 *   rebuild lower: fetch, checkout             upper: layers/build-2   (reproducibility check)
 *
 * So the host checkout is never written, a layer holds exactly what its phase wrote (the build's
 * layer is where its outputs are found), a test cannot alter what was built, and the second build of
 * the reproducibility check starts from the same fetched state as the first.
 *
 * Source integrity: after every phase, a small checker (this file's CHECKER, run by the factory's own
 * Node inside the mount namespace once every sandboxed process is dead) compares each tracked file of
 * the commit that the phase's layer touches with the commit's blob, and lists anything the phase put
 * under `.git/`. Files the phase did not touch come from the checkout, which the host-side check
 * (git status before and after) covers.
 */
import { spawnSync } from 'node:child_process';
import { link, lstat, mkdir, mkdtemp, readFile, readlink, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, listTreeNames, outputGlob, PolicyViolation } from '@secure-factory/core';

export type PhaseName = 'fetch' | 'build' | 'test' | 'build-2';

export interface TrackedFile {
  path: string;
  /** git mode: 100644, 100755, 120000. */
  mode: string;
  oid: string;
}

export interface WorkspaceLayout {
  /** Host folder holding everything below (created by the factory, removed at the end). */
  root: string;
  /** The checkout (read-only lowest layer). */
  source: string;
  /** Mount point of the merged view (host path, mounted only inside the phase's namespace). */
  merged: string;
  /** The checkout bound here first, so overlay options never hold the user's path (commas, colons). */
  lower: string;
  /** Sandbox HOME shared by every phase (npm, pnpm, yarn, pip, cargo, go caches). */
  home: string;
  /** Factory-only folder: checker, tracked list, reports, argument files. Never bound into the sandbox. */
  ctl: string;
  objectFormat: 'sha1' | 'sha256';
  tracked: TrackedFile[];
}

export function layerDir(ws: WorkspaceLayout, phase: PhaseName): { upper: string; work: string } {
  return { upper: path.join(ws.root, 'layers', phase, 'upper'), work: path.join(ws.root, 'layers', phase, 'work') };
}

/** The layers below a phase, topmost first (the checkout comes last, added by the sandbox). */
export function lowerLayers(ws: WorkspaceLayout, phase: PhaseName, fetched: boolean): string[] {
  const fetch = fetched ? [layerDir(ws, 'fetch').upper] : [];
  if (phase === 'fetch') return [];
  if (phase === 'test') return [layerDir(ws, 'build').upper, ...fetch];
  return fetch;
}

function git(dir: string, args: string[]): string {
  const r = spawnSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_CONFIG_NOSYSTEM: '1' },
  });
  if (r.status !== 0)
    throw new ConfigurationError(`git ${args.join(' ')} failed in ${dir}: ${(r.stderr || r.error?.message || '').trim()}`);
  return r.stdout;
}

/** Every file of the commit: `git ls-tree -r HEAD` (submodules are not files of this commit). */
export function trackedFiles(source: string, commit: string): { files: TrackedFile[]; objectFormat: 'sha1' | 'sha256' } {
  const format = git(source, ['rev-parse', '--show-object-format']).trim() === 'sha256' ? 'sha256' : 'sha1';
  const files: TrackedFile[] = [];
  for (const rec of git(source, ['ls-tree', '-r', '-z', '--full-tree', commit]).split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [mode, type, oid] = rec.slice(0, tab).split(' ');
    if (type !== 'blob' || !mode || !oid) continue;
    files.push({ path: rec.slice(tab + 1), mode, oid });
  }
  return { files, objectFormat: format };
}

/**
 * Refuses a folder the factory is about to write when any part of it below `base` is a symlink: a
 * committed `.secure-factory -> /somewhere` must not make the factory delete or write outside.
 */
export async function assertNoSymlinks(base: string, target: string): Promise<void> {
  const rel = path.relative(base, target);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return;
  let cur = base;
  for (const part of rel.split(path.sep)) {
    cur = path.join(cur, part);
    const st = await lstat(cur).catch(() => undefined);
    if (!st) return;
    if (st.isSymbolicLink()) {
      throw new PolicyViolation(`${cur} is a symbolic link (to ${await readlink(cur)}); the factory will not write through it`, {
        hint: `remove the link ${path.relative(base, cur)} from the checkout (the factory creates its own folders there), or pass --evidence/--output-dir outside the checkout`,
      });
    }
    if (!st.isDirectory()) throw new PolicyViolation(`${cur} is not a folder; the factory will not replace it`);
  }
}

export async function createWorkspace(source: string, commit: string): Promise<WorkspaceLayout> {
  const root = await mkdtemp(path.join(tmpdir(), 'sf-ws-'));
  const { files, objectFormat } = trackedFiles(source, commit);
  const committedFactoryDir = files.find((f) => f.path === '.secure-factory' || f.path.startsWith('.secure-factory/'));
  if (committedFactoryDir) {
    await rm(root, { recursive: true, force: true });
    throw new PolicyViolation(
      `the commit holds ${committedFactoryDir.path}${committedFactoryDir.mode === '120000' ? ' (a symbolic link)' : ''}: .secure-factory is the factory's own folder and is never taken from the source`,
      { hint: 'remove .secure-factory from the repository and add it to .gitignore' },
    );
  }
  const ws: WorkspaceLayout = {
    root,
    source,
    merged: path.join(root, 'merged'),
    lower: path.join(root, 'lower'),
    home: path.join(root, 'home'),
    ctl: path.join(root, 'ctl'),
    objectFormat,
    tracked: files,
  };
  await Promise.all([ws.merged, ws.lower, ws.home, ws.ctl].map((d) => mkdir(d, { recursive: true })));
  await writeFile(path.join(ws.ctl, 'tracked.json'), JSON.stringify(files.map((f) => [f.path, f.mode, f.oid])));
  await writeFile(path.join(ws.ctl, 'check.cjs'), CHECKER);
  return ws;
}

export async function prepareLayer(ws: WorkspaceLayout, phase: PhaseName): Promise<{ upper: string; work: string }> {
  const l = layerDir(ws, phase);
  await rm(path.dirname(l.upper), { recursive: true, force: true });
  await mkdir(l.upper, { recursive: true });
  await mkdir(l.work, { recursive: true });
  return l;
}

export async function removeWorkspace(ws: WorkspaceLayout): Promise<void> {
  // overlayfs leaves its work/ folders mode 000 inside; rm -rf as the owner copes after a chmod.
  spawnSync('chmod', ['-R', 'u+rwx', ws.root]);
  await rm(ws.root, { recursive: true, force: true }).catch(() => undefined);
}

/** What one phase did to the source, as the checker saw it. */
export interface PhaseIntegrity {
  phase: PhaseName;
  /** Tracked files whose content, type or executable bit differ from the commit. */
  changed: string[];
  /** Tracked files that are gone. */
  removed: string[];
  /** Anything the phase wrote or removed under `.git/` (hooks, config, index). */
  git: string[];
  /** Tracked files the phase rewrote with their committed content (not a finding). */
  rewrittenUnchanged: number;
}

export async function readIntegrityReport(file: string, phase: PhaseName): Promise<PhaseIntegrity | undefined> {
  try {
    const r = JSON.parse(await readFile(file, 'utf8')) as Omit<PhaseIntegrity, 'phase'>;
    return { phase, changed: r.changed, removed: r.removed, git: r.git, rewrittenUnchanged: r.rewrittenUnchanged };
  } catch {
    return undefined;
  }
}

/**
 * The outputs: files the build phase wrote into the project that the globs select (never `.git/`),
 * hard-linked (or copied) into the output folder under their project-relative names, next to what the
 * build wrote to $SECURE_FACTORY_OUT. A name present in both is refused: no two outputs may share one.
 */
export async function linkOutputs(upper: string, globs: readonly string[], outputDir: string): Promise<string[]> {
  const matchers = globs.map(outputGlob);
  const names = (await listTreeNames(upper, { skipDirectories: ['.git'] })).filter((n) => matchers.some((m) => m.test(n.path)));
  for (const n of names) {
    const from = path.join(upper, ...n.path.split('/'));
    const to = path.join(outputDir, ...n.path.split('/'));
    await assertNoSymlinks(outputDir, path.dirname(to));
    await mkdir(path.dirname(to), { recursive: true });
    if (await lstat(to).catch(() => undefined)) {
      throw new PolicyViolation(`two outputs are named "${n.path}": one in the project and one in $SECURE_FACTORY_OUT`, {
        hint: 'write each output once: either where the project puts it, or into $SECURE_FACTORY_OUT',
      });
    }
    if (n.type === 'symlink') await symlink(await readlink(from), to);
    else await link(from, to).catch(() => copyFile(from, to));
  }
  return names.map((n) => n.path);
}

/**
 * The checker, run as `node check.cjs MERGED UPPER TRACKED REPORT ALGO` in the phase's mount
 * namespace after the sandbox is gone. It never follows a symlink the build made: every parent of a
 * tracked path must be a real folder, and files are opened with O_NOFOLLOW.
 */
export const CHECKER = String.raw`'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const [merged, upper, trackedFile, reportFile, algo] = process.argv.slice(2);
const tracked = JSON.parse(fs.readFileSync(trackedFile, 'utf8'));
const report = { changed: [], removed: [], git: [], rewrittenUnchanged: 0 };
const lst = (p) => { try { return fs.lstatSync(p); } catch { return undefined; } };
const topCache = new Map();
const touchedTop = (first) => { if (!topCache.has(first)) topCache.set(first, lst(path.join(upper, first)) !== undefined); return topCache.get(first); };
function blobId(file, size) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  try {
    const h = crypto.createHash(algo);
    h.update('blob ' + size + '\0');
    const buf = Buffer.allocUnsafe(1 << 20);
    let n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    return h.digest('hex');
  } finally { fs.closeSync(fd); }
}
for (const [rel, mode, oid] of tracked) {
  const parts = rel.split('/');
  if (!touchedTop(parts[0])) continue;
  if (lst(path.join(upper, rel)) === undefined) {
    // Not in this phase's layer: unchanged by it, unless a parent it did write hides the file.
    let hidden = false;
    let cur = merged;
    for (const p of parts) { cur = path.join(cur, p); const s = lst(cur); if (!s) { hidden = true; break; } }
    if (hidden) report.removed.push(rel);
    continue;
  }
  let cur = merged;
  let ok = true;
  for (const p of parts.slice(0, -1)) { cur = path.join(cur, p); const s = lst(cur); if (!s || !s.isDirectory()) { ok = false; break; } }
  if (!ok) { report.changed.push(rel); continue; }
  const file = path.join(merged, rel);
  const st = lst(file);
  if (!st) { report.removed.push(rel); continue; }
  let same = false;
  if (mode === '120000') same = st.isSymbolicLink() && crypto.createHash(algo).update('blob ' + Buffer.byteLength(fs.readlinkSync(file)) + '\0').update(fs.readlinkSync(file)).digest('hex') === oid;
  else if (st.isFile()) same = ((st.mode & 0o100) !== 0) === (mode === '100755') && blobId(file, st.size) === oid;
  if (same) report.rewrittenUnchanged++;
  else report.changed.push(rel);
}
const gitRoot = path.join(upper, '.git');
const walk = (dir, rel) => {
  const s = lst(dir);
  if (!s) return;
  if (!s.isDirectory()) { report.git.push(rel); return; }
  const entries = fs.readdirSync(dir);
  if (entries.length === 0 && rel !== '.git') report.git.push(rel + '/');
  for (const e of entries) walk(path.join(dir, e), rel + '/' + e);
};
walk(gitRoot, '.git');
report.changed.sort(); report.removed.sort(); report.git.sort();
fs.writeFileSync(reportFile + '.tmp', JSON.stringify(report));
fs.renameSync(reportFile + '.tmp', reportFile);
`;
