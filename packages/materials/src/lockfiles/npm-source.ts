/** What the JavaScript lockfiles share: commit pins in git URLs, SRI integrity strings, source kinds. */
import { safeInlineBounded } from '@secure-factory/core';
import type { Integrity, SourceKind } from '../package.js';

// The forms npm, yarn, pnpm and bun write for git dependencies (same cases osv-scalibr recognises).
const COMMIT_PATTERNS = [
  /(?:^|.+@)(?:git(?:\+(?:ssh|https))?|ssh):\/\/.+#(\w+)$/,
  /(?:^|.+@)https:\/\/.+\.git#(\w+)$/,
  /https:\/\/codeload\.github\.com(?:\/[\w.-]+){2}\/tar\.gz\/(\w+)$/,
  /.+#commit[:=](\w+)$/,
  /^(?:github|gitlab|bitbucket):.+#(\w+)$/,
];
const GIT_HOSTS = new Set(['bitbucket.org', 'github.com', 'gitlab.com']);

/** The commit a git dependency is pinned to, or "" when the reference names none. */
export function commitFromReference(ref: string | undefined): string {
  if (!ref) return '';
  // Every pattern needs a "#" or codeload's host: registry tarball URLs (nearly all) skip the regexes,
  // whose leading `.+` costs a scan per position on a long URL.
  if (ref.includes('#') || ref.includes('codeload.github.com'))
    for (const re of COMMIT_PATTERNS) {
      const m = re.exec(ref);
      if (m?.[1]) return m[1];
    }
  // Parsing every registry tarball URL is costly on large lockfiles: only the git hosts matter here.
  if (!/^[a-z+]+:\/\/(?:[^/@]*@)?(?:github\.com|gitlab\.com|bitbucket\.org)(?:[/:?#]|$)/i.test(ref)) return '';
  let u: URL;
  try {
    u = new URL(ref);
  } catch {
    return '';
  }
  if (!GIT_HOSTS.has(u.host)) return '';
  const r = u.searchParams.get('ref');
  if (r) return r;
  return u.hash.replace(/^#/, '');
}

/** Parses an SRI string (`sha512-<base64> sha1-<base64>`) into hex digests by algorithm. */
export function parseSri(sri: string | undefined): Integrity | undefined {
  if (!sri) return undefined;
  const out: Integrity = {};
  for (const part of sri.trim().split(/\s+/)) {
    const m = /^(sha512|sha384|sha256|sha1)-([A-Za-z0-9+/=]+)$/.exec(part);
    if (!m?.[1] || !m[2]) continue;
    const alg = m[1] as keyof Integrity;
    out[alg] = Buffer.from(m[2], 'base64').toString('hex');
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Classifies where a JavaScript package comes from, by its resolved URL or version specifier. */
export function jsSourceKind(resolved: string | undefined, version?: string): SourceKind {
  const ref = resolved ?? version ?? '';
  if (/^(?:git\+|git:|ssh:|github:|gitlab:|bitbucket:)/.test(ref) || commitFromReference(ref) !== '') return 'git';
  if (/^(?:file:|\.{0,2}\/)/.test(ref)) return 'file';
  if (/^link:/.test(ref) || /^(?:workspace|portal):/.test(ref)) return 'link';
  if (/^https?:\/\//.test(ref)) return /\/-\/[^/]+\.tgz(?:[?#].*)?$/.test(ref) ? 'registry' : 'http';
  return 'registry';
}

/**
 * The package and version a registry tarball URL names — `…/lodash/-/lodash-4.17.21.tgz`,
 * `…/@babel/core/-/core-7.0.0.tgz` (npmjs, yarnpkg, Artifactory, Verdaccio and most mirrors use this
 * layout) — or undefined for any other URL (git, file, a registry of another shape).
 */
export function registryTarball(url: string): { name: string; version: string } | undefined {
  const end = url.search(/[?#]/);
  const segs = (end >= 0 ? url.slice(0, end) : url).split('/');
  const n = segs.length;
  const fileName = segs[n - 1] ?? '';
  if (n < 4 || segs[n - 2] !== '-' || !fileName.endsWith('.tgz')) return undefined;
  let dir = segs[n - 3] ?? '';
  let scope = segs[n - 4] ?? '';
  try {
    dir = decodeURIComponent(dir);
    scope = decodeURIComponent(scope);
  } catch {
    return undefined;
  }
  // `@scope/name` as two segments, or one encoded segment `@scope%2fname`.
  const name = dir.startsWith('@') ? dir : scope.startsWith('@') ? `${scope}/${dir}` : dir;
  const base = name.slice(name.lastIndexOf('/') + 1);
  const stem = fileName.slice(0, -'.tgz'.length);
  if (!stem.startsWith(`${base}-`)) return { name, version: '' };
  return { name, version: stem.slice(base.length + 1) };
}

/**
 * Refuses a lockfile entry whose registry tarball names another package or version than the entry: the
 * package manager installs the tarball (its integrity is the tarball's), so a scan of the entry's name and
 * version would check a package that is not installed — the shape of a tampered lockfile.
 */
export function tarballDisagreement(name: string, version: string, resolved: string | undefined): string | undefined {
  if (!resolved || !version) return undefined;
  const t = registryTarball(resolved);
  if (!t) return undefined;
  if (t.name === name && t.version === version) return undefined;
  // Quoted from the lockfile: one line, controls visible, bounded.
  const shown = safeInlineBounded(resolved, 160);
  const tarball = safeInlineBounded(`${t.name}${t.version ? `@${t.version}` : ' (of another file name)'}`, 120);
  return `${name}@${version} is installed from ${shown}, the tarball of ${tarball}: the package manager installs that, not what the scan would check`;
}

export const TARBALL_HINT =
  'regenerate the lockfile with the package manager (npm install, yarn, pnpm install); a lockfile whose entries disagree with their tarballs may have been tampered with';
