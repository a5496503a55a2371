/**
 * Which builder a provenance names (`provenanceBuilderId`), on predicates missing the parts that hold it:
 * a statement of another type never names one (even with a `builder` field), and a provenance without
 * `runDetails.builder` (v1) or `builder` (v0.2), or with no predicate at all, names none rather than throwing.
 */
import { PREDICATE, type Statement } from '@secure-factory/core';
import { provenanceBuilderId } from './sigstore-verifier.js';

const SLSA_V02 = 'https://slsa.dev/provenance/v0.2';
const st = (predicateType: string, predicate: unknown): Statement =>
  ({ _type: 'https://in-toto.io/Statement/v1', subject: [], predicateType, predicate }) as Statement;

describe('provenanceBuilderId on incomplete predicates', () => {
  it('a statement that is not a provenance names no builder, whatever fields it has', () => {
    expect(provenanceBuilderId(st(PREDICATE.cyclonedx, { builder: { id: 'b2' } }))).toBeUndefined();
    expect(provenanceBuilderId(st(PREDICATE.vulns, { builder: { id: 'b2' }, runDetails: { builder: { id: 'b1' } } }))).toBeUndefined();
  });

  it('SLSA v1 without runDetails.builder names none', () => {
    expect(provenanceBuilderId(st(PREDICATE.provenance, { runDetails: {} }))).toBeUndefined();
    expect(provenanceBuilderId(st(PREDICATE.provenance, {}))).toBeUndefined();
  });

  it('SLSA v0.2 without builder, or without a predicate, names none', () => {
    expect(provenanceBuilderId(st(SLSA_V02, {}))).toBeUndefined();
    expect(provenanceBuilderId(st(SLSA_V02, null))).toBeUndefined();
  });
});
