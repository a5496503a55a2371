#!/usr/bin/env node
/**
 * Bundles the five actions into ONE shared bundle, `dist/actions/` (committed; CI proves it current),
 * from the compiled `actions/<name>/lib/index.js`, as gradle/actions does: one entry
 * (scripts/actions-entry.js) whose `run(name)` lazily imports one action's code, so each library is in
 * the bundle once and an action loads only the chunks it needs. GitHub runs `node <runs.main>` with no
 * arguments, so each action gets a two-line `dist/actions/<name>.js` that calls `run('<name>')`, and its
 * action.yml says `main: '../../dist/actions/<name>.js'` (checked here).
 * ncc can exit 0 yet leave `webpackMissingModule` for an unresolved import, so the bundle is searched
 * for it and the build fails if found.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
const out = path.join(root, 'dist', 'actions');
const { ACTIONS } = await import('./actions-entry.js');

let failed = false;
const fail = (msg) => {
  console.error(`error: ${msg}`);
  failed = true;
};

const onDisk = readdirSync(path.join(root, 'actions')).filter((a) => statSync(path.join(root, 'actions', a)).isDirectory());
for (const a of onDisk.filter((a) => !ACTIONS.includes(a)))
  fail(`actions/${a} is not in scripts/actions-entry.js: add it to ACTIONS and run()`);
for (const a of ACTIONS) {
  const action = parseYaml(readFileSync(path.join(root, 'actions', a, 'action.yml'), 'utf8'));
  const want = `../../dist/actions/${a}.js`;
  if (action?.runs?.using !== 'node24' || action?.runs?.main !== want) {
    fail(`actions/${a}/action.yml: runs must be { using: 'node24', main: '${want}' } (the shared bundle)`);
  }
}

rmSync(out, { recursive: true, force: true });
// Run from scripts/ (no tsconfig.json there): ncc resolves the workspace packages through node_modules
// to their compiled dist/, and module ids stay relative to scripts/, the same in every clone.
const r = spawnSync(
  process.execPath,
  [ncc, 'build', 'actions-entry.js', '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2023'],
  { stdio: 'inherit', cwd: path.join(root, 'scripts') },
);
if (r.status !== 0) {
  console.error('error: ncc failed bundling the actions (scripts/actions-entry.js)');
  process.exit(1);
}
for (const a of ACTIONS) {
  writeFileSync(
    path.join(out, `${a}.js`),
    `// actions/${a}/action.yml runs this file; the code is in the bundle shared by all the actions.\nimport { run } from './index.js';\nawait run('${a}');\n`,
  );
}
for (const f of readdirSync(out)) {
  if (f.endsWith('.js') && readFileSync(path.join(out, f), 'utf8').includes('webpackMissingModule')) {
    fail(`dist/actions/${f} contains webpackMissingModule: an import did not resolve when bundling`);
  }
}
if (!failed) console.log(`bundled ${ACTIONS.length} actions into dist/actions`);
process.exit(failed ? 1 : 0);
