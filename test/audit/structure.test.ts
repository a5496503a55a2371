/**
 * Files the audit is given that GitHub would not run: valid YAML that is no workflow, action or
 * Dependabot file. Each case is written from GitHub's workflow syntax (and the background-step forms
 * `parallel:`, `wait:`, `wait-all:`, `cancel:`), and each must be reported as workflow/invalid-structure
 * at the key at fault instead of passing with no finding. With ../shared beside the clone, every
 * workflow case is also checked against SchemaStore's github-workflow.json: the schema must agree on
 * which are workflows. A file in .github/workflows is a workflow whatever its name (zizmor #1341).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { silentLogger } from '@secure-factory/core';
import { auditWorkflows, auditWorkflowText, INVALID_STRUCTURE_RULE } from '@secure-factory/source';
import { workflowValidator } from '../support/schemas.js';
import { HAVE_SHARED } from '../support/shared.js';

const JOB = 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n';

/** [name, text, the expected message after "not a GitHub Actions workflow: " and its line, or undefined for a workflow]. */
const WORKFLOWS: [string, string, [string, number] | undefined][] = [
  ['an ordinary workflow', `on: push\n${JOB}`, undefined],
  [
    'every top-level key GitHub knows',
    `name: n\nrun-name: r\non: [push]\npermissions: {}\nenv: {A: b}\ndefaults: {run: {shell: bash}}\nconcurrency: c\n${JOB}`,
    undefined,
  ],
  [
    'a reusable-workflow job (uses, no runs-on)',
    'on: push\njobs:\n  call:\n    uses: acme/app/.github/workflows/build.yml@v1\n',
    undefined,
  ],
  ['a job without steps', 'on: push\njobs:\n  idle:\n    runs-on: ubuntu-latest\n', undefined],
  [
    'background steps: parallel, wait, wait-all, cancel',
    'on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - parallel:\n          - run: a\n          - uses: actions/checkout@v4\n      - wait: [x]\n      - wait-all: true\n      - cancel: x\n',
    undefined,
  ],
  ['a workflow_call input with its type', 'on:\n  workflow_call:\n    inputs:\n      n:\n        type: number\n' + JOB, undefined],
  ['an empty file', '', ['the file is empty or not a mapping', 1]],
  ['comments only', '# nothing here\n', ['the file is empty or not a mapping', 1]],
  ['a scalar', 'lol\n', ['the file is empty or not a mapping', 1]],
  ['a list', '- on: push\n', ['the file is empty or not a mapping', 1]],
  ['no on:', JOB, ['it has no `on:` (the events that run it)', 1]],
  ['no jobs:', 'on: push\n', ['it has no `jobs:`', 1]],
  [
    'an unknown top-level key',
    `name: x\nboom:\non: push\n${JOB}`,
    ['`boom:` is not a workflow key (name, run-name, on, permissions, env, defaults, concurrency, jobs)', 2],
  ],
  ['jobs as a list', 'on: push\njobs:\n  - runs-on: ubuntu-latest\n', ['`jobs:` is not a mapping of job ids to jobs', 2]],
  ['a job that is a string', 'on: push\njobs:\n  build: make\n', ['job `build` is not a mapping', 3]],
  [
    'a job with neither runs-on nor uses',
    'on: push\njobs:\n  ok:\n    runs-on: x\n  invalid:\n    name: invalid\n',
    ['job `invalid` has neither `runs-on:` nor `uses:`', 5],
  ],
  [
    'steps that are a mapping',
    'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      run: make\n',
    ['the `steps:` of job `j` are not a list', 5],
  ],
  [
    'a step with neither uses nor run',
    'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: a\n      - name: nothing\n',
    ['step 2 of job `j` has neither `uses:` nor `run:`', 7],
  ],
  [
    'a step that is a string',
    'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - make\n',
    ['step 1 of job `j` is not a mapping', 6],
  ],
  ['a null step', 'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      -\n', ['step 1 of job `j` is not a mapping', 6]],
  [
    'parallel: that is not a list',
    'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - parallel: {run: a}\n',
    ['the `parallel:` of step 1 of job `j` is not a list of steps', 6],
  ],
  [
    'a parallel step that does nothing',
    'on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - parallel:\n          - run: a\n          - name: idle\n',
    ['parallel step 2 of step 1 of job `j` has neither `uses:` nor `run:`', 8],
  ],
  [
    'a workflow_call input without a type',
    'on:\n  workflow_call:\n    inputs:\n      input:\n        description: d\n' + JOB,
    ['input `input` of `on.workflow_call` has no `type:` of boolean, number or string', 4],
  ],
  [
    'a workflow_call input of an unknown type',
    'on:\n  workflow_call:\n    inputs:\n      c:\n        type: choice\n' + JOB,
    ['input `c` of `on.workflow_call` has no `type:` of boolean, number or string', 4],
  ],
];

const structure = (text: string, kind: 'workflow' | 'action' | 'dependabot' = 'workflow') =>
  auditWorkflowText(text, 'f.yml', kind).filter((f) => f.rule === INVALID_STRUCTURE_RULE);

