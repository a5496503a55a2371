#!/usr/bin/env node
/**
 * Fails when the committed actions' bundle, `dist/actions/`, is not exactly what the sources build
 * (`npm run build`), or when an old per-action bundle (`actions/<name>/dist/`) is still tracked.
 */
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const status = run('git', ['status', '--porcelain', '--untracked-files=all', '--', 'dist/actions']);
const stale = run('git', ['ls-files', '--', 'actions/*/dist']);
if (status.stdout.trim() || stale.stdout.trim()) {
  if (status.stdout.trim()) {
    console.error('error: dist/actions differs from what the sources build. Run `npm run build` and commit dist/actions:');
    console.error(status.stdout);
    console.error(run('git', ['diff', '--stat', '--', 'dist/actions']).stdout);
  }
  if (stale.stdout.trim()) {
    console.error(
      'error: the per-action bundles actions/*/dist are still tracked; the actions run dist/actions now. Run `git rm -r actions/*/dist`.',
    );
  }
  process.exit(1);
}
console.log('check-dist: dist/actions matches the sources');
