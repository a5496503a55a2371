import { ConfigurationError, exitCodeFor } from './errors.js';
import { backtrackingHazard, compileLinearRegExp, compileUserRegExp, unsupportedConstruct } from './linear-regex.js';

const refused = (source: string, compile = compileUserRegExp): ConfigurationError => {
  try {
    compile(source, '--certificate-identity-regexp');
  } catch (e: unknown) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error(`${source} was accepted`);
};

describe('user regular expressions', () => {
  it.each([
    ['^(a+)+$', /nested quantifiers/],
    ['(x*y)*z', /nested quantifiers/],
    ['((ab)+c?)+', /nested quantifiers/],
    ['(a{2,})*', /nested quantifiers/],
    ['(?:a|b+){3}', /nested quantifiers/],
    ['(a+)\\1', /a backreference/],
    ['(?<n>a)\\k<n>', /named backreference/],
    ['(?=a)a', /lookaround/],
    ['a(?!b)', /lookaround/],
    ['(?<=a)b', /lookaround/],
    ['(?<!a)b', /lookaround/],
  ])('%s is refused at parse time (exit 2), naming what makes it unbounded', (source, why) => {
    const e = refused(source);
    expect(exitCodeFor(e)).toBe(2);
    expect(e.message).toMatch(why);
    expect(e.message).toContain('--certificate-identity-regexp');
    expect(e.message).toContain(JSON.stringify(source));
  });

  it.each<[string, string, string | null]>([
    // [pattern, an identity it matches, one it does not match (null: it matches every string)]
    [
      '^https://github\\.com/acme/.*/\\.github/workflows/release\\.yml@refs/tags/v.*$',
      'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1',
      'https://github.com/evil/app/.github/workflows/release.yml@refs/tags/v1',
    ],
    ['(a+)?b', 'xb', 'aaa'],
    ['(a){2}', 'xaax', 'axa'],
    ['(ab)*', '', null],
    ['[(a+)+]+', '+', 'b'],
    ['\\(a+\\)+', '(aa))', 'aa'],
    ['(a\\+)+', 'a+a+', 'aa'],
    ['[\\]+]+(x)', ']x', 'x'],
    ['^(refs/tags/v[0-9]+)$', 'refs/tags/v12', 'refs/tags/v12-rc'],
    ['(https?://)?x', 'x', 'y'],
    ['(a|b)*', 'c', null],
    ['(?<name>x+)', 'axxb', 'ab'],
    ['.*', '', null],
    ['a{1,3}?b', 'aab', 'ba'],
  ])('%s is accepted, and matches as RE2 does', (source, matching, other) => {
    expect(backtrackingHazard(source)).toBeUndefined();
    const re = compileUserRegExp(source, 'r');
    expect(re.source).toBe(source);
    expect(re.test(matching)).toBe(true);
    if (other !== null) expect(re.test(other)).toBe(false);
  });

  it('an invalid pattern is a usage error naming it', () => {
    const e = refused('a(b');
    expect(e.message).toBe('--certificate-identity-regexp "a(b" is not a valid regular expression');
    expect(exitCodeFor(e)).toBe(2);
  });

  it('runs in linear time: shapes the parse-time check cannot see finish at once', () => {
    const long = `https://github.com/${'a'.repeat(20_000)}!`;
    const t0 = Date.now();
    // Each backtracks for hours (exponential or n^4+) on this input in a backtracking engine.
    for (const source of ['^https://github\\.com/(a|a)*$', '.*.*.*.*.*x$', '^https://github\\.com/(?:a|aa)*c$', '^[^!]*[^!]*[^!]*[^!]*$']) {
      const re = compileUserRegExp(source, 'r');
      // RE2, never the backtracking engine.
      expect(re).not.toBeInstanceOf(RegExp);
      expect(re.test(long)).toBe(false);
    }
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(compileUserRegExp('^https://github\\.com/acme/', 'r').test('https://github.com/acme/x')).toBe(true);
  });

  it('what the linear engine cannot run is refused, not run by the backtracking one', () => {
    expect(refused('a{2,5000}').message).toMatch(/cannot be matched in linear time/);
  });

  it("counted repetition over RE2's limit is refused naming the limit; up to it is accepted", () => {
    const e = refused('^v[0-9]{1,1001}$');
    expect(e.message).toBe('--certificate-identity-regexp "^v[0-9]{1,1001}$" cannot be matched in linear time');
    expect(e.hint).toMatch(/up to \{1000\}/);
    expect(exitCodeFor(e)).toBe(2);
    expect(compileUserRegExp('^v[0-9]{1,1000}$', 'r').test(`v${'7'.repeat(1000)}`)).toBe(true);
  });

  // No wall-time bound: a backtracking engine would run these for hours, so jest's timeout is the bound.
  it('RE2 itself runs the catastrophic shapes in linear time, with the right answer', () => {
    const hostile = `${'a'.repeat(50_000)}b`;
    expect(compileLinearRegExp('(a+)+$', 'r').test(hostile)).toBe(false);
    expect(compileLinearRegExp('^(a+)+$', 'r').test(hostile)).toBe(false);
    expect(compileLinearRegExp('(a+)+b$', 'r').test(hostile)).toBe(true);
    expect(compileLinearRegExp('^(a|aa)*$', 'r').test(hostile)).toBe(false);
    expect(compileLinearRegExp('^(a+)+$', 'r').test('a'.repeat(50_000))).toBe(true);
    // What compileUserRegExp accepts of the same kind (no nested quantifier) is as fast there.
    expect(compileUserRegExp('^(a|aa)*$', 'r').test(hostile)).toBe(false);
    expect(compileUserRegExp('^(a|a?)*$', 'r').test(hostile)).toBe(false);
    expect(compileUserRegExp('^(a|aa)*b$', 'r').test(hostile)).toBe(true);
  });

  it.each([
    ['(?=a)a', /^--certificate-identity-regexp "\(\?=a\)a" uses a lookaround .*, which RE2 \(linear time\) does not support$/],
    ['a(?!b)', /uses a lookaround/],
    ['(?<=a)b', /uses a lookaround/],
    ['(a)\\1', /^--certificate-identity-regexp "\(a\)\\\\1" uses a backreference \(\\1 …\), which RE2 \(linear time\) does not support$/],
    ['(?<n>a)\\k<n>', /uses a named backreference/],
  ])('RE2 refuses %s (exit 2), naming the option and what to drop', (source, message) => {
    expect(unsupportedConstruct(source)).toBeDefined();
    for (const compile of [compileLinearRegExp, compileUserRegExp]) {
      const e = refused(source, compile);
      expect(e.message).toMatch(message);
      expect(e.hint).toBe('write it without backreferences or lookaround (RE2 syntax, as cosign and gh read it)');
      expect(exitCodeFor(e)).toBe(2);
    }
  });

  it('nested quantifiers are refused by compileUserRegExp only, saying what to rewrite', () => {
    expect(unsupportedConstruct('^(a+)+$')).toBeUndefined();
    const e = refused('^(a+)+$');
    expect(e.message).toMatch(/uses a quantified group that itself holds a quantifier/);
    expect(e.hint).toBe('write it without nested quantifiers (RE2 syntax, as cosign and gh read it)');
  });

  it("searches the whole identity unless the pattern anchors, as Go's regexp does", () => {
    const san = 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1';
    const test = (source: string, input = san): boolean => compileUserRegExp(source, 'r').test(input);
    expect(test('acme/app')).toBe(true);
    expect(test('^acme/app')).toBe(false);
    expect(test('release\\.yml@')).toBe(true);
    expect(test('release\\.yml$')).toBe(false);
    expect(test('@refs/tags/v1$')).toBe(true);
    expect(test('^https://github\\.com/acme/$')).toBe(false);
    // `$` is the end of the text (no multiline), and `.` does not cross a newline.
    expect(test('^v1$', 'v1\n')).toBe(false);
    expect(test('^a.b$', 'a\nb')).toBe(false);
    // Go's syntax: inline flags, \A and \z, (?P<name>…).
    expect(test('(?i)^HTTPS://GITHUB\\.COM/ACME/')).toBe(true);
    expect(test('\\Ahttps://github\\.com/(?P<org>[a-z]+)/app/.*v1\\z')).toBe(true);
  });

  it('a realistic identity regexp matches its own release workflow and no foreign identity', () => {
    const re = compileUserRegExp(
      '^https://github\\.com/org/repo/\\.github/workflows/release\\.yml@refs/tags/v.*$',
      '--certificate-identity-regexp',
    );
    expect(re.test('https://github.com/org/repo/.github/workflows/release.yml@refs/tags/v1.2.3')).toBe(true);
    for (const foreign of [
      'https://github.com/evil/repo/.github/workflows/release.yml@refs/tags/v1.2.3',
      'https://github.com/org/repo-fork/.github/workflows/release.yml@refs/tags/v1.2.3',
      'https://github.com/org/repo/.github/workflows/release.yml@refs/heads/main',
      'https://github.com/org/repo/.github/workflows/releaseXyml@refs/tags/v1.2.3',
      'https://github.com/org/repo/.github/workflows/ci.yml@refs/tags/v1.2.3',
      'https://evil.example/https://github.com/org/repo/.github/workflows/release.yml@refs/tags/v1',
      'https://githubXcom/org/repo/.github/workflows/release.yml@refs/tags/v1',
    ]) {
      expect(re.test(foreign)).toBe(false);
    }
    expect(String(re)).toBe('/^https://github\\.com/org/repo/\\.github/workflows/release\\.yml@refs/tags/v.*$/');
  });

  it("JavaScript-only syntax is not RE2: refused as invalid, with RE2's reason", () => {
    const e = refused('^\\u0061$');
    expect(e.message).toBe('--certificate-identity-regexp "^\\\\u0061$" is not a valid regular expression');
    expect(e.hint).toBe('error parsing regexp: invalid escape sequence: `\\u` (RE2 syntax, as cosign and gh read it)');
    expect(exitCodeFor(e)).toBe(2);
  });
});
