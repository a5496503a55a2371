/**
 * Property-based tests (fast-check, 1,000 generated inputs each) for the parsers of the materials stage
 * beyond lockfiles: SBOMs given as input (CycloneDX and SPDX), OSV records, container image package
 * databases (dpkg status, apk installed, rpm headers, os-release), image references, Dockerfiles,
 * workflow/compose/Kubernetes YAML, and the tar reader every layer and npm tarball goes through.
 * Each returns a value of its documented shape or throws a ConfigurationError (TarError for tar); none
 * throws anything else, and none lets a hostile path or name through.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { PROPERTY_RUNS } from '../support/property-runs.js';
import { ConfigurationError, TarError, walkTar } from '@secure-factory/core';
import {
  dockerfileImages,
  packagesFromSbom,
  parseApkInstalled,
  parseDpkgStatus,
  parseImageRef,
  parseOsRelease,
  parseRpmHeader,
  readSbomContents,
  recordProblems,
  yamlMaterials,
} from '@secure-factory/materials';
import { forEachJsonEntryInBuffer } from '../../packages/materials/src/osv/zip-entries.js';

const RUNS = PROPERTY_RUNS;

/** Returns normally, or throws a ConfigurationError: anything else is a crash. */
function returnsOrConfigurationError(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e: unknown) {
    return e instanceof ConfigurationError;
  }
}

/** Text rich in the separators these formats use, with controls and hostile fragments. */
const tokens = (...extra: string[]): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 10 }),
        fc.constantFrom(
          '\n',
          '\n\n',
          '\r\n',
          ' ',
          '\t',
          ':',
          '=',
          '"',
          '(',
          ')',
          '@',
          '/',
          '\u0000',
          '\u001b[2J',
          '::error::x',
          '__proto__',
          ...extra,
        ),
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

const key = fc.constantFrom(
  '__proto__',
  'constructor',
  'purl',
  'name',
  'version',
  'components',
  'packages',
  'externalRefs',
  'bom-ref',
  'x',
);
const looseObject = fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 });
const purl = fc.oneof(
  fc.constantFrom(
    'pkg:npm/left-pad@1.3.0',
    'pkg:npm/%40scope/x@1',
    'pkg:pypi/requests@2.31.0',
    'pkg:deb/debian/openssl@3.0.11?distro=debian-12',
    'pkg:',
    'pkg:npm/',
    'not a purl',
  ),
  fc.string({ unit: 'binary', maxLength: 30 }).map((s) => `pkg:npm/${s}@1`),
);
const cycloneDx = fc
  .record({
    bomFormat: fc.constant('CycloneDX'),
    specVersion: fc.constantFrom('1.4', '1.5', '1.6', 1.6),
    components: fc.oneof(
      fc.array(fc.oneof(fc.record({ name: fc.string(), version: fc.string(), purl }, { requiredKeys: [] }), looseObject, fc.jsonValue()), {
        maxLength: 5,
      }),
      fc.jsonValue(),
    ),
  })
  .map((o) => o as unknown);
const spdx = fc
  .record({
    spdxVersion: fc.constant('SPDX-2.3'),
    SPDXID: fc.constant('SPDXRef-DOCUMENT'),
    packages: fc.oneof(
      fc.array(
        fc.oneof(
          fc.record({
            name: fc.string(),
            versionInfo: fc.string(),
            externalRefs: fc.oneof(
              fc.array(
                fc.record({
                  referenceCategory: fc.constantFrom('PACKAGE-MANAGER', 'PACKAGE_MANAGER'),
                  referenceType: fc.constant('purl'),
                  referenceLocator: purl,
                }),
              ),
              fc.jsonValue(),
            ),
          }),
          looseObject,
        ),
        { maxLength: 5 },
      ),
      fc.jsonValue(),
    ),
  })
  .map((o) => o as unknown);

