/**
 * Images gated by reference (`registry/name@sha256:HEX`), straight from the registry: the reference is
 * held to the deploy policy's registries before any network call (Docker Hub only when the policy names
 * it), the manifest is fetched by digest and its bytes hashed again here, the image's Sigstore bundles
 * are listed as OCI referrers (the referrers API, else the `sha256-HEX` tag schema) and downloaded with
 * a size bound, and each bundle becomes one more candidate for the same evaluation as the evidence
 * folder's. The subject is the manifest digest.
 *
 * The registry client is injected (the materials package has the one implementation; this package
 * depends on core and attest only). What the registry sends is checked here too, so a client bug or a
 * proxy cannot make a lie pass: the manifest's digest, each referrer's `subject`, each blob's digest.
 */
import { ConfigurationError, errorMessage, isSecureFactoryError, sha256Hex, type Logger } from '@secure-factory/core';
import { candidateFromJson } from './candidate.js';
import type { EvidenceIndex } from './lookup.js';
import { registryAllowed } from './images.js';
import type { GateSubject } from './subjects.js';
import type { Check } from './types.js';

/** Sigstore bundle media types, as actions/attest and cosign push them (artifactType and layer). */
export const SIGSTORE_BUNDLE_MEDIA = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const BUNDLE_LAYER_MEDIA = new Set([SIGSTORE_BUNDLE_MEDIA, 'application/vnd.dev.sigstore.bundle+json;version=0.3']);
/** Referrers read per image; a registry listing more gets the first ones only (never a pass for it). */
export const MAX_REFERRERS = 64;
/** The largest bundle read from a registry, and the most read per image. */
export const MAX_REGISTRY_BUNDLE_BYTES = 16 * 1024 * 1024;
const MAX_BYTES_PER_IMAGE = 64 * 1024 * 1024;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export interface OciDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
}

export interface OciManifest {
  schemaVersion: number;
  mediaType?: string;
  artifactType?: string;
  layers?: OciDescriptor[];
  subject?: OciDescriptor;
}

/**
 * The registry calls the gate makes; `@secure-factory/materials`' `createRegistryClient()` is the
 * implementation (token auth, challenges, redirects, retries, digest checks, byte limits).
 */
export interface ImageRegistryClient {
  getManifest(
    registry: string,
    repository: string,
    reference: string,
  ): Promise<{ digest: string; mediaType: string; bytes: Buffer; manifest: OciManifest }>;
  referrers(registry: string, repository: string, digest: string, artifactType?: string): Promise<OciDescriptor[]>;
  getBlob(registry: string, repository: string, digest: string, maxBytes: number): Promise<Buffer>;
  /** True for an error that says the registry contradicted itself (a lie, an auth loop), not that it is down. */
  isMisbehaviour?(e: unknown): boolean;
}

/** An image reference as the gate takes it: pinned by digest. */
export interface DeployImage {
  /** What the operator wrote. */
  reference: string;
  /** `docker.io` for Docker Hub however it was written. */
  registry: string;
  repository: string;
  /** `sha256:HEX` */
  digest: string;
}

/** The result of looking at one image in its registry, before the deploy policy is evaluated. */
export interface ImageLookup {
  image: DeployImage;
  check: Check;
  /** `refused`: not looked up or the registry lied (a finding, exit 1); `unreachable`: a service failure (exit 3). */
  failure?: { kind: 'refused' | 'unreachable'; error?: unknown };
}

/** A reference with a password in it is never echoed. */
function shown(reference: string): string {
  // The only @ a reference may hold is the one before its digest (an OCI algorithm: sha256, sha384,
  // sha512): any other (`user:pw@host`, with or without a scheme, a port or a path) may be a credential.
  return reference.replace(/@(?:sha256|sha384|sha512):[^@]*$/, '').includes('@')
    ? '(an image reference with credentials in it)'
    : JSON.stringify(reference);
}

/**
 * Parses `[registry/]name[:tag]@sha256:HEX` as Docker does (the first component is a registry when it
 * has a dot, a port or is `localhost`; else Docker Hub). A tag without a digest is refused: the gate
 * admits what a digest names, never what a tag points to today.
 */
