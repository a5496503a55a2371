/** Shard planning from counts: bounded by the matrix limit, every artefact exactly once, balanced, deterministic. */
import { MATRIX_JOB_LIMIT, parseShard, planShards, shardCount } from '@secure-factory/rescan';

/** A deterministic pseudo-random sequence (LCG), so the test data is the same on every run. */
function counts(n: number, seed = 7): number[] {
  let x = seed;
  return Array.from({ length: n }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return 50 + (x % 4000);
  });
}

describe('planShards', () => {
  it('plans 5,000 artefacts into the 256 matrix jobs, each artefact exactly once', () => {
    const c = counts(5000);
    const plan = planShards(c);
    expect(plan).toHaveLength(MATRIX_JOB_LIMIT);
    const all = plan.flatMap((s) => s.artefacts).sort((a, b) => a - b);
    expect(all).toEqual(c.map((_, i) => i));
    expect(plan[0]?.shard).toBe('1/256');
    expect(plan.at(-1)?.shard).toBe('256/256');
    expect(plan.reduce((s, p) => s + p.packages, 0)).toBe(c.reduce((s, v) => s + v, 0));
  });

  it('balances by package count: no shard exceeds the average by more than its largest artefact', () => {
    const c = counts(5000, 3);
    const plan = planShards(c);
    const avg = c.reduce((s, v) => s + v, 0) / plan.length;
    const largest = Math.max(...c);
    for (const s of plan) expect(s.packages).toBeLessThanOrEqual(avg + largest);
    // LPT on this data is much tighter than the bound: within 2 % of the average.
    expect(Math.max(...plan.map((s) => s.packages)) / avg).toBeLessThan(1.02);
  });

  it('is deterministic, and a small portfolio runs in one job', () => {
    const c = counts(900, 11);
    expect(planShards(c)).toEqual(planShards([...c]));
    expect(planShards([10, 20, 30])).toEqual([{ shard: '1/1', artefacts: [0, 1, 2], packages: 60 }]);
    expect(planShards([])).toEqual([]);
    expect(shardCount([5, 5, 5], { minPackagesPerShard: 1 })).toBe(3);
    expect(shardCount(counts(10_000), { maxJobs: 40 })).toBe(40);
  });

  it('puts one huge artefact alone and spreads the rest', () => {
    const plan = planShards([100_000, 10, 10, 10, 10], { minPackagesPerShard: 1, maxJobs: 2 });
    expect(plan.map((s) => s.artefacts)).toEqual([[0], [1, 2, 3, 4]]);
  });

  it('refuses bad counts and bad shard names', () => {
    expect(() => planShards([1, -1])).toThrow(/artefact 1 has an invalid package count -1/);
    expect(() => planShards([1], { maxJobs: 257 })).toThrow(/maxJobs/);
    expect(parseShard('3/16')).toEqual({ index: 3, count: 16 });
    for (const bad of ['0/4', '5/4', '1/257', 'x', '1/']) expect(() => parseShard(bad)).toThrow(/is not a shard/);
  });
});
