/**
 * The remediation clock on trusted time. Every state change of a remediation — opened, updated,
 * waived, stopped, overdue — is an in-toto statement (`remediation-event/v1`) signed into a Sigstore
 * bundle with an RFC 3161 timestamp from a timestamp authority, and written atomically to
 * `<state>/remediation-events/` (the evidence branch in CI). The 24-hour clock is computed from those
 * timestamps only:
 * - a remediation's clock starts at the TSA time of the event that opened it; its deadline is 24 hours later;
 * - "now" is the TSA time of this run's own signature (an event, or a `checked` statement when nothing
 *   changed but something is open); the local clock is never used for a deadline;
 * - the events of one remediation form a chain (sequence numbers and the previous bundle's sha256), so
 *   an altered, reordered or removed event is refused, as is a bundle that does not verify or carries
 *   no trusted timestamp, any unsigned file in the folder, and a `remediations.json` whose entry has no
 *   signed event or a deadline the signed events do not give.
 * `remediations.json` stays as the gate's and the issues' view; it is rewritten from the signed events.
 */
import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  ConfigurationError,
  filesystemInputError,
  makeStatement,
  readRegularFile,
  readRemediations,
  REMEDIATION_EVENT_PREDICATE,
  sha256Hex,
  validateStatement,
  writeFileAtomic,
  type Logger,
  type Remediation,
  type RemediationEventKind,
  type RemediationEventPredicate,
  type RemediationState,
} from '@secure-factory/core';
import type { SerializedBundle } from '@secure-factory/attest';
import type { BundleVerifier, VerifyPolicy } from '@secure-factory/verify';
import { reconcile, REMEDIATION_WINDOW_MS, type Reconciled, type RescanMatch } from './remediation.js';

export const EVENTS_DIR = 'remediation-events';
const BUNDLE_SUFFIX = '.sigstore.json';
const MAX_EVENT_BYTES = 4 * 1024 * 1024;

/** How state changes are signed and checked. */
export interface TrustedClock {
  /** A DSSE bundle over the statement's bytes, with an RFC 3161 timestamp (the attest signing pipeline with a TSA). */
  sign(payload: Buffer): Promise<SerializedBundle>;
  /** Verifies bundles against the TSA's trust root and the signer's key or identity. */
  verifier: BundleVerifier;
  /** The signer the events must come from (certificate identity); key-signed bundles: the verifier's keys. */
  policy?: VerifyPolicy;
  /** Who keeps this clock: `owner/repo` (recorded in every event). */
  scope: string;
}

export interface SignedEvent {
  file: string;
  /** sha256 of the bundle file's bytes (what the next event names as `previous`). */
  digest: string;
  predicate: RemediationEventPredicate;
  /** The TSA's time: the only time this event has. */
  time: Date;
}

/** The verified event log of one state folder: per remediation key its chain, plus the `checked` statements. */
export interface EventLog {
  chains: Map<string, SignedEvent[]>;
  checked: SignedEvent[];
}

const remediationKey = (r: { advisory: string; package: { ecosystem: string; name: string } }): string =>
  `${r.advisory}/${r.package.ecosystem}/${r.package.name}`;
const keyHash = (key: string): string => sha256Hex(key).slice(0, 16);
const eventsDir = (stateDir: string): string => path.join(stateDir, EVENTS_DIR);

function refused(message: string, file?: string): ConfigurationError {
  return new ConfigurationError(message, {
    ...(file ? { location: { file } } : {}),
    hint: 'the remediation clock is evidence: restore the state folder from the evidence branch (its git history keeps every signed event); never edit it by hand',
  });
}

