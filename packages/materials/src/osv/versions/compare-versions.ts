/**
 * `compareVersions(ecosystem, a, b)`: -1, 0 or 1 in the ecosystem's own version order. Ecosystems
 * without a dedicated ordering use the forgiving SemVer-like order (numbers first, then a
 * pre-release), which is right for most of them and never throws.
 */
import semver from 'semver';
import { parseEcosystem } from '../ecosystems.js';
import { compareAlpine } from './alpine.js';
import { compareComposer } from './composer.js';
import { compareDebian } from './debian.js';
import { compareMaven } from './maven.js';
import { compareCran, compareHackage } from './numeric.js';
import { comparePypi } from './pypi.js';
import { compareRpm } from './rpm.js';
import { compareRubyGems } from './rubygems.js';
import { compareSemverLike } from './semver-like.js';

export type VersionComparator = (a: string, b: string) => number;

/** npm: node-semver's precedence (pre-release rules, build ignored) for valid versions. */
export function compareNpm(a: string, b: string): number {
  const x = semver.valid(a);
  const y = semver.valid(b);
  if (x !== null && y !== null) return semver.compare(x, y);
  return compareSemverLike(a, b);
}

export function comparatorFor(ecosystem: string): VersionComparator {
  switch (parseEcosystem(ecosystem).base) {
    case 'npm':
      return compareNpm;
    case 'PyPI':
      return comparePypi;
    case 'RubyGems':
      return compareRubyGems;
    case 'Packagist':
      return compareComposer;
    case 'Maven':
      return compareMaven;
    case 'Debian':
    case 'Ubuntu':
      return compareDebian;
    case 'Alpine':
    case 'Wolfi':
    case 'Chainguard':
      return compareAlpine;
    case 'Red Hat':
    case 'Rocky Linux':
    case 'AlmaLinux':
    case 'SUSE':
    case 'openSUSE':
    case 'Mageia':
    case 'openEuler':
    case 'Photon OS':
      return compareRpm;
    case 'CRAN':
      return compareCran;
    case 'Hackage':
    case 'GHC':
      return compareHackage;
    default:
      // Go (v-prefixed SemVer, pseudo-versions are pre-releases), crates.io, Hex, Pub, NuGet, ...
      return compareSemverLike;
  }
}

/** -1, 0 or 1 (never -0 or another number) in the ecosystem's version order. */
export function compareVersions(ecosystem: string, a: string, b: string): number {
  const r = comparatorFor(ecosystem)(a, b);
  return r === 0 ? 0 : r < 0 ? -1 : 1;
}
