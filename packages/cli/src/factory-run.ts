/**
 * `secure-factory run [DIR]`: the whole factory on one directory with embedded defaults — the
 * directory's policy (or the safe defaults), an ephemeral signing key made for this run, local evidence
 * in DIR/.secure-factory, and the gate verifying with that key only. Every stage runs even when an earlier
 * one found problems, so the gate decides on complete evidence and the report shows every link: each
 * stage's findings, and for a failed build the phase that failed, its exit status and its last lines.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { attestEvidence, publicKeyHint } from '@secure-factory/attest';
import { build, type BuildResult, type PhaseFailure } from '@secure-factory/isolated-build';
import {
  ConfigurationError,
  errorMessage,
  EXIT,
  loadPolicy,
  readJsonFile,
  readRegularFileSync,
  stageDiagram,
  stripControl,
  type Finding,
  type Logger,
  type Policy,
  type StageState,
} from '@secure-factory/core';
import {
  createImageRegistry,
  createRegistryClient,
  RegistryMisbehaviour,
  scan,
  type RegistryClient,
  type ScanResult,
  type VulnSource,
} from '@secure-factory/materials';
import { verifySource, type VerifySourceResult } from '@secure-factory/source';
import { gate, type GateResult } from '@secure-factory/verify';
import { baseImageValidator } from './image-validator.js';
import { createPublicKey } from 'node:crypto';

export interface RunOptions {
  dir: string;
  environment: string;
  policyFile?: string | undefined;
  vulnSource: (policy: Policy) => Promise<VulnSource>;
  build?: string | undefined;
  outputs?: string[] | undefined;
  test?: string | undefined;
  /**
   * The fetch command (dependencies from the lockfile, before the build). undefined: the ecosystem's own
   * frozen install when the project has a lockfile and no installed dependencies; '': no fetch.
   */
  fetch?: string | undefined;
  /** The fetch phase's network; default the policy file's, else (built-in defaults) fetch-only when there is a fetch. */
  network?: 'none' | 'fetch-only' | undefined;
  /** Never use the network: the fetch (if any) runs with loopback only, from the local caches. */
  offline?: boolean | undefined;
  /** The clock (tests): read at the start, when the run's key is made and when the gate decides. */
  clock?: (() => Date) | undefined;
  /**
   * The build writes an OCI image layout: its image is the subject named this (`registry/name`), attest
   * pushes it with every bundle as its referrers to that registry, and the gate admits it by reference
   * (`registry/name@sha256:…`), reading the image and its attestations back from the registry.
   */
  imageName?: string | undefined;
  /** The registry client for imageName (default: the materials package's, docker config credentials). */
  registryClient?: RegistryClient | undefined;
  logger: Logger;
}

/** A finding as run reports it (text and --json): the stage's own findings, gate checks that failed, errors. */
export interface StageFinding {
  rule: string;
  severity: Finding['severity'];
  blocking: boolean;
  message: string;
  help?: string;
  file?: string;
}

export interface StageReport {
  stage: 'source' | 'materials' | 'build' | 'attest' | 'gate';
  state: StageState;
  detail: string;
  /** Every finding of the stage, blocking ones first. */
  findings: StageFinding[];
  /** Build only: the phase that failed, its exit status and its last lines of output. */
  failure?: PhaseFailure;
}

export interface RunResult {
  admitted: boolean;
  exitCode: number;
  stages: StageReport[];
  /** The first stage that failed (undefined when none did). */
  failedStage?: StageReport['stage'];
  evidenceDir: string;
  subjects: { name: string; digest: { sha256: string } }[];
  decisionPath?: string;
  vsaPath?: string;
  report: string;
}

interface PackageJson {
  scripts?: Record<string, string>;
}

/** The largest package.json or yarn.lock read while choosing the defaults (the scan's lockfile limit). */
const MAX_PROJECT_FILE_BYTES = 100 * 1024 * 1024;

/**
 * The project's package.json scripts, read through core's safe reader: a FIFO (a plain read blocked the
 * run forever), a link to /dev/zero or to a file outside the project, or an oversized file is refused
 * (exit 2 naming it); broken JSON is reported at line:column without quoting it.
 */
