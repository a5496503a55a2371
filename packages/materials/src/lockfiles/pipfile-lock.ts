/** Pipfile.lock: `default` (production) and `develop` sections; versions are pinned as `==x.y`. */
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, LineIndex, lockfileError, typeName } from './lockfile-error.js';
import type { LockfileInput } from './types.js';

export function parsePipfileLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  if (text.trim() === '') return [];
  const doc = input.json();
  if (!isRecord(doc)) throw lockfileError(file, `a Pipfile.lock must hold a JSON object, not ${typeName(doc)}`);
  const lines = new LineIndex(text);
  const byKey = new Map<string, Package>();
  for (const section of ['default', 'develop'] as const) {
    const deps = doc[section];
    if (deps === undefined) continue;
    if (!isRecord(deps)) throw lockfileError(file, `"${section}" must be an object, not ${typeName(deps)}`);
    let cursor = text.indexOf(`"${section}"`);
    for (const [name, entry] of Object.entries(deps)) {
      const at = text.indexOf(`${JSON.stringify(name)}:`, Math.max(cursor, 0));
      const line = at >= 0 ? lines.lineAt(at) : undefined;
      if (at >= 0) cursor = at + 1;
      if (!isRecord(entry)) throw lockfileError(file, `${section}.${name} must be an object, not ${typeName(entry)}`, line);
      const spec = entry.version;
      // Git, URL and path dependencies have no version: a package all the same (pinned by its commit, or unpinned).
      if (spec === undefined) {
        const git = typeof entry.git === 'string' ? entry.git : undefined;
        const ref = typeof entry.ref === 'string' ? entry.ref : '';
        const location = git ?? (typeof entry.file === 'string' ? entry.file : typeof entry.path === 'string' ? entry.path : undefined);
        checkText(file, 'package name', name, line);
        const commit = git && /^[0-9a-f]{40}$/.test(ref) ? ref : '';
        const kind = git ? 'git' : typeof entry.file === 'string' && /^https?:/.test(entry.file) ? 'http' : 'file';
        byKey.set(`${name}@${location ?? ''}`, {
          ...makePackage({
            ecosystem: 'PyPI',
            name,
            version: '',
            sourceFile: file,
            groups: section === 'develop' ? ['dev'] : [],
            line,
            resolved: location,
            kind,
            commit,
            unpinned: commit ? undefined : kind === 'git' ? 'vcs' : kind === 'http' ? 'url' : 'path',
            declared: commit ? undefined : `${name} @ ${location ?? '(no source)'}${ref ? `@${ref}` : ''}`,
          }),
        });
        continue;
      }
      if (typeof spec !== 'string')
        throw lockfileError(file, `${section}.${name}: "version" must be a string, not ${typeName(spec)}`, line);
      const version = spec.replace(/^===?/, '');
      checkText(file, 'package name', name, line);
      checkText(file, 'version', version, line);
      const key = `${name}@${version}`;
      if (byKey.has(key)) continue;
      const hashes = Array.isArray(entry.hashes) ? entry.hashes.filter((h): h is string => typeof h === 'string') : [];
      const sha = hashes.find((h) => h.startsWith('sha256:'));
      byKey.set(
        key,
        makePackage({
          ecosystem: 'PyPI',
          name,
          version,
          sourceFile: file,
          groups: section === 'develop' ? ['dev'] : [],
          line,
          integrity: sha ? { sha256: sha.slice(7) } : undefined,
          kind: 'registry',
        }),
      );
    }
  }
  return [...byKey.values()];
}
