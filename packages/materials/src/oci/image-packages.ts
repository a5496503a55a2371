/**
 * The packages inside a base image, so they are matched against OSV like any lockfile and listed in
 * the SBOM under the image:
 *   1. its SBOM attestation, when the image has one among its Sigstore bundle referrers (an in-toto
 *      statement with predicate type https://cyclonedx.org/bom or https://spdx.dev/Document) and the
 *      bundle verifies, as a signature does, against a signer the policy trusts for the registry;
 *   2. otherwise its OS package database, read from the layers (dpkg, apk, rpm; see os-packages.ts)
 *      after each layer's digest is checked — the layers are the image the digest names.
 * A multi-platform image is read for linux/amd64 (else its first Linux platform).
 * Limits: a layer's declared and downloaded size, its uncompressed size, each database file's size;
 * any of them exceeded, a path traversal or a linked database refuses the image (fail closed).
 */
import { errorMessage, PREDICATE } from '@secure-factory/core';
import type { Package } from '../package.js';
import { readSbomContents } from '../sbom/read-sbom.js';
import {
  APK_INSTALLED,
  applyLayer,
  DEFAULT_FILE_LIMITS,
  DPKG_STATUS,
  DPKG_STATUS_DIR,
  ImageFiles,
  OS_RELEASE_PATHS,
  RPM_OTHER_PATHS,
  RPM_SQLITE_PATHS,
  type FileLimits,
} from './image-filesystem.js';
import { decompressLayer, LayerRefused, LayerUnreadable } from './layer-tar.js';
import {
  distroOf,
  osPackageFromPurl,
  osPackagePurl,
  osvQuery,
  parseApkInstalled,
  parseDpkgStatus,
  parseOsRelease,
  parseRpmSqlite,
  type Distro,
  type OsPackage,
} from './os-packages.js';
import { MEDIA, RegistryMisbehaviour, type Descriptor, type FetchedManifest, type RegistryClient } from './registry-client.js';

/** Where the packages of an image came from. */
export type ImagePackageSource = 'sbom-attestation' | 'dpkg' | 'apk' | 'rpm';

/** One package found in an image, before it is tied to the Dockerfile line that names the image. */
export interface ImageComponent {
  source: ImagePackageSource;
  /** The package's own purl (deb, apk, rpm, or whatever the image SBOM says). */
  purl: string;
  name: string;
  version: string;
  /** What OSV is asked about it; absent when its distribution has no OSV ecosystem. */
  osv?: { ecosystem: string; name: string; version: string };
  /** Language packages listed by an image SBOM (npm, PyPI, ...): their ecosystem. */
  ecosystem?: string;
  /** OS packages: the manager whose purl type they carry. */
  manager?: OsPackage['manager'];
}

export interface ImageContents {
  /** The manifest the packages were read from (the platform manifest of an index). */
  manifestDigest: string;
  source: ImagePackageSource | 'none';
  distro?: string;
  ecosystem?: string;
  components: ImageComponent[];
  /** Why packages could not be matched (an unknown distribution, an rpm database not read). */
  notes: string[];
  /** Who signed the SBOM attestation, when that was the source. */
  sbomSigner?: string;
  /** Layer statistics, for the log: layers read, tar entries, uncompressed bytes, milliseconds. */
  stats?: { layers: number; entries: number; bytes: number; ms: number };
}

export interface ImagePackageLimits extends FileLimits {
  /** Compressed bytes of one layer (downloaded bounded: the core HTTP helper buffers it). */
  compressedLayerBytes: number;
  /** Layers read per image. */
  maxLayers: number;
  /** Largest SBOM attestation bundle. */
  sbomBundleBytes: number;
}

export const DEFAULT_IMAGE_LIMITS: ImagePackageLimits = {
  ...DEFAULT_FILE_LIMITS,
  compressedLayerBytes: 1024 * 1024 * 1024,
  maxLayers: 128,
  sbomBundleBytes: 64 * 1024 * 1024,
};

