/**
 * Manifests (package.json, Pipfile, pyproject.toml, Cargo.toml, composer.json): what a project declares, held against
 * what its lockfile resolved. With a lockfile of the ecosystem in the manifest's folder or above it
 * (workspaces), every declared dependency must be in that lockfile: one that is not was never resolved
 * (`not-locked`). Without a lockfile every declaration is a package: an exact version is matched, a
 * range, a tag, a URL, a VCS reference without a commit or a path is a package marked unpinned.
 */
import path from 'node:path';
import semver from 'semver';
import { parse as parseTomlText } from 'smol-toml';
import { ConfigurationError, parseJsonText } from '@secure-factory/core';
import { checkText, isRecord, LineIndex } from './lockfiles/lockfile-error.js';
import { pythonPackage } from './lockfiles/pep508.js';
import { makePackage, normalizePythonName, type Ecosystem, type Package, type UnpinnedReason } from './package.js';

export const MANIFEST_NAMES: Readonly<Record<string, Ecosystem>> = {
  'package.json': 'npm',
  Pipfile: 'PyPI',
  'pyproject.toml': 'PyPI',
  'Cargo.toml': 'crates.io',
  'composer.json': 'Packagist',
};

/** Lockfiles that resolve each manifest's ecosystem. */
const LOCKS: Readonly<Record<string, readonly string[]>> = {
  'package.json': ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', 'bun.lock'],
  Pipfile: ['Pipfile.lock'],
  'pyproject.toml': ['poetry.lock', 'uv.lock', 'pdm.lock', 'pylock.toml'],
  'Cargo.toml': ['Cargo.lock'],
  'composer.json': ['composer.lock'],
};

export function isManifest(basename: string): boolean {
  return Object.hasOwn(MANIFEST_NAMES, basename);
}

interface Declared {
  name: string;
  spec: string;
  groups: string[];
  line: number | undefined;
  /** A package already classified (Python declarations go through the PEP 508 reader). */
  pkg?: Package;
}

function manifestError(file: string, message: string): ConfigurationError {
  return new ConfigurationError(message, {
    location: { file },
    hint: 'fix the manifest, or exclude it with materials.ignore in the policy',
  });
}

function toml(file: string, text: string): Record<string, unknown> {
  try {
    return parseTomlText(text);
  } catch (e: unknown) {
    throw manifestError(file, `not valid TOML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`);
  }
}

function lineOf(lines: LineIndex, name: string): number | undefined {
  return lines.find(`"${name}"`) ?? lines.find(`${name} =`) ?? lines.find(`${name}=`);
}

/** npm: how a package.json range pins (https://docs.npmjs.com/cli/configuring-npm/package-json#dependencies). */
function npmSpec(spec: string): { version: string; unpinned?: UnpinnedReason; kind: Package['kind']; commit?: string } {
  const s = spec.trim();
  if (/^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:)/.test(s) || /^[\w-]+\/[\w.-]+(?:#.*)?$/.test(s)) {
    const commit = /#([0-9a-f]{40})$/.exec(s)?.[1];
    return commit ? { version: '', kind: 'git', commit } : { version: '', unpinned: 'vcs', kind: 'git' };
  }
  if (/^https?:\/\//.test(s)) return { version: '', unpinned: 'url', kind: 'http' };
  if (/^(?:file:|link:|\.{0,2}\/|~\/)/.test(s)) return { version: '', unpinned: 'path', kind: 'file' };
  const alias = /^npm:(?:@[^/@]+\/)?[^@]+@(.+)$/.exec(s);
  const range = alias?.[1] ?? s;
  if (semver.valid(range) !== null) return { version: semver.clean(range) ?? range, kind: 'registry' };
  if (range === '' || range === '*' || range === 'latest' || semver.validRange(range) === null)
    return { version: '', unpinned: 'none', kind: 'registry' };
  return { version: '', unpinned: 'range', kind: 'registry' };
}

function packageJsonDeclarations(file: string, text: string): Declared[] {
  const doc = parseJsonText(text, file);
  if (!isRecord(doc)) throw manifestError(file, 'a package.json must hold a JSON object');
  const lines = new LineIndex(text);
  const out: Declared[] = [];
  for (const [section, groups] of [
    ['dependencies', []],
    ['devDependencies', ['dev']],
    ['optionalDependencies', ['optional']],
  ] as const) {
    const deps = doc[section];
    if (deps === undefined) continue;
    if (!isRecord(deps)) throw manifestError(file, `"${section}" must be an object`);
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec !== 'string') throw manifestError(file, `${section}.${name} must be a string`);
      // Workspace protocol: the project's own packages.
      if (spec.startsWith('workspace:')) continue;
      out.push({ name, spec, groups: [...groups], line: lines.find(`${JSON.stringify(name)}:`) });
    }
  }
  return out;
}

