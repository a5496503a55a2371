/**
 * CODEOWNERS (GitHub's format: gitignore-style patterns, the last matching line wins, owners are
 * @user, @org/team or e-mail addresses).
 */
import { matchGlobTokens, type GlobToken } from '@secure-factory/core';
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  regex: PathPattern;
}

export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * A CODEOWNERS pattern as glob tokens, matched by core matchGlobTokens in O(pattern × path): the
 * file comes from the repository, and the RegExp this used to build (`*a*a*a…b` → `[^/]*a[^/]*a…`)
 * backtracked for minutes on a crafted line.
 */
function globTokens(glob: string): GlobToken[] {
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

/** Matches a path the way the pattern's gitignore-style reading says (`test(path)`, like a RegExp). */
export interface PathPattern {
  test(path: string): boolean;
}

export function patternRegex(pattern: string): PathPattern {
  let p = pattern;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith('/') || p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const tokens: GlobToken[] = anchored ? [] : [{ kind: 'dirs' }];
  tokens.push(...globTokens(p));
  // A pattern naming a directory owns everything beneath it; unlike gitignore, GitHub does not let a
  // wildcard last segment (`docs/*`) reach into subdirectories.
  const last = p.split('/').pop() ?? '';
  if (dirOnly) tokens.push({ kind: 'char', char: '/' }, { kind: 'any' });
  else if (!/[*?]/.test(last)) tokens.push({ kind: 'subpath' });
  return { test: (path) => matchGlobTokens(tokens, path) };
}

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const [pattern, ...owners] = line.split(/\s+/);
    if (!pattern) return;
    try {
      rules.push({ pattern, owners, line: i + 1, regex: patternRegex(pattern) });
    } catch {
      // An unparsable pattern owns nothing (GitHub skips it as well).
    }
  });
  return rules;
}

/** The owners of a path: those of the last matching rule (an empty list means "no owner"). */
export function ownersOf(rules: readonly CodeownersRule[], file: string): { owners: string[]; rule?: CodeownersRule } {
  for (let i = rules.length - 1; i >= 0; i--) {
    const r = rules[i] as CodeownersRule;
    if (r.regex.test(file)) return { owners: r.owners, rule: r };
  }
  return { owners: [] };
}
