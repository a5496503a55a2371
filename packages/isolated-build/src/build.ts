/**
 * One hermetic build of a project as it is: fetch (materials from the lockfile, through the egress
 * proxy), build and test with the project's own commands in a copy-on-write workspace of the verified
 * checkout (workspace.ts), source integrity checked after every phase, subjects, optional
 * reproducibility check, then SLSA provenance v1 into the evidence folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  ConfigurationError,
  decodeUtf8,
  EvidenceFolder,
  pathPattern,
  PolicyViolation,
  readRegularFile,
  readRegularFileSync,
  UnsafeFileError,
  type Finding,
  type Logger,
  type Subject,
} from '@secure-factory/core';
import { egressAllowList, proxyEnvironment, startEgressProxy, type EgressConnection, type EgressProxy } from './egress-proxy.js';
import { recordedVariables, sandboxEnvironment } from './environment.js';
import {
  cacheKeyPrefix,
  restoreFetchCache,
  saveFetchCache,
  SANDBOX_CACHE,
  type FetchCacheOptions,
  type FetchCacheReport,
} from './fetch-cache.js';
import { readRunContext } from './github-context.js';
import { lockfileDependencies } from './lockfile-dependencies.js';
import { provenanceStatement, testResultStatement } from './provenance.js';
import { compareOutputs, type ReproducibilityResult } from './reproducibility.js';
import {
  detectSandbox,
  runSandboxed,
  SANDBOX_HOME,
  SANDBOX_OUTPUT,
  SANDBOX_SOURCE,
  SANDBOX_TEMP,
  type DetectOptions,
  type SandboxResult,
  type SandboxTool,
} from './sandbox.js';
import type { NetworkMode } from './settings.js';
import { readSourceInfo, type SourceInfo } from './source-info.js';
import { checkGlob, collectOutputs, outputSubjects, type OutputFile } from './subjects.js';
import { missingTool, usedToolchains, type Toolchain } from './toolchains.js';
import {
  assertNoSymlinks,
  createWorkspace,
  layerDir,
  linkOutputs,
  lowerLayers,
  prepareLayer,
  readIntegrityReport,
  removeWorkspace,
  type PhaseIntegrity,
  type PhaseName,
  type WorkspaceLayout,
} from './workspace.js';

export interface BuildOptions {
  /** The source folder (a git checkout): the read-only lowest layer of the build's workspace. */
  source: string;
  /** argv of the build command (the action passes `/bin/sh -c <command>`). */
  command: readonly string[];
  /** Globs relative to the project (files the build wrote there) and to $SECURE_FACTORY_OUT. */
  outputs: readonly string[];
  evidence: string;
  network: NetworkMode;
  /** Hosts the fetch may reach besides its lockfiles' registries (`build.network.allow`): `host`, `host:port`, `*.example.com`. */
  networkAllow?: readonly string[] | undefined;
  reproducible: boolean;
  timeoutMs: number;
  /** Allow-listed environment variable names (validated). */
  env: readonly string[];
  fetchCommand?: string | undefined;
  testCommand?: string | undefined;
  /** The fetch phase's cache folder (bound at /cache, `SECURE_FACTORY_CACHE`), optionally restored and saved with digest verification. */
  cache?: FetchCacheOptions | undefined;
  /** Host folder receiving the outputs (bound writable at /out); default `<source>/.secure-factory/out` (recreated each run). */
  outputDir?: string | undefined;
  /** The name (`registry/name`) of the image an OCI layout among the outputs holds; its manifest digest is the subject. */
  imageName?: string | undefined;
  logger: Logger;
  hostEnv?: NodeJS.ProcessEnv;
  sandbox?: DetectOptions;
  /** Build output lines; default: logger.info. */
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

export interface IsolationReport {
  tool: SandboxTool['kind'];
  version: string;
  note?: string;
  apparmor: SandboxTool['apparmor'];
  network: { build: 'loopback-only'; fetch: 'egress-proxy' | 'loopback-only' | 'not-run' };
  /** The fetch phase's allow-list (lockfile registries + build.network.allow), when it had the proxy. */
  egressAllow?: string[];
  /** The checkout is never written: the phases write into overlay layers above it. */
  source: 'copy-on-write';
  workspace: 'overlayfs';
  layout: { source: string; output: string; temp: string; home: string };
  namespaces: string[];
  capabilities: 'none';
  environment: { allowList: string[]; passed: string[]; fixed: Record<string, string> };
  timeoutMs: number;
}

/** Source integrity: every tracked file the phases touched compared with the commit, `.git/` watched, the checkout itself before and after. */
export interface IntegrityReport {
  unchanged: boolean;
  commit: string;
  /** Files in the commit. */
  tracked: number;
  phases: PhaseIntegrity[];
  /** Changes to the host checkout (the lowest layer) between the start and the end of the run. */
  host: { changed: string[]; added: string[]; removed: string[] };
  /** Everything above, by path (tracked files changed or gone; `.git/` entries in `git`). */
  changed: string[];
  added: string[];
  removed: string[];
  git: string[];
}

