/**
 * The fetch phase's only way out: an HTTP proxy the factory runs on a unix socket, bound into the
 * sandbox (which has no network but loopback) and reached through a tiny forwarder listening on
 * 127.0.0.1 inside it. It allows CONNECT tunnels and plain forward requests to the hosts the
 * lockfiles resolve to plus `build.network.allow`, refuses everything else with 403, and records every
 * connection (host, port, bytes each way, allowed or why not) for the provenance.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ResourceDescriptor } from '@secure-factory/core';

export interface EgressConnection {
  host: string;
  port: number;
  /** CONNECT for a tunnel, else the forwarded request's method. */
  method: string;
  allowed: boolean;
  /** Bytes from the sandbox to the host, and back. */
  bytesOut: number;
  bytesIn: number;
  error?: string;
}

export interface EgressProxy {
  /** Folder with `proxy.sock` and `forward.cjs`, bound read-only into the sandbox. */
  socketDir: string;
  connections: EgressConnection[];
  close(): Promise<void>;
}

/** Registries a lockfile format resolves to when its entries carry no URL of their own. */
const DEFAULT_REGISTRIES: Record<string, string[]> = {
  'package-lock.json': ['registry.npmjs.org'],
  'npm-shrinkwrap.json': ['registry.npmjs.org'],
  'pnpm-lock.yaml': ['registry.npmjs.org'],
  'yarn.lock': ['registry.yarnpkg.com', 'registry.npmjs.org'],
  'Cargo.lock': ['index.crates.io', 'static.crates.io', 'crates.io'],
  'go.sum': ['proxy.golang.org', 'sum.golang.org'],
  'poetry.lock': ['pypi.org', 'files.pythonhosted.org'],
  'Pipfile.lock': ['pypi.org', 'files.pythonhosted.org'],
  'uv.lock': ['pypi.org', 'files.pythonhosted.org'],
  'requirements.txt': ['pypi.org', 'files.pythonhosted.org'],
  'Gemfile.lock': ['rubygems.org', 'index.rubygems.org'],
  'composer.lock': ['repo.packagist.org'],
};

function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url.replace(/^git\+/, ''));
    return u.hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The hosts the fetch may reach: each lockfile's registry (its entries' resolved URLs, else the
 * format's default registry; a configured npm registry when the lockfile omits URLs), plus the
 * allow-list. Entries are host names, `host:port`, or `*.example.com`.
 */
export function egressAllowList(
  lockfiles: readonly ResourceDescriptor[],
  packages: readonly ResourceDescriptor[],
  allow: readonly string[],
  hostEnv: NodeJS.ProcessEnv,
  npmrc?: string,
): string[] {
  const hosts = new Set<string>();
  for (const l of lockfiles) for (const h of DEFAULT_REGISTRIES[l.name ?? ''] ?? []) hosts.add(h);
  for (const p of packages) {
    const h = p.downloadLocation ? hostOf(p.downloadLocation) : undefined;
    if (h) hosts.add(h);
  }
  const npmRegistry = hostEnv.npm_config_registry ?? hostEnv.NPM_CONFIG_REGISTRY;
  if (npmRegistry && lockfiles.some((l) => /^(package-lock|npm-shrinkwrap)\.json$|^pnpm-lock\.yaml$|^yarn\.lock$/.test(l.name ?? ''))) {
    const h = hostOf(npmRegistry);
    if (h) hosts.add(h);
  }
  for (const h of npmrcRegistries(npmrc)) hosts.add(h);
  for (const a of allow) hosts.add(a.trim().toLowerCase());
  return [...hosts].filter(Boolean).sort();
}

/** Registries a committed `.npmrc` names (`registry=…`, `@scope:registry=…`): part of the verified source, like the lockfile. */
export function npmrcRegistries(text: string | undefined): string[] {
  const out: string[] = [];
  for (const line of (text ?? '').split(/\r?\n/)) {
    const m = /^\s*(?:@[^:=\s]+:)?registry\s*=\s*(\S+)\s*$/.exec(line);
    const h = m?.[1] ? hostOf(m[1]) : undefined;
    if (h) out.push(h);
  }
  return out;
}

export function hostAllowed(list: readonly string[], host: string, port: number): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return list.some((entry) => {
    const m = /^(.*?)(?::(\d+))?$/.exec(entry);
    const name = (m?.[1] ?? entry).replace(/^\[|\]$/g, '');
    if (m?.[2] && Number(m[2]) !== port) return false;
    if (name.startsWith('*.')) return h.endsWith(name.slice(1));
    return h === name;
  });
}

/** `host:port` of a CONNECT request target (IPv6 in brackets). */
function splitTarget(target: string, defaultPort: number): { host: string; port: number } | undefined {
  const m = /^\[([^\]]+)\]:(\d+)$/.exec(target) ?? /^([^:]+):(\d+)$/.exec(target) ?? /^([^:]+)$/.exec(target);
  if (!m?.[1]) return undefined;
  const port = m[2] ? Number(m[2]) : defaultPort;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  return { host: m[1], port };
}

