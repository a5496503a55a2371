import cvssCalculator from 'ae-cvss-calculator';
import { cvssScore, recordSeverity, severityFromScore } from './severity.js';

describe('cvssScore', () => {
  it.each([
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 5.5],
    ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L', 3.7],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C', 9.8],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N', 0],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N', 6.9],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.7],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U', 9.3],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 7.5],
  ])('%s → %d', (vector, score) => {
    expect(cvssScore(vector)).toBe(score);
  });

  it.each([
    'CVSS:3.1/AV:N',
    'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    'CVSS:4.0/AV:N',
    'hello',
    '',
  ])('rejects %j', (vector) => {
    expect(cvssScore(vector)).toBeUndefined();
  });

  it('computes the v3.1 base score of every one of the 2592 base vectors as the reference calculator does', () => {
    const values = { AV: 'NALP', AC: 'LH', PR: 'NLH', UI: 'NR', S: 'UC', C: 'HLN', I: 'HLN', A: 'HLN' };
    let vectors = ['CVSS:3.1'];
    for (const [metric, options] of Object.entries(values)) {
      vectors = vectors.flatMap((v) => [...options].map((o) => `${v}/${metric}:${o}`));
    }
    expect(vectors).toHaveLength(2592);
    const mismatches = vectors.filter((v) => cvssScore(v) !== new cvssCalculator.Cvss3P1(v).calculateScores().base);
    expect(mismatches).toEqual([]);
  });
});

describe('severityFromScore', () => {
  it.each([
    [10, 'critical'],
    [9, 'critical'],
    [8.9, 'high'],
    [7, 'high'],
    [6.9, 'medium'],
    [4, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, 'info'],
  ] as const)('%d → %s', (score, rating) => {
    expect(severityFromScore(score)).toBe(rating);
  });
});

describe('recordSeverity', () => {
  it('takes the highest CVSS score of the record', () => {
    const v = recordSeverity({
      id: 'GHSA-1',
      severity: [
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
        { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
      ],
      database_specific: { severity: 'LOW' },
    });
    expect(v).toEqual({
      severity: 'critical',
      source: 'cvss_v4',
      score: '9.3',
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    });
  });
  it('prefers the matched package severity over the record', () => {
    const v = recordSeverity(
      {
        id: 'X-1',
        severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
        affected: [
          {
            package: { ecosystem: 'npm', name: 'a' },
            severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N' }],
          },
        ],
      },
      [0],
    );
    expect(v.score).toBe('5.5');
  });
  it('falls back to the GHSA database severity (MODERATE is medium)', () => {
    expect(recordSeverity({ id: 'GHSA-2', database_specific: { severity: 'MODERATE' } })).toEqual({
      severity: 'medium',
      source: 'database',
    });
  });
  it('calls a malicious package critical and an unscored advisory high', () => {
    expect(recordSeverity({ id: 'MAL-2025-1' }).severity).toBe('critical');
    expect(recordSeverity({ id: 'GO-2024-1' })).toEqual({ severity: 'high', source: 'unknown' });
  });
});
