/**
 * What a Fulcio certificate says about the signer: SAN, OIDC issuer and the GitHub Actions
 * extensions (OIDs 1.3.6.1.4.1.57264.1.*, see sigstore/fulcio docs/oid-info.md). Certificates from
 * before 2023 carry only the legacy extensions (1.2–1.6); they fill the same fields.
 */
import type { X509Certificate } from '@sigstore/core';

export interface CertificateIdentity {
  /** The SAN: a URI, an email address, or a Fulcio username (otherName 1.3.6.1.4.1.57264.1.7). */
  subjectAlternativeName?: string;
  /** Which SAN form the certificate used. */
  subjectAlternativeNameType?: 'uri' | 'email' | 'otherName';
  issuer?: string;
  /** 1.9 Build Signer URI: the (reusable) workflow that signed, `https://github.com/o/r/.github/workflows/x.yml@ref`. */
  buildSignerUri?: string;
  buildSignerDigest?: string;
  /** 1.11 `github-hosted` or `self-hosted`. */
  runnerEnvironment?: string;
  /** 1.12 `https://github.com/OWNER/REPO`. */
  sourceRepositoryUri?: string;
  /** 1.13 the commit. */
  sourceRepositoryDigest?: string;
  /** 1.14 `refs/heads/main`, `refs/tags/v1.2.3`. */
  sourceRepositoryRef?: string;
  /** 1.15 the repository's immutable id. */
  sourceRepositoryIdentifier?: string;
  /** 1.16 `https://github.com/OWNER`. */
  sourceRepositoryOwnerUri?: string;
  /** 1.17 the owner's immutable id. */
  sourceRepositoryOwnerIdentifier?: string;
  sourceRepositoryVisibility?: string;
  /** 1.18 Build Config URI: the top-level workflow, `https://github.com/o/r/.github/workflows/x.yml@ref`. */
  buildConfigUri?: string;
  buildConfigDigest?: string;
  /** 1.20 the event, `push`, `workflow_dispatch`, … */
  buildTrigger?: string;
  runInvocationUri?: string;
}

const BASE = '1.3.6.1.4.1.57264.1.';
const V2: Record<string, Exclude<keyof CertificateIdentity, 'subjectAlternativeNameType'>> = {
  '8': 'issuer',
  '9': 'buildSignerUri',
  '10': 'buildSignerDigest',
  '11': 'runnerEnvironment',
  '12': 'sourceRepositoryUri',
  '13': 'sourceRepositoryDigest',
  '14': 'sourceRepositoryRef',
  '15': 'sourceRepositoryIdentifier',
  '16': 'sourceRepositoryOwnerUri',
  '17': 'sourceRepositoryOwnerIdentifier',
  '18': 'buildConfigUri',
  '19': 'buildConfigDigest',
  '20': 'buildTrigger',
  '21': 'runInvocationUri',
  '22': 'sourceRepositoryVisibility',
};

function v2Value(cert: X509Certificate, oid: string): string | undefined {
  const ext = cert.extension(oid);
  if (!ext) return undefined;
  // The value is a DER UTF8String inside the extension's OCTET STRING.
  const inner = ext.valueObj.subs[0];
  return (inner ? inner.value : ext.value).toString('utf8');
}

function legacyValue(cert: X509Certificate, oid: string): string | undefined {
  return cert.extension(oid)?.value.toString('utf8');
}

export const OTHERNAME_USERNAME_OID = '1.3.6.1.4.1.57264.1.7';

function otherNameSan(cert: X509Certificate): string | undefined {
  try {
    return cert.extSubjectAltName?.otherName(OTHERNAME_USERNAME_OID);
  } catch {
    return undefined;
  }
}

export function certificateIdentity(cert: X509Certificate): CertificateIdentity {
  const id: CertificateIdentity = {};
  const san = cert.extSubjectAltName;
  let sanValue: string | undefined;
  if (san?.uri) [sanValue, id.subjectAlternativeNameType] = [san.uri, 'uri'];
  else if (san?.rfc822Name) [sanValue, id.subjectAlternativeNameType] = [san.rfc822Name, 'email'];
  else {
    // Fulcio's username identities (docs/oid-info.md: 1.3.6.1.4.1.57264.1.7, an otherName SAN, UTF8String).
    const other = otherNameSan(cert);
    if (other) [sanValue, id.subjectAlternativeNameType] = [other, 'otherName'];
  }
  if (sanValue) id.subjectAlternativeName = sanValue;
  for (const [suffix, field] of Object.entries(V2)) {
    const v = v2Value(cert, BASE + suffix);
    if (v !== undefined) id[field] = v;
  }
  id.issuer ??= legacyValue(cert, `${BASE}1`);
  id.buildTrigger ??= legacyValue(cert, `${BASE}2`);
  id.sourceRepositoryDigest ??= legacyValue(cert, `${BASE}3`);
  const legacyRepo = legacyValue(cert, `${BASE}5`);
  if (legacyRepo && !id.sourceRepositoryUri) id.sourceRepositoryUri = `https://github.com/${legacyRepo}`;
  id.sourceRepositoryRef ??= legacyValue(cert, `${BASE}6`);
  // GitHub's SAN is the job workflow ref; older certificates have no 1.9.
  if (!id.buildSignerUri && id.issuer === 'https://token.actions.githubusercontent.com' && sanValue?.startsWith('https://'))
    id.buildSignerUri = sanValue;
  for (const k of Object.keys(id) as (keyof CertificateIdentity)[]) if (id[k] === undefined) delete id[k];
  return id;
}
