import { parseChecksums, subjectFromDigest, dedupeSubjects } from './subjects.js';

describe('subjects', () => {
  const hex = 'ab'.repeat(32);
  it('reads GNU (text and binary mode) and BSD checksum lines', () => {
    expect(parseChecksums(`${hex}  a.tgz\n${hex.toUpperCase()} *b/c.zip\nSHA256 (d e.bin) = ${hex}\n\n# comment\n`, 'SUMS')).toEqual([
      { name: 'a.tgz', digest: { sha256: hex } },
      { name: 'b/c.zip', digest: { sha256: hex } },
      { name: 'd e.bin', digest: { sha256: hex } },
    ]);
  });
  it('names the line of a bad checksum entry', () => {
    expect(() => parseChecksums(`${hex}  ok\nmd5 nope\n`, 'SUMS')).toThrow(/not a sha256sum line/);
    try {
      parseChecksums(`${hex}  ok\nmd5 nope\n`, 'SUMS');
    } catch (e: unknown) {
      expect((e as { location?: unknown }).location).toEqual({ file: 'SUMS', line: 2, column: 1 });
    }
  });
  it('image digests: NAME@sha256:HEX, or a bare digest with a given name', () => {
    expect(subjectFromDigest(`ghcr.io/acme/app@sha256:${hex}`, undefined)).toEqual({ name: 'ghcr.io/acme/app', digest: { sha256: hex } });
    expect(subjectFromDigest(`sha256:${hex}`, 'app')).toEqual({ name: 'app', digest: { sha256: hex } });
    expect(() => subjectFromDigest(`sha256:${hex}`, undefined)).toThrow(/needs a name/);
    expect(() => subjectFromDigest('sha256:1234', 'x')).toThrow(/not a digest/);
  });
  it('keeps exact duplicates once, and refuses one name with two digests', () => {
    const a = { name: 'a', digest: { sha256: hex } };
    expect(dedupeSubjects([a, { ...a }])).toHaveLength(1);
    expect(() => dedupeSubjects([a, { name: 'a', digest: { sha256: 'cd'.repeat(32) } }])).toThrow(/two digests/);
  });
});

