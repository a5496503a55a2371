/**
 * Wildcard matching without regular expressions. Patterns come from policy files and repositories; a
 * glob turned into a RegExp (`*a*a*a*…b` → `.*a.*a.*a….*b`) backtracks polynomially or worse on a long
 * near-miss. This is the classic greedy matcher with one backtrack point: O(pattern × text) in the worst
 * case, usually linear, and it never recurses.
 *
 * `*` matches any run of characters (including `/`), `?` exactly one character; everything else is
 * literal (no classes, no escapes — the callers' documented syntax).
 */
export interface WildcardOptions {
  /** Compare without regard to case (ASCII and Unicode simple case folding via toLowerCase). */
  caseInsensitive?: boolean;
  /** `?` matches one character (default) or only itself (syntaxes where only `*` is special). */
  questionMark?: 'any' | 'literal';
}

/** Patterns longer than this never match: no policy needs them and they only cost time. */
export const MAX_WILDCARD_PATTERN = 4096;

export function wildcardMatch(pattern: string, text: string, options: WildcardOptions = {}): boolean {
  if (pattern.length > MAX_WILDCARD_PATTERN) return false;
  const p = options.caseInsensitive ? pattern.toLowerCase() : pattern;
  const t = options.caseInsensitive ? text.toLowerCase() : text;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  const anyQ = options.questionMark !== 'literal';
  while (ti < t.length) {
    const pc = p[pi];
    if (pc === '*') {
      star = pi++;
      mark = ti;
    } else if (pc !== undefined && ((anyQ && pc === '?') || pc === t[ti])) {
      pi++;
      ti++;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++mark;
    } else return false;
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
