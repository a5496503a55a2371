/**
 * One hermetic build: fetch (materials from the lockfile), build (isolated), integrity watch, subjects,
 * optional tests and reproducibility check, then SLSA provenance v1 into the evidence folder.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, EvidenceFolder, PolicyViolation, type Finding, type Logger, type Subject } from '@secure-factory/core';
import { recordedVariables, sandboxEnvironment } from './environment.js';
import { watchAfter, watchBefore, type WatchResult } from './integrity-watch.js';
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
import { checkGlob, collectOutputs, toSubjects, type OutputFile } from './subjects.js';

export interface BuildOptions {
  /** The source folder (a git checkout), mounted read-only. */
  source: string;
  /** argv of the build command (the action passes `/bin/sh -c <command>`). */
  command: readonly string[];
  /** Globs relative to the output folder. */
  outputs: readonly string[];
  evidence: string;
  network: NetworkMode;
  reproducible: boolean;
  timeoutMs: number;
  /** Allow-listed environment variable names (validated). */
  env: readonly string[];
  fetchCommand?: string | undefined;
  testCommand?: string | undefined;
  /** The fetch phase's cache folder (bound at /cache, `SECURE_FACTORY_CACHE`), optionally restored and saved with digest verification. */
  cache?: FetchCacheOptions | undefined;
  /** Host folder bound writable at /out; default `<source>/.secure-factory/out` (recreated each run). */
  outputDir?: string | undefined;
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
  network: { build: 'loopback-only'; fetch: 'host' | 'loopback-only' | 'not-run' };
  source: 'read-only';
  layout: { source: string; output: string; temp: string; home: string };
  namespaces: string[];
  capabilities: 'none';
  environment: { allowList: string[]; passed: string[]; fixed: Record<string, string> };
  timeoutMs: number;
}

/** The source tree's digest before and after the build, and what changed (integrity-watch.ts). */
export type IntegrityReport = WatchResult;

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
  findings: Finding[];
  provenancePath?: string;
  testResultPath?: string;
  outputDir: string;
  commit?: string;
  /** Milliseconds spent in each phase (for the overhead benchmark and --verbose). */
  timings: Record<string, number>;
}

/** Names skipped by the integrity watch: git's own bookkeeping and the factory's output and evidence. */
const WATCH_SKIP = ['.git', '.secure-factory'];
const NETWORK_FAILURE =
  /Network is unreachable|ENETUNREACH|EAI_AGAIN|getaddrinfo|Temporary failure in name resolution|Could not resolve host|ECONNREFUSED/;
const SOURCE_WRITE = /(?:EROFS|Read-only file system)/;

function lastLines(text: string, n: number): string {
  return text.trimEnd().split('\n').slice(-n).join('\n');
}

/** The paths a failed write into the read-only source names (`/src/...`). */
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

