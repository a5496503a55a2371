import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, MemoryLogger, type Finding } from '@secure-factory/core';
import { auditWorkflows, auditWorkflowText } from './audit-workflows.js';
import { WORKFLOW_RULES } from './rules.js';
import { envFileWrites } from './rules/runner.js';
import { MAX_WORKFLOW_BYTES } from './yaml-source.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';

function audit(
  text: string,
  options: Parameters<typeof auditWorkflowText>[3] = {},
  kind: 'workflow' | 'action' | 'dependabot' = 'workflow',
): Finding[] {
  return auditWorkflowText(text, '.github/workflows/t.yml', kind, options);
}
const rules = (fs: Finding[]): string[] => fs.map((f) => `${f.rule}@${f.line}:${f.column}`);

const SAFE_HEADER = `on: push
permissions: {}
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
`;

describe('workflow audit rules', () => {
  it('every rule has an id, a severity, help text and its zizmor equivalent', () => {
    for (const r of WORKFLOW_RULES) {
      expect(r.id).toMatch(/^workflow\/[a-z-]+$/);
      expect(r.help.length).toBeGreaterThan(20);
      if (r.id !== 'workflow/invalid-yaml' && r.id !== 'workflow/invalid-structure')
        expect(r.equivalent?.zizmor).toBe(r.id.slice('workflow/'.length));
    }
    expect(WORKFLOW_RULES.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'workflow/template-injection',
        'workflow/unpinned-uses',
        'workflow/excessive-permissions',
        'workflow/dangerous-triggers',
        'workflow/secrets-inherit',
        'workflow/artipacked',
        'workflow/cache-poisoning',
        'workflow/github-env',
        'workflow/insecure-commands',
        'workflow/unpinned-images',
        'workflow/self-hosted-runner',
        'workflow/hardcoded-container-credentials',
      ]),
    );
  });

  it('a safe workflow has no findings', () => {
    const text = `${SAFE_HEADER}      - uses: actions/checkout@${SHA} # v4.2.2
        with:
          persist-credentials: false
      - env:
          TITLE: \${{ github.event.issue.title }}
        run: echo "$TITLE"
`;
    expect(audit(text)).toEqual([]);
  });

  it('flags template injection at the exact context, and not through env:', () => {
    const text = `${SAFE_HEADER}      - run: |
          echo "\${{ github.event.issue.title }}"
          echo "\${{ github.sha }}"
`;
    expect(rules(audit(text))).toEqual(['workflow/template-injection@8:21']);
  });

  it('classifies github contexts the way zizmor does: fixed, structured (URLs) or arbitrary', () => {
    const severityOf = (ctx: string): string => {
      const text = `${SAFE_HEADER}      - run: echo "\${{ ${ctx} }}"\n`;
      return audit(text).find((f) => f.rule === 'workflow/template-injection')?.severity ?? 'none';
    };
    expect(severityOf('github.ref_name')).toBe('high');
    expect(severityOf('github.head_ref')).toBe('high');
    expect(severityOf('github.event.pull_request.user.login')).toBe('high');
    expect(severityOf('github.event.commits[0].message')).toBe('high');
    expect(severityOf('github.event.pull_request.html_url')).toBe('medium');
    expect(severityOf('github.event.pull_request.number')).toBe('none');
    expect(severityOf('github.event.workflow_run.head_sha')).toBe('none');
    expect(severityOf('github.event.pull_request.head.repo.fork')).toBe('none');
    expect(severityOf('github.run_id')).toBe('none');
    expect(severityOf('steps.build.outputs.version')).toBe('info');
    expect(severityOf('secrets.TOKEN')).toBe('none');
  });

  it('follows YAML anchors and merge keys', () => {
    // GitHub refuses unknown top-level keys (no `x-…:` holders): anchors sit where a workflow allows them.
    const text = `on: push
permissions: {}
env:
  SCRIPT: &script |
    echo "\${{ github.head_ref }}"
jobs:
  j:
    runs-on: ubuntu-latest
    env: &with
      persist-credentials: true
    steps:
      - uses: actions/checkout@${SHA}
        with:
          <<: *with
      - run: *script
`;
    const fs = audit(text, { persona: 'pedantic' });
    expect(rules(fs)).toEqual(expect.arrayContaining(['workflow/template-injection@5:15']));
    expect(rules(fs)).not.toContain('workflow/artipacked@12:9');
    expect(rules(audit(text, { persona: 'auditor' }))).toContain('workflow/artipacked@12:9');
  });

  it('survives an alias bomb without expanding it', () => {
    const lines = ['  a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 12; i++) lines.push(`  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const text = `env:\n${lines.join('\n')}\non: push\npermissions: {}\njobs: {}\n`;
    expect(audit(text)).toEqual([]);
  });

  it('reports malformed YAML as a finding naming line and column, never a crash', () => {
    const fs = audit('on: push\njobs:\n  j:\n    steps: [\n');
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ rule: 'workflow/invalid-yaml', severity: 'high', file: '.github/workflows/t.yml' });
    expect(fs[0]!.line).toBeGreaterThan(0);
    expect(fs[0]!.column).toBeGreaterThan(0);
    const dup = audit('on: push\non: pull_request\n');
    expect(dup[0]).toMatchObject({ rule: 'workflow/invalid-yaml', line: 2, column: 1 });
  });

  it('refuses files over 5 MB with a clear error', () => {
    const big = `on: push\n# ${'x'.repeat(MAX_WORKFLOW_BYTES)}\n`;
    expect(() => audit(big)).toThrow(ConfigurationError);
    expect(() => audit(big)).toThrow(/larger than 5 MB/);
  });

  it('honours zizmor and secure-factory ignore comments on the finding lines', () => {
    const text = `${SAFE_HEADER}      - uses: actions/setup-node@v4 # zizmor: ignore[unpinned-uses]
      - uses: actions/setup-go@v5 # secure-factory: ignore[workflow/unpinned-uses]
      - uses: actions/setup-python@v5
`;
    expect(rules(audit(text))).toEqual(['workflow/unpinned-uses@9:15']);
  });

  it('shows pedantic and auditor findings only to those personas', () => {
    const text = `on: push
permissions: {}
concurrency: { group: g, cancel-in-progress: true }
jobs:
  j:
    runs-on: [self-hosted, linux]
    container: node:18
    steps:
      - run: echo hi
`;
    expect(rules(audit(text))).toEqual([]);
    // The workflow and its job have no name: anonymous-definition is pedantic.
    const anonymous = ['workflow/anonymous-definition@1:1', 'workflow/anonymous-definition@5:3'];
    expect(rules(audit(text, { persona: 'pedantic' })).sort()).toEqual([...anonymous, 'workflow/unpinned-images@7:5']);
    expect(rules(audit(text, { persona: 'auditor' })).sort()).toEqual([
      ...anonymous,
      'workflow/self-hosted-runner@6:5',
      'workflow/unpinned-images@7:5',
    ]);
    expect(rules(audit(text, { publicRepository: true }))).toEqual(['workflow/self-hosted-runner@6:5']);
  });

  it('flags secrets: inherit and hard-coded container passwords', () => {
    const text = `on: push
permissions: {}
jobs:
  call:
    permissions: {}
    uses: org/repo/.github/workflows/release.yml@${SHA}
    secrets: inherit
  run:
    runs-on: ubuntu-latest
    container:
      image: ghcr.io/org/img@sha256:${'a'.repeat(64)}
      credentials:
        username: bot
        password: hunter2
    services:
      db:
        image: postgres@sha256:${'b'.repeat(64)}
        credentials:
          username: bot
          password: \${{ secrets.DB_PASSWORD }}
    steps:
      - run: echo hi
`;
    // As zizmor: only the password is a secret; a literal user name is not a finding.
    expect(rules(audit(text))).toEqual(['workflow/hardcoded-container-credentials@12:7', 'workflow/secrets-inherit@6:5']);
  });

  it('flags dangerous triggers as critical when the pull request head is checked out', () => {
    const text = `on:
  pull_request_target:
permissions: {}
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@${SHA}
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
`;
    expect(audit(text)).toEqual([
      expect.objectContaining({ rule: 'workflow/dangerous-triggers', severity: 'critical', line: 1, column: 1 }),
    ]);
  });

  it('accepts pull_request_target for a lone actions/labeler step, as zizmor does', () => {
    const text = `on: pull_request_target
permissions: {}
jobs:
  label:
    runs-on: ubuntu-latest
    permissions: { contents: read, pull-requests: write }
    steps:
      - uses: actions/labeler@${SHA}
`;
    expect(audit(text)).toEqual([]);
  });

  it('tells dangerous environment-file writes from constant ones, per shell', () => {
    const dangerous = (script: string, shell: 'bash' | 'pwsh' | 'cmd' = 'bash'): boolean => envFileWrites(script, shell).length > 0;
    expect(dangerous('echo $foo >> $GITHUB_ENV')).toBe(true);
    expect(dangerous('echo FOO=`bar` >> "${GITHUB_ENV}"')).toBe(true);
    expect(dangerous('echo "X=$(git describe)" >> $GITHUB_PATH')).toBe(true);
    expect(dangerous('make version | tee -a "$GITHUB_ENV"')).toBe(true);
    expect(dangerous('cat <<EOF >> $GITHUB_ENV\nNAME=$TITLE\nEOF')).toBe(true);
    expect(dangerous("cat <<'EOF' >> $GITHUB_ENV\nNAME=literal\nEOF")).toBe(false);
    expect(dangerous('echo "CC=clang" >> "$GITHUB_ENV"')).toBe(false);
    expect(dangerous('printf "A=1\\nB=2\\n" >> $GITHUB_ENV')).toBe(false);
    expect(dangerous('echo "$GITHUB_ENV"')).toBe(false);
    expect(dangerous('"X=1" | Out-File -FilePath $env:GITHUB_ENV -Append', 'pwsh')).toBe(true);
    expect(dangerous('echo X=1 >> %GITHUB_ENV%', 'cmd')).toBe(true);
    expect(envFileWrites('echo $a >> $GITHUB_ENV\necho $b >> $GITHUB_PATH', 'bash')).toEqual([
      { file: 'GITHUB_ENV', line: 0 },
      { file: 'GITHUB_PATH', line: 1 },
    ]);
  });

  it('raises artipacked to high when the workspace is uploaded after the checkout', () => {
    const text = `${SAFE_HEADER}      - uses: actions/checkout@${SHA}
      - uses: actions/upload-artifact@${SHA}
        with: { name: site, path: . }
`;
    expect(audit(text)).toEqual([expect.objectContaining({ rule: 'workflow/artipacked', severity: 'high', line: 7, column: 9 })]);
  });

  it('flags GITHUB_ENV writes of untrusted data in privileged workflows only', () => {
    const body = `permissions: {}
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - run: echo "NAME=$TITLE" >> "$GITHUB_ENV"
      - run: echo "STATIC=1" >> "$GITHUB_ENV"
`;
    expect(rules(audit(`on: workflow_run\n${body}`, { disabled: new Set(['dangerous-triggers']) }))).toEqual(['workflow/github-env@7:9']);
    expect(audit(`on: push\n${body}`)).toEqual([]);
  });

  it('flags excessive permissions with the right severity, and only where a job inherits them', () => {
    const text = (secondJobPermissions: string): string => `on: push
permissions: write-all
jobs:
  a:
    runs-on: ubuntu-latest
    permissions:
      contents: write
    steps:
      - run: echo hi
  b:
    runs-on: ubuntu-latest
${secondJobPermissions}    steps:
      - run: echo hi
`;
    expect(audit(text(''))).toEqual([
      expect.objectContaining({ rule: 'workflow/excessive-permissions', severity: 'high', line: 2, column: 1 }),
    ]);
    // Every job sets its own permissions: the workflow-level grant reaches nobody (pedantic only).
    expect(audit(text('    permissions: {}\n'))).toEqual([]);
    expect(
      audit(text('    permissions: {}\n'), { persona: 'pedantic' }).filter((f) => f.rule === 'workflow/excessive-permissions'),
    ).toHaveLength(1);
    const single = `on: push\npermissions:\n  statuses: write\n  pages: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n`;
    // One job: the workflow's grant is that job's own, so zizmor leaves it to pedantic readers.
    expect(audit(single)).toEqual([]);
    expect(
      audit(single, { persona: 'pedantic' })
        .filter((f) => f.rule === 'workflow/excessive-permissions')
        .map((f) => `${f.line}:${f.severity}`),
    ).toEqual(['4:high', '3:low']);
  });

  it('flags insecure commands and cache poisoning in release workflows', () => {
    const text = `on:
  push:
    tags: ['v*']
permissions: {}
env:
  ACTIONS_ALLOW_UNSECURE_COMMANDS: true
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-go@${SHA} # v5.0.0
      - uses: actions/setup-go@${SHA} # v5.0.0
        with:
          cache: false
`;
    expect(rules(audit(text))).toEqual(['workflow/insecure-commands@5:1', 'workflow/cache-poisoning@11:9']);
  });

  it('audits Dependabot configuration', () => {
    const text = `version: 2
updates:
  - package-ecosystem: npm
    directory: /
    schedule: { interval: daily }
    cooldown:
      default-days: 3
    insecure-external-code-execution: allow
  - package-ecosystem: pip
    directory: /
    schedule: { interval: daily }
  - package-ecosystem: cargo
    directory: /
    schedule: { interval: daily }
    cooldown: { default-days: 7 }
`;
    expect(rules(audit(text, {}, 'dependabot'))).toEqual([
      'workflow/dependabot-execution@8:5',
      'workflow/dependabot-cooldown@7:7',
      'workflow/dependabot-cooldown@9:5',
    ]);
  });

  it('audits composite actions: inputs in run are injectable', () => {
    const text = `name: a
description: a
inputs:
  x: { description: x }
runs:
  using: composite
  steps:
    - run: echo \${{ inputs.x }}
      shell: bash
`;
    expect(rules(audit(text, {}, 'action'))).toEqual(['workflow/template-injection@8:21']);
  });
});

