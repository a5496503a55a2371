/**
 * Deployment records: what the gate admitted, where, when, on the strength of which VSA. One file per
 * admitted artefact in `<evidence>/deployments/`, each written atomically under a unique name, so
 * concurrent gates never lose a record and the rescan loop reads a consistent set (see docs/gate.md).
 */
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile, writeJsonAtomic } from '@secure-factory/core';
import type { DecisionLog } from './decision.js';

export const DEPLOYMENT_API_VERSION = 'secure-factory/deployment/v1';
export const DEPLOYMENTS_DIR = 'deployments';
/** `20261125T025425Z-production-3f9a0b1c2d3e-a1b2c3.json` */
export const RECORD_NAME = /^[0-9]{8}T[0-9]{6}Z-[a-z0-9._-]+-[0-9a-f]{12}-[0-9a-f]{6}\.json$/;

export interface DeploymentRecord {
  apiVersion: typeof DEPLOYMENT_API_VERSION;
  environment: string;
  /** `sha256:HEX` of the artefact. */
  digest: string;
  name?: string;
  /** When the gate admitted it (ISO 8601, UTC). */
  time: string;
  vsa: { path: string; bundlePath?: string; sha256: string };
  decisionPath: string;
  policy: { uri: string; sha256: string } | null;
  verifiedLevels: string[];
}

export async function recordDeployments(evidenceDir: string, log: DecisionLog, decisionPath: string, now: Date): Promise<string[]> {
  const dir = path.join(evidenceDir, DEPLOYMENTS_DIR);
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const env = log.environment.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  const out: string[] = [];
  for (const a of log.artefacts.filter((x) => x.allowed)) {
    const record: DeploymentRecord = {
      apiVersion: DEPLOYMENT_API_VERSION,
      environment: log.environment,
      digest: `sha256:${a.digest}`,
      ...(a.name ? { name: a.name } : {}),
      time: log.time,
      vsa: { path: log.vsa?.path ?? '', ...(log.vsa?.bundlePath ? { bundlePath: log.vsa.bundlePath } : {}), sha256: log.vsa?.sha256 ?? '' },
      decisionPath,
      policy: log.policy ? { uri: log.policy.uri, sha256: log.policy.digest.sha256 } : null,
      verifiedLevels: a.verifiedLevels,
    };
    const file = path.join(dir, `${stamp}-${env}-${a.digest.slice(0, 12)}-${randomBytes(3).toString('hex')}.json`);
    await writeJsonAtomic(file, record);
    out.push(file);
  }
  return out;
}

/** Every deployment record, oldest first; a corrupt file is skipped with its name in `skipped`. */
export async function readDeployments(evidenceDir: string): Promise<{ records: DeploymentRecord[]; skipped: string[] }> {
  const dir = path.join(evidenceDir, DEPLOYMENTS_DIR);
  let names: string[];
  try {
    // Only files named as the gate names records; other state kept beside them (remediations.json) is not a record.
    names = (await readdir(dir)).filter((n) => RECORD_NAME.test(n)).sort();
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: [] };
    throw e;
  }
  const records: DeploymentRecord[] = [];
  const skipped: string[] = [];
  for (const n of names) {
    try {
      // Safe reader: a FIFO or an outward link named like a record is skipped, never read.
      const bytes = await readRegularFile(path.join(dir, n), { maxBytes: 1024 * 1024, what: 'deployment record', within: dir });
      const r = JSON.parse(bytes.toString('utf8')) as DeploymentRecord;
      if (r.apiVersion === DEPLOYMENT_API_VERSION && typeof r.digest === 'string') records.push(r);
      else skipped.push(n);
    } catch {
      skipped.push(n);
    }
  }
  records.sort((a, b) => a.time.localeCompare(b.time));
  return { records, skipped };
}
