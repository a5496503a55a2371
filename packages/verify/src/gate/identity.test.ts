/**
 * Which signer may vouch for the chain: every refusal of matchBuilder with its exact reason, the pinned
 * ref rule at its edges, and the run key that binds statements to one run (issue 20, mutation testing).
 */
import { builderOf, describeRun, isPinnedRef, matchBuilder, runKeyOf, short } from './identity.js';
import type { EvidenceSigner } from './types.js';

const WF = 'factory/sf/.github/workflows/sf.yml';
const SHA = '0123456789abcdef0123456789abcdef01234567';
const cert = (buildSignerUri?: string, more: Record<string, string> = {}): EvidenceSigner => ({
  kind: 'certificate',
  identity: { ...(buildSignerUri !== undefined ? { buildSignerUri } : {}), ...more },
});

describe('builderOf', () => {
  it('names a key by its id, a workflow without the github.com prefix, anything else as it is', () => {
    expect(builderOf({ kind: 'key', keyId: 'sha256:ab' })).toBe('key:sha256:ab');
    expect(builderOf(cert(`https://github.com/${WF}@refs/tags/v1`))).toBe(`${WF}@refs/tags/v1`);
    expect(builderOf(cert(`https://ghes.example/${WF}@refs/tags/v1`))).toBe(`https://ghes.example/${WF}@refs/tags/v1`);
    expect(builderOf(cert())).toBeUndefined();
    expect(builderOf(cert(''))).toBeUndefined();
  });
});

describe('isPinnedRef', () => {
  it('a tag or a full lowercase commit SHA, nothing else', () => {
    expect(isPinnedRef('refs/tags/v1')).toBe(true);
    expect(isPinnedRef('refs/tags/')).toBe(true);
    expect(isPinnedRef(SHA)).toBe(true);
    for (const ref of [
      'refs/heads/main',
      'main',
      '',
      SHA.slice(1),
      `${SHA}0`,
      SHA.toUpperCase(),
      `x${SHA.slice(1)}`,
      `${SHA.slice(0, 39)}g`,
      'x/refs/tags/v1',
      'refs/tag/v1',
    ])
      expect(isPinnedRef(ref)).toBe(false);
    expect(isPinnedRef(`${SHA}\n`)).toBe(false);
  });
});

describe('matchBuilder', () => {
  it('accepts the workflow at a tag or SHA, with or without the URL prefix on either side', () => {
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/tags/v1.2.0`), WF)).toEqual({ ok: true, builder: `${WF}@refs/tags/v1.2.0` });
    expect(matchBuilder(cert(`https://github.com/${WF}@${SHA}`), `https://github.com/${WF}`)).toEqual({
      ok: true,
      builder: `${WF}@${SHA}`,
    });
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/tags/v1.2.0`), `${WF}@refs/tags/v1.*`)).toEqual({
      ok: true,
      builder: `${WF}@refs/tags/v1.2.0`,
    });
    // The ref glob is matched against the actual ref; a glob that admits a branch still needs a pinned ref.
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/heads/main`), `${WF}@*`)).toEqual({
      ok: false,
      reason: `the builder ${WF}@refs/heads/main runs from "refs/heads/main", not a tag or a commit SHA`,
    });
  });

  it('refuses a certificate without a build signer, and any signer when no builder is configured', () => {
    expect(matchBuilder(cert(undefined, { subjectAlternativeName: 'x' }), WF)).toEqual({
      ok: false,
      reason: 'the certificate names no build signer (not a GitHub Actions workflow identity)',
    });
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/tags/v1`), undefined)).toEqual({
      ok: false,
      reason: `signed by ${WF}@refs/tags/v1, but no builder identity is configured`,
    });
    expect(matchBuilder({ kind: 'key', keyId: 'k' }, undefined)).toEqual({
      ok: false,
      reason: 'signed by key:k, but no builder identity is configured',
    });
  });

  it('refuses another workflow path, a ref outside the glob, a branch, and no ref at all', () => {
    expect(matchBuilder(cert(`https://github.com/evil/sf/.github/workflows/sf.yml@refs/tags/v1`), WF)).toEqual({
      ok: false,
      reason: `signed by evil/sf/.github/workflows/sf.yml@refs/tags/v1, expected ${WF}`,
    });
    // A path that only starts or ends like the expected one is another path.
    expect(matchBuilder(cert(`https://github.com/${WF}x@refs/tags/v1`), WF).ok).toBe(false);
    expect(matchBuilder(cert(`https://github.com/x${WF}@refs/tags/v1`), WF).ok).toBe(false);
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/tags/v2.0.0`), `${WF}@refs/tags/v1.*`)).toEqual({
      ok: false,
      reason: `signed by ${WF}@refs/tags/v2.0.0, expected ref refs/tags/v1.*`,
    });
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/heads/main`), WF)).toEqual({
      ok: false,
      reason: `the builder ${WF}@refs/heads/main runs from "refs/heads/main", not a tag or a commit SHA`,
    });
    expect(matchBuilder(cert(`https://github.com/${WF}`), WF)).toEqual({
      ok: false,
      reason: `the builder ${WF} runs from "(no ref)", not a tag or a commit SHA`,
    });
    expect(matchBuilder(cert(`https://github.com/${WF}@`), WF)).toMatchObject({ ok: false, reason: expect.stringContaining('"(no ref)"') });
    // The last @ separates the ref: a path with an @ in it is compared whole.
    expect(matchBuilder(cert(`https://github.com/${WF}@evil@refs/tags/v1`), WF).ok).toBe(false);
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/tags/v1`), `${WF}@refs/tags/v1`).ok).toBe(true);
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/tags/v1`), `${WF}@refs/tags/v10`).ok).toBe(false);
  });

  it('keys: the verified key fingerprint, with or without sha256:, any case; never a workflow for a key or a key for a workflow', () => {
    expect(matchBuilder({ kind: 'key', keyId: 'sha256:ABCD' }, 'key:abcd')).toEqual({ ok: true, builder: 'key:sha256:ABCD' });
    expect(matchBuilder({ kind: 'key', keyId: 'abcd' }, 'key:sha256:ABCD')).toEqual({ ok: true, builder: 'key:abcd' });
    expect(matchBuilder({ kind: 'key', keyId: 'abcd' }, 'KEY:SHA256:abcd')).toEqual({ ok: true, builder: 'key:abcd' });
    expect(matchBuilder({ kind: 'key', keyId: 'abcd' }, 'key:abce')).toEqual({
      ok: false,
      reason: 'signed by key:abcd, expected key:abce',
    });
    expect(matchBuilder({ kind: 'key', keyId: 'abcd' }, 'key:abc')).toMatchObject({ ok: false });
    expect(matchBuilder({ kind: 'key', keyId: 'abcd' }, WF)).toEqual({ ok: false, reason: `signed by key:abcd, expected ${WF}` });
    expect(matchBuilder(cert(`https://github.com/${WF}@refs/tags/v1`), 'key:abcd')).toEqual({
      ok: false,
      reason: `signed by ${WF}@refs/tags/v1, expected key:abcd`,
    });
    // Only a leading key:sha256: is folded.
    expect(matchBuilder({ kind: 'key', keyId: 'x-key:sha256:ab' }, 'key:x-key:ab').ok).toBe(false);
  });
});

