/**
 * The gate alone refuses an artefact built FROM a base image that was not validated: `secure-factory gate`
 * on an evidence folder (not `run`, no materials job exit to lean on) under `materials.images.validated:
 * required`. The SBOM is the one the materials stage writes (buildCycloneDx of the Containerfile's image
 * with its validation verdict), signed keyless by the attest pipeline against local Fulcio/Rekor as in
 * test/gate/chain.ts. Signed base → admitted; unsigned base → refused by the gate; no verdict recorded
 * (evidence from before verdicts) → refused under required, admitted when not required; a verdict edited
 * after signing → refused by the signature.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCycloneDx, dockerfileImages, type ImageValidationRecord } from '@secure-factory/materials';
import { makeStatement, PREDICATE } from '@secure-factory/core';
import { runCli } from '../support/cli.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import { artefact, BASE_IMAGE, goodRun, policyText, replace, writeEvidence, writePolicy } from './chain.js';

const IMAGE_DIGEST = `sha256:${/sha256:([0-9a-f]{64})/.exec(BASE_IMAGE)?.[1] ?? ''}`;
const KEY = `sha256:${'e'.repeat(64)}`;
const BUNDLE = `sha256:${'f'.repeat(64)}`;

let services: SigstoreServices;
let art: ReturnType<typeof artefact>;
let required: string;
let notRequired: string;

beforeAll(async () => {
  services = await startSigstoreServices();
  art = artefact();
  required = writePolicy(policyText().replace('pinned: digest }', 'pinned: digest, validated: required }'));
  notRequired = writePolicy(policyText());
});
afterAll(async () => services.close());

/** The materials stage's SBOM of a Containerfile FROM the chain's base image, with the verdict given (or none). */
function sbomWith(validation: ImageValidationRecord | undefined) {
  const packages = dockerfileImages(`FROM ghcr.io/acme/base@${IMAGE_DIGEST}\n`, 'Containerfile').map((p) =>
    validation ? { ...p, validation } : p,
  );
  const cdx = buildCycloneDx(packages, { name: 'app', now: new Date() });
  return makeStatement([{ name: 'app-1.4.2.tgz', digest: { sha256: art.digest } }], PREDICATE.cyclonedx, cdx);
}

interface Check {
  id: string;
  status: string;
  stage: string;
  reason: string;
  fix?: string;
}
interface Decision {
  allowed: boolean;
  checks: Check[];
}

async function gate(dir: string, policy: string): Promise<{ exitCode: number; stderr: string; decision: Decision }> {
  const r = await runCli([
    'gate',
    `sha256:${art.digest}`,
    '--evidence',
    dir,
    '--policy',
    policy,
    '--environment',
    'production',
    '--trusted-root',
    services.trustedRootPath,
    '--signer',
    'none',
    '--json',
    '--explain',
  ]);
  const out = JSON.parse(r.stdout) as { allowed: boolean; artefacts: { checks: Check[] }[] };
  return { exitCode: r.exitCode, stderr: r.stderr, decision: { allowed: out.allowed, checks: out.artefacts[0]?.checks ?? [] } };
}
const imageCheck = (d: Decision) => d.checks.find((c) => c.id === 'image-validation');

describe('secure-factory gate: base-image validation from the signed SBOM alone', () => {
  it('a base image recorded as verified is admitted', async () => {
    const dir = await writeEvidence(
      services,
      replace(goodRun(art.digest), 'sbom.cdx', {
        statement: sbomWith({ verdict: 'verified', digest: IMAGE_DIGEST, signer: KEY, bundle: BUNDLE }),
      }),
    );
    const r = await gate(dir, required);
    expect(imageCheck(r.decision)).toMatchObject({ status: 'pass', stage: 'materials', reason: `1 image(s) verified (signed by ${KEY})` });
    expect(r.decision.allowed).toBe(true);
    expect(r.exitCode).toBe(0);
  }, 60_000);

  it('an unsigned base image is refused by the gate, naming the image, the verdict and the fix', async () => {
    const dir = await writeEvidence(
      services,
      replace(goodRun(art.digest), 'sbom.cdx', { statement: sbomWith({ verdict: 'unsigned', digest: IMAGE_DIGEST }) }),
    );
    const r = await gate(dir, required);
    expect(r.exitCode).toBe(1);
    expect(r.decision.allowed).toBe(false);
    expect(imageCheck(r.decision)).toMatchObject({
      status: 'fail',
      stage: 'materials',
      reason: `ghcr.io/acme/base@${IMAGE_DIGEST}: unsigned (no signature) (materials.images.validated: required)`,
      fix: expect.stringMatching(/signed by a signer materials\.images\.trust names/),
    });
    // Only this check fails: the rest of the chain is sound.
    expect(r.decision.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['image-validation']);
    expect(r.stderr).toContain('[FAIL] base image validation');
  }, 60_000);

  it('evidence with no verdict recorded: refused under required (fail closed), admitted when not required', async () => {
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'sbom.cdx', { statement: sbomWith(undefined) }));
    const r = await gate(dir, required);
    expect(r.exitCode).toBe(1);
    expect(imageCheck(r.decision)).toMatchObject({
      status: 'fail',
      reason: `ghcr.io/acme/base@${IMAGE_DIGEST}: no validation verdict in the signed SBOM (materials.images.validated: required)`,
    });
    const warn = await gate(dir, notRequired);
    expect(imageCheck(warn.decision)).toBeUndefined();
    expect(warn.decision.allowed).toBe(true);
    expect(warn.exitCode).toBe(0);
  }, 60_000);

  it('a verdict edited after signing (unsigned → verified in the bundle) is refused by the signature', async () => {
    const dir = await writeEvidence(
      services,
      replace(goodRun(art.digest), 'sbom.cdx', { statement: sbomWith({ verdict: 'unsigned', digest: IMAGE_DIGEST }) }),
    );
    for (const file of [path.join(dir, 'sbom.cdx.sigstore.json')]) {
      const bundle = JSON.parse(readFileSync(file, 'utf8')) as { dsseEnvelope: { payload: string } };
      const text = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString();
      expect(text).toContain('"value":"unsigned"');
      bundle.dsseEnvelope.payload = Buffer.from(text.replace('"value":"unsigned"', '"value":"verified"')).toString('base64');
      writeFileSync(file, JSON.stringify(bundle));
    }
    // The statement file beside it, edited the same way, is not what the gate trusts.
    const statementFile = path.join(dir, 'sbom.cdx.intoto.json');
    writeFileSync(statementFile, readFileSync(statementFile, 'utf8').replace(/"value": ?"unsigned"/, '"value":"verified"'));
    const r = await gate(dir, required);
    expect(r.exitCode).toBe(1);
    expect(r.decision.allowed).toBe(false);
    expect(r.decision.checks.find((c) => c.id === 'signatures')).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/sbom\.cdx\.sigstore\.json: (transparency log|signature)/),
    });
    expect(imageCheck(r.decision)?.status).not.toBe('pass');
  }, 60_000);
});
