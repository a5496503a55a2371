/**
 * RubyGems: Gem::Version ordering (segments split at dots and letter/digit boundaries; a segment with
 * a letter makes a pre-release, `1.0.a` < `1.0`), through `@renovatebot/ruby-semver`, Renovate's
 * port of Gem::Version. Versions Gem::Version rejects fall back to the forgiving SemVer-like order.
 */
import { Version } from '@renovatebot/ruby-semver/dist/ruby/version.js';
import { compareSemverLike } from './semver-like.js';

const parsed = new Map<string, Version | null>();

function gem(v: string): Version | null {
  let hit = parsed.get(v);
  if (hit === undefined) {
    hit = Version.isCorrect(v.trim()) ? Version.create(v.trim()) : null;
    if (parsed.size > 100_000) parsed.clear();
    parsed.set(v, hit);
  }
  return hit;
}

export function compareRubyGems(a: string, b: string): number {
  const ga = gem(a);
  const gb = gem(b);
  if (ga && gb) return Math.sign(ga.compare(gb));
  if (ga || gb) return ga ? 1 : -1;
  return compareSemverLike(a, b);
}
