import { jest } from '@jest/globals';
import {
  annotationText,
  escapeCommandData,
  escapeCommandProperty,
  printErr,
  printJson,
  quietConsole,
  redirectOutput,
  safeInline,
  safeJson,
  safeText,
  SafeLineWriter,
  visibleControls,
} from './output.js';
import { StreamLogger } from './logger.js';

/** A line the Actions runner would read as a workflow command (actions/runner ActionCommand.cs). */
function isCommandLine(line: string): boolean {
  return /^\s*::/u.test(line) || line.includes('##[');
}
function runnerLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

describe('output chokepoint', () => {
  it('neutralises ::commands at the start of every line, after any white space', () => {
    const advisory = 'Prototype pollution\n::add-mask::secret\n  ::stop-commands::abc\r::error::fake\r\n\u00a0::warning::x';
    const out = safeText(advisory);
    expect(runnerLines(out).filter(isCommandLine)).toEqual([]);
    expect(out).toContain('\\::add-mask::secret');
  });

  it('neutralises v1 ##[ commands anywhere in a line', () => {
    expect(safeText('x ##[error]boom')).toBe('x ##\\[error]boom');
    expect(safeText('##[##[')).not.toContain('##[');
  });

  it('shows ANSI and other control characters as text', () => {
    expect(visibleControls('\x1b[31mred\x1b[0m')).toBe('\\u001b[31mred\\u001b[0m');
    expect(safeText('a\u202eb\u0085c\u2028d\u0000')).toBe('a\\u202eb\\u0085c\\u2028d\\u0000');
    expect(safeText('tab\tkept')).toBe('tab\tkept');
  });

  it('safeInline keeps one line', () => {
    expect(safeInline('a\nb\r::c')).toBe('a\\nb\\n\\::c');
  });

  it('escapes annotation data and properties like @actions/core', () => {
    expect(escapeCommandData('50%\r\n::x')).toBe('50%25%0D%0A::x');
    expect(escapeCommandProperty('a:b,c\n')).toBe('a%3Ab%2Cc%0A');
  });

  it('JSON output reads back to the same value, with nothing the runner acts on', () => {
    const value = { summary: '##[error]x\u001b[2J\u202e', n: 10n, list: ['::add-mask::y'] };
    const text = safeJson(value);
    expect(text).not.toContain('##[');
    // eslint-disable-next-line no-control-regex -- the assertion is about raw control characters
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(JSON.parse(text)).toEqual({ ...value, n: '10' });
  });

  it('printErr/printJson go to the redirected sinks, made safe', () => {
    const err: string[] = [];
    const out: string[] = [];
    const restore = redirectOutput({ write: (s: string) => out.push(s) }, { write: (s: string) => err.push(s) });
    try {
      printErr('error: environment "x\n::error::forged" is not defined');
      printJson({ a: '##[x' });
    } finally {
      restore();
    }
    expect(runnerLines(err.join('')).filter(isCommandLine)).toEqual([]);
    expect(out.join('')).toBe('{\n  "a": "##\\u005bx"\n}\n');
  });

  it('StreamLogger lines are neutralised', () => {
    const lines: string[] = [];
    const log = new StreamLogger({ write: (s: string) => lines.push(s) }, true);
    log.info('ok\n::add-mask::x');
    log.warning('w \x1b[1m', { file: 'app\n::error::f.yml', line: 3 });
    log.error('##[error]e');
    log.debug('::debug::d');
    expect(runnerLines(lines.join('')).filter(isCommandLine)).toEqual([]);
    expect(lines.join('')).not.toContain('\x1b');
  });

  it('SafeLineWriter neutralises lines split across chunks and multi-byte characters', () => {
    const got: string[] = [];
    const w = new SafeLineWriter((l) => got.push(l));
    w.write('build ok\n::');
    w.write('error::forged\r');
    w.write('\nnext ');
    const euro = Buffer.from('€');
    w.write(euro.subarray(0, 1));
    w.write(euro.subarray(1));
    w.end();
    expect(got).toEqual(['build ok\n', '\\::error::forged\n', 'next €\n']);
  });

  it('SafeLineWriter splits an endless line into bounded pieces', () => {
    const got: string[] = [];
    const w = new SafeLineWriter((l) => got.push(l), 10);
    w.write('x'.repeat(25));
    w.end();
    expect(got.map((l) => l.length)).toEqual([11, 11, 6]);
  });

  it('quietConsole silences and restores console.warn', () => {
    const warn = jest.fn();
    const before = console.warn;
    console.warn = warn;
    try {
      expect(
        quietConsole(() => {
          console.warn('noise');
          return 7;
        }),
      ).toBe(7);
      expect(warn).not.toHaveBeenCalled();
      expect(console.warn).toBe(warn);
    } finally {
      console.warn = before;
    }
  });
});

describe('annotationText', () => {
  it('shows controls and neutralises ##[ but leaves line breaks to @actions/core', () => {
    expect(annotationText('a\n##[error]x\u001b')).toBe('a\n##\\[error]x\\u001b');
  });
});
