/** Reads every material under a path (a folder, a single lockfile or manifest) into one package list. */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, isInside, type Logger, readRegularFileSync, UnsafeFileError } from '@secure-factory/core';
import { discover, SUPPRESSION_FILES } from './discover.js';
import { formatById, formatFor, LOCKFILE_FORMATS, MAX_LOCKFILE_BYTES, readLockfile } from './lockfiles/index.js';
import { isManifest, lockfilesFor, readManifest } from './manifests.js';
import { dockerfileImages } from './other/dockerfile.js';
import { yamlMaterials, type YamlKind } from './other/yaml-materials.js';
import type { Package } from './package.js';

export interface CollectedMaterials {
  packages: Package[];
  /** Absolute paths of the lockfiles read (their digests are the statements' subject outside git). */
  lockfiles: string[];
  /** Every file read, relative to the root. */
  files: string[];
  /** Suppression files of other scanners found in the tree (ignored), relative to the root. */
  suppressions: string[];
  /** What `materials.ignore` excluded, relative to the root (folders end with `/`). */
  ignored: string[];
}

/** A lockfile named on the command line with its format: osv-scanner's `-L FORMAT:PATH`. */
export interface ExplicitLockfile {
  format: string;
  path: string;
}

export interface CollectOptions {
  /** `materials.ignore` globs, relative to the scanned folder. */
  ignore?: readonly string[];
  /** Lockfiles with other names, read with the given format. */
  lockfiles?: readonly ExplicitLockfile[];
  logger?: Logger;
}

/** `FORMAT:PATH` → an explicit lockfile; an unknown format is a usage error listing the known ones. */
export function parseLockfileArgument(arg: string): ExplicitLockfile {
  const i = arg.indexOf(':');
  const format = i > 0 ? arg.slice(0, i) : '';
  const file = i > 0 ? arg.slice(i + 1) : '';
  const known = `FORMAT is one of: ${LOCKFILE_FORMATS.map((f) => f.id).join(', ')}`;
  if (file === '') throw new ConfigurationError(`--lockfile ${JSON.stringify(arg)}: expected FORMAT:PATH`, { hint: known });
  if (!formatById(format))
    throw new ConfigurationError(`--lockfile ${JSON.stringify(arg)}: unknown format ${JSON.stringify(format)}; ${known}`);
  return { format, path: file };
}

/**
 * Manifests, Dockerfiles and YAML through core's safe reader: regular files only, size checked on the
 * open handle, a link leaving the scanned root refused; the refusal names the file, never its content.
 */
