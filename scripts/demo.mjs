#!/usr/bin/env node
/**
 * The README's first command: the whole factory on the example projects, offline, with embedded
 * defaults. Installs and builds first when a fresh clone has neither.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { node24 } from './node24.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status ?? 1;

if (!existsSync(path.join(root, 'node_modules', '@secure-factory', 'cli')) && run('npm', ['ci', '--no-audit', '--no-fund']) !== 0)
  process.exit(3);
if (!existsSync(path.join(root, 'packages', 'cli', 'dist', 'main.js')) && run('npm', ['run', 'build']) !== 0) process.exit(3);

const cli = path.join(root, 'packages', 'cli', 'bin', 'secure-factory.js');
const examples = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['examples/node-service', 'examples/vulnerable-service'];
let worst = 0;
for (const ex of examples) {
  console.error(`\n──────── secure-factory run ${ex} ────────`);
  const status = run(node24(), [cli, 'run', ex, '--offline', '--osv-db', 'examples/osv-db']);
  worst = Math.max(worst, status);
}
// The vulnerable example is meant to be refused (exit 1); anything else non-zero is a real failure.
process.exit(worst > 1 ? worst : 0);
