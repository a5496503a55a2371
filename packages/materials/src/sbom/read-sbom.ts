/** Reads a CycloneDX or SPDX JSON SBOM back into packages (the rescan loop scans deployed SBOMs). */
import { PackageURL } from 'packageurl-js';
import { ConfigurationError } from '@secure-factory/core';
import type { Ecosystem, Integrity, Package } from '../package.js';

const ECOSYSTEM: Record<string, Ecosystem> = {
  npm: 'npm',
  pypi: 'PyPI',
  golang: 'Go',
  cargo: 'crates.io',
  gem: 'RubyGems',
  composer: 'Packagist',
  githubactions: 'GitHub Actions',
  github: 'GitHub Actions',
  docker: 'Docker',
  oci: 'Docker',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function sbomKind(doc: unknown): 'cyclonedx' | 'spdx' | undefined {
  if (!isRecord(doc)) return undefined;
  if (doc.bomFormat === 'CycloneDX') return 'cyclonedx';
  if (typeof doc.spdxVersion === 'string' && doc.spdxVersion.startsWith('SPDX-2')) return 'spdx';
  // An in-toto statement carrying an SBOM predicate (the evidence the factory writes).
  if (typeof doc.predicateType === 'string' && isRecord(doc.predicate)) return sbomKind(doc.predicate);
  return undefined;
}

function fromPurl(purl: string, file: string): Package | undefined {
  let p: PackageURL;
  try {
    p = PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
  const ecosystem = ECOSYSTEM[p.type];
  if (!ecosystem) return undefined;
  let name = p.name;
  if (p.namespace) name = `${p.namespace}/${p.name}`;
  return { ecosystem, name, version: p.version ?? '', purl, groups: [], direct: undefined, sourceFile: file };
}

const CDX_HASH: Record<string, keyof Integrity> = { 'SHA-512': 'sha512', 'SHA-384': 'sha384', 'SHA-256': 'sha256', 'SHA-1': 'sha1' };
const SPDX_HASH: Record<string, keyof Integrity> = { SHA512: 'sha512', SHA384: 'sha384', SHA256: 'sha256', SHA1: 'sha1' };

export function packagesFromSbom(doc: unknown, file: string): Package[] {
  const kind = sbomKind(doc);
  const body = isRecord(doc) && isRecord(doc.predicate) && typeof doc.predicateType === 'string' ? doc.predicate : doc;
  if (!kind || !isRecord(body)) throw new ConfigurationError('not a CycloneDX or SPDX JSON SBOM', { location: { file } });
  const out: Package[] = [];
  if (kind === 'cyclonedx') {
    const walk = (components: unknown): void => {
      if (!Array.isArray(components)) return;
      for (const c of components) {
        if (!isRecord(c)) continue;
        if (typeof c.purl === 'string') {
          const p = fromPurl(c.purl, file);
          if (p) {
            const integrity: Integrity = {};
            if (Array.isArray(c.hashes))
              for (const h of c.hashes)
                if (isRecord(h) && typeof h.alg === 'string' && typeof h.content === 'string' && CDX_HASH[h.alg])
                  integrity[CDX_HASH[h.alg] as keyof Integrity] = h.content;
            if (Object.keys(integrity).length) p.integrity = integrity;
            const lic = Array.isArray(c.licenses)
              ? c.licenses.flatMap((l) =>
                  isRecord(l)
                    ? typeof l.expression === 'string'
                      ? [l.expression]
                      : isRecord(l.license) && typeof l.license.id === 'string'
                        ? [l.license.id]
                        : []
                    : [],
                )
              : [];
            if (lic.length) p.licenses = lic;
            if (c.scope === 'optional') p.groups = ['optional'];
            out.push(p);
          }
        }
        walk(c.components);
      }
    };
    walk(body.components);
  } else {
    if (!Array.isArray(body.packages)) return out;
    for (const sp of body.packages) {
      if (!isRecord(sp) || !Array.isArray(sp.externalRefs)) continue;
      const ref: unknown = (sp.externalRefs as unknown[]).find(
        (r) => isRecord(r) && r.referenceType === 'purl' && typeof r.referenceLocator === 'string',
      );
      if (!isRecord(ref) || typeof ref.referenceLocator !== 'string') continue;
      const p = fromPurl(ref.referenceLocator, file);
      if (!p) continue;
      const integrity: Integrity = {};
      if (Array.isArray(sp.checksums))
        for (const h of sp.checksums)
          if (isRecord(h) && typeof h.algorithm === 'string' && typeof h.checksumValue === 'string' && SPDX_HASH[h.algorithm])
            integrity[SPDX_HASH[h.algorithm] as keyof Integrity] = h.checksumValue;
      if (Object.keys(integrity).length) p.integrity = integrity;
      if (typeof sp.licenseDeclared === 'string' && !/^NO(?:ASSERTION|NE)$/.test(sp.licenseDeclared)) p.licenses = [sp.licenseDeclared];
      out.push(p);
    }
  }
  return out;
}
