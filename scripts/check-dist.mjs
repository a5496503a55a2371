#!/usr/bin/env node
/** Fails when the committed `actions/*\/dist` is not exactly what the sources build. */
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const status = run('git', ['status', '--porcelain', '--', 'actions/*/dist', 'actions/*/dist/**']);
if (status.stdout.trim()) {
  console.error('error: actions/*/dist differs from what the sources build. Run `npm run build` and commit dist/:');
  console.error(status.stdout);
  console.error(run('git', ['diff', '--stat', '--', 'actions']).stdout);
  process.exit(1);
}
console.log('check-dist: actions/*/dist matches the sources');
