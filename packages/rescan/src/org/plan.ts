/**
 * Shard planning from counts: N deployed artefacts with their package counts → at most `maxJobs`
 * shards (GitHub Actions runs at most 256 jobs of one matrix), balanced by package count. Pure and
 * deterministic: the same counts give the same plan, whatever the order the repositories were listed in
 * (callers pass artefacts sorted by a stable key).
 *
 * Balancing is the longest-processing-time rule: artefacts by package count, largest first (ties by
 * index), each to the currently lightest shard (ties by shard number). Its makespan is within 4/3 of
 * the optimum, and it costs O(N log N + N log S).
 */

export const MATRIX_JOB_LIMIT = 256;

export interface PlanOptions {
  /** At most this many shards (default 256, GitHub's matrix limit). */
  maxJobs?: number;
  /** No shard is planned for fewer packages than this, so a small portfolio runs in one job. Default 20,000. */
  minPackagesPerShard?: number;
}

export interface ShardPlan {
  /** 1-based shard number and the shard count: "3/16". */
  shard: string;
  /** Indices into the artefact list, ascending. */
  artefacts: number[];
  packages: number;
}

export function shardCount(counts: readonly number[], options: PlanOptions = {}): number {
  const maxJobs = options.maxJobs ?? MATRIX_JOB_LIMIT;
  if (!Number.isInteger(maxJobs) || maxJobs < 1 || maxJobs > MATRIX_JOB_LIMIT)
    throw new RangeError(`maxJobs must be an integer from 1 to ${MATRIX_JOB_LIMIT}, not ${maxJobs}`);
  const min = options.minPackagesPerShard ?? 20_000;
  // Every artefact costs at least one unit (an artefact without packages still has to be reported).
  const total = counts.reduce((s, c) => s + Math.max(1, c), 0);
  return Math.max(1, Math.min(maxJobs, counts.length, Math.ceil(total / Math.max(1, min))));
}

/** A binary min-heap of [load, shard] (ties broken by the lower shard number). */
class LightestShard {
  private readonly heap: [number, number][] = [];
  constructor(n: number) {
    for (let i = 0; i < n; i++) this.heap.push([0, i]);
  }
  private less(a: [number, number], b: [number, number]): boolean {
    return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  }
  /** Adds `cost` to the lightest shard and returns that shard. */
  take(cost: number): number {
    const top = this.heap[0] as [number, number];
    const shard = top[1];
    top[0] += cost;
    // Sift down.
    let i = 0;
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l] as [number, number], h[m] as [number, number])) m = l;
      if (r < h.length && this.less(h[r] as [number, number], h[m] as [number, number])) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as [number, number], h[i] as [number, number]];
      i = m;
    }
    return shard;
  }
}

export function planShards(counts: readonly number[], options: PlanOptions = {}): ShardPlan[] {
  for (const [i, c] of counts.entries())
    if (!Number.isInteger(c) || c < 0) throw new RangeError(`artefact ${i} has an invalid package count ${c}`);
  if (counts.length === 0) return [];
  const n = shardCount(counts, options);
  const order = counts.map((_, i) => i).sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b);
  const shards: number[][] = Array.from({ length: n }, () => []);
  const loads = new Array<number>(n).fill(0);
  const lightest = new LightestShard(n);
  for (const i of order) {
    const cost = Math.max(1, counts[i] as number);
    const s = lightest.take(cost);
    (shards[s] as number[]).push(i);
    loads[s] = (loads[s] as number) + (counts[i] as number);
  }
  return shards.map((a, s) => ({ shard: `${s + 1}/${n}`, artefacts: a.sort((x, y) => x - y), packages: loads[s] as number }));
}

/** Parses "i/n" (1 ≤ i ≤ n ≤ 256). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^([0-9]{1,3})\/([0-9]{1,3})$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || index < 1 || count < 1 || index > count || count > MATRIX_JOB_LIMIT)
    throw new RangeError(`"${text}" is not a shard: expected i/n with 1 ≤ i ≤ n ≤ ${MATRIX_JOB_LIMIT}, e.g. 3/16`);
  return { index, count };
}
