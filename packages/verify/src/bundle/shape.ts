/**
 * The shape of a bundle, checked before any library reads it, so a missing or mistyped field is
 * reported by its path ("verificationMaterial.tlogEntries[0].inclusionProof.checkpoint is missing")
 * instead of surfacing as a JavaScript error. Only the fields the verifier reads are checked; the
 * schema checks of @sigstore/bundle run after this.
 */
import type { FailureCode } from './verifier.js';

type Obj = Record<string, unknown>;
/** Protobuf JSON writes an absent field as null too. */
const absent = (v: unknown): v is null | undefined => v === undefined || v === null;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface ShapeProblem {
  code: FailureCode;
  reason: string;
}

function problem(code: FailureCode, path: string, what: string): ShapeProblem {
  return { code, reason: `the bundle's ${path} ${what}` };
}

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function checkString(v: unknown, path: string, opts: { base64?: boolean; required?: boolean } = {}): ShapeProblem | undefined {
  if (absent(v)) return opts.required === false ? undefined : problem('MALFORMED', path, 'is missing');
  if (typeof v !== 'string') return problem('MALFORMED', path, `must be a string, not ${kind(v)}`);
  if (opts.base64 && !BASE64.test(v.replace(/\s+/g, ''))) return problem('MALFORMED', path, 'is not base64');
  return undefined;
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function checkTlogEntry(e: unknown, path: string): ShapeProblem | undefined {
  if (!isObj(e)) return problem('TRANSPARENCY_LOG', path, `must be an object, not ${kind(e)}`);
  for (const f of ['logIndex', 'integratedTime'] as const) {
    const v = e[f];
    if (!absent(v) && typeof v !== 'string' && typeof v !== 'number')
      return problem('TRANSPARENCY_LOG', `${path}.${f}`, `must be a number, not ${kind(v)}`);
    if (typeof v === 'string' && !/^-?[0-9]+$/.test(v)) return problem('TRANSPARENCY_LOG', `${path}.${f}`, 'is not an integer');
  }
  if (!isObj(e.logId)) return problem('TRANSPARENCY_LOG', `${path}.logId`, absent(e.logId) ? 'is missing' : 'must be an object');
  const keyId = checkString(e.logId.keyId, `${path}.logId.keyId`, { base64: true });
  if (keyId) return { ...keyId, code: 'TRANSPARENCY_LOG' };
  if (!isObj(e.kindVersion))
    return problem('TRANSPARENCY_LOG', `${path}.kindVersion`, absent(e.kindVersion) ? 'is missing' : 'must be an object');
  for (const f of ['kind', 'version'] as const) {
    const bad = checkString(e.kindVersion[f], `${path}.kindVersion.${f}`);
    if (bad) return { ...bad, code: 'TRANSPARENCY_LOG' };
  }
  const body = checkString(e.canonicalizedBody, `${path}.canonicalizedBody`, { base64: true });
  if (body) return { ...body, code: 'TRANSPARENCY_LOG' };
  if (!absent(e.inclusionPromise)) {
    if (!isObj(e.inclusionPromise)) return problem('TRANSPARENCY_LOG', `${path}.inclusionPromise`, 'must be an object');
    const set = checkString(e.inclusionPromise.signedEntryTimestamp, `${path}.inclusionPromise.signedEntryTimestamp`, { base64: true });
    if (set) return { ...set, code: 'TRANSPARENCY_LOG' };
  }
  if (!absent(e.inclusionProof)) {
    const p = e.inclusionProof;
    const pp = `${path}.inclusionProof`;
    if (!isObj(p)) return problem('TRANSPARENCY_LOG', pp, 'must be an object');
    // Protobuf JSON omits an empty list: no hashes is a proof for a tree of one leaf.
    if (!absent(p.hashes) && !Array.isArray(p.hashes)) return problem('TRANSPARENCY_LOG', `${pp}.hashes`, 'must be a list');
    for (const [i, h] of (Array.isArray(p.hashes) ? p.hashes : []).entries()) {
      const bad = checkString(h, `${pp}.hashes[${i}]`, { base64: true });
      if (bad) return { ...bad, code: 'TRANSPARENCY_LOG' };
    }
    const root = checkString(p.rootHash, `${pp}.rootHash`, { base64: true });
    if (root) return { ...root, code: 'TRANSPARENCY_LOG' };
    if (!isObj(p.checkpoint))
      return problem(
        'TRANSPARENCY_LOG',
        `${pp}.checkpoint`,
        absent(p.checkpoint) ? 'is missing (an inclusion proof needs the signed checkpoint)' : 'must be an object',
      );
    const env = checkString(p.checkpoint.envelope, `${pp}.checkpoint.envelope`);
    if (env) return { ...env, code: 'TRANSPARENCY_LOG' };
  }
  return undefined;
}

/** The first shape problem of a bundle JSON, or undefined when the fields the verifier reads are well-formed. */
export function shapeProblem(json: Obj): ShapeProblem | undefined {
  const vm = json.verificationMaterial;
  if (!isObj(vm)) return problem('MALFORMED', 'verificationMaterial', absent(vm) ? 'is missing' : `must be an object, not ${kind(vm)}`);
  const keyFields = ['certificate', 'x509CertificateChain', 'publicKey'].filter((f) => !absent(vm[f]));
  if (keyFields.length === 0)
    return problem('MALFORMED', 'verificationMaterial', 'names no signer: it needs a certificate, an x509CertificateChain or a publicKey');
  if (keyFields.length > 1) return problem('MALFORMED', 'verificationMaterial', `has more than one signer (${keyFields.join(', ')})`);
  if (!absent(vm.certificate)) {
    if (!isObj(vm.certificate)) return problem('MALFORMED', 'verificationMaterial.certificate', 'must be an object');
    const raw = checkString(vm.certificate.rawBytes, 'verificationMaterial.certificate.rawBytes', { base64: true });
    if (raw) return raw;
  }
  if (!absent(vm.x509CertificateChain)) {
    const chain = vm.x509CertificateChain;
    if (!isObj(chain) || !Array.isArray(chain.certificates) || chain.certificates.length === 0)
      return problem('MALFORMED', 'verificationMaterial.x509CertificateChain.certificates', 'must be a non-empty list');
    for (const [i, c] of chain.certificates.entries()) {
      if (!isObj(c)) return problem('MALFORMED', `verificationMaterial.x509CertificateChain.certificates[${i}]`, 'must be an object');
      const raw = checkString(c.rawBytes, `verificationMaterial.x509CertificateChain.certificates[${i}].rawBytes`, { base64: true });
      if (raw) return raw;
    }
  }
  if (!absent(vm.publicKey)) {
    if (!isObj(vm.publicKey)) return problem('MALFORMED', 'verificationMaterial.publicKey', 'must be an object');
    const hint = checkString(vm.publicKey.hint, 'verificationMaterial.publicKey.hint', { required: false });
    if (hint) return hint;
  }
  if (!absent(vm.tlogEntries)) {
    if (!Array.isArray(vm.tlogEntries)) return problem('TRANSPARENCY_LOG', 'verificationMaterial.tlogEntries', 'must be a list');
    for (const [i, e] of vm.tlogEntries.entries()) {
      const bad = checkTlogEntry(e, `verificationMaterial.tlogEntries[${i}]`);
      if (bad) return bad;
    }
  }
  const tvd = vm.timestampVerificationData;
  if (!absent(tvd)) {
    if (!isObj(tvd)) return problem('TIMESTAMP', 'verificationMaterial.timestampVerificationData', 'must be an object');
    const list = tvd.rfc3161Timestamps;
    if (!absent(list)) {
      if (!Array.isArray(list))
        return problem('TIMESTAMP', 'verificationMaterial.timestampVerificationData.rfc3161Timestamps', 'must be a list');
      for (const [i, t] of list.entries()) {
        const p = `verificationMaterial.timestampVerificationData.rfc3161Timestamps[${i}]`;
        if (!isObj(t)) return problem('TIMESTAMP', p, 'must be an object');
        const bad = checkString(t.signedTimestamp, `${p}.signedTimestamp`, { base64: true });
        if (bad) return { ...bad, code: 'TIMESTAMP' };
      }
    }
  }
  const dsse = json.dsseEnvelope;
  const msg = json.messageSignature;
  if (absent(dsse) && absent(msg)) return problem('MALFORMED', 'content', 'is missing: a bundle has a dsseEnvelope or a messageSignature');
  if (!absent(dsse) && !absent(msg)) return problem('MALFORMED', 'content', 'has both a dsseEnvelope and a messageSignature');
  if (!absent(dsse)) {
    if (!isObj(dsse)) return problem('MALFORMED', 'dsseEnvelope', `must be an object, not ${kind(dsse)}`);
    const payload = checkString(dsse.payload, 'dsseEnvelope.payload', { base64: true });
    if (payload) return payload;
    const pt = checkString(dsse.payloadType, 'dsseEnvelope.payloadType');
    if (pt) return pt;
    if (!Array.isArray(dsse.signatures) || dsse.signatures.length === 0)
      return problem('MALFORMED', 'dsseEnvelope.signatures', absent(dsse.signatures) ? 'is missing' : 'must be a non-empty list');
    if (dsse.signatures.length > 1)
      return problem('MALFORMED', 'dsseEnvelope.signatures', 'has more than one signature (a bundle carries exactly one)');
    for (const [i, s] of dsse.signatures.entries()) {
      if (!isObj(s)) return problem('MALFORMED', `dsseEnvelope.signatures[${i}]`, 'must be an object');
      const sig = checkString(s.sig, `dsseEnvelope.signatures[${i}].sig`, { base64: true });
      if (sig) return sig;
    }
  } else {
    if (!isObj(msg)) return problem('MALFORMED', 'messageSignature', `must be an object, not ${kind(msg)}`);
    const sig = checkString(msg.signature, 'messageSignature.signature', { base64: true });
    if (sig) return sig;
    if (!absent(msg.messageDigest)) {
      if (!isObj(msg.messageDigest)) return problem('MALFORMED', 'messageSignature.messageDigest', 'must be an object');
      const alg = msg.messageDigest.algorithm;
      if (!absent(alg) && typeof alg !== 'string' && typeof alg !== 'number')
        return problem('MALFORMED', 'messageSignature.messageDigest.algorithm', `must be a hash algorithm name, not ${kind(alg)}`);
      const d = checkString(msg.messageDigest.digest, 'messageSignature.messageDigest.digest', { base64: true });
      if (d) return d;
    }
  }
  return undefined;
}
