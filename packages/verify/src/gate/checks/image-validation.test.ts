/**
 * The gate's base-image validation check, in-process: already-verified evidence fed to the pure
 * `evaluate`. Under `materials.images.validated: required` an artefact whose signed SBOM names an image
 * without the materials stage's `verified` verdict is refused (the image, the verdict, the fix, blamed
 * on materials); evidence without a verdict is refused (fail closed); without `required` the check
 * does not apply. CycloneDX properties and SPDX annotations are read alike.
 */
import { makeStatement, parsePolicy, PREDICATE, type Statement } from '@secure-factory/core';
import { evaluate } from '../evaluate.js';
import type { Check, Evidence } from '../types.js';
import { recordedImageVerdicts } from './image-validation.js';

const DIGEST = 'a'.repeat(64);
const COMMIT = 'c'.repeat(40);
const NOW = new Date('2026-11-25T12:00:00Z');
const BUILDER = 'factory/sf/.github/workflows/sf.yml';
const IMAGE_DIGEST = `sha256:${'b'.repeat(64)}`;
const PURL = `pkg:docker/acme/base@${IMAGE_DIGEST}?repository_url=ghcr.io`;
const KEY = `sha256:${'e'.repeat(64)}`;
const BUNDLE = `sha256:${'f'.repeat(64)}`;

function ev(predicateType: string, predicate: unknown): Evidence {
  const statement: Statement = makeStatement(
    [{ name: 'app', digest: { sha256: DIGEST } }],
    predicateType,
    predicate as Record<string, unknown>,
  );
  return {
    statement,
    signer: {
      kind: 'certificate',
      identity: {
        buildSignerUri: `https://github.com/${BUILDER}@refs/tags/v1.0.0`,
        sourceRepositoryDigest: COMMIT,
        sourceRepositoryRef: 'refs/tags/v2.0.0',
        runInvocationUri: 'https://github.com/acme/app/actions/runs/1/attempts/1',
      },
    },
    trustedTime: { time: new Date(NOW.getTime() - 3600_000), source: 'tlog' },
    origin: `${predicateType.split('/').at(-2) ?? 'x'}.sigstore.json`,
    bundleDigest: predicateType.length.toString(16).padStart(64, '0'),
  };
}

/** The properties the materials stage writes (materials/src/sbom/cyclonedx.ts imageValidationProperties). */
function props(verdict: string | undefined, extra: Record<string, string> = {}): { name: string; value: string }[] {
  return [
    { name: 'secure-factory:source-file', value: 'Containerfile' },
    ...(verdict ? [{ name: 'secure-factory:image:validation', value: verdict }] : []),
    ...Object.entries(extra).map(([k, value]) => ({ name: `secure-factory:image:validation:${k}`, value })),
  ];
}
const VERIFIED = { digest: IMAGE_DIGEST, signer: KEY, bundle: BUNDLE };

const cdx = (components: unknown[]): Evidence => ev(PREDICATE.cyclonedx, { bomFormat: 'CycloneDX', specVersion: '1.6', components });
const container = (purl: string, verdict: string | undefined, extra: Record<string, string> = {}): unknown => ({
  type: 'container',
  name: 'base',
  purl,
  properties: props(verdict, extra),
});
const spdx = (purl: string, comment: string | undefined): Evidence =>
  ev(PREDICATE.spdx, {
    spdxVersion: 'SPDX-2.3',
    packages: [
      {
        SPDXID: 'SPDXRef-Package-base',
        name: 'acme/base',
        externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl }],
        ...(comment
          ? {
              annotations: [
                { annotationType: 'OTHER', annotator: 'Tool: secure-factory', annotationDate: '2026-11-25T11:00:00Z', comment },
              ],
            }
          : {}),
      },
    ],
  });

const provenance = (deps: unknown[] = []): Evidence =>
  ev(PREDICATE.provenance, {
    buildDefinition: {
      buildType: 'x',
      externalParameters: {},
      resolvedDependencies: [{ uri: 'git+https://github.com/acme/app', digest: { gitCommit: COMMIT } }, ...deps],
    },
    runDetails: { builder: { id: 'x' } },
  });

const validated = (v: string): string => `materials:\n  images:\n    validated: ${v}\n`;
const deploy = `deploy:\n  prod: { require: [provenance, sbom], builder: ${BUILDER}, registries: [ghcr.io/acme] }\n`;

