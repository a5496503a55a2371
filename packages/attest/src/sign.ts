/**
 * One signing pipeline per run: a signer (Fulcio keyless, or a key) and its witnesses (Rekor, TSA),
 * built once and reused for every statement. Network calls retry with exponential backoff on 5xx,
 * 408, 429 and timeouts (bounded); a failure names the service that failed.
 */
import { ConfigurationError, InfrastructureError, IN_TOTO_PAYLOAD_TYPE, isSecureFactoryError } from '@secure-factory/core';
import { bundleToJSON, type Bundle, type SerializedBundle } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  InternalError,
  MessageSignatureBundleBuilder,
  RekorWitness,
  TSAWitness,
  type Witness,
} from '@sigstore/sign';
import type { IdentityProvider } from './identity.js';
import type { KeySigner } from './key-signer.js';
import type { SigstoreServices } from './services.js';

export type SignerKind = 'keyless' | 'key' | 'ephemeral';

/** Bounded retries: 3 more attempts, 0.5 s → 1 s → 2 s (capped at 4 s). */
export interface RetryOptions {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
}
export const RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 4000 };
export const TIMEOUT_MS = 15_000;

export interface PipelineOptions {
  kind: SignerKind;
  services: SigstoreServices;
  /** keyless only */
  identity?: IdentityProvider;
  /** key and ephemeral */
  keySigner?: KeySigner;
  /** Use the Rekor named in `services` (false when policy keeps this repository off a public log). */
  useRekor: boolean;
  /** Rekor v1 entry type for DSSE bundles. `intoto` keeps the envelope in the log; `dsse` only its hashes. */
  rekorEntryType?: 'intoto' | 'dsse';
  retry?: RetryOptions | number;
  timeoutMs?: number;
}

export interface SigningPipeline {
  kind: SignerKind;
  services: { fulcio?: string | undefined; rekor?: string | undefined; tsa?: string | undefined };
  /** A DSSE bundle (v0.3) over an in-toto statement's exact bytes. */
  signStatement(payload: Buffer, payloadType?: string): Promise<SerializedBundle>;
  /** A message-signature bundle over an artefact's bytes (for sign-bundle without --in-toto). */
  signArtifact(data: Buffer): Promise<SerializedBundle>;
}

export function createSigningPipeline(options: PipelineOptions): SigningPipeline {
  const retry = options.retry ?? RETRY;
  const timeout = options.timeoutMs ?? TIMEOUT_MS;
  const s = options.services;
  const witnesses: Witness[] = [];
  const used: SigningPipeline['services'] = {};
  const rekor = options.useRekor ? s.rekorUrl : undefined;
  if (rekor) {
    used.rekor = rekor;
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: rekor,
        majorApiVersion: s.rekorMajorVersion,
        entryType: options.rekorEntryType ?? 'intoto',
        fetchOnConflict: true,
        retry,
        timeout: s.rekorMajorVersion >= 2 ? Math.max(timeout, 20_000) : timeout,
      }),
    );
  }
  if (s.tsaUrl) {
    used.tsa = s.tsaUrl;
    witnesses.push(new TSAWitness({ tsaBaseURL: s.tsaUrl, retry, timeout }));
  }
  let signer;
  if (options.kind === 'keyless') {
    if (!options.identity) throw new ConfigurationError('keyless signing needs an OIDC identity token');
    if (witnesses.length === 0) {
      throw new ConfigurationError(
        'keyless signing needs a transparency log or a timestamp authority to prove when the short-lived certificate was used',
        {
          hint: 'give a tsa-url (or a signing config with tsaUrls), or allow the transparency log in the policy (attest.public-transparency-log)',
        },
      );
    }
    used.fulcio = s.fulcioUrl;
    signer = new FulcioSigner({ identityProvider: options.identity, fulcioBaseURL: s.fulcioUrl, retry, timeout });
  } else {
    if (!options.keySigner) throw new ConfigurationError(`signer "${options.kind}" needs a private key`);
    signer = options.keySigner;
  }
  const wrap = async (what: () => Promise<Bundle>): Promise<SerializedBundle> => {
    try {
      return bundleToJSON(await what());
    } catch (e: unknown) {
      throw serviceError(e, used);
    }
  };
  return {
    kind: options.kind,
    services: used,
    signStatement: (payload, payloadType = IN_TOTO_PAYLOAD_TYPE) =>
      wrap(() => new DSSEBundleBuilder({ signer, witnesses }).create({ data: payload, type: payloadType })),
    signArtifact: (data) => {
      // A message signature is checked through the hash its digest names; Ed25519 signs the message itself,
      // so no Sigstore verifier (ours, cosign, sigstore-js) could check the bundle: refuse to make it.
      if (options.keySigner?.algorithm === 'ed25519') {
        return Promise.reject(
          new ConfigurationError('an Ed25519 key cannot make a Sigstore message signature', {
            hint: 'sign an in-toto statement with it (DSSE), or use an ECDSA P-256 key',
          }),
        );
      }
      return wrap(() => new MessageSignatureBundleBuilder({ signer, witnesses }).create({ data }));
    },
  };
}

/** Names the service behind a sigstore-js error, and whether the user (a bad token) or the service failed. */
export function serviceError(e: unknown, services: SigningPipeline['services']): Error {
  if (!(e instanceof InternalError)) return e instanceof Error ? e : new Error(String(e));
  // Our own identity provider's errors (no token, bad runtime URL) come back wrapped: unwrap them.
  if (isSecureFactoryError(e.cause)) return e.cause;
  const detail = e.cause instanceof Error ? e.cause.message : e.message;
  const status = /^\((\d{3})\)/.exec(detail)?.[1];
  switch (e.code) {
    case 'CA_CREATE_SIGNING_CERTIFICATE_ERROR':
      if (status && Number(status) >= 400 && Number(status) < 500 && status !== '408' && status !== '429') {
        return new ConfigurationError(`Fulcio (${services.fulcio}) refused to issue a signing certificate: ${detail}`, {
          cause: e,
          hint: 'check the OIDC token: audience "sigstore", not expired, from an issuer this Fulcio trusts',
        });
      }
      return new InfrastructureError(`Fulcio (${services.fulcio}) failed to issue a signing certificate: ${detail}`, { cause: e });
    case 'TLOG_CREATE_ENTRY_ERROR':
    case 'TLOG_FETCH_ENTRY_ERROR':
      return new InfrastructureError(`Rekor (${services.rekor}) failed to record the signature: ${detail}`, { cause: e });
    case 'TSA_CREATE_TIMESTAMP_ERROR':
      return new InfrastructureError(`the timestamp authority (${services.tsa}) failed to timestamp the signature: ${detail}`, {
        cause: e,
      });
    case 'IDENTITY_TOKEN_READ_ERROR':
      return new InfrastructureError(`cannot read the OIDC identity token: ${detail}`, { cause: e });
    case 'IDENTITY_TOKEN_PARSE_ERROR':
      return new ConfigurationError(`the OIDC identity token is not valid: ${detail}`, { cause: e });
  }
  return new InfrastructureError(detail, { cause: e });
}
