import { contextPattern, dataflowContexts, extractExpressions, parseExpression, tryParseExpression, type Expr } from './expressions.js';

const ctx = (e: Expr): Extract<Expr, { kind: 'context' }> => {
  if (e.kind !== 'context') throw new Error(`not a context: ${e.kind}`);
  return e;
};

describe('GitHub expression extraction', () => {
  it('finds every fenced expression with the offset of its trimmed body', () => {
    const text = 'echo ${{ github.event.issue.title }} and ${{matrix.x}}';
    const found = extractExpressions(text);
    expect(found.map((f) => f.body)).toEqual(['github.event.issue.title', 'matrix.x']);
    expect(text.slice(found[0]!.bodyStart, found[0]!.bodyStart + 5)).toBe('githu');
    expect(text.slice(found[1]!.start, found[1]!.end)).toBe('${{matrix.x}}');
  });

  it("does not end an expression at '}}' inside a string literal", () => {
    const found = extractExpressions("x ${{ format('{0}}}', github.head_ref) }} y");
    expect(found).toHaveLength(1);
    expect(found[0]!.body).toBe("format('{0}}}', github.head_ref)");
  });

  it('ignores an unterminated fence', () => {
    expect(extractExpressions('echo ${{ github.sha')).toEqual([]);
  });
});

describe('GitHub expression parser', () => {
  it('keeps source offsets of contexts', () => {
    const src = "a.b == 'x' && github.event['issue'].TITLE";
    const e = parseExpression(src, 100);
    const [c] = dataflowContexts(e);
    expect(c).toBeDefined();
    expect(contextPattern(c!)).toBe('github.event.issue.title');
    expect(c!.span).toEqual({ start: 100 + src.indexOf('github'), end: 100 + src.length });
  });

  it('follows zizmor dataflow: && yields its right side, || both, format/join/toJSON their arguments', () => {
    const names = (src: string): string[] => dataflowContexts(parseExpression(src)).map((c) => contextPattern(c) ?? '?');
    expect(names('a.b && c.d || e.f')).toEqual(['c.d', 'e.f']);
    expect(names("format('{0}', toJSON(secrets))")).toEqual(['secrets']);
    expect(names("contains(github.event.issue.title, 'x')")).toEqual([]);
    expect(names("github.event.issue.title == 'x'")).toEqual([]);
  });

  it('normalises stars and numeric indices, and refuses computed ones', () => {
    expect(contextPattern(ctx(parseExpression('github.event.commits[0].message')))).toBe('github.event.commits.*.message');
    expect(contextPattern(ctx(parseExpression('steps.*.outcome')))).toBe('steps.*.outcome');
    expect(contextPattern(ctx(parseExpression('inputs[inputs.foo]')))).toBeUndefined();
    expect(contextPattern(ctx(parseExpression('(a || b).c')))).toBeUndefined();
  });

  it('parses literals, calls, negation and comparison precedence', () => {
    const e = parseExpression("!startsWith(github.ref, 'refs/tags/') && 1.5 >= -2 || null");
    expect(e.kind).toBe('binary');
    expect(e.kind === 'binary' && e.op).toBe('||');
    expect(tryParseExpression("'it''s'")).toMatchObject({ kind: 'literal', value: "it's" });
    expect(tryParseExpression('TRUE')).toMatchObject({ kind: 'literal', value: true });
  });

  it('rejects malformed expressions without throwing from tryParse', () => {
    expect(tryParseExpression('github.')).toBeUndefined();
    expect(tryParseExpression("'open")).toBeUndefined();
    expect(tryParseExpression('a ==')).toBeUndefined();
    expect(tryParseExpression('a b')).toBeUndefined();
    expect(() => parseExpression('a $ b')).toThrow(/unexpected character/);
  });
});
