/**
 * The deploy policy over already-verified evidence: a pure function from (policy, environment,
 * evidence, now) to a list of checks. No I/O, no clock of its own — so every rule is unit-tested and
 * the same evidence always gets the same answer. Anything it cannot prove is a failed check.
 */
import {
  atLeast,
  defaultDeploy,
  deployPolicyFor,
  evaluateCelBoolean,
  formatDuration,
  humanAge,
  findWaiver,
  PREDICATE,
  TOOL_URI,
  errorMessage,
  type DeployPolicy,
  type EvidenceKind,
  type Exception,
  type Remediation,
  type WaiverSubject,
  type Policy,
  type ProvenancePredicate,
  type TestResultPredicate,
  type VsaPredicate,
  type VulnsPredicate,
} from '@secure-factory/core';
import { describeRun, globMatch, matchBuilder, runKeyOf, short } from './identity.js';
import { imagesIn, registryAllowed } from './images.js';
import { isolationCheck } from './isolation.js';
import type { Check, CheckStatus, Evidence, RejectedEvidence, Stage, WaiverUse } from './types.js';
import { vulnFindings, type VulnFinding } from './vulns.js';

export interface EvaluationInput {
  /** sha256 hex of the artefact. */
  digest: string;
  name?: string;
  environment: string;
  policy: Policy;
  /** Verified bundles whose statement names this digest. */
  evidence: readonly Evidence[];
  /** Bundles or statements naming this digest that do not count. */
  rejected: readonly RejectedEvidence[];
  /** How many verified bundles name other digests only (said when nothing names this one). */
  otherBundles?: number;
  now: Date;
  /** Overrides the policy's builder (`--certificate-identity`). */
  builder?: string;
  /** Used when neither `builder` nor the policy names one: the workflow the gate itself runs in (its OIDC token's job_workflow_ref). */
  defaultBuilder?: string;
  /** The GitHub environment of the deploying job, when the caller knows it. */
  githubEnvironment?: string;
  /** Open remediations the rescan loop recorded for this digest (core's remediations.json). */
  openRemediations?: readonly Remediation[];
}

export interface Evaluation {
  allowed: boolean;
  checks: Check[];
  waivers: WaiverUse[];
  verifiedLevels: string[];
  /** The bundles the decision rests on, one per evidence kind. */
  used: Partial<Record<EvidenceKind, Evidence>>;
  /** `run 8812 attempt 1, commit 4be1…9a0` of the provenance's run. */
  run?: string;
  /** The builder identity the evidence was held to, and where it came from. */
  builder?: { identity: string; from: 'option' | 'policy' | 'runner' };
}

/** The verifier id of the VSAs the gate writes. */
export const GATE_VERIFIER_ID = `${TOOL_URI}/gate-deploy`;

const KINDS: readonly EvidenceKind[] = ['provenance', 'source', 'sbom', 'vulnerabilities', 'tests'];
const CLOCK_SKEW_MS = 5 * 60_000;
/** Failed checks a waiver may cover by `rule:`; the chain itself (identity, signatures, same run) cannot be waived. */
const WAIVABLE_CHECKS = new Set(['registries', 'tests', 'database-age']);

export function kindOf(e: Pick<Evidence, 'statement'>): EvidenceKind | undefined {
  const t = e.statement.predicateType;
  if (t === PREDICATE.provenance) return 'provenance';
  if (t === PREDICATE.cyclonedx || t === PREDICATE.spdx) return 'sbom';
  if (t === PREDICATE.vulns) return 'vulnerabilities';
  if (t === PREDICATE.testResult) return 'tests';
  if (t === PREDICATE.vsa) {
    const p = e.statement.predicate as Partial<VsaPredicate>;
    const levels = p.verifiedLevels ?? [];
    // A source VSA (checkout-verify) speaks of source levels only, or says FAILED; the gate's own VSA is not source evidence.
    if (p.verifier?.id === GATE_VERIFIER_ID || levels.some((l) => l.startsWith('SLSA_BUILD_LEVEL_'))) return undefined;
    if (levels.length === 0 || levels.every((l) => l.startsWith('SLSA_SOURCE_LEVEL_') || l === 'FAILED')) return 'source';
  }
  return undefined;
}

export function timeLabel(e: Pick<Evidence, 'trustedTime'>): string {
  if (!e.trustedTime) return 'no trusted time';
  const t = e.trustedTime.time.toISOString().slice(0, 16).replace('T', ' ');
  const by = { tlog: 'Rekor', tsa: 'TSA', key: 'key made' }[e.trustedTime.source];
  return `${by} ${t} UTC`;
}