describe('SBOM input (scan --sbom, image SBOM attestations)', () => {
  it('any JSON value, CycloneDX- or SPDX-shaped or not: packages with a purl, or a ConfigurationError naming the file', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), cycloneDx, spdx), (doc) => {
        try {
          const c = readSbomContents(doc, 'in.sbom.json');
          return (
            c.packages.every((p) => typeof p.purl === 'string' && p.purl.startsWith('pkg:')) &&
            c.unreadable.every((u) => typeof u === 'string')
          );
        } catch (e: unknown) {
          return e instanceof ConfigurationError && e.describe().includes('in.sbom.json') && !('polluted' in {});
        }
      }),
      RUNS,
    );
  });

  it('packagesFromSbom agrees with readSbomContents', () => {
    fc.assert(
      fc.property(fc.oneof(cycloneDx, spdx), (doc) => {
        let a: string[] | undefined;
        let b: string[] | undefined;
        try {
          a = readSbomContents(doc, 'f').packages.map((p) => p.purl);
        } catch {
          a = undefined;
        }
        try {
          b = packagesFromSbom(doc, 'f').map((p) => p.purl);
        } catch {
          b = undefined;
        }
        return JSON.stringify(a) === JSON.stringify(b);
      }),
      RUNS,
    );
  });
});

describe('OSV records', () => {
  it('recordProblems lists problems for any value and never throws', () => {
    const osvish = fc.record(
      {
        id: fc.oneof(fc.string(), fc.jsonValue()),
        modified: fc.oneof(fc.constant('2024-01-01T00:00:00Z'), fc.jsonValue()),
        affected: fc.oneof(fc.array(fc.oneof(looseObject, fc.jsonValue()), { maxLength: 3 }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), osvish), (v) => {
        const problems = recordProblems(v);
        return Array.isArray(problems) && problems.every((p) => typeof p === 'string');
      }),
      RUNS,
    );
  });
});

describe('image package databases', () => {
  const dpkgish = tokens(
    'Package: ',
    'Version: ',
    'Status: install ok installed',
    'Source: ',
    'Architecture: ',
    'Package: a\nVersion: 1\n',
  );
  const apkish = tokens('P:', 'V:', 'A:', 'o:', 'P:musl\nV:1.2\n');

  it('dpkg status: packages with a name and a version, or a ConfigurationError', () => {
    fc.assert(
      fc.property(dpkgish, (text) =>
        returnsOrConfigurationError(() => {
          for (const p of parseDpkgStatus(text, 'var/lib/dpkg/status')) if (!p.name || !p.version) throw new Error('empty name or version');
        }),
      ),
      RUNS,
    );
  });

  it('apk installed: packages with a name and a version, or a ConfigurationError', () => {
    fc.assert(
      fc.property(apkish, (text) =>
        returnsOrConfigurationError(() => {
          for (const p of parseApkInstalled(text, 'lib/apk/db/installed'))
            if (!p.name || !p.version) throw new Error('empty name or version');
        }),
      ),
      RUNS,
    );
  });

  it('rpm header: any bytes (with or without the header magic) are a package or a ConfigurationError', () => {
    const magic = Buffer.from([0x8e, 0xad, 0xe8, 0x01, 0, 0, 0, 0]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, withMagic) =>
        returnsOrConfigurationError(() => parseRpmHeader(withMagic ? Buffer.concat([magic, bytes]) : Buffer.from(bytes), 'rpmdb.sqlite')),
      ),
      RUNS,
    );
  });

  it('os-release: a map of strings for any text', () => {
    fc.assert(
      fc.property(tokens('ID=', 'VERSION_ID="', "PRETTY_NAME='"), (text) => {
        const r = parseOsRelease(text);
        return Object.values(r).every((v) => typeof v === 'string') && !('polluted' in {});
      }),
      RUNS,
    );
  });
});

describe('image references, Dockerfiles and YAML materials', () => {
  it('parseImageRef: undefined, or a reference with a repository and no line break', () => {
    fc.assert(
      fc.property(tokens('docker.io/', 'library/', ':latest', '@sha256:', 'a'.repeat(64), 'localhost:5000/'), (ref) => {
        const r = parseImageRef(ref);
        return r === undefined || (typeof r === 'object' && !/[\r\n]/.test(JSON.stringify(r)));
      }),
      RUNS,
    );
  });

  it('Dockerfile: image packages or a ConfigurationError', () => {
    fc.assert(
      fc.property(tokens('FROM ', 'FROM --platform=linux/amd64 ', ' AS build', 'ARG BASE=', '${BASE}', 'debian:12', '\\\n'), (text) =>
        returnsOrConfigurationError(() => dockerfileImages(text, 'Dockerfile')),
      ),
      RUNS,
    );
  });

  it('workflow, action, compose and Kubernetes YAML: materials or a ConfigurationError', () => {
    const yamlish = tokens(
      'jobs:\n  a:\n    steps:\n      - uses: ',
      'actions/checkout@v4',
      'image: ',
      'services:\n  web:\n    ',
      'runs:\n  using: composite\n',
      '- ',
      '&a ',
      '*a',
      '{',
      '}',
      '[',
      ']',
    );
    fc.assert(
      fc.property(yamlish, fc.constantFrom('workflow', 'action', 'compose', 'kubernetes' as const), (text, kind) =>
        returnsOrConfigurationError(() => yamlMaterials(text, 'f.yml', kind)),
      ),
      RUNS,
    );
  });
});

