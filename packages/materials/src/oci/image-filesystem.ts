/**
 * The few files of an image's root file system that say what is installed, read from its layers in
 * order as the OCI image spec's "Applying changesets" says: a later layer replaces a path, a
 * `.wh.NAME` whiteout deletes NAME (and what lies under it) from the layers below, and
 * `.wh..wh..opq` makes a directory opaque (everything below it from earlier layers is gone).
 * Only the wanted paths are kept; every other entry is skipped without being held.
 *
 * A package database must be a regular file reached through directories: a symlink or a hard link
 * at a database path (os-release links are normal and are not followed: the other os-release is read), or a database file under a directory that an upper layer made a symlink, is
 * refused (a link could point the reader at another file, and no tool writes a database that way).
 */
import { LayerRefused, walkTar, type TarEntry } from './layer-tar.js';

/** The paths read: os-release and the package databases of dpkg, apk and rpm. */
export const OS_RELEASE_PATHS = ['etc/os-release', 'usr/lib/os-release'] as const;
export const DPKG_STATUS = 'var/lib/dpkg/status';
export const DPKG_STATUS_DIR = 'var/lib/dpkg/status.d';
export const APK_INSTALLED = 'lib/apk/db/installed';
/** rpm ≥ 4.16 (RHEL 9, Rocky, Alma); Fedora ≥ 36 moved it under /usr/lib/sysimage; SUSE uses /usr/share/rpm. */
export const RPM_SQLITE_PATHS = ['var/lib/rpm/rpmdb.sqlite', 'usr/lib/sysimage/rpm/rpmdb.sqlite', 'usr/share/rpm/rpmdb.sqlite'] as const;
/** Older rpm databases (BerkeleyDB, ndb): recognised so the scan can say it cannot read them. */
export const RPM_OTHER_PATHS = ['var/lib/rpm/Packages', 'var/lib/rpm/Packages.db', 'usr/lib/sysimage/rpm/Packages.db'] as const;

export interface FileLimits {
  /** os-release and similar small files. */
  smallFileBytes: number;
  /** dpkg status, apk installed, each status.d file. */
  databaseBytes: number;
  /** rpmdb.sqlite. */
  rpmDatabaseBytes: number;
  /** Uncompressed bytes of one layer. */
  layerBytes: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = {
  smallFileBytes: 64 * 1024,
  databaseBytes: 64 * 1024 * 1024,
  rpmDatabaseBytes: 256 * 1024 * 1024,
  layerBytes: 8 * 1024 * 1024 * 1024,
};

/** The byte limit for a wanted path, or undefined when the path is not wanted. */
export function wantedLimit(path: string, limits: FileLimits): number | undefined {
  if ((OS_RELEASE_PATHS as readonly string[]).includes(path)) return limits.smallFileBytes;
  if (path === DPKG_STATUS || path === APK_INSTALLED) return limits.databaseBytes;
  if (path.startsWith(`${DPKG_STATUS_DIR}/`) && !path.slice(DPKG_STATUS_DIR.length + 1).includes('/')) return limits.databaseBytes;
  if ((RPM_SQLITE_PATHS as readonly string[]).includes(path)) return limits.rpmDatabaseBytes;
  if ((RPM_OTHER_PATHS as readonly string[]).includes(path)) return 0; // presence only
  return undefined;
}

type Node = { kind: 'file'; content: Buffer; layer: number } | { kind: 'link'; layer: number };

/** The merged view of the wanted paths, plus the directories made symlinks on the way. */
export class ImageFiles {
  readonly files = new Map<string, Node>();
  /** Paths that are symlinks in the merged view and are parents of wanted paths. */
  readonly linkedDirs = new Map<string, string>();
  layers = 0;
  entries = 0;
  bytes = 0;

