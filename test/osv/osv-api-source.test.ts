/**
 * OsvApiSource against a local server on 127.0.0.1 that replays the answers osv-scanner recorded
 * from the live api.osv.dev: the production client, a different base URL.
 */
import { InfrastructureError } from '@secure-factory/core';
import { readLockfile } from '@secure-factory/materials';
import { OsvApiSource, type OsvRecord } from '../../packages/materials/src/osv/index.js';
import { osvValidator } from '../support/schemas.js';
import { describeShared, readJsonl, sharedPath } from '../support/shared.js';
import { recordedAnswers, startFakeOsv, type FakeOsv } from './osv-api-server.js';

interface E2eExpectation {
  lockfile: string;
  expected_packages: { ecosystem: string; name: string; version: string }[];
  expected_vulns: { id: string; package: string; version: string; fixed: string; cvss: number; severity: string }[];
}

// GHSA-whgm-jr23-g3j9 (CVE-2021-23424, ReDoS in ansi-html), written from the public advisory.
const ansiHtml: OsvRecord = {
  schema_version: '1.6.0',
  id: 'GHSA-whgm-jr23-g3j9',
  modified: '2024-02-20T00:00:00Z',
  published: '2021-08-18T00:00:00Z',
  aliases: ['CVE-2021-23424'],
  summary: 'Uncontrolled Resource Consumption in ansi-html',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'ansi-html' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0.0.8' }] }],
    },
  ],
  database_specific: { severity: 'HIGH' },
};

const packageAnswers = () =>
  recordedAnswers().filter((a): a is Required<Pick<typeof a, 'ecosystem' | 'name' | 'version'>> & typeof a => a.commit === undefined);

