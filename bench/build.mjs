#!/usr/bin/env node
/**
 * Benchmarks of the hermetic build (not part of the test run; ratios against a baseline measured in
 * the same run):
 *
 *  1. isolation overhead on a project with a large node_modules — this repository itself, cloned at
 *     HEAD with its node_modules copied in: `tsc -b tsconfig.build.json` plain, and through
 *     `secure-factory build` (overlay workspace of the checkout, bubblewrap, integrity check of every
 *     tracked file after the build, output linking and hashing, toolchain versions, provenance).
 *     Two alternating runs each; the ratio of the medians of wall times (and of CPU seconds);
 *  2. hashing a 1 GiB output set: bench/hash.mjs;
 *  3. (BENCH_ONLY=self) the factory builds itself unchanged in the sandbox: `npm ci` through the
 *     egress proxy (registry.npmjs.org, needs the network), `npm run build` (tsc and the action
 *     bundles) offline; the rebuilt dist/actions must equal the committed bundles, which the
 *     integrity check proves (a rewritten tracked file with other bytes is a finding).
 *
 *   node_modules/.bin/node bench/build.mjs                     (needs `npm run build` first; Node 24)
 *   BENCH_ONLY=overhead node_modules/.bin/node bench/build.mjs
 *   BENCH_ONLY=self node_modules/.bin/node bench/build.mjs
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages/cli/bin/secure-factory.js');
const node = process.execPath;
const only = process.env.BENCH_ONLY;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r;
}

// CPU seconds of the whole process tree (bash's `times`, children line) beside wall time.
const seconds = (line) =>
  line.split(/\s+/).reduce((n, t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? n + Number(m[1]) * 60 + Number(m[2]) : n;
  }, 0);
const timesLines = (stderr) => stderr.split('\n').filter((l) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(l.trim()));
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)];

/** A clone of this repository at HEAD with the host's node_modules copied in (as `npm ci` would leave it). */
function cloneSelf() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-bench-self-'));
  run('git', ['clone', '-q', '--no-hardlinks', root, dir]);
  run('cp', ['-a', '--reflink=auto', path.join(root, 'node_modules'), path.join(dir, 'node_modules')]);
  return dir;
}

