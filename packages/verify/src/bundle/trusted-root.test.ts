import { PUBLIC_GOOD_TRUSTED_ROOT } from '../trust/public-good-trusted-root.js';
import { parseTrustedRoot, publicGoodTrustedRoot } from './trusted-root.js';

describe('trusted roots', () => {
  it('ships the public-good root (Fulcio CAs, Rekor logs, CT logs, a TSA), used offline', () => {
    const { root, source } = publicGoodTrustedRoot();
    expect(source).toMatch(/@sigstore\/tuf@.*not TUF-verified/);
    expect(root.certificateAuthorities.length).toBeGreaterThanOrEqual(2);
    expect(root.tlogs.map((t) => t.baseUrl)).toContain('https://rekor.sigstore.dev');
    expect(root.ctlogs.length).toBeGreaterThanOrEqual(1);
  });
  it('refuses a key whose validity has no start (it must not mean "always")', () => {
    const copy = structuredClone(PUBLIC_GOOD_TRUSTED_ROOT) as { tlogs: { publicKey: { validFor?: unknown } }[] };
    const first = copy.tlogs[0];
    if (first) delete first.publicKey.validFor;
    expect(() => parseTrustedRoot(copy, 'root.json')).toThrow(/tlogs\[0\]\.publicKey has no validFor\.start/);
  });
  it('refuses something that is not a trusted root', () => {
    expect(() => parseTrustedRoot({ mediaType: 'application/json' }, 'x.json')).toThrow(/not a Sigstore trusted root/);
    expect(() => parseTrustedRoot([], 'x.json')).toThrow(/JSON object/);
  });
});
