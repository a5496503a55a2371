#!/usr/bin/env node
/**
 * Mutation testing (StrykerJS) over packages/verify/src — the verifier and the gate. Not part of
 * `npm test`: it reruns the related tests once per mutant and takes a long time on two cores.
 *
 *   node scripts/mutation.mjs                 # every file of packages/verify/src
 *   node scripts/mutation.mjs gate            # packages/verify/src/gate only
 *   node scripts/mutation.mjs gate/identity.ts bundle/claims.ts   # these files
 *   node scripts/mutation.mjs gate --tests test/gate/gate.test.ts,test/hostile/catalogue.test.ts
 *   node scripts/mutation.mjs gate/checks --all-killers   # every covering test runs on every mutant
 *   node scripts/mutation.mjs bundle --tag bundle --concurrency 1   # own sandbox and report; one test process
 *
 * --all-killers (Stryker's disableBail) lists every test that kills a mutant in the report's killedBy,
 * not only the first: then the score without one test file can be read from the same run (how the
 * README's before/after numbers were taken).
 *
 * Prints the mutation score and writes reports/mutation/mutation.json (survivors with file:line). Exit 0
 * when Stryker ran, whatever the score; the score is what is reported in README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24 } from './node24.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
if (!existsSync(stryker)) {
  console.error('StrykerJS is not installed: run npm ci first (it is a devDependency).');
  process.exit(2);
}

const argv = process.argv.slice(2);
const testsAt = argv.indexOf('--tests');
const tests = testsAt === -1 ? undefined : argv.splice(testsAt, 2)[1];
const allKillersAt = argv.indexOf('--all-killers');
if (allKillersAt !== -1) argv.splice(allKillersAt, 1);
// --tag NAME: the sandbox (.stryker-tmp-NAME) and the report (reports/mutation/NAME.json) are this run's own,
// so two runs on different files can go side by side. --concurrency N: test processes (default 2).
const option = (name) => {
  const at = argv.indexOf(name);
  return at === -1 ? undefined : argv.splice(at, 2)[1];
};
const tag = option('--tag');
const concurrency = option('--concurrency');
if (tag !== undefined && !/^[a-z0-9-]{1,40}$/.test(tag)) {
  console.error(`--tag ${tag}: use lowercase letters, digits and dashes`);
  process.exit(2);
}
const scopes = argv;
const args = [stryker, 'run', 'scripts/stryker.config.mjs'];
if (allKillersAt !== -1) args.push('--disableBail');
const reportRel = path.posix.join('reports', 'mutation', `${tag ?? 'mutation'}.json`);
if (tag !== undefined) args.push('--tempDirName', `.stryker-tmp-${tag}`);
if (concurrency !== undefined) args.push('--concurrency', concurrency);
if (scopes.length > 0) {
  const globs = scopes.map((s) => {
    const p = path.posix.join('packages/verify/src', s);
    return s.endsWith('.ts') ? p : `${p}/**/*.ts`;
  });
  args.push(
    '--mutate',
    [...globs, '!packages/verify/src/**/*.test.ts', '!packages/verify/src/**/index.ts', '!packages/verify/src/trust/*-root.ts'].join(','),
  );
}

const started = Date.now();
const r = spawnSync(node24(), args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: '0', MUTATION_REPORT: reportRel, ...(tests ? { MUTATION_TESTS: tests } : {}) },
});
const report = path.join(root, reportRel);
if (r.status !== 0 || !existsSync(report)) process.exit(r.status ?? 1);

// Score = killed (incl. timeouts) / (all mutants that ran), as Stryker's "mutation score".
const j = JSON.parse(readFileSync(report, 'utf8'));
const counts = {};
const survivors = [];
const perFile = [];
for (const [file, f] of Object.entries(j.files)) {
  const fileCounts = { detected: 0, total: 0 };
  for (const m of f.mutants) {
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (m.status === 'Killed' || m.status === 'Timeout') fileCounts.detected++;
    if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(m.status)) fileCounts.total++;
    if (m.status === 'Survived' || m.status === 'NoCoverage')
      survivors.push(`${file}:${m.location.start.line} ${m.mutatorName}: ${m.replacement ?? ''}`.slice(0, 160));
  }
  perFile.push(
    `${file}: ${fileCounts.total === 0 ? '-' : ((100 * fileCounts.detected) / fileCounts.total).toFixed(1)} % (${fileCounts.detected}/${fileCounts.total})`,
  );
}
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
const score = detected + undetected === 0 ? 0 : (100 * detected) / (detected + undetected);
console.log(`\nper file:\n  ${perFile.join('\n  ')}`);
console.log(`mutants: ${JSON.stringify(counts)}`);
console.log(
  `mutation score: ${score.toFixed(1)} % (${detected} detected of ${detected + undetected}) in ${Math.round((Date.now() - started) / 60000)} min`,
);
if (survivors.length > 0) console.log(`survivors (first 40):\n  ${survivors.slice(0, 40).join('\n  ')}`);
