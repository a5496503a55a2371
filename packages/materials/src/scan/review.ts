/**
 * Pull-request mode: the dependencies a change adds, removes and changes, and only the findings it
 * introduces. The base revision's materials are read straight from git (`ls-tree` + `cat-file
 * --batch`, no checkout), scanned with the same policy and database, and compared with the head's.
 * The options mean what actions/dependency-review-action's inputs of the same name mean.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  atLeast,
  code,
  ConfigurationError,
  md,
  table,
  type Finding,
  type Logger,
  type Policy,
  type SeverityThreshold,
} from '@secure-factory/core';
import { PackageURL } from 'packageurl-js';
import { ignoreMatcher, SKIPPED_DIRS } from '../discover.js';
import { formatFor } from '../lockfiles/index.js';
import { isManifest } from '../manifests.js';
import type { Package } from '../package.js';
import { RULE } from './rules.js';
import { scan, type ScanOptions, type ScanResult } from './scan.js';
import { dependencyScope } from './evaluate.js';

export type Scope = 'runtime' | 'development' | 'unknown';

export interface ReviewConfig {
  /** Vulnerabilities at or above this severity fail (dependency-review's `fail-on-severity`; `moderate` is medium). Default: the policy's block-severity. */
  failOnSeverity?: SeverityThreshold | undefined;
  /**
   * Scopes whose new vulnerabilities fail (`fail-on-scopes`). Default runtime and unknown: a format that
   * does not say (requirements.txt, yarn.lock) fails closed, where GitHub's graph would call it runtime.
   */
  failOnScopes?: readonly Scope[] | undefined;
  /** Replace the policy's licence lists for the review (`allow-licenses`, `deny-licenses`). */
  allowLicenses?: readonly string[] | undefined;
  denyLicenses?: readonly string[] | undefined;
  /** Advisory ids (GHSA, CVE, any alias) that never fail (`allow-ghsas`). */
  allowGhsas?: readonly string[] | undefined;
  /** purls, with or without a version, that may not be added (`deny-packages`). */
  denyPackages?: readonly string[] | undefined;
  /** Report, never fail (`warn-only`). */
  warnOnly?: boolean | undefined;
}

export interface ReviewOptions extends ScanOptions {
  /** The base revision (a commit, a branch, `origin/main`). */
  base: string;
  /** The head revision; undefined scans the working tree at `path`. */
  head?: string | undefined;
  config?: ReviewConfig;
}

export interface PackageChange {
  change_type: 'added' | 'removed';
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  manifest: string;
  scope: Scope;
}

export interface ReviewResult {
  base: string;
  head: string;
  /** True when the change touches no dependency file: nothing was scanned. */
  unchanged: boolean;
  changedFiles: string[];
  added: PackageChange[];
  removed: PackageChange[];
  /** Same ecosystem, name and file, another version. */
  changed: { ecosystem: string; name: string; manifest: string; from: string; to: string }[];
  /** Findings of the head that the base does not have. */
  introduced: Finding[];
  /** Those that fail the review. */
  blocking: Finding[];
  headScan?: ScanResult;
  warnOnly: boolean;
}

export const REVIEW_MARKER = '<!-- secure-factory:scan-deps-review -->';

function git(cwd: string, args: string[], input?: string): string {
  try {
    return execFileSync('git', ['-C', cwd, ...args], {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(input !== undefined ? { input } : {}),
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    });
  } catch (e: unknown) {
    const err = (e as { stderr?: Buffer | string }).stderr?.toString().trim().split('\n')[0] ?? String(e);
    throw new ConfigurationError(`git ${args[0] ?? ''} failed: ${err}`, { location: { file: cwd } });
  }
}

