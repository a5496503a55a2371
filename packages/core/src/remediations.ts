/**
 * The closed loop's shared state. The gate writes deployment records (packages/verify, docs/gate.md);
 * the rescan loop reads them, rescans each deployed digest's SBOM and keeps `remediations.json` (one
 * entry per advisory and package) beside them, which the gate reads back so that a digest with an open
 * blocking remediation is refused unless waived.
 */
import path from 'node:path';
import { writeJsonAtomic } from './atomic-file.js';
import { ConfigurationError } from './errors.js';
import { readJsonFile } from './json-file.js';
import { UnsafeFileError } from './safe-read.js';
import type { Severity } from './findings.js';

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

export const REMEDIATIONS_FILE = 'remediations.json';

export async function readRemediations(dir: string): Promise<RemediationState> {
  const file = path.join(dir, REMEDIATIONS_FILE);
  let value: unknown;
  try {
    value = await readJsonFile(file, { maxBytes: 64 * 1024 * 1024, what: 'remediation state' });
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason === 'missing')
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
