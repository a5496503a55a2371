/**
 * The factory's evidence for one artefact, made the real way: statements validated and written by
 * the EvidenceFolder, signed into Sigstore bundles by the attest layer's keyless pipeline against the
 * local Fulcio/Rekor (tokens with GitHub claims for a chosen run), for the gate to judge.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSigningPipeline, staticToken } from '@secure-factory/attest';
import { EvidenceFolder, writeJsonAtomic, BUILD_TYPE, PREDICATE, makeStatement, type Statement, type Subject } from '@secure-factory/core';
import type { SigstoreServices } from '../support/sigstore-services.js';

export const FACTORY = 'factory/secure-factory/.github/workflows/secure-factory.yml';
export const FACTORY_REF = `${FACTORY}@refs/tags/v1.3.0`;
export const COMMIT_A = '4be1'.padEnd(40, 'a');
export const COMMIT_B = '7c0d'.padEnd(40, 'b');
export const BASE_IMAGE = `pkg:docker/acme/base@sha256:${'c'.repeat(64)}?repository_url=ghcr.io`;

export interface Run {
  runId: string;
  commit: string;
  builder?: string;
  ref?: string;
  /** How the build was isolated (default bubblewrap). */
  isolation?: string;
}

export const RUN_A: Run = { runId: '8812', commit: COMMIT_A };

export function claimsFor(run: Run): Record<string, unknown> {
  const ref = run.ref ?? 'refs/tags/v1.4.2';
  const caller = `acme/app/.github/workflows/release.yml@${ref}`;
  const builder = run.builder ?? FACTORY_REF;
  return {
    repository: 'acme/app',
    ref,
    sha: run.commit,
    workflow_ref: caller,
    workflow_sha: run.commit,
    job_workflow_ref: builder,
    job_workflow_sha: 'f'.repeat(40),
    run_id: run.runId,
    run_attempt: '1',
    sf_san: `https://github.com/${builder}`,
  };
}

export function artefact(content = 'app 1.4.2\n'): { file: string; digest: string; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-gate-art-'));
  const file = path.join(dir, 'app-1.4.2.tgz');
  writeFileSync(file, content);
  return { file, dir, digest: createHash('sha256').update(content).digest('hex') };
}

const subjectOf = (digest: string): Subject => ({ name: 'app-1.4.2.tgz', digest: { sha256: digest } });

export function provenance(digest: string, run: Run, extraDeps: string[] = [BASE_IMAGE]): Statement {
  const ref = run.ref ?? 'refs/tags/v1.4.2';
  return makeStatement([subjectOf(digest)], PREDICATE.provenance, {
    buildDefinition: {
      buildType: BUILD_TYPE,
      externalParameters: {
        workflow: { repository: 'https://github.com/acme/app', ref, path: '.github/workflows/release.yml' },
        command: 'npm run build',
      },
      // What the factory's build records: the gate admits only bubblewrap-isolated builds.
      internalParameters: { isolation: { tool: run.isolation ?? 'bubblewrap', version: '0.8.0', workspace: 'overlayfs' } },
      resolvedDependencies: [
        { uri: `git+https://github.com/acme/app@${ref}`, digest: { gitCommit: run.commit } },
        ...extraDeps.map((uri) => ({ uri, digest: { sha256: /sha256:([0-9a-f]{64})/.exec(uri)?.[1] ?? 'd'.repeat(64) } })),
      ],
    },
    runDetails: {
      builder: { id: `https://github.com/${run.builder ?? FACTORY_REF}` },
      metadata: { invocationId: `https://github.com/acme/app/actions/runs/${run.runId}/attempts/1` },
    },
  });
}

export function sourceVsa(digest: string, run: Run, level = 2): Statement {
  return makeStatement([{ name: 'acme/app', digest: { gitCommit: run.commit } }, subjectOf(digest)], PREDICATE.vsa, {
    verifier: { id: 'https://github.com/secure-factory/secure-factory/checkout-verify' },
    timeVerified: new Date().toISOString(),
    resourceUri: 'git+https://github.com/acme/app',
    policy: { uri: '.github/secure-factory.yml' },
    verificationResult: 'PASSED',
    verifiedLevels: [`SLSA_SOURCE_LEVEL_${level}`],
  });
}

export function sbom(digest: string, purls: string[] = [BASE_IMAGE, 'pkg:npm/minimist@1.2.6']): Statement {
  return makeStatement([subjectOf(digest)], PREDICATE.cyclonedx, {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    components: purls.map((purl, i) => ({ type: purl.startsWith('pkg:docker') ? 'container' : 'library', name: `c${i}`, purl })),
  });
}

