#!/usr/bin/env node
/**
 * The test command: jest in ESM mode on Node 24. Installs dependencies and builds first when a fresh
 * clone has neither, so `npm test` works as the README's second command.
 *   npm test [-- JEST ARGS...]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { install } from './install.mjs';
import { node24 } from './node24.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(path.join(root, 'node_modules', 'jest'))) {
  const status = install();
  if (status !== 0) process.exit(status ?? 1);
}
if (!existsSync(path.join(root, 'packages', 'cli', 'dist', 'main.js')) || !existsSync(path.join(root, 'dist', 'actions', 'index.js'))) {
  run('npm', ['run', 'build']);
}
if (!existsSync(path.join(root, '..', 'shared'))) {
  console.error('note: ../shared is not beside the repository: tests that need its corpora and schemas will say they were skipped.');
}
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const args = process.argv.slice(2);
// jest's own summary says "N passed, N total"; the JSON report gives the plain closing line CI reads.
const report = path.join(mkdtempSync(path.join(tmpdir(), 'sf-jest-')), 'results.json');
const r = spawnSync(
  node24(),
  ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, '--json', `--outputFile=${report}`, ...args],
  {
    stdio: 'inherit',
    cwd: root,
    // glibc grows the heap a little at a time (brk); where the sandbox makes each brk call expensive
    // (measured here: 120,000 calls took git fast-import 25 s for 10,000 commits, 0.4 s with this pad),
    // a larger top pad makes git, gpg and openssl in the tests take few of them. It only reserves address space.
    env: { ...process.env, MALLOC_TOP_PAD_: process.env.MALLOC_TOP_PAD_ ?? String(64 * 1024 * 1024) },
  },
);
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  // A suite that fails to load (a throw at import or in a describe body) has a failureMessage and no
  // assertions: jest exits 1 but counts no failed test, so such suites are counted here as failures.
  const broken = j.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed'));
  for (const s of broken) console.log(`suite failed to run (counted as 1 failed): ${path.relative(root, s.name)}`);
  const failed = j.numFailedTests + broken.length;
  console.log(`jest: ${j.numPassedTests} passed, ${failed} failed, ${j.numPendingTests + j.numTodoTests} skipped`);
  if (failed > 0 && r.status === 0) process.exit(1);
} else {
  console.log(`jest: no results: jest exited with ${r.status ?? r.signal} before writing its report`);
}
process.exit(r.status ?? 1);
