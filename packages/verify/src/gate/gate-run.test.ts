/**
 * runGate in-process, with the trust layer replaced by a verifier that reads the statement out of a
 * bundle and answers as the Sigstore verifier would (types.ts's EvidenceVerifier is the seam): the
 * gate's own wiring — which bundles are verified, how refusals, infrastructure failures and errors
 * become verdicts and exit codes, what is written (decision log, VSA, deployment records).
 * The real Sigstore chain is in test/gate/gate.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ConfigurationError,
  EXIT,
  exitCodeFor,
  InfrastructureError,
  makeStatement,
  parsePolicy,
  PREDICATE,
  sha256Hex,
  type Statement,
} from '@secure-factory/core';
import { runGate } from './gate.js';
import type { GitHubAttestationsClient } from './github-attestations.js';
import type { ImageRegistryClient } from './registry-images.js';
import type { VerifiedEvidence } from './types.js';
import {
  BUILDER,
  bundle,
  DIGEST,
  failing,
  folder,
  good,
  NOW,
  options,
  OTHER,
  policy,
  provenanceOf,
  stubVerifier,
} from './__tests__/fixtures.js';

const fileDigest = (file: string): string => sha256Hex(readFileSync(file));
const records = (dir: string): string[] => (existsSync(path.join(dir, 'deployments')) ? readdirSync(path.join(dir, 'deployments')) : []);

describe('runGate: verdicts and exit codes', () => {
  it('admits a verified chain: exit 0, a PASSED VSA, the decision log on disk, one deployment record', async () => {
    const dir = folder(good());
    const verifier = stubVerifier({ trustedRootSource: 'tuf (verified)' });
    const r = await runGate(options(dir, { verifier: () => Promise.resolve(verifier) }));
    expect(failing(r)).toEqual([]);
    expect(r.allowed).toBe(true);
    expect(r.exitCode).toBe(EXIT.passed);
    expect(r.decision.allowed).toBe(true);
    expect(r.decision.trustRoots).toBe('tuf (verified)');
    expect(r.decision.policy).toEqual({ uri: 'p.yml', digest: { sha256: policy().source.sha256 } });
    expect(verifier.asked).toEqual([DIGEST]);
    const bundleDigest = fileDigest(path.join(dir, 'prov.sigstore.json'));
    expect(r.decision.inputs).toEqual([
      {
        origin: path.join(dir, 'prov.sigstore.json'),
        digest: `sha256:${bundleDigest}`,
        predicateType: PREDICATE.provenance,
        status: 'verified',
      },
    ]);
    const a = r.decision.artefacts[0];
    expect(a).toMatchObject({ digest: DIGEST, name: 'app.tgz', allowed: true, inputs: [`sha256:${bundleDigest}`] });
    expect(a?.verifiedLevels).toEqual(['SLSA_BUILD_LEVEL_3']);
    expect(a?.builder).toEqual({ identity: BUILDER, from: 'policy' });
    expect(a?.run).toMatch(/^run 1 attempt 1/);
    const vsa = JSON.parse(readFileSync(r.vsaPath, 'utf8')) as Statement;
    expect((vsa.predicate as { verificationResult: string }).verificationResult).toBe('PASSED');
    expect(vsa.subject).toEqual([{ name: 'app.tgz', digest: { sha256: DIGEST } }]);
    expect(r.decision.vsa).toMatchObject({ path: r.vsaPath, signed: false, sha256: sha256Hex(readFileSync(r.vsaPath)) });
    expect(r.vsaBundlePath).toBeUndefined();
    const written = JSON.parse(readFileSync(r.decisionPath, 'utf8')) as { allowed: boolean; artefacts: unknown[] };
    expect(written.allowed).toBe(true);
    expect(path.basename(r.decisionPath)).toBe(`gate-prod-${DIGEST.slice(0, 12)}.decision.json`);
    expect(r.deploymentPaths).toHaveLength(1);
    expect(records(dir)).toEqual([path.basename(r.deploymentPaths[0] as string)]);
    expect(r.summary).toContain('prod: admitted');
  });

  it('refuses when nothing names the digest: exit 1, a FAILED VSA, no deployment record', async () => {
    const dir = folder({ 'prov.sigstore.json': bundle(provenanceOf([{ digest: { sha256: OTHER } }])) });
    const verifier = stubVerifier();
    const r = await runGate(options(dir, { verifier }));
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.failed);
    expect(failing(r)).toContain('signatures');
    expect(r.decision.artefacts[0]?.verifiedLevels).toEqual([]);
    // A bundle naming another digest is listed, never verified.
    expect(verifier.asked).toEqual([]);
    expect(r.decision.inputs.map((i) => i.status)).toEqual(['other-digest']);
    const vsa = JSON.parse(readFileSync(r.vsaPath, 'utf8')) as Statement;
    expect((vsa.predicate as { verificationResult: string }).verificationResult).toBe('FAILED');
    expect(r.deploymentPaths).toEqual([]);
    expect(records(dir)).toEqual([]);
  });

  it('a bundle naming the digest that does not verify is a refusal with its reason (exit 1)', async () => {
    const st = provenanceOf([{ digest: { sha256: DIGEST } }]);
    const dir = folder({ ...good(), 'bad.sigstore.json': bundle(st, 'invalid') });
    const r = await runGate(options(dir));
    expect(r.exitCode).toBe(EXIT.failed);
    expect(failing(r)).toEqual(['signatures']);
    expect(r.decision.inputs.find((i) => i.origin.endsWith('bad.sigstore.json'))).toMatchObject({
      status: 'invalid',
      reason: 'signature: does not verify',
    });
    // An invalid bundle naming this digest among others refuses it too (one naming only the other digest
    // does not: gate-run-wiring.test.ts).
    const other = folder({
      ...good(),
      'bad.sigstore.json': bundle(provenanceOf([{ digest: { sha256: DIGEST } }, { digest: { sha256: OTHER } }]), 'invalid'),
    });
    const two = await runGate(options(other, { subjects: [{ digest: DIGEST, name: 'app.tgz' }], policy: policy() }));
    expect(failing(two)).toEqual(['signatures']);
  });

  it('an infrastructure failure while verifying refuses every artefact with exit 3', async () => {
    const dir = folder({ ...good(), 'down.sigstore.json': bundle(provenanceOf([{ digest: { sha256: DIGEST } }]), 'infra') });
    const r = await runGate(options(dir));
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.infrastructure);
    expect(r.decision.error).toEqual({ code: 'INFRASTRUCTURE', message: 'the transparency log is down' });
    expect(r.decision.artefacts).toHaveLength(1);
    expect(r.decision.artefacts[0]).toMatchObject({ allowed: false, verifiedLevels: [], inputs: [] });
    expect(r.decision.artefacts[0]?.checks).toEqual([
      {
        id: 'gate',
        title: 'gate',
        stage: 'gate',
        status: 'fail',
        reason: 'the transparency log is down',
        fix: 'fix the input and run the gate again',
      },
    ]);
    expect(records(dir)).toEqual([]);
  });

  it('a trust root that cannot be built is a recorded refusal with its hint and exit 2', async () => {
    const dir = folder(good());
    const r = await runGate(
      options(dir, {
        verifier: () =>
          Promise.reject(
            new ConfigurationError('the trusted root is not JSON', { location: { file: 'root.json' }, hint: 'pass a trusted_root.json' }),
          ),
      }),
    );
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.usage);
    expect(r.decision.error?.code).toBe('CONFIGURATION');
    const c = r.decision.artefacts[0]?.checks[0];
    expect(c).toMatchObject({
      id: 'gate',
      status: 'fail',
      reason: 'root.json: the trusted root is not JSON',
      fix: 'pass a trusted_root.json',
    });
    expect(JSON.parse(readFileSync(r.decisionPath, 'utf8'))).toMatchObject({ allowed: false, error: { code: 'CONFIGURATION' } });
  });

  it('an unexpected error is an INTERNAL refusal (exit 3), never an admission', async () => {
    const r = await runGate(options(folder(good()), { verifier: () => Promise.reject(new TypeError('boom')) }));
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.infrastructure);
    expect(r.decision.error).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(r.decision.artefacts[0]?.checks).toEqual([
      { id: 'gate', title: 'gate', stage: 'gate', status: 'fail', reason: 'boom', fix: 'fix the input and run the gate again' },
    ]);
    // A verifier that answers nonsense for a bundle: that bundle does not count (it is listed as invalid).
    const odd = await runGate(
      options(folder(good()), { verifier: { verify: () => Promise.resolve(undefined as unknown as VerifiedEvidence) } }),
    );
    expect(odd.allowed).toBe(false);
    expect(odd.exitCode).toBe(EXIT.failed);
    expect(odd.decision.inputs.map((i) => i.status)).toEqual(['invalid']);
  });

  it('every artefact must be admitted: one refused refuses the call, and no record is written for any', async () => {
    const dir = folder(good());
    const r = await runGate(options(dir, { subjects: [{ digest: DIGEST, name: 'app.tgz' }, { digest: OTHER }] }));
    expect(r.decision.artefacts.map((a) => a.allowed)).toEqual([true, false]);
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.failed);
    expect(records(dir)).toEqual([]);
    const key = sha256Hex([DIGEST, OTHER].sort().join('\n')).slice(0, 12);
    expect(path.basename(r.decisionPath)).toBe(`gate-prod-${key}.decision.json`);
  });

  it('an unsigned statement and an unreadable file are listed; the unreadable one refuses', async () => {
    const st = provenanceOf([{ digest: { sha256: DIGEST } }]);
    const dir = folder({ ...good(), 'loose.intoto.json': st });
    const r = await runGate(options(dir));
    expect(r.allowed).toBe(true);
    const loose = r.decision.inputs.find((i) => i.origin.endsWith('loose.intoto.json'));
    expect(loose).toEqual({
      origin: path.join(dir, 'loose.intoto.json'),
      digest: `sha256:${fileDigest(path.join(dir, 'loose.intoto.json'))}`,
      status: 'unsigned',
      reason: 'a statement without a Sigstore bundle never counts',
    });
    expect(r.decision.artefacts[0]?.checks.find((c) => c.id === 'signatures')?.status).toBe('warn');
    const junk = folder({ ...good(), 'junk.sigstore.json': 'not json' });
    const j = await runGate(options(junk));
    expect(j.allowed).toBe(false);
    expect(failing(j)).toEqual(['signatures']);
    expect(j.decision.inputs.find((i) => i.origin.endsWith('junk.sigstore.json'))).toMatchObject({
      status: 'unreadable',
      digest: `sha256:${fileDigest(path.join(junk, 'junk.sigstore.json'))}`,
    });
  });

  it('evidence naming a gated file by sha512 only counts for that file', async () => {
    const dir = folder();
    const file = path.join(dir, 'app.tgz');
    writeFileSync(file, 'the artefact');
    const sha256 = sha256Hex(readFileSync(file));
    const sha512 = createHash('sha512').update(readFileSync(file)).digest('hex');
    writeFileSync(path.join(dir, 'npm.sigstore.json'), JSON.stringify(bundle(provenanceOf([{ name: 'app', digest: { sha512 } }]))));
    const verifier = stubVerifier();
    const r = await runGate(options(dir, { subjects: [{ digest: sha256, name: 'app.tgz', file }], verifier }));
    expect(verifier.asked).toEqual([`sha512:${sha512}`]);
    expect(failing(r)).toEqual([]);
    expect(r.allowed).toBe(true);
    // Without the file the sha512 cannot be tied to it: refused.
    const bare = await runGate(options(dir, { subjects: [{ digest: sha256, name: 'app.tgz' }] }));
    expect(bare.allowed).toBe(false);
  });

  it('key-signed evidence without a trusted time is dated to the key only when the caller made the key', async () => {
    const subjects = [{ digest: { sha256: DIGEST } }];
    const scan = makeStatement(subjects, PREDICATE.vulns, {
      scanner: { uri: 'x', database: { lastUpdate: '2026-11-25T06:00:00Z' }, result: { vulnerabilities: [] } },
    });
    const dir = folder({
      'prov.sigstore.json': bundle(provenanceOf(subjects), 'key'),
      'vulns.sigstore.json': bundle(scan, 'key'),
    });
    const pol = parsePolicy(
      'apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance, vulnerabilities], builder: "key:k1" }\n',
      'p.yml',
      { now: NOW },
    );
    const at = new Date(NOW.getTime() - 60_000);
    const withKey = await runGate(options(dir, { policy: pol, builder: 'key:k1', keysCreatedAt: at }));
    expect(failing(withKey)).toEqual([]);
    expect(withKey.allowed).toBe(true);
    expect(withKey.decision.artefacts[0]?.builder).toEqual({ identity: 'key:k1', from: 'option' });
    const without = await runGate(options(dir, { policy: pol, builder: 'key:k1' }));
    expect(failing(without)).toEqual(['scan-age']);
    expect(without.exitCode).toBe(EXIT.failed);
  });

  it('nothing to gate is a usage error (exit 2), never a vacuous admission; nothing is written', async () => {
    const dir = folder(good());
    let error: unknown;
    try {
      await runGate(options(dir, { subjects: [], images: [] }));
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe('nothing to gate: no artefact digest and no image reference was given');
    expect((error as ConfigurationError).hint).toBe(
      'name the artefacts (files, --subject-digest) or the images (--image REF@sha256:…) to gate',
    );
    expect(exitCodeFor(error)).toBe(EXIT.usage);
    expect(existsSync(path.join(dir, 'gate'))).toBe(false);
  });

  it.each([
    ['a file', (f: string) => writeFileSync(f, 'x')],
    ['a FIFO', (f: string) => execFileSync('mkfifo', [f])],
  ])('an evidence folder that is %s is a usage error naming it, before anything is read or written', async (_what, make) => {
    const base = folder();
    const evidence = path.join(base, 'evidence');
    make(evidence);
    let error: unknown;
    try {
      await runGate(options(evidence));
    } catch (e: unknown) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toBe('the evidence folder is not a folder');
    expect((error as ConfigurationError).location?.file).toBe(evidence);
    expect((error as ConfigurationError).hint).toBe('pass the folder the factory wrote its evidence to (default .secure-factory/evidence)');
    expect(exitCodeFor(error)).toBe(EXIT.usage);
    expect(readdirSync(base)).toEqual(['evidence']);
  });

  it('an evidence folder that does not exist is an input error recorded in the decision log (exit 2), not a crash', async () => {
    const missing = path.join(folder(), 'not-there');
    const r = await runGate(options(missing));
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.usage);
    expect(r.decision.error).toEqual({
      code: 'CONFIGURATION',
      message: `${missing}: cannot read the evidence folder: ENOENT — pass the folder the factory wrote its evidence to (default .secure-factory/evidence)`,
    });
    expect(existsSync(r.decisionPath)).toBe(true);
  });

  it('the key date never replaces a trusted time: an old scan stays old, signed by the key or keyless', async () => {
    const subjects = [{ digest: { sha256: DIGEST } }];
    const scan = makeStatement(subjects, PREDICATE.vulns, {
      scanner: { uri: 'x', database: { lastUpdate: '2026-11-25T06:00:00Z' }, result: { vulnerabilities: [] } },
    });
    const at = new Date(NOW.getTime() - 60_000);
    const keyPolicy = parsePolicy(
      'apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance, vulnerabilities], builder: "key:k1" }\n',
      'p.yml',
      { now: NOW },
    );
    const keyDir = folder({
      'prov.sigstore.json': bundle(provenanceOf(subjects), 'key'),
      'vulns.sigstore.json': bundle(scan, 'key-old'),
    });
    const keyRun = await runGate(options(keyDir, { policy: keyPolicy, builder: 'key:k1', keysCreatedAt: at }));
    expect(failing(keyRun)).toContain('scan-age');
    expect(failing(keyRun)).toEqual(failing(await runGate(options(keyDir, { policy: keyPolicy, builder: 'key:k1' }))));
    expect(keyRun.allowed).toBe(false);

    const certPolicy = parsePolicy(
      `apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance, vulnerabilities], builder: ${BUILDER} }\n`,
      'p.yml',
      { now: NOW },
    );
    const certDir = folder({ 'prov.sigstore.json': bundle(provenanceOf(subjects)), 'vulns.sigstore.json': bundle(scan, 'old') });
    const withKeyTime = await runGate(options(certDir, { policy: certPolicy, keysCreatedAt: at }));
    const without = await runGate(options(certDir, { policy: certPolicy }));
    expect(failing(withKeyTime)).toContain('scan-age');
    expect(failing(withKeyTime)).toEqual(failing(without));
    expect(withKeyTime.allowed).toBe(false);
  });

  it('an admission whose VSA cannot be signed is refused (no record), and a signed one is written beside it', async () => {
    const dir = folder(good());
    const r = await runGate(options(dir, { signStatement: () => Promise.reject(new InfrastructureError('Fulcio is down')) }));
    expect(r.allowed).toBe(false);
    expect(r.decision.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.infrastructure);
    expect(r.decision.error).toEqual({ code: 'INFRASTRUCTURE', message: 'cannot sign the VSA: Fulcio is down' });
    expect(r.decision.vsa?.signed).toBe(false);
    expect(records(dir)).toEqual([]);
    expect(JSON.parse(readFileSync(r.decisionPath, 'utf8'))).toMatchObject({ allowed: false });
    // The VSA on disk agrees with the decision log (it said PASSED, written before signing was tried).
    const vsa = JSON.parse(readFileSync(r.vsaPath, 'utf8')) as Statement<{ verificationResult: string; verifiedLevels: string[] }>;
    expect(vsa.predicate).toMatchObject({ verificationResult: 'FAILED', verifiedLevels: ['FAILED'] });
    expect(r.decision.vsa?.sha256).toBe(sha256Hex(readFileSync(r.vsaPath)));

    const dir2 = folder(good());
    const signed = await runGate(options(dir2, { signStatement: (s) => Promise.resolve({ signed: s }) }));
    expect(signed.allowed).toBe(true);
    expect(signed.decision.vsa?.signed).toBe(true);
    expect(signed.vsaBundlePath).toBeDefined();
    expect(signed.decision.vsa?.bundlePath).toBe(signed.vsaBundlePath);
    expect(JSON.parse(readFileSync(signed.vsaBundlePath as string, 'utf8'))).toEqual({
      signed: JSON.parse(readFileSync(signed.vsaPath, 'utf8')),
    });
  });

  it('recordDeployment false writes no record; without an evidence folder none either', async () => {
    const dir = folder(good());
    const r = await runGate(options(dir, { recordDeployment: false }));
    expect(r.allowed).toBe(true);
    expect(r.deploymentPaths).toEqual([]);
    expect(records(dir)).toEqual([]);
    const b = path.join(dir, 'prov.sigstore.json');
    const loose = await runGate(options(undefined, { bundleFiles: [b] }));
    expect(loose.allowed).toBe(true);
    expect(loose.deploymentPaths).toEqual([]);
  });

  it('an open remediation for the digest refuses it; the remediations folder defaults to <evidence>/deployments', async () => {
    const dir = folder(good());
    const state = {
      apiVersion: 'secure-factory/remediations/v1',
      updated: NOW.toISOString(),
      remediations: [
        {
          advisory: 'GHSA-1',
          aliases: [],
          package: { ecosystem: 'npm', name: 'minimist', version: '1.2.0' },
          severity: 'critical',
          fixedVersions: ['1.2.6'],
          digests: [`sha256:${DIGEST}`],
          environments: ['prod'],
          firstSeen: '2026-11-24T00:00:00Z',
          deadline: '2026-11-25T00:00:00Z',
          status: 'open',
        },
      ],
    };
    const dep = path.join(dir, 'deployments');
    mkdirSync(dep);
    writeFileSync(path.join(dep, 'remediations.json'), JSON.stringify(state));
    const r = await runGate(options(dir));
    expect(failing(r)).toEqual(['remediations']);
    expect(r.exitCode).toBe(EXIT.failed);
    const elsewhere = folder(good());
    const other = await runGate(options(elsewhere, { remediationsDir: dep }));
    expect(failing(other)).toEqual(['remediations']);
  });
});

describe('runGate: the GitHub attestations API', () => {
  const client = (list: GitHubAttestationsClient['list']): GitHubAttestationsClient => ({ list });

  it('bundles from the API count, and the check says how many were fetched', async () => {
    const text = JSON.stringify(bundle(provenanceOf([{ digest: { sha256: DIGEST } }])));
    const fetched = [
      {
        origin: 'https://api.github.com/x',
        bundleDigest: sha256Hex(text),
        bundle: JSON.parse(text) as unknown,
        subjects: new Set([DIGEST]),
      },
    ];
    const r = await runGate(options(folder(), { github: client(() => Promise.resolve(fetched)) }));
    expect(r.allowed).toBe(true);
    expect(r.decision.artefacts[0]?.checks[0]).toEqual({
      id: 'attestations-api',
      title: 'GitHub attestations',
      stage: 'attest',
      status: 'pass',
      reason: '1 bundle(s) fetched',
    });
  });

  it('an API that cannot be reached refuses with exit 3, even when local evidence would admit', async () => {
    const r = await runGate(options(folder(good()), { github: client(() => Promise.reject(new InfrastructureError('HTTP 503'))) }));
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.infrastructure);
    expect(failing(r)).toEqual(['attestations-api']);
    expect(r.decision.artefacts[0]?.verifiedLevels).toEqual([]);
    expect(r.decision.artefacts[0]?.checks[0]).toMatchObject({ status: 'fail', reason: 'cannot fetch attestations: HTTP 503' });
  });
});

describe('runGate: images by reference', () => {
  const IMAGE = `registry.example/acme/app@sha256:${DIGEST}`;

  it('an image from an unlisted registry is refused without a network call (exit 1)', async () => {
    const calls: string[] = [];
    const registry = {
      getManifest: () => (calls.push('manifest'), Promise.reject(new Error('no'))),
      referrers: () => (calls.push('referrers'), Promise.resolve([])),
      getBlob: () => (calls.push('blob'), Promise.reject(new Error('no'))),
    } as unknown as ImageRegistryClient;
    const r = await runGate(options(folder(good()), { subjects: [], images: [IMAGE], imageRegistry: registry }));
    expect(calls).toEqual([]);
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.failed);
    expect(r.decision.artefacts).toHaveLength(1);
    expect(r.decision.artefacts[0]).toMatchObject({
      digest: DIGEST,
      name: 'registry.example/acme/app',
      allowed: false,
      checks: [{ id: 'image-registry', status: 'fail' }],
    });
  });

  it('a registry that cannot be reached is exit 3; a listed image already given as a subject is gated once', async () => {
    const registry = {
      getManifest: () => Promise.reject(new InfrastructureError('connection refused')),
      referrers: () => Promise.resolve([]),
      getBlob: () => Promise.reject(new Error('no')),
    } as unknown as ImageRegistryClient;
    const r = await runGate(
      options(folder(good()), { policy: policy(', registries: [registry.example/acme]'), images: [IMAGE], imageRegistry: registry }),
    );
    expect(r.decision.artefacts).toHaveLength(1);
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.infrastructure);
    expect(failing(r)).toEqual(['image-registry']);
  });

  it('a tag without a digest is bad input before anything is read', async () => {
    await expect(runGate(options(folder(good()), { images: ['registry.example/acme/app:1.0'] }))).rejects.toThrow(/names no digest/);
  });
});
