/** SPDX 2.3 JSON: one package per purl, checksums from lockfile integrity, DEPENDS_ON relationships. */
import { createHash, randomUUID } from 'node:crypto';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '@secure-factory/core';
import type { Package } from '../package.js';
import { imageValidationProperties, isSpdxExpression, uniqueByPurl, type SbomOptions } from './cyclonedx.js';

const ALG: [keyof NonNullable<Package['integrity']>, string][] = [
  ['sha512', 'SHA512'],
  ['sha384', 'SHA384'],
  ['sha256', 'SHA256'],
  ['sha1', 'SHA1'],
];

function spdxId(purl: string): string {
  // SPDX ids allow letters, digits, "." and "-": a readable prefix plus a digest keeps them unique.
  const readable = purl
    .replace(/^pkg:/, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .slice(0, 80);
  return `SPDXRef-Package-${readable}-${createHash('sha256').update(purl).digest('hex').slice(0, 8)}`;
}

export function buildSpdx(packages: readonly Package[], options: SbomOptions): Record<string, unknown> {
  const unique = uniqueByPurl(packages.filter((p) => !p.image));
  const rootId = 'SPDXRef-Package-root';
  const ids = new Map(unique.map((p) => [p.purl, spdxId(p.purl)]));
  const spdxPackages: Record<string, unknown>[] = [
    {
      SPDXID: rootId,
      name: options.name,
      ...(options.version ? { versionInfo: options.version } : {}),
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'APPLICATION',
    },
  ];
  const relationships: Record<string, unknown>[] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
  ];
  const created = options.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const p of unique) {
    const id = ids.get(p.purl) ?? spdxId(p.purl);
    // The base-image validation verdict: one annotation, `name=value` lines as the CycloneDX properties.
    const validation = imageValidationProperties(p);
    const checksums = ALG.flatMap(([k, alg]) => (p.integrity?.[k] ? [{ algorithm: alg, checksumValue: p.integrity[k] }] : []));
    const license = (p.licenses ?? []).find(isSpdxExpression);
    spdxPackages.push({
      SPDXID: id,
      name: p.name,
      ...(p.version ? { versionInfo: p.version } : {}),
      downloadLocation: p.resolved && /^(?:https?|git\+\w+|git):\/\//.test(p.resolved) ? p.resolved : 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: license ?? 'NOASSERTION',
      copyrightText: 'NOASSERTION',
      ...(checksums.length > 0 ? { checksums } : {}),
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
      primaryPackagePurpose: p.ecosystem === 'Docker' ? 'CONTAINER' : 'LIBRARY',
      ...(validation.length > 0
        ? {
            annotations: [
              {
                annotationDate: created,
                annotationType: 'OTHER',
                annotator: `Tool: ${TOOL_NAME}-${TOOL_VERSION}`,
                comment: validation.map((v) => `${v.name}=${v.value}`).join('\n'),
              },
            ],
          }
        : {}),
    });
    if (p.direct === true) relationships.push({ spdxElementId: rootId, relationshipType: 'DEPENDS_ON', relatedSpdxElement: id });
    for (const d of p.dependsOn ?? []) {
      const target = ids.get(d);
      if (target && target !== id) relationships.push({ spdxElementId: id, relationshipType: 'DEPENDS_ON', relatedSpdxElement: target });
    }
  }
  // Packages inside base images: the image CONTAINS each (SPDX 2.3 §11 relationship types).
  const seen = new Set<string>();
  for (const p of packages) {
    if (!p.image) continue;
    const imageId = ids.get(p.image.imagePurl);
    const id = spdxId(`${p.image.imagePurl}#${p.purl}`);
    if (!imageId || seen.has(id)) continue;
    seen.add(id);
    spdxPackages.push({
      SPDXID: id,
      name: p.name,
      ...(p.version ? { versionInfo: p.version } : {}),
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      licenseConcluded: 'NOASSERTION',
      licenseDeclared: 'NOASSERTION',
      copyrightText: 'NOASSERTION',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }],
      primaryPackagePurpose: 'LIBRARY',
      comment: `found in ${p.image.reference} (${p.image.digest}) from its ${p.image.source === 'sbom-attestation' ? 'SBOM attestation' : `${p.image.source} database`}`,
    });
    relationships.push({ spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: id });
  }
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: options.name,
    documentNamespace: `${TOOL_URI}/spdx/${encodeURIComponent(options.name)}-${randomUUID()}`,
    creationInfo: { created, creators: [`Tool: ${TOOL_NAME}-${TOOL_VERSION}`] },
    documentDescribes: [rootId],
    packages: spdxPackages,
    relationships,
  };
}
