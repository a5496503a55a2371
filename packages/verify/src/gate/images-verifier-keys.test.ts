/**
 * The base-image signature check (`imageSignatureVerifier`) on bundles signed here with a real key
 * (the attest package's key signer, no transparency log, as a `key` trust entry is verified: by the key
 * alone) and on GitHub's real build provenance: what a key entry admits and names as the signer, an
 * image's bytes against a message signature, a statement demanded where the bundle signs a message, a
 * trust entry naming both a key and an identity (the policy schema allows one; the check still admits
 * neither kind of signature through the other's door), and the trust roots the caller gives.
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createSigningPipeline, signerFromPrivateKey, type KeySigner } from '@secure-factory/attest';
import { makeStatement, PREDICATE, sha256Hex } from '@secure-factory/core';
import { publicGoodTrustedRoot } from '../bundle/trusted-root.js';
import { imageSignatureVerifier } from './images.js';
import { GH, GH_IMAGE_DIGEST as GH_DIGEST, GH_SAN as SAN } from './__tests__/fixtures.js';

const REGISTRY = 'ghcr.io';

const IMAGE = Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}');
const IMAGE_SHA256 = sha256Hex(IMAGE);

function keySigner(kind: 'ec' | 'ed25519'): KeySigner {
  const { privateKey } = kind === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return signerFromPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

/** Signs with the key alone: no Fulcio, no Rekor, no TSA (nothing is contacted). */
const pipeline = (key: KeySigner) =>
  createSigningPipeline({
    kind: 'key',
    services: { fulcioUrl: 'http://127.0.0.1:9', rekorMajorVersion: 1 },
    keySigner: key,
    useRekor: false,
  });

const fingerprint = (pem: string): string => `sha256:${sha256Hex(createPublicKey(pem).export({ format: 'der', type: 'spki' }))}`;

describe('imageSignatureVerifier with a key trust entry', () => {
  const ec = keySigner('ec');
  const ed = keySigner('ed25519');
  let statementBundle: unknown;
  let messageBundle: unknown;

  beforeAll(async () => {
    const statement = makeStatement([{ name: 'ghcr.io/acme/base', digest: { sha256: IMAGE_SHA256 } }], PREDICATE.cyclonedx, {
      bomFormat: 'CycloneDX',
    });
    statementBundle = await pipeline(ec).signStatement(Buffer.from(JSON.stringify(statement)));
    messageBundle = await pipeline(ec).signArtifact(IMAGE);
  });

  it("admits a statement signed by the entry's key and names the key's fingerprint as the signer", () => {
    const verify = imageSignatureVerifier();
    expect(
      verify(statementBundle, { kind: 'digest', sha256: IMAGE_SHA256 }, true, { registry: REGISTRY, keyPem: ec.publicKeyPem }),
    ).toEqual({
      ok: true,
      signer: fingerprint(ec.publicKeyPem),
    });
  });

  it('another key, another digest: refused', () => {
    const verify = imageSignatureVerifier();
    const other = verify(statementBundle, { kind: 'digest', sha256: IMAGE_SHA256 }, true, { registry: REGISTRY, keyPem: ed.publicKeyPem });
    expect(other.ok).toBe(false);
    expect(!other.ok && other.reason).toMatch(/^SIGNATURE: /);
    const digest = verify(statementBundle, { kind: 'digest', sha256: 'c'.repeat(64) }, true, {
      registry: REGISTRY,
      keyPem: ec.publicKeyPem,
    });
    expect(digest.ok).toBe(false);
    expect(!digest.ok && digest.reason).toMatch(/^ARTIFACT_MISMATCH: /);
  });

  it("checks a message signature over the image's own bytes", () => {
    const verify = imageSignatureVerifier();
    const trust = { registry: REGISTRY, keyPem: ec.publicKeyPem };
    expect(verify(messageBundle, { kind: 'bytes', data: IMAGE }, false, trust)).toEqual({ ok: true, signer: fingerprint(ec.publicKeyPem) });
    const tampered = verify(messageBundle, { kind: 'bytes', data: Buffer.concat([IMAGE, Buffer.from(' ')]) }, false, trust);
    expect(tampered.ok).toBe(false);
  });

  it('refuses a message signature where a signed statement is demanded', () => {
    const verify = imageSignatureVerifier();
    expect(verify(messageBundle, { kind: 'bytes', data: IMAGE }, true, { registry: REGISTRY, keyPem: ec.publicKeyPem })).toEqual({
      ok: false,
      reason: 'UNSUPPORTED: the bundle signs a message, not an in-toto statement',
    });
  });

  it('an entry naming both a key and an identity admits neither a key signature nor a certificate', () => {
    const verify = imageSignatureVerifier();
    const both = { registry: REGISTRY, keyPem: ec.publicKeyPem, identity: SAN };
    expect(verify(statementBundle, { kind: 'digest', sha256: IMAGE_SHA256 }, true, both)).toEqual({
      ok: false,
      reason: 'signed with a key, the policy trusts an identity',
    });
    expect(verify(GH, GH_DIGEST, true, both)).toEqual({ ok: false, reason: 'signed with a certificate, the policy trusts a key' });
  });
});

describe('imageSignatureVerifier with an identity trust entry', () => {
  it('verifies against the trust roots it is given, not the shipped ones', () => {
    // GitHub's provenance is certified by GitHub's Fulcio: the public-good root alone does not know its CA.
    const publicGoodOnly = imageSignatureVerifier({ trustedRoot: publicGoodTrustedRoot() });
    const v = publicGoodOnly(GH, GH_DIGEST, true, { registry: REGISTRY, identity: SAN });
    expect(v.ok).toBe(false);
    expect(!v.ok && v.reason).toMatch(/^CERTIFICATE: the signing certificate was issued by .*GitHub/);
    expect(imageSignatureVerifier()(GH, GH_DIGEST, true, { registry: REGISTRY, identity: SAN })).toEqual({ ok: true, signer: SAN });
  });

  it("an exact identity is compared by the bundle verifier, whose refusal names the expected and the certificate's SAN", () => {
    const verify = imageSignatureVerifier();
    expect(verify(GH, GH_DIGEST, true, { registry: REGISTRY, identity: `${SAN}x` })).toEqual({
      ok: false,
      reason: `IDENTITY: certificate identity (SAN): expected ${JSON.stringify(`${SAN}x`)}, the certificate has ${JSON.stringify(SAN)}`,
    });
  });
});
