#!/usr/bin/env node
/**
 * Benchmarks of the hermetic build (not part of the test run; ratios against a baseline measured in
 * the same run, one run each after a warm-up):
 *
 *  1. isolation overhead: a real small TypeScript project compiled with `tsc`, plain and through
 *     `secure-factory build` (bubblewrap, integrity watch over the whole source including
 *     node_modules/typescript, subject hashing, provenance) — ratio of wall times;
 *  2. hashing a 1 GiB output set (16 × 64 MiB) with the build's subject collection vs
 *     `openssl dgst -sha256` over the same files — ratio of wall times, digests compared.
 *
 *   node_modules/.bin/node bench/build.mjs          (needs `npm run build` first; Node 24)
 *   BENCH_HASH_MIB=256 node_modules/.bin/node bench/build.mjs   (smaller hash set)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages/cli/bin/secure-factory.js');
const node = process.execPath;

function time(fn) {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}\n${r.stdout}`);
  return r;
}

// ---- 1. isolation overhead on a real tsc build ----
const MODULES = Number(process.env.BENCH_MODULES ?? 40);
function makeProject() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-bench-project-'));
  mkdirSync(path.join(dir, 'src'));
  // 40 modules with classes, generics and cross-imports: a small but real compile (a few seconds).
  for (let i = 0; i < MODULES; i++) {
    const imports = i > 0 ? `import { Service${i - 1} } from './m${i - 1}.js';\n` : '';
    const body = Array.from(
      { length: 25 },
      (_, j) =>
        `  method${j}<T extends { id: number }>(items: readonly T[]): Map<number, T> { return new Map(items.map((x) => [x.id + ${j}, x])); }`,
    ).join('\n');
    writeFileSync(
      path.join(dir, 'src', `m${i}.ts`),
      `${imports}export interface Config${i} { name: string; retries: number; tags: string[] }\nexport class Service${i} {\n  constructor(readonly config: Config${i}) {}\n${body}\n${i > 0 ? `  prev(): Service${i - 1} { return new Service${i - 1}({ name: 'p', retries: 1, tags: [] }); }\n` : ''}}\n`,
    );
  }
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        declaration: true,
        skipLibCheck: false,
        types: [],
        rootDir: 'src',
      },
      include: ['src'],
    }),
  );
  const tsPkg = JSON.parse(
    execFileSync(node, ['-p', 'JSON.stringify(require("./node_modules/typescript/package.json"))'], { cwd: root, encoding: 'utf8' }),
  );
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'bench-project', version: '1.0.0', devDependencies: { typescript: tsPkg.version } }),
  );
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    JSON.stringify({
      name: 'bench-project',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'bench-project', version: '1.0.0', devDependencies: { typescript: tsPkg.version } },
        'node_modules/typescript': { version: tsPkg.version, dev: true },
      },
    }),
  );
  // node_modules as `npm ci` leaves it (a real copy, not a link): the integrity watch digests it too.
  cpSync(path.join(root, 'node_modules/typescript'), path.join(dir, 'node_modules/typescript'), { recursive: true });
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\n');
  const git = (...a) => run('git', ['-C', dir, ...a]);
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', 'add', '.');
  git('-c', 'user.email=b@example.com', '-c', 'user.name=bench', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'bench');
  return dir;
}

const project = makeProject();
const tsc = ['node_modules/typescript/bin/tsc', '-p', '.'];
const plainOut = mkdtempSync(path.join(tmpdir(), 'sf-bench-plain-'));
run(node, [...tsc, '--outDir', plainOut], { cwd: project }); // warm-up (disk cache, V8 code cache)
rmSync(plainOut, { recursive: true, force: true });
// CPU seconds of the whole process tree (bash's `times`, children line) beside wall time: on a shared
// machine wall time swings with the load, CPU time much less.
const seconds = (line) =>
  line.split(/\s+/).reduce((n, t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? n + Number(m[1]) * 60 + Number(m[2]) : n;
  }, 0);
const timesLines = (stderr) => stderr.split('\n').filter((l) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(l.trim()));
function cpuOf(stderr) {
  return seconds(timesLines(stderr).pop() ?? '');
}
const timed = (cmd, args, opts) => run('bash', ['-c', '"$@"; rc=$?; times >&2; exit $rc', 'bash', cmd, ...args], opts);
let plainCpu = 0;
const plain = time(() => {
  plainCpu = cpuOf(timed(node, [...tsc, '--outDir', plainOut], { cwd: project }).stderr);
});
const sandboxOut = mkdtempSync(path.join(tmpdir(), 'sf-bench-sandbox-'));
const evidence = mkdtempSync(path.join(tmpdir(), 'sf-bench-evidence-'));
const env = { ...process.env, PATH: `${path.dirname(node)}:${process.env.PATH}` };
let json;
let isolatedCpu = 0;
const isolated = time(() => {
  const r = timed(
    node,
    [
      cli,
      'build',
      '--source',
      project,
      '--outputs',
      '**/*.js',
      '--outputs',
      '**/*.d.ts',
      '--output-dir',
      sandboxOut,
      '--evidence',
      evidence,
      '--json',
      '--',
      // The sandboxed tree's CPU is not reaped into the CLI's rusage (bwrap's pid namespace), so the
      // build reports its own with `times`, printed before the outer one.
      'bash',
      '-c',
      '"$@"; rc=$?; times >&2; exit $rc',
      'bash',
      'node',
      ...tsc,
      '--outDir',
      '/out',
    ],
    { env },
  );
  json = JSON.parse(r.stdout);
  const lines = timesLines(r.stderr);
  // [inner shell, inner children, outer shell, outer children]
  isolatedCpu = seconds(lines.at(-1) ?? '') + seconds(lines.at(-3) ?? '');
});
const overhead = {
  bench: 'isolation-overhead',
  build: `tsc of ${MODULES} modules (${json.subjects.length} outputs), node_modules/typescript in the watched source`,
  plainSeconds: +plain.toFixed(3),
  isolatedSeconds: +isolated.toFixed(3),
  ratio: +(isolated / plain).toFixed(3),
  overheadPercent: +(((isolated - plain) / plain) * 100).toFixed(1),
  plainCpuSeconds: +plainCpu.toFixed(2),
  isolatedCpuSeconds: +isolatedCpu.toFixed(2),
  cpuRatio: +(isolatedCpu / plainCpu).toFixed(3),
  isolation: json.isolation.tool,
  phasesMs: json.timings,
};
console.log(JSON.stringify(overhead));
rmSync(project, { recursive: true, force: true });

rmSync(sandboxOut, { recursive: true, force: true });
rmSync(plainOut, { recursive: true, force: true });
rmSync(evidence, { recursive: true, force: true });

// ---- 2. hashing a 1 GiB output set: bench/hash.mjs ----
if (process.env.BENCH_ONLY !== 'overhead') await import('./hash.mjs');
