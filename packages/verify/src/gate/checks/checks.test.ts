/**
 * Every refusal branch of the gate's checks, pinned one by one (issue 20: mutation testing found most
 * of them unpinned). Each test feeds already-verified evidence to the pure `evaluate` (or to one check)
 * and asserts the exact check it returns: the status, the reason a person reads and the fix — so
 * removing a refusal, flipping a comparison or emptying a message fails here, in-process and fast.
 */
import { BUILD_TYPE, makeStatement, parsePolicy, PREDICATE, type Remediation, type Statement } from '@secure-factory/core';
import { evaluate, type EvaluationInput } from '../evaluate.js';
import type { Check, Evidence, EvidenceSigner, RejectedEvidence } from '../types.js';
import { attributeMissing, builderIdentityCheck } from './builder-identity.js';
import { GATE_VERIFIER_ID, kindOf, newest, timeLabel, type GateContext } from './context.js';
import { ISOLATION_INSTALL_HINT, isolationCheck } from './isolation.js';
import { waiverBook, waive } from './waivers.js';

const DIGEST = 'a'.repeat(64);
const COMMIT = 'c'.repeat(40);
const OTHER_COMMIT = 'd'.repeat(40);
const NOW = new Date('2026-11-25T12:00:00Z');
const HOUR = 3600_000;
const BUILDER = 'factory/sf/.github/workflows/sf.yml';
const RUN1 = 'https://github.com/acme/app/actions/runs/1/attempts/1';

const cert = (over: Record<string, string | undefined> = {}): EvidenceSigner => {
  const identity: Record<string, string> = {};
  const all: Record<string, string | undefined> = {
    buildSignerUri: `https://github.com/${BUILDER}@refs/tags/v1.0.0`,
    sourceRepositoryDigest: COMMIT,
    sourceRepositoryRef: 'refs/tags/v2.0.0',
    runInvocationUri: RUN1,
    ...over,
  };
  for (const [k, v] of Object.entries(all)) if (v !== undefined) identity[k] = v;
  return { kind: 'certificate', identity };
};

interface EvOptions {
  signer?: EvidenceSigner;
  /** The trusted time; `null` for a bundle without one. */
  at?: Date | null;
  subject?: Statement['subject'];
}

function ev(predicateType: string, predicate: unknown, o: EvOptions = {}): Evidence {
  const statement: Statement = makeStatement(
    o.subject ?? [
      { name: 'app', digest: { sha256: DIGEST } },
      // A VSA names the commit it verified, as the factory's source stage does.
      ...(predicateType === PREDICATE.vsa ? [{ name: 'git+https://github.com/acme/app', digest: { gitCommit: COMMIT } }] : []),
    ],
    predicateType,
    predicate as Record<string, unknown>,
  );
  const at = o.at === undefined ? new Date(NOW.getTime() - HOUR) : o.at;
  return {
    statement,
    signer: o.signer ?? cert(),
    ...(at ? { trustedTime: { time: at, source: 'tlog' as const } } : {}),
    origin: `${predicateType.split('/').at(-2) ?? 'x'}.sigstore.json`,
    bundleDigest: predicateType.length.toString(16).padStart(64, '0'),
  };
}

const provenance = (deps: unknown[] = [], o: EvOptions = {}, buildType = 'x', internal?: unknown): Evidence =>
  ev(
    PREDICATE.provenance,
    {
      buildDefinition: {
        buildType,
        externalParameters: {},
        resolvedDependencies: deps,
        ...(internal ? { internalParameters: internal } : {}),
      },
      runDetails: { builder: { id: 'x' } },
    },
    o,
  );
const sourceVsa = (result: string | undefined, levels: string[] | undefined, o: EvOptions = {}): Evidence =>
  ev(
    PREDICATE.vsa,
    { verifier: { id: 'x' }, ...(result ? { verificationResult: result } : {}), ...(levels ? { verifiedLevels: levels } : {}) },
    o,
  );
const sbom = (purls: string[] = [], o: EvOptions = {}): Evidence =>
  ev(PREDICATE.cyclonedx, { components: purls.map((purl) => ({ purl })) }, o);
/** `lastUpdate: null` for a scan that does not say when its database was updated. */
const scan = (list: unknown[] = [], lastUpdate: string | null = '2026-11-25T06:00:00Z', o: EvOptions = {}): Evidence =>
  ev(
    PREDICATE.vulns,
    { scanner: { uri: 'x', ...(lastUpdate !== null ? { database: { lastUpdate } } : {}), result: { vulnerabilities: list } } },
    o,
  );
const tests = (predicate: Record<string, unknown> = { result: 'PASSED', configuration: [] }, o: EvOptions = {}): Evidence =>
  ev(PREDICATE.testResult, predicate, o);

const chain = (): Evidence[] => [
  provenance([{ uri: 'git+https://github.com/acme/app', digest: { gitCommit: COMMIT } }]),
  sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_2']),
  sbom([`pkg:docker/acme/base@sha256:${'b'.repeat(64)}?repository_url=ghcr.io`]),
  scan(),
  tests(),
];
/** The chain with the evidence of one predicate type replaced (or removed, without a replacement). */
const swap = (type: string, ...by: Evidence[]): Evidence[] => [...chain().filter((e) => e.statement.predicateType !== type), ...by];

const ALL = 'require: [provenance, source, sbom, vulnerabilities, tests]';
const env = (extra = '', require = ALL): string =>
  `deploy:\n  prod: { ${require}, builder: ${BUILDER}, registries: [ghcr.io/acme]${extra} }\n`;

function run(policyYaml: string, evidence: Evidence[] = chain(), extra: Partial<EvaluationInput> = {}) {
  const policy = parsePolicy(`apiVersion: secure-factory/v1\n${policyYaml}`, 'p.yml', { now: NOW });
  return evaluate({ digest: DIGEST, environment: 'prod', policy, evidence, rejected: [], now: NOW, ...extra });
}
type Result = ReturnType<typeof run>;
const fails = (r: Result): string[] => r.checks.filter((c) => c.status === 'fail').map((c) => c.id);
const check = (r: Result, id: string): Check | undefined => r.checks.find((c) => c.id === id);
const LABEL = 'Rekor 2026-11-25 11:00 UTC';

describe('the complete chain', () => {
  it('passes every check, each with its exact reason and evidence', () => {
    const r = run(env());
    expect(r.allowed).toBe(true);
    expect(r.checks).toEqual([
      {
        id: 'signatures',
        title: 'signatures',
        stage: 'attest',
        status: 'pass',
        reason: '5 bundle(s) verified',
        evidence: 'provenance, source, sbom, vulnerabilities, tests',
      },
      {
        id: 'builder',
        title: 'builder identity',
        stage: 'build',
        status: 'pass',
        reason: `${BUILDER}@refs/tags/v1.0.0`,
        evidence: `provenance, ${LABEL}`,
      },
      {
        id: 'same-run',
        title: 'same run',
        stage: 'attest',
        status: 'pass',
        reason: 'run 1 attempt 1, commit cccc…cccc',
        evidence: '5 bundle(s)',
      },
      {
        id: 'source',
        title: 'source level',
        stage: 'source',
        status: 'pass',
        reason: 'SLSA Source level 2',
        evidence: `source VSA, ${LABEL}`,
      },
      { id: 'sbom', title: 'SBOM', stage: 'materials', status: 'pass', reason: 'CycloneDX', evidence: LABEL },
      {
        id: 'vulnerabilities',
        title: 'vulnerabilities',
        stage: 'materials',
        status: 'pass',
        reason: 'none at or above critical (0 reported)',
        evidence: 'scan 1 h old (DB 6 h old)',
      },
      { id: 'scan-age', title: 'scan age', stage: 'materials', status: 'pass', reason: `1 h old by ${LABEL}` },
      { id: 'database-age', title: 'database age', stage: 'materials', status: 'pass', reason: '6 h old' },
      { id: 'tests', title: 'tests', stage: 'build', status: 'pass', reason: 'PASSED', evidence: LABEL },
      {
        id: 'registries',
        title: 'image registries',
        stage: 'materials',
        status: 'pass',
        reason: '1 image(s), all from ghcr.io/acme, by digest',
      },
    ]);
    expect(r.builder).toEqual({ identity: BUILDER, from: 'policy' });
    expect(r.run).toBe('run 1 attempt 1, commit cccc…cccc');
  });

  it('records where the builder came from: the option over the policy over the runner', () => {
    expect(run(env(), chain(), { builder: BUILDER }).builder).toEqual({ identity: BUILDER, from: 'option' });
    expect(run('', chain(), { defaultBuilder: BUILDER }).builder).toEqual({ identity: BUILDER, from: 'runner' });
    expect(run('').builder).toBeUndefined();
    // The option overrides the policy: another builder sets the whole chain aside.
    expect(fails(run(env(), chain(), { builder: 'evil/sf/.github/workflows/sf.yml' }))).toContain('builder');
  });
});

