import semver from 'semver';
import { compareVersions } from './compare-versions.js';
import { compareSemverLike } from './semver-like.js';

/** Asserts that `chain` is strictly increasing in `ecosystem` (every pair, both directions). */
function expectAscending(ecosystem: string, chain: string[]): void {
  for (let i = 0; i < chain.length; i++) {
    for (let j = 0; j < chain.length; j++) {
      const a = chain[i] as string;
      const b = chain[j] as string;
      const want = Math.sign(i - j);
      if (compareVersions(ecosystem, a, b) !== want) {
        throw new Error(`${ecosystem}: compare(${a}, ${b}) should be ${want}, got ${compareVersions(ecosystem, a, b)}`);
      }
    }
  }
}

function expectEqual(ecosystem: string, a: string, b: string): void {
  expect([a, b, compareVersions(ecosystem, a, b)]).toEqual([a, b, 0]);
  expect([b, a, compareVersions(ecosystem, b, a)]).toEqual([b, a, 0]);
}

describe('npm (SemVer 2.0 precedence)', () => {
  it('orders pre-releases as SemVer §11 says', () => {
    expectAscending('npm', [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '1.0.1',
      '1.10.0',
      '2.0.0',
    ]);
  });
  it('ignores build metadata and a leading v', () => {
    expectEqual('npm', '1.0.0+build.1', '1.0.0+other');
    expectEqual('npm', 'v1.2.3', '1.2.3');
  });
  it('still orders versions node-semver rejects (as OSV tooling does)', () => {
    expectAscending('npm', ['0.0.0', '0.0.0.1', '0.1.0', '1', '2.0.0rc2', '2.0.0', '2.0.1']);
  });
  it('agrees with node-semver on every pair of a mixed set of valid versions', () => {
    const versions = [
      '0.0.1',
      '0.1.0',
      '1.0.0-0',
      '1.0.0-0.3.7',
      '1.0.0-x.7.z.92',
      '1.0.0-x-y-z.--',
      '1.0.0-alpha+001',
      '1.0.0',
      '1.0.0+20130313144700',
      '1.2.3-beta.10',
      '1.2.3-beta.9',
      '1.2.3-beta',
      '1.2.3',
      '10.0.0',
      '9.99.999',
    ];
    for (const a of versions) {
      for (const b of versions) {
        expect([a, b, compareSemverLike(a, b)]).toEqual([a, b, semver.compare(a, b)]);
      }
    }
  });
});

describe('PyPI (PEP 440)', () => {
  it('orders the example of PEP 440 "Summary of permitted suffixes and relative ordering"', () => {
    expectAscending('PyPI', [
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1',
    ]);
  });
  it('puts epochs above everything and treats zero padding as equal', () => {
    expectAscending('PyPI', ['2.0', '1!0.5', '1!1.0', '2!0.1']);
    expectEqual('PyPI', '1.0', '1.0.0');
    expectEqual('PyPI', '1.0RC1', '1.0rc1');
  });
  it('sorts legacy (non-PEP 440) versions below valid ones', () => {
    expect(compareVersions('PyPI', 'not-a-version', '0.0.1')).toBe(-1);
  });
});

describe('Go (v-prefixed SemVer, pseudo-versions)', () => {
  it('orders pseudo-versions by time, below the next release', () => {
    expectAscending('Go', [
      'v0.0.0-20180925071336-cf3bd585ca2a',
      'v0.0.0-20220412211240-33da011f77ad',
      'v0.1.0-rc.1',
      'v0.1.0',
      'v0.1.1-0.20230101000000-abcdefabcdef',
      'v0.1.1',
      'v1.0.0',
    ]);
  });
  it('ignores +incompatible and accepts the stdlib spelling without v', () => {
    expectEqual('Go', 'v2.0.0+incompatible', 'v2.0.0');
    expectEqual('Go', '1.21.0', 'v1.21.0');
    expectAscending('Go', ['1.20.14', '1.21rc2', '1.21.0', '1.21.1']);
  });
});

describe('crates.io (SemVer)', () => {
  it('orders as SemVer', () => {
    expectAscending('crates.io', ['0.1.0', '0.9.0-alpha', '0.9.0', '0.10.0', '1.0.0-rc.1', '1.0.0']);
  });
});

describe('RubyGems (Gem::Version)', () => {
  it('makes a letter segment a pre-release and compares segments numerically', () => {
    expectAscending('RubyGems', ['1.0.a', '1.0.a.2', '1.0.b1', '1.0.rc1', '1.0', '1.0.1', '1.9', '1.10']);
  });
  it('ignores trailing zero segments', () => {
    expectEqual('RubyGems', '1.0', '1');
    expectEqual('RubyGems', '1.0.0', '1');
  });
});

describe('Packagist (Composer)', () => {
  it('ranks dev < alpha < beta < RC < release < patch', () => {
    expectAscending('Packagist', [
      '1.0.0-dev',
      '1.0.0-alpha1',
      '1.0.0-alpha2',
      '1.0.0-beta1',
      '1.0.0-RC1',
      '1.0.0-RC2',
      '1.0.0',
      '1.0.0-p1',
      '1.0.1',
      '1.10.0',
      '2.0',
    ]);
  });
  it('normalises a leading v and padding like Composer', () => {
    expectEqual('Packagist', 'v1.2', '1.2.0');
    expectEqual('Packagist', '1.2.0.0', 'v1.2.0');
  });
});

