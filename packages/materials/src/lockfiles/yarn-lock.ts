/**
 * yarn.lock, classic (v1) and berry (v2+), both read with yarn's own parser (`@yarnpkg/parsers`).
 * Each block is one resolved package; its key lists the descriptors (`name@range`) it satisfies.
 * Aliases (`alias@npm:real@range`) are reported under the real name.
 */
import { parseSyml } from '@yarnpkg/parsers';
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, lockfileError, newerVersion, typeName } from './lockfile-error.js';
import { commitFromReference, jsSourceKind, parseSri, TARBALL_HINT, tarballDisagreement } from './npm-source.js';
import type { LockfileInput } from './types.js';

/** `name@range` → name (scopes start with "@"). */
function descriptorName(descriptor: string): { name: string; range: string } {
  const at = descriptor.indexOf('@', 1);
  if (at < 0) return { name: descriptor, range: '' };
  return { name: descriptor.slice(0, at), range: descriptor.slice(at + 1) };
}

function unquote(s: string): string {
  const t = s.trim();
  return t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

function splitKey(key: string): string[] {
  return key
    .split(',')
    .map(unquote)
    .filter((d) => d !== '');
}

/** Lines of the top-level keys, by descriptor, so packages point at their block. */
function blockLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l === '' || l.startsWith(' ') || l.startsWith('#') || !l.trimEnd().endsWith(':')) continue;
    for (const d of splitKey(l.trimEnd().slice(0, -1))) if (!out.has(d)) out.set(d, i + 1);
  }
  return out;
}

export function parseYarnLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  let doc: unknown;
  try {
    doc = parseSyml(text);
  } catch (e: unknown) {
    const m = /line (\d+)/i.exec(e instanceof Error ? e.message : '');
    throw lockfileError(
      file,
      `not a valid yarn.lock: ${(e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''}`,
      m ? Number(m[1]) : undefined,
    );
  }
  if (!isRecord(doc)) throw lockfileError(file, `a yarn.lock must hold a mapping, not ${typeName(doc)}`);
  const berry = isRecord(doc.__metadata);
  if (berry && isRecord(doc.__metadata)) {
    // Yarn 2 wrote 4, Yarn 3 wrote 6, Yarn 4 writes 8, 9 and (4.10+) 10: the same block shape throughout.
    const v = Number(doc.__metadata.version);
    if (!Number.isInteger(v) || v < 1 || v > 10) {
      newerVersion(
        input,
        'yarn lockfile __metadata.version',
        doc.__metadata.version,
        '1 to 10',
        Number.isInteger(v) && v > 10,
        'update secure-factory, or regenerate the lockfile with a released Yarn',
      );
    }
  }
  const lines = blockLines(text);
  const seen = new Set<unknown>();
  const out: Package[] = [];
  // For the dependency graph: each descriptor → the package resolving it, and each package's requirements.
  const byDescriptor = new Map<string, Package>();
  const requires = new Map<Package, [string, string][]>();
  for (const [key, value] of Object.entries(doc)) {
    if (key === '__metadata') continue;
    if (!isRecord(value)) throw lockfileError(file, `entry "${key}" must be a mapping, not ${typeName(value)}`);
    // Classic lockfiles may list the same block under several keys.
    if (seen.has(value)) continue;
    seen.add(value);
    const descriptors = splitKey(key);
    const first = descriptors[0] ?? key;
    const line = lines.get(first);
    const str = (k: string): string | undefined => {
      const v = value[k];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' && typeof v !== 'number')
        throw lockfileError(file, `entry "${key}": "${k}" must be a string, not ${typeName(v)}`, line);
      return String(v);
    };
    const version = str('version');
    if (version === undefined) throw lockfileError(file, `entry "${key}" has no version`, line);
    const { name: keyName, range } = descriptorName(first);
    let name = keyName;
    const resolution = str('resolution');
    if (berry && resolution !== undefined) {
      // The project's own workspaces are not dependencies: `name@workspace:path`, the protocol anchored
      // (an `@workspace:` later in another resolution, `x@npm:1.0.0#@workspace:`, is no workspace).
      if (descriptorName(resolution).range.startsWith('workspace:')) continue;
      name = descriptorName(resolution).name;
    } else if (range.startsWith('npm:') && range.includes('@', 5)) {
      name = descriptorName(range.slice(4)).name;
    }
    checkText(file, 'package name', name, line);
    checkText(file, 'version', version, line);
    const resolved = berry ? resolution : str('resolved');
    const mismatch = berry ? undefined : tarballDisagreement(name, version, resolved);
    if (mismatch) throw lockfileError(file, mismatch, line, TARBALL_HINT);
    const commit = commitFromReference(resolved);
    const rangeRef = berry ? descriptorName(resolution ?? '').range : resolved;
    const pkg = makePackage({
      ecosystem: 'npm',
      name,
      version,
      sourceFile: file,
      line,
      integrity: berry ? checksum(str('checksum')) : parseSri(str('integrity')),
      resolved,
      kind: berry ? berryKind(rangeRef ?? '') : jsSourceKind(resolved, range),
      commit,
    });
    out.push(pkg);
    for (const d of descriptors) byDescriptor.set(d, pkg);
    const deps: [string, string][] = [];
    for (const k of ['dependencies', 'optionalDependencies']) {
      const d = value[k];
      if (isRecord(d)) for (const [n, r] of Object.entries(d)) deps.push([n, String(r)]);
    }
    requires.set(pkg, deps);
  }
  for (const [pkg, deps] of requires) {
    const targets = new Set<string>();
    for (const [n, r] of deps) {
      const t = byDescriptor.get(`${n}@${r}`) ?? byDescriptor.get(`${n}@npm:${r}`);
      if (t && t !== pkg) targets.add(t.purl);
    }
    if (targets.size > 0) pkg.dependsOn = [...targets];
  }
  markDirect(input, out, byDescriptor);
  return out;
}

/** With the package.json beside the lockfile, the packages its ranges resolve to are the direct ones. */
function markDirect(input: LockfileInput, out: Package[], byDescriptor: Map<string, Package>): void {
  const manifest = input.readRelative('package.json');
  if (!manifest) return;
  let doc: unknown;
  try {
    doc = JSON.parse(manifest.text);
  } catch {
    return;
  }
  if (!isRecord(doc)) return;
  const direct = new Set<Package>();
  for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const d = doc[k];
    if (!isRecord(d)) continue;
    for (const [n, r] of Object.entries(d)) {
      const t = byDescriptor.get(`${n}@${String(r)}`) ?? byDescriptor.get(`${n}@npm:${String(r)}`);
      if (t) direct.add(t);
    }
  }
  for (const p of out) p.direct = direct.has(p);
}

function berryKind(range: string): Package['kind'] {
  if (range.startsWith('npm:')) return 'registry';
  if (/^(?:file|portal):/.test(range)) return 'file';
  if (range.startsWith('link:')) return 'link';
  return jsSourceKind(range);
}

/** Berry checksums are sha512 hex of the cached zip, optionally prefixed with a cache key (`10/…`). */
function checksum(c: string | undefined): { sha512: string } | undefined {
  if (!c) return undefined;
  const hex = c.includes('/') ? c.slice(c.indexOf('/') + 1) : c;
  return /^[0-9a-f]{128}$/.test(hex) ? { sha512: hex } : undefined;
}
