/** The rescan's issue sync against a local GitHub API that keeps issues like the real one. */
import { InfrastructureError, MemoryLogger, type Remediation } from '@secure-factory/core';
import { IssueClient, marker } from '@secure-factory/rescan';
import { forbidden, startGitHubApiServer } from '../support/github-api-server.js';
import { startIssuesApi } from '../support/github-issues-api.js';

const remediation = (over: Partial<Remediation> = {}): Remediation => ({
  advisory: 'GHSA-xvch-5gv4-984h',
  aliases: ['CVE-2021-44906'],
  package: { ecosystem: 'npm', name: 'minimist', version: '1.2.0' },
  severity: 'critical',
  fixedVersions: ['1.2.6'],
  digests: [`sha256:${'a'.repeat(64)}`],
  environments: ['production'],
  firstSeen: '2026-11-25T10:00:00.000Z',
  deadline: '2026-11-26T10:00:00.000Z',
  status: 'open',
  ...over,
});

describe('remediation issues on GitHub', () => {
  it('opens one issue per advisory, updates it on the next rescan, closes it when resolved', async () => {
    const { api, issues } = await startIssuesApi();
    try {
      const client = new IssueClient({ owner: 'acme', repo: 'app', token: 't', baseUrl: api.url }, new MemoryLogger());
      await client.sync([remediation()], []);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.title).toMatch(/GHSA-xvch-5gv4-984h \(critical\) in minimist: fix by 2026-11-26 10:00 UTC/);
      expect(issues[0]?.body).toContain(marker(remediation()));
      expect(issues[0]?.body).toContain('1.2.6');
      expect(issues[0]?.labels.map((l) => l.name)).toEqual(['secure-factory', 'security']);

      await client.sync([remediation({ environments: ['production', 'staging'] })], []);
      expect(issues).toHaveLength(1);
      expect(issues[0]?.body).toContain('staging');

      await client.sync([], [remediation({ status: 'resolved' })]);
      expect(issues[0]?.state).toBe('closed');
      expect(api.requests.every((r) => r.headers.authorization === 'token t')).toBe(true);
    } finally {
      await api.close();
    }
  });

  it('escapes hostile package names in the issue body', async () => {
    const { api, issues } = await startIssuesApi();
    try {
      const client = new IssueClient({ owner: 'acme', repo: 'app', token: 't', baseUrl: api.url }, new MemoryLogger());
      await client.sync([remediation({ package: { ecosystem: 'npm', name: 'evil--><img src=x>](https://x.example)', version: '1' } })], []);
      // Outside code spans (where markdown and HTML are inert) nothing of the name survives as markup.
      const outsideCode = (issues[0]?.body ?? '').replace(/`[^`]*`/g, '');
      expect(outsideCode).not.toContain('<img');
      expect(outsideCode).not.toContain('](https://x.example)');
      expect(outsideCode.match(/-->/g)).toHaveLength(1);
    } finally {
      await api.close();
    }
  });

  it('says which permission is missing when the token cannot write issues', async () => {
    const api = await startGitHubApiServer([{ method: 'GET', path: '/repos/{owner}/{repo}/issues', ...forbidden() }]);
    try {
      const client = new IssueClient({ owner: 'acme', repo: 'app', token: 't', baseUrl: api.url }, new MemoryLogger());
      const e = await client.sync([remediation()], []).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InfrastructureError);
      expect((e as InfrastructureError).describe()).toMatch(/HTTP 403.*issues: write/);
    } finally {
      await api.close();
    }
  });
});
