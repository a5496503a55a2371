/**
 * setup.ts end to end in-process: plain inputs (files, key files, a signer kind, the runner's token) in,
 * a gate decision out. The evidence is really signed (an ephemeral P-256 key, as `secure-factory run`
 * signs) and really verified (the Sigstore bundle verifier with the bundled trust root and the key file).
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { prepareSigner, publicKeyHint, type SignerInputs } from '@secure-factory/attest';
import {
  ConfigurationError,
  EXIT,
  exitCodeFor,
  IN_TOTO_PAYLOAD_TYPE,
  makeStatement,
  MemoryLogger,
  PREDICATE,
  sha256Hex,
} from '@secure-factory/core';
import {
  buildVerifier,
  gate,
  githubEnvironmentFor,
  type GateInputs,
  runnerClaims,
  runnerWorkflowRef,
  subjectsFromGlobs,
  vsaSigner,
} from './setup.js';

const EPHEMERAL: SignerInputs = { kind: 'ephemeral', services: {}, transparencyLog: 'never', env: {} };
const PROVENANCE = { buildDefinition: { buildType: 'x', externalParameters: {} }, runDetails: { builder: { id: 'x' } } };

// The embedded trust roots, without trying TUF mirrors this machine cannot reach (seconds per attempt).
const savedTrustUpdate = process.env.SECURE_FACTORY_TRUST_UPDATE;
beforeAll(() => {
  process.env.SECURE_FACTORY_TRUST_UPDATE = 'off';
});
afterAll(() => {
  if (savedTrustUpdate === undefined) delete process.env.SECURE_FACTORY_TRUST_UPDATE;
  else process.env.SECURE_FACTORY_TRUST_UPDATE = savedTrustUpdate;
});

const tmp = (prefix: string): string => mkdtempSync(path.join(tmpdir(), `sf-setup-${prefix}-`));

/** A key, a provenance bundle it signed for `file`, the public key file and the policy pinning that key. */
async function signedEvidence(subjectNames: Record<string, string>): Promise<{
  evidenceDir: string;
  publicKeyFile: string;
  policyFile: string;
  builder: string;
  madeAt: Date;
  digests: Record<string, string>;
}> {
  const madeAt = new Date(Date.now() - 60_000);
  const prepared = await prepareSigner(EPHEMERAL);
  const key = prepared.keySigner;
  if (!key) throw new Error('the ephemeral signer has no key');
  const evidenceDir = tmp('evidence');
  const digests: Record<string, string> = {};
  for (const [name, file] of Object.entries(subjectNames)) digests[name] = sha256Hex(readFileSync(file));
  const statement = makeStatement(
    Object.entries(digests).map(([name, sha256]) => ({ name, digest: { sha256 } })),
    PREDICATE.provenance,
    PROVENANCE,
  );
  const bundle = await prepared.pipeline.signStatement(Buffer.from(JSON.stringify(statement), 'utf8'));
  writeFileSync(path.join(evidenceDir, 'provenance.sigstore.json'), JSON.stringify(bundle));
  const keys = tmp('keys');
  const publicKeyFile = path.join(keys, 'key.pub.pem');
  writeFileSync(publicKeyFile, key.publicKeyPem);
  const builder = `key:${publicKeyHint(createPublicKey(key.publicKeyPem))}`;
  const policyFile = path.join(keys, 'policy.yml');
  writeFileSync(
    policyFile,
    `apiVersion: secure-factory/v1\ndeploy:\n  prod: { require: [provenance], builder: "${builder}", environments: [production] }\n  staging: { require: [provenance], registries: ["127.0.0.1:5000"] }\n`,
  );
  return { evidenceDir, publicKeyFile, policyFile, builder, madeAt, digests };
}

function artefact(content = 'the release\n'): { dir: string; file: string } {
  const dir = tmp('art');
  const file = path.join(dir, 'app.tgz');
  writeFileSync(file, content);
  return { dir, file };
}

