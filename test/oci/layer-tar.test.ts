/**
 * The layer reader against tarballs written by GNU tar in its three formats (ustar, pax with long
 * names, GNU long names), compressed with gzip(1) and with zstd (Node 24's zlib), merged with OCI
 * whiteouts; and against broken or hostile tarballs written byte by byte (a wrong checksum, a
 * truncated entry, a decompression bomb, a link at a database path, a file under a linked directory).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { applyLayer, decompressLayer, ImageFiles, LayerRefused, walkTar, type TarEntry } from '@secure-factory/materials';

function ustarHeader(name: string, size: number, type = '0', linkname = ''): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100);
  h.write('0000000\0', 108);
  h.write('0000000\0', 116);
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  h.write('00000000000\0', 136);
  h.write('        ', 148);
  h.write(type, 156);
  h.write(linkname, 157, 100, 'utf8');
  h.write('ustar\0', 257);
  h.write('00', 263);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

function handTar(entries: { name: string; content?: Buffer | string; type?: string; linkname?: string }[], end = true): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const body = typeof e.content === 'string' ? Buffer.from(e.content) : (e.content ?? Buffer.alloc(0));
    parts.push(ustarHeader(e.name, body.length, e.type ?? '0', e.linkname ?? ''));
    parts.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  if (end) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

async function entriesOf(layer: Buffer, maxTotalBytes = 1 << 30): Promise<{ entries: TarEntry[]; read: Map<string, string> }> {
  const entries: TarEntry[] = [];
  const read = new Map<string, string>();
  await walkTar(
    decompressLayer(layer, 'the layer'),
    'the layer',
    { maxTotalBytes },
    (e) => {
      entries.push(e);
      return e.path.endsWith('.txt') ? { read: true, maxBytes: 1 << 20 } : { read: false };
    },
    (e, c) => read.set(e.path, c.toString('utf8')),
  );
  return { entries, read };
}

describe('layer tarballs', () => {
  let dir: string;
  const longDir = `deep/${'d'.repeat(120)}/${'e'.repeat(60)}`;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sf-layer-tar-'));
    const src = join(dir, 'src');
    mkdirSync(join(src, longDir), { recursive: true });
    writeFileSync(join(src, 'a.txt'), 'alpha');
    writeFileSync(join(src, longDir, `${'f'.repeat(90)}.txt`), 'long');
    writeFileSync(join(src, 'big.bin'), Buffer.alloc(300_000, 7));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const gnuTar = (format: string): Buffer => {
    const out = join(dir, `${format}.tar`);
    execFileSync('tar', [`--format=${format}`, '--sort=name', '-cf', out, '-C', join(dir, 'src'), '.']);
    return readFileSync(out);
  };

  it.each(['pax', 'gnu', 'posix'])('reads GNU tar --format=%s with a 250-character path, gzip(1)-compressed', async (format) => {
    const tar = gnuTar(format);
    execFileSync('gzip', ['-kfn', join(dir, `${format}.tar`)]);
    const { entries, read } = await entriesOf(readFileSync(join(dir, `${format}.tar.gz`)));
    const long = `${longDir}/${'f'.repeat(90)}.txt`;
    expect(entries.map((e) => e.path)).toEqual(expect.arrayContaining(['a.txt', 'big.bin', long]));
    expect(read.get('a.txt')).toBe('alpha');
    expect(read.get(long)).toBe('long');
    expect(entries.find((e) => e.path === 'big.bin')?.size).toBe(300_000);
    // An uncompressed layer reads the same.
    expect((await entriesOf(tar)).read.get(long)).toBe('long');
  });

  it('reads a zstd layer (Node 24 zlib)', async () => {
    const z = zlib as unknown as { zstdCompressSync?: (b: Buffer) => Buffer };
    if (!z.zstdCompressSync) return; // Node without zstd: decompressLayer says so (below)
    const { read } = await entriesOf(z.zstdCompressSync(gnuTar('pax')));
    expect(read.get('a.txt')).toBe('alpha');
  });

  it('refuses a wrong checksum, a truncated entry, and a layer that unpacks past its limit', async () => {
    const good = handTar([{ name: 'a.txt', content: 'alpha' }]);
    const corrupt = Buffer.from(good);
    corrupt[0] = 0x41;
    await expect(entriesOf(corrupt)).rejects.toThrow(/wrong checksum; refused/);
    await expect(entriesOf(handTar([{ name: 'a.txt', content: 'x'.repeat(2000) }], false).subarray(0, 1024))).rejects.toThrow(
      /ends in the middle of \/a\.txt; refused \(truncated layer\)/,
    );
    // 64 MiB of zeros gzip to ~64 KiB: the limit is on what comes out.
    const bomb = zlib.gzipSync(handTar([{ name: 'zeros.bin', content: Buffer.alloc(64 * 1024 * 1024) }]));
    expect(bomb.length).toBeLessThan(200 * 1024);
    await expect(entriesOf(bomb, 1024 * 1024)).rejects.toThrow(/unpacks to more than 1048576 bytes; refused/);
    await expect(entriesOf(handTar([{ name: 'a/../../b.txt', content: 'x' }]))).rejects.toBeInstanceOf(LayerRefused);
  });

  it('merges layers: later files win, .wh. deletes, .wh..wh..opq empties a directory, links at database paths are refused', async () => {
    const files = new ImageFiles();
    const apply = (t: Buffer): Promise<void> => applyLayer(files, decompressLayer(t, 'layer'), 'layer');
    await apply(
      handTar([
        { name: 'etc/os-release', content: 'ID=debian\n' },
        { name: 'var/lib/dpkg/status', content: 'Package: a\nVersion: 1\n' },
        { name: 'var/lib/dpkg/status.d/one', content: 'Package: one\nVersion: 1\n' },
        { name: 'var/lib/dpkg/status.d/two', content: 'Package: two\nVersion: 1\n' },
      ]),
    );
    await apply(handTar([{ name: 'var/lib/dpkg/status', content: 'Package: a\nVersion: 2\n' }, { name: 'var/lib/dpkg/status.d/.wh.one' }]));
    expect(files.file('var/lib/dpkg/status')?.toString()).toContain('Version: 2');
    expect(files.list('var/lib/dpkg/status.d')).toEqual(['var/lib/dpkg/status.d/two']);
    await apply(handTar([{ name: 'var/lib/dpkg/status.d/.wh..wh..opq' }, { name: 'var/lib/dpkg/status.d/three', content: 'x' }]));
    expect(files.list('var/lib/dpkg/status.d')).toEqual(['var/lib/dpkg/status.d/three']);
    await apply(handTar([{ name: 'var/lib/.wh.dpkg' }]));
    expect(files.file('var/lib/dpkg/status')).toBeUndefined();
    expect(files.file('etc/os-release')?.toString()).toBe('ID=debian\n');
    await expect(apply(handTar([{ name: 'lib/apk/db/installed', type: '1', linkname: 'etc/shadow' }]))).rejects.toThrow(
      /\/lib\/apk\/db\/installed is a hard link \(to etc\/shadow\), not a package database file; refused/,
    );
    // A directory made a link by one layer, and a database written through it by the next.
    await apply(handTar([{ name: 'var/lib/rpm', type: '2', linkname: '/tmp/elsewhere' }]));
    await expect(apply(handTar([{ name: 'var/lib/rpm/rpmdb.sqlite', content: 'x' }]))).rejects.toThrow(
      /is written under \/var\/lib\/rpm, which a layer made a symbolic link/,
    );
  });
});
