/**
 * The scan-deps action run as GitHub runs it (`node actions/scan-deps/dist/index.js`): outputs, the
 * job summary, `::error` annotations on the lockfile line, SARIF, and the evidence statements; with
 * the offline database and with the OSV API served by a local server speaking its protocol.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runAction } from '../support/action-harness.js';
import { cycloneDxValidator, sarifValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';
import { copy, CRITICAL_ADVISORY, osvDatabase, POSTCSS_ADVISORY, put, scalibr, SHA, tempDir } from './fixtures.js';

function workspace(): string {
  const ws = tempDir('sf-ws-');
  copy(ws, 'app/package-lock.json', scalibr('javascript/packagelockjson', 'nested-dependencies.v2.json'));
  put(
    ws,
    '.github/workflows/ci.yml',
    `on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@${SHA} # v4.2.2\n`,
  );
  return ws;
}

describeShared('scan-deps action', () => {
  it('refuses a critical advisory: outputs, annotation on the lockfile line, summary with the fix, SARIF, SBOM', async () => {
    const ws = workspace();
    const db = osvDatabase([POSTCSS_ADVISORY, CRITICAL_ADVISORY]);
    const r = await runAction('scan-deps', { workspace: ws, inputs: { 'osv-database': db, cache: 'false' } });
    expect(r.exitCode).toBe(1);
    expect(r.outputs['blocking-count']).toBe('2');
    expect(r.outputs['vulnerable-count']).toBe('4');
    const errors = r.annotations.filter((a) => a.level === 'error' && a.properties.title === 'materials/vulnerable-package');
    expect(errors.map((a) => `${a.properties.file}:${a.properties.line}`).sort()).toEqual([
      'app/package-lock.json:47',
      'app/package-lock.json:58',
    ]);
    expect(errors[0]?.message).toContain('SF-TEST-2026-0001');
    expect(r.summary).toContain('refused');
    expect(r.summary).toContain('fixed in 7.0.0');
    expect(r.summary).toContain('`app/package-lock.json:47`');
    const sarif = JSON.parse(readFileSync(r.outputs['sarif-path'] ?? '', 'utf8')) as {
      runs: { results: { locations?: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    expect(sarifValidator()(sarif)).toEqual([]);
    expect(sarif.runs[0]?.results[0]?.locations?.[0]?.physicalLocation.artifactLocation.uri).toBe('app/package-lock.json');
    const sbom = r.outputs['sbom-path'] ?? '';
    expect(path.relative(ws, sbom)).toBe('.secure-factory/evidence/sbom.cyclonedx.json');
    expect(cycloneDxValidator()(JSON.parse(readFileSync(sbom, 'utf8')))).toEqual([]);
    expect(r.stdout).toContain('::error::materials refused: 2 blocking finding(s)');
  });

  it('passes when the policy waives the advisory, and bans docker.io images when the policy says so', async () => {
    const ws = workspace();
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    put(
      ws,
      '.github/secure-factory.yml',
      `apiVersion: secure-factory/v1\nexceptions:\n  - { advisory: SF-TEST-2026-0001, reason: 'test only', approver: bob, expires: ${expires} }\n`,
    );
    const ok = await runAction('scan-deps', {
      workspace: ws,
      inputs: { 'osv-database': osvDatabase([CRITICAL_ADVISORY]), cache: 'false' },
    });
    expect(ok.exitCode).toBe(0);
    expect(ok.outputs['blocking-count']).toBe('0');
    expect(ok.summary).toContain('passed');

    put(ws, 'Dockerfile', `FROM node@sha256:${'ab'.repeat(32)}\n`);
    put(ws, '.github/secure-factory.yml', `apiVersion: secure-factory/v1\nmaterials:\n  images: { registries: [ghcr.io/acme] }\n`);
    const banned = await runAction('scan-deps', {
      workspace: ws,
      inputs: { 'osv-database': osvDatabase([POSTCSS_ADVISORY]), cache: 'false' },
    });
    expect(banned.exitCode).toBe(1);
    expect(banned.annotations.find((a) => a.properties.title === 'materials/image-registry-not-allowed')).toMatchObject({
      level: 'error',
      properties: { file: 'Dockerfile', line: '1' },
    });
  });

  describe('with the OSV API', () => {
    let server: Server;
    let url = '';
    const seen: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (d: Buffer) => (body += d.toString()));
        req.on('end', () => {
          seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
          res.setHeader('content-type', 'application/json');
          if (req.method === 'POST' && req.url === '/v1/querybatch') {
            const { queries } = JSON.parse(body) as { queries: { package: { name: string }; version: string }[] };
            const results = queries.map((q) =>
              q.package.name === 'postcss' ? { vulns: [{ id: POSTCSS_ADVISORY.id, modified: POSTCSS_ADVISORY.modified }] } : {},
            );
            res.end(JSON.stringify({ results }));
          } else if (req.method === 'GET' && req.url === `/v1/vulns/${POSTCSS_ADVISORY.id}`) {
            res.end(JSON.stringify(POSTCSS_ADVISORY));
          } else {
            res.statusCode = 404;
            res.end('{"code":5,"message":"Not Found"}');
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('queries querybatch and vulns/{id}, records the API in the vulns statement', async () => {
      const ws = workspace();
      const r = await runAction('scan-deps', { workspace: ws, inputs: { 'osv-api-url': url, path: 'app' } });
      expect(r.exitCode).toBe(0);
      expect(r.outputs['vulnerable-count']).toBe('2');
      expect(seen).toContain('POST /v1/querybatch');
      expect(seen).toContain(`GET /v1/vulns/${POSTCSS_ADVISORY.id}`);
      const vulns = JSON.parse(readFileSync(path.join(ws, '.secure-factory/evidence/vulns.intoto.json'), 'utf8')) as {
        predicate: { scanner: { database: { uri: string } } };
      };
      expect(vulns.predicate.scanner.database.uri).toBe(url);
    });
  });
});
