/**
 * StrykerJS over the verifier and the gate (packages/verify/src). Run through scripts/mutation.mjs, never
 * by `npm test`: it is slow (every mutant reruns the tests related to the mutated file).
 * The tests are in-process ones that exercise packages/verify (see testMatch).
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
import base from '../jest.config.js';

export default {
  packageManager: 'npm',
  testRunner: 'jest',
  plugins: ['@stryker-mutator/jest-runner'],
  jest: {
    projectType: 'custom',
    enableFindRelatedTests: true,
    config: {
      ...base,
      rootDir: '.',
      roots: ['<rootDir>/packages', '<rootDir>/test'],
      // In-process tests only: the CLI tests run packages/cli/dist, which no mutant reaches.
      // MUTATION_TESTS (comma-separated, set by scripts/mutation.mjs --tests) narrows the set.
      testMatch: process.env.MUTATION_TESTS
        ? process.env.MUTATION_TESTS.split(',').map((t) => `<rootDir>/${t}`)
        : // The quick set: verify's unit tests, the unsigned-field attacks, the hostile catalogue. test/gate/gate.test.ts
          // (local Sigstore services, a signed chain per test file load) costs ~1 min per mutant: add it with --tests.
          [
            '<rootDir>/packages/verify/**/*.test.ts',
            '<rootDir>/test/gate/unsigned-fields.test.ts',
            '<rootDir>/test/hostile/catalogue.test.ts',
          ],
      maxWorkers: 1,
    },
  },
  // jest's ESM mode, as in scripts/test.mjs.
  testRunnerNodeArgs: ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning'],
  // trust/*-root.ts are data (the shipped trusted roots and GitHub's TUF root), not logic: trust-data.test.ts
  // pins each to its JSON copy with toStrictEqual and checks the TUF root's own signatures, so any change to
  // them fails it. Their mutants are all static (module-level literals: every test reruns for each), hours of
  // runs that could only confirm that — they are left out of the score.
  mutate: [
    'packages/verify/src/**/*.ts',
    '!packages/verify/src/**/*.test.ts',
    '!packages/verify/src/**/index.ts',
    '!packages/verify/src/trust/*-root.ts',
  ],
  // perTest: each mutant reruns only the tests that reached it (measured in the initial run).
  coverageAnalysis: 'perTest',
  // Mutated TypeScript is not type-checked (ts-jest runs with isolatedModules, diagnostics off).
  disableTypeChecks: '{packages,test}/**/*.{ts,js}',
  ignorePatterns: ['**/dist/**', 'actions/*/lib', 'bench/out', '.secure-factory', 'reports', 'coverage', '.stryker-tmp*'],
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  // jest's ESM module registry grows with every run in a reused worker (4.7 GB after ~200 mutants of gate/,
  // each then taking 20 s in GC): a fresh test runner every 40 mutants keeps each one around a second.
  maxTestRunnerReuse: 40,
  timeoutMS: 120_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'json'],
  // scripts/mutation.mjs --tag gives each run its own report (MUTATION_REPORT).
  jsonReporter: { fileName: process.env.MUTATION_REPORT ?? 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
};
