/**
 * `secure-factory audit-workflows` as a user runs it: the real bin in a child process, JSON on stdout,
 * SARIF validated against the OASIS schema, exit codes per the CLI contract.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { sarifValidator } from '../support/schemas.js';
import { describeShared, REPO_ROOT } from '../support/shared.js';

const VULNERABLE = `on:
  pull_request_target:
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: echo "Thanks for \${{ github.event.pull_request.title }}"
`;

interface JsonFinding {
  rule: string;
  zizmor: string | null;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sf-audit-cli-'));
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('secure-factory audit-workflows', () => {
  it('prints findings as JSON with rule, zizmor id, severity and position, and exits 1 on high findings', async () => {
    writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), VULNERABLE);
    const r = await runCli(['audit-workflows', dir, '--json']);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; files: string[] };
    expect(out.files).toEqual(['.github/workflows/greet.yml']);
    const byRule = (rule: string): JsonFinding | undefined => out.findings.find((f) => f.rule === rule);
    expect(byRule('workflow/template-injection')).toEqual(
      expect.objectContaining({
        zizmor: 'template-injection',
        severity: 'high',
        file: '.github/workflows/greet.yml',
        line: 10,
        column: 35,
      }),
    );
    expect(byRule('workflow/dangerous-triggers')).toEqual(expect.objectContaining({ severity: 'critical', line: 1, column: 1 }));
    expect(byRule('workflow/unpinned-uses')).toEqual(expect.objectContaining({ line: 7, column: 15 }));
    expect(byRule('workflow/artipacked')).toEqual(expect.objectContaining({ line: 7, column: 9 }));
    for (const f of out.findings)
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['rule', 'zizmor', 'severity', 'file', 'line', 'column', 'message']));
    expect(r.stderr).toMatch(/greet\.yml:10:35: \[high\] workflow\/template-injection/);
  });

  it('exits 0 when nothing reaches the block severity, and 2 on a bad persona', async () => {
    writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), VULNERABLE);
    const ok = await runCli(['audit-workflows', dir, '--json', '--block-severity', 'none']);
    expect(ok.exitCode).toBe(0);
    expect((JSON.parse(ok.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(3);
    const bad = await runCli(['audit-workflows', dir, '--persona', 'paranoid', '--json']);
    expect(bad.exitCode).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'CONFIGURATION' } });
    expect(bad.stderr).toMatch(/regular, pedantic, auditor/);
  });

  it('reports malformed YAML with its line and column instead of crashing', async () => {
    writeFileSync(path.join(dir, '.github', 'workflows', 'broken.yml'), 'on: push\njobs:\n  a: [\n');
    const r = await runCli(['audit-workflows', dir, '--json']);
    expect(r.exitCode).toBe(1);
    const [f] = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
    expect(f).toMatchObject({ rule: 'workflow/invalid-yaml', file: '.github/workflows/broken.yml' });
    expect(f!.line).toBeGreaterThanOrEqual(3);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('honours a zizmor configuration, and refuses a broken one with exit 2', async () => {
    writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), VULNERABLE);
    writeFileSync(
      path.join(dir, '.github', 'zizmor.yml'),
      'rules:\n  unpinned-uses:\n    config:\n      policies:\n        actions/*: ref-pin\n',
    );
    const r = await runCli(['audit-workflows', dir, '--json']);
    const rules = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.rule);
    expect(rules).toContain('workflow/template-injection');
    expect(rules).not.toContain('workflow/unpinned-uses');
    expect(r.stderr).toMatch(/using zizmor configuration/);
    const ignored = await runCli(['audit-workflows', dir, '--json', '--no-zizmor-config']);
    expect((JSON.parse(ignored.stdout) as { findings: JsonFinding[] }).findings.map((f) => f.rule)).toContain('workflow/unpinned-uses');
    writeFileSync(path.join(dir, 'bad.yml'), 'rules:\n  unpinned-uses:\n    config:\n      policies:\n        "acme": any\n');
    const bad = await runCli(['audit-workflows', dir, '--json', '--zizmor-config', path.join(dir, 'bad.yml')]);
    expect(bad.exitCode).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'CONFIGURATION', location: { line: 5, column: 9 } } });
  });

  it('finds workflows from the repository root, .github or .github/workflows; nothing to audit is exit 2', async () => {
    writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), VULNERABLE);
    for (const target of [dir, path.join(dir, '.github'), path.join(dir, '.github', 'workflows')]) {
      const r = await runCli(['audit-workflows', target, '--json', '--block-severity', 'none']);
      const out = JSON.parse(r.stdout) as { files: string[]; findings: JsonFinding[] };
      expect({ target, n: out.files.length }).toEqual({ target, n: 1 });
      expect(out.findings.map((f) => f.rule)).toContain('workflow/template-injection');
    }
    const empty = mkdtempSync(path.join(tmpdir(), 'sf-audit-empty-'));
    try {
      mkdirSync(path.join(empty, '.github', 'workflows'), { recursive: true });
      const r = await runCli(['audit-workflows', path.join(empty, '.github', 'workflows'), '--json']);
      expect(r.exitCode).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'CONFIGURATION' } });
      expect(r.stderr).toMatch(/no workflow, action or Dependabot file found/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('--min-severity and --min-confidence hide findings below them, as zizmor', async () => {
    writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), VULNERABLE);
    const all = JSON.parse((await runCli(['audit-workflows', dir, '--json', '--block-severity', 'none'])).stdout) as {
      findings: (JsonFinding & { confidence: string })[];
    };
    const high = JSON.parse(
      (await runCli(['audit-workflows', dir, '--json', '--block-severity', 'none', '--min-severity', 'high'])).stdout,
    ) as {
      findings: JsonFinding[];
      belowThreshold: number;
    };
    expect(all.findings.some((f) => f.severity === 'medium')).toBe(true);
    expect(high.findings.every((f) => f.severity === 'high' || f.severity === 'critical')).toBe(true);
    expect(high.findings.length + high.belowThreshold).toBe(all.findings.length);
    const sure = JSON.parse(
      (await runCli(['audit-workflows', dir, '--json', '--block-severity', 'none', '--min-confidence', 'high'])).stdout,
    ) as { findings: (JsonFinding & { confidence: string })[] };
    expect(all.findings.some((f) => f.confidence === 'low')).toBe(true);
    expect(sure.findings.every((f) => f.confidence === 'high')).toBe(true);
    const bad = await runCli(['audit-workflows', dir, '--min-severity', 'severe']);
    expect(bad.exitCode).toBe(2);
  });

  it('--fix writes a patch that git applies and that clears the mechanical findings; nothing is edited in place', async () => {
    const wf = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4 # old comment
      - uses: actions/setup-node@v4
        with:
          node-version: 24
      - uses: ./local-action
      - uses: actions/cache/save/../save@v4
`;
    const file = path.join(dir, '.github', 'workflows', 'build.yml');
    writeFileSync(file, wf);
    const sha = 'a'.repeat(40);
    writeFileSync(path.join(dir, 'pins.txt'), `# owner/repo@ref sha\nactions/checkout@v4 ${sha}\nactions/cache@v4 ${'b'.repeat(40)}\n`);
    const patch = path.join(dir, 'fixes.patch');
    const r = await runCli([
      'audit-workflows',
      dir,
      '--json',
      '--block-severity',
      'none',
      '--fix',
      patch,
      '--pins',
      path.join(dir, 'pins.txt'),
    ]);
    expect(r.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(wf);
    const text = readFileSync(patch, 'utf8');
    expect(text).toMatch(/^--- a\/\.github\/workflows\/build\.yml$/m);
    expect(text).toContain(`+      - uses: actions/checkout@${sha} # v4`);
    expect(text).toContain('+permissions: {}');
    expect(text).toContain('+          persist-credentials: false');
    expect(text).toContain('+      - uses: $/local-action');
    expect(text).toContain(`+      - uses: actions/cache/save@${'b'.repeat(40)} # v4`);
    const out = JSON.parse(r.stdout) as { fix: { skipped: string[] } };
    expect(out.fix.skipped.join('\n')).toMatch(/actions\/setup-node@v4/);
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('git', ['-C', dir, 'apply', patch]);
    const after = JSON.parse((await runCli(['audit-workflows', dir, '--json', '--block-severity', 'none'])).stdout) as {
      findings: JsonFinding[];
    };
    const rules = after.findings.map((f) => `${f.rule}@${f.line}`);
    expect(rules.filter((x) => /artipacked|excessive-permissions|self-repository|obfuscation/.test(x))).toEqual([]);
    expect(rules.filter((x) => x.startsWith('workflow/unpinned-uses'))).toEqual(['workflow/unpinned-uses@11']);
  });

  it('--trusted-revision honours only suppressions that are unchanged since that revision', async () => {
    const git = (...args: string[]): string =>
      execFileSync('git', ['-C', dir, '-c', 'user.email=a@example.com', '-c', 'user.name=A', '-c', 'commit.gpgsign=false', ...args], {
        encoding: 'utf8',
      });
    const file = path.join(dir, '.github', 'workflows', 'greet.yml');
    const base = `on: push
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4 # zizmor: ignore[unpinned-uses]
      - uses: actions/setup-go@v5
`;
    writeFileSync(file, base);
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    const baseSha = git('rev-parse', 'HEAD').trim();
    // The change adds an ignore comment for its own finding, and a zizmor.yml turning the rule off.
    writeFileSync(file, base.replace('actions/setup-go@v5', 'actions/setup-go@v5 # zizmor: ignore[unpinned-uses]'));
    writeFileSync(path.join(dir, '.github', 'zizmor.yml'), 'rules:\n  unpinned-uses:\n    disable: true\n');
    const r = await runCli(['audit-workflows', dir, '--json', '--trusted-revision', baseSha]);
    const out = JSON.parse(r.stdout) as {
      findings: JsonFinding[];
      suppressed: { rule: string; line: number; by: string }[];
      refused: { rule: string; line: number; by: string }[];
    };
    expect(out.findings.map((f) => `${f.rule}@${f.line}`)).toEqual(['workflow/unpinned-uses@8']);
    expect(out.suppressed).toEqual([expect.objectContaining({ rule: 'workflow/unpinned-uses', line: 7, by: 'inline' })]);
    expect(out.refused).toEqual([expect.objectContaining({ rule: 'workflow/unpinned-uses', line: 8, by: 'inline' })]);
    expect(r.stderr).toMatch(/zizmor\.yml differs from the trusted revision/);
    expect(r.exitCode).toBe(1);
    // Without a trusted revision (a developer's own checkout) the working tree's suppressions count.
    const local = JSON.parse((await runCli(['audit-workflows', dir, '--json'])).stdout) as { findings: JsonFinding[] };
    expect(local.findings.map((f) => f.rule)).not.toContain('workflow/unpinned-uses');
  });

  it("the project's own workflows and actions have no findings", async () => {
    const r = await runCli(['audit-workflows', REPO_ROOT, '--json', '--block-severity', 'info']);
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; files: string[] };
    expect(out.files).toEqual(expect.arrayContaining(['action.yml']));
    // Known and low: the reusable-workflow call in release.yml still uses `./` (test/workflows keeps
    // `$/` for actions); every other finding would be new.
    expect(out.findings.filter((f) => !(f.rule === 'workflow/self-repository' && f.file === '.github/workflows/release.yml'))).toEqual([]);
    expect(r.exitCode).toBe(out.findings.length > 0 ? 1 : 0);
    const examples = readdirSync(path.join(REPO_ROOT, 'workflows')).filter((f) => /\.ya?ml$/.test(f));
    for (const f of examples) {
      const e = await runCli(['audit-workflows', path.join(REPO_ROOT, 'workflows', f), '--json', '--block-severity', 'info']);
      expect({ f, findings: (JSON.parse(e.stdout) as { findings: JsonFinding[] }).findings }).toEqual({ f, findings: [] });
    }
  });
});

describeShared('audit-workflows SARIF', () => {
  it('validates against the SARIF 2.1.0 schema, with rules carrying their zizmor equivalent', async () => {
    writeFileSync(path.join(dir, '.github', 'workflows', 'greet.yml'), VULNERABLE);
    const sarifFile = path.join(dir, 'out.sarif');
    const r = await runCli(['audit-workflows', dir, '--sarif', sarifFile]);
    expect(r.exitCode).toBe(1);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8')) as {
      runs: { tool: { driver: { rules: { id: string; properties: { equivalent?: { zizmor: string } } }[] } }; results: unknown[] }[];
    };
    expect(sarifValidator()(log)).toEqual([]);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.find((x) => x.id === 'workflow/template-injection')?.properties.equivalent).toEqual({
      zizmor: 'template-injection',
    });
    expect(run.results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'workflow/template-injection',
          level: 'error',
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: '.github/workflows/greet.yml' },
                region: expect.objectContaining({ startLine: 10, startColumn: 35 }) as unknown,
              },
            },
          ],
        }),
      ]),
    );
  });
});