export interface Vuln {
  id: string;
  score: string;
  pkg?: string;
  fixed?: string;
}

export function vulns(digest: string, list: Vuln[] = [], databaseAgeMs = 3 * 3600_000): Statement {
  return makeStatement([subjectOf(digest)], PREDICATE.vulns, {
    scanner: {
      uri: 'https://github.com/secure-factory/secure-factory/scan-deps',
      version: '0.1.0',
      database: { uri: 'https://osv.dev', lastUpdate: new Date(Date.now() - databaseAgeMs).toISOString() },
      result: {
        vulnerabilities: list.map((v) => ({
          id: v.id,
          severity: [{ method: 'CVSS_V3', score: v.score }],
          annotations: [{ package: v.pkg ?? 'minimist', version: '1.2.0', ...(v.fixed ? { fixed: v.fixed } : {}) }],
        })),
      },
    },
    scanMetadata: { scanStartedOn: new Date().toISOString(), scanFinishedOn: new Date().toISOString() },
  });
}

export function tests(digest: string, result: 'PASSED' | 'FAILED' = 'PASSED'): Statement {
  return makeStatement([subjectOf(digest)], PREDICATE.testResult, {
    result,
    configuration: [{ name: 'package.json', uri: 'git+https://github.com/acme/app', digest: { sha256: 'a'.repeat(64) } }],
    passedTests: ['suite'],
    ...(result === 'FAILED' ? { failedTests: ['suite > adds'] } : {}),
  });
}

export interface Piece {
  name: string;
  statement: Statement;
  /** The run whose token signs it; `unsigned` writes only the statement. */
  run: Run | 'unsigned';
}

/** The pieces with the one named `name` changed. */
export function replace(pieces: Piece[], name: string, piece: Partial<Piece>): Piece[] {
  return pieces.map((p) => (p.name === name ? { ...p, ...piece } : p));
}

/** The five statements of one good run. */
export function goodRun(digest: string, run: Run = RUN_A): Piece[] {
  return [
    { name: 'source', statement: sourceVsa(digest, run), run },
    { name: 'sbom.cdx', statement: sbom(digest), run },
    { name: 'vulns', statement: vulns(digest), run },
    { name: 'provenance', statement: provenance(digest, run), run },
    { name: 'tests', statement: tests(digest), run },
  ];
}

/** Writes and signs the pieces into a fresh evidence folder (one token per run, as in a real job). */
export async function writeEvidence(
  services: SigstoreServices,
  pieces: Piece[],
  dir = mkdtempSync(path.join(tmpdir(), 'sf-gate-ev-')),
): Promise<string> {
  const folder = new EvidenceFolder(dir);
  const pipelines = new Map<string, ReturnType<typeof createSigningPipeline>>();
  for (const p of pieces) {
    await folder.write(p.name, p.statement);
    if (p.run === 'unsigned') continue;
    const key = JSON.stringify(p.run);
    let pipeline = pipelines.get(key);
    if (!pipeline) {
      pipeline = createSigningPipeline({
        kind: 'keyless',
        services: { fulcioUrl: services.fulcioUrl, rekorUrl: services.rekorUrl, rekorMajorVersion: 1 },
        identity: staticToken(services.issueToken(claimsFor(p.run))),
        useRekor: true,
      });
      pipelines.set(key, pipeline);
    }
    const bundle = await pipeline.signStatement(Buffer.from(JSON.stringify(p.statement), 'utf8'));
    await writeJsonAtomic(folder.bundlePathFor(p.name), bundle);
  }
  return dir;
}

export function policyText(options: { exceptions?: string; extraDeploy?: string; sourceLevel?: number } = {}): string {
  return `apiVersion: secure-factory/v1
materials:
  images: { registries: [ghcr.io/acme], pinned: digest }
deploy:
  production:
    require: [provenance, source, sbom, vulnerabilities, tests]
    builder: ${FACTORY}
    source-level: ${options.sourceLevel ?? 2}
    block-severity: high
    max-scan-age: 1h
    max-database-age: 2d
    refs: ['refs/tags/v*']
    registries: [ghcr.io/acme]
    rules:
      - { name: tagged-release, expression: 'identity.sourceRepositoryRef.startsWith("refs/tags/")', message: 'only tagged releases reach production' }
${options.extraDeploy ?? ''}${options.exceptions ? `exceptions:\n${options.exceptions}\n` : ''}`;
}

export function writePolicy(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-gate-policy-'));
  const file = path.join(dir, 'secure-factory.yml');
  writeFileSync(file, text);
  return file;
}

export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}
