/** Scanning a folder with nothing to scan is an input error, never a clean pass (a wrong path must not look safe). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../support/action-harness.js';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/shared.js';

describe('nothing to scan', () => {
  it('the CLI exits 2 and says what to point it at', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-empty-'));
    writeFileSync(path.join(dir, 'README.md'), 'no dependencies here\n');
    const r = await runCli(['scan', dir, '--offline', '--osv-db', path.join(REPO_ROOT, 'examples', 'osv-db'), '--json']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/no lockfile, manifest, workflow, Dockerfile or SBOM found to scan/);
  });

  it('the action fails with an ::error instead of reporting zero findings', async () => {
    const r = await runAction('scan-deps', { inputs: { cache: 'false' } });
    expect(r.exitCode).toBe(1);
    expect(r.annotations.some((a) => a.level === 'error' && /found to scan/.test(a.message))).toBe(true);
    expect(r.outputs['blocking-count']).toBeUndefined();
  });
});
