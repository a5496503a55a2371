/**
 * `gh attestation verify` semantics on top of a bundle verdict: the usage rules, the SAN matcher gh
 * builds, each identity refusal (owner, repository, issuer, SAN, runner, ref, digests, release
 * attestations), and the bundle file reader. The verdicts come from a BundleVerifier given here, so
 * each policy rule is checked alone; one real GitHub attestation runs end to end.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Statement } from '@secure-factory/core';
import { artifactFromDigest } from './artifact.js';
import {
  attestationOptionsProblem,
  readBundleFile,
  sanMatcher,
  SLSA_PROVENANCE_V1,
  verifyAttestations,
  type AttestationOptions,
} from './attestation.js';
import type { CertificateIdentity } from './certificate.js';
import { createBundleVerifier, type BundleVerdict, type BundleVerifier, type VerifyPolicy } from './verifier.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'test', 'verify', 'corpus');

const ARTIFACT = artifactFromDigest(`sha256:${'a'.repeat(64)}`);
const LABEL = `sha256:${'a'.repeat(64)}`;
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const COMMIT = 'ABCDEF0123456789abcdef0123456789abcdef01';
const ID: CertificateIdentity = {
  subjectAlternativeName: WORKFLOW,
  subjectAlternativeNameType: 'uri',
  issuer: 'https://token.actions.githubusercontent.com',
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryOwnerUri: 'https://github.com/acme',
  sourceRepositoryRef: 'refs/heads/main',
  sourceRepositoryDigest: COMMIT,
  buildSignerUri: WORKFLOW,
  buildSignerDigest: COMMIT,
  runnerEnvironment: 'github-hosted',
};

function statementOf(predicateType: string, predicate: unknown = {}): Statement {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'x', digest: { sha256: 'a'.repeat(64) } }],
    predicateType,
    predicate,
  } as Statement;
}

function verified(identity: CertificateIdentity, statement = statementOf(SLSA_PROVENANCE_V1)): BundleVerdict {
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

/** A verifier that answers each bundle (its `bundle` value is the verdict) and records the policies asked. */
function answering(): BundleVerifier & { policies: (VerifyPolicy | undefined)[] } {
  const policies: (VerifyPolicy | undefined)[] = [];
  return { trustedRootSource: 'test', policies, verify: (bundle, _a, policy) => (policies.push(policy), bundle as BundleVerdict) };
}

function run(verdicts: BundleVerdict[], options: AttestationOptions) {
  return verifyAttestations(
    answering(),
    verdicts.map((bundle, i) => ({ origin: `b${i}`, bundle })),
    ARTIFACT,
    options,
  );
}
/** The identity problems one verified bundle has under the options ([] when it passes). */
function problems(identity: CertificateIdentity, options: AttestationOptions, statement?: Statement): string[] {
  const v = run([verified(identity, statement)], options);
  return v.ok ? [] : (v.failures[0]?.reason.split('; ') ?? ['?']);
}

