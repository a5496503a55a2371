/**
 * bun.lock, bun's text lockfile: JSON with trailing commas (read with json5). Each entry of `packages`
 * is a tuple whose first element is `name@version` (or `name@github:owner/repo#commit`).
 */
import JSON5 from 'json5';
import { makePackage, type Package } from '../package.js';
import { checkText, isRecord, LineIndex, lockfileError, newerVersion, typeName } from './lockfile-error.js';
import { jsSourceKind, parseSri } from './npm-source.js';
import type { LockfileInput } from './types.js';

export function parseBunLock(input: LockfileInput): Package[] {
  const { file, text } = input;
  let doc: unknown;
  try {
    doc = JSON5.parse(text);
  } catch (e: unknown) {
    const m = /at (\d+):(\d+)/.exec(e instanceof Error ? e.message : '');
    throw lockfileError(file, `not a valid bun.lock: ${e instanceof Error ? e.message : String(e)}`, m ? Number(m[1]) : undefined);
  }
  if (!isRecord(doc)) throw lockfileError(file, `a bun.lock must hold an object, not ${typeName(doc)}`);
  if (doc.lockfileVersion !== undefined && doc.lockfileVersion !== 0 && doc.lockfileVersion !== 1) {
    const v = doc.lockfileVersion;
    newerVersion(input, 'bun lockfileVersion', v, '0, 1', typeof v === 'number' && Number.isInteger(v) && v > 1, 'update secure-factory');
  }
  if (doc.packages === undefined) return [];
  if (!isRecord(doc.packages)) throw lockfileError(file, `"packages" must be an object, not ${typeName(doc.packages)}`);
  const declared = new Set<string>();
  if (isRecord(doc.workspaces)) {
    for (const ws of Object.values(doc.workspaces)) {
      if (!isRecord(ws)) continue;
      for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
        const d = ws[k];
        if (isRecord(d)) for (const n of Object.keys(d)) declared.add(n);
      }
    }
  }
  const lines = new LineIndex(text);
  let cursor = 0;
  const out: Package[] = [];
  const errors: string[] = [];
  let errorLine: number | undefined;
  for (const [key, tuple] of Object.entries(doc.packages)) {
    const at = text.indexOf(`${JSON.stringify(key)}:`, cursor);
    const line = at >= 0 ? lines.lineAt(at) : undefined;
    if (at >= 0) cursor = at + 1;
    const spec = Array.isArray(tuple) ? (tuple[0] as unknown) : undefined;
    if (typeof spec !== 'string') {
      errors.push(
        `could not extract '${key}': ${Array.isArray(tuple) ? (tuple.length === 0 ? 'empty package tuple' : 'the first element of the package tuple is not a string') : `the entry is ${typeName(tuple)}, not a tuple`}`,
      );
      errorLine ??= line;
      continue;
    }
    const scoped = spec.startsWith('@');
    const body = scoped ? spec.slice(1) : spec;
    const i = body.indexOf('@');
    const name = (scoped ? '@' : '') + (i < 0 ? body : body.slice(0, i));
    const ref = i < 0 ? '' : body.slice(i + 1);
    const hash = ref.indexOf('#');
    let version = hash < 0 ? ref : ref.slice(0, hash);
    const commit = hash < 0 ? '' : ref.slice(hash + 1);
    // bun.lock records either a commit or a version, never both.
    if (commit !== '') version = '';
    // A file dependency records no version (workspace: and link: references are kept as written, as osv-scalibr does).
    if (version.startsWith('file:')) version = '';
    checkText(file, 'package name', name, line);
    checkText(file, 'version', version, line);
    const integrity = Array.isArray(tuple) && typeof tuple[3] === 'string' ? tuple[3] : undefined;
    const resolvedUrl = Array.isArray(tuple) && typeof tuple[1] === 'string' && tuple[1] !== '' ? tuple[1] : undefined;
    const kind =
      commit !== ''
        ? 'git'
        : /^(?:file|workspace|link):/.test(ref)
          ? ref.startsWith('file:')
            ? 'file'
            : 'link'
          : jsSourceKind(resolvedUrl, ref);
    out.push(
      makePackage({
        ecosystem: 'npm',
        name,
        version,
        sourceFile: file,
        direct: declared.size > 0 ? !key.includes('/', scoped ? key.indexOf('/') + 1 : 0) && declared.has(key) : undefined,
        line,
        integrity: parseSri(integrity),
        resolved: resolvedUrl ?? (commit !== '' ? ref : undefined),
        kind,
        commit,
      }),
    );
  }
  if (errors.length > 0) throw lockfileError(file, errors.join('; '), errorLine);
  return out;
}