/** Why the build failed, for run, --json and the action summary. */
export interface PhaseFailure {
  phase: 'fetch' | 'build' | 'test' | 'build-2';
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The last lines of the phase's output (stderr, else stdout). */
  lastLines: string[];
  setupError?: string;
}

export interface BuildResult {
  /** true when the command, tests and checks passed (no blocking finding). */
  passed: boolean;
  subjects: Subject[];
  isolation: IsolationReport;
  /** undefined when not checked. */
  reproducible: boolean | undefined;
  reproducibility?: ReproducibilityResult;
  integrity?: IntegrityReport;
  /** What the fetch cache did (restored, verified, saved), when a cache folder was given. */
  cache?: FetchCacheReport;
  /** Every connection the fetch phase made through the egress proxy. */
  egress?: EgressConnection[];
  toolchains?: Toolchain[];
  /** The first phase that failed, with its exit status and last lines. */
  failure?: PhaseFailure;
  findings: Finding[];
  provenancePath?: string;
  testResultPath?: string;
  /** Host folder holding the outputs under their subject names. */
  outputDir: string;
  commit?: string;
  /** Milliseconds spent in each phase (for the overhead benchmark and --verbose). */
  timings: Record<string, number>;
}

const NETWORK_FAILURE =
  /ENOTCACHED|only-if-cached|Failed to connect|Couldn't connect|Network is unreachable|ENETUNREACH|EAI_AGAIN|getaddrinfo|Temporary failure in name resolution|Could not resolve host|ECONNREFUSED/;
const SOURCE_WRITE = /(?:EROFS|Read-only file system)/;
/** The in-sandbox port of the egress forwarder (the fetch phase has a network namespace of its own). */
const PROXY_PORT = 3128;

