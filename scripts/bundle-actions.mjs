#!/usr/bin/env node
/**
 * Bundles each action with @vercel/ncc from its compiled `lib/index.js` into `dist/` (committed; CI
 * proves it current). ncc can exit 0 yet leave `webpackMissingModule` for an unresolved import, so the
 * bundle is searched for it and the build fails if found.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const only = process.argv.slice(2);
const actions = readdirSync(path.join(root, 'actions')).filter(
  (a) => statSync(path.join(root, 'actions', a)).isDirectory() && (only.length === 0 || only.includes(a)),
);

let failed = false;
for (const a of actions) {
  const dir = path.join(root, 'actions', a);
  const out = path.join(dir, 'dist');
  rmSync(out, { recursive: true, force: true });
  // Run from the action's folder: from the root, ncc's tsconfig-paths plugin reads the root tsconfig
  // and pulls the packages' TypeScript sources into the build. Module ids stay relative to the action.
  const r = spawnSync(
    process.execPath,
    [ncc, 'build', 'lib/index.js', '-o', 'dist', '--license', 'licenses.txt', '--quiet', '--target', 'es2023'],
    { stdio: 'inherit', cwd: dir },
  );
  if (r.status !== 0) {
    console.error(`error: ncc failed for actions/${a}`);
    failed = true;
    continue;
  }
  for (const f of readdirSync(out)) {
    if (!f.endsWith('.js')) continue;
    if (readFileSync(path.join(out, f), 'utf8').includes('webpackMissingModule')) {
      console.error(`error: actions/${a}/dist/${f} contains webpackMissingModule: an import did not resolve when bundling`);
      failed = true;
    }
  }
  console.log(`bundled actions/${a}/dist`);
}
process.exit(failed ? 1 : 0);
