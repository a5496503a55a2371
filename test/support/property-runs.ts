/**
 * How many cases each fast-check property runs (1,000, as issue 20 asks of every parser), and with which seed.
 * Locally every run draws a new seed, so running the suite again explores new inputs. `.ci/run` sets
 * FC_SEED: CI replays the same 1,000 cases per property, so a red CI is never luck and a counterexample it
 * prints can be replayed with `FC_SEED=<seed> npm test -- <file>`.
 */
const seed = process.env.FC_SEED;
if (seed !== undefined && !/^-?\d{1,10}$/.test(seed)) throw new Error(`FC_SEED=${seed}: give an integer`);

export const PROPERTY_RUNS: { numRuns: number; seed?: number } = {
  numRuns: 1000,
  ...(seed !== undefined ? { seed: Number(seed) } : {}),
};
