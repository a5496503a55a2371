#!/usr/bin/env node
/**
 * The demo's container part (run by scripts/demo.mjs on Node 24, and by test/e2e/container-demo.test.ts
 * the same way): examples/container-service built into an OCI image on a validated base image, pushed
 * with its attestations and admitted by the gate by reference — and the same service refused twice: FROM
 * an unsigned rebuild of the base image, and FROM the same base image in a repository the policy does not
 * list (a stand-in for Docker Hub).
 *
 * 1. Starts Debian's docker-registry on a free 127.0.0.1 port (storage in a temporary folder, stopped at
 *    the end). Without docker-registry it says so, and how to install it, and exits 0.
 * 2. Publishes the deterministic base image (examples/container-service/base-image.mjs) with
 *    `secure-factory attest --signer key --push-to-registry` and a key made for this run into
 *    127.0.0.1:PORT/demo (the listed, trusted repository); an unsigned rebuild into the same repository;
 *    and the signed image's bytes, unsigned, into 127.0.0.1:PORT/hub (unlisted).
 * 3. For each variant, a temporary copy of the example — a git repository of its own with one commit —
 *    whose Containerfile and policy name this registry, whose policy trusts this run's public key, and
 *    whose base-image/ holds the FROM image (what `skopeo copy` would fetch before a build) — then
 *    `secure-factory run --image-name 127.0.0.1:PORT/demo/container-service`.
 *
 *   node scripts/node24.mjs scripts/demo-container.mjs [--json]
 * Exit 0 when the signed variant is admitted and the other two refused — by the run and by the gate on
 * the signed evidence alone (the base image's validation verdict is in the signed SBOM) — or when
 * skipped, else 1; --json prints {skipped, variants: [{name, exitCode, admitted, gate, gateRules, stages,
 * image}], ms} on stdout.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples', 'container-service');
const cli = path.join(root, 'packages', 'cli', 'bin', 'secure-factory.js');
const say = (line = '') => console.error(line);

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** docker-registry on 127.0.0.1:PORT with its storage under `dir`; resolves when /v2/ answers. */
async function startRegistry(bin, dir) {
  const host = `127.0.0.1:${await freePort()}`;
  const config = path.join(dir, 'registry.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error, accesslog: { disabled: true } }',
      `storage: { filesystem: { rootdirectory: ${path.join(dir, 'storage')} } }`,
      `http: { addr: "${host}" }`,
      '',
    ].join('\n'),
  );
  const child = spawn(bin, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await globalThis.fetch(`http://${host}/v2/`)).status === 200) return { host, stop };
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  stop();
  throw new Error(`docker-registry did not start on ${host}: ${stderr.slice(-400)}`);
}

