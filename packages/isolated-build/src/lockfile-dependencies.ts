/**
 * The lockfile packages as provenance `resolvedDependencies`: each package's purl with the digests
 * its lockfile's integrity field gives (hex), plus the lockfile itself by SHA-256. Parsing is the
 * materials package's (one parser per format).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compareBytewise, sha256File, type ResourceDescriptor } from '@secure-factory/core';
import { formatFor, readLockfile } from '@secure-factory/materials';

const HEX_LENGTH: Record<string, number> = { sha512: 128, sha384: 96, sha256: 64, sha1: 40 };

export interface LockfileDependencies {
  lockfiles: ResourceDescriptor[];
  packages: ResourceDescriptor[];
}

/** Lockfiles at the top of the source folder, by the names materials knows. */
export async function findLockfiles(sourceDir: string): Promise<string[]> {
  const names = await readdir(sourceDir);
  return names.filter((n) => formatFor(n) !== undefined).sort(compareBytewise);
}

export async function lockfileDependencies(sourceDir: string): Promise<LockfileDependencies> {
  const lockfiles: ResourceDescriptor[] = [];
  const packages = new Map<string, ResourceDescriptor>();
  for (const name of await findLockfiles(sourceDir)) {
    const abs = path.join(sourceDir, name);
    lockfiles.push({ name, uri: `file:${name}`, digest: { sha256: await sha256File(abs) } });
    for (const p of readLockfile(abs, { root: sourceDir })) {
      const digest: Record<string, string> = {};
      // A malformed integrity value (wrong length) is left out rather than recorded as a digest.
      for (const [alg, hex] of Object.entries(p.integrity ?? {}))
        if (typeof hex === 'string' && hex.length === HEX_LENGTH[alg]) digest[alg] = hex;
      const d: ResourceDescriptor = { name: p.version ? `${p.name}@${p.version}` : p.name, uri: p.purl };
      if (Object.keys(digest).length > 0) d.digest = digest;
      if (p.resolved) d.downloadLocation = p.resolved;
      const key = `${p.purl} ${JSON.stringify(digest)}`;
      if (!packages.has(key)) packages.set(key, d);
    }
  }
  return { lockfiles, packages: [...packages.values()].sort((a, b) => compareBytewise(a.uri ?? '', b.uri ?? '')) };
}
