/**
 * The image-validation check called on its own context (the evidence the gate uses, the parsed policy,
 * the real waiver book) and its SBOM reader on hostile shapes: a context without an SBOM (the images the
 * provenance names have no verdict: refused, never a crash or a pass), the exact reason and fix users
 * read (which images, which verdict, which of the two fixes), and what the reader records (only the
 * fields a verdict carries; components, packages and annotations of the wrong shape are skipped).
 */
import { makeStatement, parsePolicy, PREDICATE, type Statement } from '@secure-factory/core';
import type { Evidence } from '../types.js';
import type { GateContext } from './context.js';
import { imageValidationCheck, recordedImageVerdicts } from './image-validation.js';
import { waiverBook } from './waivers.js';

const DIGEST = 'a'.repeat(64);
const NOW = new Date('2026-11-25T12:00:00Z');
const IMAGE_DIGEST = `sha256:${'b'.repeat(64)}`;
const PURL = `pkg:docker/acme/base@${IMAGE_DIGEST}?repository_url=ghcr.io`;
const LABEL = `ghcr.io/acme/base@${IMAGE_DIGEST}`;
const KEY = `sha256:${'e'.repeat(64)}`;
const REQUIRED = ' (materials.images.validated: required)';
const FIX_IMAGE = 'build FROM a base image signed by a signer materials.images.trust names for its registry, and run the factory again';
const FIX_EVIDENCE =
  'produce the evidence again with this secure-factory (the materials stage records each base image verdict in the SBOM) and materials.images.trust naming the signers';

const statement = (predicateType: string, predicate: unknown): Statement =>
  makeStatement([{ name: 'app', digest: { sha256: DIGEST } }], predicateType, predicate as Record<string, unknown>);
const evidence = (s: Statement): Evidence => ({
  statement: s,
  signer: { kind: 'key', keyId: 'f'.repeat(64) },
  trustedTime: { time: new Date(NOW.getTime() - 3600_000), source: 'tlog' },
  origin: 'x.sigstore.json',
  bundleDigest: 'd'.repeat(64),
});
const cdx = (components: unknown[]): Statement =>
  statement(PREDICATE.cyclonedx, { bomFormat: 'CycloneDX', specVersion: '1.6', components });
const container = (purl: string, pairs: Record<string, string>): unknown => ({
  type: 'container',
  name: 'base',
  purl,
  properties: Object.entries(pairs).map(([name, value]) => ({ name, value })),
});
const verdict = (v: string, extra: Record<string, string> = {}): Record<string, string> => ({
  'secure-factory:image:validation': v,
  ...Object.fromEntries(Object.entries(extra).map(([k, x]) => [`secure-factory:image:validation:${k}`, x])),
});
const provenance = (purls: string[]): Statement =>
  statement(PREDICATE.provenance, {
    buildDefinition: { buildType: 'x', externalParameters: {}, resolvedDependencies: purls.map((uri) => ({ uri })) },
    runDetails: { builder: { id: 'x' } },
  });
const spdx = (packages: unknown[]): Statement => statement(PREDICATE.spdx, { spdxVersion: 'SPDX-2.3', packages });
const purlRef = (purl: string): unknown => ({ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl });

function runCheck(used: { sbom?: Statement; provenance?: Statement }, validated = 'required') {
  const policy = parsePolicy(`apiVersion: secure-factory/v1\nmaterials:\n  images:\n    validated: ${validated}\n`, 'p.yml', { now: NOW });
  const ctx = {
    policy,
    used: {
      ...(used.sbom ? { sbom: evidence(used.sbom) } : {}),
      ...(used.provenance ? { provenance: evidence(used.provenance) } : {}),
    },
    ...waiverBook(policy, DIGEST, 'prod', NOW),
  } as unknown as GateContext;
  return imageValidationCheck(ctx);
}

