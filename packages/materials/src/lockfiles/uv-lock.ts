/**
 * uv.lock: `[[package]]` tables. The project itself (a `virtual` or `editable` source) is not a
 * dependency; the groups of its direct dependencies come from its optional and dev dependency tables.
 */
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, lockfileError, newerVersion } from './lockfile-error.js';
import { packageNameLines, packageTables, parseToml, str } from './toml-document.js';
import type { LockfileInput } from './types.js';

function depNames(v: unknown): string[] {
  return Array.isArray(v) ? v.flatMap((d) => (isRecord(d) && typeof d.name === 'string' ? [d.name] : [])) : [];
}

export function parseUvLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  const doc = parseToml(file, text);
  if (doc.version !== undefined && Number(doc.version) !== 1) {
    const v = Number(doc.version);
    newerVersion(input, 'uv.lock version', doc.version, '1', Number.isInteger(v) && v > 1, 'update secure-factory');
  }
  const tables = packageTables(file, doc);
  const lines = packageNameLines(text);
  const isProject = (t: Record<string, unknown>): boolean =>
    isRecord(t.source) && (t.source.virtual !== undefined || t.source.editable !== undefined);
  // name → groups it is declared in by the project; a main dependency has none.
  const groups = new Map<string, Set<string>>();
  const main = new Set<string>();
  for (const t of tables.filter(isProject)) {
    for (const n of depNames(t.dependencies)) main.add(n);
    for (const section of ['optional-dependencies', 'dev-dependencies']) {
      const s = t[section];
      if (!isRecord(s)) continue;
      for (const [group, deps] of Object.entries(s)) {
        for (const n of depNames(deps)) {
          const set = groups.get(n) ?? new Set<string>();
          set.add(group);
          groups.set(n, set);
        }
      }
    }
  }
  const out: Package[] = [];
  tables.forEach((t, i) => {
    const line = lines[i];
    const where = `package #${i + 1}`;
    const name = str(file, t, 'name', where, line);
    const version = str(file, t, 'version', where, line) ?? '';
    if (!name) throw lockfileError(file, `${where} has no name`, line);
    if (isProject(t)) return;
    checkText(file, 'package name', name, line);
    checkText(file, 'version', version, line);
    const source = isRecord(t.source) ? t.source : {};
    const git = typeof source.git === 'string' ? source.git : undefined;
    const commit = git && git.includes('#') ? git.slice(git.lastIndexOf('#') + 1) : '';
    const sdist = isRecord(t.sdist) ? t.sdist : undefined;
    const hash = sdist && typeof sdist.hash === 'string' && sdist.hash.startsWith('sha256:') ? sdist.hash.slice(7) : undefined;
    const registry = typeof source.registry === 'string' ? source.registry : undefined;
    const direct = main.has(name) || groups.has(name);
    out.push(
      makePackage({
        ecosystem: 'PyPI',
        name,
        version,
        sourceFile: file,
        groups: main.has(name) ? [] : [...(groups.get(name) ?? [])],
        direct,
        line,
        integrity: hash ? { sha256: hash } : undefined,
        resolved:
          registry ?? git ?? (typeof source.url === 'string' ? source.url : typeof source.path === 'string' ? source.path : undefined),
        kind: git
          ? 'git'
          : registry
            ? 'registry'
            : source.url !== undefined
              ? 'http'
              : source.path !== undefined || source.directory !== undefined
                ? 'file'
                : 'registry',
        commit,
      }),
    );
  });
  return out;
}
