/**
 * Trust material. By default two Sigstore instances, chosen per bundle by the certificate chain:
 * the public-good instance (Fulcio, Rekor, CT logs, TSA) and GitHub's (Fulcio at fulcio.githubapp.com
 * and a TSA, no transparency or CT log), each refreshed over TUF with @sigstore/tuf when online
 * (cached; TUF honours every metadata expiry) and otherwise taken from the snapshot shipped with the
 * tool, whose age is reported. A `--trusted-root FILE` replaces both. Built once per process.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, InfrastructureError, decodeUtf8, humanAge, readJsonFile, readRegularFile } from '@secure-factory/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { GITHUB_TRUSTED_ROOT, GITHUB_TRUSTED_ROOT_SNAPSHOT_DATE, GITHUB_TRUSTED_ROOT_SOURCE } from '../trust/github-trusted-root.js';
import { GITHUB_TUF_MIRROR, GITHUB_TUF_ROOT } from '../trust/github-tuf-root.js';
import { PUBLIC_GOOD_TRUSTED_ROOT, PUBLIC_GOOD_TRUSTED_ROOT_SOURCE } from '../trust/public-good-trusted-root.js';

export type TrustInstance = 'public-good' | 'github' | 'file';

export interface LoadedTrustedRoot {
  root: TrustedRoot;
  /** Where it came from: a file, TUF, or the snapshot shipped with the tool (and its age). */
  source: string;
  /** Which Sigstore instance; `file` for a --trusted-root, which then is the only root. */
  instance?: TrustInstance;
  /** Further instances a bundle may chain to (GitHub's beside public-good); none for a file. */
  companions?: LoadedTrustedRoot[];
}

export function parseTrustedRoot(json: unknown, source: string): LoadedTrustedRoot {
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    throw new ConfigurationError('a trusted root must be a JSON object', { location: { file: source } });
  }
  const media = (json as { mediaType?: unknown }).mediaType;
  if (typeof media !== 'string' || !media.startsWith('application/vnd.dev.sigstore.trustedroot')) {
    throw new ConfigurationError(`not a Sigstore trusted root (mediaType ${JSON.stringify(media)})`, { location: { file: source } });
  }
  const missing = missingValidityStarts(json as Record<string, unknown>);
  if (missing.length > 0) {
    // A missing bound must not widen trust to "always" (sigstore-conformance
    // trust-root-tlog-missing-validity-start): the spec makes `start` required.
    throw new ConfigurationError(
      `the trusted root is malformed: ${missing.join(', ')} ha${missing.length === 1 ? 's' : 've'} no validFor.start`,
      {
        location: { file: source },
      },
    );
  }
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(json);
  } catch (e: unknown) {
    throw new ConfigurationError(`the trusted root cannot be read: ${e instanceof Error ? e.message : String(e)}`, {
      location: { file: source },
      cause: e,
    });
  }
  return { root, source };
}

function missingValidityStarts(json: Record<string, unknown>): string[] {
  const out: string[] = [];
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  const hasStart = (v: unknown): boolean => typeof (v as { start?: unknown } | undefined)?.start === 'string';
  for (const field of ['tlogs', 'ctlogs'] as const) {
    list(json[field]).forEach((log, i) => {
      if (!hasStart((log.publicKey as { validFor?: unknown } | undefined)?.validFor)) out.push(`${field}[${i}].publicKey`);
    });
  }
  for (const field of ['certificateAuthorities', 'timestampAuthorities'] as const) {
    list(json[field]).forEach((ca, i) => {
      if (!hasStart(ca.validFor)) out.push(`${field}[${i}]`);
    });
  }
  return out;
}

/** The shipped public-good snapshot alone (tests, and the base of the default set). */
export function publicGoodTrustedRoot(): LoadedTrustedRoot {
  return { ...parseTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT, PUBLIC_GOOD_TRUSTED_ROOT_SOURCE), instance: 'public-good' };
}