describe('attestationOptionsProblem', () => {
  it('needs exactly one of --owner and --repo, a repo of OWNER/REPO', () => {
    expect(attestationOptionsProblem({})).toBe('one of --owner or --repo is required');
    expect(attestationOptionsProblem({ owner: '', repo: '' })).toBe('one of --owner or --repo is required');
    expect(attestationOptionsProblem({ owner: 'acme', repo: 'acme/app' })).toBe('--owner and --repo cannot be used together');
    expect(attestationOptionsProblem({ repo: 'acme' })).toBe('invalid value provided for repo: acme (expected OWNER/REPO)');
    expect(attestationOptionsProblem({ repo: 'acme/app/x' })).toBe('invalid value provided for repo: acme/app/x (expected OWNER/REPO)');
    expect(attestationOptionsProblem({ repo: 'acme/app' })).toBeUndefined();
    expect(attestationOptionsProblem({ owner: 'acme' })).toBeUndefined();
  });
  it('a signer repository is OWNER/REPO', () => {
    expect(attestationOptionsProblem({ owner: 'acme', signerRepo: 'shared' })).toBe('invalid value provided for signer-repo: shared');
    expect(attestationOptionsProblem({ owner: 'acme', signerRepo: 'acme/shared' })).toBeUndefined();
  });
  it('at most one way of naming the signer', () => {
    const msg = 'only one of --cert-identity, --cert-identity-regex, --signer-repo and --signer-workflow may be given';
    expect(attestationOptionsProblem({ owner: 'a', certIdentity: 'x', certIdentityRegex: 'y' })).toBe(msg);
    expect(attestationOptionsProblem({ owner: 'a', signerRepo: 'a/b', signerWorkflow: 'a/b/w.yml' })).toBe(msg);
    expect(attestationOptionsProblem({ owner: 'a', certIdentity: 'x', signerWorkflow: 'a/b/w.yml' })).toBe(msg);
    expect(attestationOptionsProblem({ owner: 'a', certIdentity: '', certIdentityRegex: 'y' })).toBeUndefined();
    expect(attestationOptionsProblem({ owner: 'a', certIdentity: 'x' })).toBeUndefined();
  });
  it('a --cert-identity-regex that is invalid or could backtrack is a usage error', () => {
    expect(attestationOptionsProblem({ owner: 'a', certIdentityRegex: '(a+)+$' })).toMatch(/--cert-identity-regex/);
    expect(attestationOptionsProblem({ owner: 'a', certIdentityRegex: '(' })).toMatch(/--cert-identity-regex/);
    expect(attestationOptionsProblem({ owner: 'a', certIdentityRegex: '^https://github\\.com/a/' })).toBeUndefined();
  });
});

describe('sanMatcher', () => {
  it('--signer-repo: any workflow of that repository, case aside, dots literal', () => {
    const m = sanMatcher({ signerRepo: 'acme/sh.red' });
    expect(m.describe).toBe('signer repository acme/sh.red');
    expect(m.regex?.test('https://github.com/ACME/SH.RED/.github/workflows/x.yml@v1')).toBe(true);
    expect(m.regex?.test('https://github.com/acme/shXred/.github/workflows/x.yml@v1')).toBe(false);
    expect(m.regex?.test('https://github.com/acme/sh.red')).toBe(false);
    expect(m.regex?.test('x https://github.com/acme/sh.red/')).toBe(false);
    expect(m.exact).toBeUndefined();
  });
  it('--signer-workflow: a prefix on the given host or github.com, case kept', () => {
    const withHost = sanMatcher({ signerWorkflow: 'github.com/acme/app/.github/workflows/release.yml' });
    expect(withHost.describe).toBe('signer workflow github.com/acme/app/.github/workflows/release.yml');
    expect(withHost.regex?.test(WORKFLOW)).toBe(true);
    expect(withHost.regex?.test(WORKFLOW.toUpperCase())).toBe(false);
    expect(withHost.regex?.test('https://githubXcom/acme/app/.github/workflows/release.yml')).toBe(false);
    const noHost = sanMatcher({ signerWorkflow: 'acme/app/.github/workflows/release.yml' });
    expect(noHost.describe).toBe('signer workflow github.com/acme/app/.github/workflows/release.yml');
    expect(noHost.regex?.test(WORKFLOW)).toBe(true);
    expect(noHost.regex?.test(`x${WORKFLOW}`)).toBe(false);
    const ghe = sanMatcher({ signerWorkflow: 'acme/app/.github/workflows/release.yml', hostname: 'ghe.example' });
    expect(ghe.describe).toBe('signer workflow ghe.example/acme/app/.github/workflows/release.yml');
    expect(ghe.regex?.test(WORKFLOW)).toBe(false);
    expect(sanMatcher({ signerWorkflow: 'ghe.example/acme/app/w.yml', hostname: 'other.example' }).describe).toBe(
      'signer workflow ghe.example/acme/app/w.yml',
    );
  });
  it('a host is a dotted name before the path, on the first line only', () => {
    expect(sanMatcher({ signerWorkflow: 'a.b\n/w.yml' }).describe).toBe('signer workflow github.com/a.b\n/w.yml');
  });
  it('--cert-identity-regex that could backtrack is refused by its flag name', () => {
    expect(() => sanMatcher({ certIdentityRegex: '(a+)+$' })).toThrow(/--cert-identity-regex/);
  });
  it('--cert-identity is exact; --cert-identity-regex is the pattern', () => {
    expect(sanMatcher({ certIdentity: WORKFLOW })).toStrictEqual({ exact: WORKFLOW, describe: `identity ${WORKFLOW}` });
    const re = sanMatcher({ certIdentityRegex: '^https://github\\.com/acme/' });
    expect(re.describe).toBe('identity matching ^https://github\\.com/acme/');
    expect(re.regex?.test(WORKFLOW)).toBe(true);
    expect(re.regex?.test('https://github.com/evil/')).toBe(false);
  });
  it('by default: a workflow of the repository, or of the owner', () => {
    const repo = sanMatcher({ repo: 'acme/app' });
    expect(repo.describe).toBe('a workflow of acme/app');
    expect(repo.regex?.test('https://github.com/Acme/App/.github/workflows/x.yml@y')).toBe(true);
    expect(repo.regex?.test('https://github.com/acme/app2/.github/workflows/x.yml@y')).toBe(false);
    const owner = sanMatcher({ owner: 'acme' });
    expect(owner.describe).toBe('a workflow of acme');
    expect(owner.regex?.test(WORKFLOW)).toBe(true);
    expect(owner.regex?.test('https://github.com/acmecorp/app/.github/workflows/x.yml@y')).toBe(false);
    expect(sanMatcher({}).describe).toBe('a workflow of ');
  });
});

