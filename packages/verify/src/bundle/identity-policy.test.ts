/**
 * The identity policy, field by field: every expectation that is set and not met is one refusal that
 * names the expected and the actual value; an unset field asks nothing.
 */
import type { CertificateIdentity } from './certificate.js';
import { checkIdentity } from './identity-policy.js';

const GH: CertificateIdentity = {
  subjectAlternativeName: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
  subjectAlternativeNameType: 'uri',
  issuer: 'https://token.actions.githubusercontent.com',
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryRef: 'refs/heads/main',
  sourceRepositoryDigest: 'ABCDEF0123456789abcdef0123456789abcdef01',
  buildConfigUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
  buildSignerUri: 'https://github.com/acme/shared/.github/workflows/sign.yml@refs/tags/v1',
  runnerEnvironment: 'github-hosted',
  buildTrigger: 'push',
};

describe('checkIdentity', () => {
  it('an empty policy asks nothing, even of an empty identity', () => {
    expect(checkIdentity({}, {})).toEqual([]);
    expect(checkIdentity({}, GH)).toEqual([]);
  });

  it('accepts an identity that meets every field of the policy', () => {
    expect(
      checkIdentity(
        {
          subjectAlternativeName: GH.subjectAlternativeName,
          subjectAlternativeNameRegExp: '^https://github\\.com/acme/',
          issuer: 'https://token.actions.githubusercontent.com',
          sourceRepository: 'acme/app',
          sourceRef: 'refs/heads/main',
          sourceCommit: 'abcdef0123456789ABCDEF0123456789ABCDEF01',
          workflowRef: 'acme/app/.github/workflows/release.yml@refs/heads/main',
          signerWorkflowRef: 'github.com/acme/shared/.github/workflows/sign.yml@refs/tags/v1',
          runnerEnvironment: 'github-hosted',
          trigger: 'push',
        },
        GH,
      ),
    ).toEqual([]);
  });

  it('refuses another SAN, naming both; a missing SAN is "none"', () => {
    expect(checkIdentity({ subjectAlternativeName: 'someone@else' }, GH)).toEqual([
      `certificate identity (SAN): expected "someone@else", the certificate has "${GH.subjectAlternativeName as string}"`,
    ]);
    expect(checkIdentity({ subjectAlternativeName: 'someone@else' }, {})).toEqual([
      'certificate identity (SAN): expected "someone@else", the certificate has none',
    ]);
  });

  it('matches the SAN against a regular expression given as text or as a RegExp', () => {
    // How a compiled pattern prints depends on the regular-expression engine in use: only the prefix is fixed.
    const refusal = (san: string | null): RegExp =>
      new RegExp(`^certificate identity \\(SAN\\) ${JSON.stringify(san).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} does not match /`);
    const evil = checkIdentity({ subjectAlternativeNameRegExp: '^https://github\\.com/evil/' }, GH);
    expect(evil).toHaveLength(1);
    expect(evil[0]).toMatch(refusal(GH.subjectAlternativeName as string));
    expect(checkIdentity({ subjectAlternativeNameRegExp: '^https://github\\.com/acme/' }, GH)).toEqual([]);
    expect(checkIdentity({ subjectAlternativeNameRegExp: /acme\/app/ }, GH)).toEqual([]);
    expect(checkIdentity({ subjectAlternativeNameRegExp: /evil/ }, GH)).toEqual([
      `certificate identity (SAN) "${GH.subjectAlternativeName as string}" does not match /evil/`,
    ]);
    // A certificate without a SAN never matches, not even a pattern that matches the empty string.
    const none = checkIdentity({ subjectAlternativeNameRegExp: '.*' }, {});
    expect(none).toHaveLength(1);
    expect(none[0]).toMatch(refusal(null));
    const empty = checkIdentity({ subjectAlternativeNameRegExp: '' }, { subjectAlternativeName: '' });
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatch(refusal(''));
    expect(checkIdentity({ subjectAlternativeNameRegExp: /.*/ }, {})).toEqual(['certificate identity (SAN) null does not match /.*/']);
  });

  it('refuses a SAN regular expression that could backtrack (a configuration error, not a verdict)', () => {
    expect(() => checkIdentity({ subjectAlternativeNameRegExp: '(a+)+$' }, GH)).toThrow(/certificate identity regular expression/);
  });

  it('an exact issuer must be that issuer; an empty one demands a certificate without an issuer', () => {
    expect(checkIdentity({ issuer: 'https://accounts.google.com' }, GH)).toEqual([
      'OIDC issuer: expected "https://accounts.google.com", the certificate has "https://token.actions.githubusercontent.com"',
    ]);
    expect(checkIdentity({ issuer: 'https://accounts.google.com' }, {})).toEqual([
      'OIDC issuer: expected "https://accounts.google.com", the certificate has none',
    ]);
    expect(checkIdentity({ issuer: '' }, {})).toEqual([]);
    expect(checkIdentity({ issuer: '' }, { issuer: '' })).toEqual([
      'OIDC issuer: expected a certificate without one, the certificate has ""',
    ]);
    expect(checkIdentity({ issuer: '' }, GH)).toEqual([
      'OIDC issuer: expected a certificate without one, the certificate has "https://token.actions.githubusercontent.com"',
    ]);
  });

  it('the source repository is OWNER/REPO, github.com/OWNER/REPO or its URL', () => {
    expect(checkIdentity({ sourceRepository: 'acme/app' }, GH)).toEqual([]);
    expect(checkIdentity({ sourceRepository: 'github.com/acme/app' }, GH)).toEqual([]);
    expect(checkIdentity({ sourceRepository: 'https://github.com/acme/app' }, GH)).toEqual([]);
    expect(checkIdentity({ sourceRepository: 'evil/app' }, GH)).toEqual([
      'source repository: expected "https://github.com/evil/app", the certificate has "https://github.com/acme/app"',
    ]);
    // Only a leading github.com/ is a host; the same text elsewhere is part of the name.
    expect(checkIdentity({ sourceRepository: 'x/github.com/acme/app' }, GH)).toEqual([
      'source repository: expected "https://github.com/x/github.com/acme/app", the certificate has "https://github.com/acme/app"',
    ]);
    // A URL of another host is compared as given, never rewritten onto github.com.
    expect(checkIdentity({ sourceRepository: 'https://ghe.example/acme/app' }, GH)).toEqual([
      'source repository: expected "https://ghe.example/acme/app", the certificate has "https://github.com/acme/app"',
    ]);
    expect(checkIdentity({ sourceRepository: 'acme/app' }, {})).toEqual([
      'source repository: expected "https://github.com/acme/app", the certificate has none',
    ]);
  });

  it('the source ref is exact', () => {
    expect(checkIdentity({ sourceRef: 'refs/heads/dev' }, GH)).toEqual([
      'source ref: expected "refs/heads/dev", the certificate has "refs/heads/main"',
    ]);
    expect(checkIdentity({ sourceRef: 'refs/heads/MAIN' }, GH)).toHaveLength(1);
  });

  it('the source commit is compared without regard to case, and a different one is refused', () => {
    expect(checkIdentity({ sourceCommit: 'abcdef0123456789abcdef0123456789abcdef01' }, GH)).toEqual([]);
    expect(checkIdentity({ sourceCommit: '0000000000000000000000000000000000000000' }, GH)).toEqual([
      'source commit: expected "0000000000000000000000000000000000000000", the certificate has "abcdef0123456789abcdef0123456789abcdef01"',
    ]);
    expect(checkIdentity({ sourceCommit: 'ABC' }, {})).toEqual(['source commit: expected "abc", the certificate has none']);
  });

  it('the workflow (build config URI) and the signer workflow (build signer URI) are held apart', () => {
    expect(checkIdentity({ workflowRef: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main' }, GH)).toEqual([]);
    expect(checkIdentity({ workflowRef: 'acme/shared/.github/workflows/sign.yml@refs/tags/v1' }, GH)).toEqual([
      'workflow (build config URI): expected "https://github.com/acme/shared/.github/workflows/sign.yml@refs/tags/v1", the certificate has "https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main"',
    ]);
    expect(checkIdentity({ signerWorkflowRef: 'acme/shared/.github/workflows/sign.yml@refs/tags/v1' }, GH)).toEqual([]);
    expect(checkIdentity({ signerWorkflowRef: 'acme/app/.github/workflows/release.yml@refs/heads/main' }, GH)).toEqual([
      'signer workflow (build signer URI): expected "https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main", the certificate has "https://github.com/acme/shared/.github/workflows/sign.yml@refs/tags/v1"',
    ]);
  });

  it('the runner environment and the trigger are exact', () => {
    expect(checkIdentity({ runnerEnvironment: 'github-hosted' }, { ...GH, runnerEnvironment: 'self-hosted' })).toEqual([
      'runner environment: expected "github-hosted", the certificate has "self-hosted"',
    ]);
    expect(checkIdentity({ runnerEnvironment: 'github-hosted' }, {})).toEqual([
      'runner environment: expected "github-hosted", the certificate has none',
    ]);
    expect(checkIdentity({ trigger: 'release' }, GH)).toEqual(['trigger: expected "release", the certificate has "push"']);
  });

  it('reports every unmet field, in policy order', () => {
    expect(
      checkIdentity(
        {
          subjectAlternativeName: 'x',
          subjectAlternativeNameRegExp: '^y$',
          issuer: 'i',
          sourceRepository: 'o/r',
          sourceRef: 'refs/x',
          sourceCommit: 'c',
          workflowRef: 'o/r/w@x',
          signerWorkflowRef: 'o/r/s@x',
          runnerEnvironment: 'self-hosted',
          trigger: 'schedule',
        },
        GH,
      ).map((p) => p.split(/[:" ]/)[0]),
    ).toEqual(['certificate', 'certificate', 'OIDC', 'source', 'source', 'source', 'workflow', 'signer', 'runner', 'trigger']);
  });
});
