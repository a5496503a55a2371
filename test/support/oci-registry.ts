/**
 * A REAL OCI registry on loopback for tests: Debian's `docker-registry` (the distribution registry
 * 2.8.2, installed by .ci/run), started on a free 127.0.0.1 port with its storage in a temporary
 * folder. It has no OCI 1.1 referrers API, so referrers live in the `sha256-HEX` tag schema. Also a
 * hand-made image (config blob, one gzip tar layer, an OCI manifest) pushed with the factory's own
 * registry client. Used by test/oci/ and test/gate/images-by-reference.test.ts.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@secure-factory/core';
import { MEDIA, type RegistryClient } from '@secure-factory/materials';

function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The registry binary, or undefined (the caller skips with a message saying how to install it). */
export const dockerRegistryBin: string | undefined = which('docker-registry');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer in 10 s`);
}

export interface LocalRegistry {
  /** `127.0.0.1:PORT`, as image references name it. */
  host: string;
  close(): void;
}

/** Starts docker-registry on a free loopback port; throws with its stderr when it does not come up. */
export async function startDockerRegistry(): Promise<LocalRegistry> {
  if (!dockerRegistryBin) throw new Error('docker-registry is not installed (apt-get install docker-registry)');
  const dir = mkdtempSync(join(tmpdir(), 'sf-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error, accesslog: { disabled: true } }',
      `storage: { filesystem: { rootdirectory: ${join(dir, 'storage')} }, delete: { enabled: true } }`,
      `http: { addr: "${host}" }`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(dockerRegistryBin, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const close = (): void => {
    if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(`http://${host}/v2/`);
  } catch (e: unknown) {
    close();
    throw new Error(`docker-registry did not start: ${stderr.slice(-500)}`, { cause: e });
  }
  return { host, close };
}

/** Pushes a one-layer image (a file `hello.txt` holding `content`) and tags it; returns its manifest digest. */
export async function pushTestImage(
  client: RegistryClient,
  registry: string,
  repository: string,
  tag: string,
  content: string,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'sf-image-'));
  try {
    const src = join(dir, 'root');
    mkdirSync(src);
    writeFileSync(join(src, 'hello.txt'), content);
    const tarFile = join(dir, 'layer.tar');
    execFileSync('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '-cf', tarFile, '-C', src, '.']);
    const tar = readFileSync(tarFile);
    execFileSync('gzip', ['-n', '-f', tarFile]);
    const layer = readFileSync(`${tarFile}.gz`);
    const config = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [`sha256:${sha256Hex(tar)}`] } }),
    );
    const configDigest = await client.putBlob(registry, repository, config);
    const layerDigest = await client.putBlob(registry, repository, layer);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layer.length }],
      }),
    );
    return await client.putManifest(registry, repository, tag, manifest, MEDIA.ociManifest);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pushes Sigstore bundles as one referrer each of `digest` (artifactType and layer as actions/attest pushes them). */
export async function pushBundleReferrers(
  client: RegistryClient,
  registry: string,
  repository: string,
  digest: string,
  bundles: readonly Buffer[],
): Promise<string[]> {
  const subject = await client.getManifest(registry, repository, digest);
  const empty = Buffer.from('{}');
  const emptyDigest = await client.putBlob(registry, repository, empty);
  const out: string[] = [];
  for (const bundle of bundles) {
    const bundleDigest = await client.putBlob(registry, repository, bundle);
    out.push(
      await client.pushReferrer(registry, repository, {
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        artifactType: MEDIA.sigstoreBundle,
        config: { mediaType: MEDIA.ociEmpty, digest: emptyDigest, size: empty.length },
        layers: [{ mediaType: MEDIA.sigstoreBundle, digest: bundleDigest, size: bundle.length }],
        subject: { mediaType: subject.mediaType, digest, size: subject.bytes.length },
      }),
    );
  }
  return out;
}
