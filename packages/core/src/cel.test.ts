import { CelBudgetExceeded, evaluateCelBoolean, toCel } from './cel.js';
import { ConfigurationError } from './errors.js';

const LIST = `[${Array.from({ length: 1000 }, (_, i) => i).join(',')}]`;

describe('CEL evaluation is bounded', () => {
  it('a nested comprehension bomb stops at the budget with an error naming the rule', () => {
    const started = Date.now();
    const bomb = `${LIST}.all(x, ${LIST}.all(y, ${LIST}.all(z, x + y + z >= 0)))`;
    let err: unknown;
    try {
      evaluateCelBoolean(bomb, {}, 'nested-bomb', { budgetMs: 200 });
    } catch (e: unknown) {
      err = e;
    }
    expect(err).toBeInstanceOf(CelBudgetExceeded);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toContain('"nested-bomb"');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an ordinary rule still evaluates', () => {
    expect(evaluateCelBoolean('subject.count > 0 && "a" in tags', { subject: { count: 2 }, tags: ['a'] }, 'ok')).toBe(true);
    expect(evaluateCelBoolean('subject.count > 5', { subject: { count: 2 } }, 'ok')).toBe(false);
  });

  it('errors and non-boolean results name the rule', () => {
    expect(() => evaluateCelBoolean('missing.key', {}, 'r1')).toThrow(/CEL rule "r1" failed to evaluate/);
    expect(() => evaluateCelBoolean('1 + 1', {}, 'r2')).toThrow(/CEL rule "r2" must evaluate to true or false/);
  });

  it('a "__proto__" key in evidence stays a key', () => {
    const ctx = JSON.parse('{"m": {"__proto__": {"polluted": true}, "a": 1}}') as Record<string, unknown>;
    const out = toCel(ctx) as { m: object };
    expect(Object.getPrototypeOf(out.m)).toBe(Object.prototype);
    expect(Object.keys(out.m)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
