import { codeownersPattern, identityGlobMatch, pathPattern, policyGlobMatch } from './glob.js';

// Cases written from GitHub's CODEOWNERS documentation ("Example of a CODEOWNERS file").
describe('codeownersPattern', () => {
  const m = (p: string, path: string): boolean => codeownersPattern(p).test(path);
  it('a pattern without a slash matches at any depth', () => {
    expect(m('*.js', 'a.js')).toBe(true);
    expect(m('*.js', 'src/deep/a.js')).toBe(true);
    expect(m('*.js', 'a.ts')).toBe(false);
  });
  it('a leading slash anchors at the root', () => {
    expect(m('/build/logs/', 'build/logs/x.log')).toBe(true);
    expect(m('/build/logs/', 'src/build/logs/x.log')).toBe(false);
  });
  it('a trailing slash owns the directory contents at any depth', () => {
    expect(m('apps/', 'apps/x')).toBe(true);
    expect(m('apps/', 'apps/a/b/c')).toBe(true);
    expect(m('apps/', 'apps')).toBe(false);
  });
  it('`docs/*` matches files directly in docs, not in its subdirectories', () => {
    expect(m('docs/*', 'docs/getting-started.md')).toBe(true);
    expect(m('docs/*', 'docs/build-app/troubleshooting.md')).toBe(false);
  });
  it('`**/logs` matches a logs directory anywhere', () => {
    expect(m('**/logs', 'build/logs/x')).toBe(true);
    expect(m('**/logs', 'logs/x')).toBe(true);
    expect(m('**/logs', 'catalogs/x')).toBe(false);
  });
  it('a crafted many-star line stays fast', () => {
    const t = Date.now();
    expect(m(`${'*a'.repeat(12)}b`, 'a'.repeat(60))).toBe(false);
    expect(Date.now() - t).toBeLessThan(1000);
  });
});

describe('pathPattern', () => {
  it('is anchored, `*` stays in a segment, `**` crosses, and a directory covers its contents', () => {
    expect(pathPattern('examples/**').test('examples/a/b.yml')).toBe(true);
    expect(pathPattern('./examples/*.yml').test('examples/a.yml')).toBe(true);
    expect(pathPattern('examples/*.yml').test('examples/a/b.yml')).toBe(false);
    expect(pathPattern('examples').test('examples/a/b.yml')).toBe(true);
    expect(pathPattern('examples').test('src/examples/a.yml')).toBe(false);
  });
});

describe('policy and identity globs', () => {
  it('policy globs ignore case and `?` is one character', () => {
    expect(policyGlobMatch('actions/*', 'Actions/checkout')).toBe(true);
    expect(policyGlobMatch('MIT?', 'MIT0')).toBe(true);
  });
  it('identity globs: only `*` is special, it crosses `/`, case matters', () => {
    expect(identityGlobMatch('refs/tags/v1*', 'refs/tags/v1.2/x')).toBe(true);
    expect(identityGlobMatch('refs/tags/v?', 'refs/tags/v1')).toBe(false);
    expect(identityGlobMatch('refs/tags/v?', 'refs/tags/v?')).toBe(true);
    expect(identityGlobMatch('Refs/*', 'refs/x')).toBe(false);
  });
});