function run(policyYaml: string, sbom: Evidence, prov: Evidence = provenance()) {
  const policy = parsePolicy(`apiVersion: secure-factory/v1\n${policyYaml}${deploy}`, 'p.yml', { now: NOW });
  return evaluate({ digest: DIGEST, environment: 'prod', policy, evidence: [prov, sbom], rejected: [], now: NOW });
}
const check = (r: ReturnType<typeof run>): Check | undefined => r.checks.find((c) => c.id === 'image-validation');

describe('base image validation (materials.images.validated: required)', () => {
  it('admits an image the signed SBOM records as verified, naming the signer', () => {
    const r = run(validated('required'), cdx([container(PURL, 'verified', VERIFIED)]));
    expect(check(r)).toEqual({
      id: 'image-validation',
      title: 'base image validation',
      stage: 'materials',
      status: 'pass',
      reason: `1 image(s) verified (signed by ${KEY})`,
      evidence: 'SBOM',
    });
    expect(r.allowed).toBe(true);
  });

  it.each([
    ['unsigned', 'no signature'],
    ['untrusted', 'no signature by a signer the policy trusts'],
    ['unreachable', 'its registry could not be read'],
    ['refused', 'its registry contradicted itself'],
  ])('refuses an image recorded as %s: the image, the verdict and the fix, blamed on materials', (verdict, what) => {
    const r = run(validated('required'), cdx([container(PURL, verdict, { digest: IMAGE_DIGEST })]));
    expect(check(r)).toEqual({
      id: 'image-validation',
      title: 'base image validation',
      stage: 'materials',
      status: 'fail',
      reason: `ghcr.io/acme/base@${IMAGE_DIGEST}: ${verdict} (${what}) (materials.images.validated: required)`,
      evidence: 'SBOM',
      fix: 'build FROM a base image signed by a signer materials.images.trust names for its registry, and run the factory again',
    });
    expect(r.allowed).toBe(false);
  });

  it('evidence without a verdict (signed before verdicts were recorded) is refused under required, with how to get one', () => {
    const r = run(validated('required'), cdx([container(PURL, undefined)]));
    expect(check(r)).toMatchObject({
      status: 'fail',
      stage: 'materials',
      reason: `ghcr.io/acme/base@${IMAGE_DIGEST}: no validation verdict in the signed SBOM (materials.images.validated: required)`,
    });
    expect(check(r)?.fix).toMatch(/produce the evidence again with this secure-factory .* materials\.images\.trust/);
    expect(r.allowed).toBe(false);
  });

  it('an image only the provenance names, with no verdict in the SBOM, is refused; one recorded by digest under another form passes', () => {
    const onlyProv = run(validated('required'), cdx([]), provenance([{ uri: PURL, digest: { sha256: 'b'.repeat(64) } }]));
    expect(check(onlyProv)).toMatchObject({ status: 'fail', reason: expect.stringContaining('no validation verdict') });
    // The SBOM names the image by tag; the verdict's digest is the one the provenance pins.
    const byTag = run(
      validated('required'),
      cdx([container('pkg:docker/acme/base@12?repository_url=ghcr.io', 'verified', VERIFIED)]),
      provenance([{ uri: PURL, digest: { sha256: 'b'.repeat(64) } }]),
    );
    expect(check(byTag)).toMatchObject({ status: 'pass', reason: `2 image(s) verified (signed by ${KEY})` });
  });

  it('a verdict counts only for its own image: another repository, another digest or another tag has none', () => {
    const none = (reason: string | undefined): void => expect(reason).toContain('no validation verdict in the signed SBOM');
    // Another image in the SBOM, without a verdict of its own: the verified one does not lend it one.
    const tools = `pkg:docker/acme/tools@sha256:${'c'.repeat(64)}?repository_url=ghcr.io`;
    const other = run(
      validated('required'),
      cdx([container(PURL, 'verified', VERIFIED), { type: 'container', name: 'tools', purl: tools }]),
    );
    expect(check(other)?.status).toBe('fail');
    expect(check(other)?.reason).toBe(
      `ghcr.io/acme/tools@sha256:${'c'.repeat(64)}: no validation verdict in the signed SBOM (materials.images.validated: required)`,
    );
    // The same digest under another repository.
    const sameDigest = run(
      validated('required'),
      cdx([container(PURL, 'verified', VERIFIED)]),
      provenance([{ uri: `pkg:docker/acme/evil@${IMAGE_DIGEST}?repository_url=ghcr.io`, digest: { sha256: 'b'.repeat(64) } }]),
    );
    expect(check(sameDigest)?.status).toBe('fail');
    none(check(sameDigest)?.reason);
    // The same repository pinned to another digest (the verdict's digest is not it).
    const otherDigest = run(
      validated('required'),
      cdx([container(PURL, 'verified', VERIFIED)]),
      provenance([{ uri: `pkg:docker/acme/base@sha256:${'d'.repeat(64)}?repository_url=ghcr.io`, digest: { sha256: 'd'.repeat(64) } }]),
    );
    expect(check(otherDigest)?.status).toBe('fail');
    expect(check(otherDigest)?.reason).toBe(
      `ghcr.io/acme/base@sha256:${'d'.repeat(64)}: no validation verdict in the signed SBOM (materials.images.validated: required)`,
    );
    // The same repository by another tag: a verdict recorded for tag 12 says nothing of tag 13.
    const otherTag = run(
      validated('required'),
      cdx([
        container('pkg:docker/acme/base@12?repository_url=ghcr.io', 'verified', VERIFIED),
        { type: 'container', name: 'b13', purl: 'pkg:docker/acme/base@13?repository_url=ghcr.io' },
      ]),
    );
    expect(check(otherTag)?.status).toBe('fail');
    expect(check(otherTag)?.reason).toBe(
      'ghcr.io/acme/base:13: no validation verdict in the signed SBOM (materials.images.validated: required)',
    );
  });

  it('two images: each verdict counts; one unsigned refuses the artefact', () => {
    const other = `pkg:docker/acme/tools@sha256:${'c'.repeat(64)}?repository_url=ghcr.io`;
    const r = run(validated('required'), cdx([container(PURL, 'verified', VERIFIED), container(other, 'unsigned')]));
    expect(check(r)?.status).toBe('fail');
    expect(check(r)?.reason).toBe(
      `ghcr.io/acme/tools@sha256:${'c'.repeat(64)}: unsigned (no signature) (materials.images.validated: required)`,
    );
  });

  it('does not apply without required (warn, the default), nor without images', () => {
    expect(check(run(validated('warn'), cdx([container(PURL, 'unsigned')])))).toBeUndefined();
    expect(check(run('', cdx([container(PURL, undefined)])))).toBeUndefined();
    expect(run('', cdx([container(PURL, undefined)])).allowed).toBe(true);
    expect(check(run(validated('required'), cdx([{ type: 'library', purl: 'pkg:npm/a@1' }])))).toBeUndefined();
  });

  it('reads the SPDX annotation as the CycloneDX property', () => {
    const ok = run(
      validated('required'),
      spdx(PURL, `secure-factory:image:validation=verified\nsecure-factory:image:validation:signer=${KEY}`),
    );
    expect(check(ok)).toMatchObject({ status: 'pass', reason: `1 image(s) verified (signed by ${KEY})` });
    const bad = run(validated('required'), spdx(PURL, 'secure-factory:image:validation=untrusted'));
    expect(check(bad)).toMatchObject({ status: 'fail', reason: expect.stringContaining(': untrusted (') });
    expect(check(run(validated('required'), spdx(PURL, undefined)))?.reason).toContain('no validation verdict');
  });

  it('two verdicts on one component: verified only when both say so', () => {
    const twice = { type: 'container', name: 'base', purl: PURL, properties: [...props('verified'), ...props('unsigned')] };
    expect(check(run(validated('required'), cdx([twice])))?.status).toBe('fail');
  });

  it('a waiver by rule image-validation makes it a warning, never for a registry that lied', () => {
    const exceptions = 'exceptions:\n  - { rule: image-validation, reason: vendor signs next week, approver: sec, expires: 2026-12-01 }\n';
    const waived = run(`${validated('required')}${exceptions}`, cdx([container(PURL, 'unsigned')]));
    expect(check(waived)).toMatchObject({ status: 'warn', reason: expect.stringContaining('waived by sec until 2026-12-01') });
    const lied = run(`${validated('required')}${exceptions}`, cdx([container(PURL, 'refused')]));
    expect(check(lied)?.status).toBe('fail');
  });

  it('recordedImageVerdicts: nested components, the digest, signer and bundle; hostile shapes are skipped', () => {
    const s = cdx([
      null,
      'x',
      { type: 'application', name: 'app', components: [container(PURL, 'verified', VERIFIED)] },
      { type: 'library', purl: 'pkg:npm/a@1', properties: props('verified') },
      { type: 'container', purl: PURL, properties: [null, { name: 1, value: 'x' }] },
    ]).statement;
    expect(recordedImageVerdicts(s)).toEqual([
      {
        image: expect.objectContaining({ repository: 'ghcr.io/acme/base', version: IMAGE_DIGEST, pinned: true }),
        verdict: 'verified',
        digest: IMAGE_DIGEST,
        signer: KEY,
        bundle: BUNDLE,
      },
    ]);
  });
});
