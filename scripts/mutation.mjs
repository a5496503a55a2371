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
 * --recheck TAG reruns only the mutants that survived in reports/mutation/TAG.json (same sources, same --tests),
 * each as a fresh jest process over the --tests files with the mutant switched on for the whole run (Stryker's
 * command runner), and merges the results into reports/mutation/TAG-recheck.json. Stryker's jest runner in jest's
 * ESM mode reported some mutants Survived that the same tests kill when run by hand (a missing-file refusal in
 * artifact.ts, killed by artifact.test.ts): the recheck runs those few mutants the slow, exact way.
 *
 * --all-killers (Stryker's disableBail) lists every test that kills a mutant in the report's killedBy,
 * not only the first: then the score without one test file can be read from the same run (how the
 * README's before/after numbers were taken).
 *
 * Prints the mutation score and writes reports/mutation/mutation.json (survivors with file:line). Exit 0
 * when Stryker ran, whatever the score; the score is what is reported in README.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
const recheck = option('--recheck');
const tag = option('--tag') ?? (recheck !== undefined ? `${recheck}-recheck` : undefined);
const concurrency = option('--concurrency');
if (tag !== undefined && !/^[a-z0-9-]{1,40}$/.test(tag)) {
  console.error(`--tag ${tag}: use lowercase letters, digits and dashes`);
  process.exit(2);
}
const scopes = argv;
const args = [stryker, 'run', 'scripts/stryker.config.mjs'];
if (allKillersAt !== -1) args.push('--disableBail');
const reportRel = path.posix.join('reports', 'mutation', `${tag ?? 'mutation'}.json`);
// A recheck's own report holds only the rechecked mutants; reportRel gets the base report with them merged in.
const strykerReportRel = recheck !== undefined ? reportRel.replace(/\.json$/, '.raw.json') : reportRel;
if (tag !== undefined) args.push('--tempDirName', `.stryker-tmp-${tag}`);
if (concurrency !== undefined) args.push('--concurrency', concurrency);
/** Survived and NoCoverage mutants of a report, keyed by where they are and what they do. */
const undetectedIn = (report) =>
  Object.entries(report.files).flatMap(([file, f]) =>
    f.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').map((m) => ({ file, m })),
  );
const mutantKey = (file, m) => `${file}:${m.location.start.line}:${m.location.start.column}:${m.mutatorName}:${m.replacement ?? ''}`;
let base;
if (recheck !== undefined) {
  if (!/^[a-z0-9-]{1,40}$/.test(recheck) || !existsSync(path.join(root, 'reports', 'mutation', `${recheck}.json`))) {
    console.error(`--recheck ${recheck}: no report reports/mutation/${recheck}.json`);
    process.exit(2);
  }
  base = JSON.parse(readFileSync(path.join(root, 'reports', 'mutation', `${recheck}.json`), 'utf8'));
  const left = undetectedIn(base);
  if (left.length === 0) {
    console.log(`nothing to recheck: every mutant of ${recheck} was detected`);
    process.exit(0);
  }
  // Report columns are 1-based, Stryker's ranges 0-based; one column either side keeps each mutant inside its range.
  const ranges = left.map(
    ({ file, m }) =>
      `${file}:${m.location.start.line}:${Math.max(0, m.location.start.column - 2)}-${m.location.end.line}:${m.location.end.column}`,
  );
  args.push('--mutate', [...new Set(ranges)].join(','));
} else if (scopes.length > 0) {
  const globs = scopes.map((s) => {
    const p = path.posix.join('packages/verify/src', s);
    return s.endsWith('.ts') ? p : `${p}/**/*.ts`;
  });
  args.push(
    '--mutate',
    [...globs, '!packages/verify/src/**/*.test.ts', '!packages/verify/src/**/index.ts', '!packages/verify/src/trust/*-root.ts'].join(','),
  );
}

/** jest on the test files of --tests (globs as jest patterns), in one process, as the command each rechecked mutant runs. */
function recheckCommand(list) {
  const patterns = (list ?? 'packages/verify/')
    .split(',')
    .map((t) => t.replaceAll('.', '\\.').replaceAll('**/', '\u0000').replaceAll('*', '[^/]*').replaceAll('\u0000', '(.*/)?'));
  const quoted = patterns.map((p) => `'${p.replaceAll("'", '')}'`).join(' ');
  return `${node24()} --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js --ci --silent --maxWorkers=1 ${quoted}`;
}

const started = Date.now();
const r = spawnSync(node24(), args, {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    FORCE_COLOR: '0',
    MUTATION_REPORT: strykerReportRel,
    ...(tests ? { MUTATION_TESTS: tests } : {}),
    ...(recheck !== undefined ? { MUTATION_COMMAND: recheckCommand(tests) } : {}),
  },
});
const report = path.join(root, strykerReportRel);
if (r.status !== 0 || !existsSync(report)) process.exit(r.status ?? 1);

// Score = killed (incl. timeouts) / (all mutants that ran), as Stryker's "mutation score".
let j = JSON.parse(readFileSync(report, 'utf8'));
if (base !== undefined) {
  // The base report with each rechecked mutant's new status (a range may take in detected neighbours: ignored).
  const now = new Map(Object.entries(j.files).flatMap(([file, f]) => f.mutants.map((m) => [mutantKey(file, m), m.status])));
  for (const [file, f] of Object.entries(base.files))
    for (const m of f.mutants)
      if ((m.status === 'Survived' || m.status === 'NoCoverage') && now.has(mutantKey(file, m))) m.status = now.get(mutantKey(file, m));
  j = base;
  writeFileSync(path.join(root, reportRel), JSON.stringify(base));
  console.log(`merged into ${recheck}'s results: ${reportRel}`);
}
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
