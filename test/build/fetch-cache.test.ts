/**
 * The fetch cache through the real @actions/cache client against a local cache service: saved after a
 * fetch, restored and digest-verified on the next run, and a tampered entry discarded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction, type ActionRun } from '../support/action-harness.js';
import { startCacheServer, type CacheServer } from './cache-server.js';
import { makeRepo } from './support.js';

const HAVE_BWRAP = spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', 'true']).status === 0;
const describeBwrap = HAVE_BWRAP ? describe : describe.skip;

// The fetch records whether the material came from the cache, then vendors it into the source.
const FETCH = [
  'if [ -f "$SECURE_FACTORY_CACHE/m" ]; then state=hit; else printf %s "$MATERIAL" > "$SECURE_FACTORY_CACHE/m"; state=miss; fi',
  'mkdir -p vendor && cp "$SECURE_FACTORY_CACHE/m" vendor/m && echo $state > vendor/state',
].join('; ');

async function buildWithCache(
  server: CacheServer,
  runnerTemp: string,
  material: string,
): Promise<{ run: ActionRun; state: string; material: string }> {
  const repo = makeRepo();
  const run = await runAction('hermetic-build', {
    workspace: repo.dir,
    inputs: {
      command: 'cp vendor/m vendor/state "$SECURE_FACTORY_OUT/"',
      outputs: '*',
      'fetch-command': FETCH,
      cache: 'true',
      env: 'MATERIAL',
    },
    env: { ...server.env, RUNNER_TEMP: runnerTemp, MATERIAL: material },
  });
  const out = path.join(repo.dir, '.secure-factory', 'out');
  if (run.exitCode !== 0) return { run, state: '', material: '' };
  return { run, state: readFileSync(path.join(out, 'state'), 'utf8').trim(), material: readFileSync(path.join(out, 'm'), 'utf8') };
}

describeBwrap('hermetic-build fetch cache', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startCacheServer();
  });
  afterAll(() => server.close());

  it('saves after the fetch, restores with a verified digest, and discards a tampered entry', async () => {
    const runnerTemp = mkdtempSync(path.join(tmpdir(), 'sf-runner-temp-'));
    const first = await buildWithCache(server, runnerTemp, 'good material');
    expect(first.run.exitCode).toBe(0);
    expect(first.state).toBe('miss');
    expect(server.entries).toHaveLength(1);
    const saved = server.entries[0];
    expect(saved?.finalized).toBe(true);
    expect(saved?.key).toMatch(/^secure-factory-fetch-v1-linux-[a-z0-9]+-[0-9a-f]{32}-[0-9a-f]{64}$/);

    const second = await buildWithCache(server, runnerTemp, 'good material');
    expect(second.run.exitCode).toBe(0);
    expect(second.state).toBe('hit');
    expect(second.material).toBe('good material');
    expect(second.run.summary).toContain('restored, content digest verified');
    expect(server.entries).toHaveLength(1); // unchanged content: nothing new saved

    // Poison: an archive of other bytes (same folder path, so the same cache version) behind the good key.
    const other = await startCacheServer();
    try {
      const seeded = await buildWithCache(other, runnerTemp, 'evil material');
      expect(seeded.state).toBe('miss');
      (saved as { blob?: Buffer }).blob = other.entries[0]?.blob;
    } finally {
      await other.close();
    }
    const third = await buildWithCache(server, runnerTemp, 'good material');
    expect(third.run.exitCode).toBe(0);
    expect(third.state).toBe('miss');
    expect(third.material).toBe('good material');
    expect(third.run.annotations.some((a) => a.message.includes('did not match the content digest'))).toBe(true);
    expect(third.run.summary).toContain('failed its digest check and was discarded');
  });
});
