/**
 * pnpm-lock.yaml, lockfile versions 5.x (`/name/version_peer`), 6.x (`/name@version(peer)`) and 9.x
 * (`name@version` keys plus `importers` and `snapshots`). Dependency groups follow the `dev` flag
 * pnpm writes on each package (v5/v6); v9 no longer records it per package.
 */
import { isMap } from 'yaml';
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, LineIndex, lockfileError, newerVersion, typeName } from './lockfile-error.js';
import { commitFromReference, jsSourceKind, parseSri, TARBALL_HINT, tarballDisagreement } from './npm-source.js';
import type { LockfileInput } from './types.js';
import { mapEntries, parseYamlDocument } from './yaml-document.js';

function stripPeers(version: string): string {
  const p = version.indexOf('(');
  const v = p >= 0 ? version.slice(0, p) : version;
  const u = v.indexOf('_');
  return u >= 0 ? v.slice(0, u) : v;
}

function nameAtVersion(s: string): { name: string; version: string } {
  const scoped = s.startsWith('@');
  const body = scoped ? s.slice(1) : s;
  const at = body.indexOf('@');
  if (at < 0) return { name: s, version: '' };
  return { name: (scoped ? '@' : '') + body.slice(0, at), version: body.slice(at + 1) };
}

/** Name and version from a dependency path; throws on a path that cannot be one. */
function fromDependencyPath(path: string, major: number): { name: string; version: string } {
  if (path.startsWith('file:')) return { name: '', version: '' };
  if (major >= 9) {
    const { name, version } = nameAtVersion(path.replace(/^'|'$/g, ''));
    return { name, version: stripPeers(version) };
  }
  const parts = path.split('/');
  if (parts.length === 1) throw new Error('invalid dependency path');
  let rest = parts.slice(1);
  let name: string;
  if (rest[0]?.startsWith('@')) {
    name = rest.slice(0, 2).join('/');
    rest = rest.slice(2);
  } else {
    name = rest[0] ?? '';
    rest = rest.slice(1);
  }
  let version = rest[0] ?? '';
  if (version === '') {
    const nv = nameAtVersion(name);
    name = nv.name;
    version = nv.version;
  }
  if (version === '' || !/^\d/.test(version)) return { name: '', version: '' };
  return { name, version: stripPeers(version) };
}

