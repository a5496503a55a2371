/** The one entry point the CLI and the action share: policy + inputs → settings → build. */
import path from 'node:path';
import { DEFAULT_EVIDENCE_DIR, loadPolicy, type Logger } from '@secure-factory/core';
import { build, type BuildResult } from './build.js';
import type { FetchCacheOptions } from './fetch-cache.js';
import type { DetectOptions } from './sandbox.js';
import { resolveSettings } from './settings.js';

export interface BuildStageInputs {
  source?: string | undefined;
  command: readonly string[];
  outputs: readonly string[];
  evidence?: string | undefined;
  /** Policy file; default `<source>/.github/secure-factory.yml` when it exists, else the built-in defaults. */
  policy?: string | undefined;
  network?: string | undefined;
  /** Hosts the fetch may reach besides its lockfiles' registries (added to the policy's). */
  networkAllow?: readonly string[] | undefined;
  reproducible?: boolean | undefined;
  timeout?: string | number | undefined;
  env?: readonly string[] | undefined;
  fetchCommand?: string | undefined;
  testCommand?: string | undefined;
  outputDir?: string | undefined;
  /** The name (`registry/name`) of the image an OCI layout among the outputs holds. */
  imageName?: string | undefined;
  cache?: FetchCacheOptions | undefined;
  logger: Logger;
  hostEnv?: NodeJS.ProcessEnv;
  sandbox?: DetectOptions;
  onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void;
}

export async function runBuildStage(i: BuildStageInputs): Promise<BuildResult & { policyFile: string }> {
  const source = path.resolve(i.source ?? '.');
  const policy = await loadPolicy(i.policy, { dir: source });
  const settings = resolveSettings(policy, {
    network: i.network,
    networkAllow: i.networkAllow,
    reproducible: i.reproducible,
    timeout: i.timeout,
    env: i.env,
  });
  const result = await build({
    source,
    command: i.command,
    outputs: i.outputs,
    evidence: path.resolve(i.evidence ?? path.join(source, DEFAULT_EVIDENCE_DIR)),
    network: settings.network,
    networkAllow: settings.networkAllow,
    reproducible: settings.reproducible,
    timeoutMs: settings.timeoutMs,
    env: settings.env,
    fetchCommand: i.fetchCommand,
    testCommand: i.testCommand,
    outputDir: i.outputDir,
    imageName: i.imageName,
    cache: i.cache,
    logger: i.logger,
    ...(i.hostEnv ? { hostEnv: i.hostEnv } : {}),
    ...(i.sandbox ? { sandbox: i.sandbox } : {}),
    ...(i.onOutput ? { onOutput: i.onOutput } : {}),
  });
  return { ...result, policyFile: policy.source.file };
}