/** The shipped GitHub snapshot alone. */
export function githubTrustedRoot(now: Date = new Date()): LoadedTrustedRoot {
  const age = now.getTime() - Date.parse(GITHUB_TRUSTED_ROOT_SNAPSHOT_DATE);
  return {
    ...parseTrustedRoot(GITHUB_TRUSTED_ROOT, `${GITHUB_TRUSTED_ROOT_SOURCE}, ${humanAge(Math.max(0, age))} old`),
    instance: 'github',
  };
}

/** The default set offline: public-good with GitHub's instance beside it, both from the shipped snapshots. */
export function embeddedTrustedRoots(now: Date = new Date()): LoadedTrustedRoot {
  const pg = publicGoodTrustedRoot();
  const gh = githubTrustedRoot(now);
  return { ...pg, source: `${pg.source}; ${gh.source}`, companions: [gh] };
}

/** Every root of a loaded set, primary first. */
export function allRoots(loaded: LoadedTrustedRoot): LoadedTrustedRoot[] {
  return [loaded, ...(loaded.companions ?? [])];
}

/** `auto`: TUF when reachable, else the shipped snapshot; `off`: the snapshot; `require`: TUF or fail. */
export type TrustUpdate = 'auto' | 'off' | 'require';

export interface LoadTrustOptions {
  /** Default: SECURE_FACTORY_TRUST_UPDATE, else `auto`. */
  update?: TrustUpdate;
  /** TUF cache folder; default SECURE_FACTORY_TUF_CACHE, else ~/.cache/secure-factory/tuf. */
  cacheDir?: string;
  /** Mirrors (tests point them at a local TUF repository). */
  publicGoodMirror?: string;
  githubMirror?: string;
  /** A TUF root.json to start from, per mirror (default: the one shipped for each). */
  publicGoodTufRoot?: string;
  githubTufRoot?: string;
  /** Per request, milliseconds (default 5000). */
  timeoutMs?: number;
  now?: Date;
}

function trustUpdateFromEnv(): TrustUpdate {
  const v = process.env.SECURE_FACTORY_TRUST_UPDATE;
  return v === 'off' || v === 'require' || v === 'auto' ? v : 'auto';
}

function defaultCacheDir(): string {
  const fromEnv = process.env.SECURE_FACTORY_TUF_CACHE;
  if (fromEnv) return fromEnv;
  const xdg = process.env.XDG_CACHE_HOME;
  const home = homedir();
  return path.join(xdg || (home ? path.join(home, '.cache') : tmpdir()), 'secure-factory', 'tuf');
}

/**
 * A TUF-verified trusted root from `mirror`, cached under `cacheDir`: the cached metadata is used
 * while TUF says it is current, and refreshed (root rotation, timestamp, snapshot, targets — each
 * checked for signatures, thresholds, versions and expiry by tuf-js) otherwise.
 */
export async function fetchTrustedRootOverTuf(options: {
  mirror: string;
  cacheDir: string;
  rootJson?: unknown;
  timeoutMs?: number;
}): Promise<TrustedRoot> {
  const tuf = await import('@sigstore/tuf');
  let rootPath: string | undefined;
  if (options.rootJson !== undefined) {
    mkdirSync(options.cacheDir, { recursive: true });
    rootPath = path.join(options.cacheDir, `${new URL(options.mirror).host.replace(/[^A-Za-z0-9.-]/g, '_')}.seed-root.json`);
    writeFileSync(rootPath, JSON.stringify(options.rootJson));
  }
  // forceCache: the cached metadata answers while TUF says it is current (tuf-js checks each role's
  // expiry and falls back to the mirror when any has expired or is missing).
  return tuf.getTrustedRoot({
    mirrorURL: options.mirror,
    cachePath: options.cacheDir,
    ...(rootPath ? { rootPath } : {}),
    forceCache: true,
    retry: false,
    timeout: options.timeoutMs ?? 5000,
  });
}

function oneLine(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : undefined;
  const msg = `${e instanceof Error ? e.message : String(e)}${cause ? ` (${cause})` : ''}`;
  return msg.split('\n')[0]?.slice(0, 200) ?? 'unknown error';
}

