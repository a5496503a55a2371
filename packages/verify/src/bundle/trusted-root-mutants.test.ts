/**
 * The trusted-root loader's edges that the other trusted-root tests leave open (found by mutation testing):
 * `require` refuses a failing mirror even when the other one answers; `auto` keeps the instance that TUF
 * verified and falls back for the other one alone; the TUF error is told in one bounded line; the request
 * timeout and the default mirrors are the ones used; the snapshot age is taken at `now`; a --trusted-root
 * file may be a link to another folder, and JSON lines name the line of a refused root; the TUF cache falls
 * back to ~/.cache, then the temporary folder. TUF repositories are served on 127.0.0.1 (signed here with
 * @tufjs/models); the other mirrors are a closed port or a server that never answers.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jest } from '@jest/globals';
import { ConfigurationError, InfrastructureError } from '@secure-factory/core';
import { signTufRepository } from '../../../../test/support/tuf-repository.js';
import type { LoadTrustOptions } from './trusted-root.js';

// The cache folder's last fallbacks come from os.homedir() and os.tmpdir(), which read the real environment
// (not jest's copy of process.env): they are stubbed here, so the module is imported after the stub.
const fakeOs = { home: homedir(), tmp: tmpdir() };
jest.unstable_mockModule('node:os', () => ({
  ...os,
  default: { ...os, homedir: () => fakeOs.home, tmpdir: () => fakeOs.tmp },
  homedir: () => fakeOs.home,
  tmpdir: () => fakeOs.tmp,
}));
const { embeddedTrustedRoots, githubTrustedRoot, loadTrustedRoot, loadTrustedRootFile, parseTrustedRoot, publicGoodTrustedRoot } =
  await import('./trusted-root.js');

const TRUST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'trust');
const PG_JSON = readFileSync(path.join(TRUST, 'public-good-trusted-root.json'));
const GH_JSON = readFileSync(path.join(TRUST, 'github-trusted-root.json'));
const CLOSED = 'http://127.0.0.1:1';
const PREFIX = 'cannot refresh the trusted roots over TUF: ';
/** What @sigstore/tuf says of a mirror that does not answer (jest's realm turns fetch's TypeError into its text). */
const REFUSED = 'error refreshing TUF metadata (TypeError: fetch failed)';
/** A fixed clock: the GitHub snapshot (2025-12-20) is then exactly 3 days old. */
const NOW = new Date(Date.parse('2025-12-20T00:00:00Z') + 3 * 86_400_000);

const tmp = (): string => mkdtempSync(path.join(tmpdir(), 'sf-trusted-root-mutants-'));

interface Repo {
  files: Map<string, Buffer>;
  rootFile: string;
}

/** A one-key TUF repository (ed25519, current for a week) whose only target is trusted_root.json. */
function tufRepository(target: Buffer): Repo {
  const r = signTufRepository(target);
  const rootFile = path.join(tmp(), 'root.json');
  writeFileSync(rootFile, r.root);
  const files = new Map<string, Buffer>([
    ['root.json', r.root],
    ['timestamp.json', r.timestamp],
    ['snapshot.json', r.snapshot],
    ['targets.json', r.targets],
    ['targets/trusted_root.json', r.target],
  ]);
  return { files, rootFile };
}

/** Writes a repository's metadata and target into a TUF cache folder, as @sigstore/tuf lays it out. */
function seedCache(cacheDir: string, mirrorHost: string, repo: Repo): void {
  const dir = path.join(cacheDir, encodeURIComponent(mirrorHost));
  mkdirSync(path.join(dir, 'targets'), { recursive: true });
  for (const [name, body] of repo.files) writeFileSync(path.join(dir, name), body);
}