export function parsePnpmLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  const doc = parseYamlDocument(file, text);
  if (doc.contents === null) return [];
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (e: unknown) {
    // Alias expansion bombs ("billion laughs") and similar stop here.
    throw lockfileError(file, `cannot read the YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (root === null || root === undefined) return [];
  if (!isRecord(root)) throw lockfileError(file, `a pnpm-lock.yaml must hold a mapping, not ${typeName(root)}`);
  const rawVersion = root.lockfileVersion;
  const major = rawVersion === undefined ? 5 : Math.floor(Number(rawVersion));
  if (![5, 6, 7, 9].includes(major)) {
    newerVersion(
      input,
      'pnpm lockfileVersion',
      rawVersion,
      '5.x, 6.x, 9.x',
      Number.isInteger(major) && major > 9 && (root.packages === undefined || isRecord(root.packages)),
      'update secure-factory, or regenerate the lockfile with pnpm 7 to 10',
    );
  }
  const lines = new LineIndex(text);
  const direct = declaredNames(root);
  const packagesNode = isMap(doc.contents) ? doc.contents.get('packages', true) : undefined;
  if (root.packages !== undefined && root.packages !== null && !isRecord(root.packages)) {
    throw lockfileError(file, `"packages" must be a mapping, not ${typeName(root.packages)}`);
  }
  const out: Package[] = [];
  const keys = new Map<string, Package>();
  const errors: string[] = [];
  let firstErrorLine: number | undefined;
  for (const { key, value, offset } of mapEntries(packagesNode)) {
    const line = offset === undefined ? undefined : lines.lineAt(offset);
    const pkg: unknown = isMap(value) ? value.toJSON() : value;
    if (!isRecord(pkg)) throw lockfileError(file, `package "${key}" must be a mapping, not ${typeName(pkg)}`, line);
    let name: string;
    let version: string;
    try {
      ({ name, version } = fromDependencyPath(key, major));
    } catch {
      errors.push(`invalid dependency path "${key}"`);
      firstErrorLine ??= line;
      continue;
    }
    if (typeof pkg.name === 'string' && pkg.name !== '') name = pkg.name;
    if (typeof pkg.version === 'string' && pkg.version !== '') version = pkg.version;
    else if (typeof pkg.version === 'number') version = String(pkg.version);
    if (name === '' || version === '') continue;
    checkText(file, 'package name', name, line);
    checkText(file, 'version', version, line);
    const resolution = isRecord(pkg.resolution) ? pkg.resolution : {};
    const tarball = typeof resolution.tarball === 'string' ? resolution.tarball : undefined;
    const repo = typeof resolution.repo === 'string' ? resolution.repo : undefined;
    let commit = typeof resolution.commit === 'string' ? resolution.commit : '';
    if (tarball?.startsWith('https://codeload.github.com')) commit = commitFromReference(tarball) || commit;
    const integrity = typeof resolution.integrity === 'string' ? resolution.integrity : undefined;
    const resolved = tarball ?? repo ?? (typeof resolution.directory === 'string' ? `file:${resolution.directory}` : undefined);
    const mismatch = tarballDisagreement(name, version, tarball);
    if (mismatch) throw lockfileError(file, mismatch, line, TARBALL_HINT);
    const made = makePackage({
      ecosystem: 'npm',
      name,
      version,
      sourceFile: file,
      groups: pkg.dev === true ? ['dev'] : [],
      direct: direct.size > 0 ? direct.has(name) : undefined,
      line,
      integrity: parseSri(integrity),
      resolved,
      kind: repo || commit ? 'git' : resolution.directory !== undefined ? 'file' : tarball ? jsSourceKind(tarball) : 'registry',
      commit,
    });
    out.push(made);
    keys.set(
      key
        .replace(/^'|'$/g, '')
        .replace(/\(.*$/, '')
        .replace(major >= 9 ? /$^/ : /_.*$/, ''),
      made,
    );
  }
  if (errors.length > 0) throw lockfileError(file, errors.join('; '), firstErrorLine);
  linkGraph(root, major, out, keys);
  return out;
}

/** `dependencies` of each package (v5/v6) or snapshot (v9) become dependsOn purls. */
function linkGraph(root: Record<string, unknown>, major: number, out: Package[], keys: Map<string, Package>): void {
  const source = major >= 9 ? root.snapshots : root.packages;
  if (!isRecord(source)) return;
  const base = (k: string): string => (major >= 9 ? k.replace(/\(.*$/, '') : k.replace(/\(.*$/, '').replace(/_.*$/, ''));
  const target = (name: string, ref: string): Package | undefined => {
    const v = ref.replace(/\(.*$/, '');
    if (major >= 9) return keys.get(`${name}@${v}`) ?? keys.get(v);
    return (
      keys.get(major >= 6 ? `/${name}@${v}` : `/${name}/${v.replace(/_.*$/, '')}`) ??
      keys.get(v.startsWith('/') ? v : `/${v}`) ??
      keys.get(v)
    );
  };
  for (const [k, entry] of Object.entries(source)) {
    const pkg = keys.get(base(k));
    if (!pkg || !isRecord(entry)) continue;
    const deps = new Set<string>(pkg.dependsOn ?? []);
    for (const section of ['dependencies', 'optionalDependencies']) {
      const d = entry[section];
      if (!isRecord(d)) continue;
      for (const [n, ref] of Object.entries(d)) {
        const t = target(n, String(ref));
        if (t && t !== pkg) deps.add(t.purl);
      }
    }
    if (deps.size > 0) pkg.dependsOn = [...deps];
  }
  void out;
}

/** Names the project declares itself: top-level sections (v5/v6) or every importer (v6+ workspaces, v9). */
function declaredNames(root: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const sections = (o: Record<string, unknown>): void => {
    for (const k of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const d = o[k];
      if (isRecord(d)) for (const n of Object.keys(d)) out.add(n);
    }
  };
  sections(root);
  if (isRecord(root.importers)) for (const imp of Object.values(root.importers)) if (isRecord(imp)) sections(imp);
  return out;
}
