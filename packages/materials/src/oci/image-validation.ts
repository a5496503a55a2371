/**
 * Validated base images: every image the materials stage found is resolved to its digest in its
 * registry, and a signature by a signer the policy trusts for that registry is looked for where
 * Sigstore clients put one:
 *   - a Sigstore bundle referrer (artifactType `application/vnd.dev.sigstore.bundle.v0.3+json`), found
 *     through the OCI 1.1 referrers API or the referrers tag schema; its DSSE statement must name the
 *     image's manifest digest as a subject;
 *   - cosign's signature tag (`sha256-HEX.sig`): simple-signing payloads whose
 *     `critical.image.docker-manifest-digest` is the image, with a key signature (key trust only).
 * The bundle verification itself is injected (the verify package's verifier): stage packages depend
 * on core only. An image without a valid signature is a `materials/image-unvalidated` finding,
 * blocking under `materials.images.validated: required`; a registry that lies (a manifest or a
 * referrer for another digest) is always blocking. Verdicts are cached by digest and trust.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import {
  errorMessage,
  findWaiver,
  OPERATOR_FILE,
  readTextFileSync,
  sha256Hex,
  writeJsonAtomic,
  type Exception,
  type Finding,
  type ImageTrust,
  type Policy,
} from '@secure-factory/core';
import type { ImageValidationRecord, Package } from '../package.js';
import { imageLocation, parseImageRef, type ImageRef } from '../other/image-ref.js';
import { MEDIA, RegistryMisbehaviour, type RegistryClient } from './registry-client.js';
import {
  DEFAULT_IMAGE_LIMITS,
  imageComponentPackages,
  imageReadError,
  ImagePackageReader,
  type ImageContents,
  type ImagePackageLimits,
} from './image-packages.js';

/** The image caches are rebuilt when larger than this (or unreadable): never trusted, never a hang. */
const CACHE_MAX_BYTES = 64 * 1024 * 1024;

export const IMAGE_UNVALIDATED = 'materials/image-unvalidated'; // RULE.imageUnvalidated in scan/rules.ts
export const IMAGE_UNSCANNED = 'materials/image-unscanned'; // RULE.imageUnscanned in scan/rules.ts
/** Referrers looked at per image, and the largest bundle read. */
const MAX_REFERRERS = 16;
const MAX_BUNDLE_BYTES = 1024 * 1024;

/** A trust entry with its key read: what the injected verifier checks a signature against. */
export interface ResolvedTrust {
  registry: string;
  identity?: string;
  issuer?: string;
  /** PEM public key. */
  keyPem?: string;
}

export type SignedArtifact = { kind: 'digest'; sha256: string } | { kind: 'bytes'; data: Buffer };

export type SignatureVerdict = { ok: true; signer: string } | { ok: false; reason: string };

/**
 * Verifies one Sigstore bundle against a trust entry. `statement: true` demands a DSSE in-toto
 * statement naming the artifact digest as a subject; false, a signature over the artifact bytes.
 */
export type ImageSignatureVerifier = (
  bundle: unknown,
  artifact: SignedArtifact,
  statement: boolean,
  trust: ResolvedTrust,
) => SignatureVerdict;

export interface ImageVerdict {
  image: string;
  digest?: string;
  validated: boolean;
  /** The verdict recorded in the SBOM (package.ts ImageValidationRecord). */
  status: ImageValidationRecord['verdict'];
  /** The digest of the bundle (or cosign payload) whose signature verified. */
  bundle?: string;
  /** Who signed it (a certificate SAN or `sha256:` key fingerprint). */
  signer?: string;
  /** Why it is not validated, one line each. */
  reasons: string[];
  /** The registry contradicted itself (a digest mismatch): always blocking. */
  refused?: boolean;
}

export interface ImageValidationOptions {
  client: RegistryClient;
  verify: ImageSignatureVerifier;
  images: Policy['materials']['images'];
  /** The policy file: `key:` paths are relative to its folder. */
  policyFile?: string;
  /** A JSON file keeping verdicts across runs (keyed by digest and trust). */
  cacheFile?: string;
  /** The policy's `exceptions:`: a waiver by rule or image package makes the finding non-blocking. */
  waivers?: { exceptions: readonly Exception[]; maxDays: number; now: Date };
  /** Limits on reading an image's layers (image-packages.ts); the defaults suit real base images. */
  layerLimits?: Partial<ImagePackageLimits>;
}