const PG = tufRepository(PG_JSON);
const GH = tufRepository(GH_JSON);
let server: Server;
let url = '';
/** A server that accepts requests and never answers them. */
let silent: Server;
let silentUrl = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const [, name, ...rest] = (req.url ?? '').split('/');
    const repo = name === 'pg' ? PG : name === 'gh' ? GH : undefined;
    const body = repo?.files.get(rest.join('/'));
    if (body) res.writeHead(200).end(body);
    else res.writeHead(404).end();
  });
  silent = createServer(() => undefined);
  for (const s of [server, silent]) await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  silent.closeAllConnections();
  for (const s of [server, silent]) await new Promise<void>((resolve) => s.close(() => resolve()));
});

/** Local mirrors: both answering unless told otherwise. */
const options = (o: LoadTrustOptions = {}): LoadTrustOptions => ({
  cacheDir: tmp(),
  publicGoodMirror: `${url}/pg`,
  githubMirror: `${url}/gh`,
  publicGoodTufRoot: PG.rootFile,
  githubTufRoot: GH.rootFile,
  timeoutMs: 2000,
  now: NOW,
  ...o,
});

async function refusal(o: LoadTrustOptions): Promise<Error> {
  const e = await loadTrustedRoot(undefined, o).then(
    () => new Error('accepted'),
    (x: unknown) => x as Error,
  );
  expect(e).toBeInstanceOf(InfrastructureError);
  return e;
}

describe('require: every mirror must answer', () => {
  it('both answering: both instances verified over TUF', async () => {
    const r = await loadTrustedRoot(undefined, options({ update: 'require' }));
    expect(r.source).toBe(`public-good over TUF (${url}/pg), verified; GitHub over TUF (${url}/gh), verified`);
    expect(r.instance).toBe('public-good');
    expect(r.root).toEqual(parseTrustedRoot(JSON.parse(PG_JSON.toString('utf8')), 'x').root);
    expect(r.companions).toEqual([
      {
        root: parseTrustedRoot(JSON.parse(GH_JSON.toString('utf8')), 'x').root,
        source: `GitHub over TUF (${url}/gh), verified`,
        instance: 'github',
      },
    ]);
  });

  it('GitHub’s mirror failing is refused even when public-good’s answers', async () => {
    const e = await refusal(options({ update: 'require', githubMirror: CLOSED }));
    expect(e.message).toBe(`${PREFIX}${CLOSED}: ${REFUSED}`);
  });

  it('public-good’s mirror failing is refused even when GitHub’s answers', async () => {
    const e = await refusal(options({ update: 'require', publicGoodMirror: CLOSED }));
    expect(e.message).toBe(`${PREFIX}${CLOSED}: ${REFUSED}`);
  });

  it('both failing: both named, public-good first, each with its own reason', async () => {
    const e = await refusal(
      options({ update: 'require', publicGoodMirror: CLOSED, publicGoodTufRoot: undefined, githubMirror: 'http://127.0.0.1:2' }),
    );
    expect(e.message).toBe(`${PREFIX}${CLOSED}: No root.json found for mirror: ${CLOSED}; http://127.0.0.1:2: ${REFUSED}`);
  });

  it('the default comes from SECURE_FACTORY_TRUST_UPDATE=require when no option is given', async () => {
    const before = process.env.SECURE_FACTORY_TRUST_UPDATE;
    process.env.SECURE_FACTORY_TRUST_UPDATE = 'require';
    try {
      const e = await refusal(options({ githubMirror: CLOSED }));
      expect(e.message).toBe(`${PREFIX}${CLOSED}: ${REFUSED}`);
    } finally {
      if (before === undefined) delete process.env.SECURE_FACTORY_TRUST_UPDATE;
      else process.env.SECURE_FACTORY_TRUST_UPDATE = before;
    }
  });
});

