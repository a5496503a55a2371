/**
 * Least-privilege drift across an organisation: for every repository that deploys through the factory,
 * its default branch's workflows and CODEOWNERS are read through the contents API
 * (GET /repos/{owner}/{repo}/contents/{path}?ref=BRANCH) and compared with the posture recorded for
 * its last admitted release (in the evidence `collectOrg` copied). Fails closed like the collection:
 * an answer that is not what GitHub sends, or a file that does not hash to the blob id the listing
 * named, is an InfrastructureError naming the repository; only a 404 means "not there".
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Octokit } from '@octokit/core';
import { InfrastructureError, type Logger } from '@secure-factory/core';
import { CODEOWNERS_PATHS, MAX_WORKFLOW_BYTES } from '@secure-factory/source';
import { readDeployments, type DeploymentRecord } from '@secure-factory/verify';
import { lastAdmitted, repositoryDrift, type DriftReport } from '../drift.js';
import type { RepoListing } from './github.js';

const gitBlobSha1 = (bytes: Buffer): string => createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
const status = (e: unknown): number | undefined => (e as { status?: number }).status;

function failure(what: string, e: unknown): InfrastructureError {
  const s = status(e);
  return new InfrastructureError(`GitHub API: ${what} failed${s ? ` (HTTP ${s})` : ''}: ${(e as Error).message}`, {
    hint:
      s === 401 || s === 403
        ? 'the token needs contents: read on every repository of the organisation'
        : 'drift was not judged: a partial read of the workflows would hide a new grant',
    cause: e,
  });
}

interface ContentEntry {
  type?: unknown;
  name?: unknown;
  path?: unknown;
  sha?: unknown;
  size?: unknown;
  content?: unknown;
  encoding?: unknown;
}

/** One file's bytes, checked against its blob id; undefined when the path does not exist (404). */
async function readContent(octokit: Octokit, repository: string, file: string, ref: string, maxBytes: number): Promise<Buffer | undefined> {
  const [owner, repo] = repository.split('/') as [string, string];
  let data: unknown;
  try {
    data = (await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path: file, ref })).data;
  } catch (e: unknown) {
    if (status(e) === 404) return undefined;
    throw failure(`reading ${repository}:${file}@${ref}`, e);
  }
  const entry = data as ContentEntry;
  if (Array.isArray(data) || entry.type !== 'file') return undefined; // a directory where a file was looked for
  if (typeof entry.size === 'number' && entry.size > maxBytes)
    throw new InfrastructureError(`${repository}:${file} is ${entry.size} bytes, over the limit of ${maxBytes}`);
  if (entry.encoding !== 'base64' || typeof entry.content !== 'string' || typeof entry.sha !== 'string')
    throw new InfrastructureError(`GitHub API: ${repository}:${file} did not come back as a base64 file with its blob id`);
  const bytes = Buffer.from(entry.content, 'base64');
  if (gitBlobSha1(bytes) !== entry.sha)
    throw new InfrastructureError(`GitHub API: ${repository}:${file} does not hash to the blob ${entry.sha} GitHub named`);
  return bytes;
}

/** The default branch's `.github/workflows/*.yml|yaml` and CODEOWNERS, through the contents API. */
export async function readDefaultBranchWorkflows(
  octokit: Octokit,
  repository: string,
  ref: string,
): Promise<{ files: { path: string; text: string }[]; codeownersText?: string }> {
  const [owner, repo] = repository.split('/') as [string, string];
  let listing: unknown;
  try {
    listing = (await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path: '.github/workflows', ref })).data;
  } catch (e: unknown) {
    if (status(e) !== 404) throw failure(`listing ${repository}:.github/workflows@${ref}`, e);
    listing = [];
  }
  if (!Array.isArray(listing))
    throw new InfrastructureError(`GitHub API: ${repository}:.github/workflows@${ref} is not a directory listing`);
  const files: { path: string; text: string }[] = [];
  for (const e of listing as ContentEntry[]) {
    if (e.type !== 'file' || typeof e.name !== 'string' || !/^[^/\\]+\.ya?ml$/i.test(e.name)) continue;
    const p = `.github/workflows/${e.name}`;
    const bytes = await readContent(octokit, repository, p, ref, MAX_WORKFLOW_BYTES);
    if (bytes) files.push({ path: p, text: bytes.toString('utf8') });
  }
  for (const p of CODEOWNERS_PATHS) {
    const bytes = await readContent(octokit, repository, p, ref, 3 * 1024 * 1024);
    if (bytes) return { files, codeownersText: bytes.toString('utf8') };
  }
  return { files };
}

async function releasesIn(root: string, repository: string): Promise<{ record: DeploymentRecord; evidence: string }[]> {
  const runsDir = path.join(root, ...repository.split('/'), 'runs');
  let runs: string[];
  try {
    runs = (await readdir(runsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: { record: DeploymentRecord; evidence: string }[] = [];
  for (const run of runs.sort()) {
    const evidence = path.join(runsDir, run, 'evidence');
    const { records } = await readDeployments(evidence);
    out.push(...records.map((record) => ({ record, evidence })));
  }
  return out;
}

/**
 * Drift of every listed repository that has an admitted release in `collectedRoot` (what `collectOrg`
 * wrote). Archived repositories and those without a default branch are skipped.
 */
export async function orgDrift(
  octokit: Octokit,
  repos: readonly RepoListing[],
  collectedRoot: string,
  logger: Logger,
): Promise<DriftReport[]> {
  const out: DriftReport[] = [];
  for (const r of repos) {
    if (r.archived || !r.defaultBranch) continue;
    const releases = await releasesIn(collectedRoot, r.repository);
    const release = lastAdmitted(releases);
    if (!release) continue;
    const { files, codeownersText } = await readDefaultBranchWorkflows(octokit, r.repository, r.defaultBranch);
    const report = await repositoryDrift({
      repository: r.repository,
      ref: r.defaultBranch,
      files,
      ...(codeownersText !== undefined ? { codeownersText } : {}),
      release,
      relativeTo: collectedRoot,
    });
    logger.info(
      `${r.repository}: ${files.length} workflow(s) on ${r.defaultBranch}, ${report.status === 'compared' ? `${report.findings.length} drift finding(s)` : 'no recorded posture to compare with'}`,
    );
    out.push(report);
  }
  return out;
}
