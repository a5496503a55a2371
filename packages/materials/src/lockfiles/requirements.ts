/**
 * pip requirements files. Only `==`/`===` pins (and the lower bounds osv-scalibr also reads as the
 * version: `>=`, `<=`, `~=`) give a version; `-r` includes are followed once each (loops end),
 * `--hash=sha256:` options become integrity, URLs, paths and unexpanded `${VARS}` are skipped.
 */
import { makePackage, type Package } from '../package.js';
import { checkText, lockfileError } from './lockfile-error.js';
import type { LockfileInput } from './types.js';

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(.*)$/;

function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const raw = text.split(/\r?\n/);
  for (let i = 0; i < raw.length; i++) {
    const start = i + 1;
    let l = raw[i] ?? '';
    while (l.endsWith('\\') && i + 1 < raw.length) l = l.slice(0, -1) + (raw[++i] ?? '');
    out.push({ text: l, line: start });
  }
  return out;
}

export function parseRequirements(input: LockfileInput): Package[] {
  const visited = new Set<string>();
  const out: Package[] = [];
  const walk = (file: string, text: string, depth: number): void => {
    if (visited.has(file)) return;
    visited.add(file);
    if (depth > 32) throw lockfileError(file, 'requirement files include each other more than 32 levels deep');
    for (const { text: l, line } of logicalLines(text)) {
      // A comment starts at "#" at the line start or after whitespace.
      let s = l.replace(/(^|\s)#.*$/, '').trim();
      if (s === '') continue;
      const hashes = [...s.matchAll(/--hash[=\s]+sha256:([0-9a-fA-F]{64})/g)].map((m) => (m[1] ?? '').toLowerCase());
      s = s.replace(/\s--hash[=\s]+\S+/g, '').trim();
      checkText(file, 'requirement', s, line);
      if (s.startsWith('-')) {
        const inc = /^(?:-r|--requirement)(?:\s+|=)(\S+)$/.exec(s);
        if (inc?.[1]) {
          const next = input.readRelative(inc[1].startsWith('/') ? inc[1] : relativeTo(file, input.file, inc[1]));
          if (next) walk(next.file, next.text, depth + 1);
        }
        continue;
      }
      if (s.includes('${')) continue;
      if (/^(?:\.{0,2}\/|[a-z+]+:\/\/|git\+)/i.test(s)) continue;
      const m = NAME.exec(s);
      if (!m?.[1]) continue;
      const rest = (m[3] ?? '').split(';')[0]?.trim() ?? '';
      // `name @ url`: a direct reference, not a registry release.
      if (rest.startsWith('@')) continue;
      const pin = /^(===|==|>=|<=|~=)\s*([^\s,;*]+)$/.exec(rest);
      const version = pin?.[2] ?? '';
      checkText(file, 'package name', m[1], line);
      checkText(file, 'version', version, line);
      out.push(
        makePackage({
          ecosystem: 'PyPI',
          name: m[1],
          version,
          sourceFile: file,
          direct: true,
          line,
          integrity: hashes[0] ? { sha256: hashes[0] } : undefined,
          kind: 'registry',
        }),
      );
    }
  };
  walk(input.file, input.text, 0);
  return out;
}

/** An include path is relative to the including file; readRelative resolves against the first file. */
function relativeTo(includingFile: string, firstFile: string, include: string): string {
  const dir = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '.');
  const from = dir(firstFile)
    .split('/')
    .filter((x) => x !== '' && x !== '.');
  const to = dir(includingFile)
    .split('/')
    .filter((x) => x !== '' && x !== '.');
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common), include].join('/');
}
