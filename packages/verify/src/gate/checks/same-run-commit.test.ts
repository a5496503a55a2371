/**
 * The same-run check binds the statements to the run through the certificate's commit claim. A run
 * certificate that names no commit (neither Fulcio's source repository digest nor the legacy workflow
 * SHA extension) binds nothing, so the set is refused as mixed instead of the cross-check being skipped.
 */
import { makeStatement, PREDICATE, type DeployPolicy } from '@secure-factory/core';
import type { Evidence, EvidenceSigner } from '../types.js';
import type { GateContext } from './context.js';
import { sameRunCheck } from './same-run.js';

const COMMIT = 'c'.repeat(40);
const RUN = 'https://github.com/acme/app/actions/runs/7/attempts/1';

function cert(commit: string | undefined): EvidenceSigner {
  return {
    kind: 'certificate',
    identity: {
      buildSignerUri: 'https://github.com/factory/sf/.github/workflows/sf.yml@refs/tags/v1.0.0',
      runInvocationUri: RUN,
      ...(commit ? { sourceRepositoryDigest: commit } : {}),
    },
  };
}

function provenance(signer: EvidenceSigner, commit: string): Evidence {
  return {
    statement: makeStatement([{ name: 'app', digest: { sha256: 'a'.repeat(64) } }], PREDICATE.provenance, {
      buildDefinition: { buildType: 'x', externalParameters: {}, resolvedDependencies: [{ digest: { gitCommit: commit } }] },
      runDetails: { builder: { id: 'x' } },
    }),
    signer,
    trustedTime: { time: new Date('2026-11-25T12:00:00Z'), source: 'tlog' },
    origin: 'provenance.sigstore.json',
    bundleDigest: 'b'.repeat(64),
  };
}

function context(prov: Evidence, sameRun = true): GateContext {
  return {
    anchor: prov,
    used: { provenance: prov },
    offRun: [],
    byKind: new Map([['provenance', [prov]]]),
    deploy: { sameRun } as DeployPolicy,
  } as unknown as GateContext;
}

describe('same run: the certificate must name the commit', () => {
  it('passes when the certificate and the provenance name the same commit', () => {
    expect(sameRunCheck(context(provenance(cert(COMMIT), COMMIT)))).toEqual([
      expect.objectContaining({ id: 'same-run', status: 'pass', reason: 'run 7 attempt 1, commit cccc…cccc' }),
    ]);
  });

  it('refuses a run certificate without a commit claim, even though the provenance names one', () => {
    const [c] = sameRunCheck(context(provenance(cert(undefined), COMMIT)));
    expect(c).toMatchObject({
      id: 'same-run',
      status: 'fail',
      reason:
        "evidence is mixed: the run's certificate names no source commit (Fulcio's source repository digest), so the statements cannot be bound to it",
    });
    expect(c?.fix).toMatch(/evidence of the run that built it/);
  });

  it('says nothing when same-run is off', () => {
    expect(sameRunCheck(context(provenance(cert(undefined), COMMIT), false))).toEqual([]);
  });
});
