/**
 * `verify-artifact` with slsa-verifier's meaning for each flag, for provenance carried in Sigstore
 * bundles (slsa-github-generator v2+, its BYOB delegators, GitHub artifact attestations). Legacy
 * `.intoto.jsonl` DSSE envelopes without a transparency-log entry need an online Rekor search;
 * offline they fail closed with that reason. Failure codes are slsa-verifier's error names.
 */
import type { Statement } from '@secure-factory/core';
import type { ArtifactInput } from './artifact.js';
import type { CertificateIdentity } from './certificate.js';
import { checkClaimsAgainstCertificate } from './claims.js';
import { GITHUB_ACTIONS_ISSUER } from './github.js';
import type { BundleVerifier } from './verifier.js';

export type SlsaErrorName =
  | 'ErrorInvalidDssePayload'
  | 'ErrorRekorSearch'
  | 'ErrorMismatchHash'
  | 'ErrorInvalidSignature'
  | 'ErrorUntrustedReusableWorkflow'
  | 'ErrorMismatchBuilderID'
  | 'ErrorMismatchSource'
  | 'ErrorInvalidRef'
  | 'ErrorMismatchBranch'
  | 'ErrorMismatchTag'
  | 'ErrorMismatchVersionedTag'
  | 'ErrorInvalidSemver'
  | 'ErrorMismatchWorkflowInputs';

export interface SlsaVerifyOptions {
  /** `github.com/OWNER/REPO` */
  sourceUri: string;
  builderId?: string | undefined;
  sourceBranch?: string | undefined;
  sourceTag?: string | undefined;
  sourceVersionedTag?: string | undefined;
  buildWorkflowInputs?: Record<string, string> | undefined;
}

export type SlsaVerdict =
  { ok: true; builderId: string; statement: Statement; sourceUri: string } | { ok: false; error: SlsaErrorName; reason: string };

const GENERATOR_REPO = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/';
/**
 * Reusable workflows slsa-verifier trusts to sign provenance (certificate SAN), as its
 * verifiers/internal/gha/builder.go lists them: the generic and container generators, the Go and
 * container-based builders, and the BYOB delegators (whose provenance names the builder they ran).
 */
