/**
 * What a Fulcio certificate says about its signer, read from real certificates of the corpus: GitHub
 * Actions (every 1.3.6.1.4.1.57264.1.* extension), an email signer, a pre-2023 certificate with only
 * the legacy issuer, an otherName (username) SAN. The legacy fall-backs are read from a real GitHub
 * certificate whose newer extension is renamed (its OID's last arc changed, so the DER stays valid).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { X509Certificate } from '@sigstore/core';
import { certificateIdentity, OTHERNAME_USERNAME_OID } from './certificate.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'test', 'verify', 'corpus');

function leafDer(rel: string): Buffer {
  const b = JSON.parse(readFileSync(path.join(CORPUS, rel), 'utf8')) as {
    verificationMaterial: { certificate?: { rawBytes: string }; x509CertificateChain?: { certificates: { rawBytes: string }[] } };
  };
  const raw = b.verificationMaterial.certificate?.rawBytes ?? b.verificationMaterial.x509CertificateChain?.certificates[0]?.rawBytes;
  return Buffer.from(raw as string, 'base64');
}

/** The DER of 1.3.6.1.4.1.57264.1.N as an OBJECT IDENTIFIER. */
const fulcioOid = (n: number): Buffer => Buffer.from([0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x83, 0xbf, 0x30, 0x01, n]);

/** The certificate with extension 1.3.6.1.4.1.57264.1.N renamed to an arc nobody reads (1.99 + N). */
function without(der: Buffer, ...arcs: number[]): Buffer {
  const out = Buffer.from(der);
  for (const n of arcs) {
    const at = out.indexOf(fulcioOid(n));
    if (at < 0) throw new Error(`no extension 1.${n}`);
    out[at + 11] = 99 - n;
    expect(out.indexOf(fulcioOid(n))).toBe(-1);
  }
  return out;
}

/** Same-length text replaced everywhere in the DER (values only; lengths stay right). */
function replaced(der: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  return Buffer.from(der.toString('latin1').split(from).join(to), 'latin1');
}

const identity = (der: Buffer) => certificateIdentity(X509Certificate.parse(Buffer.from(der.toString('base64'), 'base64')));

const GH_BUNDLE = 'github-attestations/actions-attest-build-provenance-attestation-13531551.sigstore.json';
const GH_WORKFLOW = 'https://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main';
const GH_ISSUER = 'https://token.actions.githubusercontent.com';
const GH_COMMIT = 'ba965ac88abfc6fa49344893ed19e5bf479a07d6';

