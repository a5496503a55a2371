/**
 * The attest stage: add the run's artefacts as subjects of every statement in the evidence folder,
 * split statements beyond the subject limit (never a silent cap), sign each into
 * `<name>.sigstore.json` (bundle v0.3, DSSE, application/vnd.in-toto+json) and optionally publish
 * each bundle to the GitHub attestations API.
 */
import path from 'node:path';
import {
  ConfigurationError,
  EvidenceFolder,
  makeStatement,
  OPERATOR_FILE,
  PREDICATE,
  readTextFile,
  TOOL_NAME,
  TOOL_URI,
  TOOL_VERSION,
  writeFileAtomic,
  writeJsonAtomic,
  type Logger,
  type Statement,
  type Subject,
} from '@secure-factory/core';
import type { SerializedBundle } from '@sigstore/bundle';
import { actionsIdentityProvider, jwtClaims, staticToken, type IdentityProvider } from './identity.js';
import type { CustomPredicate } from './custom-predicate.js';
import { ephemeralSigner, signerFromPrivateKey, type KeySigner } from './key-signer.js';
import { attachToRelease, publishAttestation, type PublishTarget } from './publish.js';
import { npmEvidenceName, npmProvenanceDir, npmSubject, readNpmPackage, type NpmPackage } from './npm-package.js';
import { resolveServices, type ServiceInputs } from './services.js';
import { createSigningPipeline, type SignerKind, type SigningPipeline } from './sign.js';
import { imageSubjects, pushToImages, type ImageInputs, type ImageTarget, type PushedReferrer } from './image-registry.js';
import { dedupeSubjects, subjectKey, type SubjectSources } from './subjects.js';
import {
  assertPublicCertificateAllowed,
  assertWitnessAvailable,
  decideTransparencyLog,
  repositoryVisibility,
  type LogDecision,
  type TransparencyLogPolicy,
} from './visibility.js';

export const EPHEMERAL_PUBLIC_KEY_FILE = 'ephemeral-key.pub.pem';
/** Predicate of the statement made when attest runs alone on subjects, with no evidence folder. */
export const SUBJECTS_PREDICATE = `${TOOL_URI}/attestation/subjects/v1`;
export const DEFAULT_MAX_SUBJECTS = 1024;

export interface SignerInputs {
  kind: SignerKind;
  /** PEM text of the private key (key signer), e.g. from a secret. */
  privateKeyPem?: string | undefined;
  /** Path of the PEM private key (key signer). */
  privateKeyFile?: string | undefined;
  identityToken?: string | undefined;
  services: ServiceInputs;
  transparencyLog: TransparencyLogPolicy;
  /** The environment to read the Actions OIDC runtime and GITHUB_EVENT_PATH from. */
  env?: NodeJS.ProcessEnv;
  rekorEntryType?: 'intoto' | 'dsse';
}

export interface AttestInputs {
  evidenceDir: string;
  subjects: SubjectSources;
  signer: SignerInputs;
  maxSubjects?: number;
  publish?: PublishTarget | undefined;
  /** Attach each bundle to the GitHub release of this tag (uses the `publish` target's API and token). */
  releaseTag?: string | undefined;
  /** API and token for `releaseTag` when not publishing attestations. */
  github?: PublishTarget | undefined;
  /**
   * One attestation with the caller's predicate (actions/attest's predicate-type/predicate/sbom-path):
   * only it is signed, for the given subjects; the evidence folder's statements are left alone.
   */
  custom?: CustomPredicate | undefined;
  /**
   * npm package tarballs to make npm provenance for (`npm publish --provenance-file`): the build
   * provenance naming each tarball is signed once more with npm's subject (purl + sha512).
   */
  npmTarballs?: readonly string[] | undefined;
  /** The registry the packages are published to (npm adds `?repository_url=` for any but npmjs). */
  npmRegistry?: string | undefined;
  /** Image subjects from OCI layouts, and push-to-registry (the registry client is passed in). */
  images?: ImageInputs | undefined;
  logger: Logger;
}