export function parseDeployImage(reference: string): DeployImage {
  const s = reference.trim();
  const bad = (why: string): ConfigurationError =>
    new ConfigurationError(`the image ${shown(s)} ${why}`, {
      hint: 'give it as registry/name@sha256:<64 hex> (e.g. ghcr.io/acme/app@sha256:…)',
    });
  if (s === '' || /[\s$]/.test(s) || s.includes('://')) throw bad('is not an image reference');
  const at = s.indexOf('@');
  let rest = at >= 0 ? s.slice(0, at) : s;
  const digest = at >= 0 ? s.slice(at + 1) : undefined;
  if (digest === undefined) {
    const tagAt = rest.lastIndexOf(':');
    const name = tagAt > rest.lastIndexOf('/') ? rest.slice(0, tagAt) : rest;
    throw new ConfigurationError(
      `refused: the image ${shown(s)} names no digest; the gate admits images by digest only (a tag can be moved)`,
      {
        hint: `pin it by its manifest digest: ${name}@sha256:<64 hex> (skopeo inspect --format '{{.Digest}}' docker://${rest}, or crane digest ${rest})`,
      },
    );
  }
  if (!DIGEST.test(digest)) throw bad('has a digest that is not sha256:<64 lowercase hex>');
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) rest = rest.slice(0, colon); // name:tag@digest: the digest decides.
  let registry = DOCKER_HUB;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first.toLowerCase();
      rest = rest.slice(slash + 1);
    }
  }
  if (DOCKER_HUB_ALIASES.has(registry)) registry = DOCKER_HUB;
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(rest)) {
    throw bad('has no valid repository name (lowercase letters, digits, separators)');
  }
  if (registry === DOCKER_HUB && !rest.includes('/')) rest = `library/${rest}`;
  return { reference: s, registry, repository: rest, digest };
}

/** A policy entry with Docker Hub's other names folded into `docker.io`. */
function normaliseAllowed(entry: string): string {
  const e = entry
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/+$/, '');
  const slash = e.indexOf('/');
  const host = slash >= 0 ? e.slice(0, slash) : e;
  return DOCKER_HUB_ALIASES.has(host) ? `${DOCKER_HUB}${slash >= 0 ? e.slice(slash) : ''}` : e;
}

export function imageRegistryAllowed(image: DeployImage, allowed: readonly string[]): boolean {
  return registryAllowed(`${image.registry}/${image.repository}`, allowed.map(normaliseAllowed));
}

/** Blamed on the gate's policy when the registry is not listed, on the attestations' store otherwise. */
const check = (status: Check['status'], reason: string, fix?: string, stage: Check['stage'] = 'attest'): Check => ({
  id: 'image-registry',
  title: 'image in its registry',
  stage,
  status,
  reason,
  ...(fix ? { fix } : {}),
});

/** The subject an image is gated as: its manifest digest, named `registry/repository` (as actions/attest names image subjects). */
export function imageSubject(image: DeployImage): GateSubject {
  return { digest: image.digest.slice('sha256:'.length), name: `${image.registry}/${image.repository}` };
}

/**
 * Looks at each image: refused without a network call when its registry is not listed; else its
 * manifest is read by digest and its Sigstore bundle referrers are added to `index`.
 */
export async function lookUpImages(
  images: readonly DeployImage[],
  options: { client: ImageRegistryClient | undefined; allowed: readonly string[]; environment: string; logger: Logger },
  index: EvidenceIndex,
): Promise<ImageLookup[]> {
  const out: ImageLookup[] = [];
  for (const image of images) {
    const where = `${image.registry}/${image.repository}`;
    if (!imageRegistryAllowed(image, options.allowed)) {
      const hub = image.registry === DOCKER_HUB;
      out.push({
        image,
        failure: { kind: 'refused' },
        check: check(
          'fail',
          `${where} is from ${hub ? 'Docker Hub (docker.io)' : image.registry}, a registry deploy.${options.environment}.registries does not list${
            options.allowed.length > 0 ? ` (${options.allowed.join(', ')})` : ' (it lists none)'
          }; the registry was not contacted`,
          hub
            ? 'deploy an image from your own registry (copy it there and sign it); Docker Hub is refused unless the policy names docker.io'
            : `deploy from a listed registry, or add ${image.registry} to deploy.${options.environment}.registries`,
          'gate',
        ),
      });
      continue;
    }
    if (!options.client) throw new ConfigurationError('images given by reference need a registry client (internal wiring)');
    out.push(await lookUpOne(image, options.client, index, options.logger));
  }
  return out;
}

