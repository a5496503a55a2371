/**
 * slsa-verifier's meaning for each flag, on top of a bundle verdict: which signers are trusted, the
 * builder id, a release ref, the source, branch, tag, versioned tag and workflow inputs, each refused
 * with slsa-verifier's error name; and GitHub artifact attestations held to --builder-id and the
 * source. The verdicts come from a BundleVerifier given here, so each rule is checked alone.
 */
import type { Statement } from '@secure-factory/core';
import { artifactFromDigest } from './artifact.js';
import type { CertificateIdentity } from './certificate.js';
import {
  GITHUB_WORKFLOW_BUILD_TYPE,
  parseProvenanceFile,
  verifyArtifactProvenance,
  verifyGithubAttestation,
  verifySlsaProvenance,
  type SlsaVerifyOptions,
} from './slsa-verifier.js';
import type { BundleVerdict, BundleVerifier, FailureCode, VerifyPolicy } from './verifier.js';

const GEN = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/';
const GENERIC = `${GEN}generator_generic_slsa3.yml@refs/tags/v1.9.0`;
const DELEGATOR = `${GEN}delegator_generic_slsa3.yml@refs/tags/v1.9.0`;
const ARTIFACT = artifactFromDigest(`sha256:${'a'.repeat(64)}`);
const SHA = 'c'.repeat(40);

function v02(uri: string, extra: { builder?: string; baseRef?: string; inputs?: Record<string, unknown> } = {}): Statement {
  return {
    _type: 'https://in-toto.io/Statement/v0.1',
    subject: [{ name: 'x', digest: { sha256: 'a'.repeat(64) } }],
    predicateType: 'https://slsa.dev/provenance/v0.2',
    predicate: {
      builder: { id: extra.builder ?? GENERIC },
      invocation: {
        configSource: { uri, digest: { sha1: SHA }, entryPoint: '.github/workflows/release.yml' },
        environment: { github_event_payload: { base_ref: extra.baseRef, inputs: extra.inputs ?? {} } },
      },
    },
  } as unknown as Statement;
}

function verdict(statement: Statement, identity: CertificateIdentity): BundleVerdict {
  return {
    ok: true,
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    statement,
    payloadType: 'application/vnd.in-toto+json',
    signer: { kind: 'certificate', identity },
    trustRoot: 'public-good',
    timestamps: [],
    witnessed: [],
    ignoredTimestamps: 0,
  };
}

function answering(v: BundleVerdict): BundleVerifier & { policies: (VerifyPolicy | undefined)[] } {
  const policies: (VerifyPolicy | undefined)[] = [];
  return { trustedRootSource: 'test', policies, verify: (_b, _a, p) => (policies.push(p), v) };
}

const SOURCE = 'github.com/acme/app';
const slsa = (st: Statement, options: Partial<SlsaVerifyOptions> = {}, san = GENERIC) =>
  verifySlsaProvenance(answering(verdict(st, { subjectAlternativeName: san, buildSignerUri: san })), {}, [ARTIFACT], {
    sourceUri: SOURCE,
    ...options,
  });
const TAGGED = v02('git+https://github.com/acme/app@refs/tags/v1.2.3');
const BRANCH = v02('git+https://github.com/acme/app@refs/heads/main');