function newest(list: readonly Evidence[]): Evidence | undefined {
  return [...list].sort((a, b) => (b.trustedTime?.time.getTime() ?? 0) - (a.trustedTime?.time.getTime() ?? 0))[0];
}

export function evaluate(input: EvaluationInput): Evaluation {
  const { policy, environment, now } = input;
  const checks: Check[] = [];
  const add = (c: Check): void => void checks.push(c);
  // No deploy section at all: the built-in defaults. Some sections but not this one: a typo must not
  // silently trade the environment's own rules for the defaults, so that refuses.
  const noDeploySection = Object.keys(policy.deploy).length === 0;
  const deploy: DeployPolicy | undefined = deployPolicyFor(policy, environment) ?? (noDeploySection ? defaultDeploy() : undefined);
  if (noDeploySection) {
    add({
      id: 'environment',
      title: 'deploy policy',
      stage: 'gate',
      status: 'pass',
      reason: `no deploy section in ${policy.source.file}: the built-in defaults apply`,
    });
  }
  if (!deploy) {
    add({
      id: 'environment',
      title: 'deploy policy',
      stage: 'gate',
      status: 'fail',
      reason: `the policy has no deploy section for "${environment}"`,
      fix: `add deploy.${environment} to ${policy.source.file} (environments there: ${Object.keys(policy.deploy).join(', ') || 'none'})`,
    });
    return { allowed: false, checks, waivers: [], verifiedLevels: [], used: {} };
  }
  const required = new Set(deploy.require);
  const builder = input.builder ?? deploy.builder ?? input.defaultBuilder;

  // ---- signatures: every bundle naming this digest verified; unsigned statements never count ----
  const invalid = input.rejected.filter((r) => r.kind !== 'unsigned');
  const unsigned = input.rejected.filter((r) => r.kind === 'unsigned');
  if (invalid.length > 0) {
    add({
      id: 'signatures',
      title: 'signatures',
      stage: 'attest',
      status: 'fail',
      reason: `${invalid.length} bundle(s) naming this artefact do not verify: ${invalid.map((r) => `${r.origin}: ${r.reason}`).join('; ')}`,
      fix: 'remove the bundle or re-sign the evidence; a bundle that does not verify may have been tampered with',
    });
  } else if (input.evidence.length === 0) {
    const others = input.otherBundles ?? 0;
    add({
      id: 'signatures',
      title: 'signatures',
      stage: 'attest',
      status: 'fail',
      reason:
        `no signed evidence names sha256:${input.digest}` +
        (others > 0 ? ` (${others} bundle(s) found name other digests: is this the artefact that was built?)` : '') +
        (unsigned.length > 0 ? `; ${unsigned.length} unsigned statement(s) do not count` : ''),
      fix: 'gate the exact artefact the factory built, and sign its evidence with the attest stage',
    });
  } else {
    add({
      id: 'signatures',
      title: 'signatures',
      stage: 'attest',
      status: unsigned.length > 0 ? 'warn' : 'pass',
      reason:
        `${input.evidence.length} bundle(s) verified` +
        (unsigned.length > 0 ? `; ${unsigned.length} unsigned statement(s) ignored (${unsigned.map((u) => u.origin).join(', ')})` : ''),
      evidence: input.evidence.map((e) => kindOf(e) ?? e.statement.predicateType).join(', '),
    });
  }

  // ---- builder identity: every statement counts only when the factory's pinned workflow signed it ----
  const fromBuilder: Evidence[] = [];
  const wrongIdentity: string[] = [];
  for (const e of input.evidence) {
    const m = matchBuilder(e.signer, builder);
    if (m.ok) fromBuilder.push(e);
    else wrongIdentity.push(`${kindOf(e) ?? e.statement.predicateType}: ${m.reason}`);
  }
  const byKind = new Map<EvidenceKind, Evidence[]>();
  for (const e of fromBuilder) {
    const k = kindOf(e);
    if (k) byKind.set(k, [...(byKind.get(k) ?? []), e]);
  }

  // ---- same run: pick one run (the newest provenance's) and take every statement from it ----
  const provenances = byKind.get('provenance') ?? [];
  let anchor = newest(provenances);
  if (!anchor) {
    const counts = new Map<string, number>();
    for (const e of fromBuilder) counts.set(runKeyOf(e), (counts.get(runKeyOf(e)) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    anchor = fromBuilder.find((e) => runKeyOf(e) === top);
  }
  const anchorRun = anchor ? runKeyOf(anchor) : undefined;
  const used: Partial<Record<EvidenceKind, Evidence>> = {};
  const offRun: string[] = [];
  for (const k of KINDS) {
    const list = byKind.get(k) ?? [];
    const same = list.filter((e) => runKeyOf(e) === anchorRun);
    const chosen = newest(same) ?? (deploy.sameRun ? undefined : newest(list));
    if (chosen) used[k] = chosen;
    else if (list.length > 0) {
      // Evidence of this kind exists, but only from another run: it must not vouch for this artefact.
      offRun.push(`${k} comes from ${describeRun(list[0] as Evidence)}`);
      if (deploy.sameRun) used[k] = newest(list);
    }
  }

  const prov = used.provenance;
  if (required.has('provenance') || prov) {
    const seen = wrongIdentity.filter((w) => w.startsWith('provenance'));
    add(
      prov
        ? {
            id: 'builder',
            title: 'builder identity',
            stage: 'build',
            status: wrongIdentity.length > 0 ? 'warn' : 'pass',
            reason:
              (builderLabel(prov) ?? 'signed') +
              (wrongIdentity.length > 0 ? `; ignored ${wrongIdentity.length} bundle(s) by other signers: ${wrongIdentity.join('; ')}` : ''),
            evidence: `provenance, ${timeLabel(prov)}`,
          }
        : {
            id: 'builder',
            title: 'builder identity',
            stage: 'build',
            status: 'fail',
            reason:
              builder === undefined
                ? 'no builder identity is configured, so no provenance can be trusted'
                : seen.length > 0
                  ? seen.join('; ')
                  : `no provenance signed by ${builder}`,
            fix:
              builder === undefined
                ? `set deploy.${environment}.builder (e.g. OWNER/secure-factory/.github/workflows/secure-factory.yml@refs/tags/v1.3.0) in the policy, or the gate-deploy input builder (CLI: --certificate-identity)`
                : 'build with the factory workflow named in the policy, pinned by tag or commit SHA',
          },
    );
  } else if (wrongIdentity.length > 0) {
    add({
      id: 'builder',
      title: 'builder identity',
      stage: 'build',
      status: 'warn',
      reason: `ignored ${wrongIdentity.length} bundle(s) by other signers: ${wrongIdentity.join('; ')}`,
    });
  }

  // Isolation is evidence: the factory's provenance must say bubblewrap (isolation.ts).
  if (prov) {
    const isolation = isolationCheck(prov.statement.predicate, `provenance, ${timeLabel(prov)}`);
    if (isolation) add(isolation);
  }

  // Cross-checks between the certificate and what the statements say about the commit.
  const mismatches = [...offRun];
  if (anchor?.signer.kind === 'key') mismatches.push(...keyRunMismatches(prov, byKind.get('provenance') ?? []));
  if (anchor) {
    // A certificate names the run's commit; a key does not, so for key-signed evidence the signed
    // provenance's source commit is the run's, and every statement must agree with it.
    const commit =
      anchor.signer.kind === 'certificate' ? anchor.signer.identity.sourceRepositoryDigest : prov ? gitCommitsIn(prov)[0] : undefined;
    const provCommits = prov ? gitCommitsIn(prov) : [];
    if (commit && prov && provCommits.length > 0 && !provCommits.includes(commit)) {
      mismatches.push(`the provenance names commit ${short(provCommits[0] as string)}, its certificate ${short(commit)}`);
    }
    const src = used.source;
    if (commit && src) {
      const named = src.statement.subject.map((s) => s.digest.gitCommit).filter((c): c is string => typeof c === 'string');
      if (named.length > 0 && !named.includes(commit))
        mismatches.push(`the source VSA is about commit ${short(named[0] as string)}, the run built ${short(commit)}`);
    }
  }
  const usedList = Object.values(used);
  if (deploy.sameRun && usedList.length > 0) {
    add({
      id: 'same-run',
      title: 'same run',
      stage: 'attest',
      status: mismatches.length > 0 ? 'fail' : 'pass',
      reason: mismatches.length > 0 ? `evidence is mixed: ${mismatches.join('; ')}` : anchor ? describeRun(anchor) : 'one run',
      evidence: `${usedList.length} bundle(s)`,
      ...(mismatches.length > 0
        ? { fix: 'gate the artefact with the evidence of the run that built it; re-run the factory for a fresh, complete set' }
        : {}),
    });
  }

  // ---- waivers: scope digest × advisory|rule × environment, unexpired, within the maximum ----
  const waivers: WaiverUse[] = [];
  // The same waiver matching as the rescan loop (core's findWaiver), scoped to this digest and environment.
  const waiverFor = (subject: WaiverSubject): { ok: WaiverUse | undefined; expired: WaiverUse | undefined } => {
    const m = findWaiver(policy.exceptions, { ...subject, digest: `sha256:${input.digest}`, environment }, now, policy.exceptionMaxDays);
    const use = (hit: { index: number; exception: Exception }, state: WaiverUse['state']): WaiverUse => ({
      index: hit.index,
      scope: [hit.exception.advisory, hit.exception.rule, hit.exception.package].filter(Boolean).join(' '),
      reason: hit.exception.reason,
      approver: hit.exception.approver,
      expires: hit.exception.expires,
      state,
    });
    return { ok: m.active ? use(m.active, 'used') : undefined, expired: m.expired ? use(m.expired, 'expired') : undefined };
  };
  const noteWaiver = (w: WaiverUse): void => {
    if (!waivers.some((x) => x.index === w.index && x.state === w.state)) waivers.push(w);
  };

  // ---- source ----
  if (required.has('source') || used.source) {
    const src = used.source;
    if (!src) {
      add(missing('source', 'source VSA', 'source', 'run checkout-verify (the source stage) in the same run'));
    } else {
      const p = src.statement.predicate as Partial<VsaPredicate>;
      const level = Math.max(
        -1,
        ...(p.verifiedLevels ?? [])
          .map((l) => /^SLSA_SOURCE_LEVEL_([0-9]+)$/.exec(l)?.[1])
          .filter((x) => x !== undefined)
          .map(Number),
      );
      const ok = p.verificationResult === 'PASSED' && level >= deploy.sourceLevel;
      add({
        id: 'source',
        title: 'source level',
        stage: 'source',
        status: ok ? 'pass' : 'fail',
        reason:
          p.verificationResult !== 'PASSED'
            ? `the source verification ${p.verificationResult ?? 'has no result'}`
            : `SLSA Source level ${level < 0 ? 'none' : level}${ok ? '' : `, the policy needs ${deploy.sourceLevel}`}`,
        evidence: `source VSA, ${timeLabel(src)}`,
        ...(ok ? {} : { fix: 'meet the source requirements (signed commits, reviews, branch protection) and rebuild' }),
      });
    }
  }

  // ---- refs and environments: who may deploy here ----
  if (deploy.refs.length > 0) {
    const ref = anchor?.signer.kind === 'certificate' ? anchor.signer.identity.sourceRepositoryRef : undefined;
    const ok = ref !== undefined && deploy.refs.some((r) => globMatch(r, ref));
    add({
      id: 'refs',
      title: 'ref',
      stage: 'source',
      status: ok ? 'pass' : 'fail',
      reason:
        ref === undefined
          ? 'the evidence names no source ref (certificate extension 1.3.6.1.4.1.57264.1.14)'
          : `${ref}${ok ? '' : ` is not one of ${deploy.refs.join(', ')}`}`,
      ...(ok ? {} : { fix: `deploy to ${environment} from ${deploy.refs.join(' or ')}` }),
    });
  }
  if (deploy.environments.length > 0) {
    const env = (anchor?.signer.kind === 'certificate' ? anchor.signer.identity.environment : undefined) ?? input.githubEnvironment;
    const ok = env !== undefined && deploy.environments.includes(env);
    add({
      id: 'github-environment',
      title: 'GitHub environment',
      stage: 'gate',
      status: ok ? 'pass' : 'fail',
      reason:
        env === undefined
          ? 'the deploying job names no GitHub environment'
          : `${env}${ok ? '' : ` is not one of ${deploy.environments.join(', ')}`}`,
      ...(ok ? {} : { fix: `run the deploy job in the GitHub environment ${deploy.environments.join(' or ')}` }),
    });
  }

  // ---- SBOM ----
  if (required.has('sbom') || used.sbom) {
    add(
      used.sbom
        ? {
            id: 'sbom',
            title: 'SBOM',
            stage: 'materials',
            status: 'pass',
            reason: used.sbom.statement.predicateType === PREDICATE.spdx ? 'SPDX 2.3' : 'CycloneDX',
            evidence: timeLabel(used.sbom),
          }
        : missing('sbom', 'SBOM', 'materials', 'run scan-deps (the materials stage) in the same run'),
    );
  }

  // ---- vulnerabilities, scan age, database age ----
  const findings: VulnFinding[] = [];
  if (required.has('vulnerabilities') || used.vulnerabilities) {
    const scan = used.vulnerabilities;
    if (!scan) {
      add(missing('vulnerabilities', 'vulnerabilities', 'materials', 'run scan-deps (the materials stage) in the same run'));
    } else {
      const all = vulnFindings(scan.statement.predicate);
      findings.push(...all);
      const blocking: string[] = [];
      const waived: string[] = [];
      for (const f of all.filter((x) => atLeast(x.severity, deploy.blockSeverity))) {
        const ids = [f.id, ...f.aliases];
        const w = waiverFor({
          ids,
          ...(f.packageName ? { package: { name: f.packageName, ...(f.packageVersion ? { version: f.packageVersion } : {}) } } : {}),
        });
        const what = `${f.severity}: ${f.id}${f.package ? ` in ${f.package}` : ''}${f.fixed ? ` (fixed in ${f.fixed})` : ''}`;
        if (w.ok) {
          noteWaiver(w.ok);
          waived.push(`${f.id} waived by ${w.ok.approver} until ${w.ok.expires}`);
        } else if (w.expired) {
          noteWaiver(w.expired);
          blocking.push(`${what} — its waiver by ${w.expired.approver} expired ${w.expired.expires}`);
        } else blocking.push(what);
      }
      const p = scan.statement.predicate as Partial<VulnsPredicate>;
      const dbAge = p.scanner?.database?.lastUpdate ? now.getTime() - Date.parse(p.scanner.database.lastUpdate) : undefined;
      const scanAge = scan.trustedTime ? now.getTime() - scan.trustedTime.time.getTime() : undefined;
      const ageNote = `${scanAge !== undefined ? `scan ${humanAge(scanAge)} old` : 'scan time unknown'}${dbAge !== undefined && !Number.isNaN(dbAge) ? ` (DB ${humanAge(dbAge)} old)` : ''}`;
      add({
        id: 'vulnerabilities',
        title: 'vulnerabilities',
        stage: 'materials',
        status: blocking.length > 0 ? 'fail' : 'pass',
        reason:
          blocking.length > 0
            ? `${blocking.length} at or above ${deploy.blockSeverity}: ${blocking.join('; ')}`
            : `none at or above ${deploy.blockSeverity} (${all.length} reported${waived.length > 0 ? `, ${waived.join('; ')}` : ''})`,
        evidence: ageNote,
        ...(blocking.length > 0 ? { fix: 'upgrade, or add a waiver with an expiry' } : {}),
      });
      // Freshness is measured from the transparency log / timestamp authority, never from dates the statement claims.
      if (!scan.trustedTime) {
        add({
          id: 'scan-age',
          title: 'scan age',
          // The signing (attest) leaves the time out, not the scan.
          stage: 'attest',
          status: 'fail',
          reason: 'the scan bundle carries no transparency-log or timestamp time',
          fix: 'sign with a transparency log or a timestamp authority (attest inputs rekor-url or tsa-url)',
        });
      } else if (scanAge !== undefined && scanAge < -CLOCK_SKEW_MS) {
        add({
          id: 'scan-age',
          title: 'scan age',
          stage: 'materials',
          status: 'fail',
          reason: `the scan's trusted time ${timeLabel(scan)} is in the future`,
          fix: "check this machine's clock",
        });
      } else {
        const ok = (scanAge ?? Infinity) <= deploy.maxScanAgeMs;
        add({
          id: 'scan-age',
          title: 'scan age',
          stage: 'materials',
          status: ok ? 'pass' : 'fail',
          reason: `${humanAge(Math.max(0, scanAge ?? 0))} old by ${timeLabel(scan)}${ok ? '' : `; the limit is ${formatDuration(deploy.maxScanAgeMs)}`}`,
          ...(ok ? {} : { fix: 'rescan (run the factory again) and gate with the fresh evidence' }),
        });
      }
      const lastUpdate = p.scanner?.database?.lastUpdate;
      const dbTime = lastUpdate ? Date.parse(lastUpdate) : NaN;
      const scanTime = scan.trustedTime?.time.getTime();
      let dbCheck: Check;
      if (Number.isNaN(dbTime)) {
        dbCheck = {
          id: 'database-age',
          title: 'database age',
          stage: 'materials',
          status: 'fail',
          reason: 'the scan does not say when its vulnerability database was updated',
          fix: 'use a scanner that records scanner.database.lastUpdate',
        };
      } else if (scanTime !== undefined && dbTime > scanTime + CLOCK_SKEW_MS) {
        dbCheck = {
          id: 'database-age',
          title: 'database age',
          stage: 'materials',
          status: 'fail',
          reason: `the database claims an update (${lastUpdate}) after the scan was signed`,
          fix: 'the scan statement is inconsistent; rescan',
        };
      } else {
        const age = now.getTime() - dbTime;
        const ok = age <= deploy.maxDatabaseAgeMs;
        dbCheck = {
          id: 'database-age',
          title: 'database age',
          stage: 'materials',
          status: ok ? 'pass' : 'fail',
          reason: `${humanAge(Math.max(0, age))} old${ok ? '' : `; the limit is ${formatDuration(deploy.maxDatabaseAgeMs)}`}`,
          ...(ok ? {} : { fix: 'update the vulnerability database and rescan' }),
        };
      }
      add(waive(dbCheck, waiverFor, noteWaiver));
    }
  }

  // ---- the closed loop: advisories the rescan found in this deployed digest since it was built ----
  if ((input.openRemediations ?? []).length > 0) {
    const blocking: string[] = [];
    const waived: string[] = [];
    for (const r of input.openRemediations ?? []) {
      const w = waiverFor({ ids: [r.advisory, ...r.aliases], package: { name: r.package.name, version: r.package.version } });
      const what = `${r.severity}: ${r.advisory} in ${r.package.name}@${r.package.version}${r.fixedVersions.length > 0 ? ` (fixed in ${r.fixedVersions.join(', ')})` : ''}, found by the rescan ${r.firstSeen.slice(0, 10)}, deadline ${r.deadline}${Date.parse(r.deadline) < now.getTime() ? ' (passed)' : ''}`;
      if (w.ok) {
        noteWaiver(w.ok);
        waived.push(`${r.advisory} waived by ${w.ok.approver} until ${w.ok.expires}`);
      } else {
        if (w.expired) noteWaiver(w.expired);
        blocking.push(w.expired ? `${what} — its waiver by ${w.expired.approver} expired ${w.expired.expires}` : what);
      }
    }
    add({
      id: 'remediations',
      title: 'open remediations',
      stage: 'materials',
      status: blocking.length > 0 ? 'fail' : 'warn',
      reason: blocking.length > 0 ? blocking.join('; ') : waived.join('; '),
      evidence: 'remediations.json (rescan)',
      ...(blocking.length > 0 ? { fix: 'rebuild with the fixed versions, or add a waiver with an expiry' } : {}),
    });
  }

  // ---- tests ----
  if (required.has('tests') || used.tests) {
    const t = used.tests;
    if (!t) add(missing('tests', 'tests', 'build', 'record the test result in the build stage'));
    else {
      const p = t.statement.predicate as Partial<TestResultPredicate>;
      const ok = p.result === 'PASSED' || p.result === 'WARNED';
      add(
        waive(
          {
            id: 'tests',
            title: 'tests',
            stage: 'build',
            status: p.result === 'PASSED' ? 'pass' : ok ? 'warn' : 'fail',
            reason: `${p.result ?? 'no result'}${p.failedTests?.length ? `: ${p.failedTests.length} failed (${p.failedTests.slice(0, 5).join(', ')})` : ''}`,
            evidence: timeLabel(t),
            ...(ok ? {} : { fix: 'fix the failing tests and rebuild' }),
          },
          waiverFor,
          noteWaiver,
        ),
      );
    }
  }

  // ---- registries: images only from allowed registries, by digest ----
  const images = imagesIn([used.sbom, used.provenance].filter((e): e is Evidence => e !== undefined).map((e) => e.statement));
  if (images.length > 0 || deploy.registries.length > 0) {
    const pinnedPolicy = policy.materials.images.pinned;
    const bad: string[] = [];
    for (const img of images) {
      if (deploy.registries.length > 0 && !registryAllowed(img.repository, deploy.registries))
        bad.push(`${img.repository} is not from an allowed registry`);
      else if (pinnedPolicy === 'digest' && !img.pinned) bad.push(`${img.repository}:${img.version || 'latest'} is not pinned by digest`);
    }
    add(
      waive(
        {
          id: 'registries',
          title: 'image registries',
          stage: 'materials',
          status: bad.length > 0 ? 'fail' : 'pass',
          reason:
            bad.length > 0
              ? bad.join('; ')
              : images.length === 0
                ? 'no container images'
                : `${images.length} image(s), all ${deploy.registries.length > 0 ? `from ${deploy.registries.join(', ')}` : 'allowed'}${pinnedPolicy === 'digest' ? ', by digest' : ''}`,
          ...(bad.length > 0
            ? { fix: `use images from ${deploy.registries.join(', ') || 'an allowed registry'}, pinned by @sha256 digest` }
            : {}),
        },
        waiverFor,
        noteWaiver,
      ),
    );
  }

  // ---- CEL rules over the typed evidence ----
  if (deploy.rules.length > 0) {
    const context = celContext(input, used, findings);
    for (const rule of deploy.rules) {
      let status: CheckStatus;
      let reason: string;
      try {
        const ok = evaluateCelBoolean(rule.expression, context, rule.name);
        status = ok ? 'pass' : 'fail';
        reason = ok ? 'holds' : (rule.message ?? `${rule.expression} is false`);
      } catch (e: unknown) {
        // An error in a rule is a "no": the gate fails closed.
        status = 'fail';
        reason = errorMessage(e);
      }
      add(
        waive(
          {
            id: `rule:${rule.name}`,
            title: `rule ${rule.name}`,
            stage: 'gate',
            status,
            reason,
            ...(status === 'fail' ? { fix: 'meet the rule or waive it with an exception (rule: ' + rule.name + ')' } : {}),
          },
          waiverFor,
          noteWaiver,
        ),
      );
    }
  }

  if (waivers.length > 0) {
    const expired = waivers.filter((w) => w.state === 'expired');
    add({
      id: 'waivers',
      title: 'waivers',
      stage: 'gate',
      status: expired.length > 0 ? 'fail' : 'warn',
      reason: waivers
        .map((w) => `${w.scope} ${w.state === 'expired' ? 'EXPIRED' : 'waived'} by ${w.approver} until ${w.expires} (${w.reason})`)
        .join('; '),
      evidence: `policy sha256:${short(policy.source.sha256)}`,
      ...(expired.length > 0 ? { fix: 'fix what the expired waiver covered, or renew it with a new expiry and approver' } : {}),
    });
  }

  // Evidence that verified but was set aside for its signer is not "missing": say so, and point at the builder.
  for (const [i, c] of checks.entries()) {
    const rejected = wrongIdentity.filter((w) => w.startsWith(`${c.id}:`));
    if (c.status !== 'fail' || c.reason !== MISSING || rejected.length === 0) continue;
    checks[i] = {
      ...c,
      stage: 'gate',
      reason: `the ${c.title} verified, but not from the trusted builder (${rejected[0]?.slice(c.id.length + 2)})`,
      fix:
        builder === undefined
          ? `set deploy.${environment}.builder to the factory workflow that signs the evidence (or the gate-deploy input builder)`
          : 'sign the evidence with the factory workflow named in the policy (deploy.<env>.builder)',
    };
  }

  const allowed = checks.every((c) => c.status !== 'fail');
  return {
    allowed,
    checks,
    waivers,
    verifiedLevels: allowed ? levels(used, builder) : [],
    used,
    ...(anchor ? { run: describeRun(anchor) } : {}),
    ...(builder !== undefined
      ? {
          builder: { identity: builder, from: input.builder !== undefined ? 'option' : deploy.builder !== undefined ? 'policy' : 'runner' },
        }
      : {}),
  };
}

const MISSING = 'no signed evidence of this kind for this artefact';

function missing(id: string, title: string, stage: Stage, fix: string): Check {
  return { id, title, stage, status: 'fail', reason: MISSING, fix };
}

/** A failed waivable check passes (as a warning) when an unexpired waiver covers its rule id. */
function waive(
  check: Check,
  waiverFor: (subject: WaiverSubject) => { ok: WaiverUse | undefined; expired: WaiverUse | undefined },
  note: (w: WaiverUse) => void,
): Check {
  if (check.status !== 'fail') return check;
  if (!WAIVABLE_CHECKS.has(check.id) && !check.id.startsWith('rule:')) return check;
  const name = check.id.startsWith('rule:') ? check.id.slice(5) : check.id;
  const byName = waiverFor({ rule: name });
  const w = byName.ok || byName.expired ? byName : waiverFor({ rule: check.id });
  if (w.ok) {
    note(w.ok);
    return { ...check, status: 'warn', reason: `${check.reason} — waived by ${w.ok.approver} until ${w.ok.expires}` };
  }
  if (w.expired) {
    note(w.expired);
    return { ...check, reason: `${check.reason} — its waiver by ${w.expired.approver} expired ${w.expired.expires}` };
  }
  return check;
}

function builderLabel(e: Evidence): string | undefined {
  if (e.signer.kind === 'key') return `key ${e.signer.keyId}`;
  return e.signer.identity.buildSignerUri?.replace(/^https:\/\/github\.com\//, '');
}

/**
 * Key-signed evidence is one run only when its signed statements say so: every provenance from the
 * key must name the same run (invocation id) and the same source commit as the one in use.
 */
function keyRunMismatches(prov: Evidence | undefined, provenances: readonly Evidence[]): string[] {
  if (!prov) return [];
  const runOf = (e: Evidence): string | undefined => {
    const id = (e.statement.predicate as Partial<ProvenancePredicate>).runDetails?.metadata?.invocationId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  };
  const out: string[] = [];
  const run = runOf(prov);
  const commit = gitCommitsIn(prov)[0];
  for (const other of provenances) {
    if (other === prov || other.signer.kind !== 'key' || prov.signer.kind !== 'key' || other.signer.keyId !== prov.signer.keyId) continue;
    const otherRun = runOf(other);
    const otherCommit = gitCommitsIn(other)[0];
    if (otherRun !== run) out.push(`key-signed provenances name different runs (${run ?? 'none'}, ${otherRun ?? 'none'})`);
    else if (otherCommit !== commit)
      out.push(`key-signed provenances name different commits (${short(commit ?? 'none')}, ${short(otherCommit ?? 'none')})`);
  }
  return out;
}

function gitCommitsIn(e: Evidence): string[] {
  const p = e.statement.predicate as Partial<ProvenancePredicate>;
  const out: string[] = [];
  for (const d of p.buildDefinition?.resolvedDependencies ?? []) {
    const c = d.digest?.gitCommit ?? d.digest?.sha1;
    if (typeof c === 'string' && /^[0-9a-f]{40}$/.test(c)) out.push(c);
  }
  return out;
}

/** SLSA levels the gate can vouch for: Build L3 for a pinned reusable workflow with a Fulcio identity. */
function levels(used: Partial<Record<EvidenceKind, Evidence>>, builder: string | undefined): string[] {
  const out: string[] = [];
  const prov = used.provenance;
  // Build L3 needs the signing identity isolated from the build: a reusable workflow (Build Signer URI)
  // other than the caller's own (Build Config URI). One job of the caller's workflow (the composite
  // action) signs with its own identity: L2.
  const isolated =
    prov?.signer.kind === 'certificate' &&
    prov.signer.identity.buildSignerUri !== undefined &&
    prov.signer.identity.buildSignerUri !== prov.signer.identity.buildConfigUri;
  if (prov && builder !== undefined) out.push(isolated ? 'SLSA_BUILD_LEVEL_3' : 'SLSA_BUILD_LEVEL_2');
  const src = used.source;
  if (src) {
    const lv = ((src.statement.predicate as Partial<VsaPredicate>).verifiedLevels ?? []).filter((l) =>
      /^SLSA_SOURCE_LEVEL_[0-9]+$/.test(l),
    );
    const max = lv.sort().at(-1);
    if (max) out.push(max);
  }
  return out;
}

/** The typed input CEL rules see. */
export function celContext(
  input: EvaluationInput,
  used: Partial<Record<EvidenceKind, Evidence>>,
  findings: readonly VulnFinding[],
): Record<string, unknown> {
  const pred = (k: EvidenceKind): unknown => used[k]?.statement.predicate ?? null;
  const prov = used.provenance;
  return {
    subject: { digest: `sha256:${input.digest}`, name: input.name ?? '' },
    environment: input.environment,
    now: input.now.toISOString(),
    provenance: pred('provenance'),
    source: pred('source'),
    sbom: pred('sbom'),
    vulns: pred('vulnerabilities'),
    tests: pred('tests'),
    identity: prov?.signer.kind === 'certificate' ? { ...prov.signer.identity } : {},
    findings: findings.map((f) => ({ id: f.id, severity: f.severity, package: f.package ?? '', fixed: f.fixed ?? '' })),
    statements: Object.entries(used).map(([kind, e]) => ({
      kind,
      predicateType: e.statement.predicateType,
      subjectCount: e.statement.subject.length,
      trustedTime: e.trustedTime?.time.toISOString() ?? '',
    })),
  };
}
