/**
 * slsa-verifier's rules on provenance written by someone else: values of the wrong type, URIs with
 * something before or after them, multi-digit versions, the low-permission delegator, and the build type
 * spelled as GitHub spells it. Each is a case where reading the provenance loosely would pass it.
 */
import type { Statement } from '@secure-factory/core';
import { artifactFromDigest } from './artifact.js';
import type { CertificateIdentity } from './certificate.js';
import { verifyArtifactProvenance, verifyGithubAttestation, verifySlsaProvenance, type SlsaVerifyOptions } from './slsa-verifier.js';
import type { BundleVerdict, BundleVerifier } from './verifier.js';

const GEN = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/';
const GENERIC = `${GEN}generator_generic_slsa3.yml@refs/tags/v1.9.0`;
const ARTIFACT = artifactFromDigest(`sha256:${'a'.repeat(64)}`);
const SOURCE = 'github.com/acme/app';
const SHA = 'c'.repeat(40);

const verdict = (statement: Statement, identity: CertificateIdentity): BundleVerdict => ({
  ok: true,
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  statement,
  payloadType: 'application/vnd.in-toto+json',
  signer: { kind: 'certificate', identity },
  trustRoot: 'public-good',
  timestamps: [],
  witnessed: [],
  ignoredTimestamps: 0,
});
const answering = (v: BundleVerdict): BundleVerifier => ({ trustedRootSource: 'test', verify: () => v });
const slsa = (st: Statement, options: Partial<SlsaVerifyOptions> = {}, san = GENERIC) =>
  verifySlsaProvenance(answering(verdict(st, { subjectAlternativeName: san, buildSignerUri: san })), {}, [ARTIFACT], {
    sourceUri: SOURCE,
    ...options,
  });

const statement = (predicateType: string, predicate: unknown): Statement =>
  ({
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'x', digest: { sha256: 'a'.repeat(64) } }],
    predicateType,
    predicate,
  }) as unknown as Statement;
const v02 = (configUri: string, payload: Record<string, unknown> = {}, builder = GENERIC): Statement =>
  statement('https://slsa.dev/provenance/v0.2', {
    builder: { id: builder },
    invocation: { configSource: { uri: configUri, digest: { sha1: SHA } }, environment: { github_event_payload: payload } },
  });
const v1 = (buildDefinition: unknown, builder = GENERIC): Statement =>
  statement('https://slsa.dev/provenance/v1', { buildDefinition, runDetails: { builder: { id: builder } } });

describe('the source URI is read whole', () => {
  it('a configSource URI with text before the scheme is no GitHub source', () => {
    expect(slsa(v02('xgit+https://github.com/acme/app@refs/tags/v1.2.3'))).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the provenance's source is missing, expected git+https://github.com/acme/app",
    });
  });

  it('a URI with a second line after the ref is refused, not read up to the line break', () => {
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3\nrefs/heads/evil'))).toMatchObject({
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
    expect(slsa(v02('git+https://github.com/acme/.gitapp@refs/tags/v1.2.3'))).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: "the provenance's source is git+https://github.com/acme/.gitapp, expected git+https://github.com/acme/app",
    });
    expect(slsa(v02('git+https://github.com/acme/app.git@refs/tags/v1.2.3')).ok).toBe(true);
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
      slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3', { base_ref: ['refs/heads/main'] }), { sourceBranch: 'main' }),
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
    const tagged = v02('git+https://github.com/acme/app@refs/tags/v12.34.56');
    for (const want of ['v12', 'v12.34', 'v12.34.56', '12.34.56']) expect(slsa(tagged, { sourceVersionedTag: want }).ok).toBe(true);
    for (const want of ['v1', 'v12.3', 'v12.34.5']) expect(slsa(tagged, { sourceVersionedTag: want })).toMatchObject({ ok: false });
  });

  it('a builder released as v10.20.30 is a release', () => {
    expect(
      slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3'), {}, `${GEN}generator_generic_slsa3.yml@refs/tags/v10.20.30`),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe('the low-permission BYOB delegator', () => {
  it('is trusted, and its provenance names the builder it ran', () => {
    const tsb = 'https://github.com/acme/builder/.github/workflows/tsb.yml@refs/tags/v0.1.0';
    const lowperms = `${GEN}delegator_lowperms-generic_slsa3.yml@refs/tags/v1.9.0`;
    expect(slsa(v02('git+https://github.com/acme/app@refs/tags/v1.2.3', {}, tsb), {}, lowperms)).toStrictEqual({
      ok: true,
      builderId: tsb,
      statement: v02('git+https://github.com/acme/app@refs/tags/v1.2.3', {}, tsb),
      sourceUri: SOURCE,
    });
  });
});

describe('GitHub artifact attestations: the build type as GitHub writes it', () => {
  const WF = 'https://github.com/acme/app/.github/workflows/release.yml';
  const ID: CertificateIdentity = {
    subjectAlternativeName: `${WF}@refs/heads/main`,
    buildSignerUri: `${WF}@refs/heads/main`,
    sourceRepositoryUri: 'https://github.com/acme/app',
    sourceRepositoryDigest: SHA,
    sourceRepositoryRef: 'refs/heads/main',
  };
  const gh = (ref = 'refs/heads/main', commit = SHA): Statement =>
    v1({
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: { workflow: { repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml', ref } },
      resolvedDependencies: [{ uri: `git+https://github.com/acme/app@${ref}`, digest: { gitCommit: commit } }],
    });
  const payload = (st: unknown): unknown => ({ dsseEnvelope: { payload: Buffer.from(JSON.stringify(st)).toString('base64') } });

  it('routes to the attestation rules (which need --builder-id)', () => {
    const v = answering(verdict(gh(), ID));
    expect(verifyArtifactProvenance(v, payload(gh()), [ARTIFACT], { sourceUri: SOURCE })).toMatchObject({
      ok: false,
      error: 'ErrorUntrustedReusableWorkflow',
    });
  });

  it('every claim that disagrees with the certificate is named, joined by "; "', () => {
    const st = gh('refs/heads/dev', 'd'.repeat(40));
    expect(verifyGithubAttestation(answering(verdict(st, ID)), {}, [ARTIFACT], { sourceUri: SOURCE, builderId: WF })).toStrictEqual({
      ok: false,
      error: 'ErrorMismatchSource',
      reason: `the provenance names commit ${'d'.repeat(40)} but the certificate's is ${SHA}; the provenance names ref refs/heads/dev but the certificate's is refs/heads/main`,
    });
  });
});
