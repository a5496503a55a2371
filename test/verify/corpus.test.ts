/**
 * Real bundles from the peers' own test assets (gh, sigstore-go, sigstore-js, sigstore-python,
 * sigstore-rs, cosign, real GitHub artifact attestations), each run with the verdict the peer's own
 * test expects (test/verify/corpus/manifest.json names the test). Every case runs through the library
 * the verbs use, and a sample of both verbs runs as a person would run them; the counts are printed.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  artifactFromBytes,
  artifactFromDigest,
  createBundleVerifier,
  embeddedTrustedRoots,
  parseTrustedRoot,
  readBundleFile,
  verifyAttestations,
  type ArtifactInput,
  type AttestationOptions,
  type BundleVerifier,
} from '@secure-factory/verify';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

interface Case {
  id: string;
  source: string;
  verb: 'verify-bundle' | 'verify-attestation';
  bundle: string;
  artifact: string;
  expect: 'pass' | 'fail';
  peer: string;
  san?: string;
  sanRegex?: string;
  issuer?: string;
  key?: string;
  trustedRoot?: string;
  options?: AttestationOptions;
}

const CORPUS = path.join(REPO_ROOT, 'test', 'verify', 'corpus');
const manifest = JSON.parse(readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { cases: Case[] };
const file = (rel: string): string => path.join(CORPUS, rel);
const tmp = mkdtempSync(path.join(tmpdir(), 'sf-corpus-'));

/** sigstore-python's TSA tests: the staging root with its timestamp authorities replaced by tsa/ca.json. */
function tsaTrustedRootFile(): string {
  const root = JSON.parse(readFileSync(file('sigstore-python/staging.trusted_root.json'), 'utf8')) as Record<string, unknown>;
  root.timestampAuthorities = [JSON.parse(readFileSync(file('sigstore-python/tsa-ca.json'), 'utf8')) as unknown];
  const out = path.join(tmp, 'tsa.trusted_root.json');
  writeFileSync(out, JSON.stringify(root));
  return out;
}
const rootFile = (name: string): string => (name === 'tsa-trusted-root' ? tsaTrustedRootFile() : file(name));

function firstBundle(c: Case): unknown {
  return readBundleFile(readFileSync(file(c.bundle), 'utf8'), c.bundle).bundles[0]?.bundle;
}

/** The argument a person would pass: a file, or ALG:HEX. */
function artifactArgument(c: Case): string {
  if (c.artifact === 'subject') {
    const env = (firstBundle(c) as { dsseEnvelope: { payload: string } }).dsseEnvelope;
    const st = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { subject: { digest: Record<string, string> }[] };
    const d = st.subject[0]?.digest ?? {};
    const alg = d.sha256 ? 'sha256' : (Object.keys(d)[0] ?? 'sha256');
    return `${alg}:${d[alg] ?? ''}`;
  }
  if (c.artifact.startsWith('sha512-of:')) {
    return `sha512:${createHash('sha512')
      .update(readFileSync(file(c.artifact.slice('sha512-of:'.length))))
      .digest('hex')}`;
  }
  return /^[a-z0-9_]+:[0-9a-f]+$/i.test(c.artifact) ? c.artifact : file(c.artifact);
}

function artifactInput(c: Case): ArtifactInput {
  const arg = artifactArgument(c);
  return arg.startsWith('/') ? artifactFromBytes(readFileSync(arg), arg) : artifactFromDigest(arg);
}

const verifiers = new Map<string, BundleVerifier>();
function verifierFor(c: Case): BundleVerifier {
  const k = `${c.trustedRoot ?? ''}|${c.key ?? ''}`;
  let v = verifiers.get(k);
  if (!v) {
    const trustedRoot = c.trustedRoot
      ? { ...parseTrustedRoot(JSON.parse(readFileSync(rootFile(c.trustedRoot), 'utf8')), c.trustedRoot), instance: 'file' as const }
      : embeddedTrustedRoots();
    v = createBundleVerifier({ trustedRoot, ...(c.key ? { publicKeys: [readFileSync(file(c.key), 'utf8')] } : {}) });
    verifiers.set(k, v);
  }
  return v;
}

