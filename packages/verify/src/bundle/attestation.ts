/**
 * `gh attestation verify` semantics over Sigstore bundles (GitHub CLI pkg/cmd/attestation/verify:
 * options.go, policy.go, verification/extensions.go), offline:
 * - one of `owner` / `repo` is required; `repo` implies its owner;
 * - the certificate's Source Repository Owner URI (1.16) must be `https://github.com/OWNER` and,
 *   with `repo`, its Source Repository URI (1.12) `https://github.com/OWNER/REPO` (case-insensitive);
 * - the SAN is matched by exactly one of `signerRepo` (`(?i)^https://github.com/SIGNER_REPO/`),
 *   `signerWorkflow` (`^https://[HOST/]OWNER/REPO/PATH`), `certIdentity` (exact) or
 *   `certIdentityRegex`; with none of them, by the repository (or owner): `(?i)^https://github.com/REPO/`;
 * - the OIDC issuer defaults to `https://token.actions.githubusercontent.com`;
 * - only statements of `predicateType` (default SLSA provenance v1) are considered;
 * - `denySelfHostedRunners` demands the runner environment `github-hosted`; `sourceRef`,
 *   `sourceDigest` and `signerDigest` pin the certificate's 1.14, 1.13 and 1.10 extensions.
 * At least one bundle must pass every check; each failing bundle says why.
 */
import { compileUserRegExp, ConfigurationError, type Statement, type UserRegExp } from '@secure-factory/core';
import { artifactLabel, type ArtifactInput } from './artifact.js';
import type { CertificateIdentity } from './certificate.js';
import { GITHUB_ACTIONS_ISSUER } from './github.js';
import type { BundleVerifier, FailureCode, VerifiedBundle } from './verifier.js';

export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';

export interface AttestationOptions {
  owner?: string | undefined;
  repo?: string | undefined;
  signerWorkflow?: string | undefined;
  signerRepo?: string | undefined;
  certIdentity?: string | undefined;
  certIdentityRegex?: string | undefined;
  /** Default GitHub Actions; the empty string demands a certificate without an issuer extension. */
  certOidcIssuer?: string | undefined;
  predicateType?: string | undefined;
  sourceRef?: string | undefined;
  sourceDigest?: string | undefined;
  signerDigest?: string | undefined;
  denySelfHostedRunners?: boolean | undefined;
  /** Host for a `signerWorkflow` without one (default github.com). */
  hostname?: string | undefined;
}

export interface AttestationResult {
  origin: string;
  verified: VerifiedBundle;
  statement: Statement;
  identity: CertificateIdentity;
}

export interface AttestationFailure {
  origin: string;
  code: FailureCode | 'PREDICATE_TYPE';
  reason: string;
}

export interface AttestationVerdict {
  ok: boolean;
  results: AttestationResult[];
  failures: AttestationFailure[];
  /** One line for people. */
  summary: string;
}

