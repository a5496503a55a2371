#!/usr/bin/env node
/**
 * SBOM generation and lockfile scale (never part of the tests).
 *
 * 1. CycloneDX SBOM for ../shared/bench-inputs/npm-7k (package-lock v3, 7,162 entries) by
 *    secure-factory (its own process: parse + build + write, as `scan` does) against
 *    `npx @cyclonedx/cyclonedx-npm@6 --package-lock-only --ignore-npm-errors --output-format JSON`,
 *    measured in the same run; the ratio is printed and both must list the same components
 *    (name@version sets; cyclonedx-npm nests components, they are flattened first).
 * 2. Parse + match of a 20,000-package lockfile synthesised from the 7k one (real names, extra
 *    versions at nested paths) against the largest npm all.zip in bench/out/osv (made by bench/osv.mjs),
 *    then the whole `scan` (policy, SBOMs, statements).
 *   node scripts/node24.mjs bench/sbom.mjs [--runs N] [--skip-baseline]
 * Needs `npx tsc -b tsconfig.build.json` first (it imports packages/materials/dist).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const input = path.resolve(root, '..', 'shared', 'bench-inputs', 'npm-7k');
const dist = path.join(root, 'packages', 'materials', 'dist', 'index.js');
const coreDist = path.join(root, 'packages', 'core', 'dist', 'index.js');
if (!existsSync(dist)) {
  console.error('bench/sbom.mjs: build first: npx tsc -b tsconfig.build.json');
  process.exit(2);
}
if (!existsSync(path.join(input, 'package-lock.json'))) {
  console.error(`bench/sbom.mjs: ${input} is missing (../shared/bench-inputs)`);
  process.exit(2);
}
const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1] ?? 3) || 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const work = mkdtempSync(path.join(tmpdir(), 'sf-bench-sbom-'));

// ---- 1. SBOM generation, secure-factory vs cyclonedx-npm ----
const oursScript = `
  const { readLockfile, buildCycloneDx } = await import(${JSON.stringify(dist)});
  const { writeFileSync } = await import('node:fs');
  const pkgs = readLockfile(process.argv[1], { root: process.argv[2] });
  const bom = buildCycloneDx(pkgs, { name: 'npm-7k', now: new Date() });
  writeFileSync(process.argv[3], JSON.stringify(bom));
`;
const oursOut = path.join(work, 'ours.cdx.json');
const oursTimes = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', oursScript, path.join(input, 'package-lock.json'), input, oursOut], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`secure-factory SBOM failed: ${r.stderr}`);
  oursTimes.push(performance.now() - t);
}
console.log(
  `secure-factory CycloneDX (process: parse + build + write): median ${secs(median(oursTimes))} over ${RUNS} runs [${oursTimes.map(secs).join(', ')}]`,
);

const key = (c) => `${c.group ? `${c.group}/` : ''}${c.name}@${c.version ?? ''}`;
const flatten = (components, out = []) => {
  for (const c of components ?? []) {
    out.push(c);
    flatten(c.components, out);
  }
  return out;
};
const ours = JSON.parse(readFileSync(oursOut, 'utf8'));
const oursSet = new Set(flatten(ours.components).map(key));

if (!argv.includes('--skip-baseline')) {
  const project = path.join(work, 'npm-7k');
  cpSync(input, project, { recursive: true });
  const theirsOut = path.join(work, 'theirs.cdx.json');
  const theirTimes = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(
      'npx',
      [
        '-y',
        '@cyclonedx/cyclonedx-npm@6',
        '--package-lock-only',
        '--ignore-npm-errors',
        '--output-format',
        'JSON',
        '--output-file',
        theirsOut,
      ],
      { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    if (r.status !== 0 || !existsSync(theirsOut)) throw new Error(`cyclonedx-npm failed (${r.status}): ${r.stderr.slice(-2000)}`);
    theirTimes.push(performance.now() - t);
  }
  console.log(
    `cyclonedx-npm@6 --package-lock-only: median ${secs(median(theirTimes))} over ${RUNS} runs [${theirTimes.map(secs).join(', ')}]`,
  );
  console.log(`ratio (cyclonedx-npm / secure-factory): ${(median(theirTimes) / median(oursTimes)).toFixed(1)}x`);
  const theirs = JSON.parse(readFileSync(theirsOut, 'utf8'));
  const theirList = flatten(theirs.components);
  const theirSet = new Set(theirList.map(key));
  const onlyOurs = [...oursSet].filter((k) => !theirSet.has(k));
  const onlyTheirs = [...theirSet].filter((k) => !oursSet.has(k));
  console.log(
    `components: secure-factory ${ours.components.length} (${oursSet.size} name@version), cyclonedx-npm ${theirList.length} nested (${theirSet.size} name@version)`,
  );
  console.log(`same name@version sets: ${onlyOurs.length === 0 && onlyTheirs.length === 0 ? 'yes' : 'NO'}`);
  if (onlyOurs.length) console.log(`  only secure-factory (${onlyOurs.length}): ${onlyOurs.slice(0, 10).join(', ')}`);
  if (onlyTheirs.length) console.log(`  only cyclonedx-npm (${onlyTheirs.length}): ${onlyTheirs.slice(0, 10).join(', ')}`);
  if (onlyOurs.length || onlyTheirs.length) process.exitCode = 1;
}

// ---- 2. A 20,000-package lockfile: parse, match, scan ----
const lock = JSON.parse(readFileSync(path.join(input, 'package-lock.json'), 'utf8'));
// One entry per distinct name@version of the real tree, so the 20,000 entries are 20,000 distinct packages.
const seenNv = new Set();
const entries = Object.entries(lock.packages).filter(([k, v]) => {
  const nv = `${k.slice(k.lastIndexOf('node_modules/') + 13)}@${v.version}`;
  if (!k.startsWith('node_modules/') || v.link || seenNv.has(nv)) return false;
  seenNv.add(nv);
  return true;
});
const big = { name: 'bench-20k', lockfileVersion: 3, requires: true, packages: { '': lock.packages[''] } };
let n = 0;
for (let copy = 0; n < 20_000; copy++) {
  for (const [k, v] of entries) {
    if (n >= 20_000) break;
    // Copy 0 is the real tree; later copies install the same names at nested paths with other patch versions.
    const nk = copy === 0 ? k : `node_modules/bench-host-${copy}/${k}`;
    const version =
      copy === 0
        ? v.version
        : String(v.version ?? '0.0.0').replace(/^(\d+)\.(\d+)\.(\d+).*$/, (_m, a, b, c) => `${a}.${b}.${Number(c) + 1000 * copy}`);
    big.packages[nk] = { ...v, version };
    n++;
  }
}
const bigDir = path.join(work, 'big');
mkdirSync(bigDir);
writeFileSync(path.join(bigDir, 'package-lock.json'), JSON.stringify(big, null, 2));
const { readLockfile, openOfflineDatabase, scan } = await import(dist);
const { defaultPolicy, silentLogger } = await import(coreDist);
let t = performance.now();
const pkgs = readLockfile(path.join(bigDir, 'package-lock.json'));
const parseMs = performance.now() - t;
const distinct = new Map(pkgs.map((p) => [`${p.name}@${p.version}`, { ecosystem: p.ecosystem, name: p.name, version: p.version }]));
console.log(`parse 20,000-entry package-lock.json: ${secs(parseMs)} (${pkgs.length} packages, ${distinct.size} distinct)`);
const osvDir = path.join(root, 'bench', 'out', 'osv');
const zips = existsSync(osvDir) ? readdirSync(osvDir).filter((f) => /^npm-all-\d+\.zip$/.test(f)) : [];
if (zips.length === 0) {
  console.log('no bench/out/osv/npm-all-*.zip: run `node scripts/node24.mjs bench/osv.mjs` first for the matching part');
} else {
  const zip = path.join(osvDir, zips.sort((a, b) => Number(b.match(/\d+/)[0]) - Number(a.match(/\d+/)[0]))[0]);
  t = performance.now();
  const db = await openOfflineDatabase(zip);
  const openMs = performance.now() - t;
  t = performance.now();
  const matches = await db.match([...distinct.values()]);
  const matchMs = performance.now() - t;
  console.log(
    `open ${path.basename(zip)}: ${secs(openMs)}; match ${distinct.size} package versions: ${secs(matchMs)} (${matches.length} advisories)`,
  );
  console.log(`parse + match: ${secs(parseMs + matchMs)} (plus ${secs(openMs)} to open and index the database)`);
  // The generated all.zip names synthetic packages; a second database names the lockfile's own, so
  // range evaluation runs on real hits: 3 advisories for each of 4,000 names, half of them affecting.
  const realDb = path.join(work, 'osv-real');
  mkdirSync(realDb);
  const names = [...new Set([...distinct.values()].map((p) => p.name))].slice(0, 4000);
  let id = 0;
  for (const name of names) {
    for (let k = 0; k < 3; k++) {
      const rec = {
        schema_version: '1.6.0',
        id: `SF-BENCH-${++id}`,
        modified: new Date().toISOString(),
        aliases: [`CVE-2099-${id}`],
        summary: 'synthetic benchmark record',
        affected: [
          {
            package: { ecosystem: 'npm', name },
            ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: k === 0 ? '999.0.0' : `0.0.${k}` }] }],
          },
        ],
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      };
      writeFileSync(path.join(realDb, `${rec.id}.json`), JSON.stringify(rec));
    }
  }
  t = performance.now();
  const db2 = await openOfflineDatabase(realDb);
  const open2 = performance.now() - t;
  t = performance.now();
  const hits = await db2.match([...distinct.values()]);
  console.log(
    `match against ${id} records on the lockfile's own names: ${secs(performance.now() - t)} (${hits.length} advisories; open ${secs(open2)})`,
  );
  t = performance.now();
  const result = await scan({
    path: bigDir,
    policy: defaultPolicy(),
    evidenceDir: path.join(work, 'evidence'),
    vulnSource: db2,
    logger: silentLogger,
    now: new Date(),
  });
  console.log(
    `whole scan against the second database (parse, match, policy, CycloneDX + SPDX, 3 statements): ${secs(performance.now() - t)} (${result.vulnerabilities.length} vulnerabilities, ${result.findings.length} findings)`,
  );
}
rmSync(work, { recursive: true, force: true });
