/**
 * CycloneDX 1.6 JSON, built with the CycloneDX project's own library: one component per purl, with
 * hashes from lockfile integrity, licences where the lockfile records them, and the dependency graph
 * where the lockfile records it (the project itself depends on its direct dependencies).
 */
import { randomUUID } from 'node:crypto';
// Subpath imports: the package root also loads its XML/JSON schema resources through `__dirname`,
// which an ESM action bundle does not have.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { PackageURL } from 'packageurl-js';
import parseSpdx from 'spdx-expression-parse';
import { TOOL_NAME, TOOL_VERSION } from '@secure-factory/core';
import type { Package } from '../package.js';

export interface SbomOptions {
  /** Name of the project (the root component). */
  name: string;
  version?: string;
  now: Date;
  serialNumber?: string;
}

const HASH: [keyof NonNullable<Package['integrity']>, Enums.HashAlgorithm][] = [
  ['sha512', Enums.HashAlgorithm['SHA-512']],
  ['sha384', Enums.HashAlgorithm['SHA-384']],
  ['sha256', Enums.HashAlgorithm['SHA-256']],
  ['sha1', Enums.HashAlgorithm['SHA-1']],
];

// Lockfiles repeat a handful of licence strings thousands of times: parse each once.
const spdxVerdicts = new Map<string, boolean>();

export function isSpdxExpression(s: string): boolean {
  let ok = spdxVerdicts.get(s);
  if (ok === undefined) {
    try {
      parseSpdx(s);
      ok = true;
    } catch {
      ok = false;
    }
    if (spdxVerdicts.size > 10_000) spdxVerdicts.clear();
    spdxVerdicts.set(s, ok);
  }
  return ok;
}

function componentType(p: Package): Enums.ComponentType {
  if (p.ecosystem === 'Docker') return Enums.ComponentType.Container;
  return Enums.ComponentType.Library;
}

/** Packages with one purl merged into one (the same package read from two lockfiles). */
export function uniqueByPurl(packages: readonly Package[]): Package[] {
  const map = new Map<string, Package>();
  for (const p of packages) {
    const prev = map.get(p.purl);
    if (!prev) {
      map.set(p.purl, { ...p });
      continue;
    }
    if (p.dependsOn) prev.dependsOn = [...new Set([...(prev.dependsOn ?? []), ...p.dependsOn])];
    if (p.direct === true) prev.direct = true;
    if (!prev.integrity && p.integrity) prev.integrity = p.integrity;
    if (!prev.licenses && p.licenses) prev.licenses = p.licenses;
    if (p.groups.length === 0) prev.groups = [];
  }
  return [...map.values()];
}

export function buildCycloneDx(packages: readonly Package[], options: SbomOptions): Record<string, unknown> {
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
    const c = new Models.Component(componentType(p), scoped ? p.name.slice(p.name.indexOf('/') + 1) : p.name, {
      bomRef: p.purl,
      ...(scoped ? { group: p.name.slice(0, p.name.indexOf('/')) } : {}),
      ...(p.version ? { version: p.version } : {}),
      ...(purl ? { purl } : {}),
      scope: p.groups.includes('dev') || p.groups.includes('optional') ? Enums.ComponentScope.Optional : Enums.ComponentScope.Required,
    });
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
