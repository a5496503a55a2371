/**
 * npm provenance made by the factory (`attest --npm-tarball`, the attest action's `npm-tarball`): the
 * build provenance of a tarball `npm pack` wrote, signed again with the one subject npm checks on
 * `npm publish --provenance-file`. Where this machine's npm is installed, its own npm-package-arg and
 * ssri (the code `npm publish` runs) name the expected subject, and libnpmpublish's subject checks are
 * run on the bundle.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { attestEvidence, readNpmPackage } from '@secure-factory/attest';
import { EvidenceFolder, makeStatement, PREDICATE, sha256Hex, silentLogger } from '@secure-factory/core';
import { artifactFromBytes, createBundleVerifier, parseTrustedRoot } from '@secure-factory/verify';

/** The machine's npm, whose libraries decide what `npm publish --provenance-file` accepts. */
function npmLibraries(): { toPurl: (spec: string) => string; sha512Hex: (data: Buffer) => string; npmDir: string } | undefined {
  try {
    const npmBin = realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
    const npmDir = path.resolve(path.dirname(npmBin), '..');
    const req = createRequire(path.join(npmDir, 'package.json'));
    const npa = req('npm-package-arg') as { toPurl: (spec: string) => string };
    const ssri = req('ssri') as { fromData: (d: Buffer, o: { algorithms: string[] }) => { sha512: { hexDigest(): string }[] } };
    return {
      npmDir,
      toPurl: (spec) => npa.toPurl(spec),
      sha512Hex: (data) => (ssri.fromData(data, { algorithms: ['sha512'] }).sha512[0] as { hexDigest(): string }).hexDigest(),
    };
  } catch {
    return undefined;
  }
}

function packProject(name: string, version: string): { dir: string; tarball: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-npm-prov-'));
  const project = path.join(dir, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name, version, license: 'MIT', main: 'index.js' }));
  writeFileSync(path.join(project, 'index.js'), 'export const answer = 42;\n');
  const out = path.join(dir, 'out');
  mkdirSync(out);
  execFileSync('npm', ['pack', '--pack-destination', out, '--ignore-scripts', '--silent'], { cwd: project, stdio: 'pipe' });
  const file = readdirSync(out).find((f) => f.endsWith('.tgz'));
  if (!file) throw new Error('npm pack wrote no tarball');
  return { dir, tarball: path.join(out, file) };
}

/** An evidence folder whose build provenance names the tarball by sha256, as the build stage writes it. */
async function evidenceFor(dir: string, tarball: string): Promise<string> {
  const evidence = path.join(dir, 'evidence');
  const provenance = makeStatement(
    [{ name: `.secure-factory/out/${path.basename(tarball)}`, digest: { sha256: sha256Hex(readFileSync(tarball)) } }],
    PREDICATE.provenance,
    {
      buildDefinition: { buildType: 'https://secure-factory.dev/build/v1', externalParameters: { build: 'npm pack' } },
      runDetails: { builder: { id: 'https://github.com/acme/cli/.github/workflows/release.yml@refs/tags/v1.2.3' } },
    },
  );
  await new EvidenceFolder(evidence).write('provenance', provenance);
  return evidence;
}

const emptyRoot = parseTrustedRoot(
  {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: [],
  },
  'empty',
);