export interface NpmProvenance {
  tarball: string;
  purl: string;
  sha512: string;
  statementPath: string;
  bundlePath: string;
}

export interface SignedStatement {
  name: string;
  statementPath: string;
  bundlePath: string;
  predicateType: string;
  subjects: number;
  attestationId?: string;
  releaseAsset?: string;
  /** The bundle as a referrer of each image subject it names (push-to-registry). */
  referrers?: (PushedReferrer & { image: string })[];
}

export interface AttestResult {
  signer: SignerKind;
  services: SigningPipeline['services'];
  transparencyLog: LogDecision;
  signed: SignedStatement[];
  ephemeralPublicKeyPath?: string;
  publicKeyPem?: string;
  /** The images the bundles were pushed to (push-to-registry). */
  images?: ImageTarget[];
  /** One bundle per `npmTarballs` entry, for `npm publish --provenance-file`. */
  npmProvenance?: NpmProvenance[];
}

export interface PreparedSigner {
  pipeline: SigningPipeline;
  decision: LogDecision;
  keySigner?: KeySigner;
}

/** Builds the one signing pipeline of a run (token fetched once, trust decisions made once). */
export async function prepareSigner(inputs: SignerInputs): Promise<PreparedSigner> {
  const env = inputs.env ?? process.env;
  const services = await resolveServices(inputs.services);
  const explicitRekor = inputs.services.rekorUrl !== undefined || inputs.services.signingConfigFile !== undefined;
  let identity: IdentityProvider | undefined;
  let claims: Record<string, unknown> = {};
  let keySigner: KeySigner | undefined;
  if (inputs.kind === 'keyless') {
    identity = inputs.identityToken ? staticToken(inputs.identityToken) : actionsIdentityProvider(env);
    claims = jwtClaims(await identity.getToken());
  } else if (inputs.kind === 'key') {
    let pem = inputs.privateKeyPem;
    if (!pem && inputs.privateKeyFile) {
      // A FIFO, a device or a huge file is refused before anything is read; no byte of it is quoted.
      pem = await readTextFile(inputs.privateKeyFile, { ...OPERATOR_FILE, maxBytes: 64 * 1024, what: 'private key file' });
    }
    if (!pem)
      throw new ConfigurationError('signer "key" needs a private key', { hint: 'pass --key FILE, or the private-key input from a secret' });
    keySigner = signerFromPrivateKey(pem, inputs.privateKeyFile ? `the key file ${inputs.privateKeyFile}` : 'the private key');
  } else {
    keySigner = ephemeralSigner();
  }
  const visibility = await repositoryVisibility({ tokenClaims: claims, eventPath: env.GITHUB_EVENT_PATH });
  let decision = decideTransparencyLog(inputs.transparencyLog, services.rekorUrl, visibility);
  if (inputs.kind !== 'keyless' && !explicitRekor) {
    // A key-signed bundle is verified with the key itself; logging it is opt-in.
    decision = { useRekor: false, reason: 'key signing logs only to an explicitly given Rekor' };
  }
  if (inputs.kind === 'keyless') {
    assertPublicCertificateAllowed(inputs.transparencyLog, services.fulcioUrl, visibility);
    assertWitnessAvailable(decision, services.tsaUrl);
  }
  const pipeline = createSigningPipeline({
    kind: inputs.kind,
    services,
    identity,
    keySigner,
    useRekor: decision.useRekor,
    rekorEntryType: inputs.rekorEntryType,
  });
  return { pipeline, decision, ...(keySigner ? { keySigner } : {}) };
}