const TRUSTED_SIGNERS = new Set(
  [
    'generator_generic_slsa3.yml',
    'generator_container_slsa3.yml',
    'builder_go_slsa3.yml',
    'builder_container-based_slsa3.yml',
    'delegator_generic_slsa3.yml',
    'delegator_lowperms-generic_slsa3.yml',
  ].map((f) => GENERATOR_REPO + f),
);
const DELEGATORS = new Set([`${GENERATOR_REPO}delegator_generic_slsa3.yml`, `${GENERATOR_REPO}delegator_lowperms-generic_slsa3.yml`]);

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function splitId(id: string): { path: string; ref?: string } {
  const at = id.lastIndexOf('@');
  if (at < 0) return { path: id };
  return { path: id.slice(0, at), ref: id.slice(at + 1).replace(/^refs\/tags\//, '') };
}

/** Is this provenance file a Sigstore bundle, or a legacy DSSE envelope (JSON lines)? */
export function parseProvenanceFile(
  text: string,
): { kind: 'bundle'; bundle: unknown } | { kind: 'legacy'; reason: string } | { kind: 'invalid'; reason: string } {
  const trimmed = text.trim();
  let first: unknown;
  try {
    first = JSON.parse(trimmed);
  } catch {
    const line = trimmed.split('\n')[0] ?? '';
    try {
      first = JSON.parse(line);
    } catch {
      return { kind: 'invalid', reason: 'the provenance file is neither a Sigstore bundle nor JSON lines' };
    }
  }
  const o = obj(first);
  if (typeof o.mediaType === 'string' && o.mediaType.startsWith('application/vnd.dev.sigstore.bundle'))
    return { kind: 'bundle', bundle: first };
  if (typeof o.payloadType === 'string' && Array.isArray(o.signatures)) {
    return {
      kind: 'legacy',
      reason:
        'legacy DSSE envelope with the certificate in the signature and no transparency-log entry: slsa-verifier finds its Rekor entry by an online search, which cannot be done offline, so it is not trusted (regenerate with a builder that emits Sigstore bundles, slsa-github-generator v2+)',
    };
  }
  return { kind: 'invalid', reason: 'the provenance file is not a Sigstore bundle' };
}

interface RefInfo {
  ref?: string;
  baseRef?: string;
  repositoryUri?: string;
  inputs: Obj;
  builderId?: string;
}

function provenanceRefs(st: Statement): RefInfo {
  const p = obj(st.predicate);
  if (st.predicateType === 'https://slsa.dev/provenance/v0.2') {
    const inv = obj(p.invocation);
    const uri = str(obj(inv.configSource).uri);
    const payload = obj(obj(inv.environment).github_event_payload);
    const m = uri ? /^(git\+https:\/\/github\.com\/[^@]+)(?:@(.+))?$/.exec(uri) : null;
    return {
      ...(m?.[2] ? { ref: m[2] } : {}),
      ...(str(payload.base_ref) ? { baseRef: str(payload.base_ref) } : {}),
      ...(m?.[1] ? { repositoryUri: m[1] } : {}),
      inputs: obj(payload.inputs),
      ...(str(obj(p.builder).id) ? { builderId: str(obj(p.builder).id) } : {}),
    };
  }
  const def = obj(p.buildDefinition);
  const internal = obj(def.internalParameters);
  const ext = obj(def.externalParameters);
  const workflow = obj(ext.workflow);
  const payload = obj(internal.GITHUB_EVENT_PAYLOAD ?? obj(internal.github).event_payload);
  const deps = Array.isArray(def.resolvedDependencies) ? def.resolvedDependencies.map(obj) : [];
  const depUri = str(deps[0]?.uri);
  const m = depUri ? /^(git\+https:\/\/github\.com\/[^@]+)(?:@(.+))?$/.exec(depUri) : null;
  const ref = str(internal.GITHUB_REF) ?? str(workflow.ref) ?? m?.[2];
  const repo = str(workflow.repository);
  return {
    ...(ref ? { ref } : {}),
    ...(str(payload.base_ref) ? { baseRef: str(payload.base_ref) } : {}),
    ...(m?.[1] ? { repositoryUri: m[1] } : repo ? { repositoryUri: `git+${repo}` } : {}),
    inputs: Object.keys(obj(ext.inputs)).length > 0 && !internal.GITHUB_EVENT_PAYLOAD ? obj(ext.inputs) : obj(payload.inputs),
    ...(str(obj(obj(p.runDetails).builder).id) ? { builderId: str(obj(obj(p.runDetails).builder).id) } : {}),
  };
}

function semver(tag: string): [number, number | undefined, number | undefined] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+].*)?$/.exec(tag);
  if (!m?.[1]) return undefined;
  return [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
}

const bad = (error: SlsaErrorName, reason: string): SlsaVerdict => ({ ok: false, error, reason });

