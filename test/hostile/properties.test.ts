/**
 * Property-based tests (fast-check) for every parser and escaper in core that hostile input reaches.
 * 1,000 generated cases per property (fast-check's seed is printed on failure for replay).
 */
import fc from 'fast-check';
import { PROPERTY_RUNS } from '../support/property-runs.js';
import { stringify } from 'yaml';
import {
  annotationText,
  compileCel,
  ConfigurationError,
  decodeUtf8,
  jsonErrorOffset,
  md,
  parseJsonText,
  parsePolicy,
  retryAfterMs,
  safeJson,
  safeText,
  SafeLineWriter,
  validateStatement,
  wildcardMatch,
} from '@secure-factory/core';
import { isRunnerCommand, RAW_CONTROL, runnerLines, SECRET } from './cases/types.js';

const RUNS = PROPERTY_RUNS;

/** Strings rich in what matters here: command prefixes, line breaks, controls, bidi, surrogates. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom(
        '::',
        '##[',
        '\n',
        '\r',
        '\r\n',
        ' ',
        '\t',
        '\u00a0',
        '\u3000',
        '\u001b[',
        '\u009b',
        '\u202e',
        '\u2028',
        '\u0000',
        '::error::',
        '::add-mask::',
        '%0A',
      ),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''));

function noCommand(text: string): boolean {
  return runnerLines(text).every((l) => !isRunnerCommand(l)) && !RAW_CONTROL.test(text);
}

describe('output escaper', () => {
  it('safeText never leaves a runner command or a raw control character', () => {
    fc.assert(
      fc.property(hostileText, (s) => noCommand(safeText(s))),
      RUNS,
    );
  });

  it('safeJson reads back to the same value and leaves nothing the runner acts on', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostileText, (v, s) => {
        const value = { v, s };
        const text = safeJson(value);
        return noCommand(text) && JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
      }),
      RUNS,
    );
  });

  it('SafeLineWriter is safe at any chunk boundaries', () => {
    fc.assert(
      fc.property(hostileText, fc.array(fc.nat(), { maxLength: 5 }), (s, cuts) => {
        const out: string[] = [];
        const w = new SafeLineWriter((l) => out.push(l), 16);
        let at = 0;
        for (const c of [...cuts].sort((a, b) => a - b)) {
          const to = Math.min(s.length, c % (s.length + 1));
          if (to <= at) continue;
          w.write(s.slice(at, to));
          at = to;
        }
        w.write(s.slice(at));
        w.end();
        return noCommand(out.join(''));
      }),
      RUNS,
    );
  });
});

describe('summary and annotation text', () => {
  it('md() leaves no markdown or HTML syntax unescaped and no line break', () => {
    fc.assert(
      fc.property(hostileText, (s) => {
        const out = md(s);
        // Every syntax character is escaped (preceded by an odd run of backslashes) and & is an entity.
        const bare = /(^|[^\\])(\\\\)*[`*_{}[\]()#+!|<>~]/.test(out);
        return !bare && !/[\r\n]/.test(out) && !/&(?!amp;)/.test(out) && !RAW_CONTROL.test(out);
      }),
      RUNS,
    );
  });

  it('annotationText leaves no raw control character and no v1 command', () => {
    fc.assert(
      fc.property(hostileText, (s) => !annotationText(s).includes('##[') && !RAW_CONTROL.test(annotationText(s))),
      RUNS,
    );
  });
});

describe('JSON reader', () => {
  it('parses what JSON.parse parses, and otherwise throws a located ConfigurationError that quotes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (a, b) => {
        const text = `${a}${SECRET}${b}`;
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          try {
            parseJsonText(text, 'f.json');
          } catch (e: unknown) {
            return (
              e instanceof ConfigurationError &&
              e.location?.file === 'f.json' &&
              (e.location.line ?? 0) >= 1 &&
              !e.describe().includes(SECRET)
            );
          }
          return false;
        }
        return JSON.stringify(parseJsonText(text, 'f.json')) === JSON.stringify(expected);
      }),
      RUNS,
    );
  });

  it('the error locator finds no error in valid JSON and one inside any invalid text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ maxLength: 30 })), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const at = jsonErrorOffset(text);
        return valid ? at === undefined : at !== undefined && at >= 0 && at <= text.length;
      }),
      RUNS,
    );
  });

  it('UTF-8 decoding gives the text back or a ConfigurationError, never a replacement character', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const s = decodeUtf8(bytes, 'f');
          return !s.includes('\ufffd') || Buffer.from(bytes).includes(Buffer.from('\ufffd'));
        } catch (e: unknown) {
          return e instanceof ConfigurationError && /UTF/.test(e.message);
        }
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 2, maxLength: 30 }), (s) => {
        fc.pre(!s.startsWith('\ufeff') && !s.includes('\u0000'));
        return decodeUtf8(Buffer.from(s, 'utf8'), 'f') === s;
      }),
      RUNS,
    );
  });
});

describe('policy loader', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const outcome = (text: string): boolean => {
    try {
      parsePolicy(text, 'p.yml', { now });
      return true;
    } catch (e: unknown) {
      return e instanceof ConfigurationError && e.describe().includes('p.yml');
    }
  };

  it('any text is a policy or a ConfigurationError naming the file', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), outcome), RUNS);
  });

  it('any YAML value under apiVersion is a policy or a ConfigurationError naming the file', () => {
    const key = fc.constantFrom('source', 'materials', 'build', 'attest', 'deploy', 'exceptions', 'x', '__proto__', 'constructor');
    fc.assert(
      fc.property(fc.dictionary(key, fc.jsonValue({ maxDepth: 3 })), (doc) =>
        outcome(stringify({ apiVersion: 'secure-factory/v1', ...doc })),
      ),
      RUNS,
    );
  });
});

describe('other parsers', () => {
  /** The glob as an anchored RegExp: only safe on these tiny inputs. */
  const viaRegExp = (p: string, t: string): boolean =>
    new RegExp(
      `^${p
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.')}$`,
      's',
    ).test(t);

  it('wildcardMatch agrees with the RegExp reading of the glob', () => {
    const ch = (s: string) => fc.string({ unit: fc.constantFrom(...s.split('')), maxLength: 8 });
    fc.assert(
      fc.property(ch('ab*?/.'), ch('ab/.'), (p, t) => wildcardMatch(p, t) === viaRegExp(p, t)),
      RUNS,
    );
  });

  it('Retry-After is undefined or a non-negative number of milliseconds', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.nat().map(String),
          fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toUTCString())),
        ),
        (v) => {
          const ms = retryAfterMs(v, Date.parse('2026-12-01T00:00:00Z'));
          return ms === undefined || (Number.isFinite(ms) && ms >= 0);
        },
      ),
      RUNS,
    );
  });

  it('the statement validator lists problems for anything and never throws', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => Array.isArray(validateStatement(v))),
      RUNS,
    );
  });

  it('CEL compilation of any text returns a program or throws an Error, quickly', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (src) => {
        try {
          compileCel(src);
        } catch (e: unknown) {
          return e instanceof Error;
        }
        return true;
      }),
      RUNS,
    );
  });
});
