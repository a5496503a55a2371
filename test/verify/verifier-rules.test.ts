/**
 * The verifier's rules, each written from its definition and checked on real bundles from the corpus:
 * digests in any in-toto algorithm, the trust root chosen by the certificate chain, checkpoints judged
 * by the log's key (not by the name on the signature line), otherName SANs, certificates without an
 * issuer, slsa-verifier's container-based builder, and a fuzz of malformed shapes that must always
 * give a typed verdict and never JavaScript text.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  artifactFromBytes,
  artifactFromDigest,
  checkIdentity,
  createBundleVerifier,
  embeddedTrustedRoots,
  loadTrustedRoot,
  parseProvenanceFile,
  parseTrustedRoot,
  publicGoodTrustedRoot,
  readArtifactArgument,
  subjectMatches,
  verifyArtifactProvenance,
  verifyAttestations,
  type BundleVerdict,
  type BundleVerifier,
} from '@secure-factory/verify';
import { REPO_ROOT } from '../support/shared.js';

const CORPUS = path.join(REPO_ROOT, 'test', 'verify', 'corpus');
const read = (rel: string): string => readFileSync(path.join(CORPUS, rel), 'utf8');
const json = (rel: string): Record<string, unknown> => JSON.parse(read(rel)) as Record<string, unknown>;
const PG_TRUST = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'packages', 'verify', 'src', 'trust', 'public-good-trusted-root.json'), 'utf8'),
) as Record<string, unknown>;
/** sigstore-js's v0.3 DSSE bundle: a Rekor entry with SET and an inclusion proof with a signed checkpoint. */
const V03 = 'sigstore-js/bundleV03-dsse.sigstore.json';
const V03_POLICY = { subjectAlternativeName: 'brian@dehamer.com', issuer: 'https://github.com/login/oauth', checkClaims: false };

function subjectDigest(bundle: Record<string, unknown>): string {
  const payload = (bundle.dsseEnvelope as { payload: string }).payload;
  const st = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { subject: { digest: Record<string, string> }[] };
  const d = st.subject[0]?.digest ?? {};
  const alg = d.sha256 ? 'sha256' : (Object.keys(d)[0] as string);
  return `${alg}:${d[alg] as string}`;
}

describe('digests in any in-toto algorithm', () => {
  it('parses ALG:HEX for in-toto algorithms with their full length, and says what is wrong otherwise', () => {
    expect(artifactFromDigest(`sha512:${'A'.repeat(128)}`)).toMatchObject({ kind: 'digest', algorithm: 'sha512', hex: 'a'.repeat(128) });
    expect(artifactFromDigest(`gitCommit:${'1'.repeat(40)}`)).toMatchObject({ algorithm: 'gitCommit' });
    expect(() => artifactFromDigest(`sha512:${'a'.repeat(64)}`)).toThrow(/full length/);
    expect(() => artifactFromDigest(`blake9:${'a'.repeat(64)}`)).toThrow(/in-toto algorithm/);
  });

  it('a sha512:HEX argument is a digest, not a path; a near-miss says how to write one', async () => {
    await expect(readArtifactArgument(`sha512:${'b'.repeat(128)}`)).resolves.toMatchObject({ kind: 'digest', algorithm: 'sha512' });
    await expect(readArtifactArgument(`sha512:${'b'.repeat(10)}`)).rejects.toMatchObject({ hint: expect.stringMatching(/ALGORITHM:HEX/) });
  });

  it('matches a subject by every algorithm it can compute, and never by a weak one alone', () => {
    const bytes = artifactFromBytes(Buffer.from('hello'));
    const sha512 = createHash('sha512').update('hello').digest('hex');
    const sha1 = createHash('sha1').update('hello').digest('hex');
    expect(subjectMatches({ sha512 }, bytes)).toBe(true);
    expect(subjectMatches({ sha512, sha256: 'f'.repeat(64) }, bytes)).toBe(false);
    expect(subjectMatches({ sha1 }, bytes)).toBe(false);
    expect(subjectMatches({ sha1, sha512 }, bytes)).toBe(true);
    expect(subjectMatches({ gitCommit: '1'.repeat(40) }, artifactFromDigest(`gitCommit:${'1'.repeat(40)}`))).toBe(true);
  });

  it('npm provenance names its subject by sha512: verified from the tarball and from a sha512: digest; a sha256: digest says why not', () => {
    const verifier = createBundleVerifier({ trustedRoot: embeddedTrustedRoots() });
    const bundle = read('gh/sigstore-js-2.1.0-bundle.json');
    const tgz = readFileSync(path.join(CORPUS, 'gh', 'sigstore-js-2.1.0.tgz'));
    const policy = { issuer: 'https://token.actions.githubusercontent.com', checkClaims: false };
    expect(verifier.verify(bundle, artifactFromBytes(tgz), policy)).toMatchObject({ ok: true });
    const sha512 = createHash('sha512').update(tgz).digest('hex');
    expect(verifier.verify(bundle, artifactFromDigest(`sha512:${sha512}`), policy)).toMatchObject({ ok: true });
    const sha256 = createHash('sha256').update(tgz).digest('hex');
    expect(verifier.verify(bundle, artifactFromDigest(`sha256:${sha256}`), policy)).toMatchObject({
      ok: false,
      code: 'ARTIFACT_MISMATCH',
      reason: expect.stringMatching(/names its subjects by sha512, not sha256: give the artefact file or a digest in one of those/),
    });
  });
});

