/**
 * A provenance's claims against the certificate that signed it: what is read from SLSA v0.2 and v1,
 * and each disagreement (repository, commit, workflow, ref) is refused; silence on either side is not.
 */
import type { Statement } from '@secure-factory/core';
import type { CertificateIdentity } from './certificate.js';
import { checkClaimsAgainstCertificate, provenanceClaims } from './claims.js';

const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

function statement(predicateType: string, predicate: unknown): Statement {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'x', digest: { sha256: 'c'.repeat(64) } }],
    predicateType,
    predicate,
  } as Statement;
}
const v1 = (predicate: unknown): Statement => statement('https://slsa.dev/provenance/v1', predicate);
const v02 = (predicate: unknown): Statement => statement('https://slsa.dev/provenance/v0.2', predicate);

/** GitHub's build provenance (actions/attest-build-provenance) as it is written. */
const GITHUB_V1 = {
  buildDefinition: {
    buildType: 'https://actions.github.io/buildtypes/workflow/v1',
    externalParameters: {
      workflow: { ref: 'refs/heads/main', repository: 'https://github.com/acme/app', path: '.github/workflows/release.yml' },
    },
    internalParameters: { github: { event_name: 'push', repository_id: '1' } },
    resolvedDependencies: [{ uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: SHA } }],
  },
  runDetails: { builder: { id: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main' } },
};

const CERT: CertificateIdentity = {
  sourceRepositoryUri: 'https://github.com/acme/app',
  sourceRepositoryDigest: SHA,
  sourceRepositoryRef: 'refs/heads/main',
  buildConfigUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
};

describe('provenanceClaims', () => {
  it('reads GitHub build provenance (SLSA v1)', () => {
    expect(provenanceClaims(v1(GITHUB_V1))).toStrictEqual({
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      builderId: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      repository: 'acme/app',
      ref: 'refs/heads/main',
      workflowPath: '.github/workflows/release.yml',
      commit: SHA,
      inputs: {},
    });
  });

  it('SLSA v1: a repository without a scheme is on github.com; the workflow ref wins over the dependency ref', () => {
    const p = structuredClone(GITHUB_V1);
    p.buildDefinition.externalParameters.workflow.repository = 'acme/app';
    p.buildDefinition.resolvedDependencies = [{ uri: 'git+https://github.com/acme/app@refs/tags/v9', digest: { gitCommit: SHA } }];
    expect(provenanceClaims(v1(p))).toMatchObject({ repository: 'acme/app', ref: 'refs/heads/main', commit: SHA });
  });

  it('SLSA v1: a workflow repository without a scheme alone names the repository; internal github.repository does not override it', () => {
    const p = {
      buildDefinition: {
        externalParameters: { workflow: { repository: 'acme/app' } },
        internalParameters: { github: { repository: 'evil/other' } },
      },
    };
    expect(provenanceClaims(v1(p))).toStrictEqual({ repository: 'acme/app', inputs: {} });
  });

  it('SLSA v0.2: inputs that are a list are no inputs', () => {
    const p = { invocation: { parameters: { inputs: ['x'] }, environment: { github_event_payload: { inputs: { b: 2 } } } } };
    expect(provenanceClaims(v02(p))).toStrictEqual({ inputs: { b: 2 } });
  });

  it('SLSA v1: the commit is that of the dependency in the same repository (any case), by gitCommit or sha1', () => {
    const p = structuredClone(GITHUB_V1) as unknown as {
      buildDefinition: { resolvedDependencies: unknown[]; externalParameters: { workflow: Record<string, unknown> } };
    };
    p.buildDefinition.resolvedDependencies = [
      { uri: 'git+https://github.com/other/lib@refs/heads/main', digest: { gitCommit: OTHER } },
      { uri: 'git+https://github.com/acme/app@refs/heads/main' },
      'not an object',
      { uri: 'git+https://github.com/ACME/App.git@refs/heads/main', digest: { sha1: SHA } },
      { uri: 'git+https://github.com/acme/app@refs/heads/main', digest: { gitCommit: OTHER } },
    ];
    expect(provenanceClaims(v1(p))?.commit).toBe(SHA);
  });

  it('SLSA v1: without a workflow repository, the first dependency with a commit names repository, ref and commit', () => {
    const p = {
      buildDefinition: {
        externalParameters: { workflow: { path: 'w.yml' } },
        resolvedDependencies: [
          { uri: 'git+https://github.com/acme/app@refs/tags/v1', digest: {} },
          { uri: 'not a url', digest: { gitCommit: OTHER } },
          { uri: 'git+https://github.com/acme/app@refs/tags/v2', digest: { gitCommit: SHA } },
        ],
      },
    };
    expect(provenanceClaims(v1(p))).toStrictEqual({
      workflowPath: 'w.yml',
      commit: SHA,
      repository: 'acme/app',
      ref: 'refs/tags/v2',
      inputs: {},
    });
  });

  it('SLSA v1: inputs are the external ones, else the event payload ones; the repository falls back to internal github.repository', () => {
    const withInputs = v1({ buildDefinition: { externalParameters: { inputs: { level: 3 } } } });
    expect(provenanceClaims(withInputs)).toStrictEqual({ inputs: { level: 3 } });
    const fromEvent = v1({
      buildDefinition: {
        externalParameters: {},
        internalParameters: { github: { repository: 'acme/app', event_payload: { inputs: { level: 4 } } } },
      },
    });
    expect(provenanceClaims(fromEvent)).toStrictEqual({ inputs: { level: 4 }, repository: 'acme/app' });
  });

  it('SLSA v1: empty strings and wrong types are not claims', () => {
    expect(
      provenanceClaims(
        v1({
          buildDefinition: {
            buildType: '',
            externalParameters: { workflow: { repository: '', ref: 7, path: ['x'] } },
            resolvedDependencies: 'x',
          },
          runDetails: { builder: { id: '' } },
        }),
      ),
    ).toStrictEqual({ inputs: {} });
    expect(provenanceClaims(v1(null))).toStrictEqual({ inputs: {} });
    expect(provenanceClaims(v1([1, 2]))).toStrictEqual({ inputs: {} });
  });

  it('reads SLSA v0.2 (the generic GitHub generator)', () => {
    const p = {
      builder: {
        id: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v1.9.0',
      },
      buildType: 'https://github.com/slsa-framework/slsa-github-generator/generic@v1',
      invocation: {
        configSource: {
          uri: 'git+https://github.com/acme/app.git@refs/tags/v1.2.3',
          digest: { sha1: SHA },
          entryPoint: '.github/workflows/release.yml',
        },
        parameters: {},
        environment: {
          github_event_payload: { inputs: { dry: 'no' } },
          github_repository: 'other/repo',
          github_sha1: OTHER,
          github_ref: 'refs/x',
        },
      },
    };
    expect(provenanceClaims(v02(p))).toStrictEqual({
      repository: 'acme/app',
      ref: 'refs/tags/v1.2.3',
      commit: SHA,
      workflowPath: '.github/workflows/release.yml',
      builderId: p.builder.id,
      buildType: p.buildType,
      inputs: { dry: 'no' },
    });
  });

  it('SLSA v0.2: parameters.inputs win over the event payload; the environment fills what the config source lacks', () => {
    const p = {
      invocation: {
        configSource: { uri: 'https://gitlab.com/acme/app' },
        parameters: { inputs: { a: 1 } },
        environment: {
          github_event_payload: { inputs: { b: 2 } },
          github_repository: 'acme/app',
          github_sha1: SHA,
          github_ref: 'refs/heads/main',
        },
      },
    };
    expect(provenanceClaims(v02(p))).toStrictEqual({ inputs: { a: 1 }, repository: 'acme/app', commit: SHA, ref: 'refs/heads/main' });
    expect(provenanceClaims(v02({}))).toStrictEqual({ inputs: {} });
  });

  it('repository URIs: https or git+https on github.com, with or without .git and @ref; nothing else', () => {
    const repoOf = (uri: string): unknown => provenanceClaims(v02({ invocation: { configSource: { uri } } }));
    expect(repoOf('https://github.com/acme/app')).toStrictEqual({ repository: 'acme/app', inputs: {} });
    expect(repoOf('git+https://github.com/acme/app.git')).toStrictEqual({ repository: 'acme/app', inputs: {} });
    expect(repoOf('https://github.com/acme/app@refs/heads/x')).toStrictEqual({ repository: 'acme/app', ref: 'refs/heads/x', inputs: {} });
    expect(repoOf('https://github.com/acme/app/extra')).toStrictEqual({ inputs: {} });
    expect(repoOf('http://github.com/acme/app')).toStrictEqual({ inputs: {} });
    expect(repoOf('xhttps://github.com/acme/app')).toStrictEqual({ inputs: {} });
    expect(repoOf('https://github.com/acme/app@')).toStrictEqual({ inputs: {} });
    expect(repoOf('https://github.com/acme')).toStrictEqual({ inputs: {} });
  });

  it('other predicate types make no claims', () => {
    expect(provenanceClaims(statement('https://spdx.dev/Document', GITHUB_V1))).toBeUndefined();
    expect(provenanceClaims(statement('https://slsa.dev/provenance/v1.0', GITHUB_V1))).toBeUndefined();
  });
});

describe('checkClaimsAgainstCertificate', () => {
  it('agreeing claims pass; so does a certificate or a statement that says nothing', () => {
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), CERT)).toEqual([]);
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), {})).toEqual([]);
    expect(checkClaimsAgainstCertificate(v1({}), CERT)).toEqual([]);
    expect(
      checkClaimsAgainstCertificate(statement('https://spdx.dev/Document', GITHUB_V1), {
        sourceRepositoryUri: 'https://github.com/evil/x',
      }),
    ).toEqual([]);
  });

  it('the repository is compared without regard to case; another repository is refused', () => {
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { sourceRepositoryUri: 'https://github.com/ACME/APP' })).toEqual([]);
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { sourceRepositoryUri: 'https://github.com/evil/app' })).toEqual([
      'the provenance names repository acme/app but the certificate was issued to evil/app',
    ]);
  });

  it('another commit is refused (case aside)', () => {
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { sourceRepositoryDigest: SHA.toUpperCase() })).toEqual([]);
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { sourceRepositoryDigest: OTHER })).toEqual([
      `the provenance names commit ${SHA} but the certificate's is ${OTHER}`,
    ]);
  });

  it("another workflow than the certificate's build config is refused; a leading ./ is the same path", () => {
    const other = 'https://github.com/acme/app/.github/workflows/other.yml@refs/heads/main';
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { buildConfigUri: other })).toEqual([
      `the provenance names workflow .github/workflows/release.yml but the certificate's build config is ${other}`,
    ]);
    const dotted = structuredClone(GITHUB_V1);
    dotted.buildDefinition.externalParameters.workflow.path = './.github/workflows/release.yml';
    expect(checkClaimsAgainstCertificate(v1(dotted), { buildConfigUri: CERT.buildConfigUri })).toEqual([]);
    // Only a leading ./ is dropped: a ./ inside the path is another path.
    const inner = structuredClone(GITHUB_V1);
    inner.buildDefinition.externalParameters.workflow.path = '.github/./workflows/release.yml';
    expect(checkClaimsAgainstCertificate(v1(inner), { buildConfigUri: CERT.buildConfigUri })).toEqual([
      `the provenance names workflow .github/./workflows/release.yml but the certificate's build config is ${CERT.buildConfigUri as string}`,
    ]);
    // A build config URI that is not a GitHub workflow URL is not compared.
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { buildConfigUri: 'https://gitlab.com/acme/app/w.yml@main' })).toEqual([]);
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { buildConfigUri: 'https://github.com/acme/app/other.yml' })).toEqual([]);
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { buildConfigUri: 'x https://github.com/acme/app/other.yml@main' })).toEqual([]);
  });

  it('another ref is refused, exactly', () => {
    expect(checkClaimsAgainstCertificate(v1(GITHUB_V1), { sourceRepositoryRef: 'refs/heads/MAIN' })).toEqual([
      "the provenance names ref refs/heads/main but the certificate's is refs/heads/MAIN",
    ]);
  });

  it('every disagreement at once, in order', () => {
    expect(
      checkClaimsAgainstCertificate(v1(GITHUB_V1), {
        sourceRepositoryUri: 'https://github.com/evil/app',
        sourceRepositoryDigest: OTHER,
        buildConfigUri: 'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/dev',
        sourceRepositoryRef: 'refs/heads/dev',
      }),
    ).toEqual([
      'the provenance names repository acme/app but the certificate was issued to evil/app',
      `the provenance names commit ${SHA} but the certificate's is ${OTHER}`,
      "the provenance names workflow .github/workflows/release.yml but the certificate's build config is https://github.com/evil/app/.github/workflows/x.yml@refs/heads/dev",
      "the provenance names ref refs/heads/main but the certificate's is refs/heads/dev",
    ]);
  });
});