describeShared('OsvApiSource (recorded osv.dev answers)', () => {
  let server: FakeOsv | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('finds exactly the recorded vulnerabilities of all recorded packages, in chunks', async () => {
    server = await startFakeOsv();
    const answers = packageAnswers();
    expect(answers.length).toBeGreaterThan(300);
    const source = new OsvApiSource({ baseUrl: server.url, batchSize: 100 });
    const matches = await source.match(answers.map((a) => ({ ecosystem: a.ecosystem, name: a.name, version: a.version })));
    expect(server.unknownQueries).toEqual([]);
    expect(server.batchSizes).toEqual([100, 100, 100, answers.length - 300]);
    const got = new Map<string, string[]>();
    for (const m of matches) {
      const k = `${m.package.ecosystem} ${m.package.name}@${m.package.version}`;
      got.set(k, [...(got.get(k) ?? []), m.id].sort());
    }
    for (const a of answers) {
      expect([a.ecosystem, a.name, a.version, got.get(`${a.ecosystem} ${a.name}@${a.version}`) ?? []]).toEqual([
        a.ecosystem,
        a.name,
        a.version,
        [...a.vuln_ids].sort(),
      ]);
    }
    // Each record was fetched once, however many packages it affects.
    const ids = new Set(answers.flatMap((a) => a.vuln_ids));
    expect(server.vulnGets.length).toBe(ids.size);
    expect(server.maxConcurrentGets).toBeLessThanOrEqual(8);
    expect(source.describe()).toEqual({ uri: server.url, lastUpdate: '2025-01-01T00:00:00.000Z' });
  });

  it("gives osv-scanner's end-to-end answer for its package-lock fixture", async () => {
    expect(osvValidator()(ansiHtml)).toEqual([]);
    const [e2e] = readJsonl<E2eExpectation>('corpora', 'lockfiles', 'osv-scanner', 'expected-e2e.jsonl');
    if (!e2e) throw new Error('no e2e expectation');
    const packages = readLockfile(sharedPath('corpora', 'lockfiles', e2e.lockfile));
    expect(packages.map((p) => ({ ecosystem: p.ecosystem, name: p.name, version: p.version }))).toEqual(e2e.expected_packages);
    server = await startFakeOsv({ records: [ansiHtml] });
    const matches = await new OsvApiSource({ baseUrl: server.url }).match(packages);
    expect(
      matches.map((m) => ({
        id: m.id,
        package: m.package.name,
        version: m.package.version,
        fixed: m.fixedVersions.join(', '),
        cvss: Number(m.score),
        severity: m.severity,
      })),
    ).toEqual(e2e.expected_vulns.map((v) => ({ ...v, severity: v.severity.toLowerCase() })));
    expect(matches[0]?.aliases).toEqual(['CVE-2021-23424']);
  });

  it("sends OSV's spelling of the ecosystem, and drops withdrawn records", async () => {
    const pypi = packageAnswers().find((a) => a.ecosystem === 'PyPI' && a.vuln_ids.length > 1);
    if (!pypi) throw new Error('no vulnerable PyPI package in the recording');
    const [first, ...rest] = pypi.vuln_ids;
    server = await startFakeOsv({ records: [{ id: first ?? '', modified: '2025-01-02T00:00:00Z', withdrawn: '2025-01-02T00:00:00Z' }] });
    const matches = await new OsvApiSource({ baseUrl: server.url }).match([{ ecosystem: 'pypi', name: pypi.name, version: pypi.version }]);
    expect(server.unknownQueries).toEqual([]);
    expect(matches.map((m) => m.id).sort()).toEqual([...rest].sort());
  });

  it('follows next_page_token until every page is read', async () => {
    server = await startFakeOsv({ pageSize: 2 });
    const stdlib = packageAnswers().find((a) => a.name === 'stdlib' && a.vuln_ids.length > 10);
    if (!stdlib) throw new Error('no Go stdlib answer in the recording');
    const matches = await new OsvApiSource({ baseUrl: server.url }).match([{ ecosystem: 'Go', name: 'stdlib', version: stdlib.version }]);
    expect(matches.map((m) => m.id).sort()).toEqual([...stdlib.vuln_ids].sort());
    expect(server.batchSizes.length).toBe(Math.ceil(stdlib.vuln_ids.length / 2));
  });

  it('never sends more than 1000 queries in one request', async () => {
    server = await startFakeOsv();
    const many = Array.from({ length: 2500 }, (_, i) => ({ ecosystem: 'npm', name: `pkg-${i}`, version: '1.0.0' }));
    expect(await new OsvApiSource({ baseUrl: server.url }).match(many)).toEqual([]);
    expect(server.batchSizes).toEqual([1000, 1000, 500]);
  });

  it('caches records between scans', async () => {
    server = await startFakeOsv();
    const source = new OsvApiSource({ baseUrl: server.url });
    const pkg = packageAnswers().find((a) => a.vuln_ids.length > 0);
    if (!pkg) throw new Error('no vulnerable package in the recording');
    const first = await source.match([pkg]);
    const gets = server.vulnGets.length;
    expect(await source.match([pkg])).toEqual(first);
    expect(server.vulnGets.length).toBe(gets);
  });

  it('retries 5xx answers and timeouts, then succeeds', async () => {
    server = await startFakeOsv({ failFirst: 2 });
    const pkg = packageAnswers().find((a) => a.vuln_ids.length > 0);
    if (!pkg) throw new Error('no vulnerable package in the recording');
    expect((await new OsvApiSource({ baseUrl: server.url, retryDelayMs: 1 }).match([pkg])).length).toBeGreaterThan(0);
    await server.close();
    server = await startFakeOsv({ hangFirst: 1 });
    expect((await new OsvApiSource({ baseUrl: server.url, retryDelayMs: 1, timeoutMs: 300 }).match([pkg])).length).toBeGreaterThan(0);
  });

  it('fails with an InfrastructureError naming the service when retries run out or the API refuses', async () => {
    server = await startFakeOsv({ alwaysStatus: 503 });
    const pkg = { ecosystem: 'npm', name: 'ansi-html', version: '0.0.1' };
    const failing = new OsvApiSource({ baseUrl: server.url, attempts: 3, retryDelayMs: 1 });
    const err: unknown = await failing.match([pkg]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InfrastructureError);
    expect((err as Error).message).toBe(`OSV API (${server.url}) POST /v1/querybatch failed after 3 attempts: HTTP 503`);
    expect(server.requests).toBe(3);
    await server.close();
    server = await startFakeOsv({ alwaysStatus: 400 });
    await expect(new OsvApiSource({ baseUrl: server.url, retryDelayMs: 1 }).match([pkg])).rejects.toThrow(
      `OSV API (${server.url}) refused POST /v1/querybatch: HTTP 400`,
    );
    expect(server.requests).toBe(1);
  });

  it('fails closed when the service cannot be reached at all', async () => {
    server = await startFakeOsv();
    const url = server.url;
    await server.close();
    server = undefined;
    await expect(
      new OsvApiSource({ baseUrl: url, attempts: 2, retryDelayMs: 1 }).match([{ ecosystem: 'npm', name: 'a', version: '1.0.0' }]),
    ).rejects.toBeInstanceOf(InfrastructureError);
  });
});
