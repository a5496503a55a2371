/**
 * package-lock.json (lockfileVersion 1, 2 and 3) and npm-shrinkwrap.json. Version 2+ lists every
 * installed path under `packages`; version 1 nests `dependencies`. Packages installed at several paths
 * are listed once per name@version (or commit), with dependency groups merged the way npm means them:
 * if any occurrence is a production dependency, the package is one.
 */
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, LineIndex, lockfileError, newerVersion, optString, typeName } from './lockfile-error.js';
import { commitFromReference, jsSourceKind, parseSri, TARBALL_HINT, tarballDisagreement } from './npm-source.js';
import type { LockfileInput } from './types.js';

interface Entry {
  name: string;
  version: string;
  commit: string;
  groups: string[] | undefined;
  line: number | undefined;
  resolved: string | undefined;
  integrity: string | undefined;
  direct: boolean | undefined;
  linkOrFile: 'file' | 'link' | undefined;
  license?: string | undefined;
  /** v2+: installed paths of the packages this one requires. */
  requires?: string[];
  paths?: string[];
}

function mergeGroups(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  // No group on either occurrence means a production dependency.
  if (!a || a.length === 0 || !b || b.length === 0) return undefined;
  return [...new Set([...a, ...b])].sort();
}

function add(map: Map<string, Entry>, key: string, e: Entry): Entry {
  const prev = map.get(key);
  if (prev) {
    prev.groups = mergeGroups(prev.groups, e.groups);
    if (prev.direct !== true && e.direct !== undefined) prev.direct = e.direct;
    if (e.requires) prev.requires = [...(prev.requires ?? []), ...e.requires];
    return prev;
  }
  map.set(key, e);
  return e;
}

