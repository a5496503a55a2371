/** The deployment gate's public surface (docs/gate.md). Helpers stay internal so names do not collide in the package index. */
export type {
  Check,
  CheckStatus,
  Evidence,
  EvidenceSigner,
  EvidenceVerifier,
  RejectedEvidence,
  SignerIdentity,
  Stage,
  TrustedTime,
  VerifiedEvidence,
  WaiverUse,
} from './types.js';
export { matchBuilder, type BuilderMatch } from './identity.js';
export { imageSignatureVerifier, imagesIn, parseImagePurl, registryAllowed, type ImageRef } from './images.js';
export { recordedImageVerdicts, type RecordedImageVerdict } from './checks/image-validation.js';
export { vulnFindings, type VulnFinding } from './vulns.js';
export {
  evaluate as evaluateDeployPolicy,
  kindOf as evidenceKindOf,
  GATE_VERIFIER_ID,
  type Evaluation,
  type EvaluationInput,
} from './evaluate.js';
export type { CandidateBundle } from './candidate.js';
export { indexEvidence, fetchFromGitHub, type EvidenceIndex, type UnsignedStatement, type Unreadable } from './lookup.js';
export { gitHubAttestationsClient, type GitHubAttestationsClient, type GitHubAttestationsOptions } from './github-attestations.js';
export {
  DECISION_API_VERSION,
  renderExplain as renderGateExplain,
  renderSummary as renderGateSummary,
  vsaStatement as gateVsaStatement,
  type ArtefactDecision,
  type DecisionInput,
  type DecisionLog,
} from './decision.js';
export {
  DEPLOYMENT_API_VERSION,
  DEPLOYMENTS_DIR,
  RECORD_NAME,
  readDeployments,
  recordDeployments,
  type DeploymentRecord,
} from './deployments.js';
export type { GateSubject } from './subjects.js';
export { sigstoreEvidenceVerifier } from './sigstore-verifier.js';
export {
  buildVerifier as buildEvidenceVerifier,
  gate,
  githubEnvironmentFor,
  runnerClaims,
  runnerWorkflowRef,
  subjectsFromGlobs,
  vsaSigner,
  type GateInputs,
  type RunnerClaims,
} from './setup.js';
export { runGate, type GateOptions, type GateResult } from './gate.js';
export {
  imageRegistryAllowed,
  parseDeployImage,
  MAX_REGISTRY_BUNDLE_BYTES,
  SIGSTORE_BUNDLE_MEDIA,
  type DeployImage,
  type ImageRegistryClient,
  type OciDescriptor,
  type OciManifest,
} from './registry-images.js';