describe('subjects from files and globs', () => {
  const setup = async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, symlinkSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-subj-'));
    mkdirSync(path.join(dir, 'out', 'sub'), { recursive: true });
    mkdirSync(path.join(dir, 'dist', 'esm'), { recursive: true });
    mkdirSync(path.join(dir, '.secure-factory', 'out', 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'out', 'a.tgz'), 'a');
    writeFileSync(path.join(dir, 'out', '.hidden'), 'h');
    writeFileSync(path.join(dir, 'out', 'sub', 'b.tgz'), 'b');
    writeFileSync(path.join(dir, 'dist', 'axios.js'), 'cjs');
    writeFileSync(path.join(dir, 'dist', 'esm', 'axios.js'), 'esm');
    writeFileSync(path.join(dir, 'dist', '[id] é 日本.js'), 'route');
    writeFileSync(path.join(dir, '.secure-factory', 'out', 'dist', 'axios.js'), 'cjs');
    symlinkSync('a.tgz', path.join(dir, 'out', 'link.tgz'));
    return { dir, path };
  };

  it('names every file by its path relative to the project, for globs and plain files alike', async () => {
    const { subjectsFromPaths } = await import('./subjects.js');
    const { dir } = await setup();
    const names = (await subjectsFromPaths(['out/**'], dir)).map((s) => s.name);
    expect(names).toEqual(['out/.hidden', 'out/a.tgz', 'out/link.tgz', 'out/sub/b.tgz']);
    expect((await subjectsFromPaths(['out/sub/b.tgz'], dir)).map((s) => s.name)).toEqual(['out/sub/b.tgz']);
    expect((await subjectsFromPaths(['./out/sub/b.tgz'], dir)).map((s) => s.name)).toEqual(['out/sub/b.tgz']);
    await expect(subjectsFromPaths(['out/*.zip'], dir)).rejects.toThrow(/matches no file/);
  });

  it('keeps dist/axios.js and dist/esm/axios.js apart, and names the output folder as the build does', async () => {
    const { subjectsFromPaths } = await import('./subjects.js');
    const { dir } = await setup();
    const got = await subjectsFromPaths(['dist/**/axios.js', '.secure-factory/out/**'], dir);
    expect(got.map((s) => s.name)).toEqual(['dist/axios.js', 'dist/esm/axios.js', 'dist/axios.js']);
    expect(new Set(got.map((s) => s.digest.sha256)).size).toBe(2);
  });

  it('takes an existing file literally even with glob characters, spaces and Unicode in its name', async () => {
    const { subjectsFromPaths } = await import('./subjects.js');
    const { createHash } = await import('node:crypto');
    const { dir } = await setup();
    const [s] = await subjectsFromPaths(['dist/[id] é 日本.js'], dir);
    expect(s).toEqual({ name: 'dist/[id] é 日本.js', digest: { sha256: createHash('sha256').update('route').digest('hex') } });
  });

  it('refuses files outside the project with a clear error', async () => {
    const { subjectsFromPaths } = await import('./subjects.js');
    const { dir, path } = await setup();
    await expect(subjectsFromPaths(['../outside.tgz'], path.join(dir, 'out'))).rejects.toThrow(/does not exist/);
    await expect(subjectsFromPaths(['../a.tgz'], path.join(dir, 'out', 'sub'))).rejects.toThrow(/outside the project/);
    await expect(subjectsFromPaths([path.join(dir, 'out', 'a.tgz')], path.join(dir, 'dist'))).rejects.toThrow(/outside the project/);
    await expect(subjectsFromPaths(['../*.tgz'], path.join(dir, 'out', 'sub'))).rejects.toThrow(/outside the project/);
  });

  it('refuses a symbolic link leading outside the project, by its name, for globs, plain paths and linked folders', async () => {
    const { subjectsFromPaths } = await import('./subjects.js');
    const { ConfigurationError, exitCodeFor } = await import('@secure-factory/core');
    const { mkdtempSync, writeFileSync, symlinkSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { dir, path } = await setup();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'sf-subj-outside-'));
    writeFileSync(path.join(elsewhere, 'token'), 'SECRET-subjects-marker');
    mkdirSync(path.join(dir, 'rel'));
    writeFileSync(path.join(dir, 'rel', 'app.tgz'), 'app');
    symlinkSync(path.join(elsewhere, 'token'), path.join(dir, 'rel', 'token.tgz'));
    const refusal = async (patterns: string[], name: RegExp): Promise<void> => {
      const e: unknown = await subjectsFromPaths(patterns, dir).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ConfigurationError);
      expect(exitCodeFor(e)).toBe(2);
      const text = (e as InstanceType<typeof ConfigurationError>).describe();
      expect(text).toMatch(name);
      expect(text).toMatch(/outside the project/);
      expect(text).not.toContain('SECRET-subjects-marker');
    };
    await refusal(['rel/**'], /"rel\/token\.tgz"/);
    await refusal(['rel/*.tgz'], /"rel\/token\.tgz"/);
    await refusal(['rel/token.tgz'], /"rel\/token\.tgz"/);
    // A link to /dev/zero is refused the same way (a glob must not skip it without a word).
    symlinkSync('/dev/zero', path.join(dir, 'out', 'zero.tgz'));
    await refusal(['out/*.tgz'], /"out\/zero\.tgz"/);
    // The glob's base folder itself a link to a folder elsewhere.
    symlinkSync(elsewhere, path.join(dir, 'linked'));
    await refusal(['linked/**'], /"linked"/);
    await refusal(['linked/token'], /"linked\/token"/);
    // A link inside the project is still followed; a dangling one is still no file.
    symlinkSync('does-not-exist', path.join(dir, 'dist', 'dangling.js'));
    expect((await subjectsFromPaths(['out/sub/**', 'out/link.tgz', 'dist/*a*.js'], dir)).map((s) => s.name)).toEqual([
      'out/sub/b.tgz',
      'out/link.tgz',
      'dist/axios.js',
    ]);
  });

  it('names subjects from a checksums file the same way, and refuses names that leave the project', () => {
    const hex = 'ab'.repeat(32);
    expect(parseChecksums(`${hex}  ./dist/esm/axios.js\n${hex}  dist/axios.js\n`, 'SUMS').map((s) => s.name)).toEqual([
      'dist/esm/axios.js',
      'dist/axios.js',
    ]);
    expect(() => parseChecksums(`${hex}  ../x.tgz\n`, 'SUMS')).toThrow(/leaves the project/);
    expect(() => parseChecksums(`${hex}  /etc/passwd\n`, 'SUMS')).toThrow(/absolute path/);
    // sha256sum escapes a newline in a name; the name is refused rather than split into two lines.
    expect(() => parseChecksums(`\\${hex}  a\\nb\n`, 'SUMS')).toThrow(/control character/);
    expect(parseChecksums(`\\${hex}  a\\\\b\n`, 'SUMS').map((s) => s.name)).toEqual(['a\\b']);
  });

  it("takes already named subjects (the build's) through the same rule", async () => {
    const { collectSubjects } = await import('./subjects.js');
    const hex = 'cd'.repeat(32);
    expect(await collectSubjects({ subjects: [{ name: './dist/a.js', digest: { sha256: hex } }] })).toEqual([
      { name: 'dist/a.js', digest: { sha256: hex } },
    ]);
    await expect(collectSubjects({ subjects: [{ name: '../a.js', digest: { sha256: hex } }] })).rejects.toThrow(/leaves the project/);
  });
});