async function lookUpOne(image: DeployImage, client: ImageRegistryClient, index: EvidenceIndex, logger: Logger): Promise<ImageLookup> {
  const where = `${image.registry}/${image.repository}`;
  const lie = (reason: string): ImageLookup => ({
    image,
    failure: { kind: 'refused' },
    check: check(
      'fail',
      `${reason}; refused`,
      'do not deploy from this registry until it serves what it is asked for: check it and any proxy in between',
    ),
  });
  try {
    const m = await client.getManifest(image.registry, image.repository, image.digest);
    // The client checks this too; a second look costs one hash and does not trust the client.
    const got = `sha256:${sha256Hex(m.bytes)}`;
    if (got !== image.digest) return lie(`the registry ${image.registry} sent a manifest whose digest is ${got}, not ${image.digest}`);
    const listed = await client.referrers(image.registry, image.repository, image.digest, SIGSTORE_BUNDLE_MEDIA);
    if (listed.length > MAX_REFERRERS) logger.warning(`${where}: ${listed.length} referrers listed; the first ${MAX_REFERRERS} are read`);
    let bytes = 0;
    let bundles = 0;
    const seen = new Set(index.bundles.map((b) => b.bundleDigest));
    for (const d of listed.slice(0, MAX_REFERRERS)) {
      const origin = `${where}@${d.digest}`;
      const r = await client.getManifest(image.registry, image.repository, d.digest);
      if (`sha256:${sha256Hex(r.bytes)}` !== d.digest) return lie(`the referrer ${d.digest} in ${image.registry} has another digest`);
      if (r.manifest.subject?.digest !== image.digest) {
        return lie(
          `the registry ${image.registry} lists ${d.digest} as an attestation of ${image.digest}, but it refers to ${
            typeof r.manifest.subject?.digest === 'string' && DIGEST.test(r.manifest.subject.digest) ? r.manifest.subject.digest : 'nothing'
          }`,
        );
      }
      for (const layer of r.manifest.layers ?? []) {
        if (!BUNDLE_LAYER_MEDIA.has(layer.mediaType) || typeof layer.digest !== 'string' || !DIGEST.test(layer.digest)) continue;
        // A bundle already read (another referrer listing the same blob) costs nothing: a registry listing
        // one large blob many times must not use up the budget of the distinct bundles after it.
        if (seen.has(layer.digest.slice('sha256:'.length))) continue;
        const size = typeof layer.size === 'number' ? layer.size : Number.NaN;
        if (!(size >= 0) || size > MAX_REGISTRY_BUNDLE_BYTES || bytes + size > MAX_BYTES_PER_IMAGE) {
          index.unreadable.push({
            origin,
            digest: layer.digest.slice('sha256:'.length),
            reason:
              Number.isFinite(size) && size >= 0
                ? `the bundle declares ${size} bytes, over the limit of ${MAX_REGISTRY_BUNDLE_BYTES} bytes (${MAX_BYTES_PER_IMAGE} per image); not read`
                : 'the bundle declares no valid size (a number of bytes, 0 or more); not read',
          });
          continue;
        }
        const blob = await client.getBlob(image.registry, image.repository, layer.digest, Math.min(size, MAX_REGISTRY_BUNDLE_BYTES));
        bytes += blob.length;
        const hex = sha256Hex(blob);
        if (`sha256:${hex}` !== layer.digest) return lie(`the bundle ${layer.digest} in ${image.registry} has the digest sha256:${hex}`);
        if (seen.has(hex)) continue;
        seen.add(hex);
        try {
          index.bundles.push(candidateFromJson(origin, blob));
          bundles++;
        } catch (e: unknown) {
          // JSON.parse's message quotes the bytes: the decision log says only what it is.
          const reason =
            e instanceof SyntaxError
              ? 'the bundle in the registry is not JSON'
              : `the referrer in the registry is not a Sigstore bundle: ${(e as Error).message}`;
          index.unreadable.push({ origin, digest: hex, reason });
        }
      }
    }
    logger.info(
      `${where}@${image.digest}: manifest verified, ${bundles} bundle(s) from ${Math.min(listed.length, MAX_REFERRERS)} referrer(s)`,
    );
    return {
      image,
      check: check(
        'pass',
        `manifest ${image.digest} read from ${image.registry} (digest checked); ${bundles} Sigstore bundle(s) from its referrers`,
      ),
    };
  } catch (e: unknown) {
    if (client.isMisbehaviour?.(e)) return lie(errorMessage(e));
    if (e instanceof ConfigurationError) throw e;
    return {
      image,
      failure: { kind: 'unreachable', error: e },
      check: check(
        'fail',
        `cannot read the image from its registry: ${isSecureFactoryError(e) && e.hint ? e.message : errorMessage(e)}`,
        // The client's hint (e.g. `docker login` to it) says more than a generic retry.
        isSecureFactoryError(e) && e.hint
          ? e.hint
          : 'the gate does not decide without the image and its attestations; retry when the registry answers (and check the credentials in the docker config)',
      ),
    };
  }
}