describe('verifyAttestations: the identity policy', () => {
  it('passes a bundle that satisfies every option', () => {
    expect(
      problems(ID, {
        repo: 'Acme/App',
        sourceRef: 'refs/heads/main',
        sourceDigest: `sha1:${COMMIT.toLowerCase()}`,
        signerDigest: COMMIT.toUpperCase(),
        denySelfHostedRunners: true,
        certOidcIssuer: 'HTTPS://token.actions.githubusercontent.com',
      }),
    ).toEqual([]);
    expect(problems(ID, { owner: 'ACME' })).toEqual([]);
  });

  it('refuses another owner; repo implies its owner', () => {
    expect(problems({ ...ID, sourceRepositoryOwnerUri: 'https://github.com/evil' }, { owner: 'acme' })).toEqual([
      'expected SourceRepositoryOwnerURI to be https://github.com/acme, got https://github.com/evil',
    ]);
    expect(problems({ ...ID, sourceRepositoryOwnerUri: undefined }, { owner: 'acme' })).toEqual([
      'expected SourceRepositoryOwnerURI to be https://github.com/acme, got none',
    ]);
    expect(problems(ID, { repo: 'evil/app' })).toEqual([
      'expected SourceRepositoryOwnerURI to be https://github.com/evil, got https://github.com/acme',
      'expected SourceRepositoryURI to be https://github.com/evil/app, got https://github.com/acme/app',
      "the certificate's identity https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main is not a workflow of evil/app",
    ]);
  });

  it('refuses another repository of the same owner', () => {
    expect(problems({ ...ID, sourceRepositoryUri: 'https://github.com/acme/other' }, { repo: 'acme/app' })).toEqual([
      'expected SourceRepositoryURI to be https://github.com/acme/app, got https://github.com/acme/other',
    ]);
    expect(problems({ ...ID, sourceRepositoryUri: undefined }, { repo: 'acme/app', certIdentity: WORKFLOW })).toEqual([
      'expected SourceRepositoryURI to be https://github.com/acme/app, got none',
    ]);
  });

  it('the issuer defaults to GitHub Actions; another is refused, with a hint for a custom enterprise issuer', () => {
    expect(problems({ ...ID, issuer: 'https://accounts.google.com' }, { owner: 'acme' })).toEqual([
      'expected Issuer to be https://token.actions.githubusercontent.com, got https://accounts.google.com',
    ]);
    expect(problems({ ...ID, issuer: undefined }, { owner: 'acme' })).toEqual([
      'expected Issuer to be https://token.actions.githubusercontent.com, got none',
    ]);
    expect(problems({ ...ID, issuer: 'https://token.actions.githubusercontent.com/acme' }, { owner: 'acme' })).toEqual([
      'expected Issuer to be https://token.actions.githubusercontent.com, got https://token.actions.githubusercontent.com/acme -- if you have a custom OIDC issuer policy for your enterprise, use --cert-oidc-issuer with your issuer',
    ]);
    expect(
      problems(
        { ...ID, issuer: 'https://token.actions.githubusercontent.com/acme' },
        { owner: 'acme', certOidcIssuer: 'https://token.actions.githubusercontent.com/acme' },
      ),
    ).toEqual([]);
    expect(problems(ID, { owner: 'acme', certOidcIssuer: '' })).toEqual([
      'expected a certificate without an OIDC issuer, got https://token.actions.githubusercontent.com',
    ]);
  });

  it('the SAN: exact, by pattern, or a workflow of the repository; none is "(none)"', () => {
    expect(problems(ID, { owner: 'acme', certIdentity: `${WORKFLOW}x` })).toEqual([
      `the certificate's identity ${WORKFLOW} is not identity ${WORKFLOW}x`,
    ]);
    expect(problems(ID, { owner: 'acme', certIdentity: WORKFLOW })).toEqual([]);
    expect(problems(ID, { owner: 'acme', certIdentityRegex: 'evil' })).toEqual([
      `the certificate's identity ${WORKFLOW} is not identity matching evil`,
    ]);
    expect(problems({ ...ID, subjectAlternativeName: undefined }, { owner: 'acme' })).toEqual([
      "the certificate's identity (none) is not a workflow of acme",
    ]);
    expect(problems(ID, { owner: 'acme', signerRepo: 'acme/shared' })).toEqual([
      `the certificate's identity ${WORKFLOW} is not signer repository acme/shared`,
    ]);
  });

  it('--deny-self-hosted-runners demands github-hosted', () => {
    expect(problems({ ...ID, runnerEnvironment: 'self-hosted' }, { owner: 'acme', denySelfHostedRunners: true })).toEqual([
      'expected a GitHub-hosted runner, the attestation was made on self-hosted',
    ]);
    expect(problems({ ...ID, runnerEnvironment: undefined }, { owner: 'acme', denySelfHostedRunners: true })).toEqual([
      'expected a GitHub-hosted runner, the attestation was made on an unknown runner',
    ]);
    expect(problems({ ...ID, runnerEnvironment: 'self-hosted' }, { owner: 'acme' })).toEqual([]);
    expect(problems({ ...ID, runnerEnvironment: 'self-hosted' }, { owner: 'acme', denySelfHostedRunners: false })).toEqual([]);
  });

  it('only a leading sha1: is dropped from a digest option', () => {
    const lower = COMMIT.toLowerCase();
    const split = `${lower.slice(0, 10)}sha1:${lower.slice(10)}`;
    expect(problems(ID, { owner: 'acme', sourceDigest: split })).toEqual([`expected source digest ${split}, got ${COMMIT}`]);
    expect(problems(ID, { owner: 'acme', signerDigest: split })).toEqual([`expected signer digest ${split}, got ${COMMIT}`]);
  });

  it('options without owner or repo (never valid) refuse rather than fail', () => {
    expect(problems(ID, {})).toEqual([
      'expected SourceRepositoryOwnerURI to be https://github.com/, got https://github.com/acme',
      `the certificate's identity ${WORKFLOW} is not a workflow of `,
    ]);
  });

  it('--source-ref is exact; --source-digest and --signer-digest take sha1: and any case', () => {
    expect(problems(ID, { owner: 'acme', sourceRef: 'refs/heads/dev' })).toEqual([
      'expected source ref refs/heads/dev, got refs/heads/main',
    ]);
    expect(problems({ ...ID, sourceRepositoryRef: undefined }, { owner: 'acme', sourceRef: 'refs/heads/main' })).toEqual([
      'expected source ref refs/heads/main, got none',
    ]);
    expect(problems(ID, { owner: 'acme', sourceDigest: 'sha1:0000' })).toEqual([`expected source digest sha1:0000, got ${COMMIT}`]);
    expect(problems({ ...ID, sourceRepositoryDigest: undefined }, { owner: 'acme', sourceDigest: '' })).toEqual([]);
    expect(problems({ ...ID, sourceRepositoryDigest: undefined }, { owner: 'acme', sourceDigest: 'abc' })).toEqual([
      'expected source digest abc, got none',
    ]);
    expect(problems(ID, { owner: 'acme', sourceDigest: `xsha1:${COMMIT}` })).toEqual([
      `expected source digest xsha1:${COMMIT}, got ${COMMIT}`,
    ]);
    expect(problems(ID, { owner: 'acme', signerDigest: 'sha1:1111' })).toEqual([`expected signer digest sha1:1111, got ${COMMIT}`]);
    expect(problems({ ...ID, buildSignerDigest: undefined }, { owner: 'acme', signerDigest: 'sha1:1111' })).toEqual([
      'expected signer digest sha1:1111, got none',
    ]);
    expect(problems(ID, { owner: 'acme', signerDigest: `sha1:${COMMIT.toLowerCase()}` })).toEqual([]);
  });

  it("a release attestation (no issuer, no owner extension) is held to its statement's repository", () => {
    const signer: CertificateIdentity = { subjectAlternativeName: 'https://dotcom.releases.github.com' };
    const release = (repository: unknown): Statement => statementOf('https://in-toto.io/attestation/release/v0.2', { repository });
    const opts = {
      certOidcIssuer: '',
      certIdentity: 'https://dotcom.releases.github.com',
      predicateType: 'https://in-toto.io/attestation/release/v0.2',
    };
    expect(problems(signer, { ...opts, repo: 'acme/app' }, release('ACME/App'))).toEqual([]);
    expect(problems(signer, { ...opts, owner: 'Acme' }, release('acme/app'))).toEqual([]);
    expect(problems(signer, { ...opts, repo: 'acme/app' }, release('acme/other'))).toEqual([
      'expected a release of acme/app, the attestation is about acme/other',
    ]);
    expect(problems(signer, { ...opts, repo: 'acme/app' }, release('evil/app'))).toEqual([
      'expected a release of a repository of acme, the attestation is about evil/app',
    ]);
    expect(problems(signer, { ...opts, owner: 'acme' }, release(7))).toEqual([
      'expected a release of a repository of acme, the attestation is about no repository',
    ]);
    expect(problems(signer, { ...opts, owner: 'acme' }, statementOf(opts.predicateType, null))).toEqual([
      'expected a release of a repository of acme, the attestation is about no repository',
    ]);
    expect(problems(signer, { ...opts }, release('acme/app'))).toEqual([
      'expected a release of a repository of , the attestation is about acme/app',
    ]);
    expect(problems(signer, { ...opts, repo: '/x' }, release(''))).toEqual([
      'expected a release of /x, the attestation is about no repository',
    ]);
    // A certificate with an issuer but no owner extension is not a release signer: it is held to the owner.
    expect(problems({ ...signer, issuer: 'https://issuer.example' }, { ...opts, repo: 'acme/app' }, release('acme/app'))).toEqual([
      'expected SourceRepositoryOwnerURI to be https://github.com/acme, got none',
      'expected a certificate without an OIDC issuer, got https://issuer.example',
    ]);
    // A certificate with an owner extension is held to it, never to the statement.
    expect(
      problems({ ...signer, sourceRepositoryOwnerUri: 'https://github.com/evil' }, { ...opts, owner: 'acme' }, release('acme/app')),
    ).toEqual(['expected SourceRepositoryOwnerURI to be https://github.com/acme, got https://github.com/evil']);
    // Without the empty issuer option, no release path: a certificate without an owner is refused.
    expect(
      problems(
        signer,
        { owner: 'acme', certIdentity: signer.subjectAlternativeName, predicateType: opts.predicateType },
        release('acme/app'),
      ),
    ).toEqual([
      'expected SourceRepositoryOwnerURI to be https://github.com/acme, got none',
      'expected Issuer to be https://token.actions.githubusercontent.com, got none',
    ]);
  });
});

