/**
 * Simple commands of a `run:` script, as zizmor's tree-sitter query `(command name: … argument: …+)`
 * sees them: every command of a list, pipeline, subshell, `$(…)`/backtick substitution or compound
 * (`if`/`while`/`for` … bodies), its name after any `VAR=value` prefixes, and its arguments as raw
 * source text (quotes kept, as tree-sitter's node text). Redirections are not arguments. Offsets
 * index the script. This is a tokenizer, not a full shell parser: heredoc bodies and `case` patterns
 * are read as words, which can only add candidates that the callers' predicates then reject.
 */
export interface ShellCommand {
  name: string;
  args: string[];
  /** Offset of the command's first word (including `VAR=value` prefixes). */
  start: number;
  /** Offset just past its last word. */
  end: number;
}

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'while', 'until', 'do', 'done', '!', '{', '}', 'time', 'case', 'esac', 'in']);
const OPERATORS = new Set(['\n', ';', '|', '&', '(', ')']);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Reads one word starting at `i` (quotes, `$(…)`, `${…}` and backticks kept whole); nested scripts go to `nested`. */
function readWord(s: string, i: number, nested: { text: string; offset: number }[]): number {
  while (i < s.length) {
    const c = s.charAt(i);
    if (/\s/.test(c) || c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '<' || c === '>') return i;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === "'") {
      const e = s.indexOf("'", i + 1);
      i = e < 0 ? s.length : e + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\') j++;
        else if (s[j] === '$' && s[j + 1] === '(') {
          const e = matchParen(s, j + 1);
          nested.push({ text: s.slice(j + 2, e), offset: j + 2 });
          j = e;
        } else if (s[j] === '`') {
          const e = s.indexOf('`', j + 1);
          if (e > j) nested.push({ text: s.slice(j + 1, e), offset: j + 1 });
          j = e < 0 ? s.length : e;
        }
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '$' && (s[i + 1] === '(' || s[i + 1] === '{')) {
      const e = s[i + 1] === '(' ? matchParen(s, i + 1) : s.indexOf('}', i + 2);
      if (s[i + 1] === '(') nested.push({ text: s.slice(i + 2, e), offset: i + 2 });
      i = e < 0 ? s.length : e + 1;
      continue;
    }
    if (c === '`') {
      const e = s.indexOf('`', i + 1);
      if (e > i) nested.push({ text: s.slice(i + 1, e), offset: i + 1 });
      i = e < 0 ? s.length : e + 1;
      continue;
    }
    i++;
  }
  return i;
}

function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let j = open; j < s.length; j++) {
    const c = s[j];
    if (c === '\\') j++;
    else if (c === "'") {
      const e = s.indexOf("'", j + 1);
      if (e < 0) return s.length;
      j = e;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  return s.length;
}

export function shellCommands(script: string, base = 0, pwsh = false): ShellCommand[] {
  // PowerShell's escape and line-continuation character is the backtick.
  if (pwsh) script = script.replace(/`\r?\n/g, (m) => ' '.repeat(m.length));
  const out: ShellCommand[] = [];
  const nested: { text: string; offset: number }[] = [];
  let words: Word[] = [];
  let redirectNext = false;
  const flush = (): void => {
    // Keywords open compound commands; what follows them is a command of its own.
    while (words.length > 0 && KEYWORDS.has(words[0]!.text)) words.shift();
    if (words[0]?.text === 'for' || words[0]?.text === 'select') words = [];
    let k = 0;
    while (k < words.length && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(words[k]!.text)) k++;
    if (k < words.length) {
      const name = words[k]!;
      if (!/^[a-zA-Z_][\w-]*\s*\(\)$/.test(name.text))
        out.push({
          name: name.text,
          args: words.slice(k + 1).map((w) => w.text),
          start: base + words[0]!.start,
          end: base + words[words.length - 1]!.end,
        });
    }
    words = [];
  };
  let i = 0;
  while (i < script.length) {
    const c = script.charAt(i);
    if (c === '\\' && script[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;|&()]/.test(script.charAt(i - 1)))) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (OPERATORS.has(c)) {
      flush();
      redirectNext = false;
      i++;
      continue;
    }
    if (c === '<' || c === '>') {
      while (script[i] === '<' || script[i] === '>' || script[i] === '&' || script[i] === '|') i++;
      redirectNext = true;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    i = readWord(script, i, nested);
    if (i === start) i++;
    const text = script.slice(start, i);
    if (redirectNext || (/^\d+$/.test(text) && (script[i] === '>' || script[i] === '<'))) {
      redirectNext = false;
      continue;
    }
    words.push({ text, start, end: i });
  }
  flush();
  for (const n of nested) out.push(...shellCommands(n.text, base + n.offset, pwsh));
  return out.sort((a, b) => a.start - b.start);
}

/**
 * zizmor's predicates consume one argument iterator: `args.any(p) && args.any(q)` means "q after p".
 * `Args` reproduces that: `any` advances past the first match, `all` consumes the rest.
 */
export class Args {
  private i = 0;
  constructor(private readonly items: string[]) {}
  any(p: (a: string) => boolean): boolean {
    while (this.i < this.items.length) if (p(this.items[this.i++]!)) return true;
    return false;
  }
  all(p: (a: string) => boolean): boolean {
    while (this.i < this.items.length) if (!p(this.items[this.i++]!)) return false;
    return true;
  }
  find(p: (a: string) => boolean): string | undefined {
    while (this.i < this.items.length) {
      const a = this.items[this.i++]!;
      if (p(a)) return a;
    }
    return undefined;
  }
  next(): string | undefined {
    return this.items[this.i++];
  }
  skipWhile(p: (a: string) => boolean): this {
    while (this.i < this.items.length && p(this.items[this.i]!)) this.i++;
    return this;
  }
}

/** The shell a step's `run:` uses: `shell:` on the step, then job and workflow `defaults.run.shell`, else bash. */
export function normalizeShell(shell: string | undefined): string {
  if (!shell) return 'bash';
  const first = shell.trim().split(/\s+/)[0] ?? '';
  const base = first.split('/').pop() ?? first;
  return base.replace(/\.exe$/i, '');
}
