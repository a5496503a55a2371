/**
 * The remediation clock on trusted time, against the local TSA (@sigstore/mock's, on 127.0.0.1) whose
 * clock the test moves forward instead of sleeping. The rescan's local clock is deliberately wrong in
 * every run: deadlines, "now" and overdue must come from the TSA's signed timestamps only. Tampered,
 * reordered, removed and unsigned state is refused by name.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { generateKeyPairSync } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createSigningPipeline, ephemeralSigner, staticToken } from '@secure-factory/attest';
import { loadPolicy, MemoryLogger, PREDICATE, REMEDIATION_EVENT_PREDICATE, type Policy } from '@secure-factory/core';
import { openOfflineDatabase } from '@secure-factory/materials';
import {
  buildInventory,
  collectOrg,
  EVENTS_DIR,
  keylessClock,
  mergePortfolio,
  readEventLog,
  readInventoryAndPlan,
  readShards,
  rescan,
  rescanShard,
  writeInventoryAndPlan,
  writeShard,
  type PortfolioReport,
  type TrustedClock,
} from '@secure-factory/rescan';
import { createBundleVerifier, loadTrustedRoot } from '@secure-factory/verify';
import { runCli } from '../support/cli.js';
import { startSigstoreServices, type SigstoreServices } from '../support/sigstore-services.js';
import { addRun, digestOf, MINIMIST, osvSnapshot, startOrgApi, type FakeRepo } from './org-fixtures.js';

const HOUR = 3_600_000;
/** The rescan host's clock: years off, so any use of it for a deadline shows. */
const WRONG_LOCAL = new Date('2031-01-01T00:00:00Z');

let services: SigstoreServices;
let tsaNow: Date;
let clock: TrustedClock;
let policy: Policy;

beforeAll(async () => {
  tsaNow = new Date();
  services = await startSigstoreServices({ tsaClock: () => tsaNow });
  const keySigner = ephemeralSigner();
  const pipeline = createSigningPipeline({
    kind: 'key',
    keySigner,
    services: { fulcioUrl: services.fulcioUrl, rekorMajorVersion: 1, tsaUrl: services.tsaUrl },
    useRekor: false,
  });
  clock = {
    sign: (payload) => pipeline.signStatement(payload),
    verifier: createBundleVerifier({ trustedRoot: await loadTrustedRoot(services.trustedRootPath), publicKeys: [keySigner.publicKeyPem] }),
    scope: 'acme/app',
  };
  policy = await loadPolicy(undefined, { now: new Date() });
});
afterAll(async () => services.close());

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'sf-clock-'));
  tsaNow = new Date();
});
afterEach(async () => rm(work, { recursive: true, force: true }));

/** An admitted run deploying minimist@1.2.0 (affected by MINIMIST). */
async function deployedEvidence(): Promise<string> {
  const evidence = path.join(work, 'evidence');
  const hex = digestOf('app.tgz');
  await mkdir(path.join(evidence, 'deployments'), { recursive: true });
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: [{ type: 'library', name: 'minimist', version: '1.2.0', purl: 'pkg:npm/minimist@1.2.0' }],
  };
  await writeFile(
    path.join(evidence, 'sbom.intoto.json'),
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'app.tgz', digest: { sha256: hex } }],
      predicateType: PREDICATE.cyclonedx,
      predicate: bom,
    }),
  );
  await writeFile(
    path.join(evidence, 'deployments', `20261201T080000Z-production-${hex.slice(0, 12)}-abc123.json`),
    JSON.stringify({
      apiVersion: 'secure-factory/deployment/v1',
      environment: 'production',
      digest: `sha256:${hex}`,
      name: 'app.tgz',
      time: '2026-12-01T08:00:00.000Z',
      vsa: { path: 'vsa.intoto.json', sha256: 'a'.repeat(64) },
      decisionPath: 'decision.json',
      policy: null,
    }),
  );
  return evidence;
}

async function run(
  evidence: string,
  advisories: unknown[],
  withClock: TrustedClock | null = clock,
): Promise<Awaited<ReturnType<typeof rescan>>> {
  const osv = await osvSnapshot(path.join(work, `osv-${Math.random().toString(36).slice(2)}`), advisories);
  return rescan({
    evidenceDirs: [evidence],
    stateDir: path.join(work, 'state'),
    policy,
    vulnSource: await openOfflineDatabase(osv),
    logger: new MemoryLogger(),
    now: WRONG_LOCAL,
    ...(withClock ? { clock: withClock } : {}),
  });
}

