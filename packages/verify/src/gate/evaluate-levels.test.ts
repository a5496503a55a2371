/**
 * The SLSA levels evaluate() vouches for (they go into the VSA the next system trusts), and the
 * findings a CEL rule sees when there is no scan.
 */
import { makeStatement, parsePolicy, PREDICATE, type Statement } from '@secure-factory/core';
import { evaluate } from './evaluate.js';
import type { Evidence } from './types.js';
import { BUILDER, CERT, DIGEST, NOW, PROVENANCE } from './__tests__/fixtures.js';

/** The artefact, and for a VSA the commit it verified (as the factory's source stage names it). */
const subjectsFor = (predicateType: string): Statement['subject'] => [
  { name: 'app', digest: { sha256: DIGEST } },
  ...(predicateType === PREDICATE.vsa ? [{ name: 'git+https://github.com/acme/app', digest: { gitCommit: 'c'.repeat(40) } }] : []),
];

function ev(predicateType: string, predicate: Record<string, unknown>): Evidence {
  const statement: Statement = makeStatement(subjectsFor(predicateType), predicateType, predicate);
  return {
    statement,
    signer: CERT,
    trustedTime: { time: new Date(NOW.getTime() - 3600_000), source: 'tlog' },
    origin: `${predicateType}.sigstore.json`,
    bundleDigest: predicateType.length.toString(16).padStart(64, '0'),
  };
}

const provenance = (): Evidence => ev(PREDICATE.provenance, PROVENANCE);
const sourceVsa = (verifiedLevels: string[]): Evidence =>
  ev(PREDICATE.vsa, { verifier: { id: 'x' }, verificationResult: 'PASSED', verifiedLevels });

function run(deploy: string, evidence: Evidence[]) {
  const policy = parsePolicy(`apiVersion: secure-factory/v1\ndeploy:\n  prod: { ${deploy} }\n`, 'p.yml', { now: NOW });
  return evaluate({ digest: DIGEST, environment: 'prod', policy, evidence, rejected: [], now: NOW });
}

describe('evaluate: the SLSA Source level claimed from the source VSA', () => {
  const deploy = `require: [provenance, source], builder: ${BUILDER}`;

  it('claims only well-formed SLSA_SOURCE_LEVEL_N entries, never one that merely starts like one', () => {
    // Sorted as strings, the look-alike would come after the real level and be claimed instead.
    const r = run(deploy, [provenance(), sourceVsa(['SLSA_SOURCE_LEVEL_2', 'SLSA_SOURCE_LEVEL_2x'])]);
    expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
    expect(r.allowed).toBe(true);
    expect(r.verifiedLevels).toStrictEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']);
  });

  it('reads a level number of more than one digit', () => {
    const r = run(deploy, [provenance(), sourceVsa(['SLSA_SOURCE_LEVEL_10'])]);
    expect(r.allowed).toBe(true);
    expect(r.verifiedLevels).toStrictEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_10']);
    // The highest by number: as text, _2 sorts after _10.
    const both = run(deploy, [provenance(), sourceVsa(['SLSA_SOURCE_LEVEL_10', 'SLSA_SOURCE_LEVEL_2'])]);
    expect(both.verifiedLevels).toStrictEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_10']);
  });

  it('without provenance no Build level is claimed, only the source level', () => {
    const r = run(`require: [source], builder: ${BUILDER}`, [sourceVsa(['SLSA_SOURCE_LEVEL_3'])]);
    expect(r.allowed).toBe(true);
    expect(r.verifiedLevels).toStrictEqual(['SLSA_SOURCE_LEVEL_3']);
  });
});

describe('evaluate: CEL rules without a vulnerability scan', () => {
  it('see an empty findings list, so a rule on it holds', () => {
    const r = run(`require: [provenance], builder: ${BUILDER}, rules: [{ name: clean, expression: 'size(findings) == 0' }]`, [
      provenance(),
    ]);
    expect(r.checks.find((c) => c.id === 'rule:clean')?.status).toBe('pass');
    expect(r.allowed).toBe(true);
  });
});
