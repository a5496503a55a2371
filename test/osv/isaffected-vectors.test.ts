/**
 * osv-scalibr's IsAffected vectors: a full OSV record, a package version, and whether upstream says
 * it is affected. Every vector must agree.
 */
import { isAffected, type OsvRecord } from '../../packages/materials/src/osv/index.js';
import { describeShared, readJsonl } from '../support/shared.js';

interface Vector {
  test_func: string;
  test_line: number;
  vuln_variant: number;
  package: { ecosystem: string; name: string; version: string };
  osv: OsvRecord;
  expected_affected: boolean;
}

describeShared('OSV isAffected vectors (osv-scalibr)', () => {
  const vectors = readJsonl<Vector>('corpora', 'lockfiles', 'osv-vuln-matching', 'isaffected-vectors.jsonl');

  it('reads all 194 vectors', () => {
    expect(vectors).toHaveLength(194);
  });

  it.each(
    vectors.map((v, i) => [`${i + 1} ${v.test_func}#${v.vuln_variant} ${v.package.name}@${JSON.stringify(v.package.version)}`, v] as const),
  )('%s', (_name, v) => {
    expect(isAffected(v.osv, v.package)).toBe(v.expected_affected);
  });
});
