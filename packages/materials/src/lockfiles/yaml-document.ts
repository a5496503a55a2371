/** YAML lockfiles (pnpm) parsed with `yaml`, with limits against hostile input and errors at file:line. */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { lockfileError } from './lockfile-error.js';

/** Deeper nesting than any real lockfile: refuse it before converting (recursion is not unbounded). */
export const MAX_YAML_DEPTH = 64;

export function depthOf(text: string): number {
  // Flow collections nest with brackets, block collections with indentation; both bound the depth.
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if ((c === 125 || c === 93) && depth > 0) depth--;
  }
  let indentMax = 0;
  for (const m of text.matchAll(/^( *)\S/gm)) indentMax = Math.max(indentMax, m[1]?.length ?? 0);
  return Math.max(max, Math.floor(indentMax / 2));
}

export function parseYamlDocument(file: string, text: string): Document.Parsed {
  if (depthOf(text) > MAX_YAML_DEPTH) throw lockfileError(file, `the YAML is nested more than ${MAX_YAML_DEPTH} levels deep`);
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  } catch (e: unknown) {
    throw lockfileError(file, `not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line;
    throw lockfileError(file, `not valid YAML: ${err.message.split('\n')[0] ?? ''}`, line);
  }
  return doc;
}

export function mapEntries(node: unknown): { key: string; value: unknown; offset: number | undefined }[] {
  if (!isMap(node)) return [];
  return node.items.map((pair) => {
    const k = pair.key;
    const key = isScalar(k) ? String(k.value) : String(k);
    const offset = isScalar(k) ? k.range?.[0] : undefined;
    return { key, value: pair.value, offset };
  });
}