describe('the image-validation check on its context', () => {
  it('without an SBOM, an image the provenance names has no verdict: refused with how to get one', () => {
    expect(runCheck({ provenance: provenance([PURL]) })).toEqual([
      {
        id: 'image-validation',
        title: 'base image validation',
        stage: 'materials',
        status: 'fail',
        reason: `${LABEL}: no validation verdict in the signed SBOM${REQUIRED}`,
        fix: FIX_EVIDENCE,
      },
    ]);
  });

  it('gives no result at all when the evidence names no image', () => {
    expect(runCheck({ sbom: cdx([{ type: 'library', purl: 'pkg:npm/a@1' }]) })).toEqual([]);
    expect(runCheck({ provenance: provenance([]) })).toEqual([]);
  });

  it('a verified image without a recorded signer passes without naming one', () => {
    expect(runCheck({ sbom: cdx([container(PURL, verdict('verified'))]) })).toEqual([
      {
        id: 'image-validation',
        title: 'base image validation',
        stage: 'materials',
        status: 'pass',
        reason: '1 image(s) verified',
        evidence: 'SBOM',
      },
    ]);
  });

  it('names an image by tag with a colon, and an unknown verdict as not verified', () => {
    const [c] = runCheck({ sbom: cdx([container('pkg:docker/acme/base@12?repository_url=ghcr.io', verdict('pending'))]) });
    expect(c?.status).toBe('fail');
    expect(c?.reason).toBe(`ghcr.io/acme/base:12: pending (not verified)${REQUIRED}`);
    expect(c?.fix).toBe(FIX_IMAGE);
  });

  it('an unresolved reference is explained as naming no image', () => {
    const [c] = runCheck({ sbom: cdx([container(PURL, verdict('unresolved'))]) });
    expect(c?.reason).toBe(`${LABEL}: unresolved (the reference names no image)${REQUIRED}`);
  });

  it('only images without a verdict: the one fix is to produce the evidence again', () => {
    const [c] = runCheck({ sbom: cdx([container(PURL, { 'secure-factory:source-file': 'Containerfile' })]) });
    expect(c?.status).toBe('fail');
    expect(c?.fix).toBe(FIX_EVIDENCE);
  });

  it('one image unsigned and one without a verdict: both reasons and both fixes, each separated by "; "', () => {
    const tools = `pkg:docker/acme/tools@sha256:${'c'.repeat(64)}?repository_url=ghcr.io`;
    const [c] = runCheck({ sbom: cdx([container(PURL, verdict('unsigned')), { type: 'container', name: 'tools', purl: tools }]) });
    expect(c).toEqual({
      id: 'image-validation',
      title: 'base image validation',
      stage: 'materials',
      status: 'fail',
      reason: `${LABEL}: unsigned (no signature); ghcr.io/acme/tools@sha256:${'c'.repeat(64)}: no validation verdict in the signed SBOM${REQUIRED}`,
      evidence: 'SBOM',
      fix: `${FIX_IMAGE}; ${FIX_EVIDENCE}`,
    });
  });

  it('names each verified signer once, in the order first recorded', () => {
    const tools = `pkg:docker/acme/tools@sha256:${'c'.repeat(64)}?repository_url=ghcr.io`;
    const other = `pkg:docker/acme/other@sha256:${'d'.repeat(64)}?repository_url=ghcr.io`;
    const key2 = `sha256:${'9'.repeat(64)}`;
    const [c] = runCheck({
      sbom: cdx([
        container(PURL, verdict('verified', { signer: KEY })),
        container(tools, verdict('verified', { signer: key2 })),
        container(other, verdict('verified', { signer: KEY })),
      ]),
    });
    expect(c?.reason).toBe(`3 image(s) verified (signed by ${KEY}, ${key2})`);
  });
});

describe('recordedImageVerdicts', () => {
  it('records only the fields the verdict carries', () => {
    const [r] = recordedImageVerdicts(cdx([container(PURL, verdict('verified'))]));
    expect(r).toBeDefined();
    expect(Object.keys(r as object).sort()).toEqual(['image', 'verdict']);
  });

  it('skips a component with a purl but no properties, and reads the rest', () => {
    const s = cdx([
      { type: 'container', name: 'bare', purl: 'pkg:docker/acme/bare@1?repository_url=ghcr.io' },
      container(PURL, verdict('verified')),
    ]);
    expect(recordedImageVerdicts(s).map((r) => [r.image.repository, r.verdict])).toEqual([['ghcr.io/acme/base', 'verified']]);
  });

  it('SPDX: packages without a purl reference or annotations, and annotations without a text comment, are skipped', () => {
    const good = {
      name: 'base',
      externalRefs: [purlRef(PURL)],
      annotations: [
        null,
        { comment: 5 },
        { comment: `secure-factory:image:validation=verified\nsecure-factory:image:validation:signer=${KEY}` },
      ],
    };
    const s = spdx([
      null,
      { name: 'no-refs', annotations: [{ comment: 'secure-factory:image:validation=unsigned' }] },
      { name: 'no-annotations', externalRefs: [purlRef('pkg:docker/acme/other@1?repository_url=ghcr.io')] },
      good,
    ]);
    expect(recordedImageVerdicts(s)).toStrictEqual([
      {
        image: { repository: 'ghcr.io/acme/base', version: IMAGE_DIGEST, pinned: true, purl: PURL },
        verdict: 'verified',
        signer: KEY,
      },
    ]);
  });

  it('SPDX: an annotation line without "=" is no name=value pair', () => {
    const s = spdx([{ name: 'base', externalRefs: [purlRef(PURL)], annotations: [{ comment: 'secure-factory:image:validation:' }] }]);
    expect(recordedImageVerdicts(s)).toEqual([]);
  });
});