/** The packages found inside the scanned images, and what could not be read. */
export interface ImageScan {
  packages: Package[];
  findings: Finding[];
  /** One line per image read, for the log (source, distribution, package count, time). */
  summaries: string[];
}

/** Reads a trust entry's key: PEM text as is, else a file relative to the policy file. */
export function resolveTrust(t: ImageTrust, policyFile?: string): ResolvedTrust {
  const out: ResolvedTrust = { registry: t.registry.replace(/\/+$/, '') };
  if (t.identity) out.identity = t.identity;
  if (t.issuer) out.issuer = t.issuer;
  if (t.key) {
    if (t.key.includes('-----BEGIN')) out.keyPem = t.key;
    else {
      const file = isAbsolute(t.key) ? t.key : resolve(policyFile ? dirname(policyFile) : '.', t.key);
      out.keyPem = readTextFileSync(file, {
        ...OPERATOR_FILE,
        maxBytes: 64 * 1024,
        what: `public key file of materials.images.trust (for ${t.registry})`,
        hint: 'give a PEM public key, or a path relative to the policy file',
      });
    }
  }
  return out;
}

function trustFor(ref: ImageRef, trust: readonly ResolvedTrust[]): ResolvedTrust[] {
  const loc = imageLocation(ref);
  return trust.filter((t) => loc === t.registry || loc.startsWith(`${t.registry}/`));
}

function trustKey(trust: readonly ResolvedTrust[]): string {
  return sha256Hex(JSON.stringify(trust.map((t) => [t.registry, t.identity ?? '', t.issuer ?? '', t.keyPem ?? ''])));
}

interface CosignPayload {
  critical?: { image?: { 'docker-manifest-digest'?: unknown } };
}

export class ImageValidator {
  private readonly memory = new Map<string, ImageVerdict>();
  private readonly trust: ResolvedTrust[];
  private fileCache: Record<string, ImageVerdict> | undefined;
  private contentsCache: Record<string, ImageContents> | undefined;
  private readonly reader: ImagePackageReader;

  constructor(private readonly options: ImageValidationOptions) {
    this.trust = options.images.trust.map((t) => resolveTrust(t, options.policyFile));
    this.reader = new ImagePackageReader(options.client, { ...DEFAULT_IMAGE_LIMITS, ...options.layerLimits });
  }

  /** The verdict for one image reference; registry failures are reasons, lies are `refused`. */
  async validate(reference: string): Promise<ImageVerdict> {
    const ref = parseImageRef(reference);
    if (!ref) return { image: reference, validated: false, status: 'unresolved', reasons: ['the reference is not an image reference'] };
    const image = imageLocation(ref);
    const trusted = trustFor(ref, this.trust);
    if (trusted.length === 0) {
      return {
        image,
        validated: false,
        status: 'untrusted',
        reasons: [`no signer is trusted for ${ref.registry} (materials.images.trust)`],
      };
    }
    let digest: string;
    try {
      digest = (await this.options.client.getManifest(ref.registry, ref.repository, ref.digest ?? ref.tag ?? 'latest')).digest;
    } catch (e: unknown) {
      const refused = e instanceof RegistryMisbehaviour;
      return { image, validated: false, status: refused ? 'refused' : 'unreachable', reasons: [errorMessage(e)], refused };
    }
    const key = `${image}@${digest} ${trustKey(trusted)}`;
    // A verdict cached before verdicts had a status is checked again.
    const cached = this.memory.get(key) ?? this.readFileCache()[key];
    if (cached?.status) return cached;
    let verdict: ImageVerdict;
    try {
      verdict = await this.check(ref, image, digest, trusted);
    } catch (e: unknown) {
      // Not cached: an unreachable registry may answer next time.
      const refused = e instanceof RegistryMisbehaviour;
      return { image, digest, validated: false, status: refused ? 'refused' : 'unreachable', reasons: [errorMessage(e)], refused };
    }
    this.memory.set(key, verdict);
    if (this.options.cacheFile && !verdict.refused) {
      this.readFileCache()[key] = verdict;
      await writeJsonAtomic(this.options.cacheFile, this.readFileCache());
    }
    return verdict;
  }

