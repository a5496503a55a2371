/**
 * `gate`: find the evidence for each artefact digest, verify every bundle once, evaluate the deploy
 * policy of the environment, and write the answer — decision log, VSA (signed when a signer is
 * given), deployment records. Fails closed: a policy that does not parse, a trust root that cannot be
 * read, an API that cannot be reached, or any unexpected error is a refusal, recorded as such.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ConfigurationError,
  EvidenceFolder,
  errorMessage,
  exitCodeFor,
  formatLocation,
  isSecureFactoryError,
  deployPolicyFor,
  loadPolicy,
  openRemediationsFor,
  readRemediations,
  mapLimit,
  sha256Hex,
  writeJsonAtomic,
  EXIT,
  TOOL_VERSION,
  type Logger,
  type Policy,
  type Statement,
} from '@secure-factory/core';
import { policyUri, renderSummary, vsaStatement, DECISION_API_VERSION, type ArtefactDecision, type DecisionLog } from './decision.js';
import { DEPLOYMENTS_DIR, recordDeployments } from './deployments.js';
import { indexDigests } from './candidate.js';
import { evaluate } from './evaluate.js';
import type { GitHubAttestationsClient } from './github-attestations.js';
import { fetchFromGitHub, indexEvidence, type EvidenceIndex } from './lookup.js';
import { imageSubject, lookUpImages, parseDeployImage, type ImageLookup, type ImageRegistryClient } from './registry-images.js';
import type { GateSubject } from './subjects.js';
import type { Check, Evidence, EvidenceVerifier, RejectedEvidence } from './types.js';

export interface GateOptions {
  subjects: readonly GateSubject[];
  environment: string;
  /** A policy file; undefined reads `.github/secure-factory.yml` or takes the defaults. */
  policyFile?: string | undefined;
  /** An already-loaded policy (tests); wins over policyFile. */
  policy?: Policy;
  evidenceDir?: string | undefined;
  bundleFiles?: readonly string[];
  /** The GitHub attestations API, when it should be asked too. */
  github?: GitHubAttestationsClient | undefined;
  /**
   * Images gated by reference (`registry/name@sha256:HEX`): read from their registry with
   * `imageRegistry`, their Sigstore bundle referrers added to the evidence (registry-images.ts).
   */
  images?: readonly string[];
  imageRegistry?: ImageRegistryClient | undefined;
  /** The trust layer; a function so that errors building it (a bad trusted root) are a recorded refusal. */
  verifier: EvidenceVerifier | (() => Promise<EvidenceVerifier>);
  builder?: string | undefined;
  /** The builder when neither `builder` nor the policy names one (the gate's own workflow on Actions). */
  defaultBuilder?: string | undefined;
  githubEnvironment?: string | undefined;
  now?: Date;
  /** Where the decision log and VSA go; default `<evidence>/gate`. */
  outDir?: string | undefined;
  /** Signs the VSA statement into a Sigstore bundle (the attest layer). */
  signStatement?: ((statement: Statement<unknown>) => Promise<unknown>) | undefined;
  /**
   * When the trusted public keys were made, for a key the caller created for this run (`secure-factory
   * run`'s ephemeral key): key-signed evidence without a log or timestamp time is dated to it.
   */
  keysCreatedAt?: Date | undefined;
  /** Where the rescan loop keeps remediations.json; default `<evidence>/deployments`. */
  remediationsDir?: string | undefined;
  /** Write deployment records for admitted artefacts (default true when there is an evidence folder). */
  recordDeployment?: boolean;
  logger: Logger;
}

export interface GateResult {
  allowed: boolean;
  /** 0 admitted, 1 refused, 2 bad input, 3 infrastructure. */
  exitCode: number;
  decision: DecisionLog;
  decisionPath: string;
  vsaPath: string;
  vsaBundlePath?: string;
  deploymentPaths: string[];
  summary: string;
}

