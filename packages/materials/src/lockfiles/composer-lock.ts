/** composer.lock: `packages` (production) and `packages-dev`; the git reference is the commit. */
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, LineIndex, lockfileError, typeName } from './lockfile-error.js';
import type { LockfileInput } from './types.js';

export function parseComposerLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  const doc = input.json();
  if (!isRecord(doc)) throw lockfileError(file, `a composer.lock must hold a JSON object, not ${typeName(doc)}`);
  const lines = new LineIndex(text);
  const out: Package[] = [];
  for (const section of ['packages', 'packages-dev'] as const) {
    const list = doc[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw lockfileError(file, `"${section}" must be an array, not ${typeName(list)}`);
    let cursor = Math.max(text.indexOf(`"${section}"`), 0);
    list.forEach((entry, i) => {
      if (!isRecord(entry)) throw lockfileError(file, `${section}[${i}] must be an object, not ${typeName(entry)}`);
      const { name, version } = entry;
      if (typeof name !== 'string' || typeof version !== 'string') {
        throw lockfileError(file, `${section}[${i}] needs a string "name" and "version"`);
      }
      const at = text.indexOf(`"name": ${JSON.stringify(name)}`, cursor);
      const line = at >= 0 ? lines.lineAt(at) : undefined;
      if (at >= 0) cursor = at + 1;
      checkText(file, 'package name', name, line);
      checkText(file, 'version', version, line);
      const source = isRecord(entry.source) ? entry.source : {};
      const dist = isRecord(entry.dist) ? entry.dist : {};
      // The reference is a commit for git sources and zip dists of GitHub; some repositories use a tag name instead.
      const reference = [source.reference, dist.reference].find((r): r is string => typeof r === 'string' && /^[0-9a-f]{7,40}$/.test(r));
      const commit = reference ?? '';
      const shasum = typeof dist.shasum === 'string' && /^[0-9a-f]{40}$/.test(dist.shasum) ? dist.shasum : undefined;
      const licenses = Array.isArray(entry.license) ? entry.license.filter((l): l is string => typeof l === 'string') : [];
      const distUrl = typeof dist.url === 'string' ? dist.url : undefined;
      out.push(
        makePackage({
          ecosystem: 'Packagist',
          name,
          version,
          sourceFile: file,
          groups: section === 'packages-dev' ? ['dev'] : [],
          line,
          integrity: shasum ? { sha1: shasum } : undefined,
          resolved: distUrl ?? (typeof source.url === 'string' ? source.url : undefined),
          kind: dist.type === 'path' || source.type === 'path' ? 'file' : 'registry',
          commit,
          // Several licences in composer.json mean the user may choose one (composer's own semantics).
          licenses: licenses.length > 1 ? [licenses.map((l) => `(${l})`).join(' OR ')] : licenses,
        }),
      );
    });
  }
  return out;
}
