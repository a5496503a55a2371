/**
 * The scheduled rescan as GitHub runs it: the bundled scan-deps action in rescan mode with
 * `rescan-clock: keyless` (the runner's OIDC token → the local Fulcio, the local TSA) and
 * `rescan-workflows` (least-privilege drift of the checkout). The clock's event is signed by the job's
 * workflow and stamped by the TSA; the drift is in the job summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PREDICATE } from '@secure-factory/core';
import { readEventLog } from '@secure-factory/rescan';
import { postureOfFiles, postureStatement } from '@secure-factory/source';
import { createBundleVerifier, loadTrustedRoot } from '@secure-factory/verify';
import { runAction } from '../support/action-harness.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import { digestOf, MINIMIST, osvSnapshot } from './org-fixtures.js';

const WORKFLOW =
  'name: release\non: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    permissions:\n      contents: read\n    steps:\n      - run: make\n';

let services: SigstoreServices;
let tsaNow = new Date();
beforeAll(async () => {
  services = await startSigstoreServices({ tsaClock: () => tsaNow });
});
afterAll(async () => services.close());

describe('scan-deps rescan mode with the keyless clock and the drift check', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'sf-rescan-action-'));
  });
  afterEach(async () => rm(work, { recursive: true, force: true }));

  it('signs the opened remediation with the job identity on the TSA time and reports drift in the summary', async () => {
    // The default branch checkout: the release had contents: read, the branch now writes.
    const repo = path.join(work, 'repo');
    await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
    await writeFile(path.join(repo, '.github', 'workflows', 'release.yml'), WORKFLOW.replace('contents: read', 'contents: write'));
    execFileSync('git', ['init', '-q', '-b', 'main', repo]);

    // The admitted run: SBOM (minimist@1.2.0), the posture recorded at release, a deployment record.
    const evidence = path.join(repo, '.secure-factory', 'deployed', 'runs', '1-1', 'evidence');
    const hex = digestOf('app.tgz');
    await mkdir(path.join(evidence, 'deployments'), { recursive: true });
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [{ type: 'library', name: 'minimist', version: '1.2.0', purl: 'pkg:npm/minimist@1.2.0' }],
    };
    const subject = [{ name: 'app.tgz', digest: { sha256: hex } }];
    await writeFile(
      path.join(evidence, 'sbom.intoto.json'),
      JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject, predicateType: PREDICATE.cyclonedx, predicate: bom }),
    );
    const posture = postureStatement({
      repoUri: 'https://github.com/acme/app',
      head: 'e'.repeat(40),
      posture: postureOfFiles([{ path: '.github/workflows/release.yml', text: WORKFLOW }]),
      now: new Date(),
    });
    posture.subject.push(...subject);
    await writeFile(path.join(evidence, 'workflow-posture.intoto.json'), JSON.stringify(posture));
    await writeFile(
      path.join(evidence, 'deployments', `20261201T080000Z-production-${hex.slice(0, 12)}-abc123.json`),
      JSON.stringify({
        apiVersion: 'secure-factory/deployment/v1',
        environment: 'production',
        digest: `sha256:${hex}`,
        name: 'app.tgz',
        time: '2026-12-01T08:00:00.000Z',
        vsa: { path: 'vsa.intoto.json', sha256: 'a'.repeat(64) },
        decisionPath: 'decision.json',
        policy: null,
      }),
    );
    const osv = await osvSnapshot(path.join(work, 'osv'), [MINIMIST]);
    tsaNow = new Date(Date.now() + 60_000); // inside the Fulcio certificate's ten minutes

    const run = await runAction('scan-deps', {
      workspace: repo,
      applyDefaults: true,
      env: services.actionsEnv(),
      inputs: {
        rescan: '.secure-factory/deployed/runs',
        'rescan-state': '.secure-factory/deployed',
        'rescan-workflows': '.',
        'rescan-clock': 'keyless',
        'rescan-tsa-url': services.tsaUrl,
        'rescan-fulcio-url': services.fulcioUrl,
        'rescan-trusted-root': services.trustedRootPath,
        'osv-database': osv,
        cache: 'false',
      },
    });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['open-count']).toBe('1');
    expect(run.outputs['drift-count']).toBe('1');
    expect(run.summary).toContain('Least-privilege drift');
    expect(run.summary).toContain('contents: write');
    const state = path.join(repo, '.secure-factory', 'deployed');
    expect(await readdir(path.join(state, 'remediation-events'))).toEqual([expect.stringMatching(/-0001-opened\.sigstore\.json$/)]);
    // Signed by the job's workflow (the token's job_workflow_ref), on the TSA's time.
    const log = await readEventLog(state, {
      sign: () => Promise.reject(new Error('read only')),
      verifier: createBundleVerifier({ trustedRoot: await loadTrustedRoot(services.trustedRootPath) }),
      policy: { subjectAlternativeName: services.identity, issuer: services.issuer },
      scope: 'acme/app',
    });
    const [opened] = [...log.chains.values()].flat();
    expect(opened?.time.toISOString()).toBe(new Date(Math.floor(tsaNow.getTime() / 1000) * 1000).toISOString());
  });
});
