/**
 * The sandbox's environment: nothing from the host but PATH and the names the policy or the inputs
 * allow, plus the fixed values that make a build repeatable (SOURCE_DATE_EPOCH, TZ, LC_ALL).
 */
import { ConfigurationError, sha256Hex } from '@secure-factory/core';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Set by the sandbox itself; an allow-list cannot override them. */
export const RESERVED_NAMES = [
  'PATH',
  'HOME',
  'TMPDIR',
  'SOURCE_DATE_EPOCH',
  'TZ',
  'LC_ALL',
  'SECURE_FACTORY_OUT',
  'SECURE_FACTORY_SRC',
] as const;

/** What the fetch phase gets on top of the allow-list: it needs to reach a registry through the site's proxy and CA. */
export const FETCH_NAMES = [
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
] as const;

export function validateAllowList(names: readonly string[], where = 'build.env'): string[] {
  const out: string[] = [];
  for (const n of names) {
    if (!NAME.test(n))
      throw new ConfigurationError(`${where}: "${n}" is not an environment variable name`, {
        hint: 'use letters, digits and "_", not starting with a digit',
      });
    if ((RESERVED_NAMES as readonly string[]).includes(n)) {
      throw new ConfigurationError(`${where}: ${n} is set by the sandbox itself and cannot be passed in`, {
        hint: `remove ${n} from the list`,
      });
    }
    if (!out.includes(n)) out.push(n);
  }
  return out.sort();
}

export interface SandboxEnvOptions {
  allow: readonly string[];
  hostEnv: NodeJS.ProcessEnv;
  sourceDateEpoch: number;
  layout: { source: string; output?: string; temp: string; home: string };
  phase: 'fetch' | 'build';
}

export interface SandboxEnv {
  env: Record<string, string>;
  /** Allow-listed names that were set on the host and passed in. */
  passed: string[];
}

/**
 * A host variable's value, own entries only: `build.env: [constructor]` (or toString, __proto__) must not
 * pass Object's function into the sandbox or the provenance.
 */
function hostValue(hostEnv: NodeJS.ProcessEnv, name: string): string | undefined {
  if (!Object.hasOwn(hostEnv, name)) return undefined;
  const v = hostEnv[name];
  return typeof v === 'string' ? v : undefined;
}

export function sandboxEnvironment(o: SandboxEnvOptions): SandboxEnv {
  const env: Record<string, string> = {};
  const passed: string[] = [];
  const names = o.phase === 'fetch' ? [...o.allow, ...FETCH_NAMES] : o.allow;
  for (const n of names) {
    const v = hostValue(o.hostEnv, n);
    if (v !== undefined) {
      env[n] = v;
      if (o.allow.includes(n)) passed.push(n);
    }
  }
  Object.assign(env, {
    PATH: o.hostEnv.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: o.layout.home,
    TMPDIR: o.layout.temp,
    SOURCE_DATE_EPOCH: String(o.sourceDateEpoch),
    TZ: 'UTC',
    LC_ALL: 'C',
    SECURE_FACTORY_SRC: o.layout.source,
  });
  if (o.layout.output) env.SECURE_FACTORY_OUT = o.layout.output;
  return { env, passed: [...new Set(passed)].sort() };
}

/**
 * Allow-listed variables as recorded in the provenance: the name and the SHA-256 of the value (values
 * may be secrets, and provenance is published; the digest still lets a verifier check a value it knows).
 */
export function recordedVariables(hostEnv: NodeJS.ProcessEnv, names: readonly string[]): Record<string, { sha256: string }> {
  const out: Record<string, { sha256: string }> = {};
  for (const n of names) {
    const v = hostValue(hostEnv, n);
    if (v !== undefined) out[n] = { sha256: sha256Hex(v) };
  }
  return out;
}
