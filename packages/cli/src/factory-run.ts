/**
 * `secure-factory run [DIR]`: the whole factory on one directory with embedded defaults — the
 * directory's policy (or the safe defaults), an ephemeral signing key made for this run, local evidence
 * in DIR/.secure-factory, and the gate verifying with that key only. Every stage runs even when an earlier
 * one found problems, so the gate decides on complete evidence and the report shows every link.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { attestEvidence, publicKeyHint } from '@secure-factory/attest';
import { build, type BuildResult } from '@secure-factory/build';
import {
  ConfigurationError,
  errorMessage,
  EXIT,
  loadPolicy,
  stageDiagram,
  stripControl,
  type Logger,
  type Policy,
  type StageState,
} from '@secure-factory/core';
import { scan, type ScanResult, type VulnSource } from '@secure-factory/materials';
import { verifySource, type VerifySourceResult } from '@secure-factory/source';
import { gate, type GateResult } from '@secure-factory/verify';
import { createPublicKey } from 'node:crypto';

export interface RunOptions {
  dir: string;
  environment: string;
  policyFile?: string | undefined;
  vulnSource: (policy: Policy) => Promise<VulnSource>;
  build?: string | undefined;
  outputs?: string[] | undefined;
  test?: string | undefined;
  logger: Logger;
}

export interface StageReport {
  stage: 'source' | 'materials' | 'build' | 'attest' | 'gate';
  state: StageState;
  detail: string;
}

export interface RunResult {
  admitted: boolean;
  exitCode: number;
  stages: StageReport[];
  evidenceDir: string;
  subjects: { name: string; digest: { sha256: string } }[];
  decisionPath?: string;
  vsaPath?: string;
  report: string;
}

interface PackageJson {
  scripts?: Record<string, string>;
}

async function projectScripts(dir: string): Promise<Record<string, string>> {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return {};
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as PackageJson).scripts ?? {};
  } catch {
    throw new ConfigurationError('package.json is not valid JSON', { location: { file } });
  }
}

export async function runFactory(o: RunOptions): Promise<RunResult> {
  const dir = path.resolve(o.dir);
  if (!existsSync(dir)) throw new ConfigurationError(`${o.dir} does not exist`);
  const logger = o.logger;
  const policyFile =
    o.policyFile ??
    (existsSync(path.join(dir, '.github', 'secure-factory.yml')) ? path.join(dir, '.github', 'secure-factory.yml') : undefined);
  const now = new Date();
  const policy = await loadPolicy(policyFile, { now });
  const work = path.join(dir, '.secure-factory');
  const evidenceDir = path.join(work, 'evidence');
  // A fresh run: evidence from an earlier run must not mix with this one.
  await rm(evidenceDir, { recursive: true, force: true });
  // The work folder ignores itself, so a second run does not find the first one's files as uncommitted changes.
  await mkdir(work, { recursive: true });
  await writeFile(path.join(work, '.gitignore'), '# written by secure-factory run\n*\n');
  const scripts = await projectScripts(dir);
  const buildCommand = o.build ?? scripts.build;
  if (!buildCommand)
    throw new ConfigurationError(`no build command for ${o.dir}`, { hint: 'pass --build CMD or add a "build" script to package.json' });
  const testCommand = o.test ?? scripts.test;
  const stages: StageReport[] = [];
  logger.info(
    `secure-factory run ${o.dir} — policy ${policyFile ? path.relative(process.cwd(), policyFile) : '(built-in defaults)'}, environment ${o.environment}`,
  );

  // ---- source ----
  let source: VerifySourceResult | undefined;
  try {
    source = await verifySource({ repo: dir, policy, evidenceDir, logger, now });
    stages.push({
      stage: 'source',
      state: source.ok ? 'passed' : 'failed',
      detail: `${source.head.slice(0, 12)} · ${source.levelName} · ${source.findings.length} finding(s)`,
    });
  } catch (e: unknown) {
    stages.push({ stage: 'source', state: 'failed', detail: errorMessage(e) });
  }

  // ---- materials ----
  let materials: ScanResult | undefined;
  try {
    materials = await scan({ path: dir, policy, evidenceDir, vulnSource: await o.vulnSource(policy), logger, now });
    stages.push({
      stage: 'materials',
      state: materials.blocking.length > 0 ? 'failed' : 'passed',
      detail: `${materials.packages.length} packages · ${materials.vulnerableCount} vulnerable · ${materials.blocking.length} blocking`,
    });
  } catch (e: unknown) {
    stages.push({ stage: 'materials', state: 'failed', detail: errorMessage(e) });
  }

  // ---- build ----
  let built: BuildResult | undefined;
  try {
    built = await build({
      source: dir,
      command: ['/bin/sh', '-c', buildCommand],
      outputs: o.outputs && o.outputs.length > 0 ? o.outputs : ['**/*'],
      evidence: evidenceDir,
      network: policy.build.network,
      reproducible: policy.build.reproducible,
      timeoutMs: policy.build.timeoutMs,
      env: policy.build.env,
      testCommand,
      outputDir: path.join(work, 'out'),
      logger,
    });
    stages.push({
      stage: 'build',
      state: built.passed ? 'passed' : 'failed',
      detail: `${built.subjects.length} artefact(s) · ${built.isolation.tool ?? 'sandbox'} · reproducible: ${built.reproducible === undefined ? 'not checked' : built.reproducible ? 'yes' : 'NO'}`,
    });
  } catch (e: unknown) {
    stages.push({ stage: 'build', state: 'failed', detail: errorMessage(e) });
  }
  const subjects = (built?.subjects ?? []).map((s) => ({ name: s.name ?? '', digest: { sha256: s.digest.sha256 ?? '' } }));
  if (!built || subjects.length === 0) {
    stages.push(
      { stage: 'attest', state: 'skipped', detail: 'nothing was built' },
      { stage: 'gate', state: 'failed', detail: 'no artefact to admit' },
    );
    return finish({ admitted: false, exitCode: EXIT.failed, stages, evidenceDir, subjects, o, materials, source });
  }

  // ---- attest: an ephemeral key made for this run ----
  let publicKeyFile: string | undefined;
  let builderHint: string | undefined;
  // The run's key is made inside attestEvidence, after this instant: nothing it signed can be older,
  // which is the trusted time the gate's freshness checks use for this key-signed evidence.
  const keysCreatedAt = new Date();
  try {
    const signed = await attestEvidence({
      evidenceDir,
      subjects: { paths: subjects.map((s) => path.join(built.outputDir, s.name)) },
      signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never' },
      logger,
    });
    publicKeyFile = signed.ephemeralPublicKeyPath;
    if (signed.publicKeyPem) builderHint = `key:${publicKeyHint(createPublicKey(signed.publicKeyPem))}`;
    stages.push({ stage: 'attest', state: 'passed', detail: `${signed.signed.length} statement(s) signed with an ephemeral key` });
  } catch (e: unknown) {
    stages.push({ stage: 'attest', state: 'failed', detail: errorMessage(e) });
  }

  // ---- gate: verifies with this run's key only ----
  let decided: GateResult | undefined;
  try {
    decided = await gate({
      artefacts: [],
      subjects: subjects.map((s) => ({ digest: s.digest.sha256, name: s.name })),
      environment: o.environment,
      evidenceDir,
      policyFile,
      publicKeyFiles: publicKeyFile ? [publicKeyFile] : [],
      builder: builderHint,
      keysCreatedAt,
      signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never' },
      now,
      logger,
    });
    const failed = decided.decision.artefacts.flatMap((a) => a.checks.filter((c) => c.status === 'fail').map((c) => c.title));
    stages.push({
      stage: 'gate',
      state: decided.allowed ? 'passed' : 'failed',
      detail: decided.allowed ? `admitted for ${o.environment}` : `refused: ${[...new Set(failed)].join(', ')}`,
    });
  } catch (e: unknown) {
    stages.push({ stage: 'gate', state: 'failed', detail: errorMessage(e) });
  }
  return finish({
    admitted: decided?.allowed === true,
    exitCode: decided ? decided.exitCode : EXIT.failed,
    stages,
    evidenceDir,
    subjects,
    o,
    materials,
    source,
    decided,
  });
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
  const blocking = [...(r.source?.findings.filter((f) => f.blocking) ?? []), ...(r.materials?.blocking ?? [])];
  const rel = (p: string): string => path.relative(process.cwd(), p) || p;
  // Plain text for a terminal: untrusted text loses control characters (no terminal escapes).
  const lines = [
    `secure-factory run ${stripControl(r.o.dir)}: ${r.admitted ? 'ADMITTED ✅' : 'REFUSED ❌'} (environment ${stripControl(r.o.environment)})`,
    '',
    `  ${stageDiagram(states)}`,
    '',
    ...r.stages.map((s) => `  ${s.stage.padEnd(10)} ${ICON[s.state]}  ${stripControl(s.detail)}`),
  ];
  if (blocking.length > 0) {
    lines.push('', 'What blocks:');
    for (const f of blocking.slice(0, 20))
      lines.push(`  - ${f.severity}: ${stripControl(f.message)}${f.help ? ` — ${stripControl(f.help)}` : ''}`);
  }
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
    evidenceDir: r.evidenceDir,
    subjects: r.subjects,
    ...(r.decided ? { decisionPath: r.decided.decisionPath, vsaPath: r.decided.vsaBundlePath ?? r.decided.vsaPath } : {}),
    report: lines.join('\n'),
  };
}
