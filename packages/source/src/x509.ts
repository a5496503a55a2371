/**
 * X.509 commit signatures (`gpg.format x509`: gpgsm, or Sigstore's gitsign): a detached CMS
 * signature over the commit object. Verified with `openssl cms` against the policy's CA only (no
 * system trust store), at the commit's time (gitsign certificates live ten minutes), then the
 * signer certificate's identity (SAN) and issuer (for Fulcio certificates the OIDC issuer extension
 * 1.3.6.1.4.1.57264.1.8, or the deprecated .1.1) are compared with the policy.
 */
import { X509Certificate } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CommitObject } from './git.js';
import { runTool } from './run-tool.js';
import type { X509Signer } from './signers.js';

export const OID_FULCIO_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
export const OID_FULCIO_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';

export function isX509Signature(signature: string): boolean {
  return /^-----BEGIN (SIGNED MESSAGE|PKCS7|CMS)-----/.test(signature);
}

/** The DER bytes inside an armoured CMS signature. */
export function signatureDer(signature: string): Buffer {
  const body = signature
    .split('\n')
    .filter((l) => !l.startsWith('-----') && l.trim() !== '')
    .join('');
  return Buffer.from(body, 'base64');
}

// ---- a minimal DER reader: enough to find certificate extensions by OID ----
interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(buf: Buffer, at: number): Tlv | undefined {
  if (at + 2 > buf.length) return undefined;
  const tag = buf[at] as number;
  let len = buf[at + 1] as number;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || start + n > buf.length) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[start + i] as number);
    start += n;
  }
  if (start + len > buf.length) return undefined;
  return { tag, start, end: start + len };
}

function children(buf: Buffer, tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let at = tlv.start;
  while (at < tlv.end) {
    const c = readTlv(buf, at);
    if (!c) break;
    out.push(c);
    at = c.end;
  }
  return out;
}

