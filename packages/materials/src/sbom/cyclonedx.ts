/**
 * CycloneDX 1.6 JSON, as the CycloneDX project's own library writes it: one component per purl, with
 * hashes from lockfile integrity, licences where the lockfile records them, and the dependency graph
 * where the lockfile records it (the project itself depends on its direct dependencies).
 */
import { randomUUID } from 'node:crypto';
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

const HASH: [keyof NonNullable<Package['integrity']>, string][] = [
  ['sha512', 'SHA-512'],
  ['sha384', 'SHA-384'],
  ['sha256', 'SHA-256'],
  ['sha1', 'SHA-1'],
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

const HASH_VALUE = /^(?:[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$/;

/** As the CycloneDX library escapes URLs for JSON (its `escapeUri`): characters an IRI may not hold raw. */
function escapeUri(url: string): string {
  return url.replace(/[ "'[\]<>{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The base-image validation verdict as CycloneDX properties of the image's container component (and,
 * joined, the SPDX annotation's comment): the gate reads `secure-factory:image:validation` back from the
 * signed SBOM (verify/src/gate/checks/image-validation.ts).
 */
export const IMAGE_VALIDATION_PROPERTY = 'secure-factory:image:validation';

export function imageValidationProperties(p: Package): { name: string; value: string }[] {
  const v = p.validation;
  if (!v) return [];
  return [
    { name: IMAGE_VALIDATION_PROPERTY, value: v.verdict },
    ...(v.digest ? [{ name: `${IMAGE_VALIDATION_PROPERTY}:digest`, value: v.digest }] : []),
    ...(v.signer ? [{ name: `${IMAGE_VALIDATION_PROPERTY}:signer`, value: v.signer }] : []),
    ...(v.bundle ? [{ name: `${IMAGE_VALIDATION_PROPERTY}:bundle`, value: v.bundle }] : []),
  ];
}

/** The bom-ref of a package inside an image: unique even when two images hold the same package. */
export function imageContentRef(p: Package): string {
  return `${p.image?.imagePurl ?? ''}#${p.purl}`;
}

/**
 * The packages found inside base images become the image component's own `components` (CycloneDX
 * 1.6 nests what a component contains), and the image depends on each of them.
 */
function nestImageContents(
  packages: readonly Package[],
  components: Record<string, unknown>[],
  dependencies: Record<string, unknown>[],
): void {
  const byImage = new Map<string, Map<string, Package>>();
  for (const p of packages) {
    if (!p.image) continue;
    const list = byImage.get(p.image.imagePurl) ?? new Map<string, Package>();
    if (!list.has(p.purl)) list.set(p.purl, p);
    byImage.set(p.image.imagePurl, list);
  }
  for (const [imagePurl, inside] of byImage) {
    const image = components.find((c) => c['bom-ref'] === imagePurl);
    if (!image) continue;
    const children: Record<string, unknown>[] = [];
    for (const p of inside.values()) {
      const c: Record<string, unknown> = { type: 'library', name: p.name, version: p.version, 'bom-ref': imageContentRef(p) };
      try {
        c.purl = PackageURL.fromString(p.purl).toString();
      } catch {
        // A purl that does not parse is left out, not invented.
      }
      c.properties = [
        { name: 'secure-factory:found-in', value: p.image?.source ?? '' },
        ...(p.image?.distro ? [{ name: 'secure-factory:distro', value: p.image.distro }] : []),
      ];
      children.push(c);
    }
    image.components = children;
    const digest = [...inside.values()][0]?.image?.digest;
    if (digest)
      image.properties = [...((image.properties as unknown[] | undefined) ?? []), { name: 'secure-factory:image-digest', value: digest }];
    const dep = dependencies.find((d) => d.ref === imagePurl);
    if (dep) dep.dependsOn = children.map((c) => c['bom-ref']);
    for (const c of children) dependencies.push({ ref: c['bom-ref'] });
  }
}

/**
 * CycloneDX 1.6 JSON. The document is written directly, field for field as the CycloneDX project's
 * own library (`@cyclonedx/cyclonedx-library`) serialises it: a test builds the same inventories with
 * the library and requires identical output, and every document is validated against the official
 * schema. Building the library's models, normalising and re-parsing them cost most of a 200k-package
 * scan's time and a few hundred megabytes, which is why it is not on this path.
 */
export function buildCycloneDx(packages: readonly Package[], options: SbomOptions): Record<string, unknown> {
  const unique = uniqueByPurl(packages.filter((p) => !p.image));
  const refs = new Set(unique.map((p) => p.purl));
  const components: Record<string, unknown>[] = [];
  const dependencies: Record<string, unknown>[] = [];
  const rootDeps: string[] = [];
  for (const p of unique) {
    let purl: string | undefined;
    try {
      purl = PackageURL.fromString(p.purl).toString();
    } catch {
      purl = undefined;
    }
    const scoped = p.ecosystem === 'npm' && p.name.startsWith('@') && p.name.includes('/');
    const c: Record<string, unknown> = {
      type: p.ecosystem === 'Docker' ? 'container' : 'library',
      name: scoped ? p.name.slice(p.name.indexOf('/') + 1) : p.name,
    };
    if (scoped) c.group = p.name.slice(0, p.name.indexOf('/'));
    if (p.version) c.version = p.version;
    c['bom-ref'] = p.purl;
    c.scope = p.groups.includes('dev') || p.groups.includes('optional') ? 'optional' : 'required';
    const hashes = HASH.flatMap(([key, alg]) => {
      const v = p.integrity?.[key];
      return v && HASH_VALUE.test(v) ? [{ alg, content: v }] : [];
    });
    if (hashes.length > 0) c.hashes = hashes;
    // CycloneDX takes one SPDX expression, or a list of named licences: an expression wins.
    const expression = (p.licenses ?? []).find(isSpdxExpression);
    const licenses: Record<string, unknown>[] =
      expression !== undefined ? [{ expression }] : (p.licenses ?? []).map((name) => ({ license: { name } }));
    if (licenses.length > 0) c.licenses = licenses;
    if (purl) c.purl = purl;
    if (p.resolved && /^https?:\/\//.test(p.resolved))
      c.externalReferences = [{ url: escapeUri(p.resolved), type: p.kind === 'git' ? 'vcs' : 'distribution' }];
    c.properties = [{ name: 'secure-factory:source-file', value: p.sourceFile }, ...imageValidationProperties(p)];
    components.push(c);
    const dependsOn = [...new Set(p.dependsOn ?? [])].filter((d) => d !== p.purl && refs.has(d));
    dependencies.push(dependsOn.length > 0 ? { ref: p.purl, dependsOn } : { ref: p.purl });
    if (p.direct === true) rootDeps.push(p.purl);
  }
  nestImageContents(packages, components, dependencies);
  const root: Record<string, unknown> = { type: 'application', name: options.name };
  if (options.version) root.version = options.version;
  root['bom-ref'] = 'root';
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    serialNumber: options.serialNumber ?? `urn:uuid:${randomUUID()}`,
    metadata: {
      timestamp: options.now.toISOString(),
      tools: { components: [{ type: 'application', name: TOOL_NAME, version: TOOL_VERSION }] },
      component: root,
    },
    components,
    dependencies: [rootDeps.length > 0 ? { ref: 'root', dependsOn: rootDeps } : { ref: 'root' }, ...dependencies],
  };
}
