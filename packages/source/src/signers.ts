/**
 * The allowed signers of the policy (`source.signers`), turned into what the verifiers read: a
 * temporary GNUPGHOME holding only the policy's OpenPGP keys, an SSH allowed-signers file, and the
 * X.509 trust anchors. Nothing from the machine's own keyrings is trusted implicitly.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRegularFile, UnsafeFileError, type Finding, type SignerSpec } from '@secure-factory/core';
import { runTool } from './run-tool.js';

export interface GpgSigner {
  signer: number;
  label: string;
  /** Primary key fingerprint (upper-case hex). */
  fingerprint: string;
  /** Fingerprints of the primary key and its subkeys that may sign. */
  fingerprints: string[];
  /** Emails the committer may use: the policy's `email`, else the key's user ids. */
  emails: string[];
  revoked: boolean;
}

export interface SshSigner {
  signer: number;
  label: string;
  principal: string;
  fingerprint: string;
  email?: string;
}

export interface X509Signer {
  signer: number;
  label: string;
  identity?: string;
  issuer?: string;
  caFile?: string;
  email?: string;
}

export interface Keyring {
  gnupgHome: string;
  allowedSignersFile: string;
  workDir: string;
  gpg: GpgSigner[];
  ssh: SshSigner[];
  x509: X509Signer[];
  /** Problems with the policy's signer list itself (a key that cannot be read or found). */
  findings: Finding[];
  dispose(): Promise<void>;
}

const SSH_KEY =
  /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521|sk-ssh-ed25519@openssh\.com|sk-ecdsa-sha2-nistp256@openssh\.com) ([A-Za-z0-9+/]+={0,3})(?: .*)?$/;
// An allowed-signers principal is a pattern list: commas, quotes, spaces and wildcards would widen it.
const PRINCIPAL = /^[A-Za-z0-9._%+@-]{1,254}$/;

export function signerLabel(s: SignerSpec, i: number): string {
  return s.name ?? s.email ?? s.x509?.identity ?? `signers[${i}]`;
}

function problem(i: number, message: string, help: string): Finding {
  return { rule: 'source/signer-policy', severity: 'high', blocking: true, message: `source.signers[${i}]: ${message}`, help };
}

interface ListedKey {
  fingerprint: string;
  fingerprints: string[];
  emails: string[];
  revoked: boolean;
}

/** Parses `gpg --with-colons` key listings (pub/sub/fpr/uid records). */
export function parseGpgColons(text: string): ListedKey[] {
  const keys: ListedKey[] = [];
  let current: ListedKey | undefined;
  let expectFprFor: 'pub' | 'sub' | undefined;
  for (const line of text.split('\n')) {
    const f = line.split(':');
    switch (f[0]) {
      case 'pub':
        current = { fingerprint: '', fingerprints: [], emails: [], revoked: f[1] === 'r' };
        keys.push(current);
        expectFprFor = 'pub';
        break;
      case 'sub':
        expectFprFor = 'sub';
        break;
      case 'fpr': {
        const fpr = (f[9] ?? '').toUpperCase();
        if (current && fpr) {
          if (expectFprFor === 'pub') current.fingerprint = fpr;
          current.fingerprints.push(fpr);
        }
        expectFprFor = undefined;
        break;
      }
      case 'uid': {
        const m = /<([^>]+)>/.exec(f[9] ?? '');
        if (current && m?.[1]) current.emails.push(m[1].toLowerCase());
        break;
      }
    }
  }
  return keys.filter((k) => k.fingerprint !== '');
}

async function gpg(home: string, args: string[], input?: string | Buffer): Promise<{ stdout: string; stderr: string; code: number }> {
  // --no-options: gpg.conf (trust-model always) is for verifying; reading keys must not depend on it.
  return runTool('gpg', ['--no-options', '--batch', '--no-tty', '--homedir', home, ...args], input === undefined ? {} : { input });
}

/** The largest CA file read (a bundle of roots, intermediates and CRLs). */
export const MAX_CA_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A signer's `x509.ca-file` through core's safe reader: '' when it does not exist (the policy finding
 * says so). A FIFO (a plain read blocked the source check forever, and openssl would block on it too), a
 * device, an oversized file, or a link leaving the repository (for a file named inside it; a file named
 * elsewhere may not link out of its own folder) is refused with exit 2 naming it, its content never read.
 */
async function readCaFile(caFile: string, baseDir: string): Promise<string> {
  const base = path.resolve(baseDir);
  const rel = path.relative(base, caFile);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  try {
    const bytes = await readRegularFile(caFile, {
      maxBytes: MAX_CA_FILE_BYTES,
      what: 'x509.ca-file',
      ...(inside ? { within: base } : {}),
      hint: 'point ca-file at the PEM of the issuing CA, a regular file',
    });
    return bytes.toString('utf8');
  } catch (e: unknown) {
    if (e instanceof UnsafeFileError && e.reason === 'missing') return '';
    throw e;
  }
}