describe('environment (deploy policy)', () => {
  it('no deploy section: the defaults, said as a pass', () => {
    const r = run('', chain(), { defaultBuilder: BUILDER });
    expect(check(r, 'environment')).toEqual({
      id: 'environment',
      title: 'deploy policy',
      stage: 'gate',
      status: 'pass',
      reason: 'no deploy section in p.yml: the built-in defaults apply',
    });
    expect(r.allowed).toBe(true);
  });

  it('sections, but none for this environment: refused with the environments there, and nothing else is judged', () => {
    const r = run(`deploy:\n  production: { builder: ${BUILDER} }\n  staging: { builder: ${BUILDER} }\n`);
    expect(r).toEqual({
      allowed: false,
      checks: [
        {
          id: 'environment',
          title: 'deploy policy',
          stage: 'gate',
          status: 'fail',
          reason: 'the policy has no deploy section for "prod"',
          fix: 'add deploy.prod to p.yml (environments there: production, staging)',
        },
      ],
      waivers: [],
      verifiedLevels: [],
      used: {},
    });
  });

  it('a section for this environment: no environment check at all', () => {
    expect(check(run(env()), 'environment')).toBeUndefined();
  });
});

describe('signatures', () => {
  const rejected = (kind: RejectedEvidence['kind'], origin: string, reason: string): RejectedEvidence => ({
    origin,
    reason,
    kind,
    subjects: [DIGEST],
  });

  it.each(['invalid', 'unreadable'] as const)('a %s bundle naming the artefact refuses, even beside a complete chain', (kind) => {
    const r = run(env(), chain(), { rejected: [rejected(kind, 'x.sigstore.json', 'bad signature')] });
    expect(r.allowed).toBe(false);
    expect(check(r, 'signatures')).toEqual({
      id: 'signatures',
      title: 'signatures',
      stage: 'attest',
      status: 'fail',
      reason: '1 bundle(s) naming this artefact do not verify: x.sigstore.json: bad signature',
      fix: 'remove the bundle or re-sign the evidence; a bundle that does not verify may have been tampered with',
    });
  });

  it('no evidence at all: refused, naming other digests and unsigned statements', () => {
    const r = run(env(), [], { otherBundles: 2, rejected: [rejected('unsigned', 'u.intoto.json', 'unsigned')] });
    expect(check(r, 'signatures')).toEqual({
      id: 'signatures',
      title: 'signatures',
      stage: 'attest',
      status: 'fail',
      reason: `no signed evidence names sha256:${DIGEST} (2 bundle(s) found name other digests: is this the artefact that was built?); 1 unsigned statement(s) do not count`,
      fix: 'gate the exact artefact the factory built, and sign its evidence with the attest stage',
    });
    expect(check(run(env(), []), 'signatures')?.reason).toBe(`no signed evidence names sha256:${DIGEST}`);
    expect(check(run(env(), [], { otherBundles: 0 }), 'signatures')?.reason).toBe(`no signed evidence names sha256:${DIGEST}`);
  });

  it('unsigned statements beside signed evidence are a warning naming them, not a pass', () => {
    const r = run(env(), chain(), { rejected: [rejected('unsigned', 'u.intoto.json', 'unsigned')] });
    expect(check(r, 'signatures')).toEqual({
      id: 'signatures',
      title: 'signatures',
      stage: 'attest',
      status: 'warn',
      reason: '5 bundle(s) verified; 1 unsigned statement(s) ignored (u.intoto.json)',
      evidence: 'provenance, source, sbom, vulnerabilities, tests',
    });
    expect(r.allowed).toBe(true);
  });

  it('names an evidence of unknown kind by its predicate type', () => {
    const odd = ev('https://example.com/other/v1', {});
    expect(check(run(env(), [...chain(), odd]), 'signatures')?.evidence).toBe(
      'provenance, source, sbom, vulnerabilities, tests, https://example.com/other/v1',
    );
  });
});

describe('builder identity', () => {
  const foreign = cert({ buildSignerUri: 'https://github.com/evil/sf/.github/workflows/sf.yml@refs/tags/v1.0.0' });

  it('a provenance by another signer: refused with the reason it was set aside', () => {
    const r = run(env(), swap(PREDICATE.provenance, provenance([], { signer: foreign })));
    expect(check(r, 'builder')).toEqual({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'fail',
      reason: `provenance: signed by evil/sf/.github/workflows/sf.yml@refs/tags/v1.0.0, expected ${BUILDER}`,
      fix: 'build with the factory workflow named in the policy, pinned by tag or commit SHA',
    });
  });

  it('no provenance at all: refused naming the builder; no builder configured: refused with where to set it', () => {
    const r = run(env(), swap(PREDICATE.provenance));
    expect(check(r, 'builder')).toMatchObject({ status: 'fail', reason: `no provenance signed by ${BUILDER}` });
    const none = run('deploy:\n  prod: { require: [provenance] }\n');
    expect(check(none, 'builder')).toEqual({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'fail',
      reason: 'no builder identity is configured, so no provenance can be trusted',
      fix: 'set deploy.prod.builder (e.g. OWNER/secure-factory/.github/workflows/secure-factory.yml@refs/tags/v1.3.0) in the policy, or the gate-deploy input builder (CLI: --certificate-identity)',
    });
  });

  it('other signers beside the builder: a warning that lists them', () => {
    const r = run(env(), [...chain(), tests(undefined, { signer: foreign })]);
    expect(check(r, 'builder')).toMatchObject({
      status: 'warn',
      reason: `${BUILDER}@refs/tags/v1.0.0; ignored 1 bundle(s) by other signers: tests: signed by evil/sf/.github/workflows/sf.yml@refs/tags/v1.0.0, expected ${BUILDER}`,
    });
    // Provenance not required and none at all: the foreign bundles are still said.
    const noProv = run(env('', 'require: [tests]'), [tests(undefined, { signer: foreign }), tests()]);
    expect(check(noProv, 'builder')).toEqual({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'warn',
      reason: `ignored 1 bundle(s) by other signers: tests: signed by evil/sf/.github/workflows/sf.yml@refs/tags/v1.0.0, expected ${BUILDER}`,
    });
    expect(check(run(env('', 'require: [tests]'), [tests()]), 'builder')).toBeUndefined();
  });

  it('a required kind signed only by someone else is "not from the trusted builder", never plain "missing"', () => {
    const r = run(env(), swap(PREDICATE.testResult, tests(undefined, { signer: foreign })));
    expect(check(r, 'tests')).toEqual({
      id: 'tests',
      title: 'tests',
      stage: 'gate',
      status: 'fail',
      reason: `the tests verified, but not from the trusted builder (signed by evil/sf/.github/workflows/sf.yml@refs/tags/v1.0.0, expected ${BUILDER})`,
      fix: 'sign the evidence with the factory workflow named in the policy (deploy.<env>.builder)',
    });
    const fixNoBuilder = attributeMissing(
      [{ id: 'tests', title: 'tests', stage: 'build', status: 'fail', reason: 'no signed evidence of this kind for this artefact' }],
      { wrongIdentity: ['tests: x'], builder: undefined, environment: 'prod' },
    );
    expect(fixNoBuilder[0]?.fix).toBe(
      'set deploy.prod.builder to the factory workflow that signs the evidence (or the gate-deploy input builder)',
    );
    // Only a "missing" failure is rewritten; a failure with its own reason, or a pass, is left as it is.
    const own: Check = { id: 'tests', title: 'tests', stage: 'build', status: 'fail', reason: 'FAILED' };
    const pass: Check = {
      id: 'tests',
      title: 'tests',
      stage: 'build',
      status: 'pass',
      reason: 'no signed evidence of this kind for this artefact',
    };
    expect(attributeMissing([own, pass], { wrongIdentity: ['tests: x'], builder: BUILDER, environment: 'prod' })).toEqual([own, pass]);
    const missingNoOther: Check = {
      id: 'sbom',
      title: 'SBOM',
      stage: 'materials',
      status: 'fail',
      reason: 'no signed evidence of this kind for this artefact',
    };
    expect(attributeMissing([missingNoOther], { wrongIdentity: ['tests: x'], builder: BUILDER, environment: 'prod' })).toEqual([
      missingNoOther,
    ]);
  });
});

