/**
 * The thing a bundle is checked against: a file's bytes, or only its digest in one of the algorithms
 * an in-toto subject may name (`sha256:HEX`, `sha512:HEX`, `sha384:HEX`, `sha1:HEX`, `gitCommit:HEX`…).
 * With the bytes, the verifier computes whatever algorithm the statement names; with a digest alone,
 * the statement must name that algorithm.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ConfigurationError, readRegularFile, sha256Hex, UnsafeFileError } from '@secure-factory/core';

export type ArtifactInput =
  | { kind: 'bytes'; data: Buffer; sha256: string; name?: string }
  | {
      kind: 'digest';
      /** The in-toto digest algorithm name: `sha256`, `sha512`, `gitCommit`, … */
      algorithm: string;
      /** Lower-case hex. */
      hex: string;
      /** Set when the algorithm is sha256 (most callers and messages speak sha256). */
      sha256?: string;
      name?: string;
    };

/** in-toto digest algorithms (ResourceDescriptor digest set) and their hex lengths. */
export const DIGEST_ALGORITHMS: Readonly<Record<string, number>> = {
  sha256: 64,
  sha224: 56,
  sha384: 96,
  sha512: 128,
  sha512_224: 56,
  sha512_256: 64,
  sha3_224: 56,
  sha3_256: 64,
  sha3_384: 96,
  sha3_512: 128,
  sha1: 40,
  md5: 32,
  gitBlob: 40,
  gitCommit: 40,
  gitTree: 40,
  gitTag: 40,
  dirHash: 64,
};

/**
 * Algorithms computed from an artefact's bytes (Node crypto names); git object ids are not a file's hash.
 * sha256 is not here: every artefact carries it from the moment it is read (`artifact.sha256`).
 */
const COMPUTABLE: Readonly<Record<string, string>> = {
  sha224: 'sha224',
  sha384: 'sha384',
  sha512: 'sha512',
  sha512_224: 'sha512-224',
  sha512_256: 'sha512-256',
  sha3_224: 'sha3-224',
  sha3_256: 'sha3-256',
  sha3_384: 'sha3-384',
  sha3_512: 'sha3-512',
  sha1: 'sha1',
};

/** Weak algorithms are never enough on their own to bind a statement to an artefact. */
export const WEAK_ALGORITHMS: ReadonlySet<string> = new Set(['md5', 'sha1']);

const DIGEST = /^([A-Za-z0-9_]+):([0-9a-fA-F]+)$/;

export function artifactFromBytes(data: Buffer, name?: string): ArtifactInput {
  return { kind: 'bytes', data, sha256: sha256Hex(data), ...(name ? { name } : {}) };
}

/** `ALG:HEX` with a known algorithm and the right length, or undefined. */
export function parseDigest(text: string): { algorithm: string; hex: string } | undefined {
  const m = DIGEST.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const len = DIGEST_ALGORITHMS[m[1]];
  if (len === undefined || m[2].length !== len) return undefined;
  return { algorithm: m[1], hex: m[2].toLowerCase() };
}

export function artifactFromDigest(digest: string, name?: string): ArtifactInput {
  const d = parseDigest(digest);
  if (!d) {
    throw new ConfigurationError(
      `"${digest}" is not a digest: expected ALGORITHM:HEX with an in-toto algorithm (${Object.keys(DIGEST_ALGORITHMS).join(', ')}) and its full length`,
    );
  }
  return {
    kind: 'digest',
    algorithm: d.algorithm,
    hex: d.hex,
    ...(d.algorithm === 'sha256' ? { sha256: d.hex } : {}),
    ...(name ? { name } : {}),
  };
}

/** The artefact's digest in `algorithm` (computed from the bytes), or undefined when it cannot be known. */
export function artifactDigest(artifact: ArtifactInput, algorithm: string): string | undefined {
  if (artifact.kind === 'digest') return artifact.algorithm === algorithm ? artifact.hex : undefined;
  if (algorithm === 'sha256') return artifact.sha256;
  // Own keys only: a subject's digest set may name `constructor` or `__proto__`.
  const node = Object.hasOwn(COMPUTABLE, algorithm) ? COMPUTABLE[algorithm] : undefined;
  return node ? createHash(node).update(artifact.data).digest('hex') : undefined;
}

/** `sha512:ab12…` for messages: the digest given, or the file's sha256. */
export function artifactLabel(artifact: ArtifactInput): string {
  return artifact.kind === 'digest' ? `${artifact.algorithm}:${artifact.hex}` : `sha256:${artifact.sha256}`;
}

/**
 * Whether a subject's digest set names this artefact: at least one algorithm the artefact can be
 * checked in (not a weak one alone) matches, and none that can be checked differs.
 */
export function subjectMatches(digest: Record<string, unknown>, artifact: ArtifactInput): boolean {
  let strong = false;
  for (const [alg, value] of Object.entries(digest)) {
    if (typeof value !== 'string') continue;
    const mine = artifactDigest(artifact, alg);
    if (mine === undefined) continue;
    if (mine !== value.toLowerCase()) return false;
    if (!WEAK_ALGORITHMS.has(alg)) strong = true;
  }
  return strong;
}

/**
 * FILE_OR_DIGEST as the Sigstore conformance protocol defines it, for any in-toto algorithm: a digest
 * when it reads `ALG:HEX` with the right length and is not a path on disk; a file path otherwise.
 */
/** The largest artefact read into memory to be verified (its digests in every algorithm are computed from the bytes). */
export const MAX_ARTIFACT_BYTES = 4 * 1024 ** 3;

export async function readArtifactArgument(arg: string): Promise<ArtifactInput> {
  if (parseDigest(arg) && !existsSync(arg)) return artifactFromDigest(arg);
  let data: Buffer;
  try {
    // Regular files only: a FIFO would block for ever, /dev/zero never end. A link given on the command
    // line is the user's own choice and is followed wherever it points.
    data = await readRegularFile(arg, { maxBytes: MAX_ARTIFACT_BYTES, within: '/', what: 'artefact' });
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason !== 'missing' && e.reason !== 'unreadable') throw e;
    const cause = e instanceof UnsafeFileError && e.cause !== undefined ? e.cause : e;
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause);
    const looksLikeDigest = /^[A-Za-z0-9_]+:[0-9a-fA-F]+$/.test(arg);
    throw new ConfigurationError(`cannot read the artefact: ${code}`, {
      location: { file: arg },
      cause: e,
      ...(looksLikeDigest
        ? {
            hint: `to give a digest, write ALGORITHM:HEX with its full length (${Object.keys(DIGEST_ALGORITHMS).slice(0, 4).join(', ')}, …)`,
          }
        : {}),
    });
  }
  return artifactFromBytes(data, arg);
}