const seconds = (d: Date): string => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString();
const events = async (): Promise<string[]> => (await readdir(path.join(work, 'state', EVENTS_DIR))).sort();

describe('the remediation clock on trusted time', () => {
  it('opens with the TSA time, not the local clock; every state change is a signed, timestamped event', async () => {
    const evidence = await deployedEvidence();
    const opened = await run(evidence, [MINIMIST]);
    expect(opened.opened.map((r) => r.advisory)).toEqual(['GHSA-xvch-5gv4-984h']);
    const start = seconds(tsaNow);
    expect(opened.opened[0]?.firstSeen).toBe(start);
    expect(opened.opened[0]?.deadline).toBe(new Date(Date.parse(start) + 24 * HOUR).toISOString());
    expect(opened.trustedNow).toBe(start);
    expect(opened.overdue).toEqual([]);
    // remediations.json (the gate's view) carries the signed times.
    const json = JSON.parse(await readFile(path.join(work, 'state', 'remediations.json'), 'utf8')) as {
      remediations: { deadline: string }[];
    };
    expect(json.remediations[0]?.deadline).toBe(opened.opened[0]?.deadline);
    // The event is a Sigstore bundle with an RFC 3161 timestamp, verified as such.
    const files = await events();
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{16}-0001-opened\.sigstore\.json$/)]);
    const log = await readEventLog(path.join(work, 'state'), clock);
    const [chain] = [...log.chains.values()];
    expect(chain?.map((e) => [e.predicate.event, e.time.toISOString()])).toEqual([['opened', start]]);
    const bundle = JSON.parse(await readFile(path.join(work, 'state', EVENTS_DIR, files[0] as string), 'utf8')) as {
      verificationMaterial: { timestampVerificationData: { rfc3161Timestamps: unknown[] } };
      dsseEnvelope: { payload: string };
    };
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
    expect((JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString()) as { predicateType: string }).predicateType).toBe(
      REMEDIATION_EVENT_PREDICATE,
    );

    // 23 hours later by the TSA: still open, not overdue; the run signs a `checked` statement for its "now".
    tsaNow = new Date(tsaNow.getTime() + 23 * HOUR);
    const later = await run(evidence, [MINIMIST]);
    expect(later.trustedNow).toBe(seconds(tsaNow));
    expect(later.overdue).toEqual([]);
    expect((await events()).filter((f) => f.startsWith('checked-'))).toHaveLength(1);

    // 25 hours after opening by the TSA: overdue, and that is signed too (once).
    tsaNow = new Date(Date.parse(start) + 25 * HOUR);
    const late = await run(evidence, [MINIMIST]);
    expect(late.overdue.map((r) => r.advisory)).toEqual(['GHSA-xvch-5gv4-984h']);
    const again = await run(evidence, [MINIMIST]);
    expect(again.overdue).toHaveLength(1);
    expect((await events()).filter((f) => f.endsWith('-overdue.sigstore.json'))).toHaveLength(1);

    // Fixed (the advisory no longer matches anything deployed): the clock stops at the TSA time.
    tsaNow = new Date(Date.parse(start) + 30 * HOUR);
    const fixed = await run(evidence, []);
    expect(fixed.resolved.map((r) => r.resolvedAt)).toEqual([seconds(tsaNow)]);
    const chainAfter = [...(await readEventLog(path.join(work, 'state'), clock)).chains.values()][0];
    expect(chainAfter?.map((e) => e.predicate.event)).toEqual(['opened', 'overdue', 'stopped']);
    expect(chainAfter?.map((e) => e.predicate.sequence)).toEqual([1, 2, 3]);
  });

  it('overdue is judged on the TSA time: a local clock far ahead does not make it overdue', async () => {
    const evidence = await deployedEvidence();
    await run(evidence, [MINIMIST]); // local clock: 2031, TSA: now
    tsaNow = new Date(tsaNow.getTime() + 2 * HOUR);
    const r = await run(evidence, [MINIMIST]);
    expect(r.overdue).toEqual([]);
    expect(r.stillOpen).toHaveLength(1);
  });

  it('refuses a tampered, reordered, removed or unsigned state, and a signed state read without the clock', async () => {
    const evidence = await deployedEvidence();
    await run(evidence, [MINIMIST]);
    tsaNow = new Date(tsaNow.getTime() + HOUR);
    await run(evidence, [
      {
        ...MINIMIST,
        affected: [{ ...MINIMIST.affected[0], ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.7' }] }] }],
      },
    ]);
    const state = path.join(work, 'state');
    const jsonFile = path.join(state, 'remediations.json');
    const original = await readFile(jsonFile, 'utf8');
    const [first, second] = (await events()).map((f) => path.join(state, EVENTS_DIR, f));
    expect(path.basename(second ?? '')).toMatch(/-0002-updated\.sigstore\.json$/);

    // The state file's deadline pushed back a day.
    const moved = JSON.parse(original) as { remediations: { deadline: string }[] };
    moved.remediations[0]!.deadline = new Date(Date.parse(moved.remediations[0]!.deadline) + 24 * HOUR).toISOString();
    await writeFile(jsonFile, JSON.stringify(moved));
    await expect(run(evidence, [MINIMIST])).rejects.toThrow(
      /gives .* the deadline .* but its signed events .* give .*: the state file was altered; refused/,
    );
    await writeFile(jsonFile, original);

    // A signed event altered after signing (its payload says "waived").
    const bytes = await readFile(first as string, 'utf8');
    const b = JSON.parse(bytes) as { dsseEnvelope: { payload: string } };
    const st = JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString()) as { predicate: { remediation: { status: string } } };
    st.predicate.remediation.status = 'waived';
    b.dsseEnvelope.payload = Buffer.from(JSON.stringify(st)).toString('base64');
    await writeFile(first as string, JSON.stringify(b));
    await expect(run(evidence, [MINIMIST])).rejects.toThrow(/does not verify \(SIGNATURE.*altered; refused/);
    await writeFile(first as string, bytes);

    // The opening event removed (the clock would restart).
    await unlink(first as string);
    await expect(run(evidence, [MINIMIST])).rejects.toThrow(/not numbered 1\.\.1: one was removed or added; refused/);
    await writeFile(first as string, bytes);

    // An unsigned file among the events.
    await writeFile(path.join(state, EVENTS_DIR, 'opened.intoto.json'), '{}');
    await expect(run(evidence, [MINIMIST])).rejects.toThrow(/is not a signed event .*: unsigned state is refused/);
    await unlink(path.join(state, EVENTS_DIR, 'opened.intoto.json'));

    // The signed folder read without the trusted clock (a downgrade to the local time).
    await expect(run(evidence, [MINIMIST], null)).rejects.toThrow(
      /keeps its remediation clock with signed events, and no trusted clock was given/,
    );

    // A state file with a remediation and no signed event at all.
    await rm(path.join(state, EVENTS_DIR), { recursive: true });
    await expect(run(evidence, [MINIMIST])).rejects.toThrow(/which no signed event records: unsigned state is refused/);
  });

  it('refuses an event signed without a trusted timestamp', async () => {
    const evidence = await deployedEvidence();
    const keySigner = ephemeralSigner();
    const noTsa = createSigningPipeline({
      kind: 'key',
      keySigner,
      services: { fulcioUrl: services.fulcioUrl, rekorMajorVersion: 1 },
      useRekor: false,
    });
    const untimed: TrustedClock = {
      sign: (p) => noTsa.signStatement(p),
      verifier: createBundleVerifier({
        trustedRoot: await loadTrustedRoot(services.trustedRootPath),
        publicKeys: [keySigner.publicKeyPem],
      }),
      scope: 'acme/app',
    };
    await expect(run(evidence, [MINIMIST], untimed)).rejects.toThrow(/without an RFC 3161 timestamp from a trusted TSA/);
  });

  it('org-wide: each repository keeps its signed clock; overdue by the TSA time fails the portfolio, not by the local clock', async () => {
    const repos: FakeRepo[] = [
      { name: 'api', issues: [] },
      { name: 'app', issues: [] },
      { name: 'web', issues: [] },
    ];
    const t = new Date('2026-12-01T08:00:00Z');
    addRun(repos[0] as FakeRepo, '1-1', { name: 'api.tgz', packages: [['minimist', '1.2.0']], environments: ['production'], time: t });
    addRun(repos[1] as FakeRepo, '2-1', { name: 'app.tgz', packages: [['minimist', '1.2.5']], environments: ['production'], time: t });
    addRun(repos[2] as FakeRepo, '3-1', { name: 'web.tgz', packages: [['minimist', '1.2.8']], environments: ['production'], time: t });
    const server = await startOrgApi('acme', repos);
    const osv = await osvSnapshot(path.join(work, 'osv'), [MINIMIST]);
    const merge = async (local: Date): Promise<PortfolioReport> => {
      const logger = new MemoryLogger();
      const dir = path.join(work, `run-${Math.random().toString(36).slice(2)}`);
      const { collected } = await collectOrg({ org: 'acme', token: 't', baseUrl: server.url }, path.join(dir, 'collected'), logger);
      await writeInventoryAndPlan(dir, await buildInventory(path.join(dir, 'collected'), 'acme', local, collected), {
        minPackagesPerShard: 1,
      });
      const { inventory, plan } = await readInventoryAndPlan(dir);
      const db = await openOfflineDatabase(osv);
      for (const s of plan.shards) await writeShard(path.join(dir, 'shards'), await rescanShard(inventory, plan, s.shard, db));
      const { sign, verifier } = clock;
      return mergePortfolio(inventory, plan, await readShards(dir, plan), {
        policy,
        now: local,
        logger,
        stateDir: path.join(work, 'state'),
        clock: { sign, verifier },
      });
    };
    try {
      const start = seconds(tsaNow);
      const first = await merge(WRONG_LOCAL);
      expect(first.remediations.map((r) => [r.repository, r.firstSeen])).toEqual([
        ['acme/api', start],
        ['acme/app', start],
      ]);
      expect(first.totals.overdue).toBe(0);
      // Each repository's events are its own chain, scoped to it.
      const apiLog = await readEventLog(path.join(work, 'state', 'acme', 'api'), { ...clock, scope: 'acme/api' });
      expect([...apiLog.chains.values()].flat().map((e) => [e.predicate.scope, e.predicate.event])).toEqual([['acme/api', 'opened']]);
      // A local clock a day behind the TSA does not hide the overdue: 25 h later by the TSA, both are overdue.
      tsaNow = new Date(Date.parse(start) + 25 * HOUR);
      const late = await merge(new Date(Date.parse(start) - 24 * HOUR));
      expect(late.totals.overdue).toBe(2);
      expect(late.remediations.every((r) => r.remainingMs === -HOUR)).toBe(true);
      // api's evidence branch disappears: its remediation stays open, and its time is still the TSA's.
      delete (repos[0] as FakeRepo).branch;
      tsaNow = new Date(Date.parse(start) + 26 * HOUR);
      const gone = await merge(new Date(Date.parse(start) - 24 * HOUR));
      expect(gone.remediations.map((r) => [r.repository, r.remainingMs])).toEqual([
        ['acme/api', -2 * HOUR],
        ['acme/app', -2 * HOUR],
      ]);
      expect(gone.totals.overdue).toBe(2);
      // One `checked` per run that changed nothing (the overdue run and this one); the overdue signed once.
      const apiEvents = await readdir(path.join(work, 'state', 'acme', 'api', EVENTS_DIR));
      expect(apiEvents.filter((f) => f.startsWith('checked-'))).toHaveLength(2);
      expect(apiEvents.filter((f) => f.endsWith('-overdue.sigstore.json'))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('through the real bin: --clock-key/--tsa-url/--trusted-root; overdue by the TSA time exits 1; a tampered state exits 2 naming it', async () => {
    const evidence = await deployedEvidence();
    const key = path.join(work, 'clock.pem');
    await writeFile(key, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const osv = await osvSnapshot(path.join(work, 'osv'), [MINIMIST]);
    const args = [
      'rescan',
      '--evidence',
      evidence,
      '--state',
      path.join(work, 'state'),
      '--osv-db',
      osv,
      '--offline',
      '--repository',
      'acme/app',
      '--clock-key',
      key,
      '--tsa-url',
      services.tsaUrl,
      '--trusted-root',
      services.trustedRootPath,
      '--json',
    ];
    const start = seconds(tsaNow);
    const first = await runCli(args);
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ trustedNow: start, opened: [{ firstSeen: start }] });

    tsaNow = new Date(Date.parse(start) + 25 * HOUR);
    const late = await runCli(args);
    expect(late.exitCode).toBe(1);
    expect(late.stderr).toMatch(/GHSA-xvch-5gv4-984h in minimist@1\.2\.0 is past its deadline/);

    const jsonFile = path.join(work, 'state', 'remediations.json');
    const st = JSON.parse(await readFile(jsonFile, 'utf8')) as { remediations: { firstSeen: string; deadline: string }[] };
    st.remediations[0]!.firstSeen = tsaNow.toISOString();
    st.remediations[0]!.deadline = new Date(tsaNow.getTime() + 24 * HOUR).toISOString();
    await writeFile(jsonFile, JSON.stringify(st));
    const tampered = await runCli(args);
    expect(tampered.exitCode).toBe(2);
    expect(tampered.stderr).toMatch(/the state file was altered; refused/);

    // Without the clock flags, the signed folder is refused rather than read on the local time.
    const plain = await runCli(args.slice(0, args.indexOf('--clock-key')));
    expect(plain.exitCode).toBe(2);
    expect(plain.stderr).toMatch(/keeps its remediation clock with signed events/);
  });

  it('keyless: events signed by the rescan workflow (Fulcio certificate + TSA, no log); another identity is refused', async () => {
    const evidence = await deployedEvidence();
    // The certificate lives ten minutes from its issuance: the TSA's (fixed) time must fall inside it.
    tsaNow = new Date(Date.now() + 60_000);
    const keyless = (claims: Record<string, unknown>): TrustedClock['sign'] => {
      const pipeline = createSigningPipeline({
        kind: 'keyless',
        identity: staticToken(services.issueToken(claims)),
        services: { fulcioUrl: services.fulcioUrl, rekorMajorVersion: 1, tsaUrl: services.tsaUrl },
        useRekor: false,
      });
      return (payload) => pipeline.signStatement(payload);
    };
    const rescanWorkflow = 'https://github.com/acme/app/.github/workflows/rescan.yml@refs/heads/main';
    const verifier = createBundleVerifier({ trustedRoot: await loadTrustedRoot(services.trustedRootPath) });
    const policyFor = { subjectAlternativeName: rescanWorkflow, issuer: services.issuer };
    const ours: TrustedClock = { sign: keyless({ sf_san: rescanWorkflow }), verifier, policy: policyFor, scope: 'acme/app' };
    const opened = await run(evidence, [MINIMIST], ours);
    expect(opened.opened[0]?.firstSeen).toBe(seconds(tsaNow));
    // An event signed by another workflow of the same repository (e.g. one a pull request could change) is refused.
    const other: TrustedClock = {
      sign: keyless({ sf_san: 'https://github.com/acme/app/.github/workflows/pr.yml@refs/pull/7/merge' }),
      verifier,
      policy: policyFor,
      scope: 'acme/app',
    };
    await expect(run(evidence, [MINIMIST], other)).rejects.toThrow(/just signed does not verify \(IDENTITY/);

    // keylessClock (what the scan-deps action uses): the identity events must carry is the workflow the
    // job's token names (job_workflow_ref), with its issuer.
    const fromToken = await keylessClock({
      identity: staticToken(services.issueToken()),
      fulcioUrl: services.fulcioUrl,
      tsaUrl: services.tsaUrl,
      trustedRoot: services.trustedRootPath,
    });
    expect(fromToken.policy).toEqual({ subjectAlternativeName: services.identity, issuer: services.issuer });
    const fresh = path.join(work, 'evidence-2');
    await rm(path.join(work, 'state'), { recursive: true });
    const r = await rescan({
      evidenceDirs: [evidence],
      stateDir: path.join(work, 'state'),
      policy,
      vulnSource: await openOfflineDatabase(await osvSnapshot(fresh, [MINIMIST])),
      logger: new MemoryLogger(),
      now: WRONG_LOCAL,
      clock: { ...fromToken, scope: 'acme/app' },
    });
    expect(r.opened[0]?.deadline).toBe(new Date(Date.parse(seconds(tsaNow)) + 24 * HOUR).toISOString());
  });

  it('through the real bin, keyless as in GitHub Actions: --clock-keyless with the runner OIDC endpoint', async () => {
    const evidence = await deployedEvidence();
    tsaNow = new Date(Date.now() + 60_000); // inside the certificate's ten minutes
    const osv = await osvSnapshot(path.join(work, 'osv'), [MINIMIST]);
    const r = await runCli(
      [
        'rescan',
        '--evidence',
        evidence,
        '--state',
        path.join(work, 'state'),
        '--osv-db',
        osv,
        '--offline',
        '--repository',
        'acme/app',
        '--clock-keyless',
        '--fulcio-url',
        services.fulcioUrl,
        '--tsa-url',
        services.tsaUrl,
        '--trusted-root',
        services.trustedRootPath,
        '--json',
      ],
      { env: services.actionsEnv() },
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ trustedNow: seconds(tsaNow), opened: [{ firstSeen: seconds(tsaNow) }] });
    const log = await readEventLog(path.join(work, 'state'), {
      ...clock,
      verifier: createBundleVerifier({ trustedRoot: await loadTrustedRoot(services.trustedRootPath) }),
      policy: { subjectAlternativeName: services.identity, issuer: services.issuer },
    });
    expect([...log.chains.values()].flat().map((e) => e.predicate.event)).toEqual(['opened']);
  });
});
