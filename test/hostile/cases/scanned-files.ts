/**
 * Hostile files in what the scan and the workflow audit read from a repository or an operator's cache,
 * found by the held-out hostile-input run: workflow files saved as UTF-16 (they parsed as no workflow and
 * passed the audit with no finding), a repository's `zizmor.yml` or a `--pins` file that is a FIFO (the
 * audit blocked forever) or a link to `/dev/zero` ("Invalid string length") or to a secret (quoted), and
 * OSV database folders whose records are FIFOs, devices or links (skipped without a word, so their
 * advisories went missing and the scan passed).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectSubjects } from '@secure-factory/attest';
import { ConfigurationError, silentLogger } from '@secure-factory/core';
import { openOfflineDatabase } from '@secure-factory/materials';
import { auditWorkflows, loadPins } from '@secure-factory/source';
import { fail, type HostileCase, SECRET, timed } from './types.js';

/** A workflow the audit must flag (template injection of a pull request title under pull_request_target). */
const VULNERABLE_WORKFLOW = [
  'on: pull_request_target',
  'jobs:',
  '  a:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: echo "${{ github.event.pull_request.title }}"',
  '',
].join('\n');

const RECORD = JSON.stringify({
  id: 'GHSA-hhhh-hhhh-hhhh',
  modified: '2026-01-01T00:00:00Z',
  affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, versions: ['1.0.0'] }],
});

function scratch(): { dir: string; outside: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'sf-hostile-scanned-'));
  const dir = path.join(root, 'repo');
  const outside = path.join(root, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'token'), `${SECRET}\nroot:x:0:0:root:/root:/bin/bash\n`);
  return { dir, outside };
}

/** `p` must end, within 3 s, in a ConfigurationError whose text matches `pattern` and quotes nothing. */
async function expectInputError(what: string, p: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await timed(what, 3000, p);
  } catch (e: unknown) {
    if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
    const text = e.describe();
    if (text.includes(SECRET) || text.includes('root:x:0') || /Invalid string length/.test(text)) fail(`leaked or unclear: ${text}`);
    if (!pattern.test(text)) fail(`message ${JSON.stringify(text)} does not match ${String(pattern)}`);
    return;
  }
  fail(`${what} succeeded`);
}

const audit = (root: string, zizmorConfig?: string): Promise<unknown> =>
  auditWorkflows({ root, logger: silentLogger, ...(zizmorConfig !== undefined ? { zizmorConfig } : {}) });

function workflowsDir(dir: string): string {
  const w = path.join(dir, '.github', 'workflows');
  mkdirSync(w, { recursive: true });
  return w;
}

const UTF16: [string, string, Buffer, RegExp][] = [
  [
    'utf16le-bom',
    'UTF-16LE with a byte-order mark',
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(VULNERABLE_WORKFLOW, 'utf16le')]),
    /a\.yml.*UTF-16.*save it as UTF-8/s,
  ],
  ['utf16le', 'UTF-16LE without a byte-order mark', Buffer.from(VULNERABLE_WORKFLOW, 'utf16le'), /a\.yml.*looks UTF-16.*UTF-8/s],
  [
    'utf16be-bom',
    'UTF-16BE with a byte-order mark',
    Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(VULNERABLE_WORKFLOW, 'utf16le').swap16()]),
    /a\.yml.*UTF-16.*save it as UTF-8/s,
  ],
  [
    'latin1',
    'invalid UTF-8 (a Latin-1 byte in a comment)',
    Buffer.from(`# caf\xe9\n${VULNERABLE_WORKFLOW}`, 'latin1'),
    /a\.yml.*not valid UTF-8/s,
  ],
];

/** A workflow whose step is merged from anchors that merge the one before twice, 40 deep (2^40 paths). */
function mergeFanOut(depth: number): string {
  const lines = [
    'on: pull_request_target',
    'jobs:',
    '  j:',
    '    runs-on: ubuntu-latest',
    '    permissions: {}',
    '    env:',
    `      x0: &a0 { run: 'echo "\${{ github.event.pull_request.title }}"' }`,
  ];
  for (let i = 1; i < depth; i++) lines.push(`      x${i}: &a${i}`, `        <<: [*a${i - 1}, *a${i - 1}]`, `        k${i}: v`);
  lines.push('    steps:', `      - <<: *a${depth - 1}`, '');
  return lines.join('\n');
}

