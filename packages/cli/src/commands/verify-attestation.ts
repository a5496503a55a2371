/**
 * `secure-factory verify-attestation`: `gh attestation verify` with its flags and meaning, offline, over
 * bundles given with --bundle (a bundle JSON, or JSON lines of bundles or attestation API records), so
 * a team moving from gh keeps its scripts. Both Sigstore instances are trusted (public-good and
 * GitHub's), chosen by each certificate's chain, unless --custom-trusted-root replaces them.
 * Exit 0 when at least one attestation satisfies the policy, 1 when none does, 2 for bad usage.
 */
import { Option, type Command } from 'commander';
import { ConfigurationError, decodeUtf8, EXIT, readRegularFile } from '@secure-factory/core';
import {
  artifactLabel,
  attestationOptionsProblem,
  createBundleVerifier,
  FAILURE_HINTS,
  GITHUB_ACTIONS_ISSUER,
  loadTrustedRoot,
  readArtifactArgument,
  readBundleFile,
  SLSA_PROVENANCE_V1,
  verifyAttestations,
  type AttestationResult,
} from '@secure-factory/verify';
import { execute, type CommonOptions } from '../context.js';

interface VerifyAttestationOptions extends CommonOptions {
  bundle: string;
  owner?: string;
  repo?: string;
  signerWorkflow?: string;
  signerRepo?: string;
  signerDigest?: string;
  certIdentity?: string;
  certIdentityRegex?: string;
  certOidcIssuer: string;
  predicateType: string;
  sourceRef?: string;
  sourceDigest?: string;
  denySelfHostedRunners?: boolean;
  digestAlg: string;
  customTrustedRoot?: string;
  hostname?: string;
  format?: string;
}

/** gh's `--format json` shape: one record per verified attestation. */
function jsonResult(r: AttestationResult, bundle: unknown): unknown {
  const id = r.identity;
  return {
    attestation: { bundle },
    verificationResult: {
      mediaType: r.verified.mediaType,
      statement: r.statement,
      signature: {
        certificate: {
          subjectAlternativeName: id.subjectAlternativeName ?? '',
          issuer: id.issuer ?? '',
          buildSignerURI: id.buildSignerUri ?? '',
          buildSignerDigest: id.buildSignerDigest ?? '',
          runnerEnvironment: id.runnerEnvironment ?? '',
          sourceRepositoryURI: id.sourceRepositoryUri ?? '',
          sourceRepositoryDigest: id.sourceRepositoryDigest ?? '',
          sourceRepositoryRef: id.sourceRepositoryRef ?? '',
          sourceRepositoryOwnerURI: id.sourceRepositoryOwnerUri ?? '',
          buildConfigURI: id.buildConfigUri ?? '',
          buildTrigger: id.buildTrigger ?? '',
          runInvocationURI: id.runInvocationUri ?? '',
        },
      },
      verifiedTimestamps: r.verified.witnessed.map((w) => ({
        type: w.source === 'tlog' ? 'Tlog' : 'TimestampAuthority',
        timestamp: w.time.toISOString(),
      })),
      trustRoot: r.verified.trustRoot,
    },
  };
}

