/**
 * OIDC identity tokens for Fulcio: from the GitHub Actions runtime (the job's `id-token: write`
 * permission) or given directly. The token is fetched once and reused for every statement of a run.
 */
import { ConfigurationError, httpRequest, InfrastructureError, type HttpPolicy } from '@secure-factory/core';

export interface IdentityProvider {
  getToken(): Promise<string>;
}

export const SIGSTORE_AUDIENCE = 'sigstore';

export function staticToken(token: string): IdentityProvider {
  const t = token.trim();
  if (t.split('.').length !== 3) throw new ConfigurationError('the identity token is not a JWT (three dot-separated parts)');
  return { getToken: () => Promise.resolve(t) };
}

/** True when the runner offers an OIDC token (the job has `permissions: id-token: write`). */
export function actionsTokenAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/**
 * The runner's token endpoint: `GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=sigstore` → `{value}`.
 * `http` overrides core's HTTP policy (tests shorten the deadline).
 */
export function actionsIdentityProvider(
  env: NodeJS.ProcessEnv = process.env,
  audience = SIGSTORE_AUDIENCE,
  http: Partial<Omit<HttpPolicy, 'service'>> = {},
): IdentityProvider {
  let cached: Promise<string> | undefined;
  return {
    getToken: () => {
      cached ??= fetchActionsToken(env, audience, http);
      return cached;
    },
  };
}

async function fetchActionsToken(env: NodeJS.ProcessEnv, audience: string, http: Partial<Omit<HttpPolicy, 'service'>>): Promise<string> {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) {
    throw new ConfigurationError('no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set', {
      hint: 'grant the job `permissions: id-token: write`, pass --identity-token, or use --signer key/ephemeral',
    });
  }
  // The runner's URL already carries a query string; the audience is appended the way @actions/core does.
  const full = `${url}${url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
  // Core httpRequest: bounded full-jitter retries on 408/429/5xx, resets and stalls, one deadline, a
  // byte limit (a token answer is small); what still fails is an InfrastructureError (exit 3).
  const res = await httpRequest(
    { url: full, headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' } },
    { service: 'the Actions OIDC token endpoint', attemptTimeoutMs: 15_000, deadlineMs: 60_000, maxBytes: 64 * 1024, ...http },
  );
  if (!res.ok) throw new InfrastructureError(`the OIDC token endpoint answered HTTP ${res.status}`);
  const body = (await res.json()) as { value?: unknown } | null;
  if (typeof body?.value !== 'string') throw new InfrastructureError('the OIDC token endpoint answered without a "value"');
  return body.value;
}

/** The claims of a JWT, not verified (Fulcio verifies it); used to read `repository_visibility`. */
export function jwtClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) return {};
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
