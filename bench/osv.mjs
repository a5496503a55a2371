#!/usr/bin/env node
/**
 * OSV matching at npm scale (never part of the tests). There is no network here, so the database is
 * generated deterministically with the shape of osv.dev's npm all.zip: 200,000 records, about 10 %
 * GHSA advisories with ECOSYSTEM ranges, CVSS vectors and CVE aliases over 8,000 packages (several
 * per package), the rest MAL- records listing the versions of one malicious package each.
 * A 20,000-package lockfile (a quarter of it names packages with advisories) is matched against it.
 *
 * Baseline, measured in the same run: the unindexed way (evaluate every record for every package)
 * on a sample of packages, extrapolated; its verdicts must equal the indexed ones on that sample.
 *   node scripts/node24.mjs bench/osv.mjs [--records N] [--packages N]
 * Needs `npx tsc -b tsconfig.build.json` first (it imports packages/materials/dist).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RECORDS = arg('records', 200_000);
const PACKAGES = arg('packages', 20_000);
const ADVISORY_SHARE = 0.1;
const ADVISORY_PACKAGES = 8_000;
const BASELINE_SAMPLE = 100;

const osvPath = path.join(root, 'packages', 'materials', 'dist', 'osv', 'index.js');
if (!existsSync(osvPath)) {
  console.error('bench/osv.mjs: build first: npx tsc -b tsconfig.build.json');
  process.exit(2);
}
const { openOfflineDatabase, evaluate } = await import(osvPath);

// mulberry32: a small deterministic PRNG, so every run benchmarks the same data.
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
const rand = rng(20261125);
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];
const version = () => `${int(6)}.${int(20)}.${int(30)}`;
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
const ghsa = () => `GHSA-${['', '', ''].map(() => Array.from({ length: 4 }, () => '23456789cfghjmpqrvwx'[int(20)]).join('')).join('-')}`;

const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
];

function generate() {
  const advisoryNames = Array.from({ length: ADVISORY_PACKAGES }, (_, i) => (i % 5 === 0 ? `@scope-${i % 97}/lib-${i}` : `lib-${i}`));
  const entries = {};
  const advisories = Math.round(RECORDS * ADVISORY_SHARE);
  for (let i = 0; i < RECORDS; i++) {
    const modified = new Date(Date.UTC(2020, 0, 1) + int(6 * 365) * 86_400_000).toISOString();
    let record;
    if (i < advisories) {
      const name = advisoryNames[i % ADVISORY_PACKAGES];
      const id = ghsa();
      const vector = pick(VECTORS);
      const events = [{ introduced: rand() < 0.5 ? '0' : `${int(3)}.${int(10)}.0` }, { fixed: `${3 + int(3)}.${int(20)}.${int(30)}` }];
      if (rand() < 0.3) events.push({ introduced: '6.0.0' }, { fixed: `6.${1 + int(5)}.0` });
      record = {
        schema_version: '1.6.0',
        id,
        modified,
        published: modified,
        aliases: [`CVE-${2015 + int(11)}-${10000 + i}`],
        summary: `Synthetic advisory ${i} in ${name}`,
        severity: [{ type: vector.startsWith('CVSS:4') ? 'CVSS_V4' : 'CVSS_V3', score: vector }],
        affected: [
          { package: { ecosystem: 'npm', name }, ranges: [{ type: 'ECOSYSTEM', events: rand() < 0.2 ? events.reverse() : events }] },
        ],
        database_specific: { severity: pick(['CRITICAL', 'HIGH', 'MODERATE', 'LOW']) },
        references: [{ type: 'ADVISORY', url: `https://github.com/advisories/${id}` }],
      };
    } else {
      const name = `malicious-${i}-${hex(6)}`;
      record = {
        schema_version: '1.6.0',
        id: `MAL-2025-${i}`,
        modified,
        summary: `Malicious code in ${name} (npm)`,
        affected: [{ package: { ecosystem: 'npm', name }, versions: Array.from({ length: 1 + int(3) }, version) }],
        database_specific: { 'malicious-packages-origins': [{ source: 'ghsa-malware', sha256: hex(64) }] },
      };
    }
    entries[`${record.id}.json`] = JSON.stringify(record);
  }
  const packages = [];
  for (let i = 0; i < PACKAGES; i++) {
    const name = i % 4 === 0 ? pick(advisoryNames) : `dep-${i}`;
    packages.push({ ecosystem: 'npm', name, version: version() });
  }
  return { entries, packages };
}

const outDir = path.join(root, 'bench', 'out', 'osv');
mkdirSync(outDir, { recursive: true });
const zip = path.join(outDir, `npm-all-${RECORDS}.zip`);
const lock = path.join(outDir, `packages-${PACKAGES}.json`);
let t = performance.now();
const { entries, packages } = generate();
writeFileSync(lock, JSON.stringify(packages));
if (!existsSync(zip)) {
  const script =
    'import json,sys,zipfile\nentries=json.load(sys.stdin)\nwith zipfile.ZipFile(sys.argv[1],"w",zipfile.ZIP_DEFLATED) as z:\n    for n,t in entries.items(): z.writestr(n,t)';
  const r = spawnSync('python3', ['-c', script, zip], { input: JSON.stringify(entries), maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python3 zipfile failed: ${r.stderr}`);
}
console.log(
  `generated ${RECORDS} records (${(statSync(zip).size / 1e6).toFixed(1)} MB zip) and ${PACKAGES} packages in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// CPU time is reported beside wall time: on a shared 2-core machine the wall clock also measures the neighbours.
const cpu = (start) => {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
};
t = performance.now();
let c = process.cpuUsage();
const db = await openOfflineDatabase(zip);
const openSeconds = (performance.now() - t) / 1000;
console.log(
  `open + index all.zip: ${openSeconds.toFixed(2)} s wall, ${cpu(c).toFixed(2)} s CPU (${db.recordCount} records, ${db.skipped.length} skipped)`,
);

t = performance.now();
c = process.cpuUsage();
const matches = await db.match(packages);
const matchSeconds = (performance.now() - t) / 1000;
const matchCpu = cpu(c);
const perSecond = PACKAGES / matchSeconds;
console.log(
  `match ${PACKAGES} packages: ${matchSeconds.toFixed(3)} s wall, ${matchCpu.toFixed(3)} s CPU → ${Math.round(perSecond).toLocaleString('en')} packages/s ` +
    `(${Math.round(PACKAGES / matchCpu).toLocaleString('en')} per CPU-second), ${matches.length} findings`,
);

// Baseline: evaluate every record for each sampled package (no index).
const all = Object.values(entries).map((text) => JSON.parse(text));
const sample = packages.slice(0, BASELINE_SAMPLE);
t = performance.now();
const naive = new Set();
for (const p of sample) {
  for (const r of all) {
    if (!r.withdrawn && evaluate(r, p).affected) naive.add(`${r.id} ${p.name}@${p.version}`);
  }
}
const naivePerPackage = (performance.now() - t) / 1000 / sample.length;
const indexed = new Set();
const sampleMatches = await db.match(sample);
for (const m of sampleMatches) indexed.add(`${m.id} ${m.package.name}@${m.package.version}`);
const naiveIds = new Set([...naive].map((k) => k.split(' ')[0]));
const agree = sampleMatches.every((m) => naiveIds.has(m.id)) && sampleMatches.length === naive.size;
console.log(
  `baseline (no index, ${sample.length}-package sample): ${(naivePerPackage * 1000).toFixed(1)} ms/package → ~${Math.round(1 / naivePerPackage)} packages/s; ` +
    `indexed is ${Math.round(perSecond * naivePerPackage).toLocaleString('en')}× faster; verdicts on the sample ${agree ? 'agree' : 'DISAGREE'}`,
);
console.log(
  `total for a ${PACKAGES.toLocaleString('en')}-package scan (open + match): ${(openSeconds + matchSeconds).toFixed(2)} s wall; load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).availableParallelism()} cores`,
);
if (!agree) process.exit(1);
