/**
 * Local Sigstore services for tests: the Sigstore project's own @sigstore/mock Fulcio (with a CT
 * log), Rekor (v1) and TSA handlers served from one node:http server on 127.0.0.1, plus a GitHub
 * Actions-style OIDC token endpoint. A separate process (a bundled action, the CLI) signs against
 * them exactly as against the real services; `trustedRoot` is the TrustedRoot JSON for their keys.
 *
 * The mock Fulcio takes the certificate's URI SAN from the token claim `sf_san` and maps GitHub
 * claims (repository, ref, sha, workflow_ref, job_workflow_ref, event_name, runner_environment, …)
 * to Fulcio's certificate extensions, as the real Fulcio does for GitHub tokens.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTLog, initializeTSA, rekorHandler, tsaHandler } from '@sigstore/mock';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export interface SigstoreServices {
  baseUrl: string;
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL: contains a `?` like the runner's, so `&audience=` can be appended. */
  oidcUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN the OIDC endpoint demands. */
  oidcRequestToken: string;
  /** Claims the OIDC endpoint puts in its tokens (GitHub-like defaults; change them between runs). */
  claims: Record<string, unknown>;
  /** A signed JWT (ES256) with the default claims overridden by `claims`. */
  issueToken(claims?: Record<string, unknown>): string;
  /** The SAN the default claims give: the job workflow ref as a URL. */
  identity: string;
  issuer: string;
  trustedRoot: Record<string, unknown>;
  trustedRootPath: string;
  /** Env for a process that should fetch its token from the local OIDC endpoint. */
  actionsEnv(): Record<string, string>;
  /** Requests seen, by service (`fulcio`, `rekor`, `tsa`, `oidc`, other paths). */
  requests: { service: string; path: string }[];
  /** Make the next `n` requests to a service answer 503 (to test retries). */
  failNext(service: 'fulcio' | 'rekor' | 'tsa', n: number): void;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Clock of the CA: a time in the past issues certificates that have already expired. */
  caClock?: Date;
  /** Clock of the TSA, read at every timestamp (a test moves it forward instead of sleeping); default the real time. */
  tsaClock?: () => Date;
  /** Fulcio issues certificates without an SCT (as GitHub's instance does); the trusted root still lists the CT log. */
  withoutScts?: boolean;
}

function b64(data: ArrayBufferView | Buffer): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

function keyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function defaultClaims(repository = 'acme/app'): Record<string, unknown> {
  const workflowRef = `${repository}/.github/workflows/release.yml@refs/heads/main`;
  return {
    iss: GITHUB_ISSUER,
    aud: 'sigstore',
    sub: `repo:${repository}:ref:refs/heads/main`,
    repository,
    repository_owner: repository.split('/')[0],
    repository_id: '1234',
    repository_owner_id: '5678',
    repository_visibility: 'public',
    ref: 'refs/heads/main',
    sha: 'a'.repeat(40),
    workflow: 'release',
    workflow_ref: workflowRef,
    workflow_sha: 'a'.repeat(40),
    job_workflow_ref: workflowRef,
    job_workflow_sha: 'a'.repeat(40),
    event_name: 'push',
    runner_environment: 'github-hosted',
    run_id: '8812',
    run_attempt: '1',
    sf_san: `https://github.com/${workflowRef}`,
  };
}

/**
 * "Now", whole seconds. The mock TSA writes genTime with pkijs, which drops trailing zeros of the
 * milliseconds (".5Z"); @sigstore/core accepts only three fraction digits, so one timestamp in ten
 * would not parse. A clock on whole seconds writes no fraction. (The mock reads this object's UTC
 * getters each time it stamps, so it stays live.)
 */
class WholeSecondsNow extends Date {
  /** `source`: the clock to follow (a test's settable clock; the real time by default). */
  constructor(private readonly source: () => Date = () => new Date()) {
    super();
  }
  private wholeSeconds(): Date {
    return new Date(Math.floor(this.source().getTime() / 1000) * 1000);
  }
  override getTime(): number {
    return this.wholeSeconds().getTime();
  }
  override valueOf(): number {
    return this.getTime();
  }
  override getUTCFullYear(): number {
    return this.wholeSeconds().getUTCFullYear();
  }
  override getUTCMonth(): number {
    return this.wholeSeconds().getUTCMonth();
  }
  override getUTCDate(): number {
    return this.wholeSeconds().getUTCDate();
  }
  override getUTCHours(): number {
    return this.wholeSeconds().getUTCHours();
  }
  override getUTCMinutes(): number {
    return this.wholeSeconds().getUTCMinutes();
  }
  override getUTCSeconds(): number {
    return this.wholeSeconds().getUTCSeconds();
  }
  override getUTCMilliseconds(): number {
    return 0;
  }
  override toISOString(): string {
    return this.wholeSeconds().toISOString();
  }
}

