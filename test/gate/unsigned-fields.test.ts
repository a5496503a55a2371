/**
 * The gate trusts nothing unsigned (issue 11's adversarial review). Each attack edits a field no
 * signature covers, or signs a claim the signer cannot vouch for, and the gate must refuse:
 * - a Rekor `integratedTime` with no signed entry timestamp is not a trusted time;
 * - a `key:` pin is matched against the key that verified the signature, not `publicKey.hint`;
 * - key-signed statements about different commits (or runs) are not one run;
 * - a provenance naming another builder than its certificate's identity does not count.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSigningPipeline, ephemeralSigner, publicKeyHint } from '@secure-factory/attest';
import { EvidenceFolder, MemoryLogger, writeJsonAtomic } from '@secure-factory/core';
import {
  createBundleVerifier,
  parseTrustedRoot,
  runGate,
  sigstoreEvidenceVerifier,
  type GateOptions,
  type GateResult,
} from '@secure-factory/verify';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import {
  artefact,
  COMMIT_B,
  goodRun,
  policyText,
  provenance,
  replace,
  RUN_A,
  sourceVsa,
  writeEvidence,
  writePolicy,
  type Piece,
} from './chain.js';

let services: SigstoreServices;
let art: ReturnType<typeof artefact>;
beforeAll(async () => {
  services = await startSigstoreServices();
  art = artefact();
});
afterAll(async () => services.close());

const keyPolicy = (): string =>
  writePolicy(
    policyText()
      .replace(/ {4}refs: .*\n/, '')
      .replace(/ {4}rules:\n.*\n/, ''),
  );

function verifierWith(publicKeys: string[] = []) {
  return sigstoreEvidenceVerifier(
    createBundleVerifier({ trustedRoot: parseTrustedRoot(services.trustedRoot, services.trustedRootPath), publicKeys }),
  );
}

async function gate(evidenceDir: string, overrides: Partial<GateOptions> = {}): Promise<GateResult> {
  return runGate({
    subjects: [{ digest: art.digest, name: 'app-1.4.2.tgz' }],
    environment: 'production',
    policyFile: writePolicy(policyText()),
    evidenceDir,
    verifier: verifierWith(),
    outDir: mkdtempSync(path.join(tmpdir(), 'sf-gate-out-')),
    logger: new MemoryLogger(),
    ...overrides,
  });
}

const checks = (r: GateResult) => r.decision.artefacts[0]?.checks ?? [];
const refusedBy = (r: GateResult): string[] =>
  checks(r)
    .filter((c) => c.status === 'fail')
    .map((c) => c.id);
const reasonOf = (r: GateResult, id: string): string => checks(r).find((c) => c.id === id)?.reason ?? '';

/** Signs the pieces with one key (the run verb's ephemeral key), Rekor v1 entries included. */
async function keySigned(pieces: Piece[], key = ephemeralSigner(), useRekor = true): Promise<{ dir: string; pem: string }> {
  const pipeline = createSigningPipeline({
    kind: 'ephemeral',
    services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl, rekorMajorVersion: 1 },
    keySigner: key,
    useRekor,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-gate-unsigned-'));
  const folder = new EvidenceFolder(dir);
  for (const p of pieces) {
    await folder.write(p.name, p.statement);
    await writeJsonAtomic(folder.bundlePathFor(p.name), await pipeline.signStatement(Buffer.from(JSON.stringify(p.statement))));
  }
  return { dir, pem: key.publicKeyPem };
}

type Json = Record<string, unknown>;
function editBundle(dir: string, name: string, edit: (b: Json) => void): void {
  const file = path.join(dir, readdirSync(dir).find((f) => f.startsWith(name) && f.endsWith('.sigstore.json')) as string);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Json;
  edit(bundle);
  writeFileSync(file, JSON.stringify(bundle));
}

describe('unsigned fields never count', () => {
  it('a Rekor integratedTime without a signed entry timestamp is no trusted time (a stale scan cannot be made fresh)', async () => {
    const { dir, pem } = await keySigned(goodRun(art.digest));
    const builder = `key:${publicKeyHint(createPublicKey(pem))}`;
    // Sanity: with the SET intact, the Rekor time is the scan's trusted time and the gate admits.
    const honest = await gate(dir, { policyFile: keyPolicy(), verifier: verifierWith([pem]), builder });
    expect(refusedBy(honest)).toEqual([]);
    expect(reasonOf(honest, 'scan-age')).toMatch(/old by Rekor /);
    // The decision log says which trust roots the verdict rests on.
    expect(honest.decision.trustRoots).toBe(services.trustedRootPath);
    // The attack: drop the SET (the inclusion proof still verifies the body) and set integratedTime to "now".
    editBundle(dir, 'vulns', (b) => {
      const entry = ((b.verificationMaterial as Json).tlogEntries as Json[])[0] as Json;
      delete entry.inclusionPromise;
      entry.integratedTime = String(Math.floor(Date.now() / 1000));
    });
    const attacked = await gate(dir, { policyFile: keyPolicy(), verifier: verifierWith([pem]), builder });
    expect(attacked.allowed).toBe(false);
    expect(refusedBy(attacked)).toContain('scan-age');
    expect(reasonOf(attacked, 'scan-age')).toBe('the scan bundle carries no transparency-log or timestamp time');
  });

  it('a key: pin is satisfied only by the key that verified the signature, never by an edited publicKey.hint', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    const pinned = publicKeyHint(other);
    const { dir, pem } = await keySigned(goodRun(art.digest), ephemeralSigner(), false);
    for (const name of ['source', 'sbom', 'vulns', 'provenance', 'tests'])
      editBundle(dir, name, (b) => {
        ((b.verificationMaterial as Json).publicKey as Json).hint = pinned;
      });
    const r = await gate(dir, {
      policyFile: keyPolicy(),
      verifier: verifierWith([pem]),
      builder: `key:${pinned}`,
      keysCreatedAt: new Date(),
    });
    expect(r.allowed).toBe(false);
    expect(refusedBy(r)).toContain('builder');
    expect(reasonOf(r, 'builder')).toContain(`signed by key:${publicKeyHint(createPublicKey(pem))}, expected key:${pinned}`);
  });

  it('key-signed statements about different commits are not one run', async () => {
    const pieces = replace(goodRun(art.digest), 'source', { statement: sourceVsa(art.digest, { ...RUN_A, commit: COMMIT_B }) });
    const { dir, pem } = await keySigned(pieces, ephemeralSigner(), false);
    const builder = `key:${publicKeyHint(createPublicKey(pem))}`;
    const r = await gate(dir, { policyFile: keyPolicy(), verifier: verifierWith([pem]), builder, keysCreatedAt: new Date() });
    expect(r.allowed).toBe(false);
    expect(refusedBy(r)).toContain('same-run');
    expect(reasonOf(r, 'same-run')).toMatch(/source VSA is about commit 7c0d…bbbb, the run built 4be1…aaaa/);
  });

  it('two key-signed provenances of different runs are not one run', async () => {
    const pieces: Piece[] = [
      ...goodRun(art.digest),
      { name: 'provenance-2', statement: provenance(art.digest, { runId: '9999', commit: COMMIT_B }), run: RUN_A },
    ];
    const { dir, pem } = await keySigned(pieces, ephemeralSigner(), false);
    const builder = `key:${publicKeyHint(createPublicKey(pem))}`;
    const r = await gate(dir, { policyFile: keyPolicy(), verifier: verifierWith([pem]), builder, keysCreatedAt: new Date() });
    expect(r.allowed).toBe(false);
    expect(reasonOf(r, 'same-run')).toMatch(/key-signed provenances name different runs/);
  });

  it("a provenance whose builder.id is not its certificate's identity does not count", async () => {
    const forged = provenance(art.digest, RUN_A);
    (forged.predicate as { runDetails: { builder: { id: string } } }).runDetails.builder.id =
      'https://github.com/someone/else/.github/workflows/builder.yml@refs/tags/v9.9.9';
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'provenance', { statement: forged }));
    const r = await gate(dir);
    expect(r.allowed).toBe(false);
    expect(refusedBy(r)).toContain('signatures');
    expect(reasonOf(r, 'signatures')).toMatch(
      /names builder https:\/\/github\.com\/someone\/else\/\.github\/workflows\/builder\.yml@refs\/tags\/v9\.9\.9, but its certificate was issued to https:\/\/github\.com\/factory\/secure-factory/,
    );
  });

  it('the honest keyless chain is admitted (the builder.id rule accepts the factory workflow)', async () => {
    const r = await gate(await writeEvidence(services, goodRun(art.digest)));
    expect(refusedBy(r)).toEqual([]);
  });
});

describe('evidence naming the artefact by sha512 only (as npm provenance does)', () => {
  it('is matched by hashing the gated file again, verified against that sha512, and admitted', async () => {
    const sha512 = createHash('sha512').update(readFileSync(art.file)).digest('hex');
    const bySha512 = goodRun(art.digest).map((p) => ({
      ...p,
      statement: {
        ...p.statement,
        subject: p.statement.subject.map((sub) => (sub.digest.sha256 === art.digest ? { name: sub.name, digest: { sha512 } } : sub)),
      },
    }));
    const dir = await writeEvidence(services, bySha512);
    const r = await gate(dir, { subjects: [{ digest: art.digest, name: 'app-1.4.2.tgz', file: art.file }] });
    expect(refusedBy(r)).toEqual([]);
    // Given only the sha256 (no file to hash again), nothing names it: refused, never admitted.
    const noFile = await gate(dir);
    expect(noFile.allowed).toBe(false);
    expect(reasonOf(noFile, 'signatures')).toMatch(/no signed evidence names sha256:/);
  });
});
