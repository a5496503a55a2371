/**
 * `secure-factory sign-bundle`: the Sigstore conformance suite's sign command. Signs FILE keyless
 * with the given identity token: a message signature, or with --in-toto a DSSE bundle over the
 * in-toto statement in FILE. Services come from --signing-config, else the public-good instance.
 */
import type { Command } from 'commander';
import { ConfigurationError, EXIT, readRegularFile, UnsafeFileError, writeJsonAtomic } from '@secure-factory/core';
import { MAX_ARTIFACT_BYTES } from '@secure-factory/verify';
import { createSigningPipeline, resolveServices, staticToken } from '@secure-factory/attest';
import { execute, type CommonOptions } from '../context.js';

interface SignBundleOptions extends CommonOptions {
  identityToken: string;
  bundle: string;
  inToto?: boolean;
  trustedRoot?: string;
  signingConfig?: string;
  staging?: boolean;
}

export function registerSignBundle(program: Command): Command {
  return program
    .command('sign-bundle')
    .description('Sign a file into a Sigstore bundle with an OIDC identity token (Sigstore conformance CLI protocol)')
    .argument('<file>', 'the artefact to sign (with --in-toto: an in-toto statement JSON)')
    .requiredOption('--identity-token <token>', 'the OIDC identity token')
    .requiredOption('--bundle <file>', 'where to write the bundle')
    .option('--in-toto', 'FILE is an in-toto statement: sign it as a DSSE envelope (application/vnd.in-toto+json)')
    .option('--trusted-root <file>', 'accepted for protocol compatibility; signing does not need it')
    .option('--signing-config <file>', 'a Sigstore signing config naming the Fulcio, Rekor and TSA to use')
    .option('--staging', 'Sigstore staging: needs --signing-config here')
    .option('--json', 'print the written bundle path as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (file: string, opts: SignBundleOptions) =>
      execute(opts, async ({ logger }) => {
        if (opts.staging && !opts.signingConfig)
          throw new ConfigurationError('--staging needs --signing-config (staging URLs are not built in)');
        let data: Buffer;
        try {
          // Regular files only (a FIFO would block for ever, /dev/zero never end); a link given here is followed.
          data = await readRegularFile(file, { maxBytes: MAX_ARTIFACT_BYTES, within: '/', what: 'file to sign' });
        } catch (e: unknown) {
          if (e instanceof UnsafeFileError && e.reason !== 'missing' && e.reason !== 'unreadable') throw e;
          throw new ConfigurationError('cannot read the file to sign', { location: { file } });
        }
        if (opts.inToto) {
          try {
            const st = JSON.parse(data.toString('utf8')) as { _type?: unknown };
            if (typeof st._type !== 'string' || !st._type.startsWith('https://in-toto.io/Statement/')) throw new Error('no in-toto _type');
          } catch {
            throw new ConfigurationError('--in-toto: the file is not an in-toto statement', { location: { file } });
          }
        }
        const services = await resolveServices({ signingConfigFile: opts.signingConfig });
        const pipeline = createSigningPipeline({
          kind: 'keyless',
          services,
          identity: staticToken(opts.identityToken),
          // The conformance protocol signs into the log the signing config names.
          useRekor: services.rekorUrl !== undefined,
        });
        const bundle = opts.inToto ? await pipeline.signStatement(data) : await pipeline.signArtifact(data);
        await writeJsonAtomic(opts.bundle, bundle);
        logger.info(
          `wrote ${opts.bundle} (${opts.inToto ? 'DSSE' : 'message signature'}; Fulcio ${services.fulcioUrl}${pipeline.services.rekor ? `, Rekor ${pipeline.services.rekor}` : ''}${pipeline.services.tsa ? `, TSA ${pipeline.services.tsa}` : ''})`,
        );
        return { exitCode: EXIT.passed, json: { bundle: opts.bundle, mediaType: bundle.mediaType } };
      }),
    );
}
