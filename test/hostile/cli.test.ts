/**
 * Negative end-to-end cases through the real `secure-factory gate` process: hostile evidence folders,
 * inherited-name environments, garbage keys and a UTF-16 policy. Each must end with a refusal or an input
 * error naming the file, within its deadline — never a hang, a crash ("internal error"), a pass, a quote
 * of a file's bytes, or a line the Actions runner would read as a workflow command.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli, type CliRun } from '../support/cli.js';
import { isRunnerCommand, runnerLines, SECRET } from './cases/types.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'sf-hostile-cli-'));
  writeFileSync(path.join(root, 'token'), `${SECRET}\n`);
});

function clean(r: CliRun): void {
  const all = `${r.stdout}\n${r.stderr}`;
  expect(all).not.toContain(SECRET);
  expect(all).not.toContain('root:x:0');
  expect(all).not.toMatch(/internal error|Cannot read properties|Invalid string length/);
  expect(runnerLines(all).filter(isRunnerCommand)).toEqual([]);
}

function evidenceDir(fill: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(root, 'ev-'));
  fill(dir);
  return dir;
}

const gate = (args: string[]): Promise<CliRun> =>
  runCli(['gate', DIGEST, '--no-record', '--out', mkdtempSync(path.join(root, 'out-')), ...args], { timeoutMs: 60_000, cwd: root });

describe('secure-factory gate with hostile inputs', () => {
  it('a FIFO named x.sigstore.json and links to /etc/passwd and a token: refused quickly, nothing quoted', async () => {
    const dir = evidenceDir((d) => {
      execFileSync('mkfifo', [path.join(d, 'x.sigstore.json')]);
      symlinkSync('/etc/passwd', path.join(d, 'passwd.sigstore.json'));
      symlinkSync(path.join(root, 'token'), path.join(d, 'token.sigstore.json'));
      symlinkSync('/dev/zero', path.join(d, 'zero.sigstore.json'));
    });
    const started = Date.now();
    const r = await gate(['--evidence', dir, '--json']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect([1, 2]).toContain(r.exitCode);
    clean(r);
  }, 90_000);

  it('remediations.json linked to /dev/zero: exit 2 naming the file, no "Invalid string length"', async () => {
    const dir = evidenceDir((d) => {
      mkdirSync(path.join(d, 'gate'));
      symlinkSync('/dev/zero', path.join(d, 'remediations.json'));
      symlinkSync('/dev/zero', path.join(d, 'gate', 'remediations.json'));
    });
    const r = await gate(['--evidence', dir]);
    expect(r.exitCode).not.toBe(0);
    clean(r);
  }, 90_000);

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '--environment %s is no environment (refused, no crash)',
    async (env) => {
      const policy = path.join(root, `policy-${env.replace(/_/g, 'u')}.yml`);
      writeFileSync(policy, 'apiVersion: secure-factory/v1\ndeploy:\n  production: { require: [provenance] }\n');
      const r = await gate(['--evidence', evidenceDir(() => {}), '--policy', policy, '--environment', env]);
      expect([1, 2]).toContain(r.exitCode);
      clean(r);
    },
    90_000,
  );

  it('--environment with a workflow command in it is printed harmlessly', async () => {
    const r = await gate(['--evidence', evidenceDir(() => {}), '--environment', 'prod\n::add-mask::x\n##[error]forged\u001b[2J']);
    expect(r.exitCode).not.toBe(0);
    clean(r);
    expect(`${r.stdout}${r.stderr}`).not.toContain('\u001b');
  }, 90_000);

  it('a garbage --public-key is exit 2 naming the file', async () => {
    const key = path.join(root, 'garbage.pem');
    writeFileSync(key, '-----BEGIN PUBLIC KEY-----\nnot base64 at all\n-----END PUBLIC KEY-----\n');
    const r = await gate(['--evidence', evidenceDir(() => {}), '--public-key', key]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('garbage.pem');
    expect(r.stderr).not.toMatch(/DECODER|asn1|error:[0-9A-F]{8}/i);
    clean(r);
  }, 90_000);

  it('a --public-key that is a link to a token: exit 2, not quoted', async () => {
    const link = path.join(root, 'key-link.pem');
    symlinkSync(path.join(root, 'token'), link);
    const r = await gate(['--evidence', evidenceDir(() => {}), '--public-key', link]);
    expect(r.exitCode).toBe(2);
    clean(r);
  }, 90_000);

  it('a UTF-16 policy file is exit 2 saying to save it as UTF-8', async () => {
    const policy = path.join(root, 'utf16.yml');
    writeFileSync(policy, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('apiVersion: secure-factory/v1\n', 'utf16le')]));
    const r = await gate(['--evidence', evidenceDir(() => {}), '--policy', policy]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/utf16\.yml.*UTF-16.*UTF-8/s);
    clean(r);
  }, 90_000);
});

describe('secure-factory verify-bundle and verify-attestation with hostile inputs', () => {
  const cli = (args: string[]): Promise<CliRun> => runCli(args, { timeoutMs: 60_000, cwd: root });

  it('a catastrophic --certificate-identity-regexp is exit 2 at once, naming the flag', async () => {
    const started = Date.now();
    const r = await cli([
      'verify-bundle',
      DIGEST,
      '--bundle',
      path.join(root, 'token'),
      '--certificate-identity-regexp',
      '^(a+)+$',
      '--certificate-oidc-issuer',
      'https://token.actions.githubusercontent.com',
    ]);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--certificate-identity-regexp "\^\(a\+\)\+\$" uses a quantified group that itself holds a quantifier/);
    clean(r);
  }, 90_000);

  it('a catastrophic --cert-identity-regex is exit 2, naming the flag', async () => {
    const r = await cli([
      'verify-attestation',
      DIGEST,
      '--bundle',
      path.join(root, 'token'),
      '--owner',
      'acme',
      '--cert-identity-regex',
      '(x*y)*z',
    ]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/--cert-identity-regex "\(x\*y\)\*z" uses a quantified group/);
    clean(r);
  }, 90_000);

  it('verify-attestation with a FIFO as the bundle: exit 2 naming it, without blocking', async () => {
    const fifo = path.join(root, 'attestation.jsonl');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    const r = await cli(['verify-attestation', DIGEST, '--bundle', fifo, '--owner', 'acme']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('attestation.jsonl');
    clean(r);
  }, 90_000);
});
