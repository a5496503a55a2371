/**
 * The shape check that runs before any library reads a bundle: real bundles pass it, and each field the
 * verifier reads, removed or given the wrong shape, is refused with its code and its path.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shapeProblem } from './shape.js';

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'test', 'verify', 'corpus');
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test fixtures are edited freely
const load = (rel: string): Obj => JSON.parse(readFileSync(path.join(CORPUS, rel), 'utf8')) as Obj;

/** DSSE, certificate, a Rekor entry with promise and proof. */
const DSSE = 'sigstore-js/bundleV03-dsse.sigstore.json';
/** Message signature, certificate, a Rekor entry, two RFC 3161 timestamps. */
const MSG = 'sigstore-python/tsa-bundle.txt.sigstore';
/** DSSE, public key. */
const KEYED = 'sigstore-go/bundle-publish.json';
/** DSSE, an x509CertificateChain. */
const CHAIN = 'sigstore-js/bundleV01-full-cert-chain.sigstore.json';

function edited(rel: string, edit: (b: Obj) => void): Obj {
  const b = load(rel);
  edit(b);
  return b;
}
const vm = (b: Obj): Obj => b.verificationMaterial as Obj;
const entry = (b: Obj): Obj => vm(b).tlogEntries[0] as Obj;
const proof = (b: Obj): Obj => entry(b).inclusionProof as Obj;

describe('shapeProblem: well-formed bundles', () => {
  it.each([
    DSSE,
    MSG,
    KEYED,
    CHAIN,
    'sigstore-js/bundleV01-dsse-no-proof.sigstore.json',
    'sigstore-python/bundle_v3.txt.sigstore',
    'sigstore-python/staging-rekor-v2.txt.sigstore.json',
    'github-attestations/actions-attest-build-provenance-attestation-13531551.sigstore.json',
    'sigstore-rs/bundle_v03.json',
  ])('%s has no shape problem', (rel) => {
    expect(shapeProblem(load(rel))).toBeUndefined();
  });

  it('accepts what protobuf JSON writers vary: null for absent, numbers for int64, no hashes, wrapped base64', () => {
    expect(
      shapeProblem(
        edited(DSSE, (b) => {
          vm(b).publicKey = null;
          vm(b).x509CertificateChain = null;
          vm(b).timestampVerificationData = null;
          b.messageSignature = null;
          entry(b).logIndex = 27246114;
          entry(b).integratedTime = '-1';
          delete proof(b).hashes;
          vm(b).certificate.rawBytes =
            `${(vm(b).certificate.rawBytes as string).slice(0, 40)}\n ${(vm(b).certificate.rawBytes as string).slice(40)}`;
          b.dsseEnvelope.signatures[0].sig = 'AB-_+/==';
        }),
      ),
    ).toBeUndefined();
    expect(
      shapeProblem(
        edited(DSSE, (b) => {
          delete entry(b).inclusionPromise;
          delete entry(b).inclusionProof;
          delete entry(b).logIndex;
          delete entry(b).integratedTime;
          vm(b).tlogEntries.push(structuredClone(vm(b).tlogEntries[0]));
        }),
      ),
    ).toBeUndefined();
    expect(shapeProblem(edited(DSSE, (b) => delete vm(b).tlogEntries))).toBeUndefined();
    expect(shapeProblem(edited(DSSE, (b) => (vm(b).timestampVerificationData = {})))).toBeUndefined();
    expect(shapeProblem(edited(MSG, (b) => delete b.messageSignature.messageDigest))).toBeUndefined();
    expect(shapeProblem(edited(MSG, (b) => delete b.messageSignature.messageDigest.algorithm))).toBeUndefined();
    expect(shapeProblem(edited(MSG, (b) => (b.messageSignature.messageDigest.algorithm = 1)))).toBeUndefined();
    expect(shapeProblem(edited(KEYED, (b) => delete vm(b).publicKey.hint))).toBeUndefined();
  });
});

