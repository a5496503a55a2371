/** Deployment records: one per admitted artefact, named so concurrent gates never collide; read back oldest first. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ArtefactDecision, DecisionLog } from './decision.js';
import { DEPLOYMENT_API_VERSION, readDeployments, recordDeployments, RECORD_NAME, type DeploymentRecord } from './deployments.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const NOW = new Date('2026-11-25T02:54:25.678Z');

const artefact = (digest: string, allowed: boolean, name?: string): ArtefactDecision => ({
  digest,
  ...(name ? { name } : {}),
  allowed,
  verifiedLevels: allowed ? ['SLSA_BUILD_LEVEL_3'] : [],
  checks: [],
  waivers: [],
  inputs: [],
});

function log(artefacts: ArtefactDecision[], over: Partial<DecisionLog> = {}): DecisionLog {
  return {
    apiVersion: 'secure-factory/gate-decision/v1',
    allowed: artefacts.every((a) => a.allowed),
    environment: 'Production EU',
    time: NOW.toISOString(),
    tool: { name: 'secure-factory', version: '0.1.0' },
    policy: { uri: '.github/secure-factory.yml', digest: { sha256: 'e'.repeat(64) } },
    inputs: [],
    artefacts,
    vsa: { path: 'gate/x.vsa.intoto.json', bundlePath: 'gate/x.vsa.sigstore.json', sha256: 'f'.repeat(64), signed: true },
    ...over,
  };
}

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'sf-deployments-'));
const read = (file: string): DeploymentRecord => JSON.parse(readFileSync(file, 'utf8')) as DeploymentRecord;

describe('recordDeployments', () => {
  it('writes one record per admitted artefact, none for a refused one', async () => {
    const dir = tmp();
    const files = await recordDeployments(dir, log([artefact(A, true, 'app.tgz'), artefact(B, false)]), 'gate/x.decision.json', NOW);
    expect(files).toHaveLength(1);
    const file = files[0] as string;
    expect(path.dirname(file)).toBe(path.join(dir, 'deployments'));
    expect(readdirSync(path.join(dir, 'deployments'))).toEqual([path.basename(file)]);
    expect(path.basename(file)).toMatch(/^20261125T025425Z-production-eu-aaaaaaaaaaaa-[0-9a-f]{6}\.json$/);
    expect(RECORD_NAME.test(path.basename(file))).toBe(true);
    expect(read(file)).toEqual({
      apiVersion: DEPLOYMENT_API_VERSION,
      environment: 'Production EU',
      digest: `sha256:${A}`,
      name: 'app.tgz',
      time: NOW.toISOString(),
      vsa: { path: 'gate/x.vsa.intoto.json', bundlePath: 'gate/x.vsa.sigstore.json', sha256: 'f'.repeat(64) },
      decisionPath: 'gate/x.decision.json',
      policy: { uri: '.github/secure-factory.yml', sha256: 'e'.repeat(64) },
      verifiedLevels: ['SLSA_BUILD_LEVEL_3'],
    });
  });

  it('two admissions of the same digest in the same second are two records', async () => {
    const dir = tmp();
    const one = await recordDeployments(dir, log([artefact(A, true)]), 'd.json', NOW);
    const two = await recordDeployments(dir, log([artefact(A, true)]), 'd.json', NOW);
    expect(one[0]).not.toBe(two[0]);
    expect((await readDeployments(dir)).records).toHaveLength(2);
  });

  it('without a VSA bundle, a VSA or a policy the record says so', async () => {
    const dir = tmp();
    const [unsigned] = await recordDeployments(
      dir,
      log([artefact(A, true)], { vsa: { path: 'v.json', sha256: '1'.repeat(64), signed: false }, policy: null }),
      'd.json',
      NOW,
    );
    const r = read(unsigned as string);
    expect(r.vsa).toEqual({ path: 'v.json', sha256: '1'.repeat(64) });
    expect(r.policy).toBeNull();
    expect(r).not.toHaveProperty('name');
    const noVsa: DecisionLog = log([artefact(A, true)]);
    delete noVsa.vsa;
    const [bare] = await recordDeployments(dir, noVsa, 'd.json', NOW);
    expect(read(bare as string).vsa).toEqual({ path: '', sha256: '' });
  });
});

describe('readDeployments', () => {
  it('no deployments folder is no records', async () => {
    expect(await readDeployments(tmp())).toEqual({ records: [], skipped: [] });
  });

  it('a deployments path that is not a folder is an error, not an empty history', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'deployments'), 'x');
    await expect(readDeployments(dir)).rejects.toThrow();
  });

  it('reads the records oldest first, skips corrupt ones by name, and ignores files not named as records', async () => {
    const dir = tmp();
    const deployments = path.join(dir, 'deployments');
    mkdirSync(deployments);
    const rec = (time: string, digest: string): DeploymentRecord => ({
      apiVersion: DEPLOYMENT_API_VERSION,
      environment: 'prod',
      digest,
      time,
      vsa: { path: 'v', sha256: 's' },
      decisionPath: 'd',
      policy: null,
      verifiedLevels: [],
    });
    // Named in one order, timed in another: the time decides.
    writeFileSync(
      path.join(deployments, '20261125T000000Z-prod-aaaaaaaaaaaa-000001.json'),
      JSON.stringify(rec('2026-11-25T10:00:00Z', `sha256:${A}`)),
    );
    writeFileSync(
      path.join(deployments, '20261125T000000Z-prod-bbbbbbbbbbbb-000002.json'),
      JSON.stringify(rec('2026-11-25T09:00:00Z', `sha256:${B}`)),
    );
    writeFileSync(path.join(deployments, '20261125T000000Z-prod-cccccccccccc-000003.json'), '{not json');
    writeFileSync(
      path.join(deployments, '20261125T000000Z-prod-dddddddddddd-000004.json'),
      JSON.stringify({ ...rec('x', 'y'), apiVersion: 'other/v1' }),
    );
    writeFileSync(
      path.join(deployments, '20261125T000000Z-prod-eeeeeeeeeeee-000005.json'),
      JSON.stringify({ ...rec('x', 'y'), digest: 7 }),
    );
    writeFileSync(path.join(deployments, 'remediations.json'), JSON.stringify(rec('2026-11-25T08:00:00Z', 'sha256:x')));
    writeFileSync(
      path.join(deployments, 'x20261125T000000Z-prod-ffffffffffff-000006.json'),
      JSON.stringify(rec('2026-11-25T08:00:00Z', 'sha256:x')),
    );
    writeFileSync(
      path.join(deployments, '20261125T000000Z-prod-ffffffffffff-000007.jsonx'),
      JSON.stringify(rec('2026-11-25T08:00:00Z', 'sha256:x')),
    );
    // A link named like a record that leaves the folder is never read.
    const outside = path.join(dir, 'elsewhere.json');
    writeFileSync(outside, JSON.stringify(rec('2026-11-25T07:00:00Z', 'sha256:z')));
    symlinkSync(outside, path.join(deployments, '20261125T000000Z-prod-999999999999-000008.json'));
    const { records, skipped } = await readDeployments(dir);
    expect(records.map((r) => r.digest)).toEqual([`sha256:${B}`, `sha256:${A}`]);
    expect(skipped).toEqual([
      '20261125T000000Z-prod-999999999999-000008.json',
      '20261125T000000Z-prod-cccccccccccc-000003.json',
      '20261125T000000Z-prod-dddddddddddd-000004.json',
      '20261125T000000Z-prod-eeeeeeeeeeee-000005.json',
    ]);
  });
});
