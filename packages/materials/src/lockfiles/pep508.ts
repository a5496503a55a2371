/**
 * Python dependency declarations (PEP 508 requirement strings, as requirements files, Pipfile and
 * pyproject.toml write them) turned into packages. Only an exact `==`/`===` release pins a dependency;
 * everything else (a range, no version, a URL, a VCS reference without a commit, a local path, an
 * unexpanded variable) is still a package, marked `unpinned`, so the scan reports it instead of
 * dropping it. Lower bounds (`>=`, `<=`, `~=`) keep their version as osv-scalibr reads it, so an
 * advisory affecting that release still matches.
 */
import { makePackage, normalizePythonName, type Package, type UnpinnedReason } from '../package.js';
import { checkText } from './lockfile-error.js';

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/s;
const VCS = /^(?:git|hg|svn|bzr)\+/i;

export interface PythonDeclaration {
  file: string;
  line?: number | undefined;
  groups?: string[];
  direct?: boolean;
  integrity?: { sha256: string } | undefined;
}

/** `name-version` from a wheel or sdist file name at the end of a URL or path (PEP 427, PEP 625). */
export function distributionFromFilename(location: string): { name: string; version: string } | undefined {
  const base = decodeURIComponent(
    location
      .replace(/[#?].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? '',
  );
  const wheel = /^([A-Za-z0-9_.]+)-([0-9][A-Za-z0-9_.!+]*)(?:-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(base);
  if (wheel?.[1] && wheel[2]) return { name: wheel[1], version: wheel[2] };
  const sdist = /^([A-Za-z0-9][A-Za-z0-9_.-]*?)-([0-9][A-Za-z0-9_.!+]*)\.(?:tar\.gz|tar\.bz2|tar\.xz|tgz|zip)$/.exec(base);
  if (sdist?.[1] && sdist[2]) return { name: sdist[1], version: sdist[2] };
  return undefined;
}

function commitOf(url: string): string {
  // pip's VCS syntax: `git+https://host/repo.git@<ref>#egg=name`; only a full commit id pins it.
  const m = /@([0-9a-f]{40})(?:[#?]|$)/.exec(url);
  return m?.[1] ?? '';
}

/** The package a direct reference (URL, VCS, path) names, when the declaration gave no name. */
function referencePackage(location: string, nameGiven: string | undefined, d: PythonDeclaration, declared: string): Package | undefined {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(location)?.[1];
  const dist = distributionFromFilename(location);
  const name = nameGiven ?? egg ?? dist?.name ?? pathName(location);
  if (!name) return undefined;
  checkText(d.file, 'package name', name, d.line);
  // The file name's version is what the URL serves today; it is matched, and the URL is still unpinned.
  const version = dist && normalizePythonName(dist.name) === normalizePythonName(name) ? dist.version : '';
  let kind: Package['kind'];
  let unpinned: UnpinnedReason | undefined;
  let commit = '';
  if (VCS.test(location)) {
    kind = 'git';
    commit = commitOf(location);
    if (commit === '') unpinned = 'vcs';
  } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(location) && !/^file:/i.test(location)) {
    kind = 'http';
    unpinned = 'url';
  } else {
    kind = 'file';
    unpinned = 'path';
  }
  checkText(d.file, 'version', version, d.line);
  return makePackage({
    ecosystem: 'PyPI',
    name,
    version,
    sourceFile: d.file,
    groups: d.groups,
    direct: d.direct ?? true,
    line: d.line,
    integrity: d.integrity,
    resolved: location,
    kind,
    commit,
    unpinned,
    declared,
  });
}

function pathName(location: string): string | undefined {
  const base =
    location
      .replace(/^file:\/*/, '/')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? '';
  return /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(base) && base !== '.' && base !== '..' ? base : undefined;
}

/** Whether a requirements-file line is a bare URL, VCS reference or path (no `name` in front). */
export function isBareReference(s: string): boolean {
  return /^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/|(?:git|hg|svn|bzr)\+|file:)/i.test(s) || /^[^\s@;]+\.(?:whl|tar\.gz|zip)$/i.test(s);
}

/**
 * One declaration: `name[extras] specifiers ; marker`, `name @ url`, or a bare URL/VCS/path. Returns
 * undefined only for text that names no package at all (the caller decides whether that is an error).
 */
export function pythonPackage(requirement: string, d: PythonDeclaration): Package | undefined {
  const declared = requirement.trim();
  if (isBareReference(declared)) return referencePackage(declared, undefined, d, declared);
  const m = NAME.exec(declared);
  if (!m?.[1]) return undefined;
  const name = m[1];
  checkText(d.file, 'package name', name, d.line);
  const rest = (m[3] ?? '').split(';')[0]?.trim() ?? '';
  if (rest.startsWith('@')) return referencePackage(rest.slice(1).trim(), name, d, declared);
  let version = '';
  let unpinned: UnpinnedReason | undefined;
  if (rest.includes('${') || rest.includes('$(')) unpinned = 'variable';
  else if (rest === '' || rest === '*') unpinned = 'none';
  else {
    const spec = rest.replace(/^\((.*)\)$/s, '$1').trim();
    const clauses = spec
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const single = clauses.length === 1 ? /^(===|==|>=|<=|~=)\s*([^\s,;]+)$/.exec(clauses[0] ?? '') : null;
    if (single?.[2] && !single[2].includes('*')) {
      version = single[2];
      if (single[1] !== '==' && single[1] !== '===') unpinned = 'range';
    } else unpinned = 'range';
  }
  checkText(d.file, 'version', version, d.line);
  return makePackage({
    ecosystem: 'PyPI',
    name,
    version,
    sourceFile: d.file,
    groups: d.groups,
    direct: d.direct ?? true,
    line: d.line,
    integrity: d.integrity,
    kind: 'registry',
    unpinned,
    declared: unpinned ? declared : undefined,
  });
}