export async function projectScripts(dir: string): Promise<Record<string, string>> {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return {};
  const pkg = await readJsonFile(file, { maxBytes: MAX_PROJECT_FILE_BYTES, within: dir, what: 'package.json' });
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) {
    throw new ConfigurationError('package.json is not a JSON object', {
      location: { file },
      hint: 'write package.json as an object: { "scripts": { … } }',
    });
  }
  const scripts = (pkg as PackageJson).scripts;
  return typeof scripts === 'object' && scripts !== null && !Array.isArray(scripts) ? scripts : {};
}

export interface DetectedFetch {
  command: string;
  /** Why it was chosen, for the log: the lockfile and what was missing. */
  reason: string;
}

/**
 * The fetch a team would run before building, from the lockfile at the project's root — only when the
 * dependencies are not installed yet (a checkout that already has node_modules builds as it is).
 * `offline`: the package manager is told to use its cache only (no network in the fetch phase).
 */
export function detectFetch(dir: string, offline = false): DetectedFetch | undefined {
  const has = (f: string): boolean => existsSync(path.join(dir, f));
  const js = !has('node_modules');
  if (js && (has('package-lock.json') || has('npm-shrinkwrap.json'))) {
    const lock = has('npm-shrinkwrap.json') ? 'npm-shrinkwrap.json' : 'package-lock.json';
    // Install scripts are left out (the usual way a malicious package runs code, and husky-style prepare
    // scripts rewrite .git/config); a project that needs them passes --fetch 'npm ci'.
    return { command: `npm ci --ignore-scripts --no-audit --no-fund${offline ? ' --offline' : ''}`, reason: `${lock}, no node_modules` };
  }
  if (js && has('pnpm-lock.yaml')) {
    return {
      command: `pnpm install --frozen-lockfile --ignore-scripts${offline ? ' --offline' : ''}`,
      reason: 'pnpm-lock.yaml, no node_modules',
    };
  }
  if (js && (has('bun.lock') || has('bun.lockb'))) {
    return {
      command: 'bun install --frozen-lockfile --ignore-scripts',
      reason: `${has('bun.lock') ? 'bun.lock' : 'bun.lockb'}, no node_modules`,
    };
  }
  if (js && has('yarn.lock')) {
    // Yarn Berry lockfiles open with __metadata; Yarn 1 ones with a comment header.
    // Through core's safe reader: a FIFO, a device or a link leaving the project is refused by name.
    const lock = readRegularFileSync(path.join(dir, 'yarn.lock'), { maxBytes: MAX_PROJECT_FILE_BYTES, within: dir, what: 'yarn.lock' });
    const berry = /^__metadata:/m.test(lock.subarray(0, 4096).toString('utf8'));
    return {
      command: berry
        ? 'yarn install --immutable --mode=skip-build'
        : `yarn install --frozen-lockfile --ignore-scripts${offline ? ' --offline' : ''}`,
      reason: 'yarn.lock, no node_modules',
    };
  }
  if (has('Cargo.lock') && !has('target')) {
    return { command: `cargo fetch --locked${offline ? ' --offline' : ''}`, reason: 'Cargo.lock, no target folder' };
  }
  return undefined;
}

/** The package manager whose lockfile the project has (npm when none): it runs the package.json scripts. */
export function packageManager(dir: string): 'npm' | 'pnpm' | 'yarn' | 'bun' {
  const has = (f: string): boolean => existsSync(path.join(dir, f));
  if (has('pnpm-lock.yaml')) return 'pnpm';
  if (has('yarn.lock')) return 'yarn';
  if (has('bun.lock') || has('bun.lockb')) return 'bun';
  return 'npm';
}

function stageFindings(findings: readonly Finding[]): StageFinding[] {
  const out = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    blocking: f.blocking === true,
    message: f.message,
    ...(f.help ? { help: f.help } : {}),
    ...(f.file ? { file: f.file } : {}),
  }));
  // Blocking first, the order within each kept (a stable sort).
  return out.sort((a, b) => Number(b.blocking) - Number(a.blocking));
}

/** A stage that threw: its error is its one blocking finding. */
function errorFinding(stage: StageReport['stage'], e: unknown): StageFinding {
  return { rule: `${stage}/error`, severity: 'high', blocking: true, message: errorMessage(e) };
}

function exitStatus(f: PhaseFailure): string {
  if (f.setupError) return `the sandbox could not start (${f.setupError})`;
  if (f.timedOut) return 'stopped at the timeout';
  if (f.signal) return `killed by ${f.signal}`;
  return `exit code ${f.exitCode ?? '?'}`;
}

