/**
 * Least-privilege drift end to end: checkout-verify records the workflows' posture in the evidence of a
 * release; the release is admitted (a deployment record); the default branch then grows a write grant,
 * an unpinned action and a secret; the rescan reports each with its owner. Per repository (a real git
 * checkout) and org-wide (several repositories, default-branch workflows through the local GitHub API's
 * contents endpoint).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MemoryLogger, parsePolicy, loadPolicy, toSarif, TOOL_URI } from '@secure-factory/core';
import { openOfflineDatabase } from '@secure-factory/materials';
import {
  buildInventory,
  collectOrg,
  DRIFT_RULES,
  driftMarkdown,
  mergePortfolio,
  octokitFor,
  orgDrift,
  readInventoryAndPlan,
  readShards,
  renderPortfolio,
  rescan,
  rescanShard,
  writeInventoryAndPlan,
  writeShard,
} from '@secure-factory/rescan';
import { postureOfFiles, postureStatement, verifySource } from '@secure-factory/source';
import { runCli } from '../support/cli.js';
import type { ApiRoute, GitHubApiServer } from '../support/github-api-server.js';
import { addRun, osvSnapshot, startOrgApi, type FakeRepo } from './org-fixtures.js';

const PIN = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';
const RELEASED = `name: release
on: push
permissions: {}
jobs:
  build:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - uses: ${PIN}
      - run: npm ci
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
`;
/** The same workflow after the release: contents: write, a tag-pinned action, a new secret. */
const DRIFTED = RELEASED.replace('      contents: read\n', '      contents: write\n')
  .replace('      - run: npm ci\n', '      - uses: actions/setup-node@v4\n      - run: npm ci && ./deploy.sh\n')
  .replace('NPM_TOKEN: ${{ secrets.NPM_TOKEN }}', 'NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}');

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  }).trim();

function deploymentRecord(hex: string, env: string, time: Date): { name: string; body: string } {
  const stamp = time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return {
    name: `${stamp}-${env}-${hex.slice(0, 12)}-abc123.json`,
    body: JSON.stringify({
      apiVersion: 'secure-factory/deployment/v1',
      environment: env,
      digest: `sha256:${hex}`,
      name: 'app.tgz',
      time: time.toISOString(),
      vsa: { path: 'vsa.intoto.json', sha256: 'a'.repeat(64) },
      decisionPath: 'decision.json',
      policy: null,
      verifiedLevels: ['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_1'],
    }),
  };
}

const gitSha = (b: Buffer): string => createHash('sha1').update(`blob ${b.length}\u0000`).update(b).digest('hex');

/** GitHub's contents endpoint for `.github/workflows` (listing and files) and the CODEOWNERS locations. */
function contentsRoutes(filesOf: (repo: string) => Map<string, string> | undefined): ApiRoute[] {
  const file = (repo: string, p: string): { status?: number; body: unknown } => {
    const text = filesOf(repo)?.get(p);
    if (text === undefined) return { status: 404, body: { message: 'Not Found' } };
    const b = Buffer.from(text);
    return {
      body: {
        type: 'file',
        name: path.posix.basename(p),
        path: p,
        sha: gitSha(b),
        size: b.length,
        encoding: 'base64',
        content: b.toString('base64'),
      },
    };
  };
  return [
    {
      method: 'GET',
      path: '/repos/{owner}/{repo}/contents/.github/workflows',
      respond: (_req, p) => {
        const files = [...(filesOf(p.repo ?? '')?.entries() ?? [])].filter(([k]) => k.startsWith('.github/workflows/'));
        if (files.length === 0) return { status: 404, body: { message: 'Not Found' } };
        return {
          body: files.map(([k, v]) => ({
            type: 'file',
            name: path.posix.basename(k),
            path: k,
            sha: gitSha(Buffer.from(v)),
            size: v.length,
          })),
        };
      },
    },
    {
      method: 'GET',
      path: '/repos/{owner}/{repo}/contents/.github/workflows/{file}',
      respond: (_r, p) => file(p.repo ?? '', `.github/workflows/${p.file}`),
    },
    {
      method: 'GET',
      path: '/repos/{owner}/{repo}/contents/.github/CODEOWNERS',
      respond: (_r, p) => file(p.repo ?? '', '.github/CODEOWNERS'),
    },
    { method: 'GET', path: '/repos/{owner}/{repo}/contents/CODEOWNERS', respond: (_r, p) => file(p.repo ?? '', 'CODEOWNERS') },
    { method: 'GET', path: '/repos/{owner}/{repo}/contents/docs/CODEOWNERS', respond: (_r, p) => file(p.repo ?? '', 'docs/CODEOWNERS') },
  ];
}