export async function prepareKeyring(signers: readonly SignerSpec[], opts: { baseDir: string }): Promise<Keyring> {
  // Short path: gpg's sockets must fit in sun_path even when TMPDIR is long.
  const workDir = await mkdtemp(path.join(process.platform === 'linux' ? '/tmp' : tmpdir(), 'sf-src-'));
  const gnupgHome = path.join(workDir, 'gnupg');
  await mkdir(gnupgHome, { mode: 0o700 });
  // Only the policy's keys are in this keyring, so their validity needs no web of trust.
  await writeFile(path.join(gnupgHome, 'gpg.conf'), 'trust-model always\nno-auto-key-retrieve\nno-auto-key-locate\n');
  const allowedSignersFile = path.join(workDir, 'allowed_signers');
  const keyring: Keyring = {
    gnupgHome,
    allowedSignersFile,
    workDir,
    gpg: [],
    ssh: [],
    x509: [],
    findings: [],
    dispose: () => rm(workDir, { recursive: true, force: true }),
  };
  const allowed: string[] = [];
  for (const [i, s] of signers.entries()) {
    const label = signerLabel(s, i);
    const email = s.email?.toLowerCase();
    if (s['gpg-key'] !== undefined || s.gpg !== undefined) {
      let armoured: string | Buffer | undefined = s['gpg-key'];
      if (armoured === undefined && s.gpg !== undefined) {
        // Fingerprint only: take that key (and nothing else) from the caller's own keyring.
        const exported = await runTool('gpg', ['--batch', '--no-tty', '--export', '--armor', s.gpg]);
        if (exported.stdout.includes('BEGIN PGP PUBLIC KEY BLOCK')) armoured = exported.stdout;
        else {
          keyring.findings.push(
            problem(
              i,
              `the OpenPGP key ${s.gpg} is not in this machine's keyring`,
              'add the armoured public key to the policy as `gpg-key`',
            ),
          );
          continue;
        }
      }
      const listed = await gpg(gnupgHome, ['--with-colons', '--import-options', 'show-only', '--import'], armoured);
      let keys = parseGpgColons(listed.stdout);
      if (s.gpg !== undefined) {
        const want = s.gpg.toUpperCase();
        keys = keys.filter((k) => k.fingerprints.some((f) => f.endsWith(want)));
      }
      if (keys.length === 0) {
        keyring.findings.push(
          problem(
            i,
            s.gpg ? `no OpenPGP key with fingerprint ${s.gpg} could be read` : 'gpg-key holds no readable OpenPGP public key',
            'paste the output of `gpg --export --armor FINGERPRINT`',
          ),
        );
        continue;
      }
      const imported = await gpg(gnupgHome, ['--import'], armoured);
      if (imported.code !== 0 && !/imported|unchanged/.test(imported.stderr)) {
        keyring.findings.push(
          problem(i, `the OpenPGP key could not be imported: ${imported.stderr.trim().split('\n')[0] ?? ''}`, 'check the armoured key'),
        );
        continue;
      }
      for (const k of keys) {
        keyring.gpg.push({
          signer: i,
          label,
          fingerprint: k.fingerprint,
          fingerprints: k.fingerprints,
          emails: email ? [email] : k.emails,
          revoked: k.revoked,
        });
      }
    }
    if (s.ssh !== undefined) {
      const m = SSH_KEY.exec(s.ssh.trim());
      if (!m) {
        keyring.findings.push(
          problem(
            i,
            'ssh is not an SSH public key line',
            'write it as `ssh-ed25519 AAAA... comment` (options such as cert-authority are not accepted)',
          ),
        );
        continue;
      }
      if (email !== undefined && !PRINCIPAL.test(email)) {
        keyring.findings.push(problem(i, `email "${email}" cannot be used as an SSH principal`, 'use a plain e-mail address'));
        continue;
      }
      const keyFile = path.join(workDir, `ssh-${i}.pub`);
      await writeFile(keyFile, `${m[1]} ${m[2]}\n`);
      const fp = await runTool('ssh-keygen', ['-l', '-E', 'sha256', '-f', keyFile]);
      const fingerprint = /(SHA256:[A-Za-z0-9+/=]+)/.exec(fp.stdout)?.[1];
      if (fp.code !== 0 || fingerprint === undefined) {
        keyring.findings.push(problem(i, 'the SSH public key cannot be read', 'copy the whole line from the .pub file'));
        continue;
      }
      const principal = email ?? `signer-${i}@secure-factory.invalid`;
      allowed.push(`${principal} namespaces="git" ${m[1]} ${m[2]}`);
      keyring.ssh.push({ signer: i, label, principal, fingerprint, ...(email ? { email } : {}) });
    }
    if (s.x509 !== undefined) {
      const caFile = s.x509['ca-file'] === undefined ? undefined : path.resolve(opts.baseDir, s.x509['ca-file']);
      if (caFile === undefined) {
        keyring.findings.push(
          problem(
            i,
            'x509 has no ca-file, so no certificate can be trusted',
            'set x509.ca-file to the PEM of the issuing CA (for gitsign, the Fulcio root)',
          ),
        );
        continue;
      }
      let ca: string;
      try {
        ca = await readCaFile(caFile, opts.baseDir);
      } catch (e: unknown) {
        await keyring.dispose();
        throw e;
      }
      if (!ca.includes('-----BEGIN CERTIFICATE-----')) {
        keyring.findings.push(
          problem(
            i,
            `x509.ca-file ${s.x509['ca-file']} is missing or holds no PEM certificate`,
            'point ca-file at the PEM of the issuing CA',
          ),
        );
        continue;
      }
      keyring.x509.push({
        signer: i,
        label,
        caFile,
        ...(s.x509.identity ? { identity: s.x509.identity } : {}),
        ...(s.x509.issuer ? { issuer: s.x509.issuer } : {}),
        ...(email ? { email } : {}),
      });
    }
  }
  await writeFile(allowedSignersFile, allowed.length > 0 ? `${allowed.join('\n')}\n` : '');
  return keyring;
}
