/**
 * `secure-factory gate (ARTIFACT | sha256:DIGEST)... [--image REGISTRY/NAME@sha256:DIGEST]... --evidence DIR
 * --environment NAME`: admit the artefacts only when signed evidence for their exact digests satisfies
 * the deploy policy. `--image` reads the image and its attestations from its registry (the materials
 * package's registry client, injected into the gate). Exit 0 admitted, 1 refused, 2 bad input,
 * 3 infrastructure — and never 0 on an error.
 */
import { Option, type Command } from 'commander';
import { actionsTokenAvailable, type SignerInputs, type TransparencyLogPolicy } from '@secure-factory/attest';
import { ConfigurationError } from '@secure-factory/core';
import { createRegistryClient, RegistryMisbehaviour } from '@secure-factory/materials';
import { gate, renderGateExplain } from '@secure-factory/verify';
import { execute, type CommonOptions } from '../context.js';

interface GateCliOptions extends CommonOptions {
  evidence?: string;
  bundle: string[];
  image: string[];
  policy?: string;
  environment: string;
  trustedRoot?: string;
  publicKey: string[];
  certificateIdentity?: string;
  githubEnvironment?: string;
  fetchAttestations?: boolean;
  githubRepository?: string;
  githubApiUrl: string;
  out?: string;
  record: boolean;
  explain?: boolean;
  signer?: 'keyless' | 'key' | 'ephemeral' | 'none';
  signingKey?: string;
  identityToken?: string;
  signingConfig?: string;
  fulcioUrl?: string;
  rekorUrl?: string;
  tsaUrl?: string;
  transparencyLog: TransparencyLogPolicy;
}

const collect = (v: string, prev: string[]): string[] => [...prev, v];

