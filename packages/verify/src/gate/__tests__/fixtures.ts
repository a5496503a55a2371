/**
 * Fixtures shared by the gate's test files (this folder is outside the package build and outside jest's
 * testMatch): the artefact, builder and certificate the gate tests sign with, the DSSE bundles and the
 * stub EvidenceVerifier runGate is run with, the gate options and evidence folders, decision logs to
 * render, the GitHub provenance bundle from test/verify/corpus, and a helper for rejected promises.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  IN_TOTO_PAYLOAD_TYPE,
  InfrastructureError,
  makeStatement,
  MemoryLogger,
  parsePolicy,
  PolicyViolation,
  PREDICATE,
  type Statement,
} from '@secure-factory/core';
import type { ArtefactDecision, DecisionLog } from '../decision.js';
import type { GateOptions, GateResult } from '../gate.js';
import type { Check, EvidenceSigner, EvidenceVerifier, VerifiedEvidence } from '../types.js';

export const NOW = new Date('2026-11-25T12:00:00Z');
export const DIGEST = 'a'.repeat(64);
export const OTHER = 'b'.repeat(64);
export const BUILDER = 'factory/sf/.github/workflows/sf.yml';
export const CERT: EvidenceSigner = {
  kind: 'certificate',
  identity: {
    buildSignerUri: `https://github.com/${BUILDER}@refs/tags/v1.0.0`,
    buildConfigUri: 'https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v2.0.0',
    sourceRepositoryDigest: 'c'.repeat(40),
    sourceRepositoryRef: 'refs/tags/v2.0.0',
    runInvocationUri: 'https://github.com/acme/app/actions/runs/1/attempts/1',
  },
};
export const PROVENANCE = { buildDefinition: { buildType: 'x', externalParameters: {} }, runDetails: { builder: { id: 'x' } } };

export type Subject = { name?: string; digest: Record<string, string> };
export const provenanceOf = (subjects: Subject[]): Statement => makeStatement(subjects, PREDICATE.provenance, PROVENANCE);

/** app.tgz (sha256 `artefact`) as a GitHub workflow provenance: built by `builder` from `repository` at `commit`. */
export function workflowProvenance(o: { artefact: string; commit: string; builder: string; repository: string }): Statement {
  return makeStatement([{ name: 'app.tgz', digest: { sha256: o.artefact } }], PREDICATE.provenance, {
    buildDefinition: {
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: {
        workflow: { repository: `https://github.com/${o.repository}`, ref: 'refs/heads/main', path: '.github/workflows/release.yml' },
      },
      resolvedDependencies: [{ uri: `git+https://github.com/${o.repository}@refs/heads/main`, digest: { gitCommit: o.commit } }],
    },
    runDetails: { builder: { id: o.builder } },
  });
}

/** app.tgz (sha256 `artefact`) as an empty CycloneDX SBOM statement. */
export const cyclonedxOf = (artefact: string): Statement =>
  makeStatement([{ name: 'app.tgz', digest: { sha256: artefact } }], PREDICATE.cyclonedx, {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    components: [],
  });

/**
 * What the stub verifier concludes for a bundle: verified by the certificate an hour ago ('ok'), without
 * a trusted time ('no-time'), by a key ('key'), 30 days ago by the certificate or the key ('old',
 * 'key-old'), a bad signature ('invalid') or an infrastructure failure ('infra').
 */
export type Answer = 'ok' | 'invalid' | 'infra' | 'key' | 'old' | 'key-old' | 'no-time';

/** A bundle as the stub verifier reads it: a DSSE envelope with the statement, and how to answer. */
export function bundle(statement: Statement, answer: Answer = 'ok'): Record<string, unknown> {
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    dsseEnvelope: { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: Buffer.from(JSON.stringify(statement)).toString('base64') },
    answer,
  };
}

/**
 * Verifies by reading the payload back; the bundle's `answer` says what the real verifier would have
 * concluded. `asked` lists the digests it was asked about; a bundle whose predicate is `slow` answers
 * after the others.
 */
export function stubVerifier(over: { trustedRootSource?: string; slow?: string } = {}): EvidenceVerifier & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    ...(over.trustedRootSource !== undefined ? { trustedRootSource: over.trustedRootSource } : {}),
    verify(b: unknown, digest: string): Promise<VerifiedEvidence> {
      asked.push(digest);
      const x = b as { dsseEnvelope: { payload: string }; answer: Answer };
      const statement = JSON.parse(Buffer.from(x.dsseEnvelope.payload, 'base64').toString('utf8')) as Statement;
      const answer = (): Promise<VerifiedEvidence> => {
        if (x.answer === 'invalid') return Promise.reject(new PolicyViolation('signature: does not verify'));
        if (x.answer === 'infra') return Promise.reject(new InfrastructureError('the transparency log is down'));
        if (x.answer === 'key') return Promise.resolve({ statement, signer: { kind: 'key', keyId: 'k1' } });
        if (x.answer === 'no-time') return Promise.resolve({ statement, signer: CERT });
        // Signed 30 days ago, by the certificate or by the key, with a trusted time saying so.
        const old = { time: new Date(NOW.getTime() - 30 * 86400_000), source: 'tlog' as const };
        if (x.answer === 'old') return Promise.resolve({ statement, signer: CERT, trustedTime: old });
        if (x.answer === 'key-old') return Promise.resolve({ statement, signer: { kind: 'key', keyId: 'k1' }, trustedTime: old });
        return Promise.resolve({ statement, signer: CERT, trustedTime: { time: new Date(NOW.getTime() - 3600_000), source: 'tlog' } });
      };
      if (statement.predicateType === over.slow) return new Promise((r) => setTimeout(r, 30)).then(answer);
      return answer();
    },
  };
}