const failing = (r: Awaited<ReturnType<typeof gate>>): string[] =>
  r.decision.artefacts.flatMap((a) => a.checks.filter((c) => c.status === 'fail').map((c) => c.id));

/** A runner token endpoint answering one JWT, set in process.env for the duration of `f`. */
async function withRunnerToken<T>(claims: Record<string, unknown> | 'fail', f: () => Promise<T>): Promise<T> {
  const jwt = claims === 'fail' ? '' : `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
  const server = createServer((_req, res) => {
    if (claims === 'fail') {
      res.statusCode = 500;
      res.end('down');
    } else res.end(JSON.stringify({ value: jwt }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?x=1`;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 't';
  try {
    return await f();
  } finally {
    if (saved.url === undefined) delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    else process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved.url;
    if (saved.token === undefined) delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    else process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved.token;
    server.close();
  }
}

describe('buildVerifier: the key files the gate trusts', () => {
  it('verifies evidence signed by a given key, and only by a given key', async () => {
    const { file } = artefact();
    const ev = await signedEvidence({ 'app.tgz': file });
    const digest = ev.digests['app.tgz'] as string;
    const bundle = JSON.parse(readFileSync(path.join(ev.evidenceDir, 'provenance.sigstore.json'), 'utf8')) as unknown;
    const verified = await (await buildVerifier(undefined, [ev.publicKeyFile])).verify(bundle, digest);
    expect(verified.signer).toMatchObject({ kind: 'key' });
    expect(verified.statement.subject).toEqual([{ name: 'app.tgz', digest: { sha256: digest } }]);
    // Without the key, or with another key, the same bundle does not verify.
    await expect((await buildVerifier(undefined, [])).verify(bundle, digest)).rejects.toThrow(/public key/i);
    const other = await signedEvidence({ 'app.tgz': file });
    await expect((await buildVerifier(undefined, [other.publicKeyFile])).verify(bundle, digest)).rejects.toThrow();
  });

  it('a file that is not a PEM public key is an input error naming the file (exit 2), never OpenSSL text', async () => {
    const f = path.join(tmp('garbage'), 'cosign.pub');
    writeFileSync(f, 'not a key at all\n');
    const e = await buildVerifier(undefined, [f]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(exitCodeFor(e)).toBe(EXIT.usage);
    expect((e as ConfigurationError).message).toBe('the public key file does not hold a PEM public key');
    expect((e as ConfigurationError).location).toEqual({ file: f });
    expect((e as ConfigurationError).hint).toMatch(/-----BEGIN PUBLIC KEY-----/);
    expect(String((e as Error).message)).not.toMatch(/not a key at all|DECODER/);
  });

  it('a private key handed to the gate is refused, not quietly turned into its public half', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (const [format, type] of [
      ['pkcs8', 'PRIVATE KEY'],
      ['sec1', 'EC PRIVATE KEY'],
    ] as const) {
      const f = path.join(tmp('private'), 'key.pem');
      const pem = privateKey.export({ format: 'pem', type: format === 'pkcs8' ? 'pkcs8' : 'sec1' }) as string;
      expect(pem).toContain(`-----BEGIN ${type}-----`);
      writeFileSync(f, pem);
      const e = await buildVerifier(undefined, [f]).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ConfigurationError);
      expect((e as ConfigurationError).message).toBe('the public key file holds a private key');
      expect((e as ConfigurationError).location).toEqual({ file: f });
      expect((e as ConfigurationError).hint).toMatch(/-pubout/);
    }
  });

  it('a key file is read through the safe reader: bounded to 64 KiB, regular files only', async () => {
    const dir = tmp('big');
    const big = path.join(dir, 'huge.pub');
    writeFileSync(big, 'A'.repeat(64 * 1024 + 1));
    const e = await buildVerifier(undefined, [big]).catch((x: unknown) => x);
    expect(exitCodeFor(e)).toBe(EXIT.usage);
    expect(String((e as Error).message)).toMatch(/public key file/);
    expect(String((e as Error).message)).not.toMatch(/AAAA/);
    // A real key just under the bound is read.
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const padded = path.join(dir, 'padded.pub');
    writeFileSync(padded, `${publicKey.export({ format: 'pem', type: 'spki' }) as string}${'\n'.repeat(60 * 1024)}`);
    await expect(buildVerifier(undefined, [padded])).resolves.toBeDefined();
    // Not UTF-8: said so, naming what the file was for.
    const utf16 = path.join(dir, 'utf16.pub');
    writeFileSync(utf16, Buffer.from([0xff, 0xfe, 0x2d, 0x00]));
    await expect(buildVerifier(undefined, [utf16])).rejects.toMatchObject({
      message: 'the public key file is UTF-16 or UTF-32 encoded (it starts with a byte-order mark)',
      location: { file: utf16 },
    });
    mkdirSync(path.join(dir, 'folder.pub'));
    await expect(buildVerifier(undefined, [path.join(dir, 'folder.pub')])).rejects.toBeInstanceOf(ConfigurationError);
  });
});

