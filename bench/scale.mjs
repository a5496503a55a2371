#!/usr/bin/env node
/**
 * Scan scale (never part of the tests): the whole `scan` (discovery, package-lock parse, OSV match,
 * policy, CycloneDX + SPDX SBOMs and statements written) of npm lockfiles of 25k, 50k, 100k and 200k
 * packages against 50,000 OSV records, each size in its own process so its peak memory (max RSS) is
 * its own. Growth is reported as time and memory per package relative to the smallest size, measured
 * in the same run: ~1.0 all the way up is linear.
 *
 * The data is generated deterministically (no network here): OSV records with ECOSYSTEM ranges over
 * 10,000 package names, a lockfile naming those packages among others (about 1 in 8 with advisories).
 *   node scripts/node24.mjs bench/scale.mjs [--records N] [--sizes 25000,50000,100000,200000]
 * Needs `npx tsc -b tsconfig.build.json` first (it imports packages/materials/dist).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const dist = path.join(root, 'packages', 'materials', 'dist', 'index.js');
const coreDist = path.join(root, 'packages', 'core', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('bench/scale.mjs: build first: npx tsc -b tsconfig.build.json');
  process.exit(2);
}

// --child SIZE DIR DB: one measured scan, printed as JSON.
if (process.argv[2] === '--child') {
  const [, , , size, dir, db] = process.argv;
  const { openOfflineDatabase, scan } = await import(dist);
  const { defaultPolicy, silentLogger } = await import(coreDist);
  const t0 = performance.now();
  const vulnSource = await openOfflineDatabase(db, { logger: silentLogger });
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const result = await scan({
    path: dir,
    policy: defaultPolicy(),
    evidenceDir: path.join(dir, '.secure-factory', 'evidence'),
    vulnSource,
    logger: silentLogger,
    now: new Date(),
  });
  const t2 = performance.now();
  const c2 = process.cpuUsage(c1);
  process.stdout.write(
    JSON.stringify({
      size: Number(size),
      packages: result.packages.length,
      vulnerabilities: result.vulnerabilities.length,
      dbMs: t1 - t0,
      scanMs: t2 - t1,
      // CPU time (user + system) of the scan: unlike wall time, not inflated by other work on the machine.
      cpuMs: (c2.user + c2.system) / 1000,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

const RECORDS = Number(arg('records', '50000'));
const SIZES = arg('sizes', '25000,50000,100000,200000').split(',').map(Number);
const ADVISORY_PACKAGES = 10_000;

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
const version = () => `${int(6)}.${int(20)}.${int(30)}`;
const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
];

const out = path.join(root, 'bench', 'out', 'scale');
const db = path.join(out, `osv-${RECORDS}`);
if (!existsSync(path.join(db, 'done'))) {
  rmSync(db, { recursive: true, force: true });
  mkdirSync(db, { recursive: true });
  // One JSON file of records per 1,000 (the offline database reads lists of records as well as single ones).
  for (let f = 0; f < RECORDS / 1000; f++) {
    const records = [];
    for (let i = f * 1000; i < Math.min(RECORDS, (f + 1) * 1000); i++) {
      const fixed = version();
      records.push({
        schema_version: '1.6.0',
        id: `GHSA-bench-${String(i).padStart(6, '0')}`,
        modified: '2026-11-20T00:00:00Z',
        aliases: [`CVE-2099-${100000 + i}`],
        summary: `synthetic advisory ${i}`,
        severity: [{ type: 'CVSS_V3', score: VECTORS[i % VECTORS.length] }],
        affected: [
          {
            package: { ecosystem: 'npm', name: `pkg-${int(ADVISORY_PACKAGES)}` },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }],
          },
        ],
      });
    }
    writeFileSync(path.join(db, `records-${f}.json`), JSON.stringify(records));
  }
  writeFileSync(path.join(db, 'done'), '');
}

const rows = [];
for (const size of SIZES) {
  const dir = path.join(out, `tree-${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packages = { '': { name: 'app', version: '1.0.0', dependencies: {} } };
  for (let i = 0; i < size; i++) {
    // About one package in eight has advisories; the rest are unique names.
    const name = i % 8 === 0 ? `pkg-${i % ADVISORY_PACKAGES}` : `dep-${i}`;
    const at = i % 8 === 0 ? `node_modules/holder-${i}/node_modules/${name}` : `node_modules/${name}`;
    packages[at] = {
      version: version(),
      resolved: `https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz`,
      integrity: `sha512-${Buffer.from(String(i)).toString('base64')}`,
      license: 'MIT',
    };
    if (i < 200) packages[''].dependencies[name] = '*';
  }
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages }, null, 2),
  );
  const t = performance.now();
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(size), dir, db], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  rows.push({ ...JSON.parse(r.stdout), wallMs: performance.now() - t });
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

const first = rows[0];
console.log(`scan of an npm package-lock.json against ${RECORDS} OSV records (each size in its own process)`);
console.log('packages  vulns   db load  scan wall (s)  scan CPU (s)  peak RSS (MiB)  CPU/pkg vs smallest  RSS/pkg vs smallest');
for (const r of rows) {
  const tRatio = r.cpuMs / r.size / (first.cpuMs / first.size);
  const mRatio = r.maxRssMiB / r.size / (first.maxRssMiB / first.size);
  console.log(
    `${String(r.packages).padStart(8)}  ${String(r.vulnerabilities).padStart(6)}  ${(r.dbMs / 1000).toFixed(2).padStart(6)}s  ${(r.scanMs / 1000).toFixed(2).padStart(13)}  ${(r.cpuMs / 1000).toFixed(2).padStart(12)}  ${r.maxRssMiB.toFixed(0).padStart(14)}  ${tRatio.toFixed(2).padStart(19)}  ${mRatio.toFixed(2).padStart(19)}`,
  );
}
