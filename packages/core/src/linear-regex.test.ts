import { ConfigurationError, exitCodeFor } from './errors.js';
import { backtrackingHazard, compileUserRegExp, linearEngineAvailable } from './linear-regex.js';

const refused = (source: string): ConfigurationError => {
  try {
    compileUserRegExp(source, '--certificate-identity-regexp');
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

  it.each([
    '^https://github\\.com/acme/.*/\\.github/workflows/release\\.yml@refs/tags/v.*$',
    '(a+)?b',
    '(a){2}',
    '(ab)*',
    '[(a+)+]+',
    '\\(a+\\)+',
    '(a\\+)+',
    '[\\]+]+(x)',
    '^(refs/tags/v[0-9]+)$',
    '(https?://)?x',
    '(a|b)*',
    '(?<name>x+)',
    '.*',
    'a{1,3}?b',
  ])('%s is accepted', (source) => {
    expect(backtrackingHazard(source)).toBeUndefined();
    expect(compileUserRegExp(source, 'r')).toBeInstanceOf(RegExp);
  });

  it('an invalid pattern is a usage error naming it', () => {
    const e = refused('a(b');
    expect(e.message).toBe('--certificate-identity-regexp "a(b" is not a valid regular expression');
    expect(exitCodeFor(e)).toBe(2);
  });

  it('runs in linear time where the engine is there: shapes the parse-time check cannot see finish at once', () => {
    expect(linearEngineAvailable()).toBe(true);
    const long = `https://github.com/${'a'.repeat(20_000)}!`;
    const t0 = Date.now();
    // Each backtracks for hours (exponential or n^4+) on this input in a backtracking engine.
    for (const source of ['^https://github\\.com/(a|a)*$', '.*.*.*.*.*x$', '^https://github\\.com/(?:a|aa)*c$', '^[^!]*[^!]*[^!]*[^!]*$']) {
      const re = compileUserRegExp(source, 'r');
      expect(re.flags).toContain('l');
      expect(re.test(long)).toBe(false);
    }
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(compileUserRegExp('^https://github\\.com/acme/', 'r').test('https://github.com/acme/x')).toBe(true);
  });

  it('what the linear engine cannot run is refused, not run by the backtracking one', () => {
    expect(refused('a{2,5000}').message).toMatch(/cannot be matched in linear time/);
  });
});