describe('vsaSigner: the VSA is signed by the attest pipeline', () => {
  it('an ephemeral key signs the statement and leaves its public half beside the VSA', async () => {
    const out = tmp('vsa');
    const statement = makeStatement([{ name: 'a', digest: { sha256: 'a'.repeat(64) } }], PREDICATE.vsa, { verificationResult: 'PASSED' });
    const bundle = (await vsaSigner(EPHEMERAL, out)(statement)) as { dsseEnvelope: { payload: string; payloadType: string } };
    expect(bundle.dsseEnvelope.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'))).toEqual(statement);
    const pem = readFileSync(path.join(out, 'gate-ephemeral-key.pub.pem'), 'utf8');
    expect(createPublicKey(pem).type).toBe('public');
    expect(readdirSync(out)).toEqual(['gate-ephemeral-key.pub.pem']);
  });

  it('a key the operator gave signs without writing any key file', async () => {
    const out = tmp('vsa-key');
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const statement = makeStatement([{ name: 'a', digest: { sha256: 'a'.repeat(64) } }], PREDICATE.vsa, {});
    const bundle = (await vsaSigner({ ...EPHEMERAL, kind: 'key', privateKeyPem }, out)(statement)) as { dsseEnvelope: unknown };
    expect(bundle.dsseEnvelope).toBeDefined();
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('the runner’s claims', () => {
  it('a token endpoint that fails is a warning and no claims (the checks that need them fail closed)', async () => {
    const logger = new MemoryLogger();
    expect(await withRunnerToken('fail', () => runnerClaims(process.env, logger))).toBeUndefined();
    expect(logger.lines.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
      expect.stringMatching(/^cannot read this job's OIDC claims: /),
    ]);
    // Off Actions (no token variables) there is nothing to read and nothing to warn about.
    const quiet = new MemoryLogger();
    expect(await runnerClaims({}, quiet)).toBeUndefined();
    expect(quiet.lines).toEqual([]);
    // And a failure without a logger is still only "no claims".
    await expect(withRunnerToken('fail', () => runnerClaims(process.env))).resolves.toBeUndefined();
  });

  it('claims of the wrong type or empty are left out', async () => {
    expect(await withRunnerToken({ job_workflow_ref: 7, environment: '' }, () => runnerClaims(process.env))).toEqual({});
    expect(await withRunnerToken({ environment: ['production'] }, () => runnerClaims(process.env))).toEqual({});
  });

  it('runnerWorkflowRef is the job_workflow_ref claim, or undefined off Actions', async () => {
    expect(await withRunnerToken({ job_workflow_ref: 'o/r/.github/workflows/f.yml@refs/heads/main' }, () => runnerWorkflowRef())).toBe(
      'o/r/.github/workflows/f.yml@refs/heads/main',
    );
    expect(await runnerWorkflowRef({})).toBeUndefined();
  });

  it('a mismatching github-environment input says how to fix it; a matching or absent one is silent', () => {
    const e = (() => {
      try {
        githubEnvironmentFor('staging', { environment: 'production' }, true);
      } catch (x: unknown) {
        return x;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).hint).toBe('remove the github-environment input, or set it to production');
    const logger = new MemoryLogger();
    expect(githubEnvironmentFor(undefined, {}, true, logger)).toBeUndefined();
    expect(githubEnvironmentFor('production', { environment: 'production' }, true, logger)).toBe('production');
    expect(githubEnvironmentFor(undefined, undefined, true, logger)).toBeUndefined();
    expect(logger.lines).toEqual([]);
    // Without a logger the unsigned input is still dropped, not a crash.
    expect(githubEnvironmentFor('production', {}, true)).toBeUndefined();
  });
});

describe('subjectsFromGlobs', () => {
  it('hashes what the patterns match, with the names the attest stage gives them', async () => {
    const { dir } = artefact('one\n');
    writeFileSync(path.join(dir, 'b.tgz'), 'two\n');
    writeFileSync(path.join(dir, 'notes.txt'), 'three\n');
    const found = await subjectsFromGlobs(['*.tgz'], dir);
    expect(found.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))).toEqual([
      { name: 'app.tgz', digest: sha256Hex(Buffer.from('one\n')) },
      { name: 'b.tgz', digest: sha256Hex(Buffer.from('two\n')) },
    ]);
    expect(await subjectsFromGlobs([], dir)).toEqual([]);
  });
});

/** A release `app.tgz` with its signed provenance, and gate inputs that admit it to staging (`over` replaces any). */
async function signedRelease(): Promise<{
  ev: Awaited<ReturnType<typeof signedEvidence>>;
  dir: string;
  file: string;
  inputs: (over?: Partial<GateInputs>) => GateInputs;
}> {
  const { dir, file } = artefact();
  const ev = await signedEvidence({ 'app.tgz': file });
  const inputs = (over: Partial<GateInputs> = {}): GateInputs => ({
    artefacts: [file],
    cwd: dir,
    environment: 'staging',
    evidenceDir: ev.evidenceDir,
    policyFile: ev.policyFile,
    publicKeyFiles: [ev.publicKeyFile],
    builder: ev.builder,
    keysCreatedAt: ev.madeAt,
    logger: new MemoryLogger(),
    ...over,
  });
  return { ev, dir, file, inputs };
}

describe('gate(): from plain inputs to a decision', () => {
  it('admits an artefact whose provenance the given key signed: decision, signed VSA, key and record under evidence/gate', async () => {
    const { ev, inputs } = await signedRelease();
    const now = new Date();
    const r = await gate(
      inputs({ artefacts: ['app.tgz'], environment: 'prod', githubEnvironment: 'production', builder: undefined, signer: EPHEMERAL, now }),
    );
    expect(failing(r)).toEqual([]);
    expect(r.allowed).toBe(true);
    expect(r.exitCode).toBe(EXIT.passed);
    expect(r.decision.artefacts.map((a) => [a.name, a.digest, a.builder])).toEqual([
      ['app.tgz', ev.digests['app.tgz'], { identity: ev.builder, from: 'policy' }],
    ]);
    // Nothing named an output folder: the evidence folder's gate/ holds the outputs.
    const out = path.join(ev.evidenceDir, 'gate');
    expect(path.dirname(r.decisionPath)).toBe(out);
    expect(path.dirname(r.vsaPath)).toBe(out);
    expect(r.vsaBundlePath).toBeDefined();
    expect(existsSync(r.vsaBundlePath as string)).toBe(true);
    expect(r.decision.vsa).toMatchObject({ signed: true });
    expect(existsSync(path.join(out, 'gate-ephemeral-key.pub.pem'))).toBe(true);
    expect(r.decision.time).toBe(now.toISOString());
    expect(r.deploymentPaths).toHaveLength(1);
  });

  it('without a signer (or with none) the VSA is unsigned; recordDeployment: false writes no record; outDir is honoured', async () => {
    const { ev, inputs } = await signedRelease();
    for (const signer of [undefined, 'none'] as const) {
      const outDir = tmp('out');
      const r = await gate(inputs({ ...(signer ? { signer } : {}), outDir, recordDeployment: false }));
      expect(r.allowed).toBe(true);
      expect(path.dirname(r.decisionPath)).toBe(outDir);
      expect(r.vsaBundlePath).toBeUndefined();
      expect(r.decision.vsa).toMatchObject({ signed: false });
      expect(r.deploymentPaths).toEqual([]);
      expect(readdirSync(outDir).some((f) => f.endsWith('.pub.pem'))).toBe(false);
    }
    expect(existsSync(path.join(ev.evidenceDir, 'deployments'))).toBe(false);
  });

  it('given subjects and artefact arguments are gated together; given subjects alone are not re-resolved', async () => {
    const { ev, inputs } = await signedRelease();
    const app = { digest: ev.digests['app.tgz'] as string, name: 'app.tgz' };
    const other = 'f'.repeat(64);
    const both = await gate(inputs({ artefacts: [`sha256:${other}`], subjects: [app] }));
    expect(both.decision.artefacts.map((a) => a.digest)).toEqual([app.digest, other]);
    expect(both.allowed).toBe(false);
    const alone = await gate(inputs({ artefacts: [], subjects: [app] }));
    expect(alone.decision.artefacts.map((a) => a.digest)).toEqual([app.digest]);
    expect(alone.allowed).toBe(true);
    // Nothing at all to gate is an input error, not an empty pass.
    await expect(gate(inputs({ artefacts: [] }))).rejects.toMatchObject({
      message: 'nothing to gate',
      hint: 'give one or more artefact files or sha256:DIGEST values',
    });
  });

  it('bundle files named one by one are verified without an evidence folder; outputs then go to ./.secure-factory/gate', async () => {
    const { ev, inputs } = await signedRelease();
    const bundleFile = path.join(ev.evidenceDir, 'provenance.sigstore.json');
    const cwd = process.cwd();
    const here = tmp('cwd');
    process.chdir(here);
    try {
      const r = await gate(inputs({ evidenceDir: undefined, bundleFiles: [bundleFile] }));
      expect(failing(r)).toEqual([]);
      expect(r.allowed).toBe(true);
      expect(r.decision.inputs.map((i) => [i.origin, i.status])).toEqual([[bundleFile, 'verified']]);
      expect(path.dirname(r.decisionPath)).toBe(path.join('.secure-factory', 'gate'));
      expect(existsSync(path.join(here, '.secure-factory', 'gate', path.basename(r.decisionPath)))).toBe(true);
      // No evidence folder: no deployment record is written anywhere.
      expect(r.deploymentPaths).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('key-signed evidence only counts with the key file given', async () => {
    const { inputs } = await signedRelease();
    const r = await gate(inputs({ publicKeyFiles: [], keysCreatedAt: undefined }));
    expect(r.allowed).toBe(false);
    expect(r.exitCode).toBe(EXIT.failed);
    expect(failing(r)).toContain('signatures');
    // A bad key file is an input error (exit 2) recorded in the decision log, naming the file.
    const bad = path.join(tmp('badkey'), 'k.pub');
    writeFileSync(bad, 'garbage');
    const refused = await gate(inputs({ publicKeyFiles: [bad] }));
    expect(refused.allowed).toBe(false);
    expect(refused.exitCode).toBe(EXIT.usage);
    expect(refused.decision.error).toEqual({
      code: 'CONFIGURATION',
      message: `${bad}: the public key file does not hold a PEM public key — pass a PEM file starting with -----BEGIN PUBLIC KEY----- (e.g. cosign.pub, or openssl pkey -pubout)`,
    });
  });

  it('an image given by reference is gated from its registry, with no artefact arguments needed', async () => {
    const { inputs } = await signedRelease();
    const asked: string[] = [];
    const r = await gate(
      inputs({
        artefacts: [],
        evidenceDir: undefined,
        images: [`127.0.0.1:5000/app@sha256:${'d'.repeat(64)}`],
        imageRegistry: {
          getManifest: (registry, name, ref) => {
            asked.push(`${registry}/${name}@${ref}`);
            return Promise.reject(new Error('manifest unknown'));
          },
          referrers: () => Promise.reject(new Error('unreachable')),
          getBlob: () => Promise.reject(new Error('unreachable')),
          isMisbehaviour: () => false,
        },
        outDir: tmp('img-out'),
      }),
    );
    // The registry was asked for the image itself; it failed, so the gate does not decide in its favour.
    expect(asked).toEqual([`127.0.0.1:5000/app@sha256:${'d'.repeat(64)}`]);
    expect(r.allowed).toBe(false);
    expect(r.decision.artefacts.map((a) => [a.name, a.digest])).toEqual([['127.0.0.1:5000/app', 'd'.repeat(64)]]);
    expect(r.decision.artefacts[0]?.checks.find((c) => c.id === 'image-registry')?.reason).toBe(
      'cannot read the image from its registry: manifest unknown',
    );
  });

  it('on Actions the runner’s signed claims pin the builder and the GitHub environment', async () => {
    const { ev, inputs } = await signedRelease();
    const ref = 'factory/sf/.github/workflows/gate.yml@refs/tags/v1';
    const pinned = await withRunnerToken({ job_workflow_ref: ref, environment: 'production' }, () =>
      gate(inputs({ builder: undefined, builderFromRunner: true })),
    );
    expect(pinned.decision.artefacts[0]?.builder).toEqual({ identity: ref, from: 'runner' });
    // The key-signed provenance was not made by that workflow: refused.
    expect(pinned.allowed).toBe(false);
    // An explicit builder wins over the runner's.
    const explicit = await withRunnerToken({ job_workflow_ref: ref }, () => gate(inputs({ builderFromRunner: true })));
    expect(explicit.decision.artefacts[0]?.builder).toEqual({ identity: ev.builder, from: 'option' });
    expect(explicit.allowed).toBe(true);
    // The input may not contradict the signed environment claim.
    await expect(
      withRunnerToken({ job_workflow_ref: ref, environment: 'production' }, () =>
        gate(inputs({ builderFromRunner: true, githubEnvironment: 'staging' })),
      ),
    ).rejects.toThrow(/OIDC token says it runs in the environment "production"/);
    // Off Actions nothing is read from the runner even when its variables are set.
    const cli = await withRunnerToken({ job_workflow_ref: ref }, () => gate(inputs({ builder: undefined, builderFromRunner: false })));
    expect(cli.decision.artefacts[0]?.builder).toBeUndefined();
    expect(cli.allowed).toBe(false);
  });

  it('the prod deployment needs the GitHub environment the policy names, from the runner on Actions', async () => {
    const { inputs } = await signedRelease();
    const prod = (over: Partial<GateInputs>) => inputs({ environment: 'prod', ...over });
    expect(failing(await withRunnerToken({ environment: 'production' }, () => gate(prod({ builderFromRunner: true }))))).toEqual([]);
    const unsigned = await withRunnerToken({}, () => gate(prod({ builderFromRunner: true, githubEnvironment: 'production' })));
    expect(failing(unsigned)).toContain('github-environment');
    // The CLI takes the operator's flag.
    expect(failing(await gate(prod({ githubEnvironment: 'production' })))).toEqual([]);
    expect(failing(await gate(prod({})))).toContain('github-environment');
  });
});
