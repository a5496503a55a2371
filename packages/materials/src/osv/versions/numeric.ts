/**
 * Ecosystems whose versions are plain numbers with separators: CRAN (`1.2-3`: `.` and `-` both
 * separate numeric components) and Hackage/GHC (`1.2.3.4`). Missing components are zero; a
 * component that is not a number compares as text after the numbers.
 */

function parts(v: string, separators: RegExp): string[] {
  return v.trim().split(separators);
}

function compareParts(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const p = a[i] ?? '0';
    const q = b[i] ?? '0';
    const pn = /^\d+$/.test(p);
    const qn = /^\d+$/.test(q);
    if (pn && qn) {
      const x = BigInt(p);
      const y = BigInt(q);
      if (x !== y) return x < y ? -1 : 1;
    } else if (pn !== qn) {
      return pn ? -1 : 1;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return 0;
}

export function compareCran(a: string, b: string): number {
  return compareParts(parts(a, /[.-]/), parts(b, /[.-]/));
}

export function compareHackage(a: string, b: string): number {
  return compareParts(parts(a, /\./), parts(b, /\./));
}
