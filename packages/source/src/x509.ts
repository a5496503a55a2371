/**
 * X.509 commit signatures (`gpg.format x509`: gpgsm, or Sigstore's gitsign): a detached CMS
 * signature over the commit object. Verified with `openssl cms` against the policy's CA only (no
 * system trust store), at the commit's time (gitsign certificates live ten minutes), then the
 * signer certificate's identity (SAN) and issuer (for Fulcio certificates the OIDC issuer extension
 * 1.3.6.1.4.1.57264.1.8, or the deprecated .1.1) are compared with the policy.
 */
import { X509Certificate } from 'node:crypto';
import { ASN1Obj, X509Certificate as SigstoreCertificate } from '@sigstore/core';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readRegularFile } from '@secure-factory/core';
import type { CommitObject } from './git.js';
import { runTool } from './run-tool.js';
import { MAX_CA_FILE_BYTES, type X509Signer } from './signers.js';

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

/** The raw extnValue contents of every extension of a DER certificate, by dotted OID (read with @sigstore/core's ASN.1). */
export function certificateExtensions(der: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  try {
    for (const e of SigstoreCertificate.parse(Buffer.from(der)).extensions) {
      const oid = e.subs[0];
      const value = e.subs[e.subs.length - 1];
      // OBJECT IDENTIFIER … OCTET STRING; anything else is not an extension this reads.
      if (oid?.tag.isOID() && value?.tag.isOctetString()) out.set(oid.toOID(), value.value);
    }
  } catch {
    // Not a certificate this can read: no extensions (the identity then rests on the SAN and issuer DN).
  }
  return out;
}

/** The OIDC issuer a Fulcio certificate was issued for, if it is one. */
export function fulcioIssuer(cert: X509Certificate): string | undefined {
  const ext = certificateExtensions(cert.raw);
  const v2 = ext.get(OID_FULCIO_ISSUER_V2);
  if (v2) {
    // .8 is a DER UTF8String inside the extension value.
    try {
      return ASN1Obj.parseBuffer(Buffer.from(v2)).value.toString('utf8');
    } catch {
      // unreadable: fall back to the deprecated .1
    }
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
      // Read safely (a FIFO or device swapped in after the keyring checked it is no CRL, never a hang).
      const caText = await readRegularFile(s.caFile, { maxBytes: MAX_CA_FILE_BYTES, within: '/', what: 'x509.ca-file' }).then(
        (b) => b.toString('utf8'),
        () => '',
      );
      if (caText.includes('-----BEGIN X509 CRL-----')) {
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
