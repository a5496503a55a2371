/**
 * An organisation on the local GitHub API: repositories (listed two per page, with GitHub's Link
 * header, so the client has to page), each with an evidence branch built the way the factory's gate
 * publishes it (runs/<run>/evidence/: statements, Sigstore bundles, deployments/), served as a
 * recursive git tree and blobs with real git blob hashes; and issues kept per repository.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PREDICATE } from '@secure-factory/core';
import { startGitHubApiServer, type GitHubApiServer } from '../support/github-api-server.js';
import type { FakeIssue } from '../support/github-issues-api.js';

export const BRANCH = 'secure-factory/evidence';
const gitSha = (b: Buffer): string => createHash('sha1').update(`blob ${b.length}\u0000`).update(b).digest('hex');
export const digestOf = (s: string): string => createHash('sha256').update(s).digest('hex');

export interface FakeRepo {
  name: string;
  /** path → content on the evidence branch; undefined: the repository has no evidence branch. */
  branch?: Map<string, Buffer>;
  issues: FakeIssue[];
}

const statement = (hex: string, name: string, predicateType: string, predicate: unknown): Buffer =>
  Buffer.from(
    JSON.stringify({ _type: 'https://in-toto.io/Statement/v1', subject: [{ name, digest: { sha256: hex } }], predicateType, predicate }),
  );

/** Adds one admitted run: an artefact with these npm packages, deployed to these environments at `time`. */
export function addRun(
  repo: FakeRepo,
  run: string,
  artefact: { name: string; packages: [string, string][]; environments: string[]; time: Date; noSbom?: boolean },
): string {
  const hex = digestOf(`${repo.name}/${artefact.name}/${run}`);
  const b = (repo.branch ??= new Map());
  const dir = `runs/${run}/evidence`;
  const bom = {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: artefact.packages.map(([n, v]) => ({ type: 'library', name: n, version: v, purl: `pkg:npm/${n}@${v}` })),
  };
  if (!artefact.noSbom) {
    b.set(`${dir}/sbom.intoto.json`, statement(hex, artefact.name, PREDICATE.cyclonedx, bom));
    b.set(`${dir}/sbom.sigstore.json`, Buffer.from('{}'));
  }
  b.set(
    `${dir}/provenance.intoto.json`,
    statement(hex, artefact.name, PREDICATE.provenance, {
      buildDefinition: { buildType: 'https://example.com/build/v1', externalParameters: {} },
      runDetails: { builder: { id: 'https://example.com/builder' } },
    }),
  );
  b.set(`${dir}/provenance.sigstore.json`, Buffer.from('{}'));
  b.set(
    `${dir}/vulns.intoto.json`,
    statement(hex, artefact.name, PREDICATE.vulns, { scanner: { uri: 'pkg:npm/secure-factory', result: { vulnerabilities: [] } } }),
  );
  for (const env of artefact.environments) {
    const stamp = artefact.time
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const record = {
      apiVersion: 'secure-factory/deployment/v1',
      environment: env,
      digest: `sha256:${hex}`,
      name: artefact.name,
      time: artefact.time.toISOString(),
      vsa: { path: 'vsa.intoto.json', sha256: 'a'.repeat(64) },
      decisionPath: 'decision.json',
      policy: null,
      verifiedLevels: ['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2'],
    };
    b.set(`${dir}/deployments/${stamp}-${env}-${hex.slice(0, 12)}-abc123.json`, Buffer.from(JSON.stringify(record)));
  }
  return `sha256:${hex}`;
}