describe('certificateIdentity', () => {
  it('reads every GitHub Actions extension of a real certificate', () => {
    const id = identity(leafDer(GH_BUNDLE));
    expect(id).toStrictEqual({
      subjectAlternativeName: GH_WORKFLOW,
      subjectAlternativeNameType: 'uri',
      issuer: GH_ISSUER,
      buildSignerUri: GH_WORKFLOW,
      buildSignerDigest: GH_COMMIT,
      runnerEnvironment: 'github-hosted',
      sourceRepositoryUri: 'https://github.com/actions/attest-build-provenance',
      sourceRepositoryDigest: GH_COMMIT,
      sourceRepositoryRef: 'refs/heads/main',
      sourceRepositoryIdentifier: id.sourceRepositoryIdentifier,
      sourceRepositoryOwnerUri: 'https://github.com/actions',
      sourceRepositoryOwnerIdentifier: id.sourceRepositoryOwnerIdentifier,
      sourceRepositoryVisibility: 'public',
      buildConfigUri: 'https://github.com/actions/attest-build-provenance/.github/workflows/prober-github.yml@refs/heads/main',
      buildConfigDigest: GH_COMMIT,
      buildTrigger: 'schedule',
      runInvocationUri: id.runInvocationUri,
    });
    expect(id.sourceRepositoryIdentifier).toMatch(/^[0-9]+$/);
    expect(id.sourceRepositoryOwnerIdentifier).toMatch(/^[0-9]+$/);
    expect(id.runInvocationUri).toMatch(
      /^https:\/\/github\.com\/actions\/attest-build-provenance\/actions\/runs\/[0-9]+\/attempts\/[0-9]+$/,
    );
  });

  it('reads an email SAN and the issuer (1.8, the DER-encoded one, over the legacy 1.1)', () => {
    expect(identity(leafDer('sigstore-js/bundleV03-dsse.sigstore.json'))).toStrictEqual({
      subjectAlternativeName: 'brian@dehamer.com',
      subjectAlternativeNameType: 'email',
      issuer: 'https://github.com/login/oauth',
    });
  });

  it('a pre-2023 certificate has only the legacy issuer (1.1), read as raw text', () => {
    expect(identity(leafDer('sigstore-go/dsse.sigstore.json'))).toStrictEqual({
      subjectAlternativeName: 'brian@dehamer.com',
      subjectAlternativeNameType: 'email',
      issuer: 'https://github.com/login/oauth',
    });
  });

  it('reads a Fulcio username (otherName 1.3.6.1.4.1.57264.1.7) SAN', () => {
    expect(OTHERNAME_USERNAME_OID).toBe('1.3.6.1.4.1.57264.1.7');
    expect(identity(leafDer('sigstore-go/othername.sigstore.json'))).toStrictEqual({
      subjectAlternativeName: 'foo!oidc.local',
      subjectAlternativeNameType: 'otherName',
      issuer: 'http://oidc.local:8080',
    });
  });

  it('falls back to the legacy extensions (1.1, 1.2, 1.3, 1.5, 1.6) when the newer ones are absent', () => {
    const id = identity(without(leafDer(GH_BUNDLE), 8, 12, 13, 14, 20));
    expect(id).toMatchObject({
      issuer: GH_ISSUER,
      buildTrigger: 'schedule',
      sourceRepositoryDigest: GH_COMMIT,
      sourceRepositoryUri: 'https://github.com/actions/attest-build-provenance',
      sourceRepositoryRef: 'refs/heads/main',
    });
  });

  it('the newer extensions win over the legacy ones', () => {
    // Legacy 1.5 (repository) and 1.6 (ref) changed to other values of the same length.
    const der = leafDer(GH_BUNDLE);
    const legacyRepo = der.indexOf(Buffer.concat([fulcioOid(5)]));
    expect(legacyRepo).toBeGreaterThan(0);
    const patched = Buffer.from(der);
    const repoAt = patched.indexOf('actions/attest-build-provenance', legacyRepo, 'latin1');
    patched.write('evilorg/attest-build-provenance', repoAt, 'latin1');
    const refAt = patched.indexOf('refs/heads/main', patched.indexOf(fulcioOid(6)), 'latin1');
    patched.write('refs/heads/evil', refAt, 'latin1');
    const id = identity(patched);
    expect(id.sourceRepositoryUri).toBe('https://github.com/actions/attest-build-provenance');
    expect(id.sourceRepositoryRef).toBe('refs/heads/main');
    // Without the newer ones, the changed legacy values are what is read.
    expect(identity(without(patched, 12, 14))).toMatchObject({
      sourceRepositoryUri: 'https://github.com/evilorg/attest-build-provenance',
      sourceRepositoryRef: 'refs/heads/evil',
    });
  });

  it('a GitHub Actions certificate without a build signer URI (1.9) is signed by its SAN workflow', () => {
    expect(identity(without(leafDer(GH_BUNDLE), 9)).buildSignerUri).toBe(GH_WORKFLOW);
  });

  it('no such fallback for another issuer, or with no issuer at all', () => {
    const other = replaced(leafDer(GH_BUNDLE), GH_ISSUER, 'https://token.actions.githubusercontent.net');
    const id = identity(without(other, 9));
    expect(id.issuer).toBe('https://token.actions.githubusercontent.net');
    expect(id).not.toHaveProperty('buildSignerUri');
    const none = identity(without(leafDer(GH_BUNDLE), 1, 8, 9));
    expect(none).not.toHaveProperty('issuer');
    expect(none).not.toHaveProperty('buildSignerUri');
  });

  it('a certificate without a SAN extension has no SAN and no signer taken from it', () => {
    // 2.5.29.17 (subjectAltName) renamed to 2.5.29.18 (issuerAltName), which is not read.
    const der = Buffer.from(leafDer(GH_BUNDLE));
    const at = der.indexOf(Buffer.from([0x06, 0x03, 0x55, 0x1d, 0x11]));
    expect(at).toBeGreaterThan(0);
    der[at + 4] = 0x12;
    const id = identity(der);
    expect(Object.keys(id)).not.toContain('subjectAlternativeName');
    expect(Object.keys(id)).not.toContain('subjectAlternativeNameType');
    expect(id.issuer).toBe(GH_ISSUER);
    const noSigner = identity(without(der, 9));
    expect(Object.keys(noSigner)).not.toContain('buildSignerUri');
    expect(noSigner.issuer).toBe(GH_ISSUER);
  });

  it('a SAN that is not an https URL is not taken as the signer workflow', () => {
    const http = replaced(
      without(leafDer(GH_BUNDLE), 9),
      'https://github.com/actions/attest-build-provenance/.github',
      'httpx://github.com/actions/attest-build-provenance/.github',
    );
    const id = identity(http);
    expect(id.subjectAlternativeName).toBe(
      'httpx://github.com/actions/attest-build-provenance/.github/workflows/prober.yml@refs/heads/main',
    );
    expect(Object.keys(id)).not.toContain('buildSignerUri');
  });

  it('absent extensions leave no keys behind', () => {
    const id = identity(without(leafDer(GH_BUNDLE), 10, 11, 15, 16, 17, 18, 19, 21, 22));
    for (const k of [
      'buildSignerDigest',
      'runnerEnvironment',
      'sourceRepositoryIdentifier',
      'sourceRepositoryOwnerUri',
      'sourceRepositoryOwnerIdentifier',
      'buildConfigUri',
      'buildConfigDigest',
      'runInvocationUri',
      'sourceRepositoryVisibility',
    ])
      expect(Object.keys(id)).not.toContain(k);
  });
});
