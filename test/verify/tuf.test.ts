/**
 * Trusted roots over TUF with @sigstore/tuf, against local TUF repositories on 127.0.0.1 (one for
 * public-good, one for GitHub), signed here with @tufjs/models the way a TUF repository is: root,
 * targets, snapshot and timestamp, ed25519. Checked: a fresh repository's trusted roots are used and
 * verify real bundles; the cache answers while its metadata is current (the server may go away);
 * expired metadata is refused (`require`) or falls back to the shipped snapshot with its age (`auto`);
 * a target whose hash does not match its signed metadata is refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { artifactFromDigest, createBundleVerifier, githubTrustedRoot, loadTrustedRoot, readBundleFile } from '@secure-factory/verify';
import { REPO_ROOT } from '../support/shared.js';
import { signTufRepository } from '../support/tuf-repository.js';

const CORPUS = path.join(REPO_ROOT, 'test', 'verify', 'corpus');
const PG_ROOT = readFileSync(path.join(REPO_ROOT, 'packages', 'verify', 'src', 'trust', 'public-good-trusted-root.json'));
const GH_ROOT = readFileSync(path.join(REPO_ROOT, 'packages', 'verify', 'src', 'trust', 'github-trusted-root.json'));

interface Repo {
  files: Map<string, Buffer>;
  rootJson: string;
}

/** A one-key TUF repository whose only target is trusted_root.json, laid out as a mirror serves it. */
function tufRepository(target: Buffer, options: { expires?: Date; corruptTarget?: boolean } = {}): Repo {
  const r = signTufRepository(target, options);
  const files = new Map<string, Buffer>([
    ['/1.root.json', r.root],
    ['/timestamp.json', r.timestamp],
    ['/snapshot.json', r.snapshot],
    ['/targets.json', r.targets],
    ['/targets/trusted_root.json', r.target],
  ]);
  return { files, rootJson: r.root.toString('utf8') };
}

interface Served {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

async function serve(repos: Record<string, Repo>): Promise<Served> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const [, name, ...rest] = (req.url ?? '').split('/');
    const body = repos[name ?? '']?.files.get(`/${rest.join('/')}`);
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function rootFiles(pg: Repo, gh: Repo): { publicGoodTufRoot: string; githubTufRoot: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-tuf-roots-'));
  writeFileSync(path.join(dir, 'pg.json'), pg.rootJson);
  writeFileSync(path.join(dir, 'gh.json'), gh.rootJson);
  return { publicGoodTufRoot: path.join(dir, 'pg.json'), githubTufRoot: path.join(dir, 'gh.json') };
}

/** A real GitHub-instance attestation (TSA only) from the corpus. */
function githubBundle(): unknown {
  const text = readFileSync(
    path.join(CORPUS, 'github-attestations', 'actions-attest-build-provenance-attestation-13581567.sigstore.json'),
    'utf8',
  );
  return readBundleFile(text, 'gh').bundles[0]?.bundle;
}
const GH_DIGEST = 'sha256:658913cfebe8a49165264e2b5e54ad99b3bdbfbc8cd281b3cfaa949a21588f18';

/** Both mirrors served with metadata that expired a day ago, and the loader options that point at them. */
async function expiredMirrors() {
  const past = new Date(Date.now() - 86_400_000);
  const pg = tufRepository(PG_ROOT, { expires: past });
  const gh = tufRepository(GH_ROOT, { expires: past });
  const server = await serve({ pg, gh });
  const options = {
    cacheDir: mkdtempSync(path.join(tmpdir(), 'sf-tuf-cache-')),
    publicGoodMirror: `${server.url}/pg`,
    githubMirror: `${server.url}/gh`,
    ...rootFiles(pg, gh),
    timeoutMs: 2000,
  };
  return { server, options };
}

describe('trusted roots over TUF (local repositories on 127.0.0.1)', () => {
  it('uses both instances verified over TUF, then answers from the cache while the metadata is current', async () => {
    const pg = tufRepository(PG_ROOT);
    const gh = tufRepository(GH_ROOT);
    const server = await serve({ pg, gh });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'sf-tuf-cache-'));
    const options = {
      cacheDir,
      publicGoodMirror: `${server.url}/pg`,
      githubMirror: `${server.url}/gh`,
      ...rootFiles(pg, gh),
      timeoutMs: 2000,
    };
    try {
      const loaded = await loadTrustedRoot(undefined, { ...options, update: 'require' });
      expect(loaded.source).toMatch(/^public-good over TUF \(http:\/\/127\.0\.0\.1:\d+\/pg\), verified; GitHub over TUF/);
      expect(loaded.companions?.[0]?.instance).toBe('github');
      expect(server.requests).toEqual(expect.arrayContaining(['/pg/timestamp.json', '/gh/targets/trusted_root.json']));
      const verdict = createBundleVerifier({ trustedRoot: loaded }).verify(githubBundle(), artifactFromDigest(GH_DIGEST));
      expect(verdict).toMatchObject({ ok: true, trustRoot: 'github' });
    } finally {
      await server.close();
    }
    // The server is gone: the cached, unexpired metadata still answers, verified, with no request.
    const cached = await loadTrustedRoot(undefined, { ...options, update: 'require' });
    expect(cached.source).toMatch(/public-good over TUF .*verified; GitHub over TUF .*verified/);
  });

