/**
 * in-toto Statement v1 and the predicates the factory writes. Field names follow the protos in
 * in-toto/attestation (proto3 JSON names, lowerCamelCase).
 */
import type { DigestSet } from './digest.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export const PREDICATE = {
  provenance: 'https://slsa.dev/provenance/v1',
  vsa: 'https://slsa.dev/verification_summary/v1',
  cyclonedx: 'https://cyclonedx.org/bom',
  spdx: 'https://spdx.dev/Document',
  vulns: 'https://in-toto.io/attestation/vulns/v0.1',
  testResult: 'https://in-toto.io/attestation/test-result/v0.1',
} as const;

export type PredicateType = (typeof PREDICATE)[keyof typeof PREDICATE];

export interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest?: Record<string, string>;
  /** base64 in JSON */
  content?: string;
  downloadLocation?: string;
  mediaType?: string;
  annotations?: Record<string, unknown>;
}

export interface Subject extends ResourceDescriptor {
  digest: Record<string, string>;
}

export interface Statement<P = Record<string, unknown>> {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: string;
  predicate: P;
}

export function subjectFor(name: string, digest: DigestSet | Record<string, string>): Subject {
  const d: Record<string, string> = {};
  for (const [k, v] of Object.entries(digest)) if (typeof v === 'string') d[k] = v;
  return { name, digest: d };
}

export function makeStatement<P>(subject: Subject[], predicateType: string, predicate: P): Statement<P> {
  return { _type: STATEMENT_TYPE, subject, predicateType, predicate };
}

// ---- SLSA provenance v1 (slsa.dev/provenance/v1) ----
export interface ProvenancePredicate {
  buildDefinition: {
    buildType: string;
    externalParameters: Record<string, unknown>;
    internalParameters?: Record<string, unknown>;
    resolvedDependencies?: ResourceDescriptor[];
  };
  runDetails: {
    builder: { id: string; version?: Record<string, string>; builderDependencies?: ResourceDescriptor[] };
    metadata?: { invocationId?: string; startedOn?: string; finishedOn?: string };
    byproducts?: ResourceDescriptor[];
  };
}

// ---- VSA v1 (slsa.dev/verification_summary/v1) ----
export interface VsaPredicate {
  verifier: { id: string; version?: Record<string, string> };
  timeVerified: string;
  resourceUri: string;
  policy: { uri?: string; digest?: Record<string, string> };
  inputAttestations?: { uri?: string; digest: Record<string, string> }[];
  verificationResult: 'PASSED' | 'FAILED';
  verifiedLevels: string[];
  dependencyLevels?: Record<string, number>;
  slsaVersion?: string;
}

// ---- test-result v0.1 ----
export interface TestResultPredicate {
  result: 'PASSED' | 'WARNED' | 'FAILED';
  configuration: ResourceDescriptor[];
  url?: string;
  passedTests?: string[];
  warnedTests?: string[];
  failedTests?: string[];
}

// ---- vulns v0.1 ----
export interface VulnsPredicate {
  scanner: {
    uri: string;
    version?: string;
    database?: { uri?: string; version?: string; lastUpdate?: string };
    result?: {
      vulnerabilities?: { id: string; severity?: { method: string; score: string }[]; annotations?: Record<string, unknown>[] }[];
    };
  };
  scanMetadata?: { scanStartedOn?: string; scanFinishedOn?: string };
}

/** The sha256 digests a statement names, as `name -> hex`. */
export function subjectDigests(statement: Statement<unknown>): Set<string> {
  const out = new Set<string>();
  for (const s of statement.subject) {
    const d = s.digest.sha256;
    if (d) out.add(d.toLowerCase());
  }
  return out;
}
