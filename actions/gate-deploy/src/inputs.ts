/** Every input of the gate-deploy action, read once into one typed object. */
import { getBooleanInput, getEnumInput, getListInput, getOptionalInput, getRequiredInput } from '@secure-factory/action-runtime';

export interface RunInputs {
  subjectPaths: string[];
  subjectDigests: string[];
  /** Images admitted by reference, read with their attestations from their registry. */
  images: string[];
  environment: string;
  evidence: string;
  policy: string | undefined;
  trustedRoot: string | undefined;
  publicKeys: string[];
  builder: string | undefined;
  githubEnvironment: string | undefined;
  fetchAttestations: boolean;
  githubToken: string | undefined;
  githubApiUrl: string;
  repository: string;
  /** `auto`: keyless when the job may mint an OIDC token, else an ephemeral key. */
  signer: 'auto' | 'keyless' | 'key' | 'ephemeral';
  privateKey: string | undefined;
  fulcioUrl: string | undefined;
  rekorUrl: string | undefined;
  tsaUrl: string | undefined;
  signingConfig: string | undefined;
  record: boolean;
}

export function readInputs(): RunInputs {
  const rekor = getOptionalInput('rekor-url');
  return {
    subjectPaths: getListInput('subject-path'),
    subjectDigests: getListInput('subject-digest'),
    images: getListInput('images'),
    environment: getRequiredInput('environment'),
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    policy: getOptionalInput('policy'),
    trustedRoot: getOptionalInput('trusted-root'),
    publicKeys: getListInput('public-key'),
    builder: getOptionalInput('builder'),
    githubEnvironment: getOptionalInput('github-environment'),
    fetchAttestations: getBooleanInput('fetch-attestations', false),
    githubToken: getOptionalInput('github-token'),
    githubApiUrl: getOptionalInput('github-api-url') ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
    repository: process.env.GITHUB_REPOSITORY ?? '',
    signer: getEnumInput('signer', ['auto', 'keyless', 'key', 'ephemeral'] as const, 'auto'),
    privateKey: getOptionalInput('private-key'),
    fulcioUrl: getOptionalInput('fulcio-url'),
    rekorUrl: rekor === 'none' ? '' : rekor,
    tsaUrl: getOptionalInput('tsa-url'),
    signingConfig: getOptionalInput('signing-config'),
    record: getBooleanInput('record-deployment', true),
  };
}
