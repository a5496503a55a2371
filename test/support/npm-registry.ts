/**
 * A local npm registry on 127.0.0.1 for packages made up by a test: each version is a real tarball
 * (`tar -czf` of a `package/` folder holding its package.json) with its sha512 integrity, served with
 * a packument the way registry.npmjs.org serves one (`GET /<name>`, scoped names as `@scope%2fname`).
 * Versions can be published while it runs (a fix released after the advisory). npm itself talks to it.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RegistryPackage {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

export interface NpmRegistry {
  /** With a trailing slash, as npm_config_registry wants it. */
  url: string;
  requests: string[];
  publish(p: RegistryPackage): void;
  close(): Promise<void>;
}

export async function startNpmRegistry(packages: RegistryPackage[]): Promise<NpmRegistry> {
  const work = mkdtempSync(path.join(tmpdir(), 'sf-npm-registry-'));
  const versions = new Map<string, { manifest: RegistryPackage; tarball: Buffer; integrity: string; shasum: string }[]>();
  const publish = (p: RegistryPackage): void => {
    const dir = mkdtempSync(path.join(work, 'pkg-'));
    mkdirSync(path.join(dir, 'package'));
    writeFileSync(path.join(dir, 'package', 'package.json'), JSON.stringify({ ...p, license: 'MIT' }));
    writeFileSync(path.join(dir, 'package', 'index.js'), `module.exports = ${JSON.stringify(`${p.name}@${p.version}`)};\n`);
    execFileSync('tar', ['-czf', 'p.tgz', '--mtime=2026-01-01', '--owner=0', '--group=0', 'package'], { cwd: dir });
    const tarball = readFileSync(path.join(dir, 'p.tgz'));
    const list = versions.get(p.name) ?? [];
    list.push({
      manifest: p,
      tarball,
      integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
      shasum: createHash('sha1').update(tarball).digest('hex'),
    });
    versions.set(p.name, list);
  };
  for (const p of packages) publish(p);
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    requests.push(url);
    const tarball = /^\/(.+)\/-\/[^/]+-(\d[^/]*)\.tgz$/.exec(url);
    if (tarball) {
      const v = versions.get(tarball[1] ?? '')?.find((x) => x.manifest.version === tarball[2]);
      if (!v) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(v.tarball);
    }
    const name = url.slice(1);
    const list = versions.get(name);
    if (!list) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not found"}');
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    const doc = {
      name,
      'dist-tags': { latest: list[list.length - 1]?.manifest.version },
      versions: Object.fromEntries(
        list.map((v) => [
          v.manifest.version,
          {
            ...v.manifest,
            dist: {
              tarball: `${base}/${name}/-/${name.split('/').pop() ?? name}-${v.manifest.version}.tgz`,
              integrity: v.integrity,
              shasum: v.shasum,
            },
          },
        ]),
      ),
    };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    publish,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(work, { recursive: true, force: true });
          resolve();
        });
      }),
  };
}
