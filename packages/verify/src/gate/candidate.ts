/** A bundle as found, before verification: where it came from, its digest, and the digests it names. */
import { IN_TOTO_PAYLOAD_TYPE, sha256Hex, subjectDigests, type Statement } from '@secure-factory/core';

export interface CandidateBundle {
  origin: string;
  /** sha256 hex of the bundle's canonical bytes (the file's bytes; the API's JSON re-serialised). */
  bundleDigest: string;
  bundle: unknown;
  /** Digests named by the statement inside, read before verification (used only to index). */
  subjects: Set<string>;
}

/**
 * The keys a statement is indexed by: its sha256 subjects as bare hex (the gate's subject key), and
 * subjects named by sha512 only (npm provenance) as `sha512:HEX`.
 */
export function indexDigests(statement: Statement): Set<string> {
  const out = subjectDigests(statement);
  for (const s of statement.subject) {
    const d = (s as { digest?: Record<string, unknown> } | null)?.digest;
    if (d && typeof d.sha512 === 'string' && typeof d.sha256 !== 'string') out.add(`sha512:${d.sha512.toLowerCase()}`);
  }
  return out;
}

/** Digests named by a bundle's DSSE payload, without verifying anything (an index, not a trust decision). */
export function peekSubjects(bundle: unknown): Set<string> {
  const env = (bundle as { dsseEnvelope?: { payload?: unknown; payloadType?: unknown } } | null)?.dsseEnvelope;
  if (!env || typeof env.payload !== 'string' || env.payloadType !== IN_TOTO_PAYLOAD_TYPE) return new Set();
  try {
    const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString('utf8')) as Statement;
    if (!Array.isArray(statement.subject)) return new Set();
    return indexDigests(statement);
  } catch {
    return new Set();
  }
}

/** Why a parsed JSON value is not a Sigstore bundle at all (before any verification), or undefined. */
export function notABundle(bundle: unknown): string | undefined {
  if (bundle === null || typeof bundle !== 'object' || Array.isArray(bundle)) return 'the JSON is not an object';
  const b = bundle as { mediaType?: unknown; dsseEnvelope?: unknown; messageSignature?: unknown };
  // Every bundle version's media type starts so: …bundle+json;version=0.1 / 0.2, …bundle.v0.3+json.
  if (typeof b.mediaType !== 'string' || !b.mediaType.startsWith('application/vnd.dev.sigstore.bundle')) {
    return 'no Sigstore bundle mediaType';
  }
  const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(b.dsseEnvelope) && !isObject(b.messageSignature)) return 'neither a dsseEnvelope nor a messageSignature';
  return undefined;
}

/**
 * Parses a bundle found in the evidence folder, a registry or the API. Throws SyntaxError when the bytes are
 * not JSON and an Error when the JSON is not a Sigstore bundle (so it is listed as unreadable, not as a
 * bundle that names other digests).
 */
export function candidateFromJson(origin: string, bytes: Buffer | string): CandidateBundle {
  const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
  const bundle = JSON.parse(text) as unknown;
  const problem = notABundle(bundle);
  if (problem !== undefined) throw new Error(problem);
  return { origin, bundleDigest: sha256Hex(text), bundle, subjects: peekSubjects(bundle) };
}
