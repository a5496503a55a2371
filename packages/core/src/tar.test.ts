/** core walkTar on archives the system's GNU tar writes (the formats real tarballs use), and hostile ones. */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gunzipped, TarError, walkTar, type TarEntry } from './tar.js';

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
  await walkTar(
    stream,
    file,
    { maxTotalBytes: 1 << 30 },
    (entry) => {
      seen.push({ entry });
      return want(entry) ? { read: true, maxBytes: 1 << 20 } : { read: false };
    },
    (entry, body) => {
      const s = seen.find((x) => x.entry === entry);
      if (s) s.body = body.toString('utf8');
    },
  );
  return seen;
}

describe('walkTar', () => {
  for (const format of ['gnu', 'posix', 'ustar']) {
    it(`reads GNU tar's ${format} format: names, long names, symlinks, bodies`, async () => {
      const dir = makeTree();
      const out = path.join(dir, `x.${format}.tgz`);
      execFileSync('tar', ['-czf', out, `--format=${format}`, '-C', dir, 'package']);
      const byName = new Map((await entriesOf(out)).map((s) => [s.entry.path, s]));
      expect(byName.get('package/package.json')?.body).toBe('{"name":"@acme/x","version":"1.2.3"}\n');
      expect(byName.get('package/lib/big.bin')?.entry.size).toBe(70_000);
      expect(byName.get('package/link')?.entry).toMatchObject({ type: 'symlink', linkname: 'lib/big.bin' });
      expect(byName.get(`package/${'a'.repeat(60)}/${'b'.repeat(60)}/long-name.txt`)?.body).toBe('long');
    });
  }

  it('reads only the wanted bodies', async () => {
    const dir = makeTree();
    const out = path.join(dir, 'x.tgz');
    execFileSync('tar', ['-czf', out, '-C', dir, 'package']);
    const seen = await entriesOf(out, (e) => e.path === 'package/package.json');
    expect(seen.filter((s) => s.body !== undefined).map((s) => s.entry.path)).toEqual(['package/package.json']);
  });

  it('refuses a ".." entry, naming the archive and the entry', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-tar-'));
    writeFileSync(path.join(dir, 'evil'), 'x');
    const out = path.join(dir, 'evil.tar');
    execFileSync('tar', ['-cf', out, '-C', dir, '--transform', 's,^evil,../../etc/evil,', '-P', 'evil']);
    await expect(entriesOf(out)).rejects.toThrow(/evil\.tar holds the path "\.\.\/\.\.\/etc\/evil", which climbs out of the root/);
  });

  it('refuses a truncated archive, a bad checksum, a too large wanted entry, a bomb and garbage gzip', async () => {
    const dir = makeTree();
    const tarFile = path.join(dir, 'x.tar');
    execFileSync('tar', ['-cf', tarFile, '-C', dir, 'package']);
    const bytes = readFileSync(tarFile);
    const run = (data: Buffer, maxBytes = 1 << 20, maxTotalBytes = 1 << 30) =>
      walkTar(
        Readable.from([data]),
        'a.tar',
        { maxTotalBytes },
        () => ({ read: true, maxBytes }),
        () => undefined,
      );
    await expect(run(bytes.subarray(0, 3000))).rejects.toThrow(/truncated archive/);
    const bad = Buffer.from(bytes);
    bad[0] = (bad[0] as number) ^ 1;
    await expect(run(bad)).rejects.toThrow(/wrong checksum/);
    await expect(run(bytes, 100)).rejects.toThrow(TarError);
    await expect(run(bytes, 1 << 20, 4096)).rejects.toThrow(/unpacks to more than 4096 bytes/);
    await expect(
      walkTar(
        gunzipped(Readable.from([Buffer.from('not gzip at all')]), 'b.tgz'),
        'b.tgz',
        { maxTotalBytes: 1 << 20 },
        () => ({ read: false }),
        () => undefined,
      ),
    ).rejects.toThrow(/b\.tgz: not a valid gzip stream/);
  });
});
