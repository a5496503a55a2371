/** Findings out of a signed scan: severities (words and CVSS scores), packages and fixes; no usable severity is critical. */
import { severityOf, vulnFindings } from './vulns.js';

const scan = (vulnerabilities: unknown[]) => ({ scanner: { uri: 'x', result: { vulnerabilities } } });
const one = (v: Record<string, unknown>) => vulnFindings(scan([{ id: 'V-1', ...v }]))[0];

describe('severityOf', () => {
  it('reads severity words in any case and with spaces; moderate is medium', () => {
    expect(['critical', ' HIGH ', 'Medium', 'low', 'INFO', 'moderate', 'MODERATE'].map(severityOf)).toEqual([
      'critical',
      'high',
      'medium',
      'low',
      'info',
      'medium',
      'medium',
    ]);
  });

  it('none and unknown are no severity (the finding then counts as critical)', () => {
    expect(severityOf('none')).toBeUndefined();
    expect(severityOf('UNKNOWN')).toBeUndefined();
    expect(severityOf('')).toBeUndefined();
    expect(severityOf('severe')).toBeUndefined();
  });

  it('maps CVSS base scores at the CVSS v3 boundaries', () => {
    const cases: [string, string | undefined][] = [
      ['10', 'critical'],
      ['9.0', 'critical'],
      ['9', 'critical'],
      ['8.9', 'high'],
      ['7', 'high'],
      ['7.0', 'high'],
      ['6.9', 'medium'],
      ['4.0', 'medium'],
      ['4', 'medium'],
      ['3.9', 'low'],
      ['0.1', 'low'],
      ['0.0', 'info'],
      ['0', 'info'],
      // Scores with two decimals (some feeds round to hundredths).
      ['6.95', 'medium'],
      ['8.99', 'high'],
    ];
    expect(cases.map(([s]) => severityOf(s))).toEqual(cases.map(([, want]) => want));
  });

  it('a score must be the whole text: anything around it is no severity', () => {
    for (const s of ['9.8x', 'x9.8', '9.', '.5', '9.8.1', '-1', '1e1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H']) {
      expect(severityOf(s)).toBeUndefined();
    }
  });
});

describe('vulnFindings', () => {
  it('a predicate without a scanner, result or list has no findings', () => {
    expect(vulnFindings({})).toEqual([]);
    expect(vulnFindings({ scanner: {} })).toEqual([]);
    expect(vulnFindings({ scanner: { result: {} } })).toEqual([]);
  });

  it('takes the highest of several scores, whatever their order', () => {
    expect(one({ severity: [{ score: 'low' }, { score: 'high' }, { score: 'medium' }] })?.severity).toBe('high');
    expect(one({ severity: [{ score: 'high' }, { score: 'low' }] })?.severity).toBe('high');
    expect(one({ severity: [{ score: '5.0' }, { score: '9.1' }] })?.severity).toBe('critical');
  });

  it('reads only string scores; anything malformed gives no severity, which is critical', () => {
    expect(one({ severity: 'low' })?.severity).toBe('critical');
    expect(one({ severity: [{ score: 2 }] })?.severity).toBe('critical');
    expect(one({ severity: [null, { score: 'low' }] })?.severity).toBe('low');
    expect(one({ severity: [{ score: 'none' }] })?.severity).toBe('critical');
    expect(one({ severity: [{ score: 'bogus' }] })?.severity).toBe('critical');
  });

  it('a score wins over the annotation; the annotation is read when there is no score', () => {
    expect(one({ severity: [{ score: 'low' }], annotations: [{ severity: 'high' }] })?.severity).toBe('low');
    expect(one({ annotations: [{ severity: 'medium' }] })?.severity).toBe('medium');
    expect(one({ annotations: [{ severity: 3 }] })?.severity).toBe('critical');
    expect(one({ annotations: [{ severity: 'none' }] })?.severity).toBe('critical');
  });

  it('merges the annotations; a later one overrides an earlier one', () => {
    expect(
      one({
        annotations: [
          { severity: 'low', package: 'a' },
          { package: 'b', version: '2' },
        ],
      }),
    ).toEqual({
      id: 'V-1',
      aliases: [],
      severity: 'low',
      package: 'b@2',
      packageName: 'b',
      packageVersion: '2',
    });
  });

  it('names the package from an object, a string, a purl or a name; a name with @ is kept as it is', () => {
    expect(one({ annotations: [{ package: { name: 'x', version: '1' }, version: '9' }] })).toMatchObject({
      package: 'x@1',
      packageName: 'x',
      packageVersion: '1',
    });
    expect(one({ annotations: [{ package: { name: 'x' }, version: '9' }] })).toMatchObject({ package: 'x@9', packageVersion: '9' });
    expect(one({ annotations: [{ package: 'lodash@4.17.20', version: '4.17.20' }] })).toMatchObject({
      package: 'lodash@4.17.20',
      packageName: 'lodash@4.17.20',
      packageVersion: '4.17.20',
    });
    expect(one({ annotations: [{ purl: 'pkg:npm/lodash' }] })).toMatchObject({ package: 'pkg:npm/lodash', packageName: 'pkg:npm/lodash' });
    expect(one({ annotations: [{ name: 'lodash' }] })).toMatchObject({ package: 'lodash', packageName: 'lodash' });
    expect(one({ annotations: [{ package: '', name: 'n' }] })).toMatchObject({ packageName: 'n' });
    const bare = one({ annotations: [{ version: '1' }] });
    expect(bare).toEqual({ id: 'V-1', aliases: [], severity: 'critical' });
  });

  it('reads the fix from fixed or fixedVersions (lists or text); an empty list is no fix', () => {
    expect(one({ annotations: [{ fixed: ['1', '2'] }] })?.fixed).toBe('1, 2');
    expect(one({ annotations: [{ fixedVersions: ['3'] }] })?.fixed).toBe('3');
    expect(one({ annotations: [{ fixed: [], fixedVersions: ['4'] }] })?.fixed).toBe('4');
    expect(one({ annotations: [{ fixed: '5' }] })?.fixed).toBe('5');
    expect(one({ annotations: [{ fixedVersion: '6' }] })?.fixed).toBe('6');
    expect(one({ annotations: [{ fixed: [] }] })).not.toHaveProperty('fixed');
    expect(one({ annotations: [{ fixed: '' }] })).not.toHaveProperty('fixed');
  });

  it('reads aliases only from a list', () => {
    expect(one({ annotations: [{ aliases: ['CVE-1', 2] }] })?.aliases).toEqual(['CVE-1', '2']);
    expect(one({ annotations: [{ aliases: 'CVE-1' }] })?.aliases).toEqual([]);
  });
});

describe('annotations are own keys only', () => {
  it('an annotation named __proto__ cannot lend the finding a severity, package or fix', () => {
    const predicate = JSON.parse(
      '{"scanner":{"result":{"vulnerabilities":[{"id":"GHSA-x","annotations":[{"__proto__":{"severity":"low","package":"left-pad","fixed":"9.9.9"}}]}]}}}',
    ) as unknown;
    expect(vulnFindings(predicate)).toEqual([{ id: 'GHSA-x', aliases: [], severity: 'critical' }]);
  });
});
