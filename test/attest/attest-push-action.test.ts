/**
 * The BUNDLED attest action with push-to-registry, run as the GitHub runner runs it, against a REAL
 * registry on loopback (Debian's docker-registry 2.8, referrers tag schema): an OCI image layout the
 * build wrote is pushed with its bundles as referrers; the outputs name the referrer digests; the same
 * image given by subject-name + subject-digest (as actions/attest takes it) gets its bundles too.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRegistryClient, MEDIA, referrersTag } from '@secure-factory/materials';
import { runAction } from '../support/action-harness.js';
import { dockerRegistryBin, startDockerRegistry, type LocalRegistry } from '../support/oci-registry.js';
import { writeOciLayout } from '../support/oci-layout.js';

const describeWithRegistry = dockerRegistryBin ? describe : describe.skip;

describeWithRegistry('the attest action (bundled) with push-to-registry against docker-registry on loopback', () => {
  let registry: LocalRegistry;
  beforeAll(async () => {
    registry = await startDockerRegistry();
  });
  afterAll(() => registry?.close());

  function workspace(): string {
    const ws = mkdtempSync(path.join(tmpdir(), 'sf-attest-push-'));
    const evidence = path.join(ws, '.secure-factory', 'evidence');
    mkdirSync(evidence, { recursive: true });
    writeFileSync(
      path.join(evidence, 'source.intoto.json'),
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'commit', digest: { gitCommit: 'b'.repeat(40) } }],
        predicateType: 'https://example.com/source-claim/v1',
        predicate: { checked: true },
      }),
    );
    return ws;
  }

  it('pushes the image of subject-oci-layout, then each bundle as its referrer; outputs the referrer digests', async () => {
    const ws = workspace();
    const { digest } = writeOciLayout(path.join(ws, 'out', 'image'), 'the service', 'v1.4.2');
    const run = await runAction('attest', {
      workspace: ws,
      inputs: {
        signer: 'ephemeral',
        'subject-oci-layout': 'out/image',
        'subject-name': `${registry.host}/acme/service`,
        'push-to-registry': 'true',
      },
    });
    expect(run.stderr + run.stdout).not.toMatch(/::error/);
    expect(run.exitCode).toBe(0);
    const referrer = run.outputs['attestation-digest'] ?? '';
    expect(referrer).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs['attestation-digests']).toBe(referrer);
    expect(run.stdout).toContain(`pushed to ${registry.host}/acme/service as the referrer ${referrer} (referrers tag schema)`);
    expect(run.summary).toMatch(/as OCI referrers \(referrers tag schema\)/);

    const client = createRegistryClient({ credentials: () => undefined });
    expect((await client.getManifest(registry.host, 'acme/service', 'v1.4.2')).digest).toBe(digest);
    expect((await client.referrers(registry.host, 'acme/service', digest, MEDIA.sigstoreBundle)).map((d) => d.digest)).toEqual([referrer]);
    const m = (await client.getManifest(registry.host, 'acme/service', referrer)).manifest;
    expect(m.subject?.digest).toBe(digest);
    const bundle = await client.getBlob(registry.host, 'acme/service', m.layers?.[0]?.digest ?? '', 1 << 20);
    const onDisk = readFileSync(path.join(ws, run.outputs['bundle-path'] ?? ''), 'utf8');
    expect(JSON.parse(bundle.toString('utf8'))).toEqual(JSON.parse(onDisk));

    // As actions/attest takes it: subject-name + subject-digest of an image already in the registry.
    const again = await runAction('attest', {
      workspace: workspace(),
      inputs: {
        signer: 'ephemeral',
        'subject-name': `${registry.host}/acme/service`,
        'subject-digest': digest,
        'push-to-registry': 'true',
      },
    });
    expect(again.exitCode).toBe(0);
    expect(await client.referrers(registry.host, 'acme/service', digest, MEDIA.sigstoreBundle)).toHaveLength(2);
    expect((await client.getManifest(registry.host, 'acme/service', referrersTag(digest))).mediaType).toBe(MEDIA.ociIndex);
  });

  it('fails the step, naming what to fix, for an image that is not in the registry or a name without a registry', async () => {
    const missing = await runAction('attest', {
      workspace: workspace(),
      inputs: {
        signer: 'ephemeral',
        'subject-name': `${registry.host}/acme/absent`,
        'subject-digest': `sha256:${'7'.repeat(64)}`,
        'push-to-registry': 'true',
      },
    });
    expect(missing.exitCode).toBe(1);
    expect(missing.annotations[0]?.message).toMatch(/acme\/absent@sha256:7{64} is not in the registry/);
    const bare = await runAction('attest', {
      workspace: workspace(),
      inputs: { signer: 'ephemeral', 'subject-name': 'acme/app', 'subject-digest': `sha256:${'7'.repeat(64)}`, 'push-to-registry': 'true' },
    });
    expect(bare.exitCode).toBe(1);
    expect(bare.annotations[0]?.message).toMatch(/"acme\/app" names no registry/);
  });
});