interface Phase {
  tool: SandboxTool;
  cache?: string;
  source: string;
  output?: string;
  outputReadOnly?: boolean;
  network: boolean;
  writableSource: boolean;
  argv: readonly string[];
  env: Record<string, string>;
  timeoutMs: number;
  hostPath: string;
  onOutput: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

async function runPhase(p: Phase): Promise<SandboxResult> {
  const temp = await mkdtemp(path.join(tmpdir(), 'sf-build-tmp-'));
  try {
    // HOME lives in the temp folder: /tmp/home inside bwrap, <temp>/home with unshare.
    await mkdir(path.join(temp, 'home'));
    const insideTemp = p.tool.kind === 'bubblewrap' ? SANDBOX_TEMP : temp;
    const env = { ...p.env };
    if (p.cache) env.SECURE_FACTORY_CACHE = p.tool.kind === 'bubblewrap' ? SANDBOX_CACHE : p.cache;
    if (p.tool.kind === 'unshare') {
      env.HOME = path.join(temp, 'home');
      env.TMPDIR = temp;
      env.SECURE_FACTORY_SRC = p.source;
      if (p.output) env.SECURE_FACTORY_OUT = p.output;
    } else {
      env.TMPDIR = insideTemp;
    }
    return await runSandboxed({
      tool: p.tool,
      argv: p.argv,
      source: p.source,
      ...(p.output ? { output: p.output } : {}),
      ...(p.cache ? { cache: p.cache } : {}),
      outputReadOnly: p.outputReadOnly === true,
      temp,
      sourceWritable: p.writableSource,
      network: p.network,
      env,
      timeoutMs: p.timeoutMs,
      hostPath: p.hostPath,
      onOutput: p.onOutput,
    });
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

function failureFindings(kind: 'fetch' | 'build' | 'test', r: SandboxResult, timeoutMs: number): Finding[] {
  const out: Finding[] = [];
  const tail = `${r.stderrTail}\n${r.stdoutTail}`;
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
  if (kind === 'test') {
    out.push({
      rule: 'build/tests-failed',
      severity: 'high',
      blocking: true,
      message: `the test command failed (${status})${last ? `: ${last}` : ''}`,
    });
    return out;
  }
  out.push({
    rule: `build/${kind}-failed`,
    severity: 'high',
    blocking: true,
    message: `the ${kind} command failed (${status})${last ? `: ${last}` : ''}`,
  });
  if (kind === 'build' && NETWORK_FAILURE.test(tail)) {
    const line = tail.split('\n').find((l) => NETWORK_FAILURE.test(l)) ?? '';
    out.push({
      rule: 'build/network-denied',
      severity: 'high',
      blocking: true,
      message: `the build tried to reach the network, which the sandbox does not have (only loopback): ${line.trim()}`,
      help: 'fetch every material in the fetch phase (--fetch / fetch-command, e.g. npm ci) from the lockfile; the build runs offline',
    });
  }
  if (kind === 'build' && SOURCE_WRITE.test(tail)) {
    const paths = sourceWritePaths(tail);
    out.push({
      rule: 'build/source-write',
      severity: 'high',
      blocking: true,
      message: `the build tried to write into its read-only source${paths.length ? `: ${paths.join(', ')}` : ''}`,
      help: 'write outputs to $SECURE_FACTORY_OUT (/out in the sandbox) and temporary files to $TMPDIR',
      properties: { paths },
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
  lap('detect');
  const src: SourceInfo = readSourceInfo(source, hostEnv);
  lap('source');
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
  const bw = tool.kind === 'bubblewrap';
  const defaultOut = path.join(source, '.secure-factory', 'out');
  const outputDir = path.resolve(options.outputDir ?? defaultOut);
  const layout = {
    source: bw ? SANDBOX_SOURCE : source,
    output: bw ? SANDBOX_OUTPUT : outputDir,
    temp: bw ? SANDBOX_TEMP : '(host temp)',
    home: bw ? SANDBOX_HOME : '(host temp)/home',
  };
  const base = {
    allow: options.env,
    hostEnv,
    sourceDateEpoch: src.commitTime,
    layout: { source: layout.source, output: layout.output, temp: SANDBOX_TEMP, home: SANDBOX_HOME },
  };
  const buildEnv = sandboxEnvironment({ ...base, phase: 'build' });
  const print = options.onOutput ?? ((chunk: string) => logger.info(chunk.replace(/\n$/, '')));
  const isolation: IsolationReport = {
    tool: tool.kind,
    version: tool.version,
    ...(tool.note ? { note: tool.note } : {}),
    apparmor: tool.apparmor,
    network: {
      build: 'loopback-only',
      fetch: options.fetchCommand ? (options.network === 'fetch-only' ? 'host' : 'loopback-only') : 'not-run',
    },
    source: 'read-only',
    layout,
    namespaces: bw ? ['user-or-root', 'mount', 'network', 'pid', 'ipc', 'uts', 'cgroup'] : ['user', 'mount', 'network', 'pid'],
    capabilities: 'none',
    environment: {
      allowList: [...options.env],
      passed: buildEnv.passed,
      fixed: { TZ: 'UTC', LC_ALL: 'C', SOURCE_DATE_EPOCH: String(src.commitTime), HOME: layout.home, SECURE_FACTORY_OUT: layout.output },
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
  const finish = (): BuildResult => {
    logger.debug(`timings (ms): ${JSON.stringify(timings)}`);
    result.passed = !findings.some((f) => f.blocking === true);
    return result;
  };

  // The lockfiles before anything runs: they key the fetch cache and go into the provenance.
  const deps = await lockfileDependencies(source);

  // 1. Fetch: the lockfile decides; the source is writable (node_modules), the network only with fetch-only.
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
    logger.info(`fetch: ${options.fetchCommand} (network: ${options.network === 'fetch-only' ? 'on' : 'loopback only'})`);
    const fetchEnv = sandboxEnvironment({ ...base, phase: 'fetch', layout: { ...base.layout } });
    delete fetchEnv.env.SECURE_FACTORY_OUT;
    const r = await runPhase({
      tool,
      source,
      network: options.network === 'fetch-only',
      writableSource: true,
      argv: ['/bin/sh', '-c', options.fetchCommand],
      env: fetchEnv.env,
      ...(cacheDir ? { cache: cacheDir } : {}),
      timeoutMs: options.timeoutMs,
      hostPath,
      onOutput: print,
    });
    if (r.timedOut || r.exitCode !== 0) {
      findings.push(...failureFindings('fetch', r, options.timeoutMs));
      if (options.network === 'none' && NETWORK_FAILURE.test(r.stderrTail + r.stdoutTail)) {
        findings.push({
          rule: 'build/fetch-offline',
          severity: 'high',
          blocking: true,
          message: 'the fetch command needed the network, and network is none (the fetch phase is offline too)',
          help: 'set build.network: fetch-only in the policy (or --network fetch-only), or fetch from a local cache',
        });
      }
      return finish();
    }
    if (options.cache && cacheDir && result.cache) await saveFetchCache({ ...options.cache, dir: cacheDir }, prefix, result.cache, logger);
  }

  lap('fetch');
  // 2. Build, watched: the source's digest before and after.
  const before = await watchBefore(source, WATCH_SKIP);
  lap('watchBefore');
  await freshDir(outputDir, outputDir === defaultOut);
  logger.info(`build: ${options.command.join(' ')}`);
  // The build phase: offline, read-only source; the reproducibility check runs the same into another folder.
  const buildInto = (output: string): ReturnType<typeof runPhase> =>
    runPhase({
      tool,
      source,
      output,
      network: false,
      writableSource: false,
      argv: options.command,
      env: buildEnv.env,
      timeoutMs: options.timeoutMs,
      hostPath,
      onOutput: print,
    });
  const built = await buildInto(outputDir);
  lap('build');
  const buildOk = !built.timedOut && built.exitCode === 0;
  if (!buildOk) findings.push(...failureFindings('build', built, options.timeoutMs));

  let outputs: OutputFile[] = [];
  if (buildOk) {
    outputs = await collectOutputs(outputDir, options.outputs);
    result.subjects = toSubjects(outputs);
  }
  lap('subjects');

  // 3. Tests, in the same sandbox, seeing the outputs read-only.
  let test: { command: string; passed: boolean; exitCode: number | null; timedOut: boolean } | undefined;
  if (buildOk && options.testCommand) {
    logger.info(`test: ${options.testCommand}`);
    const t = await runPhase({
      tool,
      source,
      output: outputDir,
      outputReadOnly: true,
      network: false,
      writableSource: false,
      argv: ['/bin/sh', '-c', options.testCommand],
      env: buildEnv.env,
      timeoutMs: options.timeoutMs,
      hostPath,
      onOutput: print,
    });
    test = { command: options.testCommand, passed: !t.timedOut && t.exitCode === 0, exitCode: t.exitCode, timedOut: t.timedOut };
    if (!test.passed) findings.push(...failureFindings('test', t, options.timeoutMs));
  }

  lap('tests');
  result.integrity = await watchAfter(source, before, WATCH_SKIP);
  lap('watchAfter');
  const diff = { changed: result.integrity.changed, added: result.integrity.added, removed: result.integrity.removed };
  const changedPaths = [...diff.changed, ...diff.added, ...diff.removed].sort();
  if (!result.integrity.unchanged) {
    findings.push({
      rule: 'build/source-modified',
      severity: 'high',
      blocking: true,
      message: `the build changed its own inputs (${changedPaths.length} path(s) in the source): ${changedPaths.slice(0, 20).join(', ')}${changedPaths.length > 20 ? ', …' : ''}`,
      help: 'write outputs only to $SECURE_FACTORY_OUT; generated sources belong in the fetch phase or the output folder',
      properties: diff,
    });
  }
  if (!buildOk) return finish();

  // 4. Reproducibility: a second build in a fresh output folder; every digest compared.
  if (options.reproducible) {
    const second = await mkdtemp(path.join(tmpdir(), 'sf-build-second-'));
    try {
      logger.info('reproducibility: building a second time in a fresh folder');
      const r2 = await buildInto(second);
      let outputs2: OutputFile[] = [];
      if (!r2.timedOut && r2.exitCode === 0) {
        try {
          outputs2 = await collectOutputs(second, options.outputs);
        } catch (e: unknown) {
          if (!(e instanceof ConfigurationError || e instanceof PolicyViolation)) throw e;
        }
      } else {
        findings.push({
          ...(failureFindings('build', r2, options.timeoutMs)[0] as Finding),
          message: `the second build failed: ${r2.exitCode ?? r2.signal}`,
        });
      }
      const cmp = await compareOutputs(outputs, outputs2);
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
      ...(result.cache ? { fetchCache: result.cache } : {}),
      ...(run.runner ? { runner: run.runner } : {}),
    },
    lockfiles: deps.lockfiles,
    packages: deps.packages,
    byproducts: {
      isolation: { tool: isolation.tool, version: isolation.version, network: isolation.network, source: isolation.source },
      integrity: result.integrity,
      ...(result.cache ? { fetchCache: result.cache } : {}),
      ...(result.reproducibility ? { reproducibility: result.reproducibility } : {}),
      ...(test ? { tests: { passed: test.passed, exitCode: test.exitCode, timedOut: test.timedOut } } : {}),
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
}
