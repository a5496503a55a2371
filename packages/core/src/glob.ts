/**
 * The one glob module: every place that matches a pattern against a name or a path calls one of the
 * variants below, each with the documented semantics of the format it reads. None compiles a glob to
 * a RegExp: patterns come from repositories and policy files, and a RegExp glob backtracks on a crafted
 * pattern (`*a*a*a*a*a*a*a*a*ab` against 40 `a`s: picomatch 4.0.7's RegExp takes ~10 s, CODEOWNERS
 * lines like it took minutes with the old hand-written RegExps). The engines are wildcard.ts (greedy,
 * one backtrack point) and path-glob.ts (reachable positions, O(pattern × path)).
 */
import { ConfigurationError } from './errors.js';
import { safeInlineBounded } from './output.js';
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

/** The most alternatives a brace pattern may expand to (`{a,b}{c,d}` is four). */
export const MAX_GLOB_ALTERNATIVES = 256;
/** The longest glob accepted. */
export const MAX_GLOB_LENGTH = 4096;

function globError(pattern: string, reason: string): ConfigurationError {
  return new ConfigurationError(`the glob ${safeInlineBounded(JSON.stringify(pattern), 200)} ${reason}`, {
    hint: 'use *, ?, ** (whole path segments), [abc], [!abc], [a-z] and {a,b}',
  });
}

/** The index of the `}` closing the `{` at `open`, or -1; `\` escapes. */
function closingBrace(p: string, open: number): number {
  let depth = 0;
  for (let i = open; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The top-level comma-separated parts of a brace body, or undefined when it has no top-level comma. */
function braceParts(body: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  if (parts.length === 0) {
    // {1..3} and {a..c}: a sequence, as Bash and picomatch expand it.
    const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])$/.exec(body);
    if (!m) return undefined;
    const [a, b] = [m[1] as string, m[2] as string];
    const numeric = /\d/.test(a) && /\d/.test(b);
    if (!numeric && (/\d/.test(a) || /\d/.test(b))) return undefined;
    const from = numeric ? Number(a) : a.charCodeAt(0);
    const to = numeric ? Number(b) : b.charCodeAt(0);
    const step = from <= to ? 1 : -1;
    // Stops one past the limit: the caller refuses a sequence that long without building all of it.
    for (let v = from; parts.length <= MAX_GLOB_ALTERNATIVES; v += step) {
      parts.push(numeric ? String(v) : String.fromCharCode(v));
      if (v === to) break;
    }
    return parts;
  }
  parts.push(body.slice(start));
  return parts;
}

