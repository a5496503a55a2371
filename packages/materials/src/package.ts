/**
 * The one shape every material takes once parsed: lockfile packages, actions and images alike, named
 * with OSV ecosystem names and a purl, so SBOMs, vulnerability matching and policy read one list.
 */
import { PackageURL } from 'packageurl-js';
import { LONE_SURROGATE } from './lockfiles/lockfile-error.js';

/** OSV ecosystem names (https://ossf.github.io/osv-schema/#affectedpackage-field). */
export type Ecosystem =
  | 'npm'
  | 'PyPI'
  | 'Go'
  | 'crates.io'
  | 'RubyGems'
  | 'Packagist'
  | 'GitHub Actions'
  | 'Docker'
  // OS packages found inside container images (oci/image-packages.ts).
  | 'Debian'
  | 'Ubuntu'
  | 'Alpine'
  | 'Wolfi'
  | 'Chainguard'
  | 'Red Hat'
  | 'Rocky Linux'
  | 'AlmaLinux'
  | 'SUSE'
  | 'openSUSE'
  | 'Mageia'
  | 'openEuler'
  | 'Photon OS';

/** Where a package found inside a container image came from (oci/image-packages.ts). */
export interface ImageOrigin {
  /** The image as the build names it, and the manifest digest it resolved to. */
  reference: string;
  digest: string;
  /** The purl (and SBOM bom-ref) of the image's own component. */
  imagePurl: string;
  /** The image's SBOM attestation, the package database read from its layers, or an SBOM given as input. */
  source: 'sbom-attestation' | 'dpkg' | 'apk' | 'rpm' | 'sbom';
  /** os-release PRETTY_NAME. */
  distro?: string;
  /**
   * What OSV is asked: the ecosystem with its release and, for Debian, Ubuntu and Alpine, the source
   * package and its version. Absent when the distribution has no OSV ecosystem (listed, not matched).
   */
  osv?: { ecosystem: string; name: string; version: string };
}

/**
 * What the materials stage found when it validated a base image in its registry (oci/image-validation.ts):
 * written into the signed SBOM (CycloneDX property `secure-factory:image:validation`, SPDX annotation) so
 * the gate can refuse an artefact built on an image that was not `verified` without trusting a job's exit.
 */
export interface ImageValidationRecord {
  /**
   * `verified`: signed by a signer the policy trusts for its registry; `unsigned`: no Sigstore bundle
   * referrer and no cosign signature; `untrusted`: signatures, none by a trusted signer (or no signer is
   * trusted for the registry); `unreachable`: the registry could not be read; `refused`: the registry
   * contradicted itself; `unresolved`: the reference names no image.
   */
  verdict: 'verified' | 'unsigned' | 'untrusted' | 'unreachable' | 'refused' | 'unresolved';
  /** The manifest digest the reference resolved to. */
  digest?: string;
  /** Who signed it: a certificate SAN or a `sha256:` key fingerprint. */
  signer?: string;
  /** The digest of the bundle (or cosign payload) whose signature verified. */
  bundle?: string;
}

export type SourceKind = 'registry' | 'git' | 'http' | 'file' | 'link';

/**
 * Why a declared dependency names no single release: a version range (`>=1,<2`, `==1.*`, `!=2.0.0`, a
 * caret range without a lockfile), no version at all, a URL, a VCS reference without a commit, a local
 * path, an unexpanded variable, or a manifest entry its lockfile does not hold. Such a dependency
 * cannot be matched honestly against advisories: it is a `materials/unpinned` finding, never skipped.
 */
export type UnpinnedReason = 'range' | 'none' | 'url' | 'vcs' | 'path' | 'variable' | 'not-locked';

export interface Integrity {
  sha512?: string;
  sha384?: string;
  sha256?: string;
  sha1?: string;
}

export interface Package {
  ecosystem: Ecosystem;
  name: string;
  /** `""` when the lockfile names no version (a git or file dependency). */
  version: string;
  purl: string;
  /** Dependency groups as the lockfile names them (`dev`, `optional`, `bundled`, a Poetry/uv group...); empty for production. */
  groups: string[];
  /** true for a dependency the project declares itself, false for a transitive one, undefined when the format does not say. */
  direct: boolean | undefined;
  /** Path of the file the package was read from, relative to the scanned root when there is one. */
  sourceFile: string;
  line?: number;
  integrity?: Integrity;
  /** Where the package is fetched from (a registry tarball URL, a git URL, a path). */
  resolved?: string;
  kind?: SourceKind;
  /** Git commit, for a dependency pinned to one. */
  commit?: string;
  /** SPDX licence expression(s), when the lockfile records them. */
  licenses?: string[];
  /** purls of the packages this one depends on, when the lockfile records the graph. */
  dependsOn?: string[];
  /** Actions and images: the ref is a full commit SHA / an image digest. */
  pinned?: boolean;
  /** Set when the declaration pins no single release (see UnpinnedReason). */
  unpinned?: UnpinnedReason;
  /** The declaration as written (`vulnpkg>=1.0.0,<2`), for unpinned dependencies. */
  declared?: string;
  /** Images: the registry host (`docker.io` when the reference names none). */
  registry?: string;
  /** Actions and images: the reference as written (`actions/checkout@v4`, `node:20`). */
  reference?: string;
  /** Packages found inside a base image: which image, and what OSV is asked about them. */
  image?: ImageOrigin;
  /** Images: the base-image validation verdict (absent when the stage did not validate images). */
  validation?: ImageValidationRecord;
}

