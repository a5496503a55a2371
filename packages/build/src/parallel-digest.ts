/**
 * SHA-256 of many files on every core. Node hashes on the thread that calls `update`, so files hashed
 * from the main thread share one core however many streams are open; a small pool of worker threads
 * (code passed inline, so the action's single-file bundle needs no extra worker file) hashes files side
 * by side. Small sets stay in-process: starting workers costs more than it saves.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mapLimit, sha256File } from '@secure-factory/core';

const WORKER = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const buf = Buffer.allocUnsafe(1 << 20);
parentPort.on('message', ({ id, file }) => {
  try {
    const h = createHash('sha256');
    const fd = openSync(file, 'r');
    try {
      let n;
      while ((n = readSync(fd, buf, 0, buf.length, null)) > 0) h.update(n === buf.length ? buf : buf.subarray(0, n));
    } finally {
      closeSync(fd);
    }
    parentPort.postMessage({ id, sha256: h.digest('hex') });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

/** Below this many bytes in total (or with one file), hashing stays on the main thread. */
export const PARALLEL_THRESHOLD = 32 << 20;

interface Reply {
  id: number;
  sha256?: string;
  error?: string;
}

export async function sha256Files(
  files: readonly { file: string; size: number }[],
  threads = availableParallelism(),
  threshold = PARALLEL_THRESHOLD,
): Promise<string[]> {
  const total = files.reduce((n, f) => n + f.size, 0);
  const n = Math.min(threads, files.length);
  if (n < 2 || total < threshold) return mapLimit(files, 8, (f) => sha256File(f.file));
  const workers = Array.from({ length: n }, () => new Worker(WORKER, { eval: true }));
  try {
    // Largest first, so one big file does not start last.
    const order = files.map((f, i) => i).sort((a, b) => (files[b]?.size ?? 0) - (files[a]?.size ?? 0));
    const out = new Array<string>(files.length);
    let next = 0;
    await Promise.all(
      workers.map(async (w) => {
        for (;;) {
          const i = next++;
          if (i >= order.length) return;
          const idx = order[i] as number;
          const reply = await new Promise<Reply>((resolve, reject) => {
            const onError = (e: Error): void => reject(e);
            w.once('error', onError);
            w.once('message', (m: Reply) => {
              w.off('error', onError);
              resolve(m);
            });
            w.postMessage({ id: idx, file: files[idx]?.file });
          });
          if (reply.error !== undefined || reply.sha256 === undefined)
            throw new Error(`cannot hash ${files[idx]?.file}: ${reply.error ?? 'no digest'}`);
          out[idx] = reply.sha256;
        }
      }),
    );
    return out;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
