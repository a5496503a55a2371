import { getBooleanInput, getListInput, getOptionalInput } from '@secure-factory/action-runtime';
import { policyFileInput } from '@secure-factory/core';

export interface RunInputs {
  /** Folder, lockfile or SBOM, relative to the workspace. */
  path: string;
  /** Undefined: the repository's policy at the default path, or the safe defaults when it has none. */
  policy: string | undefined;
  evidence: string;
  /** Offline OSV database (folder or all.zip files); undefined means the online API. */
  osvDatabase: string | undefined;
  osvApiUrl: string;
  sarif: string;
  cache: boolean;
  workspace: string;
  /** Rescan mode: evidence folders (or folders holding them) with the gate's deployment records. */
  rescan: string[];
  /** Rescan mode: where remediations.json is kept. */
  rescanState: string | undefined;
  githubIssues: boolean;
  githubToken: string | undefined;
  rebuild: boolean;
}

export function readInputs(): RunInputs {
  const policy = getOptionalInput('policy');
  return {
    path: getOptionalInput('path') ?? '.',
    policy: policyFileInput(policy),
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    osvDatabase: getOptionalInput('osv-database'),
    osvApiUrl: getOptionalInput('osv-api-url') ?? 'https://api.osv.dev',
    sarif: getOptionalInput('sarif') ?? 'secure-factory-materials.sarif',
    cache: getBooleanInput('cache', true),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    rescan: getListInput('rescan'),
    rescanState: getOptionalInput('rescan-state'),
    githubIssues: getBooleanInput('github-issues', false),
    githubToken: getOptionalInput('github-token'),
    rebuild: getBooleanInput('rebuild', false),
  };
}
