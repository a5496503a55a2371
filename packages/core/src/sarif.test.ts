import { describeShared } from '../../../test/support/shared.js';
import { sarifValidator } from '../../../test/support/schemas.js';
import type { Finding } from './findings.js';
import { toSarif } from './sarif.js';

describeShared('SARIF 2.1.0 output', () => {
  it('validates against the OASIS schema, with locations, waivers and rules', () => {
    const findings: Finding[] = [
      {
        rule: 'workflow/template-injection',
        severity: 'high',
        message: 'code injection via ${{ github.event.issue.title }}',
        file: '.github/workflows/ci.yml',
        line: 12,
        column: 9,
        blocking: true,
        help: 'pass it through env:',
      },
      {
        rule: 'materials/vulnerable-package',
        severity: 'critical',
        message: 'GHSA-x in lodash',
        file: 'package-lock.json',
        line: 40,
        waived: { reason: 'r', approver: 'bob', expires: '2026-12-01' },
      },
      { rule: 'materials/no-location', severity: 'low', message: 'no file' },
    ];
    const log = toSarif({ name: 'secure-factory', version: '0.1.0', informationUri: 'https://example.com', rules: [] }, findings);
    expect(sarifValidator()(log)).toEqual([]);
  });
});

describe('SARIF from hostile findings', () => {
  it('shows control characters as text and escapes markdown in help', () => {
    const log = toSarif({ name: 't', version: '1', informationUri: 'https://example.com', rules: [] }, [
      {
        rule: 'vuln',
        severity: 'high',
        message: 'RCE \u001b[31m\n::error::x',
        help: 'upgrade [here](https://evil.example) <img src=x>',
      },
    ]) as unknown as {
      runs: { results: { message: { text: string } }[]; tool: { driver: { rules: { help: { markdown: string } }[] } } }[];
    };
    const run = log.runs[0]!;
    expect(run.results[0]!.message.text).toContain('\\u001b[31m');
    expect(run.tool.driver.rules[0]!.help.markdown).toBe('upgrade \\[here\\]\\(https://evil.example\\) \\<img src=x\\>');
  });
});