function readText(file: string, shown: string, root: string): string {
  try {
    return readRegularFileSync(file, { maxBytes: MAX_LOCKFILE_BYTES, within: root }).toString('utf8');
  } catch (e: unknown) {
    if (!(e instanceof UnsafeFileError)) throw e;
    throw new ConfigurationError(e.message, { location: { file: shown }, ...(e.hint ? { hint: e.hint } : {}) });
  }
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/**
 * A `-L FORMAT:PATH` lockfile must lie inside the scanned folder, by its name and after every link is
 * resolved: a lockfile parser quotes the line it cannot read, so `-L requirements:../../etc/passwd` (or a
 * link to a token) would print a line of a file outside the project. Refused by the path given, nothing read.
 */
function checkExplicitInside(x: ExplicitLockfile, root: string): void {
  const abs = path.resolve(x.path);
  const base = path.resolve(root);
  if (!isInside(abs, base) || !isInside(realOr(abs), realOr(base))) {
    throw new ConfigurationError(`--lockfile ${x.format}:${x.path}: the path leaves the scanned folder ${base}; refused, nothing read`, {
      location: { file: x.path },
      hint: 'name a lockfile inside the scanned folder (a link must stay inside it too), or scan the folder that holds it',
    });
  }
}

function append<T>(into: T[], items: readonly T[]): void {
  // Not push(...items): a spread of 100k+ arguments overflows the call stack.
  for (const x of items) into.push(x);
}

/** A lockfile that cannot be read names the ignore key that would exclude it (fixtures, vendored trees). */
function withIgnoreHint(e: unknown, rel: string): unknown {
  if (!(e instanceof ConfigurationError)) return e;
  const hint = `${e.hint ? `${e.hint}; ` : ''}if it is a test fixture or vendored file, exclude it in the policy: materials: { ignore: [${JSON.stringify(rel)}] }`;
  return new ConfigurationError(e.message, { ...(e.location ? { location: e.location } : {}), hint, cause: e });
}

export function collectMaterials(target: string, options: CollectOptions = {}): CollectedMaterials {
  let st;
  try {
    st = statSync(target);
  } catch (e: unknown) {
    throw new ConfigurationError(`cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { location: { file: target } });
  }
  const root = st.isDirectory() ? target : path.dirname(target);
  const rel = (f: string): string => path.relative(root, f).split(path.sep).join('/') || path.basename(f);
  const out: CollectedMaterials = { packages: [], lockfiles: [], files: [], suppressions: [], ignored: [] };
  const byLockfile = new Map<string, Package[]>();
  const lockfile = (f: string, format?: string): void => {
    let pkgs: Package[];
    try {
      pkgs = readLockfile(f, {
        root,
        ...(format ? { format } : {}),
        ...(options.logger ? { warn: (m: string) => options.logger?.warning(m, { file: rel(f) }) } : {}),
      });
    } catch (e: unknown) {
      throw withIgnoreHint(e, rel(f));
    }
    byLockfile.set(path.resolve(f), pkgs);
    append(out.packages, pkgs);
    out.lockfiles.push(f);
    out.files.push(rel(f));
  };
  const manifest = (f: string): void => {
    // The lockfile resolving a manifest sits beside it or, for a workspace member, in a folder above.
    let locked: Package[] | undefined;
    let lockName: string | undefined;
    for (let dir = path.dirname(path.resolve(f)); ; dir = path.dirname(dir)) {
      for (const name of lockfilesFor(path.basename(f))) {
        const candidate = path.join(dir, name);
        const known = byLockfile.get(candidate);
        if (known) {
          locked = known;
          lockName = rel(candidate);
          break;
        }
      }
      if (locked || dir === path.resolve(root) || path.dirname(dir) === dir || !dir.startsWith(path.resolve(root))) break;
    }
    if (!locked) {
      // A workspace member scanned on its own: its lockfile is above the scanned folder. It is not read
      // (nothing outside the folder is), but the member's ranges are resolved there, not unpinned.
      for (let dir = path.dirname(path.resolve(root)); ; dir = path.dirname(dir)) {
        const above = lockfilesFor(path.basename(f)).find((name) => {
          try {
            return statSync(path.join(dir, name)).isFile();
          } catch {
            return false;
          }
        });
        if (above) {
          options.logger?.info(`${rel(f)}: resolved by ${path.join(dir, above)}, above the scanned folder (not read)`);
          out.files.push(rel(f));
          return;
        }
        if (path.dirname(dir) === dir) break;
      }
    }
    try {
      append(out.packages, readManifest({ file: rel(f), text: readText(f, rel(f), root), locked, lockfile: lockName }));
    } catch (e: unknown) {
      throw withIgnoreHint(e, rel(f));
    }
    out.files.push(rel(f));
  };
  const yaml = (file: string, kind: YamlKind): void => {
    append(out.packages, yamlMaterials(readText(file, rel(file), root), rel(file), kind));
    out.files.push(rel(file));
  };
  for (const x of options.lockfiles ?? []) checkExplicitInside(x, root);
  for (const x of options.lockfiles ?? []) lockfile(path.resolve(x.path), x.format);
  if (!st.isDirectory()) {
    const base = path.basename(target);
    if (formatFor(base)) {
      lockfile(target);
      return out;
    }
    if (isManifest(base)) {
      // A manifest given alone is held against the lockfile beside it, when there is one.
      for (const name of lockfilesFor(base)) {
        const sibling = path.join(root, name);
        try {
          if (statSync(sibling).isFile()) {
            lockfile(sibling);
            break;
          }
        } catch {
          // no such lockfile
        }
      }
      manifest(target);
      return out;
    }
    if (/^(?:dockerfile|containerfile)/i.test(base) || /\.dockerfile$/i.test(base)) {
      append(out.packages, dockerfileImages(readText(target, base, root), base));
    } else if (base === 'action.yml' || base === 'action.yaml') yaml(target, 'action');
    else if (/^(?:docker-)?compose/.test(base)) yaml(target, 'compose');
    else if (/\.ya?ml$/.test(base)) yaml(target, /(?:^|\/)\.github\/workflows\//.test(target) ? 'workflow' : 'kubernetes');
    else if (SUPPRESSION_FILES.has(base)) out.suppressions.push(base);
    else if ((options.lockfiles ?? []).length > 0) return out;
    else throw new ConfigurationError('not a lockfile, manifest or SBOM secure-factory knows', { location: { file: target } });
    if (!out.files.includes(base)) out.files.push(base);
    return out;
  }
  const found = discover(root, options.ignore ?? []);
  const explicit = new Set((options.lockfiles ?? []).map((x) => path.resolve(x.path)));
  for (const f of found.lockfiles) if (!explicit.has(path.resolve(f))) lockfile(f);
  for (const f of found.manifests) manifest(f);
  for (const f of found.workflows) yaml(f, 'workflow');
  for (const f of found.actions) yaml(f, 'action');
  for (const f of found.compose) yaml(f, 'compose');
  for (const f of found.kubernetes) yaml(f, 'kubernetes');
  for (const f of found.dockerfiles) {
    append(out.packages, dockerfileImages(readText(f, rel(f), root), rel(f)));
    out.files.push(rel(f));
  }
  out.suppressions = found.suppressions.map(rel);
  out.ignored = found.ignored;
  return out;
}
