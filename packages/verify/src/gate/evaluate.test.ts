import { makeStatement, parsePolicy, PREDICATE, type Statement } from '@secure-factory/core';
import { evaluate, type EvaluationInput } from './evaluate.js';
import { matchBuilder } from './identity.js';
import { imagesIn, parseImagePurl, registryAllowed } from './images.js';
import type { Evidence, EvidenceSigner } from './types.js';
import { severityOf, vulnFindings } from './vulns.js';

const DIGEST = 'a'.repeat(64);
const COMMIT = 'c'.repeat(40);
const NOW = new Date('2026-11-25T12:00:00Z');
const BUILDER = 'factory/sf/.github/workflows/sf.yml';
const cert = (over: Record<string, string> = {}): EvidenceSigner => ({
  kind: 'certificate',
  identity: {
    buildSignerUri: `https://github.com/${BUILDER}@refs/tags/v1.0.0`,
    sourceRepositoryDigest: COMMIT,
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

function ev(predicateType: string, predicate: Record<string, unknown>, options: { signer?: EvidenceSigner; at?: Date } = {}): Evidence {
  const statement: Statement = makeStatement(subjectsFor(predicateType), predicateType, predicate);
  return {
    statement,
    signer: options.signer ?? cert(),
    trustedTime: { time: options.at ?? new Date(NOW.getTime() - 3600_000), source: 'tlog' },
    origin: `${predicateType}.sigstore.json`,
    bundleDigest: predicateType.length.toString(16).padStart(64, '0'),
  };
}

const vulns = (list: unknown[] = [], lastUpdate = '2026-11-25T06:00:00Z', at?: Date): Evidence =>
  ev(PREDICATE.vulns, { scanner: { uri: 'x', database: { lastUpdate }, result: { vulnerabilities: list } } }, at ? { at } : {});
const chain = (): Evidence[] => [
  ev(PREDICATE.provenance, { buildDefinition: { buildType: 'x', externalParameters: {} }, runDetails: { builder: { id: 'x' } } }),
  ev(PREDICATE.vsa, { verifier: { id: 'x' }, verificationResult: 'PASSED', verifiedLevels: ['SLSA_SOURCE_LEVEL_2'] }),
  ev(PREDICATE.cyclonedx, { components: [{ purl: `pkg:docker/acme/base@sha256:${'b'.repeat(64)}?repository_url=ghcr.io` }] }),
  vulns(),
  ev(PREDICATE.testResult, { result: 'PASSED', configuration: [] }),
];

function run(policyYaml: string, evidence: Evidence[] = chain(), extra: Partial<EvaluationInput> = {}) {
  const policy = parsePolicy(`apiVersion: secure-factory/v1\n${policyYaml}`, 'p.yml', { now: NOW });
  return evaluate({ digest: DIGEST, environment: 'prod', policy, evidence, rejected: [], now: NOW, ...extra });
}
const fails = (r: ReturnType<typeof run>): string[] => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);
const PROD = `deploy:\n  prod: { require: [provenance, source, sbom, vulnerabilities, tests], builder: ${BUILDER}, registries: [ghcr.io/acme] }\n`;

describe('builder identity', () => {
  it('accepts the workflow pinned by tag or SHA, refuses a branch, another path or a ref outside the glob', () => {
    expect(matchBuilder(cert(), BUILDER).ok).toBe(true);
    expect(matchBuilder(cert({ buildSignerUri: `https://github.com/${BUILDER}@${'1'.repeat(40)}` }), BUILDER).ok).toBe(true);
    expect(matchBuilder(cert({ buildSignerUri: `https://github.com/${BUILDER}@refs/heads/main` }), BUILDER)).toMatchObject({ ok: false });
    expect(matchBuilder(cert(), 'evil/sf/.github/workflows/sf.yml')).toMatchObject({ ok: false });
    expect(matchBuilder(cert(), `${BUILDER}@refs/tags/v1.*`).ok).toBe(true);
    expect(matchBuilder(cert(), `${BUILDER}@refs/tags/v2.*`)).toMatchObject({ ok: false });
    expect(matchBuilder({ kind: 'key', keyId: 'abc' }, 'key:abc').ok).toBe(true);
    expect(matchBuilder({ kind: 'key', keyId: 'abc' }, BUILDER)).toMatchObject({ ok: false });
  });

  it('fails closed when no builder is configured', () => {
    const r = run('deploy:\n  prod: {}\n');
    expect(fails(r)).toContain('builder');
    expect(r.checks.find((c) => c.id === 'builder')?.fix).toMatch(/deploy\.prod\.builder/);
  });
});

describe('images', () => {
  it('reads docker and oci purls with Docker Hub as the default registry', () => {
    expect(parseImagePurl('pkg:docker/node@sha256:' + 'e'.repeat(64))).toMatchObject({
      repository: 'docker.io/library/node',
      pinned: true,
    });
    expect(parseImagePurl('pkg:docker/acme/base:1.0?repository_url=ghcr.io')?.repository).toBe('ghcr.io/acme/base');
    expect(parseImagePurl('pkg:docker/acme/base@1.0?repository_url=https://registry.hub.docker.com')).toMatchObject({
      repository: 'docker.io/acme/base',
      pinned: false,
    });
    expect(parseImagePurl('pkg:oci/debian@sha256:' + 'e'.repeat(64) + '?repository_url=ghcr.io/acme/debian')?.repository).toBe(
      'ghcr.io/acme/debian',
    );
    expect(parseImagePurl('pkg:npm/left-pad@1.0.0')).toBeUndefined();
    const spdx = makeStatement([{ digest: { sha256: DIGEST } }], PREDICATE.spdx, {
      packages: [
        { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:docker/redis@7' }] },
      ],
    });
    expect(imagesIn([spdx])).toEqual([{ repository: 'docker.io/library/redis', version: '7', pinned: false, purl: 'pkg:docker/redis@7' }]);
    expect(registryAllowed('ghcr.io/acme/base', ['ghcr.io/acme'])).toBe(true);
    expect(registryAllowed('ghcr.io/acmeevil/base', ['ghcr.io/acme'])).toBe(false);
  });
});

describe('vulnerability findings', () => {
  it('understands words and CVSS scores; no severity counts as critical', () => {
    expect(['CRITICAL', 'moderate', '9.8', '7.0', '3.1', 'n/a'].map(severityOf)).toEqual([
      'critical',
      'medium',
      'critical',
      'high',
      'low',
      undefined,
    ]);
    const f = vulnFindings({
      scanner: {
        uri: 'x',
        result: {
          vulnerabilities: [
            { id: 'OSV-1' },
            { id: 'GHSA-1', annotations: [{ package: 'lodash', version: '4.17.20', fixed: ['4.17.21'] }] },
          ],
        },
      },
    });
    expect(f).toEqual([
      { id: 'OSV-1', aliases: [], severity: 'critical' },
      {
        id: 'GHSA-1',
        aliases: [],
        severity: 'critical',
        package: 'lodash@4.17.20',
        packageName: 'lodash',
        packageVersion: '4.17.20',
        fixed: '4.17.21',
      },
    ]);
  });

  it('reads the materials stage format (CVSS vector, severity word, package object, fixedVersions)', () => {
    const f = vulnFindings({
      scanner: {
        uri: 'x',
        result: {
          vulnerabilities: [
            {
              id: 'GHSA-vh95-rmgr-6w4m',
              severity: [{ method: 'CVSS', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
              annotations: [
                {
                  aliases: ['CVE-2021-44906'],
                  package: { ecosystem: 'npm', name: 'minimist', version: '1.2.0' },
                  severity: 'critical',
                  fixedVersions: ['1.2.6'],
                  waived: true,
                },
              ],
            },
          ],
        },
      },
    });
    expect(f).toEqual([
      {
        id: 'GHSA-vh95-rmgr-6w4m',
        aliases: ['CVE-2021-44906'],
        severity: 'critical',
        package: 'minimist@1.2.0',
        packageName: 'minimist',
        packageVersion: '1.2.0',
        fixed: '1.2.6',
      },
    ]);
  });
});

describe('evaluate', () => {
  it('admits a complete, consistent chain with Build L3 and the source level', () => {
    const r = run(PROD);
    expect(fails(r)).toEqual([]);
    expect(r.allowed).toBe(true);
    expect(r.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']);
  });

  it('same-run off lets statements of other runs count; on, they are refused', () => {
    const mixed = [
      ...chain().filter((e) => e.statement.predicateType !== PREDICATE.testResult),
      ev(
        PREDICATE.testResult,
        { result: 'PASSED', configuration: [] },
        { signer: cert({ runInvocationUri: 'https://github.com/acme/app/actions/runs/2/attempts/1' }) },
      ),
    ];
    expect(fails(run(PROD, mixed))).toEqual(['same-run']);
    expect(fails(run(PROD.replace('registries:', 'same-run: false, registries:'), mixed))).toEqual([]);
  });

  it('judges the scan by its trusted time: old, from the future, or with a database newer than the scan', () => {
    const base = chain().filter((e) => e.statement.predicateType !== PREDICATE.vulns);
    expect(fails(run(PROD, [...base, vulns([], '2026-11-24T06:00:00Z', new Date('2026-11-24T06:00:00Z'))]))).toEqual(['scan-age']);
    expect(fails(run(PROD, [...base, vulns([], '2026-11-25T06:00:00Z', new Date('2026-11-25T13:00:00Z'))]))).toEqual(['scan-age']);
    expect(fails(run(PROD, [...base, vulns([], '2026-11-25T11:59:00Z', new Date('2026-11-25T11:00:00Z'))]))).toEqual(['database-age']);
  });

  it('a rule waiver covers registries; a package waiver covers its advisories', () => {
    const hub = chain().map((e) =>
      e.statement.predicateType === PREDICATE.cyclonedx
        ? ev(PREDICATE.cyclonedx, { components: [{ purl: `pkg:docker/node@sha256:${'e'.repeat(64)}` }] })
        : e,
    );
    expect(fails(run(PROD, hub))).toEqual(['registries']);
    const waived = run(`${PROD}exceptions:\n  - { rule: registries, reason: migrating, approver: carol, expires: 2026-12-01 }\n`, hub);
    expect(fails(waived)).toEqual([]);
    expect(waived.waivers).toEqual([expect.objectContaining({ scope: 'registries', approver: 'carol', state: 'used' })]);
    const crit = [
      ...chain().filter((e) => e.statement.predicateType !== PREDICATE.vulns),
      vulns([{ id: 'GHSA-2', annotations: [{ package: 'minimist', version: '1.2.0' }] }]),
    ];
    expect(fails(run(PROD, crit))).toEqual(['vulnerabilities']);
    expect(
      fails(run(`${PROD}exceptions:\n  - { package: minimist, reason: dev only, approver: dan, expires: 2026-12-01 }\n`, crit)),
    ).toEqual([]);
  });

  it("a FAILED source VSA is a failed source check, and the gate's own VSA is not source evidence", () => {
    const failed = chain().map((e) =>
      e.statement.predicateType === PREDICATE.vsa
        ? ev(PREDICATE.vsa, { verifier: { id: 'x' }, verificationResult: 'FAILED', verifiedLevels: ['FAILED'] })
        : e,
    );
    const r = run(PROD, failed);
    expect(fails(r)).toEqual(['source']);
    expect(r.checks.find((c) => c.id === 'source')?.reason).toBe('the source verification FAILED');
    const gateVsa = chain().map((e) =>
      e.statement.predicateType === PREDICATE.vsa
        ? ev(PREDICATE.vsa, {
            verifier: { id: 'https://github.com/secure-factory/secure-factory/gate-deploy' },
            verificationResult: 'PASSED',
            verifiedLevels: ['SLSA_SOURCE_LEVEL_2'],
          })
        : e,
    );
    expect(fails(run(PROD, gateVsa))).toEqual(['source']);
  });

  it('no deploy section: the defaults apply, with the builder of the runner; an unknown environment among others refuses', () => {
    expect(fails(run('', chain(), { defaultBuilder: `${BUILDER}@refs/tags/v1.0.0` }))).toEqual([]);
    // Without a builder no statement is trusted, so every required kind is missing too.
    expect(fails(run(''))).toEqual(['builder', 'source', 'sbom', 'vulnerabilities']);
    expect(fails(run(`deploy:\n  production: { builder: ${BUILDER} }\n`))).toEqual(['environment']);
  });

  it('a CEL rule that errors is a refusal', () => {
    const r = run(
      `deploy:\n  prod: { require: [provenance], builder: ${BUILDER}, rules: [{ name: boom, expression: 'provenance.nope.deeper == 1' }] }\n`,
    );
    expect(fails(r)).toEqual(['rule:boom']);
  });

  it('rules see the typed evidence', () => {
    const r = run(
      `deploy:\n  prod: { require: [provenance, tests], builder: ${BUILDER}, rules: [{ name: passed, expression: 'tests.result == "PASSED" && subject.digest.startsWith("sha256:") && size(findings) == 0' }] }\n`,
    );
    expect(fails(r)).toEqual([]);
  });

  it('a GitHub environment list needs the deploying environment', () => {
    const yaml = `deploy:\n  prod: { require: [provenance], builder: ${BUILDER}, environments: [production] }\n`;
    expect(fails(run(yaml))).toEqual(['github-environment']);
    expect(fails(run(yaml, chain(), { githubEnvironment: 'production' }))).toEqual([]);
  });

  it('a source VSA that names no commit is bound to nothing the run built: same-run refuses it', () => {
    const yaml = `deploy:\n  prod: { require: [provenance, source, sbom, vulnerabilities, tests], builder: '${BUILDER}' }\n`;
    const commitless = chain().map((e) =>
      e.statement.predicateType === PREDICATE.vsa
        ? { ...e, statement: { ...e.statement, subject: [{ name: 'app', digest: { sha256: DIGEST } }] } }
        : e,
    );
    const r = run(yaml, commitless);
    expect(fails(r)).toEqual(['same-run']);
    expect(r.checks.find((c) => c.id === 'same-run')?.reason).toBe(
      'evidence is mixed: the source VSA names no commit (a gitCommit subject), the run built cccc…cccc',
    );
  });

  it('key-signed evidence binds a run by its key and the provenance commit', () => {
    const key: EvidenceSigner = { kind: 'key', keyId: 'k1' };
    const built = ev(PREDICATE.provenance, {
      buildDefinition: {
        buildType: 'x',
        externalParameters: {},
        resolvedDependencies: [{ uri: 'git+https://github.com/o/r', digest: { gitCommit: 'c'.repeat(40) } }],
      },
      runDetails: { builder: { id: 'x' } },
    });
    const keyed = chain().map((e) => ({ ...(e.statement.predicateType === PREDICATE.provenance ? built : e), signer: key }));
    const yaml = `deploy:\n  prod: { require: [provenance, source, sbom, vulnerabilities, tests], builder: 'key:k1' }\n`;
    const r = run(yaml, keyed);
    expect(fails(r)).toEqual([]);
    expect(r.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_2', 'SLSA_SOURCE_LEVEL_2']);
    // A key names no commit: a provenance that names none leaves the source VSA bound to nothing built.
    const unbound = run(
      yaml,
      chain().map((e) => ({ ...e, signer: key })),
    );
    expect(fails(unbound)).toEqual(['same-run']);
    expect(unbound.checks.find((c) => c.id === 'same-run')?.reason).toBe(
      'evidence is mixed: the key-signed provenance names no source commit, so the source VSA cannot be bound to the build',
    );
  });
});