export function verifySlsaProvenance(
  verifier: BundleVerifier,
  bundle: unknown,
  artifacts: ArtifactInput[],
  options: SlsaVerifyOptions,
): SlsaVerdict {
  let statement: Statement | undefined;
  let san: string | undefined;
  for (const artifact of artifacts) {
    const verdict = verifier.verify(bundle, artifact, { issuer: GITHUB_ACTIONS_ISSUER, requireStatement: true, checkClaims: true });
    if (!verdict.ok) {
      switch (verdict.code) {
        case 'ARTIFACT_MISMATCH':
          return bad('ErrorMismatchHash', verdict.reason);
        case 'TRANSPARENCY_LOG':
          return bad('ErrorRekorSearch', verdict.reason);
        case 'MALFORMED':
        case 'UNSUPPORTED':
          return bad('ErrorInvalidDssePayload', verdict.reason);
        case 'CLAIMS':
          return bad('ErrorMismatchSource', verdict.reason);
        default:
          return bad('ErrorInvalidSignature', `${verdict.code}: ${verdict.reason}`);
      }
    }
    statement = verdict.statement;
    if (verdict.signer.kind === 'certificate')
      san = verdict.signer.identity.buildSignerUri ?? verdict.signer.identity.subjectAlternativeName;
  }
  if (!statement || !san) return bad('ErrorInvalidSignature', 'no artefact given, or the bundle is not signed by a certificate');
  const signer = splitId(san);
  if (!TRUSTED_SIGNERS.has(signer.path))
    return bad('ErrorUntrustedReusableWorkflow', `the provenance was signed by ${san}, which is not a trusted SLSA builder`);
  const info = provenanceRefs(statement);
  // The builder: for delegators (BYOB), the trusted reusable workflow recorded in the provenance.
  const builderId = DELEGATORS.has(signer.path) ? (info.builderId ?? san) : san;
  if (options.builderId) {
    const want = splitId(options.builderId);
    const have = splitId(builderId);
    if (!DELEGATORS.has(signer.path) && want.path !== have.path && !TRUSTED_SIGNERS.has(want.path)) {
      return bad('ErrorUntrustedReusableWorkflow', `${options.builderId} is not a trusted builder`);
    }
    if (want.path !== have.path || (want.ref !== undefined && want.ref !== have.ref)) {
      return bad('ErrorMismatchBuilderID', `the builder is ${builderId}, not ${options.builderId}`);
    }
  }
  // The builder must be a release (for delegators, the trusted reusable workflow they ran).
  const builderRef = splitId(builderId).ref;
  if (builderRef === undefined || !/^v\d+\.\d+\.\d+/.test(builderRef)) {
    return bad('ErrorInvalidRef', `the builder ${builderId} is not referenced by a release tag`);
  }
  const wantSource = `git+https://${options.sourceUri.replace(/^https:\/\//, '').replace(/^git\+https:\/\//, '')}`;
  if (!info.repositoryUri || info.repositoryUri.replace(/\.git$/, '') !== wantSource) {
    return bad('ErrorMismatchSource', `the provenance's source is ${info.repositoryUri ?? 'missing'}, expected ${wantSource}`);
  }
  const ref = info.ref;
  if (options.sourceBranch !== undefined) {
    let branchRef: string | undefined;
    if (ref?.startsWith('refs/heads/')) branchRef = ref;
    else if (ref?.startsWith('refs/tags/')) branchRef = info.baseRef;
    if (!branchRef?.startsWith('refs/heads/')) return bad('ErrorInvalidRef', `the provenance names no branch (ref ${ref ?? 'missing'})`);
    if (branchRef !== `refs/heads/${options.sourceBranch}`)
      return bad('ErrorMismatchBranch', `built from ${branchRef}, expected refs/heads/${options.sourceBranch}`);
  }
  const tag = ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined;
  if (options.sourceTag !== undefined) {
    if (tag === undefined) return bad('ErrorInvalidRef', `the provenance's ref ${ref ?? 'missing'} is not a tag`);
    if (tag !== options.sourceTag) return bad('ErrorMismatchTag', `built from tag ${tag}, expected ${options.sourceTag}`);
  }
  if (options.sourceVersionedTag !== undefined) {
    const want = semver(options.sourceVersionedTag);
    if (!want) return bad('ErrorInvalidSemver', `${options.sourceVersionedTag} is not a semantic version`);
    if (tag === undefined) return bad('ErrorInvalidRef', `the provenance's ref ${ref ?? 'missing'} is not a tag`);
    const have = semver(tag);
    if (!have) return bad('ErrorInvalidSemver', `the provenance's tag ${tag} is not a semantic version`);
    const ok =
      want[0] === have[0] && (want[1] === undefined || want[1] === (have[1] ?? 0)) && (want[2] === undefined || want[2] === (have[2] ?? 0));
    if (!ok) return bad('ErrorMismatchVersionedTag', `built from tag ${tag}, which does not match ${options.sourceVersionedTag}`);
  }
  for (const [k, v] of Object.entries(options.buildWorkflowInputs ?? {})) {
    // Own inputs only: `--build-workflow-input constructor=…` must not find Object's constructor.
    const actual = Object.hasOwn(info.inputs, k) ? info.inputs[k] : undefined;
    const text = typeof actual === 'string' ? actual : JSON.stringify(actual);
    if (actual === undefined || text !== v) {
      return bad(
        'ErrorMismatchWorkflowInputs',
        `workflow input ${k}: expected ${JSON.stringify(v)}, the provenance has ${actual === undefined ? 'none' : JSON.stringify(actual)}`,
      );
    }
  }
  return { ok: true, builderId, statement, sourceUri: options.sourceUri };
}

