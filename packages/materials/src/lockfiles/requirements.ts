/**
 * pip requirements files. Every requirement is a package: `==`/`===` pins give the version; ranges,
 * bare names, URLs, VCS references without a commit, paths and unexpanded `${VARS}` are packages
 * marked unpinned (see pep508.ts), never skipped. `-r` includes are followed once each (loops end),
 * `-e` editable requirements are read like the requirement they name, `--hash=sha256:` options become
 * integrity; `-c` constraints files only narrow what is declared elsewhere.
 */
import type { Package } from '../package.js';
import { checkText, lockfileError } from './lockfile-error.js';
import { pythonPackage } from './pep508.js';
import type { LockfileInput } from './types.js';

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

/**
 * The other options pip accepts on a line of their own (pip's req_file.py SUPPORTED_OPTIONS): indexes,
 * find-links, constraints files (which only narrow versions declared elsewhere), binary and hash policy.
 */
const PIP_OPTION =
  /^(?:-i|--index-url|--extra-index-url|--no-index|-c|--constraint|-f|--find-links|--no-binary|--only-binary|--prefer-binary|--require-hashes|--pre|--trusted-host|--use-feature)(?=$|[\s=]|(?<=^-[icf])\S)/;

const INCLUDE_HINT = 'include a requirements file inside the scanned folder, or scan the file the include names';

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
        // pip reads options as optparse does: `-r base.txt`, `-rbase.txt`, `--requirement=base.txt`.
        const inc = /^(?:-r\s*|--requirement(?:\s+|=))(\S+)$/.exec(s)?.[1];
        if (inc) {
          if (/^[a-z][a-z0-9+.-]*:\/\//i.test(inc)) {
            throw lockfileError(
              file,
              `includes ${JSON.stringify(inc.slice(0, 120))} from a URL, which a scan cannot read`,
              line,
              INCLUDE_HINT,
            );
          }
          const next = input.readRelative(inc.startsWith('/') ? inc : relativeTo(file, input.file, inc));
          // pip stops on a missing include; a scan that skipped it would pass without its packages.
          if (!next) throw lockfileError(file, `includes ${JSON.stringify(inc.slice(0, 120))}, which does not exist`, line, INCLUDE_HINT);
          walk(next.file, next.text, depth + 1);
          continue;
        }
        const editable = /^(?:-e\s*|--editable(?:\s+|=))(.+)$/.exec(s);
        if (!editable?.[1]) {
          if (PIP_OPTION.test(s)) continue; // index, constraints, binary and hash options: no package
          throw lockfileError(
            file,
            `${JSON.stringify(s.slice(0, 80))} is not an option pip accepts in a requirements file`,
            line,
            'fix the line (pip would refuse it too), or exclude the file with materials.ignore',
          );
        }
        // `-e .` is the project itself, not a dependency.
        if (editable[1].trim() === '.') continue;
        s = editable[1].trim();
      }
      const pkg = pythonPackage(s, { file, line, integrity: hashes[0] ? { sha256: hashes[0] } : undefined });
      if (!pkg)
        throw lockfileError(
          file,
          `not a requirement: ${JSON.stringify(s.slice(0, 80))}`,
          line,
          'fix the line, or exclude the file with materials.ignore',
        );
      out.push(pkg);
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
