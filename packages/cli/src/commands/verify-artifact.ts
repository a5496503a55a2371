/**
 * `secure-factory verify-artifact`: slsa-verifier's verify-artifact flags and meaning, for provenance
 * carried in Sigstore bundles, offline with the bundled public-good trusted root. GitHub artifact
 * attestations are recognised by their build type; --builder-id then names the signing workflow.
 * Legacy `.intoto.jsonl` envelopes need an online Rekor search and fail closed.
 */
import type { Command } from 'commander';
import { ConfigurationError, decodeUtf8, EXIT, readRegularFile } from '@secure-factory/core';
import {
  createBundleVerifier,
  loadTrustedRoot,
  parseProvenanceFile,
  artifactLabel,
  readArtifactArgument,
  verifyArtifactProvenance,
} from '@secure-factory/verify';
import { execute, type CommonOptions } from '../context.js';

interface VerifyArtifactOptions extends CommonOptions {
  provenancePath: string;
  sourceUri: string;
  builderId?: string;
  sourceBranch?: string;
  sourceTag?: string;
  sourceVersionedTag?: string;
  buildWorkflowInput?: string[];
  trustedRoot?: string;
}

/** The largest provenance read (the gate's limit for a bundle). */
const MAX_PROVENANCE_BYTES = 32 * 1024 * 1024;

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function registerVerifyArtifact(program: Command): Command {
  return program
    .command('verify-artifact')
    .description('Verify SLSA provenance (a Sigstore bundle) for artefacts, with slsa-verifier flags')
    .argument('<artifacts...>', 'artefact files, or ALGORITHM:HEX digests (sha256:, sha512:, …)')
    .requiredOption('--provenance-path <file>', 'the provenance: a Sigstore bundle')
    .requiredOption('--source-uri <uri>', 'expected source repository, github.com/OWNER/REPO')
    .option('--builder-id <id>', 'expected builder: a trusted reusable workflow, optionally @ref')
    .option('--source-branch <branch>', 'expected branch the artefact was built from')
    .option('--source-tag <tag>', 'expected tag the artefact was built from')
    .option('--source-versioned-tag <tag>', 'expected semantic version: v1 matches v1.x.y, v1.2 matches v1.2.x')
    .option('--build-workflow-input <k=v>', 'expected workflow_dispatch input (repeatable)', collect)
    .option('--trusted-root <file>', 'a Sigstore trusted root JSON replacing the bundled public-good one')
    .option('--json', 'print the verdict as JSON on stdout')
    .option('--verbose', 'print debug output')
    .action(async (targets: string[], opts: VerifyArtifactOptions) =>
      execute(opts, async ({ logger }) => {
        // Any other source is slsa-verifier's ErrorMismatchSource (a verdict, exit 1), not a usage error.
        if (opts.sourceUri.trim() === '') throw new ConfigurationError('--source-uri must name the repository, github.com/OWNER/REPO');
        const inputs: Record<string, string> = {};
        for (const kv of opts.buildWorkflowInput ?? []) {
          const at = kv.indexOf('=');
          if (at <= 0) throw new ConfigurationError(`--build-workflow-input "${kv}" must be key=value`);
          inputs[kv.slice(0, at)] = kv.slice(at + 1);
        }
        // Core's safe reader: a FIFO is refused (a plain read blocked forever), a device or an oversized
        // file is refused before reading, a link leaving the file's folder is refused, the text must be
        // UTF-8, and nothing of it is ever quoted.
        const text = decodeUtf8(
          await readRegularFile(opts.provenancePath, {
            maxBytes: MAX_PROVENANCE_BYTES,
            what: 'provenance',
            hint: 'give --provenance-path the Sigstore bundle file itself',
          }),
          opts.provenancePath,
          'provenance',
        );
        const parsed = parseProvenanceFile(text);
        if (parsed.kind !== 'bundle') {
          logger.error(`FAILED: ${parsed.reason}`, { file: opts.provenancePath });
          return {
            exitCode: EXIT.failed,
            json: {
              verified: false,
              error: parsed.kind === 'legacy' ? 'ErrorRekorSearch' : 'ErrorInvalidDssePayload',
              reason: parsed.reason,
            },
          };
        }
        const verifier = createBundleVerifier({ trustedRoot: await loadTrustedRoot(opts.trustedRoot) });
        const artifacts = await Promise.all(targets.map((t) => readArtifactArgument(t)));
        const verdict = verifyArtifactProvenance(verifier, parsed.bundle, artifacts, {
          sourceUri: opts.sourceUri,
          builderId: opts.builderId,
          sourceBranch: opts.sourceBranch,
          sourceTag: opts.sourceTag,
          sourceVersionedTag: opts.sourceVersionedTag,
          ...(Object.keys(inputs).length > 0 ? { buildWorkflowInputs: inputs } : {}),
        });
        if (verdict.ok) {
          for (const a of artifacts) logger.info(`Verified build using builder "${verdict.builderId}" for ${a.name ?? artifactLabel(a)}`);
          logger.info('PASSED: SLSA verification passed');
          return { exitCode: EXIT.passed, json: { verified: true, builderId: verdict.builderId, statement: verdict.statement } };
        }
        logger.error(`FAILED: SLSA verification failed: ${verdict.error}: ${verdict.reason}`, { file: opts.provenancePath });
        return { exitCode: EXIT.failed, json: { verified: false, error: verdict.error, reason: verdict.reason } };
      }),
    );
}
