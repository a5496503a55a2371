/**
 * The scan-deps action (the bundle, as GitHub runs it) validates base images as `secure-factory scan`
 * does: against a real registry on loopback (Debian's docker-registry), with a key the policy trusts.
 * The SBOM it writes records each image's verdict, which the gate's image-validation check reads.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSigningPipeline, ephemeralSigner } from '@secure-factory/attest';
import { createRegistryClient, type RegistryClient } from '@secure-factory/materials';
import { runAction } from '../support/action-harness.js';
import { dockerRegistryBin, pushBundleReferrers, pushTestImage, startDockerRegistry, type LocalRegistry } from '../support/oci-registry.js';

const describeWithRegistry = dockerRegistryBin ? describe : describe.skip;
if (!dockerRegistryBin)
  console.log('SKIPPED: the scan-deps action and base images — docker-registry is not installed (apt-get install docker-registry)');

describeWithRegistry('scan-deps action: base images validated in a real registry', () => {
  let dir: string;
  let local: LocalRegistry | undefined;
  let registry: string;
  let client: RegistryClient;
  let signedDigest: string;
  let unsignedDigest: string;
  const trusted = ephemeralSigner();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-scan-deps-images-'));
    local = await startDockerRegistry();
    registry = local.host;
    client = createRegistryClient({ credentials: () => undefined });
    signedDigest = await pushTestImage(client, registry, 'acme/base', 'signed', 'signed base\n');
    unsignedDigest = await pushTestImage(client, registry, 'acme/base', 'unsigned', 'unsigned base\n');
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `${registry}/acme/base`, digest: { sha256: signedDigest.slice(7) } }],
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      predicate: {},
    };
    const pipeline = createSigningPipeline({
      kind: 'key',
      keySigner: trusted,
      useRekor: false,
      services: { fulcioUrl: '', rekorMajorVersion: 1 },
    });
    const bundle = Buffer.from(JSON.stringify(await pipeline.signStatement(Buffer.from(JSON.stringify(statement)))));
    await pushBundleReferrers(client, registry, 'acme/base', signedDigest, [bundle]);
  }, 120_000);

  afterAll(async () => {
    local?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function workspace(from: string): string {
    const ws = mkdtempSync(join(dir, 'ws-'));
    mkdirSync(join(ws, '.github'));
    writeFileSync(join(ws, '.github/base.pem'), trusted.publicKeyPem);
    writeFileSync(
      join(ws, '.github/secure-factory.yml'),
      `apiVersion: secure-factory/v1\nmaterials:\n  images:\n    registries: [${registry}]\n    validated: required\n    trust: [{ registry: "${registry}/acme", key: base.pem }]\n`,
    );
    writeFileSync(join(ws, 'Dockerfile'), `FROM ${registry}/acme/base@${from}\n`);
    const db = join(ws, 'osv-db');
    mkdirSync(db);
    writeFileSync(
      join(db, 'SF-TEST-0.json'),
      JSON.stringify({
        schema_version: '1.6.0',
        id: 'SF-TEST-0',
        modified: new Date().toISOString(),
        affected: [{ package: { ecosystem: 'npm', name: 'not-used-here' }, versions: ['0.0.1'] }],
      }),
    );
    return ws;
  }

  it('admits a base image signed by the trusted key and records the verdict in the SBOM', async () => {
    const ws = workspace(signedDigest);
    const r = await runAction('scan-deps', {
      workspace: ws,
      inputs: { 'osv-database': join(ws, 'osv-db'), cache: 'false' },
      applyDefaults: true,
    });
    expect(r.stdout).not.toMatch(/image-unvalidated/);
    expect(r.exitCode).toBe(0);
    const sbom = JSON.parse(readFileSync(r.outputs['sbom-path'] ?? '', 'utf8')) as {
      components: { type: string; properties?: { name: string; value: string }[] }[];
    };
    const image = sbom.components.find((c) => c.type === 'container');
    expect(image?.properties).toContainEqual({ name: 'secure-factory:image:validation', value: 'verified' });
  }, 120_000);

  it('refuses an unsigned base image with an annotation on the FROM line', async () => {
    const ws = workspace(unsignedDigest);
    const r = await runAction('scan-deps', {
      workspace: ws,
      inputs: { 'osv-database': join(ws, 'osv-db'), cache: 'false' },
      applyDefaults: true,
    });
    expect(r.exitCode).toBe(1);
    const error = r.annotations.find((a) => a.level === 'error' && a.properties.title === 'materials/image-unvalidated');
    expect(error?.properties.file).toBe('Dockerfile');
    expect(error?.properties.line).toBe('1');
  }, 120_000);
});
