/** Least-privilege drift, case by case from the definitions in drift.ts. */
import { parseCodeowners, postureOfFiles } from '@secure-factory/source';
import { comparePosture, driftFindings } from './drift.js';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';
const wf = (body: string): { path: string; text: string }[] => [{ path: '.github/workflows/ci.yml', text: body }];
const RELEASED = `
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - uses: ${CHECKOUT}
      - run: npm ci
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
  publish:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
      packages: write
    steps:
      - uses: ${CHECKOUT}
`;
const drift = (before: string, after: string): ReturnType<typeof comparePosture> =>
  comparePosture(postureOfFiles(wf(before)), postureOfFiles(wf(after)));

describe('least-privilege drift', () => {
  it('unchanged workflows: no finding', () => {
    expect(drift(RELEASED, RELEASED)).toEqual([]);
  });

  it('a new write permission is a finding naming the job and scope', () => {
    const after = RELEASED.replace(
      '    permissions:\n      contents: read\n    steps:',
      '    permissions:\n      contents: write\n    steps:',
    );
    const d = drift(RELEASED, after);
    expect(d).toEqual([
      expect.objectContaining({ rule: 'drift/new-write-permission', job: 'build', detail: 'contents: write', severity: 'high' }),
    ]);
  });

  it('write-all and a removed permissions block are new write grants', () => {
    const writeAll = RELEASED.replace('    permissions:\n      contents: read\n    steps:', '    permissions: write-all\n    steps:');
    expect(drift(RELEASED, writeAll).map((c) => [c.job, c.detail])).toEqual([['build', 'write-all']]);
    const noBlock = RELEASED.replace('permissions: {}\n', '').replace('    permissions:\n      contents: read\n    steps:', '    steps:');
    expect(drift(RELEASED, noBlock).map((c) => [c.job, c.detail])).toEqual([['build', 'no permissions block']]);
  });

  it('a removed or narrowed permission is not a finding', () => {
    const narrowed = RELEASED.replace('      packages: write\n', '');
    expect(drift(RELEASED, narrowed)).toEqual([]);
    // From write-all down to one scope: narrower.
    const broad = RELEASED.replace('      contents: read\n      packages: write\n', '').replace(
      '    permissions:\n    steps:',
      '    permissions: write-all\n    steps:',
    );
    expect(drift(broad, RELEASED)).toEqual([]);
  });

  it('moving a write grant from the workflow level to the one job that uses it is not a finding', () => {
    const before = `on: push\npermissions:\n  packages: write\njobs:\n  publish:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make\n`;
    const after = `on: push\npermissions: {}\njobs:\n  publish:\n    runs-on: ubuntu-24.04\n    permissions:\n      packages: write\n    steps:\n      - run: make\n`;
    expect(drift(before, after)).toEqual([]);
    // The reverse adds nothing either; a second job inheriting the workflow grant would.
    expect(drift(after, before)).toEqual([]);
    const second = before.replace('jobs:\n', 'jobs:\n  lint:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: make lint\n');
    expect(drift(after, second).map((c) => [c.job, c.detail])).toEqual([['lint', 'packages: write']]);
  });

  it('a new unpinned action is a finding; a pinned one is not', () => {
    const tagged = RELEASED.replace('      - run: npm ci', '      - uses: actions/setup-node@v4\n      - run: npm ci');
    expect(drift(RELEASED, tagged)).toEqual([
      expect.objectContaining({ rule: 'drift/new-unpinned-action', detail: 'actions/setup-node@v4', job: 'build' }),
    ]);
    const pinned = RELEASED.replace(
      '      - run: npm ci',
      '      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0\n      - run: npm ci',
    );
    expect(drift(RELEASED, pinned)).toEqual([]);
    // Already unpinned at the release: not new.
    expect(drift(tagged, tagged)).toEqual([]);
  });

  it('a new secret use is a finding; GITHUB_TOKEN is judged by permissions, not as a secret', () => {
    const more = RELEASED.replace(
      'NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
      "NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n          DEPLOY: ${{ secrets['deploy_key'] }}\n          GH: ${{ secrets.GITHUB_TOKEN }}",
    );
    expect(drift(RELEASED, more)).toEqual([expect.objectContaining({ rule: 'drift/new-secret', detail: 'DEPLOY_KEY' })]);
    const removed = RELEASED.replace('        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n', '');
    expect(drift(RELEASED, removed)).toEqual([]);
  });

  it('a new workflow file brings its grants, references and secrets', () => {
    const before = postureOfFiles(wf(RELEASED));
    const after = postureOfFiles([
      ...wf(RELEASED),
      {
        path: '.github/workflows/deploy.yml',
        text: 'on: push\njobs:\n  go:\n    uses: acme/infra/.github/workflows/deploy.yml@main\n    secrets: inherit\n',
      },
    ]);
    expect(comparePosture(before, after).map((c) => [c.rule, c.detail])).toEqual([
      ['drift/new-write-permission', 'no permissions block'],
      ['drift/new-unpinned-action', 'acme/infra/.github/workflows/deploy.yml@main'],
      ['drift/new-secret', '(all secrets: secrets: inherit)'],
    ]);
  });

  it('owners come from CODEOWNERS of the workflow file, else the repository', () => {
    const after = RELEASED.replace('      packages: write\n', '      packages: write\n      id-token: write\n');
    const rules = parseCodeowners('* @acme/devs\n/.github/workflows/ @acme/platform\n');
    const owned = driftFindings('acme/app', postureOfFiles(wf(RELEASED)), postureOfFiles(wf(after)), rules, {
      baselineCommit: 'a'.repeat(40),
      ref: 'main',
    });
    expect(owned.map((f) => f.properties?.owners)).toEqual([['@acme/platform']]);
    const none = driftFindings('acme/app', postureOfFiles(wf(RELEASED)), postureOfFiles(wf(after)), [], {
      baselineCommit: 'a'.repeat(40),
      ref: 'main',
    });
    expect(none.map((f) => [f.properties?.owners, f.properties?.ownerSource])).toEqual([[['acme/app'], 'repository']]);
  });
});
