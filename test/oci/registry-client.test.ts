/**
 * The registry client's protocol edges, against node:http servers on 127.0.0.1 written from the
 * OCI distribution spec v1.1 and Docker's token auth spec: the bearer challenge answered with basic
 * credentials from a docker config, the OCI 1.1 referrers API (distribution 2.8 has none, so the real
 * registry test cannot reach it), a referrer for another subject, oversized and malformed manifests,
 * and the Authorization header kept from another origin on a redirect.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parsePolicy, sha256Hex } from '@secure-factory/core';
import { createRegistryClient, dockerConfigCredentials, ImageValidator, MEDIA, type RegistryClient } from '@secure-factory/materials';

type Handler = (req: IncomingMessage, res: ServerResponse, host: string) => void;

async function serve(handler: Handler): Promise<{ server: Server; host: string }> {
  const server = createServer((req, res) => handler(req, res, req.headers.host ?? ''));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  return { server, host: `127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` };
}

const json = (o: unknown): Buffer => Buffer.from(JSON.stringify(o));
const digestOf = (b: Buffer): string => `sha256:${sha256Hex(b)}`;

describe('registry client protocol', () => {
  let dir: string;
  const servers: Server[] = [];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sf-oci-client-'));
  });
  afterAll(async () => {
    for (const s of servers) await new Promise<void>((r) => s.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const image = json({
    schemaVersion: 2,
    mediaType: MEDIA.ociManifest,
    config: { mediaType: MEDIA.ociEmpty, digest: digestOf(Buffer.from('{}')), size: 2 },
    layers: [],
  });
  const imageDigest = digestOf(image);

  it('answers a bearer challenge with a token fetched using the docker config credentials', async () => {
    const seen: { token?: string; scope?: string; service?: string; manifestAuth?: string } = {};
    const { server, host } = await serve((req, res, h) => {
      const url = new URL(req.url ?? '/', `http://${h}`);
      if (url.pathname === '/token') {
        seen.token = req.headers.authorization;
        seen.scope = url.searchParams.get('scope') ?? '';
        seen.service = url.searchParams.get('service') ?? '';
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ access_token: 'tok-123' }));
        return;
      }
      if (req.headers.authorization !== 'Bearer tok-123') {
        res
          .writeHead(401, { 'www-authenticate': `Bearer realm="http://${h}/token",service="reg.test",scope="repository:acme/app:pull"` })
          .end();
        return;
      }
      seen.manifestAuth = req.headers.authorization;
      res.writeHead(200, { 'content-type': MEDIA.ociManifest, 'docker-content-digest': imageDigest }).end(image);
    });
    servers.push(server);
    const config = join(dir, 'docker');
    mkdirSync(config, { recursive: true });
    writeFileSync(
      join(config, 'config.json'),
      JSON.stringify({ auths: { [host]: { auth: Buffer.from('robot:s3cret').toString('base64') } } }),
    );
    const creds = dockerConfigCredentials(host, { DOCKER_CONFIG: config });
    expect(creds).toEqual({ username: 'robot', password: 's3cret' });
    const client = createRegistryClient({ credentials: (r) => dockerConfigCredentials(r, { DOCKER_CONFIG: config }) });
    const m = await client.getManifest(host, 'acme/app', 'latest');
    expect(m.digest).toBe(imageDigest);
    expect(seen).toEqual({
      token: `Basic ${Buffer.from('robot:s3cret').toString('base64')}`,
      scope: 'repository:acme/app:pull',
      service: 'reg.test',
      manifestAuth: 'Bearer tok-123',
    });
  });

  it('uses the OCI 1.1 referrers API when the registry has it, and refuses a referrer for another subject', async () => {
    const bundleLayer = Buffer.from('{"not":"a bundle"}');
    const good = json({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      artifactType: MEDIA.sigstoreBundle,
      config: { mediaType: MEDIA.ociEmpty, digest: digestOf(Buffer.from('{}')), size: 2 },
      layers: [{ mediaType: MEDIA.sigstoreBundle, digest: digestOf(bundleLayer), size: bundleLayer.length }],
      subject: { mediaType: MEDIA.ociManifest, digest: imageDigest, size: image.length },
    });
    const other = json({
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      artifactType: MEDIA.sigstoreBundle,
      config: { mediaType: MEDIA.ociEmpty, digest: digestOf(Buffer.from('{}')), size: 2 },
      layers: [],
      subject: { mediaType: MEDIA.ociManifest, digest: `sha256:${'9'.repeat(64)}`, size: 1 },
    });
    let listed = good;
    let referrersCalls = 0;
    const { server, host } = await serve((req, res) => {
      const path = req.url ?? '';
      if (path.startsWith(`/v2/acme/app/referrers/${imageDigest}`)) {
        referrersCalls++;
        res.writeHead(200, { 'content-type': MEDIA.ociIndex }).end(
          JSON.stringify({
            schemaVersion: 2,
            mediaType: MEDIA.ociIndex,
            manifests: [
              { mediaType: MEDIA.ociManifest, digest: digestOf(listed), size: listed.length, artifactType: MEDIA.sigstoreBundle },
            ],
          }),
        );
      } else if (path === `/v2/acme/app/manifests/${imageDigest}`) res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end(image);
      else if (path === `/v2/acme/app/manifests/${digestOf(good)}`) res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end(good);
      else if (path === `/v2/acme/app/manifests/${digestOf(other)}`) res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end(other);
      else if (path === `/v2/acme/app/blobs/${digestOf(bundleLayer)}`) res.writeHead(200).end(bundleLayer);
      else res.writeHead(404).end();
    });
    servers.push(server);
    const client = createRegistryClient({ credentials: () => undefined });
    expect((await client.referrers(host, 'acme/app', imageDigest, MEDIA.sigstoreBundle)).map((d) => d.digest)).toEqual([digestOf(good)]);
    expect(referrersCalls).toBe(1);

    const policy = parsePolicy(
      `apiVersion: secure-factory/v1\nmaterials:\n  images:\n    trust: [{ registry: "${host}", identity: "https://example.test/ci" }]\n`,
      'p.yml',
    );
    let verifierCalls = 0;
    const validator = (): ImageValidator =>
      new ImageValidator({
        client,
        images: policy.materials.images,
        verify: () => {
          verifierCalls++;
          return { ok: false, reason: 'MALFORMED: not a bundle' };
        },
      });
    const ref = `${host}/acme/app@${imageDigest}`;
    const unsigned = await validator().validate(ref);
    expect(unsigned).toMatchObject({ validated: false });
    expect(unsigned.reasons.join(' ')).toMatch(/MALFORMED/);
    expect(verifierCalls).toBe(1);

    listed = other;
    const lied = await validator().validate(ref);
    expect(lied).toMatchObject({ validated: false, refused: true });
    expect(lied.reasons[0]).toMatch(/refers to sha256:9{64}; refused/);
  });

  it('caches a verdict by digest in memory: the second look does not read the referrers again', async () => {
    let referrers = 0;
    const { server, host } = await serve((req, res) => {
      const path = req.url ?? '';
      if (path.startsWith('/v2/acme/app/referrers/')) {
        referrers++;
        res.writeHead(200, { 'content-type': MEDIA.ociIndex }).end(JSON.stringify({ schemaVersion: 2, manifests: [] }));
      } else if (path === `/v2/acme/app/manifests/${imageDigest}`) res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end(image);
      else res.writeHead(404).end();
    });
    servers.push(server);
    const policy = parsePolicy(
      `apiVersion: secure-factory/v1\nmaterials:\n  images:\n    trust: [{ registry: "${host}", identity: "x" }]\n`,
      'p.yml',
    );
    const v = new ImageValidator({
      client: createRegistryClient({ credentials: () => undefined }),
      images: policy.materials.images,
      verify: () => ({ ok: false, reason: 'n/a' }),
    });
    await v.validate(`${host}/acme/app@${imageDigest}`);
    await v.validate(`${host}/acme/app@${imageDigest}`);
    expect(referrers).toBe(1);
  });

  it('refuses a manifest over 4 MiB and one that is not a manifest, with the image named', async () => {
    const huge = Buffer.alloc(4 * 1024 * 1024 + 1, 0x20);
    const { server, host } = await serve((req, res) => {
      if ((req.url ?? '').includes('/huge/')) res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end(huge);
      else res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end('<html>login</html>');
    });
    servers.push(server);
    const client: RegistryClient = createRegistryClient({ credentials: () => undefined, http: { maxAttempts: 1 } });
    await expect(client.getManifest(host, 'acme/huge', 'v1')).rejects.toThrow(/more than the limit of 4194304/);
    await expect(client.getManifest(host, 'acme/html', 'v1')).rejects.toThrow(/acme\/html:v1 is not JSON/);
  });

  it('retries a 503 a bounded number of times, and gives up naming the registry', async () => {
    let calls = 0;
    let failFirst = 1;
    const { server, host } = await serve((req, res) => {
      calls++;
      if (failFirst-- > 0 || (req.url ?? '').includes('/down/')) res.writeHead(503).end();
      else res.writeHead(200, { 'content-type': MEDIA.ociManifest }).end(image);
    });
    servers.push(server);
    const client = createRegistryClient({ credentials: () => undefined, http: { baseDelayMs: 1, maxDelayMs: 5 } });
    expect((await client.getManifest(host, 'acme/app', 'v1')).digest).toBe(imageDigest);
    expect(calls).toBe(2);
    calls = 0;
    await expect(client.getManifest(host, 'acme/down', 'v1')).rejects.toThrow(
      new RegExp(`the registry ${host} failed after 3 attempts: HTTP 503`),
    );
    expect(calls).toBe(3);
  });

  it('a basic challenge without configured credentials says how to log in', async () => {
    const { server, host } = await serve((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="registry"' }).end();
    });
    servers.push(server);
    const err = await createRegistryClient({ credentials: () => undefined })
      .getManifest(host, 'acme/app', 'v1')
      .catch((e: unknown) => e as Error & { hint?: string });
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/wants a login and no credentials are configured/);
    expect((err as { hint?: string }).hint).toMatch(/docker login/);
  });

  it('drops the Authorization header when a blob redirect leaves the registry origin', async () => {
    const blob = Buffer.from('layer bytes');
    let storageAuth: string | undefined = 'unset';
    const storage = await serve((req, res) => {
      storageAuth = req.headers.authorization;
      res.writeHead(200).end(blob);
    });
    servers.push(storage.server);
    const { server, host } = await serve((req, res, h) => {
      if ((req.url ?? '').startsWith('/token')) res.writeHead(200).end('{"token":"t"}');
      else if (!req.headers.authorization) res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${h}/token",service="s"` }).end();
      else res.writeHead(307, { location: `http://${storage.host}/blob?sig=1` }).end();
    });
    servers.push(server);
    const client = createRegistryClient({ credentials: () => undefined });
    expect(await client.getBlob(host, 'acme/app', digestOf(blob), 1024)).toEqual(blob);
    expect(storageAuth).toBeUndefined();
  });
});