describe('npm provenance from the factory', () => {
  for (const [name, version] of [
    ['@acme/cli', '1.2.3'],
    ['left-pad-ng', '0.0.1-rc.1+build.7'],
  ] as const) {
    it(`${name}@${version}: one subject, npm's purl and the tarball's sha512, signed over the build provenance`, async () => {
      const { dir, tarball } = packProject(name, version);
      const evidence = await evidenceFor(dir, tarball);
      const result = await attestEvidence({
        evidenceDir: evidence,
        subjects: {},
        signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never' },
        npmTarballs: [tarball],
        logger: silentLogger,
      });
      expect(result.npmProvenance).toHaveLength(1);
      const npm = result.npmProvenance?.[0];
      if (!npm) throw new Error('no npm provenance');
      expect(path.dirname(npm.bundlePath)).toBe(path.join(evidence, 'npm'));
      // The gate reads the evidence folder's top level only: the npm copy is not a second claim there.
      expect((await new EvidenceFolder(evidence).list()).map((e) => e.name)).toEqual(['provenance']);

      const bundle = JSON.parse(readFileSync(npm.bundlePath, 'utf8')) as { dsseEnvelope: { payload: string } };
      const payload = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')) as {
        subject: { name: string; digest: Record<string, string> }[];
        predicateType: string;
        predicate: unknown;
      };
      const bytes = readFileSync(tarball);
      expect(payload.subject).toEqual([{ name: npm.purl, digest: { sha512: npm.sha512 } }]);
      expect(payload.predicateType).toBe(PREDICATE.provenance);
      // The same build provenance, restated: only the subject differs.
      const original = JSON.parse(readFileSync(path.join(evidence, 'provenance.intoto.json'), 'utf8')) as { predicate: unknown };
      expect(payload.predicate).toEqual(original.predicate);

      const npmLib = npmLibraries();
      if (npmLib) {
        // npm publishes semver.clean(version): build metadata is not part of the published version.
        expect(npm.purl).toBe(npmLib.toPurl(`${name}@${version.replace(/\+.*$/, '')}`));
        expect(npm.sha512).toBe(npmLib.sha512Hex(bytes));
      } else {
        process.stderr.write('note: no npm installation found: the purl and sha512 are not compared with npm-package-arg and ssri\n');
      }

      // It verifies, with the run's public key, for the tarball's bytes — and not for other bytes.
      const verifier = createBundleVerifier({ trustedRoot: emptyRoot, publicKeys: [result.publicKeyPem ?? ''] });
      expect(verifier.verify(bundle as never, artifactFromBytes(bytes)).ok).toBe(true);
      expect(verifier.verify(bundle as never, artifactFromBytes(Buffer.concat([bytes, Buffer.from('x')]))).ok).toBe(false);
    });
  }

  it('names another registry as npm does (?repository_url=)', async () => {
    const { tarball } = packProject('@acme/internal', '2.0.0');
    const pkg = await readNpmPackage(tarball, 'https://npm.acme.example/');
    expect(pkg.purl).toBe('pkg:npm/%40acme/internal@2.0.0?repository_url=https://npm.acme.example/');
    const npmLib = npmLibraries();
    if (npmLib) {
      const req = createRequire(path.join(npmLib.npmDir, 'package.json'));
      const npa = req('npm-package-arg') as { toPurl: (spec: string, reg: string) => string };
      expect(pkg.purl).toBe(npa.toPurl('@acme/internal@2.0.0', 'https://npm.acme.example/'));
    }
  });

  it("runs libnpmpublish's own subject checks on the bundle where npm is installed", async () => {
    const npmLib = npmLibraries();
    const provenanceJs = npmLib && path.join(npmLib.npmDir, 'node_modules', 'libnpmpublish', 'lib', 'provenance.js');
    if (!npmLib || !provenanceJs || !existsSync(provenanceJs)) {
      process.stderr.write("SKIPPED: no libnpmpublish in this machine's npm\n");
      return;
    }
    const { dir, tarball } = packProject('@acme/checked', '3.1.4');
    const evidence = await evidenceFor(dir, tarball);
    const result = await attestEvidence({
      evidenceDir: evidence,
      subjects: {},
      signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never' },
      npmTarballs: [tarball],
      logger: silentLogger,
    });
    const bundlePath = result.npmProvenance?.[0]?.bundlePath ?? '';
    // libnpmpublish's verifyProvenance checks the subject first, then calls sigstore.verify; only the
    // subject checks are taken from it here (the signature check needs the public-good root online).
    const source = readFileSync(provenanceJs, 'utf8');
    const start = source.indexOf('const verifyProvenance');
    const end = source.indexOf('await sigstore.verify(provenanceBundle)', start);
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const extract = source.slice(source.indexOf('const extractProvenance'), source.indexOf('module.exports'));
    const module = path.join(dir, 'npm-subject-checks.cjs');
    writeFileSync(
      module,
      `module.exports = (readFile) => {\n${source.slice(start, end)} return provenanceBundle }\n${extract}\nreturn verifyProvenance }\n`,
    );
    const checkOnly = (
      createRequire(module)(module) as (readFile: (p: string) => Promise<Buffer>) => (subject: unknown, file: string) => Promise<unknown>
    )(async (p: string) => readFileSync(p));
    const bytes = readFileSync(tarball);
    const subject = { name: npmLib.toPurl('@acme/checked@3.1.4'), digest: { sha512: npmLib.sha512Hex(bytes) } };
    await expect(checkOnly(subject, bundlePath)).resolves.toBeDefined();
    await expect(checkOnly({ ...subject, name: npmLib.toPurl('@acme/checked@3.1.5') }, bundlePath)).rejects.toThrow(
      /does not match the package/,
    );
    await expect(checkOnly({ ...subject, digest: { sha512: npmLib.sha512Hex(Buffer.from('other')) } }, bundlePath)).rejects.toThrow(
      /digest does not match/,
    );
  });

  it('refuses a tarball the build provenance does not name, and files that are not npm tarballs', async () => {
    const { dir, tarball } = packProject('@acme/cli', '1.0.0');
    const evidence = await evidenceFor(dir, tarball);
    const other = packProject('@acme/other', '1.0.0').tarball;
    const attest = (files: string[]) =>
      attestEvidence({
        evidenceDir: evidence,
        subjects: {},
        signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never' },
        npmTarballs: files,
        logger: silentLogger,
      });
    await expect(attest([other])).rejects.toThrow(/no build provenance in the evidence names acme-other-1\.0\.0\.tgz/);
    // Nothing was signed before the refusal.
    expect(existsSync(path.join(evidence, 'provenance.sigstore.json'))).toBe(false);

    const notGzip = path.join(dir, 'not.tgz');
    writeFileSync(notGzip, 'hello');
    await expect(readNpmPackage(notGzip)).rejects.toThrow(/not a valid gzip stream/);
    await expect(readNpmPackage(path.join(dir, 'missing.tgz'))).rejects.toThrow(/does not exist/);
    await expect(readNpmPackage(dir)).rejects.toThrow(/not a regular file/);

    // A tarball whose manifest names an invalid package.
    const bad = path.join(dir, 'bad');
    mkdirSync(path.join(bad, 'package'), { recursive: true });
    writeFileSync(path.join(bad, 'package', 'package.json'), JSON.stringify({ name: '../../etc', version: '1.0.0' }));
    const badTgz = path.join(dir, 'bad.tgz');
    execFileSync('tar', ['-czf', badTgz, '-C', bad, 'package']);
    await expect(readNpmPackage(badTgz)).rejects.toThrow(/names no valid npm package/);
    writeFileSync(path.join(bad, 'package', 'package.json'), JSON.stringify({ name: 'ok', version: 'latest' }));
    execFileSync('tar', ['-czf', badTgz, '-C', bad, 'package']);
    await expect(readNpmPackage(badTgz)).rejects.toThrow(/no valid semver version/);
  });
});