describe('auto: each instance falls back on its own', () => {
  it('GitHub’s mirror down: public-good over TUF, GitHub from the snapshot with its age and the reason', async () => {
    const r = await loadTrustedRoot(undefined, options({ update: 'auto', githubMirror: CLOSED }));
    const gh = githubTrustedRoot(NOW);
    expect(gh.source).toMatch(/, 3 d old$/);
    expect(r.source).toBe(`public-good over TUF (${url}/pg), verified; ${gh.source} — TUF unreachable (${REFUSED})`);
    expect(r.instance).toBe('public-good');
    expect(r.root).toEqual(parseTrustedRoot(JSON.parse(PG_JSON.toString('utf8')), 'x').root);
    expect(r.companions).toEqual([{ root: gh.root, instance: 'github', source: `${gh.source} — TUF unreachable (${REFUSED})` }]);
  });

  it('public-good’s mirror down: the public-good snapshot with the reason, GitHub over TUF', async () => {
    const r = await loadTrustedRoot(undefined, options({ update: 'auto', publicGoodMirror: CLOSED, publicGoodTufRoot: undefined }));
    const pg = publicGoodTrustedRoot();
    const why = `No root.json found for mirror: ${CLOSED}`;
    expect(r.source).toBe(`${pg.source} — TUF unreachable (${why}); GitHub over TUF (${url}/gh), verified`);
    expect(r.instance).toBe('public-good');
    expect(r.root).toEqual(pg.root);
    expect(r.companions).toEqual([
      {
        root: parseTrustedRoot(JSON.parse(GH_JSON.toString('utf8')), 'x').root,
        source: `GitHub over TUF (${url}/gh), verified`,
        instance: 'github',
      },
    ]);
  });
});

describe('the reason is one line of at most 200 characters', () => {
  it('only the first line of a reason is kept', async () => {
    const mirror = `${CLOSED}/x\nsecond line`;
    const e = await refusal(options({ update: 'require', publicGoodMirror: mirror, publicGoodTufRoot: undefined }));
    expect(e.message).toBe(`${PREFIX}${mirror}: No root.json found for mirror: ${CLOSED}/x`);
  });

  it('a long reason is cut at 200 characters', async () => {
    const mirror = `${CLOSED}/${'a'.repeat(220)}`;
    const e = await refusal(options({ update: 'require', publicGoodMirror: mirror, publicGoodTufRoot: undefined }));
    const reason = `No root.json found for mirror: ${mirror}`.slice(0, 200);
    expect(reason).toHaveLength(200);
    expect(e.message).toBe(`${PREFIX}${mirror}: ${reason}`);
  });
});