describe('trust roots chosen by the certificate chain', () => {
  const gh = 'github-attestations/actions-attest-build-provenance-attestation-13581567.sigstore.json';
  it("GitHub's instance (Fulcio at fulcio.githubapp.com, TSA only) beside public-good; each bundle goes to its own", () => {
    const both = createBundleVerifier({ trustedRoot: embeddedTrustedRoots() });
    const ghBundle = json(gh);
    expect(both.verify(ghBundle, artifactFromDigest(subjectDigest(ghBundle)), { checkClaims: false })).toMatchObject({
      ok: true,
      trustRoot: 'github',
      witnessed: [{ source: 'tsa' }],
    });
    const pg = json(V03);
    expect(both.verify(pg, artifactFromDigest(subjectDigest(pg)), V03_POLICY)).toMatchObject({ ok: true, trustRoot: 'public-good' });
  });
  it("a --trusted-root file of JSON lines (gh attestation trusted-root's output) gives every instance, each chosen by the chain", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-roots-'));
    const file = path.join(dir, 'trusted_root.jsonl');
    const ghRoot = readFileSync(path.join(REPO_ROOT, 'packages', 'verify', 'src', 'trust', 'github-trusted-root.json'), 'utf8');
    writeFileSync(file, `${JSON.stringify(PG_TRUST)}\n${JSON.stringify(JSON.parse(ghRoot))}\n`);
    const loaded = await loadTrustedRoot(file);
    expect(loaded.source).toBe(`${file} (2 trusted roots)`);
    const v = createBundleVerifier({ trustedRoot: loaded });
    const ghBundle = json(gh);
    expect(v.verify(ghBundle, artifactFromDigest(subjectDigest(ghBundle)), { checkClaims: false })).toMatchObject({ ok: true });
    const pg = json(V03);
    expect(v.verify(pg, artifactFromDigest(subjectDigest(pg)), V03_POLICY)).toMatchObject({ ok: true });
    writeFileSync(file, `${JSON.stringify(PG_TRUST)}\nnot json\n`);
    await expect(loadTrustedRoot(file)).rejects.toThrow(/line 2 is not JSON/);
  });
  it('a GitHub bundle does not verify against public-good alone (no SCT, no tlog: its CA is not trusted there)', () => {
    const pgOnly = createBundleVerifier({ trustedRoot: publicGoodTrustedRoot() });
    const ghBundle = json(gh);
    expect(pgOnly.verify(ghBundle, artifactFromDigest(subjectDigest(ghBundle)), { checkClaims: false })).toMatchObject({
      ok: false,
      code: 'CERTIFICATE',
      reason: expect.stringMatching(
        /issued by CN=Fulcio Intermediate l2, O=GitHub, Inc\., which is not a certificate authority of the trust roots in use .*refresh the trust roots over TUF/,
      ),
    });
  });
});