export async function runFactory(o: RunOptions): Promise<RunResult> {
  const dir = path.resolve(o.dir);
  if (!existsSync(dir)) throw new ConfigurationError(`${o.dir} does not exist`);
  const logger = o.logger;
  const policyFile =
    o.policyFile ??
    (existsSync(path.join(dir, '.github', 'secure-factory.yml')) ? path.join(dir, '.github', 'secure-factory.yml') : undefined);
  const clock = o.clock ?? ((): Date => new Date());
  const now = clock();
  const policy = await loadPolicy(policyFile, { now });
  const work = path.join(dir, '.secure-factory');
  const evidenceDir = path.join(work, 'evidence');
  // A fresh run: evidence from an earlier run must not mix with this one.
  await rm(evidenceDir, { recursive: true, force: true });
  // The work folder ignores itself, so a second run does not find the first one's files as uncommitted changes.
  await mkdir(work, { recursive: true });
  await writeFile(path.join(work, '.gitignore'), '# written by secure-factory run\n*\n');
  const scripts = await projectScripts(dir);
  // A package.json script runs as the team runs it — through the package manager, which puts
  // node_modules/.bin on PATH and runs its pre/post scripts — not as bare shell text.
  const pm = packageManager(dir);
  const buildCommand = o.build ?? (scripts.build !== undefined ? `${pm} run build` : undefined);
  if (!buildCommand)
    throw new ConfigurationError(`no build command for ${o.dir}`, { hint: 'pass --build CMD or add a "build" script to package.json' });
  const testCommand = o.test ?? (scripts.test !== undefined ? `${pm} ${pm === 'npm' ? 'test' : 'run test'}` : undefined);
  // --offline never fetches on its own (an uncached dependency would fail the build); --fetch still runs.
  const wouldFetch = o.fetch === undefined ? detectFetch(dir, o.offline === true) : undefined;
  const detected = o.offline ? undefined : wouldFetch;
  const fetchCommand = o.fetch === undefined ? detected?.command : o.fetch || undefined;
  // A policy file decides the fetch's network; the built-in defaults give a fetch the egress proxy to its
  // lockfiles' registries only (never the build), unless --offline.
  const network: 'none' | 'fetch-only' =
    o.network ?? (o.offline ? 'none' : policyFile ? policy.build.network : fetchCommand ? 'fetch-only' : 'none');
  const stages: StageReport[] = [];
  logger.info(
    `secure-factory run ${o.dir} — policy ${policyFile ? path.relative(process.cwd(), policyFile) : '(built-in defaults)'}, environment ${o.environment}`,
  );
  if (o.offline && wouldFetch && o.fetch === undefined) {
    logger.info(`no fetch (--offline): ${wouldFetch.reason}; to install from the local cache pass --fetch '${wouldFetch.command}'`);
  }
  if (fetchCommand) {
    logger.info(
      `fetch: ${fetchCommand}${detected ? ` (${detected.reason}; --fetch '' skips it)` : ''}, network ${network === 'fetch-only' ? "through the egress proxy to the lockfiles' registries only" : 'none (loopback only)'}`,
    );
  }

  // ---- source ----
  let source: VerifySourceResult | undefined;
  try {
    source = await verifySource({ repo: dir, policy, evidenceDir, logger, now });
    stages.push({
      stage: 'source',
      state: source.ok ? 'passed' : 'failed',
      detail: `${source.head.slice(0, 12)} · ${source.levelName} · ${source.findings.length} finding(s)`,
      findings: stageFindings(source.findings),
    });
  } catch (e: unknown) {
    stages.push({ stage: 'source', state: 'failed', detail: errorMessage(e), findings: [errorFinding('source', e)] });
  }

  // ---- materials ----
  let materials: ScanResult | undefined;
  try {
    materials = await scan({
      path: dir,
      policy,
      evidenceDir,
      vulnSource: await o.vulnSource(policy),
      logger,
      now,
      images: baseImageValidator(policy, now),
    });
    stages.push({
      stage: 'materials',
      state: materials.blocking.length > 0 ? 'failed' : 'passed',
      detail: `${materials.packages.length} packages · ${materials.vulnerableCount} vulnerable · ${materials.blocking.length} blocking`,
      findings: stageFindings(materials.findings),
    });
  } catch (e: unknown) {
    stages.push({ stage: 'materials', state: 'failed', detail: errorMessage(e), findings: [errorFinding('materials', e)] });
  }

  // ---- build ----
  let built: BuildResult | undefined;
  try {
    built = await build({
      source: dir,
      command: ['/bin/sh', '-c', buildCommand],
      outputs: o.outputs && o.outputs.length > 0 ? o.outputs : ['**/*'],
      evidence: evidenceDir,
      network,
      networkAllow: policy.build.networkAllow,
      fetchCommand,
      reproducible: policy.build.reproducible,
      timeoutMs: policy.build.timeoutMs,
      env: policy.build.env,
      testCommand,
      outputDir: path.join(work, 'out'),
      imageName: o.imageName,
      logger,
    });
    const failure = built.failure;
    const findings = stageFindings(built.findings);
    const firstBlocking = findings.find((f) => f.blocking);
    const facts = `${built.subjects.length} artefact(s) · ${built.isolation.tool ?? 'sandbox'} · reproducible: ${built.reproducible === undefined ? 'not checked' : built.reproducible ? 'yes' : 'NO'}`;
    // A failed build says why on its own line: the phase and its exit status, else its first blocking finding.
    const why = failure ? `${failure.phase} phase failed: ${exitStatus(failure)}` : !built.passed ? firstBlocking?.message : undefined;
    stages.push({
      stage: 'build',
      state: built.passed ? 'passed' : 'failed',
      detail: why ? `${why} · ${facts}` : facts,
      findings,
      ...(failure ? { failure } : {}),
    });
  } catch (e: unknown) {
    stages.push({ stage: 'build', state: 'failed', detail: errorMessage(e), findings: [errorFinding('build', e)] });
  }
  const subjects = (built?.subjects ?? []).map((s) => ({ name: s.name ?? '', digest: { sha256: s.digest.sha256 ?? '' } }));
  if (!built || subjects.length === 0) {
    const why = built ? (built.passed ? 'the build produced no artefact' : 'the build failed') : 'the build could not run';
    stages.push(
      { stage: 'attest', state: 'skipped', detail: `nothing to sign: ${why}`, findings: [] },
      {
        stage: 'gate',
        state: 'failed',
        detail: `no artefact to admit: ${why}`,
        findings: [{ rule: 'gate/no-artefact', severity: 'high', blocking: true, message: `no artefact to admit: ${why}` }],
      },
    );
    return finish({ admitted: false, exitCode: EXIT.failed, stages, evidenceDir, subjects, o, materials, source });
  }

  // ---- attest: an ephemeral key made for this run ----
  let publicKeyFile: string | undefined;
  let builderHint: string | undefined;
  // The run's key is made inside attestEvidence, after this instant: nothing it signed can be older,
  // which is the trusted time the gate's freshness checks use for this key-signed evidence.
  const keysCreatedAt = clock();
  let image: Awaited<ReturnType<typeof imageSubject>> | undefined;
  const client = o.imageName ? (o.registryClient ?? createRegistryClient()) : undefined;
  try {
    if (o.imageName) image = await imageSubject(built.outputDir, o.imageName, subjects);
    // The build's subjects as they are (names by the one rule, digests from the build's provenance):
    // re-deriving them from paths would re-interpret names holding glob characters.
    const signed = await attestEvidence({
      evidenceDir,
      subjects: { subjects },
      signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never' },
      ...(image && client
        ? { images: { registry: createImageRegistry(client), layouts: [{ dir: image.layoutDir, name: image.name }], push: true } }
        : {}),
      logger,
    });
    publicKeyFile = signed.ephemeralPublicKeyPath;
    if (signed.publicKeyPem) builderHint = `key:${publicKeyHint(createPublicKey(signed.publicKeyPem))}`;
    stages.push({
      stage: 'attest',
      state: 'passed',
      detail: `${signed.signed.length} statement(s) signed with an ephemeral key${
        image ? ` · pushed with the image to ${image.name} (${signed.signed[0]?.referrers?.[0]?.via ?? 'no referrers'})` : ''
      }`,
      findings: [],
    });
  } catch (e: unknown) {
    stages.push({ stage: 'attest', state: 'failed', detail: errorMessage(e), findings: [errorFinding('attest', e)] });
  }

  // ---- gate: verifies with this run's key only ----
  let decided: GateResult | undefined;
  try {
    if (o.imageName && !image) throw new Error(`no image to admit by reference: ${o.imageName} was not attested (see attest)`);
    // An image is admitted by reference: the image and its bundles as the registry has them, not the
    // folder (its other outputs, if any, still from the folder).
    const others = subjects.filter((s) => !image || s.digest.sha256 !== image.digest.slice('sha256:'.length));
    decided = await gate({
      artefacts: [],
      subjects: others.map((s) => ({ digest: s.digest.sha256, name: s.name })),
      ...(image && client
        ? {
            images: [image.reference],
            imageRegistry: {
              getManifest: (r: string, n: string, x: string) => client.getManifest(r, n, x),
              referrers: (r: string, n: string, x: string, t?: string) => client.referrers(r, n, x, t),
              getBlob: (r: string, n: string, x: string, m: number) => client.getBlob(r, n, x, m),
              isMisbehaviour: (e: unknown) => e instanceof RegistryMisbehaviour,
            },
          }
        : {}),
      environment: o.environment,
      evidenceDir: image && others.length === 0 ? undefined : evidenceDir,
      outDir: path.join(evidenceDir, 'gate'),
      policyFile,
      publicKeyFiles: publicKeyFile ? [publicKeyFile] : [],
      builder: builderHint,
      keysCreatedAt,
      signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never' },
      // The gate decides now, after the fetch, build and tests: the run's start would make evidence
      // signed after a long build look as if it came from the future.
      now: clock(),
      logger,
    });
    const failedChecks = decided.decision.artefacts.flatMap((a) =>
      a.checks.filter((c) => c.status === 'fail').map((c) => ({ check: c, artefact: a.name ?? `sha256:${a.digest}` })),
    );
    const failed = failedChecks.map((f) => f.check.title);
    stages.push({
      stage: 'gate',
      state: decided.allowed ? 'passed' : 'failed',
      detail: `${decided.allowed ? `admitted for ${o.environment}` : `refused: ${[...new Set(failed)].join(', ')}`}${
        image ? ` · by reference ${image.reference}` : ''
      }`,
      findings: failedChecks.map(({ check, artefact }) => ({
        rule: `gate/${check.id}`,
        severity: 'high' as const,
        blocking: true,
        message: `${artefact}: ${check.title}: ${check.reason}`,
        ...(check.fix ? { help: check.fix } : {}),
      })),
    });
  } catch (e: unknown) {
    stages.push({ stage: 'gate', state: 'failed', detail: errorMessage(e), findings: [errorFinding('gate', e)] });
  }
  // A stage that failed stops a release as the workflow's failing job stops the chain, even when the gate
  // alone would admit the artefacts: not every stage's verdict is in the signed evidence the gate reads
  // (a blocked licence). A base image's validation is: the SBOM records it and the gate's image-validation
  // check refuses it under materials.images.validated: required.
  const stageFailed = stages.some((s) => s.state === 'failed');
  return finish({
    admitted: decided?.allowed === true && !stageFailed,
    exitCode: decided ? (decided.allowed && stageFailed ? EXIT.failed : decided.exitCode) : EXIT.failed,
    stages,
    evidenceDir,
    subjects,
    o,
    materials,
    source,
    decided,
  });
}

