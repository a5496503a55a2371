/**
 * The whole chain with the stages' own code: scan (materials: SBOMs and vulnerabilities against the
 * examples' offline OSV records) → hermetic build (bubblewrap: provenance and test result) → attest
 * (the real stage: adds the built files as subjects of every statement and signs keyless against the
 * local Fulcio/Rekor) → gate. The clean example is admitted; the one depending on minimist@1.2.0
 * (GHSA-xvch-5gv4-984h, critical) is refused for exactly that.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attestEvidence } from '@secure-factory/attest';
import { build } from '@secure-factory/isolated-build';
import { EvidenceFolder, MemoryLogger, parsePolicy, sha256File } from '@secure-factory/core';
import { openOfflineDatabase, scan } from '@secure-factory/materials';
import { buildEvidenceVerifier, runGate, type GateResult } from '@secure-factory/verify';
import { REPO_ROOT } from '../support/shared.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import { claimsFor, FACTORY, RUN_A, sourceVsa } from './chain.js';

const HAVE_BWRAP = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', 'true']).status === 0;
const describeChain = HAVE_BWRAP ? describe : describe.skip;

// The example OSV records carry their advisories' real `modified` dates, so the database age is not what is tested here.
const POLICY = `apiVersion: secure-factory/v1
deploy:
  production:
    require: [provenance, source, sbom, vulnerabilities, tests]
    builder: ${FACTORY}
    source-level: 2
    block-severity: high
    max-scan-age: 1h
    max-database-age: 3650d
    refs: ['refs/tags/v*']
`;

interface Factory {
  evidence: string;
  artefacts: { file: string; digest: string }[];
}

async function runFactory(example: string, services: SigstoreServices): Promise<Factory> {
  const dir = mkdtempSync(path.join(tmpdir(), `sf-chain-${example}-`));
  cpSync(path.join(REPO_ROOT, 'examples', example), dir, { recursive: true, filter: (s) => !/\/(dist|node_modules)(\/|$)/.test(s) });
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=alice@example.com', '-c', 'user.name=Alice', '-c', 'commit.gpgsign=false', 'add', '.');
  git('-c', 'user.email=alice@example.com', '-c', 'user.name=Alice', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'release');
  const head = git('rev-parse', 'HEAD');
  const evidence = mkdtempSync(path.join(tmpdir(), 'sf-chain-evidence-'));
  const logger = new MemoryLogger();
  const policy = parsePolicy(POLICY, 'secure-factory.yml');

  // materials: SBOMs and the vulnerability scan, naming the commit
  await scan({
    path: dir,
    policy,
    evidenceDir: evidence,
    vulnSource: await openOfflineDatabase(path.join(REPO_ROOT, 'examples', 'osv-db')),
    logger,
    now: new Date(),
  });
  // source: the checkout-verify stage's VSA for the commit (its own tests cover how it is reached)
  await new EvidenceFolder(evidence).write('source', {
    ...sourceVsa('0'.repeat(64), { ...RUN_A, commit: head }),
    subject: [{ name: 'acme/app', digest: { gitCommit: head } }],
  });
  // build: hermetic, with the tests
  const b = await build({
    source: dir,
    command: ['node', 'build.mjs'],
    outputs: ['**'],
    evidence,
    network: 'none',
    reproducible: false,
    timeoutMs: 60_000,
    env: [],
    testCommand: 'node --test test/server.test.js',
    logger,
    // The build runs as on GitHub (its provenance names the run's workflow as builder), since its
    // evidence is signed below by that run's certificate: a provenance may only name as its builder
    // an identity its certificate vouches for.
    hostEnv: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_WORKFLOW_REF: claimsFor({ ...RUN_A, commit: head }).workflow_ref as string,
      GITHUB_RUN_ID: RUN_A.runId,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SHA: head,
    },
    onOutput: () => undefined,
  });
  if (!b.passed) throw new Error(`the build failed: ${JSON.stringify(b.findings)}\n${logger.text()}`);
  // attest: the run's artefacts become subjects of every statement, signed keyless as the factory workflow
  await attestEvidence({
    evidenceDir: evidence,
    subjects: { paths: ['**'], cwd: b.outputDir },
    signer: {
      kind: 'keyless',
      identityToken: services.issueToken(claimsFor({ ...RUN_A, commit: head })),
      services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl },
      transparencyLog: 'always',
    },
    logger,
  });
  const artefacts = await Promise.all(
    b.subjects.map(async (s) => ({
      file: path.join(b.outputDir, s.name ?? ''),
      digest: await sha256File(path.join(b.outputDir, s.name ?? '')),
    })),
  );
  return { evidence, artefacts };
}

describeChain('the real chain: scan → build → attest → gate', () => {
  let services: SigstoreServices;
  beforeAll(async () => {
    services = await startSigstoreServices();
  });
  afterAll(async () => services.close());

  const gate = async (f: Factory): Promise<GateResult> =>
    runGate({
      subjects: f.artefacts.map((a) => ({ digest: a.digest, name: path.basename(a.file) })),
      environment: 'production',
      policy: parsePolicy(POLICY, 'secure-factory.yml'),
      evidenceDir: f.evidence,
      verifier: () => buildEvidenceVerifier(services.trustedRootPath, []),
      logger: new MemoryLogger(),
    });

  it('admits every file the clean service built', async () => {
    const f = await runFactory('node-service', services);
    expect(f.artefacts.length).toBeGreaterThan(1);
    const r = await gate(f);
    const failed = r.decision.artefacts.flatMap((a) =>
      a.checks.filter((c) => c.status === 'fail').map((c) => `${a.name}: ${c.id}: ${c.reason}`),
    );
    expect(failed).toEqual([]);
    expect(r.allowed).toBe(true);
    expect(r.decision.artefacts[0]?.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2']);
  });

  it('refuses the service that ships minimist@1.2.0, naming the advisory', async () => {
    const f = await runFactory('vulnerable-service', services);
    const r = await gate(f);
    expect(r.allowed).toBe(false);
    for (const a of r.decision.artefacts) {
      expect(a.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['vulnerabilities']);
      expect(a.checks.find((c) => c.id === 'vulnerabilities')?.reason).toMatch(
        /critical: GHSA-xvch-5gv4-984h in minimist@1\.2\.0 \(fixed in 1\.2\.6\)/,
      );
    }
  });
});