export async function startEgressProxy(allow: readonly string[]): Promise<EgressProxy> {
  const socketDir = await mkdtemp(path.join(tmpdir(), 'sf-egress-'));
  const connections: EgressConnection[] = [];
  const open = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A plain forward request: the request line holds an absolute http:// URL.
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('secure-factory egress proxy: absolute URL expected\n');
      return;
    }
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    const rec: EgressConnection = { host: url.hostname, port, method: req.method ?? 'GET', allowed: false, bytesOut: 0, bytesIn: 0 };
    connections.push(rec);
    if (url.protocol !== 'http:' || !hostAllowed(allow, url.hostname, port)) {
      rec.error = url.protocol !== 'http:' ? `protocol ${url.protocol} refused` : 'host not allowed';
      res.writeHead(403, { 'content-type': 'text/plain' }).end(`secure-factory egress proxy: ${url.host} is not allowed for the fetch\n`);
      return;
    }
    rec.allowed = true;
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const up = httpRequest({ host: url.hostname, port, method: req.method, path: `${url.pathname}${url.search}`, headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.on('data', (d: Buffer) => (rec.bytesIn += d.length));
      r.pipe(res);
    });
    up.on('error', (e) => {
      rec.error = e.message;
      if (!res.headersSent) res.writeHead(502).end(`secure-factory egress proxy: ${e.message}\n`);
      else res.destroy();
    });
    req.on('data', (d: Buffer) => (rec.bytesOut += d.length));
    req.pipe(up);
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const t = splitTarget(req.url ?? '', 443);
    const rec: EgressConnection = {
      host: t?.host ?? String(req.url),
      port: t?.port ?? 0,
      method: 'CONNECT',
      allowed: false,
      bytesOut: 0,
      bytesIn: 0,
    };
    connections.push(rec);
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (!t || !hostAllowed(allow, t.host, t.port)) {
      rec.error = 'host not allowed';
      client.end(
        `HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nsecure-factory egress proxy: ${rec.host} is not allowed for the fetch\n`,
      );
      return;
    }
    rec.allowed = true;
    const up = connect(t.port, t.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) {
        rec.bytesOut += head.length;
        up.write(head);
      }
      client.pipe(up);
      up.pipe(client);
    });
    open.add(up);
    up.on('close', () => open.delete(up));
    up.on('data', (d: Buffer) => (rec.bytesIn += d.length));
    client.on('data', (d: Buffer) => (rec.bytesOut += d.length));
    up.on('error', (e) => {
      rec.error = e.message;
      client.destroy();
    });
    client.on('close', () => up.destroy());
  });
  const sock = path.join(socketDir, 'proxy.sock');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(sock, resolve);
  });
  await writeFile(path.join(socketDir, 'forward.cjs'), FORWARDER);
  return {
    socketDir,
    connections,
    close: async () => {
      for (const s of open) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(socketDir, { recursive: true, force: true });
    },
  };
}

/** The proxy environment of the fetch phase (npm, pip, cargo, go, curl, Node 24's fetch). */
export function proxyEnvironment(port: number): Record<string, string> {
  const url = `http://127.0.0.1:${port}`;
  return {
    HTTP_PROXY: url,
    HTTPS_PROXY: url,
    http_proxy: url,
    https_proxy: url,
    ALL_PROXY: url,
    NO_PROXY: '',
    no_proxy: '',
    npm_config_proxy: url,
    npm_config_https_proxy: url,
    NODE_USE_ENV_PROXY: '1',
    CARGO_HTTP_PROXY: url,
  };
}

/** In-sandbox side: `node forward.cjs PORT SOCKET -- CMD...` listens on 127.0.0.1:PORT, pipes each connection to SOCKET, runs CMD, exits with its status. */
export const FORWARDER = String.raw`'use strict';
const net = require('node:net');
const { spawn } = require('node:child_process');
const [port, sock, sep, ...cmd] = process.argv.slice(2);
if (sep !== '--' || cmd.length === 0) { console.error('forward.cjs: usage PORT SOCKET -- CMD'); process.exit(2); }
const server = net.createServer((c) => {
  const up = net.connect(sock);
  c.pipe(up); up.pipe(c);
  c.on('error', () => up.destroy()); up.on('error', () => c.destroy());
});
server.listen(Number(port), '127.0.0.1', () => {
  const child = spawn(cmd[0], cmd.slice(1), { stdio: 'inherit' });
  child.on('error', (e) => { console.error(cmd[0] + ': ' + e.message); process.exit(127); });
  child.on('exit', (code, signal) => process.exit(code === null ? 128 + (require('node:os').constants.signals[signal] || 0) : code));
});
server.on('error', (e) => { console.error('secure-factory: the egress forwarder could not listen: ' + e.message); process.exit(125); });
`;