/** The OCI layout the build wrote for `name` (its folder under the output folder) and its reference. */
async function imageSubject(
  outputDir: string,
  name: string,
  subjects: readonly { name: string; digest: { sha256: string } }[],
): Promise<{ name: string; digest: string; layoutDir: string; reference: string }> {
  const subject = subjects.find((s) => s.name === name);
  if (!subject) throw new ConfigurationError(`the build's subjects hold no image named ${name}`);
  const digest = `sha256:${subject.digest.sha256}`;
  // The build named the one layout among its outputs; find its folder (a folder holding oci-layout).
  const folders: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === 'oci-layout')) folders.push(dir);
    if (depth < 6) for (const e of entries) if (e.isDirectory() && e.name !== 'blobs') await walk(path.join(dir, e.name), depth + 1);
  };
  await walk(outputDir, 0);
  if (folders.length !== 1) throw new ConfigurationError(`expected one OCI image layout among the outputs, found ${folders.length}`);
  return { name, digest, layoutDir: folders[0] ?? outputDir, reference: `${name}@${digest}` };
}

const ICON: Record<StageState, string> = { passed: '✅', failed: '❌', skipped: '⚪', warning: '⚠️' };

function finish(r: {
  admitted: boolean;
  exitCode: number;
  stages: StageReport[];
  evidenceDir: string;
  subjects: RunResult['subjects'];
  o: RunOptions;
  materials: ScanResult | undefined;
  source?: VerifySourceResult | undefined;
  decided?: GateResult | undefined;
}): RunResult {
  const states: Record<string, StageState> = {};
  for (const s of r.stages) states[s.stage] = s.state;
  const rel = (p: string): string => path.relative(process.cwd(), p) || p;
  const failedStage = r.stages.find((s) => s.state === 'failed')?.stage;
  // Plain text for a terminal: untrusted text loses control characters (no terminal escapes).
  const lines = [
    `secure-factory run ${stripControl(r.o.dir)}: ${r.admitted ? 'ADMITTED ✅' : 'REFUSED ❌'} (environment ${stripControl(r.o.environment)})${
      failedStage ? `; first failing stage: ${failedStage}` : ''
    }`,
    '',
    `  ${stageDiagram(states)}`,
    '',
    ...r.stages.map((s) => `  ${s.stage.padEnd(10)} ${ICON[s.state]}  ${stripControl(s.detail)}`),
  ];
  if (!r.admitted && r.decided?.allowed === true && failedStage) {
    lines.push(
      '',
      `The gate admitted the evidence, but the ${failedStage} stage failed: a failed stage stops the release, as its job stops the workflow.`,
    );
  }
  lines.push(...reportDetails(r.stages));
  if (r.subjects.length > 0) {
    lines.push('', 'Artefacts:');
    for (const s of r.subjects) lines.push(`  sha256:${s.digest.sha256}  ${stripControl(s.name)}`);
  }
  lines.push('', `Evidence: ${rel(r.evidenceDir)}`);
  if (r.decided) lines.push(`Decision log: ${rel(r.decided.decisionPath)}`, `VSA: ${rel(r.decided.vsaBundlePath ?? r.decided.vsaPath)}`);
  return {
    admitted: r.admitted,
    exitCode: r.exitCode,
    stages: r.stages,
    ...(failedStage ? { failedStage } : {}),
    evidenceDir: r.evidenceDir,
    subjects: r.subjects,
    ...(r.decided ? { decisionPath: r.decided.decisionPath, vsaPath: r.decided.vsaBundlePath ?? r.decided.vsaPath } : {}),
    report: lines.join('\n'),
  };
}

