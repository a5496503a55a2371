/**
 * Where the Sigstore services are: a Sigstore signing config (v0.1 or v0.2 JSON, as sigstore-conformance
 * and TUF distribute them) or explicit URLs, defaulting to the public-good instance.
 */
import { ConfigurationError, readJsonFile } from '@secure-factory/core';

export const PUBLIC_GOOD = {
  fulcio: 'https://fulcio.sigstore.dev',
  rekor: 'https://rekor.sigstore.dev',
  tsa: 'https://timestamp.sigstore.dev/api/v1/timestamp',
} as const;

export interface SigstoreServices {
  fulcioUrl: string;
  /** Absent: no transparency log entry (a timestamp authority must then be given). */
  rekorUrl?: string | undefined;
  rekorMajorVersion: number;
  tsaUrl?: string | undefined;
}

export interface ServiceInputs {
  signingConfigFile?: string | undefined;
  fulcioUrl?: string | undefined;
  /** `''` turns the log off explicitly; undefined takes the default. */
  rekorUrl?: string | undefined;
  tsaUrl?: string | undefined;
}

interface ServiceEntry {
  url: string;
  majorApiVersion: number;
  start: number;
  end: number | undefined;
}

function entries(value: unknown, file: string, field: string): ServiceEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigurationError(`"${field}" must be a list of services`, { location: { file } });
  return value.map((v: unknown, i) => {
    const o = (v ?? {}) as { url?: unknown; majorApiVersion?: unknown; validFor?: { start?: unknown; end?: unknown } };
    if (typeof o.url !== 'string') throw new ConfigurationError(`"${field}[${i}].url" must be a string`, { location: { file } });
    return {
      url: o.url,
      majorApiVersion: typeof o.majorApiVersion === 'number' ? o.majorApiVersion : 1,
      start: typeof o.validFor?.start === 'string' ? Date.parse(o.validFor.start) : 0,
      end: typeof o.validFor?.end === 'string' ? Date.parse(o.validFor.end) : undefined,
    };
  });
}

/** The newest service valid now whose API version we speak (the rule sigstore-js applies). */
function pick(list: ServiceEntry[], maxVersion: number, now = Date.now()): ServiceEntry | undefined {
  return list
    .filter((s) => s.majorApiVersion <= maxVersion && (s.end === undefined || s.end >= now) && s.start <= now)
    .sort((a, b) => b.start - a.start)[0];
}

export async function readSigningConfig(file: string): Promise<SigstoreServices> {
  const raw = (await readJsonFile(file)) as Record<string, unknown>;
  if (!raw || typeof raw !== 'object') throw new ConfigurationError('a signing config must be a JSON object', { location: { file } });
  // v0.1 (`caUrl`, `tlogUrls`) and v0.2 (`caUrls`, `rekorTlogUrls`, `tsaUrls`).
  const cas =
    typeof raw.caUrl === 'string'
      ? [{ url: raw.caUrl, majorApiVersion: 1, start: 0, end: undefined }]
      : entries(raw.caUrls, file, 'caUrls');
  const tlogs = entries(raw.rekorTlogUrls ?? raw.tlogUrls, file, 'rekorTlogUrls');
  const tsas = entries(raw.tsaUrls, file, 'tsaUrls');
  const ca = pick(cas, 1);
  if (!ca) throw new ConfigurationError('the signing config names no usable Fulcio (caUrls)', { location: { file } });
  const tlog = pick(tlogs, 2);
  const tsa = pick(tsas, 1);
  if (!tlog && !tsa) {
    throw new ConfigurationError('the signing config names neither a usable Rekor nor a timestamp authority', { location: { file } });
  }
  return { fulcioUrl: ca.url, rekorUrl: tlog?.url, rekorMajorVersion: tlog?.majorApiVersion ?? 1, tsaUrl: tsa?.url };
}

function checkUrl(name: string, url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ConfigurationError(`${name} "${url}" is not a URL`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname))) {
    throw new ConfigurationError(`${name} "${url}" must use https (plain http only for a local service)`);
  }
  return url.replace(/\/+$/, '');
}

export async function resolveServices(inputs: ServiceInputs): Promise<SigstoreServices> {
  const base: SigstoreServices = inputs.signingConfigFile
    ? await readSigningConfig(inputs.signingConfigFile)
    : { fulcioUrl: PUBLIC_GOOD.fulcio, rekorUrl: PUBLIC_GOOD.rekor, rekorMajorVersion: 1, tsaUrl: undefined };
  const out: SigstoreServices = { ...base };
  if (inputs.fulcioUrl) out.fulcioUrl = inputs.fulcioUrl;
  if (inputs.rekorUrl !== undefined) {
    out.rekorUrl = inputs.rekorUrl === '' ? undefined : inputs.rekorUrl;
    out.rekorMajorVersion = 1;
  }
  if (inputs.tsaUrl !== undefined) out.tsaUrl = inputs.tsaUrl === '' ? undefined : inputs.tsaUrl;
  out.fulcioUrl = checkUrl('the Fulcio URL', out.fulcioUrl);
  if (out.rekorUrl) out.rekorUrl = checkUrl('the Rekor URL', out.rekorUrl);
  if (out.tsaUrl) out.tsaUrl = checkUrl('the timestamp authority URL', out.tsaUrl);
  return out;
}

export function isPublicGoodRekor(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return host === 'rekor.sigstore.dev' || host.endsWith('.rekor.sigstore.dev');
  } catch {
    return false;
  }
}

export function isPublicGoodFulcio(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).hostname === 'fulcio.sigstore.dev';
  } catch {
    return false;
  }
}