describe('Rekor checkpoints are judged by the log key', () => {
  const served = (baseUrl: string) =>
    createBundleVerifier({
      trustedRoot: parseTrustedRoot(
        { ...PG_TRUST, tlogs: (PG_TRUST.tlogs as Record<string, unknown>[]).map((t) => ({ ...t, baseUrl })) },
        'moved.json',
      ),
    });
  it('a log served under another URL than its checkpoint origin still verifies: the signature is checked with the log key', () => {
    const b = json(V03);
    expect(served('https://transparency.example.net').verify(b, artifactFromDigest(subjectDigest(b)), V03_POLICY)).toMatchObject({
      ok: true,
    });
  });
  it('a checkpoint whose signature does not verify with the log key is refused', () => {
    const b = json(V03);
    const entry = ((b.verificationMaterial as { tlogEntries: Record<string, { checkpoint: { envelope: string } }>[] }).tlogEntries[0] ??
      {}) as Record<string, { checkpoint: { envelope: string } }>;
    const proof = entry.inclusionProof as { checkpoint: { envelope: string } };
    // Flip one byte of the signature (after the key hint) on the checkpoint's signature line.
    proof.checkpoint.envelope = proof.checkpoint.envelope.replace(/(\u2014 \S+ )(\S+)\n/, (_m, pre: string, sig: string) => {
      const raw = Buffer.from(sig, 'base64');
      raw[raw.length - 5] = (raw[raw.length - 5] ?? 0) ^ 0x01;
      return `${pre}${raw.toString('base64')}\n`;
    });
    expect(served('https://transparency.example.net').verify(b, artifactFromDigest(subjectDigest(b)), V03_POLICY)).toMatchObject({
      ok: false,
      code: 'TRANSPARENCY_LOG',
    });
  });
});

describe('identities', () => {
  it('reads a Fulcio otherName (username) SAN, and an email does not match it', () => {
    const root = parseTrustedRoot(json('sigstore-go/scaffolding.trusted_root.json'), 'scaffolding');
    const v = createBundleVerifier({ trustedRoot: root });
    const digest = artifactFromDigest('sha256:bc103b4a84971ef6459b294a2b98568a2bfb72cded09d4acd1e16366a401f95b');
    const bundle = read('sigstore-go/othername.sigstore.json');
    expect(v.verify(bundle, digest, { subjectAlternativeName: 'foo!oidc.local', issuer: 'http://oidc.local:8080' })).toMatchObject({
      ok: true,
      signer: { identity: { subjectAlternativeName: 'foo!oidc.local', subjectAlternativeNameType: 'otherName' } },
    });
    expect(v.verify(bundle, digest, { subjectAlternativeName: 'foo@oidc.local', issuer: 'http://oidc.local:8080' })).toMatchObject({
      ok: false,
      code: 'IDENTITY',
    });
  });
  it('an empty issuer policy demands a certificate without an issuer extension (release attestations)', () => {
    expect(checkIdentity({ issuer: '' }, { subjectAlternativeName: 'https://dotcom.releases.github.com' })).toEqual([]);
    expect(checkIdentity({ issuer: '' }, { issuer: 'https://token.actions.githubusercontent.com' })).toEqual([
      'OIDC issuer: expected a certificate without one, the certificate has "https://token.actions.githubusercontent.com"',
    ]);
  });
});