/** Whether a state folder keeps its clock with signed events (a run without a trusted clock must then refuse it). */
export async function hasSignedClock(stateDir: string): Promise<boolean> {
  try {
    return (await readdir(eventsDir(stateDir))).length > 0;
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

/** The statement inside a DSSE bundle, unverified: only to learn which subject digest to verify against. */
function payloadOf(bundle: unknown): { subject?: { digest?: Record<string, string> }[] } | undefined {
  const env = (bundle as { dsseEnvelope?: { payload?: unknown } } | undefined)?.dsseEnvelope;
  if (typeof env?.payload !== 'string') return undefined;
  try {
    return JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as { subject?: { digest?: Record<string, string> }[] };
  } catch {
    return undefined;
  }
}

/** Reads and verifies every event of a state folder; refuses anything unsigned, untimestamped, altered or out of chain. */
export async function readEventLog(stateDir: string, clock: TrustedClock): Promise<EventLog> {
  const dir = eventsDir(stateDir);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { chains: new Map(), checked: [] };
    throw e;
  }
  const chains = new Map<string, SignedEvent[]>();
  const checked: SignedEvent[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if (name.startsWith('.')) continue; // an atomic write's temporary file
    if (!name.endsWith(BUNDLE_SUFFIX))
      throw refused(`${EVENTS_DIR}/${name} is not a signed event (a Sigstore bundle): unsigned state is refused`, file);
    const bytes = await readRegularFile(file, { maxBytes: MAX_EVENT_BYTES, what: 'remediation event' });
    let bundle: unknown;
    try {
      bundle = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw refused(`${EVENTS_DIR}/${name} is not JSON: the signed state was altered; refused`, file);
    }
    const sha = payloadOf(bundle)?.subject?.[0]?.digest?.sha256;
    if (typeof sha !== 'string' || !/^[0-9a-f]{64}$/.test(sha))
      throw refused(`${EVENTS_DIR}/${name} holds no in-toto statement with a sha256 subject: refused`, file);
    const v = clock.verifier.verify(
      bundle,
      { kind: 'digest', algorithm: 'sha256', hex: sha, sha256: sha },
      { ...clock.policy, requireStatement: true },
    );
    if (!v.ok)
      throw refused(`${EVENTS_DIR}/${name} does not verify (${v.code}: ${v.reason}): a signed state change was altered; refused`, file);
    const tsa = v.witnessed.filter((w) => w.source === 'tsa').map((w) => w.time);
    if (tsa.length === 0)
      throw refused(
        `${EVENTS_DIR}/${name} carries no RFC 3161 timestamp from a trusted timestamp authority: its time cannot be trusted; refused`,
        file,
      );
    if (v.statement?.predicateType !== REMEDIATION_EVENT_PREDICATE)
      throw refused(`${EVENTS_DIR}/${name} is not a remediation event (${String(v.statement?.predicateType)}); refused`, file);
    const predicate = v.statement.predicate as unknown as RemediationEventPredicate;
    // Several timestamps: the earliest is the one that bounds when the signature existed.
    const event: SignedEvent = {
      file,
      digest: `sha256:${sha256Hex(bytes)}`,
      predicate,
      time: new Date(Math.min(...tsa.map((t) => t.getTime()))),
    };
    if (predicate.event === 'checked') {
      checked.push(event);
      continue;
    }
    if (!predicate.remediation) throw refused(`${EVENTS_DIR}/${name} names no remediation; refused`, file);
    const key = remediationKey(predicate.remediation);
    chains.set(key, [...(chains.get(key) ?? []), event]);
  }
  for (const [key, events] of chains) {
    events.sort((a, b) => a.predicate.sequence - b.predicate.sequence);
    events.forEach((e, i) => {
      const where = `${EVENTS_DIR}/${path.basename(e.file)} (${key}, event ${e.predicate.sequence})`;
      if (e.predicate.sequence !== i + 1)
        throw refused(`${where}: the events of ${key} are not numbered 1..${events.length}: one was removed or added; refused`, e.file);
      const prev = events[i - 1];
      if (prev && e.predicate.previous !== prev.digest)
        throw refused(`${where} does not follow event ${prev.predicate.sequence}: an event was replaced or reordered; refused`, e.file);
      if (!prev && e.predicate.previous !== undefined)
        throw refused(`${where} names a previous event where there is none; refused`, e.file);
      if (prev && e.time.getTime() < prev.time.getTime())
        throw refused(`${where} was timestamped before the event it follows; refused`, e.file);
    });
  }
  return { chains, checked };
}

/** Where the clock of a chain stands: the start of its current episode (after the last `stopped`), its last state. */
function episode(events: readonly SignedEvent[]): { start: SignedEvent; last: SignedEvent; overdueSigned: boolean } {
  let startIndex = 0;
  events.forEach((e, i) => {
    if (e.predicate.event === 'stopped' && i + 1 < events.length) startIndex = i + 1;
  });
  const current = events.slice(startIndex);
  return {
    start: current[0] as SignedEvent,
    last: current[current.length - 1] as SignedEvent,
    overdueSigned: current.some((e) => e.predicate.event === 'overdue'),
  };
}

/** The remediation state the signed events give (times from the TSA only); issue numbers taken from remediations.json. */
export function stateFromLog(log: EventLog, json: RemediationState): RemediationState {
  const remediations: Remediation[] = [];
  for (const [key, events] of log.chains) {
    const { start, last } = episode(events);
    const r = last.predicate.remediation as NonNullable<RemediationEventPredicate['remediation']>;
    const issue = json.remediations.find((x) => remediationKey(x) === key)?.issue;
    remediations.push({
      advisory: r.advisory,
      aliases: r.aliases,
      package: r.package,
      severity: r.severity,
      fixedVersions: r.fixedVersions,
      digests: r.digests,
      environments: r.environments,
      firstSeen: start.time.toISOString(),
      deadline: new Date(start.time.getTime() + REMEDIATION_WINDOW_MS).toISOString(),
      status: last.predicate.event === 'stopped' ? 'resolved' : r.status,
      ...(last.predicate.event === 'stopped' ? { resolvedAt: last.time.toISOString() } : {}),
      ...(issue ? { issue } : {}),
    });
  }
  const times = [...log.chains.values()]
    .flat()
    .concat(log.checked)
    .map((e) => e.time.getTime());
  return {
    apiVersion: 'secure-factory/remediations/v1',
    updated: new Date(times.length ? Math.max(...times) : 0).toISOString(),
    remediations: remediations.sort((a, b) => a.advisory.localeCompare(b.advisory) || a.package.name.localeCompare(b.package.name)),
  };
}

/** Refuses a remediations.json that claims what the signed events do not: an entry without events, another deadline. */
export function checkStateFile(json: RemediationState, signed: RemediationState, file: string): void {
  for (const r of json.remediations) {
    if (r.status === 'resolved') continue;
    const s = signed.remediations.find((x) => remediationKey(x) === remediationKey(r));
    if (!s)
      throw refused(
        `remediations.json holds ${remediationKey(r)} (${r.status}), which no signed event records: unsigned state is refused`,
        file,
      );
    if (s.firstSeen !== r.firstSeen || s.deadline !== r.deadline)
      throw refused(
        `remediations.json gives ${remediationKey(r)} the deadline ${r.deadline}, but its signed events (timestamped by the TSA) give ${s.deadline}: the state file was altered; refused`,
        file,
      );
  }
}

/** The previous state for a run: from the verified events, with remediations.json checked against them. */
export async function readTrustedState(stateDir: string, clock: TrustedClock): Promise<{ state: RemediationState; log: EventLog }> {
  const log = await readEventLog(stateDir, clock);
  const json = await readRemediations(stateDir);
  const state = stateFromLog(log, json);
  checkStateFile(json, state, path.join(stateDir, 'remediations.json'));
  return { state, log };
}

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function changeOf(prev: Remediation | undefined, next: Remediation): RemediationEventKind | undefined {
  if (!prev || prev.status === 'resolved') return next.status === 'waived' ? 'waived' : 'opened';
  if (prev.status !== next.status) return next.status === 'waived' ? 'waived' : next.status === 'resolved' ? 'stopped' : 'updated';
  const changed =
    !same(prev.digests, next.digests) ||
    !same(prev.environments, next.environments) ||
    !same(prev.fixedVersions, next.fixedVersions) ||
    prev.severity !== next.severity ||
    prev.package.version !== next.package.version;
  return changed ? 'updated' : undefined;
}

export interface TrustedReconciled extends Reconciled {
  /** The TSA time of this run's own signature; undefined when nothing was open and nothing changed. */
  trustedNow?: Date;
  /** Bundles written by this run. */
  events: string[];
}

/**
 * Reconciles the matches with the signed state and signs every change. `localNow` only orders work and
 * is recorded as `requestedAt`; deadlines, "now" and overdue come from the TSA's timestamps.
 */
export async function reconcileOnTrustedTime(
  stateDir: string,
  previous: { state: RemediationState; log: EventLog },
  matches: readonly RescanMatch[],
  localNow: Date,
  clock: TrustedClock,
  logger: Logger,
): Promise<TrustedReconciled> {
  const result = reconcile(previous.state, matches, localNow);
  const before = new Map(previous.state.remediations.map((r) => [remediationKey(r), r]));
  const chains = new Map([...previous.log.chains].map(([k, v]) => [k, [...v]]));
  const events: string[] = [];
  let trustedNow: Date | undefined;

  const write = async (
    name: string,
    predicate: RemediationEventPredicate,
    subject: { name: string; sha: string },
  ): Promise<SignedEvent> => {
    const statement = makeStatement([{ name: subject.name, digest: { sha256: subject.sha } }], REMEDIATION_EVENT_PREDICATE, predicate);
    const problems = validateStatement(statement);
    if (problems.length > 0) throw new Error(`internal error: a remediation event is not valid: ${problems.join('; ')}`);
    const bundle = await clock.sign(Buffer.from(JSON.stringify(statement)));
    const text = `${JSON.stringify(bundle)}\n`;
    // Read back through the verifier: the time is the TSA's as verified, never what the signer returned.
    const v = clock.verifier.verify(
      bundle,
      { kind: 'digest', algorithm: 'sha256', hex: subject.sha, sha256: subject.sha },
      { ...clock.policy, requireStatement: true },
    );
    if (!v.ok)
      throw new ConfigurationError(`the remediation event just signed does not verify (${v.code}: ${v.reason})`, {
        hint: 'check the clock key and the TSA trust root given to the rescan',
      });
    const tsa = v.witnessed.filter((w) => w.source === 'tsa').map((w) => w.time.getTime());
    if (tsa.length === 0)
      throw new ConfigurationError('the remediation event was signed without an RFC 3161 timestamp from a trusted TSA', {
        hint: 'give the rescan a timestamp authority (--tsa-url) and its trust root (--trusted-root)',
      });
    const file = path.join(eventsDir(stateDir), name);
    await writeFileAtomic(file, text);
    events.push(file);
    const time = new Date(Math.min(...tsa));
    if (!trustedNow || time > trustedNow) trustedNow = time;
    return { file, digest: `sha256:${sha256Hex(text)}`, predicate, time };
  };

  const sign = async (r: Remediation, event: RemediationEventKind): Promise<SignedEvent> => {
    const key = remediationKey(r);
    const chain = chains.get(key) ?? [];
    const last = chain[chain.length - 1];
    const predicate: RemediationEventPredicate = {
      event,
      scope: clock.scope,
      remediation: {
        advisory: r.advisory,
        aliases: r.aliases,
        package: r.package,
        severity: r.severity,
        fixedVersions: r.fixedVersions,
        digests: r.digests,
        environments: r.environments,
        status: r.status,
      },
      ...(last ? { previous: last.digest } : {}),
      sequence: chain.length + 1,
      requestedAt: localNow.toISOString(),
    };
    const e = await write(`${keyHash(key)}-${String(chain.length + 1).padStart(4, '0')}-${event}${BUNDLE_SUFFIX}`, predicate, {
      name: `remediation/${key}`,
      sha: sha256Hex(key),
    });
    chains.set(key, [...chain, e]);
    return e;
  };

  for (const r of result.state.remediations) {
    const event = changeOf(before.get(remediationKey(r)), r);
    if (!event) continue;
    const e = await sign(r, event);
    const { start } = episode(chains.get(remediationKey(r)) ?? [e]);
    r.firstSeen = start.time.toISOString();
    r.deadline = new Date(start.time.getTime() + REMEDIATION_WINDOW_MS).toISOString();
    if (event === 'stopped') r.resolvedAt = e.time.toISOString();
    logger.info(`${clock.scope}: ${remediationKey(r)} ${event} at ${e.time.toISOString()} (TSA time)`);
  }
  const open = result.state.remediations.filter((r) => r.status === 'open');
  if (!trustedNow && open.length > 0) {
    const keys = open.map(remediationKey).sort();
    const requestedAt = localNow.toISOString();
    await write(
      `checked-${requestedAt.replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}${BUNDLE_SUFFIX}`,
      { event: 'checked', scope: clock.scope, open: keys, sequence: 1, requestedAt },
      { name: `rescan/${clock.scope}`, sha: sha256Hex(JSON.stringify({ scope: clock.scope, keys, requestedAt })) },
    );
  }
  const now = trustedNow;
  const overdue = now ? open.filter((r) => Date.parse(r.deadline) <= now.getTime()) : [];
  for (const r of overdue) {
    if (episode(chains.get(remediationKey(r)) ?? []).overdueSigned) continue;
    await sign(r, 'overdue');
  }
  // opened/stillOpen/resolved hold the same objects as the state: the signed times above are theirs too.
  return {
    state: { ...result.state, updated: (now ?? new Date(previous.state.updated)).toISOString() },
    opened: result.opened,
    stillOpen: result.stillOpen,
    resolved: result.resolved,
    overdue,
    ...(now ? { trustedNow: now } : {}),
    events,
  };
}

/** The state a run starts from: verified signed events with `clock`; the plain file otherwise (never a signed folder read unverified). */
export async function readClockState(
  stateDir: string,
  clock: TrustedClock | undefined,
): Promise<{ state: RemediationState; log?: EventLog }> {
  // The state folder may not exist yet (a first run); anything else than a folder is an input error.
  const st = await stat(stateDir).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw filesystemInputError(e, stateDir) ?? e;
  });
  if (st && !st.isDirectory())
    throw new ConfigurationError('the remediation state folder is not a folder', {
      location: { file: stateDir },
      hint: "--state names the folder that keeps remediations.json (default: the first evidence folder's deployments/)",
    });
  if (clock) return readTrustedState(stateDir, clock);
  if (await hasSignedClock(stateDir))
    throw new ConfigurationError(`${stateDir} keeps its remediation clock with signed events, and no trusted clock was given`, {
      hint: 'pass --clock-key, --tsa-url and --trusted-root: once the clock is signed it is never read on the local time',
    });
  return { state: await readRemediations(stateDir) };
}

