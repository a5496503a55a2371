/** The thing a bundle is checked against: a file's bytes, or only its `sha256:` digest. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { ConfigurationError, sha256Hex } from '@secure-factory/core';

export type ArtifactInput =
  { kind: 'bytes'; data: Buffer; sha256: string; name?: string } | { kind: 'digest'; sha256: string; name?: string };

const DIGEST = /^sha256:([0-9a-fA-F]{64})$/;

export function artifactFromBytes(data: Buffer, name?: string): ArtifactInput {
  return { kind: 'bytes', data, sha256: sha256Hex(data), ...(name ? { name } : {}) };
}

export function artifactFromDigest(digest: string, name?: string): ArtifactInput {
  const m = DIGEST.exec(digest);
  if (!m?.[1]) throw new ConfigurationError(`"${digest}" is not a sha256:<64 hex> digest`);
  return { kind: 'digest', sha256: m[1].toLowerCase(), ...(name ? { name } : {}) };
}

/**
 * FILE_OR_DIGEST as the Sigstore conformance protocol defines it: a digest when it starts with
 * `sha256:`, has the right length and is not a path on disk; a file path otherwise.
 */
export async function readArtifactArgument(arg: string): Promise<ArtifactInput> {
  if (DIGEST.test(arg) && !existsSync(arg)) return artifactFromDigest(arg);
  let data: Buffer;
  try {
    data = await readFile(arg);
  } catch (e: unknown) {
    throw new ConfigurationError(`cannot read the artefact: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      location: { file: arg },
      cause: e,
    });
  }
  return artifactFromBytes(data, arg);
}
