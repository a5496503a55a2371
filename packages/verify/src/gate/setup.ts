/**
 * From plain inputs (CLI flags, action inputs) to the gate's collaborators: the trust layer, the VSA
 * signer (the attest layer's pipeline: keyless, key or ephemeral) and the GitHub attestations client.
 * Shared by `secure-factory gate` and the gate-deploy action so both behave the same.
 */
import { createPublicKey } from 'node:crypto';
import path from 'node:path';
import {
  actionsIdentityProvider,
  actionsTokenAvailable,
  jwtClaims,
  prepareSigner,
  subjectsFromPaths,
  type SignerInputs,
} from '@secure-factory/attest';
import { ConfigurationError, decodeUtf8, readRegularFile, writeFileAtomic, type Logger, type Statement } from '@secure-factory/core';
import { loadTrustedRoot } from '../bundle/trusted-root.js';
import { createBundleVerifier, isPrivateKeyPem } from '../bundle/verifier.js';
import { runGate, type GateResult } from './gate.js';
import { gitHubAttestationsClient } from './github-attestations.js';
import type { ImageRegistryClient } from './registry-images.js';
import { sigstoreEvidenceVerifier } from './sigstore-verifier.js';
import { resolveSubjects, type GateSubject } from './subjects.js';
import type { EvidenceVerifier } from './types.js';

export interface GateInputs {
  /** Files, `sha256:HEX`, or `registry/name@sha256:HEX`. */
  artefacts: readonly string[];
  /** Artefacts already hashed (e.g. from globs by `subjectsFromGlobs`). */
  subjects?: readonly GateSubject[];
  /** Images admitted by reference from their registry (`registry/name@sha256:HEX`), with the client to read them. */
  images?: readonly string[];
  imageRegistry?: ImageRegistryClient | undefined;
  environment: string;
  evidenceDir?: string | undefined;
  bundleFiles?: readonly string[];
  policyFile?: string | undefined;
  trustedRootFile?: string | undefined;
  /** PEM public keys trusted for key-signed evidence. */
  publicKeyFiles?: readonly string[];
  /** When those keys were made, when the caller made them for this run (see GateOptions.keysCreatedAt). */
  keysCreatedAt?: Date | undefined;
  builder?: string | undefined;
  /**
   * Running as the action on Actions: when neither `builder` nor the policy names one, pin the provenance
   * to the workflow this job runs in, and take the GitHub environment from the job's OIDC token only.
   */
  builderFromRunner?: boolean;
  /** On Actions it may only narrow the job's signed `environment` claim (see githubEnvironmentFor). */
  githubEnvironment?: string | undefined;
  github?: { baseUrl: string; repository: string; token?: string | undefined } | undefined;
  /** How to sign the VSA; `none` leaves it unsigned (the decision log says so). */
  signer?: SignerInputs | 'none';
  outDir?: string | undefined;
  recordDeployment?: boolean;
  now?: Date;
  cwd?: string;
  logger: Logger;
}

export async function buildVerifier(trustedRootFile: string | undefined, publicKeyFiles: readonly string[]): Promise<EvidenceVerifier> {
  const trustedRoot = await loadTrustedRoot(trustedRootFile);
  const publicKeys: string[] = [];
  for (const f of publicKeyFiles) {
    // Safe reader (regular file, bounded); then the key must parse here, so garbage is an input error
    // naming the file (exit 2) rather than OpenSSL decoder text from deep inside verification.
    const bytes = await readRegularFile(f, { maxBytes: 64 * 1024, what: 'public key file', within: '/' });
    const pem = decodeUtf8(bytes, f, 'public key file');
    if (isPrivateKeyPem(pem)) {
      throw new ConfigurationError('the public key file holds a private key', {
        location: { file: f },
        hint: 'pass only its public half (openssl pkey -in KEY -pubout), and keep the private key off the deploy side',
      });
    }
    try {
      createPublicKey(pem);
    } catch (e: unknown) {
      throw new ConfigurationError('the public key file does not hold a PEM public key', {
        location: { file: f },
        hint: 'pass a PEM file starting with -----BEGIN PUBLIC KEY----- (e.g. cosign.pub, or openssl pkey -pubout)',
        cause: e,
      });
    }
    publicKeys.push(pem);
  }
  return sigstoreEvidenceVerifier(createBundleVerifier({ trustedRoot, publicKeys }));
}

/** The attest layer's pipeline, prepared on first use; an ephemeral key's public half is written beside the VSA. */
export function vsaSigner(inputs: SignerInputs, outDir: string): (statement: Statement<unknown>) => Promise<unknown> {
  return async (statement) => {
    const prepared = await prepareSigner(inputs);
    if (prepared.keySigner && inputs.kind === 'ephemeral') {
      await writeFileAtomic(path.join(outDir, 'gate-ephemeral-key.pub.pem'), prepared.keySigner.publicKeyPem);
    }
    return prepared.pipeline.signStatement(Buffer.from(JSON.stringify(statement), 'utf8'));
  };
}

