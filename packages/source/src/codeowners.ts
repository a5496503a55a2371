/**
 * CODEOWNERS (GitHub's format: gitignore-style patterns, the last matching line wins, owners are
 * @user, @org/team or e-mail addresses).
 */
import { codeownersPattern, type PathPattern } from '@secure-factory/core';
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  regex: PathPattern;
}

export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export type { PathPattern } from '@secure-factory/core';

/** A CODEOWNERS pattern with GitHub's documented semantics (core's glob module, no RegExp). */
export function patternRegex(pattern: string): PathPattern {
  return codeownersPattern(pattern);
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
