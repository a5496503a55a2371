/**
 * slsa-verifier's own regression cases (../shared/corpora/slsa-verifier): every row whose provenance
 * is a Sigstore bundle must give slsa-verifier's verdict — and its error name — offline, with the
 * bundled public-good trusted root. Legacy `.intoto.jsonl` envelopes (no tlog entry: upstream needs
 * an online Rekor search) must fail closed with that reason, whatever upstream expected online.
 */
import { readFileSync } from 'node:fs';
import {
  artifactFromDigest,
  createBundleVerifier,
  parseProvenanceFile,
  verifyArtifactProvenance,
  verifyGithubAttestation,
  type BundleVerifier,
  type SlsaVerdict,
} from '@secure-factory/verify';
import { describeShared, readJsonl, sharedPath } from '../support/shared.js';

interface Row {
  id: number;
  command: string;
  test_name: string;
  provenance: string;
  provenance_format?: string;
  artifact_digests: string[];
  source_uri?: string;
  builder_id?: string | null;
  source_branch?: string | null;
  source_tag?: string | null;
  source_versioned_tag?: string | null;
  build_workflow_inputs?: Record<string, string> | null;
  expected: 'pass' | 'fail';
  expected_error?: string | null;
}

const CORPUS = ['corpora', 'slsa-verifier'];

describeShared('slsa-verifier corpus, offline with the bundled public-good trusted root', () => {
  const rows = readJsonl<Row>(...CORPUS, 'manifest.jsonl');
  const read = (rel: string): string => readFileSync(sharedPath(...CORPUS, rel), 'utf8');
  let verifier: BundleVerifier;
  const tally = { bundleRows: 0, verdictAgrees: 0, errorNameAgrees: 0, legacyRows: 0, legacyFailedClosed: 0 };
  beforeAll(() => {
    // One verifier (trust material built once) for all rows.
    verifier = createBundleVerifier();
  });
  afterAll(() => {
    process.stderr.write(
      `slsa-verifier corpus: ${tally.verdictAgrees}/${tally.bundleRows} Sigstore-bundle rows give the expected verdict, ` +
        `${tally.errorNameAgrees} with slsa-verifier's error name; ${tally.legacyFailedClosed}/${tally.legacyRows} legacy rows fail closed\n`,
    );
  });

  const options = (r: Row) => ({
    sourceUri: r.source_uri ?? '',
    builderId: r.builder_id ?? undefined,
    sourceBranch: r.source_branch ?? undefined,
    sourceTag: r.source_tag ?? undefined,
    sourceVersionedTag: r.source_versioned_tag ?? undefined,
    buildWorkflowInputs: r.build_workflow_inputs ?? undefined,
  });
  const check = (r: Row, verdict: SlsaVerdict): void => {
    tally.bundleRows++;
    const got = verdict.ok ? 'pass' : 'fail';
    expect(`${r.id} ${r.test_name}: ${got}${verdict.ok ? '' : ` (${verdict.error}: ${verdict.reason})`}`).toBe(
      `${r.id} ${r.test_name}: ${r.expected}${verdict.ok || r.expected === 'pass' ? '' : ` (${verdict.error}: ${verdict.reason})`}`,
    );
    tally.verdictAgrees++;
    if (!verdict.ok && r.expected_error) expect(verdict.error).toBe(r.expected_error);
    tally.errorNameAgrees++;
  };

  const artifactRows = rows.filter((r) => r.command === 'verify-artifact');
  it.each(artifactRows.map((r) => [`${r.id} ${r.test_name} (${r.provenance.split('/').slice(-2).join('/')})`, r] as const))(
    'verify-artifact %s',
    (_n, r) => {
      const parsed = parseProvenanceFile(read(r.provenance));
      if (parsed.kind !== 'bundle') {
        tally.legacyRows++;
        expect(r.provenance_format).toMatch(/^legacy/);
        expect(parsed.kind).toBe('legacy');
        if (parsed.kind === 'legacy') expect(parsed.reason).toMatch(/transparency-log entry.*online/);
        tally.legacyFailedClosed++;
        return;
      }
      check(
        r,
        verifyArtifactProvenance(
          verifier,
          parsed.bundle,
          r.artifact_digests.map((d) => artifactFromDigest(d)),
          options(r),
        ),
      );
    },
  );

  const attestationRows = rows.filter((r) => r.command === 'verify-github-attestation');
  it.each(attestationRows.map((r) => [`${r.id} ${r.test_name}`, r] as const))('verify-github-attestation %s', (_n, r) => {
    const parsed = parseProvenanceFile(read(r.provenance));
    expect(parsed.kind).toBe('bundle');
    if (parsed.kind === 'bundle')
      check(
        r,
        verifyGithubAttestation(
          verifier,
          parsed.bundle,
          r.artifact_digests.map((d) => artifactFromDigest(d)),
          options(r),
        ),
      );
  });

  const unitRows = rows.filter((r) => r.command.startsWith('VerifyProvenanceBundle'));
  it.each(unitRows.map((r) => [`${r.id} ${r.test_name}`, r] as const))('bundle only (upstream unit test) %s', (_n, r) => {
    const parsed = parseProvenanceFile(read(r.provenance));
    expect(parsed.kind).toBe('bundle');
    if (parsed.kind !== 'bundle') return;
    const envelope = (parsed.bundle as { dsseEnvelope: { payload: string } }).dsseEnvelope;
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { subject: { digest: { sha256: string } }[] };
    const verdict = verifier.verify(parsed.bundle, artifactFromDigest(`sha256:${statement.subject[0]?.digest.sha256 ?? ''}`));
    expect(`${r.id}: ${verdict.ok ? 'pass' : 'fail'}`).toBe(`${r.id}: ${r.expected}`);
  });
});
