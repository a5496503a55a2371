import { ownersOf, parseCodeowners, patternRegex } from './codeowners.js';

describe('CODEOWNERS', () => {
  const rules = parseCodeowners(
    [
      '# default owners',
      '*       @acme/core',
      '*.js    @js-owner  # trailing comment',
      '/build/logs/ @doctocat',
      'docs/*  docs@example.com',
      'apps/   @octocat',
      '/scripts/ @doctocat @octocat',
      '/empty',
    ].join('\n'),
  );

  it.each([
    ['README.md', ['@acme/core']],
    ['src/index.js', ['@js-owner']],
    ['build/logs/x.log', ['@doctocat']],
    ['nested/build/logs/x.log', ['@acme/core']],
    ['docs/getting-started.md', ['docs@example.com']],
    ['docs/build-app/troubleshooting.md', ['@acme/core']],
    ['apps/web/page.ts', ['@octocat']],
    ['deep/apps/x.ts', ['@octocat']],
    ['scripts/deploy.sh', ['@doctocat', '@octocat']],
    ['empty', []],
  ])('%s is owned by %j (the last matching line wins)', (file, owners) => {
    expect(ownersOf(rules, file).owners).toEqual(owners);
  });

  it('keeps line numbers and handles ** patterns', () => {
    expect(rules[0]?.line).toBe(2);
    expect(patternRegex('**/logs').test('a/b/logs/x')).toBe(true);
    expect(patternRegex('/docs/**').test('docs/a.md')).toBe(true);
    expect(patternRegex('/docs/**').test('src/docs/a.md')).toBe(false);
    expect(patternRegex('docs/**/*.md').test('docs/a/b/c.md')).toBe(true);
    expect(patternRegex('docs/**/*.md').test('src/docs/a.md')).toBe(false);
  });
});