async function sha512File(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `sha512:HEX` → the gated file's sha256 key, for the files some bundle may name by sha512 only. */
async function sha512Aliases(index: EvidenceIndex, subjects: readonly GateSubject[]): Promise<Map<string, string>> {
  const alias = new Map<string, string>();
  if (!index.bundles.some((b) => [...b.subjects].some((d) => d.startsWith('sha512:')))) return alias;
  for (const s of subjects) if (s.file !== undefined) alias.set(`sha512:${await sha512File(s.file)}`, s.digest);
  return alias;
}

export async function runGate(options: GateOptions): Promise<GateResult> {
  const { logger, environment } = options;
  const now = options.now ?? new Date();
  const outDir = options.outDir ?? path.join(options.evidenceDir ?? '.secure-factory', 'gate');
  let fatal: unknown;
  let infra: unknown;
  // Image references are parsed before anything else: a tag without a digest (or garbage) is bad
  // input, refused with the fix before any file or network is touched.
  const images = (options.images ?? []).map(parseDeployImage);
  const known = new Set(options.subjects.map((s) => s.digest));
  const subjects: readonly GateSubject[] = [
    ...options.subjects,
    ...images.map(imageSubject).filter((s) => !known.has(s.digest) && (known.add(s.digest), true)),
  ];
  // The evidence folder is where the decision log goes too: a file or FIFO in its place is bad input,
  // refused before anything is read (a missing folder is refused below, and created for the log).
  if (options.evidenceDir !== undefined) {
    const st = await stat(options.evidenceDir).catch(() => undefined);
    if (st !== undefined && !st.isDirectory()) {
      throw new ConfigurationError('the evidence folder is not a folder', {
        location: { file: options.evidenceDir },
        hint: 'pass the folder the factory wrote its evidence to (default .secure-factory/evidence)',
      });
    }
  }
  // Nothing to gate is a usage error, never an empty (and so vacuously true) admission.
  if (subjects.length === 0) {
    throw new ConfigurationError('nothing to gate: no artefact digest and no image reference was given', {
      hint: 'name the artefacts (files, --subject-digest) or the images (--image REF@sha256:…) to gate',
    });
  }
  const log: DecisionLog = {
    apiVersion: DECISION_API_VERSION,
    allowed: false,
    environment,
    time: now.toISOString(),
    tool: { name: 'secure-factory', version: TOOL_VERSION },
    policy: null,
    inputs: [],
    artefacts: [],
  };

  try {
    const policy = options.policy ?? (await loadPolicy(options.policyFile, { now }));
    log.policy = { uri: policyUri(policy.source.file), digest: { sha256: policy.source.sha256 } };
    const index = await indexEvidence({ evidenceDir: options.evidenceDir, bundleFiles: options.bundleFiles ?? [] });
    // Registries not listed by the deploy policy are refused here without a network call.
    const lookups = new Map<string, ImageLookup>();
    for (const l of await lookUpImages(
      images,
      { client: options.imageRegistry, allowed: deployPolicyFor(policy, environment)?.registries ?? [], environment, logger },
      index,
    )) {
      lookups.set(l.image.digest.slice('sha256:'.length), l);
      if (l.failure?.kind === 'unreachable') infra ??= l.failure.error;
    }
    const apiCheck = await fetchApi(options, subjects, index, logger);
    if (apiCheck?.status === 'fail') infra = apiCheck.error;
    // Advisories found after the build by the rescan loop: an open one refuses the digest unless waived.
    const remediationsDir =
      options.remediationsDir ?? (options.evidenceDir !== undefined ? path.join(options.evidenceDir, DEPLOYMENTS_DIR) : undefined);
    const remediations = remediationsDir !== undefined ? await readRemediations(remediationsDir) : undefined;
    const wanted = new Set(subjects.map((s) => s.digest));
    // Evidence naming a gated file by sha512 only (npm provenance): hash those files again, and let
    // `sha512:HEX` stand for the file's sha256 key.
    const alias = await sha512Aliases(index, subjects);
    for (const key of alias.keys()) wanted.add(key);
    const keyOf = (d: string): string => alias.get(d) ?? d;
    const verifier = typeof options.verifier === 'function' ? await options.verifier() : options.verifier;
    if (verifier.trustedRootSource !== undefined) {
      log.trustRoots = verifier.trustedRootSource;
      logger.info(`trust roots: ${verifier.trustedRootSource}`);
    }

    const { verified, invalid } = await verifyBundles(index, wanted, verifier, options, log);

    // Index the verified statements by the digests they (verifiably) name.
    const byDigest = new Map<string, Evidence[]>();
    for (const e of verified) {
      const keys = new Set([...indexDigests(e.statement)].filter((d) => wanted.has(d)).map(keyOf));
      for (const k of keys) byDigest.set(k, [...(byDigest.get(k) ?? []), e]);
    }
    const unreadable: RejectedEvidence[] = index.unreadable.map((u) => ({
      origin: u.origin,
      subjects: [],
      reason: u.reason,
      kind: 'unreadable',
    }));
    for (const s of subjects) {
      const look = lookups.get(s.digest);
      if (look?.failure) {
        // Not from a listed registry, or the registry lied or failed: refused on that alone.
        log.artefacts.push({
          digest: s.digest,
          ...(s.name ? { name: s.name } : {}),
          allowed: false,
          verifiedLevels: [],
          checks: [look.check],
          waivers: [],
          inputs: [],
        });
        logger.info(`refused: ${s.name ?? ''} sha256:${s.digest} (${look.check.reason})`);
        continue;
      }
      const evidence = (byDigest.get(s.digest) ?? []).sort((a, b) => a.origin.localeCompare(b.origin));
      const rejected: RejectedEvidence[] = [
        ...invalid.filter((r) => r.subjects.some((d) => keyOf(d) === s.digest)),
        ...index.unsigned
          .filter((u) => u.subjects.has(s.digest))
          .map((u): RejectedEvidence => ({ origin: u.origin, subjects: [s.digest], reason: 'unsigned', kind: 'unsigned' })),
        ...unreadable,
      ];
      const ev = evaluate({
        digest: s.digest,
        ...(s.name ? { name: s.name } : {}),
        environment,
        policy,
        evidence,
        rejected,
        otherBundles: index.bundles.length - evidence.length,
        now,
        ...(options.builder ? { builder: options.builder } : {}),
        ...(options.defaultBuilder ? { defaultBuilder: options.defaultBuilder } : {}),
        ...(options.githubEnvironment ? { githubEnvironment: options.githubEnvironment } : {}),
        ...(remediations ? { openRemediations: openRemediationsFor(remediations, `sha256:${s.digest}`) } : {}),
      });
      const checks = [...(look ? [look.check] : []), ...(apiCheck ? [apiCheck.check] : []), ...ev.checks];
      const allowed = ev.allowed && apiCheck?.status !== 'fail';
      log.artefacts.push({
        digest: s.digest,
        ...(s.name ? { name: s.name } : {}),
        allowed,
        ...(ev.run ? { run: ev.run } : {}),
        ...(ev.builder ? { builder: ev.builder } : {}),
        verifiedLevels: allowed ? ev.verifiedLevels : [],
        checks,
        waivers: ev.waivers,
        inputs: Object.values(ev.used).map((e) => `sha256:${e.bundleDigest}`),
      });
      logger.info(
        `${allowed ? 'admitted' : 'refused'}: ${s.name ?? ''} sha256:${s.digest} (${
          checks
            .filter((c) => c.status === 'fail')
            .map((c) => c.title)
            .join(', ') || 'every check passed'
        })`,
      );
    }
    log.allowed = log.artefacts.length > 0 && log.artefacts.every((a) => a.allowed);
  } catch (e: unknown) {
    // Fail closed: whatever went wrong, the answer is no, and the decision log says why.
    fatal = e;
    log.allowed = false;
    log.error = { code: isSecureFactoryError(e) ? e.code : 'INTERNAL', message: errorMessage(e) };
    log.artefacts = subjects.map((s) => cannotDecide(s, e));
    logger.error(`the gate could not decide: ${errorMessage(e)}`);
  }

  const written = await writeOutputs(options, subjects, log, outDir, now);
  fatal ??= written.signError;
  // A gate that could not decide (or could not reach its infrastructure) says so in its exit code.
  const exitCode = log.allowed
    ? EXIT.passed
    : fatal !== undefined || infra !== undefined
      ? exitCodeFor(fatal !== undefined ? fatal : infra)
      : EXIT.failed;
  const { signError: _ignored, ...paths } = written;
  void _ignored;
  return { allowed: log.allowed, exitCode, decision: log, summary: renderSummary(log, { decisionPath: paths.decisionPath }), ...paths };
}

/** Verifies each bundle that names a gated digest exactly once, and lists every input in the decision log. */
async function verifyBundles(
  index: EvidenceIndex,
  wanted: ReadonlySet<string>,
  verifier: EvidenceVerifier,
  options: GateOptions,
  log: DecisionLog,
): Promise<{ verified: Evidence[]; invalid: RejectedEvidence[] }> {
  const { logger } = options;
  // Verify each bundle that names a gated digest exactly once.
  const relevant = index.bundles.filter((b) => [...b.subjects].some((d) => wanted.has(d)));
  logger.info(`${index.bundles.length} bundle(s) found, ${relevant.length} name the ${wanted.size} artefact(s); verifying`);
  const verified: Evidence[] = [];
  const invalid: RejectedEvidence[] = [];
  await mapLimit(relevant, 8, async (b) => {
    const digest = [...b.subjects].find((d) => wanted.has(d)) as string;
    try {
      const v = await verifier.verify(b.bundle, digest);
      // A key the caller made for this run dates what it signed: nothing can be older than the key.
      const keyTime =
        v.signer.kind === 'key' && !v.trustedTime && options.keysCreatedAt
          ? { trustedTime: { time: options.keysCreatedAt, source: 'key' as const } }
          : {};
      verified.push({ ...v, ...keyTime, origin: b.origin, bundleDigest: b.bundleDigest });
    } catch (e: unknown) {
      if (isSecureFactoryError(e) && e.code === 'INFRASTRUCTURE') throw e;
      invalid.push({
        origin: b.origin,
        bundleDigest: b.bundleDigest,
        subjects: [...b.subjects],
        reason: errorMessage(e),
        kind: 'invalid',
      });
    }
  });
  for (const b of index.bundles) {
    const v = verified.find((x) => x.bundleDigest === b.bundleDigest);
    const bad = invalid.find((x) => x.bundleDigest === b.bundleDigest);
    log.inputs.push({
      origin: b.origin,
      digest: `sha256:${b.bundleDigest}`,
      ...(v ? { predicateType: v.statement.predicateType } : {}),
      status: v ? 'verified' : bad ? 'invalid' : 'other-digest',
      ...(bad ? { reason: bad.reason } : {}),
    });
  }
  for (const u of index.unsigned)
    log.inputs.push({
      origin: u.origin,
      digest: `sha256:${u.digest}`,
      status: 'unsigned',
      reason: 'a statement without a Sigstore bundle never counts',
    });
  for (const u of index.unreadable)
    log.inputs.push({ origin: u.origin, digest: u.digest ? `sha256:${u.digest}` : 'sha256:', status: 'unreadable', reason: u.reason });
  return { verified, invalid };
}

/** The refusal of one artefact when the gate could not decide at all (fail closed). */
function cannotDecide(s: GateSubject, e: unknown): ArtefactDecision {
  return {
    digest: s.digest,
    ...(s.name ? { name: s.name } : {}),
    allowed: false,
    verifiedLevels: [],
    checks: [
      {
        id: 'gate',
        title: 'gate',
        stage: 'gate',
        status: 'fail',
        reason: isSecureFactoryError(e) ? `${e.location ? `${formatLocation(e.location)}: ` : ''}${e.message}` : errorMessage(e),
        fix: isSecureFactoryError(e) && e.hint ? e.hint : 'fix the input and run the gate again',
      },
    ],
    waivers: [],
    inputs: [],
  };
}

async function fetchApi(
  options: GateOptions,
  subjects: readonly GateSubject[],
  index: EvidenceIndex,
  logger: Logger,
): Promise<{ status: 'pass' | 'fail'; check: Check; error?: unknown } | undefined> {
  if (!options.github) return undefined;
  try {
    const before = index.bundles.length;
    await fetchFromGitHub(
      options.github,
      subjects.map((s) => s.digest),
      index,
    );
    const n = index.bundles.length - before;
    logger.info(`GitHub attestations API: ${n} new bundle(s)`);
    return {
      status: 'pass',
      check: { id: 'attestations-api', title: 'GitHub attestations', stage: 'attest', status: 'pass', reason: `${n} bundle(s) fetched` },
    };
  } catch (e: unknown) {
    logger.error(errorMessage(e));
    return {
      status: 'fail',
      error: e,
      check: {
        id: 'attestations-api',
        title: 'GitHub attestations',
        stage: 'attest',
        status: 'fail',
        reason: `cannot fetch attestations: ${errorMessage(e)}`,
        fix: 'the gate does not decide on partial evidence; retry when the API is reachable',
      },
    };
  }
}

async function writeOutputs(
  options: GateOptions,
  subjects: readonly GateSubject[],
  log: DecisionLog,
  outDir: string,
  now: Date,
): Promise<Pick<GateResult, 'decisionPath' | 'vsaPath' | 'vsaBundlePath' | 'deploymentPaths'> & { signError?: unknown }> {
  const env = options.environment.toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  const key =
    subjects.length === 1
      ? (subjects[0] as GateSubject).digest.slice(0, 12)
      : sha256Hex(
          subjects
            .map((s) => s.digest)
            .sort()
            .join('\n'),
        ).slice(0, 12);
  const base = `gate-${env}-${key}`;
  const folder = new EvidenceFolder(outDir);
  let statement = vsaStatement(log);
  let vsaBundlePath: string | undefined;
  let signed = false;
  let signError: unknown;
  if (options.signStatement) {
    try {
      const bundle = await options.signStatement(statement);
      vsaBundlePath = folder.bundlePathFor(`${base}.vsa`);
      await writeJsonAtomic(vsaBundlePath, bundle);
      signed = true;
    } catch (e: unknown) {
      // An admission whose answer cannot be signed is no admission.
      options.logger.error(`cannot sign the VSA: ${errorMessage(e)}`);
      signError = e;
      log.allowed = false;
      log.error ??= { code: isSecureFactoryError(e) ? e.code : 'INTERNAL', message: `cannot sign the VSA: ${errorMessage(e)}` };
      // The VSA on disk says what the decision log says: FAILED, not the admission that could not be signed.
      statement = vsaStatement(log);
    }
  }
  const vsaPath = await folder.write(`${base}.vsa`, statement);
  log.vsa = {
    path: vsaPath,
    ...(vsaBundlePath ? { bundlePath: vsaBundlePath } : {}),
    sha256: sha256Hex(`${JSON.stringify(statement, null, 2)}\n`),
    signed,
  };
  const decisionPath = path.join(outDir, `${base}.decision.json`);
  let deploymentPaths: string[] = [];
  if (log.allowed && options.evidenceDir !== undefined && options.recordDeployment !== false) {
    deploymentPaths = await recordDeployments(options.evidenceDir, log, decisionPath, now);
  }
  await writeJsonAtomic(decisionPath, log);
  return {
    decisionPath,
    vsaPath,
    ...(vsaBundlePath ? { vsaBundlePath } : {}),
    deploymentPaths,
    ...(signError !== undefined ? { signError } : {}),
  };
}
