import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { printErr } from '@secure-factory/core';
import {
  distroOf,
  loadSqlite,
  osPackagePurl,
  osvQuery,
  parseApkInstalled,
  parseDpkgStatus,
  parseOsRelease,
  parseRpmHeader,
} from './os-packages.js';

describe('os-release → OSV ecosystem (osv-schema ecosystem list)', () => {
  const eco = (text: string): string | undefined => distroOf(parseOsRelease(text)).ecosystem;
  it('names the release the way OSV records do', () => {
    expect(eco('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n')).toBe('Debian:12');
    expect(eco('ID=alpine\nVERSION_ID=3.20.3\n')).toBe('Alpine:v3.20');
    expect(eco('ID=ubuntu\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\nVERSION_ID="22.04"\n')).toBe('Ubuntu:22.04:LTS');
    expect(eco('ID=ubuntu\nVERSION="23.10 (Mantic Minotaur)"\nVERSION_ID="23.10"\n')).toBe('Ubuntu:23.10');
    expect(eco('ID="rocky"\nVERSION_ID="9.3"\n')).toBe('Rocky Linux:9');
    expect(eco('ID="almalinux"\nVERSION_ID="8.10"\n')).toBe('AlmaLinux:8');
    expect(eco('ID="rhel"\nVERSION_ID="9.4"\nCPE_NAME="cpe:/o:redhat:enterprise_linux:9::baseos"\n')).toBe(
      'Red Hat:enterprise_linux:9::baseos',
    );
    expect(eco('ID=wolfi\n')).toBe('Wolfi');
    // Debian testing and sid have no VERSION_ID: every release's records are read.
    expect(eco('PRETTY_NAME="Debian GNU/Linux trixie/sid"\nID=debian\n')).toBe('Debian');
  });
  it('says why when OSV has no ecosystem for the distribution', () => {
    const d = distroOf(parseOsRelease('ID=fedora\nVERSION_ID=40\n'));
    expect(d.ecosystem).toBeUndefined();
    expect(d.unmatched).toMatch(/no ecosystem for fedora/);
  });
  it('reads the ecosystem of this machine', () => {
    if (!existsSync('/etc/os-release')) return;
    const d = distroOf(parseOsRelease(readFileSync('/etc/os-release', 'utf8')));
    expect(d.id).not.toBe('');
  });
});