describe('isolation', () => {
  const bwrap = { isolation: { tool: 'bubblewrap', version: '0.8.0', workspace: 'overlay' } };
  it('reads the factory provenance: bubblewrap passes, anything else or nothing is refused with the install hint', () => {
    expect(isolationCheck({ buildDefinition: { buildType: BUILD_TYPE, internalParameters: bwrap } }, 'e')).toEqual({
      id: 'isolation',
      title: 'build isolation',
      stage: 'build',
      status: 'pass',
      reason: 'bubblewrap 0.8.0, overlay workspace',
      evidence: 'e',
    });
    expect(
      isolationCheck({ buildDefinition: { buildType: BUILD_TYPE, internalParameters: { isolation: { tool: 'bubblewrap' } } } }, 'e')
        ?.reason,
    ).toBe('bubblewrap');
    expect(
      isolationCheck(
        { buildDefinition: { buildType: BUILD_TYPE, internalParameters: { isolation: { tool: 'bubblewrap', workspace: 7 } } } },
        'e',
      )?.reason,
    ).toBe('bubblewrap');
    expect(
      isolationCheck(
        { buildDefinition: { buildType: BUILD_TYPE, internalParameters: { isolation: { tool: 'unshare', version: '2.38' } } } },
        'e',
      ),
    ).toEqual({
      id: 'isolation',
      title: 'build isolation',
      stage: 'build',
      status: 'fail',
      reason: 'the build ran under unshare 2.38, a weaker isolation than bubblewrap, which the policy requires',
      evidence: 'e',
      fix: ISOLATION_INSTALL_HINT,
    });
    expect(
      isolationCheck(
        { buildDefinition: { buildType: BUILD_TYPE, internalParameters: { isolation: { tool: 'unshare', version: 2 } } } },
        'e',
      )?.reason,
    ).toBe('the build ran under unshare, a weaker isolation than bubblewrap, which the policy requires');
    for (const internal of [undefined, {}, { isolation: {} }, { isolation: { tool: 7 } }]) {
      expect(isolationCheck({ buildDefinition: { buildType: BUILD_TYPE, internalParameters: internal } }, 'e')).toMatchObject({
        status: 'fail',
        reason: 'the provenance does not say how the build was isolated',
      });
    }
    expect(isolationCheck({ buildDefinition: { buildType: 'https://slsa.dev/other', internalParameters: bwrap } }, 'e')).toBeUndefined();
    expect(isolationCheck(undefined, 'e')).toBeUndefined();
    expect(ISOLATION_INSTALL_HINT).toMatch(/apt-get install -y bubblewrap/);
  });

  it('the gate refuses a factory build that ran under the weaker fallback', () => {
    const prov = provenance([{ uri: 'git+https://github.com/acme/app', digest: { gitCommit: COMMIT } }], {}, BUILD_TYPE, {
      isolation: { tool: 'unshare' },
    });
    const r = run(env(), swap(PREDICATE.provenance, prov));
    expect(fails(r)).toEqual(['isolation']);
    expect(check(r, 'isolation')?.evidence).toBe(`provenance, ${LABEL}`);
  });
});

describe('same run', () => {
  it('a provenance naming another commit than its certificate is mixed evidence', () => {
    const prov = provenance([{ uri: 'git+https://github.com/acme/app', digest: { gitCommit: OTHER_COMMIT } }]);
    const r = run(env(), swap(PREDICATE.provenance, prov));
    expect(check(r, 'same-run')).toEqual({
      id: 'same-run',
      title: 'same run',
      stage: 'attest',
      status: 'fail',
      reason: 'evidence is mixed: the provenance names commit dddd…dddd, its certificate cccc…cccc',
      evidence: '5 bundle(s)',
      fix: 'gate the artefact with the evidence of the run that built it; re-run the factory for a fresh, complete set',
    });
    // A sha1 digest names the commit too; a malformed one is not a commit.
    expect(fails(run(env(), swap(PREDICATE.provenance, provenance([{ digest: { sha1: OTHER_COMMIT } }]))))).toEqual(['same-run']);
    expect(fails(run(env(), swap(PREDICATE.provenance, provenance([{ digest: { gitCommit: `${OTHER_COMMIT}0` } }]))))).toEqual([]);
    expect(fails(run(env(), swap(PREDICATE.provenance, provenance([{ digest: { gitCommit: `x${OTHER_COMMIT}` } }]))))).toEqual([]);
    // Several dependencies: the certificate's commit among them is consistent.
    expect(
      fails(
        run(env(), swap(PREDICATE.provenance, provenance([{ digest: { gitCommit: OTHER_COMMIT } }, { digest: { gitCommit: COMMIT } }]))),
      ),
    ).toEqual([]);
  });

  it('a source VSA about another commit is mixed evidence', () => {
    const vsa = sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_2'], { subject: [{ digest: { gitCommit: OTHER_COMMIT } }] });
    const r = run(env(), swap(PREDICATE.vsa, vsa));
    expect(check(r, 'same-run')?.reason).toBe('evidence is mixed: the source VSA is about commit dddd…dddd, the run built cccc…cccc');
    const same = sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_2'], {
      subject: [{ digest: { gitCommit: COMMIT } }, { digest: { sha256: DIGEST } }],
    });
    expect(fails(run(env(), swap(PREDICATE.vsa, same)))).toEqual([]);
  });

  it('evidence of a kind from another run only: refused, naming the run', () => {
    const other = tests(undefined, { signer: cert({ runInvocationUri: 'https://github.com/acme/app/actions/runs/2/attempts/3' }) });
    const r = run(env(), swap(PREDICATE.testResult, other));
    expect(check(r, 'same-run')?.reason).toBe('evidence is mixed: tests comes from run 2 attempt 3, commit cccc…cccc');
    // With same-run on, it is still the one shown (and refused), never silently dropped.
    expect(r.used.tests?.statement).toBe(other.statement);
    // same-run: false takes it, and says nothing.
    const off = run(env(', same-run: false'), swap(PREDICATE.testResult, other));
    expect(fails(off)).toEqual([]);
    expect(check(off, 'same-run')).toBeUndefined();
    expect(off.checks.map((c) => c.id)).toEqual([
      'signatures',
      'builder',
      'source',
      'sbom',
      'vulnerabilities',
      'scan-age',
      'database-age',
      'tests',
      'registries',
    ]);
    expect(off.used.tests?.statement).toBe(other.statement);
  });

  it('the newest provenance is the anchor; the same run is preferred over a newer statement of another run', () => {
    const old = provenance([{ digest: { gitCommit: COMMIT } }], { at: new Date(NOW.getTime() - 3 * HOUR) });
    const run2 = cert({ runInvocationUri: 'https://github.com/acme/app/actions/runs/2/attempts/1' });
    const newer = provenance([{ digest: { gitCommit: COMMIT } }], { signer: run2, at: new Date(NOW.getTime() - 2 * HOUR) });
    const r = run(env('', 'require: [provenance, tests]'), [old, newer, tests(undefined, { signer: run2 }), tests()]);
    expect(r.run).toBe('run 2 attempt 1, commit cccc…cccc');
    expect(fails(r)).toEqual([]);
    expect(r.used.provenance).toBe(newer);
  });

  it('without provenance, the run most statements come from is the anchor', () => {
    const run2 = cert({ runInvocationUri: 'https://github.com/acme/app/actions/runs/2/attempts/1' });
    const r = run(env('', 'require: [sbom, tests]'), [
      sbom([], { signer: run2 }),
      tests(),
      sbom(),
      tests(undefined, { signer: run2 }),
      scan([], null, { signer: run2 }),
    ]);
    expect(r.run).toBe('run 2 attempt 1, commit cccc…cccc');
    // Whatever comes first: the majority wins.
    const first = run(env('', 'require: [sbom, tests]'), [
      tests(),
      sbom([], { signer: run2 }),
      tests(undefined, { signer: run2 }),
      sbom(),
      scan([], null, { signer: run2 }),
    ]);
    expect(first.run).toBe('run 2 attempt 1, commit cccc…cccc');
    expect(first.used.tests?.signer).toBe(run2);
    expect(first.used.sbom?.signer).toBe(run2);
  });

  it('key-signed evidence: malformed provenances are one run, never a crash; evidence without provenance is one run', () => {
    const key: EvidenceSigner = { kind: 'key', keyId: 'sha256:k1' };
    const policy = `deploy:\n  prod: { require: [provenance], builder: 'key:sha256:k1' }\n`;
    const bare = (predicate: Record<string, unknown>, at: number): Evidence =>
      ev(PREDICATE.provenance, predicate, { signer: key, at: new Date(NOW.getTime() - at * HOUR) });
    // No runDetails, no buildDefinition, dependencies without a digest, a non-string invocation id: no run, no commit, alike.
    expect(fails(run(policy, [bare({}, 1), bare({ buildDefinition: {} }, 2)]))).toEqual([]);
    expect(
      fails(run(policy, [bare({ buildDefinition: { resolvedDependencies: [{ uri: 'x' }, { digest: {} }] } }, 1), bare({}, 2)])),
    ).toEqual([]);
    expect(fails(run(policy, [bare({ runDetails: { metadata: { invocationId: 7 } } }, 1), bare({ runDetails: {} }, 2)]))).toEqual([]);
    // Key-signed statements without any provenance: nothing to cross-check, one run.
    const r = run(`deploy:\n  prod: { require: [tests], builder: 'key:sha256:k1' }\n`, [tests(undefined, { signer: key })]);
    expect(check(r, 'same-run')).toMatchObject({ status: 'pass', reason: 'key k1' });
  });

  it('key-signed provenances of one key must name one run and one commit', () => {
    const key: EvidenceSigner = { kind: 'key', keyId: 'sha256:k1' };
    const keyProv = (invocationId: string | undefined, commit: string, at: number): Evidence =>
      ev(
        PREDICATE.provenance,
        {
          buildDefinition: { buildType: 'x', externalParameters: {}, resolvedDependencies: [{ digest: { gitCommit: commit } }] },
          runDetails: { builder: { id: 'x' }, metadata: invocationId === undefined ? {} : { invocationId } },
        },
        { signer: key, at: new Date(NOW.getTime() - at * HOUR) },
      );
    const policy = `deploy:\n  prod: { require: [provenance], builder: 'key:sha256:k1' }\n`;
    expect(fails(run(policy, [keyProv('run-1', COMMIT, 1), keyProv('run-1', COMMIT, 2)]))).toEqual([]);
    expect(check(run(policy, [keyProv('run-1', COMMIT, 1), keyProv('run-2', COMMIT, 2)]), 'same-run')?.reason).toBe(
      'evidence is mixed: key-signed provenances name different runs (run-1, run-2)',
    );
    expect(check(run(policy, [keyProv(undefined, COMMIT, 1), keyProv('run-2', COMMIT, 2)]), 'same-run')?.reason).toBe(
      'evidence is mixed: key-signed provenances name different runs (none, run-2)',
    );
    expect(check(run(policy, [keyProv('run-1', COMMIT, 1), keyProv('', COMMIT, 2)]), 'same-run')?.reason).toBe(
      'evidence is mixed: key-signed provenances name different runs (run-1, none)',
    );
    const noCommit = ev(
      PREDICATE.provenance,
      { buildDefinition: { resolvedDependencies: [] }, runDetails: { metadata: { invocationId: 'run-1' } } },
      { signer: key, at: new Date(NOW.getTime() - 3 * HOUR) },
    );
    expect(check(run(policy, [keyProv('run-1', COMMIT, 1), noCommit]), 'same-run')?.reason).toBe(
      'evidence is mixed: key-signed provenances name different commits (cccc…cccc, none)',
    );
    expect(
      check(run(policy, [{ ...noCommit, trustedTime: { time: NOW, source: 'tlog' } }, keyProv('run-1', COMMIT, 1)]), 'same-run')?.reason,
    ).toBe('evidence is mixed: key-signed provenances name different commits (none, cccc…cccc)');
    expect(check(run(policy, [keyProv('run-1', COMMIT, 1), keyProv('run-1', OTHER_COMMIT, 2)]), 'same-run')?.reason).toBe(
      'evidence is mixed: key-signed provenances name different commits (cccc…cccc, dddd…dddd)',
    );
    // A statement from the key naming another commit than the key's provenance is mixed too.
    const policy2 = `deploy:\n  prod: { require: [provenance, source], builder: 'key:sha256:k1' }\n`;
    const vsa = sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_2'], { signer: key, subject: [{ digest: { gitCommit: OTHER_COMMIT } }] });
    expect(check(run(policy2, [keyProv('run-1', COMMIT, 1), vsa]), 'same-run')?.reason).toBe(
      'evidence is mixed: the source VSA is about commit dddd…dddd, the run built cccc…cccc',
    );
    // Another key's provenances are not this key's run.
    const other: EvidenceSigner = { kind: 'key', keyId: 'sha256:k2' };
    const foreign = { ...keyProv('run-9', OTHER_COMMIT, 3), signer: other };
    expect(check(run(policy, [keyProv('run-1', COMMIT, 1), foreign]), 'same-run')?.status).toBe('pass');
  });

  it('nothing used: no same-run check', () => {
    expect(check(run(env('', 'require: [tests]'), []), 'same-run')).toBeUndefined();
  });
});

