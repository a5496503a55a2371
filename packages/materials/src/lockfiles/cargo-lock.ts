/** Cargo.lock (versions 1 to 4): one `[[package]]` table per crate; `source` says registry or git. */
import { makePackage, type Package } from '../package.js';
import { checkText, lockfileError, newerVersion } from './lockfile-error.js';
import { packageNameLines, packageTables, parseToml, str } from './toml-document.js';
import type { LockfileInput } from './types.js';

export function parseCargoLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  const doc = parseToml(file, text);
  if (doc.version !== undefined && ![1, 2, 3, 4].includes(Number(doc.version))) {
    const v = Number(doc.version);
    newerVersion(input, 'Cargo.lock version', doc.version, '1 to 4', Number.isInteger(v) && v > 4, 'update secure-factory');
  }
  const lines = packageNameLines(text);
  const tables = packageTables(file, doc);
  // The workspace's own crates (no source) name the direct dependencies: `name`, `name version` or `name version (source)`.
  const direct = new Set<string>();
  for (const t of tables) {
    if (t.source !== undefined || !Array.isArray(t.dependencies)) continue;
    for (const d of t.dependencies) if (typeof d === 'string') direct.add(d.split(' ').slice(0, 2).join(' '));
  }
  const isDirect = (name: string, version: string): boolean => direct.has(name) || direct.has(`${name} ${version}`);
  return tables.flatMap((t, i) => {
    const line = lines[i];
    const where = `package #${i + 1}`;
    const name = str(file, t, 'name', where, line);
    const version = str(file, t, 'version', where, line);
    if (!name || version === undefined) throw lockfileError(file, `${where} has no name or version`, line);
    checkText(file, 'crate name', name, line);
    checkText(file, 'version', version, line);
    const source = str(file, t, 'source', where, line);
    // No source: a crate of this workspace, not a dependency.
    if (source === undefined) return [];
    const checksum = str(file, t, 'checksum', where, line);
    const git = source.startsWith('git+');
    const commit = git ? (/#([0-9a-f]{40})$/.exec(source)?.[1] ?? '') : '';
    return [
      makePackage({
        ecosystem: 'crates.io',
        name,
        version,
        sourceFile: file,
        direct: direct.size > 0 ? isDirect(name, version) : undefined,
        line,
        integrity: checksum && /^[0-9a-f]{64}$/.test(checksum) ? { sha256: checksum } : undefined,
        resolved: source,
        kind: git ? 'git' : source.startsWith('registry+') || source.startsWith('sparse+') ? 'registry' : 'http',
        commit,
      }),
    ];
  });
}