describe('workflows GitHub would refuse are reported, never passed', () => {
  it.each(WORKFLOWS)('%s', (_name, text, expected) => {
    const found = structure(text);
    if (expected === undefined) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'high',
      file: 'f.yml',
      message: `not a GitHub Actions workflow: ${expected[0]}`,
      line: expected[1],
      help: expect.stringContaining('`on:`'),
    });
    // Nothing else is reported on a file GitHub does not run.
    expect(auditWorkflowText(text, 'f.yml', 'workflow')).toHaveLength(1);
  });

  (HAVE_SHARED ? it : it.skip)("SchemaStore's github-workflow.json agrees on every case (skipped without ../shared)", () => {
    const validate = workflowValidator();
    for (const [name, text, expected] of WORKFLOWS) {
      const doc: unknown = parse(text);
      expect([name, validate(doc).length === 0]).toEqual([name, expected === undefined]);
    }
  });

  it('a parallel step is audited like any other: an injection in it is found', () => {
    const text =
      'on: pull_request_target\njobs:\n  j:\n    runs-on: x\n    steps:\n      - parallel:\n          - run: echo "${{ github.event.pull_request.title }}"\n';
    expect(auditWorkflowText(text, 'f.yml', 'workflow').map((f) => [f.rule, f.line])).toContainEqual(['workflow/template-injection', 7]);
  });
});

describe('names from the file in the message', () => {
  it('a key or job id carrying runner commands or controls is quoted on one line, at most 60 characters', () => {
    const key = JSON.stringify('x\n::add-mask::hunter2\u001b[2J');
    const [f] = structure(`${key}: 1\non: push\njobs: {}\n`);
    expect(f?.message).toBe(
      'not a GitHub Actions workflow: `x\\n\\::add-mask::hunter2\\u001b[2J:` is not a workflow key (name, run-name, on, permissions, env, defaults, concurrency, jobs)',
    );
    const [long] = structure(`on: push\njobs:\n  ${'j'.repeat(500)}:\n    name: x\n`);
    expect(long?.message).toBe(`not a GitHub Actions workflow: job \`${'j'.repeat(60)}…\` has neither \`runs-on:\` nor \`uses:\``);
  });
});

describe('actions and Dependabot files', () => {
  it('an action needs runs: with using:', () => {
    expect(structure('name: a\nruns:\n  using: node24\n  main: index.js\n', 'action')).toEqual([]);
    expect(structure('name: a\nruns:\n  using: composite\n  steps:\n    - run: a\n      shell: bash\n', 'action')).toEqual([]);
    expect(structure('name: a\ndescription: d\n', 'action')[0]?.message).toBe('not a GitHub Actions action: it has no `runs:`');
    expect(structure('name: a\nruns:\n  # using: docker\n  image: Dockerfile\n', 'action')[0]).toMatchObject({
      message: 'not a GitHub Actions action: `runs:` has no `using:`',
      line: 2,
    });
    expect(structure('name: a\nruns: node24\n', 'action')[0]?.message).toBe('not a GitHub Actions action: `runs:` is not a mapping');
    expect(structure('', 'action')[0]?.message).toBe('not a GitHub Actions action: the file is empty or not a mapping');
  });

  it('a Dependabot file needs version: and a list of updates:', () => {
    expect(structure('version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n', 'dependabot')).toEqual([]);
    expect(structure('updates: []\n', 'dependabot')[0]?.message).toBe('not a Dependabot configuration: it has no `version:`');
    expect(structure('version: 2\n', 'dependabot')[0]?.message).toBe('not a Dependabot configuration: it has no `updates:`');
    expect(structure('version: 2\nupdates: {}\n', 'dependabot')[0]).toMatchObject({
      message: 'not a Dependabot configuration: `updates:` is not a list',
      line: 2,
    });
  });
});

describe('which files are workflows', () => {
  it('a workflow named dependabot.yml in .github/workflows is audited as a workflow (its injection is found)', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sf-structure-'));
    mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
    writeFileSync(
      path.join(root, '.github', 'workflows', 'dependabot.yml'),
      'on: pull_request_target\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n',
    );
    writeFileSync(path.join(root, '.github', 'dependabot.yml'), 'version: 2\nupdates: []\n');
    const r = await auditWorkflows({ root, logger: silentLogger });
    expect(r.files.sort()).toEqual(['.github/dependabot.yml', '.github/workflows/dependabot.yml']);
    expect(r.findings.map((f) => [f.file, f.rule])).toContainEqual(['.github/workflows/dependabot.yml', 'workflow/template-injection']);
    expect(r.findings.filter((f) => f.rule === INVALID_STRUCTURE_RULE)).toEqual([]);
  });

  it('a folder of workflows with one that is not: that one is reported, the others audited', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sf-structure-'));
    mkdirSync(path.join(root, '.github', 'workflows'), { recursive: true });
    writeFileSync(path.join(root, '.github', 'workflows', 'ci.yml'), `on: push\n${JOB}`);
    writeFileSync(path.join(root, '.github', 'workflows', 'notes.yml'), 'title: release notes\nitems: []\n');
    const r = await auditWorkflows({ root, logger: silentLogger });
    expect(r.files.sort()).toEqual(['.github/workflows/ci.yml', '.github/workflows/notes.yml']);
    expect(r.findings.filter((f) => f.rule === INVALID_STRUCTURE_RULE).map((f) => [f.file, f.line, f.message])).toEqual([
      [
        '.github/workflows/notes.yml',
        1,
        'not a GitHub Actions workflow: `title:` is not a workflow key (name, run-name, on, permissions, env, defaults, concurrency, jobs)',
      ],
    ]);
  });
});
