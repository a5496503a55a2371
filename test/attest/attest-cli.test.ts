/**
 * `secure-factory attest` alone, on subjects from files, globs, checksums files and image digests:
 * ephemeral and key signers (no network), the 1024-subject split, and the errors a user can fix.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.js';
import { sigstoreBundleValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describeShared('secure-factory attest (CLI)', () => {
  it('ephemeral: a statement made from globs, a checksums file and an image digest, signed and verifiable with the written key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-attest-cli-'));
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'a.bin'), 'a');
    writeFileSync(path.join(dir, 'dist', 'b.bin'), 'b');
    writeFileSync(path.join(dir, 'SHA256SUMS'), `${sha('c')}  c.bin\n${sha('d')} *d.bin\n`);
    const image = `ghcr.io/acme/app@sha256:${'e'.repeat(64)}`;
    const res = await runCli(
      [
        'attest',
        '--signer',
        'ephemeral',
        '--evidence',
        'ev',
        '--subject',
        'dist/*.bin',
        '--subject-checksums',
        'SHA256SUMS',
        '--subject-digest',
        image,
        '--json',
      ],
      { cwd: dir },
    );
    expect(res.stderr).not.toMatch(/error/);
    expect(res.exitCode).toBe(0);
    const out = JSON.parse(res.stdout) as { signed: { bundlePath: string; subjects: number }[]; ephemeralPublicKeyPath: string };
    expect(out.signed).toHaveLength(1);
    expect(out.signed[0]?.subjects).toBe(5);
    const statement = JSON.parse(readFileSync(path.join(dir, 'ev', 'subjects.intoto.json'), 'utf8')) as {
      subject: { name: string; digest: { sha256: string } }[];
    };
    // Files are named by their path relative to the project (the one rule for subject names).
    expect(statement.subject.map((s) => s.name)).toEqual(['dist/a.bin', 'dist/b.bin', 'c.bin', 'd.bin', 'ghcr.io/acme/app']);
    const bundle = path.join(dir, out.signed[0]?.bundlePath ?? '');
    expect(sigstoreBundleValidator()(JSON.parse(readFileSync(bundle, 'utf8')))).toEqual([]);
    for (const target of [path.join(dir, 'dist', 'b.bin'), `sha256:${sha('d')}`, `sha256:${'e'.repeat(64)}`]) {
      const v = await runCli(['verify-bundle', '--bundle', bundle, '--key', path.join(dir, out.ephemeralPublicKeyPath), target]);
      expect(`${v.exitCode} ${v.stderr}`).toMatch(/^0 /);
    }
  });

  it('beyond 1024 subjects the statement is split, every subject kept (no silent cap)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-attest-many-'));
    const lines = Array.from({ length: 2500 }, (_, i) => `${sha(String(i))}  file-${i}.bin`);
    writeFileSync(path.join(dir, 'SHA256SUMS'), `${lines.join('\n')}\n`);
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', path.join(dir, 'key.pem')]);
    const res = await runCli(
      ['attest', '--signer', 'key', '--key', 'key.pem', '--evidence', 'ev', '--subject-checksums', 'SHA256SUMS', '--json'],
      { cwd: dir },
    );
    expect(res.exitCode).toBe(0);
    const out = JSON.parse(res.stdout) as { signed: { name: string; subjects: number }[] };
    expect(out.signed.map((s) => [s.name, s.subjects])).toEqual([
      ['subjects', 1024],
      ['subjects.part-2', 1024],
      ['subjects.part-3', 452],
    ]);
    const names = new Set<string>();
    for (const f of readdirSync(path.join(dir, 'ev')).filter((f) => f.endsWith('.intoto.json'))) {
      for (const s of (JSON.parse(readFileSync(path.join(dir, 'ev', f), 'utf8')) as { subject: { name: string }[] }).subject)
        names.add(s.name);
    }
    expect(names.size).toBe(2500);
  });

  it('tells the user what to fix: nothing to sign, a bad checksums line, an RSA key, keyless with no token', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-attest-bad-'));
    const empty = await runCli(['attest', '--signer', 'ephemeral', '--evidence', 'ev'], { cwd: dir });
    expect(empty.exitCode).toBe(2);
    expect(empty.stderr).toMatch(/nothing to sign/);
    writeFileSync(path.join(dir, 'SUMS'), 'not a checksum line\n');
    const badSums = await runCli(['attest', '--signer', 'ephemeral', '--subject-checksums', 'SUMS'], { cwd: dir });
    expect(badSums.exitCode).toBe(2);
    expect(badSums.stderr).toMatch(/SUMS:1:1: not a sha256sum line/);
    execFileSync('openssl', ['genpkey', '-algorithm', 'rsa', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', path.join(dir, 'rsa.pem')]);
    writeFileSync(path.join(dir, 'x.bin'), 'x');
    const rsa = await runCli(['attest', '--signer', 'key', '--key', 'rsa.pem', '--subject', 'x.bin'], { cwd: dir });
    expect(rsa.exitCode).toBe(2);
    expect(rsa.stderr).toMatch(/is rsa; only ECDSA P-256 and Ed25519/);
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' };
    const keyless = await runCli(['attest', '--signer', 'keyless', '--subject', 'x.bin'], { cwd: dir, env });
    expect(keyless.exitCode).toBe(2);
    expect(keyless.stderr).toMatch(/no OIDC token.*id-token: write/);
  });
});
