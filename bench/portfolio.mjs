#!/usr/bin/env node
/**
 * The org-wide rescan at scale (never part of the tests): planning and rescanning N deployed artefacts
 * with M packages each against K OSV records, per shard and in total, at N/4, N/2 and N artefacts to
 * show the growth is linear in the artefacts. Then the merge (per-repository clocks, 10 artefacts a
 * repository) at N.
 *
 * The data is generated deterministically in memory (no network here): K npm advisories with SEMVER
 * ranges and CVSS vectors over 20,000 package names, in the offline database's index (the same
 * `OfflineDatabase.add` that reading osv.dev's all.zip uses); artefacts draw M packages each from a pool
 * of 60,000 names (a third of them with advisories). The issue's full size is 5,000 × 2,000 × 200,000:
 *   node scripts/node24.mjs bench/portfolio.mjs [--artefacts N] [--packages M] [--records K] [--jobs 256]
 * Needs `npx tsc -b tsconfig.build.json` first (it imports packages/*\/dist).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('artefacts', 1000);
const M = arg('packages', 2000);
const K = arg('records', 200_000);
const JOBS = arg('jobs', 256);
const dist = (p) => path.join(root, 'packages', p, 'dist', 'index.js');
for (const p of ['rescan', 'materials', 'core'])
  if (!existsSync(dist(p))) {
    console.error('bench/portfolio.mjs: build first: npx tsc -b tsconfig.build.json');
    process.exit(2);
  }
const { planShards, rescanShard, mergePortfolio } = await import(dist('rescan'));
const { OfflineDatabase } = await import(dist('materials'));
const { loadPolicy, silentLogger } = await import(dist('core'));

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261206);
const int = (n) => Math.floor(rand() * n);
const ms = (t) => `${t.toFixed(0)} ms`;

// ---- the OSV snapshot: K advisories over 20,000 advised package names ----
let t = performance.now();
const db = new OfflineDatabase('bench:osv');
const ADVISED = 20_000;
for (let i = 0; i < K; i++) {
  const pkg = `pkg-${int(ADVISED)}`;
  const major = int(5);
  db.add({
    id: `GHSA-bench-${i.toString(36).padStart(4, '0')}-${(i * 7919).toString(36).slice(-4).padStart(4, '0')}`,
    modified: '2026-12-01T00:00:00Z',
    aliases: [`CVE-2026-${100000 + i}`],
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'npm', name: pkg },
        ranges: [{ type: 'SEMVER', events: [{ introduced: `${major}.0.0` }, { fixed: `${major}.${1 + int(9)}.0` }] }],
      },
    ],
  });
}
db.setDigest('sha256:bench');
console.log(`OSV snapshot: ${db.recordCount} records over ${ADVISED} package names, indexed in ${ms(performance.now() - t)}`);

// ---- the inventory: N artefacts × M packages ----
t = performance.now();
const POOL = 60_000;
const artefacts = [];
for (let a = 0; a < N; a++) {
  const packages = [];
  const start = int(POOL);
  for (let p = 0; p < M; p++) {
    const id = (start + p * 7) % POOL; // distinct names within an artefact
    const name = id < ADVISED ? `pkg-${id}` : `free-${id}`;
    packages.push(['npm', name, `${int(5)}.${int(10)}.${int(10)}`]);
  }
  artefacts.push({
    repository: `acme/repo-${Math.floor(a / 10)}`,
    digest: `sha256:${a.toString(16).padStart(64, '0')}`,
    name: `artefact-${a}`,
    run: '1-1',
    sbom: true,
    environments: [{ environment: 'production', time: '2026-12-01T00:00:00Z' }],
    packages,
    chain: {},
  });
}
console.log(`inventory: ${N} artefacts × ${M} packages generated in ${ms(performance.now() - t)}`);

const inventoryOf = (n) => {
  const arts = artefacts.slice(0, n);
  const repos = [...new Set(arts.map((x) => x.repository))].map((repository) => ({ repository, status: 'collected', records: 10 }));
  return {
    apiVersion: 'secure-factory/portfolio-inventory/v1',
    org: 'acme',
    collectedAt: '2026-12-02T00:00:00Z',
    repositories: repos,
    artefacts: arts,
    superseded: [],
    problems: [],
  };
};

const rows = [];
let last;
// The first size runs twice and its first (JIT warm-up) pass is dropped.
const sizes = [Math.max(1, Math.floor(N / 4)), Math.max(1, Math.floor(N / 4)), Math.max(1, Math.floor(N / 2)), N];
for (const [round, n] of sizes.entries()) {
  const inventory = inventoryOf(n);
  t = performance.now();
  const shards = planShards(
    inventory.artefacts.map((x) => x.packages.length),
    { maxJobs: JOBS },
  );
  const planMs = performance.now() - t;
  const plan = { apiVersion: 'secure-factory/portfolio-plan/v1', inventory: 'sha256:bench', artefacts: n, packages: n * M, shards };
  const per = [];
  let matches = 0;
  t = performance.now();
  const results = [];
  for (const s of shards) {
    const r = await rescanShard(inventory, plan, s.shard, db);
    per.push(r.elapsedMs);
    matches += r.artefacts.reduce((sum, x) => sum + x.matches.length, 0);
    results.push(r);
  }
  const totalMs = performance.now() - t;
  per.sort((a, b) => a - b);
  if (round === 0) continue;
  rows.push({
    n,
    shards: shards.length,
    planMs,
    totalMs,
    min: per[0],
    median: per[Math.floor(per.length / 2)],
    max: per.at(-1),
    matches,
    perArtefact: totalMs / n,
  });
  last = { inventory, plan, results };
}

console.log(`\nrescan (one process; each shard is one matrix job on GitHub, or one worker process locally):`);
console.log('artefacts  packages     shards  plan      shard min/median/max        total      per artefact  matches');
for (const r of rows)
  console.log(
    `${String(r.n).padStart(9)}  ${String(r.n * M).padStart(11)}  ${String(r.shards).padStart(6)}  ${ms(r.planMs).padStart(8)}  ${`${r.min}/${r.median}/${r.max} ms`.padStart(24)}  ${ms(r.totalMs).padStart(9)}  ${`${r.perArtefact.toFixed(2)} ms`.padStart(12)}  ${r.matches}`,
  );
const first = rows[0];
const end = rows.at(-1);
console.log(
  `growth: ${end.n / first.n}× the artefacts took ${(end.totalMs / first.totalMs).toFixed(2)}× the time (linear: ${end.n / first.n}×)`,
);

const state = mkdtempSync(path.join(os.tmpdir(), 'sf-bench-portfolio-'));
try {
  const policy = await loadPolicy(undefined, { now: new Date('2026-12-02T00:00:00Z') });
  t = performance.now();
  const report = await mergePortfolio(last.inventory, last.plan, last.results, {
    policy,
    now: new Date('2026-12-02T00:00:00Z'),
    logger: silentLogger,
    stateDir: state,
  });
  console.log(
    `merge at ${N} artefacts (${last.inventory.repositories.length} repositories, clocks written): ${ms(performance.now() - t)}; ${report.totals.affected} affected, ${report.totals.open} open remediations`,
  );
} finally {
  rmSync(state, { recursive: true, force: true });
}
console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB`);