const PURL_TYPE: Record<Ecosystem, string> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  'crates.io': 'cargo',
  RubyGems: 'gem',
  Packagist: 'composer',
  'GitHub Actions': 'githubactions',
  Docker: 'docker',
  Debian: 'deb',
  Ubuntu: 'deb',
  Alpine: 'apk',
  Wolfi: 'apk',
  Chainguard: 'apk',
  'Red Hat': 'rpm',
  'Rocky Linux': 'rpm',
  AlmaLinux: 'rpm',
  SUSE: 'rpm',
  openSUSE: 'rpm',
  Mageia: 'rpm',
  openEuler: 'rpm',
  'Photon OS': 'rpm',
};

export function purlType(ecosystem: Ecosystem): string {
  return PURL_TYPE[ecosystem];
}

/** PEP 503 normalised name, as PyPI and the pypi purl type want it. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** Builds the purl of a package (namespace split as each purl type specifies). */
export function makePurl(ecosystem: Ecosystem, name: string, version: string, qualifiers?: Record<string, string>): string {
  const type = PURL_TYPE[ecosystem];
  let namespace: string | undefined;
  let base = name;
  switch (ecosystem) {
    case 'npm':
      if (name.startsWith('@') && name.includes('/')) {
        namespace = name.slice(0, name.indexOf('/'));
        base = name.slice(name.indexOf('/') + 1);
      }
      break;
    case 'Go':
    case 'Packagist':
    case 'GitHub Actions':
    case 'Docker': {
      const i = name.lastIndexOf('/');
      if (i > 0) {
        namespace = name.slice(0, i);
        base = name.slice(i + 1);
      }
      break;
    }
    case 'PyPI':
      base = normalizePythonName(name);
      break;
    default:
      break;
  }
  if (ecosystem === 'Packagist' || ecosystem === 'GitHub Actions') {
    namespace = namespace?.toLowerCase();
    base = base.toLowerCase();
  }
  try {
    return new PackageURL(type, namespace, base, version === '' ? undefined : version, qualifiers, undefined).toString();
  } catch {
    // A name the purl spec cannot hold (already refused by the parsers' name check); keep a readable id.
    // Lone surrogates (from a JSON escape) would make encodeURIComponent throw: shown as U+FFFD.
    const encode = (t: string): string => encodeURIComponent(t.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\ufffd'));
    return `pkg:${type}/${encode(name)}${version ? `@${encode(version)}` : ''}`;
  }
}

export interface PackageInit {
  ecosystem: Ecosystem;
  name: string;
  version: string;
  sourceFile: string;
  groups?: string[];
  direct?: boolean | undefined;
  line?: number | undefined;
  integrity?: Integrity | undefined;
  resolved?: string | undefined;
  kind?: SourceKind | undefined;
  commit?: string | undefined;
  licenses?: string[] | undefined;
  unpinned?: UnpinnedReason | undefined;
  declared?: string | undefined;
}

/** A Package with its purl; optional fields left out when unknown (so JSON stays small). */
export function makePackage(init: PackageInit): Package {
  const pkg: Package = {
    ecosystem: init.ecosystem,
    name: init.name,
    version: init.version,
    purl: makePurl(init.ecosystem, init.name, init.version),
    groups: [...new Set(init.groups ?? [])].sort(),
    direct: init.direct,
    sourceFile: init.sourceFile,
  };
  if (init.line !== undefined) pkg.line = init.line;
  if (init.integrity && Object.keys(init.integrity).length > 0) pkg.integrity = init.integrity;
  if (init.resolved) pkg.resolved = init.resolved;
  if (init.kind) pkg.kind = init.kind;
  if (init.commit) pkg.commit = init.commit;
  if (init.licenses && init.licenses.length > 0) pkg.licenses = init.licenses;
  if (init.unpinned) pkg.unpinned = init.unpinned;
  if (init.declared !== undefined) pkg.declared = init.declared;
  return pkg;
}

/**
 * What OSV is asked about a package: its own ecosystem, name and version, or for a package inside an
 * image what its distribution's records name (`Debian:12`, the source package); undefined when it
 * cannot be matched (an image's package from a distribution OSV has no ecosystem for).
 */
export function osvPackageRef(p: Package): { ecosystem: string; name: string; version: string } | undefined {
  if (p.image) return p.image.osv;
  return { ecosystem: p.ecosystem, name: p.name, version: p.version };
}

/** `name@version` within an ecosystem: the identity used to merge and compare package sets. */
export function packageIdentity(p: { ecosystem: string; name: string; version: string }): string {
  return `${p.ecosystem}\u0000${p.name}\u0000${p.version}`;
}

/** A package as `secure-factory scan --json` prints it (snake_case per the CLI contract); CEL rules see the same shape. */
export function packageJson(p: Package): {
  ecosystem: string;
  name: string;
  version: string;
  purl: string;
  groups: string[];
  direct: boolean | null;
  source_file: string;
} {
  return {
    ecosystem: p.ecosystem,
    name: p.name,
    version: p.version,
    purl: p.purl,
    groups: p.groups,
    direct: p.direct ?? null,
    source_file: p.sourceFile,
  };
}