describe('verifySlsaProvenance', () => {
  it('accepts a trusted generator at a release, for its source, and asks the verifier for a GitHub Actions statement', () => {
    const v = answering(verdict(TAGGED, { subjectAlternativeName: GENERIC }));
    expect(verifySlsaProvenance(v, {}, [ARTIFACT], { sourceUri: SOURCE })).toStrictEqual({
      ok: true,
      builderId: GENERIC,
      statement: TAGGED,
      sourceUri: SOURCE,
    });
    expect(v.policies).toStrictEqual([
      { issuer: 'https://token.actions.githubusercontent.com', requireStatement: true, checkClaims: true },
    ]);
  });

  it.each<[FailureCode, string]>([
    ['ARTIFACT_MISMATCH', 'ErrorMismatchHash'],
    ['TRANSPARENCY_LOG', 'ErrorRekorSearch'],
    ['MALFORMED', 'ErrorInvalidDssePayload'],
    ['UNSUPPORTED', 'ErrorInvalidDssePayload'],
    ['CLAIMS', 'ErrorMismatchSource'],
  ])('a %s verdict is %s', (failure, error) => {
    expect(verifySlsaProvenance(answering({ ok: false, code: failure, reason: 'r' }), {}, [ARTIFACT], { sourceUri: SOURCE })).toStrictEqual(
      {
        ok: false,
        error,
        reason: 'r',
      },
    );
  });

  it('any other failure is ErrorInvalidSignature, with its code', () => {
    for (const failure of ['SIGNATURE', 'CERTIFICATE', 'IDENTITY', 'TIMESTAMP'] as const)
      expect(
        verifySlsaProvenance(answering({ ok: false, code: failure, reason: 'r' }), {}, [ARTIFACT], { sourceUri: SOURCE }),
      ).toStrictEqual({
        ok: false,
        error: 'ErrorInvalidSignature',
        reason: `${failure}: r`,
      });
  });

  it('needs an artefact and a certificate signer', () => {
    const none = { ok: false, error: 'ErrorInvalidSignature', reason: 'no artefact given, or the bundle is not signed by a certificate' };
    expect(verifySlsaProvenance(answering(verdict(TAGGED, {})), {}, [], { sourceUri: SOURCE })).toStrictEqual(none);
    const keyed = {
      ...(verdict(TAGGED, {}) as Extract<BundleVerdict, { ok: true }>),
      signer: { kind: 'key' as const, keyId: 'sha256:00' },
    };
    expect(verifySlsaProvenance(answering(keyed), {}, [ARTIFACT], { sourceUri: SOURCE })).toStrictEqual(none);
    expect(verifySlsaProvenance(answering(verdict(TAGGED, {})), {}, [ARTIFACT], { sourceUri: SOURCE })).toStrictEqual(none);
  });

  it('the signer is the build signer URI, else the SAN; only the listed generators are trusted', () => {
    expect(
      verifySlsaProvenance(answering(verdict(TAGGED, { subjectAlternativeName: 'x', buildSignerUri: GENERIC })), {}, [ARTIFACT], {
        sourceUri: SOURCE,
      }).ok,
    ).toBe(true);
    const evil = 'https://github.com/evil/generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v1.9.0';
    expect(slsa(TAGGED, {}, evil)).toStrictEqual({
      ok: false,
      error: 'ErrorUntrustedReusableWorkflow',
      reason: `the provenance was signed by ${evil}, which is not a trusted SLSA builder`,
    });
    for (const f of ['generator_container_slsa3.yml', 'builder_go_slsa3.yml', 'builder_container-based_slsa3.yml'])
      expect(slsa(TAGGED, {}, `${GEN}${f}@refs/tags/v2.0.0`).ok).toBe(true);
  });

  it('a release tag is required of the builder', () => {
    expect(slsa(TAGGED, {}, `${GEN}generator_generic_slsa3.yml@refs/heads/main`)).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidRef',
      reason: `the builder ${GEN}generator_generic_slsa3.yml@refs/heads/main is not referenced by a release tag`,
    });
    expect(slsa(TAGGED, {}, `${GEN}generator_generic_slsa3.yml`)).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidRef',
      reason: `the builder ${GEN}generator_generic_slsa3.yml is not referenced by a release tag`,
    });
    expect(slsa(TAGGED, {}, `${GEN}generator_generic_slsa3.yml@v1.2`)).toMatchObject({ ok: false, error: 'ErrorInvalidRef' });
    expect(slsa(TAGGED, {}, `${GEN}generator_generic_slsa3.yml@x/v1.2.3`)).toMatchObject({ ok: false, error: 'ErrorInvalidRef' });
    expect(slsa(TAGGED, {}, `${GEN}generator_generic_slsa3.yml@v1.2.3-rc.1`).ok).toBe(true);
  });

  it('a BYOB delegator: the builder is the one its provenance names, held to a release', () => {
    const tsb = 'https://github.com/acme/builder/.github/workflows/tsb.yml@refs/tags/v0.1.0';
    const v = slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { builder: tsb }), {}, DELEGATOR);
    expect(v).toMatchObject({ ok: true, builderId: tsb });
    expect(
      slsa(
        v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { builder: tsb }),
        { builderId: 'https://github.com/acme/builder/.github/workflows/tsb.yml' },
        DELEGATOR,
      ).ok,
    ).toBe(true);
    const unreleased = 'https://github.com/acme/builder/.github/workflows/tsb.yml@refs/heads/main';
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { builder: unreleased }), {}, DELEGATOR)).toMatchObject({
      ok: false,
      error: 'ErrorInvalidRef',
    });
    // A generator that is not a delegator: the provenance's builder id is not taken.
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { builder: tsb }), {})).toMatchObject({
      ok: true,
      builderId: GENERIC,
    });
  });

  it('--builder-id: the same workflow (and ref, when given), and a trusted one', () => {
    expect(slsa(TAGGED, { builderId: `${GEN}generator_generic_slsa3.yml` }).ok).toBe(true);
    expect(slsa(TAGGED, { builderId: `${GEN}generator_generic_slsa3.yml@refs/tags/v1.9.0` }).ok).toBe(true);
    expect(slsa(TAGGED, { builderId: `${GEN}generator_generic_slsa3.yml@v1.9.0` }).ok).toBe(true);
    expect(slsa(TAGGED, { builderId: `${GEN}generator_generic_slsa3.yml@v1.8.0` })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchBuilderID',
      reason: `the builder is ${GENERIC}, not ${GEN}generator_generic_slsa3.yml@v1.8.0`,
    });
    expect(slsa(TAGGED, { builderId: `${GEN}builder_go_slsa3.yml` })).toMatchObject({ ok: false, error: 'ErrorMismatchBuilderID' });
    expect(slsa(TAGGED, { builderId: 'https://github.com/evil/b/.github/workflows/b.yml' })).toStrictEqual({
      ok: false,
      error: 'ErrorUntrustedReusableWorkflow',
      reason: 'https://github.com/evil/b/.github/workflows/b.yml is not a trusted builder',
    });
    const tsb = 'https://github.com/acme/builder/.github/workflows/tsb.yml@refs/tags/v0.1.0';
    expect(
      slsa(
        v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { builder: tsb }),
        { builderId: 'https://github.com/evil/b/.github/workflows/b.yml' },
        DELEGATOR,
      ),
    ).toMatchObject({ ok: false, error: 'ErrorMismatchBuilderID' });
  });

  it('the source: with or without a scheme, .git aside; another one is refused', () => {
    expect(slsa(TAGGED, { sourceUri: 'https://github.com/acme/app' }).ok).toBe(true);
    expect(slsa(TAGGED, { sourceUri: 'git+https://github.com/acme/app' }).ok).toBe(true);
    expect(slsa(v02('git+https://github.com/acme/app.git@refs/tags/v1'), {}).ok).toBe(true);
    expect(slsa(TAGGED, { sourceUri: 'github.com/acme/other' })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the provenance's source is git+https://github.com/acme/app, expected git+https://github.com/acme/other",
    });
    expect(slsa(v02('https://gitlab.com/acme/app@refs/tags/v1'), {})).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the provenance's source is missing, expected git+https://github.com/acme/app",
    });
    expect(slsa(v02('git+https://github.com/acme/app.gitx@refs/tags/v1'), {})).toMatchObject({ ok: false, error: 'ErrorMismatchSource' });
    // Only a trailing .git is dropped: acme/a.gitpp is not acme/app.
    expect(slsa(v02('git+https://github.com/acme/a.gitpp@refs/tags/v1'), {})).toMatchObject({ ok: false, error: 'ErrorMismatchSource' });
  });

  it('--source-branch: the branch built, or the base branch of a tag', () => {
    expect(slsa(BRANCH, { sourceBranch: 'main' }).ok).toBe(true);
    expect(slsa(BRANCH, { sourceBranch: 'dev' })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchBranch',
      reason: 'built from refs/heads/main, expected refs/heads/dev',
    });
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { baseRef: 'refs/heads/main' }), { sourceBranch: 'main' }).ok).toBe(
      true,
    );
    expect(slsa(TAGGED, { sourceBranch: 'main' })).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidRef',
      reason: 'the provenance names no branch (ref refs/tags/v1.2.3)',
    });
    expect(slsa(v02('git+https://github.com/acme/app'), { sourceBranch: 'main' })).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidRef',
      reason: 'the provenance names no branch (ref missing)',
    });
    expect(
      slsa(v02('git+https://github.com/acme/app@refs/pull/1/merge', { baseRef: 'refs/heads/main' }), { sourceBranch: 'main' }),
    ).toMatchObject({
      ok: false,
      error: 'ErrorInvalidRef',
    });
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1', { baseRef: 'main' }), { sourceBranch: 'main' })).toMatchObject({
      ok: false,
      error: 'ErrorInvalidRef',
    });
  });

  it('--source-tag: exactly the tag built', () => {
    expect(slsa(TAGGED, { sourceTag: 'v1.2.3' }).ok).toBe(true);
    expect(slsa(TAGGED, { sourceTag: 'v1.2.4' })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchTag',
      reason: 'built from tag v1.2.3, expected v1.2.4',
    });
    expect(slsa(BRANCH, { sourceTag: 'v1.2.3' })).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidRef',
      reason: "the provenance's ref refs/heads/main is not a tag",
    });
    expect(slsa(v02('git+https://github.com/acme/app'), { sourceTag: 'v1' })).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidRef',
      reason: "the provenance's ref missing is not a tag",
    });
  });

  it('--source-versioned-tag: the same major, and minor and patch when given', () => {
    for (const ok of ['v1', 'v1.2', 'v1.2.3', '1.2.3', 'v1.2.3-rc.1']) expect(slsa(TAGGED, { sourceVersionedTag: ok }).ok).toBe(true);
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1'), { sourceVersionedTag: 'v1.0.0' }).ok).toBe(true);
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1'), { sourceVersionedTag: 'v1.0.1' })).toMatchObject({
      ok: false,
      error: 'ErrorMismatchVersionedTag',
    });
    for (const bad of ['v2', 'v1.3', 'v1.2.4', 'v0.2.3'])
      expect(slsa(TAGGED, { sourceVersionedTag: bad })).toStrictEqual({
        ok: false,
        error: 'ErrorMismatchVersionedTag',
        reason: `built from tag v1.2.3, which does not match ${bad}`,
      });
    expect(slsa(TAGGED, { sourceVersionedTag: 'latest' })).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidSemver',
      reason: 'latest is not a semantic version',
    });
    expect(slsa(TAGGED, { sourceVersionedTag: 'x1.2.3' })).toMatchObject({ ok: false, error: 'ErrorInvalidSemver' });
    expect(slsa(TAGGED, { sourceVersionedTag: 'v1.2.3x' })).toMatchObject({ ok: false, error: 'ErrorInvalidSemver' });
    expect(slsa(BRANCH, { sourceVersionedTag: 'v1' })).toMatchObject({ ok: false, error: 'ErrorInvalidRef' });
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/release'), { sourceVersionedTag: 'v1' })).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidSemver',
      reason: "the provenance's tag release is not a semantic version",
    });
  });

  it('--build-workflow-input: each input as recorded, text or JSON', () => {
    const st = v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { inputs: { level: '3', flag: true } });
    expect(slsa(st, { buildWorkflowInputs: { level: '3', flag: 'true' } }).ok).toBe(true);
    expect(slsa(st, { buildWorkflowInputs: { level: '4' } })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchWorkflowInputs',
      reason: 'workflow input level: expected "4", the provenance has "3"',
    });
    expect(slsa(st, { buildWorkflowInputs: { missing: 'x' } })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchWorkflowInputs',
      reason: 'workflow input missing: expected "x", the provenance has none',
    });
    expect(slsa(st, { buildWorkflowInputs: { missing: 'undefined' } })).toMatchObject({ ok: false, error: 'ErrorMismatchWorkflowInputs' });
    // Inherited names are no input the provenance recorded (was: Object's function, "the provenance has undefined").
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(slsa(st, { buildWorkflowInputs: { [name]: 'x' } })).toStrictEqual({
        ok: false,
        error: 'ErrorMismatchWorkflowInputs',
        reason: `workflow input ${name}: expected "x", the provenance has none`,
      });
    }
  });

  it('SLSA v1 provenance: ref, repository and inputs from where the generators write them', () => {
    const v1 = (buildDefinition: unknown, builder = GENERIC): Statement => ({
      ...TAGGED,
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: { buildDefinition, runDetails: { builder: { id: builder } } },
    });
    const dep = [{ uri: 'git+https://github.com/acme/app@refs/tags/v1.2.3', digest: { gitCommit: SHA } }];
    expect(slsa(v1({ resolvedDependencies: dep }), { sourceTag: 'v1.2.3' }).ok).toBe(true);
    expect(
      slsa(v1({ resolvedDependencies: dep, internalParameters: { GITHUB_REF: 'refs/tags/v9' } }), { sourceTag: 'v1.2.3' }),
    ).toMatchObject({ ok: false, error: 'ErrorMismatchTag' });
    expect(
      slsa(v1({ externalParameters: { workflow: { repository: 'https://github.com/acme/app', ref: 'refs/heads/main' } } }), {
        sourceBranch: 'main',
      }).ok,
    ).toBe(true);
    expect(
      slsa(v1({ resolvedDependencies: dep, externalParameters: { inputs: { a: 'ext' } } }), { buildWorkflowInputs: { a: 'ext' } }).ok,
    ).toBe(true);
    expect(
      slsa(
        v1({
          resolvedDependencies: dep,
          externalParameters: { inputs: { a: 'ext' } },
          internalParameters: { GITHUB_EVENT_PAYLOAD: { inputs: { a: 'event' } } },
        }),
        { buildWorkflowInputs: { a: 'event' } },
      ).ok,
    ).toBe(true);
    expect(
      slsa(
        v1({
          resolvedDependencies: dep,
          internalParameters: { github: { event_payload: { inputs: { a: 'gh' }, base_ref: 'refs/heads/main' } } },
        }),
        {
          buildWorkflowInputs: { a: 'gh' },
          sourceBranch: 'main',
        },
      ).ok,
    ).toBe(true);
    const tsb = 'https://github.com/acme/builder/.github/workflows/tsb.yml@refs/tags/v0.1.0';
    expect(slsa(v1({ resolvedDependencies: dep }, tsb), {}, DELEGATOR)).toMatchObject({ ok: true, builderId: tsb });
    expect(slsa(v1({}), {})).toMatchObject({ ok: false, error: 'ErrorMismatchSource' });
  });
});

