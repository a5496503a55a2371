import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compareBytewise,
  diffTrees,
  digestFile,
  digestTree,
  HashPool,
  hashFiles,
  listTree,
  listTreeNames,
  sha256File,
  StreamingHasher,
} from './digest.js';
import { ConfigurationError } from './errors.js';

describe('digests', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-digest-'));
  writeFileSync(path.join(dir, 'a.txt'), 'hello\n');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'b.bin'), Buffer.alloc(3 * 1024 * 1024, 7));
  symlinkSync('a.txt', path.join(dir, 'link'));

  it('matches sha256sum and sha512sum', async () => {
    const file = path.join(dir, 'sub', 'b.bin');
    const want256 = execFileSync('sha256sum', [file]).toString().split(' ')[0];
    const want512 = execFileSync('sha512sum', [file]).toString().split(' ')[0];
    expect(await sha256File(file)).toBe(want256);
    expect(await digestFile(file, ['sha256', 'sha512'])).toEqual({ sha256: want256, sha512: want512 });
  });

  it('hashes a tree in a stable byte order, recording symlinks without following them', async () => {
    const t1 = await digestTree(dir);
    const t2 = await digestTree(dir, { concurrency: 1 });
    expect(t1.sha256).toBe(t2.sha256);
    expect(t1.entries.map((e) => e.path)).toEqual(['a.txt', 'link', 'sub/b.bin']);
    expect(t1.entries.find((e) => e.path === 'link')).toMatchObject({ type: 'symlink', target: 'a.txt' });
    writeFileSync(path.join(dir, 'a.txt'), 'changed\n');
    const t3 = await digestTree(dir);
    expect(t3.sha256).not.toBe(t1.sha256);
    expect(diffTrees(t1.entries, t3.entries)).toEqual({ added: [], removed: [], changed: ['a.txt'] });
  });
});

describe('only regular files are hashed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-digest-special-'));
  const fifo = path.join(dir, 'app.fifo');
  execFileSync('mkfifo', [fifo]);
  const zero = path.join(dir, 'zero');
  symlinkSync('/dev/zero', zero);
  const good = path.join(dir, 'good.bin');
  writeFileSync(good, 'ok');
  const NOT_REGULAR = 'not a regular file (a FIFO, device, socket or folder); give the artefact file itself';

  it.each([
    ['a FIFO (would block for ever)', fifo],
    ['a link to /dev/zero (would never end)', zero],
    ['a folder', dir],
  ])('%s: a usage error naming it, at once', async (_what, file) => {
    for (const call of [() => sha256File(file), () => digestFile(file, ['sha512']), () => hashFiles([good, file], { threads: 1 })]) {
      let error: unknown;
      try {
        await call();
      } catch (e: unknown) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toBe(`cannot hash ${file}: ${NOT_REGULAR}`);
    }
  });

  it('the worker pool refuses them too, naming the file', async () => {
    const list = [...Array.from({ length: 9 }, () => good), fifo];
    await expect(hashFiles(list, { threads: 2 })).rejects.toThrow(`cannot hash ${fifo}: ${NOT_REGULAR}`);
    await expect(hashFiles([...list.slice(0, 9), zero], { threads: 2 })).rejects.toThrow(`cannot hash ${zero}: ${NOT_REGULAR}`);
  });
});

describe('hashing many files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-hashfiles-'));
  // Sizes around the edges: empty, one byte, exactly one read buffer (2 MiB), just over it, several reads.
  const sizes = [0, 1, 4095, 4096, 65536, 2 * 1024 * 1024, 2 * 1024 * 1024 + 1, 5 * 1024 * 1024 + 3, 100, 7, 300_000, 12];
  const files = sizes.map((n, i) => {
    const file = path.join(dir, `f${i}.bin`);
    writeFileSync(file, Buffer.alloc(n, i + 1));
    return file;
  });
  const sums = (list: string[]): string[] =>
    execFileSync('sha256sum', ['--', ...list], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((l) => l.slice(0, 64));
  const expected = sums(files);

  it('gives sha256sum digests and sizes in input order, on a worker pool and on this thread', async () => {
    const pooled = await hashFiles(files, { threads: 2 });
    expect(pooled.map((d) => d.sha256)).toEqual(expected);
    expect(pooled.map((d) => d.size)).toEqual(sizes);
    const withSizes = await hashFiles(
      files.map((file, i) => ({ file, size: sizes[i] as number })),
      { threads: 3 },
    );
    expect(withSizes.map((d) => d.sha256)).toEqual(expected);
    const here = await hashFiles(files, { threads: 1 });
    expect(here.map((d) => d.sha256)).toEqual(expected);
    expect(await hashFiles([])).toEqual([]);
  });

  it('hashes more files than one batch holds, with the same result on every pool size', async () => {
    const many = mkdtempSync(path.join(tmpdir(), 'sf-hashmany-'));
    const list = Array.from({ length: 700 }, (_, i) => {
      const file = path.join(many, `m${i}`);
      writeFileSync(file, `file ${i}\n`);
      return file;
    });
    const want = sums(list);
    expect((await hashFiles(list, { threads: 2 })).map((d) => d.sha256)).toEqual(want);
    expect((await hashFiles(list, { threads: 1 })).map((d) => d.sha256)).toEqual(want);
  });

  it('fails naming a file it cannot read, on the pool and on this thread', async () => {
    const missing = path.join(dir, 'missing.bin');
    await expect(hashFiles([...files, missing], { threads: 2 })).rejects.toThrow(`cannot hash ${missing}`);
    await expect(hashFiles([missing], { threads: 1 })).rejects.toThrow(`cannot hash ${missing}`);
  });

  it('digestFile reads a multi-buffer file exactly once, in order', async () => {
    const big = files[7] as string;
    expect(await sha256File(big)).toBe(expected[7]);
    expect(await digestFile(files[0] as string)).toEqual({ sha256: expected[0] });
  });

  it('digestTree takes the digests and sizes from the pool', async () => {
    const t = await digestTree(dir, { concurrency: 2 });
    expect(t.entries.map((e) => e.sha256)).toEqual([...files].sort(compareBytewise).map((f) => expected[files.indexOf(f)]));
    expect(t.entries.find((e) => e.path === 'f7.bin')?.size).toBe(sizes[7]);
  });
});

