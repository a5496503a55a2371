#!/usr/bin/env node
/**
 * The actions' bundle: total size of `dist/actions/` (one shared bundle for the five actions) and each
 * action's start-up, from spawning `node <runs.main>` to its first output (run with no inputs, every
 * action's first output is its `::error` about the missing input), against bare `node -e ''`.
 * With `--before DIR` (a folder holding `<action>/dist/index.js`, one bundle per action as before the
 * shared bundle) it measures those too and prints the ratios. A same-sources baseline, in a clean clone
 * after `npm run build`: `git show f82aae6:scripts/bundle-actions.mjs > scripts/old-bundle-actions.mjs
 * && node scripts/old-bundle-actions.mjs` writes the old per-action bundles into actions/<name>/dist.
 *   npm run bench -- actions            (needs `npm run build`)
 *   node scripts/node24.mjs bench/actions.mjs --before actions
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACTIONS = ['checkout-verify', 'scan-deps', 'hermetic-build', 'attest', 'gate-deploy'];
const RUNS = 7;
const beforeAt = process.argv.indexOf('--before');
const before = beforeAt > 0 ? path.resolve(process.argv[beforeAt + 1] ?? '') : undefined;

const shared = path.join(root, 'dist', 'actions');
if (!existsSync(path.join(shared, 'index.js'))) {
  console.error('error: dist/actions/index.js is missing: run `npm run build` first');
  process.exit(2);
}

function bytes(p) {
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((n, f) => n + bytes(path.join(p, f)), 0) : s.size;
}
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

// The runner's environment, minus anything that would make an action do real work.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(k)));
const cwd = mkdtempSync(path.join(tmpdir(), 'sf-bench-actions-'));

/** Milliseconds from spawn to the first byte on stdout or stderr (or to exit when there is none). */
function firstOutput(args) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let t;
    const mark = () => (t ??= process.hrtime.bigint());
    child.stdout.on('data', mark);
    child.stderr.on('data', mark);
    child.on('close', () => resolve(Number((t ?? process.hrtime.bigint()) - t0) / 1e6));
  });
}
/** Median and minimum over RUNS; the minimum is the start-up cost itself, the median what a busy machine adds. */
async function measure(args) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(await firstOutput(args));
  xs.sort((a, b) => a - b);
  return { median: xs[Math.floor(xs.length / 2)], min: xs[0] };
}
const s = (ms) => `${(ms / 1000).toFixed(3)} s`;
/**
 * CPU seconds (user + sys) of a whole run, median over RUNS: with no inputs an action exits right after
 * its first output, and unlike wall time this hardly moves when other jobs load the machine.
 */
function cpu(args) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { cwd, env, encoding: 'utf8' });
    const [u = 0, sy = 0] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    xs.push((u + sy) * 1000);
  }
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

const bare = await measure(['-e', '']);
const bareCpu = cpu(['-e', '']);
console.log(
  `node ${process.version}, ${RUNS} runs each; bare \`node -e ''\`: median ${bare.median.toFixed(0)} ms, min ${bare.min.toFixed(0)} ms`,
);
const sharedSize = bytes(shared);
console.log(`dist/actions (one bundle for ${ACTIONS.length} actions): ${mb(sharedSize)}`);
if (before) {
  const beforeSize = ACTIONS.reduce((n, a) => n + bytes(path.join(before, a, 'dist')), 0);
  console.log(
    `before (${before}/*/dist, one bundle per action): ${mb(beforeSize)}; size ratio now/before ${(sharedSize / beforeSize).toFixed(2)}`,
  );
}
console.log('start-up to the first output, over bare node: wall median (min); CPU of the run over bare node');
let worst = 0;
for (const a of ACTIONS) {
  const now = await measure([path.join(shared, `${a}.js`)]);
  worst = Math.max(worst, now.median - bare.median);
  const nowCpu = cpu([path.join(shared, `${a}.js`)]) - bareCpu;
  let line = `${a.padEnd(16)} ${s(now.median - bare.median)} (${s(now.min - bare.min)}), CPU ${s(nowCpu)}`;
  if (before) {
    const then = await measure([path.join(before, a, 'dist', 'index.js')]);
    const thenCpu = cpu([path.join(before, a, 'dist', 'index.js')]) - bareCpu;
    line += `; before ${s(then.median - bare.median)} (${s(then.min - bare.min)}), CPU ${s(thenCpu)}; CPU ratio ${(nowCpu / thenCpu).toFixed(2)}`;
  }
  console.log(line);
}
console.log(`slowest action (median): ${s(worst)} over bare node; budget 0.300 s`);