/** `{a,b}` and `{1..3}` expanded (nested too), at most MAX_GLOB_ALTERNATIVES results. */
function expandBraces(pattern: string, original: string): string[] {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '{') continue;
    const close = closingBrace(pattern, i);
    if (close < 0) return [pattern];
    const parts = braceParts(pattern.slice(i + 1, close));
    if (!parts) continue; // `{x}`: literal braces
    if (parts.length > MAX_GLOB_ALTERNATIVES) throw globError(original, `expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
    const head = pattern.slice(0, i);
    const tail = pattern.slice(close + 1);
    const out: string[] = [];
    for (const part of parts) {
      for (const e of expandBraces(head + part + tail, original)) {
        out.push(e);
        if (out.length > MAX_GLOB_ALTERNATIVES) throw globError(original, `expands to more than ${MAX_GLOB_ALTERNATIVES} alternatives`);
      }
    }
    return out;
  }
  return [pattern];
}

/** `[…]` starting at `open`: the token and the index after `]`, or undefined when it does not close. */
function classToken(p: string, open: number): { token: GlobToken; end: number } | undefined {
  let i = open + 1;
  const negated = p[i] === '!' || p[i] === '^';
  if (negated) i++;
  let chars = '';
  const ranges: [number, number][] = [];
  for (let first = true; i < p.length; first = false) {
    let c = p[i] as string;
    if (c === ']' && !first) return { token: { kind: 'class', negated, chars, ranges }, end: i + 1 };
    if (c === '\\' && i + 1 < p.length) c = p[++i] as string;
    if (p[i + 1] === '-' && p[i + 2] !== undefined && p[i + 2] !== ']') {
      let hi = p[i + 2] as string;
      let skip = 3;
      if (hi === '\\' && p[i + 3] !== undefined) {
        hi = p[i + 3] as string;
        skip = 4;
      }
      ranges.push([c.charCodeAt(0), hi.charCodeAt(0)]);
      i += skip;
    } else {
      chars += c;
      i++;
    }
  }
  return undefined;
}

/** One path segment (no `/`) as tokens: runs of `*` are one star, `?` one character, `[…]` a class, `\x` a literal x. */
function segmentTokens(seg: string, out: GlobToken[]): void {
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i] as string;
    if (c === '*') {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === '?') out.push({ kind: 'one' });
    else if (c === '[') {
      const cls = classToken(seg, i);
      if (cls) {
        out.push(cls.token);
        i = cls.end - 1;
      } else out.push({ kind: 'char', char: c });
    } else if (c === '\\' && i + 1 < seg.length) out.push({ kind: 'char', char: seg[++i] as string });
    else out.push({ kind: 'char', char: c });
  }
}

function globTokens(glob: string): GlobToken[] {
  // `**/**` means what `**` means.
  const segs = glob.split('/').filter((seg, i, all) => !(seg === '**' && all[i - 1] === '**'));
  const out: GlobToken[] = [];
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') {
      // A whole-segment globstar: zero or more directories; last, everything beneath (and the folder itself).
      if (last) {
        // As picomatch: `dist/**` (and `?/**`, `*.d/**`) also match the folder's own name; after a segment
        // ending in `*` (`*/**`, `lib*/**`) only what lies beneath matches.
        if (i === 0) out.push({ kind: 'any' });
        else if ((segs[i - 1] as string).endsWith('*')) out.push({ kind: 'char', char: '/' }, { kind: 'any' });
        else out.push({ kind: 'subpath' });
      } else {
        if (i > 0 && segs[i - 1] !== '**') out.push({ kind: 'char', char: '/' });
        out.push({ kind: 'dirs' });
      }
      return;
    }
    if (i > 0 && segs[i - 1] !== '**') out.push({ kind: 'char', char: '/' });
    segmentTokens(seg, out);
  });
  return out;
}

/**
 * An output or ignore glob (build outputs, `materials.ignore`), with picomatch's meaning for what such
 * globs use — `*` and `?` within a segment, dot files included; `**` as a whole segment for any number
 * of directories (`dist/**` also matches a file named `dist`), inside a segment a plain `*`; `[abc]`, `[!abc]`, `[a-z]`; `{a,b}` and
 * `{1..3}`; `\` escapes — matched in linear time (picomatch's RegExp for `**\/*a*a*a*a*a*a*a*a*ab` took
 * 4 s per path). Extglobs (`@(a|b)`, `!(x)`), POSIX classes and a leading `!` are refused by name.
 */
export function outputGlob(pattern: string): PathPattern {
  if (pattern.length > MAX_GLOB_LENGTH) throw globError(pattern.slice(0, 200), `is longer than ${MAX_GLOB_LENGTH} characters`);
  const p = pattern.replace(/^(\.\/)+/, '');
  if (p === '') throw globError(pattern, 'is empty');
  if (p.startsWith('!')) throw globError(pattern, 'starts with "!" (negation), which output and ignore globs do not support');
  if (/(^|[^\\])[@!+*?]\(/.test(p)) throw globError(pattern, 'uses an extglob such as @(a|b) or !(x), which is not supported');
  if (p.includes('[[:')) throw globError(pattern, 'uses a POSIX character class such as [[:alpha:]], which is not supported');
  const alternatives = expandBraces(p, pattern).map(globTokens);
  return { test: (path) => alternatives.some((tokens) => matchGlobTokens(tokens, path)) };
}