describe('verifyAttestations: verdicts and summary', () => {
  it('asks the verifier for a statement, without the provenance-claims check', () => {
    const v = answering();
    verifyAttestations(v, [{ origin: 'o', bundle: verified(ID) }], ARTIFACT, { owner: 'acme' });
    expect(v.policies).toStrictEqual([{ requireStatement: true, checkClaims: false }]);
  });

  it('a bundle that does not verify keeps its code and reason', () => {
    const v = run([{ ok: false, code: 'SIGNATURE', reason: 'bad' }], { owner: 'acme' });
    expect(v).toStrictEqual({
      ok: false,
      results: [],
      failures: [{ origin: 'b0', code: 'SIGNATURE', reason: 'bad' }],
      summary: `none of the 1 attestation(s) for ${LABEL} satisfies the policy`,
    });
  });

  it('only statements of the predicate type (default SLSA provenance v1) count', () => {
    const spdx = verified(ID, statementOf('https://spdx.dev/Document'));
    const v = run([spdx, spdx], { owner: 'acme' });
    expect(v.ok).toBe(false);
    expect(v.failures[1]).toStrictEqual({
      origin: 'b1',
      code: 'PREDICATE_TYPE',
      reason: `the statement's predicate type is https://spdx.dev/Document, not ${SLSA_PROVENANCE_V1}`,
    });
    expect(v.summary).toBe(`none of the 2 attestation(s) has the predicate type ${SLSA_PROVENANCE_V1} (use --predicate-type for another)`);
    expect(run([spdx], { owner: 'acme', predicateType: 'https://spdx.dev/Document' }).ok).toBe(true);
    expect(SLSA_PROVENANCE_V1).toBe('https://slsa.dev/provenance/v1');
  });

  it('when some fail for their predicate type and others for more, the summary is about the policy', () => {
    const spdx = verified(ID, statementOf('https://spdx.dev/Document'));
    expect(run([spdx, { ok: false, code: 'SIGNATURE', reason: 'x' }], { owner: 'acme' }).summary).toBe(
      `none of the 2 attestation(s) for ${LABEL} satisfies the policy`,
    );
  });

  it('a key-signed attestation is refused', () => {
    const keyed: BundleVerdict = { ...(verified(ID) as Extract<BundleVerdict, { ok: true }>), signer: { kind: 'key', keyId: 'sha256:00' } };
    expect(run([keyed], { owner: 'acme' }).failures).toStrictEqual([
      { origin: 'b0', code: 'IDENTITY', reason: 'the attestation is signed with a key, not a GitHub Actions certificate' },
    ]);
  });

  it('passes when one bundle satisfies all; each failing one says why', () => {
    const good = verified(ID);
    const v = run(
      [{ ok: false, code: 'CERTIFICATE', reason: 'x' }, good, verified({ ...ID, sourceRepositoryOwnerUri: 'https://github.com/evil' })],
      {
        owner: 'acme',
      },
    );
    expect(v.ok).toBe(true);
    expect(v.summary).toBe(`1 of 3 attestation(s) for ${LABEL} verified`);
    expect(v.results).toStrictEqual([
      { origin: 'b1', verified: good, statement: (good as { statement: Statement }).statement, identity: ID },
    ]);
    expect(v.failures.map((f) => [f.origin, f.code])).toEqual([
      ['b0', 'CERTIFICATE'],
      ['b2', 'IDENTITY'],
    ]);
  });

  it('no bundles: not verified, and says there were none', () => {
    expect(run([], { owner: 'acme' })).toStrictEqual({
      ok: false,
      results: [],
      failures: [],
      summary: `no attestations found for ${LABEL}`,
    });
  });

  it('a real GitHub attestation end to end: verified for its repository, refused for another', () => {
    const rel = 'github-attestations/actions-attest-build-provenance-attestation-13531551.sigstore.json';
    const { bundles } = readBundleFile(readFileSync(path.join(CORPUS, rel), 'utf8'), rel);
    const st = JSON.parse(
      Buffer.from((bundles[0]?.bundle as { dsseEnvelope: { payload: string } }).dsseEnvelope.payload, 'base64').toString(),
    ) as Statement;
    const artifact = artifactFromDigest(`sha256:${st.subject[0]?.digest.sha256 as string}`);
    const verifier = createBundleVerifier();
    expect(
      verifyAttestations(verifier, bundles, artifact, { repo: 'actions/attest-build-provenance', denySelfHostedRunners: true }).ok,
    ).toBe(true);
    const other = verifyAttestations(verifier, bundles, artifact, { repo: 'actions/attest' });
    expect(other.failures).toStrictEqual([
      {
        origin: rel,
        code: 'IDENTITY',
        reason:
          "expected SourceRepositoryURI to be https://github.com/actions/attest, got https://github.com/actions/attest-build-provenance; the certificate's identity https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main is not a workflow of actions/attest",
      },
    ]);
  });
});

