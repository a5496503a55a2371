/**
 * What an image's operating system says is installed, read from the files its package manager keeps:
 *   - `/etc/os-release` (or `/usr/lib/os-release`): the distribution, hence the OSV ecosystem;
 *   - dpkg: `/var/lib/dpkg/status` (deb822 stanzas) and distroless's `/var/lib/dpkg/status.d/*`;
 *   - apk: `/lib/apk/db/installed` (`P:`/`V:`/`A:`/`o:` lines);
 *   - rpm: the header blobs in `rpmdb.sqlite` (table `Packages`), read with Node's built-in
 *     `node:sqlite`; BerkeleyDB and ndb databases (older RHEL, SUSE) are recognised, not read.
 *
 * OSV's Debian, Ubuntu and Alpine records name the *source* package (osv-schema, "affected[].package":
 * "the name of the source package"), so each binary package carries the source name and version OSV
 * is asked about: dpkg's `Source: name (version)` (the version defaults to the binary's, as dpkg
 * defines it), apk's `o:` origin. Rocky Linux and AlmaLinux also name source RPMs (from SOURCERPM);
 * Red Hat names binary RPMs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as NodeSqlite from 'node:sqlite';
import { PackageURL } from 'packageurl-js';
import { ConfigurationError } from '@secure-factory/core';
import { checkText } from '../lockfiles/lockfile-error.js';

export type PackageManager = 'dpkg' | 'apk' | 'rpm';

export interface OsPackage {
  manager: PackageManager;
  name: string;
  /** As the manager writes it: dpkg/apk `Version`, rpm `[epoch:]version-release`. */
  version: string;
  arch?: string;
  /** The source package and its version, when the manager records them. */
  sourceName?: string;
  sourceVersion?: string;
  /** rpm only: the parts of the version. */
  epoch?: number;
}

export interface Distro {
  /** os-release `ID` (`debian`, `alpine`, `ubuntu`, `rhel`, ...). */
  id: string;
  versionId?: string;
  prettyName?: string;
  /** The OSV ecosystem with its release (`Debian:12`, `Alpine:v3.20`, `Ubuntu:22.04:LTS`), when OSV has one. */
  ecosystem?: string;
  /** Why there is no ecosystem. */
  unmatched?: string;
}

