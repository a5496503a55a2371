/**
 * Alpine, Wolfi and Chainguard: apk-tools' version ordering. A version is numbers separated by dots
 * (after the first, a component with a leading zero compares as a decimal fraction, i.e. as text),
 * an optional letter, `_suffix[N]` parts ranked alpha < beta < pre < rc < (none) < cvs < svn < git
 * < hg < p, an optional `~hash`, and a `-rN` package revision compared last, numerically.
 */

interface ApkVersion {
  numbers: string[];
  letter: string;
  suffixes: { rank: number; n: bigint }[];
  hash: string;
  revision: bigint;
  /** Not an apk version at all: compared as text, after every valid one. */
  invalid: boolean;
}

const SUFFIX_RANK: Record<string, number> = { alpha: 0, beta: 1, pre: 2, rc: 3, cvs: 5, svn: 6, git: 7, hg: 8, p: 9 };
const NO_SUFFIX = 4;
const PATTERN = /^(\d+(?:\.\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:~([0-9a-f]+))?(?:-r(\d+))?$/;

function parse(v: string): ApkVersion {
  const m = PATTERN.exec(v.trim());
  if (!m) return { numbers: [], letter: '', suffixes: [], hash: '', revision: 0n, invalid: true };
  const suffixes = [...(m[3] ?? '').matchAll(/_([a-z]+)(\d*)/g)].map((s) => ({
    rank: SUFFIX_RANK[s[1] ?? ''] ?? NO_SUFFIX,
    n: BigInt(s[2] || '0'),
  }));
  return {
    numbers: (m[1] ?? '').split('.'),
    letter: m[2] ?? '',
    suffixes,
    hash: m[4] ?? '',
    revision: BigInt(m[5] ?? '0'),
    invalid: false,
  };
}

const sign = (x: number): number => (x < 0 ? -1 : x > 0 ? 1 : 0);
const cmpBig = (a: bigint, b: bigint): number => (a === b ? 0 : a < b ? -1 : 1);
const cmpText = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

export function compareAlpine(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (x.invalid || y.invalid) return x.invalid && y.invalid ? cmpText(a, b) : x.invalid ? 1 : -1;
  const n = Math.max(x.numbers.length, y.numbers.length);
  for (let i = 0; i < n; i++) {
    const p = x.numbers[i];
    const q = y.numbers[i];
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1; // 1.2 < 1.2.0
    const c = i > 0 && (p.startsWith('0') || q.startsWith('0')) ? cmpText(p, q) : cmpBig(BigInt(p), BigInt(q));
    if (c !== 0) return c;
  }
  if (x.letter !== y.letter) return x.letter === '' ? -1 : y.letter === '' ? 1 : cmpText(x.letter, y.letter);
  const s = Math.max(x.suffixes.length, y.suffixes.length);
  for (let i = 0; i < s; i++) {
    const p = x.suffixes[i] ?? { rank: NO_SUFFIX, n: 0n };
    const q = y.suffixes[i] ?? { rank: NO_SUFFIX, n: 0n };
    if (p.rank !== q.rank) return sign(p.rank - q.rank);
    const c = cmpBig(p.n, q.n);
    if (c !== 0) return c;
  }
  if (x.hash !== y.hash) return cmpText(x.hash, y.hash);
  return cmpBig(x.revision, y.revision);
}