function oidString(bytes: Buffer): string {
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (let i = 1; i < bytes.length; i++) {
    const b = bytes[i] as number;
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** The raw extnValue contents of every extension of a DER certificate, by dotted OID. */
export function certificateExtensions(der: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const cert = readTlv(der, 0);
  const tbs = cert ? children(der, cert)[0] : undefined;
  if (!tbs) return out;
  const ext = children(der, tbs).find((c) => c.tag === 0xa3);
  const seq = ext ? children(der, ext)[0] : undefined;
  if (!seq) return out;
  for (const e of children(der, seq)) {
    const parts = children(der, e);
    const oid = parts[0];
    const value = parts[parts.length - 1];
    if (oid?.tag === 0x06 && value?.tag === 0x04)
      out.set(oidString(der.subarray(oid.start, oid.end)), der.subarray(value.start, value.end));
  }
  return out;
}

/** The OIDC issuer a Fulcio certificate was issued for, if it is one. */
export function fulcioIssuer(cert: X509Certificate): string | undefined {
  const ext = certificateExtensions(cert.raw);
  const v2 = ext.get(OID_FULCIO_ISSUER_V2);
  if (v2) {
    // .8 is a DER UTF8String inside the extension value.
    const inner = readTlv(v2, 0);
    if (inner) return v2.subarray(inner.start, inner.end).toString('utf8');
  }
  const v1 = ext.get(OID_FULCIO_ISSUER_V1);
  return v1 ? v1.toString('utf8') : undefined;
}

export interface CertIdentity {
  emails: string[];
  uris: string[];
  subject: string;
  issuerDn: string;
  oidcIssuer?: string;
}

export function certIdentity(cert: X509Certificate): CertIdentity {
  const san = cert.subjectAltName ?? '';
  const emails: string[] = [];
  const uris: string[] = [];
  for (const part of san.split(/,\s*/)) {
    if (part.startsWith('email:')) emails.push(part.slice(6).toLowerCase());
    else if (part.startsWith('URI:')) uris.push(part.slice(4));
  }
  const email = /(?:^|\n)emailAddress=([^\n]+)/.exec(cert.subject)?.[1];
  if (email) emails.push(email.toLowerCase());
  const oidcIssuer = fulcioIssuer(cert);
  return {
    emails,
    uris,
    subject: cert.subject.replace(/\n/g, ', '),
    issuerDn: cert.issuer.replace(/\n/g, ', '),
    ...(oidcIssuer ? { oidcIssuer } : {}),
  };
}

function issuerMatches(want: string, id: CertIdentity, cert: X509Certificate): boolean {
  if (id.oidcIssuer !== undefined) return id.oidcIssuer === want;
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.issuer)?.[1];
  return want === id.issuerDn || want === cn || want === cert.issuer;
}

export type X509Outcome =
  | { status: 'good'; signer: X509Signer; identity: CertIdentity }
  | { status: 'bad' | 'untrusted' | 'identity-mismatch' | 'expired-key' | 'revoked-key'; message: string; identity?: CertIdentity };

export async function verifyX509Commit(commit: CommitObject, signers: readonly X509Signer[], workDir: string): Promise<X509Outcome> {
  const signature = commit.signature ?? '';
  const base = path.join(workDir, `x509-${commit.sha}`);
  const sigFile = `${base}.sig.der`;
  const payloadFile = `${base}.payload`;
  const signerFile = `${base}.signer.pem`;
  await writeFile(sigFile, signatureDer(signature));
  await writeFile(payloadFile, commit.payload);
  try {
    const common = [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sigFile,
      '-content',
      payloadFile,
      '-out',
      '/dev/null',
      '-purpose',
      'any',
    ];
    // Intact at all? (no chain check) — separates "tampered" from "signed by someone else".
    const intact = await runTool('openssl', [...common, '-noverify', '-signer', signerFile]);
    if (intact.code !== 0) return { status: 'bad', message: 'the X.509 signature does not match the commit (tampered or corrupt)' };
    const cert = new X509Certificate(await readFile(signerFile));
    const identity = certIdentity(cert);
    const mismatches: string[] = [];
    let chained = false;
    const failures = new Set<'expired' | 'revoked'>();
    for (const s of signers) {
      if (!s.caFile) continue;
      const r = await runTool('openssl', [
        ...common,
        '-CAfile',
        s.caFile,
        '-no-CApath',
        '-no-CAstore',
        '-attime',
        String(commit.committerTime),
      ]);
      if (r.code !== 0) {
        if (/certificate has expired|certificate is not yet valid/i.test(r.stderr)) failures.add('expired');
        continue;
      }
      // A CA file that carries CRLs turns on revocation checking (there is no network for OCSP). The
      // CRL is newer than the commit, so this check ignores times; the validity window was checked above.
      if ((await readFile(s.caFile, 'utf8').catch(() => '')).includes('-----BEGIN X509 CRL-----')) {
        const crl = await runTool('openssl', [...common, '-CAfile', s.caFile, '-no-CApath', '-no-CAstore', '-crl_check', '-no_check_time']);
        if (crl.code !== 0) {
          if (/certificate revoked/i.test(crl.stderr)) failures.add('revoked');
          continue;
        }
      }
      chained = true;
      const wantId = s.identity ?? s.email;
      if (wantId !== undefined && !identity.emails.includes(wantId.toLowerCase()) && !identity.uris.includes(wantId)) {
        mismatches.push(
          `${s.label}: certificate identity ${[...identity.emails, ...identity.uris].join(', ') || identity.subject} is not ${wantId}`,
        );
        continue;
      }
      if (s.issuer !== undefined && !issuerMatches(s.issuer, identity, cert)) {
        mismatches.push(`${s.label}: issuer ${identity.oidcIssuer ?? identity.issuerDn} is not ${s.issuer}`);
        continue;
      }
      return { status: 'good', signer: s, identity };
    }
    if (!chained && failures.has('revoked')) {
      return { status: 'revoked-key', message: `the certificate (${identity.subject}) has been revoked by its CA`, identity };
    }
    if (!chained && failures.has('expired')) {
      return {
        status: 'expired-key',
        message: `the certificate (${identity.subject}) was not valid at the commit time ${new Date(commit.committerTime * 1000).toISOString()}`,
        identity,
      };
    }
    if (!chained) {
      return {
        status: 'untrusted',
        message: `the certificate (${identity.subject}, issued by ${identity.issuerDn}) does not chain to a CA in the policy`,
        identity,
      };
    }
    return { status: 'identity-mismatch', message: mismatches.join('; '), identity };
  } finally {
    await rm(sigFile, { force: true });
    await rm(payloadFile, { force: true });
    await rm(signerFile, { force: true });
  }
}
