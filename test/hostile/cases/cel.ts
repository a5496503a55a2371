/**
 * CEL rules that are cheap to parse but expensive to run: each must end within its budget as an error
 * naming the rule (the gate turns it into a failed check, i.e. a refusal), never run for minutes.
 */
import { CelBudgetExceeded, CelRuleRunner, ConfigurationError, evaluateCelBoolean, parsePolicy } from '@secure-factory/core';
import { fail, type HostileCase } from './types.js';

const L = `[${Array.from({ length: 1000 }, (_, i) => i).join(',')}]`;
const S = `[${Array.from({ length: 300 }, (_, i) => `"s${i}"`).join(',')}]`;

const BOMBS: [string, string, Record<string, unknown>][] = [
  ['three nested all()', `${L}.all(x, ${L}.all(y, ${L}.all(z, x + y + z >= 0)))`, {}],
  ['three nested exists() that never finds', `${L}.exists(x, ${L}.exists(y, ${L}.exists(z, x + y + z < 0)))`, {}],
  ['nested map()', `size(${L}.map(x, ${L}.map(y, ${L}.map(z, z)))) > 0`, {}],
  ['nested filter()', `size(${L}.filter(x, size(${L}.filter(y, size(${L}.filter(z, z > x)) > 0)) > 0)) > 0`, {}],
  ['list growth by concatenation', `size(${L}.map(x, ${L} + ${L} + ${L} + ${L})) > 0`, {}],
  ['string work in a nested loop', `${S}.all(a, ${S}.all(b, ${S}.all(c, (a + b + c).startsWith("s"))))`, {}],
  ['catastrophic regex in matches()', `"${'a'.repeat(40)}!".matches("^(a+)+$")`, {}],
  [
    'nested loops over the evidence',
    'subjects.all(a, subjects.all(b, subjects.all(c, a + b + c >= 0)))',
    { subjects: Array.from({ length: 1000 }, (_, i) => i) },
  ],
  ['exists_one over a product', `${L}.exists_one(x, ${L}.exists_one(y, ${L}.exists(z, x == y && y == z && z == -1)))`, {}],
];

export const celCases: HostileCase[] = BOMBS.map(([name, expression, context], i) => ({
  id: `cel/bomb-${i}`,
  area: 'cel',
  input: name,
  expect: 'error naming the rule within the budget',
  run: () => {
    const started = Date.now();
    try {
      evaluateCelBoolean(expression, context, `bomb-${i}`, { budgetMs: 250 });
    } catch (e: unknown) {
      if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
      if (!e.message.includes(`"bomb-${i}"`)) fail(`the rule is not named: ${e.message}`);
      if (Date.now() - started > 2500) fail(`took ${Date.now() - started} ms`);
      if (!(e instanceof CelBudgetExceeded) && !/failed to evaluate/.test(e.message)) fail(`unexpected: ${e.message}`);
      return;
    }
    fail('evaluated');
  },
}));

celCases.push(
  {
    id: 'cel/many-slow-rules',
    area: 'cel',
    input: 'twelve rules, each a bomb that runs to its own budget (was: 12 × the per-rule budget, unbounded in the number of rules)',
    expect: 'all twelve fail within the shared budget; those reached after it ran out are refused unevaluated, naming the rule',
    run: () => {
      const started = Date.now();
      const runner = new CelRuleRunner({}, 600, 250);
      const reasons: string[] = [];
      for (let i = 0; i < 12; i++) {
        try {
          runner.evaluate(`${L}.all(x, ${L}.all(y, ${L}.all(z, x + y + z >= 0)))`, `slow-${i}`);
          fail(`slow-${i} evaluated`);
        } catch (e: unknown) {
          if (!(e instanceof CelBudgetExceeded)) fail(`not a budget refusal: ${String(e)}`);
          if (!e.message.includes(`"slow-${i}"`)) fail(`the rule is not named: ${e.message}`);
          reasons.push(e.scope);
        }
      }
      if (Date.now() - started > 2000) fail(`took ${Date.now() - started} ms`);
      if (reasons[0] !== 'rule' || reasons[11] !== 'total') fail(`scopes ${reasons.join(',')}`);
    },
  },
  {
    id: 'cel/too-many-rules',
    area: 'cel',
    input: 'a policy with 101 deploy rules',
    expect: 'exit 2 naming the policy file (at most 100 rules per list)',
    run: () => {
      const rules = Array.from({ length: 101 }, (_, i) => `      - { name: r${i}, expression: "true" }`).join('\n');
      try {
        parsePolicy(`apiVersion: secure-factory/v1\ndeploy:\n  production:\n    rules:\n${rules}\n`, 'many.yml');
      } catch (e: unknown) {
        if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
        if (!e.describe().includes('many.yml')) fail(`the file is not named: ${e.describe()}`);
        return;
      }
      fail('accepted');
    },
  },
);
