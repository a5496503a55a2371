/**
 * Packagist (Composer): versions are normalised as Composer does (a leading `v` dropped, the numeric
 * part padded to four components: `1.2` == `1.2.0.0`) and then ordered as PHP's `version_compare`
 * orders them, which is what Composer uses: `-`, `_`, `+` become `.`, a dot is put between letters and
 * digits, and special forms rank `dev` < `alpha`/`a` < `beta`/`b` < `RC`/`rc` < a number < `pl`/`p`;
 * any other word ranks below `dev`.
 */

const SPECIAL_FORMS: readonly [string, number][] = [
  ['dev', 0],
  ['alpha', 1],
  ['a', 1],
  ['beta', 2],
  ['b', 2],
  ['RC', 3],
  ['rc', 3],
  ['#', 4],
  ['pl', 5],
  ['p', 5],
];

const cache = new Map<string, string[]>();

export function canonicalComposerParts(version: string): string[] {
  const hit = cache.get(version);
  if (hit) return hit;
  let v = version.trim().replace(/^[vV]/, '');
  // Composer pads the leading numeric part to four components before comparing.
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(v);
  if (m) {
    const nums = (m[1] ?? '').split('.');
    while (nums.length < 4) nums.push('0');
    v = nums.join('.') + (m[2] ?? '');
  }
  v = v
    .replace(/[-_+]/g, '.')
    .replace(/([^\d.])(\d)/g, '$1.$2')
    .replace(/(\d)([^\d.])/g, '$1.$2');
  const parts = v.split('.').filter((p) => p !== '');
  if (cache.size > 100_000) cache.clear();
  cache.set(version, parts);
  return parts;
}

function specialOrder(form: string): number {
  for (const [name, order] of SPECIAL_FORMS) if (form.startsWith(name)) return order;
  return -6; // PHP: an unknown word ranks below every special form
}

const isNumber = (s: string): boolean => /^\d+$/.test(s);

function comparePart(a: string, b: string): number {
  const an = isNumber(a);
  const bn = isNumber(b);
  if (an && bn) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x === y ? 0 : x < y ? -1 : 1;
  }
  return Math.sign(specialOrder(an ? '#' : a) - specialOrder(bn ? '#' : b));
}

export function compareComposer(a: string, b: string): number {
  const pa = canonicalComposerParts(a);
  const pb = canonicalComposerParts(b);
  const n = Math.min(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const c = comparePart(pa[i] ?? '', pb[i] ?? '');
    if (c !== 0) return c;
  }
  // PHP: when one runs out, a following number makes the longer one newer; a following word is
  // compared with '#' (so `1.0.0.0` > `1.0.0.0-beta` but < `1.0.0.0-pl1`).
  if (pa.length > n) {
    const next = pa[n] ?? '';
    return isNumber(next) ? 1 : comparePart(next, '0');
  }
  if (pb.length > n) {
    const next = pb[n] ?? '';
    return isNumber(next) ? -1 : comparePart('0', next);
  }
  return 0;
}
