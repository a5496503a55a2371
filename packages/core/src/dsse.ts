/**
 * DSSE (Dead Simple Signing Envelope) v1: the pre-authentication encoding that is actually signed,
 * and the envelope's JSON form. See github.com/secure-systems-lab/dsse protocol.md.
 */
export interface DsseSignature {
  keyid?: string;
  sig: string; // base64
}

export interface DsseEnvelope {
  payload: string; // base64
  payloadType: string;
  signatures: DsseSignature[];
}

/** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal bytes. */
export function preAuthEncoding(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const header = Buffer.from(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `, 'utf8');
  return Buffer.concat([header, payload]);
}

export function envelopeFor(payloadType: string, payload: Uint8Array, signatures: DsseSignature[] = []): DsseEnvelope {
  return { payload: Buffer.from(payload).toString('base64'), payloadType, signatures };
}

export function decodePayload(env: DsseEnvelope): Buffer {
  return Buffer.from(env.payload, 'base64');
}