/** The policy the gate tests run with: provenance from BUILDER, for `env`, with `extra` added to the environment. */
export const policy = (extra = '', env = 'prod') =>
  parsePolicy(`apiVersion: secure-factory/v1\ndeploy:\n  ${env}: { require: [provenance], builder: ${BUILDER}${extra} }\n`, 'p.yml', {
    now: NOW,
  });

/** A fresh temporary folder holding `files` (a string as it is, anything else as JSON). */
export function folder(files: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-gate-run-'));
  for (const [name, v] of Object.entries(files)) writeFileSync(path.join(dir, name), typeof v === 'string' ? v : JSON.stringify(v));
  return dir;
}

/** runGate's options for DIGEST (app.tgz) in prod, with the stub verifier, a fresh outDir and a MemoryLogger. */
export function options(evidenceDir: string | undefined, over: Partial<GateOptions> = {}): GateOptions & { logger: MemoryLogger } {
  return {
    subjects: [{ digest: DIGEST, name: 'app.tgz' }],
    environment: 'prod',
    policy: policy(),
    evidenceDir,
    verifier: stubVerifier(),
    now: NOW,
    outDir: mkdtempSync(path.join(tmpdir(), 'sf-gate-run-out-')),
    logger: new MemoryLogger(),
    ...over,
  } as GateOptions & { logger: MemoryLogger };
}

/** An evidence folder's files with one verifying provenance for app.tgz. */
export const good = () => ({ 'prov.sigstore.json': bundle(provenanceOf([{ name: 'app.tgz', digest: { sha256: DIGEST } }])) });
/** The ids of the failing checks of the i-th artefact. */
export const failing = (r: GateResult, i = 0): string[] =>
  (r.decision.artefacts[i]?.checks ?? []).filter((c) => c.status === 'fail').map((c) => c.id);

/** A check for a decision log, its reason saying its status. */
export const decisionCheck = (id: string, stage: Check['stage'], status: Check['status'], extra: Partial<Check> = {}): Check => ({
  id,
  title: id,
  stage,
  status,
  reason: `${id} is ${status}`,
  ...extra,
});

/** An artefact's entry in a decision log, with no levels, checks, waivers or inputs unless given. */
export const artefact = (digest: string, allowed: boolean, over: Partial<ArtefactDecision> = {}): ArtefactDecision => ({
  digest,
  allowed,
  verifiedLevels: [],
  checks: [],
  waivers: [],
  inputs: [],
  ...over,
});

/** A decision log for prod under p.yml, allowed when every artefact is (and there is one), with no inputs unless given. */
export function decisionLog(artefacts: ArtefactDecision[], over: Partial<DecisionLog> = {}): DecisionLog {
  return {
    apiVersion: 'secure-factory/gate-decision/v1',
    allowed: artefacts.length > 0 && artefacts.every((a) => a.allowed),
    environment: 'prod',
    time: '2026-11-25T12:00:07.123Z',
    tool: { name: 'secure-factory', version: '0.1.0' },
    policy: { uri: 'p.yml', digest: { sha256: 'e'.repeat(64) } },
    inputs: [],
    artefacts,
    ...over,
  };
}

/** `count` refused artefacts (digests 0, 1, 2… in hex), the i-th blocked by its own failing rule check `rule:r<i>`. */
export const refusedByRules = (count: number): ArtefactDecision[] =>
  Array.from({ length: count }, (_, i) =>
    artefact(i.toString(16).padStart(64, '0'), false, { checks: [decisionCheck(`rule:r${i}`, 'gate', 'fail')] }),
  );

/** The error a promise rejects with; a promise that resolves fails the test. */
export const rejection = async (p: Promise<unknown>): Promise<Error> => {
  try {
    await p;
  } catch (e: unknown) {
    return e as Error;
  }
  throw new Error('resolved');
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');
/** A file of test/verify/corpus, as text. */
export const corpus = (rel: string): string => readFileSync(path.join(ROOT, 'test/verify/corpus', rel), 'utf8');
/** GitHub's real build provenance for actions/attest-build-provenance, the digest it names and its signer. */
export const GH = JSON.parse(corpus('github-attestations/actions-attest-build-provenance-attestation-13531551.sigstore.json')) as unknown;
export const GH_SHA256 = 'b03d18ed0a16864ef2d2e559c660159a2170b9d086a1f42f570b1679326b90e6';
export const GH_SAN = 'https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main';
/** That digest as an image signature check is given it. */
export const GH_IMAGE_DIGEST = { kind: 'digest' as const, sha256: GH_SHA256 };
