/** Which stage a failing check is blamed on, and which SLSA Build level a flow may claim. */
import { makeStatement, parsePolicy, PREDICATE, type Statement } from '@secure-factory/core';
import { evaluate } from './evaluate.js';
import type { Evidence, EvidenceSigner } from './types.js';

const DIGEST = 'a'.repeat(64);
const NOW = new Date('2026-11-25T12:00:00Z');
const BUILDER = 'factory/sf/.github/workflows/sf.yml';
const CALLER = 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v2.0.0';
const cert = (over: Record<string, string> = {}): EvidenceSigner => ({
  kind: 'certificate',
  identity: {
    buildSignerUri: `https://github.com/${BUILDER}@refs/tags/v1.0.0`,
    buildConfigUri: CALLER,
    sourceRepositoryDigest: 'c'.repeat(40),
    sourceRepositoryRef: 'refs/tags/v2.0.0',
    runInvocationUri: 'https://github.com/acme/app/actions/runs/1/attempts/1',
    ...over,
  },
});

/** The artefact, and for a VSA the commit it verified (as the factory's source stage names it). */
const subjectsFor = (predicateType: string): Statement['subject'] => [
  { name: 'app', digest: { sha256: DIGEST } },
  ...(predicateType === PREDICATE.vsa ? [{ name: 'git+https://github.com/acme/app', digest: { gitCommit: 'c'.repeat(40) } }] : []),
];

function ev(predicateType: string, predicate: Record<string, unknown>, signer: EvidenceSigner, trusted = true): Evidence {
  const statement: Statement = makeStatement(subjectsFor(predicateType), predicateType, predicate);
  return {
    statement,
    signer,
    ...(trusted ? { trustedTime: { time: new Date(NOW.getTime() - 3600_000), source: 'tlog' as const } } : {}),
    origin: `${predicateType}.sigstore.json`,
    bundleDigest: predicateType.length.toString(16).padStart(64, '0'),
  };
}

const chain = (signer: EvidenceSigner, scanTrusted = true): Evidence[] => [
  ev(PREDICATE.provenance, { buildDefinition: { buildType: 'x', externalParameters: {} }, runDetails: { builder: { id: 'x' } } }, signer),
  ev(PREDICATE.vsa, { verifier: { id: 'x' }, verificationResult: 'PASSED', verifiedLevels: ['SLSA_SOURCE_LEVEL_2'] }, signer),
  ev(PREDICATE.cyclonedx, { components: [] }, signer),
  ev(
    PREDICATE.vulns,
    { scanner: { uri: 'x', database: { lastUpdate: '2026-11-25T06:00:00Z' }, result: { vulnerabilities: [] } } },
    signer,
    scanTrusted,
  ),
  ev(PREDICATE.testResult, { result: 'PASSED', configuration: [] }, signer),
];

function run(builderLine: string, evidence: Evidence[]) {
  const yaml = `apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance, source, sbom, vulnerabilities, tests]${builderLine} }\n`;
  return evaluate({
    digest: DIGEST,
    environment: 'prod',
    policy: parsePolicy(yaml, 'p.yml', { now: NOW }),
    evidence,
    rejected: [],
    now: NOW,
  });
}

describe('SLSA Build level matches the flow', () => {
  it('the reusable workflow (its identity is not the caller’s) is Build L3', () => {
    const r = run(`, builder: ${BUILDER}`, chain(cert()));
    expect(r.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']);
  });

  it('one job of the caller’s own workflow (the composite action) is Build L2', () => {
    const own = cert({ buildSignerUri: CALLER });
    const r = run(', builder: acme/app/.github/workflows/release.yml', chain(own));
    expect(r.allowed).toBe(true);
    expect(r.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_2', 'SLSA_SOURCE_LEVEL_2']);
  });
});

describe('failing checks are blamed on the stage that owns them', () => {
  it('a scan signed without a log or timestamp is the attest stage’s doing, fixed by an attest input', () => {
    const r = run(`, builder: ${BUILDER}`, chain(cert(), false));
    const c = r.checks.find((x) => x.id === 'scan-age');
    expect(c).toMatchObject({ status: 'fail', stage: 'attest' });
    expect(c?.fix).toMatch(/rekor-url or tsa-url/);
  });

  it('evidence that verified but is not from the trusted builder is not called missing', () => {
    const r = run(', builder: other/sf/.github/workflows/sf.yml', chain(cert()));
    const source = r.checks.find((x) => x.id === 'source');
    expect(source?.reason).toMatch(/^the source VSA verified, but not from the trusted builder/);
    expect(source?.reason).not.toMatch(/no signed evidence/);
    expect(source?.fix).not.toMatch(/checkout-verify/);
    expect(source?.stage).toBe('gate');
  });
});
