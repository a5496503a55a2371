/**
 * CEL (Common Expression Language) for policy rules the declarative keys cannot say. We use
 * @marcbachmann/cel-js: maintained, zero dependencies, ESM, and it bounds expression size and depth
 * at parse time, which matters for expressions that come from a repository's policy file.
 */
import { Script, createContext } from 'node:vm';
import { Environment } from '@marcbachmann/cel-js';
import { ConfigurationError } from './errors.js';

const env = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  limits: { maxAstNodes: 5000, maxDepth: 64, maxListElements: 1000, maxMapEntries: 1000, maxCallArguments: 32 },
});

export type CelProgram = (context: Record<string, unknown>) => unknown;

const cache = new Map<string, CelProgram>();

/** Parses once; a syntax error throws with the parser's message. */
export function compileCel(expression: string): CelProgram {
  let p = cache.get(expression);
  if (!p) {
    const parsed = env.parse(expression) as unknown as CelProgram;
    p = (ctx) => parsed(ctx);
    cache.set(expression, p);
  }
  return p;
}

/** Wall-clock budget for one rule evaluation. Parse-time limits bound size and depth, not running time. */
export const CEL_EVALUATION_BUDGET_MS = 1000;

/** Wall-clock budget shared by all the rules of one decision (one artefact's gate, one scan). */
export const CEL_TOTAL_BUDGET_MS = 5000;

/** A rule that ran past its evaluation budget (nested comprehensions over large lists, say). */
export class CelBudgetExceeded extends ConfigurationError {
  constructor(
    readonly rule: string,
    readonly budgetMs: number,
    /** 'rule': this rule ran out of its own budget; 'total': the rules before it used up the shared one. */
    readonly scope: 'rule' | 'total' = 'rule',
  ) {
    super(
      scope === 'rule'
        ? `CEL rule "${rule}" ran out of its evaluation budget (${budgetMs} ms) and counts as not satisfied`
        : `CEL rule "${rule}" was not evaluated: the policy's rules used up their shared evaluation budget (${budgetMs} ms); it counts as not satisfied`,
      { hint: `simplify rule "${rule}" and the rules before it: avoid nesting comprehensions (all/exists/map/filter) over large lists` },
    );
  }
}

// `vm` timeouts are enforced by a watchdog that terminates whatever JavaScript runs inside the call,
// including the library's evaluator reached through the closure: a synchronous, in-process time bound.
const RUN = new Script('run()', { filename: 'secure-factory-cel-budget' });

function withBudget<T>(fn: () => T, budgetMs: number, rule: string): T {
  const sandbox = createContext({ run: fn });
  try {
    return RUN.runInContext(sandbox, { timeout: budgetMs, breakOnSigint: false }) as T;
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new CelBudgetExceeded(rule, budgetMs);
    throw e;
  }
}

/**
 * Evaluates to a boolean within a time budget; anything else (an evaluation error, a non-boolean, a rule
 * out of budget) is a ConfigurationError naming the rule.
 */
export function evaluateCelBoolean(
  expression: string,
  context: Record<string, unknown>,
  name = 'rule',
  options: { budgetMs?: number } = {},
): boolean {
  return evaluateConverted(expression, () => toCel(context) as Record<string, unknown>, name, options.budgetMs ?? CEL_EVALUATION_BUDGET_MS);
}

/**
 * The rules of one decision over one context: the context is converted to CEL values once (not once per
 * rule: an SBOM of 100,000 packages), each rule gets at most its own budget, and all of them together at
 * most `totalMs` — a policy of many slow rules cannot hold a gate for rules × budget. A rule reached after
 * the total ran out is refused without running (CelBudgetExceeded, scope 'total').
 */
export class CelRuleRunner {
  private input: Record<string, unknown> | undefined;
  private readonly deadline: number;

  constructor(
    private readonly context: Record<string, unknown>,
    private readonly totalMs = CEL_TOTAL_BUDGET_MS,
    private readonly ruleMs = CEL_EVALUATION_BUDGET_MS,
  ) {
    this.deadline = Date.now() + totalMs;
  }

  evaluate(expression: string, name: string): boolean {
    const left = this.deadline - Date.now();
    if (left <= 0) throw new CelBudgetExceeded(name, this.totalMs, 'total');
    const budget = Math.min(this.ruleMs, left);
    try {
      return evaluateConverted(expression, () => (this.input ??= toCel(this.context) as Record<string, unknown>), name, budget);
    } catch (e: unknown) {
      // Cut short by the shared budget rather than its own: say so.
      if (e instanceof CelBudgetExceeded && budget < this.ruleMs) throw new CelBudgetExceeded(name, this.totalMs, 'total');
      throw e;
    }
  }
}

function evaluateConverted(expression: string, input: () => Record<string, unknown>, name: string, budgetMs: number): boolean {
  let result: unknown;
  try {
    const program = compileCel(expression);
    const converted = input();
    result = withBudget(() => program(converted), budgetMs, name);
  } catch (e: unknown) {
    if (e instanceof CelBudgetExceeded) throw e;
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    throw new ConfigurationError(`CEL rule "${name}" failed to evaluate: ${first}`);
  }
  if (typeof result !== 'boolean') {
    throw new ConfigurationError(`CEL rule "${name}" must evaluate to true or false, got ${typeof result}`);
  }
  return result;
}

/** JSON → CEL values: whole numbers become ints (BigInt), so `x.count > 0` type-checks as CEL expects. */
export function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    // defineProperty: a key named "__proto__" in evidence JSON stays a key and never swaps the prototype.
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, k, { value: toCel(v), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return value;
}
