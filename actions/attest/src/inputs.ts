/** Every input of the attest action, read once into one typed object. */
import { getBooleanInput, getEnumInput, getListInput, getOptionalInput } from '@secure-factory/action-runtime';

export interface RunInputs {
  evidence: string;
  subjectPaths: string[];
  subjectDigests: string[];
  subjectName: string | undefined;
  subjectChecksums: string[];
  /** OCI image layout folders whose image (manifest digest) is a subject, named by subject-name. */
  subjectOciLayouts: string[];
  /** undefined: the policy's attest.signer. */
  signer: 'keyless' | 'key' | 'ephemeral' | undefined;
  privateKey: string | undefined;
  fulcioUrl: string | undefined;
  /** undefined: default; '' (input `none`): no transparency log. */
  rekorUrl: string | undefined;
  tsaUrl: string | undefined;
  signingConfig: string | undefined;
  publish: boolean;
  releaseTag: string | undefined;
  githubToken: string | undefined;
  githubApiUrl: string;
  repository: string;
  policy: string | undefined;
  predicateType: string | undefined;
  predicate: string | undefined;
  predicatePath: string | undefined;
  sbomPath: string | undefined;
  pushToRegistry: boolean;
  npmTarballs: string[];
  npmRegistry: string | undefined;
  showSummary: boolean;
  serverUrl: string;
}

export function readInputs(): RunInputs {
  const signer = getEnumInput('signer', ['keyless', 'key', 'ephemeral', 'policy'] as const, 'policy');
  const rekor = getOptionalInput('rekor-url');
  return {
    evidence: getOptionalInput('evidence') ?? '.secure-factory/evidence',
    subjectPaths: getListInput('subject-path'),
    subjectDigests: getListInput('subject-digest'),
    subjectName: getOptionalInput('subject-name'),
    subjectChecksums: getListInput('subject-checksums'),
    subjectOciLayouts: getListInput('subject-oci-layout'),
    signer: signer === 'policy' ? undefined : signer,
    privateKey: getOptionalInput('private-key'),
    fulcioUrl: getOptionalInput('fulcio-url'),
    rekorUrl: rekor === 'none' ? '' : rekor,
    tsaUrl: getOptionalInput('tsa-url'),
    signingConfig: getOptionalInput('signing-config'),
    publish: getBooleanInput('publish', false),
    releaseTag: getOptionalInput('release-tag'),
    githubToken: getOptionalInput('github-token'),
    githubApiUrl: getOptionalInput('github-api-url') ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
    repository: process.env.GITHUB_REPOSITORY ?? '',
    policy: getOptionalInput('policy'),
    predicateType: getOptionalInput('predicate-type'),
    predicate: getOptionalInput('predicate'),
    predicatePath: getOptionalInput('predicate-path'),
    sbomPath: getOptionalInput('sbom-path'),
    pushToRegistry: getBooleanInput('push-to-registry', false),
    npmTarballs: getListInput('npm-tarball'),
    npmRegistry: getOptionalInput('npm-registry'),
    showSummary: getBooleanInput('show-summary', true),
    serverUrl: process.env.GITHUB_SERVER_URL ?? 'https://github.com',
  };
}
