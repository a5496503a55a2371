/**
 * `secure-factory audit-workflows` as a user runs it: the real bin in a child process, JSON on stdout,
 * SARIF validated against the OASIS schema, exit codes per the CLI contract.
 */
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

  it("the project's own workflows and actions have no findings", async () => {
    const r = await runCli(['audit-workflows', REPO_ROOT, '--json', '--block-severity', 'info']);
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; files: string[] };
    expect(out.files).toEqual(expect.arrayContaining(['action.yml']));
    expect(out.findings).toEqual([]);
    expect(r.exitCode).toBe(0);
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