/** The installed path node would load `dep` from when required by the package at `from`. */
function resolveFrom(paths: ReadonlySet<string>, from: string, dep: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    if (paths.has(candidate)) return candidate;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

function flag(file: string, obj: Record<string, unknown>, key: string, where: string): boolean {
  const v = obj[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw lockfileError(file, `${where}: "${key}" must be true or false, not ${typeName(v)}`);
  return v;
}

function packageName(path: string): string {
  const i = path.lastIndexOf('node_modules/');
  return i < 0 ? path : path.slice(i + 'node_modules/'.length);
}

export function parsePackageLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  const doc = input.json();
  if (!isRecord(doc)) throw lockfileError(file, `a package-lock.json must hold a JSON object, not ${typeName(doc)}`);
  const version = doc.lockfileVersion;
  if (version !== undefined && version !== 1 && version !== 2 && version !== 3) {
    newerVersion(
      input,
      'lockfileVersion',
      version,
      '1, 2, 3',
      typeof version === 'number' && Number.isInteger(version) && version > 3 && isRecord(doc.packages),
      'update secure-factory, or regenerate the lockfile with npm 7 or later',
    );
  }
  const lines = new LineIndex(text);
  const map = new Map<string, Entry>();
  if (doc.packages !== undefined && version !== 1) {
    if (!isRecord(doc.packages)) throw lockfileError(file, `"packages" must be an object, not ${typeName(doc.packages)}`);
    parsePackages(file, doc.packages, lines, map);
  } else if (doc.dependencies !== undefined) {
    if (!isRecord(doc.dependencies)) throw lockfileError(file, `"dependencies" must be an object, not ${typeName(doc.dependencies)}`);
    let cursor = 0;
    const walk = (deps: Record<string, unknown>, depth: number): void => {
      if (depth > 200) throw lockfileError(file, 'dependencies are nested more than 200 levels deep');
      for (const [rawName, value] of Object.entries(deps)) {
        if (!isRecord(value)) throw lockfileError(file, `dependency "${rawName}" must be an object, not ${typeName(value)}`);
        const where = `dependency "${rawName}"`;
        const at = text.indexOf(`${JSON.stringify(rawName)}:`, cursor);
        const line = at >= 0 ? lines.lineAt(at) : undefined;
        if (at >= 0) cursor = at + 1;
        const spec = optString(file, value, 'version', where) ?? '';
        let name = rawName;
        let keyVersion = spec;
        let finalVersion = spec;
        let commit = '';
        if (spec.startsWith('npm:')) {
          // An alias: `"string-width-cjs": {"version": "npm:string-width@4.2.3"}`; malformed ones
          // (`npm:name` with no version, a bare `npm:`) keep what they name and no version.
          const target = spec.slice(4);
          const i = target.lastIndexOf('@');
          if (i > 0) {
            name = target.slice(0, i);
            finalVersion = target.slice(i + 1);
          } else {
            if (target !== '') name = target;
            finalVersion = '';
          }
        }
        let linkOrFile: 'file' | undefined;
        if (spec.startsWith('file:')) {
          finalVersion = '';
          linkOrFile = 'file';
        } else {
          commit = commitFromReference(spec);
          if (commit !== '') {
            finalVersion = '';
            keyVersion = commit;
          }
        }
        const dev = flag(file, value, 'dev', where);
        const optional = flag(file, value, 'optional', where);
        const groups = [...(dev ? ['dev'] : []), ...(optional ? ['optional'] : [])];
        if (value.dependencies !== undefined) {
          if (!isRecord(value.dependencies)) throw lockfileError(file, `${where}: "dependencies" must be an object`, line);
        }
        checkText(file, 'package name', name, line);
        checkText(file, 'version', finalVersion, line);
        add(map, `${name}@${keyVersion}`, {
          name,
          version: finalVersion,
          commit,
          groups,
          line,
          resolved: optString(file, value, 'resolved', where) ?? (commit || linkOrFile ? spec : undefined),
          integrity: optString(file, value, 'integrity', where),
          direct: depth === 0 ? undefined : false,
          linkOrFile,
        });
        if (isRecord(value.dependencies)) walk(value.dependencies, depth + 1);
      }
    };
    walk(doc.dependencies, 0);
  }
  const purlByPath = new Map<string, string>();
  const built = [...map.values()].map((e) => {
    const mismatch = e.linkOrFile ? undefined : tarballDisagreement(e.name, e.version, e.resolved);
    if (mismatch) throw lockfileError(file, mismatch, e.line, TARBALL_HINT);
    const pkg = makePackage({
      ecosystem: 'npm',
      name: e.name,
      version: e.version,
      sourceFile: file,
      groups: e.groups ?? [],
      direct: e.direct,
      line: e.line,
      integrity: parseSri(e.integrity),
      resolved: e.resolved,
      kind: e.linkOrFile ?? jsSourceKind(e.resolved, e.version),
      commit: e.commit,
      licenses: e.license ? [e.license] : undefined,
    });
    for (const p of e.paths ?? []) purlByPath.set(p, pkg.purl);
    return { pkg, e };
  });
  for (const { pkg, e } of built) {
    if (!e.requires) continue;
    const deps = new Set<string>();
    for (const r of e.requires) {
      const purl = purlByPath.get(r);
      if (purl && purl !== pkg.purl) deps.add(purl);
    }
    pkg.dependsOn = [...deps];
  }
  return built.map((b) => b.pkg);
}

function parsePackages(file: string, packages: Record<string, unknown>, lines: LineIndex, map: Map<string, Entry>): void {
  const root = isRecord(packages['']) ? packages[''] : {};
  const declared = new Set<string>();
  for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const d = root[k];
    if (isRecord(d)) for (const n of Object.keys(d)) declared.add(n);
  }
  let cursor = 0;
  const paths = new Set(Object.keys(packages));
  for (const [path, value] of Object.entries(packages)) {
    if (path === '') continue;
    const where = `package "${path}"`;
    if (!isRecord(value)) throw lockfileError(file, `${where} must be an object, not ${typeName(value)}`);
    const at = lines.text.indexOf(`${JSON.stringify(path)}:`, cursor);
    const line = at >= 0 ? lines.lineAt(at) : undefined;
    if (at >= 0) cursor = at + 1;
    // Links (to workspace folders) and the workspace folders themselves are the project's own code.
    // They are listed, as osv-scalibr lists them, but marked `link` so they are never matched
    // against advisories for a public package of the same name.
    const own = flag(file, value, 'link', where) || !path.includes('node_modules/');
    const name = optString(file, value, 'name', where) ?? packageName(path);
    const version = optString(file, value, 'version', where) ?? '';
    const resolved = optString(file, value, 'resolved', where);
    checkText(file, 'package name', name, line);
    checkText(file, 'version', version, line);
    const commit = commitFromReference(resolved);
    let groups: string[] = [];
    if (flag(file, value, 'dev', where)) groups = ['dev'];
    else if (flag(file, value, 'optional', where)) groups = ['optional'];
    else if (flag(file, value, 'devOptional', where)) groups = ['dev', 'optional'];
    if (flag(file, value, 'inBundle', where)) groups = [...groups, 'bundled'];
    const topLevel = path === `node_modules/${packageName(path)}`;
    const requires: string[] = [];
    for (const k of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
      const d = value[k];
      if (!isRecord(d)) continue;
      for (const dep of Object.keys(d)) {
        const target = resolveFrom(paths, path, dep);
        if (target) requires.push(target);
      }
    }
    const license = typeof value.license === 'string' ? value.license : undefined;
    const entry = add(map, `${name}@${commit || version}`, {
      license,
      requires,
      paths: [],
      name,
      version,
      commit,
      groups,
      line,
      resolved,
      integrity: optString(file, value, 'integrity', where),
      direct: topLevel && declared.has(packageName(path)),
      linkOrFile: own ? 'link' : undefined,
    });
    entry.paths?.push(path);
  }
}
