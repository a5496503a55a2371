/**
 * SSH commit signatures (the SSHSIG format of OpenSSH's PROTOCOL.sshsig, what `git commit -S` with
 * gpg.format=ssh writes) verified in-process with Node's crypto, so a 10,000-commit history does not
 * start 10,000 `ssh-keygen -Y verify` processes. It checks what ssh-keygen checks: the magic and
 * version, the "git" namespace, a sha256/sha512 message hash, and the signature by the embedded key
 * over the SSHSIG signed data. Which keys are trusted is decided by the caller (the policy's keys, by
 * fingerprint). Key types it does not handle (security keys, ssh-rsa/SHA-1) return `undefined`, and
 * the caller falls back to git and ssh-keygen for them.
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

export interface SshSignatureResult {
  /** Whether the signature verifies over the payload with the key it names. */
  valid: boolean;
  /** `SHA256:…` of the signing key, as `ssh-keygen -l` prints it. */
  fingerprint: string;
  /** Why it is not valid. */
  reason?: string;
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}
  bytes(n: number): Buffer {
    if (this.at + n > this.buf.length) throw new Error('truncated');
    const b = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }
  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }
  string(): Buffer {
    return this.bytes(this.uint32());
  }
  get done(): boolean {
    return this.at === this.buf.length;
  }
}

const str = (b: Buffer | string): Buffer => {
  const buf = typeof b === 'string' ? Buffer.from(b) : b;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(buf.length);
  return Buffer.concat([len, buf]);
};

/** An mpint without its sign byte, left-padded to `size` bytes. */
function unsigned(mpint: Buffer, size?: number): Buffer {
  let b = mpint;
  while (b.length > 1 && b[0] === 0) b = b.subarray(1);
  if (size === undefined || b.length >= size) return b;
  return Buffer.concat([Buffer.alloc(size - b.length), b]);
}

const CURVES: Record<string, { crv: string; hash: string; size: number }> = {
  nistp256: { crv: 'P-256', hash: 'sha256', size: 32 },
  nistp384: { crv: 'P-384', hash: 'sha384', size: 48 },
  nistp521: { crv: 'P-521', hash: 'sha512', size: 66 },
};

/** The public key and how to check a signature with it, or undefined for a type handled by ssh-keygen. */
function keyFor(blob: Buffer): { type: string; check: (data: Buffer, sigType: string, sig: Buffer) => boolean } | undefined {
  const r = new Reader(blob);
  const type = r.string().toString();
  if (type === 'ssh-ed25519') {
    const raw = r.string();
    if (raw.length !== 32) return undefined;
    const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });
    return { type, check: (data, sigType, sig) => sigType === 'ssh-ed25519' && verify(null, data, key, sig) };
  }
  const ec = /^ecdsa-sha2-(nistp\d+)$/.exec(type);
  if (ec) {
    const curve = CURVES[ec[1] ?? ''];
    const name = r.string().toString();
    const point = r.string();
    if (!curve || name !== ec[1] || point[0] !== 4 || point.length !== 1 + 2 * curve.size) return undefined;
    const key: KeyObject = createPublicKey({
      key: {
        kty: 'EC',
        crv: curve.crv,
        x: point.subarray(1, 1 + curve.size).toString('base64url'),
        y: point.subarray(1 + curve.size).toString('base64url'),
      },
      format: 'jwk',
    });
    return {
      type,
      check: (data, sigType, sig) => {
        if (sigType !== type) return false;
        const s = new Reader(sig);
        const p1363 = Buffer.concat([unsigned(s.string(), curve.size), unsigned(s.string(), curve.size)]);
        return verify(curve.hash, data, { key, dsaEncoding: 'ieee-p1363' }, p1363);
      },
    };
  }
  if (type === 'ssh-rsa') {
    const e = unsigned(r.string());
    const n = unsigned(r.string());
    const key = createPublicKey({ key: { kty: 'RSA', e: e.toString('base64url'), n: n.toString('base64url') }, format: 'jwk' });
    // SHA-1 RSA signatures (sigType ssh-rsa) are left to ssh-keygen, which refuses them in SSHSIG.
    const hash: Record<string, string> = { 'rsa-sha2-256': 'sha256', 'rsa-sha2-512': 'sha512' };
    return { type, check: (data, sigType, sig) => hash[sigType] !== undefined && verify(hash[sigType], data, key, sig) };
  }
  return undefined;
}

export function sshFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** Verifies an armoured SSHSIG signature over a commit payload; undefined when ssh-keygen must decide. */
export function verifySshCommitSignature(armoured: string, payload: string | Buffer): SshSignatureResult | undefined {
  const m = /-----BEGIN SSH SIGNATURE-----([\s\S]*?)-----END SSH SIGNATURE-----/.exec(armoured);
  if (!m) return undefined;
  try {
    const r = new Reader(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'));
    if (r.bytes(6).toString() !== 'SSHSIG' || r.uint32() !== 1) return undefined;
    const publicKey = r.string();
    const namespace = r.string().toString();
    const reserved = r.string();
    const hashAlg = r.string().toString();
    const signature = r.string();
    if (!r.done) return undefined;
    const fingerprint = sshFingerprint(publicKey);
    const key = keyFor(publicKey);
    if (!key) return undefined;
    if (namespace !== 'git') return { valid: false, fingerprint, reason: `the signature is for the namespace "${namespace}", not "git"` };
    if (hashAlg !== 'sha256' && hashAlg !== 'sha512') return { valid: false, fingerprint, reason: `unsupported hash "${hashAlg}"` };
    const s = new Reader(signature);
    const sigType = s.string().toString();
    const sig = s.string();
    const digest = createHash(hashAlg).update(payload).digest();
    const signed = Buffer.concat([Buffer.from('SSHSIG'), str(namespace), str(reserved), str(hashAlg), str(digest)]);
    const valid = key.check(signed, sigType, sig);
    return valid ? { valid, fingerprint } : { valid, fingerprint, reason: 'the signature does not match the commit' };
  } catch {
    // Malformed: let ssh-keygen give its own verdict.
    return undefined;
  }
}