/** Resolves a revision to a commit, fetching it once when a shallow checkout does not have it. */
function resolveRevision(top: string, rev: string, what: string): string {
  const local = (): string | undefined => {
    const r = spawnSync('git', ['-C', top, 'rev-parse', '--verify', '-q', `${rev}^{commit}`], { encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  let sha = local();
  if (!sha) {
    spawnSync('git', ['-C', top, 'fetch', '--no-tags', '--depth=1', 'origin', rev], { encoding: 'utf8', timeout: 120_000 });
    sha = local();
  }
  if (!sha)
    throw new ConfigurationError(`the ${what} revision ${JSON.stringify(rev)} is not in the repository`, {
      location: { file: top },
      hint: 'fetch it first (actions/checkout with fetch-depth: 0, or git fetch origin <sha>)',
    });
  return sha;
}

/** Files that can declare dependencies or materials: a change to anything else cannot change the scan. */
export function isMaterialFile(rel: string): boolean {
  const base = rel.split('/').pop() ?? rel;
  return (
    formatFor(base) !== undefined ||
    isManifest(base) ||
    /\.(?:txt|in|sum|ya?ml|json)$/i.test(base) ||
    /(?:^|\.)(?:dockerfile|containerfile)(?:\.|$)/i.test(base)
  );
}

/** Writes the material files of `rev` under `sub` into `dest` (blobs only, streamed by `cat-file --batch`). */
function materialize(top: string, rev: string, sub: string, dest: string): void {
  const listing = git(top, ['ls-tree', '-r', '-z', '--full-tree', rev, '--', sub || '.']);
  const entries: { sha: string; file: string }[] = [];
  for (const rec of listing.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.+)$/s.exec(rec);
    if (!m?.[2] || !m[3] || m[1] === '120000') continue; // symbolic links are not followed, as in discovery
    if (isMaterialFile(m[3])) entries.push({ sha: m[2], file: m[3] });
  }
  if (entries.length === 0) return;
  const out = execFileSync('git', ['-C', top, 'cat-file', '--batch'], {
    input: entries.map((e) => e.sha).join('\n') + '\n',
    maxBuffer: 2 * 1024 * 1024 * 1024,
  });
  let offset = 0;
  for (const e of entries) {
    const nl = out.indexOf(10, offset);
    const header = out.subarray(offset, nl).toString('utf8');
    const size = Number(header.split(' ')[2]);
    const body = out.subarray(nl + 1, nl + 1 + size);
    offset = nl + 1 + size + 1;
    const target = path.join(dest, e.file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
}

function scopeOfPackage(p: Package): Scope {
  return dependencyScope(p) ?? 'unknown';
}

function changeOf(p: Package, type: PackageChange['change_type']): PackageChange {
  return {
    change_type: type,
    ecosystem: p.ecosystem,
    name: p.name,
    version: p.version,
    purl: p.purl,
    manifest: p.sourceFile,
    scope: scopeOfPackage(p),
  };
}

function findingKey(f: Finding): string {
  const p = f.properties ?? {};
  const pkg = p.package as { ecosystem?: string; name?: string; version?: string } | string | undefined;
  const what = typeof pkg === 'string' ? pkg : pkg ? `${pkg.ecosystem ?? ''}/${pkg.name ?? ''}@${pkg.version ?? ''}` : f.message;
  return [f.rule, typeof p.advisory === 'string' ? p.advisory : '', what, f.file ?? ''].join('\u0000');
}

function purlMatches(pattern: string, p: Package): boolean {
  let want: PackageURL;
  try {
    want = PackageURL.fromString(pattern);
  } catch {
    throw new ConfigurationError(`deny-packages: ${JSON.stringify(pattern)} is not a package URL`, {
      hint: 'write pkg:npm/lodash or pkg:npm/lodash@4.17.20',
    });
  }
  let have: PackageURL;
  try {
    have = PackageURL.fromString(p.purl);
  } catch {
    return false;
  }
  return (
    want.type === have.type &&
    (want.namespace ?? '') === (have.namespace ?? '') &&
    want.name === have.name &&
    (want.version === undefined || want.version === null || want.version === have.version)
  );
}

function relativeTo(top: string, target: string): string {
  return path.relative(top, target).split(path.sep).join('/');
}

export async function reviewChanges(options: ReviewOptions): Promise<ReviewResult> {
  const { logger } = options;
  const config = options.config ?? {};
  const target = path.resolve(options.path);
  const top = git(target, ['rev-parse', '--show-toplevel']).trim();
  const sub = relativeTo(top, target);
  const base = resolveRevision(top, options.base, 'base');
  const head = options.head ? resolveRevision(top, options.head, 'head') : undefined;
  const headIsWorktree = head === undefined || head === git(top, ['rev-parse', 'HEAD']).trim();
  // What changed: base..head, or base..working tree (tracked changes and new files).
  const changed = headIsWorktree
    ? [
        ...git(top, ['diff', '--name-only', '-z', base, '--', sub || '.']).split('\0'),
        ...git(top, ['ls-files', '--others', '--exclude-standard', '-z', '--', sub || '.']).split('\0'),
      ]
    : git(top, ['diff', '--name-only', '-z', base, head, '--', sub || '.']).split('\0');
  const changedFiles = [...new Set(changed.filter((f) => f !== ''))].sort();
  const policyRel = relativeTo(top, path.resolve(top, options.policy.source.file));
  // As discovery: installed and vendored trees, the evidence folder and materials.ignore do not count.
  const ignored = ignoreMatcher(options.policy.materials.ignore);
  const evidence = options.evidenceDir ? relativeTo(top, path.resolve(options.evidenceDir)) : undefined;
  const relevant = changedFiles.filter((f) => {
    if (f === policyRel) return true;
    if (evidence && (f === evidence || f.startsWith(`${evidence}/`))) return false;
    const inTarget = sub === '' ? f : f.startsWith(`${sub}/`) ? f.slice(sub.length + 1) : f;
    return isMaterialFile(f) && !f.split('/').some((seg) => SKIPPED_DIRS.has(seg)) && !ignored(inTarget);
  });
  const result: ReviewResult = {
    base,
    head: head ?? 'working tree',
    unchanged: relevant.length === 0,
    changedFiles,
    added: [],
    removed: [],
    changed: [],
    introduced: [],
    blocking: [],
    warnOnly: config.warnOnly === true,
  };
  if (result.unchanged) {
    logger.info(`No dependency file changed between ${base.slice(0, 12)} and ${result.head}: nothing to review`);
    return result;
  }

  const scopes = new Set<Scope>(config.failOnScopes ?? ['runtime', 'unknown']);
  const policy: Policy = {
    ...options.policy,
    materials: {
      ...options.policy.materials,
      // Development dependencies are reviewed when their scope can fail.
      includeDev: options.policy.materials.includeDev || scopes.has('development'),
      licenses: {
        ...options.policy.materials.licenses,
        ...(config.allowLicenses ? { allow: [...config.allowLicenses] } : {}),
        ...(config.denyLicenses ? { deny: [...config.denyLicenses] } : {}),
      },
    },
  };
  const work = mkdtempSync(path.join(tmpdir(), 'sf-review-'));
  try {
    const baseDir = path.join(work, 'base');
    mkdirSync(baseDir, { recursive: true });
    materialize(top, base, sub, baseDir);
    let headPath = target;
    if (!headIsWorktree && head) {
      const headDir = path.join(work, 'head');
      mkdirSync(headDir, { recursive: true });
      materialize(top, head, sub, headDir);
      headPath = path.join(headDir, sub);
    }
    const quiet: Logger = { ...logger, info: () => {}, warning: () => {} };
    const baseRoot = path.join(baseDir, sub);
    if (!existsSync(baseRoot)) mkdirSync(baseRoot, { recursive: true });
    let baseScan: ScanResult | undefined;
    try {
      baseScan = await scan({ ...options, path: baseRoot, policy, evidenceDir: undefined, logger: quiet });
    } catch (e: unknown) {
      // A base without any dependency file (the PR adds the first one) has nothing to compare against.
      if (!(e instanceof ConfigurationError && /no lockfile, manifest/.test(e.message))) throw e;
    }
    const headScan = await scan({ ...options, path: headPath, policy });
    result.headScan = headScan;

    const key = (p: Package): string => `${p.ecosystem}\u0000${p.name}\u0000${p.version}\u0000${p.sourceFile}`;
    const basePkgs = new Map((baseScan?.packages ?? []).map((p) => [key(p), p]));
    const headPkgs = new Map(headScan.packages.map((p) => [key(p), p]));
    const added = [...headPkgs].filter(([k]) => !basePkgs.has(k)).map(([, p]) => p);
    const removed = [...basePkgs].filter(([k]) => !headPkgs.has(k)).map(([, p]) => p);
    result.added = added.map((p) => changeOf(p, 'added'));
    result.removed = removed.map((p) => changeOf(p, 'removed'));
    const byName = (p: Package): string => `${p.ecosystem}\u0000${p.name}\u0000${p.sourceFile}`;
    const removedByName = new Map(removed.map((p) => [byName(p), p]));
    for (const p of added) {
      const before = removedByName.get(byName(p));
      if (before)
        result.changed.push({ ecosystem: p.ecosystem, name: p.name, manifest: p.sourceFile, from: before.version, to: p.version });
    }

    const baseKeys = new Set((baseScan?.findings ?? []).map(findingKey));
    const allowed = new Set((config.allowGhsas ?? []).map((s) => s.toUpperCase()));
    for (const f of headScan.findings) {
      if (baseKeys.has(findingKey(f))) continue;
      const introduced: Finding = { ...f };
      if (f.rule === RULE.vulnerable) {
        const ids = [f.properties?.advisory, ...((f.properties?.aliases as unknown[] | undefined) ?? [])].map((x) =>
          String(x).toUpperCase(),
        );
        const scope = (typeof f.properties?.scope === 'string' ? f.properties.scope : 'unknown') as Scope;
        const threshold = config.failOnSeverity ?? policy.materials.blockSeverity;
        introduced.blocking =
          f.waived === undefined && !ids.some((id) => allowed.has(id)) && atLeast(f.severity, threshold) && scopes.has(scope);
      }
      result.introduced.push(introduced);
    }
    for (const pattern of config.denyPackages ?? []) {
      for (const p of added) {
        if (!purlMatches(pattern, p)) continue;
        result.introduced.push({
          rule: 'materials/denied-package',
          severity: 'high',
          message: `${p.name}@${p.version} is added, and ${pattern} is in deny-packages`,
          help: 'use another package, or change deny-packages',
          file: p.sourceFile,
          ...(p.line !== undefined ? { line: p.line } : {}),
          blocking: true,
          properties: { package: p.purl, pattern },
        });
      }
    }
    result.blocking = result.warnOnly ? [] : result.introduced.filter((f) => f.blocking === true);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  logger.info(
    `Review ${base.slice(0, 12)}..${result.head.slice(0, 12)}: ${result.added.length} added, ${result.removed.length} removed, ${result.changed.length} changed; ${result.introduced.length} new finding(s), ${result.blocking.length} blocking`,
  );
  return result;
}

/** The pull-request comment (and job summary): starts with the hidden marker that finds it again on re-runs. */
export function reviewMarkdown(r: ReviewResult): string {
  const lines = [REVIEW_MARKER];
  if (r.unchanged) {
    lines.push(
      '## secure-factory dependency review: ✅ no dependency changes',
      '',
      `No dependency file changed against \`${r.base.slice(0, 12)}\`.`,
    );
    return `${lines.join('\n')}\n`;
  }
  const verdict =
    r.blocking.length > 0
      ? `❌ ${r.blocking.length} blocking`
      : r.introduced.some((f) => f.blocking) && r.warnOnly
        ? '⚠️ warn-only'
        : '✅ passed';
  lines.push(`## secure-factory dependency review: ${verdict}`, '');
  lines.push(
    `Base \`${r.base.slice(0, 12)}\` → head \`${r.head.slice(0, 12)}\`: **${r.added.length}** added, **${r.removed.length}** removed, **${r.changed.length}** changed.`,
    '',
  );
  const vulns = r.introduced.filter((f) => f.rule === RULE.vulnerable);
  if (vulns.length > 0) {
    lines.push('### New vulnerabilities', '');
    lines.push(
      table(
        ['', 'severity', 'advisory', 'package', 'scope', 'fixed in'],
        vulns.map((f) => {
          const pkg = f.properties?.package as { name?: string; version?: string } | undefined;
          const adv = typeof f.properties?.advisory === 'string' ? f.properties.advisory : '';
          return [
            f.blocking && !r.warnOnly ? '❌' : '⚠️',
            f.severity,
            `[${md(adv)}](https://osv.dev/vulnerability/${encodeURIComponent(adv)})`,
            code(`${pkg?.name ?? ''}@${pkg?.version ?? ''}`),
            typeof f.properties?.scope === 'string' ? f.properties.scope : 'unknown',
            ((f.properties?.fixedVersions as string[] | undefined) ?? []).map(code).join(', ') || '—',
          ];
        }),
      ),
      '',
    );
  }
  const other = r.introduced.filter((f) => f.rule !== RULE.vulnerable);
  if (other.length > 0) {
    lines.push('### Other new findings (licences, unpinned and denied dependencies, sources)', '');
    lines.push(
      table(
        ['', 'rule', 'where', 'finding'],
        other.map((f) => [
          f.blocking && !r.warnOnly ? '❌' : '⚠️',
          code(f.rule),
          f.file ? code(`${f.file}${f.line ? `:${f.line}` : ''}`) : '—',
          md(f.message),
        ]),
      ),
      '',
    );
  }
  const changes = [...r.added, ...r.removed].slice(0, 200);
  if (changes.length > 0) {
    lines.push('<details><summary>Dependency changes</summary>', '');
    lines.push(
      table(
        ['change', 'package', 'scope', 'file'],
        changes.map((c) => [c.change_type, code(`${c.name}@${c.version || '(unpinned)'}`), c.scope, code(c.manifest)]),
      ),
    );
    if (r.added.length + r.removed.length > changes.length)
      lines.push('', `… and ${r.added.length + r.removed.length - changes.length} more`);
    lines.push('', '</details>');
  }
  return `${lines.join('\n')}\n`;
}
