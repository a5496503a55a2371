/**
 * Finds every material file under a folder: lockfiles, workflows, actions, Dockerfiles, compose files
 * and Kubernetes manifests, plus other scanners' suppression files (which secure-factory ignores and
 * reports: only the repository's policy file may waive a finding). Dependency and vendored trees are
 * skipped, symbolic links are not followed.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, outputGlob, readRegularFileSync } from '@secure-factory/core';
import { formatFor } from './lockfiles/index.js';
import { isManifest } from './manifests.js';

/** Folders that hold installed or vendored third-party code, not the project's own declarations. */
export const SKIPPED_DIRS = new Set([
  'node_modules',
  '.git',
  'vendor',
  'bower_components',
  'jspm_packages',
  '.yarn',
  '.pnpm-store',
  '.venv',
  'venv',
  '.tox',
  '__pycache__',
  'site-packages',
  'third_party',
  '.secure-factory',
]);

/** Other tools' ways to silence findings; inside the scanned tree they are not trusted. */
export const SUPPRESSION_FILES = new Set([
  'osv-scanner.toml',
  '.osv-scanner.toml',
  '.trivyignore',
  '.trivyignore.yaml',
  '.grype.yaml',
  '.snyk',
  '.nsprc',
  'audit-ci.json',
  'audit-ci.jsonc',
  '.auditignore',
  'better-npm-audit.json',
  '.safety-policy.yml',
  '.retireignore.json',
  'dependency-check-suppressions.xml',
]);

export interface DiscoveredFiles {
  lockfiles: string[];
  workflows: string[];
  actions: string[];
  dockerfiles: string[];
  compose: string[];
  kubernetes: string[];
  suppressions: string[];
  /** package.json, Pipfile, pyproject.toml, Cargo.toml: held against their lockfiles. */
  manifests: string[];
  /** Paths relative to the root that `materials.ignore` excluded (folders, and material files). */
  ignored: string[];
}

/** A matcher for `materials.ignore` globs over paths relative to the scanned folder (a folder matches with or without `/**`). */
export function ignoreMatcher(globs: readonly string[]): (rel: string) => boolean {
  if (globs.length === 0) return () => false;
  const patterns = globs.map(outputGlob);
  const match = (p: string): boolean => patterns.some((g) => g.test(p));
  return (rel) => match(rel) || match(`${rel}/`);
}

const MAX_FILES = 200_000;
const MAX_DEPTH = 40;

export function discover(root: string, ignore: readonly string[] = []): DiscoveredFiles {
  const ignored = ignoreMatcher(ignore);
  const found: DiscoveredFiles = {
    lockfiles: [],
    workflows: [],
    actions: [],
    dockerfiles: [],
    compose: [],
    kubernetes: [],
    suppressions: [],
    manifests: [],
    ignored: [],
  };
  let count = 0;
  const walk = (dir: string, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e: unknown) {
      throw new ConfigurationError(`cannot read the folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
        location: { file: dir },
      });
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((e) => e.name));
    for (const e of entries) {
      if (++count > MAX_FILES)
        throw new ConfigurationError(`more than ${MAX_FILES} files under the scanned folder`, { location: { file: root } });
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name)) continue;
        if (ignored(rel)) found.ignored.push(`${rel}/`);
        else walk(full, depth + 1);
        continue;
      }
      // A FIFO, device or link carrying a lockfile or manifest name is kept, so the safe reader refuses it
      // by name (a scan must not skip a lockfile silently); other non-regular entries are skipped.
      if (!e.isFile() && !formatFor(e.name) && !isManifest(e.name)) continue;
      if (ignored(rel)) {
        if (formatFor(e.name) || isManifest(e.name)) found.ignored.push(rel);
        continue;
      }
      if (isManifest(e.name)) found.manifests.push(full);
      if (SUPPRESSION_FILES.has(e.name)) found.suppressions.push(full);
      // npm uses npm-shrinkwrap.json over package-lock.json when both exist.
      if (e.name === 'package-lock.json' && names.has('npm-shrinkwrap.json')) continue;
      if (formatFor(e.name)) {
        // go.mod of a module without dependencies still names the Go toolchain: keep it.
        found.lockfiles.push(full);
        continue;
      }
      const lower = e.name.toLowerCase();
      if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(rel)) found.workflows.push(full);
      else if (lower === 'action.yml' || lower === 'action.yaml') found.actions.push(full);
      else if (lower === 'dockerfile' || lower === 'containerfile' || lower.startsWith('dockerfile.') || lower.endsWith('.dockerfile'))
        found.dockerfiles.push(full);
      else if (/^(?:docker-)?compose(?:\.[\w-]+)?\.ya?ml$/.test(lower)) found.compose.push(full);
      else if (/\.ya?ml$/.test(lower) && looksLikeKubernetes(full)) found.kubernetes.push(full);
    }
  };
  const st = statSync(root);
  if (!st.isDirectory()) throw new ConfigurationError('not a folder', { location: { file: root } });
  walk(root, 0);
  return found;
}

/**
 * A sniff, so anything odd is simply no manifest: the file is read through core's safe reader (a FIFO
 * is never opened, a link is not followed, the size is checked on the open handle), so a file swapped
 * for a FIFO or a link to /dev/zero after the listing cannot hang or exhaust the scan.
 */
export function looksLikeKubernetes(file: string): boolean {
  try {
    const text = readRegularFileSync(file, { maxBytes: 5 * 1024 * 1024, within: false, what: 'YAML file' }).toString('utf8');
    // Helm and other templates are not YAML until rendered; their images come from values files.
    if (text.includes('{{')) return false;
    return (
      /^apiVersion:\s*\S/m.test(text) &&
      /^kind:\s*(?:Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|ReplicationController|Job|CronJob|PodTemplate)\b/m.test(text)
    );
  } catch {
    return false;
  }
}
