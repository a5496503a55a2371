import { wildcardMatch } from './wildcard.js';

/** The reference: the same glob as an anchored RegExp (only safe on small inputs). */
function viaRegExp(pattern: string, text: string, i = false): boolean {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, i ? 'is' : 's').test(text);
}

describe('wildcardMatch', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything/at/all', true],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['https://github.com/org/*', 'https://github.com/org/repo/.github/workflows/x.yml@refs/heads/main', true],
    ['*.tgz', 'app-1.0.0.tgz', true],
    ['*.tgz', 'app.tgz.sig', false],
    ['a*b*c', 'aXXbYYc', true],
    ['a*b*c', 'aXXbYY', false],
    ['', '', true],
    ['', 'x', false],
    ['**', 'x', true],
    ['.*', 'x', false],
    ['(a|b)', '(a|b)', true],
  ])('%s ~ %s = %s', (p, t, want) => {
    expect(wildcardMatch(p, t)).toBe(want);
    expect(viaRegExp(p, t)).toBe(want);
  });

  it('agrees with the RegExp reference on random small cases', () => {
    const alphabet = ['a', 'b', '/', '*', '?', '.'];
    let seed = 42;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      const p = Array.from({ length: rnd(7) }, () => alphabet[rnd(alphabet.length)]).join('');
      const t = Array.from({ length: rnd(9) }, () => alphabet[rnd(3)]).join('');
      expect([p, t, wildcardMatch(p, t)]).toEqual([p, t, viaRegExp(p, t)]);
    }
  });

  it('case-insensitive when asked', () => {
    expect(wildcardMatch('MIT*', 'mit-0', { caseInsensitive: true })).toBe(true);
    expect(wildcardMatch('MIT*', 'mit-0')).toBe(false);
  });

  it('a backtracking bomb stays fast', () => {
    const started = Date.now();
    const pattern = `${'*a'.repeat(40)}*b`;
    expect(wildcardMatch(pattern, 'a'.repeat(100_000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('wildcardMatch with a literal ?', () => {
  it('treats ? as itself', () => {
    expect(wildcardMatch('https://x/*?ref=main', 'https://x/a/b?ref=main', { questionMark: 'literal' })).toBe(true);
    expect(wildcardMatch('a?c', 'abc', { questionMark: 'literal' })).toBe(false);
    expect(wildcardMatch('a?c', 'a?c', { questionMark: 'literal' })).toBe(true);
  });
});
