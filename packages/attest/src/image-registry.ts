/**
 * Image subjects and `push-to-registry`, as actions/attest does it: each signed bundle is pushed to the
 * image's registry as an OCI 1.1 referrer of the image manifest (artifactType and layer media type
 * `application/vnd.dev.sigstore.bundle.v0.3+json`, an empty config, the annotations below), falling
 * back to the referrers tag schema (`sha256-<hex>`) where the registry has no referrers API.
 *
 * The registry protocol lives in the materials package (its one registry client); attest only knows
 * this small interface, which the CLI and the action pass in. That keeps attest free of registry code
 * and lets tests count what was pushed.
 */
import { ConfigurationError, isSha256Hex, subjectName, type Logger, type Statement, type Subject } from '@secure-factory/core';
import type { SerializedBundle } from '@sigstore/bundle';
import { collectSubjects, dedupeSubjects, subjectFromDigest, type SubjectSources } from './subjects.js';

/** An image to attach attestations to: `registry/name` and its manifest (or index) digest. */
export interface ImageTarget {
  /** `registry/name`, as the subject is named (actions/attest's fully-qualified image name). */
  name: string;
  /** `sha256:HEX` of the image manifest or index. */
  digest: string;
  /** An OCI image layout folder whose image is pushed before its attestations. */
  layoutDir?: string;
}

export interface PushedReferrer {
  /** `sha256:HEX` of the referrer manifest (`name@digest` fetches it). */
  digest: string;
  via: 'referrers-api' | 'tag-schema';
}

/** What attest needs from a registry (implemented with the materials registry client). */
export interface ImageRegistry {
  /** The image an OCI layout folder holds: the digest of its one manifest or index. */
  readLayout(dir: string): Promise<{ digest: string }>;
  /**
   * Before anything is signed: checks the name, pushes the layout when one is given, and confirms the
   * manifest is in the registry (so a typo fails the run before a signature is spent).
   */
  prepare(image: ImageTarget): Promise<void>;
  /** Pushes one Sigstore bundle as a referrer of the image. */
  attachBundle(image: ImageTarget, bundle: Buffer, annotations: Record<string, string>): Promise<PushedReferrer>;
}

export interface ImageInputs {
  registry: ImageRegistry;
  /** OCI image layouts whose image becomes a subject, named `name` (`registry/name`). */
  layouts?: readonly { dir: string; name: string }[];
  /** Push each bundle to the registry of every image subject (actions/attest's push-to-registry). */
  push: boolean;
}

/** The media type of a Sigstore bundle v0.3, used as the referrer's artifactType and layer type. */
export const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/** The annotations actions/attest (through @sigstore/oci) puts on a bundle referrer. */
export function referrerAnnotations(predicateType: string, now = new Date()): Record<string, string> {
  return {
    'org.opencontainers.image.created': now.toISOString(),
    'dev.sigstore.bundle.content': 'dsse-envelope',
    'dev.sigstore.bundle.predicateType': predicateType,
  };
}

/** The `sha256:HEX` digest of a subject. */
function digestOf(subject: Subject): string {
  return `sha256:${subject.digest.sha256 ?? ''}`;
}

/**
 * The images the run's bundles are pushed to: every subject given by digest, and every layout's image.
 * Names are checked here only for what every registry needs; the registry side checks the rest.
 */
export function imageTargets(digestSubjects: readonly Subject[], layouts: readonly ImageTarget[]): ImageTarget[] {
  const out = new Map<string, ImageTarget>();
  for (const s of digestSubjects) {
    if (!s.name || !isSha256Hex(s.digest.sha256 ?? '')) continue;
    out.set(`${s.name}@${digestOf(s)}`, { name: s.name, digest: digestOf(s) });
  }
  for (const l of layouts) out.set(`${l.name}@${l.digest}`, l);
  const targets = [...out.values()];
  if (targets.length === 0) {
    throw new ConfigurationError('push-to-registry needs an image subject, and none was given', {
      hint: 'set subject-name to the image (registry/name, e.g. ghcr.io/acme/app) and subject-digest to its manifest digest (sha256:…), or subject-oci-layout to an OCI image layout folder',
    });
  }
  return targets;
}

/**
 * The run's extra subjects (files, checksums, digests, and the image of each OCI layout) and, with
 * push-to-registry, the images the bundles go to — each checked in its registry before anything is
 * signed. As actions/attest does, image names are lower-cased when pushing (registries refuse capitals).
 */
export async function imageSubjects(
  sources: SubjectSources,
  images: ImageInputs | undefined,
): Promise<{ extra: Subject[]; targets: ImageTarget[] }> {
  const push = images?.push === true;
  const lower = (n: string | undefined): string | undefined => (push && n !== undefined ? n.toLowerCase() : n);
  const digests = (sources.digests ?? []).map((d) => {
    const at = d.lastIndexOf('@');
    return at > 0 ? `${lower(d.slice(0, at)) ?? ''}${d.slice(at)}` : d;
  });
  const digestName = lower(sources.digestName);
  const extra = await collectSubjects({ ...sources, digests, digestName });
  if (!images) return { extra, targets: [] };
  const layouts: ImageTarget[] = [];
  for (const l of images.layouts ?? []) {
    const name = lower(l.name.trim());
    if (!name) {
      throw new ConfigurationError(`the OCI layout ${l.dir} needs an image name`, {
        hint: 'set subject-name (--subject-name) to the image as registry/name, e.g. ghcr.io/acme/app',
      });
    }
    const { digest } = await images.registry.readLayout(l.dir);
    // The one subject-name rule (no control characters, nothing absolute) holds for image names too.
    layouts.push({ name: subjectName(name, 'the image name'), digest, layoutDir: l.dir });
  }
  const all = dedupeSubjects([...extra, ...layouts.map((t) => subjectFromDigest(t.digest, t.name))]);
  if (!push) return { extra: all, targets: [] };
  const targets = imageTargets(
    digests.map((d) => subjectFromDigest(d, digestName)),
    layouts,
  );
  for (const t of targets) await images.registry.prepare(t);
  return { extra: all, targets };
}

/** Pushes one signed statement's bundle to every image it names as a subject. */
export async function pushToImages(
  images: ImageInputs | undefined,
  targets: readonly ImageTarget[],
  name: string,
  statement: Statement,
  bundle: SerializedBundle,
  logger: Logger,
): Promise<(PushedReferrer & { image: string })[]> {
  if (!images || targets.length === 0) return [];
  const named = new Set(statement.subject.map((s) => `sha256:${s.digest.sha256 ?? ''}`));
  const out: (PushedReferrer & { image: string })[] = [];
  for (const image of targets.filter((t) => named.has(t.digest))) {
    const pushed = await images.registry.attachBundle(
      image,
      Buffer.from(JSON.stringify(bundle)),
      referrerAnnotations(statement.predicateType),
    );
    out.push({ image: `${image.name}@${image.digest}`, ...pushed });
    logger.info(
      `${name}: pushed to ${image.name} as the referrer ${pushed.digest} (${pushed.via === 'referrers-api' ? 'referrers API' : 'referrers tag schema'})`,
    );
  }
  return out;
}
