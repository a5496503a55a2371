/**
 * No declared dependency is silently skipped (issue 17): each shape a dependency can be declared in
 * without pinning one release, in every format it exists in, is a materials/unpinned finding that
 * blocks by default; malformed SBOMs are errors; an unparseable advisory bound is "possibly affected";
 * deep and huge inputs neither recurse nor crash.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, MemoryLogger, parsePolicy, type Policy } from '@secure-factory/core';
import { collectMaterials, openOfflineDatabase, parseLockfileArgument, scan, scanText, type ScanResult } from '@secure-factory/materials';
import { osvDatabase, put, tempDir } from './fixtures.js';

const NOW = new Date('2026-12-01T00:00:00Z');

function policy(yaml = ''): Policy {
  return parsePolicy(`apiVersion: secure-factory/v1\n${yaml}`, '.github/secure-factory.yml', { now: NOW });
}

const VULNPKG = {
  id: 'PYSEC-2099-1',
  modified: '2026-11-01T00:00:00Z',
  summary: 'vulnpkg is vulnerable',
  affected: [
    { package: { ecosystem: 'PyPI', name: 'vulnpkg' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] },
  ],
};

async function scanTree(files: Record<string, string>, p = policy(), records: Record<string, unknown>[] = [VULNPKG]): Promise<ScanResult> {
  const root = tempDir('sf-unpinned-');
  for (const [rel, text] of Object.entries(files)) put(root, rel, text);
  return scan({ path: root, policy: p, vulnSource: await openOfflineDatabase(osvDatabase(records)), logger: new MemoryLogger(), now: NOW });
}

function unpinned(r: ScanResult): { name: string; reason: unknown; blocking: boolean | undefined }[] {
  return r.findings
    .filter((f) => f.rule === 'materials/unpinned')
    .map((f) => ({ name: (f.properties?.package as string | undefined) ?? '', reason: f.properties?.reason, blocking: f.blocking }));
}

describe('unpinned dependencies are findings, never skipped', () => {
  it.each([
    ['a URL', 'vulnpkg @ https://files.example/vulnpkg-1.0.0.tar.gz', 'url'],
    ['a range', 'vulnpkg>=1.0.0,<2', 'range'],
    ['a VCS reference', 'git+https://github.com/example/vulnpkg.git#egg=vulnpkg', 'vcs'],
    ['a wheel URL', 'https://files.example/vulnpkg-1.0.0-py3-none-any.whl', 'url'],
    ['a wildcard', 'vulnpkg==1.*', 'range'],
    ['an exclusion', 'vulnpkg!=2.0.0', 'range'],
    ['no version', 'vulnpkg', 'none'],
    ['a local path', './vendor/vulnpkg-1.0.0.tar.gz', 'path'],
    ['a variable', 'vulnpkg==${VULN_VERSION}', 'variable'],
    ['an editable VCS reference', '-e git+https://github.com/example/vulnpkg.git@main#egg=vulnpkg', 'vcs'],
  ])('requirements.txt: %s', async (_what, line, reason) => {
    const r = await scanTree({ 'requirements.txt': `${line}\n` });
    expect(unpinned(r)).toEqual([{ name: expect.stringMatching(/^vulnpkg/) as unknown, reason, blocking: true }]);
    expect(r.blocking.length).toBeGreaterThan(0);
  });

  it('a URL or wheel whose file name gives the version is also matched against advisories', async () => {
    const r = await scanTree({ 'requirements.txt': 'vulnpkg @ https://files.example/vulnpkg-1.0.0.tar.gz\n' });
    expect(r.vulnerabilities.map((v) => `${v.id} ${v.package.name}@${v.package.version}`)).toEqual(['PYSEC-2099-1 vulnpkg@1.0.0']);
  });

  it('a VCS reference pinned to a full commit is pinned (a git source, not an unpinned one)', async () => {
    const r = await scanTree({ 'requirements.txt': `git+https://github.com/example/vulnpkg.git@${'a'.repeat(40)}#egg=vulnpkg\n` });
    expect(unpinned(r)).toEqual([]);
    expect(r.findings.map((f) => f.rule)).toContain('materials/non-registry-source');
  });

  it('Pipfile without a lock: ranges, "*", git without a commit ref and paths', async () => {
    const r = await scanTree({
      Pipfile:
        '[packages]\nvulnpkg = ">=1.0"\nany = "*"\nexact = "==1.2.3"\nlocal = {path = "./local"}\n[packages.gitdep]\ngit = "https://github.com/x/y.git"\nref = "main"\n',
    });
    expect(unpinned(r).map((u) => [u.name, u.reason])).toEqual(
      expect.arrayContaining([
        ['vulnpkg@1.0', 'range'],
        ['any', 'none'],
        ['gitdep', 'vcs'],
        ['local', 'path'],
      ]),
    );
    expect(unpinned(r).map((u) => u.name)).not.toContain('exact@1.2.3');
  });

  it('Pipfile.lock: a git entry without a commit ref, a path entry', async () => {
    const r = await scanTree({
      'Pipfile.lock': JSON.stringify({
        default: { gitdep: { git: 'https://github.com/x/y.git', ref: 'main' }, localdep: { path: './local' } },
        develop: {},
      }),
    });
    expect(unpinned(r).map((u) => [u.name, u.reason])).toEqual([
      ['gitdep', 'vcs'],
      ['localdep', 'path'],
    ]);
  });

  it('pyproject.toml (PEP 621 and Poetry) without a lockfile', async () => {
    const r = await scanTree({
      'pyproject.toml':
        '[project]\nname = "app"\ndependencies = ["vulnpkg>=1.0.0,<2", "pinned==1.0.0", "urldep @ https://x.example/urldep-1.0.tar.gz"]\n' +
        '[tool.poetry.dependencies]\npython = "^3.11"\ncaret = "^1.2"\n',
    });
    expect(unpinned(r).map((u) => [u.name, u.reason])).toEqual(
      expect.arrayContaining([
        ['vulnpkg', 'range'],
        ['urldep@1.0', 'url'],
        ['caret@1.2', 'range'],
      ]),
    );
    expect(unpinned(r).map((u) => u.name)).not.toContain('pinned@1.0.0');
  });

  it('package.json: ranges without a lockfile; with one, a declaration it does not hold', async () => {
    const manifest = JSON.stringify({
      dependencies: { left: '^1.0.0', exact: '1.2.3', tarball: 'https://x.example/t.tgz', gh: 'owner/repo#main' },
      devDependencies: { star: '*' },
    });
    const alone = await scanTree({ 'package.json': manifest });
    expect(unpinned(alone).map((u) => [u.name, u.reason])).toEqual(
      expect.arrayContaining([
        ['left', 'range'],
        ['tarball', 'url'],
        ['gh', 'vcs'],
      ]),
    );
    expect(unpinned(alone).map((u) => u.name)).not.toContain('exact@1.2.3');
    const lock = JSON.stringify({
      lockfileVersion: 3,
      packages: { '': { dependencies: { left: '^1.0.0' } }, 'node_modules/left': { version: '1.0.0', integrity: 'sha512-AAAA' } },
    });
    const locked = await scanTree({
      'package.json': JSON.stringify({ dependencies: { left: '^1.0.0', missing: '^2.0.0' } }),
      'package-lock.json': lock,
    });
    expect(unpinned(locked)).toEqual([{ name: 'missing', reason: 'not-locked', blocking: true }]);
  });

  it('Cargo.toml: a caret range and a git dependency without rev, without Cargo.lock', async () => {
    const r = await scanTree({
      'Cargo.toml':
        '[package]\nname = "app"\nversion = "0.1.0"\n[dependencies]\nserde = "1.0"\nexact = "=1.2.3"\nfork = { git = "https://github.com/x/fork", branch = "main" }\n',
    });
    expect(
      unpinned(r)
        .map((u) => [u.name, u.reason])
        .sort(),
    ).toEqual([
      ['fork', 'vcs'],
      ['serde', 'range'],
    ]);
  });

  it('go.mod: a replacement by a local folder', async () => {
    const r = await scanTree({
      'go.mod': 'module example.com/app\n\ngo 1.22\n\nrequire example.com/lib v1.0.0\n\nreplace example.com/lib => ./lib\n',
    });
    expect(unpinned(r)).toEqual([{ name: './lib', reason: 'path', blocking: true }]);
  });

  it('materials.unpinned: warn reports without blocking; allow says nothing', async () => {
    const warn = await scanTree({ 'requirements.txt': 'vulnpkg>=1.0.0,<2\n' }, policy('materials: { unpinned: warn }'));
    expect(unpinned(warn)).toEqual([{ name: 'vulnpkg', reason: 'range', blocking: false }]);
    const allow = await scanTree({ 'requirements.txt': 'vulnpkg>=1.0.0,<2\n' }, policy('materials: { unpinned: allow }'));
    expect(unpinned(allow)).toEqual([]);
  });
});

describe('malformed SBOMs are errors or findings, never "0 packages passed"', () => {
  async function scanSbom(doc: string): Promise<ScanResult> {
    const file = path.join(tempDir('sf-sbom-'), 'bom.json');
    writeFileSync(file, doc);
    return scan({
      path: file,
      policy: policy(),
      vulnSource: await openOfflineDatabase(osvDatabase([VULNPKG])),
      logger: new MemoryLogger(),
      now: NOW,
    });
  }
  it.each([
    [
      '"components": "notalist"',
      '{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": "notalist"}',
      /"components" must be an array/,
    ],
    [
      '"packages": null',
      '{"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "packages": null}',
      /"packages" must be an array, not null/,
    ],
    [
      'truncated CycloneDX',
      '{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [{"type": "library", "name": "x", "pur',
      /truncated or invalid CycloneDX JSON/,
    ],
    [
      'an SPDX package without a purl (and nothing else)',
      '{"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT", "packages": [{"SPDXID": "SPDXRef-a", "name": "vulnpkg", "versionInfo": "1.0.0"}]}',
      /none of the SPDX packages names a package \(purl\): vulnpkg@1.0.0/,
    ],
  ])('%s', async (_what, doc, message) => {
    await expect(scanSbom(doc)).rejects.toThrow(ConfigurationError);
    await expect(scanSbom(doc)).rejects.toThrow(message);
  });

  it('components without a purl beside readable ones: a blocking finding naming them', async () => {
    const r = await scanSbom(
      JSON.stringify({
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        components: [
          { type: 'library', name: 'vulnpkg', version: '1.0.0', purl: 'pkg:pypi/vulnpkg@1.0.0' },
          { type: 'library', name: 'mystery', version: '3.0' },
        ],
      }),
    );
    expect(r.vulnerabilities.map((v) => v.id)).toEqual(['PYSEC-2099-1']);
    expect(r.findings.find((f) => f.rule === 'materials/sbom-component-unreadable')).toMatchObject({
      blocking: true,
      message: expect.stringContaining('mystery@3.0 (no purl)') as unknown,
    });
  });

  it('a 20,000-deep CycloneDX document is read without recursion', async () => {
    let components = '[{"type": "library", "name": "vulnpkg", "version": "1.0.0", "purl": "pkg:pypi/vulnpkg@1.0.0"}]';
    for (let i = 0; i < 20_000; i++)
      components = `[{"type": "library", "name": "n${i}", "purl": "pkg:npm/n${i}@1.0.0", "components": ${components}}]`;
    const r = await scanSbom(`{"bomFormat": "CycloneDX", "specVersion": "1.6", "components": ${components}}`);
    expect(r.packages).toHaveLength(20_001);
    expect(r.vulnerabilities.map((v) => v.id)).toEqual(['PYSEC-2099-1']);
  });
});

describe('advisories whose bounds do not parse', () => {
  it('"fixed": "2.0.0 " gives a blocking "possibly affected" finding', async () => {
    const odd = {
      ...VULNPKG,
      id: 'PYSEC-2099-2',
      affected: [{ ...VULNPKG.affected[0], ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0 ' }] }] }],
    };
    const r = await scanTree({ 'requirements.txt': 'vulnpkg==1.0.0\n' }, policy('materials: { block-severity: low }'), [odd]);
    const f = r.findings.find((x) => x.rule === 'materials/vulnerable-package');
    expect(f?.message).toMatch(/possibly affected: the record's fixed version "2\.0\.0 " is not a PyPI version/);
    expect(f?.blocking).toBe(true);
  });
});

describe('size and depth', () => {
  it('a 130,000-entry package-lock.json is scanned (no call-stack overflow)', () => {
    const root = tempDir('sf-big-');
    const packages: Record<string, unknown> = { '': { name: 'app' } };
    for (let i = 0; i < 130_000; i++) packages[`node_modules/p${i}`] = { version: '1.0.0', integrity: 'sha512-AAAA' };
    put(root, 'package-lock.json', JSON.stringify({ lockfileVersion: 3, packages }));
    expect(collectMaterials(root).packages).toHaveLength(130_000);
  });
});

describe('materials.ignore', () => {
  it('an invalid fixture lockfile is an input error naming the file and the ignore key; ignored, it is listed', async () => {
    const files = { 'requirements.txt': 'ok==1.0.0\n', 'test/fixtures/bad/package-lock.json': '{"lockfileVersion": 3, "packages": [' };
    const err = await scanTree(files).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).location?.file).toBe('test/fixtures/bad/package-lock.json');
    expect((err as ConfigurationError).hint).toContain('materials: { ignore: ["test/fixtures/bad/package-lock.json"] }');
    const r = await scanTree(files, policy("materials: { ignore: ['test/fixtures/**'] }"));
    expect(r.ignored).toEqual(['test/fixtures/']);
    expect(r.packages.map((p) => p.name)).toEqual(['ok']);
  });
});

describe('--lockfile FORMAT:PATH (osv-scanner -L)', () => {
  it('reads a lockfile with another name in the given format; an unknown format lists the known ones', async () => {
    const root = tempDir('sf-L-');
    const file = put(root, 'deps/prod-pins.txt', 'vulnpkg==1.0.0\n');
    const r = await scan({
      path: root,
      policy: policy(),
      vulnSource: await openOfflineDatabase(osvDatabase([VULNPKG])),
      logger: new MemoryLogger(),
      now: NOW,
      lockfiles: [parseLockfileArgument(`requirements:${file}`)],
    });
    expect(r.packages.map((p) => `${p.name}@${p.version} ${p.sourceFile}`)).toEqual(['vulnpkg@1.0.0 deps/prod-pins.txt']);
    expect(r.vulnerabilities.map((v) => v.id)).toEqual(['PYSEC-2099-1']);
    expect(() => parseLockfileArgument('gradle:build.lockfile')).toThrow(/FORMAT is one of: package-lock, yarn-lock/);
    expect(() => parseLockfileArgument('requirements')).toThrow(ConfigurationError);
  });
});

describe('the human report', () => {
  it('lists every finding grouped by severity, with the scope where the format says it', async () => {
    const lock = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { dependencies: { left: '1.0.0' }, devDependencies: { tool: '1.0.0' } },
        'node_modules/left': { version: '1.0.0' },
        'node_modules/tool': { version: '1.0.0', dev: true },
      },
    });
    const npmAdvisory = (id: string, name: string): Record<string, unknown> => ({
      id,
      modified: '2026-11-01T00:00:00Z',
      summary: `${name} is vulnerable`,
      affected: [
        { package: { ecosystem: 'npm', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0.0' }] }] },
      ],
    });
    const r = await scanTree(
      { 'package-lock.json': lock, 'requirements.txt': 'vulnpkg>=1\n' },
      policy('materials: { include-dev: true }'),
      [VULNPKG, npmAdvisory('GHSA-left-0000-0001', 'left'), npmAdvisory('GHSA-tool-0000-0001', 'tool')],
    );
    const text = scanText(r);
    expect(text).toMatch(/^HIGH \(\d+, \d+ blocking\)/m);
    expect(text).toContain('requirements.txt:1: vulnpkg is declared with a version range: vulnpkg>=1 (matched as 1)');
    // The lockfile says which dependency is for development; requirements.txt does not, so no scope is shown.
    expect(text).toMatch(/GHSA-left-0000-0001 in left@1\.0\.0.*\[runtime\]/);
    expect(text).toMatch(/GHSA-tool-0000-0001 in tool@1\.0\.0.*\[development\]/);
    expect(text).not.toMatch(/PYSEC-2099-1 in vulnpkg@1.*\[(?:runtime|development)\]/);
    // Every finding is printed, not only the blocking ones the summary counts.
    for (const f of r.findings) expect(text).toContain(f.message);
    expect(text).toMatch(/\d+ findings, \d+ blocking: refused\n$/);
  });
});

describe('composer.json', () => {
  it('without composer.lock: ranges and branches are unpinned, exact versions are packages, the platform is not a package', async () => {
    const r = await scanTree({
      'composer.json': JSON.stringify({
        require: { php: '>=8.1', 'ext-json': '*', 'monolog/monolog': '^3.0', 'acme/exact': '1.2.3', 'acme/branch': 'dev-main' },
        'require-dev': { 'phpunit/phpunit': '^10' },
      }),
    });
    expect(
      unpinned(r)
        .map((u) => [u.name, u.reason])
        .sort(),
    ).toEqual([
      ['acme/branch', 'vcs'],
      ['monolog/monolog', 'range'],
    ]);
    expect(r.packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual([
      'acme/branch@',
      'acme/exact@1.2.3',
      'monolog/monolog@',
      'phpunit/phpunit@',
    ]);
  });
});

describe('a workspace member scanned on its own', () => {
  it('is resolved by the lockfile above the scanned folder: its ranges are not unpinned findings', async () => {
    const root = tempDir('sf-ws-');
    put(root, 'package-lock.json', JSON.stringify({ lockfileVersion: 3, packages: { '': {}, 'node_modules/left': { version: '1.0.0' } } }));
    put(root, 'packages/member/package.json', JSON.stringify({ dependencies: { left: '^1.0.0' } }));
    const r = await scan({
      path: path.join(root, 'packages', 'member'),
      policy: policy(),
      vulnSource: await openOfflineDatabase(osvDatabase([VULNPKG])),
      logger: new MemoryLogger(),
      now: NOW,
    });
    expect(unpinned(r)).toEqual([]);
    expect(r.files).toEqual(['package.json']);
  });
});
