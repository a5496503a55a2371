/**
 * Path globs (gitignore / CODEOWNERS style) matched without regular expressions. A glob compiled to a
 * RegExp (`*a*a*a*a*a*a*b` → `[^/]*a[^/]*a…`) backtracks exponentially: a seven-star CODEOWNERS line
 * took seconds against a 40-character path, eight stars took minutes. Here a pattern is a list of tokens
 * and matching walks the set of reachable text positions token by token: O(tokens × path length), always.
 */

export type GlobToken =
  /** One literal character. */
  | { kind: 'char'; char: string }
  /** `?`: one character other than `/`. */
  | { kind: 'one' }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** `**` not followed by `/`: any run of characters, `/` included. */
  | { kind: 'any' }
  /** `**\/`: zero or more whole directories (`(?:.*\/)?`). */
  | { kind: 'dirs' }
  /** An optional `/` followed by anything (a directory pattern owning what is beneath it). */
  | { kind: 'subpath' }
  /** `[abc]`, `[a-z]`, `[!x]`: one character other than `/` in (or, negated, not in) the set. */
  | { kind: 'class'; negated: boolean; chars: string; ranges: readonly (readonly [number, number])[] };

function inClass(t: Extract<GlobToken, { kind: 'class' }>, c: string): boolean {
  if (c === '/') return false;
  const code = c.charCodeAt(0);
  const hit = t.chars.includes(c) || t.ranges.some(([lo, hi]) => code >= lo && code <= hi);
  return hit !== t.negated;
}

/** Whether the whole text matches the tokens. */
export function matchGlobTokens(tokens: readonly GlobToken[], text: string): boolean {
  const n = text.length;
  let cur = new Uint8Array(n + 1);
  cur[0] = 1;
  for (const t of tokens) {
    const next = new Uint8Array(n + 1);
    let any = false;
    switch (t.kind) {
      case 'char':
        for (let i = 0; i < n; i++) if (cur[i] && text[i] === t.char) next[i + 1] = 1;
        break;
      case 'one':
        for (let i = 0; i < n; i++) if (cur[i] && text[i] !== '/') next[i + 1] = 1;
        break;
      case 'class':
        for (let i = 0; i < n; i++) if (cur[i] && inClass(t, text[i] as string)) next[i + 1] = 1;
        break;
      case 'star':
        for (let j = 0; j <= n; j++) next[j] = cur[j] || (j > 0 && next[j - 1] && text[j - 1] !== '/') ? 1 : 0;
        break;
      case 'any':
        for (let j = 0; j <= n; j++) next[j] = cur[j] || (j > 0 && next[j - 1]) ? 1 : 0;
        break;
      case 'dirs': {
        // (?:.*/)? — stay, or consume anything that ends with a '/'.
        let seen = false;
        for (let j = 0; j <= n; j++) {
          next[j] = cur[j] || (seen && j > 0 && text[j - 1] === '/') ? 1 : 0;
          if (cur[j]) seen = true;
        }
        break;
      }
      case 'subpath': {
        // (?:/.*)? — stay, or a '/' then anything.
        let slash = false;
        for (let j = 0; j <= n; j++) {
          next[j] = cur[j] || slash ? 1 : 0;
          if (j < n && cur[j] && text[j] === '/') slash = true;
        }
        break;
      }
    }
    for (let j = 0; j <= n && !any; j++) if (next[j]) any = true;
    if (!any) return false;
    cur = next;
  }
  return cur[n] === 1;
}
