/**
 * Vulnerabilities of base images, against a REAL registry on loopback (Debian's `docker-registry` 2.8,
 * no referrers API, so referrers use the tag schema). Images are written by hand: gzip tar layers made
 * with GNU tar holding etc/os-release and a dpkg status or apk database, pushed with the factory's own
 * registry client. Hostile layers (a `..` path, a 65 MiB status, a linked database) are written byte by
 * byte as ustar, since GNU tar refuses to write them. The OSV records are written for these tests from
 * the OSV schema (and validated against it); the offline database reads them as it reads osv.dev's.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createSigningPipeline, ephemeralSigner, type KeySigner } from '@secure-factory/attest';
import { parsePolicy, sha256Hex, silentLogger, type Policy } from '@secure-factory/core';
import {
  createRegistryClient,
  dockerfileImages,
  IMAGE_UNSCANNED,
  ImageValidator,
  MEDIA,
  openOfflineDatabase,
  RULE,
  scan,
  type RegistryClient,
  type ScanResult,
} from '@secure-factory/materials';
import { imageSignatureVerifier } from '@secure-factory/verify';
import { runCli } from '../support/cli.js';
import { cycloneDxValidator, osvValidator, spdxValidator } from '../support/schemas.js';
import { HAVE_SHARED } from '../support/shared.js';

function which(cmd: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const registryBin = which('docker-registry');
if (!registryBin)
  process.stderr.write('SKIPPED test/oci/image-packages: docker-registry is not installed (apt-get install docker-registry)\n');
const describeWithRegistry = registryBin ? describe : describe.skip;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer in 10 s`);
}

/** One ustar header (POSIX.1-1988 layout), checksum computed as tar does. */
function ustarHeader(name: string, size: number, type = '0', linkname = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** A tar written byte by byte, for entries GNU tar will not write (`..` paths). */
function handTar(entries: { name: string; content?: Buffer | string; type?: string; linkname?: string }[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const body = typeof e.content === 'string' ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0));
    parts.push(ustarHeader(e.name, body.length, e.type ?? '0', e.linkname ?? ''));
    parts.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

const DEBIAN_OS_RELEASE =
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nID=debian\n';
const ALPINE_OS_RELEASE = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.1\nPRETTY_NAME="Alpine Linux v3.20"\n';

function dpkgStatus(opensslVersion: string): string {
  return [
    'Package: base-files',
    'Status: install ok installed',
    'Architecture: amd64',
    'Version: 12.4+deb12u5',
    'Description: Debian base system miscellaneous files',
    '',
    'Package: libssl3',
    'Status: install ok installed',
    'Architecture: amd64',
    'Source: openssl',
    `Version: ${opensslVersion}`,
    'Description: Secure Sockets Layer toolkit - shared libraries',
    '',
    'Package: openssl',
    'Status: install ok installed',
    'Architecture: amd64',
    `Version: ${opensslVersion}`,
    'Description: Secure Sockets Layer toolkit - cryptographic utility',
    '',
  ].join('\n');
}

const APK_INSTALLED = ['P:musl', 'V:1.2.5-r0', 'A:x86_64', 'o:musl', '', 'P:libcrypto3', 'V:3.3.1-r0', 'A:x86_64', 'o:openssl', ''].join(
  '\n',
);

/** OSV records written for these tests from the OSV schema (1.7): a Debian 12 and an Alpine 3.20 advisory on openssl. */
const RECORDS = [
  {
    schema_version: '1.7.0',
    id: 'DEBIAN-CVE-2099-0001',
    modified: '2026-12-01T00:00:00Z',
    published: '2026-11-30T00:00:00Z',
    aliases: ['CVE-2099-0001'],
    summary: 'openssl: test advisory for the base-image scan',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
    affected: [
      {
        package: { ecosystem: 'Debian:12', name: 'openssl', purl: 'pkg:deb/debian/openssl?arch=source' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] }],
      },
    ],
  },
  {
    schema_version: '1.7.0',
    id: 'ALPINE-CVE-2099-0002',
    modified: '2026-12-01T00:00:00Z',
    aliases: ['CVE-2099-0002'],
    summary: 'openssl: test advisory for the apk scan',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
    affected: [
      {
        package: { ecosystem: 'Alpine:v3.20', name: 'openssl' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.3.1-r1' }] }],
      },
    ],
  },
  {
    schema_version: '1.7.0',
    id: 'RLSA-2099:0003',
    modified: '2026-12-01T00:00:00Z',
    summary: 'openssl: test advisory for the rpm scan',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
    affected: [
      {
        package: { ecosystem: 'Rocky Linux:9', name: 'openssl' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1:3.0.7-25.el9_3' }] }],
      },
    ],
  },
];

/**
 * An rpmdb.sqlite written by the real rpm (4.18 on Debian: `%_db_backend sqlite`): a spec whose `libs`
 * subpackage is openssl-libs (source RPM openssl-…src.rpm), built with rpmbuild and recorded with
 * `rpm -i --justdb`. Undefined when rpm/rpmbuild are not installed (apt-get install rpm).
 */
function realRpmDatabase(dir: string): Buffer | undefined {
  if (!which('rpmbuild') || !which('rpm')) return undefined;
  const top = join(dir, 'rpmbuild');
  mkdirSync(join(top, 'SPECS'), { recursive: true });
  writeFileSync(
    join(top, 'SPECS', 'openssl.spec'),
    [
      'Name: openssl',
      'Version: 3.0.7',
      'Release: 24.el9',
      'Epoch: 1',
      'Summary: test package for the rpm database reader',
      'License: Apache-2.0',
      'BuildArch: noarch',
      '%description',
      'test',
      '%package libs',
      'Summary: libraries',
      '%description libs',
      'test',
      '%files',
      '%files libs',
      '',
    ].join('\n'),
  );
  execFileSync('rpmbuild', ['--define', `_topdir ${top}`, '-bb', join(top, 'SPECS', 'openssl.spec')], { stdio: 'ignore' });
  const db = join(dir, 'rpmdb');
  mkdirSync(db);
  execFileSync('rpm', ['--dbpath', db, '--initdb']);
  execFileSync(
    'rpm',
    [
      '--dbpath',
      db,
      '-i',
      '--justdb',
      '--nodeps',
      '--ignorearch',
      '--ignoreos',
      join(top, 'RPMS', 'noarch', 'openssl-libs-3.0.7-24.el9.noarch.rpm'),
    ],
    {
      stdio: 'ignore',
    },
  );
  return readFileSync(join(db, 'rpmdb.sqlite'));
}

describeWithRegistry('vulnerabilities of base images, read from a real registry (docker-registry 2.8 on loopback)', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  let registry: string;
  let client: RegistryClient;
  let osvDir: string;
  const trusted: KeySigner = ephemeralSigner();
  const stranger: KeySigner = ephemeralSigner();
  const digests: Record<string, string> = {};

  /** A gzip tar layer from files, written by GNU tar (name-sorted, reproducible). */
  function tarLayer(files: Record<string, string | Buffer | { link: string }>): Buffer {
    const src = mkdtempSync(join(dir, 'layer-'));
    for (const [p, content] of Object.entries(files)) {
      mkdirSync(join(src, p, '..'), { recursive: true });
      if (typeof content === 'object' && 'link' in content) symlinkSync(content.link, join(src, p));
      else writeFileSync(join(src, p), content);
    }
    const tarFile = `${src}.tar`;
    execFileSync('tar', ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '-cf', tarFile, '-C', src, '.']);
    return readFileSync(tarFile);
  }

  async function pushImage(repository: string, tag: string, tars: Buffer[]): Promise<string> {
    const layers = tars.map((t) => gzipSync(t));
    const config = Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: tars.map((t) => `sha256:${sha256Hex(t)}`) },
      }),
    );
    const configDigest = await client.putBlob(registry, repository, config);
    const descriptors = [];
    for (const l of layers) {
      descriptors.push({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: await client.putBlob(registry, repository, l),
        size: l.length,
      });
    }
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociManifest,
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
        layers: descriptors,
      }),
    );
    const digest = await client.putManifest(registry, repository, tag, manifest, MEDIA.ociManifest);
    digests[`${repository}:${tag}`] = digest;
    return digest;
  }

  /** A key-signed DSSE bundle over an in-toto statement, pushed as a referrer (tag schema). */
  async function attach(repository: string, digest: string, signer: KeySigner, predicateType: string, predicate: unknown): Promise<void> {
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: `${registry}/${repository}`, digest: { sha256: digest.slice(7) } }],
      predicateType,
      predicate,
    };
    const pipeline = createSigningPipeline({
      kind: 'key',
      keySigner: signer,
      useRekor: false,
      services: { fulcioUrl: '', rekorMajorVersion: 1 },
    });
    const bundle = Buffer.from(JSON.stringify(await pipeline.signStatement(Buffer.from(JSON.stringify(statement)))));
    const emptyDigest = await client.putBlob(registry, repository, Buffer.from('{}'));
    const bundleDigest = await client.putBlob(registry, repository, bundle);
    const subject = await client.getManifest(registry, repository, digest);
    await client.pushReferrer(registry, repository, {
      schemaVersion: 2,
      mediaType: MEDIA.ociManifest,
      artifactType: MEDIA.sigstoreBundle,
      config: { mediaType: MEDIA.ociEmpty, digest: emptyDigest, size: 2 },
      layers: [{ mediaType: MEDIA.sigstoreBundle, digest: bundleDigest, size: bundle.length }],
      subject: { mediaType: subject.mediaType, digest, size: subject.bytes.length },
      annotations: { 'dev.sigstore.bundle.predicateType': predicateType },
    });
  }

  const signature = (repository: string, digest: string): Promise<void> =>
    attach(repository, digest, trusted, 'https://sigstore.dev/cosign/sign/v1', {});

  function policy(blockSeverity = 'high'): Policy {
    const key = trusted.publicKeyPem
      .trim()
      .split('\n')
      .map((l) => `          ${l}`)
      .join('\n');
    return parsePolicy(
      [
        'apiVersion: secure-factory/v1',
        'materials:',
        `  block-severity: ${blockSeverity}`,
        '  images:',
        `    registries: [${registry}]`,
        '    validated: required',
        '    trust:',
        `      - registry: ${registry}/acme`,
        `        key: |\n${key}`,
        '',
      ].join('\n'),
      '.github/secure-factory.yml',
    );
  }

  const validator = (p: Policy, extra: Partial<ConstructorParameters<typeof ImageValidator>[0]> = {}): ImageValidator =>
    new ImageValidator({ client, verify: imageSignatureVerifier(), images: p.materials.images, ...extra });

  async function scanDockerfile(from: string, p: Policy = policy(), evidenceDir?: string): Promise<ScanResult> {
    const project = mkdtempSync(join(dir, 'project-'));
    writeFileSync(join(project, 'Dockerfile'), `# a service\nFROM ${from}\nRUN true\n`);
    return scan({
      path: project,
      policy: p,
      logger: silentLogger,
      now: new Date(),
      images: validator(p),
      vulnSource: await openOfflineDatabase(osvDir),
      evidenceDir,
    });
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sf-image-pkgs-'));
    const port = await freePort();
    registry = `127.0.0.1:${port}`;
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      [
        'version: 0.1',
        'log: { level: error, accesslog: { disabled: true } }',
        `storage: { filesystem: { rootdirectory: ${join(dir, 'storage')} }, delete: { enabled: true } }`,
        `http: { addr: "127.0.0.1:${port}" }`,
        '',
      ].join('\n'),
    );
    child = spawn(registryBin as string, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      await waitFor(`http://${registry}/v2/`);
    } catch (e: unknown) {
      throw new Error(`docker-registry did not start: ${stderr.slice(-500)}`, { cause: e });
    }
    client = createRegistryClient({ credentials: () => undefined });
    osvDir = join(dir, 'osv');
    mkdirSync(osvDir);
    for (const r of RECORDS) writeFileSync(join(osvDir, `${r.id}.json`), JSON.stringify(r));

    // As Debian lays it out: /etc/os-release is a link to ../usr/lib/os-release.
    const vulnerable = await pushImage('acme/debian', 'vulnerable', [
      tarLayer({
        'etc/os-release': { link: '../usr/lib/os-release' },
        'usr/lib/os-release': DEBIAN_OS_RELEASE,
        'var/lib/dpkg/status': dpkgStatus('3.0.11-1~deb12u1'),
      }),
    ]);
    await signature('acme/debian', vulnerable);
    const fixed = await pushImage('acme/debian', 'fixed', [
      tarLayer({ 'etc/os-release': DEBIAN_OS_RELEASE, 'var/lib/dpkg/status': dpkgStatus('3.0.13-1~deb12u1') }),
    ]);
    await signature('acme/debian', fixed);
    // Two layers: the upper one upgrades openssl (its status replaces the lower one's).
    const upgraded = await pushImage('acme/debian', 'upgraded', [
      tarLayer({ 'etc/os-release': DEBIAN_OS_RELEASE, 'var/lib/dpkg/status': dpkgStatus('3.0.11-1~deb12u1') }),
      tarLayer({ 'var/lib/dpkg/status': dpkgStatus('3.0.13-1~deb12u1') }),
    ]);
    await signature('acme/debian', upgraded);
    const alpine = await pushImage('acme/alpine', 'vulnerable', [
      tarLayer({ 'etc/os-release': ALPINE_OS_RELEASE, 'lib/apk/db/installed': APK_INSTALLED }),
    ]);
    await signature('acme/alpine', alpine);
    // The upper layer deletes the apk database with a whiteout.
    const whiteout = await pushImage('acme/alpine', 'whiteout', [
      tarLayer({ 'etc/os-release': ALPINE_OS_RELEASE, 'lib/apk/db/installed': APK_INSTALLED }),
      tarLayer({ 'lib/apk/db/.wh.installed': '' }),
    ]);
    await signature('acme/alpine', whiteout);
    const traversal = await pushImage('acme/hostile', 'traversal', [
      handTar([
        { name: 'etc/os-release', content: DEBIAN_OS_RELEASE },
        { name: '../../../etc/cron.d/evil', content: '* * * * * root sh -c "id"\n' },
        { name: 'var/lib/dpkg/status', content: dpkgStatus('3.0.11-1~deb12u1') },
      ]),
    ]);
    await signature('acme/hostile', traversal);
    const huge = await pushImage('acme/hostile', 'huge-status', [
      handTar([
        { name: 'etc/os-release', content: DEBIAN_OS_RELEASE },
        { name: 'var/lib/dpkg/status', content: Buffer.alloc(65 * 1024 * 1024, 0x20) },
      ]),
    ]);
    await signature('acme/hostile', huge);
    const linked = await pushImage('acme/hostile', 'linked-db', [
      handTar([
        { name: 'etc/os-release', content: DEBIAN_OS_RELEASE },
        { name: 'var/lib/dpkg/status', type: '2', linkname: '/etc/shadow' },
      ]),
    ]);
    await signature('acme/hostile', linked);
    // No package database in the layers; a CycloneDX SBOM attestation lists the OS packages.
    const attested = await pushImage('acme/distroless', 'sbom', [tarLayer({ 'app/hello.txt': 'hello' })]);
    const cdx = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [
        { type: 'operating-system', name: 'debian', version: '12' },
        {
          type: 'library',
          name: 'libssl3',
          version: '3.0.11-1~deb12u1',
          purl: 'pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl',
        },
      ],
    };
    await attach('acme/distroless', attested, trusted, 'https://cyclonedx.org/bom', cdx);
    // The same SBOM signed by a key the policy does not trust is not read: the layers (no database) are.
    const strangerSbom = await pushImage('acme/distroless', 'stranger-sbom', [tarLayer({ 'app/hello.txt': 'hello again' })]);
    await signature('acme/distroless', strangerSbom);
    await attach('acme/distroless', strangerSbom, stranger, 'https://cyclonedx.org/bom', cdx);
    // distroless keeps one stanza per package in status.d (and .md5sums beside it, not a database).
    const distroless = await pushImage('acme/distroless', 'status-d', [
      tarLayer({
        'etc/os-release': DEBIAN_OS_RELEASE,
        'var/lib/dpkg/status.d/libssl3': dpkgStatus('3.0.11-1~deb12u1').split('\n\n')[1] ?? '',
        'var/lib/dpkg/status.d/libssl3.md5sums': 'd41d8cd98f00b204e9800998ecf8427e  usr/lib/x86_64-linux-gnu/libssl.so.3\n',
      }),
    ]);
    await signature('acme/distroless', distroless);
    // A multi-platform index: linux/amd64 is read; the signature is on the index digest.
    const platform = await client.getManifest(registry, 'acme/debian', vulnerable);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA.ociIndex,
        manifests: [
          {
            mediaType: MEDIA.ociManifest,
            digest: fixed,
            size: 1,
            platform: { architecture: 'unknown', os: 'unknown' },
            annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
          },
          {
            mediaType: MEDIA.ociManifest,
            digest: vulnerable,
            size: platform.bytes.length,
            platform: { architecture: 'amd64', os: 'linux' },
          },
        ],
      }),
    );
    digests['acme/debian:multi'] = await client.putManifest(registry, 'acme/debian', 'multi', index, MEDIA.ociIndex);
    await signature('acme/debian', digests['acme/debian:multi']);
    // An SPDX 2.3 SBOM attestation: the Alpine packages, by purl.
    const spdxImage = await pushImage('acme/distroless', 'spdx', [tarLayer({ 'app/hello.txt': 'spdx' })]);
    await attach('acme/distroless', spdxImage, trusted, 'https://spdx.dev/Document', {
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: 'image',
      documentNamespace: 'https://example.test/spdx/image',
      creationInfo: { created: '2026-12-01T00:00:00Z', creators: ['Tool: test'] },
      packages: [
        {
          SPDXID: 'SPDXRef-libcrypto3',
          name: 'libcrypto3',
          versionInfo: '3.3.1-r0',
          downloadLocation: 'NOASSERTION',
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:apk/alpine/libcrypto3@3.3.1-r0?arch=x86_64&distro=alpine-3.20.1&upstream=openssl',
            },
          ],
        },
      ],
    });
    const rpmdb = realRpmDatabase(dir);
    if (rpmdb) {
      const rocky = await pushImage('acme/rocky', 'vulnerable', [
        tarLayer({ 'etc/os-release': 'NAME="Rocky Linux"\nID="rocky"\nVERSION_ID="9.2"\nPRETTY_NAME="Rocky Linux 9.2 (Blue Onyx)"\n' }),
        tarLayer({ 'var/lib/rpm/rpmdb.sqlite': rpmdb }),
      ]);
      await signature('acme/rocky', rocky);
    } else process.stderr.write('SKIPPED (rpm case): rpm/rpmbuild are not installed (apt-get install rpm)\n');
  }, 120_000);

  afterAll(() => {
    if (child?.pid) child.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The official schemas live in ../shared: without it these checks say they were skipped.
  (HAVE_SHARED ? it : it.skip)('the OSV records written for the tests validate against the OSV schema (needs ../shared)', () => {
    for (const r of RECORDS) expect(osvValidator()(r)).toEqual([]);
  });

  it('a vulnerable OS package in a signed Debian base image is a blocking finding naming the image, the package and the advisory', async () => {
    const ref = `${registry}/acme/debian@${digests['acme/debian:vulnerable']}`;
    const r = await scanDockerfile(ref);
    expect(r.findings.filter((f) => f.rule === RULE.imageUnvalidated)).toEqual([]);
    const vulns = r.findings.filter((f) => f.rule === RULE.vulnerable);
    // Both binaries built from the openssl source package carry it.
    expect(vulns).toHaveLength(2);
    for (const f of vulns) {
      expect(f).toMatchObject({ file: 'Dockerfile', line: 2, blocking: true, severity: 'high' });
      expect(f.message).toContain('DEBIAN-CVE-2099-0001');
      expect(f.message).toContain(`in the image ${ref}`);
      // libssl3 is named with its source package (what OSV's Debian records name); openssl is its own source.
      expect(f.message).toMatch(
        /in (libssl3@3\.0\.11-1~deb12u1 \(source openssl 3\.0\.11-1~deb12u1, Debian:12\)|openssl@3\.0\.11-1~deb12u1 \(Debian:12\)) in the image/,
      );
      expect(f.properties).toMatchObject({ advisory: 'DEBIAN-CVE-2099-0001', fixedVersions: ['3.0.13-1~deb12u1'] });
    }
    expect(vulns.map((f) => /in (\S+)@/.exec(f.message)?.[1]).sort()).toEqual(['libssl3', 'openssl']);
    expect(r.blocking.map((f) => f.rule)).toContain(RULE.vulnerable);
    const inside = r.packages.filter((p) => p.image);
    expect(inside.map((p) => p.purl)).toContain('pkg:deb/debian/libssl3@3.0.11-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl');
  });

  it('the severity policy decides: the same finding does not block when block-severity is critical', async () => {
    const r = await scanDockerfile(`${registry}/acme/debian@${digests['acme/debian:vulnerable']}`, policy('critical'));
    const vulns = r.findings.filter((f) => f.rule === RULE.vulnerable);
    expect(vulns).toHaveLength(2);
    expect(vulns.every((f) => !f.blocking)).toBe(true);
  });

  it('the fixed version passes, and a later layer that upgrades the package overrides the earlier one', async () => {
    for (const tag of ['fixed', 'upgraded']) {
      const r = await scanDockerfile(`${registry}/acme/debian@${digests[`acme/debian:${tag}`]}`);
      expect(r.findings.filter((f) => f.rule === RULE.vulnerable || f.rule === IMAGE_UNSCANNED)).toEqual([]);
      expect(r.blocking).toEqual([]);
      expect(r.packages.filter((p) => p.image).map((p) => `${p.name}@${p.version}`)).toEqual(
        expect.arrayContaining(['libssl3@3.0.13-1~deb12u1', 'openssl@3.0.13-1~deb12u1']),
      );
    }
  });

  it('an apk package (origin openssl) in an Alpine 3.20 image matches the Alpine:v3.20 record; a whiteout deletes the database', async () => {
    const r = await scanDockerfile(`${registry}/acme/alpine@${digests['acme/alpine:vulnerable']}`);
    const vulns = r.findings.filter((f) => f.rule === RULE.vulnerable);
    expect(vulns).toHaveLength(1);
    expect(vulns[0]?.message).toMatch(/ALPINE-CVE-2099-0002 .* in libcrypto3@3\.3\.1-r0 \(source openssl 3\.3\.1-r0, Alpine:v3\.20\)/);
    expect(vulns[0]?.blocking).toBe(true);
    const gone = await scanDockerfile(`${registry}/acme/alpine@${digests['acme/alpine:whiteout']}`);
    expect(gone.packages.filter((p) => p.image)).toEqual([]);
    expect(gone.findings.filter((f) => f.rule === RULE.vulnerable)).toEqual([]);
  });

  it('an rpm package in a Rocky Linux 9 image (rpmdb.sqlite written by the real rpm, read with node:sqlite) matches by its source RPM', async () => {
    const digest = digests['acme/rocky:vulnerable'];
    if (!digest) return; // rpm not installed: said in beforeAll
    const r = await scanDockerfile(`${registry}/acme/rocky@${digest}`);
    const vulns = r.findings.filter((f) => f.rule === RULE.vulnerable);
    expect(vulns).toHaveLength(1);
    expect(vulns[0]?.message).toMatch(
      /RLSA-2099:0003 in openssl-libs@1:3\.0\.7-24\.el9 \(source openssl 1:3\.0\.7-24\.el9, Rocky Linux:9\)/,
    );
    expect(r.packages.filter((p) => p.image).map((p) => p.purl)).toEqual([
      'pkg:rpm/rocky/openssl-libs@3.0.7-24.el9?arch=noarch&distro=rocky-9.2&epoch=1&upstream=openssl',
    ]);
  });

  it("distroless's status.d stanzas are read (its .md5sums files are not packages)", async () => {
    const r = await scanDockerfile(`${registry}/acme/distroless@${digests['acme/distroless:status-d']}`);
    expect(r.packages.filter((p) => p.image).map((p) => p.name)).toEqual(['libssl3']);
    expect(r.findings.filter((f) => f.rule === RULE.vulnerable).map((f) => f.properties?.advisory)).toEqual(['DEBIAN-CVE-2099-0001']);
  });

  it('a multi-platform image is read for linux/amd64 (an attestation manifest is never taken for a platform)', async () => {
    const r = await scanDockerfile(`${registry}/acme/debian@${digests['acme/debian:multi']}`);
    expect(r.findings.filter((f) => f.rule === RULE.imageUnvalidated)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === RULE.vulnerable)).toHaveLength(2);
  });

  it('a layer with a ../ path is refused with a clear, blocking message', async () => {
    const r = await scanDockerfile(`${registry}/acme/hostile:traversal`);
    const f = r.findings.filter((x) => x.rule === IMAGE_UNSCANNED);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ blocking: true, file: 'Dockerfile', line: 2, properties: { refused: true } });
    expect(f[0]?.message).toMatch(
      /"\.\.\/\.\.\/\.\.\/etc\/cron\.d\/evil", which climbs out of the root \(\.\.\); refused as path traversal/,
    );
    // Nothing from the refused image is taken as its inventory.
    expect(r.packages.filter((p) => p.image)).toEqual([]);
  });

  it('a 65 MiB dpkg status is refused by its header size, before it is read', async () => {
    const t0 = Date.now();
    const r = await scanDockerfile(`${registry}/acme/hostile:huge-status`);
    const f = r.findings.find((x) => x.rule === IMAGE_UNSCANNED);
    expect(f?.blocking).toBe(true);
    expect(f?.message).toMatch(/\/var\/lib\/dpkg\/status is 68157440 bytes, over the limit of 67108864 for it; refused/);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });

  it('a symbolic link at the database path is refused, never followed', async () => {
    const r = await scanDockerfile(`${registry}/acme/hostile:linked-db`);
    const f = r.findings.find((x) => x.rule === IMAGE_UNSCANNED);
    expect(f?.blocking).toBe(true);
    expect(f?.message).toMatch(/\/var\/lib\/dpkg\/status is a symbolic link \(to \/etc\/shadow\), not a package database file; refused/);
  });

  it('a layer larger than the limit is refused before it is downloaded', async () => {
    const p = policy();
    const v = validator(p, { layerLimits: { compressedLayerBytes: 100 } });
    const project = mkdtempSync(join(dir, 'project-'));
    writeFileSync(join(project, 'Dockerfile'), `FROM ${registry}/acme/debian:fixed\n`);
    const r = await scan({
      path: project,
      policy: p,
      logger: silentLogger,
      now: new Date(),
      images: v,
      vulnSource: await openOfflineDatabase(osvDir),
    });
    const f = r.findings.find((x) => x.rule === IMAGE_UNSCANNED);
    expect(f?.message).toMatch(/bytes, over the limit of 100; refused/);
    expect(f?.blocking).toBe(true);
    // A budget, not a lie: a waiver may cover it (a traversal or a linked database never is waived).
    expect(f?.properties?.refused).toBeUndefined();
  });

  it("a trusted SBOM attestation is the image's inventory (CycloneDX in an in-toto statement); one signed by an untrusted key is not read", async () => {
    const r = await scanDockerfile(`${registry}/acme/distroless:sbom`);
    const vulns = r.findings.filter((f) => f.rule === RULE.vulnerable);
    expect(vulns).toHaveLength(1);
    expect(vulns[0]?.message).toMatch(
      /DEBIAN-CVE-2099-0001 .* in libssl3@3\.0\.11-1~deb12u1 \(source openssl 3\.0\.11-1~deb12u1, Debian:12\)/,
    );
    expect(r.packages.find((p) => p.image)?.image?.source).toBe('sbom-attestation');
    const untrusted = await scanDockerfile(`${registry}/acme/distroless:stranger-sbom`);
    expect(untrusted.findings.filter((f) => f.rule === RULE.vulnerable)).toEqual([]);
    expect(untrusted.packages.filter((p) => p.image)).toEqual([]);
  });

  it('an SPDX SBOM attestation works the same (apk purl, distro and upstream qualifiers)', async () => {
    const r = await scanDockerfile(`${registry}/acme/distroless@${digests['acme/distroless:spdx']}`);
    expect(r.findings.filter((f) => f.rule === RULE.vulnerable).map((f) => f.properties?.advisory)).toEqual(['ALPINE-CVE-2099-0002']);
  });

  it('a waiver by rule and image makes an unreadable image non-blocking; a refused one is never waived', async () => {
    const p = policy();
    const expires = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const waivers = {
      exceptions: [
        {
          rule: IMAGE_UNSCANNED,
          package: `${registry}/acme/debian`,
          reason: 'large layer, vendor SBOM next week',
          approver: 'sec',
          expires,
        },
        { rule: IMAGE_UNSCANNED, package: `${registry}/acme/hostile`, reason: 'should not apply', approver: 'sec', expires },
      ],
      maxDays: 90,
      now: new Date(),
    };
    const v = validator(p, { layerLimits: { compressedLayerBytes: 100 }, waivers });
    const big = await v.contents(dockerfileImages(`FROM ${registry}/acme/debian@${digests['acme/debian:fixed']}\n`, 'Dockerfile'));
    expect(big.findings[0]).toMatchObject({ rule: IMAGE_UNSCANNED, blocking: false, waived: { approver: 'sec' } });
    const hostile = await validator(p, { waivers }).contents(
      dockerfileImages(`FROM ${registry}/acme/hostile@${digests['acme/hostile:traversal']}\n`, 'Dockerfile'),
    );
    expect(hostile.findings[0]).toMatchObject({ rule: IMAGE_UNSCANNED, blocking: true, properties: { refused: true } });
    expect(hostile.findings[0]?.waived).toBeUndefined();
  });

  it('the SBOMs list the packages under the image (CycloneDX nested components, SPDX CONTAINS) and validate against the official schemas', async () => {
    const evidence = mkdtempSync(join(dir, 'evidence-'));
    const ref = `${registry}/acme/debian@${digests['acme/debian:vulnerable']}`;
    const r = await scanDockerfile(ref, policy(), evidence);
    const cdx = JSON.parse(readFileSync(r.sbom.cyclonedx ?? '', 'utf8')) as {
      components: { type: string; 'bom-ref': string; components?: { name: string; purl?: string; 'bom-ref': string }[] }[];
      dependencies: { ref: string; dependsOn?: string[] }[];
    };
    if (HAVE_SHARED) expect(cycloneDxValidator()(cdx)).toEqual([]);
    else process.stderr.write('SKIPPED (no ../shared beside the repository): CycloneDX and SPDX schema validation of the image SBOMs\n');
    const image = cdx.components.find((c) => c.type === 'container');
    expect(image?.components?.map((c) => c.name).sort()).toEqual(['base-files', 'libssl3', 'openssl']);
    expect(cdx.components.filter((c) => c.type !== 'container')).toEqual([]);
    expect(cdx.dependencies.find((d) => d.ref === image?.['bom-ref'])?.dependsOn).toHaveLength(3);
    const spdx = JSON.parse(readFileSync(r.sbom.spdx ?? '', 'utf8')) as {
      packages: { SPDXID: string; name: string; primaryPackagePurpose?: string }[];
      relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
    };
    if (HAVE_SHARED) expect(spdxValidator()(spdx)).toEqual([]);
    const container = spdx.packages.find((p) => p.primaryPackagePurpose === 'CONTAINER');
    const contained = spdx.relationships.filter((x) => x.relationshipType === 'CONTAINS' && x.spdxElementId === container?.SPDXID);
    expect(contained).toHaveLength(3);
    // Read back (the rescan loop scans deployed SBOMs): the OS packages are matched again, none is unreadable.
    for (const file of [r.sbom.cyclonedx ?? '', r.sbom.spdx ?? '']) {
      const again = await scan({
        path: file,
        policy: policy(),
        logger: silentLogger,
        now: new Date(),
        vulnSource: await openOfflineDatabase(osvDir),
      });
      expect(again.findings.filter((f) => f.rule === RULE.sbomIncomplete)).toEqual([]);
      const vulns = again.findings.filter((f) => f.rule === RULE.vulnerable);
      expect(vulns.map((f) => /in (\S+)@/.exec(f.message)?.[1]).sort()).toEqual(['libssl3', 'openssl']);
      if (file.endsWith('cyclonedx.json'))
        expect(vulns[0]?.message).toContain(`in the image ${ref.replace(/^.*?\/acme/, `${registry}/acme`)}`);
    }
  });

  it('results are cached by digest: a second validator with the same cache file reads no layer', async () => {
    const cacheFile = join(dir, 'image-cache.json');
    const p = policy();
    const first = await validator(p, { cacheFile }).contents([
      {
        ecosystem: 'Docker',
        name: 'x',
        version: '',
        purl: 'pkg:docker/x',
        groups: [],
        direct: true,
        sourceFile: 'Dockerfile',
        reference: `${registry}/acme/debian:fixed`,
      },
    ]);
    expect(first.packages).toHaveLength(3);
    expect(first.summaries[0]).toMatch(
      /3 package\(s\) from its dpkg database \(Debian GNU\/Linux 12 \(bookworm\), OSV Debian:12\) in \d+ ms/,
    );
    let blobReads = 0;
    const counting: RegistryClient = { ...client, getBlob: (...a) => (blobReads++, client.getBlob(...a)) };
    const second = await new ImageValidator({
      client: counting,
      verify: imageSignatureVerifier(),
      images: p.materials.images,
      cacheFile,
    }).contents([
      {
        ecosystem: 'Docker',
        name: 'x',
        version: '',
        purl: 'pkg:docker/x',
        groups: [],
        direct: true,
        sourceFile: 'Dockerfile',
        reference: `${registry}/acme/debian:fixed`,
      },
    ]);
    expect(second.packages.map((x) => x.purl)).toEqual(first.packages.map((x) => x.purl));
    expect(second.summaries[0]).toMatch(/\(cached\)/);
    expect(blobReads).toBe(0);
  });

  it('secure-factory scan (the built CLI): exit 1 naming the image, package and advisory; exit 0 on the fixed image', async () => {
    const project = join(dir, 'cli-project');
    mkdirSync(join(project, '.github'), { recursive: true });
    writeFileSync(join(project, '.github/base.pem'), trusted.publicKeyPem);
    writeFileSync(
      join(project, '.github/secure-factory.yml'),
      `apiVersion: secure-factory/v1\nmaterials:\n  block-severity: high\n  images:\n    registries: [${registry}]\n    validated: required\n    trust: [{ registry: "${registry}/acme", key: base.pem }]\n`,
    );
    const args = ['scan', project, '--policy', join(project, '.github/secure-factory.yml'), '--osv-db', osvDir, '--offline', '--json'];
    writeFileSync(join(project, 'Dockerfile'), `FROM ${registry}/acme/debian@${digests['acme/debian:vulnerable']}\n`);
    const bad = await runCli(args);
    expect(bad.exitCode).toBe(1);
    const out = JSON.parse(bad.stdout) as { findings: { rule: string; message: string; blocking?: boolean }[] };
    const vulns = out.findings.filter((f) => f.rule === RULE.vulnerable);
    expect(vulns).toHaveLength(2);
    expect(vulns[0]?.message).toMatch(
      /DEBIAN-CVE-2099-0001 .* in (libssl3|openssl)@3\.0\.11-1~deb12u1 .* in the image 127\.0\.0\.1:\d+\/acme\/debian@sha256:/,
    );
    expect(bad.stderr).toMatch(/Base image .*acme\/debian@sha256:[0-9a-f]{64}: 3 package\(s\) from its dpkg database/);
    writeFileSync(join(project, 'Dockerfile'), `FROM ${registry}/acme/debian@${digests['acme/debian:fixed']}\n`);
    const ok = await runCli(args);
    expect(ok.stderr).not.toMatch(/vulnerable-package|image-unscanned|error:/);
    expect(ok.exitCode).toBe(0);
  });
});