// ---- 1. isolation overhead: this repository's tsc build, plain and in the sandbox ----
if (!only || only === 'overhead') {
  const project = cloneSelf();
  const env = { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH}` };
  const tsc = ['node', 'node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json'];
  // Each build starts from no output: tsc -b would otherwise find everything up to date.
  const clean = () => run('sh', ['-c', 'rm -rf packages/*/dist packages/*/tsconfig.tsbuildinfo actions/*/lib'], { cwd: project });
  const wrap = ['bash', '-c', '"$@"; rc=$?; times >&2; exit $rc', 'bash'];
  const evidence = mkdtempSync(path.join(tmpdir(), 'sf-bench-evidence-'));
  // One build against one build: the repository's own policy asks for the reproducibility rebuild.
  const policy = path.join(evidence, 'policy.yml');
  writeFileSync(policy, 'apiVersion: secure-factory/v1\nbuild: { reproducible: false }\n');
  const plainOnce = () => {
    clean();
    const t = performance.now();
    const r = run(wrap[0], [...wrap.slice(1), ...tsc], { cwd: project, env });
    return { wall: (performance.now() - t) / 1000, cpu: seconds(timesLines(r.stderr).pop() ?? '') };
  };
  let json;
  const isolatedOnce = () => {
    clean();
    const outDir = mkdtempSync(path.join(tmpdir(), 'sf-bench-out-'));
    const t = performance.now();
    const r = run(
      wrap[0],
      [
        ...wrap.slice(1),
        node,
        cli,
        'build',
        '--source',
        project,
        '--outputs',
        'packages/*/dist/**',
        '--output-dir',
        outDir,
        '--evidence',
        evidence,
        '--policy',
        policy,
        '--json',
        '--',
        ...wrap,
        ...tsc,
      ],
      { env },
    );
    const wall = (performance.now() - t) / 1000;
    json = JSON.parse(r.stdout);
    if (json.findings.some((f) => f.blocking)) throw new Error(`the sandboxed build failed: ${JSON.stringify(json.findings)}`);
    const lines = timesLines(r.stderr);
    rmSync(outDir, { recursive: true, force: true });
    // [inner shell, inner children (the sandboxed tsc), outer shell, outer children (the CLI)]
    return { wall, cpu: seconds(lines.at(-1) ?? '') + seconds(lines.at(-3) ?? '') };
  };
  plainOnce(); // warm-up: disk cache, V8 code cache
  const plain = [];
  const isolated = [];
  for (let i = 0; i < 2; i++) {
    plain.push(plainOnce());
    isolated.push(isolatedOnce());
  }
  const pw = median(plain.map((x) => x.wall));
  const iw = median(isolated.map((x) => x.wall));
  const pc = median(plain.map((x) => x.cpu));
  const ic = median(isolated.map((x) => x.cpu));
  console.log(
    JSON.stringify({
      bench: 'isolation-overhead',
      build: `tsc -b of this repository (${json.subjects.length} outputs), node_modules in the checkout`,
      plainSeconds: plain.map((x) => +x.wall.toFixed(3)),
      isolatedSeconds: isolated.map((x) => +x.wall.toFixed(3)),
      ratio: +(iw / pw).toFixed(3),
      overheadPercent: +(((iw - pw) / pw) * 100).toFixed(1),
      plainCpuSeconds: +pc.toFixed(2),
      isolatedCpuSeconds: +ic.toFixed(2),
      cpuRatio: +(ic / pc).toFixed(3),
      isolation: `${json.isolation.tool} ${json.isolation.version}, ${json.isolation.workspace} workspace`,
      trackedFilesChecked: json.integrity.tracked,
      phasesMs: json.timings,
    }),
  );
  rmSync(project, { recursive: true, force: true });
  rmSync(evidence, { recursive: true, force: true });
}

// ---- 3. the factory builds itself, unchanged, in the sandbox ----
if (only === 'self') {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-bench-selfbuild-'));
  run('git', ['clone', '-q', '--no-hardlinks', root, dir]);
  const evidence = mkdtempSync(path.join(tmpdir(), 'sf-bench-evidence-'));
  const outDir = mkdtempSync(path.join(tmpdir(), 'sf-bench-out-'));
  // One build (the repository's policy also asks for the reproducibility rebuild, which doubles the time).
  const policy = path.join(evidence, 'policy.yml');
  writeFileSync(policy, 'apiVersion: secure-factory/v1\nbuild: { network: fetch-only, reproducible: false, timeout: 40m }\n');
  const t = performance.now();
  const r = run(
    node,
    [
      cli,
      'build',
      '--source',
      dir,
      '--network',
      'fetch-only',
      '--fetch',
      'npm ci',
      '--outputs',
      'dist/actions/**',
      '--output-dir',
      outDir,
      '--evidence',
      evidence,
      '--policy',
      policy,
      '--json',
      '--',
      'sh',
      '-c',
      'npm run build',
    ],
    { env: process.env, allowFail: true, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const json = JSON.parse(r.stdout);
  console.log(
    JSON.stringify({
      bench: 'self-build',
      exitCode: r.status,
      seconds: +((performance.now() - t) / 1000).toFixed(1),
      subjects: json.subjects.length,
      // Bundles equal to the committed ones byte for byte <=> no tracked file changed by the build.
      bundlesEqualCommitted: json.integrity ? json.integrity.phases.every((p) => p.changed.length === 0 && p.removed.length === 0) : null,
      changed: json.integrity?.changed ?? null,
      egress: (json.egress ?? []).map((c) => `${c.host}:${c.port} ${c.allowed ? 'allowed' : 'REFUSED'} ${c.bytesIn}B`),
      failure: json.failure,
      findings: json.findings.map((f) => `${f.rule}: ${f.message.slice(0, 300)}`),
      timingsMs: json.timings,
    }),
  );
  rmSync(dir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  rmSync(evidence, { recursive: true, force: true });
}

// ---- 2. hashing a 1 GiB output set: bench/hash.mjs ----
if (!only || only === 'hash') await import('./hash.mjs');
