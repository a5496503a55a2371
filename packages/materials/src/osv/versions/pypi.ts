/**
 * PyPI: PEP 440 ordering (epochs, pre/post/dev releases, local versions) through
 * `@renovatebot/pep440`, the port of Python's `packaging` that Renovate maintains. Strings that are
 * not PEP 440 are "legacy" versions: like `packaging`'s LegacyVersion they sort before every valid
 * version, and among themselves by the forgiving SemVer-like order.
 */
import { compare as pep440Compare, valid } from '@renovatebot/pep440';
import { compareSemverLike } from './semver-like.js';

const validity = new Map<string, boolean>();

function isPep440(v: string): boolean {
  let ok = validity.get(v);
  if (ok === undefined) {
    ok = valid(v) !== null;
    if (validity.size > 100_000) validity.clear();
    validity.set(v, ok);
  }
  return ok;
}

export function comparePypi(a: string, b: string): number {
  const va = isPep440(a);
  const vb = isPep440(b);
  if (va && vb) return Math.sign(pep440Compare(a, b));
  if (va !== vb) return va ? 1 : -1;
  return compareSemverLike(a, b);
}
