/**
 * A one-key TUF repository (ed25519) whose only target is `trusted_root.json`, signed here with
 * @tufjs/models the way a TUF repository is: root, targets, snapshot and timestamp. The tests lay the
 * signed files out as a mirror serves them or as @sigstore/tuf caches them.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { canonicalize } from '@tufjs/canonical-json';
import { Metadata, MetadataKind, Signature } from '@tufjs/models';

export interface SignedTufRepository {
  root: Buffer;
  timestamp: Buffer;
  snapshot: Buffer;
  targets: Buffer;
  /** The target as served (with a byte too many when `corruptTarget`). */
  target: Buffer;
}

export function signTufRepository(target: Buffer, options: { expires?: Date; corruptTarget?: boolean } = {}): SignedTufRepository {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'jwk' }).x as string;
  const keyJson = { keytype: 'ed25519', scheme: 'ed25519', keyval: { public: Buffer.from(raw, 'base64url').toString('hex') } };
  const keyID = createHash('sha256').update(canonicalize(keyJson)).digest('hex');
  const expires = (options.expires ?? new Date(Date.now() + 7 * 86_400_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const signer = (k: KeyObject) => (data: Buffer) => new Signature({ keyID, sig: sign(null, data, k).toString('hex') });
  const common = { spec_version: '1.0.31', version: 1, expires };
  const role = { keyids: [keyID], threshold: 1 };
  const sha256 = createHash('sha256').update(target).digest('hex');
  const metadata = [
    Metadata.fromJSON(MetadataKind.Root, {
      signed: {
        _type: 'root',
        ...common,
        keys: { [keyID]: keyJson },
        roles: { root: role, targets: role, snapshot: role, timestamp: role },
        consistent_snapshot: false,
      },
      signatures: [],
    }),
    Metadata.fromJSON(MetadataKind.Targets, {
      signed: { _type: 'targets', ...common, targets: { 'trusted_root.json': { length: target.length, hashes: { sha256 } } } },
      signatures: [],
    }),
    Metadata.fromJSON(MetadataKind.Snapshot, {
      signed: { _type: 'snapshot', ...common, meta: { 'targets.json': { version: 1 } } },
      signatures: [],
    }),
    Metadata.fromJSON(MetadataKind.Timestamp, {
      signed: { _type: 'timestamp', ...common, meta: { 'snapshot.json': { version: 1 } } },
      signatures: [],
    }),
  ] as const;
  for (const m of metadata) m.sign(signer(privateKey));
  const [root, targets, snapshot, timestamp] = metadata.map((m) => Buffer.from(JSON.stringify(m.toJSON()))) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];
  return { root, timestamp, snapshot, targets, target: options.corruptTarget ? Buffer.concat([target, Buffer.from(' ')]) : target };
}
