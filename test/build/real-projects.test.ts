/**
 * Real small projects of different shapes (examples/), built UNCHANGED by their own commands in the
 * sandbox: the fetch through the egress proxy (or nothing), the build writing where it always writes,
 * tests writing temporary files under the project. The npm registry is a local one serving the host's
 * npm cache; nothing here reaches the internet.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildOptions } from '@secure-factory/isolated-build';
import { MemoryLogger, type ProvenancePredicate, type Statement } from '@secure-factory/core';
import { exampleRepo, lockfileRegistry } from './support.js';

const HAVE_BWRAP = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', 'true']).status === 0;
if (!HAVE_BWRAP) console.warn('SKIPPED: bubblewrap is not usable here (sudo apt-get install -y bubblewrap)');
const has = (cmd: string, args: string[]): boolean => HAVE_BWRAP && spawnSync(cmd, args).status === 0;

function options(source: string, extra: Partial<BuildOptions>): BuildOptions {
  return {
    source,
    command: ['/bin/sh', '-c', 'true'],
    outputs: ['dist/**'],
    evidence: mkdtempSync(path.join(tmpdir(), 'sf-evidence-')),
    network: 'none',
    reproducible: false,
    timeoutMs: 240_000,
    env: [],
    logger: new MemoryLogger(),
    hostEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' },
    onOutput: () => undefined,
    ...extra,
  };
}

function byproduct<T>(file: string, name: string): T {
  const st = JSON.parse(readFileSync(file, 'utf8')) as Statement<ProvenancePredicate>;
  const b = st.predicate.runDetails.byproducts?.find((x) => x.name === name);
  return JSON.parse(Buffer.from(b?.content ?? 'null', 'base64').toString()) as T;
}

describe('real projects, built as they are', () => {
  (HAVE_BWRAP ? it : it.skip)(
    'a TypeScript package: npm ci through the egress proxy, npm run build writes dist/, npm test writes temp files under the project',
    async () => {
      const repo = exampleRepo('ts-package');
      const registry = await lockfileRegistry(path.join(repo.dir, 'package-lock.json'));
      if (registry.missing.length > 0) {
        console.warn(`SKIPPED: not in the npm cache: ${registry.missing.join(', ')} (run npm ci in examples/ts-package once)`);
        await registry.close();
        return;
      }
      try {
        const r = await build(
          options(repo.dir, {
            network: 'fetch-only',
            fetchCommand: 'npm ci',
            command: ['/bin/sh', '-c', 'npm run build'],
            testCommand: 'npm test',
            reproducible: true,
            env: ['npm_config_registry'],
            hostEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', npm_config_registry: registry.url },
          }),
        );
        expect(r.findings.filter((f) => f.blocking)).toEqual([]);
        expect(r.passed).toBe(true);
        expect(r.subjects.map((s) => s.name)).toEqual([
          'dist/greet.d.ts',
          'dist/greet.js',
          'dist/index.d.ts',
          'dist/index.js',
          'dist/list.d.ts',
          'dist/list.js',
        ]);
        expect(r.reproducible).toBe(true);
        expect(readFileSync(path.join(r.outputDir, 'dist', 'greet.js'), 'utf8')).toContain('Hello, ');
        // The checkout was never written: no node_modules, dist or test folders appeared in it.
        expect(['node_modules', 'dist'].filter((d) => existsSync(path.join(repo.dir, d)))).toEqual([]);
        expect(r.integrity?.unchanged).toBe(true);
        expect(r.integrity?.phases.map((p) => p.phase)).toEqual(['fetch', 'build', 'test', 'build-2']);
        // Every connection of the fetch went to the registry, and is in the provenance.
        const egress = byproduct<{ host: string; allowed: boolean }[]>(r.provenancePath as string, 'egress');
        expect(egress.length).toBeGreaterThan(0);
        expect(egress.every((c) => c.host === '127.0.0.1' && c.allowed)).toBe(true);
        expect(registry.requests).toContain('/typescript/-/typescript-5.9.3.tgz');
        const tools = byproduct<{ name: string; version: string }[]>(r.provenancePath as string, 'toolchains');
        expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['node', 'npm']));
        const test = JSON.parse(readFileSync(r.testResultPath as string, 'utf8')) as { predicate: { result: string } };
        expect(test.predicate.result).toBe('PASSED');
      } finally {
        await registry.close();
      }
    },
  );

  (HAVE_BWRAP ? it : it.skip)(
    'a Vite app: npm ci (esbuild, rollup and their native binaries), then vite build into dist/, reproducibly',
    async () => {
      const repo = exampleRepo('vite-app');
      const registry = await lockfileRegistry(path.join(repo.dir, 'package-lock.json'));
      const needed = registry.missing.filter(
        (m) => !/^@(esbuild|rollup)\/(?!linux-x64)|^fsevents@/.test(m) && !/-(musl|gnueabihf|ohos)@/.test(m),
      );
      if (needed.length > 0) {
        console.warn(`SKIPPED: not in the npm cache: ${needed.join(', ')} (run npm ci in examples/vite-app once)`);
        await registry.close();
        return;
      }
      try {
        const r = await build(
          options(repo.dir, {
            network: 'fetch-only',
            fetchCommand: 'npm ci',
            command: ['/bin/sh', '-c', 'npm run build'],
            reproducible: true,
            env: ['npm_config_registry'],
            hostEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', npm_config_registry: registry.url },
          }),
        );
        expect(r.findings.filter((f) => f.blocking)).toEqual([]);
        const names = r.subjects.map((s) => s.name);
        expect(names).toContain('dist/index.html');
        expect(names.filter((n) => /^dist\/assets\/index-[\w-]+\.js$/.test(n ?? ''))).toHaveLength(1);
        expect(r.reproducible).toBe(true);
        expect(r.integrity?.unchanged).toBe(true);
        expect(existsSync(path.join(repo.dir, 'node_modules'))).toBe(false);
      } finally {
        await registry.close();
      }
    },
  );

  // Debian's python3 with setuptools, wheel and build (apt-get install -y python3-build); PyPI is not needed.
  const PY_PATH = `/usr/bin:/bin:${process.env.PATH ?? ''}`;
  (has('/usr/bin/python3', ['-m', 'build', '--version']) ? it : it.skip)(
    'a Python package: python3 -m build --wheel --no-isolation writes dist/*.whl, reproducibly',
    async () => {
      const repo = exampleRepo('py-package');
      const r = await build(
        options(repo.dir, {
          command: ['/bin/sh', '-c', 'python3 -m build --wheel --no-isolation'],
          reproducible: true,
          hostEnv: { PATH: PY_PATH, HOME: process.env.HOME ?? '/root' },
        }),
      );
      expect(r.findings.filter((f) => f.blocking)).toEqual([]);
      expect(r.subjects.map((s) => s.name)).toEqual(['dist/greeter-1.0.0-py3-none-any.whl']);
      expect(r.reproducible).toBe(true);
      const listing = spawnSync(
        '/usr/bin/python3',
        ['-m', 'zipfile', '-l', path.join(r.outputDir, 'dist', 'greeter-1.0.0-py3-none-any.whl')],
        {
          encoding: 'utf8',
        },
      ).stdout;
      expect(listing).toContain('greeter/__init__.py');
      expect(r.toolchains?.map((t) => t.name)).toContain('python3');
      expect(existsSync(path.join(repo.dir, 'build'))).toBe(false);
    },
  );

  (has('cargo', ['--version']) ? it : it.skip)(
    'a Rust program with a path dependency: cargo fetch, then cargo build --release --offline, its tests in the test phase',
    async () => {
      const repo = exampleRepo('rust-cli');
      const r = await build(
        options(repo.dir, {
          network: 'fetch-only',
          fetchCommand: 'cargo fetch --locked',
          command: ['/bin/sh', '-c', 'cargo build --release --offline --locked'],
          testCommand: 'cargo test --offline --locked --workspace',
          outputs: ['target/release/rust-cli'],
          reproducible: true,
        }),
      );
      expect(r.findings.filter((f) => f.blocking)).toEqual([]);
      expect(r.subjects.map((s) => s.name)).toEqual(['target/release/rust-cli']);
      expect(r.reproducible).toBe(true);
      const run = spawnSync(path.join(r.outputDir, 'target', 'release', 'rust-cli'), ['Ada'], { encoding: 'utf8' });
      expect(run.stdout).toBe('Hello, Ada!\n');
      expect(r.toolchains?.map((t) => t.name)).toEqual(expect.arrayContaining(['cargo', 'rustc']));
      expect(r.toolchains?.find((t) => t.name === 'cargo')?.version).toMatch(/^cargo \d+\.\d+/);
      // Nothing to download: the fetch made no connection, and none was refused.
      expect(r.egress).toEqual([]);
      expect(existsSync(path.join(repo.dir, 'target'))).toBe(false);
    },
  );
});
