import path from 'node:path';
import { annotate, coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { ConfigurationError, PolicyViolation, TOOL_NAME, TOOL_URI, TOOL_VERSION, toSarif, writeJsonAtomic } from '@secure-factory/core';
import { loadSourcePolicy, verifySource, WORKFLOW_RULES } from '@secure-factory/source';
import type { RunInputs } from './inputs.js';

export async function run(inputs: RunInputs): Promise<void> {
  const logger = coreLogger();
  const ctx = inputs.context;
  const repo = path.resolve(ctx.workspace, inputs.path);
  const policy = await loadSourcePolicy({ repo, file: inputs.policy, baseDir: ctx.workspace });
  const [owner, name, extra] = (ctx.repository ?? '').split('/');
  if (ctx.repository !== undefined && (!owner || !name || extra !== undefined)) {
    throw new ConfigurationError(`GITHUB_REPOSITORY is "${ctx.repository}"; expected OWNER/REPO`);
  }
  const github =
    inputs.token && owner && name
      ? {
          token: inputs.token,
          baseUrl: ctx.apiUrl,
          serverUrl: ctx.serverUrl,
          owner,
          repo: name,
          ref: ctx.ref,
          baseRef: ctx.baseRef,
          pullNumber: ctx.pullNumber,
        }
      : undefined;
  const result = await verifySource({
    repo,
    expectedSha: inputs.expectedSha,
    policy,
    github,
    repository: owner && name ? { owner, repo: name, serverUrl: ctx.serverUrl } : undefined,
    base: ctx.base,
    ref: ctx.ref,
    evidenceDir: path.resolve(ctx.workspace, inputs.evidence),
    // The input can only turn the audit off where the policy itself asks for it.
    auditWorkflows: inputs.auditWorkflows && policy.sourceCheck.workflows.audit,
    publicRepository: ctx.publicRepository,
    minSeverity: inputs.minSeverity,
    minConfidence: inputs.minConfidence,
    logger,
  });

  // Paths in annotations and SARIF are relative to the workspace (the repository root on GitHub).
  const findings = result.findings.map((f) =>
    f.file === undefined ? f : { ...f, file: path.relative(ctx.workspace, path.resolve(repo, f.file)) },
  );
  // Code scanning needs a location: the SARIF carries the findings that point into a file.
  const sarifPath = path.resolve(ctx.workspace, inputs.sarif);
  const located = findings.filter((f) => f.file !== undefined);
  await writeJsonAtomic(
    sarifPath,
    toSarif({ name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI, rules: WORKFLOW_RULES }, located),
  );

  annotate(findings);
  await writeSummary(result.summary);
  setOutput('verified', String(result.ok));
  setOutput('source-level', result.levelName);
  setOutput('vsa-path', result.vsaPath ?? '');
  setOutput('sarif-path', sarifPath);
  setOutput('findings-count', String(result.findings.length));
  if (!result.ok) {
    const blocking = result.findings.filter((f) => f.blocking);
    throw new PolicyViolation(
      `source verification failed: ${blocking.length} blocking finding(s): ${blocking
        .slice(0, 3)
        .map((f) => f.message)
        .join('; ')}${blocking.length > 3 ? '; …' : ''}`,
    );
  }
}
