/**
 * Image layers as tar streams: decompression by magic bytes — gzip (the common `tar+gzip` layers),
 * zstd (`tar+zstd`, with Node's zlib when it has it, Node ≥ 22.15 / 23.8), or none; not by the media
 * type — and core's bounded tar reader (`walkTar`), whose refusals (traversal, a wrong checksum, a
 * truncated entry, a decompression bomb, an entry over its limit) refuse the layer.
 */
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { ConfigurationError, TarError, walkTar as walkAnyTar, type TarEntry, type TarLimits, type TarVisit } from '@secure-factory/core';

export type { TarEntry, TarEntryType, TarLimits, TarVisit } from '@secure-factory/core';

/** The layer is not what an honest image holds (traversal, links, corrupt tar): never waived. */
export class LayerRefused extends ConfigurationError {}

/** The layer is beyond what this scanner reads (a size budget, zstd without a decoder, a foreign media type): blocking, but a waiver may cover it. */
export class LayerUnreadable extends ConfigurationError {}

/** Layer bytes as a stream of uncompressed tar, decided by magic bytes. */
export function decompressLayer(layer: Buffer, what: string): Readable {
  const source = Readable.from([layer]);
  if (layer.length >= 2 && layer[0] === 0x1f && layer[1] === 0x8b) return source.pipe(zlib.createGunzip());
  if (layer.length >= 4 && layer.readUInt32LE(0) === 0xfd2fb528) {
    const zstd = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress;
    if (!zstd) {
      throw new LayerUnreadable(`${what} is zstd-compressed and this Node (${process.version}) has no zstd decoder`, {
        hint: 'run on Node 24 (zlib.createZstdDecompress), or push the image with gzip layers',
      });
    }
    return source.pipe(zstd()) as unknown as Readable;
  }
  return source;
}

/**
 * Walks a layer's tar stream (core `walkTar`); a malformed or hostile archive refuses the layer
 * (`LayerRefused`, never waived).
 */
export async function walkTar(
  stream: AsyncIterable<unknown>,
  what: string,
  limits: TarLimits,
  visit: TarVisit,
  onContent: (entry: TarEntry, content: Buffer) => void,
): Promise<{ entries: number; bytes: number }> {
  try {
    return await walkAnyTar(stream, what, limits, visit, onContent);
  } catch (e: unknown) {
    if (e instanceof TarError)
      throw new LayerRefused(e.message.replace('(truncated archive)', '(truncated layer)'), {
        ...(e.hint ? { hint: e.hint } : {}),
        cause: e,
      });
    throw e;
  }
}
