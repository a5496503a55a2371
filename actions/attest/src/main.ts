/** The attest action: sign the evidence folder's statements, optionally publish them, report. */
import path from 'node:path';
import { coreLogger, setOutput, writeSummary } from '@secure-factory/action-runtime';
import { code, ConfigurationError, loadPolicy, md, policyFileInput, table } from '@secure-factory/core';
import { attestEvidence, customPredicate, subjectsFromPaths, type AttestResult } from '@secure-factory/attest';
import { createImageRegistry, createRegistryClient } from '@secure-factory/materials';
import type { RunInputs } from './inputs.js';

export async function run(inputs: RunInputs): Promise<AttestResult> {
  const logger = coreLogger();
  const policy = await loadPolicy(policyFileInput(inputs.policy));
  const signer = inputs.signer ?? policy.attest.signer;
  if (signer === 'key' && !inputs.privateKey) {
    throw new ConfigurationError('signer: key needs the private-key input', {
      hint: 'pass it from a secret: `private-key: ${{ secrets.SIGNING_KEY }}`',
    });
  }
  const custom = await customPredicate({
    predicateType: inputs.predicateType,
    predicate: inputs.predicate,
    predicatePath: inputs.predicatePath,
    sbomPath: inputs.sbomPath,
  });
  const github = { apiUrl: inputs.githubApiUrl, repository: inputs.repository, token: inputs.githubToken ?? '' };
  const result = await attestEvidence({
    evidenceDir: inputs.evidence,
    subjects: {
      paths: inputs.subjectPaths,
      digests: inputs.subjectDigests,
      digestName: inputs.subjectName,
      checksumFiles: inputs.subjectChecksums,
    },
    signer: {
      kind: signer,
      privateKeyPem: inputs.privateKey,
      services: { signingConfigFile: inputs.signingConfig, fulcioUrl: inputs.fulcioUrl, rekorUrl: inputs.rekorUrl, tsaUrl: inputs.tsaUrl },
      transparencyLog: policy.attest.publicTransparencyLog,
    },
    maxSubjects: policy.attest.maxSubjects,
    publish: inputs.publish ? github : undefined,
    releaseTag: inputs.releaseTag,
    github,
    custom,
    npmTarballs: await expandNpmTarballs(inputs.npmTarballs),
    npmRegistry: inputs.npmRegistry,
    images:
      inputs.pushToRegistry || inputs.subjectOciLayouts.length > 0
        ? {
            registry: createImageRegistry(createRegistryClient()),
            layouts: inputs.subjectOciLayouts.map((dir) => ({ dir, name: inputs.subjectName ?? '' })),
            push: inputs.pushToRegistry,
          }
        : undefined,
    logger,
  });
  setOutput('npm-provenance-paths', (result.npmProvenance ?? []).map((n) => n.bundlePath).join('\n'));
  setOutput('bundle-paths', result.signed.map((s) => s.bundlePath).join('\n'));
  const ids = result.signed.flatMap((s) => (s.attestationId ? [s.attestationId] : []));
  setOutput('attestation-ids', ids.join('\n'));
  // actions/attest's single-attestation outputs.
  setOutput('bundle-path', result.signed[0]?.bundlePath ?? '');
  setOutput('attestation-id', ids[0] ?? '');
  setOutput('attestation-url', ids[0] ? `${inputs.serverUrl.replace(/\/+$/, '')}/${inputs.repository}/attestations/${ids[0]}` : '');
  // push-to-registry: the referrer manifests' digests (`<image>@<digest>` fetches one).
  const referrers = result.signed.flatMap((s) => s.referrers ?? []);
  setOutput('attestation-digest', referrers[0]?.digest ?? '');
  setOutput('attestation-digests', referrers.map((r) => r.digest).join('\n'));
  if (!inputs.showSummary) return result;
  const services = [
    result.services.fulcio ? `Fulcio ${code(result.services.fulcio)}` : undefined,
    result.services.rekor ? `Rekor ${code(result.services.rekor)}` : 'no transparency log',
    result.services.tsa ? `TSA ${code(result.services.tsa)}` : undefined,
  ].filter((s): s is string => s !== undefined);
  // One table, narrow: the predicate by its last path segment, attestations as links; paths once below.
  const url = (id: string): string => `${inputs.serverUrl.replace(/\/+$/, '')}/${inputs.repository}/attestations/${id}`;
  const shown = result.signed.slice(0, 100);
  const folder = result.signed[0] ? path.dirname(result.signed[0].bundlePath) : inputs.evidence;
  await writeSummary(
    [
      `### secure-factory attest: ${result.signed.length} statement(s) signed ✅`,
      '',
      `Signer: **${result.signer}** · ${services.join(' · ')} · ${md(result.transparencyLog.reason)}`,
      '',
      table(
        ['statement', 'predicate', 'subjects', 'attestation'],
        shown.map((s) => [
          code(s.name),
          md(s.predicateType.replace(/^https?:\/\//, '').slice(-48)),
          String(s.subjects),
          [
            s.attestationId ? `[${md(s.attestationId)}](${url(s.attestationId)})` : '',
            s.releaseAsset ? `release ${code(s.releaseAsset)}` : '',
            s.referrers?.length ? `registry ${s.referrers.map((r) => code(`${r.digest.slice(0, 19)}…`)).join(' ')}` : '',
          ]
            .filter(Boolean)
            .join(' · ') || '—',
        ]),
      ),
      result.signed.length > shown.length
        ? `\n_…and ${result.signed.length - shown.length} more; every bundle is in ${code(folder)}._`
        : '',
      '',
      ...(result.npmProvenance ?? []).map((n) => `npm provenance for ${code(n.purl)}: ${code(n.bundlePath)}\n`),
      referrers.length
        ? `Pushed to ${[...new Set(referrers.map((r) => code(r.image.replace(/@sha256:(.{12}).*$/, '@sha256:$1…'))))].join(', ')} as OCI referrers (${referrers[0]?.via === 'referrers-api' ? 'referrers API' : 'referrers tag schema'}).\n`
        : '',
      `Bundles (\`<statement>.sigstore.json\`) in ${code(folder)}${result.ephemeralPublicKeyPath ? ` · ephemeral public key ${code(result.ephemeralPublicKeyPath)}` : ''}`,
    ].join('\n'),
  );
  return result;
}

/** npm-tarball lines: a path, or a glob of the files it matches (at least one). */
async function expandNpmTarballs(lines: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines) {
    if (!/[*?[\]{}]/.test(line)) {
      out.push(line);
      continue;
    }
    const files = (await subjectsFromPaths([line], process.cwd())).map((s) => s.name ?? '');
    out.push(...files);
  }
  return out;
}