describe('verify-attestation policy (gh semantics) on a verified bundle', () => {
  const release = (repository: string, identity: Record<string, string>): BundleVerifier => ({
    trustedRootSource: 'test',
    verify: () => ({
      ok: true,
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      statement: {
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'x', digest: { sha256: 'a'.repeat(64) } }],
        predicateType: 'https://in-toto.io/attestation/release/v0.2',
        predicate: { repository, tag: 'v1.0.0' },
      },
      signer: { kind: 'certificate', identity },
      trustRoot: 'github',
      timestamps: [],
      witnessed: [],
      ignoredTimestamps: 0,
    }),
  });
  const artifact = artifactFromDigest(`sha256:${'a'.repeat(64)}`);
  const releaseOptions = {
    certOidcIssuer: '',
    certIdentityRegex: '^https://dotcom\\.releases\\.github\\.com$',
    predicateType: 'https://in-toto.io/attestation/release/v0.2',
  };
  const releaseSigner = { subjectAlternativeName: 'https://dotcom.releases.github.com' };
  it("a release attestation (no issuer, no repository extensions) is held to its signed statement's repository", () => {
    const bundles = [{ origin: 'r', bundle: {} }];
    expect(verifyAttestations(release('acme/app', releaseSigner), bundles, artifact, { ...releaseOptions, repo: 'acme/app' }).ok).toBe(
      true,
    );
    const other = verifyAttestations(release('evil/app', releaseSigner), bundles, artifact, { ...releaseOptions, repo: 'acme/app' });
    expect(other.ok).toBe(false);
    expect(other.failures[0]?.reason).toMatch(/expected a release of a repository of acme, the attestation is about evil\/app/);
    // Without the empty issuer, a certificate with no issuer is refused as gh refuses it.
    expect(
      verifyAttestations(release('acme/app', releaseSigner), bundles, artifact, {
        repo: 'acme/app',
        predicateType: releaseOptions.predicateType,
      }).ok,
    ).toBe(false);
  });
});

describe("slsa-verifier's container-based builder (v2.x), as Test_runVerifyGHAContainerBased runs it", () => {
  const BUILDER = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_container-based_slsa3.yml';
  const verifier = createBundleVerifier({ trustedRoot: embeddedTrustedRoots() });
  const cases: [string, Record<string, string>, string | undefined][] = [
    ['valid main branch default', {}, undefined],
    ['versioned tag no match', { sourceVersionedTag: 'v1' }, 'ErrorInvalidRef'],
    ['tag no match', { sourceTag: 'v1.2.3' }, 'ErrorInvalidRef'],
    ['wrong branch master', { sourceBranch: 'master' }, 'ErrorMismatchBranch'],
    ['valid main branch set', { sourceBranch: 'main' }, undefined],
    ['wrong source append A', { sourceUri: 'github.com/slsa-framework/example-packageA' }, 'ErrorMismatchSource'],
    ['wrong source prepend A', { sourceUri: 'Agithub.com/slsa-framework/example-package' }, 'ErrorMismatchSource'],
    ['wrong source middle A', { sourceUri: 'github.com/Aslsa-framework/example-package' }, 'ErrorMismatchSource'],
  ];
  for (const version of ['v2.0.0', 'v2.1.0']) {
    const dir = `slsa-verifier/gha_container-based/${version}`;
    const parsed = parseProvenanceFile(read(`${dir}/binary-linux-amd64-workflow_dispatch.intoto.build.slsa`));
    const artifact = artifactFromBytes(readFileSync(path.join(CORPUS, dir, 'binary-linux-amd64-workflow_dispatch')));
    it.each(cases)(`${version}: %s`, (_name, over, error) => {
      if (parsed.kind !== 'bundle') throw new Error(parsed.reason);
      for (const builderId of [`${BUILDER}@refs/tags/${version}`, BUILDER, `${BUILDER}@${version}`, undefined]) {
        const v = verifyArtifactProvenance(verifier, parsed.bundle, [artifact], {
          sourceUri: 'github.com/slsa-framework/example-package',
          builderId,
          ...over,
        });
        expect({ builderId, result: v.ok ? 'pass' : v.error }).toEqual({ builderId, result: error ?? 'pass' });
      }
    });
    it(`${version}: an untrusted builder id`, () => {
      if (parsed.kind !== 'bundle') throw new Error(parsed.reason);
      const v = verifyArtifactProvenance(verifier, parsed.bundle, [artifact], {
        sourceUri: 'github.com/slsa-framework/example-package',
        builderId: 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/not-trusted.yml',
      });
      expect(v).toMatchObject({ ok: false, error: 'ErrorUntrustedReusableWorkflow' });
    });
  }
});

