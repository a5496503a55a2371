import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { diffTrees, digestFile, digestTree, sha256File } from './digest.js';

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