describe('dpkg status', () => {
  const status = [
    'Package: libssl3',
    'Status: install ok installed',
    'Architecture: amd64',
    'Source: openssl',
    'Version: 3.0.11-1~deb12u1',
    'Description: Secure Sockets Layer toolkit',
    ' continuation: not a field',
    '',
    'Package: libc6',
    'Status: install ok installed',
    'Architecture: amd64',
    'Source: glibc (2.36-9+deb12u3)',
    'Version: 2.36-9+deb12u3+b1',
    '',
    'Package: removed-one',
    'Status: deinstall ok config-files',
    'Version: 1.0-1',
    '',
    'Package: base-files',
    'Status: install ok installed',
    'Version: 12.4+deb12u5',
    '',
  ].join('\n');

  it('keeps installed packages with the source package OSV asks about (Source: name (version))', () => {
    const pkgs = parseDpkgStatus(status, 'status');
    expect(pkgs.map((p) => p.name)).toEqual(['libssl3', 'libc6', 'base-files']);
    expect(osvQuery(pkgs[0]!, 'Debian:12')).toEqual({ ecosystem: 'Debian:12', name: 'openssl', version: '3.0.11-1~deb12u1' });
    // A binNMU: the binary is +b1, the source version is the one in parentheses.
    expect(osvQuery(pkgs[1]!, 'Debian:12')).toEqual({ ecosystem: 'Debian:12', name: 'glibc', version: '2.36-9+deb12u3' });
    expect(osvQuery(pkgs[2]!, 'Debian:12')).toEqual({ ecosystem: 'Debian:12', name: 'base-files', version: '12.4+deb12u5' });
  });

  it('writes purls as syft does', () => {
    const [ssl] = parseDpkgStatus(status, 'status');
    expect(osPackagePurl(ssl!, { id: 'debian', versionId: '12' })).toBe(
      'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl',
    );
  });

  it('a stanza without a version is an error, not a package with an empty version', () => {
    expect(() => parseDpkgStatus('Package: x\nStatus: install ok installed\n', 'status')).toThrow(/no Version/);
  });

  it("agrees with dpkg-query on this machine's /var/lib/dpkg/status (names, versions, source names and versions)", () => {
    if (!existsSync('/var/lib/dpkg/status')) {
      printErr('SKIPPED: /var/lib/dpkg/status is not on this machine');
      return;
    }
    let oracle: string;
    try {
      oracle = execFileSync(
        'dpkg-query',
        ['-W', '-f', '${db:Status-Abbrev}|${Package}|${Version}|${source:Package}|${source:Version}\\n'],
        {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        },
      );
    } catch {
      printErr('SKIPPED: dpkg-query is not on this machine');
      return;
    }
    const text = readFileSync('/var/lib/dpkg/status', 'utf8');
    const t0 = process.hrtime.bigint();
    const pkgs = parseDpkgStatus(text, '/var/lib/dpkg/status');
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    printErr(`parsed /var/lib/dpkg/status (${text.length} bytes, ${pkgs.length} packages) in ${ms.toFixed(1)} ms`);
    // Status-Abbrev's second letter: i installed, U unpacked, H half-installed, F half-configured, W/t triggers.
    const expected = oracle
      .split('\n')
      .map((l) => l.split('|'))
      .filter((f) => f.length === 5 && /^.[iUHFWt]/.test(f[0] ?? ''))
      .map(([, name, version, src, srcVersion]) => `${name} ${version} ${src} ${srcVersion}`)
      .sort();
    const got = pkgs.map((p) => `${p.name} ${p.version} ${p.sourceName ?? p.name} ${p.sourceVersion ?? p.version}`).sort();
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(expected);
  });
});

describe('apk installed database', () => {
  const db = [
    'C:Q1abc=',
    'P:libcrypto3',
    'V:3.3.1-r0',
    'A:x86_64',
    'o:openssl',
    'm:Someone',
    '',
    'P:musl',
    'V:1.2.5-r0',
    'A:x86_64',
    'o:musl',
    '',
  ].join('\n');
  it('reads name, version, arch and origin (OSV Alpine records name the origin)', () => {
    const pkgs = parseApkInstalled(db, 'installed');
    expect(pkgs.map((p) => `${p.name}@${p.version}`)).toEqual(['libcrypto3@3.3.1-r0', 'musl@1.2.5-r0']);
    expect(osvQuery(pkgs[0]!, 'Alpine:v3.20')).toEqual({ ecosystem: 'Alpine:v3.20', name: 'openssl', version: '3.3.1-r0' });
    expect(osPackagePurl(pkgs[0]!, { id: 'alpine', versionId: '3.20.1' })).toBe(
      'pkg:apk/alpine/libcrypto3@3.3.1-r0?arch=x86_64&distro=alpine-3.20.1&upstream=openssl',
    );
  });
});

/** An rpm header blob as rpmdb stores it (rpm's header.c: il, dl, 16-byte entries, data). */
function rpmHeader(tags: [number, number, string | number][]): Buffer {
  const entries: Buffer[] = [];
  const data: Buffer[] = [];
  let offset = 0;
  for (const [tag, type, value] of tags) {
    let bytes: Buffer;
    if (type === 4) {
      const pad = (4 - (offset % 4)) % 4;
      if (pad) {
        data.push(Buffer.alloc(pad));
        offset += pad;
      }
      bytes = Buffer.alloc(4);
      bytes.writeUInt32BE(value as number);
    } else bytes = Buffer.from(`${String(value)}\0`);
    const e = Buffer.alloc(16);
    e.writeUInt32BE(tag, 0);
    e.writeUInt32BE(type, 4);
    e.writeUInt32BE(offset, 8);
    e.writeUInt32BE(1, 12);
    entries.push(e);
    data.push(bytes);
    offset += bytes.length;
  }
  const head = Buffer.alloc(8);
  head.writeUInt32BE(entries.length, 0);
  head.writeUInt32BE(offset, 4);
  return Buffer.concat([head, ...entries, ...data]);
}

