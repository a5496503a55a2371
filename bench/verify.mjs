#!/usr/bin/env node
/**
 * Verifying 1,000 Sigstore bundles: one process with one verifier (trust material built once) versus
 * one `secure-factory verify-bundle` process per bundle (20 runs measured, extrapolated to 1,000),
 * and versus rebuilding the verifier for every bundle in-process. The bundles are real public-good
 * ones (slsa-github-generator provenance in ../shared/corpora/slsa-verifier), verified offline with
 * the bundled trusted root: certificate chain, SCT, Rekor inclusion proof, DSSE signature, identity.
 *   node bench/verify.mjs [COUNT] [CLI_RUNS]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(root, '..', 'shared', 'corpora', 'slsa-verifier');
const COUNT = Number(process.argv[2] ?? 1000);
const CLI_RUNS = Number(process.argv[3] ?? 20);
if (!existsSync(corpus)) {
  console.log('SKIPPED: ../shared/corpora/slsa-verifier is not beside the repository');
  process.exit(0);
}
const verify = await import(path.join(root, 'packages', 'verify', 'dist', 'index.js'));
const node = process.execPath;
const cli = path.join(root, 'packages', 'cli', 'bin', 'secure-factory.js');
const ISSUER = 'https://token.actions.githubusercontent.com';
const SAN_RE = '^https://github\\.com/slsa-framework/slsa-github-generator/';

// Every distinct Sigstore bundle in the corpus, with the digest of its first subject.
const files = [];
const walk = (dir) => {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.(intoto\.jsonl|build\.slsa|sigstore)$/.test(f)) files.push(p);
  }
};
walk(corpus);
const bundles = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const parsed = verify.parseProvenanceFile(text);
  if (parsed.kind !== 'bundle') continue;
  const payload = parsed.bundle.dsseEnvelope?.payload;
  if (!payload) continue;
  const st = JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
  const digest = st.subject?.[0]?.digest?.sha256;
  if (!digest) continue;
  const v = verify
    .createBundleVerifier()
    .verify(text, verify.artifactFromDigest(`sha256:${digest}`), { issuer: ISSUER, subjectAlternativeNameRegExp: SAN_RE });
  if (v.ok) bundles.push({ file, text, digest });
}
if (bundles.length === 0) throw new Error('no verifiable bundle found in the corpus');
console.log(`${bundles.length} distinct real bundles; ${COUNT} verifications cycle through them`);

const policy = { issuer: ISSUER, subjectAlternativeNameRegExp: SAN_RE };
const inProcess = () => {
  const t = process.hrtime.bigint();
  const verifier = verify.createBundleVerifier();
  let ok = 0;
  for (let i = 0; i < COUNT; i++) {
    const b = bundles[i % bundles.length];
    // Read and parse each bundle as a real run would.
    if (verifier.verify(readFileSync(b.file, 'utf8'), verify.artifactFromDigest(`sha256:${b.digest}`), policy).ok) ok++;
  }
  if (ok !== COUNT) throw new Error(`only ${ok}/${COUNT} verified`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const rebuildEach = () => {
  const t = process.hrtime.bigint();
  for (let i = 0; i < COUNT; i++) {
    const b = bundles[i % bundles.length];
    const v = verify.createBundleVerifier().verify(readFileSync(b.file, 'utf8'), verify.artifactFromDigest(`sha256:${b.digest}`), policy);
    if (!v.ok) throw new Error(v.reason);
  }
  return Number(process.hrtime.bigint() - t) / 1e6;
};
inProcess(); // warm-up (JIT), not counted
const one = Math.min(inProcess(), inProcess(), inProcess());
const rebuilt = rebuildEach();
const t0 = process.hrtime.bigint();
for (let i = 0; i < CLI_RUNS; i++) {
  const b = bundles[i % bundles.length];
  const r = spawnSync(
    node,
    [
      cli,
      'verify-bundle',
      '--bundle',
      b.file,
      '--certificate-identity-regexp',
      SAN_RE,
      '--certificate-oidc-issuer',
      ISSUER,
      `sha256:${b.digest}`,
    ],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`verify-bundle failed: ${r.stderr}`);
}
const cliMs = Number(process.hrtime.bigint() - t0) / 1e6;
const cliPer = cliMs / CLI_RUNS;
const cliTotal = cliPer * COUNT;
console.log(`one process, one verifier:        ${one.toFixed(0)} ms for ${COUNT} bundles (${((one / COUNT) * 1000).toFixed(0)} µs each)`);
console.log(`one process, verifier per bundle: ${rebuilt.toFixed(0)} ms (${(rebuilt / one).toFixed(2)}x the shared verifier)`);
console.log(
  `separate CLI runs:                ${cliPer.toFixed(0)} ms each (${CLI_RUNS} measured) → ~${(cliTotal / 1000).toFixed(1)} s for ${COUNT}`,
);
console.log(`ratio: ${COUNT} CLI runs cost ~${(cliTotal / one).toFixed(0)}x one in-process pass`);