/**
 * The trust roots to verify with: `file` alone when given (as before); otherwise public-good and
 * GitHub's, each over TUF when `update` allows and it answers, else the shipped snapshot with its age.
 */
export async function loadTrustedRoot(file?: string, options: LoadTrustOptions = {}): Promise<LoadedTrustedRoot> {
  if (file) return loadTrustedRootFile(file);
  const update = options.update ?? trustUpdateFromEnv();
  const now = options.now ?? new Date();
  const embedded = embeddedTrustedRoots(now);
  if (update === 'off') return embedded;
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const readRoot = async (mirror: string, rootFile: string | undefined, rootJson: unknown): Promise<TrustedRoot> =>
    fetchTrustedRootOverTuf({
      mirror,
      cacheDir,
      ...(rootFile ? { rootJson: await readJsonFile(rootFile) } : rootJson !== undefined ? { rootJson } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  const pgMirror = options.publicGoodMirror ?? 'https://tuf-repo-cdn.sigstore.dev';
  const ghMirror = options.githubMirror ?? GITHUB_TUF_MIRROR;
  const [pg, gh] = await Promise.allSettled([
    readRoot(pgMirror, options.publicGoodTufRoot, undefined),
    readRoot(ghMirror, options.githubTufRoot, GITHUB_TUF_ROOT),
  ]);
  if (update === 'require') {
    const failed = [
      pg.status === 'rejected' ? `${pgMirror}: ${oneLine(pg.reason)}` : '',
      gh.status === 'rejected' ? `${ghMirror}: ${oneLine(gh.reason)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    if (failed) throw new InfrastructureError(`cannot refresh the trusted roots over TUF: ${failed}`);
  }
  const [embeddedGh] = embedded.companions ?? [];
  const primary: LoadedTrustedRoot =
    pg.status === 'fulfilled'
      ? { root: pg.value, source: `public-good over TUF (${pgMirror}), verified`, instance: 'public-good' }
      : { ...embedded, companions: [], source: `${embedded.source.split('; ')[0] ?? ''} — TUF unreachable (${oneLine(pg.reason)})` };
  const github: LoadedTrustedRoot =
    gh.status === 'fulfilled'
      ? { root: gh.value, source: `GitHub over TUF (${ghMirror}), verified`, instance: 'github' }
      : {
          ...(embeddedGh as LoadedTrustedRoot),
          source: `${(embeddedGh as LoadedTrustedRoot).source} — TUF unreachable (${oneLine(gh.reason)})`,
        };
  return { ...primary, source: `${primary.source}; ${github.source}`, companions: [github] };
}

/**
 * A `--trusted-root` file: one trusted root (JSON), or JSON lines of them as `gh attestation
 * trusted-root` prints (public-good and GitHub's): the first is primary, each bundle is checked
 * against the one its certificate chains to.
 */
export async function loadTrustedRootFile(file: string): Promise<LoadedTrustedRoot> {
  const text = decodeUtf8(
    await readRegularFile(file, { maxBytes: 16 * 1024 * 1024, what: 'trusted root', within: '/' }),
    file,
    'trusted root',
  );
  let docs: unknown[];
  try {
    docs = [JSON.parse(text) as unknown];
  } catch {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    docs = lines.map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new ConfigurationError(`line ${i + 1} is not JSON: a trusted root file is one JSON document or JSON lines of them`, {
          location: { file, line: i + 1 },
          hint: 'save it as `gh attestation trusted-root` prints it (one root per line), or give one JSON document',
        });
      }
    });
    if (docs.length === 0) throw new ConfigurationError('the trusted root file is empty', { location: { file } });
  }
  const roots = docs.map((d, i): LoadedTrustedRoot => ({
    ...parseTrustedRoot(d, docs.length > 1 ? `${file}:${i + 1}` : file),
    instance: 'file',
  }));
  const [first, ...rest] = roots as [LoadedTrustedRoot, ...LoadedTrustedRoot[]];
  return rest.length > 0 ? { ...first, source: `${file} (${roots.length} trusted roots)`, companions: rest } : first;
}
