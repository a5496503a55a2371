/** Compares two builds' outputs: which files differ, and where the first differing byte is. */
import { open } from 'node:fs/promises';
import type { OutputFile } from './subjects.js';

export interface OutputDifference {
  name: string;
  /** Byte offset of the first difference (the shorter length when one is a prefix of the other). */
  firstDifferenceAt?: number;
  /** Present in only one of the builds. */
  onlyIn?: 'first' | 'second';
  sha256: { first?: string; second?: string };
}

export interface ReproducibilityResult {
  reproducible: boolean;
  compared: number;
  differences: OutputDifference[];
}

/** Offset of the first differing byte of two files, or undefined when equal. */
export async function firstDifference(a: string, b: string, chunk = 1 << 20): Promise<number | undefined> {
  const [fa, fb] = await Promise.all([open(a, 'r'), open(b, 'r')]);
  try {
    const ba = Buffer.alloc(chunk);
    const bb = Buffer.alloc(chunk);
    let offset = 0;
    for (;;) {
      const [ra, rb] = await Promise.all([fa.read(ba, 0, chunk, offset), fb.read(bb, 0, chunk, offset)]);
      const n = Math.min(ra.bytesRead, rb.bytesRead);
      for (let i = 0; i < n; i++) if (ba[i] !== bb[i]) return offset + i;
      if (ra.bytesRead !== rb.bytesRead) return offset + n;
      if (n === 0) return undefined;
      offset += n;
    }
  } finally {
    await Promise.all([fa.close(), fb.close()]);
  }
}

export async function compareOutputs(first: readonly OutputFile[], second: readonly OutputFile[]): Promise<ReproducibilityResult> {
  const a = new Map(first.map((o) => [o.name, o]));
  const b = new Map(second.map((o) => [o.name, o]));
  const differences: OutputDifference[] = [];
  for (const [name, x] of a) {
    const y = b.get(name);
    if (!y) differences.push({ name, onlyIn: 'first', sha256: { first: x.sha256 } });
    else if (x.sha256 !== y.sha256) {
      const at = await firstDifference(x.file, y.file);
      differences.push({ name, ...(at !== undefined ? { firstDifferenceAt: at } : {}), sha256: { first: x.sha256, second: y.sha256 } });
    }
  }
  for (const [name, y] of b) if (!a.has(name)) differences.push({ name, onlyIn: 'second', sha256: { second: y.sha256 } });
  return { reproducible: differences.length === 0, compared: a.size, differences };
}