/** os-release: `KEY=value` lines, values optionally quoted with shell-style escapes (os-release(5)). */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    if (!/^[A-Z0-9_]+$/.test(key)) continue;
    let v = line.slice(eq + 1);
    if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.endsWith(v[0])) v = v.slice(1, -1).replace(/\\([\\$"'`])/g, '$1');
    out[key] = v;
  }
  return out;
}

/** The distribution and its OSV ecosystem (osv-schema's ecosystem list, "affected[].package"). */
export function distroOf(osRelease: Record<string, string>): Distro {
  const id = (osRelease.ID ?? '').toLowerCase();
  const versionId = osRelease.VERSION_ID;
  const d: Distro = { id };
  if (versionId) d.versionId = versionId;
  if (osRelease.PRETTY_NAME) d.prettyName = osRelease.PRETTY_NAME;
  const major = versionId?.split('.')[0];
  const majorMinor = /^(\d+)\.(\d+)/.exec(versionId ?? '');
  switch (id) {
    case 'debian':
      // testing and sid have no VERSION_ID: every release's records are then read (conservative).
      d.ecosystem = versionId ? `Debian:${major}` : 'Debian';
      break;
    case 'ubuntu':
      if (versionId) d.ecosystem = `Ubuntu:${versionId}${/\bLTS\b/.test(osRelease.VERSION ?? '') ? ':LTS' : ''}`;
      else d.unmatched = 'Ubuntu without a VERSION_ID';
      break;
    case 'alpine':
      if (majorMinor) d.ecosystem = `Alpine:v${majorMinor[1]}.${majorMinor[2]}`;
      else d.unmatched = `Alpine ${versionId ?? '(no VERSION_ID)'} names no release branch`;
      break;
    case 'wolfi':
      d.ecosystem = 'Wolfi';
      break;
    case 'chainguard':
      d.ecosystem = 'Chainguard';
      break;
    case 'rocky':
      if (major) d.ecosystem = `Rocky Linux:${major}`;
      break;
    case 'almalinux':
      if (major) d.ecosystem = `AlmaLinux:${major}`;
      break;
    case 'rhel': {
      const cpe = osRelease.CPE_NAME ?? '';
      if (cpe.startsWith('cpe:/o:redhat:')) d.ecosystem = `Red Hat:${cpe.slice('cpe:/o:redhat:'.length)}`;
      else d.unmatched = 'RHEL without a CPE_NAME';
      break;
    }
    case 'opensuse-leap':
    case 'opensuse-tumbleweed':
      if (osRelease.PRETTY_NAME) d.ecosystem = `openSUSE:${osRelease.PRETTY_NAME}`;
      break;
    case 'sles':
    case 'sled':
      if (osRelease.PRETTY_NAME) d.ecosystem = `SUSE:${osRelease.PRETTY_NAME}`;
      break;
    case 'mageia':
      if (versionId) d.ecosystem = `Mageia:${versionId}`;
      break;
    case 'openeuler':
      if (versionId) d.ecosystem = `openEuler:${versionId}`;
      break;
    case 'photon':
      if (versionId) d.ecosystem = `Photon OS:${versionId}`;
      break;
    default:
      break;
  }
  if (!d.ecosystem && !d.unmatched) d.unmatched = `OSV has no ecosystem for ${id || 'an unnamed distribution'}`;
  return d;
}

/**
 * A package read from an image's database is named in the SBOM, OSV queries and summaries: an empty
 * name, control characters or markup in it mean a corrupt or hostile database, refused naming the file.
 */
function plainPackage(p: OsPackage, file: string): OsPackage {
  const hint = "the image's package database is corrupt or was written by hand; rebuild the image from its package manager";
  if (p.name === '') throw new ConfigurationError(`${file}: a package with an empty name`, { location: { file }, hint });
  checkText(file, 'package name', p.name, undefined, hint);
  checkText(file, 'version', p.version, undefined, hint);
  if (p.sourceName !== undefined) checkText(file, 'source package name', p.sourceName, undefined, hint);
  if (p.sourceVersion !== undefined) checkText(file, 'source version', p.sourceVersion, undefined, hint);
  if (p.arch !== undefined) checkText(file, 'architecture', p.arch, undefined, hint);
  return p;
}

/** dpkg's notion of "files are on disk": everything but not-installed and config-files. */
const DPKG_PRESENT = new Set(['installed', 'half-installed', 'unpacked', 'half-configured', 'triggers-awaited', 'triggers-pending']);

/**
 * dpkg's status file (deb822 stanzas, one per package). A stanza without `Status` (distroless's
 * status.d files) counts as installed. Continuation lines and unknown fields are skipped.
 */
export function parseDpkgStatus(text: string, file: string): OsPackage[] {
  const out: OsPackage[] = [];
  let fields: Record<string, string> = {};
  const flush = (): void => {
    const name = fields.package;
    if (name !== undefined) {
      const state = fields.status?.split(/\s+/)[2];
      if (fields.status === undefined || (state !== undefined && DPKG_PRESENT.has(state))) {
        if (!fields.version)
          throw new ConfigurationError(`${file}: the package ${name.slice(0, 100)} has no Version`, {
            hint: 'a dpkg status stanza names its version',
          });
        const p: OsPackage = { manager: 'dpkg', name, version: fields.version };
        if (fields.architecture) p.arch = fields.architecture;
        const source = /^(\S+)(?:\s*\(([^)\s]+)\))?\s*$/.exec(fields.source ?? '');
        if (source?.[1]) {
          p.sourceName = source[1];
          if (source[2]) p.sourceVersion = source[2];
        }
        out.push(plainPackage(p, file));
      }
    }
    fields = {};
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    start = end + 1;
    if (line === '' || /^\s*$/.test(line)) {
      flush();
      continue;
    }
    const c = line.charCodeAt(0);
    if (c === 32 || c === 9 || c === 35) continue; // continuation or comment
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).toLowerCase();
    if (key === 'package' || key === 'status' || key === 'version' || key === 'architecture' || key === 'source') {
      fields[key] = line.slice(colon + 1).trim();
    }
  }
  flush();
  return out;
}

/** apk's installed database: `P:` name, `V:` version, `A:` arch, `o:` origin (the source package). */
export function parseApkInstalled(text: string, file: string): OsPackage[] {
  const out: OsPackage[] = [];
  let cur: Partial<Record<'P' | 'V' | 'A' | 'o', string>> = {};
  const flush = (): void => {
    if (cur.P !== undefined) {
      if (!cur.V) throw new ConfigurationError(`${file}: the package ${cur.P.slice(0, 100)} has no V: (version) line`);
      const p: OsPackage = { manager: 'apk', name: cur.P, version: cur.V };
      if (cur.A) p.arch = cur.A;
      if (cur.o) {
        p.sourceName = cur.o;
        p.sourceVersion = cur.V;
      }
      out.push(plainPackage(p, file));
    }
    cur = {};
  };
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') {
      flush();
      continue;
    }
    if (line[1] !== ':') continue;
    const k = line[0];
    if (k === 'P' || k === 'V' || k === 'A' || k === 'o') cur[k] = line.slice(2);
  }
  flush();
  return out;
}

