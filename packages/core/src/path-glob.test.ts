import fc from 'fast-check';
import { matchGlobTokens, type GlobToken } from './path-glob.js';

/** The RegExp each token stands for (the reference; only safe on the small inputs below). */
function viaRegExp(tokens: readonly GlobToken[], text: string): boolean {
  const src = tokens
    .map((t) =>
      t.kind === 'char'
        ? t.char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
        : t.kind === 'one'
          ? '[^/]'
          : t.kind === 'star'
            ? '[^/]*'
            : t.kind === 'any'
              ? '[^]*'
              : t.kind === 'dirs'
                ? '(?:[^]*/)?'
                : '(?:/[^]*)?',
    )
    .join('');
  return new RegExp(`^${src}$`).test(text);
}

const token: fc.Arbitrary<GlobToken> = fc.oneof(
  fc.constantFrom('a', 'b', '/', '.').map((char): GlobToken => ({ kind: 'char', char })),
  fc.constantFrom<GlobToken>({ kind: 'one' }, { kind: 'star' }, { kind: 'any' }, { kind: 'dirs' }, { kind: 'subpath' }),
);

describe('matchGlobTokens', () => {
  it('agrees with the RegExp reading of every token (1,000 generated cases)', () => {
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 7 }),
        fc.string({ unit: fc.constantFrom('a', 'b', '/', '.'), maxLength: 10 }),
        (tokens, text) => matchGlobTokens(tokens, text) === viaRegExp(tokens, text),
      ),
      { numRuns: 1000 },
    );
  });

  it('a pattern that makes RegExps backtrack for minutes is linear here', () => {
    const tokens: GlobToken[] = [{ kind: 'dirs' }];
    for (let i = 0; i < 40; i++) tokens.push({ kind: 'star' }, { kind: 'char', char: 'a' });
    tokens.push({ kind: 'star' }, { kind: 'char', char: 'b' });
    const started = Date.now();
    expect(matchGlobTokens(tokens, 'a'.repeat(4000))).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
