/**
 * SHA-256 of many files on every core, for the build (outputs, the integrity watch). The pool itself is
 * core `hashFiles`, shared with attest and the gate; this keeps the build's digest-list signature.
 */
import { availableParallelism } from 'node:os';
import { hashFiles } from '@secure-factory/core';

/** Kept for callers that pass a threshold; the pool now decides by file count (see core hashFiles). */
export const PARALLEL_THRESHOLD = 32 << 20;

export async function sha256Files(
  files: readonly { file: string; size: number }[],
  threads = availableParallelism(),
  threshold = PARALLEL_THRESHOLD,
): Promise<string[]> {
  const total = files.reduce((n, f) => n + f.size, 0);
  // A small set in bytes and in count stays on this thread: starting workers costs more than it saves.
  const n = total < threshold && files.length < 64 ? 1 : threads;
  return (await hashFiles(files, { threads: n })).map((d) => d.sha256);
}