describe('parseProvenanceFile', () => {
  it('a Sigstore bundle, a legacy DSSE envelope (refused offline), or neither', () => {
    expect(parseProvenanceFile(' {"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"} ')).toStrictEqual({
      kind: 'bundle',
      bundle: { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' },
    });
    expect(parseProvenanceFile('{"mediaType":"application/vnd.dev.sigstore.bundle+json;version=0.1"}\n{"x":1}')).toMatchObject({
      kind: 'bundle',
    });
    const legacy = parseProvenanceFile('{"payloadType":"application/vnd.in-toto+json","payload":"e30=","signatures":[]}');
    expect(legacy.kind).toBe('legacy');
    expect(legacy).toMatchObject({
      reason: expect.stringMatching(/^legacy DSSE envelope .* cannot be done offline, so it is not trusted/),
    });
    expect(parseProvenanceFile('{"payloadType":"x","signatures":{}}')).toStrictEqual({
      kind: 'invalid',
      reason: 'the provenance file is not a Sigstore bundle',
    });
    expect(parseProvenanceFile('{"mediaType":"application/json"}')).toStrictEqual({
      kind: 'invalid',
      reason: 'the provenance file is not a Sigstore bundle',
    });
    expect(parseProvenanceFile('[1]')).toStrictEqual({ kind: 'invalid', reason: 'the provenance file is not a Sigstore bundle' });
    expect(parseProvenanceFile('not json\n{}')).toStrictEqual({
      kind: 'invalid',
      reason: 'the provenance file is neither a Sigstore bundle nor JSON lines',
    });
  });
});

/** The workflow that signs a GitHub artifact attestation, and its certificate's identity. */
const WF = 'https://github.com/acme/app/.github/workflows/release.yml';
const ID: CertificateIdentity = {
  subjectAlternativeName: `${WF}@refs/heads/main`,
  buildSignerUri: `${WF}@refs/heads/main`,
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryDigest: SHA,
};

describe('GitHub artifact attestations', () => {
  const gh = (commit = SHA): Statement => ({
    ...TAGGED,
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: {
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        externalParameters: { workflow: { repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml' } },
        resolvedDependencies: [{ uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: commit } }],
      },
    },
  });
  const attest = (options: Partial<SlsaVerifyOptions>, identity: CertificateIdentity = ID, commit = SHA) => {
    const v = answering(verdict(gh(commit), identity));
    return { verdict: verifyGithubAttestation(v, {}, [ARTIFACT], { sourceUri: SOURCE, ...options }), policies: v.policies };
  };

  it('passes for the signing workflow and the source repository, without the claims check in the verifier', () => {
    const r = attest({ builderId: WF });
    expect(r.verdict).toMatchObject({ ok: true, builderId: `${WF}@refs/heads/main`, sourceUri: SOURCE });
    expect(r.policies).toStrictEqual([
      { issuer: 'https://token.actions.githubusercontent.com', requireStatement: true, checkClaims: false },
    ]);
    expect(attest({ builderId: `${WF}@refs/heads/main`, sourceUri: 'https://github.com/acme/app' }).verdict.ok).toBe(true);
    expect(attest({ builderId: WF, sourceUri: 'git+https://github.com/acme/app' }).verdict.ok).toBe(true);
  });

  it('--builder-id is required and must be the signer', () => {
    expect(attest({}).verdict).toStrictEqual({
      ok: false,
      error: 'ErrorUntrustedReusableWorkflow',
      reason: 'a GitHub artifact attestation needs --builder-id naming the workflow trusted to sign it',
    });
    expect(attest({ builderId: 'https://github.com/acme/app/.github/workflows/other.yml' }).verdict).toStrictEqual({
      ok: false,
      error: 'ErrorUntrustedReusableWorkflow',
      reason: `the attestation was signed by ${WF}@refs/heads/main, not by https://github.com/acme/app/.github/workflows/other.yml`,
    });
    expect(attest({ builderId: `${WF}@refs/heads/dev` }).verdict).toMatchObject({ ok: false, error: 'ErrorUntrustedReusableWorkflow' });
  });

  it('another source repository, or claims that disagree with the certificate, are ErrorMismatchSource', () => {
    expect(attest({ builderId: WF, sourceUri: 'github.com/acme/other' }).verdict).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the certificate's source repository is https://github.com/acme/app, expected https://github.com/acme/other",
    });
    expect(attest({ builderId: WF }, { ...ID, sourceRepositoryUri: undefined }).verdict).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the certificate's source repository is missing, expected https://github.com/acme/app",
    });
    expect(attest({ builderId: WF }, ID, 'd'.repeat(40)).verdict).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: `the provenance names commit ${'d'.repeat(40)} but the certificate's is ${SHA}`,
    });
  });

  it('failures of the bundle keep their meaning', () => {
    const fail = (code: FailureCode) =>
      verifyGithubAttestation(answering({ ok: false, code, reason: 'r' }), {}, [ARTIFACT], { sourceUri: SOURCE, builderId: WF });
    expect(fail('ARTIFACT_MISMATCH')).toStrictEqual({ ok: false, error: 'ErrorMismatchHash', reason: 'r' });
    expect(fail('TRANSPARENCY_LOG')).toStrictEqual({ ok: false, error: 'ErrorRekorSearch', reason: 'r' });
    expect(fail('CLAIMS')).toStrictEqual({ ok: false, error: 'ErrorMismatchSource', reason: 'r' });
    expect(fail('SIGNATURE')).toStrictEqual({ ok: false, error: 'ErrorInvalidSignature', reason: 'SIGNATURE: r' });
  });

  it('needs an artefact and a GitHub Actions certificate', () => {
    const none = {
      ok: false,
      error: 'ErrorInvalidSignature',
      reason: 'no artefact given, or the bundle is not signed by a GitHub Actions certificate',
    };
    expect(verifyGithubAttestation(answering(verdict(gh(), ID)), {}, [], { sourceUri: SOURCE, builderId: WF })).toStrictEqual(none);
    expect(
      verifyGithubAttestation(answering(verdict(gh(), { subjectAlternativeName: 'x' })), {}, [ARTIFACT], {
        sourceUri: SOURCE,
        builderId: WF,
      }),
    ).toStrictEqual(none);
    const keyed = { ...(verdict(gh(), ID) as Extract<BundleVerdict, { ok: true }>), signer: { kind: 'key' as const, keyId: 'sha256:00' } };
    expect(verifyGithubAttestation(answering(keyed), {}, [ARTIFACT], { sourceUri: SOURCE, builderId: WF })).toStrictEqual(none);
  });

  it('verifyArtifactProvenance picks the GitHub path by the build type in the payload', () => {
    const payload = (st: unknown): unknown => ({ dsseEnvelope: { payload: Buffer.from(JSON.stringify(st)).toString('base64') } });
    const v = answering(verdict(gh(), ID));
    expect(verifyArtifactProvenance(v, payload(gh()), [ARTIFACT], { sourceUri: SOURCE })).toMatchObject({
      ok: false,
      error: 'ErrorUntrustedReusableWorkflow',
      reason: expect.stringMatching(/needs --builder-id/),
    });
    expect(verifyArtifactProvenance(v, payload(gh()), [ARTIFACT], { sourceUri: SOURCE, builderId: WF }).ok).toBe(true);
    // Anything else goes to slsa-verifier's generator path (the GitHub signer is no trusted generator there).
    const generic = answering(verdict(TAGGED, { subjectAlternativeName: GENERIC }));
    expect(verifyArtifactProvenance(generic, payload(TAGGED), [ARTIFACT], { sourceUri: SOURCE }).ok).toBe(true);
    expect(verifyArtifactProvenance(generic, { dsseEnvelope: { payload: 'not base64 json' } }, [ARTIFACT], { sourceUri: SOURCE }).ok).toBe(
      true,
    );
    expect(verifyArtifactProvenance(generic, {}, [ARTIFACT], { sourceUri: SOURCE }).ok).toBe(true);
  });
});

