/**
 * Base-image validation: under `materials.images.validated: required` every container image the
 * signed evidence names (SBOM and provenance, as the registries check reads them) must carry the
 * materials stage's `verified` verdict in the signed SBOM — the CycloneDX property
 * `secure-factory:image:validation` on its container component, or the SPDX annotation of its package
 * (materials/src/sbom). The gate decides on the evidence alone, never on a materials job having failed:
 * an image built FROM an unsigned or untrusted base image is refused here. Evidence without a verdict
 * (signed before verdicts were recorded, or by a stage that did not validate images) is refused under
 * `required` (fail closed). A registry that lied (`refused`) is never waived.
 */
import type { Statement } from '@secure-factory/core';
import { imagesIn, parseImagePurl, type ImageRef } from '../images.js';
import type { Evidence } from '../types.js';
import type { GateCheck } from './context.js';
import { waive } from './waivers.js';

export const IMAGE_VALIDATION_PROPERTY = 'secure-factory:image:validation';

/** One recorded verdict: the image's purl (parsed) and what the materials stage found. */
export interface RecordedImageVerdict {
  image: ImageRef;
  verdict: string;
  digest?: string;
  signer?: string;
  bundle?: string;
}

function fromPairs(purl: string, pairs: readonly [string, string][]): RecordedImageVerdict[] {
  const image = parseImagePurl(purl);
  if (!image) return [];
  const verdicts = pairs.filter(([k]) => k === IMAGE_VALIDATION_PROPERTY).map(([, v]) => v);
  if (verdicts.length === 0) return [];
  const get = (k: string): string | undefined => pairs.find(([n]) => n === `${IMAGE_VALIDATION_PROPERTY}:${k}`)?.[1];
  // Two verdicts for one component: verified only when both say so.
  const verdict = verdicts.find((v) => v !== 'verified') ?? 'verified';
  const r: RecordedImageVerdict = { image, verdict };
  const digest = get('digest');
  const signer = get('signer');
  const bundle = get('bundle');
  if (digest) r.digest = digest;
  if (signer) r.signer = signer;
  if (bundle) r.bundle = bundle;
  return [r];
}

/** The validation verdicts a CycloneDX or SPDX SBOM predicate records. */
export function recordedImageVerdicts(sbom: Statement): RecordedImageVerdict[] {
  const p = sbom.predicate;
  const out: RecordedImageVerdict[] = [];
  const walk = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const c of list as Record<string, unknown>[]) {
      if (c === null || typeof c !== 'object') continue;
      if (typeof c.purl === 'string' && Array.isArray(c.properties)) {
        const pairs = (c.properties as { name?: unknown; value?: unknown }[]).flatMap((x) =>
          x && typeof x.name === 'string' && typeof x.value === 'string' ? [[x.name, x.value] as [string, string]] : [],
        );
        out.push(...fromPairs(c.purl, pairs));
      }
      walk(c.components);
    }
  };
  walk(p.components);
  if (Array.isArray(p.packages)) {
    for (const pkg of p.packages as { externalRefs?: unknown; annotations?: unknown }[]) {
      if (pkg === null || typeof pkg !== 'object' || !Array.isArray(pkg.externalRefs) || !Array.isArray(pkg.annotations)) continue;
      const purl = (pkg.externalRefs as { referenceType?: unknown; referenceLocator?: unknown }[]).find(
        (r) => r && r.referenceType === 'purl' && typeof r.referenceLocator === 'string',
      )?.referenceLocator as string | undefined;
      if (!purl) continue;
      const pairs: [string, string][] = [];
      for (const a of pkg.annotations as { comment?: unknown }[]) {
        if (!a || typeof a.comment !== 'string') continue;
        for (const line of a.comment.split('\n')) {
          const eq = line.indexOf('=');
          if (eq > 0) pairs.push([line.slice(0, eq), line.slice(eq + 1)]);
        }
      }
      out.push(...fromPairs(purl, pairs));
    }
  }
  return out;
}

function label(img: ImageRef): string {
  return img.version ? `${img.repository}${img.pinned ? '@' : ':'}${img.version}` : img.repository;
}

const WHAT: Record<string, string> = {
  unsigned: 'no signature',
  untrusted: 'no signature by a signer the policy trusts',
  unreachable: 'its registry could not be read',
  refused: 'its registry contradicted itself',
  unresolved: 'the reference names no image',
};

export const imageValidationCheck: GateCheck = (ctx) => {
  const { used, policy } = ctx;
  if (policy.materials.images.validated !== 'required') return [];
  const images = imagesIn([used.sbom, used.provenance].filter((e): e is Evidence => e !== undefined).map((e) => e.statement));
  if (images.length === 0) return [];
  const recorded = used.sbom ? recordedImageVerdicts(used.sbom.statement) : [];
  const bad: string[] = [];
  let missingVerdict = false;
  let refused = false;
  for (const img of images) {
    const mine = recorded.filter(
      (r) => r.image.repository === img.repository && (r.image.version === img.version || (img.pinned && r.digest === img.version)),
    );
    if (mine.length === 0) {
      missingVerdict = true;
      bad.push(`${label(img)}: no validation verdict in the signed SBOM`);
      continue;
    }
    const r = mine.find((m) => m.verdict !== 'verified');
    if (!r) continue;
    if (r.verdict === 'refused') refused = true;
    bad.push(`${label(img)}: ${r.verdict} (${WHAT[r.verdict] ?? 'not verified'})`);
  }
  const verified = images.length - bad.length;
  const signers = [...new Set(recorded.filter((r) => r.verdict === 'verified').flatMap((r) => (r.signer ? [r.signer] : [])))];
  const fixes: string[] = [];
  if (bad.length > missingVerdictCount(bad))
    fixes.push('build FROM a base image signed by a signer materials.images.trust names for its registry, and run the factory again');
  if (missingVerdict)
    fixes.push(
      'produce the evidence again with this secure-factory (the materials stage records each base image verdict in the SBOM) and materials.images.trust naming the signers',
    );
  const check = {
    id: 'image-validation',
    title: 'base image validation',
    stage: 'materials' as const,
    status: bad.length > 0 ? ('fail' as const) : ('pass' as const),
    reason:
      bad.length > 0
        ? `${bad.join('; ')} (materials.images.validated: required)`
        : `${verified} image(s) verified${signers.length > 0 ? ` (signed by ${signers.join(', ')})` : ''}`,
    ...(used.sbom ? { evidence: 'SBOM' } : {}),
    ...(bad.length > 0 ? { fix: fixes.join('; ') } : {}),
  };
  // A registry that lied is never waived: the image is not what its reference says.
  return [refused ? check : waive(check, ctx)];
};

function missingVerdictCount(bad: readonly string[]): number {
  return bad.filter((b) => b.endsWith('no validation verdict in the signed SBOM')).length;
}