describe('malformed bundles: always a typed verdict, never JavaScript text', () => {
  const JS_TEXT =
    /Cannot read propert|undefined \(reading|is not a function|is not iterable|TypeError|SyntaxError|RangeError|\[object Object\]/;
  const CODES = [
    'MALFORMED',
    'ARTIFACT_MISMATCH',
    'SIGNATURE',
    'CERTIFICATE',
    'TRANSPARENCY_LOG',
    'TIMESTAMP',
    'PUBLIC_KEY',
    'IDENTITY',
    'CLAIMS',
    'UNSUPPORTED',
  ];
  const VALUES: unknown[] = [undefined, null, 0, -1, 1.5, '', 'x', '!!!not base64!!!', [], [null], {}, { a: 1 }, true];

  /** Every path to a value in the JSON, objects and arrays included. */
  function paths(v: unknown, at: (string | number)[] = []): (string | number)[][] {
    const out: (string | number)[][] = [at];
    if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
    return out;
  }
  function mutate(root: unknown, p: (string | number)[], value: unknown): unknown {
    if (p.length === 0) return value;
    const copy = structuredClone(root) as Record<string | number, unknown>;
    let cur = copy;
    for (const k of p.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
    const last = p[p.length - 1] as string | number;
    if (value === undefined) delete cur[last];
    else cur[last] = value;
    return copy;
  }

  const staging = 'sigstore-python/staging.trusted_root.json';
  const sources: [string, string, Parameters<ReturnType<typeof createBundleVerifier>['verify']>[2], string][] = [
    [V03, 'subject', V03_POLICY, ''],
    [
      'sigstore-python/bundle.txt.sigstore',
      'sigstore-python/bundle.txt',
      { subjectAlternativeName: 'a@tny.town', issuer: 'https://github.com/login/oauth' },
      staging,
    ],
    ['github-attestations/actions-attest-build-provenance-attestation-13581567.sigstore.json', 'subject', { checkClaims: false }, ''],
    ['sigstore-js/bundleV01-dsse-no-proof.sigstore.json', 'subject', V03_POLICY, ''],
  ];
  it.each(sources)('every field of %s, replaced by every wrong shape or removed', (file, art, policy, root) => {
    const verifier = createBundleVerifier({ trustedRoot: root ? parseTrustedRoot(json(root), root) : embeddedTrustedRoots() });
    const original = json(file);
    const artifact =
      art === 'subject' ? artifactFromDigest(subjectDigest(original)) : artifactFromBytes(readFileSync(path.join(CORPUS, art)));
    expect(verifier.verify(original, artifact, policy)).toMatchObject({ ok: true });
    let tried = 0;
    let refused = 0;
    for (const p of paths(original)) {
      for (const value of VALUES) {
        const bundle = mutate(original, p, value);
        let verdict: BundleVerdict;
        try {
          verdict = verifier.verify(bundle, artifact, policy);
        } catch (e: unknown) {
          throw new Error(`${p.join('.')} = ${JSON.stringify(value)} threw: ${String(e)}`, { cause: e });
        }
        tried += 1;
        if (!verdict.ok) {
          refused += 1;
          expect({ at: p.join('.'), value, reason: verdict.reason }).not.toMatchObject({ reason: expect.stringMatching(JS_TEXT) });
          expect(CODES).toContain(verdict.code);
        }
      }
    }
    // Almost every change is refused; the few that pass touch fields no verifier reads (e.g. a kind name).
    expect(tried).toBeGreaterThan(150);
    expect(refused / tried).toBeGreaterThan(0.8);
  });

  it('the JSON text itself: truncated at every 97th byte, never a JavaScript message', () => {
    const verifier = createBundleVerifier({ trustedRoot: embeddedTrustedRoots() });
    const text = read(V03);
    const artifact = artifactFromDigest(subjectDigest(json(V03)));
    for (let i = 0; i < text.length; i += 97) {
      const v = verifier.verify(text.slice(0, i), artifact, V03_POLICY);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.reason).not.toMatch(/Cannot read propert|undefined \(reading|TypeError/);
    }
  });
});