describe('Maven (ComparableVersion)', () => {
  it('orders qualifiers alpha < beta < milestone < rc < snapshot < release < sp < others', () => {
    expectAscending('Maven', ['1-alpha', '1-beta', '1-milestone', '1-rc', '1-SNAPSHOT', '1', '1-sp', '1-abc', '1-1', '1.1']);
  });
  it('drops trailing nulls and knows the aliases', () => {
    expectEqual('Maven', '1.0', '1');
    expectEqual('Maven', '1.0.0', '1-ga');
    expectEqual('Maven', '1-final', '1');
    expectEqual('Maven', '1.0-alpha1', '1.0-a1');
    expectEqual('Maven', '1.0-cr1', '1.0-rc1');
  });
  it('orders Spring-style releases', () => {
    expectAscending('Maven', ['5.3.0-M1', '5.3.0-RC1', '5.3.0', '5.3.9', '5.3.10', '6.0.0']);
  });
});

describe('Debian (dpkg)', () => {
  it('follows dpkg: ~ before everything, epochs first, revisions last', () => {
    expectAscending('Debian:12', ['1.0~rc1', '1.0', '1.0-1', '1.0a', '1.0+dfsg-1', '1.1', '1:0.9']);
    expectAscending('Ubuntu', ['2.30-9', '2.30-12', '2.30-12ubuntu1']);
    expectEqual('Debian', '1.0-01', '1.0-1');
  });
});

describe('Alpine (apk)', () => {
  it('orders numbers, letters, suffixes and revisions as apk-tools', () => {
    expectAscending('Alpine:v3.20', [
      '1.2.3_alpha1',
      '1.2.3_beta',
      '1.2.3_rc2',
      '1.2.3',
      '1.2.3-r1',
      '1.2.3-r4',
      '1.2.3-r10',
      '1.2.3_p1',
      '1.2.3a',
      '1.2.4',
      '1.10.0',
    ]);
    expectAscending('Wolfi', ['3.0.11-r0', '3.0.13-r0', '3.1.0-r0']);
  });
  it('compares components after the first with a leading zero as decimal fractions', () => {
    expectAscending('Alpine', ['1.01', '1.1', '1.10']);
  });
});

describe('RPM', () => {
  it('follows rpmvercmp: numbers beat letters, ~ sorts first, ^ after the base', () => {
    expectAscending('Red Hat', ['1.0~rc1-1', '1.0-1', '1.0-2.el9', '1.0-10.el9', '1.0^20230101-1', '1.0a-1', '1.0.1-1', '1:0.5-1']);
    expectAscending('Rocky Linux:9', ['2.9-1', '2.10-1', '2.10.b-1', '2.10.1-1']);
  });
  it('compares releases only when both versions have one', () => {
    expectEqual('AlmaLinux', '1.0', '1.0-3');
  });
});

describe('CRAN and Hackage', () => {
  it('order numeric components, `-` being a separator in CRAN', () => {
    expectAscending('CRAN', ['1.2', '1.2-1', '1.2-3', '1.2.4', '1.10-0']);
    expectAscending('Hackage', ['0.9', '1.0.0.1', '1.0.1', '1.2.3.4', '10.0']);
    expectEqual('Hackage', '1.0', '1.0.0.0');
  });
});

describe('generic fallback', () => {
  it('orders unknown ecosystems numerically without throwing', () => {
    expectAscending('Hex', ['0.9.0', '1.0.0-rc.0', '1.0.0', '1.2.0']);
    expect(compareVersions('Unknown', 'abc', 'abd')).toBe(-1);
  });
});

describe('any input', () => {
  const odd = [
    '',
    ' ',
    'v',
    '0',
    '00',
    '1',
    '1.0',
    '1.0.0',
    '1..0',
    '.1',
    '1.',
    '-1',
    '1-',
    '+',
    '1+',
    '~1',
    '1~',
    '1:',
    ':1',
    'a',
    'Z',
    'dev-master',
    '1.0.0-',
    '1.0.0--',
    '1_0',
    'é',
    '1.0 beta',
    '🙂',
    '999999999999999999999999.0',
    '1!',
    '!1',
    'v1.0.0+incompatible',
    '1.0.0.0.0.0.0.1',
    'latest',
    '*',
    '\u0000',
  ];
  const ecosystems = [
    'npm',
    'PyPI',
    'Go',
    'crates.io',
    'RubyGems',
    'Packagist',
    'Maven',
    'Debian:12',
    'Ubuntu',
    'Alpine',
    'Red Hat',
    'CRAN',
    'Hackage',
    'NuGet',
    'Unknown',
  ];
  it.each(ecosystems)('%s: never throws and is antisymmetric', (ecosystem) => {
    for (const a of odd) {
      for (const b of odd) {
        const ab = compareVersions(ecosystem, a, b);
        const ba = compareVersions(ecosystem, b, a);
        expect([a, b, [-1, 0, 1].includes(ab), ab === -ba || (ab === 0 && ba === 0)]).toEqual([a, b, true, true]);
      }
    }
  });
});
