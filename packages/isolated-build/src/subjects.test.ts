import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { collectOutputs, toSubjects } from './subjects.js';

const sha256sum = (file: string): string => execFileSync('sha256sum', ['--', file], { encoding: 'utf8' }).slice(0, 64);

describe('build outputs as subjects', () => {
  it('names outputs by their path in the output folder: same base names stay apart; spaces and Unicode kept', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sf-outputs-'));
    mkdirSync(path.join(out, 'dist', 'esm'), { recursive: true });
    writeFileSync(path.join(out, 'dist', 'axios.js'), 'cjs');
    writeFileSync(path.join(out, 'dist', 'esm', 'axios.js'), 'esm');
    writeFileSync(path.join(out, 'dist', 'my app é 日本.js'), 'u');
    symlinkSync('axios.js', path.join(out, 'dist', 'alias.js'));
    const got = await collectOutputs(out, ['dist/**']);
    expect(got.map((o) => o.name)).toEqual(['dist/alias.js', 'dist/axios.js', 'dist/esm/axios.js', 'dist/my app é 日本.js']);
    for (const o of got) expect(o.sha256).toBe(sha256sum(o.file));
    expect(got.find((o) => o.name === 'dist/alias.js')?.file).toBe(path.join(out, 'dist', 'axios.js'));
    expect(got.find((o) => o.name === 'dist/esm/axios.js')?.size).toBe(3);
    expect(toSubjects(got)[0]).toEqual({ name: 'dist/alias.js', digest: { sha256: sha256sum(path.join(out, 'dist', 'axios.js')) } });
  });

  it('hashes many outputs on the pool exactly as sha256sum, in byte order, once each across globs', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sf-outputs-many-'));
    for (let d = 0; d < 5; d++) mkdirSync(path.join(out, `d${d}`));
    for (let i = 0; i < 400; i++) writeFileSync(path.join(out, `d${i % 5}`, `f${i}.js`), `content ${i}`);
    const got = await collectOutputs(out, ['d1/**', '**/*.js']);
    expect(got).toHaveLength(400);
    expect(got.map((o) => o.name)).toEqual([...got.map((o) => o.name)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    const sums = execFileSync('sh', ['-c', 'find . -type f -print0 | xargs -0 sha256sum'], { cwd: out, encoding: 'utf8' });
    const want = new Map(
      sums
        .trim()
        .split('\n')
        .map((l) => [l.slice(66).replace(/^\.\//, ''), l.slice(0, 64)]),
    );
    for (const o of got) expect(o.sha256).toBe(want.get(o.name));
  });

  it('refuses a symlink leaving the folder and a glob matching nothing, without leaving workers behind', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'sf-outputs-bad-'));
    for (let i = 0; i < 20; i++) writeFileSync(path.join(out, `f${i}`), String(i));
    symlinkSync('/etc/hostname', path.join(out, 'zz-escape'));
    await expect(collectOutputs(out, ['*'])).rejects.toThrow(/symlink that leaves the output folder/);
    await expect(collectOutputs(out, ['f*', 'nothing/**'])).rejects.toThrow(/"nothing\/\*\*" matched no file/);
  });
});

describe('output glob matching', () => {
  it('answers the usual shapes exactly as picomatch does', async () => {
    const { default: picomatch } = await import('picomatch');
    const out = mkdtempSync(path.join(tmpdir(), 'sf-outputs-globs-'));
    mkdirSync(path.join(out, 'dist', 'a'), { recursive: true });
    mkdirSync(path.join(out, 'distx'));
    mkdirSync(path.join(out, '.hidden'));
    for (const f of ['dist/a/b.js', 'dist/.x', 'distx/y', '.hidden/z', 'top', 'dist/a/c.map']) writeFileSync(path.join(out, f), f);
    const listed = ['.hidden/z', 'dist/.x', 'dist/a/b.js', 'dist/a/c.map', 'distx/y', 'top'];
    for (const g of ['**', '**/*', 'dist/**', 'dist/**/*', './dist/**', 'dist/a/**', '**/*.js', 'dist/*/b.js']) {
      const want = listed.filter((p) => picomatch(g.replace(/^\.\//, ''), { dot: true })(p));
      const got = (await collectOutputs(out, [g])).map((o) => o.name);
      expect([g, got]).toEqual([g, want]);
    }
  });
});
