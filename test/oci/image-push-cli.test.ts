/**
 * `secure-factory attest --push-to-registry` (the built CLI, a child process): an image layout written by
 * a real tool, umoci (Debian's 0.4.7, rootless; skipped with a message when it is not installed), pushed
 * with its bundles to docker-registry 2.8 on loopback; and credentials from the docker config
 * (`$DOCKER_CONFIG/config.json`, as `docker login` and docker/login-action write it) answering a
 * registry's basic challenge, never printed, neither on success nor when refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRegistryClient, MEDIA, readOciLayout } from '@secure-factory/materials';
import { runCli } from '../support/cli.js';
import { fakeRegistry, writeOciLayout } from '../support/oci-layout.js';
import { dockerRegistryBin, startDockerRegistry, type LocalRegistry } from '../support/oci-registry.js';

function which(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const haveUmoci = which('umoci');
if (!haveUmoci) console.log('test/oci/image-push-cli: the umoci case is skipped — umoci is not installed (apt-get install umoci)');

function evidence(dir: string): string {
  const e = path.join(dir, 'evidence');
  mkdirSync(e, { recursive: true });
  writeFileSync(
    path.join(e, 'build.intoto.json'),
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'commit', digest: { gitCommit: 'c'.repeat(40) } }],
      predicateType: 'https://example.com/build-claim/v1',
      predicate: {},
    }),
  );
  return e;
}

const describeWithRegistry = dockerRegistryBin ? describe : describe.skip;

describeWithRegistry('secure-factory attest --push-to-registry (CLI)', () => {
  let registry: LocalRegistry;
  let dir: string;
  const servers: Server[] = [];
  beforeAll(async () => {
    registry = await startDockerRegistry();
    dir = mkdtempSync(path.join(tmpdir(), 'sf-push-cli-'));
  });
  afterAll(async () => {
    registry?.close();
    for (const s of servers) {
      s.closeAllConnections();
      await new Promise<void>((r) => s.close(() => r()));
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  (haveUmoci ? it : it.skip)('pushes an image layout umoci wrote, then its bundle as a referrer', async () => {
    const work = mkdtempSync(path.join(dir, 'umoci-'));
    const layout = path.join(work, 'image');
    execFileSync('umoci', ['init', '--layout', layout]);
    execFileSync('umoci', ['new', '--image', `${layout}:2.0`]);
    execFileSync('umoci', ['unpack', '--rootless', '--image', `${layout}:2.0`, path.join(work, 'bundle')]);
    mkdirSync(path.join(work, 'bundle', 'rootfs', 'srv'));
    writeFileSync(path.join(work, 'bundle', 'rootfs', 'srv', 'app.txt'), 'served by umoci\n');
    execFileSync('umoci', ['repack', '--image', `${layout}:2.0`, path.join(work, 'bundle')]);
    const { image, tag } = await readOciLayout(layout);
    expect(tag).toBe('2.0');

    const run = await runCli(
      [
        'attest',
        '--signer',
        'ephemeral',
        '--evidence',
        evidence(work),
        '--subject-name',
        `${registry.host}/acme/umoci`,
        '--subject-oci-layout',
        layout,
        '--push-to-registry',
        '--json',
      ],
      { cwd: work },
    );
    expect(run.stderr).toMatch(
      /pushed to 127\.0\.0\.1:\d+\/acme\/umoci@sha256:[0-9a-f]{64} as the referrer sha256:[0-9a-f]{64} \(tag-schema\)/,
    );
    expect(run.exitCode).toBe(0);
    const json = JSON.parse(run.stdout) as { signed: { referrers?: { digest: string }[] }[] };
    const referrer = json.signed[0]?.referrers?.[0]?.digest;
    const client = createRegistryClient({ credentials: () => undefined });
    expect((await client.getManifest(registry.host, 'acme/umoci', '2.0')).digest).toBe(image.digest);
    expect((await client.referrers(registry.host, 'acme/umoci', image.digest, MEDIA.sigstoreBundle)).map((d) => d.digest)).toEqual([
      referrer,
    ]);
  });

  it('answers a basic challenge with the docker config credentials, and never prints them', async () => {
    const secret = 'hunter2-cli-secret';
    const reg = await fakeRegistry({ basic: `robot:${secret}` });
    servers.push(reg.server);
    const work = mkdtempSync(path.join(dir, 'creds-'));
    const layout = path.join(work, 'image');
    writeOciLayout(layout, 'needs a login');
    const config = path.join(work, 'docker');
    mkdirSync(config);
    const write = (password: string): void =>
      writeFileSync(
        path.join(config, 'config.json'),
        JSON.stringify({ auths: { [reg.host]: { auth: Buffer.from(`robot:${password}`).toString('base64') } } }),
      );
    const attest = () =>
      runCli(
        [
          'attest',
          '--signer',
          'ephemeral',
          '--evidence',
          evidence(mkdtempSync(path.join(work, 'ev-'))),
          '--subject-name',
          `${reg.host}/acme/app`,
          '--subject-oci-layout',
          layout,
          '--push-to-registry',
          '--verbose',
        ],
        { cwd: work, env: { DOCKER_CONFIG: config } },
      );
    write(secret);
    const ok = await attest();
    expect(ok.exitCode).toBe(0);
    expect(ok.stderr).toMatch(/as the referrer sha256:[0-9a-f]{64}/);
    const base64 = Buffer.from(`robot:${secret}`).toString('base64');
    expect(ok.stdout + ok.stderr).not.toContain(secret);
    expect(ok.stdout + ok.stderr).not.toContain(base64);

    write('wrong-password-xyz');
    const refused = await attest();
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/refused the credentials it had just asked for/);
    expect(refused.stdout + refused.stderr).not.toMatch(/wrong-password-xyz|cm9ib3Q6d3Jvbmct/);
  });
});
