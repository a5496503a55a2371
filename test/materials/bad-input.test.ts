/**
 * Hostile and broken lockfiles: every problem is a ConfigurationError naming the file (and the line
 * when known), never a crash and never a silent pass; a lockfile that cannot be parsed fails the scan.
 */
import { readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, MemoryLogger, parsePolicy } from '@secure-factory/core';
import { LOCKFILE_FORMATS, readLockfile, scan } from '@secure-factory/materials';
import { describeShared, sharedPath } from '../support/shared.js';
import { put, tempDir } from './fixtures.js';

function rejects(file: string, pattern: RegExp, line?: number): ConfigurationError {
  let thrown: unknown;
  try {
    readLockfile(file);
  } catch (e: unknown) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(ConfigurationError);
  const err = thrown as ConfigurationError;
  expect(err.location?.file).toBe(file);
  expect(err.message).toMatch(pattern);
  if (line !== undefined) expect(err.location?.line).toBe(line);
  return err;
}

describe('bad lockfiles', () => {
  const dir = tempDir('sf-bad-');

  it('truncated JSON: the line of the break', () => {
    rejects(
      put(dir, 'a/package-lock.json', '{\n  "lockfileVersion": 3,\n  "packages": {\n    "node_modules/x": {"version": "1.0'),
      /not valid JSON/,
      4,
    );
  });

  it('wrong types', () => {
    rejects(put(dir, 'b/package-lock.json', '{"lockfileVersion": 3, "packages": ["x"]}'), /"packages" must be an object, not an array/);
    rejects(
      put(dir, 'c/package-lock.json', '{"lockfileVersion": 3, "packages": {"node_modules/x": {"version": 7}}}'),
      /"version" must be a string/,
    );
    rejects(put(dir, 'd/composer.lock', 'null'), /must hold a JSON object, not null/);
    rejects(put(dir, 'e/Cargo.lock', 'version = 3\npackage = "x"\n'), /must be an array of tables/);
    rejects(put(dir, 'f/Pipfile.lock', '{"default": {"x": {"version": ["==1"]}}}'), /"version" must be a string/);
  });

  it('unknown lockfile versions: refused when the shape is unknown', () => {
    rejects(put(dir, 'g/package-lock.json', '{"lockfileVersion": "x", "packages": {}}'), /unknown lockfileVersion "x"/);
    rejects(put(dir, 'g2/package-lock.json', '{"lockfileVersion": 9, "packages": []}'), /unknown lockfileVersion 9/);
    rejects(put(dir, 'h/pnpm-lock.yaml', "lockfileVersion: 'banana'\npackages: {}\n"), /unknown pnpm lockfileVersion/);
    rejects(put(dir, 'i/Cargo.lock', 'version = "abc"\n'), /unknown Cargo.lock version "abc"/);
    rejects(put(dir, 'j/yarn.lock', '__metadata:\n  version: abc\n'), /unknown yarn lockfile/);
  });

  it('a newer version in the known shape is read, with a warning', () => {
    const read = (file: string): { names: string[]; warnings: string[] } => {
      const warnings: string[] = [];
      const names = readLockfile(file, { warn: (m) => warnings.push(m) }).map((p) => `${p.name}@${p.version}`);
      return { names, warnings };
    };
    expect(read(put(dir, 'g3/package-lock.json', '{"lockfileVersion": 9, "packages": {"node_modules/x": {"version": "1.0.0"}}}'))).toEqual({
      names: ['x@1.0.0'],
      warnings: [expect.stringMatching(/lockfileVersion 9 is newer than the versions known \(1, 2, 3\)/)],
    });
    expect(
      read(put(dir, 'h2/pnpm-lock.yaml', "lockfileVersion: '42.0'\npackages:\n  x@1.0.0:\n    resolution: {integrity: sha512-AAAA}\n"))
        .warnings,
    ).toHaveLength(1);
    expect(read(put(dir, 'i2/Cargo.lock', 'version = 99\n')).warnings).toHaveLength(1);
    const yarn = (v: number): string =>
      `__metadata:\n  version: ${v}\n  cacheKey: 10c0\n\n"x@npm:^1.0.0":\n  version: 1.0.0\n  resolution: "x@npm:1.0.0"\n  checksum: 10c0/${'a'.repeat(128)}\n  languageName: node\n  linkType: hard\n`;
    // Yarn 4 writes __metadata.version 8, 9 and 10: known, no warning.
    for (const v of [8, 9, 10]) expect(read(put(dir, `j${v}/yarn.lock`, yarn(v)))).toEqual({ names: ['x@1.0.0'], warnings: [] });
    expect(read(put(dir, 'j99/yarn.lock', yarn(99)))).toEqual({
      names: ['x@1.0.0'],
      warnings: [expect.stringMatching(/__metadata.version "99" is newer/)],
    });
  });

  it('files over 100 MB are refused before reading', () => {
    const f = put(dir, 'k/package-lock.json', '');
    truncateSync(f, 101 * 1024 * 1024);
    rejects(f, /over the limit of 104857600/);
  });

  it('deeply nested YAML and alias bombs', () => {
    rejects(
      put(dir, 'l/pnpm-lock.yaml', `lockfileVersion: '9.0'\npackages: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
      /nested more than 64 levels/,
    );
    const bomb = ["lockfileVersion: '9.0'", 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`,
      );
    rejects(put(dir, 'm/pnpm-lock.yaml', `${bomb.join('\n')}\n`), /cannot read the YAML|alias/i);
  });

  it('names with control characters or markup', () => {
    rejects(
      put(
        dir,
        'n/package-lock.json',
        JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/evil\u001b[2J': { version: '1.0.0' } } }, null, 2),
      ),
      /control or invisible|characters no package name/,
      4,
    );
    rejects(put(dir, 'o/yarn.lock', '# yarn lockfile v1\n\n"x@^1":\n  version "1.0.0\u202e"\n'), /control or invisible/, 3);
    rejects(put(dir, 'p/requirements.txt', 'ok==1.0\nevil\u0007==1.0\n'), /control or invisible/, 2);
    rejects(
      put(
        dir,
        'q/package-lock.json',
        JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/x': { name: '[click](https://evil.example)', version: '1.0.0' } } }),
      ),
      /characters no package name may hold/,
    );
  });

  it('requirement includes may not leave the scanned folder', () => {
    const root = tempDir();
    const f = put(root, 'requirements.txt', 'ok==1.0\n-r ../../../../../../etc/passwd\n');
    expect(() => readLockfile(f, { root })).toThrow(/outside the scanned folder/);
    put(root, 'sub/more.txt', 'other==2.0\n');
    expect(readLockfile(put(root, 'req2/requirements.txt', '-r ../sub/more.txt\n'), { root }).map((p) => p.name)).toEqual(['other']);
  });

  it('binary files and garbage', () => {
    const f = path.join(dir, 'r', 'Cargo.lock');
    put(dir, 'r/Cargo.lock', '');
    writeFileSync(f, Buffer.from([0x00, 0x01, 0x02, 0xff]));
    rejects(f, /binary/);
    rejects(put(dir, 's/go.mod', 'this is not a go.mod file!\n'), /unknown go.mod directive/, 1);
  });

  it('hostile workflows and manifests: a ConfigurationError naming the file', async () => {
    const root = tempDir();
    put(root, '.github/workflows/deep.yml', `on: push\njobs: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
    await expect(
      scan({ path: root, policy: parsePolicy('apiVersion: secure-factory/v1\n', 'p.yml'), logger: new MemoryLogger(), now: new Date() }),
    ).rejects.toMatchObject({
      code: 'CONFIGURATION',
      location: { file: '.github/workflows/deep.yml' },
    });
  });

  it('a lockfile that cannot be parsed fails the scan', async () => {
    const root = tempDir();
    put(root, 'ok/package-lock.json', '{"lockfileVersion": 3, "packages": {}}');
    put(root, 'broken/yarn.lock', '"x@^1":\n  version: [\n');
    await expect(
      scan({ path: root, policy: parsePolicy('apiVersion: secure-factory/v1\n', 'p.yml'), logger: new MemoryLogger(), now: new Date() }),
    ).rejects.toMatchObject({
      code: 'CONFIGURATION',
      location: { file: 'broken/yarn.lock' },
    });
  });
});

describeShared('truncated real lockfiles never crash a parser', () => {
  // Every corpus fixture, cut at several points and read as every format: a result or a ConfigurationError.
  const root = sharedPath('corpora', 'lockfiles', 'osv-scalibr', 'extractor');
  const fixtures: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const f = path.join(d, e);
      if (statSync(f).isDirectory()) walk(f);
      else if (f.includes(`${path.sep}testdata${path.sep}`) && statSync(f).size < 200_000) fixtures.push(f);
    }
  };
  walk(root);

  it('holds for every fixture, cut and format', () => {
    const dir = tempDir('sf-cut-');
    let cases = 0;
    for (const fixture of fixtures) {
      const text = readFileSync(fixture, 'utf8');
      for (const cut of [0.13, 0.5, 0.77]) {
        const file = path.join(dir, 'cut');
        writeFileSync(file, text.slice(0, Math.floor(text.length * cut)));
        for (const format of LOCKFILE_FORMATS) {
          cases++;
          try {
            readLockfile(file, { format: format.id });
          } catch (e: unknown) {
            if (!(e instanceof ConfigurationError))
              throw new Error(`${format.id} crashed on ${fixture} cut at ${cut}: ${String(e)}`, { cause: e });
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(1000);
  });
});

// Written from pip's requirements-file format (pip/_internal/req/req_file.py: options parsed as optparse
// does, SUPPORTED_OPTIONS, a missing include is an error).
describe('requirements files read as pip reads them', () => {
  const names = (file: string): string[] =>
    readLockfile(file)
      .map((p) => `${p.name}@${p.version}`)
      .sort();

  it('follows -r in every spelling pip accepts, so no included package is dropped', () => {
    const dir = tempDir('sf-req-');
    put(dir, 'a.txt', 'urllib3==1.24.1\n');
    put(dir, 'b.txt', 'jinja2==2.10\n');
    put(dir, 'c.txt', 'six==1.16.0\n');
    const file = put(dir, 'requirements.txt', '-ra.txt\n--requirement=b.txt\n--requirement c.txt\nrequests==2.19.0\n');
    expect(names(file)).toEqual(['jinja2@2.10', 'requests@2.19.0', 'six@1.16.0', 'urllib3@1.24.1']);
  });

  it('reads an attached -e as the requirement it names', () => {
    const dir = tempDir('sf-req-');
    expect(names(put(dir, 'requirements.txt', '-eflask==2.0.0\n-e .\n'))).toEqual(['flask@2.0.0']);
  });

  it('accepts the options that name no package', () => {
    const dir = tempDir('sf-req-');
    put(dir, 'cons.txt', 'six==1.0\n');
    const text = [
      '-i https://pypi.org/simple',
      '-ihttps://pypi.org/simple',
      '--index-url=https://pypi.org/simple',
      '--extra-index-url https://example.com/simple',
      '--no-index',
      '-c cons.txt',
      '--constraint=cons.txt',
      '-f ./wheels',
      '--find-links ./wheels',
      '--no-binary :all:',
      '--only-binary=:none:',
      '--prefer-binary',
      '--require-hashes',
      '--pre',
      '--trusted-host example.com',
      '--use-feature=fast-deps',
      'requests==2.19.0',
    ].join('\n');
    expect(names(put(dir, 'requirements.txt', `${text}\n`))).toEqual(['requests@2.19.0']);
  });

  it('refuses a missing include, an include by URL and an option pip does not accept, naming the line', () => {
    const dir = tempDir('sf-req-');
    rejects(put(dir, 'm/requirements.txt', 'six==1.0\n-r missing.txt\n'), /includes "missing\.txt", which does not exist/, 2);
    rejects(put(dir, 'u/requirements.txt', '-r https://example.com/r.txt\n'), /from a URL/, 1);
    rejects(put(dir, 'o/requirements.txt', '--bogus\nsix==1.0\n'), /"--bogus" is not an option pip accepts/, 1);
    rejects(put(dir, 'p/requirements.txt', '--index-urlx https://x\n'), /not an option pip accepts/, 1);
  });
});

// The package manager installs an entry's tarball (its integrity is the tarball's), so an entry whose
// registry tarball names another package or version would be scanned as something that is not installed.
describe('JavaScript lockfile entries agree with their registry tarballs', () => {
  const R = 'https://registry.npmjs.org';
  const lock = (packages: Record<string, unknown>): string =>
    JSON.stringify({ name: 'app', lockfileVersion: 3, requires: true, packages: { '': { name: 'app' }, ...packages } }, null, 2);

  it('refuses a package-lock entry whose tarball is another version or package, naming the line', () => {
    const dir = tempDir('sf-tarball-');
    rejects(
      put(dir, 'v/package-lock.json', lock({ 'node_modules/lodash': { version: '4.17.21', resolved: `${R}/lodash/-/lodash-4.17.4.tgz` } })),
      /lodash@4\.17\.21 is installed from .*lodash-4\.17\.4\.tgz, the tarball of lodash@4\.17\.4/,
      9, // the entry's line in the pretty-printed lockfile
    );
    rejects(
      put(
        dir,
        'n/package-lock.json',
        lock({ 'node_modules/lodash': { version: '4.17.21', resolved: `${R}/lodahs/-/lodahs-4.17.21.tgz` } }),
      ),
      /the tarball of lodahs@4\.17\.21/,
    );
    rejects(
      put(
        dir,
        's/package-lock.json',
        lock({ 'node_modules/@babel/core': { version: '7.24.0', resolved: `${R}/@babel/core/-/core-7.0.0.tgz` } }),
      ),
      /the tarball of @babel\/core@7\.0\.0/,
    );
  });

  it('refuses the same in yarn.lock (v1) and in a pnpm-lock tarball resolution', () => {
    const dir = tempDir('sf-tarball-');
    rejects(
      put(
        dir,
        'y/yarn.lock',
        `# yarn lockfile v1\n\nlodash@^4.17.0:\n  version "4.17.21"\n  resolved "${R}/lodash/-/lodash-4.17.4.tgz#abc"\n`,
      ),
      /the tarball of lodash@4\.17\.4/,
    );
    rejects(
      put(
        dir,
        'p/pnpm-lock.yaml',
        `lockfileVersion: '9.0'\npackages:\n  lodash@4.17.21:\n    resolution: {tarball: '${R}/lodash/-/lodash-4.17.4.tgz'}\nsnapshots:\n  lodash@4.17.21: {}\n`,
      ),
      /the tarball of lodash@4\.17\.4/,
    );
  });

  it('accepts aliases, encoded scopes, pre-releases, mirrors and non-registry URLs', () => {
    const dir = tempDir('sf-tarball-');
    const file = put(
      dir,
      'ok/package-lock.json',
      lock({
        'node_modules/my-lodash': { name: 'lodash', version: '4.17.21', resolved: `${R}/lodash/-/lodash-4.17.21.tgz` },
        'node_modules/@types/node': { version: '20.0.0', resolved: `${R}/@types%2fnode/-/node-20.0.0.tgz` },
        'node_modules/next': { version: '15.0.0-canary.1', resolved: `${R}/next/-/next-15.0.0-canary.1.tgz` },
        'node_modules/left-pad': {
          version: '1.3.0',
          resolved: 'https://acme.jfrog.io/artifactory/api/npm/npm/left-pad/-/left-pad-1.3.0.tgz',
        },
        'node_modules/gitdep': {
          version: '1.0.0',
          resolved: 'git+ssh://git@github.com/acme/gitdep.git#0123456789abcdef0123456789abcdef01234567',
        },
      }),
    );
    expect(readLockfile(file).map((p) => `${p.name}@${p.version}`)).toEqual(
      expect.arrayContaining(['lodash@4.17.21', '@types/node@20.0.0', 'next@15.0.0-canary.1', 'left-pad@1.3.0']),
    );
  });
});

describe('Yarn Berry workspaces', () => {
  it('skips `name@workspace:path` only: a resolution that mentions @workspace: later is a package', () => {
    const dir = tempDir('sf-berry-');
    const file = put(
      dir,
      'yarn.lock',
      [
        '__metadata:',
        '  version: 8',
        '  cacheKey: 10c0',
        '',
        '"app@workspace:.":',
        '  version: 0.0.0-use.local',
        '  resolution: "app@workspace:."',
        '  languageName: unknown',
        '  linkType: soft',
        '',
        '"lodash@npm:^4.17.0":',
        '  version: 4.17.4',
        '  resolution: "lodash@npm:4.17.4#@workspace:x"',
        '  checksum: 10c0/abc',
        '  languageName: node',
        '  linkType: hard',
        '',
      ].join('\n'),
    );
    expect(readLockfile(file).map((p) => `${p.name}@${p.version}`)).toEqual(['lodash@4.17.4']);
  });
});

// Written from Bundler's LockfileParser: four spaces under `specs:` is a gem Bundler installs, six its
// dependency; sections it does not know are skipped by Bundler too.
describe('Gemfile.lock specs', () => {
  const gem = (specs: string): string =>
    `GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (2.0.0)\n${specs}\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  rack\n`;

  it('refuses a gem line that is not `name (version)`, or a version RubyGems would not parse, naming the line', () => {
    const dir = tempDir('sf-gem-');
    rejects(put(dir, 'a/Gemfile.lock', gem('    this is garbage\n')), /must be `name \(version\)`/, 5);
    rejects(put(dir, 'b/Gemfile.lock', gem('    evil (latest)\n')), /"latest" is not a gem version/, 5);
  });

  it('reads platform gems, pre-releases and dependency lines as Bundler does', () => {
    const dir = tempDir('sf-gem-');
    const file = put(dir, 'c/Gemfile.lock', gem('      rack-test (>= 1.0)\n    nokogiri (1.16.0-x86_64-linux)\n    rails (8.0.0.beta1)\n'));
    expect(
      readLockfile(file)
        .map((p) => `${p.name}@${p.version}`)
        .sort(),
    ).toEqual(['nokogiri@1.16.0', 'rack@2.0.0', 'rails@8.0.0.beta1']);
  });
});
