/**
 * `secure-factory attest`: sign every statement in the evidence folder into Sigstore bundles,
 * adding the run's artefacts (files, globs, checksums, image digests) as subjects first.
 */
import type { Command } from 'commander';
import { ConfigurationError, DEFAULT_EVIDENCE_DIR, EXIT, loadPolicy } from '@secure-factory/core';
import { attestEvidence, type SignerKind } from '@secure-factory/attest';
import { createImageRegistry, createRegistryClient } from '@secure-factory/materials';
import { execute, type CommonOptions } from '../context.js';

interface AttestOptions extends CommonOptions {
  evidence: string;
  subject?: string[];
  subjectDigest?: string[];
  subjectName?: string;
  subjectChecksums?: string[];
  signer?: string;
  key?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  signingConfig?: string;
  identityToken?: string;
  policy?: string;
  publish?: boolean;
  githubApiUrl?: string;
  repository?: string;
  releaseTag?: string;
  pushToRegistry?: boolean;
  subjectOciLayout?: string[];
  npmTarball?: string[];
  npmRegistry?: string;
}

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];
const SIGNERS: readonly SignerKind[] = ['keyless', 'key', 'ephemeral'];

export function registerAttest(program: Command): Command {
  return program
    .command('attest')
    .description('Sign every statement in the evidence folder into Sigstore bundles (v0.3, DSSE), adding the artefacts as subjects')
    .option('--evidence <dir>', 'the evidence folder', DEFAULT_EVIDENCE_DIR)
    .option('--subject <path>', 'a file or glob whose sha256 becomes a subject (repeatable)', collect)
    .option('--subject-digest <digest>', 'sha256:HEX or NAME@sha256:HEX, e.g. an image digest (repeatable)', collect)
    .option('--subject-name <name>', 'name for bare sha256:HEX subject digests')
    .option('--subject-checksums <file>', 'a sha256sum-style checksums file (repeatable)', collect)
    .option('--signer <kind>', 'keyless (OIDC + Fulcio), key (--key) or ephemeral (a key for this run); default from the policy')
    .option('--key <file>', 'PEM private key, ECDSA P-256 or Ed25519 (signer key)')
    .option('--fulcio-url <url>', 'Fulcio base URL (default public-good)')
    .option('--rekor-url <url>', 'Rekor base URL; "" for no transparency log (default public-good)')
    .option('--tsa-url <url>', 'RFC 3161 timestamp authority URL')
    .option('--signing-config <file>', 'a Sigstore signing config naming Fulcio, Rekor and TSA')
    .option('--identity-token <jwt>', 'OIDC token for keyless signing (default: the GitHub Actions runtime)')
    .option('--policy <file>', 'policy file (attest section; default .github/secure-factory.yml when present)')
    .option('--publish', 'publish each bundle to the GitHub attestations API (token from GITHUB_TOKEN)')
    .option('--github-api-url <url>', 'GitHub API URL for --publish (default $GITHUB_API_URL or https://api.github.com)')
    .option('--repository <owner/repo>', 'repository for --publish (default $GITHUB_REPOSITORY)')
    .option('--release-tag <tag>', 'attach each bundle to the GitHub release of this tag (token from GITHUB_TOKEN)')
    .option(
      '--subject-oci-layout <dir>',
      'an OCI image layout folder: its image manifest digest is a subject, named by --subject-name (repeatable)',
      collect,
    )
    .option(
      '--push-to-registry',
      'push each bundle to the registry of every image subject (--subject-name registry/name with --subject-digest, or --subject-oci-layout, whose image is pushed first) as an OCI 1.1 referrer; credentials from the docker config',
    )
    .option(
      '--npm-tarball <file>',
      'an npm package tarball the evidence provenance names: also sign npm provenance for `npm publish --provenance-file` (repeatable)',
      collect,
    )
    .option('--npm-registry <url>', 'the registry --npm-tarball packages are published to (default https://registry.npmjs.org/)')
    .option('--json', 'print {signed, signer, services} as JSON on stdout')
    .option('--verbose', 'print debug output')
    .addHelpText(
      'after',
      `
Examples:
  secure-factory attest --signer ephemeral --subject 'dist/*.tgz'
  secure-factory attest --signer key --key cosign.key --subject-checksums SHA256SUMS
  secure-factory attest --identity-token "$TOKEN" --subject-digest ghcr.io/acme/app@sha256:…
  secure-factory attest --signer ephemeral --push-to-registry --subject-name ghcr.io/acme/app --subject-oci-layout out/image
  secure-factory attest --npm-tarball .secure-factory/out/acme-cli-1.2.3.tgz   # then: npm publish <tgz> --provenance-file <bundle>`,
    )
    .action(async (opts: AttestOptions) =>
      execute(opts, async ({ logger }) => {
        const policy = await loadPolicy(opts.policy);
        const signer = (opts.signer ?? policy.attest.signer) as SignerKind;
        if (!SIGNERS.includes(signer)) throw new ConfigurationError(`--signer "${opts.signer}": allowed values are ${SIGNERS.join(', ')}`);
        if (opts.signingConfig && (opts.fulcioUrl || opts.rekorUrl !== undefined || opts.tsaUrl)) {
          throw new ConfigurationError('give either --signing-config or --fulcio-url/--rekor-url/--tsa-url, not both');
        }
        const env = process.env;
        const github = {
          apiUrl: opts.githubApiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com',
          repository: opts.repository ?? env.GITHUB_REPOSITORY ?? '',
          token: env.GITHUB_TOKEN ?? '',
        };
        const result = await attestEvidence({
          evidenceDir: opts.evidence,
          subjects: {
            paths: opts.subject ?? [],
            digests: opts.subjectDigest ?? [],
            digestName: opts.subjectName,
            checksumFiles: opts.subjectChecksums ?? [],
          },
          signer: {
            kind: signer,
            privateKeyFile: opts.key,
            identityToken: opts.identityToken,
            services: { signingConfigFile: opts.signingConfig, fulcioUrl: opts.fulcioUrl, rekorUrl: opts.rekorUrl, tsaUrl: opts.tsaUrl },
            transparencyLog: policy.attest.publicTransparencyLog,
            env,
          },
          maxSubjects: policy.attest.maxSubjects,
          publish: opts.publish ? github : undefined,
          releaseTag: opts.releaseTag,
          github,
          npmTarballs: opts.npmTarball ?? [],
          npmRegistry: opts.npmRegistry,
          images:
            opts.pushToRegistry || opts.subjectOciLayout
              ? {
                  registry: createImageRegistry(createRegistryClient()),
                  layouts: (opts.subjectOciLayout ?? []).map((dir) => ({ dir, name: opts.subjectName ?? '' })),
                  push: opts.pushToRegistry === true,
                }
              : undefined,
          logger,
        });
        for (const s of result.signed) {
          logger.info(`signed ${s.statementPath} → ${s.bundlePath} (${s.subjects} subjects)`);
          for (const r of s.referrers ?? []) logger.info(`  pushed to ${r.image} as the referrer ${r.digest} (${r.via})`);
        }
        for (const n of result.npmProvenance ?? []) logger.info(`npm provenance for ${n.purl}: ${n.bundlePath}`);
        if (result.ephemeralPublicKeyPath) logger.info(`ephemeral public key: ${result.ephemeralPublicKeyPath}`);
        return { exitCode: EXIT.passed, json: result };
      }),
    );
}
