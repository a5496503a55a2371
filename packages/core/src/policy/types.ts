/** The policy as the stages see it: every key present, defaults filled in (the safe choice). */
import type { SeverityThreshold } from '../findings.js';

export interface CelRule {
  name: string;
  expression: string;
  message?: string;
}

export interface SignerSpec {
  name?: string;
  ssh?: string;
  gpg?: string;
  'gpg-key'?: string;
  email?: string;
  x509?: { identity?: string; issuer?: string; 'ca-file'?: string };
}

export type EvidenceKind = 'provenance' | 'source' | 'sbom' | 'vulnerabilities' | 'tests';

export interface DeployPolicy {
  require: EvidenceKind[];
  builder?: string;
  sourceLevel: number;
  blockSeverity: SeverityThreshold;
  maxScanAgeMs: number;
  maxDatabaseAgeMs: number;
  refs: string[];
  environments: string[];
  registries: string[];
  sameRun: boolean;
  rules: CelRule[];
}

export interface Exception {
  advisory?: string;
  rule?: string;
  package?: string;
  digest?: string;
  environment?: string;
  reason: string;
  approver: string;
  /** YYYY-MM-DD; the waiver holds through the end of that day (UTC). */
  expires: string;
}

export interface Policy {
  apiVersion: 'secure-factory/v1';
  /** Where it came from (`(defaults)` when no file), and the sha256 of the file's bytes. */
  source: { file: string; sha256: string };
  sourceCheck: {
    signedCommits: 'all' | 'head' | 'none';
    range: 'base-branch' | 'last-tag' | 'head' | number;
    /** A tag or commit the history check starts after (`since..HEAD`); wins over the event's default range. */
    since?: string;
    signers: SignerSpec[];
    reviews: { approvals: number; codeowners: boolean };
    branchProtection: boolean;
    workflows: { audit: boolean; blockSeverity: SeverityThreshold; ignore: string[] };
  };
  materials: {
    blockSeverity: SeverityThreshold;
    licenses: { allow: string[]; deny: string[]; unknown: 'allow' | 'warn' | 'block' };
    registries: string[];
    integrity: 'required' | 'optional';
    nonRegistry: { git: boolean; http: boolean; file: boolean };
    images: {
      registries: string[];
      pinned: 'digest' | 'tag' | 'any';
      /** Who may sign base images, per registry prefix (`ghcr.io/acme`): an identity or a key. */
      trust: ImageTrust[];
      /** An image without a trusted signature: a blocking finding (`required`) or a warning. */
      validated: 'required' | 'warn';
    };
    actions: { pinned: 'sha' | 'tag' | 'any'; allow: string[] };
    database: { path?: string; maxAgeMs: number };
    includeDev: boolean;
    rules: CelRule[];
    /** Globs (relative to the scanned folder) of files and folders the scan skips: fixtures, vendored trees. */
    ignore: string[];
    /** Declared dependencies that pin no single version (ranges, URLs, VCS, paths): block, warn or allow. */
    unpinned: 'block' | 'warn' | 'allow';
  };
  /** `networkAllow`: hosts the fetch may reach besides its lockfiles' registries (`build.network.allow`). */
  build: { network: 'none' | 'fetch-only'; networkAllow: string[]; reproducible: boolean; timeoutMs: number; env: string[] };
  attest: { signer: 'keyless' | 'key' | 'ephemeral'; publicTransparencyLog: 'auto' | 'always' | 'never'; maxSubjects: number };
  deploy: Record<string, DeployPolicy>;
  exceptionMaxDays: number;
  exceptions: Exception[];
}

/** `materials.images.trust[]`: a registry prefix and the Sigstore identity or key its images are signed by. */
export interface ImageTrust {
  registry: string;
  /** Certificate SAN, exact; `*` matches any run of characters (`…/release.yml@refs/tags/*`). */
  identity?: string;
  /** OIDC issuer the certificate must carry, with `identity`. */
  issuer?: string;
  /** PEM public key text, or a path relative to the policy file. */
  key?: string;
}
