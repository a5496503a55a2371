import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import * as cache from '@actions/cache';
import { annotate, coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { errorMessage, loadPolicy, PolicyViolation, writeJsonAtomic, type Finding, type Logger, type Policy } from '@secure-factory/core';
import {
  createRegistryClient,
  ImageValidator,
  OsvApiSource,
  openOfflineDatabase,
  scan,
  scanSarif,
  scanSummary,
  type VulnSource,
} from '@secure-factory/materials';
import { imageSignatureVerifier } from '@secure-factory/verify';
import type { RunInputs } from './inputs.js';

/**
 * The cache version hashes the paths as given: a path relative to the workspace (the runner's working
 * directory) names the same cache from every job, wherever the workspace is.
 */
function cachePath(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
}

/** The OSV database is cached by day: the first job of the day restores yesterday's and refreshes it. */
async function restoreDatabase(dir: string, logger: Logger): Promise<string | undefined> {
  const day = new Date().toISOString().slice(0, 10);
  const key = `secure-factory-osv-${path.basename(dir)}-${day}`;
  try {
    const hit = await cache.restoreCache([cachePath(dir)], key, [`secure-factory-osv-${path.basename(dir)}-`]);
    return hit === key ? undefined : key;
  } catch (e: unknown) {
    logger.warning(`OSV database cache not restored: ${errorMessage(e)}`);
    return key;
  }
}

/** Paths in findings are relative to the scanned folder; annotations and SARIF want the repository's. */
export function relocate(findings: readonly Finding[], root: string, workspace: string): Finding[] {
  return findings.map((f) => (f.file ? { ...f, file: path.relative(workspace, path.resolve(root, f.file)).split(path.sep).join('/') } : f));
}

/** The repository's own policy file, at the default path of the workspace when no input names one. */
export async function repositoryPolicy(inputs: RunInputs, now: Date): Promise<Policy> {
  return loadPolicy(inputs.policy === undefined ? undefined : path.resolve(inputs.workspace, inputs.policy), {
    now,
    dir: inputs.workspace,
  });
}

/** The offline database (restored from the day's cache) or the OSV API; `save` refreshes the cache. */
export async function vulnerabilityDatabase(
  inputs: RunInputs,
  policy: Policy,
  logger: Logger,
): Promise<{ vulnSource: VulnSource; save: () => Promise<void> }> {
  let vulnSource: VulnSource;
  let saveKey: string | undefined;
  const dbInput = inputs.osvDatabase ?? policy.materials.database.path;
  const dbPath = dbInput ? path.resolve(inputs.workspace, dbInput) : undefined;
  if (dbPath) {
    if (inputs.cache && cache.isFeatureAvailable()) saveKey = await restoreDatabase(dbPath, logger);
    vulnSource = await openOfflineDatabase(dbPath, { logger });
  } else {
    vulnSource = new OsvApiSource({ baseUrl: inputs.osvApiUrl, logger });
  }
  const save = async (): Promise<void> => {
    if (dbPath && saveKey && existsSync(dbPath)) {
      try {
        await cache.saveCache([cachePath(dbPath)], saveKey);
      } catch (e: unknown) {
        logger.warning(`OSV database cache not saved: ${errorMessage(e)}`);
      }
    }
  };
  return { vulnSource, save };
}

/**
 * Base images are validated as `secure-factory scan` validates them (materials.images.trust): the
 * materials registry client and validator with the verify package's bundle verifier, so the SBOM this
 * action signs records each image's verdict — the gate's image-validation check reads it.
 */
function baseImageValidator(policy: Policy, now: Date): ImageValidator | undefined {
  if (policy.materials.images.trust.length === 0) return undefined;
  return new ImageValidator({
    client: createRegistryClient(),
    verify: imageSignatureVerifier(),
    images: policy.materials.images,
    policyFile: policy.source.file,
    waivers: { exceptions: policy.exceptions, maxDays: policy.exceptionMaxDays, now },
  });
}

export async function run(inputs: RunInputs): Promise<void> {
  const logger = coreLogger();
  const now = new Date();
  const target = path.resolve(inputs.workspace, inputs.path);
  const policy = await repositoryPolicy(inputs, now);
  const { vulnSource, save } = await vulnerabilityDatabase(inputs, policy, logger);
  const result = await scan({
    path: target,
    policy,
    evidenceDir: path.resolve(inputs.workspace, inputs.evidence),
    vulnSource,
    logger,
    now,
    lockfiles: inputs.lockfiles,
    images: baseImageValidator(policy, now),
  });
  await save();

  const root = statSync(target).isDirectory() ? target : path.dirname(target);
  const findings = relocate(result.findings, root, inputs.workspace);
  const sarifPath = path.resolve(inputs.workspace, inputs.sarif);
  const placeholder = result.placeholderFile
    ? relocate([{ rule: '', severity: 'info', message: '', file: result.placeholderFile }], root, inputs.workspace)[0]?.file
    : undefined;
  await writeJsonAtomic(sarifPath, scanSarif({ ...result, findings, placeholderFile: placeholder }));
  // Blocking findings first, so the annotation limit never hides one.
  annotate([...findings.filter((f) => f.blocking), ...findings.filter((f) => !f.blocking)]);
  await writeSummary(scanSummary({ ...result, findings, blocking: findings.filter((f) => f.blocking) }));

  setOutput('sbom-path', result.sbom.cyclonedx ?? '');
  setOutput('vulnerable-count', String(result.vulnerableCount));
  setOutput('blocking-count', String(result.blocking.length));
  setOutput('sarif-path', sarifPath);
  if (result.blocking.length > 0) {
    throw new PolicyViolation(
      `materials refused: ${result.blocking.length} blocking finding(s): ${result.blocking
        .slice(0, 3)
        .map((f) => f.message)
        .join('; ')}${result.blocking.length > 3 ? '; …' : ''}`,
    );
  }
}
