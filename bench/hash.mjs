#!/usr/bin/env node
/**
 * Hashing a 1 GiB output set (16 × 64 MiB random files) with the build's subject collection
 * (`collectOutputs`: listing, glob matching, SHA-256 on a pool of worker threads) vs
 * `openssl dgst -sha256` over the same files (one process, one core) — wall-time ratio and MiB/s, plus
 * CPU seconds (wall time is noisy on a shared machine), and the digests compared.
 *
 *   node_modules/.bin/node bench/hash.mjs      (BENCH_HASH_MIB=256, BENCH_HASH_FILES=1 to vary)
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { collectOutputs } = await import(path.join(root, 'packages/build/dist/index.js'));

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

// ---- 2. hashing a 1 GiB output set ----
const mib = Number(process.env.BENCH_HASH_MIB ?? 1024);
const files = Number(process.env.BENCH_HASH_FILES ?? 16);
const per = Math.floor(mib / files) << 20;
const set = mkdtempSync(path.join(tmpdir(), 'sf-bench-hash-'));
const chunk = Buffer.alloc(1 << 20);
const names = [];
for (let i = 0; i < files; i++) {
  const f = path.join(set, `part-${String(i).padStart(2, '0')}.bin`);
  const fd = openSync(f, 'w');
  for (let w = 0; w < per; w += chunk.length) writeSync(fd, randomFillSync(chunk));
  closeSync(fd);
  names.push(f);
}
run('openssl', ['dgst', '-sha256', ...names]); // warm the page cache for both contenders
let opensslOut = '';
let opensslCpu = 0;
const openssl = time(() => {
  // /usr/bin/time-free CPU accounting: GNU time may be absent; bash's `times` reports the child's user+sys.
  const r = run('bash', ['-c', 'openssl dgst -sha256 -r "$@"; times >&2', 'bash', ...names]);
  opensslOut = r.stdout;
  const child = r.stderr.trim().split('\n').pop() ?? '';
  opensslCpu = child.split(/\s+/).reduce((n, t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? n + Number(m[1]) * 60 + Number(m[2]) : n;
  }, 0);
});
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const subjects = await collectOutputs(set, ['**']);
const ours = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const oursCpu = (cpu.user + cpu.system) / 1e6;
const expected = new Map(
  opensslOut
    .trim()
    .split('\n')
    .map((l) => [path.basename(l.slice(66).replace(/^\*/, '')), l.slice(0, 64)]),
);
const agree = subjects.every((s) => expected.get(s.name) === s.sha256) && subjects.length === files;
console.log(
  JSON.stringify({
    bench: 'hash-output-set',
    bytes: files * per,
    files,
    cpus: cpus().length,
    opensslSeconds: +openssl.toFixed(3),
    oursSeconds: +ours.toFixed(3),
    ratio: +(ours / openssl).toFixed(3),
    opensslMiBps: Math.round((files * per) / (1 << 20) / openssl),
    oursMiBps: Math.round((files * per) / (1 << 20) / ours),
    opensslCpuSeconds: +opensslCpu.toFixed(3),
    oursCpuSeconds: +oursCpu.toFixed(3),
    digestsAgree: agree,
  }),
);
rmSync(set, { recursive: true, force: true });
if (!agree) process.exit(1);