describe('robustness', () => {
  it('never throws on mutated workflows (deterministic fuzz)', () => {
    const base = `on:
  pull_request_target:
permissions: {}
env: &e
  A: \${{ github.event.issue.title }}
jobs:
  j:
    runs-on: \${{ matrix.os }}
    strategy: { matrix: { os: [ubuntu-latest, self-hosted] } }
    container: { image: "node:\${{ matrix.v }}" }
    steps:
      - uses: actions/checkout@v4
        with: { ref: "\${{ github.head_ref }}" }
      - run: |
          echo "\${{ (github.event.pull_request || github.event.issue).title }}" >> $GITHUB_ENV
        env: *e
        if: \${{ contains('a,b', github.ref) }} && true
`;
    const junk = ['${{', '}}', "'", '"', ':', '- ', '\n', '  ', '*e', '&x ', '<<: *e\n', '|', '>', '#', '[', '{', '\t', '(', '\\'];
    let seed = 7;
    const rnd = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let findings = 0;
    for (let i = 0; i < 400; i++) {
      let t = base;
      for (let k = 0; k < 1 + rnd(3); k++) {
        const pos = rnd(t.length + 1);
        t = rnd(3) === 0 ? t.slice(0, pos) + t.slice(pos + rnd(15)) : t.slice(0, pos) + (junk[rnd(junk.length)] ?? '') + t.slice(pos);
      }
      for (const kind of ['workflow', 'action', 'dependabot'] as const) findings += audit(t, { persona: 'auditor' }, kind).length;
    }
    expect(findings).toBeGreaterThan(400);
  });
});

