/**
 * `secure-factory verify-artifact` with slsa-verifier's flags, on real slsa-github-generator
 * provenance from ../shared/corpora/slsa-verifier, offline (bundled public-good trusted root).
 */
import { runCli } from '../support/cli.js';
import { describeShared, sharedPath } from '../support/shared.js';

const data = (...p: string[]): string => sharedPath('corpora', 'slsa-verifier', 'cli', 'slsa-verifier', 'testdata', ...p);
const DIGEST = 'sha256:376e7e01348585b6e6643bc6663146b9d525d9b41228bf180eaeb4d4a3706caa';
const GENERIC = 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml';

describeShared('secure-factory verify-artifact (slsa-verifier flags)', () => {
  const provenance = data('gha_generic', 'v2.1.0', 'binary-linux-amd64-push-v13.0.30.intoto.jsonl');
  const run = (...extra: string[]) =>
    runCli([
      'verify-artifact',
      DIGEST,
      '--provenance-path',
      provenance,
      '--source-uri',
      'github.com/slsa-framework/example-package',
      ...extra,
    ]);

  it('passes with the right source, builder and versioned tag', async () => {
    const r = await run(
      '--builder-id',
      `${GENERIC}@refs/tags/v2.1.0`,
      '--source-versioned-tag',
      'v13.0',
      '--source-tag',
      'v13.0.30',
      '--json',
    );
    expect(`${r.exitCode} ${r.stderr}`).toMatch(/^0 [\s\S]*PASSED: SLSA verification passed/);
    expect((JSON.parse(r.stdout) as { builderId: string }).builderId).toBe(`${GENERIC}@refs/tags/v2.1.0`);
  });

  it.each([
    [['--source-versioned-tag', 'v14'], 'ErrorMismatchVersionedTag'],
    [['--source-tag', 'v13.0.29'], 'ErrorMismatchTag'],
    [['--source-branch', 'release'], 'ErrorMismatchBranch'],
    [
      ['--builder-id', 'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/not-trusted.yml'],
      'ErrorUntrustedReusableWorkflow',
    ],
    [['--build-workflow-input', 'missing=1'], 'ErrorMismatchWorkflowInputs'],
  ])('fails with %j → %s', async (extra, error) => {
    const r = await run(...extra);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(error);
  });

  it('a wrong source or digest fails; a legacy envelope fails closed with the reason; bad usage exits 2', async () => {
    const src = await runCli([
      'verify-artifact',
      DIGEST,
      '--provenance-path',
      provenance,
      '--source-uri',
      'github.com/evil/example-package',
    ]);
    expect(src.exitCode).toBe(1);
    expect(src.stderr).toContain('ErrorMismatchSource');
    const hash = await runCli([
      'verify-artifact',
      `sha256:${'0'.repeat(64)}`,
      '--provenance-path',
      provenance,
      '--source-uri',
      'github.com/slsa-framework/example-package',
    ]);
    expect(hash.stderr).toContain('ErrorMismatchHash');
    const legacy = await runCli([
      'verify-artifact',
      DIGEST,
      '--provenance-path',
      data('annotated-tag.intoto.jsonl'),
      '--source-uri',
      'github.com/slsa-framework/example-package',
    ]);
    expect(legacy.exitCode).toBe(1);
    expect(legacy.stderr).toMatch(/legacy DSSE envelope.*online/);
    // slsa-verifier compares --source-uri as given: any other repository is ErrorMismatchSource (exit 1).
    const other = await runCli(['verify-artifact', DIGEST, '--provenance-path', provenance, '--source-uri', 'https://github.com/x/y']);
    expect(other.exitCode).toBe(1);
    expect(other.stderr).toContain('ErrorMismatchSource');
    const usage = await runCli(['verify-artifact', DIGEST, '--provenance-path', provenance, '--source-uri', '']);
    expect(usage.exitCode).toBe(2);
  });
});
