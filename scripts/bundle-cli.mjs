#!/usr/bin/env node
/**
 * Bundles the `secure-factory` CLI into `packages/cli/bundle/` with @vercel/ncc, so the npm package is
 * self-contained: no workspace dependencies, no dependencies at all (the embedded trust roots are
 * TypeScript constants, so they are inside). `npm pack` in packages/cli runs this (prepack) and
 * `--clean` afterwards (postpack), so a checkout never runs a stale bundle.
 *   node scripts/bundle-cli.mjs [--clean]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'packages', 'cli');
const out = path.join(cli, 'bundle');
rmSync(out, { recursive: true, force: true });
if (process.argv.includes('--clean')) process.exit(0);

const step = (what, cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd });
  if (r.status !== 0) {
    console.error(`error: ${what} failed (exit ${r.status ?? 'signal'})`);
    process.exit(1);
  }
};
step(
  'tsc -b tsconfig.build.json',
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'tsconfig.build.json'],
  root,
);
// From packages/cli (its tsconfig has no paths): the workspace packages resolve through node_modules
// to their compiled dist/. The verbs' lazy imports become chunks, so a verb still loads only its code.
step(
  'ncc',
  process.execPath,
  [
    path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'),
    'build',
    'dist/main.js',
    '-o',
    'bundle',
    '--license',
    'licenses.txt',
    '--quiet',
    '--target',
    'es2023',
  ],
  cli,
);
for (const f of readdirSync(out)) {
  if (f.endsWith('.js') && readFileSync(path.join(out, f), 'utf8').includes('webpackMissingModule')) {
    console.error(`error: packages/cli/bundle/${f} contains webpackMissingModule: an import did not resolve when bundling`);
    process.exit(1);
  }
}
console.log('bundled the CLI into packages/cli/bundle');