describe('the request timeout', () => {
  it('timeoutMs bounds each request to a mirror that never answers', async () => {
    const started = Date.now();
    const e = await refusal(options({ update: 'require', publicGoodMirror: silentUrl, githubMirror: silentUrl, timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(4000);
    const timedOut = `${silentUrl}: error refreshing TUF metadata (TimeoutError: The operation was aborted due to timeout)`;
    expect(e.message).toBe(`${PREFIX}${timedOut}; ${timedOut}`);
  });
});

describe('the default mirrors', () => {
  it('are Sigstore’s and GitHub’s TUF CDNs (here answered by a current cache, without a request)', async () => {
    const cacheDir = tmp();
    seedCache(cacheDir, 'tuf-repo-cdn.sigstore.dev', PG);
    seedCache(cacheDir, 'tuf-repo.github.com', GH);
    const r = await loadTrustedRoot(undefined, { cacheDir, update: 'require', timeoutMs: 2000 });
    expect(r.source).toBe(
      'public-good over TUF (https://tuf-repo-cdn.sigstore.dev), verified; GitHub over TUF (https://tuf-repo.github.com), verified',
    );
    // GitHub's shipped TUF root is still seeded beside the cache (it is not needed: the cache has a root).
    expect(JSON.parse(readFileSync(path.join(cacheDir, 'tuf-repo.github.com.seed-root.json'), 'utf8'))).toMatchObject({
      signed: { _type: 'root' },
    });
  });
});

describe('the snapshot age is taken at `now`', () => {
  it('offline, both snapshots, GitHub’s aged from the clock given', async () => {
    const r = await loadTrustedRoot(undefined, { update: 'off', now: NOW });
    expect(r.source).toBe(embeddedTrustedRoots(NOW).source);
    expect(r.source).toMatch(/, 3 d old$/);
  });
});

describe('parseTrustedRoot', () => {
  it('a root the protobuf reader refuses keeps the reader’s error as the cause, and its message', () => {
    const j = JSON.parse(PG_JSON.toString('utf8')) as { tlogs: { hashAlgorithm: unknown }[] };
    j.tlogs[0]!.hashAlgorithm = 'NOPE';
    let e: unknown;
    try {
      parseTrustedRoot(j, 'root.json');
    } catch (x: unknown) {
      e = x;
    }
    expect(e).toBeInstanceOf(ConfigurationError);
    expect(e).toMatchObject({
      message: 'the trusted root cannot be read: Unrecognized enum value NOPE for enum HashAlgorithm',
      location: { file: 'root.json' },
    });
    expect((e as { cause?: unknown }).cause).toBeInstanceOf(Error);
    expect(((e as { cause?: unknown }).cause as Error).message).toBe('Unrecognized enum value NOPE for enum HashAlgorithm');
  });
});

describe('loadTrustedRootFile', () => {
  it('a symbolic link to a root in another folder is read (an operator’s file, any folder)', async () => {
    const target = path.join(tmp(), 'trusted_root.json');
    writeFileSync(target, PG_JSON);
    const link = path.join(tmp(), 'link.json');
    symlinkSync(target, link);
    const r = await loadTrustedRootFile(link);
    expect(r.source).toBe(link);
    expect(r.instance).toBe('file');
  });

  it('JSON lines holding one root are that root alone, named by the file', async () => {
    const f = path.join(tmp(), 'one.jsonl');
    // A no-break space is blank to the line reader but not JSON whitespace: the file is read as lines.
    writeFileSync(f, `${JSON.stringify(JSON.parse(PG_JSON.toString('utf8')))}\n\u00a0\n`);
    const r = await loadTrustedRootFile(f);
    expect(r.source).toBe(f);
    expect(r.instance).toBe('file');
    expect(r.companions).toBeUndefined();
  });

  it('a line that is JSON but not a trusted root is refused naming the line', async () => {
    const f = path.join(tmp(), 'two.jsonl');
    writeFileSync(f, `${JSON.stringify(JSON.parse(PG_JSON.toString('utf8')))}\n{"mediaType":"application/json"}\n`);
    await expect(loadTrustedRootFile(f)).rejects.toMatchObject({
      message: 'not a Sigstore trusted root (mediaType "application/json")',
      location: { file: `${f}:2` },
    });
  });
});

describe('the TUF cache folder when neither SECURE_FACTORY_TUF_CACHE nor XDG_CACHE_HOME is set', () => {
  const seed = path.join('secure-factory', 'tuf', '127.0.0.1_1.seed-root.json');
  async function withoutCacheEnv(f: () => Promise<unknown>): Promise<void> {
    const saved = { SECURE_FACTORY_TUF_CACHE: process.env.SECURE_FACTORY_TUF_CACHE, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
    delete process.env.SECURE_FACTORY_TUF_CACHE;
    delete process.env.XDG_CACHE_HOME;
    try {
      await f();
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      fakeOs.home = homedir();
      fakeOs.tmp = tmpdir();
    }
  }

  it('is ~/.cache/secure-factory/tuf', async () => {
    await withoutCacheEnv(async () => {
      fakeOs.home = tmp();
      fakeOs.tmp = tmp();
      await loadTrustedRoot(undefined, { publicGoodMirror: CLOSED, githubMirror: CLOSED, timeoutMs: 2000 });
      expect(existsSync(path.join(fakeOs.home, '.cache', seed))).toBe(true);
      expect(existsSync(path.join(fakeOs.tmp, seed))).toBe(false);
    });
  });

  it('is the temporary folder’s when there is no home folder', async () => {
    await withoutCacheEnv(async () => {
      fakeOs.home = '';
      fakeOs.tmp = tmp();
      await loadTrustedRoot(undefined, { publicGoodMirror: CLOSED, githubMirror: CLOSED, timeoutMs: 2000 });
      expect(existsSync(path.join(fakeOs.tmp, seed))).toBe(true);
    });
  });
});
