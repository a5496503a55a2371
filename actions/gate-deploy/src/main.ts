/** The gate-deploy action: gate the artefacts, write outputs, the job summary and one annotation per failed check. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { annotateError, coreLogger, maskSecret, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { ConfigurationError, policyFileInput, PolicyViolation } from '@secure-factory/core';
import { createRegistryClient, RegistryMisbehaviour } from '@secure-factory/materials';
import { gate, renderGateSummary, subjectsFromGlobs, type GateResult } from '@secure-factory/verify';
import type { RunInputs } from './inputs.js';

export async function run(inputs: RunInputs): Promise<GateResult> {
  const logger = coreLogger();
  if (inputs.subjectPaths.length === 0 && inputs.subjectDigests.length === 0 && inputs.images.length === 0) {
    throw new ConfigurationError('nothing to gate', {
      hint: 'set subject-path (files or globs), subject-digest (sha256:HEX) or images (registry/name@sha256:HEX)',
    });
  }
  if (inputs.privateKey) maskSecret(inputs.privateKey);
  if (inputs.githubToken) maskSecret(inputs.githubToken);
  const tokenAvailable = Boolean(process.env.ACTIONS_ID_TOKEN_REQUEST_URL && process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  const kind = inputs.signer === 'auto' ? (tokenAvailable ? 'keyless' : inputs.privateKey ? 'key' : 'ephemeral') : inputs.signer;
  const policyFile = policyFileInput(inputs.policy);
  // Images alone need no evidence folder: their attestations come from the registry.
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const noFolder = inputs.images.length > 0 && !existsSync(path.resolve(workspace, inputs.evidence));
  if (noFolder) logger.info(`no evidence folder at ${inputs.evidence}: the images' attestations come from their registry only`);
  const result = await gate({
    artefacts: inputs.subjectDigests,
    images: inputs.images,
    // The registry client (docker config credentials, digests checked), injected into the gate.
    imageRegistry:
      inputs.images.length > 0 ? { ...createRegistryClient(), isMisbehaviour: (e) => e instanceof RegistryMisbehaviour } : undefined,
    subjects: await subjectsFromGlobs(inputs.subjectPaths, workspace),
    environment: inputs.environment,
    evidenceDir: noFolder ? undefined : inputs.evidence,
    policyFile,
    trustedRootFile: inputs.trustedRoot,
    publicKeyFiles: inputs.publicKeys,
    builder: inputs.builder,
    builderFromRunner: true,
    githubEnvironment: inputs.githubEnvironment,
    github: inputs.fetchAttestations
      ? { baseUrl: inputs.githubApiUrl, repository: inputs.repository, token: inputs.githubToken }
      : undefined,
    signer: {
      kind,
      privateKeyPem: inputs.privateKey,
      services: { signingConfigFile: inputs.signingConfig, fulcioUrl: inputs.fulcioUrl, rekorUrl: inputs.rekorUrl, tsaUrl: inputs.tsaUrl },
      transparencyLog: 'auto',
    },
    recordDeployment: inputs.record,
    logger,
  });
  setOutput('allowed', String(result.allowed));
  setOutput('vsa-path', result.vsaPath);
  setOutput('vsa-bundle-path', result.vsaBundlePath ?? '');
  setOutput('decision-path', result.decisionPath);
  await writeSummary(renderGateSummary(result.decision, { mermaid: true, decisionPath: result.decisionPath }));
  // One annotation per distinct failing check (GitHub shows ten per step), naming the stage that owns it.
  const seen = new Set<string>();
  for (const a of result.decision.artefacts) {
    for (const c of a.checks.filter((x) => x.status === 'fail')) {
      const key = `${c.stage}\u0000${c.id}\u0000${c.reason}`;
      if (seen.has(key) || seen.size >= 10) continue;
      seen.add(key);
      annotateError(`${c.reason}${c.fix ? ` — ${c.fix}` : ''}`, {
        title: `gate ${inputs.environment}: ${c.stage} · ${c.title} (${a.name ?? a.digest.slice(0, 12)})`,
      });
    }
  }
  if (!result.allowed) {
    const refused = result.decision.artefacts.filter((a) => !a.allowed).length;
    throw new PolicyViolation(
      result.decision.error?.message ??
        `${refused} artefact(s) refused for ${inputs.environment}; see the job summary and ${result.decisionPath}`,
    );
  }
  return result;
}
