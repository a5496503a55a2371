/**
 * The example callers' own triggers, as GitHub delivers them to the reusable workflow's source job:
 * the bundled checkout-verify action runs as a process with the `with:` inputs that
 * .github/workflows/secure-factory.yml gives it, the runner's environment and event payload of each
 * trigger, against a local GitHub API. The adopter's repository is examples/node-service with its
 * caller workflow copied in, a signed history, and the default policy plus its signers. A tag push
 * (every example caller's trigger), a branch push and a pull request are admitted when the evidence is
 * right, and refused with the source stage's finding when it is not.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runAction, type ActionRun } from '../support/action-harness.js';
import { startGitHubApiServer, type ApiRoute, type GitHubApiServer } from '../support/github-api-server.js';
import { REPO_ROOT } from '../support/shared.js';
import { startSigstoreServices } from '../support/sigstore-services.js';
import { cleanupFixtures, sshKey, TestRepo, type SshKey } from '../source/git-fixtures.js';
import * as rec from '../source/github-recordings.js';

const REPO = 'acme/app';
const FINAL = 'f1a1'.padEnd(40, '0');
const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null };
const signed = { email: 'bob@example.com' };

let bob: SshKey;
let api: GitHubApiServer | undefined;
beforeAll(() => {
  bob = sshKey('bob');
});
afterAll(() => cleanupFixtures());
afterEach(async () => {
  await api?.close();
  api = undefined;
});

type Yaml = Record<string, unknown>;
const load = (file: string): Yaml => parseYaml(readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Yaml;

/** What the reusable workflow's source job passes checkout-verify. */
function verifyStepInputs(): Record<string, string> {
  const steps = ((load('.github/workflows/secure-factory.yml').jobs as Yaml).source as { steps: { uses?: string; with?: Yaml }[] }).steps;
  const step = steps.find((s) => s.uses === '$/actions/checkout-verify');
  if (!step) throw new Error('the source job has no checkout-verify step');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(step.with ?? {})) out[k] = String(v).replace('${{ inputs.policy }}', '.github/secure-factory.yml');
  return out;
}

/** Tag patterns the example callers trigger on (`on: push: tags:`). */
function callerTagPatterns(): { file: string; tags: string[] }[] {
  return readdirSync(path.join(REPO_ROOT, 'workflows'))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => {
      const on = load(`workflows/${f}`).on as { push?: { tags?: string[] } };
      return { file: `workflows/${f}`, tags: on.push?.tags ?? [] };
    });
}

/** examples/node-service with the caller workflow, a signed history, and the default policy plus signers. */
function adopterRepository(caller: string): { repo: TestRepo; release1: string } {
  const repo = new TestRepo();
  cpSync(path.join(REPO_ROOT, 'examples', 'node-service'), repo.dir, {
    recursive: true,
    filter: (src) => !src.includes('.secure-factory'),
  });
  mkdirSync(path.join(repo.dir, '.github', 'workflows'), { recursive: true });
  cpSync(path.join(REPO_ROOT, caller), path.join(repo.dir, '.github', 'workflows', path.basename(caller)));
  const policy = `apiVersion: secure-factory/v1\nsource:\n  signers:\n    - { name: bob, ssh: '${bob.line}', email: bob@example.com }\n`;
  writeFileSync(path.join(repo.dir, '.github', 'secure-factory.yml'), policy);
  repo.git('add', '.');
  repo.commit('initial import', { kind: 'ssh', key: bob }, signed, '.keep', '');
  const release1 = repo.head();
  repo.git('tag', '-a', '-m', 'v1.0.0', 'v1.0.0');
  return { repo, release1 };
}

function routes(head: string, o: { mergedInto?: string; approved?: boolean } = {}): ApiRoute[] {
  return [
    { method: 'GET', path: `/repos/${REPO}/rules/branches/main`, body: rec.branchRules(REPO, { approvals: 1 }) },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/${head}/pulls`,
      body: [
        rec.pull(REPO, { number: 7, author: 'alice', headSha: FINAL, mergeCommitSha: head, merged: true, baseRef: o.mergedInto ?? 'main' }),
      ],
    },
    {
      method: 'GET',
      path: `/repos/${REPO}/pulls/7`,
      body: rec.pull(REPO, { number: 7, author: 'alice', headSha: head, mergeCommitSha: null, merged: false, baseRef: 'main' }),
    },
    {
      method: 'GET',
      path: `/repos/${REPO}/pulls/7/reviews`,
      // The merged pull request's final commit was approved (a pull_request event re-routes this to its head).
      body: o.approved === false ? [] : [rec.review(REPO, 7, { id: 1, reviewer: 'carol', state: 'APPROVED', commitId: FINAL })],
    },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/${FINAL}`,
      body: rec.commit(REPO, FINAL, UNSIGNED, { author: 'alice', committer: 'alice' }),
    },
    {
      method: 'GET',
      path: `/repos/${REPO}/commits/${head}`,
      body: rec.commit(REPO, head, UNSIGNED, { author: 'alice', committer: 'alice' }),
    },
  ];
}

