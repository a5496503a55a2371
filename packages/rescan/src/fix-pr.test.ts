import type { Remediation } from '@secure-factory/core';
import { fixBranch, fixRequests, prBody, requestStamp } from './fix-pr.js';
import type { RescanMatch } from './remediation.js';

const rem = (over: Partial<Remediation> = {}): Remediation => ({
  advisory: 'GHSA-xvch-5gv4-984h',
  aliases: ['CVE-2021-44906'],
  package: { ecosystem: 'npm', name: 'minimist', version: '1.2.0' },
  severity: 'critical',
  fixedVersions: ['1.2.6'],
  digests: ['sha256:aa'],
  environments: ['production'],
  firstSeen: '2026-12-01T09:00:00.000Z',
  deadline: '2026-12-02T09:00:00.000Z',
  status: 'open',
  issue: { number: 4 },
  ...over,
});
const match = (version: string, waived = false): RescanMatch => ({
  advisory: 'GHSA-xvch-5gv4-984h',
  aliases: [],
  package: { ecosystem: 'npm', name: 'minimist', version },
  severity: 'critical',
  fixedVersions: ['1.2.6'],
  digest: `sha256:${version}`,
  environment: 'production',
  waived,
});

describe('fix pull request requests', () => {
  it('groups by advisory, takes every vulnerable version deployed, skips waived, resolved and unfixed ones', () => {
    const reqs = fixRequests(
      [
        rem(),
        rem({ advisory: 'GHSA-none', fixedVersions: [] }),
        rem({ advisory: 'GHSA-done', status: 'resolved' }),
        rem({ advisory: 'GHSA-waived', status: 'waived' }),
      ],
      [match('1.2.0'), match('1.2.5'), match('1.2.3', true)],
    );
    expect(reqs).toEqual([
      expect.objectContaining({
        advisory: 'GHSA-xvch-5gv4-984h',
        issues: [4],
        packages: [{ ecosystem: 'npm', name: 'minimist', vulnerable: ['1.2.0', '1.2.5'], fixedVersions: ['1.2.6'] }],
      }),
    ]);
  });

  it('names a branch only from a plain advisory id', () => {
    expect(fixBranch('GHSA-xvch-5gv4-984h')).toBe('secure-factory/fix-GHSA-xvch-5gv4-984h');
    for (const bad of ['../main', 'GHSA-1/../../x', 'a..b', '-x', 'x.lock', 'a b', 'x;rm', ''])
      expect(() => fixBranch(bad)).toThrow(/cannot name a branch/);
  });

  it('links the issue without a closing keyword and escapes what came from outside', () => {
    const [req] = fixRequests([rem({ aliases: ['<img src=x onerror=alert(1)>'] })], []);
    const body = prBody(
      req as NonNullable<typeof req>,
      [{ name: 'minimist', at: 'node_modules/minimist', from: '1.2.0', to: '1.2.6', direct: false, lockfile: 'package-lock.json' }],
      ['npm install --package-lock-only'],
      'main',
      requestStamp(req as NonNullable<typeof req>, 'abc'),
    );
    expect(body).toContain('Remediates #4');
    expect(body).not.toMatch(/\b(fix|fixes|fixed|close|closes|closed|resolve|resolves|resolved) #\d/i);
    expect(body).not.toMatch(/(^|[^\\])<img/); // escaped: GitHub shows the text, renders no tag
    expect(body).toContain('\\<img');
    expect(body).toContain('secure-factory:fix-pr-request');
    // The stamp changes with the default branch's head (a new head means the fix is made again).
    expect(requestStamp(req as NonNullable<typeof req>, 'abc')).not.toBe(requestStamp(req as NonNullable<typeof req>, 'abd'));
  });
});