function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/** The paths a failed write into a read-only folder names (`/src/...`). */
export function sourceWritePaths(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    if (!SOURCE_WRITE.test(line)) continue;
    for (const m of line.matchAll(/(\/src\/[^\s'":,)]+|\/src(?=['"\s:,)]|$))/g)) if (m[1]) out.add(m[1]);
  }
  return [...out].sort();
}

async function freshDir(dir: string, ours: boolean): Promise<void> {
  let entries: string[] = [];
  try {
    entries = await readdir(dir);
  } catch {
    // absent: created below
  }
  if (entries.length > 0) {
    if (!ours) {
      throw new ConfigurationError(`the output folder ${dir} is not empty`, {
        hint: 'give an empty or new folder: outputs must come from this build only',
      });
    }
    await rm(dir, { recursive: true, force: true });
  }
  await mkdir(dir, { recursive: true });
}

/** Paths of the checkout that differ from the commit (git status), each with the digest of what is there now. */
function hostState(source: string): Map<string, string> {
  const r = spawnSync('git', ['-C', source, 'status', '--porcelain=v1', '-z', '--untracked-files=all'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
  const out = new Map<string, string>();
  if (r.status !== 0) return out;
  const recs = r.stdout.split('\0');
  const paths: string[] = [];
  const untracked = new Set<string>();
  for (let i = 0; i < recs.length; i++) {
    const rec = recs[i] ?? '';
    if (rec.length < 4) continue;
    if (rec[0] === 'R' || rec[0] === 'C') i++; // the rename's source follows
    const p = rec.slice(3);
    if (p.startsWith('.secure-factory/')) continue;
    paths.push(p);
    if (rec.startsWith('??')) untracked.add(p);
  }
  // One git process hashes every present file (a symlink by its target text, as git stores it).
  const present = paths.filter((p) => lstatSync(path.join(source, p), { throwIfNoEntry: false })?.isFile() === true);
  const h = spawnSync('git', ['-C', source, 'hash-object', '--no-filters', '--stdin-paths'], {
    input: present.join('\n'),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const ids = h.status === 0 ? h.stdout.trim().split('\n') : [];
  present.forEach((p, i) => out.set(p, ids[i] ?? 'unreadable'));
  for (const p of paths) {
    if (out.has(p)) continue;
    const st = lstatSync(path.join(source, p), { throwIfNoEntry: false });
    out.set(p, st?.isSymbolicLink() ? `link:${readlinkSync(path.join(source, p))}` : st ? 'other' : 'absent');
  }
  // Untracked paths are marked, so a new file reads as added and a tracked one as changed.
  for (const p of untracked) out.set(p, `untracked:${out.get(p) ?? ''}`);
  return out;
}

function diffHostState(before: Map<string, string>, after: Map<string, string>): IntegrityReport['host'] {
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [p, d] of after) {
    const b = before.get(p);
    if (b === undefined) (d === 'absent' ? removed : d.startsWith('untracked:') ? added : changed).push(p);
    else if (b !== d) (d === 'absent' ? removed : changed).push(p);
  }
  // A path dirty before and clean after was changed back to the commit's content: changed too.
  for (const p of before.keys()) if (!after.has(p)) changed.push(p);
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}

interface Phase {
  name: PhaseName;
  tool: SandboxTool;
  ws: WorkspaceLayout;
  fetched: boolean;
  cache?: string;
  output?: string;
  outputReadOnly?: boolean;
  proxy?: EgressProxy;
  argv: readonly string[];
  env: Record<string, string>;
  timeoutMs: number;
  hostPath: string;
  readOnly: string[];
  onOutput: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

async function runPhase(p: Phase): Promise<{ result: SandboxResult; integrity?: PhaseIntegrity }> {
  const temp = await mkdtemp(path.join(tmpdir(), 'sf-build-tmp-'));
  const layer = await prepareLayer(p.ws, p.name);
  const report = path.join(p.ws.ctl, `${p.name}.integrity.json`);
  try {
    await mkdir(path.join(temp, 'home'));
    const env: Record<string, string> = { ...p.env, TMPDIR: SANDBOX_TEMP };
    if (p.cache) env.SECURE_FACTORY_CACHE = SANDBOX_CACHE;
    if (p.proxy) Object.assign(env, proxyEnvironment(PROXY_PORT));
    const result = await runSandboxed({
      tool: p.tool,
      phase: p.name,
      argv: p.argv,
      workspace: {
        source: p.ws.source,
        lowerMount: p.ws.lower,
        lowers: lowerLayers(p.ws, p.name, p.fetched),
        upper: layer.upper,
        work: layer.work,
        merged: p.ws.merged,
      },
      home: p.ws.home,
      temp,
      ...(p.output ? { output: p.output } : {}),
      ...(p.cache ? { cache: p.cache } : {}),
      ...(p.proxy ? { proxy: { socketDir: p.proxy.socketDir, port: PROXY_PORT } } : {}),
      outputReadOnly: p.outputReadOnly === true,
      readOnly: p.readOnly,
      ctl: p.ws.ctl,
      check: {
        script: path.join(p.ws.ctl, 'check.cjs'),
        tracked: path.join(p.ws.ctl, 'tracked.json'),
        report,
        algorithm: p.ws.objectFormat,
      },
      env,
      timeoutMs: p.timeoutMs,
      hostPath: p.hostPath,
      onOutput: p.onOutput,
    });
    const integrity = await readIntegrityReport(report, p.name);
    return { result, ...(integrity ? { integrity } : {}) };
  } finally {
    spawnSync('chmod', ['-R', 'u+rwx', temp]);
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

function failed(r: SandboxResult): boolean {
  return r.timedOut || r.setupError !== undefined || r.exitCode !== 0;
}

function describeFailure(phase: PhaseFailure['phase'], r: SandboxResult): PhaseFailure {
  return {
    phase,
    exitCode: r.exitCode,
    signal: r.signal,
    timedOut: r.timedOut,
    lastLines: lastLines(r.stderrTail || r.stdoutTail, 20)
      .split('\n')
      .filter((l) => l.length > 0),
    ...(r.setupError ? { setupError: r.setupError } : {}),
  };
}

/** The largest package.json or .npmrc the build reads for itself. */
const MAX_PROJECT_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The project's package.json, only to explain a missing tool: read through core's safe reader, and
 * anything odd about it (a FIFO, a device, a link leaving the project, too large, not a JSON object)
 * means no hint — never a hang or a read of /dev/zero.
 */
export function hintPackageJson(source: string): Record<string, unknown> | undefined {
  try {
    const file = path.join(source, 'package.json');
    const pkg: unknown = JSON.parse(
      decodeUtf8(
        readRegularFileSync(file, { maxBytes: MAX_PROJECT_FILE_BYTES, within: source, what: 'package.json' }),
        file,
        'package.json',
      ),
    );
    return typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) ? (pkg as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The project's .npmrc, whose registries join the fetch's egress allow-list: none when it does not exist;
 * a FIFO (a plain read blocked the build forever), a device, a link leaving the project, an oversized
 * file or text that is not UTF-8 is refused (exit 2 naming it), its content never quoted.
 */
export async function projectNpmrc(source: string): Promise<string | undefined> {
  const file = path.join(source, '.npmrc');
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, { maxBytes: MAX_PROJECT_FILE_BYTES, within: source, what: '.npmrc' });
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason === 'missing') return undefined;
    throw e;
  }
  return decodeUtf8(bytes, file, '.npmrc');
}

/**
 * A missing tool the project itself declares (package.json dependencies, a node_modules/.bin program)
 * when nothing installed the dependencies: the fix is a fetch, not the runner's PATH.
 */
function declaredDependency(source: string, tool: string, fetched: boolean): string | undefined {
  if (fetched || existsSync(path.join(source, 'node_modules'))) return undefined;
  const pkg = hintPackageJson(source);
  if (!pkg) return undefined;
  for (const field of ['devDependencies', 'dependencies', 'optionalDependencies']) {
    const deps = pkg[field];
    if (deps && typeof deps === 'object' && Object.hasOwn(deps, tool)) return `package.json ${field}`;
  }
  return undefined;
}

/** A JavaScript lockfile at the root while node_modules is absent and no fetch ran. */
function uninstalledLockfile(source: string, fetched: boolean): string | undefined {
  if (fetched || existsSync(path.join(source, 'node_modules'))) return undefined;
  return ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'].find((f) =>
    existsSync(path.join(source, f)),
  );
}

function failureFindings(
  kind: 'fetch' | 'build' | 'test',
  r: SandboxResult,
  timeoutMs: number,
  sandboxPath: string,
  project?: { source: string; fetched: boolean },
): Finding[] {
  const out: Finding[] = [];
  const tail = `${r.stderrTail}\n${r.stdoutTail}`;
  if (r.setupError) {
    out.push({
      rule: 'build/sandbox-failed',
      severity: 'high',
      blocking: true,
      message: `the ${kind} sandbox could not be set up, so the command did not run: ${r.setupError}`,
      help: 'see the log above; the workspace needs overlayfs in a user namespace and bubblewrap',
    });
    return out;
  }
  if (r.timedOut) {
    out.push({
      rule: 'build/timeout',
      severity: 'high',
      blocking: true,
      message: `the ${kind} command was stopped after ${Math.round(timeoutMs / 1000)} s (timeout); the whole process tree was killed`,
      help: 'make the command finish, or raise the timeout (policy build.timeout, --timeout, timeout-minutes)',
    });
    return out;
  }
  const status = r.signal ? `killed by ${r.signal}` : `exit code ${r.exitCode}`;
  const last = lastLines(r.stderrTail || r.stdoutTail, 5);
  out.push({
    rule: kind === 'test' ? 'build/tests-failed' : `build/${kind}-failed`,
    severity: 'high',
    blocking: true,
    message: `the ${kind} command failed (${status})${last ? `: ${last}` : ''}`,
  });
  const tool = r.exitCode === 127 ? missingTool(tail) : undefined;
  const declared = tool && kind !== 'fetch' && project ? declaredDependency(project.source, tool, project.fetched) : undefined;
  if (tool && declared) {
    out.push({
      rule: 'build/dependencies-missing',
      severity: 'high',
      blocking: true,
      message: `the ${kind} command needs \`${tool}\` from the project's dependencies (${declared}), but nothing installed them: no fetch ran`,
      help: "restore the dependencies from the lockfile in the fetch phase before the build: --fetch 'npm ci' (CLI build and run), the fetch input (hermetic-build and the reusable workflow)",
      properties: { tool },
    });
  } else if (tool) {
    const uninstalled = kind !== 'fetch' && project ? uninstalledLockfile(project.source, project.fetched) : undefined;
    out.push({
      rule: 'build/tool-missing',
      severity: 'high',
      blocking: true,
      message: `the ${kind} command needs \`${tool}\`, which is not on the sandbox's PATH (${sandboxPath})`,
      help: `the sandbox sees the host's PATH folders read-only, in that order, plus what the fetch phase installs in the workspace (node_modules/.bin through npm scripts); install ${tool} on the runner or add its folder to PATH${uninstalled ? ` — or, if ${tool} comes from the project's packages: ${uninstalled} is there but nothing installed it (no fetch ran; --fetch 'npm ci', the fetch input)` : ''}`,
      properties: { tool, path: sandboxPath.split(':') },
    });
  }
  if (kind !== 'fetch' && NETWORK_FAILURE.test(tail)) {
    const line = tail.split('\n').find((l) => NETWORK_FAILURE.test(l)) ?? '';
    out.push({
      rule: 'build/network-denied',
      severity: 'high',
      blocking: true,
      message: `the ${kind} tried to reach the network, which the sandbox does not have (only loopback): ${line.trim()}`,
      help: 'fetch every material in the fetch phase (--fetch / fetch-command, e.g. npm ci) from the lockfile; the build runs offline',
    });
  }
  return out;
}

/**
 * Findings of the per-phase source check. `outputs`: the declared output globs. A tracked file that the
 * build phase rewrites and that a declared output glob names is the project's committed copy of an
 * artefact (axios commits dist/): the build regenerates it, which is reported, not refused. Every other
 * change — any change in the fetch or test phase, a removal, a file no declared output names — is.
 * The catch-all default ("every file the build wrote") declares nothing.
 */
function integrityFindings(report: IntegrityReport, outputs: readonly string[] = []): Finding[] {
  const out: Finding[] = [];
  const list = (xs: readonly string[]): string => `${xs.slice(0, 20).join(', ')}${xs.length > 20 ? ', …' : ''}`;
  const declared = outputs.filter((g) => !/^(\*\*(\/\*)?|\*\*\/\*\*)$/.test(g.trim())).map((g) => pathPattern(g.trim()));
  for (const p of report.phases) {
    const buildPhase = p.phase === 'build' || p.phase === 'build-2';
    const regenerated = buildPhase ? p.changed.filter((f) => declared.some((d) => d.test(f))) : [];
    const changed = regenerated.length > 0 ? p.changed.filter((f) => !regenerated.includes(f)) : p.changed;
    if (regenerated.length > 0) {
      out.push({
        rule: 'build/regenerated-output',
        severity: 'low',
        blocking: false,
        message: `the ${p.phase} phase regenerated ${regenerated.length} tracked file(s) that are declared outputs: ${list(regenerated)}; the artefacts are the rebuilt files, which differ from the copies committed in ${report.commit.slice(0, 12)}`,
        help: 'commit the rebuilt files if the repository is meant to hold them, or stop tracking generated files',
        properties: { phase: p.phase, regenerated },
      });
    }
    const touched = [...changed, ...p.removed];
    if (touched.length > 0) {
      out.push({
        rule: 'build/source-modified',
        severity: 'high',
        blocking: true,
        message: `the ${p.phase} phase changed the source of commit ${report.commit.slice(0, 12)}: ${changed.length ? `changed ${list(changed)}` : ''}${changed.length && p.removed.length ? '; ' : ''}${p.removed.length ? `removed ${list(p.removed)}` : ''}`,
        help: buildPhase
          ? 'a build must not rewrite tracked sources. If these are build outputs the repository also commits (a dist/ folder), declare them as outputs (--outputs "dist/**", the outputs input) and the rebuilt files become the artefacts; else generated files belong in untracked paths'
          : 'a fetch or build must not rewrite tracked files: generated files belong in untracked paths (dist/, build/); commit the regenerated file if it is meant to change',
        properties: { phase: p.phase, changed, removed: p.removed },
      });
    }
    if (p.git.length > 0) {
      out.push({
        rule: 'build/git-modified',
        severity: 'high',
        blocking: true,
        message: `the ${p.phase} phase wrote under .git/: ${list(p.git)}`,
        help: p.git.includes('.git/config')
          ? "nothing in a fetch or build may write git hooks, config or the index. A `prepare` script such as husky's (`husky install` sets core.hooksPath) is the usual cause: fetch with `npm ci --ignore-scripts`, or set HUSKY=0 for the fetch"
          : 'nothing in a fetch or build may write git hooks, config or the index; find the script that did (e.g. an npm install script)',
        properties: { phase: p.phase, paths: p.git },
      });
    }
  }
  const h = report.host;
  const hostPaths = [...h.changed, ...h.added, ...h.removed].sort();
  if (hostPaths.length > 0) {
    out.push({
      rule: 'build/source-modified',
      severity: 'high',
      blocking: true,
      message: `the checkout changed on the host while the build ran (${hostPaths.length} path(s)): ${list(hostPaths)}`,
      help: 'nothing may write the checkout during a build; the outputs no longer describe one source',
      properties: { phase: 'host', ...h },
    });
  }
  return out;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const logger = options.logger;
  const hostEnv = options.hostEnv ?? process.env;
  const hostPath = hostEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin';
  if (options.command.length === 0)
    throw new ConfigurationError('no build command was given', { hint: 'secure-factory build [options] -- CMD [ARG...]' });
  options.outputs.forEach(checkGlob);
  if (options.outputs.length === 0)
    throw new ConfigurationError('no output globs were given', { hint: 'pass --outputs GLOB, e.g. "dist/**"' });
  const source = path.resolve(options.source);
  const startedOn = new Date();
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };

  // Isolation first: nothing runs if the build cannot be isolated.
  const tool = detectSandbox({ searchPath: hostPath, logger, ...options.sandbox });
  logger.info(`isolation: ${tool.kind} ${tool.version}${tool.note ? ` (${tool.note})` : ''}`);
  if (tool.kind !== 'bubblewrap')
    logger.warning(`WEAKER ISOLATION: this build ran under ${tool.kind}, not bubblewrap; the default production gate refuses it`);
  lap('detect');
  const src: SourceInfo = readSourceInfo(source, hostEnv);
  const findings: Finding[] = [];
  if (src.dirty.length > 0) {
    findings.push({
      rule: 'build/uncommitted-source',
      severity: 'medium',
      blocking: false,
      message: `the source has uncommitted changes, so commit ${src.commit.slice(0, 12)} does not describe it exactly: ${src.dirty.slice(0, 10).join(', ')}${src.dirty.length > 10 ? ', …' : ''}`,
      help: 'build from a clean checkout',
    });
  }
  const defaultOut = path.join(source, '.secure-factory', 'out');
  const outputDir = path.resolve(options.outputDir ?? defaultOut);
  // Nothing the factory writes may follow a link it did not make (a committed `.secure-factory -> /`).
  await assertNoSymlinks(source, outputDir);
  await assertNoSymlinks(source, path.resolve(options.evidence));
  const hostBefore = hostState(source);
  const ws = await createWorkspace(source, src.commit);
  lap('source');
  const layout = { source: SANDBOX_SOURCE, output: SANDBOX_OUTPUT, temp: SANDBOX_TEMP, home: SANDBOX_HOME };
  const base = { allow: options.env, hostEnv, sourceDateEpoch: src.commitTime, layout };
  // Host toolchains: PATH in its order, rustup's toolchains and the cargo home read-only; the caches live in the shared HOME.
  const hostHome = hostEnv.HOME ?? homedir();
  const rustupHome = hostEnv.RUSTUP_HOME ?? path.join(hostHome, '.rustup');
  const cargoHome = hostEnv.CARGO_HOME ?? path.join(hostHome, '.cargo');
  const readOnly = [rustupHome, cargoHome, '/opt/hostedtoolcache'].filter((d) => existsSync(d));
  const toolEnv: Record<string, string> = {
    GIT_OPTIONAL_LOCKS: '0',
    CARGO_HOME: `${SANDBOX_HOME}/.cargo`,
    ...(existsSync(rustupHome) ? { RUSTUP_HOME: rustupHome } : {}),
  };
  const offline: Record<string, string> = { CARGO_NET_OFFLINE: 'true', GOPROXY: 'off', npm_config_offline: 'true' };
  const buildEnv = sandboxEnvironment({ ...base, phase: 'build' });
  Object.assign(buildEnv.env, toolEnv, offline);
  const print = options.onOutput ?? ((chunk: string) => logger.info(chunk.replace(/\n$/, '')));
  const useProxy = options.fetchCommand !== undefined && options.network === 'fetch-only';
  const isolation: IsolationReport = {
    tool: tool.kind,
    version: tool.version,
    ...(tool.note ? { note: tool.note } : {}),
    apparmor: tool.apparmor,
    network: { build: 'loopback-only', fetch: options.fetchCommand ? (useProxy ? 'egress-proxy' : 'loopback-only') : 'not-run' },
    source: 'copy-on-write',
    workspace: 'overlayfs',
    layout,
    namespaces:
      tool.kind === 'bubblewrap'
        ? ['user', 'mount', 'network', 'pid', 'ipc', 'uts', 'cgroup']
        : ['user', 'mount', 'network', 'pid', 'ipc', 'uts'],
    capabilities: 'none',
    environment: {
      allowList: [...options.env],
      passed: buildEnv.passed,
      fixed: {
        TZ: 'UTC',
        LC_ALL: 'C',
        SOURCE_DATE_EPOCH: String(src.commitTime),
        HOME: layout.home,
        SECURE_FACTORY_OUT: layout.output,
        ...toolEnv,
      },
    },
    timeoutMs: options.timeoutMs,
  };
  const result: BuildResult = {
    passed: false,
    subjects: [],
    isolation,
    reproducible: undefined,
    findings,
    outputDir,
    commit: src.commit,
    timings,
  };
  const phaseReports: PhaseIntegrity[] = [];
  const finish = (): BuildResult => {
    logger.debug(`timings (ms): ${JSON.stringify(timings)}`);
    result.passed = !findings.some((f) => f.blocking === true);
    return result;
  };
  const fail = (phase: PhaseFailure['phase'], r: SandboxResult): void => {
    result.failure ??= describeFailure(phase, r);
  };
  const common = { tool, ws, timeoutMs: options.timeoutMs, hostPath, readOnly, onOutput: print };

  try {
    // The lockfiles before anything runs: they key the fetch cache, decide the egress allow-list and go into the provenance.
    const deps = await lockfileDependencies(source);
    const commands = [options.fetchCommand ?? '', options.command.join(' '), options.testCommand ?? ''];
    const toolchains = usedToolchains(source, commands, {
      PATH: hostPath,
      HOME: hostHome,
      ...(existsSync(rustupHome) ? { RUSTUP_HOME: rustupHome } : {}),
    });

    // 1. Fetch: the lockfile decides; the only way out is the egress proxy (fetch-only), or none at all.
    let fetched = false;
    if (options.fetchCommand) {
      const cacheDir = options.cache ? path.resolve(options.cache.dir) : undefined;
      const prefix = cacheKeyPrefix(deps.lockfiles, options.fetchCommand);
      if (options.cache && cacheDir) {
        result.cache = await restoreFetchCache({ ...options.cache, dir: cacheDir }, prefix, logger);
        if (result.cache.verified === false) {
          findings.push({
            rule: 'build/cache-poisoned',
            severity: 'high',
            blocking: false,
            message: `the restored fetch cache ${result.cache.matchedKey ?? ''} did not match the content digest recorded when it was saved; it was discarded and the fetch started clean`,
            help: "someone or something altered the cache entry: find out who can write this repository's caches",
          });
        }
      }
      let proxy: EgressProxy | undefined;
      if (useProxy) {
        const npmrc = await projectNpmrc(source);
        isolation.egressAllow = egressAllowList(deps.lockfiles, deps.packages, options.networkAllow ?? [], hostEnv, npmrc);
        proxy = await startEgressProxy(isolation.egressAllow);
      }
      logger.info(
        `fetch: ${options.fetchCommand} (network: ${proxy ? `egress proxy to ${isolation.egressAllow?.join(', ') || 'no host'}` : 'none, loopback only'})`,
      );
      const fetchEnv = sandboxEnvironment({ ...base, phase: 'fetch' });
      delete fetchEnv.env.SECURE_FACTORY_OUT;
      Object.assign(fetchEnv.env, toolEnv);
      let r: SandboxResult;
      try {
        const ran = await runPhase({
          ...common,
          name: 'fetch',
          fetched: false,
          ...(cacheDir ? { cache: cacheDir } : {}),
          ...(proxy ? { proxy } : {}),
          argv: ['/bin/sh', '-c', options.fetchCommand],
          env: fetchEnv.env,
        });
        r = ran.result;
        if (ran.integrity) phaseReports.push(ran.integrity);
      } finally {
        if (proxy) {
          result.egress = proxy.connections;
          await proxy.close();
        }
      }
      fetched = true;
      for (const host of [...new Set((result.egress ?? []).filter((c) => !c.allowed).map((c) => `${c.host}:${c.port}`))]) {
        findings.push({
          rule: 'build/egress-refused',
          severity: 'high',
          blocking: true,
          message: `the fetch tried to reach ${host}, which is neither a registry of its lockfiles nor in build.network.allow; the proxy refused it`,
          help: `if ${host.replace(/:\d+$/, '')} is a registry the project really uses, add it to build.network.allow in the policy`,
          properties: { host },
        });
      }
      if (failed(r)) {
        fail('fetch', r);
        findings.push(...failureFindings('fetch', r, options.timeoutMs, hostPath));
        if (options.network === 'none' && NETWORK_FAILURE.test(r.stderrTail + r.stdoutTail)) {
          findings.push({
            rule: 'build/fetch-offline',
            severity: 'high',
            blocking: true,
            message: 'the fetch command needed the network, and network is none (the fetch phase is offline too)',
            help: 'set build.network: fetch-only in the policy (or --network fetch-only), or fetch from a local cache',
          });
        }
        result.integrity = integrityReport(src.commit, ws.tracked.length, phaseReports, diffHostState(hostBefore, hostState(source)));
        findings.push(...integrityFindings(result.integrity, options.outputs));
        return finish();
      }
      if (options.cache && cacheDir && result.cache)
        await saveFetchCache({ ...options.cache, dir: cacheDir }, prefix, result.cache, logger);
    }
    lap('fetch');

    // 2. Build, in its own layer over the fetched workspace, offline.
    await freshDir(outputDir, outputDir === defaultOut);
    logger.info(`build: ${options.command.join(' ')}`);
    const buildInto = async (name: 'build' | 'build-2', output: string): Promise<{ r: SandboxResult; outputs?: OutputFile[] }> => {
      const ran = await runPhase({ ...common, name, fetched, output, argv: options.command, env: buildEnv.env });
      if (ran.integrity) phaseReports.push(ran.integrity);
      if (failed(ran.result)) return { r: ran.result };
      await linkOutputs(layerDir(ws, name).upper, options.outputs, output);
      return { r: ran.result, outputs: await collectOutputs(output, options.outputs) };
    };
    const built = await buildInto('build', outputDir);
    lap('build');
    const buildOk = !failed(built.r);
    if (!buildOk) {
      fail('build', built.r);
      findings.push(...failureFindings('build', built.r, options.timeoutMs, hostPath, { source: options.source, fetched }));
    }
    const outputs = built.outputs ?? [];
    result.subjects = buildOk ? (await outputSubjects(outputDir, outputs, options.imageName)).subjects : [];
    lap('subjects');

    // 3. Tests: a layer of their own over the build's (they may write temp files in the project, never alter what was built).
    let test: { command: string; passed: boolean; exitCode: number | null; timedOut: boolean } | undefined;
    if (buildOk && options.testCommand) {
      logger.info(`test: ${options.testCommand}`);
      const ran = await runPhase({
        ...common,
        name: 'test',
        fetched,
        output: outputDir,
        outputReadOnly: true,
        argv: ['/bin/sh', '-c', options.testCommand],
        env: buildEnv.env,
      });
      if (ran.integrity) phaseReports.push(ran.integrity);
      const t = ran.result;
      test = { command: options.testCommand, passed: !failed(t), exitCode: t.exitCode, timedOut: t.timedOut };
      if (!test.passed) {
        fail('test', t);
        findings.push(...failureFindings('test', t, options.timeoutMs, hostPath, { source: options.source, fetched }));
      }
    }
    lap('tests');

    // 4. Reproducibility: a second build from the same fetched state into a fresh folder; every digest compared.
    if (buildOk && options.reproducible) {
      const second = await mkdtemp(path.join(tmpdir(), 'sf-build-second-'));
      try {
        logger.info('reproducibility: building a second time from the same fetched workspace');
        let b2: { r: SandboxResult; outputs?: OutputFile[] } = { r: built.r };
        try {
          b2 = await buildInto('build-2', second);
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError || e instanceof PolicyViolation)) throw e;
        }
        if (failed(b2.r)) {
          fail('build-2', b2.r);
          findings.push({
            ...(failureFindings('build', b2.r, options.timeoutMs, hostPath)[0] as Finding),
            message: `the second build failed: ${b2.r.exitCode ?? b2.r.signal ?? b2.r.setupError ?? 'timeout'}`,
          });
        }
        const cmp = await compareOutputs(outputs, b2.outputs ?? []);
        result.reproducibility = cmp;
        result.reproducible = cmp.reproducible;
        if (!cmp.reproducible) {
          const list = cmp.differences
            .slice(0, 10)
            .map((d) =>
              d.onlyIn ? `${d.name} (only in the ${d.onlyIn} build)` : `${d.name} (first difference at byte ${d.firstDifferenceAt ?? '?'})`,
            );
          findings.push({
            rule: 'build/not-reproducible',
            severity: 'high',
            blocking: true,
            message: `the build is not reproducible: ${cmp.differences.length} of ${cmp.compared} output(s) differ between two builds: ${list.join(', ')}`,
            help: 'remove timestamps and randomness (use SOURCE_DATE_EPOCH, sort file lists, fix archive mtimes)',
            properties: { differences: cmp.differences },
          });
        }
      } finally {
        await rm(second, { recursive: true, force: true }).catch(() => undefined);
      }
    }
    lap('reproducibility');

    result.integrity = integrityReport(src.commit, ws.tracked.length, phaseReports, diffHostState(hostBefore, hostState(source)));
    findings.push(...integrityFindings(result.integrity, options.outputs));
    result.toolchains = await toolchains;
    lap('integrity');
    if (!buildOk) return finish();

    // 5. Evidence.
    const run = readRunContext(hostEnv, source);
    const finishedOn = new Date();
    const evidence = new EvidenceFolder(options.evidence);
    const statement = provenanceStatement({
      subjects: result.subjects,
      source: src,
      run,
      externalParameters: {
        source: { uri: `${src.repositoryUri ?? 'git+file:source'}@${src.commit}`, digest: { gitCommit: src.commit } },
        command: [...options.command],
        outputs: [...options.outputs],
        network: options.network,
        ...(options.networkAllow?.length ? { networkAllow: [...options.networkAllow] } : {}),
        ...(options.fetchCommand ? { fetchCommand: options.fetchCommand } : {}),
        ...(options.testCommand ? { testCommand: options.testCommand } : {}),
        reproducible: options.reproducible,
        timeoutMs: options.timeoutMs,
        environment: recordedVariables(hostEnv, buildEnv.passed),
        ...(run.workflow ? { workflow: run.workflow } : {}),
        ...(run.workflowInputs ? { inputs: run.workflowInputs } : {}),
        ...(run.eventName ? { eventName: run.eventName } : {}),
      },
      internalParameters: {
        isolation,
        toolchains: result.toolchains,
        ...(result.cache ? { fetchCache: result.cache } : {}),
        ...(run.runner ? { runner: run.runner } : {}),
      },
      lockfiles: deps.lockfiles,
      packages: deps.packages,
      byproducts: {
        isolation: { tool: isolation.tool, version: isolation.version, workspace: isolation.workspace, network: isolation.network },
        integrity: result.integrity,
        toolchains: result.toolchains,
        ...(result.egress ? { egress: result.egress } : {}),
        ...(result.cache ? { fetchCache: result.cache } : {}),
        ...(result.reproducibility ? { reproducibility: result.reproducibility } : {}),
        ...(test ? { tests: { passed: test.passed, exitCode: test.exitCode, timedOut: test.timedOut } } : {}),
        ...(result.failure ? { failure: result.failure } : {}),
        findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, blocking: f.blocking === true, message: f.message })),
      },
      startedOn,
      finishedOn,
    });
    result.provenancePath = await evidence.write('provenance', statement);
    if (test) result.testResultPath = await evidence.write('tests', testResultStatement(result.subjects, test, run));
    lap('evidence');
    logger.info(`provenance: ${result.provenancePath} (${result.subjects.length} subject(s), ${deps.packages.length} lockfile package(s))`);
    return finish();
  } finally {
    await removeWorkspace(ws);
  }
}

function integrityReport(commit: string, tracked: number, phases: PhaseIntegrity[], host: IntegrityReport['host']): IntegrityReport {
  const seen = new Set<string>();
  const changed: string[] = [];
  const removed: string[] = [];
  const git: string[] = [];
  for (const p of phases) {
    for (const x of p.changed) if (!seen.has(x) && seen.add(x)) changed.push(x);
    for (const x of p.removed) if (!seen.has(x) && seen.add(x)) removed.push(x);
    for (const x of p.git) if (!seen.has(x) && seen.add(x)) git.push(x);
  }
  changed.push(...host.changed.filter((x) => !seen.has(x)));
  removed.push(...host.removed.filter((x) => !seen.has(x)));
  const added = [...host.added];
  return {
    unchanged: changed.length + removed.length + git.length + added.length === 0,
    commit,
    tracked,
    phases,
    host,
    changed: changed.sort(),
    added,
    removed: removed.sort(),
    git: git.sort(),
  };
}