// Provenance written loosely by someone else: values of the wrong type, URIs with something before or after
// them, multi-digit versions, the low-permission delegator, the build type spelled as GitHub spells it.
// Each is a case where reading the provenance loosely would pass it.
const statement = (predicateType: string, predicate: unknown): Statement =>
  ({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'x', digest: { sha256: 'a'.repeat(64) } }],
    predicateType,
    predicate,
  }) as unknown as Statement;
const v02p = (configUri: string, payload: Record<string, unknown> = {}, builder = GENERIC): Statement =>
  statement('https://slsa.dev/provenance/v0.2', {
    builder: { id: builder },
    invocation: { configSource: { uri: configUri, digest: { sha1: SHA } }, environment: { github_event_payload: payload } },
  });
const v1 = (buildDefinition: unknown, builder = GENERIC): Statement =>
  statement('https://slsa.dev/provenance/v1', { buildDefinition, runDetails: { builder: { id: builder } } });

describe('the source URI is read whole', () => {
  it('a configSource URI with text before the scheme is no GitHub source', () => {
    expect(slsa(v02p('xgit+https://github.com/acme/app@refs/tags/v1.2.3'))).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the provenance's source is missing, expected git+https://github.com/acme/app",
    });
  });

  it('a URI with a second line after the ref is refused, not read up to the line break', () => {
    expect(slsa(v02p('git+https://github.com/acme/app@refs/tags/v1.2.3\nrefs/heads/evil'))).toMatchObject({
      ok: false,
      error: 'ErrorMismatchSource',
    });
    const dep = (uri: string) => v1({ resolvedDependencies: [{ uri, digest: { gitCommit: SHA } }] });
    expect(slsa(dep('git+https://github.com/acme/app@refs/tags/v1.2.3\nx'))).toMatchObject({ ok: false, error: 'ErrorMismatchSource' });
    expect(slsa(dep('xgit+https://github.com/acme/app@refs/tags/v1.2.3'))).toMatchObject({ ok: false, error: 'ErrorMismatchSource' });
  });

  it('a v1 dependency URI without a ref still names the repository (the ref comes from GITHUB_REF)', () => {
    const st = v1({
      resolvedDependencies: [{ uri: 'git+https://github.com/acme/app', digest: { gitCommit: SHA } }],
      internalParameters: { GITHUB_REF: 'refs/tags/v1.2.3' },
    });
    expect(slsa(st, { sourceTag: 'v1.2.3' })).toMatchObject({ ok: true });
  });

  it('only a trailing .git is dropped: a repository whose name merely contains ".git" is another one', () => {
    expect(slsa(v02p('git+https://github.com/acme/.gitapp@refs/tags/v1.2.3'))).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the provenance's source is git+https://github.com/acme/.gitapp, expected git+https://github.com/acme/app",
    });
    expect(slsa(v02p('git+https://github.com/acme/app.git@refs/tags/v1.2.3')).ok).toBe(true);
  });
});

