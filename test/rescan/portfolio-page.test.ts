/**
 * The portfolio page: escaped (advisory text is hostile input), the key numbers present, and, when
 * /usr/bin/chromium exists, rendered in headless Chromium: the DOM it parsed holds the numbers, no
 * console message or CSP refusal, and a screenshot (copied to docs/portfolio.png with
 * UPDATE_PORTFOLIO_PNG=1).
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { escapeHtml, formatRemaining, renderPortfolio, type PortfolioReport } from '@secure-factory/rescan';
import { REPO_ROOT } from '../support/shared.js';

const HOSTILE = '</code><script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
const HOUR = 3_600_000;
const chain = (ok: boolean): PortfolioReport['artefacts'][number]['chain'] => ({
  source: { status: 'pass', level: 'SLSA_SOURCE_LEVEL_2' },
  materials: { status: ok ? 'pass' : 'missing', detail: ok ? 'SBOM, vulnerability scan' : 'no SBOM, no vulnerability scan' },
  build: { status: 'pass', level: 'SLSA_BUILD_LEVEL_3' },
  attest: { status: 'pass', detail: '3 of 3 statement(s) signed' },
  gate: { status: 'pass', time: '2026-12-01T06:00:00.000Z' },
});

export function demoReport(): PortfolioReport {
  const adv = {
    advisory: 'GHSA-xvch-5gv4-984h',
    aliases: ['CVE-2021-44906'],
    package: { ecosystem: 'npm', name: 'minimist', version: '1.2.0' },
    severity: 'critical' as const,
    fixedVersions: ['1.2.6'],
    summary: `Prototype Pollution ${HOSTILE}`,
  };
  const d = (c: string): string => `sha256:${c.repeat(64)}`;
  const rem = (repository: string, remainingMs: number, deadline: string): PortfolioReport['remediations'][number] => ({
    ...adv,
    repository,
    digests: [d('a')],
    environments: ['production'],
    firstSeen: new Date(Date.parse(deadline) - 24 * HOUR).toISOString(),
    deadline,
    status: 'open',
    remainingMs,
  });
  return {
    apiVersion: 'secure-factory/portfolio/v1',
    org: `acme ${HOSTILE}`,
    generated: '2026-12-02T09:30:00.000Z',
    collectedAt: '2026-12-02T09:29:00.000Z',
    snapshot: { uri: 'file:///osv', version: `sha256:${'e'.repeat(64)}`, takenAt: '2026-12-02T09:00:00Z' },
    shards: [
      { shard: '1/2', artefacts: 2, packages: 1200, elapsedMs: 40 },
      { shard: '2/2', artefacts: 2, packages: 1100, elapsedMs: 38 },
    ],
    repositories: [
      { repository: 'acme/api', status: 'collected', artefacts: 1, open: 1, overdue: 1 },
      { repository: 'acme/app', status: 'collected', artefacts: 2, open: 1, overdue: 0 },
      { repository: 'acme/web', status: 'collected', artefacts: 1, open: 0, overdue: 0 },
      { repository: 'acme/docs', status: 'no-evidence-branch', artefacts: 0, open: 0, overdue: 0 },
    ],
    artefacts: [
      {
        repository: 'acme/api',
        digest: d('a'),
        name: 'api.tgz',
        environments: [
          { environment: 'production', time: '2026-11-30T10:00:00Z' },
          { environment: 'staging', time: '2026-11-30T09:00:00Z' },
        ],
        packages: 812,
        chain: chain(true),
        advisories: [adv],
        blocking: true,
      },
      {
        repository: 'acme/app',
        digest: d('b'),
        name: 'app.tgz',
        environments: [{ environment: 'production', time: '2026-12-02T05:00:00Z' }],
        packages: 1204,
        chain: chain(true),
        advisories: [adv],
        blocking: true,
      },
      {
        repository: 'acme/app',
        digest: d('c'),
        name: `worker ${HOSTILE}`,
        environments: [{ environment: 'staging', time: '2026-12-01T05:00:00Z' }],
        packages: 0,
        chain: chain(false),
        advisories: [],
        blocking: false,
      },
      {
        repository: 'acme/web',
        digest: d('d'),
        name: 'web.tgz',
        environments: [{ environment: 'production', time: '2026-12-01T12:00:00Z' }],
        packages: 284,
        chain: chain(true),
        advisories: [],
        blocking: false,
      },
    ],
    remediations: [
      rem('acme/api', -90 * 60_000, '2026-12-02T08:00:00.000Z'),
      rem('acme/app', 13 * HOUR + 20 * 60_000, '2026-12-02T22:50:00.000Z'),
    ],
    history: [
      {
        repository: 'acme/web',
        advisory: 'GHSA-grv7-fg5c-xmjg',
        package: 'npm/braces@3.0.2',
        firstSeen: '2026-11-20T08:00:00Z',
        resolvedAt: '2026-11-20T14:00:00Z',
        hours: 6,
      },
      {
        repository: 'acme/api',
        advisory: 'GHSA-952p-6rrq-rcjv',
        package: 'npm/micromatch@4.0.5',
        firstSeen: '2026-11-10T08:00:00Z',
        resolvedAt: '2026-11-11T12:00:00Z',
        hours: 28,
      },
      {
        repository: 'acme/app',
        advisory: 'GHSA-3h5v-q93c-6h6q',
        package: 'npm/ws@8.17.0',
        firstSeen: '2026-11-02T08:00:00Z',
        resolvedAt: '2026-11-02T18:00:00Z',
        hours: 10,
      },
    ],
    totals: { repositories: 4, artefacts: 4, packages: 2300, affected: 2, open: 2, overdue: 1, resolved: 0, drift: 2 },
    problems: [`acme/app: no SBOM evidence names ${d('c')} ${HOSTILE}`],
    drift: [
      {
        repository: 'acme/api',
        status: 'compared',
        current: { ref: 'main', files: 3, auditFindings: 4 },
        release: { digest: d('a'), environment: 'production', admitted: '2026-11-30T10:00:00Z' },
        baseline: { commit: 'c'.repeat(40), statement: 'acme/api/runs/1/evidence/workflow-posture.intoto.json' },
        findings: [
          {
            rule: 'drift/new-write-permission',
            severity: 'high',
            message: 'acme/api: job `release` of .github/workflows/release.yml now has `contents: write`',
            file: '.github/workflows/release.yml',
            properties: { repository: 'acme/api', owners: ['@acme/platform'], job: 'release', change: 'contents: write' },
          },
          {
            rule: 'drift/new-unpinned-action',
            severity: 'high',
            message: 'acme/api: .github/workflows/release.yml now runs a movable reference',
            file: '.github/workflows/release.yml',
            properties: { repository: 'acme/api', owners: ['acme/api'], job: 'release', change: `evil/action@main ${HOSTILE}` },
          },
        ],
      },
      { repository: 'acme/web', status: 'no-baseline', current: { ref: 'main', files: 1, auditFindings: 0 }, findings: [] },
    ],
  };
}

const kpi = (html: string, id: string): string | undefined => new RegExp(`id="${id}">([^<]*)<`).exec(html)?.[1];

describe('the portfolio page', () => {
  const html = renderPortfolio(demoReport());

  it('escapes every outside text: no markup of the hostile input survives', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    // Inside a quoted attribute value (a title) escaped text is inert; outside one no tag carries a handler.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[^>]*onerror/i);
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('is one self-contained file: no script, no external asset, a CSP that forbids both', () => {
    expect(html).not.toMatch(/<(script|link|iframe|object)\b/i);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('shows the key numbers, remaining times and the time-to-remediate history', () => {
    expect([
      kpi(html, 'total-repositories'),
      kpi(html, 'total-artefacts'),
      kpi(html, 'total-affected'),
      kpi(html, 'total-open'),
      kpi(html, 'total-overdue'),
    ]).toEqual(['4', '4', '2', '2', '1']);
    expect(kpi(html, 'median-ttr')).toBe('10 h');
    expect(kpi(html, 'total-drift')).toBe('2');
    expect(html).toContain('<table id="drift">');
    expect(html).toContain('@acme/platform');
    expect(html).toContain('overdue by 1 h 30 min');
    expect(html).toContain('13 h 20 min left');
    expect(formatRemaining(0)).toBe('overdue by 0 h 00 min');
    expect((html.match(/<h3>/g) ?? []).length).toBe(2); // production, staging
    expect(html).toContain('acme/docs');
  });

  const chromium = '/usr/bin/chromium';
  const run = existsSync(chromium) ? it : it.skip;
  if (!existsSync(chromium)) console.log('portfolio page: /usr/bin/chromium is absent, the headless-browser check is skipped');

  run('renders in headless Chromium with no console message, the numbers in its DOM, and a screenshot', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sf-page-'));
    try {
      const page = path.join(dir, 'portfolio.html');
      await writeFile(page, html);
      const flags = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--enable-logging=stderr',
        '--v=0',
      ];
      const exec = promisify(execFile);
      const dom = await exec(chromium, [...flags, `--user-data-dir=${path.join(dir, 'p1')}`, '--dump-dom', pathToFileURL(page).href], {
        timeout: 90_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      expect(kpi(dom.stdout, 'total-overdue')).toBe('1');
      expect(kpi(dom.stdout, 'total-artefacts')).toBe('4');
      expect(kpi(dom.stdout, 'total-drift')).toBe('2');
      expect(dom.stdout).not.toContain('<script');
      expect(dom.stderr).not.toMatch(/CONSOLE|Refused to|Uncaught/);
      const png = path.join(dir, 'out.png');
      await exec(
        chromium,
        [...flags, `--user-data-dir=${path.join(dir, 'p2')}`, `--screenshot=${png}`, '--window-size=1280,900', pathToFileURL(page).href],
        { timeout: 90_000 },
      );
      const bytes = await readFile(png);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(bytes.readUInt32BE(16)).toBe(1280);
      expect((await stat(png)).size).toBeGreaterThan(20_000);
      if (process.env.UPDATE_PORTFOLIO_PNG === '1') await copyFile(png, path.join(REPO_ROOT, 'docs', 'portfolio.png'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
