/**
 * One client for OCI registries (the OCI distribution specification v1.1, and Docker's v2 API it grew
 * from). What a registry may do to a run is decided here:
 *   - every manifest is checked against its digest: fetched by digest, the body's sha256 must be that
 *     digest; fetched by tag, a `Docker-Content-Digest` that differs from the body's is refused (a lying
 *     registry or a proxy rewriting bodies gets an error, never a pass);
 *   - manifests are limited to 4 MiB, blobs to a caller-given limit (the core HTTP helper reads bounded);
 *   - retries, backoff and deadlines are the core HTTP helper's; redirects are followed here, at most 5,
 *     and the Authorization header is dropped when a redirect leaves the registry's origin (blob stores);
 *   - auth follows the `WWW-Authenticate` challenge: `Bearer realm=…,service=…,scope=…` gets a token from
 *     the realm (with basic credentials when the docker config has some), `Basic` gets the credentials;
 *     a second 401 after a fresh token is an auth loop and an error;
 *   - credentials and tokens never appear in an error, a log line or a result.
 * Plain HTTP is used only for loopback registries (localhost, 127.0.0.1, [::1]), as Docker does.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigurationError,
  InfrastructureError,
  httpRequest,
  OPERATOR_FILE,
  readTextFileSync,
  sha256Hex,
  type HttpPolicy,
  type HttpResponse,
} from '@secure-factory/core';
import { isRecord } from '../lockfiles/lockfile-error.js';

export const MEDIA = {
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  sigstoreBundle: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  cosignSimpleSigning: 'application/vnd.dev.cosign.simplesigning.v1+json',
} as const;

const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.ociManifest, MEDIA.dockerList, MEDIA.dockerManifest].join(', ');
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_REDIRECTS = 5;
/** Writes of the referrers tag schema index before a push that keeps losing its entry gives up. */
const TAG_SCHEMA_ATTEMPTS = 16;
const DIGEST = /^sha256:[0-9a-f]{64}$/;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface Manifest {
  schemaVersion: number;
  mediaType?: string;
  artifactType?: string;
  config?: Descriptor;
  layers?: Descriptor[];
  manifests?: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface FetchedManifest {
  /** `sha256:HEX` of the exact bytes. */
  digest: string;
  mediaType: string;
  bytes: Buffer;
  manifest: Manifest;
  /** The registry's `ETag`, for a conditional write (`If-Match`) of what was read. */
  etag?: string;
}

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryClientOptions {
  /** Basic credentials for a registry host; default: the docker config (`$DOCKER_CONFIG/config.json`). */
  credentials?: (registry: string) => RegistryCredentials | undefined;
  /** Overrides of the core HTTP policy (deadlines, attempts; `fetch` is a test seam). */
  http?: Partial<HttpPolicy>;
}

/** The calls the factory makes on a registry. */
export interface RegistryClient {
  getManifest(registry: string, repository: string, reference: string): Promise<FetchedManifest>;
  /** undefined on 404 (an absent tag), an error on anything else that is not a manifest. */
  findManifest(registry: string, repository: string, reference: string): Promise<FetchedManifest | undefined>;
  getBlob(registry: string, repository: string, digest: string, maxBytes: number): Promise<Buffer>;
  putBlob(registry: string, repository: string, data: Buffer): Promise<string>;
  putManifest(registry: string, repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string>;
  /** Referrers of a manifest: the OCI 1.1 API, or (when the registry has none) the referrers tag schema. */
  referrers(registry: string, repository: string, digest: string, artifactType?: string): Promise<Descriptor[]>;
  /** Pushes a referrer manifest (it names `subject`) and, without the referrers API, updates the tag schema index. */
  pushReferrer(registry: string, repository: string, manifest: Manifest): Promise<string>;
  /** `pushReferrer`, also telling how the registry indexes it: its referrers API, or the tag schema kept by this client. */
  putReferrer(registry: string, repository: string, manifest: Manifest): Promise<PushedReferrer>;
  /** Whether the registry holds a blob (HEAD), so a push can skip what is there already. */
  hasBlob(registry: string, repository: string, digest: string): Promise<boolean>;
}

export interface PushedReferrer {
  /** `sha256:HEX` of the referrer manifest. */
  digest: string;
  /** `referrers-api`: the registry indexes it (OCI 1.1); `tag-schema`: listed in the `sha256-HEX` index tag. */
  via: 'referrers-api' | 'tag-schema';
}

export class RegistryError extends InfrastructureError {}

/**
 * The registry contradicted itself or the protocol in a way no honest registry does: content for
 * another digest, an auth loop, a redirect to plain HTTP. Never retried, never waived.
 */
export class RegistryMisbehaviour extends RegistryError {}

function isLoopback(host: string): boolean {
  const h = host.replace(/:\d+$/, '');
  return h === 'localhost' || h === '127.0.0.1' || h === '[::1]';
}

/** The API base of a registry host as image references name it. */
export function registryBase(registry: string): string {
  const host = registry === 'docker.io' ? 'registry-1.docker.io' : registry;
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}

/** `sha256-HEX`: the referrers tag schema's tag (OCI distribution spec 1.1, "Referrers Tag Schema"). */
export function referrersTag(digest: string): string {
  return digest.replace(':', '-');
}

/** Docker's config file: `auths[host].auth` (base64 user:password) or username/password. */
export function dockerConfigCredentials(registry: string, env: NodeJS.ProcessEnv = process.env): RegistryCredentials | undefined {
  const file = join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
  if (!existsSync(file)) return undefined;
  const hint = 'fix or remove the docker config file';
  const text = readTextFileSync(file, { ...OPERATOR_FILE, maxBytes: 4 * 1024 * 1024, what: 'docker config file', hint });
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ConfigurationError('the docker config file is not JSON', { location: { file }, hint });
  }
  if (!isRecord(doc)) throw new ConfigurationError('the docker config file is not a JSON object', { location: { file }, hint });
  const auths = isRecord(doc.auths) ? doc.auths : {};
  const keys =
    registry === 'docker.io' ? ['https://index.docker.io/v1/', 'docker.io', 'index.docker.io'] : [registry, `https://${registry}`];
  for (const k of keys) {
    // Own entries only: a registry named "constructor" must not find Object's.
    const a = Object.hasOwn(auths, k) ? auths[k] : undefined;
    if (!isRecord(a)) continue;
    if (typeof a.username === 'string' && typeof a.password === 'string' && a.username && a.password) {
      return { username: a.username, password: a.password };
    }
    if (typeof a.auth === 'string' && a.auth) {
      const plain = Buffer.from(a.auth, 'base64').toString('utf8');
      const colon = plain.indexOf(':');
      if (colon > 0) return { username: plain.slice(0, colon), password: plain.slice(colon + 1) };
    }
  }
  return undefined;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** `Bearer realm="…",service="…",scope="…"` (RFC 9110 §11.6.1 auth-params, quoted or token values). */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(header);
  if (!m?.[1]) return undefined;
  const params: Record<string, string> = {};
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?\s*/g;
  let p: RegExpExecArray | null;
  while ((p = re.exec(m[2] ?? '')) !== null) {
    if (p[0] === '') break;
    params[(p[1] ?? '').toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
  }
  return { scheme: m[1].toLowerCase(), params };
}

/** The distribution spec's error codes of a refusal (`MANIFEST_BLOB_UNKNOWN`, …): codes only, never the body's text. */
function errorCodes(body: Buffer): string {
  try {
    const errors = (JSON.parse(body.toString('utf8')) as { errors?: { code?: unknown }[] }).errors ?? [];
    const codes = [...new Set(errors.map((e) => e.code).filter((c): c is string => typeof c === 'string' && /^[A-Z_]{1,40}$/.test(c)))];
    return codes.length > 0 ? ` ${codes.slice(0, 3).join(', ')}` : '';
  } catch {
    return '';
  }
}

function checkName(repository: string): void {
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(repository)) {
    throw new ConfigurationError(`"${repository}" is not a repository name`);
  }
}

function checkReference(reference: string): void {
  if (!DIGEST.test(reference) && !/^[\w][\w.-]{0,127}$/.test(reference)) {
    throw new ConfigurationError(`"${reference}" is neither a tag nor a sha256 digest`);
  }
}

export function createRegistryClient(options: RegistryClientOptions = {}): RegistryClient {
  const credentials = options.credentials ?? ((r: string) => dockerConfigCredentials(r));
  /** Authorization per registry and scope, once a challenge was answered. */
  const auth = new Map<string, string>();
  /** Repositories found without the referrers API (their referrers go to the tag schema). */
  const withoutReferrersApi = new Set<string>();
  const manualFetch: typeof fetch = (input, init) => (options.http?.fetch ?? fetch)(input, { ...init, redirect: 'manual' });

  const policy = (service: string, maxBytes: number): HttpPolicy => ({
    maxAttempts: 3,
    deadlineMs: 60_000,
    ...options.http,
    service,
    maxBytes,
    fetch: manualFetch,
  });

  /** One request, redirects followed by hand (bounded; no Authorization to another origin). */
  async function send(
    url: string,
    method: 'GET' | 'PUT' | 'POST' | 'HEAD',
    headers: Record<string, string>,
    body: Buffer | undefined,
    service: string,
    maxBytes: number,
  ): Promise<HttpResponse> {
    let current = url;
    let hdrs = headers;
    for (let hop = 0; ; hop++) {
      const req: Parameters<typeof httpRequest>[0] = { url: current, method, headers: hdrs };
      if (body !== undefined) req.body = body;
      const res = await httpRequest(req, policy(service, maxBytes));
      if (![301, 302, 303, 307, 308].includes(res.status)) return res;
      const location = res.headers.get('location');
      if (!location) throw new RegistryError(`${service} answered HTTP ${res.status} without a Location`);
      if (hop >= MAX_REDIRECTS) throw new RegistryMisbehaviour(`${service} redirected more than ${MAX_REDIRECTS} times`);
      const next = new URL(location, current);
      if (next.protocol !== 'https:' && !(next.protocol === 'http:' && isLoopback(next.host))) {
        throw new RegistryMisbehaviour(`${service} redirected to a plain-HTTP address; refused`);
      }
      if (next.origin !== new URL(current).origin) {
        hdrs = Object.fromEntries(Object.entries(hdrs).filter(([k]) => k.toLowerCase() !== 'authorization'));
      }
      current = next.toString();
    }
  }

  async function fetchToken(registry: string, challenge: Challenge, scope: string): Promise<string> {
    const realm = challenge.params.realm;
    if (!realm) throw new RegistryError(`the registry ${registry} asked for a bearer token without naming a realm`);
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryError(`the registry ${registry} named a token realm that is not a URL`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.host))) {
      throw new RegistryMisbehaviour(`the registry ${registry} named a plain-HTTP token realm (${url.host}); refused`);
    }
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.set('scope', challenge.params.scope ?? scope);
    const headers: Record<string, string> = {};
    const creds = credentials(registry);
    if (creds) headers.authorization = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
    const res = await send(url.toString(), 'GET', headers, undefined, `the token service of ${registry}`, 64 * 1024);
    if (!res.ok)
      throw new RegistryError(
        `the token service of ${registry} refused a token (HTTP ${res.status})${creds ? '' : '; no credentials are configured for it'}`,
      );
    const json = (await res.json()) as { token?: unknown; access_token?: unknown };
    const token = typeof json.token === 'string' ? json.token : typeof json.access_token === 'string' ? json.access_token : undefined;
    if (!token) throw new RegistryError(`the token service of ${registry} answered without a token`);
    return `Bearer ${token}`;
  }

  /** A registry API call with the challenge answered; a second 401 after answering is an auth loop. */
  async function call(
    registry: string,
    repository: string,
    path: string,
    init: { method?: 'GET' | 'PUT' | 'POST' | 'HEAD'; headers?: Record<string, string>; body?: Buffer; maxBytes: number; push?: boolean },
  ): Promise<HttpResponse> {
    const scope = `repository:${repository}:${init.push ? 'pull,push' : 'pull'}`;
    const key = `${registry} ${scope}`;
    const url = path.startsWith('http') ? path : `${registryBase(registry)}${path}`;
    const service = `the registry ${registry}`;
    let answered = false;
    for (;;) {
      const headers = { ...init.headers };
      const a = auth.get(key);
      if (a) headers.authorization = a;
      const res = await send(url, init.method ?? 'GET', headers, init.body, service, init.maxBytes);
      if (res.status !== 401) return res;
      if (answered)
        throw new RegistryMisbehaviour(`${service} refused the credentials it had just asked for (an auth loop); nothing was read`);
      answered = true;
      const challenge = parseChallenge(res.headers.get('www-authenticate'));
      if (challenge?.scheme === 'bearer') auth.set(key, await fetchToken(registry, challenge, scope));
      else if (challenge?.scheme === 'basic') {
        const creds = credentials(registry);
        if (!creds)
          throw new RegistryError(`${service} wants a login and no credentials are configured for it`, {
            hint: 'docker login to it (the docker config is read)',
          });
        auth.set(key, `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`);
      } else throw new RegistryError(`${service} answered 401 without a challenge this client understands`);
    }
  }

  function parseManifest(bytes: Buffer, where: string): Manifest {
    let m: unknown;
    try {
      m = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new RegistryError(`${where} is not JSON`);
    }
    if (typeof m !== 'object' || m === null || (m as Manifest).schemaVersion !== 2)
      throw new RegistryError(`${where} is not an image manifest or index (schemaVersion 2)`);
    return m as Manifest;
  }

  async function findManifest(registry: string, repository: string, reference: string): Promise<FetchedManifest | undefined> {
    checkName(repository);
    checkReference(reference);
    const where = `the manifest ${registry}/${repository}${DIGEST.test(reference) ? '@' : ':'}${reference}`;
    const res = await call(registry, repository, `/v2/${repository}/manifests/${reference}`, {
      headers: { accept: MANIFEST_ACCEPT },
      maxBytes: MAX_MANIFEST_BYTES,
    });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new RegistryError(`${where}: the registry answered HTTP ${res.status}`);
    const digest = `sha256:${sha256Hex(res.bytes)}`;
    if (DIGEST.test(reference) && digest !== reference) {
      throw new RegistryMisbehaviour(
        `${where}: the registry returned a manifest whose digest is ${digest}, not the one asked for; refused (a registry or proxy that rewrites manifests)`,
      );
    }
    const declared = res.headers.get('docker-content-digest');
    if (declared && declared !== digest) {
      throw new RegistryMisbehaviour(`${where}: the registry says its digest is ${declared} but the body it sent is ${digest}; refused`);
    }
    const manifest = parseManifest(res.bytes, where);
    const mediaType = manifest.mediaType ?? (res.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    const fetched: FetchedManifest = { digest, mediaType, bytes: res.bytes, manifest };
    const etag = res.headers.get('etag');
    if (etag) fetched.etag = etag;
    return fetched;
  }

  /** PUT a manifest; the digest the registry says it stored must be the digest of the bytes sent. */
  async function sendManifest(
    registry: string,
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
    condition: Record<string, string> = {},
  ): Promise<{ digest: string; res: HttpResponse }> {
    checkName(repository);
    checkReference(reference);
    const res = await call(registry, repository, `/v2/${repository}/manifests/${reference}`, {
      method: 'PUT',
      headers: { 'content-type': mediaType, ...condition },
      body: bytes,
      maxBytes: 64 * 1024,
      push: true,
    });
    if (res.status === 412 && Object.keys(condition).length > 0) return { digest: '', res };
    if (res.status !== 201)
      throw new RegistryError(
        `the registry ${registry} refused the manifest for ${repository}:${reference} (HTTP ${res.status}${errorCodes(res.bytes)})`,
      );
    const digest = `sha256:${sha256Hex(bytes)}`;
    const stored = res.headers.get('docker-content-digest');
    if (stored && stored !== digest) {
      throw new RegistryMisbehaviour(
        `the registry ${registry} says it stored the manifest for ${repository}:${reference} as ${stored}, but the bytes sent are ${digest}; refused (a registry or proxy that rewrites manifests)`,
      );
    }
    return { digest, res };
  }

  async function putManifest(registry: string, repository: string, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    return (await sendManifest(registry, repository, reference, bytes, mediaType)).digest;
  }

  async function putReferrer(registry: string, repository: string, manifest: Manifest): Promise<PushedReferrer> {
    const subject = manifest.subject?.digest;
    if (!subject || !DIGEST.test(subject)) throw new ConfigurationError('a referrer names the manifest it refers to in `subject`');
    const bytes = Buffer.from(JSON.stringify(manifest));
    const mediaType = manifest.mediaType ?? MEDIA.ociManifest;
    const { digest, res } = await sendManifest(registry, repository, `sha256:${sha256Hex(bytes)}`, bytes, mediaType);
    // OCI distribution 1.1: a registry with the referrers API answers a manifest naming a subject with
    // `OCI-Subject`; without the header the API is probed, as older 1.1 drafts had no header.
    if (res.headers.get('oci-subject') === subject) return { digest, via: 'referrers-api' };
    // One probe per repository: a registry that had no referrers API a moment ago has none now.
    if (!withoutReferrersApi.has(`${registry}/${repository}`)) {
      const api = await call(registry, repository, `/v2/${repository}/referrers/${subject}`, {
        headers: { accept: MEDIA.ociIndex },
        maxBytes: MAX_MANIFEST_BYTES,
      });
      if (api.ok && (api.headers.get('content-type') ?? '').startsWith(MEDIA.ociIndex)) return { digest, via: 'referrers-api' };
      withoutReferrersApi.add(`${registry}/${repository}`);
    }
    // The tag schema is read, changed and written back: two jobs pushing to one image at once would
    // each write an index without the other's entry. The write is conditional (If-Match the ETag read,
    // as distribution-spec 1.1 asks; a 412 means someone else wrote: read again), and the index is read
    // again after the write, the entry added again until it stays. A registry that ignores If-Match
    // (distribution 2.8 does) still leaves a window: a slower writer can drop an entry that was checked.
    const tag = referrersTag(subject);
    const entry: Descriptor = { mediaType, digest, size: bytes.length };
    if (manifest.artifactType) entry.artifactType = manifest.artifactType;
    else if (manifest.config?.mediaType) entry.artifactType = manifest.config.mediaType;
    if (manifest.annotations) entry.annotations = manifest.annotations;
    for (let attempt = 1; ; attempt++) {
      const existing = await findManifest(registry, repository, tag);
      if (existing && existing.mediaType !== MEDIA.ociIndex) {
        throw new RegistryError(
          `the tag ${repository}:${tag} holds a ${existing.mediaType || 'manifest of no media type'}, not a referrers index; refused to overwrite it`,
          { hint: 'delete that tag, or use a registry with the OCI 1.1 referrers API' },
        );
      }
      const listed = existing?.manifest.manifests ?? [];
      if (attempt > 1 && listed.some((d) => d.digest === digest)) break;
      if (attempt > TAG_SCHEMA_ATTEMPTS) {
        throw new RegistryError(
          `the referrers index ${repository}:${tag} kept losing the referrer ${digest} to concurrent writers (${TAG_SCHEMA_ATTEMPTS} attempts)`,
          { hint: 'run the pushes to one image one after another, or use a registry with the OCI 1.1 referrers API' },
        );
      }
      if (attempt > 1) await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 50 * attempt)));
      const index: Manifest = {
        schemaVersion: 2,
        mediaType: MEDIA.ociIndex,
        manifests: [...listed.filter((d) => d.digest !== digest), entry],
      };
      const condition: Record<string, string> = existing ? (existing.etag ? { 'if-match': existing.etag } : {}) : { 'if-none-match': '*' };
      await sendManifest(registry, repository, tag, Buffer.from(JSON.stringify(index)), MEDIA.ociIndex, condition);
    }
    return { digest, via: 'tag-schema' };
  }

  const client: RegistryClient = {
    findManifest,
    async getManifest(registry, repository, reference) {
      const m = await findManifest(registry, repository, reference);
      if (!m)
        throw new RegistryError(
          `${registry}/${repository}${DIGEST.test(reference) ? '@' : ':'}${reference} does not exist in the registry`,
        );
      return m;
    },
    async getBlob(registry, repository, digest, maxBytes) {
      checkName(repository);
      if (!DIGEST.test(digest)) throw new ConfigurationError(`"${digest}" is not a sha256 digest`);
      const res = await call(registry, repository, `/v2/${repository}/blobs/${digest}`, { maxBytes });
      if (!res.ok) throw new RegistryError(`the blob ${digest} of ${registry}/${repository}: the registry answered HTTP ${res.status}`);
      const got = `sha256:${sha256Hex(res.bytes)}`;
      if (got !== digest) throw new RegistryMisbehaviour(`the blob ${digest} of ${registry}/${repository} has the digest ${got}; refused`);
      return res.bytes;
    },
    async putBlob(registry, repository, data) {
      checkName(repository);
      const digest = `sha256:${sha256Hex(data)}`;
      const start = await call(registry, repository, `/v2/${repository}/blobs/uploads/`, {
        method: 'POST',
        maxBytes: 64 * 1024,
        push: true,
      });
      const location = start.headers.get('location');
      if (start.status !== 202 || !location)
        throw new RegistryError(`the registry ${registry} did not open an upload for ${repository} (HTTP ${start.status})`);
      const url = new URL(location, registryBase(registry));
      url.searchParams.set('digest', digest);
      const res = await call(registry, repository, url.toString(), {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: data,
        maxBytes: 64 * 1024,
        push: true,
      });
      if (res.status !== 201)
        throw new RegistryError(`the registry ${registry} refused the blob ${digest} for ${repository} (HTTP ${res.status})`);
      const stored = res.headers.get('docker-content-digest');
      if (stored && stored !== digest) {
        throw new RegistryMisbehaviour(
          `the registry ${registry} says it stored the blob ${digest} for ${repository} as ${stored}; refused (a registry or proxy that rewrites content)`,
        );
      }
      return digest;
    },
    putManifest,
    async referrers(registry, repository, digest, artifactType) {
      checkName(repository);
      if (!DIGEST.test(digest)) throw new ConfigurationError(`"${digest}" is not a sha256 digest`);
      const q = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
      const res = await call(registry, repository, `/v2/${repository}/referrers/${digest}${q}`, {
        headers: { accept: MEDIA.ociIndex },
        maxBytes: MAX_MANIFEST_BYTES,
      });
      let index: Manifest | undefined;
      const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim();
      if (res.ok && type === MEDIA.ociIndex) index = parseManifest(res.bytes, `the referrers of ${registry}/${repository}@${digest}`);
      else if (res.status === 404 || res.status === 405 || (res.ok && type !== MEDIA.ociIndex)) {
        // No referrers API (distribution 2.x): the tag schema, an index tagged sha256-HEX.
        index = (await findManifest(registry, repository, referrersTag(digest)))?.manifest;
      } else throw new RegistryError(`the referrers of ${registry}/${repository}@${digest}: the registry answered HTTP ${res.status}`);
      const list = index?.manifests ?? [];
      return list.filter(
        (d) => typeof d.digest === 'string' && DIGEST.test(d.digest) && (!artifactType || d.artifactType === artifactType),
      );
    },
    async pushReferrer(registry, repository, manifest) {
      return (await putReferrer(registry, repository, manifest)).digest;
    },
    putReferrer,
    async hasBlob(registry, repository, digest) {
      checkName(repository);
      if (!DIGEST.test(digest)) throw new ConfigurationError(`"${digest}" is not a sha256 digest`);
      const res = await call(registry, repository, `/v2/${repository}/blobs/${digest}`, { method: 'HEAD', maxBytes: 64 * 1024 });
      if (res.status === 404) return false;
      if (res.ok) return true;
      throw new RegistryError(`the blob ${digest} of ${registry}/${repository}: the registry answered HTTP ${res.status}`);
    },
  };
  return client;
}
