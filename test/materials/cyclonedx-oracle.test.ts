/**
 * The CycloneDX writer against the CycloneDX project's own library as the oracle: the same inventory
 * built with the library's models and serialiser must give the identical document (the writer exists
 * because the library's models and re-parse cost most of a 200k-package scan), and it validates.
 */
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { randomUUID } from 'node:crypto';
import { PackageURL } from 'packageurl-js';
import { TOOL_NAME, TOOL_VERSION } from '@secure-factory/core';
import { buildCycloneDx, collectMaterials, isSpdxExpression, uniqueByPurl, type Package } from '@secure-factory/materials';
import { cycloneDxValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';
import { polyglotProject } from './fixtures.js';

const HASH: [keyof NonNullable<Package['integrity']>, Enums.HashAlgorithm][] = [
  ['sha512', Enums.HashAlgorithm['SHA-512']],
  ['sha384', Enums.HashAlgorithm['SHA-384']],
  ['sha256', Enums.HashAlgorithm['SHA-256']],
  ['sha1', Enums.HashAlgorithm['SHA-1']],
];

// The builder secure-factory used before, on the library (kept here as the oracle).
function buildWithLibrary(
  packages: readonly Package[],
  options: { name: string; version?: string; now: Date; serialNumber?: string },
): Record<string, unknown> {
  const bom = new Models.Bom();
  bom.serialNumber = options.serialNumber ?? `urn:uuid:${randomUUID()}`;
  bom.metadata.timestamp = options.now;
  bom.metadata.tools.components.add(new Models.Component(Enums.ComponentType.Application, TOOL_NAME, { version: TOOL_VERSION }));
  const root = new Models.Component(Enums.ComponentType.Application, options.name, {
    bomRef: 'root',
    ...(options.version ? { version: options.version } : {}),
  });
  bom.metadata.component = root;
  const unique = uniqueByPurl(packages);
  const refs = new Map<string, Models.Component>();
  for (const p of unique) {
    let purl: PackageURL | undefined;
    try {
      purl = PackageURL.fromString(p.purl);
    } catch {
      purl = undefined;
    }
    const scoped = p.ecosystem === 'npm' && p.name.startsWith('@') && p.name.includes('/');
    const c = new Models.Component(
      p.ecosystem === 'Docker' ? Enums.ComponentType.Container : Enums.ComponentType.Library,
      scoped ? p.name.slice(p.name.indexOf('/') + 1) : p.name,
      {
        bomRef: p.purl,
        ...(scoped ? { group: p.name.slice(0, p.name.indexOf('/')) } : {}),
        ...(p.version ? { version: p.version } : {}),
        ...(purl ? { purl } : {}),
        scope: p.groups.includes('dev') || p.groups.includes('optional') ? Enums.ComponentScope.Optional : Enums.ComponentScope.Required,
      },
    );
    for (const [key, alg] of HASH) {
      const v = p.integrity?.[key];
      if (v) c.hashes.set(alg, v);
    }
    for (const l of p.licenses ?? []) {
      c.licenses.add(isSpdxExpression(l) ? new Models.LicenseExpression(l) : new Models.NamedLicense(l));
      // CycloneDX allows one expression, or several named licences; keep the first expression only.
      if (isSpdxExpression(l)) break;
    }
    if (p.resolved && /^https?:\/\//.test(p.resolved)) {
      c.externalReferences.add(
        new Models.ExternalReference(
          p.resolved,
          p.kind === 'git' ? Enums.ExternalReferenceType.VCS : Enums.ExternalReferenceType.Distribution,
        ),
      );
    }
    c.properties.add(new Models.Property('secure-factory:source-file', p.sourceFile));
    bom.components.add(c);
    refs.set(p.purl, c);
  }
  for (const p of unique) {
    const c = refs.get(p.purl);
    if (!c) continue;
    for (const d of p.dependsOn ?? []) {
      const target = refs.get(d);
      if (target && target !== c) c.dependencies.add(target.bomRef);
    }
    if (p.direct === true) root.dependencies.add(c.bomRef);
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return JSON.parse(serializer.serialize(bom, { sortLists: false })) as Record<string, unknown>;
}

const OPTIONS = { name: 'app', now: new Date('2026-01-01T00:00:00Z'), serialNumber: 'urn:uuid:00000000-0000-4000-8000-000000000000' };

const SAMPLE: Package[] = [
  {
    ecosystem: 'npm',
    name: '@scope/a',
    version: '1.0.0',
    purl: 'pkg:npm/%40scope/a@1.0.0',
    groups: ['dev'],
    direct: true,
    sourceFile: 'package-lock.json',
    integrity: { sha512: 'ab'.repeat(64), sha1: 'cd'.repeat(20), sha256: 'not-hex' },
    licenses: ['MIT'],
    resolved: 'https://registry.npmjs.org/a/-/a 1.0.0.tgz?x=[1]',
    kind: 'registry',
    dependsOn: ['pkg:npm/b@2.0.0', 'pkg:npm/b@2.0.0', 'pkg:npm/absent@1.0.0', 'pkg:npm/%40scope/a@1.0.0'],
  },
  {
    ecosystem: 'npm',
    name: 'b',
    version: '2.0.0',
    purl: 'pkg:npm/b@2.0.0',
    groups: ['optional'],
    direct: false,
    sourceFile: 'package-lock.json',
    licenses: ['Custom', 'MIT OR Apache-2.0', 'BSD-3-Clause'],
    resolved: 'https://github.com/x/b.git',
    kind: 'git',
  },
  { ecosystem: 'npm', name: 'b', version: '2.0.0', purl: 'pkg:npm/b@2.0.0', groups: [], direct: true, sourceFile: 'web/package-lock.json' },
  {
    ecosystem: 'Docker',
    name: 'library/node',
    version: '',
    purl: 'pkg:docker/library/node',
    groups: [],
    direct: undefined,
    sourceFile: 'Dockerfile',
  },
  { ecosystem: 'PyPI', name: 'x', version: '', purl: 'not a purl', groups: [], direct: undefined, sourceFile: 'requirements.txt' },
];

describe('CycloneDX writer = the CycloneDX library', () => {
  it('a sample with every field: scopes, hashes, licences, references, graph, duplicates', () => {
    expect(buildCycloneDx(SAMPLE, OPTIONS)).toEqual(buildWithLibrary(SAMPLE, OPTIONS));
    expect(buildCycloneDx(SAMPLE, { ...OPTIONS, version: '1.2.3' })).toEqual(buildWithLibrary(SAMPLE, { ...OPTIONS, version: '1.2.3' }));
    expect(buildCycloneDx([], OPTIONS)).toEqual(buildWithLibrary([], OPTIONS));
  });
});

describeShared('CycloneDX writer on a real inventory', () => {
  it('the polyglot project gives the library document, valid against the official schema', () => {
    const { packages } = collectMaterials(polyglotProject());
    const doc = buildCycloneDx(packages, OPTIONS);
    expect(doc).toEqual(buildWithLibrary(packages, OPTIONS));
    expect(cycloneDxValidator()(doc)).toEqual([]);
  });
});
