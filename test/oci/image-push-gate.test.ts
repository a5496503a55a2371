/**
 * End to end for an image artefact: an OCI image layout (the build's output) is attested by the attest
 * stage with push-to-registry — the image pushed to a REAL registry (Debian's docker-registry 2.8 on
 * loopback), the factory's five statements signed keyless against local Fulcio/Rekor and pushed as its
 * referrers (tag schema) — and the gate, given only `registry/name@sha256:…`, reads them back and admits
 * it. The same image attested for an untrusted builder is refused: the gate decides on what attest
 * pushed, not on the image being there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { attestEvidence, type AttestResult } from '@secure-factory/attest';
import { MemoryLogger } from '@secure-factory/core';
import { createImageRegistry, createRegistryClient, RegistryMisbehaviour, type RegistryClient } from '@secure-factory/materials';
import { gate, type GateResult } from '@secure-factory/verify';
import { claimsFor, goodRun, policyText, RUN_A, writeEvidence, writePolicy, type Run } from '../gate/chain.js';
import { writeOciLayout } from '../support/oci-layout.js';
import { dockerRegistryBin, startDockerRegistry, type LocalRegistry } from '../support/oci-registry.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';

const describeWithRegistry = dockerRegistryBin ? describe : describe.skip;
if (!dockerRegistryBin)
  console.log('test/oci/image-push-gate: skipped — docker-registry is not installed (apt-get install docker-registry)');

describeWithRegistry('an image built as an OCI layout, attested with push-to-registry, admitted by the gate by reference', () => {
  let services: SigstoreServices;
  let reg: LocalRegistry;
  let client: RegistryClient;
  let dir: string;
  let policyFile: string;
  beforeAll(async () => {
    services = await startSigstoreServices();
    reg = await startDockerRegistry();
    client = createRegistryClient({ credentials: () => undefined });
    dir = mkdtempSync(path.join(tmpdir(), 'sf-image-e2e-'));
    policyFile = writePolicy(policyText().replace('    registries: [ghcr.io/acme]', `    registries: [ghcr.io/acme, ${reg.host}/acme]`));
  });
  afterAll(async () => {
    reg?.close();
    await services?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The run's statements for the image (unsigned, as the earlier stages leave them), then attest. */
  async function attestImage(layoutDir: string, digest: string, run: Run): Promise<AttestResult> {
    const evidence = await writeEvidence(
      services,
      goodRun(digest.slice(7), run).map((p) => ({ ...p, run: 'unsigned' as const })),
      mkdtempSync(path.join(dir, 'evidence-')),
    );
    return attestEvidence({
      evidenceDir: evidence,
      subjects: {},
      signer: {
        kind: 'keyless',
        identityToken: services.issueToken(claimsFor(run)),
        services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl },
        transparencyLog: 'auto',
        rekorEntryType: 'intoto',
        env: {},
      },
      images: { registry: createImageRegistry(client), layouts: [{ dir: layoutDir, name: `${reg.host}/acme/service` }], push: true },
      logger: new MemoryLogger(),
    });
  }

  async function gateImage(reference: string): Promise<GateResult> {
    const real = createRegistryClient({ credentials: () => undefined, http: { maxAttempts: 1 } });
    return gate({
      artefacts: [],
      images: [reference],
      imageRegistry: {
        getManifest: (r, n, x) => real.getManifest(r, n, x),
        referrers: (r, n, x, t) => real.referrers(r, n, x, t),
        getBlob: (r, n, x, m) => real.getBlob(r, n, x, m),
        isMisbehaviour: (e) => e instanceof RegistryMisbehaviour,
      },
      environment: 'production',
      policyFile,
      trustedRootFile: services.trustedRootPath,
      signer: 'none',
      outDir: mkdtempSync(path.join(dir, 'gate-out-')),
      logger: new MemoryLogger(),
    });
  }

  it('admits the image the factory attested and pushed; refuses one attested for another builder', async () => {
    const layoutDir = path.join(dir, 'layout');
    const { digest } = writeOciLayout(layoutDir, 'service 1.4.2', 'v1.4.2');
    const result = await attestImage(layoutDir, digest, RUN_A);
    expect(result.signed).toHaveLength(5);
    expect(result.signed.every((s) => s.referrers?.[0]?.via === 'tag-schema')).toBe(true);

    const admitted = await gateImage(`${reg.host}/acme/service@${digest}`);
    expect(admitted.decision.artefacts.flatMap((a) => a.checks.filter((c) => c.status === 'fail').map((c) => c.reason))).toEqual([]);
    expect(admitted.allowed).toBe(true);
    expect(admitted.decision.artefacts[0]?.checks[0]?.reason).toMatch(/5 Sigstore bundle\(s\)/);

    const otherLayout = path.join(dir, 'other-layout');
    const other = writeOciLayout(otherLayout, 'service built elsewhere', 'v1.4.2-other');
    await attestImage(otherLayout, other.digest, {
      runId: '9001',
      commit: 'e'.repeat(40),
      builder: 'mallory/forge/.github/workflows/build.yml@refs/tags/v1',
    });
    const refused = await gateImage(`${reg.host}/acme/service@${other.digest}`);
    expect(refused.allowed).toBe(false);
    expect(refused.decision.artefacts.flatMap((a) => a.checks.filter((c) => c.status === 'fail').map((c) => c.reason)).join('\n')).toMatch(
      /mallory\/forge/,
    );
  });
});
