/** Builds real project trees for the materials tests from the osv-scalibr fixtures and small literal files. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sharedPath } from '../support/shared.js';

export function scalibr(extractorDir: string, fixture: string): string {
  return sharedPath('corpora', 'lockfiles', 'osv-scalibr', 'extractor', 'filesystem', 'language', extractorDir, 'testdata', fixture);
}

export function tempDir(prefix = 'sf-materials-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function put(root: string, rel: string, content: string): string {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

export function copy(root: string, rel: string, from: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  copyFileSync(from, path.join(root, rel));
}

export const DIGEST = `sha256:${'ab'.repeat(32)}`;
export const SHA = '1e60f620b9541d16bece96c5465dc8ee9832be0b';

/** A polyglot project: npm, yarn, pnpm, Cargo, composer (with licences), Go, Ruby, Python, plus CI and images. */
export function polyglotProject(): string {
  const root = tempDir();
  copy(root, 'web/package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
  copy(root, 'legacy/yarn.lock', scalibr('javascript/yarnlock', 'two-packages.v1.lock'));
  copy(root, 'ui/pnpm-lock.yaml', scalibr('javascript/pnpmlock', 'peer-dependencies-advanced.v9.yaml'));
  copy(root, 'rs/Cargo.lock', scalibr('rust/cargolock', 'duplicate.lock'));
  copy(root, 'php/composer.lock', scalibr('php/composerlock', 'two-packages.json'));
  copy(root, 'go/go.mod', scalibr('golang/gomod', 'two-packages.mod'));
  copy(root, 'rb/Gemfile.lock', scalibr('ruby/gemfilelock', 'some-gems.lock'));
  copy(root, 'py/poetry.lock', scalibr('python/poetrylock', 'two-packages.lock'));
  copy(root, 'py/Pipfile.lock', scalibr('python/pipfilelock', 'two-packages.json'));
  // Installed and vendored trees are not the project's declarations.
  copy(root, 'web/node_modules/x/package-lock.json', scalibr('javascript/packagelockjson', 'two-packages.v1.json'));
  copy(root, 'vendor/composer.lock', scalibr('php/composerlock', 'drupal-packages.json'));
  put(
    root,
    '.github/workflows/ci.yml',
    [
      'on: push',
      'permissions: {}',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-24.04',
      '    container: node:20',
      '    services:',
      `      db: { image: 'ghcr.io/acme/postgres@${DIGEST}' }`,
      '    steps:',
      '      - uses: actions/checkout@v4',
      `      - uses: actions/setup-node@${SHA} # v4.0.2`,
      '      - uses: ./local-action',
      '  call:',
      '    uses: acme/workflows/.github/workflows/build.yml@main',
      '',
    ].join('\n'),
  );
  put(
    root,
    'local-action/action.yml',
    `name: x\nruns:\n  using: composite\n  steps:\n    - uses: actions/cache@v4\n      with: { path: x, key: y }\n`,
  );
  put(
    root,
    'Dockerfile',
    `ARG BASE=registry.acme.example/base:1.2\nFROM golang:1.23 AS build\nRUN make\nFROM \${BASE}\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n`,
  );
  put(root, 'deploy/compose.yaml', `services:\n  web:\n    image: registry.acme.example/web@${DIGEST}\n  cache:\n    image: redis:7\n`);
  put(
    root,
    'deploy/k8s.yaml',
    `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    spec:\n      initContainers: [{ name: init, image: busybox }]\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.0\n`,
  );
  put(root, '.trivyignore', 'CVE-2099-0001\n');
  put(root, 'web/osv-scanner.toml', '[[IgnoredVulns]]\nid = "GHSA-aaaa-bbbb-cccc"\n');
  return root;
}

/** An OSV database folder with records written from public advisory facts (shapes as osv.dev serves them). */
export function osvDatabase(records: Record<string, unknown>[]): string {
  const dir = tempDir('sf-osv-');
  for (const r of records) writeFileSync(path.join(dir, `${String(r.id)}.json`), JSON.stringify(r));
  return dir;
}

export function gitInit(root: string): string {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  execFileSync('git', ['init', '-q', root]);
  execFileSync('git', ['-C', root, 'add', '-A'], { env });
  execFileSync('git', ['-C', root, 'commit', '-q', '--no-gpg-sign', '-m', 'fixture'], { env });
  return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
}

export const POSTCSS_ADVISORY = {
  schema_version: '1.6.0',
  id: 'GHSA-7fh5-64p2-3v2j',
  modified: '2026-11-24T00:00:00Z',
  published: '2023-09-30T00:30:19Z',
  aliases: ['CVE-2023-44270'],
  summary: 'PostCSS line return parsing error',
  affected: [
    { package: { ecosystem: 'npm', name: 'postcss' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '8.4.31' }] }] },
  ],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N' }],
  database_specific: { severity: 'MODERATE' },
};

/** A synthetic record (not a real advisory) to exercise the critical path. */
export const CRITICAL_ADVISORY = {
  schema_version: '1.6.0',
  id: 'SF-TEST-2026-0001',
  modified: '2026-11-24T00:00:00Z',
  aliases: ['CVE-2099-0001'],
  summary: 'synthetic critical advisory for the tests',
  affected: [
    {
      package: { ecosystem: 'npm', name: 'supports-color' },
      ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '7.0.0' }] }],
    },
  ],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
};
