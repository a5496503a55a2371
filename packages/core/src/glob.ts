/**
 * The one glob module: every place that matches a pattern against a name or a path calls one of the
 * variants below, each with the documented semantics of the format it reads. None compiles a glob to
 * a RegExp: patterns come from repositories and policy files, and a RegExp glob backtracks on a crafted
 * pattern (`*a*a*a*a*a*a*a*a*ab` against 40 `a`s: picomatch 4.0.7's RegExp takes ~10 s, CODEOWNERS
 * lines like it took minutes with the old hand-written RegExps). The engines are wildcard.ts (greedy,
 * one backtrack point) and path-glob.ts (reachable positions, O(pattern × path)).
 */
import { matchGlobTokens, type GlobToken } from './path-glob.js';
import { wildcardMatch } from './wildcard.js';

/** A compiled path pattern: `test(path)` like a RegExp, without one. */
export interface PathPattern {
  test(path: string): boolean;
}

/** `*` (no `/`), `?` (one char, no `/`), `**` (anything) and `**\/` (zero or more directories) as tokens; the rest literal. */
function pathTokens(glob: string): GlobToken[] {
  const out: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches any number of directories; a trailing "**" matches everything inside.
        if (glob[i + 2] === '/') {
          out.push({ kind: 'dirs' });
          i += 2;
        } else {
          out.push({ kind: 'any' });
          i += 1;
        }
      } else out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'one' });
    else out.push({ kind: 'char', char: c });
  }
  return out;
}

/**
 * A CODEOWNERS pattern, as GitHub documents it (gitignore rules with exceptions): a leading `/` or a
 * `/` inside anchors the pattern at the repository root, otherwise it matches at any depth; a trailing
 * `/` matches everything beneath that directory; `*` never crosses `/`; a pattern whose last segment
 * has no wildcard also owns what is beneath it, while a wildcard last segment (`docs/*`) does not reach
 * into subdirectories.
 */
export function codeownersPattern(pattern: string): PathPattern {
  let p = pattern;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith('/') || p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const tokens: GlobToken[] = anchored ? [] : [{ kind: 'dirs' }];
  tokens.push(...pathTokens(p));
  const last = p.split('/').pop() ?? '';
  if (dirOnly) tokens.push({ kind: 'char', char: '/' }, { kind: 'any' });
  else if (!/[*?]/.test(last)) tokens.push({ kind: 'subpath' });
  return { test: (path) => matchGlobTokens(tokens, path) };
}

/**
 * A path pattern relative to a root (the audit's `ignore` entries): anchored at the root, `*` and `?`
 * within one segment, `**` across segments, and a match on a directory covers what is beneath it.
 */
export function pathPattern(pattern: string): PathPattern {
  const tokens = [...pathTokens(pattern.replace(/^\.\//, '')), { kind: 'subpath' } as const];
  return { test: (path) => matchGlobTokens(tokens, path) };
}

/** A policy name glob (allowed actions, licences, packages): `*` and `?` match anything, case-insensitively. */
export function policyGlobMatch(pattern: string, value: string): boolean {
  return wildcardMatch(pattern, value, { caseInsensitive: true });
}

/** An identity glob (builder refs, certificate SANs, source refs): only `*` is special (any run, `/` included); case matters. */
export function identityGlobMatch(pattern: string, value: string): boolean {
  return wildcardMatch(pattern, value, { questionMark: 'literal' });
}