describe('runs', () => {
  it('the run key: run URI, commit and builder for a certificate; the key for a key', () => {
    const c = cert(`https://github.com/${WF}@refs/tags/v1`, {
      runInvocationUri: 'https://github.com/acme/app/actions/runs/5/attempts/2',
      sourceRepositoryDigest: SHA,
    });
    expect(runKeyOf({ signer: c })).toBe(
      `https://github.com/acme/app/actions/runs/5/attempts/2 ${SHA} https://github.com/${WF}@refs/tags/v1`,
    );
    expect(runKeyOf({ signer: cert() })).toBe('(no run) (no commit) (no builder)');
    expect(runKeyOf({ signer: { kind: 'key', keyId: 'k1' } })).toBe('key:k1');
    // Two attempts of one run are two runs.
    const again = cert(`https://github.com/${WF}@refs/tags/v1`, {
      runInvocationUri: 'https://github.com/acme/app/actions/runs/5/attempts/3',
      sourceRepositoryDigest: SHA,
    });
    expect(runKeyOf({ signer: again })).not.toBe(runKeyOf({ signer: c }));
  });

  it('describes a run for people', () => {
    const run = (uri?: string, commit?: string): string =>
      describeRun({
        signer: cert(undefined, { ...(uri ? { runInvocationUri: uri } : {}), ...(commit ? { sourceRepositoryDigest: commit } : {}) }),
      });
    expect(run('https://github.com/acme/app/actions/runs/8812/attempts/1', SHA)).toBe('run 8812 attempt 1, commit 0123…4567');
    expect(run('https://github.com/acme/app/actions/runs/8812', SHA)).toBe('run 8812, commit 0123…4567');
    expect(run('https://github.com/acme/app/actions/runs/x', undefined)).toBe('no run id, no commit');
    expect(run(undefined, 'abc')).toBe('no run id, commit abc');
    expect(describeRun({ signer: { kind: 'key', keyId: `sha256:${SHA}` } })).toBe('key 0123…4567');
    expect(describeRun({ signer: { kind: 'key', keyId: 'short' } })).toBe('key short');
    expect(describeRun({ signer: { kind: 'key', keyId: 'x-sha256:ab' } })).toBe('key x-sha256:ab');
    expect(run('https://github.com/acme/app/actions/runs/12/attempts/10', 'abc')).toBe('run 12 attempt 10, commit abc');
    expect(short('0123456789ab')).toBe('0123456789ab');
    expect(short('0123456789abc')).toBe('0123…9abc');
  });
});