describe('streaming and pooled hashing', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-stream-'));
  const files = Array.from({ length: 600 }, (_, i) => {
    const file = path.join(dir, `s${i}`);
    writeFileSync(file, Buffer.alloc(i * 37, i % 251));
    return file;
  });
  const want = execFileSync('sha256sum', ['--', ...files], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.slice(0, 64));

  it('hashes files handed over one by one, on the pool (many) and on this thread (few)', async () => {
    const many = new StreamingHasher();
    files.forEach((f, i) => expect(many.add(f)).toBe(i));
    const got = await many.finish();
    expect(got.map((d) => d.sha256)).toEqual(want);
    expect(got[599]?.size).toBe(599 * 37);
    const few = new StreamingHasher();
    few.add(files[3] as string);
    few.add(files[4] as string);
    expect((await few.finish()).map((d) => d.sha256)).toEqual([want[3], want[4]]);
  });

  it('rejects naming the unreadable file, and aborting stops the workers', async () => {
    const bad = new StreamingHasher();
    files.forEach((f, i) => bad.add(i === 300 ? path.join(dir, 'gone') : f));
    await expect(bad.finish()).rejects.toThrow(`cannot hash ${path.join(dir, 'gone')}`);
    const stopped = new StreamingHasher();
    files.forEach((f) => stopped.add(f));
    await stopped.abort();
  });

  it('a pool serves batches submitted side by side, and refuses work once closed', async () => {
    const pool = new HashPool(2);
    const [a, b] = await Promise.all([pool.hash(files.slice(0, 300)), pool.hash(files.slice(300))]);
    expect([...(a ?? []), ...(b ?? [])].map((d) => d.sha256)).toEqual(want);
    expect((await hashFiles(files.slice(0, 3), { pool })).map((d) => d.sha256)).toEqual(want.slice(0, 3));
    await pool.close();
    await expect(pool.hash(files.slice(0, 1))).rejects.toThrow(/closed/);
  });
});

describe('listing', () => {
  it('orders paths by their UTF-8 bytes, with characters beyond U+FFFF after U+E000–U+FFFF', () => {
    const names = ['b', 'a b', 'é', '\u{1F600}', '\uFFFD', 'a', 'A', 'ab', '\u00e9z', 'z', '\uE000', '~'];
    const byBuffer = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...names].sort(compareBytewise)).toEqual(byBuffer);
    expect(byBuffer.indexOf('\u{1F600}')).toBeGreaterThan(byBuffer.indexOf('\uFFFD'));
  });

  it('lists a tree in the byte order of whole paths (a.txt before a/b, a-b before a/), as a full sort would', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'sf-order-'));
    for (const dir of ['a', 'a/b', 'a-b', 'ab', 'é', 'Z', 'a b']) mkdirSync(path.join(d, dir), { recursive: true });
    for (const f of [
      'a.txt',
      'a/b/x',
      'a/b.txt',
      'a/c',
      'a-b/y',
      'ab/z',
      'é/1',
      'Z/2',
      'a b/3',
      'a0',
      'a!',
      'a-',
      'a/b!',
      '\u{1F600}',
      '\uFFFD',
    ]) {
      writeFileSync(path.join(d, f), f);
    }
    const listed = (await listTreeNames(d)).map((e) => e.path);
    expect(listed).toEqual([...listed].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y))));
    expect(listed).toHaveLength(15);
    expect(listed.indexOf('a.txt')).toBeLessThan(listed.indexOf('a/b/x'));
  });

  it('lists names without following symlinks, skipping the named folders, and sizes with listTree', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'sf-list-'));
    mkdirSync(path.join(d, 'x', 'y'), { recursive: true });
    mkdirSync(path.join(d, '.git'));
    writeFileSync(path.join(d, '.git', 'HEAD'), 'ref');
    writeFileSync(path.join(d, 'x', 'y', 'deep file.txt'), 'abc');
    writeFileSync(path.join(d, 'top'), '');
    symlinkSync('/etc', path.join(d, 'x', 'out'));
    expect(await listTreeNames(d, { skipDirectories: ['.git'] })).toEqual([
      { path: 'top', type: 'file' },
      { path: 'x/out', type: 'symlink' },
      { path: 'x/y/deep file.txt', type: 'file' },
    ]);
    expect((await listTree(d)).map((e) => [e.path, e.size])).toEqual([
      ['.git/HEAD', 3],
      ['top', 0],
      ['x/out', 0],
      ['x/y/deep file.txt', 3],
    ]);
  });
});
