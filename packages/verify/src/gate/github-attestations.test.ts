/**
 * The GitHub attestations API client against a local server: what it asks, what it refuses (exit 2 for
 * a bad repository or a refused token, exit 3 for a broken answer) and how each bundle is named. The
 * network faults themselves are in test/hostile (catalogue area "network").
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError, exitCodeFor, InfrastructureError } from '@secure-factory/core';
import { gitHubAttestationsClient } from './github-attestations.js';
import { rejection } from './__tests__/fixtures.js';

const D = 'c'.repeat(64);
/** The least the client takes for a bundle (verification is the verifier's): the media type and a signature object. */
const B = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  messageSignature: {},
  ...extra,
});
let server: Server | undefined;
let seen: IncomingMessage[] = [];

async function serve(h: (req: IncomingMessage, res: ServerResponse, base: string) => void): Promise<string> {
  seen = [];
  let base = '';
  server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    h(req, res, base);
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});
const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

describe('gitHubAttestationsClient', () => {
  it('refuses a repository that is not OWNER/REPO before any request', () => {
    for (const repository of ['acme', 'acme/app/x', 'acme/ap p', '/app', 'acme/', '../x/y'])
      expect(() => gitHubAttestationsClient({ baseUrl: 'http://127.0.0.1:9', repository })).toThrow(ConfigurationError);
    expect(() => gitHubAttestationsClient({ baseUrl: 'http://127.0.0.1:9', repository: 'Acme-1/app_2.js' })).not.toThrow();
  });

  it('asks for the digest with the API headers and the token; the inline bundle is named by the URL and its index', async () => {
    const bundle = B();
    const base = await serve((_q, r) => json(r, 200, { attestations: [{ bundle }, { bundle: null }, {}, { bundle_url: '' }] }));
    const list = await gitHubAttestationsClient({ baseUrl: `${base}//`, repository: 'acme/app', token: 'tok' }).list(D);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe(`/repos/acme/app/attestations/sha256:${D}?per_page=100`);
    expect(seen[0]?.headers.authorization).toBe('Bearer tok');
    expect(seen[0]?.headers.accept).toBe('application/vnd.github+json');
    expect(seen[0]?.headers['x-github-api-version']).toBe('2022-11-28');
    expect(list.map((c) => c.origin)).toEqual([`${base}/repos/acme/app/attestations/sha256:${D}#0`]);
    expect(list[0]?.bundle).toEqual(bundle);
  });

  it('without a token sends no Authorization; 404 is "none"', async () => {
    const base = await serve((_q, r) => json(r, 404, { message: 'Not Found' }));
    expect(await gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' }).list(D)).toEqual([]);
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it.each([401, 403])('HTTP %i is a usage error naming the permission', async (status) => {
    const base = await serve((_q, r) => json(r, status, { message: 'SECRET' }));
    const e = await rejection(gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app', token: 't' }).list(D));
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(exitCodeFor(e)).toBe(2);
    expect(e.message).toBe(`the GitHub attestations API refused the request (HTTP ${status})`);
    expect((e as ConfigurationError).hint).toMatch(/attestations: read/);
  });

  it.each([400, 410, 422])('HTTP %i is exit 3 naming the digest, never "none"', async (status) => {
    const base = await serve((_q, r) => json(r, status, { message: 'SECRET' }));
    const e = await rejection(gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' }).list(D));
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(e.message).toBe(`the GitHub attestations API answered HTTP ${status} for sha256:${D}`);
  });

  it.each([
    ['a list that is an object', { attestations: { 0: {} } }, 'the GitHub attestations API answered without an attestations list'],
    ['a null body', null, 'the GitHub attestations API answered without an attestations list'],
    ['a number body', 7, 'the GitHub attestations API answered without an attestations list'],
    [
      'a null entry',
      { attestations: [{ bundle: B({ n: 1 }) }, null] },
      'the GitHub attestations API listed an entry #1 that is not an object',
    ],
    ['a string entry', { attestations: ['x'] }, 'the GitHub attestations API listed an entry #0 that is not an object'],
    ['an array entry', { attestations: [[]] }, 'the GitHub attestations API listed an entry #0 that is not an object'],
  ])('a broken answer (%s) is exit 3, never "none"', async (_name, body, message) => {
    const base = await serve((_q, r) => json(r, 200, body));
    const e = await rejection(gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' }).list(D));
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(e.message).toBe(message);
  });

  it('an object without attestations is an empty list (the gate then refuses for want of evidence)', async () => {
    const base = await serve((_q, r) => json(r, 200, { other: 1 }));
    expect(await gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' }).list(D)).toEqual([]);
  });

  it('an entry with a bundle_url is downloaded; a failed download is exit 3', async () => {
    const bundle = B({ n: 1 });
    const base = await serve((q, r, b) =>
      q.url?.startsWith('/blob/ok')
        ? json(r, 200, bundle)
        : q.url?.startsWith('/blob/gone')
          ? json(r, 410, {})
          : json(r, 200, { attestations: [{ bundle_url: `${b}/blob/${q.url?.includes('sha256:c') ? 'ok' : 'gone'}` }] }),
    );
    const client = gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' });
    const list = await client.list(D);
    expect(list).toHaveLength(1);
    expect(list[0]?.origin).toBe(`${base}/blob/ok`);
    expect(list[0]?.bundle).toEqual(bundle);
    const e = await rejection(client.list('d'.repeat(64)));
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(e.message).toBe('cannot download an attestation bundle (HTTP 410)');
  });

  it.each([
    [
      'an inline bundle without a media type',
      { attestations: [{ bundle: { dsseEnvelope: {} } }] },
      'is not a Sigstore bundle (no Sigstore bundle mediaType)',
    ],
    ['an inline bundle that is a string', { attestations: [{ bundle: 'x' }] }, 'is not a Sigstore bundle (the JSON is not an object)'],
    [
      'an inline bundle without a signature',
      { attestations: [{ bundle: { mediaType: 'application/vnd.dev.sigstore.bundle+json;version=0.2', dsseEnvelope: [] } }] },
      'is not a Sigstore bundle (neither a dsseEnvelope nor a messageSignature)',
    ],
  ])('%s is a broken answer (exit 3), never "none"', async (_name, body, what) => {
    const base = await serve((_q, r) => json(r, 200, body));
    const e = await rejection(gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' }).list(D));
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(e.message).toBe(`the GitHub attestations API served a bundle that ${what}: ${base}/repos/acme/app/attestations/sha256:${D}#0`);
  });

  it('a downloaded bundle that is not JSON is exit 3 without quoting it', async () => {
    const base = await serve((q, r, b) =>
      q.url?.startsWith('/blob')
        ? r.writeHead(200).end('SECRET-TOKEN not json')
        : json(r, 200, { attestations: [{ bundle_url: `${b}/blob/x?sig=abc` }] }),
    );
    const e = await rejection(gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' }).list(D));
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(e.message).toBe(`the GitHub attestations API served a bundle that is not JSON: ${base}/blob/x`);
  });

  it('follows rel="next" only, and numbers entries across pages', async () => {
    const base = await serve((q, r, b) => {
      const page = new URL(q.url ?? '/', b).searchParams.get('page');
      if (!page) {
        r.setHeader('link', `<${b}/p?page=9>; rel="prev", <${b}/p?page=2>; rel="next"`);
        return json(r, 200, { attestations: [{ bundle: B({ n: 1 }) }] });
      }
      r.setHeader('link', `<${b}/p?page=1>; rel="first"`);
      json(r, 200, { attestations: [{ bundle: B({ n: 2 }) }] });
    });
    const list = await gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app' }).list(D);
    expect(seen.map((q) => q.url)).toEqual([`/repos/acme/app/attestations/sha256:${D}?per_page=100`, '/p?page=2']);
    expect(list.map((c) => c.origin)).toEqual([`${base}/repos/acme/app/attestations/sha256:${D}#0`, `${base}/p#100`]);
  });

  it('a list longer than maxPages fails closed (exit 3), naming the bound; exactly maxPages is read', async () => {
    const base = await serve((q, r, b) => {
      const page = Number(new URL(q.url ?? '/', b).searchParams.get('page') ?? '1');
      if (page < 3) r.setHeader('link', `<${b}/p?page=${page + 1}>; rel="next"`);
      json(r, 200, { attestations: [{ bundle: B({ page }) }] });
    });
    expect(await gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app', maxPages: 3 }).list(D)).toHaveLength(3);
    const e = await rejection(gitHubAttestationsClient({ baseUrl: base, repository: 'acme/app', maxPages: 2 }).list(D));
    expect(e).toBeInstanceOf(InfrastructureError);
    expect(e.message).toBe(
      `the GitHub attestations API lists more than 2 pages of 100 attestations for sha256:${D}; the gate does not decide on a partial list`,
    );
  });
});