type Case = [string, string, (b: Obj) => void, string, string];
const CASES: Case[] = [
  // The signer.
  ['no verificationMaterial', DSSE, (b) => delete b.verificationMaterial, 'MALFORMED', 'verificationMaterial is missing'],
  ['null verificationMaterial', DSSE, (b) => (b.verificationMaterial = null), 'MALFORMED', 'verificationMaterial is missing'],
  ['a list', DSSE, (b) => (b.verificationMaterial = []), 'MALFORMED', 'verificationMaterial must be an object, not a list'],
  ['a string', DSSE, (b) => (b.verificationMaterial = 'x'), 'MALFORMED', 'verificationMaterial must be an object, not a string'],
  ['a number', DSSE, (b) => (b.verificationMaterial = 3), 'MALFORMED', 'verificationMaterial must be an object, not a number'],
  [
    'no signer',
    DSSE,
    (b) => (vm(b).certificate = null),
    'MALFORMED',
    'verificationMaterial names no signer: it needs a certificate, an x509CertificateChain or a publicKey',
  ],
  [
    'two signers',
    DSSE,
    (b) => (vm(b).publicKey = { hint: 'x' }),
    'MALFORMED',
    'verificationMaterial has more than one signer (certificate, publicKey)',
  ],
  [
    'three signers',
    CHAIN,
    (b) => Object.assign(vm(b), { certificate: {}, publicKey: {} }),
    'MALFORMED',
    'verificationMaterial has more than one signer (certificate, x509CertificateChain, publicKey)',
  ],
  ['certificate a string', DSSE, (b) => (vm(b).certificate = 'MIIC'), 'MALFORMED', 'verificationMaterial.certificate must be an object'],
  ['certificate a list', DSSE, (b) => (vm(b).certificate = []), 'MALFORMED', 'verificationMaterial.certificate must be an object'],
  ['no rawBytes', DSSE, (b) => delete vm(b).certificate.rawBytes, 'MALFORMED', 'verificationMaterial.certificate.rawBytes is missing'],
  [
    'rawBytes a number',
    DSSE,
    (b) => (vm(b).certificate.rawBytes = 5),
    'MALFORMED',
    'verificationMaterial.certificate.rawBytes must be a string, not a number',
  ],
  [
    'rawBytes an object',
    DSSE,
    (b) => (vm(b).certificate.rawBytes = {}),
    'MALFORMED',
    'verificationMaterial.certificate.rawBytes must be a string, not an object',
  ],
  [
    'rawBytes a list',
    DSSE,
    (b) => (vm(b).certificate.rawBytes = []),
    'MALFORMED',
    'verificationMaterial.certificate.rawBytes must be a string, not a list',
  ],
  [
    'rawBytes not base64',
    DSSE,
    (b) => (vm(b).certificate.rawBytes = 'MII*C'),
    'MALFORMED',
    'verificationMaterial.certificate.rawBytes is not base64',
  ],
  [
    'rawBytes with 3 pad',
    DSSE,
    (b) => (vm(b).certificate.rawBytes = 'MIIC==='),
    'MALFORMED',
    'verificationMaterial.certificate.rawBytes is not base64',
  ],
  [
    'rawBytes pad inside',
    DSSE,
    (b) => (vm(b).certificate.rawBytes = 'MI=IC'),
    'MALFORMED',
    'verificationMaterial.certificate.rawBytes is not base64',
  ],
  [
    'chain not an object',
    CHAIN,
    (b) => (vm(b).x509CertificateChain = 'x'),
    'MALFORMED',
    'verificationMaterial.x509CertificateChain.certificates must be a non-empty list',
  ],
  [
    'chain without a list',
    CHAIN,
    (b) => (vm(b).x509CertificateChain.certificates = {}),
    'MALFORMED',
    'verificationMaterial.x509CertificateChain.certificates must be a non-empty list',
  ],
  [
    'chain empty',
    CHAIN,
    (b) => (vm(b).x509CertificateChain.certificates = []),
    'MALFORMED',
    'verificationMaterial.x509CertificateChain.certificates must be a non-empty list',
  ],
  [
    'chain entry not an object',
    CHAIN,
    (b) => (vm(b).x509CertificateChain.certificates[1] = 'MIIC'),
    'MALFORMED',
    'verificationMaterial.x509CertificateChain.certificates[1] must be an object',
  ],
  [
    'chain entry without rawBytes',
    CHAIN,
    (b) => delete vm(b).x509CertificateChain.certificates[1].rawBytes,
    'MALFORMED',
    'verificationMaterial.x509CertificateChain.certificates[1].rawBytes is missing',
  ],
  [
    'chain entry rawBytes not base64',
    CHAIN,
    (b) => (vm(b).x509CertificateChain.certificates[0].rawBytes = '%%'),
    'MALFORMED',
    'verificationMaterial.x509CertificateChain.certificates[0].rawBytes is not base64',
  ],
  ['publicKey a string', KEYED, (b) => (vm(b).publicKey = 'x'), 'MALFORMED', 'verificationMaterial.publicKey must be an object'],
  [
    'publicKey hint a number',
    KEYED,
    (b) => (vm(b).publicKey.hint = 1),
    'MALFORMED',
    'verificationMaterial.publicKey.hint must be a string, not a number',
  ],
  ['a keyed bundle is checked past its key', KEYED, (b) => delete b.dsseEnvelope.payload, 'MALFORMED', 'dsseEnvelope.payload is missing'],
  // The transparency log.
  ['tlogEntries an object', DSSE, (b) => (vm(b).tlogEntries = {}), 'TRANSPARENCY_LOG', 'verificationMaterial.tlogEntries must be a list'],
  [
    'an entry null',
    DSSE,
    (b) => vm(b).tlogEntries.push(null),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[1] must be an object, not null',
  ],
  [
    'an entry a list',
    DSSE,
    (b) => (vm(b).tlogEntries[0] = []),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0] must be an object, not a list',
  ],
  [
    'logIndex a boolean',
    DSSE,
    (b) => (entry(b).logIndex = true),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].logIndex must be a number, not a boolean',
  ],
  [
    'logIndex not an integer',
    DSSE,
    (b) => (entry(b).logIndex = '12a'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].logIndex is not an integer',
  ],
  [
    'logIndex a prefix',
    DSSE,
    (b) => (entry(b).logIndex = 'a12'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].logIndex is not an integer',
  ],
  [
    'logIndex empty',
    DSSE,
    (b) => (entry(b).logIndex = ''),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].logIndex is not an integer',
  ],
  [
    'logIndex a decimal',
    DSSE,
    (b) => (entry(b).logIndex = '1.5'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].logIndex is not an integer',
  ],
  [
    'integratedTime an object',
    DSSE,
    (b) => (entry(b).integratedTime = {}),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].integratedTime must be a number, not an object',
  ],
  [
    'integratedTime not an integer',
    DSSE,
    (b) => (entry(b).integratedTime = '1e9'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].integratedTime is not an integer',
  ],
  ['no logId', DSSE, (b) => delete entry(b).logId, 'TRANSPARENCY_LOG', 'verificationMaterial.tlogEntries[0].logId is missing'],
  [
    'logId a string',
    DSSE,
    (b) => (entry(b).logId = 'x'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].logId must be an object',
  ],
  ['no keyId', DSSE, (b) => delete entry(b).logId.keyId, 'TRANSPARENCY_LOG', 'verificationMaterial.tlogEntries[0].logId.keyId is missing'],
  [
    'keyId not base64',
    DSSE,
    (b) => (entry(b).logId.keyId = 'a b!'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].logId.keyId is not base64',
  ],
  [
    'no kindVersion',
    DSSE,
    (b) => delete entry(b).kindVersion,
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].kindVersion is missing',
  ],
  [
    'kindVersion a list',
    DSSE,
    (b) => (entry(b).kindVersion = []),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].kindVersion must be an object',
  ],
  [
    'no kind',
    DSSE,
    (b) => delete entry(b).kindVersion.kind,
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].kindVersion.kind is missing',
  ],
  [
    'version a number',
    DSSE,
    (b) => (entry(b).kindVersion.version = 1),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].kindVersion.version must be a string, not a number',
  ],
  [
    'no body',
    DSSE,
    (b) => delete entry(b).canonicalizedBody,
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].canonicalizedBody is missing',
  ],
  [
    'body not base64',
    DSSE,
    (b) => (entry(b).canonicalizedBody = '{"a":1}'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].canonicalizedBody is not base64',
  ],
  [
    'promise a string',
    DSSE,
    (b) => (entry(b).inclusionPromise = 'x'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionPromise must be an object',
  ],
  [
    'promise without SET',
    DSSE,
    (b) => (entry(b).inclusionPromise = {}),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp is missing',
  ],
  [
    'SET not base64',
    DSSE,
    (b) => (entry(b).inclusionPromise.signedEntryTimestamp = 'M E?'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp is not base64',
  ],
  [
    'proof a list',
    DSSE,
    (b) => (entry(b).inclusionProof = []),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof must be an object',
  ],
  [
    'hashes an object',
    DSSE,
    (b) => (proof(b).hashes = {}),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.hashes must be a list',
  ],
  [
    'a hash a number',
    DSSE,
    (b) => (proof(b).hashes[2] = 7),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.hashes[2] must be a string, not a number',
  ],
  [
    'a hash not base64',
    DSSE,
    (b) => (proof(b).hashes[0] = '#'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.hashes[0] is not base64',
  ],
  [
    'no rootHash',
    DSSE,
    (b) => delete proof(b).rootHash,
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.rootHash is missing',
  ],
  [
    'rootHash not base64',
    DSSE,
    (b) => (proof(b).rootHash = '%%'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.rootHash is not base64',
  ],
  [
    'no checkpoint',
    DSSE,
    (b) => delete proof(b).checkpoint,
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.checkpoint is missing (an inclusion proof needs the signed checkpoint)',
  ],
  [
    'checkpoint a string',
    DSSE,
    (b) => (proof(b).checkpoint = 'rekor'),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.checkpoint must be an object',
  ],
  [
    'no envelope',
    DSSE,
    (b) => (proof(b).checkpoint = {}),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.checkpoint.envelope is missing',
  ],
  [
    'envelope a number',
    DSSE,
    (b) => (proof(b).checkpoint.envelope = 1),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[0].inclusionProof.checkpoint.envelope must be a string, not a number',
  ],
  [
    'second entry broken',
    DSSE,
    (b) => vm(b).tlogEntries.push({ ...entry(b), logId: {} }),
    'TRANSPARENCY_LOG',
    'verificationMaterial.tlogEntries[1].logId.keyId is missing',
  ],
  // Timestamps.
  [
    'timestamp data a list',
    MSG,
    (b) => (vm(b).timestampVerificationData = []),
    'TIMESTAMP',
    'verificationMaterial.timestampVerificationData must be an object',
  ],
  [
    'timestamps an object',
    MSG,
    (b) => (vm(b).timestampVerificationData.rfc3161Timestamps = {}),
    'TIMESTAMP',
    'verificationMaterial.timestampVerificationData.rfc3161Timestamps must be a list',
  ],
  [
    'a timestamp a string',
    MSG,
    (b) => (vm(b).timestampVerificationData.rfc3161Timestamps[1] = 'MII'),
    'TIMESTAMP',
    'verificationMaterial.timestampVerificationData.rfc3161Timestamps[1] must be an object',
  ],
  [
    'a timestamp without signedTimestamp',
    MSG,
    (b) => (vm(b).timestampVerificationData.rfc3161Timestamps[0] = {}),
    'TIMESTAMP',
    'verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp is missing',
  ],
  [
    'a signedTimestamp not base64',
    MSG,
    (b) => (vm(b).timestampVerificationData.rfc3161Timestamps[1].signedTimestamp = '!'),
    'TIMESTAMP',
    'verificationMaterial.timestampVerificationData.rfc3161Timestamps[1].signedTimestamp is not base64',
  ],
  // The content.
  ['no content', DSSE, (b) => delete b.dsseEnvelope, 'MALFORMED', 'content is missing: a bundle has a dsseEnvelope or a messageSignature'],
  [
    'both contents',
    DSSE,
    (b) => (b.messageSignature = { signature: 'AA==' }),
    'MALFORMED',
    'content has both a dsseEnvelope and a messageSignature',
  ],
  ['dsse a list', DSSE, (b) => (b.dsseEnvelope = []), 'MALFORMED', 'dsseEnvelope must be an object, not a list'],
  ['no payload', DSSE, (b) => delete b.dsseEnvelope.payload, 'MALFORMED', 'dsseEnvelope.payload is missing'],
  ['payload not base64', DSSE, (b) => (b.dsseEnvelope.payload = '{"_type":1}'), 'MALFORMED', 'dsseEnvelope.payload is not base64'],
  ['no payloadType', DSSE, (b) => delete b.dsseEnvelope.payloadType, 'MALFORMED', 'dsseEnvelope.payloadType is missing'],
  [
    'payloadType a list',
    DSSE,
    (b) => (b.dsseEnvelope.payloadType = []),
    'MALFORMED',
    'dsseEnvelope.payloadType must be a string, not a list',
  ],
  ['no signatures', DSSE, (b) => delete b.dsseEnvelope.signatures, 'MALFORMED', 'dsseEnvelope.signatures is missing'],
  ['signatures an object', DSSE, (b) => (b.dsseEnvelope.signatures = {}), 'MALFORMED', 'dsseEnvelope.signatures must be a non-empty list'],
  ['signatures empty', DSSE, (b) => (b.dsseEnvelope.signatures = []), 'MALFORMED', 'dsseEnvelope.signatures must be a non-empty list'],
  [
    'two signatures',
    DSSE,
    (b) => b.dsseEnvelope.signatures.push(b.dsseEnvelope.signatures[0]),
    'MALFORMED',
    'dsseEnvelope.signatures has more than one signature (a bundle carries exactly one)',
  ],
  ['signature a string', DSSE, (b) => (b.dsseEnvelope.signatures = ['MEY']), 'MALFORMED', 'dsseEnvelope.signatures[0] must be an object'],
  ['no sig', DSSE, (b) => delete b.dsseEnvelope.signatures[0].sig, 'MALFORMED', 'dsseEnvelope.signatures[0].sig is missing'],
  ['sig not base64', DSSE, (b) => (b.dsseEnvelope.signatures[0].sig = 'ME.Y'), 'MALFORMED', 'dsseEnvelope.signatures[0].sig is not base64'],
  ['message a string', MSG, (b) => (b.messageSignature = 'x'), 'MALFORMED', 'messageSignature must be an object, not a string'],
  ['no signature', MSG, (b) => delete b.messageSignature.signature, 'MALFORMED', 'messageSignature.signature is missing'],
  ['signature not base64', MSG, (b) => (b.messageSignature.signature = 'a\u0000'), 'MALFORMED', 'messageSignature.signature is not base64'],
  ['digest a list', MSG, (b) => (b.messageSignature.messageDigest = []), 'MALFORMED', 'messageSignature.messageDigest must be an object'],
  [
    'algorithm an object',
    MSG,
    (b) => (b.messageSignature.messageDigest.algorithm = {}),
    'MALFORMED',
    'messageSignature.messageDigest.algorithm must be a hash algorithm name, not an object',
  ],
  [
    'algorithm a boolean',
    MSG,
    (b) => (b.messageSignature.messageDigest.algorithm = false),
    'MALFORMED',
    'messageSignature.messageDigest.algorithm must be a hash algorithm name, not a boolean',
  ],
  [
    'no digest',
    MSG,
    (b) => delete b.messageSignature.messageDigest.digest,
    'MALFORMED',
    'messageSignature.messageDigest.digest is missing',
  ],
  [
    'digest not base64',
    MSG,
    (b) => (b.messageSignature.messageDigest.digest = 'ab:cd'),
    'MALFORMED',
    'messageSignature.messageDigest.digest is not base64',
  ],
];

describe('shapeProblem: each wrong field, by code and path', () => {
  it.each(CASES)('%s', (_name, rel, edit, code, reason) => {
    expect(shapeProblem(edited(rel, edit))).toStrictEqual({ code, reason: `the bundle's ${reason}` });
  });
});