/** composer.json `require` / `require-dev`; the platform (`php`, `ext-*`, `lib-*`, `composer-*`) is not a package. */
function composerDeclarations(file: string, text: string): Declared[] {
  const doc = parseJsonText(text, file);
  if (!isRecord(doc)) throw manifestError(file, 'a composer.json must hold a JSON object');
  const lines = new LineIndex(text);
  const out: Declared[] = [];
  for (const [section, groups] of [
    ['require', []],
    ['require-dev', ['dev']],
  ] as const) {
    const deps = doc[section];
    if (deps === undefined) continue;
    if (!isRecord(deps)) throw manifestError(file, `"${section}" must be an object`);
    for (const [name, spec] of Object.entries(deps)) {
      if (typeof spec !== 'string') throw manifestError(file, `${section}.${name} must be a string`);
      if (!name.includes('/')) continue;
      out.push({ name: name.toLowerCase(), spec, groups: [...groups], line: lines.find(`${JSON.stringify(name)}:`) });
    }
  }
  return out;
}

/** Composer: `1.2.3` (or `v1.2.3`, `=1.2.3`) is exact; `dev-main` follows a branch; anything else is a range. */
function composerSpec(spec: string): { version: string; unpinned?: UnpinnedReason; kind: Package['kind']; commit?: string } {
  const s = spec.trim();
  const exact = /^(?:==?)?v?(\d+(?:\.\d+){0,3}(?:-[\w.]+)?)$/.exec(s);
  if (exact?.[1]) return { version: exact[1], kind: 'registry' };
  if (/^dev-|\.x-dev$/.test(s)) return { version: '', unpinned: 'vcs', kind: 'git' };
  return { version: '', unpinned: s === '*' || s === '' ? 'none' : 'range', kind: 'registry' };
}

function pipfileDeclarations(file: string, text: string): Declared[] {
  const doc = toml(file, text);
  const lines = new LineIndex(text);
  const out: Declared[] = [];
  for (const [section, groups] of [
    ['packages', []],
    ['dev-packages', ['dev']],
  ] as const) {
    const deps = doc[section];
    if (!isRecord(deps)) continue;
    for (const [name, v] of Object.entries(deps)) {
      const line = lineOf(lines, name);
      let requirement: string;
      if (typeof v === 'string') requirement = v === '*' || v === '' ? name : `${name}${v}`;
      else if (isRecord(v) && typeof v.git === 'string')
        requirement = `${name} @ git+${v.git}${typeof v.ref === 'string' ? `@${v.ref}` : ''}`;
      else if (isRecord(v) && typeof v.file === 'string') requirement = `${name} @ ${v.file}`;
      else if (isRecord(v) && typeof v.path === 'string') requirement = `${name} @ file:${v.path}`;
      else if (isRecord(v) && typeof v.version === 'string') requirement = v.version === '*' ? name : `${name}${v.version}`;
      else requirement = name;
      out.push({
        name,
        spec: requirement,
        groups: [...groups],
        line,
        pkg: pythonPackage(requirement, { file, line, groups: [...groups] }),
      });
    }
  }
  return out;
}

/** Poetry constraints: `1.2.3` and `==1.2.3` are exact; `^`, `~`, `*`, `>=`, `||` are ranges. */
function poetryRequirement(name: string, v: unknown): string {
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '*' || s === '') return name;
    if (/^\d[\w.+!-]*$/.test(s)) return `${name}==${s}`;
    // A caret or tilde range starts at its version: matched there, and still unpinned.
    if (/^[\^~]/.test(s) && !s.includes('||')) return `${name}>=${s.replace(/^[\^~]=?/, '')}`;
    return `${name}${s}`;
  }
  if (isRecord(v)) {
    if (typeof v.git === 'string') return `${name} @ git+${v.git}${typeof v.rev === 'string' ? `@${v.rev}` : ''}`;
    if (typeof v.url === 'string') return `${name} @ ${v.url}`;
    if (typeof v.path === 'string') return `${name} @ file:${v.path}`;
    if (v.version !== undefined) return poetryRequirement(name, v.version);
  }
  return name;
}

