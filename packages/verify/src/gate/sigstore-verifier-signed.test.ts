/**
 * The gate's EvidenceVerifier on evidence signed here for real: keyless against local Sigstore services
 * (the project's own mock Fulcio, Rekor and TSA, test/support/sigstore-services.ts, verified with their
 * trusted root) and with a key. What it admits (an SBOM, whose signer names no builder; a key-signed
 * provenance, whose builder is the policy's business), what it refuses (a provenance whose claims
 * contradict its certificate, one naming a builder the certificate was not issued to, naming the signing
 * workflow; a message signature where evidence must be a statement) and which signed time it hands the
 * gate (the earliest of the Rekor and the TSA time).
 */
import { createSigningPipeline, ephemeralSigner, staticToken } from '@secure-factory/attest';
import { PolicyViolation, sha256Hex, type Statement } from '@secure-factory/core';
import { startSigstoreServices, type SigstoreServices } from '../../../../test/support/sigstore-services.js';
import { parseTrustedRoot } from '../bundle/trusted-root.js';
import { createBundleVerifier } from '../bundle/verifier.js';
import { sigstoreEvidenceVerifier } from './sigstore-verifier.js';
import { cyclonedxOf, rejection, workflowProvenance } from './__tests__/fixtures.js';

const ARTEFACT = 'a'.repeat(64);
const COMMIT = 'c'.repeat(40);
const SAN = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const SIGNER_WORKFLOW = 'acme/factory/.github/workflows/build.yml@refs/tags/v1';

const provenance = (builder: string, repository = 'acme/app'): Statement =>
  workflowProvenance({ artefact: ARTEFACT, commit: COMMIT, builder, repository });
const sbom = cyclonedxOf(ARTEFACT);

describe('sigstoreEvidenceVerifier on evidence signed keyless', () => {
  let services: SigstoreServices;
  let bundles: ReturnType<typeof createBundleVerifier>;
  let gate: ReturnType<typeof sigstoreEvidenceVerifier>;
  let sign: (s: Statement) => Promise<unknown>;
  let tsaBehind: Promise<unknown>;

  beforeAll(async () => {
    // The TSA's clock stands still two seconds after the services are up (after its certificate's start),
    // while Rekor's runs: evidence signed a few seconds later has the TSA's time as its earliest, second, witness.
    let up = Date.now();
    services = await startSigstoreServices({ caClock: new Date(up - 60_000), tsaClock: () => new Date(up + 2000) });
    up = Date.now();
    tsaBehind = new Promise((resolve) => setTimeout(resolve, 4000));
    bundles = createBundleVerifier({ trustedRoot: parseTrustedRoot(services.trustedRoot, 'local services') });
    gate = sigstoreEvidenceVerifier(bundles);
    const pipeline = createSigningPipeline({
      kind: 'keyless',
      services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl, rekorMajorVersion: 1, tsaUrl: services.tsaUrl },
      identity: staticToken(services.issueToken({ sf_san: SAN, job_workflow_ref: SIGNER_WORKFLOW, sha: COMMIT })),
      useRekor: true,
    });
    sign = (s) => pipeline.signStatement(Buffer.from(JSON.stringify(s)));
  });
  afterAll(() => services.close());

  it('admits an SBOM, whose statement names no builder, with the certificate identity as its signer', async () => {
    const v = await gate.verify(await sign(sbom), ARTEFACT);
    expect(v.statement).toEqual(sbom);
    expect(v.signer.kind === 'certificate' && v.signer.identity.buildSignerUri).toBe(`https://github.com/${SIGNER_WORKFLOW}`);
    expect(v.signer.kind === 'certificate' && v.signer.identity.subjectAlternativeName).toBe(SAN);
  });

  it('hands the gate the earliest signed time, whichever witness signed it', async () => {
    await tsaBehind;
    const bundle = await sign(sbom);
    const verdict = bundles.verify(bundle, { kind: 'digest', algorithm: 'sha256', hex: ARTEFACT, sha256: ARTEFACT }, {});
    if (!verdict.ok) throw new Error(verdict.reason);
    // Rekor's time comes first in the bundle, the TSA's (earlier) second.
    expect(verdict.witnessed.map((w) => w.source)).toEqual(['tlog', 'tsa']);
    const [tlog, tsa] = verdict.witnessed.map((w) => w.time);
    expect(tsa?.getTime()).toBeLessThan(tlog?.getTime() ?? 0);
    const v = await gate.verify(bundle, ARTEFACT);
    expect(v.trustedTime).toEqual({ source: 'tsa', time: tsa });
  });

  it('refuses a provenance whose claims contradict its certificate (another repository)', async () => {
    const e = await rejection(gate.verify(await sign(provenance(SAN, 'acme/other')), ARTEFACT));
    expect(e).toBeInstanceOf(PolicyViolation);
    expect(e.message).toBe('claims: the provenance names repository acme/other but the certificate was issued to acme/app');
  });

  it('refuses a provenance naming a builder its certificate was not issued to, naming the workflow that signed', async () => {
    const evil = 'https://github.com/evil/factory/.github/workflows/x.yml@refs/heads/main';
    const e = await rejection(gate.verify(await sign(provenance(evil)), ARTEFACT));
    expect(e).toBeInstanceOf(PolicyViolation);
    expect(e.message).toBe(
      `claims: the provenance names builder ${evil}, but its certificate was issued to https://github.com/${SIGNER_WORKFLOW}; a signer may not vouch for another builder`,
    );
    // The signing workflow itself, or the certificate's SAN, may be named.
    await expect(gate.verify(await sign(provenance(`https://github.com/${SIGNER_WORKFLOW}`)), ARTEFACT)).resolves.toMatchObject({
      signer: { kind: 'certificate' },
    });
    await expect(gate.verify(await sign(provenance(SAN)), ARTEFACT)).resolves.toMatchObject({ signer: { kind: 'certificate' } });
  });
});

describe('sigstoreEvidenceVerifier on evidence signed with a key', () => {
  const key = ephemeralSigner();
  const pipeline = createSigningPipeline({
    kind: 'ephemeral',
    services: { fulcioUrl: 'http://127.0.0.1:9', rekorMajorVersion: 1 },
    keySigner: key,
    useRekor: false,
  });
  const gate = sigstoreEvidenceVerifier(createBundleVerifier({ publicKeys: [key.publicKeyPem] }));

  it("admits a key-signed provenance whatever builder it names (a key has no identity to hold it to: that is the policy's check)", async () => {
    const prov = provenance('https://github.com/elsewhere/factory/.github/workflows/x.yml@refs/heads/main');
    const v = await gate.verify(await pipeline.signStatement(Buffer.from(JSON.stringify(prov))), ARTEFACT);
    expect(v).toEqual({ statement: prov, signer: { kind: 'key', keyId: key.hint } });
  });

  it('refuses a message signature: evidence must be a signed statement', async () => {
    const data = Buffer.from('not a statement');
    const e = await rejection(gate.verify(await pipeline.signArtifact(data), sha256Hex(data)));
    expect(e).toBeInstanceOf(PolicyViolation);
    expect(e.message).toBe('unsupported: the bundle signs a message, not an in-toto statement');
  });
});
