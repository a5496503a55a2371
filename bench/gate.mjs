#!/usr/bin/env node
/**
 * The deployment gate at scale (never part of the tests). Real evidence: statements signed keyless by
 * the attest pipeline against the local Fulcio/Rekor of test/support (Node 24 strips the types), then
 * verified with their trust root by the gate.
 *
 *   1. one artefact, ten bundles: the time of one gate call (median of several);
 *   2. 1,000 artefacts in one call, with the ten bundles of their run naming all of them (as attest
 *      writes them): each bundle is verified once, the policy evaluated per artefact;
 *   3. baseline, measured in the same run: one gate call per artefact over the same evidence, on a
 *      sample, extrapolated to 1,000 — what a caller looping over artefacts would pay.
 *
 *   node scripts/node24.mjs bench/gate.mjs [--artefacts N] [--sample N]
 * Needs `npx tsc -b tsconfig.build.json` first (it imports packages/*\/dist).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ARTEFACTS = arg('artefacts', 1000);
const SAMPLE = arg('sample', 20);
const REPEAT = 9;

if (!existsSync(path.join(root, 'packages', 'verify', 'dist', 'gate', 'index.js'))) {
  console.error('bench/gate.mjs: build first: npx tsc -b tsconfig.build.json');
  process.exit(2);
}
const { runGate, buildEvidenceVerifier } = await import('@secure-factory/verify');
const { MemoryLogger, parsePolicy } = await import('@secure-factory/core');
const { startSigstoreServices } = await import(path.join(root, 'test', 'support', 'sigstore-services.ts'));
const chain = await import(path.join(root, 'test', 'gate', 'chain.ts'));

const services = await startSigstoreServices();
const policy = parsePolicy(chain.policyText(), 'bench-policy.yml');
const digestOf = (i) => createHash('sha256').update(`artefact ${i}\n`).digest('hex');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The five statements of a run plus five more of the same run (a second SBOM, more scans and results). */
function tenPieces(digests) {
  const subject = digests.map((d, i) => ({ name: `app-${i}.tgz`, digest: { sha256: d } }));
  const first = digests[0];
  const base = chain.goodRun(first);
  const extra = [
    { name: 'sbom-2', statement: chain.sbom(first), run: chain.RUN_A },
    { name: 'vulns-2', statement: chain.vulns(first), run: chain.RUN_A },
    { name: 'tests-2', statement: chain.tests(first), run: chain.RUN_A },
    { name: 'tests-3', statement: chain.tests(first), run: chain.RUN_A },
    { name: 'sbom-3', statement: chain.sbom(first), run: chain.RUN_A },
  ];
  return [...base, ...extra].map((p) => ({ ...p, statement: { ...p.statement, subject } }));
}

async function gateOnce(evidenceDir, subjects, verifier) {
  const outDir = mkdtempSync(path.join(tmpdir(), 'sf-bench-gate-out-'));
  const t0 = performance.now();
  const r = await runGate({
    subjects,
    environment: 'production',
    policy,
    evidenceDir,
    verifier,
    outDir,
    recordDeployment: false,
    logger: new MemoryLogger(),
  });
  const ms = performance.now() - t0;
  rmSync(outDir, { recursive: true, force: true });
  return { ms, r };
}

try {
  // The trust root is loaded once per process, as the CLI and the action do.
  const verifier = await buildEvidenceVerifier(services.trustedRootPath, []);

  // 1. one artefact, ten bundles
  const one = digestOf(0);
  const dirOne = await chain.writeEvidence(services, tenPieces([one]));
  const single = [];
  for (let i = 0; i < REPEAT; i++) {
    const { ms, r } = await gateOnce(dirOne, [{ digest: one }], verifier);
    if (!r.allowed)
      throw new Error(
        `the single artefact was refused: ${JSON.stringify(r.decision.artefacts[0]?.checks.filter((c) => c.status === 'fail'))}`,
      );
    single.push(ms);
  }
  const singleMs = median(single);

  // 2. N artefacts in one call (the bundles name all of them)
  const digests = Array.from({ length: ARTEFACTS }, (_, i) => digestOf(i));
  const dirMany = await chain.writeEvidence(services, tenPieces(digests));
  const subjects = digests.map((d, i) => ({ digest: d, name: `app-${i}.tgz` }));
  const batchRuns = [];
  let batchAllowed = false;
  for (let i = 0; i < 3; i++) {
    const { ms, r } = await gateOnce(dirMany, subjects, verifier);
    batchAllowed = r.allowed && r.decision.artefacts.length === ARTEFACTS;
    batchRuns.push(ms);
  }
  const batchMs = median(batchRuns);

  // 3. baseline: one call per artefact over the same evidence, sampled
  const perCall = [];
  for (let i = 0; i < SAMPLE; i++) {
    const d = digests[Math.floor((i * ARTEFACTS) / SAMPLE)];
    const { ms, r } = await gateOnce(dirMany, [{ digest: d }], verifier);
    if (!r.allowed) throw new Error('a sampled artefact was refused');
    perCall.push(ms);
  }
  const perCallMs = median(perCall);
  const loopMs = perCallMs * ARTEFACTS;

  const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
  console.log(`one artefact, 10 bundles:                 ${fmt(singleMs)} per gate call (median of ${REPEAT})`);
  console.log(`${ARTEFACTS} artefacts in one call (10 bundles): ${fmt(batchMs)} (median of 3), all admitted: ${batchAllowed}`);
  console.log(
    `baseline, one call per artefact:          ${fmt(perCallMs)} per call (median of ${SAMPLE}) → ${fmt(loopMs)} for ${ARTEFACTS}`,
  );
  console.log(`ratio batch / single call:                ${(batchMs / singleMs).toFixed(1)}× (1,000 calls would be ${ARTEFACTS}×)`);
  console.log(`speed-up over the per-artefact loop:      ${(loopMs / batchMs).toFixed(1)}×`);
  if (!batchAllowed) process.exitCode = 1;
  rmSync(dirOne, { recursive: true, force: true });
  rmSync(dirMany, { recursive: true, force: true });
} finally {
  await services.close();
}
