/**
 * The five bundled actions run as processes, in the order and with the `with:` inputs that
 * .github/workflows/secure-factory.yml gives them, against local Fulcio/Rekor/OIDC and GitHub API
 * servers, on a real repository: the gate admits the example. Only service endpoints (and the offline
 * OSV snapshot instead of api.osv.dev) are added to what the workflow passes; artifact upload/download
 * between jobs is the shared workspace.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runAction, type ActionRun } from '../support/action-harness.js';
import { startGitHubApiServer } from '../support/github-api-server.js';
import { REPO_ROOT } from '../support/shared.js';
import { serviceRepository } from './support.js';
import { startSigstoreServices } from '../support/sigstore-services.js';

const FACTORY_REF = 'secure-factory/secure-factory/.github/workflows/secure-factory.yml@refs/tags/v1.0.0';

interface Step {
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
}

/** `${{ inputs.x }}` from the caller's inputs; any other expression in an action step's with: is a test failure. */
function evaluate(value: unknown, inputs: Record<string, string | boolean>): string {
  return String(value).replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, k: string) => {
    if (!(k in inputs)) throw new Error(`the workflow passes inputs.${k}, which the test does not give`);
    return String(inputs[k]);
  });
}

it.each([
  ['a branch push', 'refs/heads/main'],
  ['a tag release (the example callers trigger on tags)', 'refs/tags/v1.4.2'],
])(
  'runs source → materials → build → attest → gate as the reusable workflow does for %s, and the gate admits',
  async (_what, ref) => {
    // The adopter's repository: the example service, with its policy pinning the factory as builder.
    const { dir: ws, head } = serviceRepository('secure-factory/secure-factory/.github/workflows/secure-factory.yml');

    const services = await startSigstoreServices();
    const api = await startGitHubApiServer([
      { method: 'POST', path: '/repos/{owner}/{repo}/attestations', status: 201, respond: () => ({ status: 201, body: { id: 4242 } }) },
    ]);
    try {
      Object.assign(services.claims, {
        repository: 'acme/node-service',
        sha: head,
        ref,
        // The caller's workflow, as GITHUB_WORKFLOW_REF below says: the provenance names it as builder.
        workflow_ref: `acme/node-service/.github/workflows/release.yml@${ref}`,
        job_workflow_ref: FACTORY_REF,
        job_workflow_sha: 'b'.repeat(40),
        sf_san: `https://github.com/${FACTORY_REF}`,
      });
      const env = {
        ...services.actionsEnv(),
        GITHUB_SHA: head,
        GITHUB_REF: ref,
        GITHUB_REPOSITORY: 'acme/node-service',
        GITHUB_REPOSITORY_OWNER: 'acme',
        GITHUB_API_URL: api.url,
        GITHUB_RUN_ID: String(services.claims.run_id),
        GITHUB_RUN_ATTEMPT: String(services.claims.run_attempt),
        GITHUB_WORKFLOW_REF: `acme/node-service/.github/workflows/release.yml@${ref}`,
      };
      const callerInputs: Record<string, string | boolean> = {
        build: 'node build.mjs',
        outputs: '*',
        fetch: '',
        test: 'node --test test/server.test.js',
        policy: '.github/secure-factory.yml',
        environment: 'production',
        reproducible: true,
      };
      // Endpoints this test environment provides instead of the public services.
      const overrides: Record<string, Record<string, string>> = {
        'scan-deps': { 'osv-database': path.join(REPO_ROOT, 'examples', 'osv-db'), cache: 'false' },
        attest: { 'fulcio-url': services.fulcioUrl, 'rekor-url': services.rekorUrl },
        'gate-deploy': { 'fulcio-url': services.fulcioUrl, 'rekor-url': services.rekorUrl, 'trusted-root': services.trustedRootPath },
      };

      const wf = parseYaml(readFileSync(path.join(REPO_ROOT, '.github', 'workflows', 'secure-factory.yml'), 'utf8')) as {
        on: { workflow_call: { inputs: Record<string, { default?: string | number | boolean }> } };
        jobs: Record<string, { steps: Step[] }>;
      };
      // An input the caller leaves out takes the reusable workflow's default, as GitHub gives it.
      for (const [name, spec] of Object.entries(wf.on.workflow_call.inputs)) {
        if (!(name in callerInputs) && spec.default !== undefined) callerInputs[name] = String(spec.default);
      }
      const ran: Record<string, ActionRun> = {};
      for (const job of ['source', 'materials', 'build', 'attest', 'gate']) {
        for (const step of wf.jobs[job]?.steps ?? []) {
          if (!step.uses?.startsWith('$/actions/')) continue; // checkout and artifacts: the shared workspace
          const stage = step.uses.slice('$/actions/'.length);
          const inputs: Record<string, string> = {};
          for (const [k, v] of Object.entries(step.with ?? {})) inputs[k] = evaluate(v, callerInputs);
          Object.assign(inputs, overrides[stage] ?? {});
          const r = await runAction(stage, { workspace: ws, inputs, env, applyDefaults: true, timeoutMs: 240_000 });
          ran[stage] = r;
          const errors = r.annotations.filter((a) => a.level === 'error').map((a) => a.message);
          expect([stage, r.exitCode, errors]).toEqual([stage, 0, []]);
        }
      }
      expect(Object.keys(ran)).toEqual(['checkout-verify', 'scan-deps', 'hermetic-build', 'attest', 'gate-deploy']);
      expect(ran['checkout-verify']?.outputs.verified).toBe('true');
      expect(ran['scan-deps']?.outputs['blocking-count']).toBe('0');
      expect(ran['hermetic-build']?.outputs.reproducible).toBe('true');
      const subjects = JSON.parse(ran['hermetic-build']?.outputs.subjects ?? '[]') as { name: string }[];
      expect(subjects.map((s) => s.name).sort()).toEqual(['manifest.json', 'server.js']);
      expect((ran.attest?.outputs['bundle-paths'] ?? '').split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(6);
      expect(
        api.requests.filter((r) => r.method === 'POST' && r.path === '/repos/acme/node-service/attestations').length,
      ).toBeGreaterThanOrEqual(6);
      expect(services.requests.some((r) => r.service === 'fulcio')).toBe(true);
      expect(ran['gate-deploy']?.outputs.allowed).toBe('true');
      expect(ran['gate-deploy']?.summary).toContain('source ✅ → materials ✅ → build ✅ → attest ✅ → gate ✅');
      // The factory's reusable workflow signs apart from the caller's workflow: Build L3.
      expect(ran['gate-deploy']?.summary).toContain('SLSA_BUILD_LEVEL_3');
    } finally {
      await api.close();
      await services.close();
    }
  },
  600_000,
);
