/**
 * Output and ignore globs (core `outputGlob`): picomatch's meaning (its README: globstars, dot files with
 * `dot: true`, brackets, braces) in linear time. The cases below are written from that documentation and
 * from POSIX shell globbing; the property compares with picomatch itself on the grammar both share.
 */
import fc from 'fast-check';
import picomatch from 'picomatch';
import { PROPERTY_RUNS } from '../../../test/support/property-runs.js';
import { ConfigurationError } from './errors.js';
import { outputGlob } from './glob.js';

const m = (glob: string, path: string): boolean => outputGlob(glob).test(path);

describe('outputGlob', () => {
  it('`*` and `?` stay within a segment, dot files included', () => {
    expect(m('*.tgz', 'app.tgz')).toBe(true);
    expect(m('*.tgz', '.tgz')).toBe(true);
    expect(m('*.tgz', 'dist/app.tgz')).toBe(false);
    expect(m('a?c', 'abc')).toBe(true);
    expect(m('a?c', 'a/c')).toBe(false);
    expect(m('a?c', 'ac')).toBe(false);
  });
  it('`**` as a whole segment spans directories; `dir/**` also matches a file named dir', () => {
    expect(m('dist/**', 'dist')).toBe(true);
    expect(m('dist/**', 'dist/x/y.js')).toBe(true);
    expect(m('dist/**', 'distx')).toBe(false);
    expect(m('**/*.js', 'a.js')).toBe(true);
    expect(m('**/*.js', 'x/y/.a.js')).toBe(true);
    expect(m('a/**/b', 'a/b')).toBe(true);
    expect(m('a/**/b', 'a/x/y/b')).toBe(true);
    expect(m('a/**/b', 'ab')).toBe(false);
    expect(m('a/**/b', 'a/xb')).toBe(false);
    expect(m('**', '.x/y')).toBe(true);
    // Inside a segment `**` is a plain star.
    expect(m('a**b', 'axxb')).toBe(true);
    expect(m('a**b', 'a/b')).toBe(false);
  });
  it('brackets: sets, ranges and (as in POSIX shells) [!…] negation, never a "/"', () => {
    expect(m('out/file[0-9].bin', 'out/file1.bin')).toBe(true);
    expect(m('out/file[0-9].bin', 'out/filea.bin')).toBe(false);
    expect(m('out/[!a]*', 'out/b')).toBe(true);
    expect(m('out/[!a]*', 'out/a')).toBe(false);
    expect(m('out/[^a]*', 'out/b')).toBe(true);
    expect(m('a[/]b', 'a/b')).toBe(false);
    expect(m('a[]]b', 'a]b')).toBe(true);
    expect(m('a[b', 'a[b')).toBe(true); // an unclosed bracket is literal
  });
  it('braces: lists, nested lists and sequences; `\\` escapes', () => {
    expect(m('build/{a,b}/*.js', 'build/b/y.js')).toBe(true);
    expect(m('build/{a,b}/*.js', 'build/c/y.js')).toBe(false);
    expect(m('{a,b/{c,d}}/e', 'b/d/e')).toBe(true);
    expect(m('{a,b/{c,d}}/e', 'b/e')).toBe(false);
    expect(m('v{1..3}/x', 'v3/x')).toBe(true);
    expect(m('v{1..3}/x', 'v4/x')).toBe(false);
    expect(m('v{a..c}', 'vb')).toBe(true);
    expect(m('{x}', '{x}')).toBe(true);
    expect(m('x/\\*', 'x/*')).toBe(true);
    expect(m('x/\\*', 'x/a')).toBe(false);
    expect(m('./dist/*.js', 'dist/a.js')).toBe(true);
  });
  it('refuses what it does not match, naming the glob: negation, extglobs, POSIX classes, brace bombs', () => {
    for (const [glob, reason] of [
      ['!dist/**', /negation/],
      ['@(a|b)', /extglob/],
      ['dist/!(x).js', /extglob/],
      ['[[:alpha:]]', /POSIX/],
      ['{1..1000}', /more than 256/],
      ['{a,b}'.repeat(9), /more than 256/],
      ['', /empty/],
      ['a'.repeat(5000), /longer than/],
    ] as const) {
      expect(() => outputGlob(glob)).toThrow(ConfigurationError);
      expect(() => outputGlob(glob)).toThrow(reason);
    }
  });
  it('backtracking bombs answer at once (picomatch took 1–4 s per path)', () => {
    const started = Date.now();
    const path = 'a'.repeat(40);
    for (const glob of ['*a*a*a*a*a*a*a*ab', '**/*a*a*a*a*a*a*a*a*ab', '{*a,*b}*a*a*a*a*a*a*ab', `${'[a]*'.repeat(20)}b`]) {
      for (let i = 0; i < 100; i++) expect(m(glob, path)).toBe(false);
    }
    expect(Date.now() - started).toBeLessThan(2000);
  });

  // The grammar both read the same way: no [!…] (picomatch 4 reads it as a literal "!" set), no "**"
  // inside a segment (bash and we read it as "*"; picomatch lets `**.js` cross folders but not `**a`), no
  // trailing or doubled "/" in patterns, listed paths of non-empty segments other than "." and "..".
  const segment = fc
    .array(fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '[a-b]', '{a,b}', '{a,.b}'), { minLength: 1, maxLength: 4 })
    .filter((tokens) => !tokens.join('').includes('**'));
  const pattern = fc
    .array(
      fc.oneof(
        segment.map((t) => t.join('')),
        fc.constant('**'),
      ),
      { minLength: 1, maxLength: 4 },
    )
    .map((segs) => segs.join('/'));
  const path = fc
    .array(fc.stringMatching(/^[ab.]{1,4}$/), { minLength: 1, maxLength: 4 })
    .filter((segs) => segs.every((s) => s !== '.' && s !== '..'))
    .map((segs) => segs.join('/'));
  it('agrees with picomatch (dot: true) on the shared grammar', () => {
    fc.assert(
      fc.property(pattern, path, (glob, p) => {
        expect(m(glob, p)).toBe(picomatch(glob, { dot: true })(p));
      }),
      PROPERTY_RUNS,
    );
  });
});