export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';

/**
 * GitHub artifact attestations (actions/attest-build-provenance), as slsa-verifier's
 * `verify-github-attestation`: the signing workflow (certificate build signer URI) must be the
 * `builderId` given — there is no built-in list of trusted builders, so an empty one is refused —
 * and the certificate's source repository must be `sourceUri`.
 */
export function verifyGithubAttestation(
  verifier: BundleVerifier,
  bundle: unknown,
  artifacts: ArtifactInput[],
  options: SlsaVerifyOptions,
): SlsaVerdict {
  if (!options.builderId)
    return bad('ErrorUntrustedReusableWorkflow', 'a GitHub artifact attestation needs --builder-id naming the workflow trusted to sign it');
  let statement: Statement | undefined;
  let signerUri: string | undefined;
  let sourceRepo: string | undefined;
  let identity: CertificateIdentity | undefined;
  for (const artifact of artifacts) {
    const verdict = verifier.verify(bundle, artifact, { issuer: GITHUB_ACTIONS_ISSUER, requireStatement: true, checkClaims: false });
    if (!verdict.ok) {
      if (verdict.code === 'ARTIFACT_MISMATCH') return bad('ErrorMismatchHash', verdict.reason);
      if (verdict.code === 'TRANSPARENCY_LOG') return bad('ErrorRekorSearch', verdict.reason);
      if (verdict.code === 'CLAIMS') return bad('ErrorMismatchSource', verdict.reason);
      return bad('ErrorInvalidSignature', `${verdict.code}: ${verdict.reason}`);
    }
    statement = verdict.statement;
    if (verdict.signer.kind === 'certificate') {
      signerUri = verdict.signer.identity.buildSignerUri;
      sourceRepo = verdict.signer.identity.sourceRepositoryUri;
      identity = verdict.signer.identity;
    }
  }
  if (!statement || !signerUri)
    return bad('ErrorInvalidSignature', 'no artefact given, or the bundle is not signed by a GitHub Actions certificate');
  const want = splitId(options.builderId);
  const have = splitId(signerUri);
  if (want.path !== have.path || (want.ref !== undefined && want.ref !== have.ref)) {
    return bad('ErrorUntrustedReusableWorkflow', `the attestation was signed by ${signerUri}, not by ${options.builderId}`);
  }
  const wantRepo = `https://${options.sourceUri.replace(/^(git\+)?https:\/\//, '')}`;
  if (sourceRepo !== wantRepo)
    return bad('ErrorMismatchSource', `the certificate's source repository is ${sourceRepo ?? 'missing'}, expected ${wantRepo}`);
  // Checked after the signer, so an untrusted signer is reported as such (slsa-verifier's order).
  const claims = identity ? checkClaimsAgainstCertificate(statement, identity) : [];
  if (claims.length > 0) return bad('ErrorMismatchSource', claims.join('; '));
  return { ok: true, builderId: signerUri, statement, sourceUri: options.sourceUri };
}

/** verify-artifact: slsa-github-generator provenance, or a GitHub artifact attestation by its build type. */
export function verifyArtifactProvenance(
  verifier: BundleVerifier,
  bundle: unknown,
  artifacts: ArtifactInput[],
  options: SlsaVerifyOptions,
): SlsaVerdict {
  const payload = obj(obj(bundle).dsseEnvelope).payload;
  if (typeof payload === 'string') {
    try {
      const st = obj(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
      if (str(obj(obj(st.predicate).buildDefinition).buildType) === GITHUB_WORKFLOW_BUILD_TYPE)
        return verifyGithubAttestation(verifier, bundle, artifacts, options);
    } catch {
      // Not JSON: the full verification below reports it precisely.
    }
  }
  return verifySlsaProvenance(verifier, bundle, artifacts, options);
}