/** Adds `extra` to a statement's subjects and splits it so no part exceeds `max` subjects. */
export function withSubjects(statement: Statement, extra: readonly Subject[], max: number): Statement[] {
  const own = dedupeSubjects(statement.subject);
  const have = new Set(own.map(subjectKey));
  const added = dedupeSubjects(extra).filter((s) => !have.has(subjectKey(s)));
  if (own.length + added.length <= max) return [{ ...statement, subject: [...own, ...added] }];
  const room = max - own.length;
  if (room <= 0) {
    throw new ConfigurationError(`a statement already has ${own.length} subjects, the limit is ${max}; no artefact can be added`, {
      hint: 'raise attest.max-subjects (at most 1024)',
    });
  }
  const parts: Statement[] = [];
  for (let i = 0; i < added.length; i += room) parts.push({ ...statement, subject: [...own, ...added.slice(i, i + room)] });
  return parts;
}

export async function attestEvidence(inputs: AttestInputs): Promise<AttestResult> {
  const { logger } = inputs;
  const max = inputs.maxSubjects ?? DEFAULT_MAX_SUBJECTS;
  const folder = new EvidenceFolder(inputs.evidenceDir);
  const { extra, targets } = await imageSubjects(inputs.subjects, inputs.images);
  const loaded: { name: string; statement: Statement }[] = inputs.custom ? [] : await folder.load();
  if (inputs.custom) {
    if (extra.length === 0) {
      throw new ConfigurationError(`a ${inputs.custom.predicateType} attestation needs a subject`, {
        hint: 'set subject-path, subject-digest with subject-name, or subject-checksums',
      });
    }
    loaded.push({
      name: inputs.custom.name,
      statement: { ...makeStatement([], inputs.custom.predicateType, inputs.custom.predicate), subject: [] },
    });
  } else if (loaded.length === 0) {
    if (extra.length === 0) {
      throw new ConfigurationError(`nothing to sign: no *.intoto.json statement in ${inputs.evidenceDir} and no subject given`, {
        hint: 'run the earlier stages first, or pass subjects (--subject, --subject-digest, --subject-checksums)',
      });
    }
    // attest alone: one statement naming the subjects (split below like any other).
    const predicate = { tool: { name: TOOL_NAME, version: TOOL_VERSION }, createdOn: new Date().toISOString() };
    loaded.push({ name: 'subjects', statement: { ...makeStatement([], SUBJECTS_PREDICATE, predicate), subject: [] } });
  }
  if (extra.length > 0) logger.info(`adding ${extra.length} subject(s) to ${loaded.length} statement(s)`);
  const toSign: { name: string; statement: Statement }[] = [];
  for (const entry of loaded) {
    const parts = withSubjects(entry.statement, extra, max);
    if (parts.length > 1) {
      logger.info(
        `${entry.name}: ${parts.reduce((n, p) => n + p.subject.length, 0)} subjects split into ${parts.length} statements of at most ${max}`,
      );
    }
    parts.forEach((statement, i) => toSign.push({ name: i === 0 ? entry.name : `${entry.name}.part-${i + 1}`, statement }));
  }
  // Each npm tarball must be a subject of the build's provenance: checked before anything is signed.
  const npm = await npmStatements(inputs.npmTarballs ?? [], inputs.npmRegistry, toSign);
  const prepared = await prepareSigner(inputs.signer);
  const result: AttestResult = {
    signer: prepared.pipeline.kind,
    services: prepared.pipeline.services,
    transparencyLog: prepared.decision,
    signed: [],
  };
  if (targets.length > 0) result.images = targets;
  logger.info(
    `signing ${toSign.length} statement(s) with the ${result.signer} signer` +
      (result.services.fulcio ? `, Fulcio ${result.services.fulcio}` : '') +
      (result.services.rekor ? `, Rekor ${result.services.rekor}` : ', no transparency log') +
      (result.services.tsa ? `, TSA ${result.services.tsa}` : '') +
      ` (${prepared.decision.reason})`,
  );
  if (prepared.keySigner) {
    result.publicKeyPem = prepared.keySigner.publicKeyPem;
    if (result.signer === 'ephemeral') {
      const file = path.join(inputs.evidenceDir, EPHEMERAL_PUBLIC_KEY_FILE);
      await writeFileAtomic(file, prepared.keySigner.publicKeyPem);
      result.ephemeralPublicKeyPath = file;
    }
  }
  let done = 0;
  for (const { name, statement } of toSign) {
    const statementPath = await folder.write(name, statement);
    const bundle: SerializedBundle = await prepared.pipeline.signStatement(Buffer.from(JSON.stringify(statement), 'utf8'));
    const bundlePath = folder.bundlePathFor(name);
    await writeJsonAtomic(bundlePath, bundle);
    const signed: SignedStatement = {
      name,
      statementPath,
      bundlePath,
      predicateType: statement.predicateType,
      subjects: statement.subject.length,
    };
    if (inputs.publish) {
      signed.attestationId = await publishAttestation(inputs.publish, bundle);
      logger.info(`${name}: published as attestation ${signed.attestationId}`);
    }
    const github = inputs.publish ?? inputs.github;
    if (inputs.releaseTag) {
      if (!github) throw new ConfigurationError('attaching bundles to a release needs the GitHub API URL, repository and token');
      signed.releaseAsset = await attachToRelease(
        github,
        inputs.releaseTag,
        path.basename(bundlePath),
        Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`),
      );
      logger.info(`${name}: attached to release ${inputs.releaseTag}`);
    }
    const referrers = await pushToImages(inputs.images, targets, name, statement, bundle, logger);
    if (referrers.length > 0) signed.referrers = referrers;
    result.signed.push(signed);
    logger.progress?.(++done, toSign.length, 'signed');
  }
  if (npm.length > 0) {
    const npmFolder = new EvidenceFolder(npmProvenanceDir(inputs.evidenceDir));
    result.npmProvenance = [];
    for (const { pkg, statement } of npm) {
      const name = npmEvidenceName(pkg);
      const statementPath = await npmFolder.write(name, statement);
      const bundle = await prepared.pipeline.signStatement(Buffer.from(JSON.stringify(statement), 'utf8'));
      const bundlePath = npmFolder.bundlePathFor(name);
      await writeJsonAtomic(bundlePath, bundle);
      result.npmProvenance.push({ tarball: pkg.file, purl: pkg.purl, sha512: pkg.sha512, statementPath, bundlePath });
      logger.info(`${pkg.name}@${pkg.version}: npm provenance ${bundlePath} (npm publish --provenance-file)`);
    }
  }
  return result;
}

/** The build provenance of each tarball, restated with npm's one subject. */
async function npmStatements(
  tarballs: readonly string[],
  registry: string | undefined,
  statements: readonly { name: string; statement: Statement }[],
): Promise<{ pkg: NpmPackage; statement: Statement }[]> {
  const out: { pkg: NpmPackage; statement: Statement }[] = [];
  const seen = new Set<string>();
  for (const file of tarballs) {
    const pkg = await readNpmPackage(file, registry);
    if (seen.has(pkg.purl))
      throw new ConfigurationError(`${pkg.name}@${pkg.version} is given twice for npm provenance`, { location: { file } });
    seen.add(pkg.purl);
    const provenance = statements.find(
      ({ statement }) => statement.predicateType === PREDICATE.provenance && statement.subject.some((s) => s.digest.sha256 === pkg.sha256),
    );
    if (!provenance) {
      throw new ConfigurationError(
        `no build provenance in the evidence names ${path.basename(file)} (sha256:${pkg.sha256}): npm provenance restates the build's provenance of the tarball`,
        {
          location: { file },
          hint: 'build the tarball with the factory (`npm pack --pack-destination .secure-factory/out` as the build command) and attest with the same evidence folder',
        },
      );
    }
    out.push({ pkg, statement: { ...provenance.statement, subject: [npmSubject(pkg)] } });
  }
  return out;
}