function libraryVerdict(c: Case): { ok: boolean; reason: string } {
  const verifier = verifierFor(c);
  const artifact = artifactInput(c);
  if (c.verb === 'verify-attestation') {
    const { bundles } = readBundleFile(readFileSync(file(c.bundle), 'utf8'), c.bundle);
    const v = verifyAttestations(verifier, bundles, artifact, c.options ?? {});
    return { ok: v.ok, reason: `${v.summary}: ${v.failures.map((f) => `${f.code} ${f.reason}`).join('; ')}` };
  }
  const v = verifier.verify(readFileSync(file(c.bundle), 'utf8'), artifact, {
    checkClaims: false,
    ...(c.key ? {} : { issuer: c.issuer ?? '' }),
    ...(c.san !== undefined ? { subjectAlternativeName: c.san } : {}),
    ...(c.sanRegex !== undefined ? { subjectAlternativeNameRegExp: c.sanRegex } : {}),
  });
  return { ok: v.ok, reason: v.ok ? 'verified' : `${v.code} ${v.reason}` };
}

function cliArgs(c: Case): string[] {
  const args = [c.verb, '--bundle', file(c.bundle)];
  if (c.verb === 'verify-bundle') {
    if (c.key) args.push('--key', file(c.key));
    else {
      if (c.san !== undefined) args.push('--certificate-identity', c.san);
      if (c.sanRegex !== undefined) args.push('--certificate-identity-regexp', c.sanRegex);
      args.push('--certificate-oidc-issuer', c.issuer ?? '');
    }
    if (c.trustedRoot) args.push('--trusted-root', rootFile(c.trustedRoot));
  } else {
    const o = c.options ?? {};
    const flags: [keyof AttestationOptions, string][] = [
      ['owner', '--owner'],
      ['repo', '--repo'],
      ['signerWorkflow', '--signer-workflow'],
      ['signerRepo', '--signer-repo'],
      ['certIdentity', '--cert-identity'],
      ['certIdentityRegex', '--cert-identity-regex'],
      ['certOidcIssuer', '--cert-oidc-issuer'],
      ['predicateType', '--predicate-type'],
      ['sourceRef', '--source-ref'],
      ['sourceDigest', '--source-digest'],
    ];
    for (const [k, flag] of flags) if (typeof o[k] === 'string') args.push(flag, o[k]);
    if (o.denySelfHostedRunners) args.push('--deny-self-hosted-runners');
    if (c.trustedRoot) args.push('--custom-trusted-root', rootFile(c.trustedRoot));
  }
  args.push(artifactArgument(c));
  return args;
}

describe('real bundles: every case agrees with the peer that ships it', () => {
  const tally = { pass: 0, fail: 0, agree: 0 };
  afterAll(() => {
    const bySource = new Map<string, number>();
    for (const c of manifest.cases) bySource.set(c.source, (bySource.get(c.source) ?? 0) + 1);
    console.log(
      `real-bundle corpus: ${tally.agree}/${manifest.cases.length} cases agree with the peers (${tally.pass} should-pass, ${tally.fail} should-fail; ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')})`,
    );
  });

  it.each(manifest.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const v = libraryVerdict(c);
    tally[c.expect] += 1;
    if (v.ok === (c.expect === 'pass')) tally.agree += 1;
    expect({ id: c.id, ok: v.ok, reason: v.reason }).toMatchObject({ id: c.id, ok: c.expect === 'pass' });
    // No JavaScript error text ever reaches a person.
    expect(v.reason).not.toMatch(/Cannot read propert|undefined \(reading|is not a function|TypeError|SyntaxError/);
  });
});

describe('real bundles through the verbs, as a person runs them', () => {
  const sample = [
    'gh/npm-provenance-owner',
    'gh/npm-provenance-sha512-digest',
    'gh/fake-repo',
    'gh/github-instance-tsa',
    'gh/missing-verification-material',
    'github-attestations/13581567',
    'sigstore-go/othername',
    'sigstore-go/example-publish',
    'sigstore-python/tsa-bundle.txt',
    'sigstore-python/tsa-bundle.duplicate',
    'cosign/oci-attestation-wrong-identity',
  ];
  it.each(sample)('%s', async (id) => {
    const c = manifest.cases.find((x) => x.id === id) as Case;
    const r = await runCli(cliArgs(c), { env: { SECURE_FACTORY_TRUST_UPDATE: 'off' } });
    expect({ id, exitCode: r.exitCode, stderr: r.stderr }).toMatchObject({ id, exitCode: c.expect === 'pass' ? 0 : 1 });
    expect(r.stderr).not.toMatch(/internal error|Cannot read propert|TypeError|at .*\.js:\d+/);
  });
});
