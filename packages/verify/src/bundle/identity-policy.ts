/**
 * Identity policy: who must have signed. Exact SAN or a regular expression, the OIDC issuer, and the
 * GitHub certificate extensions. Each mismatch is reported with the expected and the actual value.
 */
import { compileUserRegExp, type UserRegExp } from '@secure-factory/core';
import type { CertificateIdentity } from './certificate.js';

export interface IdentityPolicy {
  /** Exact SAN (`--certificate-identity`). */
  subjectAlternativeName?: string;
  /** SAN regular expression, anchored by the caller if needed (`--certificate-identity-regexp`). */
  subjectAlternativeNameRegExp?: string | UserRegExp;
  /**
   * Exact OIDC issuer (`--certificate-oidc-issuer`). The empty string demands a certificate with no
   * issuer extension at all (GitHub's release attestations are signed so).
   */
  issuer?: string;
  /** `OWNER/REPO` or `https://github.com/OWNER/REPO`. */
  sourceRepository?: string;
  /** `refs/heads/main`, `refs/tags/v1`. */
  sourceRef?: string;
  /** The commit SHA. */
  sourceCommit?: string;
  /** Build config URI (the top-level workflow): `OWNER/REPO/.github/workflows/x.yml@REF` or its URL. */
  workflowRef?: string;
  /** Build signer URI (the reusable workflow that signed), same forms. */
  signerWorkflowRef?: string;
  /** `github-hosted` or `self-hosted`. */
  runnerEnvironment?: string;
  /** The event that triggered the run. */
  trigger?: string;
}

const GITHUB = 'https://github.com/';

function asGithubUrl(v: string): string {
  return v.startsWith('https://') ? v : `${GITHUB}${v.replace(/^github\.com\//, '')}`;
}

/** The reasons the identity does not satisfy the policy; empty when it does. */
export function checkIdentity(policy: IdentityPolicy, id: CertificateIdentity): string[] {
  const problems: string[] = [];
  const eq = (what: string, expected: string | undefined, actual: string | undefined): void => {
    if (expected === undefined) return;
    if (actual !== expected)
      problems.push(
        `${what}: expected ${JSON.stringify(expected)}, the certificate has ${actual === undefined ? 'none' : JSON.stringify(actual)}`,
      );
  };
  eq('certificate identity (SAN)', policy.subjectAlternativeName, id.subjectAlternativeName);
  if (policy.subjectAlternativeNameRegExp !== undefined) {
    const re =
      typeof policy.subjectAlternativeNameRegExp === 'string'
        ? // Linear time or refused (exit 2): a user's pattern never backtracks on a hostile SAN.
          compileUserRegExp(policy.subjectAlternativeNameRegExp, 'the certificate identity regular expression')
        : policy.subjectAlternativeNameRegExp;
    if (!id.subjectAlternativeName || !re.test(id.subjectAlternativeName)) {
      problems.push(`certificate identity (SAN) ${JSON.stringify(id.subjectAlternativeName ?? null)} does not match ${String(re)}`);
    }
  }
  if (policy.issuer === '') {
    if (id.issuer !== undefined)
      problems.push(`OIDC issuer: expected a certificate without one, the certificate has ${JSON.stringify(id.issuer)}`);
  } else eq('OIDC issuer', policy.issuer, id.issuer);
  eq('source repository', policy.sourceRepository === undefined ? undefined : asGithubUrl(policy.sourceRepository), id.sourceRepositoryUri);
  eq('source ref', policy.sourceRef, id.sourceRepositoryRef);
  eq('source commit', policy.sourceCommit?.toLowerCase(), id.sourceRepositoryDigest?.toLowerCase());
  eq('workflow (build config URI)', policy.workflowRef === undefined ? undefined : asGithubUrl(policy.workflowRef), id.buildConfigUri);
  eq(
    'signer workflow (build signer URI)',
    policy.signerWorkflowRef === undefined ? undefined : asGithubUrl(policy.signerWorkflowRef),
    id.buildSignerUri,
  );
  eq('runner environment', policy.runnerEnvironment, id.runnerEnvironment);
  eq('trigger', policy.trigger, id.buildTrigger);
  return problems;
}