describe('auditWorkflows on a tree', () => {
  let dir: string;
  const secret = path.join(mkdtempSync(path.join(tmpdir(), 'sf-audit-secret-')), 'token.yml');
  writeFileSync(secret, 'SECRET-TOKEN: 1\n');
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sf-audit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };

  it('finds workflows and actions anywhere, skipping node_modules, with relative paths', async () => {
    write('.github/workflows/ci.yml', `${SAFE_HEADER}      - uses: actions/checkout@v4\n        with: { persist-credentials: false }\n`);
    write('.github/workflows/notes.txt', 'not yaml');
    write('tools/deploy/action.yaml', 'name: d\ndescription: d\nruns:\n  using: composite\n  steps:\n    - uses: foo/bar@main\n');
    write('node_modules/x/action.yml', 'name: d\ndescription: d\nruns:\n  using: composite\n  steps:\n    - uses: foo/bar@main\n');
    write('docs/example.yml', 'on: push\njobs: {}\n');
    const logger = new MemoryLogger();
    const r = await auditWorkflows({ root: dir, logger });
    expect(r.files).toEqual(['.github/workflows/ci.yml', 'tools/deploy/action.yaml']);
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual([
      '.github/workflows/ci.yml:7:workflow/unpinned-uses',
      'tools/deploy/action.yaml:6:workflow/unpinned-uses',
    ]);
    expect(r.findings[0]!.properties).toMatchObject({ zizmor: 'unpinned-uses', persona: 'regular', confidence: 'high' });
  });

  it('skips rules and paths given in ignore', async () => {
    write('.github/workflows/ci.yml', `${SAFE_HEADER}      - uses: actions/checkout@v4\n`);
    write('examples/action.yml', 'name: d\ndescription: d\nruns:\n  using: composite\n  steps:\n    - uses: foo/bar@main\n');
    const r = await auditWorkflows({ root: dir, ignore: ['unpinned-uses', 'examples/**'], logger: new MemoryLogger() });
    expect(r.files).toEqual(['.github/workflows/ci.yml']);
    expect(r.findings.map((f) => f.rule)).toEqual(['workflow/artipacked']);
  });

  it.each([
    ['a FIFO', (f: string) => execFileSync('mkfifo', [f]), 'the workflow file is a FIFO (named pipe), not a regular file; refused'],
    ['a link leaving the repository', (f: string) => symlinkSync(secret, f), 'is a symbolic link to a place outside'],
    ['a link to /dev/zero', (f: string) => symlinkSync('/dev/zero', f), 'is a symbolic link to a place outside'],
  ])('a workflow that is %s is refused by name, never skipped (the audit would pass without it)', async (_what, make, message) => {
    write('.github/workflows/ok.yml', `${SAFE_HEADER}      - run: echo ok\n`);
    make(path.join(dir, '.github/workflows/ci.yml'));
    let error: unknown;
    try {
      await auditWorkflows({ root: dir, logger: new MemoryLogger() });
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toContain(message);
    expect((error as ConfigurationError).location?.file).toBe(path.join(dir, '.github/workflows/ci.yml'));
    expect(JSON.stringify(error)).not.toContain('SECRET');
  });

  it('a link to a workflow inside the repository is audited as that workflow', async () => {
    write('shared/ci.yml', `${SAFE_HEADER}      - uses: actions/checkout@v4\n        with: { persist-credentials: false }\n`);
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    symlinkSync('../../shared/ci.yml', path.join(dir, '.github/workflows/ci.yml'));
    const r = await auditWorkflows({ root: dir, logger: new MemoryLogger() });
    expect(r.files).toEqual(['.github/workflows/ci.yml']);
    expect(r.findings.map((f) => `${f.file}:${f.line}:${f.rule}`)).toEqual(['.github/workflows/ci.yml:7:workflow/unpinned-uses']);
  });

  it('refuses a huge file and a missing root with ConfigurationError', async () => {
    write('.github/workflows/big.yml', `on: push\n# ${'x'.repeat(MAX_WORKFLOW_BYTES + 10)}\n`);
    await expect(auditWorkflows({ root: dir, logger: new MemoryLogger() })).rejects.toThrow(
      /big\.yml is 5\.0 MB, larger than the 5 MB limit/,
    );
    await expect(auditWorkflows({ root: path.join(dir, 'nope'), logger: new MemoryLogger() })).rejects.toBeInstanceOf(ConfigurationError);
  });
});