export async function startSigstoreServices(options: StartOptions = {}): Promise<SigstoreServices> {
  const ctLog = await initializeCTLog(keyPair());
  const ca = await initializeCA(keyPair(), options.withoutScts ? undefined : ctLog, options.caClock);
  const tsa = await initializeTSA(keyPair(), new WholeSecondsNow(options.tsaClock));
  const oidcKey = keyPair();
  const oidcKid = randomBytes(8).toString('hex');
  const oidcRequestToken = randomBytes(16).toString('hex');
  const requests: SigstoreServices['requests'] = [];
  const failures: Record<string, number> = {};

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const rekorUrl = `${baseUrl}/rekor`;
  const tlog = await initializeTLog(rekorUrl, keyPair());
  const fulcio = fulcioHandler(ca, { subjectClaim: 'sf_san' });
  const rekor = rekorHandler(tlog);
  const timestamp = tsaHandler(tsa);

  const claims = defaultClaims();
  const issueToken = (extra: Record<string, unknown> = {}): string => {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'ES256', typ: 'JWT', kid: oidcKid };
    const body = { iat: now, nbf: now, exp: now + 600, jti: randomBytes(8).toString('hex'), ...claims, ...extra };
    const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
    const sig = sign('sha256', Buffer.from(input), { key: oidcKey.privateKey, dsaEncoding: 'ieee-p1363' });
    return `${input}.${sig.toString('base64url')}`;
  };

  const routes: Record<
    string,
    { service: string; fn: (body: string) => Promise<{ statusCode: number; response: string | ArrayBufferView; contentType?: string }> }
  > = {
    [`/fulcio${fulcio.path}`]: { service: 'fulcio', fn: fulcio.fn },
    [`/rekor${rekor.path}`]: { service: 'rekor', fn: rekor.fn },
    [`/tsa${timestamp.path}`]: { service: 'tsa', fn: timestamp.fn },
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', baseUrl);
      const route = routes[url.pathname];
      requests.push({ service: route?.service ?? (url.pathname.startsWith('/oidc') ? 'oidc' : url.pathname), path: url.pathname });
      if (url.pathname === '/oidc/token' && req.method === 'GET') {
        if (req.headers.authorization !== `Bearer ${oidcRequestToken}`) {
          res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"bad runtime token"}');
          return;
        }
        const aud = url.searchParams.get('audience') ?? 'sigstore';
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: issueToken({ aud }) }));
        return;
      }
      if (url.pathname === '/oidc/.well-known/jwks') {
        const jwk = { ...oidcKey.publicKey.export({ format: 'jwk' }), kid: oidcKid, alg: 'ES256', use: 'sig' };
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
        return;
      }
      if (!route || req.method !== 'POST') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
        return;
      }
      const body = await readBody(req);
      if ((failures[route.service] ?? 0) > 0) {
        failures[route.service] = (failures[route.service] ?? 0) - 1;
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"temporarily unavailable"}');
        return;
      }
      const out = await route.fn(body);
      const payload =
        typeof out.response === 'string'
          ? out.response
          : Buffer.from(out.response.buffer, out.response.byteOffset, out.response.byteLength);
      res.writeHead(out.statusCode, { 'content-type': out.contentType ?? 'text/plain' }).end(payload);
    })().catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
    });
  });

  const start = new Date(Date.now() - 24 * 3600_000).toISOString();
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: rekorUrl,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(tlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: `${baseUrl}/fulcio`,
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start },
      },
    ],
    ctlogs: [
      {
        baseUrl: `${baseUrl}/ct`,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(ctLog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: b64(ctLog.logID) },
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore-tsa' },
        uri: `${baseUrl}/tsa`,
        certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
        validFor: { start },
      },
    ],
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-sigstore-'));
  const trustedRootPath = path.join(dir, 'trusted_root.json');
  writeFileSync(trustedRootPath, JSON.stringify(trustedRoot, null, 2));

  const oidcUrl = `${baseUrl}/oidc/token?api-version=2.0`;
  return {
    baseUrl,
    fulcioUrl: `${baseUrl}/fulcio`,
    rekorUrl,
    tsaUrl: `${baseUrl}/tsa/api/v1/timestamp`,
    oidcUrl,
    oidcRequestToken,
    claims,
    issueToken,
    identity: String(claims.sf_san),
    issuer: GITHUB_ISSUER,
    trustedRoot,
    trustedRootPath,
    actionsEnv: () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: oidcUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidcRequestToken }),
    requests,
    failNext: (service, n) => {
      failures[service] = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Writes a signing config (v0.2) naming these services, for `--signing-config`. */
export function writeSigningConfig(services: SigstoreServices, options: { rekor?: boolean; tsa?: boolean } = {}): string {
  const start = new Date(Date.now() - 3600_000).toISOString();
  const svc = (url: string): Record<string, unknown> => ({ url, majorApiVersion: 1, validFor: { start }, operator: 'sigstore.mock' });
  const config = {
    mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.2+json',
    caUrls: [svc(services.fulcioUrl)],
    oidcUrls: [],
    rekorTlogUrls: options.rekor === false ? [] : [svc(services.rekorUrl)],
    tsaUrls: options.tsa ? [svc(services.tsaUrl)] : [],
    rekorTlogConfig: { selector: 'ANY' },
    tsaConfig: { selector: 'ANY' },
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sf-signing-config-')), 'signing_config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}
