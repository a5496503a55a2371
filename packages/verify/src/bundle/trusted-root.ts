/**
 * Trust material: the public-good trusted root shipped with the tool (offline by default), or a
 * `--trusted-root FILE` that replaces it. Built once per process and reused for every bundle.
 */
import { ConfigurationError, InfrastructureError, readJsonFile } from '@secure-factory/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { PUBLIC_GOOD_TRUSTED_ROOT, PUBLIC_GOOD_TRUSTED_ROOT_SOURCE } from '../trust/public-good-trusted-root.js';

export interface LoadedTrustedRoot {
  root: TrustedRoot;
  /** Where it came from: a file, or the bundled public-good copy. */
  source: string;
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

export function publicGoodTrustedRoot(): LoadedTrustedRoot {
  return parseTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT, PUBLIC_GOOD_TRUSTED_ROOT_SOURCE);
}

export async function loadTrustedRoot(file?: string): Promise<LoadedTrustedRoot> {
  if (!file) return publicGoodTrustedRoot();
  return parseTrustedRoot(await readJsonFile(file, { maxBytes: 16 * 1024 * 1024 }), file);
}

/** A TUF-verified public-good trusted root (needs the network); the bundled copy is the offline default. */
export async function refreshTrustedRootOverTuf(cachePath?: string): Promise<LoadedTrustedRoot> {
  try {
    const tuf = await import('@sigstore/tuf');
    const root = await tuf.getTrustedRoot(cachePath ? { cachePath } : {});
    return { root, source: 'TUF (tuf-repo-cdn.sigstore.dev), verified' };
  } catch (e: unknown) {
    throw new InfrastructureError(`cannot refresh the trusted root over TUF: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}
