/**
 * The gate as people run it: `secure-factory gate` (exit codes 0/1/2/3, --json, --explain) and the
 * gate-deploy action as GitHub runs it (outputs, job summary, annotations, keyless-signed VSA).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifactFromDigest, createBundleVerifier, parseTrustedRoot } from '@secure-factory/verify';
import { runAction } from '../support/action-harness.js';
import { runCli } from '../support/cli.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import { artefact, FACTORY_REF, goodRun, policyText, replace, vulns, writeEvidence, writePolicy } from './chain.js';

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

function copyEvidence(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-gate-copy-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe('secure-factory gate', () => {
  const base = (evidence: string): string[] => [
    '--evidence',
    evidence,
    '--policy',
    policyFile,
    '--environment',
    'production',
    '--trusted-root',
    services.trustedRootPath,
  ];

  it('exit 0 for an admitted artefact file, the decision as JSON on stdout, and an ephemeral-signed VSA', async () => {
    const evidence = copyEvidence(goodDir);
    // Run from the artefact's folder: a file is named by its path relative to the project (the cwd).
    const r = await runCli(['gate', path.basename(art.file), ...base(evidence), '--signer', 'ephemeral', '--json'], {
      cwd: path.dirname(art.file),
    });
    expect(r.stderr).toContain('ADMITTED');
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as {
      allowed: boolean;
      vsaBundlePath: string;
      deploymentPaths: string[];
      artefacts: { name: string }[];
    };
    expect(out.allowed).toBe(true);
    expect(out.artefacts[0]?.name).toBe('app-1.4.2.tgz');
    expect(out.deploymentPaths).toHaveLength(1);
    const pub = path.join(path.dirname(out.vsaBundlePath), 'gate-ephemeral-key.pub.pem');
    const verdict = createBundleVerifier({
      trustedRoot: parseTrustedRoot(services.trustedRoot, services.trustedRootPath),
      publicKeys: [readFileSync(pub, 'utf8')],
    }).verify(JSON.parse(readFileSync(out.vsaBundlePath, 'utf8')), artifactFromDigest(`sha256:${art.digest}`), { requireStatement: true });
    expect(verdict.ok).toBe(true);
    // The next system checks the gate's answer with the interoperable verb.
    const v = await runCli([
      'verify-bundle',
      art.file,
      '--bundle',
      out.vsaBundlePath,
      '--key',
      pub,
      '--trusted-root',
      services.trustedRootPath,
    ]);
    expect(v.stderr).toContain('OK:');
    expect(v.exitCode).toBe(0);
  });

  it('exit 1 for a refusal, and --explain prints every check', async () => {
    const list = [{ id: 'GHSA-xxxx-xxxx-xxxx', score: '9.8' }];
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'vulns', { statement: vulns(art.digest, list) }));
    const r = await runCli(['gate', `sha256:${art.digest}`, ...base(dir), '--signer', 'none', '--explain']);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/REFUSED sha256:[0-9a-f]{64} for production/);
    for (const line of [
      '[PASS] builder identity',
      '[PASS] same run',
      '[FAIL] vulnerabilities',
      '[PASS] scan age',
      '[PASS] tests',
      '[PASS] rule tagged-release',
    ]) {
      expect(r.stderr).toContain(line);
    }
    expect(r.stderr).toContain('fix: upgrade, or add a waiver with an expiry');
  });

  it('exit 2 for a policy that does not parse, with file:line:column', async () => {
    const bad = writePolicy('apiVersion: secure-factory/v1\ndeploy:\n  production: { max-scan-age: soon }\n');
    const r = await runCli([
      'gate',
      `sha256:${art.digest}`,
      '--evidence',
      goodDir,
      '--policy',
      bad,
      '--trusted-root',
      services.trustedRootPath,
      '--signer',
      'none',
      '--json',
    ]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/secure-factory\.yml:3:\d+: deploy\.production\.max-scan-age/);
    expect((JSON.parse(r.stdout) as { allowed: boolean }).allowed).toBe(false);
  });

  it('exit 2 for an artefact that is neither a file nor a digest', async () => {
    const r = await runCli(['gate', 'no-such-file.tgz', ...base(goodDir)]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('is neither a file nor a digest');
  });

  it('exit 3 when the attestations API cannot be reached', async () => {
    const r = await runCli([
      'gate',
      `sha256:${art.digest}`,
      ...base(goodDir),
      '--signer',
      'none',
      '--fetch-attestations',
      '--github-repository',
      'acme/app',
      '--github-api-url',
      'http://127.0.0.1:9',
    ]);
    expect(r.exitCode).toBe(3);
    expect(r.stderr).toContain('cannot reach the GitHub attestations API');
  });
});

describe('gate-deploy action', () => {
  function workspace(evidence: string): string {
    const ws = mkdtempSync(path.join(tmpdir(), 'sf-gate-ws-'));
    cpSync(evidence, path.join(ws, 'evidence'), { recursive: true });
    cpSync(art.file, path.join(ws, 'dist', 'app-1.4.2.tgz'), { recursive: true });
    cpSync(policyFile, path.join(ws, '.github', 'secure-factory.yml'), { recursive: true });
    writeFileSync(path.join(ws, 'trusted_root.json'), JSON.stringify(services.trustedRoot));
    return ws;
  }
  const inputs = {
    'subject-path': 'dist/*.tgz',
    environment: 'production',
    evidence: 'evidence',
    policy: '.github/secure-factory.yml',
    'trusted-root': 'trusted_root.json',
    'fulcio-url': '',
    'rekor-url': '',
  };

  it('admits, sets the outputs, writes the summary, and signs the VSA keyless', async () => {
    const ws = workspace(goodDir);
    const r = await runAction('gate-deploy', {
      workspace: ws,
      inputs: { ...inputs, 'fulcio-url': services.fulcioUrl, 'rekor-url': services.rekorUrl },
      env: services.actionsEnv(),
    });
    expect(r.stderr).toBe('');
    expect(r.outputs.allowed).toBe('true');
    expect(r.exitCode).toBe(0);
    expect(existsSync(path.resolve(ws, r.outputs['decision-path'] ?? ''))).toBe(true);
    expect(existsSync(path.resolve(ws, r.outputs['vsa-bundle-path'] ?? ''))).toBe(true);
    expect(r.summary).toMatch(/\*\*secure-factory gate — production: admitted\*\* · `(dist\/)?app-1\.4\.2\.tgz` sha256:/);
    expect(r.summary).toContain('source ✅ → materials ✅ → build ✅ → attest ✅ → gate ✅');
    expect(r.summary).toContain('```mermaid');
    const v = await runCli([
      'verify-bundle',
      `sha256:${art.digest}`,
      '--bundle',
      path.resolve(ws, r.outputs['vsa-bundle-path'] ?? ''),
      '--certificate-identity',
      services.identity,
      '--certificate-oidc-issuer',
      services.issuer,
      '--trusted-root',
      services.trustedRootPath,
    ]);
    expect(v.exitCode).toBe(0);
  });

  it('with no policy file, the defaults apply and the provenance is pinned to the workflow the gate runs in', async () => {
    const ws = workspace(goodDir);
    rmSync(path.join(ws, '.github'), { recursive: true });
    const saved = { ...services.claims };
    try {
      // The runner's OIDC token names the job's reusable workflow: the factory, called by tag.
      Object.assign(services.claims, { job_workflow_ref: FACTORY_REF, sf_san: `https://github.com/${FACTORY_REF}` });
      const ok = await runAction('gate-deploy', { workspace: ws, inputs: { ...inputs, signer: 'ephemeral' }, env: services.actionsEnv() });
      expect(ok.outputs.allowed).toBe('true');
      expect(ok.summary).toContain('the built-in defaults apply');
      // The same evidence gated from another workflow is refused: its own identity is not the builder.
      Object.assign(services.claims, { job_workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/tags/v1' });
      const ws2 = workspace(goodDir);
      rmSync(path.join(ws2, '.github'), { recursive: true });
      const other = await runAction('gate-deploy', {
        workspace: ws2,
        inputs: { ...inputs, signer: 'ephemeral' },
        env: services.actionsEnv(),
      });
      expect(other.outputs.allowed).toBe('false');
      expect(other.annotations.some((a) => a.message.includes('expected acme/app/.github/workflows/deploy.yml@refs/tags/v1'))).toBe(true);
    } finally {
      for (const k of Object.keys(services.claims)) delete services.claims[k];
      Object.assign(services.claims, saved);
    }
  });

  it('refuses with allowed=false, a failed step and one annotation per failed check', async () => {
    const other = { runId: '9001', commit: '9'.repeat(40) };
    const dir = await writeEvidence(services, replace(goodRun(art.digest), 'tests', { run: other }));
    const r = await runAction('gate-deploy', { workspace: workspace(dir), inputs: { ...inputs, signer: 'ephemeral' } });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.allowed).toBe('false');
    expect(r.outputs['vsa-path']).toMatch(/gate-production-[0-9a-f]{12}\.vsa\.intoto\.json$/);
    const errors = r.annotations.filter((a) => a.level === 'error');
    expect(
      errors.some((a) => /evidence is mixed: tests comes from run 9001/.test(a.message) && /same run/.test(a.properties.title ?? '')),
    ).toBe(true);
    expect(r.summary).toContain('attest ❌');
  });
});