describe('rpm headers', () => {
  const blob = rpmHeader([
    [1000, 6, 'openssl-libs'],
    [1001, 6, '3.0.7'],
    [1002, 6, '24.el9'],
    [1003, 4, 1],
    [1022, 6, 'x86_64'],
    [1044, 6, 'openssl-3.0.7-24.el9.src.rpm'],
  ]);
  it('reads name, epoch:version-release, arch and the source RPM name', () => {
    const p = parseRpmHeader(blob, 'rpmdb');
    expect(p).toMatchObject({ name: 'openssl-libs', version: '1:3.0.7-24.el9', arch: 'x86_64', epoch: 1, sourceName: 'openssl' });
    expect(osvQuery(p, 'Rocky Linux:9')).toEqual({ ecosystem: 'Rocky Linux:9', name: 'openssl', version: '1:3.0.7-24.el9' });
    // Red Hat's records name binary RPMs.
    expect(osvQuery(p, 'Red Hat:enterprise_linux:9::baseos').name).toBe('openssl-libs');
    expect(osPackagePurl(p, { id: 'rhel', versionId: '9.4' })).toBe(
      'pkg:rpm/rhel/openssl-libs@3.0.7-24.el9?arch=x86_64&distro=rhel-9.4&epoch=1&upstream=openssl',
    );
  });
  it('refuses a header whose index points outside it', () => {
    const bad = Buffer.from(blob);
    bad.writeUInt32BE(1_000_000, 4);
    expect(() => parseRpmHeader(bad, 'rpmdb')).toThrow(/not well formed/);
  });
  it('node:sqlite is available on the Node the tests run on (Node 24)', async () => {
    const major = Number(process.versions.node.split('.')[0]);
    if (major >= 24) expect(await loadSqlite()).toBeDefined();
  });
});

describe('hostile package databases: names that are empty, carry controls or markup, are refused naming the file', () => {
  const refusal = (f: () => unknown): string => {
    try {
      f();
    } catch (e: unknown) {
      return (e as Error).message;
    }
    return 'no refusal';
  };
  it('apk: an empty P: line (found by the fast-check properties) and an escape sequence in a name', () => {
    expect(refusal(() => parseApkInstalled('V:\u0000\nP:\n', 'lib/apk/db/installed'))).toBe(
      'lib/apk/db/installed: a package with an empty name',
    );
    expect(refusal(() => parseApkInstalled('P:musl\u0007\nV:1.2\n', 'lib/apk/db/installed'))).toBe(
      'package name "musl\\u0007" contains control or invisible characters',
    );
  });
  it('dpkg: an empty Package field, markup in a name, a control character in a version or source', () => {
    const file = 'var/lib/dpkg/status';
    expect(refusal(() => parseDpkgStatus('Package: \nVersion: 1\n', file))).toBe(`${file}: a package with an empty name`);
    expect(refusal(() => parseDpkgStatus('Package: <img src=x>\nVersion: 1\n', file))).toBe(
      'package name "<img src=x>" contains characters no package name may hold',
    );
    expect(refusal(() => parseDpkgStatus('Package: a\nVersion: 1\u0007\n', file))).toBe(
      'version "1\\u0007" contains control or invisible characters',
    );
    expect(refusal(() => parseDpkgStatus('Package: a\nVersion: 1\nSource: b\u202e\n', file))).toBe(
      'source package name "b\u202e" contains control or invisible characters',
    );
    // A well-formed stanza is still read.
    expect(parseDpkgStatus('Package: libc6\nVersion: 2.36-9\nSource: glibc\nArchitecture: amd64\n', file)).toEqual([
      { manager: 'dpkg', name: 'libc6', version: '2.36-9', sourceName: 'glibc', arch: 'amd64' },
    ]);
  });
});
