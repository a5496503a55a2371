/**
 * Key-based signers: a PEM private key (ECDSA P-256 or Ed25519) from a file or a secret, or an
 * ephemeral P-256 key made for one local run. The bundle carries a public-key hint (the SHA-256 of the
 * DER SubjectPublicKeyInfo, hex) instead of a certificate; verifiers supply the key themselves.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ConfigurationError } from '@secure-factory/core';
import type { Signature, Signer } from '@sigstore/sign';

export interface KeySigner extends Signer {
  publicKeyPem: string;
  hint: string;
  algorithm: 'ecdsa-p256-sha256' | 'ed25519';
}

export function publicKeyHint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
}

export function signerFromPrivateKey(pem: string, source = 'the private key'): KeySigner {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (e: unknown) {
    throw new ConfigurationError(`${source} is not a readable PEM private key (unencrypted PKCS#8, SEC1 or PKCS#1)`, {
      cause: e,
      hint: 'make one with `openssl genpkey -algorithm ed25519` or `openssl ecparam -name prime256v1 -genkey -noout`',
    });
  }
  let algorithm: KeySigner['algorithm'];
  if (key.asymmetricKeyType === 'ed25519') algorithm = 'ed25519';
  else if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') algorithm = 'ecdsa-p256-sha256';
  else {
    throw new ConfigurationError(
      `${source} is ${key.asymmetricKeyType ?? 'unknown'}${key.asymmetricKeyDetails?.namedCurve ? ` (${key.asymmetricKeyDetails.namedCurve})` : ''}; only ECDSA P-256 and Ed25519 are supported`,
    );
  }
  const publicKey = createPublicKey(key);
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const hint = publicKeyHint(publicKey);
  return {
    publicKeyPem,
    hint,
    algorithm,
    sign: (data: Buffer): Promise<Signature> =>
      Promise.resolve({
        signature: sign(algorithm === 'ed25519' ? null : 'sha256', data, key),
        key: { $case: 'publicKey', publicKey: publicKeyPem, hint },
      }),
  };
}

/** A fresh P-256 key that lives only in this process; its public half is what verifiers get. */
export function ephemeralSigner(): KeySigner {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return signerFromPrivateKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), 'the ephemeral key');
}