  it('refuses expired metadata (require), or falls back to the shipped snapshot and says how old it is (auto)', async () => {
    const { server, options } = await expiredMirrors();
    try {
      await expect(loadTrustedRoot(undefined, { ...options, update: 'require' })).rejects.toThrow(
        /cannot refresh the trusted roots over TUF: .*expired/i,
      );
      const fallback = await loadTrustedRoot(undefined, { ...options, update: 'auto' });
      expect(fallback.source).toMatch(/@sigstore\/tuf@.* seeds\.json \(not TUF-verified\) — TUF unreachable/);
      expect(fallback.source).toMatch(
        /GitHub trusted root \(tuf-repo\.github\.com snapshot of 2025-12-20, not TUF-verified\), \d+ \w+ old — TUF unreachable/,
      );
      // The snapshot still verifies a GitHub attestation offline.
      expect(createBundleVerifier({ trustedRoot: fallback }).verify(githubBundle(), artifactFromDigest(GH_DIGEST))).toMatchObject({
        ok: true,
      });
    } finally {
      await server.close();
    }
  });

  it('refuses a trusted root whose bytes do not match the signed targets metadata', async () => {
    const pg = tufRepository(PG_ROOT, { corruptTarget: true });
    const gh = tufRepository(GH_ROOT);
    const server = await serve({ pg, gh });
    try {
      await expect(
        loadTrustedRoot(undefined, {
          cacheDir: mkdtempSync(path.join(tmpdir(), 'sf-tuf-cache-')),
          publicGoodMirror: `${server.url}/pg`,
          githubMirror: `${server.url}/gh`,
          ...rootFiles(pg, gh),
          update: 'require',
          timeoutMs: 2000,
        }),
      ).rejects.toThrow(/cannot refresh the trusted roots over TUF: http:\/\/127\.0\.0\.1:\d+\/pg: /);
    } finally {
      await server.close();
    }
  });

  it('SECURE_FACTORY_TRUST_UPDATE: require refuses a mirror that fails, off never asks it, any other value is auto', async () => {
    const { server, options } = await expiredMirrors();
    const before = process.env.SECURE_FACTORY_TRUST_UPDATE;
    try {
      process.env.SECURE_FACTORY_TRUST_UPDATE = 'require';
      await expect(loadTrustedRoot(undefined, options)).rejects.toThrow(/cannot refresh the trusted roots over TUF/);
      process.env.SECURE_FACTORY_TRUST_UPDATE = 'off';
      const asked = server.requests.length;
      const offline = await loadTrustedRoot(undefined, options);
      expect(server.requests).toHaveLength(asked);
      expect(offline.source).not.toContain('TUF unreachable');
      for (const value of ['auto', 'AUTO', 'yes', '']) {
        process.env.SECURE_FACTORY_TRUST_UPDATE = value;
        const auto = await loadTrustedRoot(undefined, options);
        expect(auto.source).toContain('TUF unreachable');
      }
      expect(server.requests.length).toBeGreaterThan(asked);
      // The option wins over the setting.
      process.env.SECURE_FACTORY_TRUST_UPDATE = 'require';
      await expect(loadTrustedRoot(undefined, { ...options, update: 'auto' })).resolves.toMatchObject({ instance: 'public-good' });
    } finally {
      if (before === undefined) delete process.env.SECURE_FACTORY_TRUST_UPDATE;
      else process.env.SECURE_FACTORY_TRUST_UPDATE = before;
      await server.close();
    }
  });

  it("the GitHub snapshot says its age from the snapshot's date, never a negative one", () => {
    const snapshot = Date.parse('2025-12-20T00:00:00Z');
    expect(githubTrustedRoot(new Date(snapshot + 3 * 86_400_000)).source).toMatch(/snapshot of 2025-12-20, not TUF-verified\), 3 d old$/);
    expect(githubTrustedRoot(new Date(snapshot - 5 * 86_400_000)).source).toMatch(/, 0 min old$/);
  });

  it('offline (update off) uses the shipped snapshots and names them', async () => {
    const loaded = await loadTrustedRoot(undefined, { update: 'off' });
    expect(loaded.source).toMatch(/not TUF-verified.*GitHub trusted root .* old/);
    expect(loaded.companions).toHaveLength(1);
  });
});
