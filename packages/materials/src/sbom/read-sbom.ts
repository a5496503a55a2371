/** Reads a CycloneDX or SPDX JSON SBOM back into packages (the rescan loop scans deployed SBOMs). */
import { PackageURL } from 'packageurl-js';
import { ConfigurationError } from '@secure-factory/core';
import { checkText } from '../lockfiles/lockfile-error.js';
import { osPackageFromPurl, osvQuery } from '../oci/os-packages.js';
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

/** The image an OS package of an SBOM belongs to: its CycloneDX parent component, or the SBOM's subject. */
interface ImageContext {
  name: string;
  purl: string;
  digest: string;
}

/**
 * A table lookup by a key the SBOM supplies, own properties only: `pkg:constructor/a@1` or a hash named
 * `__proto__` must find nothing (an inherited `Object` is no ecosystem and no hash algorithm).
 */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const SBOM_HINT = 'regenerate the SBOM with its tool; a package name or version never holds control or markup characters';

/** An SBOM's package names and versions are refused as a lockfile's are: no controls, no markup in names. */
function checkPackage(p: Package, file: string): Package {
  checkText(file, 'package name', p.name, undefined, SBOM_HINT);
  checkText(file, 'version', p.version, undefined, SBOM_HINT);
  return p;
}

const MANAGER_ECOSYSTEM: Record<string, Ecosystem> = { dpkg: 'Debian', apk: 'Alpine', rpm: 'Red Hat' };

/**
 * deb, apk and rpm purls (an image's SBOM, syft's or this scanner's own): OS packages matched as OSV
 * names them — the ecosystem from the `distro` qualifier, the source package from `upstream`.
 */
function osFromPurl(purl: string, file: string, image: ImageContext | undefined): Package | undefined {
  const found = osPackageFromPurl(purl);
  if (!found) return undefined;
  const { pkg, distro } = found;
  const ecosystem = distro?.ecosystem;
  return {
    ecosystem: (ecosystem?.split(':')[0] as Ecosystem | undefined) ?? own(MANAGER_ECOSYSTEM, pkg.manager) ?? 'Debian',
    name: pkg.name,
    version: pkg.version,
    purl,
    groups: [],
    direct: undefined,
    sourceFile: file,
    image: {
      reference: image?.name ?? `the SBOM ${file}`,
      digest: image?.digest ?? '',
      imagePurl: image?.purl ?? '',
      source: 'sbom',
      ...(ecosystem ? { osv: osvQuery(pkg, ecosystem) } : {}),
    },
  };
}

