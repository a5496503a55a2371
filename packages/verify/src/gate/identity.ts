/**
 * Which signer may vouch for the chain. The builder is the factory's reusable workflow, named by the
 * certificate's Build Signer URI; it must be pinned by a tag or a commit SHA, never a branch, so a
 * push to a branch of the factory cannot produce admissible evidence.
 */
import { identityGlobMatch } from '@secure-factory/core';
import type { Evidence, EvidenceSigner } from './types.js';

const GITHUB = 'https://github.com/';
const SHA = /^[0-9a-f]{40}$/;

/** `https://github.com/o/r/.github/workflows/x.yml@refs/tags/v1` → `o/r/.github/workflows/x.yml@refs/tags/v1`. */
export function builderOf(signer: EvidenceSigner): string | undefined {
  if (signer.kind === 'key') return `key:${signer.keyId}`;
  const uri = signer.identity.buildSignerUri;
  if (!uri) return undefined;
  return uri.startsWith(GITHUB) ? uri.slice(GITHUB.length) : uri;
}

/** Whether a workflow ref is pinned: a tag (`refs/tags/...`) or a full commit SHA. */
export function isPinnedRef(ref: string): boolean {
  return ref.startsWith('refs/tags/') || SHA.test(ref);
}

/** Glob with `*` (any run of characters, including `/`); everything else literal. */
export function globMatch(pattern: string, value: string): boolean {
  return identityGlobMatch(pattern, value);
}

export type BuilderMatch = { ok: true; builder: string } | { ok: false; reason: string };

/**
 * Matches a signer against the expected builder: `owner/repo/.github/workflows/x.yml` (any pinned
 * ref), `...x.yml@refs/tags/v1*` (a glob on the ref), or `key:HEX` / `key:sha256:HEX` (sha256 of the
 * key's SPKI) for key-signed evidence.
 */
export function matchBuilder(signer: EvidenceSigner, expected: string | undefined): BuilderMatch {
  const actual = builderOf(signer);
  if (!actual) return { ok: false, reason: 'the certificate names no build signer (not a GitHub Actions workflow identity)' };
  if (expected === undefined) {
    return { ok: false, reason: `signed by ${actual}, but no builder identity is configured` };
  }
  const want = expected.startsWith(GITHUB) ? expected.slice(GITHUB.length) : expected;
  if (signer.kind === 'key' || want.startsWith('key:')) {
    // The key id is the fingerprint of the key that verified the signature (never the bundle's unsigned hint).
    const norm = (k: string): string => k.replace(/^key:sha256:/i, 'key:').toLowerCase();
    return norm(actual) === norm(want) ? { ok: true, builder: actual } : { ok: false, reason: `signed by ${actual}, expected ${want}` };
  }
  const at = actual.lastIndexOf('@');
  const path = at < 0 ? actual : actual.slice(0, at);
  const ref = at < 0 ? '' : actual.slice(at + 1);
  const wantAt = want.lastIndexOf('@');
  const wantPath = wantAt < 0 ? want : want.slice(0, wantAt);
  const wantRef = wantAt < 0 ? undefined : want.slice(wantAt + 1);
  if (path !== wantPath) return { ok: false, reason: `signed by ${actual}, expected ${want}` };
  if (wantRef !== undefined && !globMatch(wantRef, ref)) return { ok: false, reason: `signed by ${actual}, expected ref ${wantRef}` };
  if (!isPinnedRef(ref)) {
    return { ok: false, reason: `the builder ${actual} runs from "${ref || '(no ref)'}", not a tag or a commit SHA` };
  }
  return { ok: true, builder: actual };
}

/** The run a bundle was signed in: run URI + commit + builder for keyless, the key itself for a key signer. */
export function runKeyOf(e: Pick<Evidence, 'signer'>): string {
  if (e.signer.kind === 'key') return `key:${e.signer.keyId}`;
  const id = e.signer.identity;
  return `${id.runInvocationUri ?? '(no run)'} ${id.sourceRepositoryDigest ?? '(no commit)'} ${id.buildSignerUri ?? '(no builder)'}`;
}

/** `run 8812 attempt 1, commit 4be1…9a0` for people. */
export function describeRun(e: Pick<Evidence, 'signer'>): string {
  if (e.signer.kind === 'key') return `key ${short(e.signer.keyId.replace(/^sha256:/, ''))}`;
  const id = e.signer.identity;
  const m = /\/runs\/([0-9]+)(?:\/attempts\/([0-9]+))?/.exec(id.runInvocationUri ?? '');
  const run = m ? `run ${m[1]}${m[2] ? ` attempt ${m[2]}` : ''}` : 'no run id';
  const commit = id.sourceRepositoryDigest ? `commit ${short(id.sourceRepositoryDigest)}` : 'no commit';
  return `${run}, ${commit}`;
}

export function short(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 4)}…${hex.slice(-4)}` : hex;
}
