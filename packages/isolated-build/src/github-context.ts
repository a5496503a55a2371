/**
 * What the GitHub run tells us, read from the runner's environment and event file: the builder id
 * (the workflow ref), the invocation (run id and attempt), workflow inputs, and the actions and
 * images the workflow pins by SHA or digest. Outside GitHub, a local builder id.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { readEventPayload, readTextFileSync, TOOL_URI, TOOL_VERSION, type ResourceDescriptor } from '@secure-factory/core';

/** A workflow file is far smaller than this. */
const WORKFLOW_MAX_BYTES = 4 * 1024 * 1024;

/** The builder id of a run outside GitHub Actions (documented in docs/build-type.md). */
export const LOCAL_BUILDER_ID = `${TOOL_URI}/local-builder`;

export interface RunContext {
  onGitHub: boolean;
  builderId: string;
  builderVersion: Record<string, string>;
  invocationId: string;
  /** externalParameters.workflow (GitHub only). */
  workflow?: { ref: string; repository: string; path: string };
  /** Inputs of a workflow_dispatch / workflow_call event. */
  workflowInputs?: Record<string, unknown>;
  eventName?: string;
  /** Actions pinned by SHA and images pinned by digest that the run's workflow names. */
  dependencies: ResourceDescriptor[];
  runner?: Record<string, string>;
}

/** An unreadable event file leaves the inputs unknown; the workflow ref still identifies the run. */
function readEventInputs(file: string | undefined): Record<string, unknown> | undefined {
  const inputs = readEventPayload(file)?.inputs;
  return inputs && typeof inputs === 'object' && !Array.isArray(inputs) ? (inputs as Record<string, unknown>) : undefined;
}

const USES = /\buses:\s*['"]?([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)((?:\/[A-Za-z0-9_./-]+)?)@([0-9a-f]{40})\b/g;
const IMAGE = /(?:\bimage:\s*['"]?(?:docker:\/\/)?|\bdocker:\/\/)([A-Za-z0-9][A-Za-z0-9._\-/:]*)@sha256:([0-9a-f]{64})/g;

/** Actions by SHA and images by digest named in a workflow file's text. */
export function pinnedDependencies(text: string): ResourceDescriptor[] {
  const out = new Map<string, ResourceDescriptor>();
  for (const m of text.matchAll(USES)) {
    const [, repo, sub, sha] = m as unknown as [string, string, string, string];
    out.set(`a:${repo}${sub}@${sha}`, { name: `${repo}${sub}`, uri: `git+https://github.com/${repo}@${sha}`, digest: { gitCommit: sha } });
  }
  for (const m of text.matchAll(IMAGE)) {
    const [, image, digest] = m as unknown as [string, string, string];
    out.set(`i:${image}@${digest}`, { name: image, uri: `docker://${image}@sha256:${digest}`, digest: { sha256: digest } });
  }
  return [...out.values()];
}

export function readRunContext(env: NodeJS.ProcessEnv, sourceDir: string): RunContext {
  const onGitHub = env.GITHUB_ACTIONS === 'true' && !!env.GITHUB_WORKFLOW_REF && !!env.GITHUB_REPOSITORY;
  if (!onGitHub) {
    return {
      onGitHub: false,
      builderId: LOCAL_BUILDER_ID,
      builderVersion: { 'secure-factory': TOOL_VERSION },
      invocationId: `urn:uuid:${randomUUID()}`,
      dependencies: [],
    };
  }
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const workflowRef = env.GITHUB_WORKFLOW_REF as string;
  const repository = env.GITHUB_REPOSITORY as string;
  const at = workflowRef.lastIndexOf('@');
  const ref = at >= 0 ? workflowRef.slice(at + 1) : '';
  const fullPath = at >= 0 ? workflowRef.slice(0, at) : workflowRef;
  const workflowPath = fullPath.startsWith(`${repository}/`) ? fullPath.slice(repository.length + 1) : fullPath;
  const dependencies: ResourceDescriptor[] = [];
  // The action itself, when the runner says which commit it is.
  if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF && /^[0-9a-f]{40}$/.test(env.GITHUB_ACTION_REF)) {
    dependencies.push({
      name: env.GITHUB_ACTION_REPOSITORY,
      uri: `git+${server}/${env.GITHUB_ACTION_REPOSITORY}@${env.GITHUB_ACTION_REF}`,
      digest: { gitCommit: env.GITHUB_ACTION_REF },
    });
  }
  // The workflow file in this checkout, when the run's workflow lives in this repository.
  const wfFile = path.join(sourceDir, workflowPath);
  if (fullPath.startsWith(`${repository}/`) && !workflowPath.split('/').includes('..') && existsSync(wfFile)) {
    try {
      // The workflow is the repository's: a link out of the checkout, a FIFO or a huge file is not read.
      dependencies.push(
        ...pinnedDependencies(readTextFileSync(wfFile, { within: sourceDir, maxBytes: WORKFLOW_MAX_BYTES, what: 'workflow' })),
      );
    } catch {
      // unreadable: the dependencies stay those the runner reported
    }
  }
  const version: Record<string, string> = { 'secure-factory': TOOL_VERSION };
  if (env.GITHUB_WORKFLOW_SHA) version['workflow-sha'] = env.GITHUB_WORKFLOW_SHA;
  const runner: Record<string, string> = {};
  for (const k of ['RUNNER_OS', 'RUNNER_ARCH', 'RUNNER_ENVIRONMENT', 'ImageOS', 'ImageVersion']) {
    const v = env[k];
    if (v) runner[k] = v;
  }
  const inputs = readEventInputs(env.GITHUB_EVENT_PATH);
  return {
    onGitHub: true,
    builderId: `${server}/${workflowRef}`,
    builderVersion: version,
    invocationId: `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID ?? '0'}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}`,
    workflow: { ref, repository, path: workflowPath },
    ...(inputs ? { workflowInputs: inputs } : {}),
    ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {}),
    dependencies,
    runner,
  };
}
