import { makeStatement, PREDICATE, STATEMENT_TYPE, subjectFor } from './statement.js';
import { validateStatement } from './statement-schema.js';

const digest = 'a'.repeat(64);

describe('in-toto Statement v1 schema', () => {
  it('accepts a statement with a provenance predicate', () => {
    const st = makeStatement([subjectFor('app.tgz', { sha256: digest })], PREDICATE.provenance, {
      buildDefinition: { buildType: 'https://example.com/bt/v1', externalParameters: { command: 'make' } },
      runDetails: { builder: { id: 'https://example.com/builder' }, metadata: { startedOn: '2026-11-25T00:00:00Z' } },
    });
    expect(validateStatement(st)).toEqual([]);
  });

  it('rejects a subject without digest, a wrong _type and an upper-case sha256', () => {
    expect(
      validateStatement({ _type: STATEMENT_TYPE, subject: [{ name: 'x' }], predicateType: 'https://x/y', predicate: {} }).join(),
    ).toMatch(/digest/);
    expect(
      validateStatement({
        _type: 'https://in-toto.io/Statement/v0.1',
        subject: [{ name: 'x', digest: { sha256: digest } }],
        predicateType: 'https://x',
        predicate: {},
      }).join(),
    ).toMatch(/_type/);
    expect(
      validateStatement({
        _type: STATEMENT_TYPE,
        subject: [{ digest: { sha256: 'A'.repeat(64) } }],
        predicateType: 'https://x',
        predicate: {},
      }).join(),
    ).toMatch(/sha256/);
  });

  it('rejects an empty subject list and a VSA with an unknown result', () => {
    expect(validateStatement({ _type: STATEMENT_TYPE, subject: [], predicateType: 'https://x', predicate: {} })).not.toEqual([]);
    const vsa = makeStatement([subjectFor('c', { gitCommit: 'b'.repeat(40) })], PREDICATE.vsa, {
      verifier: { id: 'https://example.com/v' },
      timeVerified: '2026-11-25T00:00:00Z',
      resourceUri: 'git+https://github.com/o/r@refs/heads/main',
      policy: { uri: 'file:policy.yml' },
      verificationResult: 'MAYBE',
      verifiedLevels: ['SLSA_SOURCE_LEVEL_1'],
    });
    expect(validateStatement(vsa).join()).toMatch(/verificationResult.*PASSED/);
  });

  it('accepts vulns v0.1 and test-result v0.1 predicates', () => {
    expect(
      validateStatement(
        makeStatement([subjectFor('c', { sha256: digest })], PREDICATE.vulns, {
          scanner: {
            uri: 'pkg:npm/secure-factory@0.1.0',
            version: '0.1.0',
            database: { uri: 'osv', lastUpdate: '2026-11-25T00:00:00Z' },
            result: { vulnerabilities: [{ id: 'GHSA-1', severity: [{ method: 'CVSS_V3', score: '9.8' }] }] },
          },
          scanMetadata: { scanStartedOn: '2026-11-25T00:00:00Z', scanFinishedOn: '2026-11-25T00:00:01Z' },
        }),
      ),
    ).toEqual([]);
    expect(
      validateStatement(
        makeStatement([subjectFor('c', { sha256: digest })], PREDICATE.testResult, {
          result: 'PASSED',
          configuration: [{ name: 'npm test', digest: { sha256: digest } }],
        }),
      ),
    ).toEqual([]);
  });
});
