/**
 * Where the trust comes from when nothing is verified over TUF: a `--trusted-root` file (one JSON
 * document, or JSON lines as `gh attestation trusted-root` prints them), the environment that turns TUF
 * off or makes it required, and the cache folder the TUF client writes to. Mirrors here are a closed port
 * on 127.0.0.1, so TUF fails at once and the fallback is what is checked.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError, EXIT, exitCodeFor, InfrastructureError } from '@secure-factory/core';
import { loadTrustedRoot, loadTrustedRootFile } from './trusted-root.js';

const TRUST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'trust');
const PUBLIC_GOOD = readFileSync(path.join(TRUST, 'public-good-trusted-root.json'), 'utf8');
const GITHUB = readFileSync(path.join(TRUST, 'github-trusted-root.json'), 'utf8');
const CLOSED = 'http://127.0.0.1:1';

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'sf-trusted-root-'));
function file(content: string | Buffer, name = 'trusted_root.json'): string {
  const f = path.join(tmp(), name);
  writeFileSync(f, content);
  return f;
}
const oneLine = (v: unknown): string => JSON.stringify(JSON.parse(v as string));

/** Runs `f` with these environment variables (undefined: unset), restoring them after. */
async function withEnv<T>(vars: Record<string, string | undefined>, f: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (k: string, v: string | undefined) => (v === undefined ? delete process.env[k] : (process.env[k] = v));
  for (const [k, v] of Object.entries(vars)) set(k, v);
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved)) set(k, v);
  }
}

describe('loadTrustedRootFile', () => {
  it('one JSON document is one root, named by its file', async () => {
    const f = file(PUBLIC_GOOD);
    const r = await loadTrustedRootFile(f);
    expect(r.source).toBe(f);
    expect(r.instance).toBe('file');
    expect(r.companions).toBeUndefined();
    expect(r.root.tlogs.map((t) => t.baseUrl)).toContain('https://rekor.sigstore.dev');
  });

  it('JSON lines are several roots: the first primary, the others beside it, blank lines skipped', async () => {
    const f = file(`${oneLine(PUBLIC_GOOD)}\n\n${oneLine(GITHUB)}\n`);
    const r = await loadTrustedRootFile(f);
    expect(r.source).toBe(`${f} (2 trusted roots)`);
    expect(r.instance).toBe('file');
    expect(r.root.tlogs.length).toBeGreaterThan(0);
    expect(r.companions?.map((c) => [c.source, c.instance, c.root.tlogs.length])).toEqual([[`${f}:2`, 'file', 0]]);
  });

  it('a line that is not JSON is refused with its number (exit 2)', async () => {
    const f = file(`${oneLine(PUBLIC_GOOD)}\n{"mediaType": oops\n`);
    const e = await loadTrustedRootFile(f).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(exitCodeFor(e)).toBe(EXIT.usage);
    expect(e).toMatchObject({
      message: 'line 2 is not JSON: a trusted root file is one JSON document or JSON lines of them',
      location: { file: f, line: 2 },
      hint: 'save it as `gh attestation trusted-root` prints it (one root per line), or give one JSON document',
    });
  });

  it('an empty file, or one of blank lines, is refused', async () => {
    for (const content of ['', '\n  \n\n']) {
      const f = file(content);
      await expect(loadTrustedRootFile(f)).rejects.toMatchObject({ message: 'the trusted root file is empty', location: { file: f } });
    }
  });

  it('the file is read safely: bounded at 16 MiB, regular files only, UTF-8', async () => {
    const big = file('');
    truncateSync(big, 16 * 1024 * 1024 + 1);
    await expect(loadTrustedRootFile(big)).rejects.toMatchObject({
      message: `the trusted root is ${16 * 1024 * 1024 + 1} bytes, over the limit of ${16 * 1024 * 1024}`,
    });
    const fifo = path.join(tmp(), 'root.fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(loadTrustedRootFile(fifo)).rejects.toMatchObject({
      message: 'the trusted root is a FIFO (named pipe), not a regular file; refused',
    });
    const utf16 = file(Buffer.from([0xff, 0xfe, 0x7b, 0x00]));
    await expect(loadTrustedRootFile(utf16)).rejects.toMatchObject({
      message: 'the trusted root is UTF-16 or UTF-32 encoded (it starts with a byte-order mark)',
    });
  });

  it('loadTrustedRoot with a file uses that file alone, never TUF', async () => {
    const f = file(PUBLIC_GOOD);
    const r = await withEnv({ SECURE_FACTORY_TRUST_UPDATE: 'require' }, () => loadTrustedRoot(f, { publicGoodMirror: CLOSED }));
    expect(r.source).toBe(f);
  });
});