describe('source level', () => {
  const with_ = (vsa: Evidence, extra = ''): Result => run(env(extra), swap(PREDICATE.vsa, vsa));

  it('missing but required: refused; missing and not required: nothing; present and not required: still judged', () => {
    expect(check(run(env(), swap(PREDICATE.vsa)), 'source')).toEqual({
      id: 'source',
      title: 'source VSA',
      stage: 'source',
      status: 'fail',
      reason: 'no signed evidence of this kind for this artefact',
      fix: 'run checkout-verify (the source stage) in the same run',
    });
    expect(check(run(env('', 'require: [provenance]'), swap(PREDICATE.vsa)), 'source')).toBeUndefined();
    expect(check(run(env('', 'require: [provenance]'), swap(PREDICATE.vsa, sourceVsa('FAILED', ['FAILED']))), 'source')?.status).toBe(
      'fail',
    );
  });

  it('a level below the policy is refused; the level itself passes', () => {
    expect(check(with_(sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_1']), ', source-level: 2'), 'source')).toEqual({
      id: 'source',
      title: 'source level',
      stage: 'source',
      status: 'fail',
      reason: 'SLSA Source level 1, the policy needs 2',
      evidence: `source VSA, ${LABEL}`,
      fix: 'meet the source requirements (signed commits, reviews, branch protection) and rebuild',
    });
    expect(check(with_(sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_2']), ', source-level: 2'), 'source')?.status).toBe('pass');
    expect(check(with_(sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_1', 'SLSA_SOURCE_LEVEL_3']), ', source-level: 3'), 'source')?.reason).toBe(
      'SLSA Source level 3',
    );
  });

  it('no level at all is "none", below even level 0; a malformed level counts for nothing', () => {
    expect(check(with_(sourceVsa('PASSED', []), ', source-level: 0'), 'source')?.reason).toBe('SLSA Source level none, the policy needs 0');
    expect(check(with_(sourceVsa('PASSED', undefined), ', source-level: 0'), 'source')?.status).toBe('fail');
    expect(check(with_(sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_3x']), ', source-level: 1'), 'source')?.reason).toBe(
      'SLSA Source level none, the policy needs 1',
    );
    expect(check(with_(sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_SLSA_SOURCE_LEVEL_3']), ', source-level: 1'), 'source')?.status).toBe(
      'fail',
    );
    expect(check(with_(sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_']), ', source-level: 0'), 'source')?.status).toBe('fail');
  });

  it('a result other than PASSED is refused whatever the level', () => {
    expect(check(with_(sourceVsa('FAILED', ['SLSA_SOURCE_LEVEL_3'])), 'source')?.reason).toBe('the source verification FAILED');
    expect(check(with_(sourceVsa(undefined, ['SLSA_SOURCE_LEVEL_3'])), 'source')).toMatchObject({
      status: 'fail',
      reason: 'the source verification has no result',
    });
  });

  it("what counts as a source VSA: source levels or FAILED only; the gate's own VSA and build levels never", () => {
    const vsa = (p: Record<string, unknown>): Evidence => ev(PREDICATE.vsa, p);
    expect(kindOf(vsa({ verifiedLevels: ['SLSA_SOURCE_LEVEL_2'] }))).toBe('source');
    expect(kindOf(vsa({ verifiedLevels: [] }))).toBe('source');
    expect(kindOf(vsa({}))).toBe('source');
    expect(kindOf(vsa({ verifiedLevels: ['FAILED'] }))).toBe('source');
    expect(kindOf(vsa({ verifiedLevels: ['SLSA_BUILD_LEVEL_3'] }))).toBeUndefined();
    expect(kindOf(vsa({ verifiedLevels: ['SLSA_SOURCE_LEVEL_2', 'SLSA_BUILD_LEVEL_3'] }))).toBeUndefined();
    expect(kindOf(vsa({ verifiedLevels: ['SLSA_SOURCE_LEVEL_2', 'OTHER'] }))).toBeUndefined();
    expect(kindOf(vsa({ verifier: { id: GATE_VERIFIER_ID }, verifiedLevels: ['SLSA_SOURCE_LEVEL_2'] }))).toBeUndefined();
    expect(kindOf(ev(PREDICATE.spdx, {}))).toBe('sbom');
    expect(kindOf(ev(PREDICATE.cyclonedx, {}))).toBe('sbom');
    expect(kindOf(ev(PREDICATE.testResult, {}))).toBe('tests');
    expect(kindOf(ev(PREDICATE.vulns, {}))).toBe('vulnerabilities');
    expect(kindOf(ev(PREDICATE.provenance, {}))).toBe('provenance');
    expect(kindOf(ev('https://example.com/x', {}))).toBeUndefined();
  });
});

describe('refs and GitHub environments', () => {
  it('the run ref must match one of the refs', () => {
    const refs = (list: string): string => env(`, refs: [${list}]`);
    expect(check(run(refs("'refs/tags/v*'")), 'refs')).toEqual({
      id: 'refs',
      title: 'ref',
      stage: 'source',
      status: 'pass',
      reason: 'refs/tags/v2.0.0',
    });
    expect(check(run(refs("'refs/heads/main', 'refs/tags/v2.*'")), 'refs')?.status).toBe('pass');
    const main = swap(
      PREDICATE.provenance,
      provenance([{ digest: { gitCommit: COMMIT } }], { signer: cert({ sourceRepositoryRef: 'refs/heads/dev' }) }),
    );
    expect(check(run(refs("'refs/tags/v*', 'refs/heads/main'"), main), 'refs')).toEqual({
      id: 'refs',
      title: 'ref',
      stage: 'source',
      status: 'fail',
      reason: 'refs/heads/dev is not one of refs/tags/v*, refs/heads/main',
      fix: 'deploy to prod from refs/tags/v* or refs/heads/main',
    });
    const noRef = swap(
      PREDICATE.provenance,
      provenance([{ digest: { gitCommit: COMMIT } }], { signer: cert({ sourceRepositoryRef: undefined }) }),
    );
    expect(check(run(refs("'*'"), noRef), 'refs')).toMatchObject({
      status: 'fail',
      reason: 'the evidence names no source ref (certificate extension 1.3.6.1.4.1.57264.1.14)',
    });
    // A key names no ref at all.
    const key: EvidenceSigner = { kind: 'key', keyId: 'k1' };
    expect(
      check(run(`deploy:\n  prod: { require: [provenance], builder: 'key:k1', refs: ['*'] }\n`, [provenance([], { signer: key })]), 'refs')
        ?.status,
    ).toBe('fail');
    expect(check(run(env()), 'refs')).toBeUndefined();
  });

  it("the certificate's environment wins over the caller's claim", () => {
    const envs = env(', environments: [production]');
    const signedIn = (e: string): Evidence[] =>
      swap(PREDICATE.provenance, provenance([{ digest: { gitCommit: COMMIT } }], { signer: cert({ environment: e }) }));
    expect(check(run(envs, signedIn('staging'), { githubEnvironment: 'production' }), 'github-environment')).toEqual({
      id: 'github-environment',
      title: 'GitHub environment',
      stage: 'gate',
      status: 'fail',
      reason: 'staging is not one of production',
      fix: 'run the deploy job in the GitHub environment production',
    });
    expect(check(run(envs, signedIn('production')), 'github-environment')).toEqual({
      id: 'github-environment',
      title: 'GitHub environment',
      stage: 'gate',
      status: 'pass',
      reason: 'production',
    });
    expect(check(run(envs), 'github-environment')).toMatchObject({
      status: 'fail',
      reason: 'the deploying job names no GitHub environment',
    });
    expect(
      check(run(env(', environments: [production, prod-eu]'), chain(), { githubEnvironment: 'prod-eu' }), 'github-environment')?.status,
    ).toBe('pass');
    expect(check(run(env()), 'github-environment')).toBeUndefined();
  });
});

describe('SBOM and tests', () => {
  it('the SBOM: missing but required refused; SPDX named', () => {
    expect(check(run(env(), swap(PREDICATE.cyclonedx)), 'sbom')).toEqual({
      id: 'sbom',
      title: 'SBOM',
      stage: 'materials',
      status: 'fail',
      reason: 'no signed evidence of this kind for this artefact',
      fix: 'run scan-deps (the materials stage) in the same run',
    });
    expect(check(run(env(), swap(PREDICATE.cyclonedx, ev(PREDICATE.spdx, { packages: [] }))), 'sbom')?.reason).toBe('SPDX 2.3');
    expect(check(run(env('', 'require: [provenance]'), swap(PREDICATE.cyclonedx)), 'sbom')).toBeUndefined();
    expect(check(run(env('', 'require: [provenance]')), 'sbom')?.status).toBe('pass');
  });

  it('tests: FAILED refused with the first five failures, WARNED a warning, none a refusal; missing but required refused', () => {
    const failed = tests({ result: 'FAILED', failedTests: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] });
    expect(check(run(env(), swap(PREDICATE.testResult, failed)), 'tests')).toEqual({
      id: 'tests',
      title: 'tests',
      stage: 'build',
      status: 'fail',
      reason: 'FAILED: 7 failed (a, b, c, d, e)',
      evidence: LABEL,
      fix: 'fix the failing tests and rebuild',
    });
    expect(check(run(env(), swap(PREDICATE.testResult, tests({ result: 'FAILED', failedTests: [] }))), 'tests')?.reason).toBe('FAILED');
    expect(check(run(env(), swap(PREDICATE.testResult, tests({ result: 'WARNED' }))), 'tests')).toEqual({
      id: 'tests',
      title: 'tests',
      stage: 'build',
      status: 'warn',
      reason: 'WARNED',
      evidence: LABEL,
    });
    expect(check(run(env(), swap(PREDICATE.testResult, tests({}))), 'tests')).toMatchObject({ status: 'fail', reason: 'no result' });
    expect(check(run(env(), swap(PREDICATE.testResult)), 'tests')).toEqual({
      id: 'tests',
      title: 'tests',
      stage: 'build',
      status: 'fail',
      reason: 'no signed evidence of this kind for this artefact',
      fix: 'record the test result in the build stage',
    });
    expect(check(run(env('', 'require: [provenance]'), swap(PREDICATE.testResult)), 'tests')).toBeUndefined();
    expect(check(run(env('', 'require: [provenance]'), swap(PREDICATE.testResult, failed)), 'tests')?.status).toBe('fail');
  });

  it('a failed test result is waivable by rule, and says by whom', () => {
    const failed = swap(PREDICATE.testResult, tests({ result: 'FAILED' }));
    const r = run(`${env()}exceptions:\n  - { rule: tests, reason: flaky, approver: erin, expires: 2026-12-01 }\n`, failed);
    expect(check(r, 'tests')).toMatchObject({ status: 'warn', reason: 'FAILED — waived by erin until 2026-12-01' });
    expect(r.allowed).toBe(true);
  });
});

describe('vulnerabilities', () => {
  const high = { id: 'GHSA-1', annotations: [{ severity: 'high', package: 'lodash', version: '4.17.20', fixed: ['4.17.21'] }] };
  const medium = { id: 'GHSA-3', severity: [{ type: 'CVSS_V3', score: '5.0' }] };

  it('a finding at the block severity refuses; below it passes; the count and ages are said', () => {
    const r = run(env(', block-severity: high'), swap(PREDICATE.vulns, scan([high, medium])));
    expect(check(r, 'vulnerabilities')).toEqual({
      id: 'vulnerabilities',
      title: 'vulnerabilities',
      stage: 'materials',
      status: 'fail',
      reason: '1 at or above high: high: GHSA-1 in lodash@4.17.20 (fixed in 4.17.21)',
      evidence: 'scan 1 h old (DB 6 h old)',
      fix: 'upgrade, or add a waiver with an expiry',
    });
    expect(check(run(env(', block-severity: critical'), swap(PREDICATE.vulns, scan([high, medium]))), 'vulnerabilities')).toMatchObject({
      status: 'pass',
      reason: 'none at or above critical (2 reported)',
    });
    expect(
      check(
        run(env(', block-severity: high'), swap(PREDICATE.vulns, scan([{ id: 'X-1', severity: [{ score: 'CRITICAL' }] }]))),
        'vulnerabilities',
      )?.reason,
    ).toBe('1 at or above high: critical: X-1');
  });

  it('a malformed severity in a signed scan is no severity, so critical: refused, never a crash', () => {
    for (const severity of ['high', [null], [{ score: 7 }], [{}], { score: 'low' }]) {
      const r = run(env(', block-severity: critical'), swap(PREDICATE.vulns, scan([{ id: 'X-2', severity }])));
      expect(check(r, 'vulnerabilities')).toMatchObject({ status: 'fail', reason: '1 at or above critical: critical: X-2' });
    }
    // The highest of several scores counts.
    const mixed = scan([{ id: 'X-3', severity: [{ score: '3.0' }, { score: '7.5' }, { score: '5.0' }] }]);
    expect(check(run(env(', block-severity: high'), swap(PREDICATE.vulns, mixed)), 'vulnerabilities')?.reason).toBe(
      '1 at or above high: high: X-3',
    );
  });

  it('missing but required refused; the scan time and database time may be unknown', () => {
    expect(check(run(env(), swap(PREDICATE.vulns)), 'vulnerabilities')).toEqual({
      id: 'vulnerabilities',
      title: 'vulnerabilities',
      stage: 'materials',
      status: 'fail',
      reason: 'no signed evidence of this kind for this artefact',
      fix: 'run scan-deps (the materials stage) in the same run',
    });
    expect(check(run(env('', 'require: [provenance]'), swap(PREDICATE.vulns)), 'vulnerabilities')).toBeUndefined();
    expect(check(run(env(), swap(PREDICATE.vulns, scan([], null, { at: null }))), 'vulnerabilities')?.evidence).toBe('scan time unknown');
    expect(check(run(env(), swap(PREDICATE.vulns, scan([], 'not a date'))), 'vulnerabilities')?.evidence).toBe('scan 1 h old');
  });

  it('a waiver by advisory or alias passes the finding as waived; an expired one blocks and says so', () => {
    const crit = swap(
      PREDICATE.vulns,
      scan([{ id: 'GHSA-2', annotations: [{ aliases: ['CVE-2026-1'], package: 'minimist', version: '1.2.0' }] }]),
    );
    const byAlias = run(
      `${env()}exceptions:\n  - { advisory: CVE-2026-1, reason: unreachable, approver: dan, expires: 2026-12-01 }\n`,
      crit,
    );
    expect(check(byAlias, 'vulnerabilities')).toMatchObject({
      status: 'pass',
      reason: 'none at or above critical (1 reported, GHSA-2 waived by dan until 2026-12-01)',
    });
    expect(check(byAlias, 'waivers')).toEqual({
      id: 'waivers',
      title: 'waivers',
      stage: 'gate',
      status: 'warn',
      reason: 'CVE-2026-1 waived by dan until 2026-12-01 (unreachable)',
      evidence: expect.stringMatching(/^policy sha256:[0-9a-f]{4}…[0-9a-f]{4}$/),
    });
    const expired = run(`${env()}exceptions:\n  - { advisory: GHSA-2, reason: old, approver: dan, expires: 2026-11-01 }\n`, crit);
    expect(check(expired, 'vulnerabilities')?.reason).toBe(
      '1 at or above critical: critical: GHSA-2 in minimist@1.2.0 — its waiver by dan expired 2026-11-01',
    );
    expect(check(expired, 'waivers')).toMatchObject({
      status: 'fail',
      reason: 'GHSA-2 EXPIRED by dan until 2026-11-01 (old)',
      fix: 'fix what the expired waiver covered, or renew it with a new expiry and approver',
    });
    expect(expired.waivers).toEqual([
      { index: 0, scope: 'GHSA-2', reason: 'old', approver: 'dan', expires: '2026-11-01', state: 'expired' },
    ]);
    // Scoped to another environment or another package version: not this finding's waiver.
    expect(
      fails(
        run(`${env()}exceptions:\n  - { advisory: GHSA-2, environment: staging, reason: r, approver: dan, expires: 2026-12-01 }\n`, crit),
      ),
    ).toEqual(['vulnerabilities']);
    expect(
      fails(run(`${env()}exceptions:\n  - { package: minimist@1.2.1, reason: r, approver: dan, expires: 2026-12-01 }\n`, crit)),
    ).toEqual(['vulnerabilities']);
    expect(
      fails(run(`${env()}exceptions:\n  - { package: minimist@1.2.0, reason: r, approver: dan, expires: 2026-12-01 }\n`, crit)),
    ).toEqual([]);
  });
});

describe('freshness', () => {
  const withScan = (s: Evidence, extra = ''): Result => run(env(extra), swap(PREDICATE.vulns, s));

  it('a scan without a trusted time is refused, blaming the signing', () => {
    expect(check(withScan(scan([], null, { at: null })), 'scan-age')).toEqual({
      id: 'scan-age',
      title: 'scan age',
      stage: 'attest',
      status: 'fail',
      reason: 'the scan bundle carries no transparency-log or timestamp time',
      fix: 'sign with a transparency log or a timestamp authority (attest inputs rekor-url or tsa-url)',
    });
  });

  it('a scan from the future is refused beyond five minutes of clock skew', () => {
    expect(check(withScan(scan([], '2026-11-25T06:00:00Z', { at: new Date(NOW.getTime() + 6 * 60_000) })), 'scan-age')).toEqual({
      id: 'scan-age',
      title: 'scan age',
      stage: 'materials',
      status: 'fail',
      reason: "the scan's trusted time Rekor 2026-11-25 12:06 UTC is in the future",
      fix: "check this machine's clock",
    });
    expect(check(withScan(scan([], '2026-11-25T06:00:00Z', { at: new Date(NOW.getTime() + 5 * 60_000) })), 'scan-age')).toMatchObject({
      status: 'pass',
      reason: '0 min old by Rekor 2026-11-25 12:05 UTC',
    });
  });

  it('older than max-scan-age is refused; exactly the limit passes', () => {
    expect(
      check(withScan(scan([], '2026-11-24T12:00:00Z', { at: new Date(NOW.getTime() - 25 * HOUR) }), ', max-database-age: 3d'), 'scan-age'),
    ).toEqual({
      id: 'scan-age',
      title: 'scan age',
      stage: 'materials',
      status: 'fail',
      reason: '25 h old by Rekor 2026-11-24 11:00 UTC; the limit is 1d',
      fix: 'rescan (run the factory again) and gate with the fresh evidence',
    });
    expect(check(withScan(scan([], '2026-11-24T12:00:00Z', { at: new Date(NOW.getTime() - 24 * HOUR) })), 'scan-age')?.status).toBe('pass');
    expect(
      check(withScan(scan([], '2026-11-25T06:00:00Z', { at: new Date(NOW.getTime() - 2 * HOUR) }), ', max-scan-age: 1h'), 'scan-age')
        ?.reason,
    ).toBe('2 h old by Rekor 2026-11-25 10:00 UTC; the limit is 1h');
  });

  it('the database: no date refused; a date after the signing refused; older than max-database-age refused; exactly the limit passes', () => {
    expect(check(withScan(scan([], null)), 'database-age')).toEqual({
      id: 'database-age',
      title: 'database age',
      stage: 'materials',
      status: 'fail',
      reason: 'the scan does not say when its vulnerability database was updated',
      fix: 'use a scanner that records scanner.database.lastUpdate',
    });
    expect(check(withScan(scan([], 'yesterday')), 'database-age')?.status).toBe('fail');
    expect(check(withScan(scan([], '2026-11-25T11:06:00Z')), 'database-age')).toEqual({
      id: 'database-age',
      title: 'database age',
      stage: 'materials',
      status: 'fail',
      reason: 'the database claims an update (2026-11-25T11:06:00Z) after the scan was signed',
      fix: 'the scan statement is inconsistent; rescan',
    });
    expect(check(withScan(scan([], '2026-11-25T11:05:00Z')), 'database-age')).toMatchObject({ status: 'pass', reason: '55 min old' });
    // A scan without a trusted time cannot be compared with its database date; the age still applies.
    expect(check(withScan(scan([], '2026-11-25T11:30:00Z', { at: null })), 'database-age')?.status).toBe('pass');
    expect(check(withScan(scan([], '2026-11-22T12:00:00Z')), 'database-age')).toEqual({
      id: 'database-age',
      title: 'database age',
      stage: 'materials',
      status: 'fail',
      reason: '3 d old; the limit is 2d',
      fix: 'update the vulnerability database and rescan',
    });
    expect(check(withScan(scan([], '2026-11-23T12:00:00Z')), 'database-age')).toMatchObject({ status: 'pass', reason: '2 d old' });
    expect(check(withScan(scan([], '2026-11-25T10:00:00Z'), ', max-database-age: 1h'), 'database-age')?.reason).toBe(
      '2 h old; the limit is 1h',
    );
  });

  it('an old database is waivable by rule database-age; the scan age is not', () => {
    const old = scan([], '2026-11-20T12:00:00Z', { at: new Date(NOW.getTime() - 30 * HOUR) });
    const r = run(
      `${env()}exceptions:\n  - { rule: database-age, reason: mirror lag, approver: fay, expires: 2026-12-01 }\n  - { rule: scan-age, reason: no, approver: fay, expires: 2026-12-01 }\n`,
      swap(PREDICATE.vulns, old),
    );
    expect(check(r, 'database-age')).toMatchObject({ status: 'warn', reason: '5 d old; the limit is 2d — waived by fay until 2026-12-01' });
    expect(check(r, 'scan-age')?.status).toBe('fail');
    expect(r.allowed).toBe(false);
  });

  it('no scan in use: no freshness checks', () => {
    const r = run(env('', 'require: [provenance]'), swap(PREDICATE.vulns));
    expect(check(r, 'scan-age')).toBeUndefined();
    expect(check(r, 'database-age')).toBeUndefined();
  });
});

describe('open remediations (the closed loop)', () => {
  const rem = (over: Partial<Remediation> = {}): Remediation => ({
    advisory: 'GHSA-9',
    aliases: ['CVE-2026-9'],
    package: { ecosystem: 'npm', name: 'tar', version: '6.0.0' },
    severity: 'high',
    fixedVersions: ['6.2.1'],
    digests: [`sha256:${DIGEST}`],
    environments: ['prod'],
    firstSeen: '2026-11-24T08:00:00Z',
    deadline: '2026-11-25T08:00:00Z',
    status: 'open',
    ...over,
  });

  it('an open remediation refuses, saying when its deadline passed', () => {
    const r = run(env(), chain(), {
      openRemediations: [rem(), rem({ advisory: 'GHSA-8', fixedVersions: [], deadline: '2026-11-26T08:00:00Z' })],
    });
    expect(check(r, 'remediations')).toEqual({
      id: 'remediations',
      title: 'open remediations',
      stage: 'materials',
      status: 'fail',
      reason:
        'high: GHSA-9 in tar@6.0.0 (fixed in 6.2.1), found by the rescan 2026-11-24, deadline 2026-11-25T08:00:00Z (passed); ' +
        'high: GHSA-8 in tar@6.0.0, found by the rescan 2026-11-24, deadline 2026-11-26T08:00:00Z',
      evidence: 'remediations.json (rescan)',
      fix: 'rebuild with the fixed versions, or add a waiver with an expiry',
    });
    expect(r.allowed).toBe(false);
    expect(check(run(env(), chain(), { openRemediations: [] }), 'remediations')).toBeUndefined();
  });

  it('a waiver turns it into a warning; an expired waiver still refuses', () => {
    const ok = run(`${env()}exceptions:\n  - { advisory: CVE-2026-9, reason: r, approver: gus, expires: 2026-12-01 }\n`, chain(), {
      openRemediations: [rem()],
    });
    expect(check(ok, 'remediations')).toMatchObject({ status: 'warn', reason: 'GHSA-9 waived by gus until 2026-12-01' });
    expect(check(ok, 'remediations')?.fix).toBeUndefined();
    expect(ok.allowed).toBe(true);
    const old = run(`${env()}exceptions:\n  - { package: tar@6.0.0, reason: r, approver: gus, expires: 2026-11-20 }\n`, chain(), {
      openRemediations: [rem()],
    });
    expect(check(old, 'remediations')?.reason).toMatch(/ — its waiver by gus expired 2026-11-20$/);
    expect(fails(old)).toEqual(['remediations', 'waivers']);
  });
});

describe('registries', () => {
  const images = (...purls: string[]): Evidence[] => swap(PREDICATE.cyclonedx, sbom(purls));
  const PINNED = `pkg:docker/acme/base@sha256:${'b'.repeat(64)}?repository_url=ghcr.io`;

  it('an image from another registry, or not pinned by digest, is refused', () => {
    const r = run(env(), images(PINNED, 'pkg:docker/node@sha256:' + 'e'.repeat(64), 'pkg:docker/acme/base:1.0?repository_url=ghcr.io'));
    expect(check(r, 'registries')).toEqual({
      id: 'registries',
      title: 'image registries',
      stage: 'materials',
      status: 'fail',
      reason: 'ghcr.io/acme/base:1.0 is not pinned by digest; docker.io/library/node is not from an allowed registry',
      fix: 'use images from ghcr.io/acme, pinned by @sha256 digest',
    });
    expect(check(run(env(), images('pkg:docker/acme/base?repository_url=ghcr.io')), 'registries')?.reason).toBe(
      'ghcr.io/acme/base:latest is not pinned by digest',
    );
  });

  it('pinned: tag accepts a tag; no registries listed accepts any registry', () => {
    const noList = `deploy:\n  prod: { require: [provenance], builder: ${BUILDER} }\n`;
    expect(check(run(noList, images('pkg:docker/node@sha256:' + 'e'.repeat(64))), 'registries')).toMatchObject({
      status: 'pass',
      reason: '1 image(s), all allowed, by digest',
    });
    expect(check(run(noList, images('pkg:docker/node:20')), 'registries')).toMatchObject({
      status: 'fail',
      fix: 'use images from an allowed registry, pinned by @sha256 digest',
    });
    expect(
      check(
        run(`materials: { images: { pinned: tag } }\n${env()}`, images('pkg:docker/acme/base:1.0?repository_url=ghcr.io')),
        'registries',
      ),
    ).toMatchObject({
      status: 'pass',
      reason: '1 image(s), all from ghcr.io/acme',
    });
    expect(check(run(noList, images()), 'registries')).toBeUndefined();
    expect(check(run(env(), images()), 'registries')).toMatchObject({ status: 'pass', reason: 'no container images' });
  });

  it('images named by the provenance count too', () => {
    const prov = provenance([
      { uri: 'pkg:docker/evil/img@sha256:' + 'f'.repeat(64) + '?repository_url=quay.io', digest: { gitCommit: COMMIT } },
    ]);
    const r = run(env(), swap(PREDICATE.provenance, prov));
    expect(check(r, 'registries')).toMatchObject({ status: 'fail', reason: 'quay.io/evil/img is not from an allowed registry' });
    expect(r.allowed).toBe(false);
  });

  it('waivable by rule registries', () => {
    const r = run(
      `${env()}exceptions:\n  - { rule: registries, reason: migrating, approver: carol, expires: 2026-12-01 }\n`,
      images('pkg:docker/node:20'),
    );
    expect(check(r, 'registries')?.status).toBe('warn');
  });
});

describe('rules', () => {
  const rules = (list: string): string => env(`, rules: [${list}]`);

  it('a false rule refuses with its message, or the expression when it has none; a true one holds', () => {
    const r = run(
      rules(
        `{ name: no-tests, expression: 'tests.result == "FAILED"', message: 'tests must have failed' }, { name: two, expression: '1 == 2' }, { name: yes, expression: 'true' }`,
      ),
    );
    expect(r.checks.filter((c) => c.id.startsWith('rule:'))).toEqual([
      {
        id: 'rule:no-tests',
        title: 'rule no-tests',
        stage: 'gate',
        status: 'fail',
        reason: 'tests must have failed',
        fix: 'meet the rule or waive it with an exception (rule: no-tests)',
      },
      {
        id: 'rule:two',
        title: 'rule two',
        stage: 'gate',
        status: 'fail',
        reason: '1 == 2 is false',
        fix: 'meet the rule or waive it with an exception (rule: two)',
      },
      { id: 'rule:yes', title: 'rule yes', stage: 'gate', status: 'pass', reason: 'holds' },
    ]);
  });

  it('a rule that errors refuses with the error', () => {
    const r = run(rules(`{ name: boom, expression: 'provenance.nope.deeper == 1' }`));
    expect(check(r, 'rule:boom')).toMatchObject({ status: 'fail', fix: 'meet the rule or waive it with an exception (rule: boom)' });
    expect(check(r, 'rule:boom')?.reason).not.toBe('holds');
    expect(check(r, 'rule:boom')?.reason).not.toMatch(/is false$/);
  });

  it('rules see the typed evidence: subject, environment, identity, findings, statements', () => {
    const ctx = [
      `subject.digest == "sha256:${DIGEST}"`,
      'subject.name == "app-1.0.tgz"',
      'environment == "prod"',
      `now == "${NOW.toISOString()}"`,
      'identity.sourceRepositoryRef == "refs/tags/v2.0.0"',
      'size(findings) == 1 && findings[0].id == "GHSA-5" && findings[0].severity == "low" && findings[0].package == "" && findings[0].fixed == ""',
      'size(statements) == 5 && statements.exists(s, s.kind == "tests" && s.subjectCount == 1 && s.trustedTime == "2026-11-25T11:00:00.000Z")',
      'source.verificationResult == "PASSED" && sbom.components.size() == 1 && vulns.scanner.uri == "x" && provenance.buildDefinition.buildType == "x"',
    ];
    const r = run(
      rules(ctx.map((e, i) => `{ name: r${i}, expression: '${e}' }`).join(', ')),
      swap(PREDICATE.vulns, scan([{ id: 'GHSA-5', severity: [{ type: 'CVSS_V3', score: '3.1' }] }])),
      { name: 'app-1.0.tgz' },
    );
    expect(r.checks.filter((c) => c.id.startsWith('rule:')).map((c) => `${c.id} ${c.status} ${c.reason}`)).toEqual(
      ctx.map((_, i) => `rule:r${i} pass holds`),
    );
    const bare = run(
      rules(
        `{ name: empty, expression: 'subject.name == "" && tests == null && identity == {} && statements.exists(s, s.kind == "tests" && s.trustedTime == "")' }`,
      ),
      swap(PREDICATE.testResult, tests(undefined, { at: null })),
      {},
    );
    expect(check(bare, 'rule:empty')).toMatchObject({ status: 'fail' });
    const keyed: EvidenceSigner = { kind: 'key', keyId: 'k1' };
    const k = run(
      `deploy:\n  prod: { require: [provenance], builder: 'key:k1', rules: [{ name: id, expression: 'identity == {} && tests == null' }] }\n`,
      [provenance([], { signer: keyed })],
    );
    expect(check(k, 'rule:id')?.status).toBe('pass');
  });

  it('a failed rule is waivable by its name or by rule:NAME', () => {
    const fail = rules(`{ name: two, expression: '1 == 2' }`);
    const byName = run(`${fail}exceptions:\n  - { rule: two, reason: r, approver: hal, expires: 2026-12-01 }\n`);
    expect(check(byName, 'rule:two')).toMatchObject({ status: 'warn', reason: '1 == 2 is false — waived by hal until 2026-12-01' });
    const byId = run(`${fail}exceptions:\n  - { rule: 'rule:two', reason: r, approver: hal, expires: 2026-12-01 }\n`);
    expect(check(byId, 'rule:two')?.status).toBe('warn');
    const expired = run(`${fail}exceptions:\n  - { rule: 'rule:two', reason: r, approver: hal, expires: 2026-11-01 }\n`);
    expect(check(expired, 'rule:two')).toMatchObject({ status: 'fail', reason: '1 == 2 is false — its waiver by hal expired 2026-11-01' });
  });
});

describe('waivers', () => {
  it('the chain itself cannot be waived: a rule waiver for builder, signatures or same-run changes nothing', () => {
    const book = waiverBook(
      parsePolicy(
        'apiVersion: secure-factory/v1\nexceptions:\n' +
          ['builder', 'signatures', 'same-run', 'source', 'sbom', 'vulnerabilities', 'scan-age', 'remediations', 'waivers', 'isolation']
            .map((r) => `  - { rule: ${r}, reason: r, approver: ian, expires: 2026-12-01 }\n`)
            .join(''),
        'p.yml',
        { now: NOW },
      ),
      DIGEST,
      'prod',
      NOW,
    );
    for (const id of [
      'builder',
      'signatures',
      'same-run',
      'source',
      'sbom',
      'vulnerabilities',
      'scan-age',
      'remediations',
      'waivers',
      'isolation',
    ]) {
      const c: Check = { id, title: id, stage: 'gate', status: 'fail', reason: 'no' };
      expect(waive(c, book)).toBe(c);
    }
    expect(book.waivers).toEqual([]);
    const r = run(
      `${env()}exceptions:\n  - { rule: builder, reason: r, approver: ian, expires: 2026-12-01 }\n`,
      swap(
        PREDICATE.provenance,
        provenance([], { signer: cert({ buildSignerUri: 'https://github.com/evil/x/.github/workflows/x.yml@refs/tags/v1' }) }),
      ),
    );
    expect(check(r, 'builder')?.status).toBe('fail');
    expect(r.waivers).toEqual([]);
  });

  it('only a failed check is waived; the waiver is recorded once however often it is used', () => {
    const policy = parsePolicy(
      'apiVersion: secure-factory/v1\nexceptions:\n  - { rule: tests, reason: flaky, approver: jo, expires: 2026-12-01 }\n',
      'p.yml',
      { now: NOW },
    );
    const book = waiverBook(policy, DIGEST, 'prod', NOW);
    const pass: Check = { id: 'tests', title: 'tests', stage: 'build', status: 'pass', reason: 'ok' };
    expect(waive(pass, book)).toBe(pass);
    const warn: Check = { ...pass, status: 'warn' };
    expect(waive(warn, book)).toBe(warn);
    expect(book.waivers).toEqual([]);
    const failed: Check = { ...pass, status: 'fail', reason: 'FAILED' };
    expect(waive(failed, book)).toEqual({ ...failed, status: 'warn', reason: 'FAILED — waived by jo until 2026-12-01' });
    waive(failed, book);
    expect(book.waivers).toEqual([{ index: 0, scope: 'tests', reason: 'flaky', approver: 'jo', expires: '2026-12-01', state: 'used' }]);
    // Another digest or environment in the waiver's scope: not waived.
    const scoped = parsePolicy(
      `apiVersion: secure-factory/v1\nexceptions:\n  - { rule: tests, digest: 'sha256:${'f'.repeat(64)}', reason: r, approver: jo, expires: 2026-12-01 }\n  - { rule: tests, environment: staging, reason: r, approver: jo, expires: 2026-12-01 }\n`,
      'p.yml',
      { now: NOW },
    );
    const other = waiverBook(scoped, DIGEST, 'prod', NOW);
    expect(waive(failed, other)).toBe(failed);
    const mine = waiverBook(scoped, 'f'.repeat(64), 'prod', NOW);
    expect(waive(failed, mine).status).toBe('warn');
  });

  it('a waiver that is both used and expired is listed in both states; used alone is a warning', () => {
    const r = run(
      `${env()}exceptions:\n  - { rule: registries, reason: a, approver: kim, expires: 2026-11-01 }\n  - { rule: registries, reason: b, approver: kim, expires: 2026-12-01 }\n`,
      swap(PREDICATE.cyclonedx, sbom(['pkg:docker/node:20'])),
    );
    expect(check(r, 'registries')?.status).toBe('warn');
    expect(check(r, 'waivers')).toMatchObject({ status: 'warn' });
    expect(r.waivers.map((w) => w.state)).toEqual(['used']);
  });
});

describe('context helpers', () => {
  it('newest picks the latest trusted time; no time sorts last', () => {
    const a = tests(undefined, { at: new Date(NOW.getTime() - 3 * HOUR) });
    const b = tests(undefined, { at: new Date(NOW.getTime() - HOUR) });
    const c = tests(undefined, { at: null });
    expect(newest([a, b, c])).toBe(b);
    expect(newest([c, a])).toBe(a);
    expect(newest([])).toBeUndefined();
    expect(timeLabel(c)).toBe('no trusted time');
    expect(timeLabel({ trustedTime: { time: NOW, source: 'tsa' } })).toBe('TSA 2026-11-25 12:00 UTC');
    expect(timeLabel({ trustedTime: { time: NOW, source: 'key' } })).toBe('key made 2026-11-25 12:00 UTC');
  });
});

describe('verified levels', () => {
  it('Build L3 only with a reusable workflow other than the caller; L2 when the caller signed; nothing when refused', () => {
    expect(run(env()).verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']);
    const self = cert({ buildConfigUri: `https://github.com/${BUILDER}@refs/tags/v1.0.0` });
    const selfSigned = chain().map((e) => ({ ...e, signer: self }));
    expect(run(env(), selfSigned).verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_2', 'SLSA_SOURCE_LEVEL_2']);
    expect(run(env(), swap(PREDICATE.testResult, tests({ result: 'FAILED' }))).verifiedLevels).toEqual([]);
    const levels = swap(PREDICATE.vsa, sourceVsa('PASSED', ['SLSA_SOURCE_LEVEL_1', 'SLSA_SOURCE_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']));
    expect(run(env(), levels).verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_3']);
    expect(run(env('', 'require: [tests]'), swap(PREDICATE.vsa)).verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3']);
    expect(run(env('', 'require: [tests]'), [tests()]).verifiedLevels).toEqual([]);
  });
});

describe('builder identity: every refusal names exactly what was set aside', () => {
  const foreign = cert({ buildSignerUri: 'https://github.com/evil/sf/.github/workflows/sf.yml@refs/tags/v1.0.0' });
  const otherForeign = cert({ buildSignerUri: 'https://github.com/evil/other/.github/workflows/x.yml@refs/tags/v9' });
  const EVIL = 'evil/sf/.github/workflows/sf.yml@refs/tags/v1.0.0';
  const OTHER = 'evil/other/.github/workflows/x.yml@refs/tags/v9';

  it('two provenances by other signers: both reasons, separated, in the refusal', () => {
    const r = run(env(), swap(PREDICATE.provenance, provenance([], { signer: foreign }), provenance([], { signer: otherForeign })));
    expect(check(r, 'builder')).toEqual({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'fail',
      reason: `provenance: signed by ${EVIL}, expected ${BUILDER}; provenance: signed by ${OTHER}, expected ${BUILDER}`,
      fix: 'build with the factory workflow named in the policy, pinned by tag or commit SHA',
    });
    expect(r.allowed).toBe(false);
  });

  it('no provenance, but other kinds by other signers: the refusal is "no provenance signed by", not their reasons', () => {
    const r = run(env(), [...swap(PREDICATE.provenance), tests(undefined, { signer: foreign })]);
    expect(check(r, 'builder')).toEqual({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'fail',
      reason: `no provenance signed by ${BUILDER}`,
      fix: 'build with the factory workflow named in the policy, pinned by tag or commit SHA',
    });
    expect(r.allowed).toBe(false);
  });

  it('two bundles by other signers beside the builder: the warning lists both, separated', () => {
    const r = run(env(), [...chain(), tests(undefined, { signer: foreign }), sbom([], { signer: otherForeign })]);
    expect(check(r, 'builder')).toEqual({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'warn',
      reason:
        `${BUILDER}@refs/tags/v1.0.0; ignored 2 bundle(s) by other signers: ` +
        `tests: signed by ${EVIL}, expected ${BUILDER}; sbom: signed by ${OTHER}, expected ${BUILDER}`,
      evidence: `provenance, ${LABEL}`,
    });
  });

  it('a key-signed provenance from the pinned key passes, named by its key', () => {
    const key: EvidenceSigner = { kind: 'key', keyId: 'k1' };
    const r = run(`deploy:\n  prod: { require: [provenance], builder: 'key:k1' }\n`, [provenance([], { signer: key })]);
    expect(check(r, 'builder')).toEqual({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'pass',
      reason: 'key k1',
      evidence: `provenance, ${LABEL}`,
    });
  });

  it('no provenance required, none there and no other signer: no builder result at all', () => {
    const ctx = { required: new Set(['tests']), used: {}, wrongIdentity: [], builder: BUILDER, environment: 'prod' };
    expect(builderIdentityCheck(ctx as unknown as GateContext)).toEqual([]);
  });
});

describe('the levels an admission vouches for (the VSA verifiedLevels)', () => {
  const withSigner = (signer: EvidenceSigner): Evidence[] => chain().map((e) => ({ ...e, signer }));
  it('Build L3 for a reusable workflow other than the caller, and the highest source level the source VSA names', () => {
    const r = run(env());
    expect(r.allowed).toBe(true);
    expect(r.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']);
  });

  it('Build L2 when the signing workflow is the caller itself (not isolated from the build steps)', () => {
    const signer = `https://github.com/${BUILDER}@refs/tags/v1.0.0`;
    const r = run(env(), withSigner(cert({ buildConfigUri: signer })));
    expect(fails(r)).toEqual([]);
    expect(r.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_2', 'SLSA_SOURCE_LEVEL_2']);
  });

  it('only whole SLSA_SOURCE_LEVEL_<n> names count: look-alikes in a source VSA are never vouched for', () => {
    const require = 'require: [provenance, sbom, vulnerabilities, tests]';
    const levels = [
      'SLSA_SOURCE_LEVEL_1',
      'SLSA_SOURCE_LEVEL_9_unverified',
      'SLSA_SOURCE_LEVEL_xSLSA_SOURCE_LEVEL_8',
      'SLSA_SOURCE_LEVEL_',
    ];
    const r = run(env('', require), swap(PREDICATE.vsa, sourceVsa('PASSED', levels)));
    expect(fails(r)).toEqual([]);
    expect(r.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_1']);
    // A level that is not a source level at all: the VSA is not source evidence, and no source level is vouched for.
    const none = run(env('', require), swap(PREDICATE.vsa, sourceVsa('PASSED', ['X_SLSA_SOURCE_LEVEL_3'])));
    expect(none.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3']);
  });

  it('a refusal vouches for nothing', () => {
    const r = run(env(), swap(PREDICATE.testResult));
    expect(r.allowed).toBe(false);
    expect(r.verifiedLevels).toEqual([]);
  });
});
