/**
 * CODEOWNERS (GitHub's format: gitignore-style patterns, the last matching line wins, owners are
 * @user, @org/team or e-mail addresses).
 */
export interface CodeownersRule {
  pattern: string;
  owners: string[];
  line: number;
  regex: RegExp;
}

export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

function globToRegex(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches any number of directories; a trailing "**" matches everything inside.
        if (glob[i + 2] === '/') {
          out += '(?:.*/)?';
          i += 2;
        } else {
          out += '.*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

export function patternRegex(pattern: string): RegExp {
  let p = pattern;
  const dirOnly = p.endsWith('/');
  if (dirOnly) p = p.slice(0, -1);
  const anchored = p.startsWith('/') || p.includes('/');
  if (p.startsWith('/')) p = p.slice(1);
  const body = globToRegex(p);
  // A pattern naming a directory owns everything beneath it; unlike gitignore, GitHub does not let a
  // wildcard last segment (`docs/*`) reach into subdirectories.
  const last = p.split('/').pop() ?? '';
  const tail = dirOnly ? '/.*' : /[*?]/.test(last) ? '' : '(?:/.*)?';
  return new RegExp(`${anchored ? '^' : '^(?:.*/)?'}${body}${tail}$`);
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
