/** Unit tests of the build's pure parts: names, globs, remotes, pins, settings, differences, hashing. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, defaultPolicy, exitCodeFor, parsePolicy } from '@secure-factory/core';
import { recordedVariables, sandboxEnvironment, validateAllowList } from './environment.js';
import { pinnedDependencies } from './github-context.js';
import { sha256Files } from './parallel-digest.js';
import { firstDifference } from './reproducibility.js';
import { bwrapArgs, pathBinds, phaseScript } from './sandbox.js';
import { egressAllowList, hostAllowed, npmrcRegistries } from './egress-proxy.js';
import { missingTool } from './toolchains.js';
import { parseTimeout, resolveSettings } from './settings.js';
import { normaliseRemote, porcelainPaths } from './source-info.js';
import { checkGlob, normaliseName } from './subjects.js';
import { hintPackageJson, projectNpmrc, sourceWritePaths } from './build.js';

function tmp(): string {
  return mkdtempSync(path.join(tmpdir(), 'sf-unit-'));
}

describe('output names and globs', () => {
  it('normalises relative names and refuses traversal', () => {
    expect(normaliseName('./dist//a/../b.js')).toBe('dist/b.js');
    expect(() => normaliseName('../x')).toThrow(/leaves the output folder/);
    expect(() => normaliseName('a/../../x')).toThrow(/leaves the output folder/);
  });
  it('refuses absolute globs and globs with ..', () => {
    expect(checkGlob(' dist/** ')).toBe('dist/**');
    expect(() => checkGlob('/etc/*')).toThrow(/absolute/);
    expect(() => checkGlob('dist/../../*')).toThrow(/leaves the output folder/);
    expect(() => checkGlob('')).toThrow(/empty/);
  });
});

describe('source remote', () => {
  it('normalises remotes and drops credentials', () => {
    expect(normaliseRemote('git@github.com:acme/app.git')).toBe('git+https://github.com/acme/app');
    expect(normaliseRemote('https://x-access-token:ghs_secret@github.com/acme/app.git')).toBe('git+https://github.com/acme/app');
    expect(normaliseRemote('/some/local/path')).toBeUndefined();
  });
});

describe('pinned actions and images in a workflow', () => {
  it('lists SHA-pinned actions and digest-pinned images only', () => {
    const sha = 'a'.repeat(40);
    const digest = 'b'.repeat(64);
    const deps = pinnedDependencies(
      [
        `- uses: actions/checkout@${sha} # v4`,
        '- uses: actions/setup-node@v4',
        `- uses: docker://alpine@sha256:${digest}`,
        `  image: 'ghcr.io/acme/base:1@sha256:${digest}'`,
      ].join('\n'),
    );
    expect(deps.map((d) => d.uri)).toEqual([
      `git+https://github.com/actions/checkout@${sha}`,
      `docker://alpine@sha256:${digest}`,
      `docker://ghcr.io/acme/base:1@sha256:${digest}`,
    ]);
  });
});

describe('settings', () => {
  it('takes the policy, lets inputs tighten it, never loosen an explicit network: none', () => {
    const policy = parsePolicy(
      'apiVersion: secure-factory/v1\nbuild: { network: none, reproducible: true, timeout: 30m, env: [NODE_ENV] }\n',
      'p.yml',
    );
    expect(resolveSettings(policy, { env: ['CI'] })).toEqual({
      network: 'none',
      networkAllow: [],
      reproducible: true,
      timeoutMs: 30 * 60_000,
      env: ['CI', 'NODE_ENV'],
    });
    expect(() => resolveSettings(policy, { network: 'fetch-only' })).toThrow(/policy requires build.network: none/);
    expect(resolveSettings(defaultPolicy(), { network: 'fetch-only', timeout: '90s' })).toMatchObject({
      network: 'fetch-only',
      timeoutMs: 90_000,
      reproducible: false,
    });
    expect(() => resolveSettings(defaultPolicy(), { network: 'open' })).toThrow(/allowed values: none, fetch-only/);
    expect(parseTimeout('500ms')).toBe(500);
    expect(parseTimeout('2h')).toBe(7_200_000);
  });
  it("reads build.network.allow from the policy and adds the inputs' hosts", () => {
    const policy = parsePolicy(
      'apiVersion: secure-factory/v1\nbuild: { network: { allow: [npm.corp.example, "*.mirror.example"] } }\n',
      'p.yml',
    );
    expect(resolveSettings(policy, { networkAllow: ['extra.example:8443'] })).toMatchObject({
      network: 'fetch-only',
      networkAllow: ['npm.corp.example', '*.mirror.example', 'extra.example:8443'],
    });
    const none = parsePolicy('apiVersion: secure-factory/v1\nbuild: { network: { mode: none, allow: [a.example] } }\n', 'p.yml');
    expect(resolveSettings(none, {})).toMatchObject({ network: 'none' });
    expect(() => parsePolicy('apiVersion: secure-factory/v1\nbuild: { network: { allowed: [a.example] } }\n', 'p.yml')).toThrow(
      /build\.network/,
    );
  });
  it('refuses allow-list names the sandbox sets itself, and bad names', () => {
    expect(() => validateAllowList(['HOME'])).toThrow(/set by the sandbox itself/);
    expect(() => validateAllowList(['A-B'])).toThrow(/not an environment variable name/);
    expect(validateAllowList(['B', 'A', 'B'])).toEqual(['A', 'B']);
  });
  it('builds the environment from the allow-list only', () => {
    const { env, passed } = sandboxEnvironment({
      allow: ['KEEP', 'UNSET'],
      hostEnv: { PATH: '/bin', KEEP: '1', DROP: '2', HTTPS_PROXY: 'http://proxy' },
      sourceDateEpoch: 42,
      layout: { source: '/src', output: '/out', temp: '/tmp', home: '/tmp/home' },
      phase: 'build',
    });
    expect(env).toEqual({
      PATH: '/bin',
      KEEP: '1',
      HOME: '/tmp/home',
      TMPDIR: '/tmp',
      SOURCE_DATE_EPOCH: '42',
      TZ: 'UTC',
      LC_ALL: 'C',
      SECURE_FACTORY_SRC: '/src',
      SECURE_FACTORY_OUT: '/out',
    });
    expect(passed).toEqual(['KEEP']);
  });
  it('passes and records own host variables only: an allow-list naming constructor or toString finds nothing', () => {
    const names = ['constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const { env, passed } = sandboxEnvironment({
      allow: names,
      hostEnv: { PATH: '/bin' },
      sourceDateEpoch: 42,
      layout: { source: '/src', temp: '/tmp', home: '/tmp/home' },
      phase: 'build',
    });
    expect(passed).toEqual([]);
    for (const n of names) expect(Object.hasOwn(env, n)).toBe(false);
    expect(recordedVariables(process.env, names)).toEqual({});
  });
});

describe('bubblewrap arguments', () => {
  const spec = {
    tool: {
      kind: 'bubblewrap' as const,
      path: '/usr/bin/bwrap',
      unshare: '/usr/bin/unshare',
      version: '0.8.0',
      apparmor: 'absent' as const,
    },
    argv: ['make'],
    phase: 'build',
    workspace: {
      source: '/work/src',
      lowerMount: '/ws/lower',
      lowers: ['/ws/layers/fetch/upper'],
      upper: '/ws/layers/build/upper',
      work: '/ws/layers/build/work',
      merged: '/ws/merged',
    },
    home: '/ws/home',
    temp: '/work/tmp',
    output: '/work/out',
    ctl: '/ws/ctl',
    env: { PATH: '/usr/bin' },
    timeoutMs: 1000,
    hostPath: '/usr/bin',
  };
  it('binds the workspace writable at /src, never the checkout, unshares the network and drops capabilities', () => {
    const a = bwrapArgs(spec).join(' ');
    expect(a).toContain('--bind /ws/merged /src');
    expect(a).not.toContain('/work/src');
    expect(a).toContain('--bind /work/out /out');
    expect(a).toContain('--bind /work/tmp /tmp --bind /ws/home /tmp/home');
    expect(a).toContain('--unshare-net');
    expect(a).toContain('--disable-userns --cap-drop ALL');
    expect(a).toContain('--die-with-parent --new-session --clearenv');
    expect(a.endsWith('--chdir /src -- make')).toBe(true);
  });
  it('mounts the overlay with the checkout as the lowest layer, then runs the checker', () => {
    const script = phaseScript(
      { ...spec, check: { script: '/ws/ctl/check.cjs', tracked: '/ws/ctl/tracked.json', report: '/ws/ctl/r.json', algorithm: 'sha1' } },
      '/ws/ctl/build.args',
      '/ws/ctl/build.status',
    );
    expect(script).toContain("mount --bind '/work/src' '/ws/lower'");
    expect(script).toContain(
      "-o 'lowerdir=/ws/layers/fetch/upper:/ws/lower,upperdir=/ws/layers/build/upper,workdir=/ws/layers/build/work,userxattr' '/ws/merged'",
    );
    expect(script.indexOf('--args 3 -- "$@"')).toBeLessThan(script.indexOf('check.cjs'));
  });
  it('binds a node_modules/.bin PATH entry as its whole node_modules', () => {
    const dir = tmp();
    execFileSync('mkdir', ['-p', path.join(dir, 'node_modules', '.bin')]);
    expect(pathBinds(`${path.join(dir, 'node_modules', '.bin')}:/usr/bin`)).toContain(path.join(dir, 'node_modules'));
  });
});

describe('egress allow-list', () => {
  it("takes the lockfiles' registries, resolved URLs and the allow-list", () => {
    const list = egressAllowList(
      [{ name: 'package-lock.json' }, { name: 'Cargo.lock' }],
      [{ name: 'a', downloadLocation: 'https://npm.acme.example/a/-/a-1.0.0.tgz' }],
      ['Mirror.Example.org:8443', '*.corp.example'],
      { npm_config_registry: 'https://registry.internal.example/' },
    );
    expect(list).toEqual(
      expect.arrayContaining([
        'registry.npmjs.org',
        'index.crates.io',
        'npm.acme.example',
        'registry.internal.example',
        'mirror.example.org:8443',
        '*.corp.example',
      ]),
    );
    expect(list).not.toContain('pypi.org');
  });
  it('adds the registries a committed .npmrc names', () => {
    expect(
      npmrcRegistries(
        'registry=https://npm.corp.example/\n@acme:registry = https://npm.acme.example/x/\n//npm.corp.example/:_authToken=${T}\n',
      ),
    ).toEqual(['npm.corp.example', 'npm.acme.example']);
  });
  it('matches host, host:port and *.domain exactly', () => {
    const list = ['registry.npmjs.org', 'mirror.example.org:8443', '*.corp.example'];
    expect(hostAllowed(list, 'registry.npmjs.org', 443)).toBe(true);
    expect(hostAllowed(list, 'REGISTRY.npmjs.org', 443)).toBe(true);
    expect(hostAllowed(list, 'registry.npmjs.org.evil.example', 443)).toBe(false);
    expect(hostAllowed(list, 'mirror.example.org', 8443)).toBe(true);
    expect(hostAllowed(list, 'mirror.example.org', 443)).toBe(false);
    expect(hostAllowed(list, 'a.b.corp.example', 443)).toBe(true);
    expect(hostAllowed(list, 'corp.example', 443)).toBe(false);
    expect(hostAllowed(list, 'evilcorp.example', 443)).toBe(false);
  });
});

describe('a missing tool', () => {
  it('is named from the shell messages of dash, bash and env', () => {
    expect(missingTool('sh: 1: vite: not found\n')).toBe('vite');
    expect(missingTool('bash: line 1: tsc: command not found')).toBe('tsc');
    expect(missingTool("env: 'cargo': No such file or directory")).toBe('cargo');
    expect(missingTool('error TS2304: cannot find name')).toBeUndefined();
  });
});

describe('differences and digests', () => {
  it('finds the first differing byte, including a length difference', async () => {
    const d = tmp();
    const f = (n: string, c: string): string => {
      writeFileSync(path.join(d, n), c);
      return path.join(d, n);
    };
    expect(await firstDifference(f('a', 'hello world'), f('b', 'hello World'))).toBe(6);
    expect(await firstDifference(f('c', 'same'), f('d', 'same'))).toBeUndefined();
    expect(await firstDifference(f('e', 'abc'), f('g', 'abcdef'))).toBe(3);
    expect(await firstDifference(f('h', 'x'.repeat(3000) + 'y'), f('i', 'x'.repeat(3001)), 1024)).toBe(3000);
  });
  it('hashes on worker threads exactly as sha256sum does', async () => {
    const d = tmp();
    const files = ['one', 'two', 'three', 'empty'].map((n, i) => {
      const file = path.join(d, n);
      writeFileSync(file, n === 'empty' ? '' : Buffer.alloc(100_000 * (i + 1), n));
      return { file, size: n === 'empty' ? 0 : 100_000 * (i + 1) };
    });
    const expected = files.map((f) => execFileSync('sha256sum', [f.file], { encoding: 'utf8' }).slice(0, 64));
    expect(await sha256Files(files, 2, 0)).toEqual(expected);
    expect(await sha256Files(files, 1)).toEqual(expected);
    await expect(
      sha256Files([{ file: path.join(d, 'missing'), size: 1 }, files[0] as { file: string; size: number }], 2, 0),
    ).rejects.toThrow(/cannot hash/);
  });
  it('extracts the source paths a read-only write names', () => {
    expect(
      sourceWritePaths(
        "sh: 1: cannot create /src/a.txt: Read-only file system\nError: EROFS: read-only file system, open '/src/dist/x.js'\nother",
      ),
    ).toEqual(['/src/a.txt', '/src/dist/x.js']);
  });
});

describe('porcelainPaths', () => {
  it('keeps the leading space of an unstaged change and skips the original path of a rename', () => {
    const out = ' M dist/a.js\0R  new.ts\0old.ts\0?? notes.txt\0 D gone.js\0';
    expect(porcelainPaths(out)).toEqual(['dist/a.js', 'new.ts', 'notes.txt', 'gone.js']);
  });

  it('reads what git itself prints for a real checkout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-porcelain-'));
    const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.email=a@b', '-c', 'user.name=a', ...args]);
    git('init', '-q');
    writeFileSync(path.join(dir, 'dist.js'), 'a');
    writeFileSync(path.join(dir, 'old.txt'), 'b');
    git('add', '.');
    git('commit', '-qm', 'x');
    writeFileSync(path.join(dir, 'dist.js'), 'changed');
    git('mv', 'old.txt', 'renamed.txt');
    writeFileSync(path.join(dir, 'new file.txt'), 'c');
    const out = execFileSync('git', ['-C', dir, 'status', '--porcelain=v1', '-z', '--untracked-files=all'], { encoding: 'utf8' });
    expect(porcelainPaths(out).sort()).toEqual(['dist.js', 'new file.txt', 'renamed.txt']);
  });
});

describe("the build's own reads of project files (.npmrc, package.json)", () => {
  const SECRET = 'SECRET-build-marker';
  const hostile = (name: string, kind: 'fifo' | 'dev-zero' | 'outside' | 'big' | 'latin1'): string => {
    const dir = tmp();
    const file = path.join(dir, name);
    if (kind === 'fifo') execFileSync('mkfifo', [file]);
    else if (kind === 'dev-zero') symlinkSync('/dev/zero', file);
    else if (kind === 'outside') {
      const elsewhere = tmp();
      writeFileSync(path.join(elsewhere, 'token'), `registry=https://${SECRET}.example/\n{"devDependencies":{"tsc":"1"}}`);
      symlinkSync(path.join(elsewhere, 'token'), file);
    } else if (kind === 'big') {
      writeFileSync(file, '{}');
      truncateSync(file, 16 * 1024 * 1024 + 1);
    } else writeFileSync(file, Buffer.from(`registry=https://caf\xe9.example/ ${SECRET}\n`, 'latin1'));
    return dir;
  };

  it.each([
    ['fifo', /\.npmrc.*FIFO/s],
    ['dev-zero', /\.npmrc.*outside/s],
    ['outside', /\.npmrc.*outside/s],
    ['big', /\.npmrc.*over the limit/s],
    ['latin1', /\.npmrc.*not valid UTF-8/s],
  ] as const)('.npmrc as %s: refused with exit 2 naming it, nothing quoted', async (kind, pattern) => {
    const e: unknown = await projectNpmrc(hostile('.npmrc', kind)).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(exitCodeFor(e)).toBe(2);
    const text = (e as ConfigurationError).describe();
    expect(text).toMatch(pattern);
    expect(text).not.toContain(SECRET);
  });

  it('.npmrc missing is none; a regular one is read', async () => {
    expect(await projectNpmrc(tmp())).toBeUndefined();
    const dir = tmp();
    writeFileSync(path.join(dir, '.npmrc'), 'registry=https://npm.example/\n');
    expect(await projectNpmrc(dir)).toBe('registry=https://npm.example/\n');
  });

  it.each(['fifo', 'dev-zero', 'outside', 'big', 'latin1'] as const)('package.json as %s gives no hint, at once', (kind) => {
    const started = Date.now();
    expect(hintPackageJson(hostile('package.json', kind))).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('a regular package.json is read for the hint', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'package.json'), '{"devDependencies":{"tsc":"1"}}');
    expect(hintPackageJson(dir)).toEqual({ devDependencies: { tsc: '1' } });
  });
});
