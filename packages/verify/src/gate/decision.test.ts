/** The gate's answer: the VSA it signs, the stage chain, the --explain text and the job summary's verdict parts. */
import { PREDICATE, TOOL_URI, TOOL_VERSION } from '@secure-factory/core';
import {
  policyUri,
  renderExplain,
  renderSummary,
  runStageStates,
  stageStates,
  vsaStatement,
  type ArtefactDecision,
  type DecisionLog,
} from './decision.js';
import { GATE_VERIFIER_ID } from './evaluate.js';
import { artefact, decisionCheck as check, decisionLog, DIGEST as A, OTHER as B, refusedByRules } from './__tests__/fixtures.js';

/** The fixtures' decision log, with two verified input bundles unless given. */
const log = (artefacts: ArtefactDecision[], over: Partial<DecisionLog> = {}): DecisionLog =>
  decisionLog(artefacts, {
    inputs: [
      { origin: 'prov.sigstore.json', digest: 'sha256:1111', status: 'verified' },
      { origin: 'vsa.sigstore.json', digest: 'sha256:2222', status: 'verified' },
    ],
    ...over,
  });

describe('policyUri', () => {
  it('names the built-in defaults by the tool URI, a file by its path', () => {
    expect(policyUri('(defaults)')).toBe(`${TOOL_URI}/policy/defaults/v1`);
    expect(policyUri('.github/secure-factory.yml')).toBe('.github/secure-factory.yml');
  });
});

describe('vsaStatement', () => {
  it('PASSED names every artefact and claims only the levels all of them reached', () => {
    const l = log([
      artefact(A, true, {
        name: 'app.tgz',
        verifiedLevels: ['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2'],
        inputs: ['sha256:2222', 'sha256:1111'],
      }),
      artefact(B, true, { verifiedLevels: ['SLSA_BUILD_LEVEL_3'], inputs: ['sha256:1111', 'sha256:3333'] }),
    ]);
    const s = vsaStatement(l);
    expect(s.predicateType).toBe(PREDICATE.vsa);
    expect(s.subject).toEqual([
      { name: 'app.tgz', digest: { sha256: A } },
      { name: `sha256:${B}`, digest: { sha256: B } },
    ]);
    expect(s.predicate).toEqual({
      verifier: { id: GATE_VERIFIER_ID, version: { 'secure-factory': TOOL_VERSION } },
      timeVerified: '2026-11-25T12:00:07.123Z',
      resourceUri: 'app.tgz',
      policy: { uri: 'p.yml', digest: { sha256: 'e'.repeat(64) } },
      inputAttestations: [
        { uri: 'prov.sigstore.json', digest: { sha256: '1111' } },
        { uri: 'vsa.sigstore.json', digest: { sha256: '2222' } },
        { uri: 'sha256:3333', digest: { sha256: '3333' } },
      ],
      verificationResult: 'PASSED',
      verifiedLevels: ['SLSA_BUILD_LEVEL_3'],
      slsaVersion: '1.0',
    });
  });

  it('a refusal is FAILED with the level FAILED, whatever the artefacts reached', () => {
    const s = vsaStatement(log([artefact(A, false, { verifiedLevels: ['SLSA_BUILD_LEVEL_3'] })], { policy: null }));
    expect(s.predicate.verificationResult).toBe('FAILED');
    expect(s.predicate.verifiedLevels).toEqual(['FAILED']);
    expect(s.predicate.resourceUri).toBe(`sha256:${A}`);
    expect(s.predicate.policy).toEqual({ uri: 'unparsable' });
    // An allowed flag on the log decides, not the artefacts'.
    const forced = vsaStatement({ ...log([artefact(A, true, { verifiedLevels: ['SLSA_BUILD_LEVEL_3'] })]), allowed: false });
    expect(forced.predicate.verificationResult).toBe('FAILED');
    expect(forced.predicate.verifiedLevels).toEqual(['FAILED']);
  });
});

describe('stage states', () => {
  it('each stage is its worst check; skipped checks do not count; the gate stage follows the verdict', () => {
    const checks = [
      check('src', 'source', 'pass'),
      check('sbom', 'materials', 'warn'),
      check('vulns', 'materials', 'pass'),
      check('builder', 'build', 'fail'),
      check('builder2', 'build', 'warn'),
      check('sig', 'attest', 'skip'),
    ];
    expect(stageStates(checks, false)).toEqual({
      source: 'passed',
      materials: 'warning',
      build: 'failed',
      attest: 'skipped',
      gate: 'failed',
    });
    expect(stageStates([], true)).toEqual({ source: 'skipped', materials: 'skipped', build: 'skipped', attest: 'skipped', gate: 'passed' });
    expect(stageStates([check('w', 'gate', 'warn')], true).gate).toBe('warning');
    expect(stageStates([check('f', 'gate', 'fail')], true).gate).toBe('passed');
    expect(stageStates([check('w', 'gate', 'warn')], false).gate).toBe('failed');
  });

  it('the run chain takes each stage at its worst over the artefacts; an error or a refusal fails the gate stage', () => {
    const l = log([
      artefact(A, true, { checks: [check('s', 'source', 'pass'), check('m', 'materials', 'warn')] }),
      artefact(B, true, { checks: [check('s', 'source', 'fail'), check('m', 'materials', 'pass'), check('b', 'build', 'pass')] }),
    ]);
    expect(runStageStates(l)).toEqual({ source: 'failed', materials: 'warning', build: 'passed', attest: 'skipped', gate: 'passed' });
    expect(runStageStates({ ...l, allowed: false }).gate).toBe('failed');
    expect(runStageStates({ ...l, error: { code: 'INTERNAL', message: 'x' } }).gate).toBe('failed');
  });
});

