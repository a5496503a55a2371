/**
 * npm provenance made by the factory: `npm publish --provenance-file <bundle>` accepts a Sigstore bundle
 * whose DSSE statement has exactly one subject, named as npm names the package version
 * (`pkg:npm/%40scope/name@1.2.3`, plus `?repository_url=` for a registry other than npmjs) with the
 * sha512 of the tarball's bytes (what the registry records as `dist.integrity`). npm checks the name and
 * the digest, then verifies the bundle.
 *
 * The statement signed here is the build's own SLSA provenance for the tarball, with its subject
 * restated in npm's terms: the tarball must be one of the provenance's subjects (same sha256), so the
 * registry's copy says exactly what the factory's build said. It is written under `<evidence>/npm/`
 * so the gate, which reads the evidence folder's top level, never mistakes it for a separate claim.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigurationError, decodeUtf8, gunzipped, TarError, walkTar, type Subject } from '@secure-factory/core';

export const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** The folder, inside the evidence folder, for npm provenance bundles. */
export const NPM_PROVENANCE_FOLDER = 'npm';

export interface NpmPackage {
  file: string;
  name: string;
  /** The version as npm publishes it (build metadata dropped). */
  version: string;
  /** npm's subject name for this version (npm-package-arg `toPurl`). */
  purl: string;
  sha256: string;
  sha512: string;
  /** `sha512-<base64>`, the registry's `dist.integrity`. */
  integrity: string;
}

const MAX_MANIFEST = 1024 * 1024;
/** The registry takes packages far smaller; a tarball unpacking beyond this is refused, not read on. */
const MAX_UNPACKED = 2 * 1024 ** 3;
// npm's rules for new package names: lower case, URL-safe, at most 214 characters, optional @scope/.
const NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
// semver 2.0 (npm publishes only valid versions).
const VERSION =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** npm's purl for a registry version: the leading `@` of a scope is written `%40`. */
export function npmPurl(name: string, version: string, registry: string = NPM_DEFAULT_REGISTRY): string {
  const purl = `pkg:npm/${name.replace(/^@/, '%40')}@${version}`;
  return normaliseRegistry(registry) === NPM_DEFAULT_REGISTRY ? purl : `${purl}?repository_url=${registry}`;
}

function normaliseRegistry(registry: string): string {
  return registry.endsWith('/') ? registry : `${registry}/`;
}

/**
 * Reads an npm package tarball (`npm pack` output): hashes its bytes and reads `package/package.json`
 * from it in one pass. Anything else — not a file, not gzip, no manifest, an invalid name or version —
 * is a ConfigurationError naming the file.
 */
export async function readNpmPackage(file: string, registry: string = NPM_DEFAULT_REGISTRY): Promise<NpmPackage> {
  const st = await lstat(file).catch(() => undefined);
  if (!st) throw new ConfigurationError('the npm package tarball does not exist', { location: { file } });
  if (!st.isFile()) throw new ConfigurationError('the npm package tarball is not a regular file', { location: { file } });
  // Two passes: the digests over every byte of the file, then the manifest (the tar reader stops at the
  // archive's end, before gzip's trailer).
  const sha256 = createHash('sha256');
  const sha512 = createHash('sha512');
  try {
    for await (const chunk of createReadStream(file)) {
      sha256.update(chunk as Buffer);
      sha512.update(chunk as Buffer);
    }
  } catch {
    throw new ConfigurationError('cannot read the npm package tarball', { location: { file } });
  }
  const source = createReadStream(file);
  let manifest: Buffer | undefined;
  try {
    await walkTar(
      gunzipped(source, file),
      file,
      { maxTotalBytes: MAX_UNPACKED },
      // npm pack writes `package/`; some tools wrote another top folder (npm reads the first one's package.json).
      (entry) =>
        manifest === undefined && /^[^/]+\/package\.json$/.test(entry.path) ? { read: true, maxBytes: MAX_MANIFEST } : { read: false },
      (_entry, body) => {
        if (manifest === undefined) manifest = body;
      },
    );
  } catch (e: unknown) {
    if (e instanceof TarError) {
      throw new ConfigurationError(`${e.message}: not an npm package tarball`, {
        hint: 'give the .tgz that `npm pack` wrote',
      });
    }
    throw e;
  } finally {
    source.destroy();
  }
  if (!manifest) {
    throw new ConfigurationError('the tarball holds no package/package.json: not an npm package', {
      location: { file },
      hint: 'give the .tgz that `npm pack` wrote',
    });
  }
  let pkg: unknown;
  try {
    pkg = JSON.parse(decodeUtf8(manifest, `${file}!package/package.json`, 'package.json'));
  } catch (e: unknown) {
    if (e instanceof ConfigurationError) throw e;
    throw new ConfigurationError('package/package.json inside the tarball is not valid JSON', { location: { file } });
  }
  const name = (pkg as { name?: unknown } | null)?.name;
  const version = (pkg as { version?: unknown } | null)?.version;
  if (typeof name !== 'string' || name.length > 214 || !NAME.test(name)) {
    throw new ConfigurationError(`package/package.json names no valid npm package (name: ${JSON.stringify(name ?? null)?.slice(0, 80)})`, {
      location: { file },
    });
  }
  if (typeof version !== 'string' || version.length > 256 || !VERSION.test(version)) {
    throw new ConfigurationError(
      `package/package.json of ${name} has no valid semver version (version: ${JSON.stringify(version ?? null)?.slice(0, 80)})`,
      {
        location: { file },
      },
    );
  }
  const digest512 = sha512.digest();
  // npm publishes `semver.clean(version)`: build metadata (`+build.7`) is dropped from the version it records.
  const published = version.replace(/\+.*$/, '');
  return {
    file,
    name,
    version: published,
    purl: npmPurl(name, published, registry),
    sha256: sha256.digest('hex'),
    sha512: digest512.toString('hex'),
    integrity: `sha512-${digest512.toString('base64')}`,
  };
}

/** The subject npm expects in a `--provenance-file` statement for this package. */
export function npmSubject(pkg: NpmPackage): Subject {
  return { name: pkg.purl, digest: { sha512: pkg.sha512 } };
}

/** `@acme/cli@1.2.3` → `acme-cli-1.2.3`: the statement name under `<evidence>/npm/`. */
export function npmEvidenceName(pkg: NpmPackage): string {
  return `${pkg.name.replace(/^@/, '').replace(/[^a-z0-9._-]+/g, '-')}-${pkg.version}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-')
    .slice(0, 128);
}

export function npmProvenanceDir(evidenceDir: string): string {
  return path.join(evidenceDir, NPM_PROVENANCE_FOLDER);
}
