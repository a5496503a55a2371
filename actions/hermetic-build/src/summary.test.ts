/** The hermetic-build job summary: what failed, where, with its last lines; weaker isolation said plainly. */
import type { BuildResult } from '@secure-factory/isolated-build';
import { summary } from './main.js';

function result(extra: Partial<BuildResult>): BuildResult {
  return {
    passed: false,
    subjects: [],
    isolation: {
      tool: 'bubblewrap',
      version: '0.8.0',
      apparmor: 'absent',
      network: { build: 'loopback-only', fetch: 'egress-proxy' },
      source: 'copy-on-write',
      workspace: 'overlayfs',
      layout: { source: '/src', output: '/out', temp: '/tmp', home: '/tmp/home' },
      namespaces: [],
      capabilities: 'none',
      environment: { allowList: [], passed: [], fixed: {} },
      timeoutMs: 3_600_000,
    },
    reproducible: undefined,
    findings: [],
    outputDir: '/x',
    timings: {},
    ...extra,
  };
}

describe('hermetic-build summary', () => {
  it('shows the failing phase, its exit code and last lines, the integrity per path and every fetch connection', () => {
    const text = summary(
      result({
        failure: {
          phase: 'build',
          exitCode: 2,
          signal: null,
          timedOut: false,
          lastLines: ['src/a.ts(1,1): error TS2307', 'npm error code 2'],
        },
        integrity: {
          unchanged: false,
          commit: 'a'.repeat(40),
          tracked: 12,
          phases: [{ phase: 'fetch', changed: ['src/a.ts'], removed: [], git: ['.git/hooks/post-checkout'], rewrittenUnchanged: 0 }],
          host: { changed: [], added: [], removed: [] },
          changed: ['src/a.ts'],
          added: [],
          removed: [],
          git: ['.git/hooks/post-checkout'],
        },
        egress: [
          { host: 'registry.npmjs.org', port: 443, method: 'CONNECT', allowed: true, bytesOut: 10, bytesIn: 2000 },
          { host: 'evil.example', port: 443, method: 'CONNECT', allowed: false, bytesOut: 0, bytesIn: 0 },
        ],
      }),
      'npm run build',
    );
    expect(text).toContain('❌ **The build phase failed** (exit code 2)');
    expect(text).toContain('```text\nsrc/a.ts(1,1): error TS2307\nnpm error code 2\n```');
    expect(text).toContain('changed `src/a.ts`');
    expect(text).toContain('wrote `.git/hooks/post-checkout`');
    expect(text).toMatch(/`evil\.example:443` \| ❌ refused/);
  });

  it('says plainly when weaker isolation ran', () => {
    const r = result({ passed: true });
    r.isolation.tool = 'unshare';
    expect(summary(r, 'make')).toContain('Weaker isolation: unshare, not bubblewrap.');
  });
});
