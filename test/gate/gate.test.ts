/**
 * The deployment gate end to end: statements → bundles signed by the real attest pipeline against
 * local Fulcio/Rekor → `runGate` with the trust root of those services. One test per rule: it admits
 * the good chain and refuses each way the chain can be broken, always with a reason and never open.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryLogger, validateStatement, type Statement } from '@secure-factory/core';
import {
  artifactFromDigest,
  buildEvidenceVerifier,
  createBundleVerifier,
  gitHubAttestationsClient,
  parseTrustedRoot,
  readDeployments,
  RECORD_NAME,
  runGate,
  type GateOptions,
  type GateResult,
} from '@secure-factory/verify';
import { startGitHubApiServer } from '../support/github-api-server.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import {
  artefact,
  goodRun,
  isoDay,
  policyText,
  provenance,
  RUN_A,
  sbom,
  tests,
  vulns,
  writeEvidence,
  writePolicy,
  FACTORY,
  COMMIT_B,
  replace,
} from './chain.js';

let services: SigstoreServices;
let art: ReturnType<typeof artefact>;
let goodDir: string;
let policyFile: string;

beforeAll(async () => {
  services = await startSigstoreServices();
  art = artefact();
  goodDir = await writeEvidence(services, goodRun(art.digest));
  policyFile = writePolicy(policyText());
});
afterAll(async () => services.close());

async function gate(evidenceDir: string | undefined, overrides: Partial<GateOptions> = {}): Promise<GateResult> {
  return runGate({
    subjects: [{ digest: art.digest, name: 'app-1.4.2.tgz' }],
    environment: 'production',
    policyFile,
    evidenceDir,
    verifier: () => buildEvidenceVerifier(services.trustedRootPath, []),
    outDir: mkdtempSync(path.join(tmpdir(), 'sf-gate-out-')),
    logger: new MemoryLogger(),
    ...overrides,
  });
}

function check(result: GateResult, id: string): { status: string; reason: string; fix?: string } {
  const c = result.decision.artefacts[0]?.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id} in ${JSON.stringify(result.decision.artefacts[0]?.checks.map((x) => x.id))}`);
  return c;
}

function refusedBy(result: GateResult): string[] {
  return (result.decision.artefacts[0]?.checks ?? []).filter((c) => c.status === 'fail').map((c) => c.id);
}

describe('gate: admits the whole chain', () => {
  let result: GateResult;
  beforeAll(async () => {
    result = await gate(goodDir, {
      signStatement: async (st: Statement<unknown>) => {
        // The VSA is signed by the attest layer exactly like the evidence.
        const { createSigningPipeline, staticToken } = await import('@secure-factory/attest');
        const { claimsFor } = await import('./chain.js');
        const p = createSigningPipeline({
          kind: 'keyless',
          services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl, rekorMajorVersion: 1 },
          identity: staticToken(services.issueToken(claimsFor(RUN_A))),
          useRekor: true,
        });
        return p.signStatement(Buffer.from(JSON.stringify(st), 'utf8'));
      },
    });
  });

  it('admits with exit 0 and every check passing', () => {
    expect(refusedBy(result)).toEqual([]);
    expect(result.allowed).toBe(true);
    expect(result.exitCode).toBe(0);
    const ids = result.decision.artefacts[0]?.checks.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'signatures',
        'builder',
        'same-run',
        'source',
        'refs',
        'sbom',
        'vulnerabilities',
        'scan-age',
        'database-age',
        'tests',
        'registries',
        'rule:tagged-release',
      ]),
    );
  });

  it('writes a decision log naming the policy digest and every input bundle digest', () => {
    const log = JSON.parse(readFileSync(result.decisionPath, 'utf8')) as GateResult['decision'];
    expect(log.policy?.digest.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bundles = readdirSync(goodDir).filter((f) => f.endsWith('.sigstore.json'));
    expect(log.inputs.filter((i) => i.status === 'verified')).toHaveLength(bundles.length);
    expect(log.artefacts[0]?.inputs).toHaveLength(5);
    for (const i of log.inputs) expect(i.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(log.artefacts[0]?.run).toBe('run 8812 attempt 1, commit 4be1…aaaa');
    expect(log.artefacts[0]?.builder).toEqual({ identity: FACTORY, from: 'policy' });
  });

  it('writes a PASSED VSA with the policy, the inputs and the verified levels, signed so that it verifies', () => {
    const vsa = JSON.parse(readFileSync(result.vsaPath, 'utf8')) as Statement<Record<string, unknown>>;
    expect(validateStatement(vsa)).toEqual([]);
    expect(vsa.predicateType).toBe('https://slsa.dev/verification_summary/v1');
    expect(vsa.subject).toEqual([{ name: 'app-1.4.2.tgz', digest: { sha256: art.digest } }]);
    expect(vsa.predicate.verificationResult).toBe('PASSED');
    expect(vsa.predicate.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']);
    expect(vsa.predicate.policy).toEqual({ uri: policyFile, digest: { sha256: result.decision.policy?.digest.sha256 } });
    expect(vsa.predicate.inputAttestations).toHaveLength(5);
    const bundle = JSON.parse(readFileSync(result.vsaBundlePath as string, 'utf8')) as unknown;
    const verdict = createBundleVerifier({ trustedRoot: parseTrustedRoot(services.trustedRoot, services.trustedRootPath) }).verify(
      bundle,
      artifactFromDigest(`sha256:${art.digest}`),
      { requireStatement: true },
    );
    expect(verdict.ok).toBe(true);
  });

  it('records the deployment for the rescan loop', async () => {
    expect(result.deploymentPaths).toHaveLength(1);
    // The rescan loop keeps its state beside the records; it is not a record.
    writeFileSync(
      path.join(goodDir, 'deployments', 'remediations.json'),
      JSON.stringify({ apiVersion: 'secure-factory/remediations/v1', updated: new Date().toISOString(), remediations: [] }),
    );
    const { records, skipped } = await readDeployments(goodDir);
    expect(skipped).toEqual([]);
    expect(path.basename(result.deploymentPaths[0] ?? '')).toMatch(RECORD_NAME);
    const mine = records.find((r) => r.vsa.path === result.vsaPath);
    expect(mine).toMatchObject({ environment: 'production', digest: `sha256:${art.digest}`, name: 'app-1.4.2.tgz' });
    expect(mine?.vsa.bundlePath).toBe(result.vsaBundlePath);
  });

  it('draws the chain and the per-check table in the job summary', () => {
    expect(result.summary).toContain('**secure-factory gate — production: admitted**');
    expect(result.summary).toContain('source ✅ → materials ✅ → build ✅ → attest ✅ → gate ✅');
    expect(result.summary).toContain('| check | result | evidence | what to do |');
    expect(result.summary).toMatch(
      /builder identity \| ✅ factory\/secure-factory\/\.github\/workflows\/secure-factory\.yml@refs\/tags\/v1\.3\.0/,
    );
  });
});

describe('gate: refuses a broken chain, saying why', () => {
  it('a tampered artefact: no signed evidence names its digest', async () => {
    const tampered = artefact('app 1.4.2 with a backdoor\n');
    const r = await gate(goodDir, { subjects: [{ digest: tampered.digest, name: 'app-1.4.2.tgz' }] });
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(1);
    expect(check(r, 'signatures').reason).toMatch(/no signed evidence names sha256:[0-9a-f]{64} \(5 bundle\(s\) found name other digests/);
    expect(r.summary).toContain('gate ❌');
  });

  it('a bundle whose signed statement was altered does not verify', async () => {
    const dir = await writeEvidence(services, goodRun(art.digest));
    const file = path.join(dir, 'vulns.sigstore.json');
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { dsseEnvelope: { payload: string } };
    const st = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as { predicate: { scanner: { version: string } } };
    st.predicate.scanner.version = '9.9.9';
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
    writeFileSync(file, JSON.stringify(bundle));
    const r = await gate(dir);
    expect(r.allowed).toBe(false);
    expect(check(r, 'signatures').reason).toMatch(/vulns\.sigstore\.json: (transparency log|signature)/);
  });

  it('a wrong builder identity', async () => {
    const evil = { ...RUN_A, builder: 'evil/forge/.github/workflows/build.yml@refs/tags/v1' };
    const dir = await writeEvidence(services, goodRun(art.digest, evil));
    const r = await gate(dir);
    expect(r.allowed).toBe(false);
    expect(check(r, 'builder').reason).toMatch(
      /signed by evil\/forge\/\.github\/workflows\/build\.yml@refs\/tags\/v1, expected factory\/secure-factory/,
    );
  });

  it('a build isolated by the unshare fallback instead of bubblewrap, with how to install it', async () => {
    const weak = { ...RUN_A, isolation: 'unshare' };
    const dir = await writeEvidence(services, goodRun(art.digest, weak));
    const r = await gate(dir);
    expect(r.allowed).toBe(false);
    expect(check(r, 'isolation').reason).toMatch(/ran under unshare 0\.8\.0, a weaker isolation than bubblewrap/);
    expect(check(r, 'isolation').fix).toContain('apt-get install -y bubblewrap');
    expect(check(await gate(goodDir), 'isolation')).toMatchObject({ status: 'pass', reason: 'bubblewrap 0.8.0, overlayfs workspace' });
  });

  it('the right workflow run from a branch instead of a tag or SHA', async () => {
    const branch = { ...RUN_A, builder: `${FACTORY}@refs/heads/main` };
    const dir = await writeEvidence(services, goodRun(art.digest, branch));
    const r = await gate(dir);
    expect(r.allowed).toBe(false);
    expect(check(r, 'builder').reason).toMatch(/runs from "refs\/heads\/main", not a tag or a commit SHA/);
  });

  it('evidence from two different runs (a passing scan from another build)', async () => {
    const other = { runId: '9001', commit: COMMIT_B };
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'vulns', { run: other }));
    const r = await gate(dir);
    expect(r.allowed).toBe(false);
    expect(check(r, 'same-run').reason).toMatch(/evidence is mixed: vulnerabilities comes from run 9001 attempt 1, commit 7c0d…bbbb/);
  });

  it('a stale scan, by the transparency log time and not the statement', async () => {
    const r = await gate(goodDir, { now: new Date(Date.now() + 2 * 3600_000) });
    expect(r.allowed).toBe(false);
    expect(check(r, 'scan-age').reason).toMatch(/2 h old by Rekor .* UTC; the limit is 1h/);
  });

  it('an old vulnerability database', async () => {
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'vulns', { statement: vulns(art.digest, [], 5 * 86_400_000) }));
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['database-age']);
    expect(check(r, 'database-age').reason).toMatch(/5 d old; the limit is 2d/);
  });

  it('a critical vulnerability', async () => {
    const list = [{ id: 'GHSA-xxxx-xxxx-xxxx', score: '9.8', pkg: 'minimist', fixed: '1.2.6' }];
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'vulns', { statement: vulns(art.digest, list) }));
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['vulnerabilities']);
    expect(check(r, 'vulnerabilities').reason).toBe('1 at or above high: critical: GHSA-xxxx-xxxx-xxxx in minimist@1.2.0 (fixed in 1.2.6)');
    expect(r.summary).toContain('source ✅ → materials ❌ → build ✅ → attest ✅ → gate ❌');
  });

  it('a Docker Hub image in the SBOM', async () => {
    const hub = `pkg:docker/library/node@sha256:${'e'.repeat(64)}`;
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'sbom.cdx', { statement: sbom(art.digest, [hub]) }));
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['registries']);
    expect(check(r, 'registries').reason).toBe('docker.io/library/node is not from an allowed registry');
  });

  it('an image by tag in the provenance', async () => {
    const dir = await writeEvidence(
      services,
      replace(goodRun(art.digest), 'provenance', {
        statement: provenance(art.digest, RUN_A, ['pkg:docker/acme/base:1.0?repository_url=ghcr.io']),
      }),
    );
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['registries']);
    expect(check(r, 'registries').reason).toMatch(/ghcr\.io\/acme\/base:.* is not pinned by digest/);
  });

  describe('waivers', () => {
    const critical = [{ id: 'GHSA-xxxx-xxxx-xxxx', score: 'CRITICAL' }];
    let dir: string;
    beforeAll(async () => {
      dir = await writeEvidence(services, replace(goodRun(art.digest), 'vulns', { statement: vulns(art.digest, critical) }));
    });

    it('an expired waiver blocks and says so', async () => {
      const expired = isoDay(-2);
      const file = writePolicy(
        policyText({ exceptions: `  - { advisory: GHSA-xxxx-xxxx-xxxx, reason: 'server-side only', approver: bob, expires: ${expired} }` }),
      );
      const r = await gate(dir, { policyFile: file });
      expect(r.allowed).toBe(false);
      expect(check(r, 'vulnerabilities').reason).toContain(`its waiver by bob expired ${expired}`);
      expect(check(r, 'waivers')).toMatchObject({ status: 'fail' });
      expect(r.decision.artefacts[0]?.waivers).toEqual([expect.objectContaining({ approver: 'bob', state: 'expired', expires: expired })]);
    });

    it('a valid waiver scoped to this digest and environment admits, and is listed', async () => {
      const until = isoDay(10);
      const exceptions = `  - { advisory: GHSA-xxxx-xxxx-xxxx, digest: 'sha256:${art.digest}', environment: production, reason: 'not reachable', approver: bob, expires: ${until} }`;
      const r = await gate(dir, { policyFile: writePolicy(policyText({ exceptions })) });
      expect(refusedBy(r)).toEqual([]);
      expect(check(r, 'waivers')).toMatchObject({ status: 'warn' });
      expect(check(r, 'waivers').reason).toContain(`GHSA-xxxx-xxxx-xxxx waived by bob until ${until}`);
      expect(r.decision.artefacts[0]?.waivers).toEqual([expect.objectContaining({ state: 'used', approver: 'bob' })]);
    });

    it('a waiver for another environment or digest does not apply', async () => {
      const until = isoDay(10);
      const exceptions = [
        `  - { advisory: GHSA-xxxx-xxxx-xxxx, environment: staging, reason: r, approver: bob, expires: ${until} }`,
        `  - { advisory: GHSA-xxxx-xxxx-xxxx, digest: 'sha256:${'0'.repeat(64)}', reason: r, approver: bob, expires: ${until} }`,
      ].join('\n');
      const r = await gate(dir, { policyFile: writePolicy(policyText({ exceptions })) });
      expect(refusedBy(r)).toEqual(['vulnerabilities']);
    });

    it('a waiver without an expiry makes the policy invalid: exit 2, refused', async () => {
      const file = writePolicy(policyText({ exceptions: `  - { advisory: GHSA-xxxx-xxxx-xxxx, reason: r, approver: bob }` }));
      const r = await gate(dir, { policyFile: file });
      expect(r.allowed).toBe(false);
      expect(r.exitCode).toBe(2);
      expect(r.decision.error?.message).toMatch(/missing the required key "expires"/);
    });

    it('a waiver beyond the maximum is refused at load', async () => {
      const file = writePolicy(
        policyText({ exceptions: `  - { advisory: GHSA-xxxx-xxxx-xxxx, reason: r, approver: bob, expires: ${isoDay(400)} }` }),
      );
      const r = await gate(dir, { policyFile: file });
      expect(r.exitCode).toBe(2);
      expect(r.decision.error?.message).toMatch(/more than 90 days/);
    });
  });

  it('missing evidence (no test result)', async () => {
    const dir = await writeEvidence(
      services,
      goodRun(art.digest).filter((p) => p.name !== 'tests'),
    );
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['tests']);
    expect(check(r, 'tests').reason).toBe('no signed evidence of this kind for this artefact');
  });

  it('failed tests', async () => {
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'tests', { statement: tests(art.digest, 'FAILED') }));
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['tests']);
  });

  it('a bundle for another digest does not count', async () => {
    const other = artefact('another artefact\n');
    const dir = await writeEvidence(services, [
      ...goodRun(art.digest).filter((p) => p.name !== 'provenance'),
      { name: 'provenance', statement: provenance(other.digest, RUN_A), run: RUN_A },
    ]);
    const r = await gate(dir);
    expect(r.allowed).toBe(false);
    expect(refusedBy(r)).toContain('builder');
    expect(check(r, 'builder').reason).toMatch(/no provenance signed by/);
  });

  it('an unsigned statement never counts', async () => {
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'tests', { run: 'unsigned' }));
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['tests']);
    expect(r.decision.inputs).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'unsigned', origin: path.join(dir, 'tests.intoto.json') })]),
    );
  });

  it("a bundle file that cannot be read refuses (it may be this artefact's); a broken unsigned statement is only listed", async () => {
    const dir = await writeEvidence(services, goodRun(art.digest));
    writeFileSync(path.join(dir, 'stray.intoto.json'), '{ not json');
    const ok = await gate(dir);
    expect(ok.decision.error).toBeUndefined();
    expect(refusedBy(ok)).toEqual([]);
    expect(ok.decision.inputs).toEqual(
      expect.arrayContaining([expect.objectContaining({ status: 'unsigned', origin: path.join(dir, 'stray.intoto.json') })]),
    );
    writeFileSync(path.join(dir, 'broken.sigstore.json'), '{ "mediaType": ');
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(['signatures']);
    expect(check(r, 'signatures').reason).toMatch(/broken\.sigstore\.json: not JSON/);
  });

  describe('the closed loop: remediations the rescan opened', () => {
    const state = (digest: string, deadline: string) => ({
      apiVersion: 'secure-factory/remediations/v1',
      updated: new Date().toISOString(),
      remediations: [
        {
          advisory: 'GHSA-xvch-5gv4-984h',
          aliases: ['CVE-2021-44906'],
          package: { ecosystem: 'npm', name: 'minimist', version: '1.2.5' },
          severity: 'critical',
          fixedVersions: ['1.2.6'],
          digests: [`sha256:${digest}`],
          environments: ['production'],
          firstSeen: new Date(Date.now() - 3600_000).toISOString(),
          deadline,
          status: 'open',
        },
      ],
    });
    let dir: string;
    beforeAll(async () => {
      dir = await writeEvidence(services, goodRun(art.digest));
      mkdirSync(path.join(dir, 'deployments'), { recursive: true });
    });

    it('an open remediation for this digest refuses it, naming the advisory and its deadline', async () => {
      const deadline = new Date(Date.now() - 60_000).toISOString();
      writeFileSync(path.join(dir, 'deployments', 'remediations.json'), JSON.stringify(state(art.digest, deadline)));
      const r = await gate(dir);
      expect(refusedBy(r)).toEqual(['remediations']);
      expect(check(r, 'remediations').reason).toContain(
        `critical: GHSA-xvch-5gv4-984h in minimist@1.2.5 (fixed in 1.2.6), found by the rescan`,
      );
      expect(check(r, 'remediations').reason).toContain(`deadline ${deadline} (passed)`);
    });

    it('a waiver by alias lets it through, listed', async () => {
      writeFileSync(path.join(dir, 'deployments', 'remediations.json'), JSON.stringify(state(art.digest, new Date().toISOString())));
      const exceptions = `  - { advisory: CVE-2021-44906, reason: 'flag parsing unused', approver: erin, expires: ${isoDay(5)} }`;
      const r = await gate(dir, { policyFile: writePolicy(policyText({ exceptions })) });
      expect(refusedBy(r)).toEqual([]);
      expect(check(r, 'remediations').status).toBe('warn');
    });

    it('a remediation for another digest does not matter; a corrupt state file refuses (exit 2)', async () => {
      writeFileSync(path.join(dir, 'deployments', 'remediations.json'), JSON.stringify(state('f'.repeat(64), new Date().toISOString())));
      expect(refusedBy(await gate(dir))).toEqual([]);
      writeFileSync(path.join(dir, 'deployments', 'remediations.json'), '{"apiVersion": "something else"}');
      const r = await gate(dir);
      expect(r.exitCode).toBe(2);
      expect(r.decision.error?.message).toMatch(/remediation state/);
    });
  });

  it('a source level below the policy', async () => {
    const r = await gate(goodDir, { policyFile: writePolicy(policyText({ sourceLevel: 3 })) });
    expect(refusedBy(r)).toEqual(['source']);
    expect(check(r, 'source').reason).toBe('SLSA Source level 2, the policy needs 3');
  });

  it('a ref that may not deploy to the environment', async () => {
    const dir = await writeEvidence(services, goodRun(art.digest, { ...RUN_A, ref: 'refs/heads/feature' }));
    const r = await gate(dir);
    expect(refusedBy(r)).toEqual(expect.arrayContaining(['refs', 'rule:tagged-release']));
    expect(check(r, 'rule:tagged-release').reason).toBe('only tagged releases reach production');
  });

  it('a policy that does not parse: exit 2 and a recorded refusal', async () => {
    const r = await gate(goodDir, { policyFile: writePolicy('apiVersion: secure-factory/v1\ndeploy: {production: {requre: [sbom]}}\n') });
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(2);
    expect(r.decision.error?.message).toMatch(/unknown key "requre"/);
    expect(JSON.parse(readFileSync(r.decisionPath, 'utf8'))).toMatchObject({ allowed: false });
    expect(JSON.parse(readFileSync(r.vsaPath, 'utf8'))).toMatchObject({
      predicate: { verificationResult: 'FAILED', verifiedLevels: ['FAILED'] },
    });
    expect(r.deploymentPaths).toEqual([]);
  });

  it('an environment the policy does not know', async () => {
    const r = await gate(goodDir, { environment: 'moon' });
    expect(refusedBy(r)).toEqual(['environment']);
  });

  it('a trusted root that does not know the signer', async () => {
    const other = await startSigstoreServices();
    try {
      const r = await gate(goodDir, { verifier: () => buildEvidenceVerifier(other.trustedRootPath, []) });
      expect(r.allowed).toBe(false);
      expect(check(r, 'signatures').reason).toMatch(/5 bundle\(s\) naming this artefact do not verify/);
    } finally {
      await other.close();
    }
  });
});

describe("gate: key-signed evidence (the run verb's ephemeral key)", () => {
  it('counts only with the key given, dates the evidence to the key when told when it was made, and fails closed otherwise', async () => {
    const { createSigningPipeline, ephemeralSigner, publicKeyHint } = await import('@secure-factory/attest');
    const { createPublicKey } = await import('node:crypto');
    const { EvidenceFolder, writeJsonAtomic } = await import('@secure-factory/core');
    const madeAt = new Date();
    const key = ephemeralSigner();
    const pipeline = createSigningPipeline({
      kind: 'ephemeral',
      services: { fulcioUrl: services.fulcioUrl, rekorMajorVersion: 1 },
      keySigner: key,
      useRekor: false,
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-gate-key-'));
    const folder = new EvidenceFolder(dir);
    for (const p of goodRun(art.digest)) {
      await folder.write(p.name, p.statement);
      await writeJsonAtomic(folder.bundlePathFor(p.name), await pipeline.signStatement(Buffer.from(JSON.stringify(p.statement))));
    }
    const pub = path.join(dir, 'key.pub.pem');
    writeFileSync(pub, key.publicKeyPem);
    const builder = `key:${publicKeyHint(createPublicKey(key.publicKeyPem))}`;
    const policyFile = writePolicy(
      policyText()
        .replace(/ {4}refs: .*\n/, '')
        .replace(/ {4}rules:\n.*\n/, ''),
    );
    const withKey = () => buildEvidenceVerifier(services.trustedRootPath, [pub]);

    const admitted = await gate(dir, { policyFile, verifier: withKey, builder, keysCreatedAt: madeAt });
    expect(refusedBy(admitted)).toEqual([]);
    expect(admitted.decision.artefacts[0]?.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_2', 'SLSA_SOURCE_LEVEL_2']);
    expect(check(admitted, 'scan-age').reason).toMatch(/old by key made /);

    const undated = await gate(dir, { policyFile, verifier: withKey, builder });
    expect(refusedBy(undated)).toEqual(['scan-age']);
    expect(check(undated, 'scan-age').reason).toBe('the scan bundle carries no transparency-log or timestamp time');

    const noKey = await gate(dir, { policyFile, builder, keysCreatedAt: madeAt });
    expect(check(noKey, 'signatures').reason).toMatch(/5 bundle\(s\) naming this artefact do not verify: .*no public key was given/);
  });
});

describe('gate: the GitHub attestations API', () => {
  it('admits with the bundles fetched for the digest', async () => {
    const bundles = readdirSync(goodDir)
      .filter((f) => f.endsWith('.sigstore.json'))
      .map((f) => JSON.parse(readFileSync(path.join(goodDir, f), 'utf8')) as unknown);
    const api = await startGitHubApiServer([
      {
        method: 'GET',
        path: `/repos/acme/app/attestations/sha256:${art.digest}`,
        body: { attestations: bundles.map((bundle, i) => ({ bundle, repository_id: 1, id: i })) },
      },
    ]);
    try {
      const r = await gate(undefined, { github: gitHubAttestationsClient({ baseUrl: api.url, repository: 'acme/app', token: 't0ken' }) });
      expect(refusedBy(r)).toEqual([]);
      expect(check(r, 'attestations-api').reason).toBe('5 bundle(s) fetched');
      expect(api.requests[0]?.headers.authorization).toBe('Bearer t0ken');
    } finally {
      await api.close();
    }
  });

  it('follows Link pagination and bundle_url downloads', async () => {
    const bundles = readdirSync(goodDir)
      .filter((f) => f.endsWith('.sigstore.json'))
      .map((f) => JSON.parse(readFileSync(path.join(goodDir, f), 'utf8')) as unknown);
    const route = `/repos/acme/app/attestations/sha256:${art.digest}`;
    const api = await startGitHubApiServer([
      {
        method: 'GET',
        path: route,
        respond: (req) =>
          req.query.page === '2'
            ? { body: { attestations: bundles.slice(2).map((bundle) => ({ bundle })) } }
            : {
                body: { attestations: [{ bundle: null, bundle_url: `${api.url}/blobs/0` }, { bundle: bundles[1] }] },
                headers: {
                  link: `<${api.url}${route}?per_page=100&page=2>; rel="next", <${api.url}${route}?per_page=100&page=2>; rel="last"`,
                },
              },
      },
      { method: 'GET', path: '/blobs/0', body: bundles[0] },
    ]);
    try {
      const r = await gate(undefined, { github: gitHubAttestationsClient({ baseUrl: api.url, repository: 'acme/app' }) });
      expect(refusedBy(r)).toEqual([]);
      expect(api.requests.map((q) => q.query.page ?? q.path)).toEqual([route, '/blobs/0', '2']);
    } finally {
      await api.close();
    }
  });

  it('a token the API refuses is bad input (exit 2), and refused', async () => {
    const api = await startGitHubApiServer([
      {
        method: 'GET',
        path: `/repos/acme/app/attestations/sha256:${art.digest}`,
        status: 403,
        body: { message: 'Resource not accessible by integration' },
      },
    ]);
    try {
      const r = await gate(goodDir, { github: gitHubAttestationsClient({ baseUrl: api.url, repository: 'acme/app', token: 'x' }) });
      expect(r.allowed).toBe(false);
      expect(r.exitCode).toBe(2);
      expect(check(r, 'attestations-api').reason).toMatch(/refused the request \(HTTP 403\)/);
    } finally {
      await api.close();
    }
  });

  it('a network failure while fetching is a refusal with exit 3, even with good local evidence', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const r = await gate(goodDir, { github: gitHubAttestationsClient({ baseUrl: `http://127.0.0.1:${port}`, repository: 'acme/app' }) });
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(3);
    expect(check(r, 'attestations-api').reason).toMatch(/cannot reach the GitHub attestations API .*ECONNREFUSED/);
  });

  it('a 5xx answer is a refusal too', async () => {
    const api = await startGitHubApiServer([
      { method: 'GET', path: `/repos/acme/app/attestations/sha256:${art.digest}`, status: 502, body: { message: 'bad gateway' } },
    ]);
    try {
      const r = await gate(goodDir, { github: gitHubAttestationsClient({ baseUrl: api.url, repository: 'acme/app' }) });
      expect(r.exitCode).toBe(3);
      expect(check(r, 'attestations-api').reason).toMatch(/HTTP 502/);
    } finally {
      await api.close();
    }
  });
});

describe('gate: many artefacts in one call', () => {
  it('verifies each bundle once and decides per artefact', async () => {
    const others = Array.from({ length: 3 }, (_, i) => artefact(`part ${i}\n`));
    const extra = others.map((o) => ({ name: `part-${o.digest.slice(0, 6)}`, digest: { sha256: o.digest } }));
    // attest adds every artefact of the run as a subject of every statement.
    const pieces = goodRun(art.digest).map((p) => ({ ...p, statement: { ...p.statement, subject: [...p.statement.subject, ...extra] } }));
    const dir = await writeEvidence(services, pieces);
    const stranger = artefact('not built here\n');
    let verifications = 0;
    const r = await gate(dir, {
      subjects: [{ digest: art.digest }, ...others.map((o) => ({ digest: o.digest })), { digest: stranger.digest }],
      verifier: async () => {
        const v = await buildEvidenceVerifier(services.trustedRootPath, []);
        return { verify: (b, d) => (verifications++, v.verify(b, d)) };
      },
    });
    expect(verifications).toBe(5);
    expect(r.decision.artefacts.map((a) => a.allowed)).toEqual([true, true, true, true, false]);
    expect(r.allowed).toBe(false);
    const vsa = JSON.parse(readFileSync(r.vsaPath, 'utf8')) as Statement<Record<string, unknown>>;
    expect(vsa.subject).toHaveLength(5);
    expect(vsa.predicate.verificationResult).toBe('FAILED');
    expect(r.deploymentPaths).toEqual([]);
    expect(existsSync(r.decisionPath)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
