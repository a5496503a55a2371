/**
 * Every osv-scalibr lockfile test case (../shared/corpora/lockfiles/manifest.osv-scalibr.jsonl): the
 * parsers must give the package multiset osv-scalibr's own tests expect (name, version, purl type,
 * dependency groups and commit, order-insensitive), and reject the files it rejects.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@secure-factory/core';
import { collectMaterials, formatFor, readLockfile, type Package } from '@secure-factory/materials';
import { describeShared, HAVE_SHARED, readJsonl, sharedPath } from '../support/shared.js';

interface ExpectedPackage {
  name: string;
  version: string;
  purl_type: string;
  dep_groups?: string[];
  commit?: string;
}

interface Row {
  extractor: string;
  case: string;
  fixture: string;
  expected_packages: ExpectedPackage[];
  expected_error?: { Str?: string } | null;
  extra_config?: { excludeIndirect?: boolean } | null;
}

const FORMAT: Record<string, string> = {
  'golang/gomod': 'go-mod',
  'javascript/bunlock': 'bun-lock',
  'javascript/packagelockjson': 'package-lock',
  'javascript/pnpmlock': 'pnpm-lock',
  'javascript/yarnlock': 'yarn-lock',
  'php/composerlock': 'composer-lock',
  'python/pipfilelock': 'pipfile-lock',
  'python/poetrylock': 'poetry-lock',
  'python/requirements': 'requirements',
  'python/uvlock': 'uv-lock',
  'ruby/gemfilelock': 'gemfile-lock',
  'rust/cargolock': 'cargo-lock',
};

const PURL_TYPE: Record<string, string> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  Packagist: 'composer',
};

function expectedKey(p: ExpectedPackage, withGroups: boolean): string {
  return JSON.stringify([p.name, p.version, p.purl_type, withGroups ? [...(p.dep_groups ?? [])].sort() : null, p.commit ?? '']);
}

function actualKey(p: Package, withGroups: boolean): string {
  return JSON.stringify([p.name, p.version, PURL_TYPE[p.ecosystem], withGroups ? [...p.groups].sort() : null, p.commit ?? '']);
}

/**
 * Where secure-factory refuses what osv-scalibr skips, on purpose (fail closed): the case, and why. The
 * row is then checked as an expected error naming the file.
 */
const STRICTER: Record<string, string> = {
  // `    invalid-name` under specs: is a gem Bundler would try to install (with no version it cannot);
  // skipping it would let a scan pass without a gem the lockfile lists.
  'ruby/gemfilelock: invalid spec': 'a gem under specs: must be `name (version)`',
};

const rows = (HAVE_SHARED ? readJsonl<Row>('corpora', 'lockfiles', 'manifest.osv-scalibr.jsonl') : []).map((r) => {
  const stricter = STRICTER[`${r.extractor}: ${r.case}`];
  return stricter === undefined ? r : { ...r, expected_error: { Str: stricter } };
});

describeShared('osv-scalibr lockfile corpus', () => {
  it('covers every extractor in the manifest', () => {
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(FORMAT[r.extractor]).toBeDefined();
  });

  it.each(rows.map((r) => [`${r.extractor}: ${r.case} (${r.fixture.split('/').pop() ?? ''})`, r] as const))('%s', (_name, row) => {
    const file = sharedPath('corpora', 'lockfiles', 'osv-scalibr', row.fixture);
    const options = { format: FORMAT[row.extractor] ?? 'unknown', excludeIndirect: row.extra_config?.excludeIndirect === true };
    if (row.expected_error) {
      let thrown: unknown;
      try {
        readLockfile(file, options);
      } catch (e: unknown) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ConfigurationError);
      // The error names the file, and the offending package when osv-scalibr's does.
      expect((thrown as ConfigurationError).location?.file).toBe(file);
      const named = /'([^']+)'/.exec(row.expected_error.Str ?? '');
      if (named?.[1]) expect((thrown as ConfigurationError).message).toContain(named[1]);
      return;
    }
    // osv-scalibr drops Python direct references (URLs, VCS, paths) and unexpanded variables;
    // secure-factory keeps them as packages (unpinned ones are materials/unpinned findings), so they are set aside here.
    const packages = readLockfile(file, options).filter(
      (p) => !(['python/requirements', 'python/pipfilelock'].includes(row.extractor) && p.kind !== 'registry') && p.unpinned !== 'variable',
    );
    const withGroups = row.expected_packages.some((p) => p.dep_groups !== undefined);
    const actual = packages.map((p) => actualKey(p, withGroups)).sort();
    const expected = row.expected_packages.map((p) => expectedKey(p, withGroups)).sort();
    expect(actual).toEqual(expected);
    for (const p of packages) expect(p.purl).toMatch(/^pkg:[a-z]+\//);
  });
});

/** The file name each ecosystem's package manager writes: the held-out check scans fixtures under it. */
const FILE_NAME: Record<string, string> = {
  'golang/gomod': 'go.mod',
  'javascript/bunlock': 'bun.lock',
  'javascript/packagelockjson': 'package-lock.json',
  'javascript/pnpmlock': 'pnpm-lock.yaml',
  'javascript/yarnlock': 'yarn.lock',
  'php/composerlock': 'composer.lock',
  'python/pipfilelock': 'Pipfile.lock',
  'python/poetrylock': 'poetry.lock',
  'python/requirements': 'requirements.txt',
  'python/uvlock': 'uv.lock',
  'ruby/gemfilelock': 'Gemfile.lock',
  'rust/cargolock': 'Cargo.lock',
};

describeShared('osv-scalibr lockfile corpus, scanned as a project tree under the ecosystem file names', () => {
  // Discovery picks the format by file name alone: the same packages must come out as with an explicit format.
  it.each(rows.filter((r) => !r.extra_config?.excludeIndirect).map((r) => [`${r.extractor}: ${r.case}`, r] as const))('%s', (_n, row) => {
    const fixture = sharedPath('corpora', 'lockfiles', 'osv-scalibr', row.fixture);
    const name = FILE_NAME[row.extractor] ?? '';
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-heldout-'));
    try {
      copyFileSync(fixture, path.join(dir, name));
      // Siblings the format reads: go.sum beside go.mod, requirement includes beside requirements.txt.
      const from = path.dirname(fixture);
      const sum = fixture.replace(/\.mod$/, '.sum');
      if (name === 'go.mod' && existsSync(sum)) copyFileSync(sum, path.join(dir, 'go.sum'));
      // The fixture itself too, under its own name: an include may lead back to it (infinite_loop), and
      // a missing include is an error as in pip.
      if (name === 'requirements.txt')
        for (const f of readdirSync(from)) if (!formatFor(f)) copyFileSync(path.join(from, f), path.join(dir, f));
      if (row.expected_error) {
        expect(() => collectMaterials(dir)).toThrow(ConfigurationError);
        return;
      }
      const got = collectMaterials(dir).packages.filter(
        (p) =>
          !(['python/requirements', 'python/pipfilelock'].includes(row.extractor) && p.kind !== 'registry') && p.unpinned !== 'variable',
      );
      const withGroups = row.expected_packages.some((p) => p.dep_groups !== undefined);
      expect(got.map((p) => actualKey(p, withGroups)).sort()).toEqual(row.expected_packages.map((p) => expectedKey(p, withGroups)).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
