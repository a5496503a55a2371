/**
 * Regular expressions given by a user (`--certificate-identity-regexp`, `--cert-identity-regex`) run
 * in linear time, or are refused at parse time. A JS RegExp backtracks and cannot be interrupted:
 * `^(a+)+$` against a long identity runs for hours, on the thread that decides.
 *
 * Two layers:
 *   1. A parse-time check refuses what no linear engine can run (backreferences, lookaround) and
 *      nested quantifiers (`(a+)+`, `(x*y)*`): the classic catastrophic shapes. RE2 — what cosign and gh
 *      use for these flags — has no backreferences or lookaround either, so nothing portable is lost.
 *   2. What passes is compiled by V8's linear-time (automaton) engine, the `l` flag behind
 *      `--enable-experimental-regexp-engine`, so polynomial shapes the check cannot see (`.*.*.*.*x`,
 *      `(a|a)*`) stay linear too. A pattern that engine cannot run (counted repetition over its limit,
 *      some Unicode classes) is refused with the same exit 2. On a runtime without the engine, layer 1
 *      alone applies.
 *
 * A pure-JS RE2 port (`re2js`) would replace layer 2 without a V8 flag; it is not a dependency yet.
 */
import { setFlagsFromString } from 'node:v8';
import { ConfigurationError } from './errors.js';

let linearEngine: boolean | undefined;
/** V8's flag for the linear-time engine (a variable: linters only know the standard flags). */
const LINEAR_FLAG = 'l';

/** Whether V8's linear-time engine is available (turned on here once, process-wide). */
export function linearEngineAvailable(): boolean {
  if (linearEngine === undefined) {
    try {
      // Only enables the engine for RegExps that ask for it with the `l` flag; others are unchanged.
      setFlagsFromString('--enable-experimental-regexp-engine');
      new RegExp('a', LINEAR_FLAG);
      linearEngine = true;
    } catch {
      linearEngine = false;
    }
  }
  return linearEngine;
}

/** Why a pattern may backtrack catastrophically, or undefined. Reads the source as a JS RegExp does. */
export function backtrackingHazard(source: string): string | undefined {
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
      if (closedGroup && lastGroupRepeats && rep.repeats)
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

/**
 * Compiles a user's regular expression for matching identities: refused with a ConfigurationError
 * (exit 2) naming `what` when it is not valid, or could backtrack.
 */
export function compileUserRegExp(source: string, what: string): RegExp {
  const hint = 'write it without backreferences, lookaround or nested quantifiers (RE2 syntax, as cosign and gh read it)';
  const hazard = backtrackingHazard(source);
  if (hazard) {
    throw new ConfigurationError(`${what} ${JSON.stringify(source)} uses ${hazard}, which cannot be matched in bounded time`, { hint });
  }
  try {
    new RegExp(source);
  } catch {
    throw new ConfigurationError(`${what} ${JSON.stringify(source)} is not a valid regular expression`);
  }
  if (!linearEngineAvailable()) return new RegExp(source);
  try {
    return new RegExp(source, LINEAR_FLAG);
  } catch {
    throw new ConfigurationError(`${what} ${JSON.stringify(source)} cannot be matched in linear time`, {
      hint: `${hint}; keep counted repetitions small`,
    });
  }
}
