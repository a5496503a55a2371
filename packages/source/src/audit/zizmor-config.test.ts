import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, MemoryLogger } from '@secure-factory/core';
import { auditWorkflows, auditWorkflowText } from './audit-workflows.js';
import { discoverZizmorConfig, parseUsesPattern, parseZizmorConfig } from './zizmor-config.js';

const SHA = '11bd71901bbe5b1630ceea73d27597364c9af683';
const WORKFLOW = `on: push
permissions: {}
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
      - uses: docker/login-action@v3
      - uses: github/codeql-action/analyze@v3
      - uses: github/codeql-action/init@${SHA}
      - uses: acme/internal
`;

const findings = (config: string, text = WORKFLOW): string[] =>
  auditWorkflowText(text, '.github/workflows/ci.yml', 'workflow', { config: parseZizmorConfig(config, 'zizmor.yml') }).map(
    (f) => `${f.rule}@${f.line}:${f.severity}`,
  );

describe('zizmor configuration', () => {
  it('without policies every action must be hash-pinned', () => {
    expect(findings('rules: {}')).toEqual([
      'workflow/unpinned-uses@7:high',
      'workflow/unpinned-uses@8:high',
      'workflow/unpinned-uses@9:high',
      'workflow/unpinned-uses@11:high',
    ]);
  });

  it('applies the most specific unpinned-uses policy', () => {
    const config = `rules:
  unpinned-uses:
    config:
      policies:
        "*": ref-pin
        actions/*: any
        github/codeql-action/*: hash-pin
        github/codeql-action/init: ref-pin
`;
    // setup-node: any; login-action: ref-pin (has a ref); analyze: hash-pin; init: ref-pin; internal: no ref at all
    expect(findings(config)).toEqual(['workflow/unpinned-uses@9:high', 'workflow/unpinned-uses@11:high']);
  });

  it('forbids actions by deny or allow list, with refs when given', () => {
    const deny = `rules:
  unpinned-uses: { disable: true }
  forbidden-uses: { config: { deny: [docker/*, actions/setup-node@v3] } }
`;
    expect(findings(deny)).toEqual(['workflow/forbidden-uses@8:high']);
    const allow = `rules:
  unpinned-uses: { disable: true }
  forbidden-uses: { config: { allow: [actions/*, github/codeql-action/*] } }
`;
    expect(findings(allow)).toEqual(['workflow/forbidden-uses@8:high', 'workflow/forbidden-uses@11:high']);
  });

  it('ignores findings by file, line and column, and remaps severities', () => {
    const config = `rules:
  unpinned-uses:
    ignore: [ci.yml:7, ci.yml:8:15, other.yml]
    remap: { severity: low }
`;
    expect(findings(config)).toEqual(['workflow/unpinned-uses@9:low', 'workflow/unpinned-uses@11:low']);
  });

  it('sets the Dependabot cooldown', () => {
    const dependabot = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    cooldown: { default-days: 3 }\n';
    const audit = (config: string): number =>
      auditWorkflowText(dependabot, '.github/dependabot.yml', 'dependabot', { config: parseZizmorConfig(config, 'zizmor.yml') }).length;
    expect(audit('rules: {}')).toBe(1);
    expect(audit('rules: { dependabot-cooldown: { config: { days: 2 } } }')).toBe(0);
  });

  it('rejects malformed configuration with file, line and column', () => {
    const bad = (text: string): ConfigurationError => {
      try {
        parseZizmorConfig(text, 'zizmor.yml');
      } catch (e: unknown) {
        if (e instanceof ConfigurationError) return e;
        throw e;
      }
      throw new Error('accepted');
    };
    expect(bad('rules:\n  unpinned-uses:\n    config:\n      policies:\n        "acme": any\n').location).toEqual({
      file: 'zizmor.yml',
      line: 5,
      column: 9,
    });
    expect(bad('rules:\n  unpinned-uses:\n    config:\n      policies:\n        "acme/*": pinned\n').message).toMatch(
      /not a pinning policy/,
    );
    expect(bad('rules:\n  forbidden-uses:\n    config: { allow: [a/b], deny: [c/d] }\n').message).toMatch(/exactly one of allow or deny/);
    expect(bad('rules:\n  dependabot-cooldown:\n    config: { days: 0 }\n').message).toMatch(/positive whole number/);
    expect(bad('rules:\n  artipacked:\n    disabled: true\n').message).toMatch(/unknown setting/);
    expect(bad('rules: [1, 2]\n').message).toMatch(/mapping/);
  });

  it('parses repository patterns as zizmor documents them', () => {
    expect(parseUsesPattern('*')?.specificity).toBe(0);
    expect(parseUsesPattern('actions/*')?.specificity).toBe(1);
    expect(parseUsesPattern('github/codeql-action/*')?.specificity).toBe(2);
    expect(parseUsesPattern('actions/cache')?.specificity).toBe(3);
    expect(parseUsesPattern('github/codeql-action/init')?.specificity).toBe(4);
    expect(parseUsesPattern('actions/checkout@v4')?.specificity).toBe(5);
    for (const bad of ['acme', 'acme/', 'a/b*c', '*/x', 'a/b@', 'a/*/c'])
      expect({ bad, parsed: parseUsesPattern(bad) }).toEqual({ bad, parsed: undefined });
  });
});

describe('zizmor configuration discovery', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sf-zizmor-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds .github/zizmor.yml of the repository and stops at the repository top', async () => {
    mkdirSync(path.join(dir, 'repo', '.git'), { recursive: true });
    mkdirSync(path.join(dir, 'repo', '.github', 'workflows'), { recursive: true });
    writeFileSync(path.join(dir, 'zizmor.yml'), 'rules: { artipacked: { disable: true } }\n');
    writeFileSync(path.join(dir, 'repo', '.github', 'workflows', 'ci.yml'), WORKFLOW);
    expect(discoverZizmorConfig(path.join(dir, 'repo'))).toBeUndefined();
    writeFileSync(path.join(dir, 'repo', '.github', 'zizmor.yml'), 'rules: { unpinned-uses: { disable: true } }\n');
    expect(discoverZizmorConfig(path.join(dir, 'repo'))).toBe(path.join(dir, 'repo', '.github', 'zizmor.yml'));
    const logger = new MemoryLogger();
    const r = await auditWorkflows({ root: path.join(dir, 'repo'), logger });
    expect(r.findings).toEqual([]);
    expect(logger.text()).toMatch(/using zizmor configuration/);
    const all = await auditWorkflows({ root: path.join(dir, 'repo'), zizmorConfig: false, logger });
    expect(all.findings.map((f) => f.rule)).toContain('workflow/unpinned-uses');
  });
});