describe('tar reader (image layers, npm tarballs)', () => {
  let tarball: Buffer;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-tarprop-'));
    try {
      mkdirSync(path.join(dir, 'root', 'etc'), { recursive: true });
      writeFileSync(path.join(dir, 'root', 'etc', 'os-release'), 'ID=debian\nVERSION_ID="12"\n');
      writeFileSync(path.join(dir, 'root', `${'long-name-'.repeat(15)}.txt`), 'x'.repeat(700));
      execFileSync('tar', ['-C', path.join(dir, 'root'), '--format=gnu', '-cf', path.join(dir, 'a.tar'), '.']);
      tarball = readFileSync(path.join(dir, 'a.tar'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  async function walk(buf: Buffer): Promise<string[]> {
    const paths: string[] = [];
    await walkTar(
      (async function* () {
        yield buf;
      })(),
      'layer.tar',
      { maxTotalBytes: 1 << 20 },
      (e) => {
        paths.push(e.path);
        return { read: true, maxBytes: 4096 };
      },
      () => undefined,
    );
    return paths;
  }

  it('reads the unmodified archive', async () => {
    expect((await walk(tarball)).filter((p) => p !== '').sort()).toEqual(['etc', 'etc/os-release', `${'long-name-'.repeat(15)}.txt`]);
  });

  it('a corrupted or cut archive: entries with relative paths inside the root, or a TarError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const b = Buffer.from(tarball);
          for (const [at, byte] of flips) b[at % b.length] = byte;
          const input = cut === undefined ? b : b.subarray(0, cut % (b.length + 1));
          try {
            const paths = await walk(input);
            return paths.every((p) => !p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\0'));
          } catch (e: unknown) {
            return e instanceof TarError;
          }
        },
      ),
      RUNS,
    );
  });
});

describe('zip reader (the OSV offline database, osv.dev all.zip)', () => {
  let zip: Buffer;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-zipprop-'));
    try {
      const script = [
        'import sys, zipfile',
        'with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:',
        '    z.writestr("GHSA-aaaa-bbbb-cccc.json", \'{"id":"GHSA-aaaa-bbbb-cccc","modified":"2024-01-01T00:00:00Z"}\')',
        '    z.writestr("PYSEC-2024-1.json", \'{"id":"PYSEC-2024-1","modified":"2024-01-01T00:00:00Z","details":"\' + "x" * 300 + \'"}\')',
        '    z.writestr("README.txt", "not a record")',
      ].join('\n');
      execFileSync('python3', ['-c', script, path.join(dir, 'all.zip')]);
      zip = readFileSync(path.join(dir, 'all.zip'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  async function names(buf: Buffer): Promise<string[]> {
    const out: string[] = [];
    await forEachJsonEntryInBuffer('all.zip', buf, (e) => out.push(e.name));
    return out;
  }

  it('reads the unmodified archive', async () => {
    expect((await names(zip)).sort()).toEqual(['GHSA-aaaa-bbbb-cccc.json', 'PYSEC-2024-1.json']);
  });

  it('a corrupted or cut archive: entries whose data passed its CRC, or a ConfigurationError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const b = Buffer.from(zip);
          for (const [at, byte] of flips) b[at % b.length] = byte;
          const input = cut === undefined ? b : b.subarray(0, cut % (b.length + 1));
          try {
            const got = await names(input);
            return got.every((n) => typeof n === 'string');
          } catch (e: unknown) {
            return e instanceof ConfigurationError && e.describe().includes('all.zip');
          }
        },
      ),
      RUNS,
    );
  });
});
