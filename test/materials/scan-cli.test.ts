/** `secure-factory scan` as a user runs it: the --json contract, SARIF, evidence and the exit codes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { sarifValidator } from '../support/schemas.js';
import { describeShared, readJsonl, sharedPath } from '../support/shared.js';
import { copy, CRITICAL_ADVISORY, osvDatabase, POSTCSS_ADVISORY, put, scalibr, tempDir } from './fixtures.js';

interface ScanJson {
  packages: {
    ecosystem: string;
    name: string;
    version: string;
    purl: string;
    groups: string[];
    direct: boolean | null;
    source_file: string;
  }[];
  vulnerabilities: {
    id: string;
    aliases: string[];
    package: { ecosystem: string; name: string; version: string };
    severity: string;
    fixed_versions: string[];
    waived: boolean;
  }[];
  findings: { rule: string; blocking?: boolean }[];
  summary: { blocking: number; passed: boolean };
}

describeShared('secure-factory scan', () => {
  it('prints the JSON contract and exits 1 on a blocking finding', async () => {
    const root = tempDir();
    copy(root, 'package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
    const db = osvDatabase([POSTCSS_ADVISORY, CRITICAL_ADVISORY]);
    const sarif = path.join(root, 'out.sarif');
    const r = await runCli(['scan', root, '--osv-db', db, '--offline', '--json', '--sarif', sarif, '--evidence', path.join(root, 'ev')]);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as ScanJson;
    expect(out.packages).toContainEqual({
      ecosystem: 'npm',
      name: 'postcss',
      version: '7.0.16',
      purl: 'pkg:npm/postcss@7.0.16',
      groups: [],
      direct: false,
      source_file: 'package-lock.json',
      line: 34,
    });
    expect(out.vulnerabilities).toContainEqual({
      id: 'GHSA-7fh5-64p2-3v2j',
      aliases: ['CVE-2023-44270'],
      package: { ecosystem: 'npm', name: 'postcss', version: '6.0.23' },
      severity: 'medium',
      score: '5.3',
      fixed_versions: ['8.4.31'],
      summary: 'PostCSS line return parsing error',
      waived: false,
    });
    expect(out.summary).toMatchObject({ blocking: 2, passed: false });
    expect(out.findings.filter((f) => f.blocking).map((f) => f.rule)).toEqual([
      'materials/vulnerable-package',
      'materials/vulnerable-package',
    ]);
    expect(r.stderr).toContain('package-lock.json:58');
    expect(sarifValidator()(JSON.parse(readFileSync(sarif, 'utf8')))).toEqual([]);
  });

  it('exits 0 when nothing blocks, and 2 with the file and line on a broken lockfile', async () => {
    const root = tempDir();
    copy(root, 'Cargo.lock', scalibr('rust/cargolock', 'package-with-build-string.lock'));
    const db = osvDatabase([POSTCSS_ADVISORY]);
    const ok = await runCli(['scan', root, '--osv-db', db, '--json']);
    expect(ok.exitCode).toBe(0);
    expect((JSON.parse(ok.stdout) as ScanJson).packages.map((p) => p.purl)).toEqual(['pkg:cargo/wasi@0.10.2+wasi-snapshot-preview1']);

    put(root, 'sub/package-lock.json', '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/x": {"version": 1}\n  }\n}\n');
    const bad = await runCli(['scan', root, '--osv-db', db, '--json']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('sub/package-lock.json');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'CONFIGURATION', location: { file: 'sub/package-lock.json' } } });
  });

  it('refuses --offline without a database', async () => {
    const r = await runCli(['scan', tempDir(), '--offline']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--offline needs an OSV database');
  });
});

describeShared('osv-scanner fixtures', () => {
  // osv-scanner's own end-to-end case: locks-many-with-insecure holds ansi-html 0.0.1, which osv.dev
  // reports as GHSA-whgm-jr23-g3j9 (fixed in 0.0.8, CVSS 7.5). The folder's osv-scanner.toml ignores
  // every package; secure-factory must not honour it, and must say so.
  const dir = path.join(sharedPath('corpora', 'lockfiles', 'osv-scanner'), 'cmd/osv-scanner/scan/source/testdata/locks-many-with-insecure');
  const ANSI_HTML = {
    schema_version: '1.6.0',
    id: 'GHSA-whgm-jr23-g3j9',
    modified: '2026-11-24T00:00:00Z',
    aliases: ['CVE-2021-23424'],
    summary: 'Uncontrolled Resource Consumption in ansi-html',
    affected: [
      {
        package: { ecosystem: 'npm', name: 'ansi-html' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0.0.8' }] }],
      },
    ],
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
  };

  it('finds the expected vulnerability and reports the suppression file it ignores', async () => {
    const expected = readJsonl<{ expected_vulns: { id: string; package: string; version: string; fixed: string; cvss: number }[] }>(
      'corpora',
      'lockfiles',
      'osv-scanner',
      'expected-e2e.jsonl',
    )[0];
    const r = await runCli([
      'scan',
      dir,
      '--osv-db',
      osvDatabase([ANSI_HTML]),
      '--json',
      '--policy',
      put(tempDir(), 'p.yml', 'apiVersion: secure-factory/v1\nmaterials: { block-severity: high }\n'),
    ]);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout) as ScanJson;
    const files = new Set(out.packages.map((p) => p.source_file));
    // replace-local.mod is not named go.mod, and alpine.cdx.xml is an XML SBOM: neither is read.
    expect([...files].sort()).toEqual(['Gemfile.lock', 'composer.lock', 'package-lock.json', 'yarn.lock']);
    for (const v of expected?.expected_vulns ?? []) {
      expect(out.vulnerabilities).toContainEqual(
        expect.objectContaining({
          id: v.id,
          package: { ecosystem: 'npm', name: v.package, version: v.version },
          fixed_versions: [v.fixed],
          severity: 'high',
          score: String(v.cvss),
          waived: false,
        }),
      );
    }
    expect(out.findings).toContainEqual(expect.objectContaining({ rule: 'materials/suppression-file-ignored', file: 'osv-scanner.toml' }));
  });
});