describe('values of the wrong type are absent, never used', () => {
  it('a predicate that is null or a string has no source (refused, not a crash)', () => {
    for (const p of [null, 'provenance', 7, ['x']]) {
      expect(slsa(statement('https://slsa.dev/provenance/v1', p))).toMatchObject({ ok: false, error: 'ErrorMismatchSource' });
      expect(slsa(statement('https://slsa.dev/provenance/v0.2', p))).toMatchObject({ ok: false, error: 'ErrorMismatchSource' });
    }
  });

  it('a ref or base_ref that is not a string is no ref', () => {
    const dep = [{ uri: 'git+https://github.com/acme/app', digest: { gitCommit: SHA } }];
    expect(slsa(v1({ resolvedDependencies: dep, internalParameters: { GITHUB_REF: 42 } }), { sourceTag: 'v1' })).toStrictEqual({
      ok: false,
      error: 'ErrorInvalidRef',
      reason: "the provenance's ref missing is not a tag",
    });
    expect(
      slsa(v02p('git+https://github.com/acme/app@refs/tags/v1.2.3', { base_ref: ['refs/heads/main'] }), { sourceBranch: 'main' }),
    ).toStrictEqual({ ok: false, error: 'ErrorInvalidRef', reason: 'the provenance names no branch (ref refs/tags/v1.2.3)' });
  });

  it('workflow inputs that are not an object are no inputs (a string is not indexed by position)', () => {
    const dep = [{ uri: 'git+https://github.com/acme/app@refs/tags/v1.2.3', digest: { gitCommit: SHA } }];
    const st = v1({ resolvedDependencies: dep, externalParameters: { inputs: 'abc' } });
    expect(slsa(st, { buildWorkflowInputs: { '0': 'a' } })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchWorkflowInputs',
      reason: 'workflow input 0: expected "a", the provenance has none',
    });
  });
});