async function verify(repo: TestRepo, trigger: { name: string; ref: string; event: Yaml }): Promise<ActionRun> {
  const head = repo.head();
  return runAction('checkout-verify', {
    workspace: repo.dir,
    inputs: verifyStepInputs(),
    eventName: trigger.name,
    event: { repository: { default_branch: 'main', private: false, full_name: REPO }, ...trigger.event },
    env: { GITHUB_API_URL: api?.url ?? '', GITHUB_REF: trigger.ref, GITHUB_SHA: head, GITHUB_REPOSITORY: REPO },
    applyDefaults: true,
    timeoutMs: 120_000,
  });
}

const errors = (r: ActionRun): string[] => r.annotations.filter((a) => a.level === 'error').map((a) => a.message);

describe.each(callerTagPatterns())('$file (on push tags $tags)', ({ file, tags }) => {
  it('triggers on release tags', () => {
    expect(tags.length).toBeGreaterThan(0);
  });

  it('a signed, reviewed tag release is admitted under the default policy, checked since the previous release', async () => {
    const { repo, release1 } = adopterRepository(file);
    repo.commit('Add the feature (#7)', { kind: 'ssh', key: bob }, signed, 'src/feature.js', 'export const x = 1;\n');
    repo.git('tag', '-a', '-m', 'v1.1.0', 'v1.1.0');
    const head = repo.head();
    api = await startGitHubApiServer(routes(head));
    const r = await verify(repo, {
      name: 'push',
      ref: 'refs/tags/v1.1.0',
      event: { ref: 'refs/tags/v1.1.0', before: '0'.repeat(40), after: head },
    });
    expect(errors(r)).toEqual([]);
    expect(r.outputs).toMatchObject({ verified: 'true', 'source-level': 'SLSA_SOURCE_LEVEL_3' });
    expect(r.summary).toContain('v1.0.0..v1.1.0 \\(since the previous release\\)'); // Markdown-escaped
    expect(r.summary).not.toContain(release1);
    expect(api.requests.some((q) => q.path === `/repos/${REPO}/rules/branches/main`)).toBe(true);
  });

  it('a tag on a commit merged into another branch is refused by the source stage, saying so', async () => {
    const { repo } = adopterRepository(file);
    repo.commit('Experiment (#7)', { kind: 'ssh', key: bob }, signed, 'src/feature.js', 'export const x = 2;\n');
    repo.git('tag', '-a', '-m', 'v1.1.0', 'v1.1.0');
    const head = repo.head();
    api = await startGitHubApiServer(routes(head, { mergedInto: 'experiments' }));
    const r = await verify(repo, {
      name: 'push',
      ref: 'refs/tags/v1.1.0',
      event: { ref: 'refs/tags/v1.1.0', before: '0'.repeat(40), after: head },
    });
    expect(r.exitCode).toBe(1);
    expect(r.outputs.verified).toBe('false');
    expect(errors(r).join('\n')).toMatch(/came from pull request #7 into experiments, not into the protected branch main/);
  });
});

describe('the other triggers adopters add', () => {
  const caller = 'workflows/node-service.yml';

  it('a branch push is checked from its before commit and admitted; an unsigned commit in it is refused', async () => {
    const { repo, release1 } = adopterRepository(caller);
    repo.commit('Add the feature (#7)', { kind: 'ssh', key: bob }, signed, 'src/feature.js', 'export const x = 1;\n');
    const head = repo.head();
    api = await startGitHubApiServer(routes(head));
    const push = { name: 'push', ref: 'refs/heads/main', event: { ref: 'refs/heads/main', before: release1, after: head } };
    const ok = await verify(repo, push);
    expect(errors(ok)).toEqual([]);
    expect(ok.outputs.verified).toBe('true');
    expect(ok.summary).toContain(`${release1.slice(0, 12)}..HEAD`);

    const sneaky = repo.commit('sneaky', { kind: 'none' }, signed);
    repo.commit('Add more (#7)', { kind: 'ssh', key: bob }, signed);
    api.route(routes(repo.head())[1] as ApiRoute);
    const bad = await verify(repo, { ...push, event: { ...push.event, after: repo.head() } });
    expect(bad.outputs.verified).toBe('false');
    expect(errors(bad).join('\n')).toContain(sneaky.slice(0, 12));
  });

  it('a pull request is checked from its base, its approval on its head', async () => {
    const { repo, release1 } = adopterRepository(caller);
    repo.commit('pr work', { kind: 'ssh', key: bob }, signed, 'src/feature.js', 'export const x = 1;\n');
    const head = repo.head();
    api = await startGitHubApiServer([
      ...routes(head),
      {
        method: 'GET',
        path: `/repos/${REPO}/pulls/7/reviews`,
        body: [rec.review(REPO, 7, { id: 2, reviewer: 'carol', state: 'APPROVED', commitId: head })],
      },
    ]);
    const pr = {
      name: 'pull_request',
      ref: 'refs/pull/7/merge',
      event: { number: 7, pull_request: { number: 7, base: { sha: release1, ref: 'main' }, head: { sha: head } } },
    };
    const ok = await verify(repo, pr);
    expect(errors(ok)).toEqual([]);
    expect(ok.outputs).toMatchObject({ verified: 'true', 'source-level': 'SLSA_SOURCE_LEVEL_3' });

    // Without an approval on its head the pull request is refused by the source stage.
    api.route({ method: 'GET', path: `/repos/${REPO}/pulls/7/reviews`, body: [] });
    const refused = await verify(repo, pr);
    expect(refused.outputs.verified).toBe('false');
    expect(errors(refused).join('\n')).toMatch(/pull request #7 has 0 of 1 required approval/);
  });
});

describe('the whole chain for a signed, reviewed tag release under the default source policy', () => {
  const FACTORY = 'secure-factory/secure-factory/.github/workflows/secure-factory.yml';
  const FACTORY_REF = `${FACTORY}@refs/tags/v1.0.0`;

  /** `${{ inputs.x }}` from the caller's `with:`; anything else in an action step's with: is a test failure. */
  const evaluate = (value: unknown, inputs: Record<string, string>): string =>
    String(value).replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, k: string) => {
      if (!(k in inputs)) throw new Error(`the workflow passes inputs.${k}, which the test does not give`);
      return inputs[k] as string;
    });

  it.each([
    ['a tag push is admitted', 'refs/tags/v1.1.0', true],
    ['a branch push is refused by the gate, at the source stage: production deploys only from release tags', 'refs/heads/main', false],
  ])(
    'workflows/node-service.yml: %s',
    async (_what, ref, admitted) => {
      const { repo } = adopterRepository('workflows/node-service.yml');
      // The example's policy for the other stages; for the source stage only the signers (the defaults
      // otherwise: every commit signed, one independent approval, branch protection); the factory as builder.
      const example = readFileSync(path.join(REPO_ROOT, 'examples', 'node-service', '.github', 'secure-factory.yml'), 'utf8');
      const rest = example.slice(example.indexOf('\nmaterials:') + 1);
      const policy = `apiVersion: secure-factory/v1\nsource:\n  signers:\n    - { name: bob, ssh: '${bob.line}', email: bob@example.com }\n${rest.replace(
        '    require: [provenance, source, sbom, vulnerabilities, tests]',
        `    require: [provenance, source, sbom, vulnerabilities, tests]\n    builder: ${FACTORY}\n    source-level: 3\n    refs: ['refs/tags/v*']\n    environments: [production]`,
      )}`;
      writeFileSync(path.join(repo.dir, '.github', 'secure-factory.yml'), policy);
      repo.git('add', '.github/secure-factory.yml');
      repo.commit('Release 1.1.0 (#7)', { kind: 'ssh', key: bob }, signed, 'CHANGELOG.md', '1.1.0\n');
      repo.git('tag', '-a', '-m', 'v1.1.0', 'v1.1.0');
      const head = repo.head();

      const services = await startSigstoreServices();
      api = await startGitHubApiServer([
        ...routes(head),
        { method: 'POST', path: '/repos/{owner}/{repo}/attestations', status: 201, respond: () => ({ status: 201, body: { id: 4242 } }) },
      ]);
      try {
        Object.assign(services.claims, {
          repository: REPO,
          sha: head,
          ref,
          workflow_ref: `${REPO}/.github/workflows/node-service.yml@${ref}`,
          job_workflow_ref: FACTORY_REF,
          job_workflow_sha: 'b'.repeat(40),
          sf_san: `https://github.com/${FACTORY_REF}`,
          // The gate job runs in the GitHub environment (the workflow's github-environment input): GitHub
          // signs it into the job's OIDC token, and that is the only place the gate takes it from.
          environment: 'production',
        });
        const env = {
          ...services.actionsEnv(),
          GITHUB_SHA: head,
          GITHUB_REF: ref,
          GITHUB_REPOSITORY: REPO,
          GITHUB_API_URL: api.url,
          GITHUB_RUN_ID: String(services.claims.run_id),
          GITHUB_RUN_ATTEMPT: String(services.claims.run_attempt),
          GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/node-service.yml@${ref}`,
        };
        const before = ref.startsWith('refs/tags/') ? '0'.repeat(40) : repo.git('rev-parse', 'HEAD~1').trim();
        const event = { ref, before, after: head, repository: { default_branch: 'main', private: false, full_name: REPO } };
        // The caller's with:, as workflows/node-service.yml passes it (commands adapted to the example's files).
        const callerInputs = {
          build: 'node build.mjs',
          outputs: '*',
          fetch: '',
          test: 'node --test test/server.test.js',
          policy: '.github/secure-factory.yml',
          environment: 'production',
          reproducible: 'false',
        };
        const overrides: Record<string, Record<string, string>> = {
          'scan-deps': { 'osv-database': path.join(REPO_ROOT, 'examples', 'osv-db'), cache: 'false' },
          attest: { 'fulcio-url': services.fulcioUrl, 'rekor-url': services.rekorUrl },
          'gate-deploy': { 'fulcio-url': services.fulcioUrl, 'rekor-url': services.rekorUrl, 'trusted-root': services.trustedRootPath },
        };
        const wf = load('.github/workflows/secure-factory.yml') as {
          on: { workflow_call: { inputs: Record<string, { default?: string | number | boolean }> } };
          jobs: Record<string, { steps: { uses?: string; with?: Yaml }[] }>;
        };
        // An input the caller leaves out takes the reusable workflow's default, as GitHub gives it.
        for (const [name, spec] of Object.entries(wf.on.workflow_call.inputs)) {
          if (!(name in callerInputs) && spec.default !== undefined) (callerInputs as Record<string, string>)[name] = String(spec.default);
        }
        const ran: Record<string, ActionRun> = {};
        for (const job of ['source', 'materials', 'build', 'attest', 'gate']) {
          for (const step of wf.jobs[job]?.steps ?? []) {
            if (!step.uses?.startsWith('$/actions/')) continue; // checkout and artifacts: the shared workspace
            const stage = step.uses.slice('$/actions/'.length);
            const inputs: Record<string, string> = {};
            for (const [k, v] of Object.entries(step.with ?? {})) inputs[k] = evaluate(v, callerInputs);
            Object.assign(inputs, overrides[stage] ?? {});
            const r = await runAction(stage, {
              workspace: repo.dir,
              inputs,
              env,
              event,
              eventName: 'push',
              applyDefaults: true,
              timeoutMs: 240_000,
            });
            ran[stage] = r;
            if (stage !== 'gate-deploy') expect([stage, r.exitCode, errors(r)]).toEqual([stage, 0, []]);
          }
        }
        expect(ran['checkout-verify']?.outputs['source-level']).toBe('SLSA_SOURCE_LEVEL_3');
        const gate = ran['gate-deploy'] as ActionRun;
        if (admitted) {
          expect([gate.exitCode, errors(gate)]).toEqual([0, []]);
          expect(gate.outputs.allowed).toBe('true');
          expect(gate.summary).toContain('source ✅ → materials ✅ → build ✅ → attest ✅ → gate ✅');
          expect(gate.summary).toContain('SLSA_SOURCE_LEVEL_3');
          // The environment came from the job's token: the decision log says which and that it passed.
          const decision = JSON.parse(readFileSync(path.resolve(repo.dir, gate.outputs['decision-path'] ?? ''), 'utf8')) as {
            artefacts: { checks: { id: string; status: string; reason: string }[] }[];
          };
          expect(decision.artefacts[0]?.checks.find((c) => c.id === 'github-environment')).toMatchObject({
            status: 'pass',
            reason: 'production',
          });
        } else {
          expect(gate.exitCode).toBe(1);
          expect(gate.outputs.allowed).toBe('false');
          expect(gate.summary).toContain('source ❌ → materials ✅ → build ✅ → attest ✅ → gate ❌');
          expect(gate.annotations.find((a) => a.level === 'error')?.properties.title).toMatch(/^gate production(:|%3A) source · ref/);
          expect(errors(gate).join('\n')).toMatch(/refs\/heads\/main is not one of refs\/tags\/v\*/);
        }
      } finally {
        await services.close();
      }
    },
    600_000,
  );
});