  /** Regular-file content at a path, or undefined. */
  file(path: string): Buffer | undefined {
    const n = this.files.get(path);
    return n?.kind === 'file' ? n.content : undefined;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Paths under a directory (one level), sorted. */
  list(dir: string): string[] {
    const prefix = `${dir}/`;
    return [...this.files.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes('/')).sort();
  }
}

const WANTED_PARENTS = new Set<string>();
for (const p of [...OS_RELEASE_PATHS, DPKG_STATUS, `${DPKG_STATUS_DIR}/x`, APK_INSTALLED, ...RPM_SQLITE_PATHS]) {
  const parts = p.split('/');
  for (let i = 1; i < parts.length; i++) WANTED_PARENTS.add(parts.slice(0, i).join('/'));
}

function removeUnder(files: ImageFiles, path: string): void {
  const prefix = path === '' ? '' : `${path}/`;
  for (const k of [...files.files.keys()]) if (k === path || k.startsWith(prefix)) files.files.delete(k);
  for (const k of [...files.linkedDirs.keys()]) if (k === path || k.startsWith(prefix)) files.linkedDirs.delete(k);
}

/**
 * Applies one layer (an uncompressed tar stream) on top of `files`. Whiteouts in a layer apply to the
 * layers below it only, so they are collected while walking and applied before the layer's own files.
 */
export async function applyLayer(
  files: ImageFiles,
  tar: AsyncIterable<unknown>,
  what: string,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<void> {
  const layer = files.layers++;
  const whiteouts: string[] = [];
  const opaque: string[] = [];
  const added = new Map<string, Node>();
  const links = new Map<string, string>();
  const dirs = new Set<string>();
  const refuseLink = (e: TarEntry): never => {
    throw new LayerRefused(
      `${what}: /${e.path} is a ${e.type === 'symlink' ? 'symbolic' : 'hard'} link (to ${e.linkname.slice(0, 200)}), not a package database file; refused`,
      {
        hint: 'a package database is a regular file; an image that links it elsewhere is not scanned',
      },
    );
  };
  const stats = await walkTar(
    tar,
    what,
    { maxTotalBytes: limits.layerBytes },
    (e) => {
      const slash = e.path.lastIndexOf('/');
      const base = e.path.slice(slash + 1);
      const dir = slash >= 0 ? e.path.slice(0, slash) : '';
      if (base === '.wh..wh..opq') {
        opaque.push(dir);
        return { read: false };
      }
      if (base.startsWith('.wh.')) {
        whiteouts.push(dir === '' ? base.slice(4) : `${dir}/${base.slice(4)}`);
        return { read: false };
      }
      const limit = wantedLimit(e.path, limits);
      if (e.type === 'symlink' && WANTED_PARENTS.has(e.path)) {
        links.set(e.path, e.linkname);
        return { read: false };
      }
      if (e.type === 'directory' && WANTED_PARENTS.has(e.path)) dirs.add(e.path);
      if (limit === undefined) return { read: false };
      if (e.type === 'symlink' || e.type === 'hardlink') {
        // Debian's and Alpine's /etc/os-release is a link to ../usr/lib/os-release: not followed;
        // os-release(5) says to read /usr/lib/os-release when /etc/os-release is not there.
        if ((OS_RELEASE_PATHS as readonly string[]).includes(e.path)) {
          added.set(e.path, { kind: 'link', layer });
          return { read: false };
        }
        return refuseLink(e);
      }
      if (e.type === 'file') return { read: true, maxBytes: limit };
      return { read: false };
    },
    (e, content) => {
      added.set(e.path, { kind: 'file', content, layer });
    },
  );
  files.entries += stats.entries;
  files.bytes += stats.bytes;
  for (const d of opaque) {
    const prefix = d === '' ? '' : `${d}/`;
    for (const k of [...files.files.keys()]) if (k.startsWith(prefix)) files.files.delete(k);
    for (const k of [...files.linkedDirs.keys()]) if (k.startsWith(prefix)) files.linkedDirs.delete(k);
  }
  for (const w of whiteouts) removeUnder(files, w);
  // A real directory written over a link replaces it.
  for (const d of dirs) if (!links.has(d)) files.linkedDirs.delete(d);
  for (const [p, target] of links) {
    // A directory replaced by a link: what was below it in lower layers is no longer reachable there.
    removeUnder(files, p);
    files.linkedDirs.set(p, target);
  }
  for (const [p, node] of added) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      const target = files.linkedDirs.get(parent);
      if (target !== undefined && !links.has(parent)) {
        throw new LayerRefused(
          `${what}: /${p} is written under /${parent}, which a layer made a symbolic link (to ${target.slice(0, 200)}); refused`,
        );
      }
      if (target !== undefined) {
        throw new LayerRefused(`${what}: /${p} is written under /${parent}, which the same layer makes a symbolic link; refused`);
      }
    }
    files.files.set(p, node);
  }
}
