/** poetry.lock: `[[package]]` tables; git sources carry the resolved commit. */
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, lockfileError } from './lockfile-error.js';
import { packageNameLines, packageTables, parseToml, str } from './toml-document.js';
import type { LockfileInput } from './types.js';

export function parsePoetryLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  const doc = parseToml(file, text);
  const lines = packageNameLines(text);
  return packageTables(file, doc).map((t, i) => {
    const line = lines[i];
    const where = `package #${i + 1}`;
    const name = str(file, t, 'name', where, line);
    const version = str(file, t, 'version', where, line);
    if (!name || version === undefined) throw lockfileError(file, `${where} has no name or version`, line);
    checkText(file, 'package name', name, line);
    checkText(file, 'version', version, line);
    const source = isRecord(t.source) ? t.source : undefined;
    const type = source ? str(file, source, 'type', where, line) : undefined;
    const commit = type === 'git' && source ? (str(file, source, 'resolved_reference', where, line) ?? '') : '';
    const url = source ? str(file, source, 'url', where, line) : undefined;
    // Poetry 1.x lists file hashes under [metadata.files], 2.x inside each package.
    const legacyFiles = isRecord(doc.metadata) && isRecord(doc.metadata.files) ? doc.metadata.files[name] : undefined;
    const files = Array.isArray(t.files) ? t.files : Array.isArray(legacyFiles) ? legacyFiles : [];
    const hash = files.map((f) => (isRecord(f) && typeof f.hash === 'string' ? f.hash : '')).find((h) => h.startsWith('sha256:'));
    return makePackage({
      ecosystem: 'PyPI',
      name,
      version,
      sourceFile: file,
      groups: t.optional === true ? ['optional'] : [],
      line,
      integrity: hash ? { sha256: hash.slice(7) } : undefined,
      resolved: url,
      kind: type === 'git' ? 'git' : type === 'directory' || type === 'file' ? 'file' : type === 'url' ? 'http' : 'registry',
      commit,
    });
  });
}