// rpm header tags (rpmtag.h) and types.
const TAG = { name: 1000, version: 1001, release: 1002, epoch: 1003, arch: 1022, sourcerpm: 1044 } as const;
const HEADER_MAGIC = Buffer.from([0x8e, 0xad, 0xe8, 0x01]);

/**
 * One rpm header blob (as rpmdb stores it: index count, data length, 16-byte index entries, data;
 * the 8-byte magic of a package file's header is accepted too). Only the naming tags are read.
 */
export function parseRpmHeader(blob: Buffer, what: string): OsPackage {
  let b = blob;
  if (b.length >= 8 && b.subarray(0, 4).equals(HEADER_MAGIC)) b = b.subarray(8);
  const bad = (why: string): ConfigurationError => new ConfigurationError(`${what}: an rpm header that is not well formed (${why})`);
  if (b.length < 8) throw bad('too short');
  const il = b.readUInt32BE(0);
  const dl = b.readUInt32BE(4);
  const dataStart = 8 + il * 16;
  if (il > 100_000 || dl > b.length || dataStart + dl > b.length) throw bad('index or data out of bounds');
  const strings = new Map<number, string>();
  let epoch: number | undefined;
  for (let i = 0; i < il; i++) {
    const at = 8 + i * 16;
    const tag = b.readUInt32BE(at);
    const type = b.readUInt32BE(at + 4);
    const offset = b.readUInt32BE(at + 8);
    if (offset >= dl) continue;
    if (tag === TAG.epoch && type === 4 && offset + 4 <= dl) epoch = b.readUInt32BE(dataStart + offset);
    else if ((type === 6 || type === 9 || type === 8) && Object.values(TAG).includes(tag as never)) {
      const s = dataStart + offset;
      const nul = b.indexOf(0, s);
      if (nul < 0 || nul > dataStart + dl) throw bad('a string runs past the data');
      strings.set(tag, b.subarray(s, nul).toString('utf8'));
    }
  }
  const name = strings.get(TAG.name);
  const version = strings.get(TAG.version);
  const release = strings.get(TAG.release);
  if (!name || !version) throw bad('no name or version');
  const full = `${epoch !== undefined ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
  const p: OsPackage = { manager: 'rpm', name, version: full };
  const arch = strings.get(TAG.arch);
  if (arch) p.arch = arch;
  if (epoch !== undefined) p.epoch = epoch;
  // SOURCERPM is `name-version-release.src.rpm`: the name is what precedes the last two dashes.
  const src = /^(.+)-[^-]+-[^-]+\.(?:no)?src\.rpm$/.exec(strings.get(TAG.sourcerpm) ?? '');
  if (src?.[1]) {
    p.sourceName = src[1];
    p.sourceVersion = full;
  }
  return plainPackage(p, what);
}

type SqliteModule = typeof NodeSqlite;

/** Whether this Node has `node:sqlite` (Node ≥ 22.5; unflagged from 22.13 and in 24). */
export async function loadSqlite(): Promise<SqliteModule | undefined> {
  try {
    return await import('node:sqlite');
  } catch {
    return undefined;
  }
}

/**
 * The packages of an `rpmdb.sqlite` (rpm ≥ 4.16: table `Packages(hnum, blob)`). node:sqlite opens
 * files only, so the bytes go to a private temporary file opened read-only and removed at once.
 */
export async function parseRpmSqlite(db: Buffer, what: string): Promise<OsPackage[]> {
  const sqlite = await loadSqlite();
  if (!sqlite) {
    throw new ConfigurationError(`${what} is an rpm database and this Node (${process.version}) has no node:sqlite to read it`, {
      hint: 'run on Node 24, or attach an SBOM attestation to the image',
    });
  }
  if (!db.subarray(0, 16).equals(Buffer.from('SQLite format 3\0', 'latin1')))
    throw new ConfigurationError(`${what} is not an SQLite database`);
  const dir = mkdtempSync(join(tmpdir(), 'sf-rpmdb-'));
  try {
    const file = join(dir, 'rpmdb.sqlite');
    writeFileSync(file, db, { mode: 0o600 });
    const handle = new sqlite.DatabaseSync(file, { readOnly: true });
    let rows: unknown[];
    try {
      rows = handle.prepare('SELECT blob FROM Packages').all();
    } catch {
      throw new ConfigurationError(`${what}: no Packages table; not an rpm database`);
    } finally {
      handle.close();
    }
    const out: OsPackage[] = [];
    for (const r of rows) {
      const blob = (r as { blob?: unknown }).blob;
      if (!(blob instanceof Uint8Array)) continue;
      const p = parseRpmHeader(Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength), what);
      // gpg-pubkey "packages" are imported keys, not software.
      if (p.name !== 'gpg-pubkey') out.push(p);
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PURL_TYPE: Record<PackageManager, string> = { dpkg: 'deb', apk: 'apk', rpm: 'rpm' };

/** A package URL as syft and osv-scalibr write them: `pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12&upstream=glibc`. */
export function osPackagePurl(p: OsPackage, distro: Distro): string {
  const namespace = distro.id || (p.manager === 'dpkg' ? 'debian' : p.manager === 'apk' ? 'alpine' : 'redhat');
  const q: Record<string, string> = {};
  if (p.arch) q.arch = p.arch;
  if (p.manager === 'rpm' && p.epoch !== undefined) q.epoch = String(p.epoch);
  if (distro.id) q.distro = distro.versionId ? `${distro.id}-${distro.versionId}` : distro.id;
  if (p.sourceName && p.sourceName !== p.name) q.upstream = p.sourceName;
  // rpm purls carry version-release; the epoch goes in its qualifier (purl-spec, type rpm).
  const version = p.manager === 'rpm' && p.epoch !== undefined ? p.version.slice(p.version.indexOf(':') + 1) : p.version;
  return new PackageURL(PURL_TYPE[p.manager], namespace, p.name, version, q, undefined).toString();
}

const BINARY_NAMED = new Set(['Red Hat', 'Photon OS', 'Wolfi', 'Chainguard']);

/** The name and version OSV records use for a package in a distribution's ecosystem. */
export function osvQuery(p: OsPackage, ecosystem: string): { ecosystem: string; name: string; version: string } {
  const base = ecosystem.split(':')[0] ?? '';
  // Red Hat's, Photon OS's, Wolfi's and Chainguard's records name binary packages; the others the source package.
  if (BINARY_NAMED.has(base) || !p.sourceName) return { ecosystem, name: p.name, version: p.version };
  return { ecosystem, name: p.sourceName, version: p.sourceVersion ?? p.version };
}

/** `distro=debian-12` (syft, osv-scalibr, and this scanner's own purls) back to os-release terms. */
export function distroFromPurlQualifier(q: string | undefined): Distro | undefined {
  if (!q) return undefined;
  const m = /^([a-z][a-z0-9._-]*?)-(\d[\w.~+-]*)$/.exec(q);
  const id = m?.[1] ?? q;
  const versionId = m?.[2];
  const os: Record<string, string> = { ID: id };
  if (versionId) os.VERSION_ID = versionId;
  // Ubuntu's LTS releases are the even years' April releases.
  if (id === 'ubuntu' && versionId && /^\d*[02468]\.04$/.test(versionId)) os.VERSION = `${versionId} LTS`;
  return distroOf(os);
}

const MANAGER_OF_PURL_TYPE: Record<string, PackageManager> = { deb: 'dpkg', apk: 'apk', rpm: 'rpm' };

/**
 * An OS package named by a deb, apk or rpm purl (an SBOM's component), with the distribution its
 * `distro` qualifier names and the source package its `upstream` qualifier names (`name`, `name@version`,
 * or for rpm the source RPM file name). Undefined for other purl types or a purl without a version.
 */
export function osPackageFromPurl(purl: string): { pkg: OsPackage; distro: Distro | undefined } | undefined {
  let p: PackageURL;
  try {
    p = PackageURL.fromString(purl);
  } catch {
    return undefined;
  }
  const manager = MANAGER_OF_PURL_TYPE[p.type];
  if (!manager || !p.version) return undefined;
  const q = (p.qualifiers ?? {}) as Record<string, string>;
  const pkg: OsPackage = { manager, name: p.name, version: p.version };
  if (q.arch) pkg.arch = q.arch;
  if (manager === 'rpm' && q.epoch && /^\d+$/.test(q.epoch)) {
    pkg.epoch = Number(q.epoch);
    pkg.version = `${q.epoch}:${p.version}`;
  }
  const [upstreamName, upstreamVersion] = (q.upstream ?? '').split('@');
  const source = manager === 'rpm' ? (/^(.+)-[^-]+-[^-]+\.(?:no)?src\.rpm$/.exec(upstreamName ?? '')?.[1] ?? upstreamName) : upstreamName;
  if (source) {
    pkg.sourceName = source;
    pkg.sourceVersion = upstreamVersion ?? pkg.version;
  }
  return { pkg, distro: distroFromPurlQualifier(q.distro) };
}
