/**
 * parseTrustedRoot's refusals: not an object, not a trusted root, and any key or authority without a
 * validity start (which must never widen trust to "always"); and the shipped roots' instances.
 */
import { PUBLIC_GOOD_TRUSTED_ROOT } from '../trust/public-good-trusted-root.js';
import { allRoots, embeddedTrustedRoots, githubTrustedRoot, parseTrustedRoot, publicGoodTrustedRoot } from './trusted-root.js';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- fixtures are edited freely
const copy = (): Obj => structuredClone(PUBLIC_GOOD_TRUSTED_ROOT) as Obj;
const refusal = (json: unknown): string => {
  try {
    parseTrustedRoot(json, 'root.json');
  } catch (e: unknown) {
    expect((e as { location?: unknown }).location).toStrictEqual({ file: 'root.json' });
    return (e as Error).message;
  }
  return 'accepted';
};

describe('parseTrustedRoot', () => {
  it('reads the shipped public-good root, keeping the source given', () => {
    const r = parseTrustedRoot(copy(), 'root.json');
    expect(r.source).toBe('root.json');
    expect(r.root.tlogs.length).toBeGreaterThan(0);
    expect(r).not.toHaveProperty('instance');
  });

  it('refuses what is not an object or not a trusted root', () => {
    expect(refusal(null)).toBe('a trusted root must be a JSON object');
    expect(refusal('x')).toBe('a trusted root must be a JSON object');
    expect(refusal([copy()])).toBe('a trusted root must be a JSON object');
    expect(refusal({})).toBe('not a Sigstore trusted root (mediaType undefined)');
    expect(refusal({ ...copy(), mediaType: 'application/json' })).toBe('not a Sigstore trusted root (mediaType "application/json")');
    expect(refusal({ ...copy(), mediaType: 1 })).toBe('not a Sigstore trusted root (mediaType 1)');
    expect(refusal({ ...copy(), mediaType: 'x-application/vnd.dev.sigstore.trustedroot+json' })).toMatch(/^not a Sigstore trusted root/);
  });

  it('refuses every log key and authority without a validity start, naming each', () => {
    const j = copy();
    delete j.tlogs[0].publicKey.validFor;
    j.ctlogs[0].publicKey.validFor = { end: '2030-01-01T00:00:00Z' };
    delete j.certificateAuthorities[1].validFor.start;
    j.timestampAuthorities[0].validFor.start = 5;
    expect(refusal(j)).toBe(
      'the trusted root is malformed: tlogs[0].publicKey, ctlogs[0].publicKey, certificateAuthorities[1], timestampAuthorities[0] have no validFor.start',
    );
    const one = copy();
    delete one.ctlogs[0].publicKey;
    expect(refusal(one)).toBe('the trusted root is malformed: ctlogs[0].publicKey has no validFor.start');
    const ca = copy();
    delete ca.certificateAuthorities[0].validFor;
    expect(refusal(ca)).toBe('the trusted root is malformed: certificateAuthorities[0] has no validFor.start');
  });

  it('lists that are absent or not lists have nothing to check', () => {
    const j = copy();
    delete j.ctlogs;
    j.timestampAuthorities = {};
    expect(refusal(j)).toBe('accepted');
  });

  it('a root the protobuf reader refuses is a configuration error too', () => {
    const j = copy();
    j.tlogs[0].publicKey.rawBytes = { not: 'bytes' };
    expect(refusal(j)).toMatch(/^the trusted root cannot be read: /);
  });
});

describe('the shipped roots', () => {
  it('public-good and GitHub, each its instance; the default set has both, public-good first', () => {
    expect(publicGoodTrustedRoot().instance).toBe('public-good');
    const gh = githubTrustedRoot(new Date('2100-01-01T00:00:00Z'));
    expect(gh.instance).toBe('github');
    expect(gh.source).toMatch(/old$/);
    const set = embeddedTrustedRoots();
    expect(allRoots(set).map((r) => r.instance)).toEqual(['public-good', 'github']);
    expect(set.source).toBe(`${publicGoodTrustedRoot().source}; ${githubTrustedRoot().source}`);
    expect(allRoots(publicGoodTrustedRoot())).toHaveLength(1);
  });
});
