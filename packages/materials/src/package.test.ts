import { makePurl } from './package.js';

describe('makePurl', () => {
  it.each([
    ['npm', '@babel/core', '7.0.0', 'pkg:npm/%40babel/core@7.0.0'],
    ['npm', 'lodash', '', 'pkg:npm/lodash'],
    ['PyPI', 'Django_Rest.Framework', '3.1', 'pkg:pypi/django-rest-framework@3.1'],
    ['Go', 'github.com/BurntSushi/toml', '1.0.0', 'pkg:golang/github.com/BurntSushi/toml@1.0.0'],
    ['crates.io', 'serde', '1.0.0', 'pkg:cargo/serde@1.0.0'],
    ['RubyGems', 'rails', '7.0.2.2', 'pkg:gem/rails@7.0.2.2'],
    ['Packagist', 'Sentry/SDK', '2.0.4', 'pkg:composer/sentry/sdk@2.0.4'],
  ] as const)('%s %s@%s', (ecosystem, name, version, purl) => {
    expect(makePurl(ecosystem, name, version)).toBe(purl);
  });
});