describe('versions with more than one digit', () => {
  it('--source-versioned-tag compares whole numbers', () => {
    const tagged = v02p('git+https://github.com/acme/app@refs/tags/v12.34.56');
    for (const want of ['v12', 'v12.34', 'v12.34.56', '12.34.56']) expect(slsa(tagged, { sourceVersionedTag: want }).ok).toBe(true);
    for (const want of ['v1', 'v12.3', 'v12.34.5']) expect(slsa(tagged, { sourceVersionedTag: want })).toMatchObject({ ok: false });
  });

  it('a builder released as v10.20.30 is a release', () => {
    expect(
      slsa(v02p('git+https://github.com/acme/app@refs/tags/v1.2.3'), {}, `${GEN}generator_generic_slsa3.yml@refs/tags/v10.20.30`),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('the low-permission BYOB delegator', () => {
  it('is trusted, and its provenance names the builder it ran', () => {
    const tsb = 'https://github.com/acme/builder/.github/workflows/tsb.yml@refs/tags/v0.1.0';
    const lowperms = `${GEN}delegator_lowperms-generic_slsa3.yml@refs/tags/v1.9.0`;
    expect(slsa(v02p('git+https://github.com/acme/app@refs/tags/v1.2.3', {}, tsb), {}, lowperms)).toStrictEqual({
      ok: true,
      builderId: tsb,
      statement: v02p('git+https://github.com/acme/app@refs/tags/v1.2.3', {}, tsb),
      sourceUri: SOURCE,
    });
  });
});

describe('GitHub artifact attestations: the build type as GitHub writes it', () => {
  const IDENTITY: CertificateIdentity = { ...ID, sourceRepositoryRef: 'refs/heads/main' };
  const gh = (ref = 'refs/heads/main', commit = SHA): Statement =>
    v1({
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: { workflow: { repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml', ref } },
      resolvedDependencies: [{ uri: `git+https://github.com/acme/app@${ref}`, digest: { gitCommit: commit } }],
    });
  const payload = (st: unknown): unknown => ({ dsseEnvelope: { payload: Buffer.from(JSON.stringify(st)).toString('base64') } });

  it('routes to the attestation rules (which need --builder-id)', () => {
    const v = answering(verdict(gh(), IDENTITY));
    expect(verifyArtifactProvenance(v, payload(gh()), [ARTIFACT], { sourceUri: SOURCE })).toMatchObject({
      ok: false,
      error: 'ErrorUntrustedReusableWorkflow',
    });
  });

  it('every claim that disagrees with the certificate is named, joined by "; "', () => {
    const st = gh('refs/heads/dev', 'd'.repeat(40));
    expect(verifyGithubAttestation(answering(verdict(st, IDENTITY)), {}, [ARTIFACT], { sourceUri: SOURCE, builderId: WF })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: `the provenance names commit ${'d'.repeat(40)} but the certificate's is ${SHA}; the provenance names ref refs/heads/dev but the certificate's is refs/heads/main`,
    });
  });
});
