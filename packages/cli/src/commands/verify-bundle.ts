/**
 * `secure-factory verify-bundle`: the Sigstore conformance suite's verify command
 * (sigstore/sigstore-conformance docs/cli_protocol.md), offline with the bundled public-good root.
 * Exit 0 when the bundle verifies, 1 when it does not, 2 for bad usage.
 */
import { Option, type Command } from 'commander';
import { compileUserRegExp, ConfigurationError, decodeUtf8, EXIT, readRegularFile } from '@secure-factory/core';
import {
  artifactLabel,
  createBundleVerifier,
  FAILURE_HINTS,
  loadTrustedRoot,
  readArtifactArgument,
  readBundleFile,
} from '@secure-factory/verify';
import { execute, type CommonOptions } from '../context.js';

interface VerifyBundleOptions extends CommonOptions {
  bundle: string;
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  key?: string;
  trustedRoot?: string;
  staging?: boolean;
  certificateGithubWorkflowRepository?: string;
  certificateGithubWorkflowRef?: string;
  certificateGithubWorkflowSha?: string;
  certificateGithubWorkflowTrigger?: string;
  certificateGithubWorkflow?: string;
  certificateGithubSignerWorkflow?: string;
  certificateRunnerEnvironment?: string;
  checkClaims?: boolean;
}

async function readKey(value: string): Promise<string> {
  if (value.includes('-----BEGIN')) return value;
  // Regular files only, bounded, never quoted (core safe reader).
  return decodeUtf8(await readRegularFile(value, { maxBytes: 64 * 1024, what: 'public key file', within: '/' }), value, 'public key file');
}