const MERGE_BOMBS: [string, string, string][] = [
  ['merge-fan-out', 'a step merged from 40 anchors that each merge the one before twice (2^40 merge paths)', mergeFanOut(40)],
  ['merge-cycle', 'a job that merges itself (`j: &j { <<: *j, … }`)', VULNERABLE_WORKFLOW.replace('  a:\n', '  a: &j\n    <<: *j\n')],
];

export const scannedFileCases: HostileCase[] = [
  ...MERGE_BOMBS.map(([name, input, text]): HostileCase => ({
    id: `evidence/audit-workflow-${name}`,
    area: 'evidence',
    input,
    expect:
      'audited within 3 s, the template injection merged into the step still found (was: the audit walked every merge path, for ever)',
    run: async () => {
      const { dir } = scratch();
      writeFileSync(path.join(workflowsDir(dir), 'a.yml'), text);
      const r = (await timed('the audit', 3000, audit(dir))) as { findings: { rule: string }[] };
      if (!r.findings.some((f) => f.rule === 'workflow/template-injection')) {
        fail(`no template injection found: ${r.findings.map((f) => f.rule).join(', ')}`);
      }
    },
  })),
  ...UTF16.map(([name, input, bytes, pattern]): HostileCase => ({
    id: `evidence/audit-workflow-${name}`,
    area: 'evidence',
    input: `a vulnerable workflow saved as ${input}`,
    expect: 'exit 2 naming the file (was: no finding, passed)',
    run: async () => {
      const { dir } = scratch();
      writeFileSync(path.join(workflowsDir(dir), 'a.yml'), bytes);
      await expectInputError('the audit', audit(dir), pattern);
    },
  })),
  {
    id: 'evidence/audit-workflow-fifo-named',
    area: 'evidence',
    input: 'audit-workflows given a FIFO named x.yml',
    expect: 'exit 2 "not a regular file" within 3 s (was: "cannot read directory … ENOTDIR")',
    run: async () => {
      const { dir } = scratch();
      const fifo = path.join(workflowsDir(dir), 'x.yml');
      execFileSync('mkfifo', [fifo]);
      await expectInputError('the audit', audit(fifo), /x\.yml.*FIFO/s);
    },
  },
  {
    id: 'evidence/audit-workflow-link-outside',
    area: 'evidence',
    input: 'audit-workflows given x.yml linking to a token outside its folder',
    expect: 'exit 2, the token never read or quoted',
    run: async () => {
      const { dir, outside } = scratch();
      const link = path.join(workflowsDir(dir), 'x.yml');
      symlinkSync(path.join(outside, 'token'), link);
      await expectInputError('the audit', audit(link), /x\.yml.*symbolic link to a place outside/s);
    },
  },
  ...(
    [
      ['fifo', 'a FIFO', (t: string) => execFileSync('mkfifo', [t]), /zizmor\.yml.*FIFO/s],
      ['dev-zero', 'a link to /dev/zero', (t: string) => symlinkSync('/dev/zero', t), /zizmor\.yml.*outside/s],
      ['token-outside', 'a link to a token outside the repository', null, /zizmor\.yml.*outside/s],
    ] as const
  ).map(([name, input, make, pattern]): HostileCase => ({
    id: `evidence/audit-zizmor-config-${name}`,
    area: 'evidence',
    input: `the audited repository's .github/zizmor.yml is ${input}`,
    expect: 'exit 2 within 3 s, nothing quoted (was: the audit blocked forever / "Invalid string length")',
    run: async () => {
      const { dir, outside } = scratch();
      writeFileSync(path.join(workflowsDir(dir), 'a.yml'), VULNERABLE_WORKFLOW);
      const config = path.join(dir, '.github', 'zizmor.yml');
      if (make) make(config);
      else symlinkSync(path.join(outside, 'token'), config);
      await expectInputError('the audit', audit(dir), pattern);
    },
  })),
  {
    id: 'evidence/audit-zizmor-config-flag-dev-zero',
    area: 'evidence',
    input: '--zizmor-config linking to /dev/zero',
    expect: 'exit 2 "a character device" (was: "Invalid string length")',
    run: async () => {
      const { dir, outside } = scratch();
      writeFileSync(path.join(workflowsDir(dir), 'a.yml'), VULNERABLE_WORKFLOW);
      const config = path.join(outside, 'zizmor.yml');
      symlinkSync('/dev/zero', config);
      await expectInputError('the audit', audit(dir, config), /zizmor\.yml.*character device/s);
    },
  },
  {
    id: 'evidence/audit-pins-fifo',
    area: 'evidence',
    input: '--pins naming a FIFO',
    expect: 'exit 2 within 3 s (was: blocked forever)',
    run: async () => {
      const { outside } = scratch();
      const fifo = path.join(outside, 'pins.txt');
      execFileSync('mkfifo', [fifo]);
      await expectInputError('loadPins', loadPins(fifo), /pins\.txt.*FIFO/s);
    },
  },
  {
    id: 'evidence/audit-pins-secret',
    area: 'evidence',
    input: '--pins naming a file of secrets (a line that is no pin)',
    expect: 'exit 2 naming the line, its text never quoted (was: quoted)',
    run: async () => {
      const { outside } = scratch();
      await expectInputError('loadPins', loadPins(path.join(outside, 'token')), /token:1.*line 1 is not "owner\/repo@ref <40-hex sha>"/s);
    },
  },
  {
    id: 'evidence/audit-pins-json-secret',
    area: 'evidence',
    input: '--pins naming broken JSON holding a secret',
    expect: 'exit 2 at line:column, the text never quoted (V8 quotes it)',
    run: async () => {
      const { outside } = scratch();
      const file = path.join(outside, 'pins.json');
      writeFileSync(file, `{"a/b@v1": ${SECRET}}`);
      await expectInputError('loadPins', loadPins(file), /pins\.json:1:\d+.*not valid JSON/s);
    },
  },
  ...(
    [
      ['fifo', 'a FIFO', (t: string) => execFileSync('mkfifo', [t])],
      ['dev-zero', 'a link to /dev/zero', (t: string) => symlinkSync('/dev/zero', t)],
      ['directory-link', 'a link to a folder', (t: string) => symlinkSync(tmpdir(), t)],
    ] as const
  ).map(([name, input, make]): HostileCase => ({
    id: `evidence/osv-db-record-${name}`,
    area: 'evidence',
    input: `a record x.json in the --osv-db folder is ${input}`,
    expect: 'exit 2 naming it (was: skipped without a word, its advisories missing)',
    run: async () => {
      const { dir } = scratch();
      writeFileSync(path.join(dir, 'a.json'), RECORD);
      make(path.join(dir, 'x.json'));
      await expectInputError('openOfflineDatabase', openOfflineDatabase(dir), /x\.json.*not a regular file/s);
    },
  })),
  {
    id: 'evidence/osv-db-record-link',
    area: 'evidence',
    input: 'a record in the --osv-db folder is a link to a regular record elsewhere (an operator cache)',
    expect: 'followed: its advisory is loaded (was: skipped, the package passed)',
    run: async () => {
      const { dir, outside } = scratch();
      writeFileSync(path.join(outside, 'record.json'), RECORD);
      writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ id: 'OSV-1', modified: '2026-01-01T00:00:00Z', affected: [] }));
      symlinkSync(path.join(outside, 'record.json'), path.join(dir, 'x.json'));
      const db = await timed('openOfflineDatabase', 3000, openOfflineDatabase(dir));
      const matches = await db.match([{ ecosystem: 'npm', name: 'left-pad', version: '1.0.0' }]);
      if (matches.length !== 1) fail(`expected the linked advisory to match once, got ${matches.length}`);
    },
  },
  ...(
    [
      ['fifo', 'a FIFO', (t: string) => execFileSync('mkfifo', [t]), /sums.*FIFO/s],
      ['dev-zero', 'a link to /dev/zero', (t: string) => symlinkSync('/dev/zero', t), /sums.*character device/s],
      [
        'utf16',
        'UTF-16 text',
        (t: string) => writeFileSync(t, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${'a'.repeat(64)}  app\n`, 'utf16le')])),
        /sums.*UTF-16.*UTF-8/s,
      ],
    ] as const
  ).map(([name, input, make, pattern]): HostileCase => ({
    id: `evidence/attest-checksums-${name}`,
    area: 'evidence',
    input: `attest --subject-checksums naming ${input}`,
    expect: 'exit 2 naming the file within 3 s (was: blocked forever / read until memory ran out)',
    run: async () => {
      const { outside } = scratch();
      const file = path.join(outside, 'sums');
      make(file);
      await expectInputError('collectSubjects', collectSubjects({ checksumFiles: [file], cwd: outside }), pattern);
    },
  })),
];
