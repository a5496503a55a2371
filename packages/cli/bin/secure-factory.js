#!/usr/bin/env node
// The `secure-factory` command. The TypeScript sources build into dist/ on `npm ci` (prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('error: secure-factory is not built yet: run `npm ci` (or `npm run build`) in the repository first\n');
  process.exit(3);
}
const { main: run } = await import(main.href);
await run(process.argv);