describe('renderExplain', () => {
  it('every check on its line, the fix only for a failure, waivers, and the error first', () => {
    const l = log(
      [
        artefact(A, false, {
          name: 'app.tgz',
          checks: [
            check('builder', 'build', 'fail', { fix: 'pin the builder', evidence: 'provenance' }),
            check('sbom', 'materials', 'warn', { fix: 'never shown' }),
          ],
          waivers: [{ index: 0, scope: 'registries', reason: 'migrating', approver: 'carol', expires: '2026-12-01', state: 'used' }],
        }),
        artefact(B, true),
      ],
      { error: { code: 'INTERNAL', message: 'boom' } },
    );
    expect(renderExplain(l).split('\n')).toEqual([
      'error: boom',
      `REFUSED app.tgz sha256:${A} for prod`,
      '  source ⚪ → materials ⚠️ → build ❌ → attest ⚪ → gate ❌',
      '  [FAIL] builder: builder is fail (provenance)',
      '         fix: pin the builder',
      '  [WARN] sbom: sbom is warn',
      '  waiver #0 registries: used (by carol, until 2026-12-01: migrating)',
      `ADMITTED sha256:${B} for prod`,
      '  source ⚪ → materials ⚪ → build ⚪ → attest ⚪ → gate ✅',
    ]);
  });
});

describe('renderSummary', () => {
  it('one refused artefact: the verdict, the error, its checks with the fix only where it fails', () => {
    const l = log(
      [
        artefact(A, false, {
          name: 'app.tgz',
          checks: [check('builder', 'build', 'fail', { fix: 'pin it' }), check('sbom', 'materials', 'warn', { fix: 'hidden fix' })],
        }),
      ],
      { error: { code: 'CONFIGURATION', message: 'bad policy' } },
    );
    const out = renderSummary(l);
    expect(out.split('\n')[0]).toBe('> **secure-factory gate — prod: refused** · `app.tgz` sha256:aaaa…aaaa');
    expect(out).toContain('❌ the gate could not decide: bad policy');
    expect(out).toContain('| builder | ❌ builder is fail |  | pin it |');
    expect(out).toContain('| sbom | ⚠️ sbom is warn |  | — |');
    expect(out).not.toContain('hidden fix');
    expect(out).not.toContain('Verified levels');
    expect(out).not.toContain('**What blocks**');
    expect(out.split('\n').at(-1)).toBe('_2026-11-25 12:00 UTC · policy `p.yml` sha256:eeee…eeee · 2 input bundle(s)_');
  });

  it('admitted: the levels all artefacts reached, the signed VSA and the decision log', () => {
    const l = log(
      [
        artefact(A, true, { verifiedLevels: ['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2'] }),
        artefact(B, true, { verifiedLevels: ['SLSA_BUILD_LEVEL_3'] }),
      ],
      { vsa: { path: 'v.json', sha256: 'f', signed: true } },
    );
    const out = renderSummary(l, { decisionPath: 'd.json' });
    expect(out.split('\n')[0]).toBe('> **secure-factory gate — prod: admitted** · 2 artefact(s)');
    expect(out).toContain('Verified levels: `SLSA_BUILD_LEVEL_3`\n');
    expect(out.split('\n').at(-1)).toBe(
      '_2026-11-25 12:00 UTC · policy `p.yml` sha256:eeee…eeee · 2 input bundle(s) · VSA `v.json` (signed) · decision log `d.json`_',
    );
    expect(
      renderSummary({ ...l, policy: null, vsa: { path: 'v.json', sha256: 'f', signed: false } })
        .split('\n')
        .at(-1),
    ).toBe('_2026-11-25 12:00 UTC · no policy · 2 input bundle(s) · VSA `v.json` (unsigned)_');
  });

  it('many artefacts: a row each with what blocks it, and each failing check once with its count and fix', () => {
    const f = check('builder', 'build', 'fail', { title: 'builder identity', fix: 'pin it' });
    const g = check('source', 'source', 'fail', { title: 'source VSA' });
    const l = log([
      artefact(A, false, { name: 'a.tgz', checks: [f, g, check('ok', 'attest', 'pass')] }),
      artefact(B, false, { checks: [f] }),
      artefact('c'.repeat(64), true, { name: 'c.tgz' }),
    ]);
    const out = renderSummary(l);
    expect(out).toContain('| `a.tgz` | `aaaa…aaaa` | ❌ refused | build: builder identity, source: source VSA |');
    expect(out).toContain('| — | `bbbb…bbbb` | ❌ refused | build: builder identity |');
    expect(out).toContain('| `c.tgz` | `cccc…cccc` | ✅ admitted | — |');
    expect(out).toContain(
      '**What blocks**\n\n- **build** · builder identity: builder is fail (2 artefacts) → pin it\n- **source** · source VSA: source is fail\n',
    );
    // A limit on rows says how many more and how many of all are refused.
    const capped = renderSummary(l, { limit: 1 });
    expect(capped).toContain('_…and 2 more artefact(s) (2 refused in all); every one is in the decision log._');
    expect(capped).not.toContain('bbbb…bbbb');
  });

  it('more than 20 distinct blocking checks: the first 20 and how many more', () => {
    const out = renderSummary(log(refusedByRules(23)));
    expect(out).toContain('- **gate** · rule:r19: rule:r19 is fail\n');
    expect(out).not.toContain('rule:r20 is fail');
    expect(out).toContain('- …and 3 more; see the decision log');
  });

  it('a long reason is cut in the table, whole in the decision log', () => {
    const long = 'x'.repeat(300);
    const out = renderSummary(log([artefact(A, false, { checks: [check('r', 'gate', 'fail', { reason: long })] })]));
    expect(out).toContain(`❌ ${'x'.repeat(159)}…`);
    expect(out).not.toContain('x'.repeat(160));
  });
});