export function registerVerifyAttestation(program: Command): Command {
  return program
    .command('verify-attestation')
    .description("Verify an artefact's attestations with `gh attestation verify`'s flags (offline, bundles from --bundle)")
    .argument('<file-or-digest>', 'the artefact, or ALGORITHM:HEX (sha256:, sha512:, …) when it is not a path on disk')
    .requiredOption('-b, --bundle <file>', 'a bundle (JSON) or JSON lines of bundles')
    .option('-o, --owner <owner>', 'GitHub organisation or user the artefact is linked with')
    .option('-R, --repo <owner/repo>', 'repository the artefact is linked with')
    .option('--signer-workflow <[host/]owner/repo/path>', 'workflow that signed the attestation')
    .option('--signer-repo <owner/repo>', 'repository of the reusable workflow that signed the attestation')
    .option('--signer-digest <sha>', "the signer workflow's commit")
    .option('--cert-identity <san>', "the certificate's exact subject alternative name")
    .option('-i, --cert-identity-regex <re>', "a regular expression the certificate's subject alternative name must match")
    .option('--cert-oidc-issuer <url>', "the certificate's OIDC issuer ('' for a certificate without one)", GITHUB_ACTIONS_ISSUER)
    .option('--predicate-type <uri>', 'the predicate type the attestation must have', SLSA_PROVENANCE_V1)
    .option('--source-ref <ref>', 'the ref the artefact was built from, e.g. refs/heads/main')
    .option('--source-digest <sha>', 'the commit the artefact was built from')
    .option('--deny-self-hosted-runners', 'fail for attestations made on self-hosted runners')
    .addOption(
      new Option('-d, --digest-alg <alg>', "gh's digest algorithm flag; the statement's own algorithm is used")
        .choices(['sha256', 'sha512'])
        .default('sha256'),
    )
    .option('--custom-trusted-root <file>', 'a Sigstore trusted root JSON replacing the bundled ones')
    .option('--hostname <host>', 'host for a --signer-workflow without one', 'github.com')
    .addOption(new Option('--format <format>', 'output format').choices(['json']))
    .option('--json', 'print the verdict as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (target: string, opts: VerifyAttestationOptions) => {
      // gh's `--format json` prints the results on stdout, as --json does here.
      if (opts.format === 'json') opts.json = true;
      return execute(opts, async ({ logger }) => {
        const options = {
          owner: opts.owner,
          repo: opts.repo,
          signerWorkflow: opts.signerWorkflow,
          signerRepo: opts.signerRepo,
          signerDigest: opts.signerDigest,
          certIdentity: opts.certIdentity,
          certIdentityRegex: opts.certIdentityRegex,
          certOidcIssuer: opts.certOidcIssuer,
          predicateType: opts.predicateType,
          sourceRef: opts.sourceRef,
          sourceDigest: opts.sourceDigest,
          denySelfHostedRunners: opts.denySelfHostedRunners === true,
          hostname: opts.hostname,
        };
        const usage = attestationOptionsProblem(options);
        if (usage) throw new ConfigurationError(usage);
        // The core safe reader, as verify-bundle: a FIFO, a device or an oversized file is refused
        // (exit 2, naming it) without blocking or reading it.
        const text = decodeUtf8(
          await readRegularFile(opts.bundle, { maxBytes: 32 * 1024 * 1024, what: 'bundle', within: '/' }),
          opts.bundle,
          'bundle',
        );
        const { bundles, problems } = readBundleFile(text, opts.bundle);
        for (const p of problems) logger.warning(`${p}: skipped`);
        const trustedRoot = await loadTrustedRoot(opts.customTrustedRoot);
        logger.debug(`trust roots: ${trustedRoot.source}`);
        const verifier = createBundleVerifier({ trustedRoot });
        const artifact = await readArtifactArgument(target);
        const verdict = verifyAttestations(verifier, bundles, artifact, options);
        for (const f of verdict.failures) {
          const hint = f.code === 'PREDICATE_TYPE' ? 'use --predicate-type for another kind of attestation' : FAILURE_HINTS[f.code];
          logger.error(`${f.code}: ${f.reason} — ${hint}`, { file: f.origin });
        }
        if (verdict.ok) {
          for (const r of verdict.results) {
            logger.info(
              `✓ ${r.origin}: ${r.statement.predicateType} signed by ${r.identity.subjectAlternativeName ?? '?'} (${r.identity.sourceRepositoryUri ?? 'no repository'}, ${r.verified.trustRoot} trust root)`,
            );
          }
          logger.info(`✓ Verification succeeded! ${verdict.summary}`);
        } else logger.error(`✗ Verification failed: ${verdict.summary}`, { file: opts.bundle });
        const byOrigin = new Map(bundles.map((b) => [b.origin, b.bundle]));
        return {
          exitCode: verdict.ok ? EXIT.passed : EXIT.failed,
          json: verdict.ok
            ? verdict.results.map((r) => jsonResult(r, byOrigin.get(r.origin)))
            : { verified: false, digest: artifactLabel(artifact), summary: verdict.summary, failures: verdict.failures },
        };
      });
    });
}