/** A temporary copy of the example for one variant: this registry, this run's key, the FROM image in base-image/. */
function exampleCopy(work, name, { host, publicKeyPem, baseLayout, baseImage }) {
  const dir = path.join(work, name, 'container-service');
  cpSync(example, dir, {
    recursive: true,
    filter: (src) => !/[/\\](\.secure-factory|node_modules|dist)([/\\]|$)/.test(src.slice(example.length)),
  });
  const rewrite = (file, edit) => writeFileSync(path.join(dir, file), edit(readFileSync(path.join(dir, file), 'utf8')));
  rewrite('Containerfile', (t) => t.replace(/^FROM 127\.0\.0\.1:5000\/demo\/debian-base@sha256:[0-9a-f]{64}$/m, `FROM ${baseImage}`));
  rewrite('.github/secure-factory.yml', (t) => t.replaceAll('127.0.0.1:5000', host));
  writeFileSync(path.join(dir, '.github', 'base-images.pub.pem'), publicKeyPem);
  cpSync(baseLayout, path.join(dir, 'base-image'), { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      stdio: 'ignore',
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', `container-service (${name} base image)`);
  return dir;
}

const DESCRIBE = {
  signed: 'FROM the signed base image',
  unsigned: 'FROM an unsigned rebuild of it',
  unlisted: 'FROM an unlisted registry',
};

function runFactory(node, dir, imageName) {
  const r = spawnSync(
    node,
    [cli, 'run', dir, '--offline', '--osv-db', path.join(root, 'examples', 'osv-db'), '--image-name', imageName, '--json'],
    { stdio: ['ignore', 'pipe', 'inherit'], cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  let json;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = undefined;
  }
  return { exitCode: r.status ?? 1, json };
}

export async function containerDemo({ node = process.execPath } = {}) {
  const started = Date.now();
  const bin = which('docker-registry');
  if (!bin) {
    say('container example: SKIPPED — docker-registry is not installed, so there is no registry to publish the base image to.');
    say(
      '  To see examples/container-service built on a validated base image and admitted by reference, install it and run the demo again:',
    );
    say('    Debian/Ubuntu: sudo apt-get install docker-registry');
    return { skipped: true, variants: [], ms: Date.now() - started };
  }
  const { createImageRegistry, createRegistryClient } = await import('@secure-factory/materials');
  const { writeBaseImage } = await import(path.join(example, 'base-image.mjs'));
  const work = mkdtempSync(path.join(tmpdir(), 'sf-container-demo-'));
  let registry;
  try {
    registry = await startRegistry(bin, work);
    const { host } = registry;
    say(`\n──────── container example: registry ${host} (docker-registry, loopback, stopped at the end) ────────`);

    // The base image, signed with a key made for this run by the factory's own attest (pushed as an OCI
    // referrer of the image), and the same image rebuilt elsewhere, pushed with no signature.
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const keyFile = path.join(work, 'base-images.key.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' });
    const baseLayout = path.join(work, 'base-image');
    const baseDigest = writeBaseImage(baseLayout);
    const rebuiltLayout = path.join(work, 'base-image-rebuilt');
    const rebuiltDigest = writeBaseImage(rebuiltLayout, 'unsigned');
    const committed = /@(sha256:[0-9a-f]{64})/.exec(readFileSync(path.join(example, 'Containerfile'), 'utf8'))?.[1];
    if (committed !== baseDigest)
      throw new Error(`base-image.mjs wrote ${baseDigest}, but examples/container-service/Containerfile names ${committed}`);
    const attestPolicy = path.join(work, 'attest-policy.yml');
    writeFileSync(attestPolicy, 'apiVersion: secure-factory/v1\n');
    mkdirSync(path.join(work, 'base-evidence'));
    const published = spawnSync(
      node,
      [
        cli,
        'attest',
        '--evidence',
        path.join(work, 'base-evidence'),
        '--policy',
        attestPolicy,
        '--signer',
        'key',
        '--key',
        keyFile,
        '--rekor-url',
        '',
        '--push-to-registry',
        '--subject-name',
        `${host}/demo/debian-base`,
        '--subject-oci-layout',
        baseLayout,
        '--json',
      ],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    if (published.status !== 0) throw new Error(`publishing the base image failed:\n${published.stderr}`);
    const images = createImageRegistry(createRegistryClient({ credentials: () => undefined }));
    await images.prepare({ name: `${host}/demo/debian-base`, digest: rebuiltDigest, layoutDir: rebuiltLayout });
    await images.prepare({ name: `${host}/hub/debian-base`, digest: baseDigest, layoutDir: baseLayout });
    const signed = `${host}/demo/debian-base@${baseDigest}`;
    const rebuilt = `${host}/demo/debian-base@${rebuiltDigest}`;
    const unlisted = `${host}/hub/debian-base@${baseDigest}`;
    say(`base image ${signed}`);
    say("  signed with this run's key (secure-factory attest --signer key --push-to-registry); the policy copy trusts its public key");
    say(`base image ${rebuilt}`);
    say('  a rebuild of it (one file more) in the same repository, never signed');
    say(`base image ${unlisted}`);
    say("  the signed image's bytes in a repository the policy does not list (a stand-in for Docker Hub), unsigned");

    const variants = [];
    // One image name per variant: the two builds give the same image bytes, and what the gate decides on
    // is the evidence pushed beside each.
    for (const [name, baseImage, layout, imageName] of [
      ['signed', signed, baseLayout, `${host}/demo/container-service`],
      ['unsigned', rebuilt, rebuiltLayout, `${host}/demo/container-service-unsigned-base`],
      ['unlisted', unlisted, baseLayout, `${host}/demo/container-service-from-hub`],
    ]) {
      const dir = exampleCopy(work, name, { host, publicKeyPem, baseLayout: layout, baseImage });
      say(`\n──────── secure-factory run examples/container-service (FROM ${baseImage}) --image-name ${imageName} ────────`);
      const t = Date.now();
      const r = runFactory(node, dir, imageName);
      // The copy goes at the end; its evidence (statements, bundles, decision log, VSA) is kept beside the example.
      const kept = path.join(example, '.secure-factory', name);
      rmSync(kept, { recursive: true, force: true });
      mkdirSync(path.dirname(kept), { recursive: true });
      writeFileSync(path.join(example, '.secure-factory', '.gitignore'), '# written by npm run demo\n*\n');
      if (existsSync(path.join(dir, '.secure-factory', 'evidence')))
        cpSync(path.join(dir, '.secure-factory', 'evidence'), kept, { recursive: true });
      const image = r.json?.subjects?.find((s) => s.name === imageName);
      variants.push({
        name,
        exitCode: r.exitCode,
        admitted: r.json?.admitted === true,
        failedStage: r.json?.failedStage ?? undefined,
        gate: (r.json?.stages ?? []).find((st) => st.stage === 'gate')?.state === 'passed' ? 'admitted' : 'refused',
        // The gate's own refusals (gate/image-validation, gate/registries): it decides on the signed evidence alone.
        gateRules: ((r.json?.stages ?? []).find((st) => st.stage === 'gate')?.findings ?? []).filter((f) => f.blocking).map((f) => f.rule),
        stages: r.json?.stages ?? [],
        image: image ? `${imageName}@sha256:${image.digest.sha256}` : undefined,
        ms: Date.now() - t,
        evidence: path.relative(root, kept),
      });
    }
    say('');
    say(
      'Evidence of the runs: examples/container-service/.secure-factory/{signed,unsigned,unlisted} (the registry and the copies are gone).',
    );
    for (const v of variants) {
      say(
        `container example, ${DESCRIBE[v.name]}: ${
          v.admitted
            ? `ADMITTED ✅ by reference ${v.image ?? '?'}`
            : `REFUSED ❌ ${v.image ?? ''} — first failing stage: ${v.failedStage ?? '?'}; the gate by reference: ${v.gate}${v.gateRules.length > 0 ? ` (${v.gateRules.join(', ')})` : ''}`
        } (${(v.ms / 1000).toFixed(1)} s)`,
      );
    }
    return { skipped: false, variants, ms: Date.now() - started };
  } finally {
    registry?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const json = process.argv.includes('--json');
  containerDemo()
    .then((r) => {
      if (json) process.stdout.write(`${JSON.stringify(r)}\n`);
      const ok =
        r.skipped ||
        (r.variants.find((v) => v.name === 'signed')?.admitted === true &&
          // Refused by the run and by the gate on its own: never only because an earlier stage failed.
          ['unsigned', 'unlisted'].every((n) => {
            const v = r.variants.find((x) => x.name === n);
            return v?.exitCode === 1 && v.gate === 'refused';
          }));
      process.exit(ok ? 0 : 1);
    })
    .catch((e) => {
      say(`container example: FAILED — ${e instanceof Error ? e.message : String(e)}`);
      process.exit(3);
    });
}
