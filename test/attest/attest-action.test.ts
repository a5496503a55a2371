/**
 * The BUNDLED attest action, run in a separate process as the GitHub runner runs it: it gets its
 * OIDC token from ACTIONS_ID_TOKEN_REQUEST_URL, signs against local Fulcio/Rekor (@sigstore/mock),
 * publishes to a local GitHub attestations API, and the bundles verify with `secure-factory verify-bundle`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../support/action-harness.js';
import { runCli } from '../support/cli.js';
import { sigstoreBundleValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';

interface Posted {
  url: string;
  auth: string | undefined;
  body: { bundle?: { mediaType?: string } };
}

function workspaceWithEvidence(): { dir: string; artefactDigest: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-attest-ws-'));
  mkdirSync(path.join(dir, 'dist'));
  const artefact = Buffer.from('release tarball\n');
  writeFileSync(path.join(dir, 'dist', 'app-1.0.0.tgz'), artefact);
  const evidence = path.join(dir, '.secure-factory', 'evidence');
  mkdirSync(evidence, { recursive: true });
  writeFileSync(
    path.join(evidence, 'source.intoto.json'),
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'commit', digest: { gitCommit: 'a'.repeat(40) } }],
      predicateType: 'https://example.com/custom-claim/v1',
      predicate: { checked: true },
    }),
  );
  return { dir, artefactDigest: createHash('sha256').update(artefact).digest('hex') };
}

describeShared('the attest action (bundled, separate process) against local Sigstore services', () => {
  let services: SigstoreServices;
  let github: Server;
  let githubUrl: string;
  const posted: Posted[] = [];
  beforeAll(async () => {
    services = await startSigstoreServices();
    github = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        const url = req.url ?? '';
        if (req.method === 'GET' && url === '/repos/acme/app/releases/tags/v1.0.0') {
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ id: 1, upload_url: `${githubUrl}/uploads/repos/acme/app/releases/1/assets{?name,label}` }));
          return;
        }
        if (req.method === 'GET') {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
          return;
        }
        posted.push({ url, auth: req.headers.authorization, body: JSON.parse(body || '{}') as Posted['body'] });
        const name = new URL(url, githubUrl).searchParams.get('name');
        res
          .writeHead(201, { 'content-type': 'application/json' })
          .end(
            JSON.stringify(
              url.startsWith('/uploads/')
                ? { browser_download_url: `https://github.com/acme/app/releases/download/v1.0.0/${name}` }
                : { id: 4000 + posted.length },
            ),
          );
      });
    });
    await new Promise<void>((r) => github.listen(0, '127.0.0.1', r));
    githubUrl = `http://127.0.0.1:${(github.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await services.close();
    await new Promise<void>((r) => github.close(() => r()));
  });

  it('keyless: signs each statement with the run artefacts as subjects, publishes, and verify-bundle accepts the result', async () => {
    const ws = workspaceWithEvidence();
    const run = await runAction('attest', {
      workspace: ws.dir,
      inputs: {
        'subject-path': 'dist/*.tgz',
        signer: 'keyless',
        'fulcio-url': services.fulcioUrl,
        'rekor-url': services.rekorUrl,
        publish: 'true',
        'release-tag': 'v1.0.0',
        'github-token': 'ghs_test_token',
        'github-api-url': githubUrl,
      },
      env: services.actionsEnv(),
      event: { repository: { private: false, full_name: 'acme/app' } },
    });
    expect(run.stderr + run.stdout).not.toMatch(/::error/);
    expect(run.exitCode).toBe(0);
    const bundles = run.outputs['bundle-paths']?.split('\n') ?? [];
    expect(bundles).toEqual([path.join('.secure-factory', 'evidence', 'source.sigstore.json')]);
    expect(run.outputs['attestation-ids']).toBe('4001');
    expect(posted[0]?.url).toBe('/repos/acme/app/attestations');
    expect(posted[0]?.auth).toBe('Bearer ghs_test_token');
    expect(posted[0]?.body.bundle?.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    // …and the same bundle attached to the release.
    expect(posted[1]?.url).toBe('/uploads/repos/acme/app/releases/1/assets?name=source.sigstore.json');
    expect((posted[1]?.body as { mediaType?: string }).mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(run.summary).toContain('releases/download/v1.0.0/source.sigstore.json');
    expect(services.requests.map((r) => r.service)).toEqual(expect.arrayContaining(['oidc', 'fulcio', 'rekor']));
    expect(run.summary).toMatch(/1 statement\(s\) signed/);

    const bundlePath = path.join(ws.dir, bundles[0] ?? '');
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as unknown;
    expect(sigstoreBundleValidator()(bundle)).toEqual([]);
    // The statement beside the bundle now names the artefact by its project-relative path (one subject-name rule), and is the exact signed payload.
    const statement = JSON.parse(readFileSync(path.join(ws.dir, '.secure-factory', 'evidence', 'source.intoto.json'), 'utf8')) as {
      subject: unknown[];
    };
    expect(statement.subject).toEqual([
      { name: 'commit', digest: { gitCommit: 'a'.repeat(40) } },
      { name: 'dist/app-1.0.0.tgz', digest: { sha256: ws.artefactDigest } },
    ]);

    const verify = (target: string, identity = services.identity) =>
      runCli([
        'verify-bundle',
        '--bundle',
        bundlePath,
        '--certificate-identity',
        identity,
        '--certificate-oidc-issuer',
        services.issuer,
        '--trusted-root',
        services.trustedRootPath,
        target,
      ]);
    const byFile = await verify(path.join(ws.dir, 'dist', 'app-1.0.0.tgz'));
    expect(byFile.stderr).toMatch(/^OK: /m);
    expect(byFile.exitCode).toBe(0);
    expect((await verify(`sha256:${ws.artefactDigest}`)).exitCode).toBe(0);
    const wrongDigest = await verify(`sha256:${'1'.repeat(64)}`);
    expect(wrongDigest.exitCode).toBe(1);
    expect(wrongDigest.stderr).toMatch(/ARTIFACT_MISMATCH/);
    const wrongIdentity = await verify(
      path.join(ws.dir, 'dist', 'app-1.0.0.tgz'),
      'https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main',
    );
    expect(wrongIdentity.exitCode).toBe(1);
    expect(wrongIdentity.stderr).toMatch(/IDENTITY/);
    // Without --trusted-root the bundled public-good root applies, and it does not trust the local CA.
    const publicGood = await runCli([
      'verify-bundle',
      '--bundle',
      bundlePath,
      '--certificate-identity',
      services.identity,
      '--certificate-oidc-issuer',
      services.issuer,
      `sha256:${ws.artefactDigest}`,
    ]);
    expect(publicGood.exitCode).toBe(1);
  });

  it('a private repository is not sent to the public-good Rekor unless the policy allows it', async () => {
    const ws = workspaceWithEvidence();
    const before = services.requests.length;
    const run = await runAction('attest', {
      workspace: ws.dir,
      inputs: { 'subject-path': 'dist/*.tgz', signer: 'keyless', 'fulcio-url': services.fulcioUrl },
      env: services.actionsEnv(),
      event: { repository: { private: true, full_name: 'acme/app' } },
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toMatch(/public Rekor is not used: the repository is private/);
    // Nothing was signed or sent anywhere but the token endpoint.
    expect(services.requests.slice(before).map((r) => r.service)).toEqual(['oidc']);

    // The token's own claim is enough, whatever the event says.
    services.claims.repository_visibility = 'private';
    try {
      const byClaim = await runAction('attest', {
        workspace: workspaceWithEvidence().dir,
        inputs: { 'subject-path': 'dist/*.tgz', signer: 'keyless', 'fulcio-url': services.fulcioUrl },
        env: services.actionsEnv(),
      });
      expect(byClaim.exitCode).not.toBe(0);
      expect(byClaim.stdout).toMatch(/the repository is private, so it stays off the public log/);
    } finally {
      services.claims.repository_visibility = 'public';
    }
  });

  it('ephemeral: writes ephemeral-key.pub.pem beside the evidence, and the bundle verifies with --key', async () => {
    const ws = workspaceWithEvidence();
    const run = await runAction('attest', { workspace: ws.dir, inputs: { 'subject-path': 'dist/*.tgz', signer: 'ephemeral' } });
    expect(run.exitCode).toBe(0);
    const evidence = path.join(ws.dir, '.secure-factory', 'evidence');
    const res = await runCli([
      'verify-bundle',
      '--bundle',
      path.join(evidence, 'source.sigstore.json'),
      '--key',
      path.join(evidence, 'ephemeral-key.pub.pem'),
      `sha256:${ws.artefactDigest}`,
    ]);
    expect(res.stderr).toMatch(/^OK: /m);
    expect(res.exitCode).toBe(0);
  });

  it('as actions/attest: predicate-type + predicate makes one attestation with bundle-path; push-to-registry without an image subject fails', async () => {
    const ws = workspaceWithEvidence();
    const run = await runAction('attest', {
      workspace: ws.dir,
      inputs: {
        'subject-path': 'dist/*.tgz',
        signer: 'ephemeral',
        'predicate-type': 'https://example.com/release-notes/v1',
        predicate: '{"notes":"first release"}',
      },
    });
    expect(run.exitCode).toBe(0);
    const bundle = path.join('.secure-factory', 'evidence', 'predicate.sigstore.json');
    expect(run.outputs['bundle-path']).toBe(bundle);
    expect(run.outputs['bundle-paths']).toBe(bundle);
    expect(run.outputs['attestation-id']).toBe('');
    const statement = JSON.parse(readFileSync(path.join(ws.dir, '.secure-factory', 'evidence', 'predicate.intoto.json'), 'utf8')) as {
      predicateType: string;
      predicate: unknown;
      subject: { digest: { sha256: string } }[];
    };
    expect(statement.predicateType).toBe('https://example.com/release-notes/v1');
    expect(statement.predicate).toEqual({ notes: 'first release' });
    expect(statement.subject.map((s) => s.digest.sha256)).toEqual([ws.artefactDigest]);

    const push = await runAction('attest', {
      workspace: ws.dir,
      inputs: { 'subject-path': 'dist/*.tgz', signer: 'ephemeral', 'push-to-registry': 'true' },
    });
    expect(push.exitCode).toBe(1);
    expect(push.annotations[0]?.message).toMatch(/push-to-registry needs an image subject, and none was given/);
  });

  it('key: a PEM private key from a secret signs (kept out of the log); the bundle carries the key hint and verifies with the public key', async () => {
    const ws = workspaceWithEvidence();
    const keyFile = path.join(ws.dir, '..', `${path.basename(ws.dir)}-signing.pem`);
    execFileSync('openssl', ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', keyFile]);
    const pub = path.join(ws.dir, '..', `${path.basename(ws.dir)}-signing.pub.pem`);
    execFileSync('openssl', ['ec', '-in', keyFile, '-pubout', '-out', pub], { stdio: 'ignore' });
    const pem = readFileSync(keyFile, 'utf8');
    const run = await runAction('attest', {
      workspace: ws.dir,
      inputs: { 'subject-path': 'dist/*.tgz', signer: 'key', 'private-key': pem },
    });
    expect(run.exitCode).toBe(0);
    const secretLine = pem.split('\n')[1] ?? 'unreachable';
    expect(run.stdout).not.toContain(secretLine);
    const bundlePath = path.join(ws.dir, '.secure-factory', 'evidence', 'source.sigstore.json');
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8')) as { verificationMaterial: { publicKey?: { hint: string } } };
    expect(bundle.verificationMaterial.publicKey?.hint).toMatch(/^[0-9a-f]{64}$/);
    const ok = await runCli(['verify-bundle', '--bundle', bundlePath, '--key', pub, path.join(ws.dir, 'dist', 'app-1.0.0.tgz')]);
    expect(`${ok.exitCode} ${ok.stderr}`).toMatch(/^0 OK/);
    const missing = await runAction('attest', { workspace: workspaceWithEvidence().dir, inputs: { signer: 'key' } });
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stdout).toMatch(/signer: key needs the private-key input/);
  });
});