/** Findings shown per stage in the text report; --json and the evidence carry all of them. */
const SHOWN_PER_STAGE = 10;

/** The text report below the stage lines: why the build failed, then every stage's findings. */
export function reportDetails(stages: readonly StageReport[]): string[] {
  const lines: string[] = [];
  const failure = stages.find((s) => s.stage === 'build')?.failure;
  if (failure) {
    lines.push('', `Build failed in the ${failure.phase} phase: ${exitStatus(failure)}.`);
    if (failure.lastLines.length > 0) {
      lines.push(`Last ${failure.lastLines.length} line(s) of its output:`);
      for (const l of failure.lastLines) lines.push(`  | ${stripControl(l)}`);
    } else {
      lines.push('It printed nothing.');
    }
  }
  const withFindings = stages.filter((s) => s.findings.length > 0);
  if (withFindings.length > 0) lines.push('', 'Findings:');
  for (const s of withFindings) {
    const blocking = s.findings.filter((f) => f.blocking).length;
    lines.push(`  ${s.stage} (${s.findings.length} finding(s), ${blocking} blocking):`);
    for (const f of s.findings.slice(0, SHOWN_PER_STAGE)) {
      const where = f.file ? `${stripControl(f.file)}: ` : '';
      const help = f.help ? ` — ${stripControl(f.help)}` : '';
      // A message quoting output keeps its lines, indented under the finding.
      const text = `${where}${stripControl(f.message)}${help}`.split('\n').join('\n      ');
      lines.push(`    - ${f.severity}: ${text} [${f.rule}${f.blocking ? '' : ', not blocking'}]`);
    }
    if (s.findings.length > SHOWN_PER_STAGE)
      lines.push(`    … and ${s.findings.length - SHOWN_PER_STAGE} more (run --json lists them all)`);
  }
  return lines;
}