export async function startOrgApi(org: string, repos: FakeRepo[]): Promise<GitHubApiServer> {
  const find = (p: Record<string, string>): FakeRepo | undefined => (p.owner === org ? repos.find((r) => r.name === p.repo) : undefined);
  const blobs = (): Map<string, Buffer> => {
    const m = new Map<string, Buffer>();
    for (const r of repos) for (const c of r.branch?.values() ?? []) m.set(gitSha(c), c);
    return m;
  };
  return startGitHubApiServer([
    {
      method: 'GET',
      path: '/orgs/{org}/repos',
      respond: (req, p) => {
        if (p.org !== org) return { status: 404, body: { message: 'Not Found' } };
        const page = Number(req.query.page ?? '1');
        const per = 2; // the real API pages at per_page (≤ 100); two a page makes the client follow Link
        const list = [...repos].sort((a, b) => a.name.localeCompare(b.name));
        const body = list
          .slice((page - 1) * per, page * per)
          .map((r) => ({ full_name: `${org}/${r.name}`, archived: false, default_branch: 'main' }));
        const last = Math.max(1, Math.ceil(list.length / per));
        const headers: Record<string, string> =
          page < last
            ? {
                link: `<http://127.0.0.1/orgs/${org}/repos?page=${page + 1}>; rel="next", <http://127.0.0.1/orgs/${org}/repos?page=${last}>; rel="last"`,
              }
            : {};
        return { body, headers };
      },
    },
    {
      method: 'GET',
      path: `/repos/{owner}/{repo}/git/trees/${BRANCH}`,
      respond: (_req, p) => {
        const r = find(p);
        if (!r?.branch) return { status: 404, body: { message: 'Not Found' } };
        const tree = [...r.branch.entries()].map(([p2, c]) => ({ path: p2, mode: '100644', type: 'blob', sha: gitSha(c), size: c.length }));
        return { body: { sha: 'f'.repeat(40), tree, truncated: false } };
      },
    },
    {
      method: 'GET',
      path: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
      respond: (_req, p) => {
        const c = blobs().get(p.file_sha ?? '');
        if (!find(p) || !c) return { status: 404, body: { message: 'Not Found' } };
        return { body: { sha: p.file_sha, size: c.length, encoding: 'base64', content: c.toString('base64') } };
      },
    },
    {
      method: 'GET',
      path: '/repos/{owner}/{repo}/issues',
      respond: (req, p) => {
        const r = find(p);
        if (!r) return { status: 404, body: { message: 'Not Found' } };
        const page = Number(req.query.page ?? '1');
        const per = Number(req.query.per_page ?? '30');
        return { body: r.issues.slice((page - 1) * per, page * per) };
      },
    },
    {
      method: 'POST',
      path: '/repos/{owner}/{repo}/issues',
      respond: (req, p) => {
        const r = find(p);
        if (!r) return { status: 404, body: { message: 'Not Found' } };
        const b = JSON.parse(req.body) as { title: string; body: string; labels: string[] };
        const n = r.issues.length + 1;
        const issue: FakeIssue = {
          number: n,
          title: b.title,
          body: b.body,
          state: 'open',
          labels: b.labels.map((name) => ({ name })),
          html_url: `https://github.com/${org}/${r.name}/issues/${n}`,
        };
        r.issues.push(issue);
        return { status: 201, body: issue };
      },
    },
    {
      method: 'PATCH',
      path: '/repos/{owner}/{repo}/issues/{issue_number}',
      respond: (req, p) => {
        const issue = find(p)?.issues.find((i) => i.number === Number(p.issue_number));
        if (!issue) return { status: 404, body: { message: 'Not Found' } };
        Object.assign(issue, JSON.parse(req.body) as Partial<FakeIssue>);
        return { body: issue };
      },
    },
  ]);
}

/** An offline OSV snapshot folder holding these records. */
export async function osvSnapshot(dir: string, records: unknown[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const r of records) await writeFile(path.join(dir, `${(r as { id: string }).id}.json`), JSON.stringify(r));
  if (records.length === 0) await writeFile(path.join(dir, 'empty.json'), '[]');
  return dir;
}

export const MINIMIST = {
  schema_version: '1.6.0',
  id: 'GHSA-xvch-5gv4-984h',
  modified: '2026-12-01T00:00:00Z',
  aliases: ['CVE-2021-44906'],
  summary: 'Prototype Pollution in minimist <script>alert(1)</script>',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    { package: { ecosystem: 'npm', name: 'minimist' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.6' }] }] },
  ],
};