  private readFileCache(): Record<string, ImageVerdict> {
    if (this.fileCache) return this.fileCache;
    this.fileCache = {};
    const f = this.options.cacheFile;
    if (f && existsSync(f)) {
      try {
        const parsed = JSON.parse(readTextFileSync(f, { maxBytes: CACHE_MAX_BYTES, what: 'image cache' })) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) this.fileCache = parsed as Record<string, ImageVerdict>;
      } catch {
        // An unreadable cache is rebuilt, never trusted.
      }
    }
    return this.fileCache;
  }

  private async check(ref: ImageRef, image: string, digest: string, trusted: ResolvedTrust[]): Promise<ImageVerdict> {
    const { client, verify } = this.options;
    const reasons: string[] = [];
    const hex = digest.slice('sha256:'.length);
    const referrers = await client.referrers(ref.registry, ref.repository, digest, MEDIA.sigstoreBundle);
    for (const d of referrers.slice(0, MAX_REFERRERS)) {
      const m = await client.getManifest(ref.registry, ref.repository, d.digest);
      if (m.manifest.subject?.digest !== digest) {
        return {
          image,
          digest,
          validated: false,
          status: 'refused',
          refused: true,
          reasons: [
            `the registry lists ${d.digest} as a referrer of ${digest}, but it refers to ${m.manifest.subject?.digest ?? 'nothing'}; refused`,
          ],
        };
      }
      for (const layer of m.manifest.layers ?? []) {
        if (layer.mediaType !== MEDIA.sigstoreBundle) continue;
        const blob = await client.getBlob(ref.registry, ref.repository, layer.digest, MAX_BUNDLE_BYTES);
        let bundle: unknown;
        try {
          bundle = JSON.parse(blob.toString('utf8'));
        } catch {
          reasons.push(`the bundle ${layer.digest} is not JSON`);
          continue;
        }
        for (const t of trusted) {
          const v = verify(bundle, { kind: 'digest', sha256: hex }, true, t);
          if (v.ok) return { image, digest, validated: true, status: 'verified', signer: v.signer, bundle: layer.digest, reasons: [] };
          reasons.push(`bundle ${layer.digest.slice(0, 19)}… vs ${t.identity ?? 'the key'} of ${t.registry}: ${v.reason}`);
        }
      }
    }
    // cosign's signature tag: simple-signing payloads with the signature in an annotation.
    const sig = await client.findManifest(ref.registry, ref.repository, `sha256-${hex}.sig`);
    for (const layer of (sig?.manifest.layers ?? []).slice(0, MAX_REFERRERS)) {
      const signature = layer.annotations?.['dev.cosignproject.cosign/signature'];
      if (layer.mediaType !== MEDIA.cosignSimpleSigning || !signature) continue;
      const payload = await client.getBlob(ref.registry, ref.repository, layer.digest, MAX_BUNDLE_BYTES);
      let named: unknown;
      try {
        named = (JSON.parse(payload.toString('utf8')) as CosignPayload).critical?.image?.['docker-manifest-digest'];
      } catch {
        named = undefined;
      }
      if (named !== digest) {
        reasons.push(
          `the cosign signature ${layer.digest.slice(0, 19)}… signs ${typeof named === 'string' ? named : 'no image'}, not ${digest}`,
        );
        continue;
      }
      // As a Sigstore message-signature bundle (v0.3) over the payload, so the one verifier checks it.
      for (const t of trusted) {
        if (!t.keyPem) {
          reasons.push(`cosign signature tags are checked with keys only; ${t.registry} trusts an identity (sign with a bundle referrer)`);
          continue;
        }
        const bundle = {
          mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
          verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
          messageSignature: {
            messageDigest: { algorithm: 'SHA2_256', digest: Buffer.from(sha256Hex(payload), 'hex').toString('base64') },
            signature,
          },
        };
        const v = verify(bundle, { kind: 'bytes', data: payload }, false, t);
        if (v.ok) return { image, digest, validated: true, status: 'verified', signer: v.signer, bundle: layer.digest, reasons: [] };
        reasons.push(`cosign signature ${layer.digest.slice(0, 19)}… vs the key of ${t.registry}: ${v.reason}`);
      }
    }
    // Signatures were found (each left a reason) but none by a trusted signer: untrusted; none at all: unsigned.
    if (reasons.length > 0) return { image, digest, validated: false, status: 'untrusted', reasons };
    return {
      image,
      digest,
      validated: false,
      status: 'unsigned',
      reasons: [`no Sigstore bundle referrer and no cosign signature for ${digest}`],
    };
  }

  /** The package cache beside the verdict cache (`image-cache.json` → `image-cache.packages.json`). */
  private contentsFile(): string | undefined {
    const f = this.options.cacheFile;
    return f ? `${f.replace(/\.json$/, '')}.packages.json` : undefined;
  }

  private readContentsCache(): Record<string, ImageContents> {
    if (this.contentsCache) return this.contentsCache;
    this.contentsCache = {};
    const f = this.contentsFile();
    if (f && existsSync(f)) {
      try {
        const parsed = JSON.parse(readTextFileSync(f, { maxBytes: CACHE_MAX_BYTES, what: 'image cache' })) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) this.contentsCache = parsed as Record<string, ImageContents>;
      } catch {
        // An unreadable cache is rebuilt, never trusted.
      }
    }
    return this.contentsCache;
  }

  /**
   * The packages inside each image the validation contacts (those with a trusted signer for their
   * registry): its signed SBOM attestation, else its OS package database read from its layers.
   * Cached by digest and trust. A layer refused (traversal, a linked database, a size limit), a
   * registry that lied or could not be read is a blocking `materials/image-unscanned` finding: an
   * image whose packages are unknown is not a clean image.
   */
  async contents(packages: readonly Package[]): Promise<ImageScan> {
    const out: ImageScan = { packages: [], findings: [], summaries: [] };
    const done = new Map<string, { contents?: ImageContents; cached?: boolean; error?: { message: string; refused: boolean } }>();
    for (const p of packages) {
      if (p.ecosystem !== 'Docker') continue;
      const reference = p.reference ?? p.name;
      const ref = parseImageRef(reference);
      if (!ref) continue;
      const trusted = trustFor(ref, this.trust);
      if (trusted.length === 0) continue; // not contacted: materials/image-unvalidated says why
      const verdict = await this.validate(reference);
      if (!verdict.digest) continue; // unresolved: the validation finding says why
      const digest = verdict.digest;
      const key = `${imageLocation(ref)}@${digest} ${trustKey(trusted)}`;
      let result = done.get(key);
      if (!result) {
        const cached = this.readContentsCache()[key];
        if (cached) result = { contents: cached, cached: true };
        else {
          try {
            const check = (bundle: unknown, subject: string): { ok: true; signer: string } | { ok: false; reason: string } => {
              let last = 'no trusted signer';
              for (const t of trusted) {
                const v = this.options.verify(bundle, { kind: 'digest', sha256: subject.slice('sha256:'.length) }, true, t);
                if (v.ok) return v;
                last = v.reason;
              }
              return { ok: false, reason: last };
            };
            const contents = await this.reader.read(ref.registry, ref.repository, digest, check);
            result = { contents };
            const file = this.contentsFile();
            if (file) {
              this.readContentsCache()[key] = contents;
              await writeJsonAtomic(file, this.readContentsCache());
            }
          } catch (e: unknown) {
            result = { error: imageReadError(e) };
          }
        }
        done.set(key, result);
        const c = result.contents;
        if (c) {
          const stats =
            c.stats && !result.cached ? ` in ${c.stats.ms} ms (${c.stats.layers} layer(s), ${c.stats.entries} tar entries)` : ' (cached)';
          out.summaries.push(
            `${reference}: ${c.components.length} package(s) from ${c.source === 'sbom-attestation' ? `its SBOM attestation signed by ${c.sbomSigner ?? '?'}` : c.source === 'none' ? 'no package database' : `its ${c.source} database`}${c.distro ? ` (${c.distro}${c.ecosystem ? `, OSV ${c.ecosystem}` : ''})` : ''}${stats}`,
          );
        }
      }
      const w = this.options.waivers;
      const finding = (message: string, blocking: boolean, refused: boolean): void => {
        const f: Finding = {
          rule: IMAGE_UNSCANNED,
          severity: 'high',
          message,
          help: refused
            ? 'the image is not what an honest build writes (a layer that climbs out of the root, a linked or oversized database, a registry that lied); do not build on it'
            : 'use an image whose package database can be read, attach a signed SBOM attestation to it, or waive materials/image-unscanned for this image with an expiry',
          file: p.sourceFile,
          blocking,
          properties: { image: imageLocation(ref), digest, ...(refused ? { refused: true } : {}) },
        };
        if (p.line !== undefined) f.line = p.line;
        const waiver =
          w && !refused ? findWaiver(w.exceptions, { rule: IMAGE_UNSCANNED, package: p }, w.now, w.maxDays).active?.exception : undefined;
        if (waiver) {
          f.waived = { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires };
          f.blocking = false;
        }
        out.findings.push(f);
      };
      if (result.error) {
        finding(`the packages of ${reference} could not be read: ${result.error.message}`, true, result.error.refused);
        continue;
      }
      const contents = result.contents as ImageContents;
      for (const note of contents.notes) finding(`${reference}: ${note}`, false, false);
      out.packages.push(...imageComponentPackages(p, digest, contents));
    }
    return out;
  }

  /**
   * The verdict of every image package of a scan, by purl: what the SBOM records for the gate
   * (materials.images.validated: required refuses an artefact whose signed SBOM names an image
   * without `verified`).
   */
  async records(packages: readonly Package[]): Promise<Map<string, ImageValidationRecord>> {
    const out = new Map<string, ImageValidationRecord>();
    for (const p of packages) {
      if (p.ecosystem !== 'Docker' || p.image || out.has(p.purl)) continue;
      const v = await this.validate(p.reference ?? p.name);
      const r: ImageValidationRecord = { verdict: v.status };
      if (v.digest) r.digest = v.digest;
      if (v.signer) r.signer = v.signer;
      if (v.bundle) r.bundle = v.bundle;
      out.set(p.purl, r);
    }
    return out;
  }

  /** `materials/image-unvalidated` findings for the image packages of a scan (other packages are skipped). */
  async findings(packages: readonly Package[]): Promise<Finding[]> {
    const out: Finding[] = [];
    const required = this.options.images.validated === 'required';
    for (const p of packages) {
      if (p.ecosystem !== 'Docker') continue;
      const reference = p.reference ?? p.name;
      if (!parseImageRef(reference)) continue; // materials/image-unresolved says so already
      const v = await this.validate(reference);
      if (v.validated) continue;
      const f: Finding = {
        rule: IMAGE_UNVALIDATED,
        severity: 'high',
        message: `${reference} has no valid signature by a signer the policy trusts: ${v.reasons.slice(0, 3).join('; ')}`,
        help: v.refused
          ? 'the registry misbehaved (content for another digest, an auth loop or a plain-HTTP redirect); do not build on it and check the registry or the proxy in between'
          : 'use a base image signed by a trusted signer, or list its signer under materials.images.trust',
        file: p.sourceFile,
        blocking: required || v.refused === true,
        properties: { image: v.image, ...(v.digest ? { digest: v.digest } : {}), ...(v.refused ? { refused: true } : {}) },
      };
      if (p.line !== undefined) f.line = p.line;
      const w = this.options.waivers;
      // A registry that lied is never waived: the image is not what its reference says.
      const waiver =
        w && !v.refused ? findWaiver(w.exceptions, { rule: IMAGE_UNVALIDATED, package: p }, w.now, w.maxDays).active?.exception : undefined;
      if (waiver) {
        f.waived = { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires };
        f.blocking = false;
      }
      out.push(f);
    }
    return out;
  }
}