describe('least-privilege drift since the last admitted release', () => {
  let work: string;
  beforeEach(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'sf-drift-'));
  });
  afterEach(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('one repository: checkout-verify records the posture; the rescan reports what grew on the default branch, with owners', async () => {
    const repo = path.join(work, 'app');
    await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
    git(work, 'init', '-q', '-b', 'main', repo);
    await writeFile(path.join(repo, '.github', 'workflows', 'release.yml'), RELEASED);
    await writeFile(path.join(repo, '.github', 'CODEOWNERS'), '* @acme/devs\n/.github/workflows/ @acme/platform\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'release');
    const released = git(repo, 'rev-parse', 'HEAD');

    const evidence = path.join(work, 'evidence');
    const policy = parsePolicy(
      JSON.stringify({
        apiVersion: 'secure-factory/v1',
        source: {
          'signed-commits': 'none',
          range: 'head',
          reviews: { approvals: 0 },
          'branch-protection': false,
          workflows: { audit: false },
        },
      }),
      '.github/secure-factory.yml',
    );
    await verifySource({
      repo,
      policy,
      repository: { owner: 'acme', repo: 'app' },
      ref: 'refs/heads/main',
      evidenceDir: evidence,
      logger: new MemoryLogger(),
      now: new Date('2026-12-01T08:00:00Z'),
    });
    const posture = JSON.parse(await readFile(path.join(evidence, 'workflow-posture.intoto.json'), 'utf8')) as {
      predicateType: string;
      subject: { digest: Record<string, string> }[];
      predicate: { commit: string; files: { path: string; permissions: unknown[]; unpinned: unknown[]; secrets: string[] }[] };
    };
    expect(posture.predicateType).toBe(`${TOOL_URI}/workflow-posture/v1`);
    expect(posture.subject[0]?.digest.gitCommit).toBe(released);
    expect(posture.predicate.files).toEqual([
      { path: '.github/workflows/release.yml', permissions: [], unpinned: [], secrets: ['NPM_TOKEN'] },
    ]);

    // The release is admitted.
    const hex = 'ab'.repeat(32);
    const rec = deploymentRecord(hex, 'production', new Date('2026-12-01T09:00:00Z'));
    await mkdir(path.join(evidence, 'deployments'), { recursive: true });
    await writeFile(path.join(evidence, 'deployments', rec.name), rec.body);

    const db = await openOfflineDatabase(await osvSnapshot(path.join(work, 'osv'), []));
    const run = async (): Promise<Awaited<ReturnType<typeof rescan>>> =>
      rescan({
        evidenceDirs: [evidence],
        stateDir: path.join(work, 'state'),
        policy: await loadPolicy(undefined, { now: new Date('2026-12-02T00:00:00Z') }),
        vulnSource: db,
        logger: new MemoryLogger(),
        now: new Date('2026-12-02T00:00:00Z'),
        workflows: { root: repo, repository: 'acme/app' },
      });

    // Nothing changed on the default branch: compared, no drift.
    const same = await run();
    expect(same.drift).toMatchObject({
      status: 'compared',
      baseline: { commit: released },
      release: { digest: `sha256:${hex}` },
      findings: [],
    });

    await writeFile(path.join(repo, '.github', 'workflows', 'release.yml'), DRIFTED);
    git(repo, 'commit', '-q', '-am', 'widen');
    const r = await run();
    expect(r.drift?.current).toMatchObject({ ref: 'main', commit: git(repo, 'rev-parse', 'HEAD'), files: 1 });
    const found = (r.drift?.findings ?? []).map((f) => [f.rule, f.properties?.change, f.properties?.owners, f.file]);
    expect(found).toEqual([
      ['drift/new-write-permission', 'contents: write', ['@acme/platform'], '.github/workflows/release.yml'],
      ['drift/new-unpinned-action', 'actions/setup-node@v4', ['@acme/platform'], '.github/workflows/release.yml'],
      ['drift/new-secret', 'DEPLOY_KEY', ['@acme/platform'], '.github/workflows/release.yml'],
    ]);
    // The same findings as SARIF (code scanning) and markdown (job summary).
    const sarif = toSarif(
      { name: 'secure-factory', version: '0', informationUri: TOOL_URI, rules: DRIFT_RULES },
      r.drift?.findings ?? [],
    ) as {
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.runs[0]?.results.map((x) => x.ruleId)).toEqual([
      'drift/new-write-permission',
      'drift/new-unpinned-action',
      'drift/new-secret',
    ]);
    const mdText = driftMarkdown(r.drift ? [r.drift] : []);
    expect(mdText).toContain('@acme/platform');
    expect(mdText).toContain('actions/setup-node@v4');

    // The real bin: the same drift in --json, --sarif and --markdown.
    const osv = await osvSnapshot(path.join(work, 'osv-cli'), []);
    const sarifFile = path.join(work, 'drift.sarif');
    const mdFile = path.join(work, 'drift.md');
    const cli = await runCli([
      'rescan',
      '--evidence',
      evidence,
      '--state',
      path.join(work, 'state-cli'),
      '--osv-db',
      osv,
      '--offline',
      '--workflows',
      repo,
      '--repository',
      'acme/app',
      '--sarif',
      sarifFile,
      '--markdown',
      mdFile,
      '--json',
    ]);
    expect(cli.exitCode).toBe(0);
    const json = JSON.parse(cli.stdout) as { drift: { findings: { rule: string }[] } };
    expect(json.drift.findings.map((f) => f.rule)).toEqual(['drift/new-write-permission', 'drift/new-unpinned-action', 'drift/new-secret']);
    const sarifOut = JSON.parse(await readFile(sarifFile, 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarifOut.runs[0]?.results).toHaveLength(3);
    expect(await readFile(mdFile, 'utf8')).toContain('DEPLOY_KEY');
    expect(cli.stderr).toMatch(/least-privilege drift: 3 finding\(s\) in 1 repository/);
  });

  it('a release whose evidence recorded no posture is named, not reported as clean', async () => {
    const repo = path.join(work, 'old');
    await mkdir(path.join(repo, '.github', 'workflows'), { recursive: true });
    git(work, 'init', '-q', '-b', 'main', repo);
    await writeFile(path.join(repo, '.github', 'workflows', 'release.yml'), DRIFTED);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'x');
    const evidence = path.join(work, 'evidence-old');
    const rec = deploymentRecord('cd'.repeat(32), 'production', new Date('2026-12-01T09:00:00Z'));
    await mkdir(path.join(evidence, 'deployments'), { recursive: true });
    await writeFile(path.join(evidence, 'deployments', rec.name), rec.body);
    const r = await rescan({
      evidenceDirs: [evidence],
      stateDir: path.join(work, 'state-old'),
      policy: await loadPolicy(undefined, { now: new Date('2026-12-02T00:00:00Z') }),
      vulnSource: await openOfflineDatabase(await osvSnapshot(path.join(work, 'osv-old'), [])),
      logger: new MemoryLogger(),
      now: new Date('2026-12-02T00:00:00Z'),
      workflows: { root: repo, repository: 'acme/old' },
    });
    expect(r.drift?.status).toBe('no-baseline');
    expect(r.problems.join('\n')).toMatch(/recorded no workflow posture/);
  });

  it('org-wide: several repositories, default-branch workflows through the contents API, findings in the report and on the page', async () => {
    const repos: FakeRepo[] = [
      { name: 'app', issues: [] },
      { name: 'api', issues: [] },
      { name: 'web', issues: [] },
    ];
    const t = new Date('2026-12-01T08:00:00Z');
    const defaultBranch = new Map<string, Map<string, string>>();
    const released = postureOfFiles([{ path: '.github/workflows/release.yml', text: RELEASED }]);
    for (const r of repos) {
      const digest = addRun(r, '100-1', {
        name: `${r.name}.tgz`,
        packages: [['left-pad', '1.3.0']],
        environments: ['production'],
        time: t,
      });
      // What checkout-verify wrote and attest extended with the artefact (the gate admitted this run).
      const st = postureStatement({ repoUri: `https://github.com/acme/${r.name}`, head: 'e'.repeat(40), posture: released, now: t });
      st.subject.push({ name: `${r.name}.tgz`, digest: { sha256: digest.replace('sha256:', '') } });
      r.branch?.set('runs/100-1/evidence/workflow-posture.intoto.json', Buffer.from(JSON.stringify(st)));
      r.branch?.set('runs/100-1/evidence/workflow-posture.sigstore.json', Buffer.from('{}'));
    }
    // app: unchanged; api: drifted, owned through CODEOWNERS; web: drifted, no CODEOWNERS (the repository owns it).
    defaultBranch.set('app', new Map([['.github/workflows/release.yml', RELEASED]]));
    defaultBranch.set(
      'api',
      new Map([
        ['.github/workflows/release.yml', DRIFTED],
        ['CODEOWNERS', '.github/ @acme/api-owners\n'],
      ]),
    );
    defaultBranch.set(
      'web',
      new Map([
        [
          '.github/workflows/release.yml',
          RELEASED.replace('permissions: {}\n', '').replace('    permissions:\n      contents: read\n', ''),
        ],
      ]),
    );
    const server: GitHubApiServer = await startOrgApi('acme', repos);
    for (const route of contentsRoutes((name) => defaultBranch.get(name))) server.route(route);
    try {
      const logger = new MemoryLogger();
      const collected = path.join(work, 'collected');
      const source = { org: 'acme', token: 't', baseUrl: server.url };
      const { repos: listed, collected: got } = await collectOrg(source, collected, logger);
      const inventory = await buildInventory(collected, 'acme', t, got);
      inventory.drift = await orgDrift(octokitFor(source), listed, collected, logger);
      const planDir = path.join(work, 'plan');
      await writeInventoryAndPlan(planDir, inventory, { minPackagesPerShard: 1 });
      const { inventory: inv, plan } = await readInventoryAndPlan(planDir);
      const db = await openOfflineDatabase(await osvSnapshot(path.join(work, 'osv'), []));
      for (const s of plan.shards) await writeShard(path.join(planDir, 'shards'), await rescanShard(inv, plan, s.shard, db));
      const report = await mergePortfolio(inv, plan, await readShards(planDir, plan), {
        policy: await loadPolicy(undefined, { now: t }),
        now: t,
        logger,
        stateDir: path.join(work, 'state'),
      });
      const byRepo = Object.fromEntries(
        (report.drift ?? []).map((d) => [d.repository, d.findings.map((f) => [f.properties?.change, f.properties?.owners])]),
      );
      expect(byRepo).toEqual({
        'acme/api': [
          ['contents: write', ['@acme/api-owners']],
          ['actions/setup-node@v4', ['@acme/api-owners']],
          ['DEPLOY_KEY', ['@acme/api-owners']],
        ],
        'acme/app': [],
        'acme/web': [['no permissions block', ['acme/web']]],
      });
      expect(report.totals.drift).toBe(4);
      // The default branch was read through the contents endpoint, at the default branch.
      const contents = server.requests.filter((q) => q.path.includes('/contents/'));
      expect(contents.length).toBeGreaterThan(0);
      expect(contents.every((q) => q.query.ref === 'main')).toBe(true);
      const html = renderPortfolio(report);
      expect(html).toContain('id="drift"');
      expect(html).toContain('@acme/api-owners');
      expect(html).toContain('id="total-drift"');
      // A listing whose file does not hash to its blob id is refused, not read.
      server.route({
        method: 'GET',
        path: '/repos/{owner}/{repo}/contents/.github/workflows/{file}',
        respond: (_r, p) => ({
          body: {
            type: 'file',
            path: `.github/workflows/${p.file}`,
            sha: 'f'.repeat(40),
            size: 3,
            encoding: 'base64',
            content: Buffer.from('x: 1').toString('base64'),
          },
        }),
      });
      await expect(orgDrift(octokitFor(source), listed, collected, logger)).rejects.toThrow(/does not hash to the blob/);
    } finally {
      await server.close();
    }
  });
});
