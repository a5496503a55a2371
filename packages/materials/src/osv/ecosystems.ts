/**
 * OSV ecosystem names and package-name normalisation. The lockfile parsers may say `pypi` or
 * `cargo` (purl types); OSV records say `PyPI` and `crates.io`. Both are mapped to OSV's canonical
 * spelling, and a `:suffix` (a release: `Debian:12`, `Alpine:v3.20`) is kept apart.
 */

const CANONICAL: Record<string, string> = {
  npm: 'npm',
  pypi: 'PyPI',
  go: 'Go',
  golang: 'Go',
  'crates.io': 'crates.io',
  cargo: 'crates.io',
  rubygems: 'RubyGems',
  gem: 'RubyGems',
  packagist: 'Packagist',
  composer: 'Packagist',
  maven: 'Maven',
  nuget: 'NuGet',
  hex: 'Hex',
  pub: 'Pub',
  hackage: 'Hackage',
  cran: 'CRAN',
  swifturl: 'SwiftURL',
  'github actions': 'GitHub Actions',
  githubactions: 'GitHub Actions',
  debian: 'Debian',
  ubuntu: 'Ubuntu',
  alpine: 'Alpine',
  apk: 'Alpine',
  deb: 'Debian',
  wolfi: 'Wolfi',
  chainguard: 'Chainguard',
  'red hat': 'Red Hat',
  redhat: 'Red Hat',
  'rocky linux': 'Rocky Linux',
  almalinux: 'AlmaLinux',
  suse: 'SUSE',
  opensuse: 'openSUSE',
  mageia: 'Mageia',
  openeuler: 'openEuler',
  'photon os': 'Photon OS',
  ghc: 'GHC',
};

export interface EcosystemName {
  /** OSV's canonical spelling of the ecosystem without its suffix: `Debian`. */
  base: string;
  /** What followed the first `:` (`12` in `Debian:12`), or undefined. */
  suffix: string | undefined;
}

const parsedCache = new Map<string, EcosystemName>();

export function parseEcosystem(ecosystem: string): EcosystemName {
  const hit = parsedCache.get(ecosystem);
  if (hit) return hit;
  const trimmed = ecosystem.trim();
  const colon = trimmed.indexOf(':');
  const rawBase = colon >= 0 ? trimmed.slice(0, colon) : trimmed;
  const suffix = colon >= 0 ? trimmed.slice(colon + 1) : undefined;
  const parsed = { base: CANONICAL[rawBase.toLowerCase()] ?? rawBase, suffix: suffix === '' ? undefined : suffix };
  if (parsedCache.size > 10_000) parsedCache.clear();
  parsedCache.set(ecosystem, parsed);
  return parsed;
}

/** The canonical ecosystem string (`pypi` → `PyPI`, `debian:12` → `Debian:12`). */
export function canonicalEcosystem(ecosystem: string): string {
  const { base, suffix } = parseEcosystem(ecosystem);
  return suffix === undefined ? base : `${base}:${suffix}`;
}

/**
 * Does a record's `affected[].package.ecosystem` cover a package's ecosystem? The bases must be the
 * same ecosystem; when both name a release they must name the same one. A package that names no
 * release (`Debian`) is covered by every release's records, and a record that names none covers
 * every release. Another ecosystem never matches.
 */
export function ecosystemCovers(recordEcosystem: string, packageEcosystem: string): boolean {
  const r = parseEcosystem(recordEcosystem);
  const p = parseEcosystem(packageEcosystem);
  if (r.base !== p.base) return false;
  return r.suffix === undefined || p.suffix === undefined || r.suffix === p.suffix;
}

/**
 * The name as the ecosystem compares names: PyPI per PEP 503 (lower case, runs of `-_.` are one
 * `-`); Packagist, NuGet and GitHub Actions are case-insensitive; everything else is exact (npm,
 * Go module paths, crates, gems and Maven coordinates are compared as written).
 */
export function normalisePackageName(ecosystem: string, name: string): string {
  const { base } = parseEcosystem(ecosystem);
  const n = name.trim();
  switch (base) {
    case 'PyPI':
      return n.toLowerCase().replace(/[-_.]+/g, '-');
    case 'Packagist':
    case 'NuGet':
    case 'GitHub Actions':
      return n.toLowerCase();
    default:
      return n;
  }
}

/** The key the offline database indexes by: canonical base ecosystem + normalised name. */
export function packageKey(ecosystem: string, name: string): string {
  return `${parseEcosystem(ecosystem).base}\u0000${normalisePackageName(ecosystem, name)}`;
}
