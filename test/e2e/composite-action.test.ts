/**
 * The root action.yml (the whole factory in one job) run the way the runner runs a composite action:
 * each `run:` step in bash with its `env:` evaluated (inputs, github.action_path, github.sha), the runner's
 * files shared across steps, and the action's outputs read from the gate step. Local Fulcio/Rekor/OIDC
 * stand in for the public instance through the action's own inputs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { node24Binary, parseAnnotations, parseRunnerFile } from '../support/action-harness.js';
import { REPO_ROOT } from '../support/shared.js';
import { serviceRepository } from './support.js';
import { startSigstoreServices } from '../support/sigstore-services.js';

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ status: number; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-e', '-c', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? 1, stdout });
    });
  });
}

interface CompositeStep {
  id: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}

it('runs the whole factory in one job and admits the example', async () => {
  // One job builds and signs: the builder is the caller's own workflow, pinned by tag.
  const ref = 'acme/node-service/.github/workflows/release.yml@refs/tags/v1.4.2';
  const { dir: ws, head } = serviceRepository('acme/node-service/.github/workflows/release.yml');

  const services = await startSigstoreServices();
  try {
    Object.assign(services.claims, {
      repository: 'acme/node-service',
      sha: head,
      ref: 'refs/tags/v1.4.2',
      workflow_ref: ref,
      job_workflow_ref: ref,
      sf_san: `https://github.com/${ref}`,
    });
    const action = parseYaml(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string }>;
      outputs: Record<string, { value: string }>;
      runs: { using: string; steps: CompositeStep[] };
    };
    expect(action.runs.using).toBe('composite');
    const given: Record<string, string> = {
      build: 'node build.mjs',
      outputs: '*',
      test: 'node --test test/server.test.js',
      'osv-database': path.join(REPO_ROOT, 'examples', 'osv-db'),
      'fulcio-url': services.fulcioUrl,
      'rekor-url': services.rekorUrl,
      'trusted-root': services.trustedRootPath,
    };
    const inputs: Record<string, string> = {};
    for (const [k, spec] of Object.entries(action.inputs)) inputs[k] = given[k] ?? spec.default ?? '';
    const github: Record<string, string> = { action_path: REPO_ROOT, sha: head, token: 'ghs_test' };
    const evaluate = (v: string): string =>
      v.replace(/\$\{\{\s*(inputs|github)\.([\w-]+)\s*\}\}/g, (_m, scope: string, key: string) => {
        const table = scope === 'inputs' ? inputs : github;
        if (!(key in table)) throw new Error(`cannot evaluate ${scope}.${key}`);
        return table[key] as string;
      });

    const runner = mkdtempSync(path.join(tmpdir(), 'sf-composite-runner-'));
    const files = {
      GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
      GITHUB_ENV: path.join(runner, 'env'),
      GITHUB_PATH: path.join(runner, 'path'),
      GITHUB_STATE: path.join(runner, 'state'),
    };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const nodeDir = path.dirname(node24Binary());
    const stepOutputs: Record<string, Record<string, string>> = {};
    for (const step of action.runs.steps) {
      if (step.uses) {
        expect(step.uses).toMatch(/^actions\/setup-node@[0-9a-f]{40}$/); // Node 24 is what the test runs with
        continue;
      }
      const output = path.join(runner, `output-${step.id}`);
      writeFileSync(output, '');
      const env: Record<string, string> = {
        PATH: `${nodeDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        HOME: process.env.HOME ?? runner,
        ...files,
        GITHUB_OUTPUT: output,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ws,
        GITHUB_SHA: head,
        GITHUB_REF: 'refs/tags/v1.4.2',
        GITHUB_REPOSITORY: 'acme/node-service',
        GITHUB_WORKFLOW_REF: ref,
        GITHUB_RUN_ID: String(services.claims.run_id),
        GITHUB_RUN_ATTEMPT: String(services.claims.run_attempt),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'http://127.0.0.1:9',
        RUNNER_TEMP: runner,
        ...services.actionsEnv(),
      };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = evaluate(v);
      // Asynchronous: the local Sigstore and OIDC servers live in this process and must keep answering.
      const r = await bash(step.run ?? '', ws, env);
      const errors = parseAnnotations(r.stdout).filter((a) => a.level === 'error');
      expect([step.id, r.status, errors.map((e) => e.message)]).toEqual([step.id, 0, []]);
      stepOutputs[step.id] = parseRunnerFile(readFileSync(output, 'utf8'));
    }
    const admitted = evaluate(action.outputs.admitted?.value ?? '').replace(
      /\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+)\s*\}\}/g,
      (_m, s: string, o: string) => stepOutputs[s]?.[o] ?? '',
    );
    expect(admitted).toBe('true');
    const summary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain('source ✅ → materials ✅ → build ✅ → attest ✅ → gate ✅');
    // One job of the caller's own workflow holds the signing identity: Build L2, never L3.
    expect(summary).toContain('SLSA_BUILD_LEVEL_2');
    expect(summary).not.toContain('SLSA_BUILD_LEVEL_3');
  } finally {
    await services.close();
  }
}, 600_000);
