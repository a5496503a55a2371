/**
 * Hostile CycloneDX and SPDX SBOMs given to `scan` (and read back by `rescan`), found by the held-out
 * hostile-input run: a purl type or hash algorithm that is an inherited property name (`pkg:constructor/…`
 * read as a package whose ecosystem was the `Object` function, matched against nothing, and passed), and
 * package names and versions carrying workflow commands, ANSI and bidi controls (accepted into the signed
 * SBOM statements, where lockfiles refuse them).
 */
import { ConfigurationError } from '@secure-factory/core';
import { readSbomContents } from '@secure-factory/materials';
import { fail, type HostileCase } from './types.js';

function cyclonedx(components: Record<string, unknown>[]): unknown {
  return { bomFormat: 'CycloneDX', specVersion: '1.5', components };
}

function spdx(packages: Record<string, unknown>[]): unknown {
  return { spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', packages };
}

function spdxPackage(purl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { SPDXID: 'SPDXRef-a', name: 'a', externalRefs: [{ referenceType: 'purl', referenceLocator: purl }], ...extra };
}

/** Reading `doc` must throw a ConfigurationError naming sbom.json whose message matches `pattern`. */
function expectRefused(doc: unknown, pattern: RegExp): void {
  try {
    readSbomContents(doc, 'sbom.json');
  } catch (e: unknown) {
    if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError: ${String(e)}`);
    if (e.location?.file !== 'sbom.json') fail(`the error names ${String(e.location?.file)}, not sbom.json`);
    if (!pattern.test(e.message)) fail(`message ${JSON.stringify(e.message)} does not match ${String(pattern)}`);
    return;
  }
  fail('read');
}

const INHERITED_TYPES = ['constructor', '__proto__', 'hasOwnProperty', 'valueOf'];
const INHERITED_ALGS = ['constructor', '__proto__', 'toString', 'hasOwnProperty'];

const HOSTILE_TEXT: [string, string, string, string][] = [
  ['version-command', 'version', 'a', '1.0.0\n::error::forged'],
  ['version-ansi', 'version', 'a', '1.0.0\u001b[2J'],
  ['version-nul', 'version', 'a', '1.0.0\u0000'],
  ['name-ansi', 'package name', 'a\u001b]8;;https://evil/\u0007x', '1.0.0'],
  ['name-bidi', 'package name', 'evil\u202egnp', '1.0.0'],
  ['name-markup', 'package name', 'a<img src=x onerror=alert(1)>', '1.0.0'],
];

export const sbomCases: HostileCase[] = [
  ...INHERITED_TYPES.flatMap((type): HostileCase[] => [
    {
      id: `paths/sbom-cyclonedx-purl-type-${type}`,
      area: 'paths',
      input: `a CycloneDX component whose purl type is "${type}"`,
      expect: 'not a package secure-factory can match (was: read with the Object function as its ecosystem)',
      run: () =>
        expectRefused(
          cyclonedx([{ type: 'library', name: 'a', version: '1.0.0', purl: `pkg:${type}/a@1.0.0` }]),
          /none of the 1 CycloneDX components names a package.*not one secure-factory can match/,
        ),
    },
    {
      id: `paths/sbom-spdx-purl-type-${type}`,
      area: 'paths',
      input: `an SPDX package whose purl type is "${type}"`,
      expect: 'not a package secure-factory can match',
      run: () =>
        expectRefused(
          spdx([spdxPackage(`pkg:${type}/a@1.0.0`)]),
          /none of the SPDX packages names a package.*not one secure-factory can match/,
        ),
    },
  ]),
  ...INHERITED_ALGS.flatMap((alg): HostileCase[] => [
    {
      id: `paths/sbom-cyclonedx-hash-alg-${alg}`,
      area: 'paths',
      input: `a CycloneDX hash whose alg is "${alg}"`,
      expect: 'no integrity recorded (own keys only)',
      run: () => {
        const { packages } = readSbomContents(
          cyclonedx([{ type: 'library', name: 'a', version: '1.0.0', purl: 'pkg:npm/a@1.0.0', hashes: [{ alg, content: 'x' }] }]),
          'sbom.json',
        );
        if (packages.length !== 1) fail(`${packages.length} packages`);
        if (packages[0]!.integrity !== undefined) fail(`integrity ${JSON.stringify(Object.keys(packages[0]!.integrity))} recorded`);
      },
    },
    {
      id: `paths/sbom-spdx-checksum-algorithm-${alg}`,
      area: 'paths',
      input: `an SPDX checksum whose algorithm is "${alg}"`,
      expect: 'no integrity recorded (own keys only)',
      run: () => {
        const { packages } = readSbomContents(
          spdx([spdxPackage('pkg:npm/a@1.0.0', { checksums: [{ algorithm: alg, checksumValue: 'x' }] })]),
          'sbom.json',
        );
        if (packages.length !== 1) fail(`${packages.length} packages`);
        if (packages[0]!.integrity !== undefined) fail(`integrity ${JSON.stringify(Object.keys(packages[0]!.integrity))} recorded`);
      },
    },
  ]),
  ...HOSTILE_TEXT.flatMap(([name, what, pkg, version]): HostileCase[] => {
    const purl = `pkg:npm/${encodeURIComponent(pkg)}@${encodeURIComponent(version)}`;
    const pattern = new RegExp(`^${what} .* contains (control or invisible characters|characters no package name may hold)$`);
    return [
      {
        id: `output/sbom-cyclonedx-${name}`,
        area: 'output',
        input: `a CycloneDX component purl ${JSON.stringify(purl)}`,
        expect: 'exit 2 naming the SBOM, the text shown escaped (was: carried into the signed SBOMs)',
        run: () => expectRefused(cyclonedx([{ type: 'library', name: pkg, version, purl }]), pattern),
      },
      {
        id: `output/sbom-spdx-${name}`,
        area: 'output',
        input: `an SPDX package purl ${JSON.stringify(purl)}`,
        expect: 'exit 2 naming the SBOM',
        run: () => expectRefused(spdx([spdxPackage(purl)]), pattern),
      },
    ];
  }),
];