/** What this job's OIDC token says about the run (the claims GitHub signs for the job). */
export interface RunnerClaims {
  /** `job_workflow_ref`: the reusable workflow this job runs in. */
  jobWorkflowRef?: string;
  /** `environment`: the GitHub environment the job runs in (present only when the job declares one). */
  environment?: string;
}

/**
 * This job's claims, from the runner's OIDC token: the gate runs in the factory's own workflow, so
 * `job_workflow_ref` is the builder to pin when the policy names none, and `environment` is the GitHub
 * environment of the run. Fulcio certificates carry no environment extension, so the token is the only
 * signed source of it (gh and actions/attest read it from there too). Undefined when the job cannot
 * mint a token (then the builder and environment checks fail closed).
 */
export async function runnerClaims(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<RunnerClaims | undefined> {
  if (!actionsTokenAvailable(env)) return undefined;
  try {
    const claims = jwtClaims(await actionsIdentityProvider(env).getToken());
    return {
      ...(typeof claims.job_workflow_ref === 'string' ? { jobWorkflowRef: claims.job_workflow_ref } : {}),
      ...(typeof claims.environment === 'string' && claims.environment !== '' ? { environment: claims.environment } : {}),
    };
  } catch (e: unknown) {
    logger?.warning(`cannot read this job's OIDC claims: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** The reusable workflow this job runs in (`job_workflow_ref` of its OIDC token). */
export async function runnerWorkflowRef(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<string | undefined> {
  return (await runnerClaims(env, logger))?.jobWorkflowRef;
}

/**
 * The GitHub environment the gate holds the policy's `deploy.<env>.environments` to. On Actions it is
 * the job's signed `environment` claim and nothing else: an input can only narrow it (it must match),
 * never supply it. Off Actions (the CLI) there is no signed claim and the operator's flag is taken.
 */
export function githubEnvironmentFor(
  input: string | undefined,
  claims: RunnerClaims | undefined,
  onActions: boolean,
  logger?: Logger,
): string | undefined {
  if (!onActions) return input;
  const claimed = claims?.environment;
  if (input !== undefined && claimed !== undefined && input !== claimed) {
    throw new ConfigurationError(
      `github-environment is "${input}" but this job's OIDC token says it runs in the environment "${claimed}"`,
      { hint: `remove the github-environment input, or set it to ${claimed}` },
    );
  }
  if (input !== undefined && claimed === undefined) {
    logger?.warning(
      `github-environment "${input}" is not taken: this job's OIDC token names no environment (declare \`environment: ${input}\` on the job and grant id-token: write)`,
    );
  }
  return claimed;
}

/** Files and globs (as the attest stage expands them) → subjects with their names. */
export async function subjectsFromGlobs(patterns: readonly string[], cwd = process.cwd()): Promise<GateSubject[]> {
  const found = await subjectsFromPaths(patterns, cwd);
  return found.flatMap((s) => (s.digest.sha256 ? [{ digest: s.digest.sha256, ...(s.name ? { name: s.name } : {}) }] : []));
}

/** Resolves the artefacts and runs the gate; bad artefact arguments are a recorded refusal too. */
export async function gate(inputs: GateInputs): Promise<GateResult> {
  const given = inputs.subjects ?? [];
  const images = inputs.images ?? [];
  const subjects = [
    ...given,
    ...(inputs.artefacts.length > 0 || (given.length === 0 && images.length === 0)
      ? await resolveSubjects(inputs.artefacts, inputs.cwd)
      : []),
  ];
  const outDir = inputs.outDir ?? path.join(inputs.evidenceDir ?? '.secure-factory', 'gate');
  // On Actions (the action sets builderFromRunner) the run's own signed claims decide builder and environment.
  const claims = inputs.builderFromRunner ? await runnerClaims(process.env, inputs.logger) : undefined;
  return runGate({
    subjects,
    environment: inputs.environment,
    policyFile: inputs.policyFile,
    evidenceDir: inputs.evidenceDir,
    bundleFiles: inputs.bundleFiles ?? [],
    github: inputs.github ? gitHubAttestationsClient(inputs.github) : undefined,
    ...(images.length > 0 ? { images, imageRegistry: inputs.imageRegistry } : {}),
    verifier: () => buildVerifier(inputs.trustedRootFile, inputs.publicKeyFiles ?? []),
    builder: inputs.builder,
    keysCreatedAt: inputs.keysCreatedAt,
    defaultBuilder: !inputs.builder ? claims?.jobWorkflowRef : undefined,
    githubEnvironment: githubEnvironmentFor(inputs.githubEnvironment, claims, inputs.builderFromRunner === true, inputs.logger),
    outDir,
    signStatement: inputs.signer && inputs.signer !== 'none' ? vsaSigner(inputs.signer, outDir) : undefined,
    ...(inputs.recordDeployment !== undefined ? { recordDeployment: inputs.recordDeployment } : {}),
    ...(inputs.now ? { now: inputs.now } : {}),
    logger: inputs.logger,
  });
}