describe('readBundleFile', () => {
  it('one bundle, or an attestation record wrapping one', () => {
    expect(readBundleFile(' {"mediaType":"m","bundle":1}\n', 'f')).toStrictEqual({
      bundles: [{ origin: 'f', bundle: { mediaType: 'm', bundle: 1 } }],
      problems: [],
    });
    expect(readBundleFile('{"bundle":{"mediaType":"m"}}', 'f')).toStrictEqual({
      bundles: [{ origin: 'f', bundle: { mediaType: 'm' } }],
      problems: [],
    });
    expect(readBundleFile('{"other":1}', 'f').bundles).toStrictEqual([{ origin: 'f', bundle: { other: 1 } }]);
    expect(readBundleFile('null', 'f').bundles).toStrictEqual([{ origin: 'f', bundle: null }]);
    expect(readBundleFile('"text"', 'f').bundles).toStrictEqual([{ origin: 'f', bundle: 'text' }]);
  });
  it('leading blank lines do not shift the line numbers', () => {
    expect(readBundleFile('\n\n{"a":1}\n{"b":2}\n', 'f').bundles.map((b) => b.origin)).toEqual(['f:1', 'f:2']);
  });
  it('JSON lines: each line a bundle or record, numbered from 1; blank lines skipped; others reported', () => {
    expect(readBundleFile('{"bundle":{"a":1}}\n\n  \nnot json\n{"mediaType":"m"}\n', 'f.jsonl')).toStrictEqual({
      bundles: [
        { origin: 'f.jsonl:1', bundle: { a: 1 } },
        { origin: 'f.jsonl:5', bundle: { mediaType: 'm' } },
      ],
      problems: ['f.jsonl:4: not JSON'],
    });
  });
});
