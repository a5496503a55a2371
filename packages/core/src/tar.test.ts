import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { gunzipped, readTar, TarError, type TarEntry } from './tar.js';

/** Archives made by the system's GNU tar, in the formats real tarballs and image layers use. */
function makeTree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-tar-'));
  mkdirSync(path.join(dir, 'package', 'lib'), { recursive: true });
  writeFileSync(path.join(dir, 'package', 'package.json'), '{"name":"@acme/x","version":"1.2.3"}\n');
  writeFileSync(path.join(dir, 'package', 'lib', 'big.bin'), Buffer.alloc(70_000, 7));
  const deep = path.join(dir, 'package', 'a'.repeat(60), 'b'.repeat(60));
  mkdirSync(deep, { recursive: true });
  writeFileSync(path.join(deep, 'long-name.txt'), 'long');
  symlinkSync('lib/big.bin', path.join(dir, 'package', 'link'));
  return dir;
}

async function entriesOf(file: string, want: (e: TarEntry) => boolean = () => true) {
  const seen: { entry: TarEntry; body?: string }[] = [];
  const stream = file.endsWith('.tar') ? createReadStream(file) : gunzipped(createReadStream(file), file);
  await readTar(stream, file, want, (entry, body) => void seen.push({ entry, ...(body ? { body: body.toString('utf8') } : {}) }), {
    maxEntryBytes: 1024 * 1024,
  });
  return seen;
}

describe('readTar', () => {
  for (const format of ['gnu', 'posix', 'ustar']) {
    it(`reads GNU tar's ${format} format: names, long names, symlinks, bodies`, async () => {
      const dir = makeTree();
      const out = path.join(dir, `x.${format}.tgz`);
      execFileSync('tar', ['-czf', out, `--format=${format}`, '-C', dir, 'package']);
      const seen = await entriesOf(out);
      const byName = new Map(seen.map((s) => [s.entry.name, s]));
      expect(byName.get('package/package.json')?.body).toBe('{"name":"@acme/x","version":"1.2.3"}\n');
      expect(byName.get('package/lib/big.bin')?.entry.size).toBe(70_000);
      expect(byName.get('package/link')?.entry).toMatchObject({ type: 'symlink', linkName: 'lib/big.bin' });
      expect(byName.get(`package/${'a'.repeat(60)}/${'b'.repeat(60)}/long-name.txt`)?.body).toBe('long');
    });
  }

  it('buffers only the wanted bodies', async () => {
    const dir = makeTree();
    const out = path.join(dir, 'x.tgz');
    execFileSync('tar', ['-czf', out, '-C', dir, 'package']);
    const seen = await entriesOf(out, (e) => e.name === 'package/package.json');
    expect(seen.filter((s) => s.body !== undefined).map((s) => s.entry.name)).toEqual(['package/package.json']);
  });

  it('refuses a ".." entry, naming the archive and the entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-tar-'));
    writeFileSync(path.join(dir, 'evil'), 'x');
    const out = path.join(dir, 'evil.tar');
    execFileSync('tar', ['-cf', out, '-C', dir, '--transform', 's,^evil,../../etc/evil,', '-P', 'evil']);
    await expect(entriesOf(out)).rejects.toThrow(/evil\.tar: the entry "\.\.\/\.\.\/etc\/evil" climbs out/);
  });

  it('refuses a truncated archive, a bad checksum, a too large wanted entry and garbage gzip', async () => {
    const dir = makeTree();
    const tarFile = path.join(dir, 'x.tar');
    execFileSync('tar', ['-cf', tarFile, '-C', dir, 'package']);
    const bytes = readFileSync(tarFile);
    const run = (data: Buffer, limits = { maxEntryBytes: 1 << 20 }) =>
      readTar(
        Readable.from([data]),
        'a.tar',
        () => true,
        () => undefined,
        limits,
      );
    await expect(run(bytes.subarray(0, 3000))).rejects.toThrow(/truncated/);
    const bad = Buffer.from(bytes);
    bad[0] = (bad[0] as number) ^ 1;
    await expect(run(bad)).rejects.toThrow(/bad checksum/);
    await expect(run(bytes, { maxEntryBytes: 100 })).rejects.toThrow(TarError);
    await expect(
      readTar(
        gunzipped(Readable.from([Buffer.from('not gzip at all')]), 'b.tgz'),
        'b.tgz',
        () => true,
        () => undefined,
        { maxEntryBytes: 1 },
      ),
    ).rejects.toThrow(/b\.tgz: not a valid gzip stream/);
    expect(gzipSync(bytes).length).toBeGreaterThan(0);
  });

  it('stops early when asked', async () => {
    const dir = makeTree();
    const out = path.join(dir, 'x.tgz');
    execFileSync('tar', ['-czf', out, '-C', dir, 'package']);
    let n = 0;
    await readTar(
      gunzipped(createReadStream(out), out),
      out,
      () => false,
      () => (++n === 1 ? 'stop' : undefined),
      { maxEntryBytes: 1 },
    );
    expect(n).toBe(1);
  });
});
