#!/usr/bin/env node
/**
 * The README's first command: the whole factory on the example projects, offline, with embedded
 * defaults. Installs and builds first when a fresh clone has neither.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { install } from './install.mjs';
import { node24 } from './node24.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', cwd: root }).status ?? 1;

if (!existsSync(path.join(root, 'node_modules', '@secure-factory', 'cli')) && install() !== 0) process.exit(3);
if (!existsSync(path.join(root, 'packages', 'cli', 'dist', 'main.js')) && run('npm', ['run', 'build']) !== 0) process.exit(3);

const cli = path.join(root, 'packages', 'cli', 'bin', 'secure-factory.js');
const examples = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['examples/node-service', 'examples/vulnerable-service'];
let worst = 0;
const isolation = new Set();
for (const ex of examples) {
  console.error(`\n──────── secure-factory run ${ex} ────────`);
  // The human report goes to stderr as usual; --json on stdout says which sandbox the build used.
  const r = spawnSync(node24(), [cli, 'run', ex, '--offline', '--osv-db', 'examples/osv-db', '--json'], {
    stdio: ['inherit', 'pipe', 'inherit'],
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  worst = Math.max(worst, r.status ?? 1);
  try {
    const build = JSON.parse(r.stdout).stages?.find((s) => s.stage === 'build');
    const tool = /\b(bubblewrap|unshare)\b/.exec(build?.detail ?? '')?.[1];
    if (tool) isolation.add(tool);
  } catch {
    // no JSON result (the run failed before it): the report above says why
  }
}
// The container example (examples/container-service): an OCI image on a validated base image, pushed to a
// registry on loopback with its attestations and admitted by reference; the same FROM an unlisted
// registry, refused. Skipped, saying how to get it, without Debian's docker-registry.
let container = 0;
if (process.argv.slice(2).length === 0) {
  container = spawnSync(node24(), [path.join(root, 'scripts', 'demo-container.mjs')], { stdio: 'inherit', cwd: root }).status ?? 3;
}
// Say which isolation the builds ran in: the README's sample shows bubblewrap; without it the factory
// falls back to unshare + chroot (the same layout, less scrutinised), which the default production gate
// refuses, so the demo says so and how to install bubblewrap.
console.error('');
if (isolation.has('unshare')) {
  console.error(
    'isolation: unshare + chroot (weaker than bubblewrap: the same read-only system, private /proc and no network, with less scrutiny; the default production gate refuses evidence built this way).',
  );
  console.error('  bubblewrap was not found on PATH. Install it and run the demo again:');
  console.error(
    '    Debian/Ubuntu: sudo apt-get install bubblewrap    Fedora/RHEL: sudo dnf install bubblewrap    Alpine: apk add bubblewrap',
  );
  console.error('  On Ubuntu 24.04 (and GitHub ubuntu-24.04 runners) unprivileged user namespaces are restricted by AppArmor:');
  console.error('    sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0');
} else if (isolation.has('bubblewrap')) {
  console.error(
    'isolation: bubblewrap (a copy-on-write overlay of the checkout, read-only system and toolchains, no network but loopback; the host checkout is never written).',
  );
} else {
  console.error('isolation: none reported (no build ran; see the reports above).');
}
// The vulnerable example is meant to be refused (exit 1); anything else non-zero is a real failure, and so
// is a container example that did not end as it should (admitted, then refused).
process.exit(worst > 1 ? worst : container);