function pyprojectDeclarations(file: string, text: string): Declared[] {
  const doc = toml(file, text);
  const lines = new LineIndex(text);
  const out: Declared[] = [];
  const pep508 = (requirement: string, groups: string[]): void => {
    const line = lines.find(requirement) ?? lines.find(requirement.split(/[\s<>=!~;[@]/)[0] ?? requirement);
    const pkg = pythonPackage(requirement, { file, line, groups });
    if (!pkg) throw manifestError(file, `not a PEP 508 requirement: ${JSON.stringify(requirement.slice(0, 80))}`);
    out.push({ name: pkg.name, spec: requirement, groups, line, pkg });
  };
  const project = isRecord(doc.project) ? doc.project : {};
  if (Array.isArray(project.dependencies)) for (const r of project.dependencies) if (typeof r === 'string') pep508(r, []);
  if (isRecord(project['optional-dependencies']))
    for (const [g, list] of Object.entries(project['optional-dependencies']))
      if (Array.isArray(list)) for (const r of list) if (typeof r === 'string') pep508(r, [g]);
  // PEP 735 dependency groups (strings; `{include-group = …}` tables refer to other groups).
  if (isRecord(doc['dependency-groups']))
    for (const [g, list] of Object.entries(doc['dependency-groups']))
      if (Array.isArray(list)) for (const r of list) if (typeof r === 'string') pep508(r, [g === 'dev' ? 'dev' : g]);
  const poetry = isRecord(doc.tool) && isRecord(doc.tool.poetry) ? doc.tool.poetry : undefined;
  if (poetry) {
    const sections: [unknown, string[]][] = [
      [poetry.dependencies, []],
      [poetry['dev-dependencies'], ['dev']],
    ];
    if (isRecord(poetry.group))
      for (const [g, v] of Object.entries(poetry.group)) if (isRecord(v)) sections.push([v.dependencies, [g === 'dev' ? 'dev' : g]]);
    for (const [deps, groups] of sections) {
      if (!isRecord(deps)) continue;
      for (const [name, v] of Object.entries(deps)) {
        if (name.toLowerCase() === 'python') continue;
        const line = lineOf(lines, name);
        const requirement = poetryRequirement(name, v);
        out.push({ name, spec: requirement, groups, line, pkg: pythonPackage(requirement, { file, line, groups }) });
      }
    }
  }
  return out;
}

/** Cargo: `"1.2"` is a caret range; `"=1.2.3"` is exact; git without `rev` follows a branch. */
function cargoDeclarations(file: string, text: string): Declared[] {
  const doc = toml(file, text);
  const lines = new LineIndex(text);
  const out: Declared[] = [];
  const tables: [unknown, string[]][] = [
    [doc.dependencies, []],
    [doc['dev-dependencies'], ['dev']],
    [doc['build-dependencies'], ['build']],
  ];
  if (isRecord(doc.target))
    for (const t of Object.values(doc.target))
      if (isRecord(t)) tables.push([t.dependencies, []], [t['dev-dependencies'], ['dev']], [t['build-dependencies'], ['build']]);
  if (isRecord(doc.workspace)) tables.push([doc.workspace.dependencies, []]);
  for (const [deps, groups] of tables) {
    if (!isRecord(deps)) continue;
    for (const [key, v] of Object.entries(deps)) {
      if (isRecord(v) && v.workspace === true) continue; // declared once in [workspace.dependencies]
      const name = isRecord(v) && typeof v.package === 'string' ? v.package : key;
      let spec: string;
      if (typeof v === 'string') spec = v;
      else if (isRecord(v) && typeof v.git === 'string')
        spec = `git+${v.git}${typeof v.rev === 'string' ? `#${v.rev}` : typeof v.tag === 'string' ? `?tag=${v.tag}` : typeof v.branch === 'string' ? `?branch=${v.branch}` : ''}`;
      else if (isRecord(v) && typeof v.path === 'string') spec = `path:${v.path}`;
      else if (isRecord(v) && typeof v.version === 'string') spec = v.version;
      else spec = '*';
      out.push({ name, spec, groups, line: lineOf(lines, key) });
    }
  }
  return out;
}

function cargoSpec(spec: string): { version: string; unpinned?: UnpinnedReason; kind: Package['kind']; commit?: string } {
  if (spec.startsWith('git+')) {
    const commit = /#([0-9a-f]{40})$/.exec(spec)?.[1];
    return commit ? { version: '', kind: 'git', commit } : { version: '', unpinned: 'vcs', kind: 'git' };
  }
  if (spec.startsWith('path:')) return { version: '', unpinned: 'path', kind: 'file' };
  const exact = /^=\s*(\d+\.\d+\.\d+[\w.+-]*)$/.exec(spec.trim());
  if (exact?.[1]) return { version: exact[1], kind: 'registry' };
  return { version: '', unpinned: spec.trim() === '*' ? 'none' : 'range', kind: 'registry' };
}

export interface ManifestContext {
  /** The manifest's path as reported (relative to the scanned root). */
  file: string;
  text: string;
  /** Packages of the lockfile that resolves this manifest, when there is one. */
  locked: readonly Package[] | undefined;
  /** That lockfile, as reported. */
  lockfile: string | undefined;
}

/** The lockfile names that resolve a manifest, in the order a package manager prefers them. */
export function lockfilesFor(manifestBase: string): readonly string[] {
  return LOCKS[manifestBase] ?? [];
}

/** Reads a manifest: declared dependencies missing from its lockfile, or (without one) every declaration. */
export function readManifest(ctx: ManifestContext): Package[] {
  const base = path.posix.basename(ctx.file);
  const ecosystem = MANIFEST_NAMES[base];
  if (!ecosystem) return [];
  const declared =
    base === 'package.json'
      ? packageJsonDeclarations(ctx.file, ctx.text)
      : base === 'Pipfile'
        ? pipfileDeclarations(ctx.file, ctx.text)
        : base === 'pyproject.toml'
          ? pyprojectDeclarations(ctx.file, ctx.text)
          : base === 'composer.json'
            ? composerDeclarations(ctx.file, ctx.text)
            : cargoDeclarations(ctx.file, ctx.text);
  const out: Package[] = [];
  if (ctx.locked) {
    const norm = (n: string): string =>
      ecosystem === 'PyPI'
        ? normalizePythonName(n)
        : ecosystem === 'crates.io'
          ? n.replace(/_/g, '-')
          : ecosystem === 'Packagist'
            ? n.toLowerCase()
            : n;
    const names = new Set(ctx.locked.map((p) => norm(p.name)));
    for (const d of declared) {
      if (names.has(norm(d.name))) continue;
      // A local path dependency is the project's own code, which the lockfile need not list.
      if (d.pkg?.unpinned === 'path' || d.spec.startsWith('path:') || /^(?:file:|link:)/.test(d.spec)) continue;
      checkText(ctx.file, 'package name', d.name, d.line);
      out.push(
        makePackage({
          ecosystem,
          name: d.name,
          version: '',
          sourceFile: ctx.file,
          groups: d.groups,
          direct: true,
          line: d.line,
          unpinned: 'not-locked',
          declared: `${d.spec} (not in ${ctx.lockfile ?? 'the lockfile'})`,
        }),
      );
    }
    return out;
  }
  for (const d of declared) {
    if (d.pkg) {
      out.push(d.pkg);
      continue;
    }
    checkText(ctx.file, 'package name', d.name, d.line);
    const c = ecosystem === 'npm' ? npmSpec(d.spec) : ecosystem === 'Packagist' ? composerSpec(d.spec) : cargoSpec(d.spec);
    checkText(ctx.file, 'version', c.version, d.line);
    out.push(
      makePackage({
        ecosystem,
        name: d.name,
        version: c.version,
        sourceFile: ctx.file,
        groups: d.groups,
        direct: true,
        line: d.line,
        kind: c.kind,
        commit: c.commit,
        resolved: c.kind === 'registry' ? undefined : d.spec,
        unpinned: c.unpinned,
        declared: c.unpinned ? `${d.name}@${d.spec}` : undefined,
      }),
    );
  }
  return out;
}
