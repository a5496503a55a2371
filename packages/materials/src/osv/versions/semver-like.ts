/**
 * A forgiving SemVer 2.0 ordering, as OSV's own matchers use for SEMVER ranges and for ecosystems
 * whose versions are "almost SemVer" (Go, crates.io, Hex, Pub, NuGet): a leading `v` is dropped,
 * missing components count as zero (`1` == `1.0.0`), extra numeric components are compared too
 * (`0.0.0.1` > `0.0.0`), and whatever follows the numbers is a pre-release (`2.0.0rc2` < `2.0.0`).
 * For valid SemVer the result is exactly SemVer precedence (§11): build metadata is ignored,
 * pre-release identifiers compare numerically when numeric, numeric < alphanumeric, ASCII otherwise.
 */

export interface SemverLike {
  numbers: bigint[];
  /** Pre-release identifiers (empty for a release). */
  pre: string[];
}

const cache = new Map<string, SemverLike>();

export function parseSemverLike(input: string): SemverLike {
  const hit = cache.get(input);
  if (hit) return hit;
  let s = input.trim();
  if (s.startsWith('v') || s.startsWith('V')) s = s.slice(1);
  const plus = s.indexOf('+');
  if (plus >= 0) s = s.slice(0, plus); // build metadata never orders
  const numbers: bigint[] = [];
  let i = 0;
  while (i < s.length) {
    let j = i;
    while (j < s.length && isDigit(s.charCodeAt(j))) j++;
    if (j === i) break;
    numbers.push(BigInt(s.slice(i, j)));
    i = j;
    if (s[i] === '.' && i + 1 < s.length && isDigit(s.charCodeAt(i + 1))) {
      i++;
      continue;
    }
    break;
  }
  let rest = s.slice(i);
  if (rest.startsWith('-') || rest.startsWith('.')) rest = rest.slice(1);
  const pre = rest === '' ? [] : rest.split('.');
  const parsed = { numbers, pre };
  if (cache.size > 100_000) cache.clear();
  cache.set(input, parsed);
  return parsed;
}

export function compareSemverLike(a: string, b: string): number {
  return compareParsedSemverLike(parseSemverLike(a), parseSemverLike(b));
}

export function compareParsedSemverLike(a: SemverLike, b: SemverLike): number {
  const n = Math.max(a.numbers.length, b.numbers.length, 3);
  for (let i = 0; i < n; i++) {
    const x = a.numbers[i] ?? 0n;
    const y = b.numbers[i] ?? 0n;
    if (x !== y) return x < y ? -1 : 1;
  }
  return comparePrerelease(a.pre, b.pre);
}

/** SemVer §11.3/§11.4: a release outranks any pre-release of it; identifiers compare pairwise. */
export function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdentifier(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

function compareIdentifier(x: string, y: string): number {
  const xn = /^[0-9]+$/.test(x);
  const yn = /^[0-9]+$/.test(y);
  if (xn && yn) {
    const bx = BigInt(x);
    const by = BigInt(y);
    return bx === by ? 0 : bx < by ? -1 : 1;
  }
  if (xn) return -1;
  if (yn) return 1;
  return x === y ? 0 : x < y ? -1 : 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
