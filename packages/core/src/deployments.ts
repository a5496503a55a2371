/**
 * The closed loop's shared records. The gate writes one deployment record per admitted artefact
 * (`deployments/<environment>/<sha256-hex>.json`, rewritten atomically on redeploy); the rescan loop reads
 * them, rescans each deployed digest's SBOM and keeps `remediations.json` (one entry per advisory), which
 * the gate reads back so that a digest with an open blocking remediation is refused unless waived.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from './atomic-file.js';
import { ConfigurationError } from './errors.js';
import { readJsonFile } from './json-file.js';
import type { Severity } from './findings.js';

export interface DeploymentRecord {
  apiVersion: 'secure-factory/deployment/v1';
  environment: string;
  /** `sha256:<hex>` of the admitted artefact. */
  digest: string;
  name?: string;
  /** RFC 3339, when the gate admitted it. */
  time: string;
  /** The gate's VSA statement (path relative to the deployments folder when stored there) and its digest. */
  vsa?: { path?: string; sha256: string };
  /** The SBOM evidence for this digest: the CycloneDX statement, copied beside the record. */
  sbom?: { path: string; sha256: string };
  policy?: { sha256: string };
  run?: { uri?: string; commit?: string };
}

export interface Remediation {
  /** The advisory id (GHSA preferred), its aliases, and the affected package. */
  advisory: string;
  aliases: string[];
  package: { ecosystem: string; name: string; version: string };
  severity: Severity;
  fixedVersions: string[];
  digests: string[];
  environments: string[];
  /** RFC 3339: when the rescan first saw it, and 24 hours later. */
  firstSeen: string;
  deadline: string;
  status: 'open' | 'resolved' | 'waived';
  resolvedAt?: string;
  issue?: { number: number; url?: string };
}

export interface RemediationState {
  apiVersion: 'secure-factory/remediations/v1';
  updated: string;
  remediations: Remediation[];
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const ENV = /^[A-Za-z0-9_.-]{1,64}$/;

export function deploymentPath(dir: string, environment: string, digest: string): string {
  if (!ENV.test(environment)) throw new ConfigurationError(`environment "${environment}" must be letters, digits, ".", "_" or "-"`);
  if (!DIGEST.test(digest)) throw new ConfigurationError(`"${digest}" is not a sha256:<hex> digest`);
  return path.join(dir, environment, `${digest.slice('sha256:'.length)}.json`);
}

export async function writeDeploymentRecord(dir: string, record: DeploymentRecord): Promise<string> {
  const file = deploymentPath(dir, record.environment, record.digest);
  await writeJsonAtomic(file, record);
  return file;
}

/** Every deployment record below `dir`; a malformed record is an error naming the file. */
export async function readDeploymentRecords(dir: string): Promise<{ file: string; record: DeploymentRecord }[]> {
  const out: { file: string; record: DeploymentRecord }[] = [];
  let envs: string[];
  try {
    envs = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  for (const env of envs.sort()) {
    for (const f of (await readdir(path.join(dir, env))).filter((n) => /^[0-9a-f]{64}\.json$/.test(n)).sort()) {
      const file = path.join(dir, env, f);
      const value = (await readJsonFile(file)) as Partial<DeploymentRecord>;
      if (
        value.apiVersion !== 'secure-factory/deployment/v1' ||
        typeof value.digest !== 'string' ||
        !DIGEST.test(value.digest) ||
        value.environment !== env ||
        typeof value.time !== 'string'
      ) {
        throw new ConfigurationError(
          'not a secure-factory deployment record (apiVersion secure-factory/deployment/v1 with environment, digest, time)',
          { location: { file } },
        );
      }
      out.push({ file, record: value as DeploymentRecord });
    }
  }
  return out;
}

export const REMEDIATIONS_FILE = 'remediations.json';

export async function readRemediations(dir: string): Promise<RemediationState> {
  const file = path.join(dir, REMEDIATIONS_FILE);
  let value: unknown;
  try {
    value = await readJsonFile(file);
  } catch (e: unknown) {
    if (e instanceof ConfigurationError && /ENOENT/.test(e.message))
      return { apiVersion: 'secure-factory/remediations/v1', updated: new Date(0).toISOString(), remediations: [] };
    throw e;
  }
  const v = value as Partial<RemediationState>;
  if (v.apiVersion !== 'secure-factory/remediations/v1' || !Array.isArray(v.remediations)) {
    throw new ConfigurationError('not a secure-factory remediation state (apiVersion secure-factory/remediations/v1)', {
      location: { file },
    });
  }
  return v as RemediationState;
}

export async function writeRemediations(dir: string, state: RemediationState): Promise<string> {
  const file = path.join(dir, REMEDIATIONS_FILE);
  await writeJsonAtomic(file, state);
  return file;
}

/** Open remediations that name this digest: the gate refuses it while any is open and unwaived. */
export function openRemediationsFor(state: RemediationState, digest: string): Remediation[] {
  return state.remediations.filter((r) => r.status === 'open' && r.digests.includes(digest));
}
