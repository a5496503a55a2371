import { mergeHits, type Hit } from './merge.js';
import type { OsvRecord } from './types.js';

const pkg = { ecosystem: 'PyPI', name: 'Django', version: '3.2.0' };
const hit = (record: OsvRecord, fixedVersions: string[] = [], p = pkg): Hit => ({ pkg: p, record, entries: [], fixedVersions });

describe('mergeHits', () => {
  it('merges records that share ids or aliases into one match, GHSA id first', () => {
    const matches = mergeHits([
      hit(
        {
          id: 'PYSEC-2021-1',
          aliases: ['CVE-2021-1', 'GHSA-aaaa-bbbb-cccc'],
          modified: '2024-02-01T00:00:00Z',
          published: '2021-01-02T00:00:00Z',
        },
        ['3.2.5'],
      ),
      hit(
        {
          id: 'GHSA-aaaa-bbbb-cccc',
          aliases: ['CVE-2021-1'],
          summary: 'SQL injection',
          database_specific: { severity: 'HIGH' },
          modified: '2024-01-01T00:00:00Z',
          published: '2021-01-01T00:00:00Z',
        },
        ['3.2.4', '3.2.5'],
      ),
      hit({ id: 'GHSA-dddd-eeee-ffff', related: ['CVE-2021-1'], database_specific: { severity: 'LOW' } }),
    ]);
    expect(matches).toHaveLength(2);
    expect(matches[0]).toMatchObject({
      id: 'GHSA-aaaa-bbbb-cccc',
      aliases: ['CVE-2021-1', 'PYSEC-2021-1'],
      severity: 'high',
      fixedVersions: ['3.2.4', '3.2.5'],
      summary: 'SQL injection',
      modified: '2024-02-01T00:00:00Z',
      published: '2021-01-01T00:00:00Z',
    });
    expect(matches[1]).toMatchObject({ id: 'GHSA-dddd-eeee-ffff', aliases: [], severity: 'low' });
  });

  it('merges transitively (A~B, B~C) and independently of input order', () => {
    const records: OsvRecord[] = [
      { id: 'OSV-3', aliases: ['CVE-2'] },
      { id: 'OSV-1', aliases: ['CVE-1'] },
      { id: 'OSV-2', aliases: ['CVE-1', 'CVE-2'] },
    ];
    const a = mergeHits(records.map((r) => hit(r)));
    const b = mergeHits([...records].reverse().map((r) => hit(r)));
    expect(a).toEqual(b);
    expect(a).toHaveLength(1);
    expect(a[0]?.id).toBe('OSV-1');
    expect(a[0]?.aliases).toEqual(['CVE-1', 'CVE-2', 'OSV-2', 'OSV-3']);
  });

  it('keeps one issue on two versions of a package as two matches', () => {
    const r: OsvRecord = { id: 'GHSA-x' };
    const matches = mergeHits([
      hit(r, [], { ...pkg, version: '1.0.0' }),
      hit(r, [], { ...pkg, version: '2.0.0' }),
      hit(r, [], { ...pkg, version: '2.0.0', name: 'django' }),
    ]);
    expect(matches.map((m) => m.package.version)).toEqual(['1.0.0', '2.0.0']);
  });
});
