/**
 * runGate in-process, the rest of its wiring (gate-run.test.ts has the verdicts and exit codes): where
 * the answer is written, what the decision log and the log lines say, which evidence counts for which
 * artefact, what is passed on to the evaluation, the GitHub API and registry checks as recorded, and
 * the exit code of each kind of failure. The trust layer is a stub that reads the statement out of a
 * bundle (types.ts's EvidenceVerifier is the seam).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ConfigurationError,
  EXIT,
  makeStatement,
  type MemoryLogger,
  parsePolicy,
  PREDICATE,
  sha256Hex,
  TOOL_VERSION,
  type Statement,
} from '@secure-factory/core';
import { runGate } from './gate.js';
import type { GitHubAttestationsClient } from './github-attestations.js';
import type { CandidateBundle } from './candidate.js';
import type { ImageRegistryClient } from './registry-images.js';
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
  type Subject,
} from './__tests__/fixtures.js';

const scanOf = (subjects: Subject[]): Statement =>
  makeStatement(subjects, PREDICATE.vulns, {
    scanner: { uri: 'x', database: { lastUpdate: '2026-11-25T06:00:00Z' }, result: { vulnerabilities: [] } },
  });

type Result = Awaited<ReturnType<typeof runGate>>;
const check = (r: Result, id: string, i = 0) => r.decision.artefacts[i]?.checks.find((c) => c.id === id);
const said = (o: { logger: MemoryLogger }, level: 'info' | 'error'): string[] =>
  o.logger.lines.filter((l) => l.level === level).map((l) => l.message);

describe('runGate: where the answer is written', () => {
  it('in outDir when given, else in <evidence>/gate', async () => {
    const o = options(folder(good()));
    const r = await runGate(o);
    expect(path.dirname(r.decisionPath)).toBe(o.outDir);
    expect(path.dirname(r.vsaPath)).toBe(o.outDir);

    const dir = folder(good());
    const d = await runGate(options(dir, { outDir: undefined }));
    expect(d.decisionPath).toBe(path.join(dir, 'gate', `gate-prod-${DIGEST.slice(0, 12)}.decision.json`));
    expect(existsSync(d.decisionPath)).toBe(true);
  });

  it('without an evidence folder nor outDir, in .secure-factory/gate of the working directory', async () => {
    const src = folder(good());
    const cwd = process.cwd();
    const work = folder();
    process.chdir(work);
    try {
      const r = await runGate(options(undefined, { outDir: undefined, bundleFiles: [path.join(src, 'prov.sigstore.json')] }));
      expect(r.allowed).toBe(true);
      expect(r.decisionPath).toBe(path.join('.secure-factory', 'gate', `gate-prod-${DIGEST.slice(0, 12)}.decision.json`));
      expect(existsSync(path.join(work, r.decisionPath))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('the file names carry the environment made safe for a path, and one key for the same set of artefacts in any order', async () => {
    // The policy has no such environment: refused, and written all the same.
    const dir = folder(good());
    const a = await runGate(options(dir, { environment: 'Prod/EU 1', subjects: [{ digest: OTHER }, { digest: DIGEST }] }));
    const b = await runGate(options(dir, { environment: 'Prod/EU 1', subjects: [{ digest: DIGEST }, { digest: OTHER }] }));
    const key = sha256Hex([DIGEST, OTHER].join('\n')).slice(0, 12);
    expect(path.basename(a.decisionPath)).toBe(`gate-prod-eu-1-${key}.decision.json`);
    expect(path.basename(b.decisionPath)).toBe(path.basename(a.decisionPath));
  });

  it('the job summary points at the decision log', async () => {
    const r = await runGate(options(folder(good())));
    expect(r.summary.split('\n').at(-1)).toContain(` · decision log \`${r.decisionPath}\``);
  });
});

describe('runGate: the decision log and the log lines', () => {
  it('names the format and the tool, the trust roots when the verifier says where they came from, and what it did', async () => {
    const dir = folder(good());
    const o = options(dir, { verifier: stubVerifier({ trustedRootSource: 'tuf (verified)' }) });
    const r = await runGate(o);
    expect(r.decision.apiVersion).toBe('secure-factory/gate-decision/v1');
    expect(r.decision.tool).toEqual({ name: 'secure-factory', version: TOOL_VERSION });
    const written = JSON.parse(readFileSync(r.decisionPath, 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({
      apiVersion: 'secure-factory/gate-decision/v1',
      tool: { name: 'secure-factory', version: TOOL_VERSION },
      trustRoots: 'tuf (verified)',
    });
    expect(said(o, 'info').slice(0, 3)).toEqual([
      'trust roots: tuf (verified)',
      '1 bundle(s) found, 1 name the 1 artefact(s); verifying',
      `admitted: app.tgz sha256:${DIGEST} (every check passed)`,
    ]);

    const plain = options(folder(good()));
    const p = await runGate(plain);
    expect(Object.keys(p.decision)).not.toContain('trustRoots');
    expect(said(plain, 'info').some((m) => m.startsWith('trust roots'))).toBe(false);
  });

  it('a refusal is logged with the subject and the title of every failing check', async () => {
    const dir = folder({
      'bad.sigstore.json': bundle(provenanceOf([{ digest: { sha256: DIGEST } }]), 'invalid'),
    });
    const o = options(dir, { policy: policy(', environments: [production]') });
    const r = await runGate(o);
    expect(r.allowed).toBe(false);
    const titles = r.decision.artefacts[0]?.checks.filter((c) => c.status === 'fail').map((c) => c.title) ?? [];
    expect(titles.length).toBeGreaterThan(1);
    expect(said(o, 'info')).toContain(`refused: app.tgz sha256:${DIGEST} (${titles.join(', ')})`);
    expect(titles[0]).toBe('signatures');
  });

  it('a gate that cannot decide refuses each artefact by name, with no waiver, and logs why', async () => {
    const o = options(folder(good()), { verifier: () => Promise.reject(new TypeError('boom')) });
    const r = await runGate(o);
    expect(r.decision.artefacts).toEqual([
      {
        digest: DIGEST,
        name: 'app.tgz',
        allowed: false,
        verifiedLevels: [],
        checks: [{ id: 'gate', title: 'gate', stage: 'gate', status: 'fail', reason: 'boom', fix: 'fix the input and run the gate again' }],
        waivers: [],
        inputs: [],
      },
    ]);
    expect(said(o, 'error')).toEqual(['the gate could not decide: boom']);
  });

  it('a VSA that cannot be signed for an unexpected reason is an INTERNAL refusal (exit 3), logged', async () => {
    const o = options(folder(good()), { signStatement: () => Promise.reject(new Error('the signer crashed')) });
    const r = await runGate(o);
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.infrastructure);
    expect(r.decision.error).toEqual({ code: 'INTERNAL', message: 'cannot sign the VSA: the signer crashed' });
    expect(said(o, 'error')).toEqual(['cannot sign the VSA: the signer crashed']);
  });

  it('each bundle is listed with its own status: one that does not verify does not make another digest’s bundle invalid', async () => {
    const dir = folder({
      ...good(),
      'bad.sigstore.json': bundle(provenanceOf([{ digest: { sha256: DIGEST } }]), 'invalid'),
      'other.sigstore.json': bundle(provenanceOf([{ digest: { sha256: OTHER } }])),
    });
    const r = await runGate(options(dir));
    expect(r.decision.inputs.map((i) => [path.basename(i.origin), i.status, i.reason])).toEqual([
      ['bad.sigstore.json', 'invalid', 'signature: does not verify'],
      ['other.sigstore.json', 'other-digest', undefined],
      ['prov.sigstore.json', 'verified', undefined],
    ]);
  });

  it('a bundle file that cannot be read is listed without a digest, and the refusal names it', async () => {
    const dir = folder(good());
    const fifo = path.join(dir, 'pipe.sigstore.json');
    execFileSync('mkfifo', [fifo]);
    const r = await runGate(options(dir));
    expect(r.allowed).toBe(false);
    const input = r.decision.inputs.find((i) => i.origin === fifo);
    expect(input).toMatchObject({ digest: 'sha256:', status: 'unreadable' });
    const reason = check(r, 'signatures')?.reason ?? '';
    expect(reason).toMatch(/^1 bundle\(s\) naming this artefact do not verify: /);
    expect(reason).toContain(`${fifo}: ${input?.reason ?? '?'}`);
  });
});

describe('runGate: which evidence counts for which artefact', () => {
  it('a bundle of another gated digest that does not verify refuses only that digest', async () => {
    const dir = folder({ ...good(), 'bad.sigstore.json': bundle(provenanceOf([{ digest: { sha256: OTHER } }]), 'invalid') });
    const o = options(dir, { subjects: [{ digest: DIGEST, name: 'app.tgz' }, { digest: OTHER }] });
    const r = await runGate(o);
    expect(r.decision.artefacts.map((a) => a.allowed)).toEqual([true, false]);
    expect(failing(r, 0)).toEqual([]);
    // The log line of an artefact without a name has no name in it.
    expect(said(o, 'info').filter((m) => m.startsWith('refused:'))).toEqual([
      `refused:  sha256:${OTHER} (${
        r.decision.artefacts[1]?.checks
          .filter((c) => c.status === 'fail')
          .map((c) => c.title)
          .join(', ') ?? ''
      })`,
    ]);
    expect(check(r, 'signatures', 0)).toMatchObject({ status: 'pass', reason: '1 bundle(s) verified' });
    expect(check(r, 'signatures', 1)?.reason).toMatch(
      /^1 bundle\(s\) naming this artefact do not verify: .*bad\.sigstore\.json: signature: does not verify$/,
    );
  });

  it('an unsigned statement naming another digest does not touch this one', async () => {
    const dir = folder({ ...good(), 'loose.intoto.json': provenanceOf([{ digest: { sha256: OTHER } }]) });
    const r = await runGate(options(dir));
    expect(r.allowed).toBe(true);
    expect(check(r, 'signatures')).toMatchObject({ status: 'pass', reason: '1 bundle(s) verified' });
  });

  it('the evidence is taken in the order of its origin, whatever order it verified in', async () => {
    const src = folder({
      'b-prov.sigstore.json': bundle(provenanceOf([{ digest: { sha256: DIGEST } }])),
      'a-scan.sigstore.json': bundle(scanOf([{ digest: { sha256: DIGEST } }])),
    });
    const r = await runGate(
      options(undefined, {
        bundleFiles: [path.join(src, 'b-prov.sigstore.json'), path.join(src, 'a-scan.sigstore.json')],
        // The scan (first by origin) answers last.
        verifier: stubVerifier({ slow: PREDICATE.vulns }),
      }),
    );
    expect(check(r, 'signatures')?.evidence).toBe('vulnerabilities, provenance');
  });

  it('key-signed evidence is dated to the key it was made with, keyless evidence without a trusted time never', async () => {
    const subjects = [{ digest: { sha256: DIGEST } }];
    const dir = folder({ 'prov.sigstore.json': bundle(provenanceOf(subjects)), 'scan.sigstore.json': bundle(scanOf(subjects), 'no-time') });
    const pol = parsePolicy(
      `apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance, vulnerabilities], builder: ${BUILDER} }\n`,
      'p.yml',
      { now: NOW },
    );
    const r = await runGate(options(dir, { policy: pol, keysCreatedAt: new Date(NOW.getTime() - 60_000) }));
    expect(failing(r)).toEqual(['scan-age']);
    expect(r.allowed).toBe(false);
  });
});

describe('runGate: evidence naming a gated file by sha512', () => {
  const npmDir = () => {
    const dir = folder();
    const file = path.join(dir, 'app.tgz');
    writeFileSync(file, 'the artefact');
    const sha256 = sha256Hex(readFileSync(file));
    const sha512 = createHash('sha512').update(readFileSync(file)).digest('hex');
    return { dir, file, sha256, sha512 };
  };

  it('files are read again only when some bundle names a sha512: a gated file gone since is no error otherwise', async () => {
    const dir = folder(good());
    const r = await runGate(options(dir, { subjects: [{ digest: DIGEST, name: 'app.tgz', file: path.join(dir, 'gone.tgz') }] }));
    expect(r.decision.error).toBeUndefined();
    expect(r.allowed).toBe(true);
  });

  it('counts when the bundle names other digests too, and when other bundles name none by sha512', async () => {
    const { dir, file, sha256, sha512 } = npmDir();
    writeFileSync(
      path.join(dir, 'npm.sigstore.json'),
      JSON.stringify(
        bundle(
          provenanceOf([
            { name: 'app', digest: { sha512 } },
            { name: 'other', digest: { sha256: OTHER } },
          ]),
        ),
      ),
    );
    writeFileSync(path.join(dir, 'other.sigstore.json'), JSON.stringify(bundle(provenanceOf([{ digest: { sha256: OTHER } }]))));
    const r = await runGate(options(dir, { subjects: [{ digest: sha256, name: 'app.tgz', file }] }));
    expect(failing(r)).toEqual([]);
    expect(r.allowed).toBe(true);
  });

  it('an artefact given without its file is refused for lack of evidence, not as an error', async () => {
    const { dir, file, sha256, sha512 } = npmDir();
    writeFileSync(path.join(dir, 'npm.sigstore.json'), JSON.stringify(bundle(provenanceOf([{ name: 'app', digest: { sha512 } }]))));
    const r = await runGate(options(dir, { subjects: [{ digest: sha256, name: 'app.tgz', file }, { digest: OTHER }] }));
    expect(r.decision.error).toBeUndefined();
    expect(r.decision.artefacts.map((a) => a.allowed)).toEqual([true, false]);
    expect(failing(r, 1)).toContain('signatures');
    expect(r.exitCode).toBe(EXIT.failed);
  });
});

describe('runGate: what the evaluation is given', () => {
  it('CEL rules see the subject name', async () => {
    const r = await runGate(
      options(folder(good()), { policy: policy(`, rules: [{ name: named, expression: 'subject.name == "app.tgz"' }]`) }),
    );
    expect(check(r, 'rule:named')?.status).toBe('pass');
    expect(r.allowed).toBe(true);
  });

  it('the default builder applies when neither the option nor the policy names one', async () => {
    const pol = parsePolicy('apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance] }\n', 'p.yml', { now: NOW });
    const r = await runGate(options(folder(good()), { policy: pol, defaultBuilder: `${BUILDER}@refs/tags/v1.0.0` }));
    expect(r.allowed).toBe(true);
    expect(r.decision.artefacts[0]?.builder).toEqual({ identity: `${BUILDER}@refs/tags/v1.0.0`, from: 'runner' });
  });

  it('the GitHub environment of the deploying job is checked against the policy', async () => {
    const pol = policy(', environments: [production]');
    const r = await runGate(options(folder(good()), { policy: pol, githubEnvironment: 'production' }));
    expect(check(r, 'github-environment')?.status).toBe('pass');
    expect(r.allowed).toBe(true);
  });

  it('the policy file is read at the gate’s time (an exception’s expiry is measured from it)', async () => {
    const dir = folder(good());
    const file = path.join(dir, 'policy.yml');
    writeFileSync(
      file,
      `apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance], builder: ${BUILDER} }\n` +
        'exceptions:\n  - { rule: registries, reason: migrating, approver: carol, expires: 2099-01-10 }\n',
    );
    const now = new Date('2099-01-01T00:00:00Z');
    const r = await runGate(options(dir, { policy: undefined, policyFile: file, now }));
    expect(r.decision.error).toBeUndefined();
    expect(r.decision.policy?.uri).toBe(file);
  });
});

describe('runGate: the GitHub attestations API', () => {
  const fetched = (digest: string, origin: string): CandidateBundle => {
    const text = JSON.stringify(bundle(provenanceOf([{ digest: { sha256: digest } }])));
    return { origin, bundleDigest: sha256Hex(text), bundle: JSON.parse(text) as unknown, subjects: new Set([digest]) };
  };

  it('is asked for each gated digest; the check counts the bundles it added to those already found', async () => {
    const asked: string[] = [];
    const github: GitHubAttestationsClient = {
      list: (d) => (asked.push(d), Promise.resolve(d === DIGEST ? [fetched(DIGEST, 'https://api.github.com/x')] : [])),
    };
    const o = options(folder({ 'other.sigstore.json': bundle(provenanceOf([{ digest: { sha256: OTHER } }])) }), {
      subjects: [{ digest: DIGEST, name: 'app.tgz' }, { digest: OTHER }],
      github,
    });
    const r = await runGate(o);
    expect(asked.sort()).toEqual([DIGEST, OTHER]);
    expect(r.allowed).toBe(true);
    expect(check(r, 'attestations-api')).toEqual({
      id: 'attestations-api',
      title: 'GitHub attestations',
      stage: 'attest',
      status: 'pass',
      reason: '1 bundle(s) fetched',
    });
    expect(said(o, 'info')).toContain('GitHub attestations API: 1 new bundle(s)');
  });

  it('a refusal by the API for bad input is recorded with its fix and exits 2 (usage), never 3', async () => {
    const github: GitHubAttestationsClient = { list: () => Promise.reject(new ConfigurationError('the token cannot read attestations')) };
    const r = await runGate(options(folder(good()), { github }));
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.usage);
    expect(check(r, 'attestations-api')).toEqual({
      id: 'attestations-api',
      title: 'GitHub attestations',
      stage: 'attest',
      status: 'fail',
      reason: 'cannot fetch attestations: the token cannot read attestations',
      fix: 'the gate does not decide on partial evidence; retry when the API is reachable',
    });
  });
});

describe('runGate: images by reference', () => {
  const REGISTRY = 'registry.example';

  it('an image read from its listed registry: the registry check comes first, and its evidence admits it', async () => {
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json' }));
    const image = sha256Hex(manifest);
    const registry: ImageRegistryClient = {
      getManifest: () =>
        Promise.resolve({
          digest: `sha256:${image}`,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          bytes: manifest,
          manifest: { schemaVersion: 2 },
        }),
      referrers: () => Promise.resolve([]),
      getBlob: () => Promise.reject(new Error('no blob is asked for')),
    };
    const dir = folder({ 'img.sigstore.json': bundle(provenanceOf([{ digest: { sha256: image } }])) });
    const r = await runGate(
      options(dir, {
        subjects: [],
        images: [`${REGISTRY}/acme/app@sha256:${image}`],
        imageRegistry: registry,
        policy: policy(`, registries: [${REGISTRY}/acme]`),
      }),
    );
    expect(r.decision.error).toBeUndefined();
    expect(r.allowed).toBe(true);
    expect(r.exitCode).toBe(EXIT.passed);
    expect(r.decision.artefacts[0]?.checks[0]).toMatchObject({ id: 'image-registry', status: 'pass' });
    expect(r.decision.artefacts[0]?.name).toBe(`${REGISTRY}/acme/app`);
  });

  it('an unlisted registry: the artefact record is the registry check alone, and the log line says why', async () => {
    const o = options(folder(good()), { subjects: [], images: [`${REGISTRY}/acme/app@sha256:${DIGEST}`] });
    const r = await runGate(o);
    const a = r.decision.artefacts[0];
    expect(a).toEqual({
      digest: DIGEST,
      name: `${REGISTRY}/acme/app`,
      allowed: false,
      verifiedLevels: [],
      checks: [expect.objectContaining({ id: 'image-registry', status: 'fail' })],
      waivers: [],
      inputs: [],
    });
    expect(said(o, 'info')).toContain(`refused: ${REGISTRY}/acme/app sha256:${DIGEST} (${a?.checks[0]?.reason ?? '?'})`);
    expect(a?.checks[0]?.reason).toContain('a registry deploy.prod.registries does not list');
  });

  it('an environment the policy has no section for lists no registry: the image is refused, not an error', async () => {
    const r = await runGate(
      options(folder(good()), { environment: 'staging', subjects: [], images: [`${REGISTRY}/acme/app@sha256:${DIGEST}`] }),
    );
    expect(r.decision.error).toBeUndefined();
    expect(r.exitCode).toBe(EXIT.failed);
    expect(check(r, 'image-registry')?.reason).toContain('a registry deploy.staging.registries does not list (it lists none)');
  });
});