export function registerGate(program: Command): Command {
  return program
    .command('gate')
    .description('Admit artefacts only when signed evidence for their exact digest satisfies the deploy policy')
    .argument('[artifacts...]', 'artefact files, sha256:DIGEST, or registry/name@sha256:DIGEST (evidence from --evidence/--bundle)')
    .option(
      '--image <ref>',
      'an image to admit by reference, read with its attestations from its registry: registry/name@sha256:DIGEST (repeatable; the registry must be in deploy.<env>.registries)',
      collect,
      [],
    )
    .option('--evidence <dir>', 'folder of statements and Sigstore bundles (its *.sigstore.json are read)')
    .option('--bundle <file>', 'a Sigstore bundle file to consider too (repeatable)', collect, [])
    .option('--policy <file>', 'policy file (default .github/secure-factory.yml, or the built-in defaults)')
    .option('--environment <name>', 'the deploy environment whose policy applies', 'production')
    .option('--trusted-root <file>', 'Sigstore trusted root JSON (default: the bundled public-good root)')
    .option('--public-key <file>', 'PEM public key trusted for key-signed evidence (repeatable)', collect, [])
    .option('--certificate-identity <workflow>', 'the builder: OWNER/REPO/.github/workflows/X.yml[@REF] (overrides deploy.<env>.builder)')
    .option('--github-environment <name>', 'the GitHub environment of the deploying job')
    .option('--fetch-attestations', 'also fetch attestations from the GitHub attestations API')
    .option('--github-repository <owner/repo>', 'repository for --fetch-attestations (default $GITHUB_REPOSITORY)')
    .option('--github-api-url <url>', 'GitHub API base URL', process.env.GITHUB_API_URL ?? 'https://api.github.com')
    .option('--out <dir>', 'where the decision log and VSA go (default <evidence>/gate)')
    .option('--no-record', 'do not write deployment records for admitted artefacts')
    .option('--explain', 'print every check')
    .addOption(
      new Option('--signer <kind>', 'how to sign the VSA (default keyless on GitHub Actions, else ephemeral)').choices([
        'keyless',
        'key',
        'ephemeral',
        'none',
      ]),
    )
    .option('--signing-key <file>', 'PEM private key for --signer key')
    .option('--identity-token <jwt>', 'OIDC token for --signer keyless outside GitHub Actions')
    .option('--signing-config <file>', 'Sigstore signing config (service URLs)')
    .option('--fulcio-url <url>', 'Fulcio URL')
    .option('--rekor-url <url>', "Rekor URL ('' for none)")
    .option('--tsa-url <url>', 'timestamp authority URL')
    .addOption(
      new Option('--transparency-log <when>', 'log the VSA signature publicly').choices(['auto', 'always', 'never']).default('auto'),
    )
    .option('--json', 'print the decision log as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (artifacts: string[], opts: GateCliOptions) =>
      execute(opts, async ({ logger }) => {
        if (artifacts.length === 0 && opts.image.length === 0) {
          throw new ConfigurationError('nothing to gate', {
            hint: 'give artefact files, sha256:DIGEST values, or --image registry/name@sha256:DIGEST',
          });
        }
        if (!opts.evidence && opts.bundle.length === 0 && !opts.fetchAttestations && opts.image.length === 0) {
          throw new ConfigurationError('no evidence to look at', {
            hint: 'pass --evidence DIR, --bundle FILE, --fetch-attestations, or --image (attestations from the registry)',
          });
        }
        const repository = opts.githubRepository ?? process.env.GITHUB_REPOSITORY;
        if (opts.fetchAttestations && !repository) {
          throw new ConfigurationError('--fetch-attestations needs the repository', { hint: 'pass --github-repository OWNER/REPO' });
        }
        const kind = opts.signer ?? (opts.identityToken || actionsTokenAvailable() ? 'keyless' : opts.signingKey ? 'key' : 'ephemeral');
        const signer: SignerInputs | 'none' =
          kind === 'none'
            ? 'none'
            : {
                kind,
                privateKeyFile: opts.signingKey,
                identityToken: opts.identityToken,
                services: {
                  signingConfigFile: opts.signingConfig,
                  fulcioUrl: opts.fulcioUrl,
                  rekorUrl: opts.rekorUrl,
                  tsaUrl: opts.tsaUrl,
                },
                transparencyLog: opts.transparencyLog,
              };
        const result = await gate({
          artefacts: artifacts,
          images: opts.image,
          // Docker config credentials; the client checks every digest and never prints a credential.
          imageRegistry:
            opts.image.length > 0 ? { ...createRegistryClient(), isMisbehaviour: (e) => e instanceof RegistryMisbehaviour } : undefined,
          environment: opts.environment,
          evidenceDir: opts.evidence,
          bundleFiles: opts.bundle,
          policyFile: opts.policy,
          trustedRootFile: opts.trustedRoot,
          publicKeyFiles: opts.publicKey,
          builder: opts.certificateIdentity,
          builderFromRunner: true,
          githubEnvironment: opts.githubEnvironment,
          github:
            opts.fetchAttestations && repository
              ? { baseUrl: opts.githubApiUrl, repository, token: process.env.GITHUB_TOKEN ?? process.env.GH_TOKEN }
              : undefined,
          signer,
          outDir: opts.out,
          recordDeployment: opts.record,
          logger,
        });
        if (opts.explain) logger.info(renderGateExplain(result.decision));
        else {
          for (const a of result.decision.artefacts) {
            const failed = a.checks.filter((c) => c.status === 'fail');
            logger.info(`${a.allowed ? 'ADMITTED' : 'REFUSED'} ${a.name ?? ''} sha256:${a.digest}`);
            for (const c of failed) logger.info(`  ✗ ${c.title}: ${c.reason}${c.fix ? ` — ${c.fix}` : ''}`);
          }
        }
        logger.info(`decision: ${result.decisionPath}; VSA: ${result.vsaBundlePath ?? result.vsaPath}`);
        return {
          exitCode: result.exitCode,
          json: {
            ...result.decision,
            decisionPath: result.decisionPath,
            vsaPath: result.vsaPath,
            vsaBundlePath: result.vsaBundlePath ?? null,
            deploymentPaths: result.deploymentPaths,
          },
        };
      }),
    );
}