describe('TUF: when it is tried, and where it caches', () => {
  const unreachable = { publicGoodMirror: CLOSED, githubMirror: CLOSED, timeoutMs: 2000 };

  it('SECURE_FACTORY_TRUST_UPDATE=off: the shipped snapshots, nothing fetched or cached', async () => {
    const cache = tmp();
    const r = await withEnv({ SECURE_FACTORY_TRUST_UPDATE: 'off' }, () => loadTrustedRoot(undefined, { ...unreachable, cacheDir: cache }));
    expect(r.source).toMatch(/^@sigstore\/tuf@[^ ]+ seeds\.json \(not TUF-verified\); GitHub trusted root \(.*\), .* old$/);
    expect(r.source).not.toContain('TUF unreachable');
    expect(existsSync(path.join(cache, '127.0.0.1_1.seed-root.json'))).toBe(false);
  });

  it('auto (the default, and any unknown value): TUF tried, and when unreachable the snapshots, saying why in one line', async () => {
    for (const value of [undefined, 'auto', 'sometimes']) {
      const r = await withEnv({ SECURE_FACTORY_TRUST_UPDATE: value }, () =>
        loadTrustedRoot(undefined, { ...unreachable, cacheDir: tmp() }),
      );
      const parts = r.source.split('; ');
      expect(parts).toHaveLength(2);
      expect(parts[0]).toMatch(/^@sigstore\/tuf@[^ ]+ seeds\.json \(not TUF-verified\) — TUF unreachable \(.+\)$/);
      expect(parts[1]).toMatch(/^GitHub trusted root \(.*\), .* old — TUF unreachable \(.+\)$/);
      expect(r.source).not.toContain('\n');
      expect(r.instance).toBe('public-good');
      expect(r.companions?.map((c) => c.instance)).toEqual(['github']);
      expect(r.companions?.[0]?.companions).toBeUndefined();
    }
  });

  it('require: both mirrors named in an infrastructure error (exit 3), from the option or the environment', async () => {
    for (const run of [
      () => loadTrustedRoot(undefined, { ...unreachable, cacheDir: tmp(), update: 'require' }),
      () => withEnv({ SECURE_FACTORY_TRUST_UPDATE: 'require' }, () => loadTrustedRoot(undefined, { ...unreachable, cacheDir: tmp() })),
    ]) {
      const e = await run().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(InfrastructureError);
      expect(exitCodeFor(e)).toBe(EXIT.infrastructure);
      const [pg, gh] = (e as Error).message.replace('cannot refresh the trusted roots over TUF: ', '').split('; ');
      expect(pg?.startsWith(`${CLOSED}: `)).toBe(true);
      expect(gh?.startsWith(`${CLOSED}: `)).toBe(true);
      expect((e as Error).message.startsWith('cannot refresh the trusted roots over TUF: ')).toBe(true);
    }
  });

  it('GitHub’s TUF root is seeded into the cache folder: SECURE_FACTORY_TUF_CACHE, else XDG_CACHE_HOME', async () => {
    const seed = '127.0.0.1_1.seed-root.json';
    const own = tmp();
    await withEnv({ SECURE_FACTORY_TUF_CACHE: own, XDG_CACHE_HOME: tmp() }, () => loadTrustedRoot(undefined, unreachable));
    expect((JSON.parse(readFileSync(path.join(own, seed), 'utf8')) as { signed: { _type: string } }).signed._type).toBe('root');
    const xdg = tmp();
    await withEnv({ SECURE_FACTORY_TUF_CACHE: undefined, XDG_CACHE_HOME: xdg }, () => loadTrustedRoot(undefined, unreachable));
    expect(existsSync(path.join(xdg, 'secure-factory', 'tuf', seed))).toBe(true);
    // (~/.cache comes from os.homedir(), which reads the real environment, not jest's copy of it: not set here.)
  });

  it('a TUF root given for the public-good mirror is the one seeded for it', async () => {
    const cache = tmp();
    const rootFile = file('{"signed":{"_type":"root","version":1},"signatures":[]}', 'root.json');
    await loadTrustedRoot(undefined, {
      githubMirror: CLOSED,
      publicGoodMirror: 'http://127.0.0.1:2',
      timeoutMs: 2000,
      cacheDir: cache,
      publicGoodTufRoot: rootFile,
    });
    expect(JSON.parse(readFileSync(path.join(cache, '127.0.0.1_2.seed-root.json'), 'utf8'))).toEqual({
      signed: { _type: 'root', version: 1 },
      signatures: [],
    });
  });
});