export function registerVerifyBundle(program: Command): Command {
  return program
    .command('verify-bundle')
    .description('Verify a Sigstore bundle against a file or its digest (Sigstore conformance CLI protocol)')
    .argument('<file-or-digest>', 'the artefact, or ALGORITHM:HEX (sha256:, sha512:, …) when it is not a path on disk')
    .requiredOption('--bundle <file>', 'the Sigstore bundle (.sigstore.json)')
    .option('--certificate-identity <id>', "the signing certificate's exact SAN")
    .option('--certificate-identity-regexp <re>', "a regular expression the certificate's SAN must match")
    .option('--certificate-oidc-issuer <url>', "the certificate's exact OIDC issuer ('' for a certificate without one)")
    .option('--key <pem>', 'a PEM public key (file or text) for key-signed bundles, instead of an identity')
    .option('--trusted-root <file>', 'a Sigstore trusted root JSON replacing the bundled public-good one')
    .option('--certificate-github-workflow-repository <owner/repo>', 'certificate extension: the source repository')
    .option('--certificate-github-workflow-ref <ref>', 'certificate extension: the source ref, e.g. refs/tags/v1.2.3')
    .option('--certificate-github-workflow-sha <sha>', 'certificate extension: the source commit')
    .option('--certificate-github-workflow-trigger <event>', 'certificate extension: the event that ran the workflow')
    .option('--certificate-github-workflow <owner/repo/path@ref>', 'certificate extension: the top-level workflow (build config URI)')
    .option(
      '--certificate-github-signer-workflow <owner/repo/path@ref>',
      'certificate extension: the (reusable) workflow that signed (build signer URI)',
    )
    .option('--certificate-runner-environment <env>', 'certificate extension: github-hosted or self-hosted')
    .option('--check-claims', "also require a provenance's repository, commit and workflow to equal the certificate's")
    .addOption(new Option('--staging', 'Sigstore staging: needs --trusted-root here (no staging root is bundled)'))
    .option('--json', 'print the verdict as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (target: string, opts: VerifyBundleOptions) =>
      execute(opts, async ({ logger }) => {
        const byIdentity = opts.certificateIdentity !== undefined || opts.certificateIdentityRegexp !== undefined;
        if (opts.key && byIdentity) throw new ConfigurationError('give either --key or --certificate-identity, not both');
        if (!opts.key && (!byIdentity || opts.certificateOidcIssuer === undefined)) {
          throw new ConfigurationError('verify-bundle needs --certificate-identity (or -regexp) with --certificate-oidc-issuer, or --key');
        }
        if (opts.staging && !opts.trustedRoot) {
          throw new ConfigurationError('--staging needs --trusted-root: only the public-good trusted root is bundled', {
            hint: 'pass the staging trusted_root.json',
          });
        }
        // Parsed before anything is read: a pattern that could backtrack (nested quantifiers,
        // backreferences) is a usage error (exit 2); what passes runs in linear time.
        const sanRegExp =
          opts.certificateIdentityRegexp !== undefined
            ? compileUserRegExp(opts.certificateIdentityRegexp, '--certificate-identity-regexp')
            : undefined;
        const trustedRoot = await loadTrustedRoot(opts.trustedRoot);
        const verifier = createBundleVerifier({ trustedRoot, ...(opts.key ? { publicKeys: [await readKey(opts.key)] } : {}) });
        const artifact = await readArtifactArgument(target);
        const bundleText = decodeUtf8(
          await readRegularFile(opts.bundle, { maxBytes: 32 * 1024 * 1024, what: 'bundle', within: '/' }),
          opts.bundle,
          'bundle',
        );
        const policy = {
          // The conformance protocol verifies signatures and identity only; statements signed by one
          // identity about another repository are valid Sigstore bundles. The gate checks claims.
          checkClaims: opts.checkClaims === true,
          ...(opts.certificateIdentity !== undefined ? { subjectAlternativeName: opts.certificateIdentity } : {}),
          ...(sanRegExp !== undefined ? { subjectAlternativeNameRegExp: sanRegExp } : {}),
          ...(opts.certificateOidcIssuer !== undefined && !opts.key ? { issuer: opts.certificateOidcIssuer } : {}),
          ...(opts.certificateGithubWorkflowRepository !== undefined ? { sourceRepository: opts.certificateGithubWorkflowRepository } : {}),
          ...(opts.certificateGithubWorkflowRef !== undefined ? { sourceRef: opts.certificateGithubWorkflowRef } : {}),
          ...(opts.certificateGithubWorkflowSha !== undefined ? { sourceCommit: opts.certificateGithubWorkflowSha } : {}),
          ...(opts.certificateGithubWorkflowTrigger !== undefined ? { trigger: opts.certificateGithubWorkflowTrigger } : {}),
          ...(opts.certificateGithubWorkflow !== undefined ? { workflowRef: opts.certificateGithubWorkflow } : {}),
          ...(opts.certificateGithubSignerWorkflow !== undefined ? { signerWorkflowRef: opts.certificateGithubSignerWorkflow } : {}),
          ...(opts.certificateRunnerEnvironment !== undefined ? { runnerEnvironment: opts.certificateRunnerEnvironment } : {}),
        };
        // One bundle, or JSON lines of bundles / attestation API records as gh writes them: one that
        // verifies is enough (gh's rule); each that does not is reported.
        const { bundles } = readBundleFile(bundleText, opts.bundle);
        const verdicts =
          bundles.length > 0
            ? bundles.map((b) => verifier.verify(b.bundle, artifact, policy))
            : [verifier.verify(bundleText, artifact, policy)];
        const verdict = verdicts.find((v) => v.ok) ?? (verdicts[0] as (typeof verdicts)[number]);
        if (!verdict.ok && verdicts.length > 1)
          verdicts.forEach((v, i) => {
            if (!v.ok) logger.error(`bundle ${i + 1} of ${verdicts.length}: ${v.code}: ${v.reason}`, { file: opts.bundle });
          });
        if (verdict.ok) {
          const who = verdict.signer.kind === 'certificate' ? verdict.signer.identity.subjectAlternativeName : 'the given key';
          logger.info(
            `OK: ${opts.bundle} verifies for ${artifactLabel(artifact)}, signed by ${who ?? '?'} (trust root: ${verdict.trustRoot}; ${trustedRoot.source})`,
          );
        } else {
          logger.error(`verification failed (${verdict.code}): ${verdict.reason} — ${FAILURE_HINTS[verdict.code]}`, { file: opts.bundle });
        }
        return {
          exitCode: verdict.ok ? EXIT.passed : EXIT.failed,
          json: verdict.ok
            ? {
                verified: true,
                digest: artifactLabel(artifact),
                signer: verdict.signer,
                statement: verdict.statement ?? null,
                trustRoot: verdict.trustRoot,
                trustedRoot: trustedRoot.source,
                timestamps: verdict.witnessed,
              }
            : { verified: false, digest: artifactLabel(artifact), code: verdict.code, reason: verdict.reason },
        };
      }),
    );
}
