#!/usr/bin/env node
/**
 * The actions' bundle: total size of `dist/actions/` (one shared bundle for the five actions) and each
 * action's start-up, from spawning `node <runs.main>` to its first output (run with no inputs, every
 * action's first output is its `::error` about the missing input), against bare `node -e ''`.
 * With `--before DIR` (a folder holding `<action>/index.js` bundles, e.g. the five per-action bundles of
 * an older commit: `git archive <commit> actions | tar -x -C DIR`) it measures those too and prints the ratios.
 *   npm run bench -- actions            (needs `npm run build`)
 *   node scripts/node24.mjs bench/actions.mjs --before /tmp/old/actions
 */
import { spawn } from 'node:child_process';
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
async function median(args) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(await firstOutput(args));
  xs.sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)];
}

const bare = await median(['-e', '']);
console.log(`node ${process.version}, median of ${RUNS} runs; bare \`node -e ''\`: ${bare.toFixed(0)} ms`);
const sharedSize = bytes(shared);
console.log(`dist/actions (one bundle for ${ACTIONS.length} actions): ${mb(sharedSize)}`);
let beforeSize;
if (before) {
  beforeSize = ACTIONS.reduce((n, a) => n + bytes(path.join(before, a, 'dist')), 0);
  console.log(
    `before (${before}/*/dist, one bundle per action): ${mb(beforeSize)}; size ratio now/before ${(sharedSize / beforeSize).toFixed(2)}`,
  );
}
let worst = 0;
for (const a of ACTIONS) {
  const now = (await median([path.join(shared, `${a}.js`)])) - bare;
  worst = Math.max(worst, now);
  let line = `${a.padEnd(16)} start-up over bare node: ${(now / 1000).toFixed(3)} s`;
  if (before) {
    const then = (await median([path.join(before, a, 'dist', 'index.js')])) - bare;
    line += `; before ${(then / 1000).toFixed(3)} s (ratio ${(now / then).toFixed(2)})`;
  }
  console.log(line);
}
console.log(`slowest action start-up over bare node: ${(worst / 1000).toFixed(3)} s (budget 0.300 s)`);
