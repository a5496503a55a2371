/**
 * CEL (Common Expression Language) for policy rules the declarative keys cannot say. We use
 * @marcbachmann/cel-js: maintained, zero dependencies, ESM, and it bounds expression size and depth
 * at parse time, which matters for expressions that come from a repository's policy file.
 */
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

/** Evaluates to a boolean; anything else (or an evaluation error) is a ConfigurationError. */
export function evaluateCelBoolean(expression: string, context: Record<string, unknown>, name = 'rule'): boolean {
  let result: unknown;
  try {
    result = compileCel(expression)(toCel(context) as Record<string, unknown>);
  } catch (e: unknown) {
    throw new ConfigurationError(`CEL rule "${name}" failed to evaluate: ${(e as Error).message.split('\n')[0]}`);
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
    for (const [k, v] of Object.entries(value)) out[k] = toCel(v);
    return out;
  }
  return value;
}