/** Moves the clock: signed (TSA time) with `clock`, on the local time otherwise. */
export async function advanceClock(
  stateDir: string,
  previous: { state: RemediationState; log?: EventLog },
  matches: readonly RescanMatch[],
  now: Date,
  clock: TrustedClock | undefined,
  logger: Logger,
): Promise<TrustedReconciled> {
  if (!clock) return { ...reconcile(previous.state, matches, now), events: [] };
  return reconcileOnTrustedTime(
    stateDir,
    { state: previous.state, log: previous.log ?? (await readEventLog(stateDir, clock)) },
    matches,
    now,
    clock,
    logger,
  );
}

/**
 * Matches that hold every unresolved remediation as it is (nothing opens, updates or stops): for a
 * repository that cannot be rescanned, so that advancing the clock only signs its "now" and any overdue.
 */
export function holdAsIs(state: RemediationState): RescanMatch[] {
  return state.remediations
    .filter((r) => r.status !== 'resolved')
    .flatMap((r) =>
      r.digests.flatMap((digest) =>
        r.environments.map((environment) => ({
          advisory: r.advisory,
          aliases: r.aliases,
          package: r.package,
          severity: r.severity,
          fixedVersions: r.fixedVersions,
          digest,
          environment,
          waived: r.status === 'waived',
        })),
      ),
    );
}