/** A usage error in the options, phrased as gh phrases it; undefined when the options are usable. */
export function attestationOptionsProblem(o: AttestationOptions): string | undefined {
  if (!o.owner && !o.repo) return 'one of --owner or --repo is required';
  if (o.owner && o.repo) return '--owner and --repo cannot be used together';
  if (o.repo && o.repo.split('/').length !== 2) return `invalid value provided for repo: ${o.repo} (expected OWNER/REPO)`;
  if (o.signerRepo && o.signerRepo.split('/').length !== 2) return `invalid value provided for signer-repo: ${o.signerRepo}`;
  const exclusive = [o.certIdentity, o.certIdentityRegex, o.signerRepo, o.signerWorkflow].filter((v) => v !== undefined && v !== '');
  if (exclusive.length > 1) return 'only one of --cert-identity, --cert-identity-regex, --signer-repo and --signer-workflow may be given';
  if (o.certIdentityRegex !== undefined) {
    try {
      compileUserRegExp(o.certIdentityRegex, '--cert-identity-regex');
    } catch (e: unknown) {
      // Invalid, or one that could backtrack (nested quantifiers, backreferences): a usage error.
      return e instanceof ConfigurationError ? e.message : String(e);
    }
  }
  return undefined;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The SAN matcher gh builds from the flags. */
export function sanMatcher(o: AttestationOptions): { exact?: string; regex?: UserRegExp; describe: string } {
  if (o.signerRepo)
    return { regex: new RegExp(`^https://github\\.com/${escape(o.signerRepo)}/`, 'i'), describe: `signer repository ${o.signerRepo}` };
  if (o.signerWorkflow) {
    const hasHost = /^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+.*$/.test(o.signerWorkflow);
    const full = hasHost ? o.signerWorkflow : `${o.hostname ?? 'github.com'}/${o.signerWorkflow}`;
    return { regex: new RegExp(`^https://${escape(full)}`), describe: `signer workflow ${full}` };
  }
  if (o.certIdentity) return { exact: o.certIdentity, describe: `identity ${o.certIdentity}` };
  if (o.certIdentityRegex)
    return { regex: compileUserRegExp(o.certIdentityRegex, '--cert-identity-regex'), describe: `identity matching ${o.certIdentityRegex}` };
  const scope = o.repo ?? o.owner ?? '';
  return { regex: new RegExp(`^https://github\\.com/${escape(scope)}/`, 'i'), describe: `a workflow of ${scope}` };
}

/**
 * GitHub's release attestations are signed by a certificate with no OIDC issuer and no repository
 * extensions (SAN https://dotcom.releases.github.com); the repository they are about is in the signed
 * statement (release predicate `repository: OWNER/REPO`), so that is what --owner/--repo are held to.
 */
function releaseRepositoryProblems(o: AttestationOptions, statement: Statement): string[] {
  const repo = (statement.predicate as { repository?: unknown } | null)?.repository;
  const have = typeof repo === 'string' ? repo.toLowerCase() : '';
  const owner = (o.owner ?? o.repo?.split('/')[0] ?? '').toLowerCase();
  if (have.split('/')[0] !== owner)
    return [`expected a release of a repository of ${owner}, the attestation is about ${have || 'no repository'}`];
  if (o.repo && have !== o.repo.toLowerCase())
    return [`expected a release of ${o.repo}, the attestation is about ${have || 'no repository'}`];
  return [];
}

function identityProblems(o: AttestationOptions, id: CertificateIdentity, statement: Statement): string[] {
  const out: string[] = [];
  const owner = o.owner ?? o.repo?.split('/')[0] ?? '';
  const wantOwner = `https://github.com/${owner}`;
  if (o.certOidcIssuer === '' && id.issuer === undefined && id.sourceRepositoryOwnerUri === undefined)
    out.push(...releaseRepositoryProblems(o, statement));
  else if ((id.sourceRepositoryOwnerUri ?? '').toLowerCase() !== wantOwner.toLowerCase())
    out.push(`expected SourceRepositoryOwnerURI to be ${wantOwner}, got ${id.sourceRepositoryOwnerUri ?? 'none'}`);
  if (o.repo && id.sourceRepositoryOwnerUri !== undefined) {
    const want = `https://github.com/${o.repo}`;
    if ((id.sourceRepositoryUri ?? '').toLowerCase() !== want.toLowerCase())
      out.push(`expected SourceRepositoryURI to be ${want}, got ${id.sourceRepositoryUri ?? 'none'}`);
  }
  const issuer = o.certOidcIssuer ?? GITHUB_ACTIONS_ISSUER;
  if (issuer === '') {
    if (id.issuer !== undefined) out.push(`expected a certificate without an OIDC issuer, got ${id.issuer}`);
  } else if ((id.issuer ?? '').toLowerCase() !== issuer.toLowerCase()) {
    out.push(
      `expected Issuer to be ${issuer}, got ${id.issuer ?? 'none'}${
        id.issuer?.startsWith(`${issuer}/`)
          ? ' -- if you have a custom OIDC issuer policy for your enterprise, use --cert-oidc-issuer with your issuer'
          : ''
      }`,
    );
  }
  const san = sanMatcher(o);
  const actual = id.subjectAlternativeName ?? '';
  if (san.exact !== undefined ? actual !== san.exact : san.regex !== undefined && !san.regex.test(actual))
    out.push(`the certificate's identity ${actual || '(none)'} is not ${san.describe}`);
  if (o.denySelfHostedRunners && id.runnerEnvironment !== 'github-hosted')
    out.push(`expected a GitHub-hosted runner, the attestation was made on ${id.runnerEnvironment ?? 'an unknown runner'}`);
  if (o.sourceRef !== undefined && id.sourceRepositoryRef !== o.sourceRef)
    out.push(`expected source ref ${o.sourceRef}, got ${id.sourceRepositoryRef ?? 'none'}`);
  if (
    o.sourceDigest !== undefined &&
    (id.sourceRepositoryDigest ?? '').toLowerCase() !== o.sourceDigest.replace(/^sha1:/, '').toLowerCase()
  )
    out.push(`expected source digest ${o.sourceDigest}, got ${id.sourceRepositoryDigest ?? 'none'}`);
  if (o.signerDigest !== undefined && (id.buildSignerDigest ?? '').toLowerCase() !== o.signerDigest.replace(/^sha1:/, '').toLowerCase())
    out.push(`expected signer digest ${o.signerDigest}, got ${id.buildSignerDigest ?? 'none'}`);
  return out;
}

/** Verifies each bundle for the artefact and the gh policy; passes when at least one satisfies all of it. */
export function verifyAttestations(
  verifier: BundleVerifier,
  bundles: readonly { origin: string; bundle: unknown }[],
  artifact: ArtifactInput,
  options: AttestationOptions,
): AttestationVerdict {
  const predicateType = options.predicateType ?? SLSA_PROVENANCE_V1;
  const results: AttestationResult[] = [];
  const failures: AttestationFailure[] = [];
  for (const { origin, bundle } of bundles) {
    const v = verifier.verify(bundle, artifact, { requireStatement: true, checkClaims: false });
    if (!v.ok) {
      failures.push({ origin, code: v.code, reason: v.reason });
      continue;
    }
    const statement = v.statement as Statement;
    if (statement.predicateType !== predicateType) {
      failures.push({
        origin,
        code: 'PREDICATE_TYPE',
        reason: `the statement's predicate type is ${statement.predicateType}, not ${predicateType}`,
      });
      continue;
    }
    if (v.signer.kind !== 'certificate') {
      failures.push({ origin, code: 'IDENTITY', reason: 'the attestation is signed with a key, not a GitHub Actions certificate' });
      continue;
    }
    const problems = identityProblems(options, v.signer.identity, statement);
    if (problems.length > 0) {
      failures.push({ origin, code: 'IDENTITY', reason: problems.join('; ') });
      continue;
    }
    results.push({ origin, verified: v, statement, identity: v.signer.identity });
  }
  const ok = results.length > 0;
  const summary = ok
    ? `${results.length} of ${bundles.length} attestation(s) for ${artifactLabel(artifact)} verified`
    : bundles.length === 0
      ? `no attestations found for ${artifactLabel(artifact)}`
      : failures.every((f) => f.code === 'PREDICATE_TYPE')
        ? `none of the ${bundles.length} attestation(s) has the predicate type ${predicateType} (use --predicate-type for another)`
        : `none of the ${bundles.length} attestation(s) for ${artifactLabel(artifact)} satisfies the policy`;
  return { ok, results, failures, summary };
}

/**
 * Bundles from a `--bundle` file as gh reads it: one bundle (JSON) or JSON lines, each a bundle or
 * an attestation API record `{ "bundle": … }`. Lines that are not JSON are reported, not thrown.
 */
export function readBundleFile(text: string, origin: string): { bundles: { origin: string; bundle: unknown }[]; problems: string[] } {
  const problems: string[] = [];
  const unwrap = (v: unknown): unknown => {
    const o = v as { bundle?: unknown; mediaType?: unknown } | null;
    return o && typeof o === 'object' && o.mediaType === undefined && o.bundle !== undefined ? o.bundle : v;
  };
  const trimmed = text.trim();
  try {
    return { bundles: [{ origin, bundle: unwrap(JSON.parse(trimmed)) }], problems };
  } catch {
    // JSON lines, below.
  }
  const bundles: { origin: string; bundle: unknown }[] = [];
  trimmed.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      bundles.push({ origin: `${origin}:${i + 1}`, bundle: unwrap(JSON.parse(line)) });
    } catch {
      problems.push(`${origin}:${i + 1}: not JSON`);
    }
  });
  return { bundles, problems };
}
