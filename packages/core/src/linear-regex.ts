/**
 * Regular expressions given by a user (`--certificate-identity-regexp`, `--cert-identity-regex`, the
 * policy's identity patterns) run in linear time, or are refused at parse time (exit 2). A JS RegExp
 * backtracks and cannot be interrupted: `^(a|a)*$` against a long identity runs for hours, on the thread
 * that decides.
 *
 * The engine is `re2js`, a pure-JS port of RE2: the engine, and the syntax, of Go's `regexp`, which
 * cosign, gh and slsa-verifier read these flags with. A pattern is searched for anywhere in the identity
 * (Go's `MatchString`) unless it anchors itself with `^`/`$`; `$` is the end of the text, `(?i)` and the
 * other inline flags work as in Go. RE2 has no backreferences or lookaround; a pattern that uses them is
 * refused naming what to drop, and so is counted repetition over RE2's limit of 1000.
 *
 * A parse-time check also refuses nested quantifiers (`(a+)+`, `(x*y)*`). RE2 runs them in linear time;
 * they are refused because they are the catastrophic shapes of every backtracking engine (JS, PCRE,
 * Python) the same pattern may be pasted into. compileLinearRegExp is RE2 alone, without that check.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';
import { ConfigurationError } from './errors.js';

/** A user's pattern compiled for linear-time matching. A RegExp has the same shape (for fixed patterns of ours). */
export interface UserRegExp {
  /** The pattern as the user wrote it. */
  readonly source: string;
  /** Whether the pattern matches anywhere in `input`; anchors in the pattern anchor it. */
  test(input: string): boolean;
  /** `/source/`, as a RegExp prints (the source as written: a `/` in it is not escaped). */
  toString(): string;
}

class LinearRegExp implements UserRegExp {
  readonly #re: RE2JS;
  constructor(
    readonly source: string,
    re: RE2JS,
  ) {
    this.#re = re;
  }
  test(input: string): boolean {
    return this.#re.test(input);
  }
  toString(): string {
    return `/${this.source === '' ? '(?:)' : this.source}/`;
  }
}

/** Why RE2 cannot run the pattern at all (a backreference, a lookaround), or undefined. */
export function unsupportedConstruct(source: string): string | undefined {
  return scan(source, false);
}

/**
 * Why a pattern is refused before it is compiled: what RE2 cannot run (see unsupportedConstruct), or
 * nested quantifiers. Reads the source as a JS RegExp does, which for these constructs is as RE2 does.
 */
export function backtrackingHazard(source: string): string | undefined {
  return scan(source, true);
}

function scan(source: string, nested: boolean): string | undefined {
  // Per open group: whether it holds a repeating quantifier (directly or in a nested group).
  const groups: boolean[] = [];
  let lastGroupRepeats = false;
  let prevWasGroupClose = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const closedGroup = prevWasGroupClose;
    prevWasGroupClose = false;
    if (c === '\\') {
      const n = source[i + 1] ?? '';
      if (/[1-9]/.test(n)) return 'a backreference (\\1 …)';
      if (n === 'k' && source[i + 2] === '<') return 'a named backreference (\\k<…>)';
      i++;
      continue;
    }
    if (c === '[') {
      // A character class: skip to its closing bracket (escapes and a leading ] included).
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
      i = j;
      continue;
    }
    if (c === '(') {
      if (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i))
        return 'a lookaround ((?=…), (?!…), (?<=…), (?<!…))';
      groups.push(false);
      continue;
    }
    if (c === ')') {
      lastGroupRepeats = groups.pop() ?? false;
      if (lastGroupRepeats && groups.length > 0) groups[groups.length - 1] = true;
      prevWasGroupClose = true;
      continue;
    }
    const rep = repeatAt(source, i);
    if (rep) {
      if (nested && closedGroup && lastGroupRepeats && rep.repeats)
        return `a quantified group that itself holds a quantifier (nested quantifiers, like (a+)+)`;
      if (rep.repeats && groups.length > 0) groups[groups.length - 1] = true;
      i += rep.length - 1;
      // A lazy quantifier's `?` belongs to it.
      if (source[i + 1] === '?') i++;
    }
  }
  return undefined;
}

/** A quantifier at `i`: its length and whether it repeats (more than once), as opposed to `?` or `{0,1}`. */
function repeatAt(source: string, i: number): { length: number; repeats: boolean } | undefined {
  const c = source[i];
  if (c === '*' || c === '+') return { length: 1, repeats: true };
  if (c === '?') return { length: 1, repeats: false };
  if (c === '{') {
    const m = /^\{([0-9]+)(,([0-9]*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    return { length: m[0].length, repeats: max > 1 };
  }
  return undefined;
}

const RE2_SYNTAX = 'RE2 syntax, as cosign and gh read it';

function refuse(source: string, what: string, construct: string, why: string, hint: string): never {
  throw new ConfigurationError(`${what} ${JSON.stringify(source)} uses ${construct}, ${why}`, { hint });
}

/**
 * Compiles a pattern with RE2 (linear time, Go's syntax and search semantics), without the
 * nested-quantifier check: refused with a ConfigurationError (exit 2) naming `what` when RE2 cannot
 * run it. compileUserRegExp is what takes a user's pattern.
 */
export function compileLinearRegExp(source: string, what: string): UserRegExp {
  const unsupported = unsupportedConstruct(source);
  if (unsupported)
    refuse(
      source,
      what,
      unsupported,
      'which RE2 (linear time) does not support',
      `write it without backreferences or lookaround (${RE2_SYNTAX})`,
    );
  try {
    return new LinearRegExp(source, RE2JS.compile(source));
  } catch (e: unknown) {
    if (!(e instanceof RE2JSSyntaxException)) throw e;
    if (e.error === 'invalid repeat count' || e.error === 'expression too large') {
      throw new ConfigurationError(`${what} ${JSON.stringify(source)} cannot be matched in linear time`, {
        hint: `RE2 allows counted repetitions up to {1000} and a bounded compiled size; keep them small (${e.message})`,
      });
    }
    throw new ConfigurationError(`${what} ${JSON.stringify(source)} is not a valid regular expression`, {
      hint: `${e.message} (${RE2_SYNTAX})`,
    });
  }
}

/**
 * Compiles a user's regular expression for matching identities: refused with a ConfigurationError
 * (exit 2) naming `what` when it is not valid RE2, or uses nested quantifiers.
 */
export function compileUserRegExp(source: string, what: string): UserRegExp {
  const hazard = unsupportedConstruct(source) === undefined ? backtrackingHazard(source) : undefined;
  if (hazard)
    refuse(
      source,
      what,
      hazard,
      'which backtracks catastrophically in any backtracking engine the pattern may be reused with',
      `write it without nested quantifiers (${RE2_SYNTAX})`,
    );
  return compileLinearRegExp(source, what);
}
