/**
 * The materials stage end to end on real files: inventory across formats, OSV matching through the
 * offline database, every `materials:` policy rule, waivers, SBOMs validated against the official
 * CycloneDX 1.6 and SPDX 2.3 schemas, the evidence statements, and SBOM input for the rescan loop.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EvidenceFolder, MemoryLogger, parsePolicy, PREDICATE, type Policy } from '@secure-factory/core';
import { openOfflineDatabase, scan, scanSarif, scanSummary, type ScanResult } from '@secure-factory/materials';
import { cycloneDxValidator, sarifValidator, spdxValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';
import { copy, CRITICAL_ADVISORY, gitInit, osvDatabase, polyglotProject, POSTCSS_ADVISORY, put, scalibr, tempDir } from './fixtures.js';

const NOW = new Date('2026-11-25T12:00:00Z');

function policy(yaml: string): Policy {
  return parsePolicy(`apiVersion: secure-factory/v1\n${yaml}`, '.github/secure-factory.yml', { now: NOW });
}

async function run(root: string, p: Policy, evidenceDir?: string): Promise<ScanResult> {
  const vulnSource = await openOfflineDatabase(osvDatabase([POSTCSS_ADVISORY, CRITICAL_ADVISORY]));
  return scan({ path: root, policy: p, evidenceDir, vulnSource, logger: new MemoryLogger(), now: NOW });
}

const rules = (r: ScanResult, rule: string) => r.findings.filter((f) => f.rule === rule);

describeShared('scan: inventory', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await run(polyglotProject(), policy(''));
  });

  it('reads every lockfile format and skips node_modules and vendor', () => {
    const files = new Set(result.packages.map((p) => p.sourceFile));
    expect([...files].filter((f) => /lock|go\.mod/.test(f)).sort()).toEqual([
      'go/go.mod',
      'legacy/yarn.lock',
      'php/composer.lock',
      'py/Pipfile.lock',
      'py/poetry.lock',
      'rb/Gemfile.lock',
      'rs/Cargo.lock',
      'ui/pnpm-lock.yaml',
      'web/package-lock.json',
    ]);
    const eco = new Set(result.packages.map((p) => p.ecosystem));
    expect([...eco].sort()).toEqual(['Docker', 'GitHub Actions', 'Go', 'Packagist', 'PyPI', 'RubyGems', 'crates.io', 'npm']);
    expect(result.packages.some((p) => p.name === 'stdlib' && p.ecosystem === 'Go' && p.version === '1.17')).toBe(true);
  });

  it('lists actions with purls and pinning, local actions left out', () => {
    const actions = result.packages.filter((p) => p.ecosystem === 'GitHub Actions');
    expect(actions.map((a) => a.purl).sort()).toEqual([
      'pkg:githubactions/acme/workflows@main#.github/workflows/build.yml',
      'pkg:githubactions/actions/cache@v4',
      'pkg:githubactions/actions/checkout@v4',
      'pkg:githubactions/actions/setup-node@1e60f620b9541d16bece96c5465dc8ee9832be0b',
    ]);
    expect(actions.find((a) => a.name === 'actions/setup-node')?.pinned).toBe(true);
    expect(actions.find((a) => a.name === 'actions/checkout')).toMatchObject({
      pinned: false,
      sourceFile: '.github/workflows/ci.yml',
      line: 10,
    });
  });

  it('lists images from Dockerfiles (stages and scratch are not images), compose, Kubernetes and workflow containers', () => {
    const images = result.packages.filter((p) => p.ecosystem === 'Docker');
    expect(images.map((i) => `${i.sourceFile}:${i.line ?? 0} ${i.reference ?? ''} ${i.registry ?? ''} ${String(i.pinned)}`).sort()).toEqual(
      [
        '.github/workflows/ci.yml:6 node:20 docker.io false',
        `.github/workflows/ci.yml:8 ghcr.io/acme/postgres@sha256:${'ab'.repeat(32)} ghcr.io true`,
        'Dockerfile:2 golang:1.23 docker.io false',
        'Dockerfile:4 registry.acme.example/base:1.2 registry.acme.example false',
        `deploy/compose.yaml:3 registry.acme.example/web@sha256:${'ab'.repeat(32)} registry.acme.example true`,
        'deploy/compose.yaml:5 redis:7 docker.io false',
        'deploy/k8s.yaml:10 ghcr.io/acme/web:1.0 ghcr.io false',
        'deploy/k8s.yaml:7 busybox docker.io false',
      ],
    );
    expect(images.find((i) => i.reference === 'node:20')?.purl).toBe('pkg:docker/library/node@20');
  });

  it('reports other scanners suppression files and ignores them', () => {
    expect(
      rules(result, 'materials/suppression-file-ignored')
        .map((f) => f.file)
        .sort(),
    ).toEqual(['.trivyignore', 'web/osv-scanner.toml']);
  });

  it('matches OSV advisories with aliases and fixed versions', () => {
    const v = result.vulnerabilities
      .filter((x) => x.id === 'GHSA-7fh5-64p2-3v2j')
      .map((x) => x.package.version)
      .sort();
    expect(v).toEqual(['6.0.23', '7.0.16']);
    const one = result.vulnerabilities.find((x) => x.id === 'GHSA-7fh5-64p2-3v2j');
    expect(one).toMatchObject({ aliases: ['CVE-2023-44270'], severity: 'medium', fixedVersions: ['8.4.31'], waived: false });
    expect(result.vulnerableCount).toBe(4);
  });

  it('blocks on the default policy: critical advisories, unpinned actions and images', () => {
    const blocking = new Set(result.blocking.map((f) => f.rule));
    expect([...blocking].sort()).toEqual([
      'materials/action-not-pinned',
      'materials/image-not-pinned',
      'materials/integrity-missing',
      'materials/vulnerable-package',
    ]);
    // duplicate.lock records a checksum for one of its two crates; the poetry fixture lists no file hashes.
    expect(
      rules(result, 'materials/integrity-missing')
        .map((f) => f.file)
        .sort(),
    ).toEqual(['py/poetry.lock', 'rs/Cargo.lock']);
    const crit = result.blocking.find((f) => f.rule === 'materials/vulnerable-package');
    expect(crit).toMatchObject({ severity: 'critical', file: 'web/package-lock.json' });
    expect(crit?.line).toBeGreaterThan(0);
    // A medium advisory is reported, not blocking, at the default threshold (critical).
    expect(result.findings.some((f) => f.rule === 'materials/vulnerable-package' && f.severity === 'medium' && f.blocking === false)).toBe(
      true,
    );
  });

  it('renders SARIF that validates and a summary with the blocking table and fixed versions', () => {
    expect(sarifValidator()(scanSarif(result))).toEqual([]);
    const summary = scanSummary(result);
    expect(summary).toContain('refused');
    expect(summary).toContain('fixed in 7.0.0');
    // Every finding, grouped by severity, with the dependency's scope where the lockfile says it.
    expect(summary).toMatch(/### critical \(2, 2 blocking\)[\s\S]*### high/);
    expect(summary).toContain('| scope |');
    expect(summary).toMatch(/web\/package-lock\.json:47` \| SF-TEST-2026-0001 .*\| runtime \|/);
    for (const f of result.findings) expect(summary).toContain(f.rule);
  });

  it('SARIF: one rule per advisory (link, CVSS security-severity), a location and a stable fingerprint for every result', () => {
    const sarif = scanSarif(result) as unknown as {
      runs: {
        tool: { driver: { rules: { id: string; helpUri?: string; properties: Record<string, unknown> }[] } };
        results: {
          ruleId: string;
          locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
          partialFingerprints?: Record<string, string>;
        }[];
      }[];
    };
    const run = sarif.runs[0];
    if (!run) throw new Error('no run');
    const advisories = [...new Set(result.vulnerabilities.map((v) => v.id))];
    for (const id of advisories) {
      const rule = run.tool.driver.rules.find((r) => r.id === id);
      expect(rule?.helpUri).toBe(`https://osv.dev/vulnerability/${id}`);
      expect(Number(rule?.properties['security-severity'])).toBeGreaterThan(0);
    }
    const vulnResults = run.results.filter((r) => advisories.includes(r.ruleId));
    expect(vulnResults).toHaveLength(result.findings.filter((f) => f.rule === 'materials/vulnerable-package').length);
    for (const r of vulnResults) expect(r.locations?.[0]?.physicalLocation.region?.startLine).toBeGreaterThan(0);
    // Every result is placed in a file (GitHub drops results without a location), with a fingerprint.
    for (const r of run.results) {
      expect(r.locations?.[0]?.physicalLocation.artifactLocation.uri).toMatch(/^[^/]/);
      expect(r.partialFingerprints?.['secureFactoryFinding/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(new Set(run.results.map((r) => JSON.stringify(r.partialFingerprints))).size).toBe(run.results.length);
    expect(JSON.stringify(scanSarif(result))).toBe(JSON.stringify(sarif));
  });
});

describeShared('scan: policy', () => {
  it('applies licences, registries, integrity, non-registry sources and image registries', async () => {
    const root = tempDir();
    copy(root, 'composer.lock', scalibr('php/composerlock', 'one-package.json'));
    put(
      root,
      'package-lock.json',
      JSON.stringify({
        lockfileVersion: 3,
        packages: {
          '': { dependencies: { a: '1', b: '1', c: '1' } },
          'node_modules/a': {
            version: '1.0.0',
            resolved: 'https://registry.npmjs.org/a/-/a-1.0.0.tgz',
            integrity: 'sha512-AAAA',
            license: 'GPL-3.0-only',
          },
          'node_modules/b': { version: '1.0.0', resolved: 'https://evil.example.com/b/-/b-1.0.0.tgz', license: 'MIT OR GPL-3.0-only' },
          'node_modules/c': {
            version: '2.0.0',
            resolved: 'git+ssh://git@github.com/acme/c.git#0123456789abcdef0123456789abcdef01234567',
            license: 'Apache-2.0',
          },
        },
      }),
    );
    put(root, 'Dockerfile', `FROM node@sha256:${'cd'.repeat(32)}\n`);
    const r = await run(
      root,
      policy(
        [
          'materials:',
          '  licenses: { allow: [MIT, Apache-2.0], deny: [GPL-3.0-only], unknown: block }',
          '  registries: [registry.npmjs.org, api.github.com/repos/getsentry]',
          '  images: { registries: [ghcr.io/acme], pinned: digest }',
        ].join('\n'),
      ),
    );
    const by = (rule: string) => rules(r, rule).map((f) => f.message);
    expect(by('materials/license-denied')).toEqual([expect.stringContaining('a@1.0.0')]);
    // MIT OR GPL-3.0: the MIT branch avoids the denied licence and satisfies the allow list.
    expect(by('materials/license-not-allowed')).toEqual([]);
    expect(by('materials/registry-not-allowed')).toEqual([expect.stringContaining('evil.example.com')]);
    expect(by('materials/integrity-missing')).toEqual([expect.stringContaining('b@1.0.0')]);
    expect(by('materials/non-registry-source')).toEqual([expect.stringContaining('c@')]);
    expect(by('materials/image-registry-not-allowed')).toEqual([expect.stringContaining('docker.io')]);
    expect(by('materials/image-not-pinned')).toEqual([]);
    expect(r.blocking.length).toBeGreaterThanOrEqual(5);
    // The composer package declares MIT: allowed.
    expect(r.findings.some((f) => f.message.includes('sentry/sdk'))).toBe(false);
  });

  it('waives by advisory or alias until the expiry; an expired waiver is a finding and no longer waives', async () => {
    const root = tempDir();
    copy(root, 'package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
    const waived = await run(
      root,
      policy(`exceptions:\n  - { advisory: CVE-2099-0001, reason: 'not reachable', approver: bob, expires: 2026-12-01 }\n`),
    );
    expect(waived.vulnerabilities.filter((v) => v.id === 'SF-TEST-2026-0001').every((v) => v.waived)).toBe(true);
    expect(waived.blocking).toEqual([]);
    const f = waived.findings.find((x) => x.properties?.advisory === 'SF-TEST-2026-0001');
    expect(f?.waived).toEqual({ reason: 'not reachable', approver: 'bob', expires: '2026-12-01' });

    const expired = await run(
      root,
      policy(`exceptions:\n  - { advisory: SF-TEST-2026-0001, reason: 'old', approver: bob, expires: 2026-11-01 }\n`),
    );
    expect(rules(expired, 'materials/waiver-expired')).toHaveLength(1);
    expect(expired.blocking.map((x) => x.rule)).toContain('materials/vulnerable-package');
  });

  it('evaluates CEL rules over the packages and vulnerabilities', async () => {
    const root = tempDir();
    copy(root, 'package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
    const r = await run(
      root,
      policy(
        [
          'materials:',
          '  rules:',
          '    - { name: no-postcss-6, expression: \'!packages.exists(p, p.name == "postcss" && p.version.startsWith("6."))\', message: \'postcss 6 is end of life\' }',
          "    - { name: few-vulns, expression: 'vulnerabilities.size() < 10' }",
        ].join('\n'),
      ),
    );
    expect(rules(r, 'materials/rule')).toEqual([expect.objectContaining({ message: 'postcss 6 is end of life', blocking: true })]);
  });

  it('fails closed without a vulnerability database', async () => {
    const root = tempDir();
    copy(root, 'package-lock.json', scalibr('javascript/packagelockjson', 'two-packages.v1.json'));
    const r = await scan({ path: root, policy: policy(''), logger: new MemoryLogger(), now: NOW });
    expect(r.blocking.map((f) => f.rule)).toEqual(['materials/vulnerabilities-not-checked']);
  });
});

describeShared('scan: SBOMs and evidence', () => {
  it('writes CycloneDX 1.6 and SPDX 2.3 that validate, with hashes, licences and the dependency graph', async () => {
    const root = polyglotProject();
    const evidence = tempDir('sf-evidence-');
    const r = await run(root, policy(''), evidence);
    const cdx = JSON.parse(readFileSync(r.sbom.cyclonedx ?? '', 'utf8')) as {
      specVersion: string;
      components: { purl?: string; hashes?: unknown[]; licenses?: unknown[] }[];
      dependencies: { ref: string; dependsOn?: string[] }[];
    };
    expect(cycloneDxValidator()(cdx)).toEqual([]);
    expect(cdx.specVersion).toBe('1.6');
    const purls = new Set(r.packages.map((p) => p.purl));
    expect(new Set(cdx.components.map((c) => c.purl))).toEqual(purls);
    expect(cdx.components.find((c) => c.purl === 'pkg:npm/postcss@7.0.16')?.hashes).toHaveLength(1);
    expect(cdx.components.find((c) => c.purl?.startsWith('pkg:composer/sentry/sdk'))?.licenses).toEqual([{ expression: 'MIT' }]);
    expect(cdx.dependencies.find((d) => d.ref === 'pkg:npm/postcss-calc@7.0.1')?.dependsOn).toContain('pkg:npm/postcss@7.0.16');
    const spdx = JSON.parse(readFileSync(r.sbom.spdx ?? '', 'utf8')) as { packages: unknown[]; relationships: unknown[] };
    expect(spdxValidator()(spdx)).toEqual([]);
    expect(spdx.packages).toHaveLength(purls.size + 1);

    const statements = await new EvidenceFolder(evidence).load();
    expect(statements.map((s) => [s.name, s.statement.predicateType])).toEqual([
      ['sbom.cdx', PREDICATE.cyclonedx],
      ['sbom.spdx', PREDICATE.spdx],
      ['vulns', PREDICATE.vulns],
    ]);
    // Not a git repository: the subjects are the lockfiles by digest.
    const subject = statements[0]?.statement.subject ?? [];
    expect(subject.map((s) => s.name)).toContain('web/package-lock.json');
    expect(subject.every((s) => /^[0-9a-f]{64}$/.test(s.digest.sha256 ?? ''))).toBe(true);
    const vulns = statements[2]?.statement.predicate as {
      scanner: { database: { uri: string; lastUpdate?: string }; result: { vulnerabilities: { id: string }[] } };
    };
    expect(vulns.scanner.database.uri).toMatch(/^file:\/\//);
    expect(vulns.scanner.database.lastUpdate).toBe('2026-11-24T00:00:00.000Z');
    expect(vulns.scanner.result.vulnerabilities.map((v) => v.id)).toContain('GHSA-7fh5-64p2-3v2j');
  });

  it('keeps the SBOMs valid with odd materials: local Go replacements, unresolved images, git and file dependencies', async () => {
    const root = tempDir();
    copy(root, 'go.mod', scalibr('golang/gomod', 'replace-local.mod'));
    copy(root, 'package-lock.json', scalibr('javascript/packagelockjson', 'commits.v2.json'));
    copy(root, 'yarn.lock', scalibr('javascript/yarnlock', 'files.v1.lock'));
    put(root, 'Dockerfile', 'ARG BASE\nFROM ${BASE}\n');
    const evidence = tempDir('sf-evidence-');
    const r = await run(root, policy(''), evidence);
    expect(rules(r, 'materials/image-unresolved')).toHaveLength(1);
    expect(r.packages.find((p) => p.name === './fork/net')).toMatchObject({ kind: 'file', version: '' });
    expect(cycloneDxValidator()(JSON.parse(readFileSync(r.sbom.cyclonedx ?? '', 'utf8')))).toEqual([]);
    expect(spdxValidator()(JSON.parse(readFileSync(r.sbom.spdx ?? '', 'utf8')))).toEqual([]);
  });

  it('names the git commit as the subject inside a repository', async () => {
    const root = tempDir();
    copy(root, 'package-lock.json', scalibr('javascript/packagelockjson', 'two-packages.v1.json'));
    const commit = gitInit(root);
    const evidence = tempDir('sf-evidence-');
    await run(root, policy(''), evidence);
    const st = await new EvidenceFolder(evidence).loadOne('sbom.cdx');
    expect(st.subject).toEqual([{ name: path.basename(root), digest: { gitCommit: commit } }]);
  });

  it('rescans its own SBOMs (CycloneDX, SPDX, and the statement) to the same packages and advisories', async () => {
    const root = tempDir();
    copy(root, 'package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
    copy(root, 'Cargo.lock', scalibr('rust/cargolock', 'duplicate.lock'));
    const evidence = tempDir('sf-evidence-');
    const first = await run(root, policy(''), evidence);
    const key = (r: ScanResult) => r.packages.map((p) => `${p.ecosystem}/${p.name}@${p.version}`).sort();
    const ids = (r: ScanResult) => r.vulnerabilities.map((v) => `${v.id} ${v.package.name}@${v.package.version}`).sort();
    for (const sbom of [first.sbom.cyclonedx ?? '', first.sbom.spdx ?? '', path.join(evidence, 'sbom.cdx.intoto.json')]) {
      const again = await run(sbom, policy(''));
      expect(again.input).toBe('sbom');
      expect(key(again)).toEqual(key(first));
      expect(ids(again)).toEqual(ids(first));
    }
  });
});
