import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifySshCommitSignature } from './ssh-signature.js';

// Signatures made by OpenSSH's own ssh-keygen -Y sign, checked in-process against its verdicts.
const dir = mkdtempSync(path.join(tmpdir(), 'sf-sshsig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function key(type: string, bits?: number): { file: string; fingerprint: string } {
  const file = path.join(dir, `${type}-${bits ?? 0}`);
  execFileSync('ssh-keygen', ['-q', '-t', type, ...(bits ? ['-b', String(bits)] : []), '-N', '', '-C', 'test', '-f', file]);
  const fingerprint =
    /(SHA256:\S+)/.exec(execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${file}.pub`], { encoding: 'utf8' }))?.[1] ?? '';
  return { file, fingerprint };
}

function sign(k: { file: string }, payload: string, namespace = 'git'): string {
  const msg = path.join(dir, `msg-${Math.random().toString(36).slice(2)}`);
  writeFileSync(msg, payload);
  execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-n', namespace, '-f', k.file, msg], { stdio: 'ignore' });
  return readFileSync(`${msg}.sig`, 'utf8');
}

const payload =
  'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor Bob <bob@example.com> 1700000000 +0000\ncommitter Bob <bob@example.com> 1700000000 +0000\n\nhello\n';

describe.each([
  ['ed25519', undefined],
  ['ecdsa', 256],
  ['ecdsa', 384],
  ['ecdsa', 521],
  ['rsa', 2048],
])('SSHSIG %s %s', (type, bits) => {
  const k = key(type, bits);
  const sig = sign(k, payload);

  it('verifies ssh-keygen’s signature and names the key as ssh-keygen -l does', () => {
    expect(verifySshCommitSignature(sig, payload)).toEqual({ valid: true, fingerprint: k.fingerprint });
  });

  it('refuses the signature over a changed payload', () => {
    expect(verifySshCommitSignature(sig, payload.replace('hello', 'hellO'))).toMatchObject({ valid: false, fingerprint: k.fingerprint });
  });

  it('refuses a signature made for another namespace', () => {
    expect(verifySshCommitSignature(sign(k, payload, 'file'), payload)?.valid).toBe(false);
  });
});

it('leaves malformed signatures to ssh-keygen', () => {
  expect(verifySshCommitSignature('-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n', payload)).toBeUndefined();
});