const SBOM_PREDICATES = new Set<string>([PREDICATE.cyclonedx, PREDICATE.spdx]);
const LAYER_TYPES = new Set([
  'application/vnd.oci.image.layer.v1.tar',
  'application/vnd.oci.image.layer.v1.tar+gzip',
  'application/vnd.oci.image.layer.v1.tar+zstd',
  'application/vnd.docker.image.rootfs.diff.tar.gzip',
  'application/vnd.docker.image.rootfs.diff.tar',
]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Verifies one bundle against the trusted signers; the statement it signed when one accepts it. */
export type SbomBundleCheck = (bundle: unknown, subjectDigest: string) => { ok: true; signer: string } | { ok: false; reason: string };

/** The platform manifest of an index: linux/amd64, else the first Linux one that is not an attestation. */
function pickPlatform(index: FetchedManifest): Descriptor | undefined {
  const list = (index.manifest.manifests ?? []) as (Descriptor & { platform?: { os?: string; architecture?: string } })[];
  const linux = list.filter((d) => d.platform?.os === 'linux' && d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
  return linux.find((d) => d.platform?.architecture === 'amd64') ?? linux[0];
}

/** The OS packages (deb, apk, rpm purls) of an SBOM, walked with an explicit stack (nesting is unbounded). */
function osComponentsOfSbom(body: Record<string, unknown>): ImageComponent[] {
  const purls: string[] = [];
  const stack: unknown[] = Array.isArray(body.components) ? [...(body.components as unknown[])] : [];
  while (stack.length > 0) {
    const c = stack.pop();
    if (!isRecord(c)) continue;
    if (typeof c.purl === 'string') purls.push(c.purl);
    if (Array.isArray(c.components)) stack.push(...(c.components as unknown[]));
  }
  if (Array.isArray(body.packages))
    for (const sp of body.packages as unknown[])
      if (isRecord(sp) && Array.isArray(sp.externalRefs))
        for (const r of sp.externalRefs as unknown[])
          if (isRecord(r) && r.referenceType === 'purl' && typeof r.referenceLocator === 'string') purls.push(r.referenceLocator);
  const out: ImageComponent[] = [];
  for (const purl of purls) {
    const found = osPackageFromPurl(purl);
    if (!found) continue;
    const { pkg, distro } = found;
    const c: ImageComponent = { source: 'sbom-attestation', purl, name: pkg.name, version: pkg.version, manager: pkg.manager };
    if (distro?.ecosystem) c.osv = osvQuery(pkg, distro.ecosystem);
    out.push(c);
  }
  return out;
}

export class ImagePackageReader {
  private readonly memory = new Map<string, ImageContents>();

  constructor(
    private readonly client: RegistryClient,
    private readonly limits: ImagePackageLimits = DEFAULT_IMAGE_LIMITS,
  ) {}

  /**
   * The packages of the image `registry/repository@digest`. `check` verifies an SBOM bundle against
   * the trusted signers (undefined: no signer is trusted, so SBOM attestations are not used).
   * Throws LayerRefused / RegistryMisbehaviour when the image is not what an honest one is, and
   * LayerUnreadable when it is beyond this reader's budgets.
   */
  async read(registry: string, repository: string, digest: string, check: SbomBundleCheck | undefined): Promise<ImageContents> {
    const key = `${registry}/${repository}@${digest}`;
    const hit = this.memory.get(key);
    if (hit) return hit;
    let manifest = await this.client.getManifest(registry, repository, digest);
    const subjects = [digest];
    if (manifest.manifest.manifests) {
      const platform = pickPlatform(manifest);
      if (!platform) {
        const none: ImageContents = {
          manifestDigest: digest,
          source: 'none',
          components: [],
          notes: ['the image index names no Linux platform'],
        };
        this.memory.set(key, none);
        return none;
      }
      manifest = await this.client.getManifest(registry, repository, platform.digest);
      subjects.push(platform.digest);
    }
    let contents: ImageContents | undefined;
    if (check) {
      for (const s of subjects) {
        contents = await this.fromSbomAttestation(registry, repository, s, manifest.digest, check);
        if (contents) break;
      }
    }
    contents ??= await this.fromLayers(registry, repository, manifest);
    this.memory.set(key, contents);
    return contents;
  }

  private async fromSbomAttestation(
    registry: string,
    repository: string,
    subject: string,
    manifestDigest: string,
    check: SbomBundleCheck,
  ): Promise<ImageContents | undefined> {
    const referrers = await this.client.referrers(registry, repository, subject, MEDIA.sigstoreBundle);
    for (const d of referrers.slice(0, 16)) {
      const predicate = d.annotations?.['dev.sigstore.bundle.predicateType'];
      if (predicate !== undefined && !SBOM_PREDICATES.has(predicate)) continue;
      const m = await this.client.getManifest(registry, repository, d.digest);
      if (m.manifest.subject?.digest !== subject) {
        throw new RegistryMisbehaviour(
          `the registry lists ${d.digest} as a referrer of ${subject}, but it refers to ${m.manifest.subject?.digest ?? 'nothing'}; refused`,
        );
      }
      for (const layer of m.manifest.layers ?? []) {
        if (layer.mediaType !== MEDIA.sigstoreBundle) continue;
        if (layer.size > this.limits.sbomBundleBytes) continue;
        const blob = await this.client.getBlob(registry, repository, layer.digest, this.limits.sbomBundleBytes);
        let bundle: unknown;
        try {
          bundle = JSON.parse(blob.toString('utf8'));
        } catch {
          continue;
        }
        const envelope = isRecord(bundle) && isRecord(bundle.dsseEnvelope) ? bundle.dsseEnvelope : undefined;
        if (!envelope || typeof envelope.payload !== 'string' || envelope.payloadType !== 'application/vnd.in-toto+json') continue;
        let statement: unknown;
        try {
          statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
        } catch {
          continue;
        }
        if (!isRecord(statement) || typeof statement.predicateType !== 'string' || !SBOM_PREDICATES.has(statement.predicateType)) continue;
        if (!isRecord(statement.predicate)) continue;
        // Only now, with an SBOM in hand, is the signature checked (the verifier also demands the image as subject).
        const verdict = check(bundle, subject);
        if (!verdict.ok) continue;
        const body = statement.predicate;
        const components = osComponentsOfSbom(body);
        try {
          for (const p of readSbomContents(body, `the SBOM attestation of ${subject}`).packages) {
            if (p.ecosystem === 'Docker' || p.ecosystem === 'GitHub Actions' || !p.version) continue;
            components.push({
              source: 'sbom-attestation',
              purl: p.purl,
              name: p.name,
              version: p.version,
              ecosystem: p.ecosystem,
              osv: { ecosystem: p.ecosystem, name: p.name, version: p.version },
            });
          }
        } catch {
          // No language packages in it (an OS-only SBOM): the OS components above are the inventory.
        }
        const notes = components.some((c) => !c.osv) ? ['some SBOM components name no distribution OSV has an ecosystem for'] : [];
        return { manifestDigest, source: 'sbom-attestation', components, notes, sbomSigner: verdict.signer };
      }
    }
    return undefined;
  }

  private async fromLayers(registry: string, repository: string, manifest: FetchedManifest): Promise<ImageContents> {
    const started = Date.now();
    const layers = manifest.manifest.layers ?? [];
    if (layers.length > this.limits.maxLayers) {
      throw new LayerUnreadable(
        `the image ${manifest.digest} has ${layers.length} layers, over the limit of ${this.limits.maxLayers}; refused`,
      );
    }
    const files = new ImageFiles();
    for (const [i, layer] of layers.entries()) {
      const what = `layer ${i + 1} (${layer.digest.slice(0, 19)}…) of ${registry}/${repository}@${manifest.digest.slice(0, 19)}…`;
      if (!LAYER_TYPES.has(layer.mediaType)) {
        throw new LayerUnreadable(`${what} has the media type ${layer.mediaType}, not a tar layer this scanner reads; refused`);
      }
      if (!Number.isSafeInteger(layer.size) || layer.size > this.limits.compressedLayerBytes) {
        throw new LayerUnreadable(`${what} is ${layer.size} bytes, over the limit of ${this.limits.compressedLayerBytes}; refused`);
      }
      // getBlob checks the digest over the bytes before anything is decompressed.
      const blob = await this.client.getBlob(registry, repository, layer.digest, this.limits.compressedLayerBytes);
      await applyLayer(files, decompressLayer(blob, what), what, this.limits);
    }
    const stats = { layers: files.layers, entries: files.entries, bytes: files.bytes, ms: 0 };
    const where = `${registry}/${repository}@${manifest.digest}`;
    const osReleaseText = OS_RELEASE_PATHS.map((p) => files.file(p)).find((b) => b !== undefined);
    const distro = osReleaseText ? distroOf(parseOsRelease(osReleaseText.toString('utf8'))) : undefined;
    const notes: string[] = [];
    let source: ImageContents['source'] = 'none';
    let found: OsPackage[] = [];
    const status = files.file(DPKG_STATUS);
    const statusD = files.list(DPKG_STATUS_DIR).filter((p) => !p.endsWith('.md5sums'));
    const apk = files.file(APK_INSTALLED);
    const rpm = RPM_SQLITE_PATHS.map((p) => files.file(p)).find((b) => b !== undefined);
    if (status || statusD.length > 0) {
      source = 'dpkg';
      if (status) found.push(...parseDpkgStatus(status.toString('utf8'), `/${DPKG_STATUS} of ${where}`));
      for (const f of statusD) found.push(...parseDpkgStatus((files.file(f) ?? Buffer.alloc(0)).toString('utf8'), `/${f} of ${where}`));
    }
    if (apk) {
      source = source === 'none' ? 'apk' : source;
      found.push(...parseApkInstalled(apk.toString('utf8'), `/${APK_INSTALLED} of ${where}`));
    }
    if (rpm) {
      source = source === 'none' ? 'rpm' : source;
      found.push(...(await parseRpmSqlite(rpm, `the rpm database of ${where}`)));
    } else if (RPM_OTHER_PATHS.some((p) => files.has(p))) {
      notes.push('the rpm database is BerkeleyDB or ndb (rpm < 4.16, SUSE), which this scanner does not read; its packages are not listed');
    }
    if (found.length > 0 && !distro) notes.push('the image has no /etc/os-release: its packages cannot be matched against OSV');
    else if (found.length > 0 && distro?.unmatched) notes.push(`${distro.unmatched}: its packages are listed, not matched`);
    // The same package twice (status and status.d): once.
    const seen = new Set<string>();
    found = found.filter((p) => {
      const k = `${p.manager} ${p.name} ${p.version} ${p.arch ?? ''}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const d: Distro = distro ?? { id: '' };
    const components: ImageComponent[] = found.map((p) => {
      const c: ImageComponent = { source: p.manager, purl: osPackagePurl(p, d), name: p.name, version: p.version, manager: p.manager };
      if (d.ecosystem) c.osv = osvQuery(p, d.ecosystem);
      return c;
    });
    stats.ms = Date.now() - started;
    const out: ImageContents = { manifestDigest: manifest.digest, source, components, notes, stats };
    if (distro?.prettyName ?? distro?.id) out.distro = distro.prettyName ?? distro.id;
    if (d.ecosystem) out.ecosystem = d.ecosystem;
    return out;
  }
}

const ECOSYSTEM_OF_MANAGER: Record<OsPackage['manager'], string> = { dpkg: 'Debian', apk: 'Alpine', rpm: 'Red Hat' };

/** The image's components as packages of the scan: named under the image, found at its FROM line. */
export function imageComponentPackages(image: Package, digest: string, contents: ImageContents): Package[] {
  return contents.components.map((c) => {
    const base = c.osv?.ecosystem.split(':')[0];
    const p: Package = {
      // Listed under its distribution's ecosystem, or its manager's when OSV knows no ecosystem for it.
      ecosystem: (c.ecosystem ?? base ?? ECOSYSTEM_OF_MANAGER[c.manager ?? 'dpkg']) as Package['ecosystem'],
      name: c.name,
      version: c.version,
      purl: c.purl,
      groups: [],
      direct: false,
      sourceFile: image.sourceFile,
      image: {
        reference: image.reference ?? image.name,
        digest,
        imagePurl: image.purl,
        source: c.source,
        ...(contents.distro ? { distro: contents.distro } : {}),
        ...(c.osv ? { osv: c.osv } : {}),
      },
    };
    if (image.line !== undefined) p.line = image.line;
    return p;
  });
}

/** A one-line reason, for findings. */
export function imageReadError(e: unknown): { message: string; refused: boolean } {
  return { message: errorMessage(e), refused: e instanceof LayerRefused || e instanceof RegistryMisbehaviour };
}
