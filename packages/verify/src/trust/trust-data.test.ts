/**
 * The shipped trust data: each trusted root in TypeScript is exactly its JSON copy (the one
 * refresh-seed and people read), parses as a trusted root, and GitHub's TUF root is signed by a
 * threshold of its own root keys (what TUF checks before trusting it as the first root).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Metadata, MetadataKind } from '@tufjs/models';
import { parseTrustedRoot } from '../bundle/trusted-root.js';
import { GITHUB_TRUSTED_ROOT, GITHUB_TRUSTED_ROOT_SNAPSHOT_DATE, GITHUB_TRUSTED_ROOT_SOURCE } from './github-trusted-root.js';
import { GITHUB_TUF_MIRROR, GITHUB_TUF_ROOT } from './github-tuf-root.js';
import { PUBLIC_GOOD_TRUSTED_ROOT, PUBLIC_GOOD_TRUSTED_ROOT_SOURCE } from './public-good-trusted-root.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const json = (name: string): unknown => JSON.parse(readFileSync(path.join(HERE, name), 'utf8'));

describe('shipped trusted roots', () => {
  it('the public-good root is its JSON copy, and reads as a trusted root', () => {
    expect(PUBLIC_GOOD_TRUSTED_ROOT).toStrictEqual(json('public-good-trusted-root.json'));
    expect(parseTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT, 'pg').root.tlogs.map((t) => t.baseUrl)).toContain('https://rekor.sigstore.dev');
    expect(PUBLIC_GOOD_TRUSTED_ROOT_SOURCE).toMatch(/not TUF-verified/);
  });

  it("GitHub's root is its JSON copy: Fulcio and a TSA, no log", () => {
    expect(GITHUB_TRUSTED_ROOT).toStrictEqual(json('github-trusted-root.json'));
    const { root } = parseTrustedRoot(GITHUB_TRUSTED_ROOT, 'gh');
    expect(root.tlogs).toHaveLength(0);
    expect(root.ctlogs).toHaveLength(0);
    expect(root.timestampAuthorities.length).toBeGreaterThan(0);
    expect(GITHUB_TRUSTED_ROOT_SOURCE).toMatch(/snapshot of 2025-12-20, not TUF-verified/);
    expect(GITHUB_TRUSTED_ROOT_SNAPSHOT_DATE).toBe('2025-12-20T00:00:00Z');
  });
});

describe("GitHub's TUF root", () => {
  it('is signed by a threshold of its own root keys', () => {
    const root = Metadata.fromJSON(MetadataKind.Root, GITHUB_TUF_ROOT as Parameters<typeof Metadata.fromJSON>[1]);
    expect(() => root.verifyDelegate('root', root)).not.toThrow();
    const altered = structuredClone(GITHUB_TUF_ROOT) as { signed: { expires: string } };
    altered.signed.expires = '2099-01-01T00:00:00Z';
    const forged = Metadata.fromJSON(MetadataKind.Root, altered);
    expect(() => root.verifyDelegate('root', forged)).toThrow();
    expect(GITHUB_TUF_MIRROR).toBe('https://tuf-repo.github.com');
  });
});