function fromPurl(purl: string, file: string, image?: ImageContext): Package | undefined {
  if (/^pkg:(?:deb|apk|rpm)\//.test(purl)) return osFromPurl(purl, file, image);
  let p: PackageURL;
  try {
    p = PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
  const ecosystem = own(ECOSYSTEM, p.type);
  if (!ecosystem) return undefined;
  let name = p.name;
  if (p.namespace) name = `${p.namespace}/${p.name}`;
  return { ecosystem, name, version: p.version ?? '', purl, groups: [], direct: undefined, sourceFile: file };
}

const CDX_HASH: Record<string, keyof Integrity> = { 'SHA-512': 'sha512', 'SHA-384': 'sha384', 'SHA-256': 'sha256', 'SHA-1': 'sha1' };
const SPDX_HASH: Record<string, keyof Integrity> = { SHA512: 'sha512', SHA384: 'sha384', SHA256: 'sha256', SHA1: 'sha1' };

export interface SbomContents {
  packages: Package[];
  /** Components that name no package secure-factory can match: no purl, an unreadable purl, an unknown type. */
  unreadable: string[];
}

function sbomError(file: string, message: string): ConfigurationError {
  return new ConfigurationError(message, {
    location: { file },
    hint: 'regenerate the SBOM with its tool; every component needs a package URL (purl)',
  });
}

function label(c: Record<string, unknown>, nameKey: string, versionKey: string): string {
  const n = typeof c[nameKey] === 'string' ? c[nameKey] : '(unnamed)';
  const v = typeof c[versionKey] === 'string' ? `@${c[versionKey]}` : '';
  return `${n}${v}`;
}

/** Components that describe no third-party package: the SBOM's subject and its files. */
const NOT_PACKAGES = new Set(['application', 'file', 'operating-system', 'device', 'firmware', 'data', 'machine-learning-model']);

/**
 * Reads an SBOM's packages. The document must have the shape its specification gives (`components`
 * and `packages` are arrays): anything else is an error, never "0 packages". Nested components are
 * walked with an explicit stack, so a deeply nested document cannot overflow the call stack.
 */
/** A container component as the image its nested components were found in. */
function imageContext(c: Record<string, unknown>): ImageContext | undefined {
  if (c.type !== 'container') return undefined;
  const props = Array.isArray(c.properties) ? (c.properties as unknown[]) : [];
  const digest = props.find((x) => isRecord(x) && x.name === 'secure-factory:image-digest') as { value?: unknown } | undefined;
  const version = typeof c.version === 'string' ? c.version : '';
  return {
    name: `${typeof c.name === 'string' ? c.name : 'image'}${version ? (version.startsWith('sha256:') ? `@${version}` : `:${version}`) : ''}`,
    purl: typeof c.purl === 'string' ? c.purl : typeof c['bom-ref'] === 'string' ? c['bom-ref'] : '',
    digest: typeof digest?.value === 'string' ? digest.value : version.startsWith('sha256:') ? version : '',
  };
}

export function readSbomContents(doc: unknown, file: string): SbomContents {
  const kind = sbomKind(doc);
  const body = isRecord(doc) && isRecord(doc.predicate) && typeof doc.predicateType === 'string' ? doc.predicate : doc;
  if (!kind || !isRecord(body)) throw sbomError(file, 'not a CycloneDX or SPDX JSON SBOM');
  const out: Package[] = [];
  const unreadable: string[] = [];
  if (kind === 'cyclonedx') {
    if (body.components !== undefined && !Array.isArray(body.components))
      throw sbomError(file, `CycloneDX "components" must be an array, not ${body.components === null ? 'null' : typeof body.components}`);
    // Top-level OS packages (syft's SBOM of an image) belong to the SBOM's subject when it is a container.
    const subject = isRecord(body.metadata) && isRecord(body.metadata.component) ? body.metadata.component : undefined;
    const stack: { list: unknown[]; where: string; image?: ImageContext | undefined }[] = [
      { list: (body.components as unknown[] | undefined) ?? [], where: 'components', image: subject && imageContext(subject) },
    ];
    // The subject's own sub-components (CycloneDX 1.6 component.components: "components included in the
    // parent component") are part of what the SBOM describes: leaving them out would drop packages.
    if (subject?.components !== undefined) {
      if (!Array.isArray(subject.components)) throw sbomError(file, 'metadata.component.components must be an array');
      stack.push({ list: subject.components, where: 'metadata.component.components', image: imageContext(subject) });
    }
    let total = 0;
    for (let frame = stack.pop(); frame; frame = stack.pop()) {
      frame.list.forEach((c, i) => {
        const where = `${frame.where}[${i}]`;
        if (!isRecord(c)) throw sbomError(file, `${where} must be an object`);
        total++;
        if (c.components !== undefined) {
          if (!Array.isArray(c.components)) throw sbomError(file, `${where}.components must be an array`);
          stack.push({ list: c.components, where: `${where}.components`, image: imageContext(c) ?? frame.image });
        }
        const type = typeof c.type === 'string' ? c.type : 'library';
        if (typeof c.purl !== 'string') {
          if (!NOT_PACKAGES.has(type)) unreadable.push(`${label(c, 'name', 'version')} (no purl)`);
          return;
        }
        const p = fromPurl(c.purl, file, frame.image);
        if (!p) {
          unreadable.push(`${label(c, 'name', 'version')} (purl ${c.purl.slice(0, 120)} is not one secure-factory can match)`);
          return;
        }
        const integrity: Integrity = {};
        if (Array.isArray(c.hashes))
          for (const h of c.hashes)
            if (isRecord(h) && typeof h.alg === 'string' && typeof h.content === 'string' && own(CDX_HASH, h.alg))
              integrity[own(CDX_HASH, h.alg) as keyof Integrity] = h.content;
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
        out.push(checkPackage(p, file));
      });
    }
    if (total > 0 && out.length === 0)
      throw sbomError(file, `none of the ${total} CycloneDX components names a package (purl): ${unreadable.slice(0, 3).join(', ')}`);
  } else {
    if (!Array.isArray(body.packages))
      throw sbomError(file, `SPDX "packages" must be an array, not ${body.packages === null ? 'null' : typeof body.packages}`);
    const described = new Set(Array.isArray(body.documentDescribes) ? body.documentDescribes : []);
    if (Array.isArray(body.relationships))
      for (const r of body.relationships)
        if (isRecord(r) && r.relationshipType === 'DESCRIBES' && r.spdxElementId === 'SPDXRef-DOCUMENT')
          described.add(r.relatedSpdxElement);
    body.packages.forEach((sp: unknown, i: number) => {
      if (!isRecord(sp)) throw sbomError(file, `packages[${i}] must be an object`);
      if (sp.externalRefs !== undefined && !Array.isArray(sp.externalRefs))
        throw sbomError(file, `packages[${i}].externalRefs must be an array`);
      const refs = (sp.externalRefs as unknown[] | undefined) ?? [];
      const ref: unknown = refs.find((r) => isRecord(r) && r.referenceType === 'purl' && typeof r.referenceLocator === 'string');
      // The document's own subject (DESCRIBES) is the project, not a dependency.
      if (described.has(sp.SPDXID) || sp.primaryPackagePurpose === 'APPLICATION' || sp.primaryPackagePurpose === 'FILE') {
        if (!isRecord(ref)) return;
      }
      if (!isRecord(ref) || typeof ref.referenceLocator !== 'string') {
        unreadable.push(`${label(sp, 'name', 'versionInfo')} (no purl)`);
        return;
      }
      const p = fromPurl(ref.referenceLocator, file);
      if (!p) {
        unreadable.push(
          `${label(sp, 'name', 'versionInfo')} (purl ${ref.referenceLocator.slice(0, 120)} is not one secure-factory can match)`,
        );
        return;
      }
      const integrity: Integrity = {};
      if (Array.isArray(sp.checksums))
        for (const h of sp.checksums)
          if (isRecord(h) && typeof h.algorithm === 'string' && typeof h.checksumValue === 'string' && own(SPDX_HASH, h.algorithm))
            integrity[own(SPDX_HASH, h.algorithm) as keyof Integrity] = h.checksumValue;
      if (Object.keys(integrity).length) p.integrity = integrity;
      if (typeof sp.licenseDeclared === 'string' && !/^NO(?:ASSERTION|NE)$/.test(sp.licenseDeclared)) p.licenses = [sp.licenseDeclared];
      out.push(checkPackage(p, file));
    });
    if (body.packages.length > 0 && out.length === 0 && unreadable.length > 0)
      throw sbomError(file, `none of the SPDX packages names a package (purl): ${unreadable.slice(0, 3).join(', ')}`);
  }
  return { packages: out, unreadable };
}

/** The packages of an SBOM (see readSbomContents; components without a usable purl are left out). */
export function packagesFromSbom(doc: unknown, file: string): Package[] {
  return readSbomContents(doc, file).packages;
}
