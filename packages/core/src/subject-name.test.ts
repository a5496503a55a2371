import path from 'node:path';
import { ConfigurationError } from './errors.js';
import { listedSubjectName, OUTPUT_FOLDER, projectSubjectName, subjectName, subjectNameOf } from './subject-name.js';

describe('subject names: the path relative to the project', () => {
  it('keeps relative paths, with spaces and any Unicode, byte for byte', () => {
    expect(subjectName('dist/axios.js')).toBe('dist/axios.js');
    expect(subjectName('dist/esm/axios.js')).toBe('dist/esm/axios.js');
    expect(subjectName('./out dir/my app.tgz')).toBe('out dir/my app.tgz');
    expect(subjectName('dist/ünïcødé/日本語.js')).toBe('dist/ünïcødé/日本語.js');
    expect(subjectName('a/./b//c.js')).toBe('a/b/c.js');
    expect(subjectName('a/x/../b.js')).toBe('a/b.js');
    // NFC and NFD spellings are different files on Linux: never merged.
    expect(subjectName('caf\u00e9')).not.toBe(subjectName('cafe\u0301'));
  });

  it('refuses names that leave the project, are absolute, empty, folders or hold control characters', () => {
    expect(() => subjectName('../x.js')).toThrow(/"\.\.\/x\.js" leaves the project/);
    expect(() => subjectName('a/../../x')).toThrow(/leaves the project/);
    expect(() => subjectName('..')).toThrow(/leaves the project/);
    expect(() => subjectName('/etc/passwd')).toThrow(/absolute path/);
    expect(() => subjectName('C:\\x')).toThrow(/absolute path/);
    expect(() => subjectName('')).toThrow(/empty/);
    expect(() => subjectName('.')).toThrow(/folder/);
    expect(() => subjectName('dist/')).toThrow(/folder/);
    expect(() => subjectName('a\nb')).toThrow(/control character/);
    expect(() => subjectName('a\u0000b')).toThrow(/control character/);
    expect(() => subjectName('../x')).toThrow(ConfigurationError);
  });

  it('names a file by its path under the project root, and inside the output folder by its path there', () => {
    const root = path.join(path.sep, 'work', 'proj');
    expect(subjectNameOf(root, path.join(root, 'dist', 'axios.js'))).toBe('dist/axios.js');
    expect(subjectNameOf(root, path.join(root, 'dist', 'esm', 'axios.js'))).toBe('dist/esm/axios.js');
    expect(subjectNameOf(root, path.join(root, ...OUTPUT_FOLDER.split('/'), 'dist', 'axios.js'))).toBe('dist/axios.js');
    expect(subjectNameOf(root, path.join(root, '.secure-factory', 'outside.txt'))).toBe('.secure-factory/outside.txt');
    expect(() => subjectNameOf(root, path.join(path.sep, 'work', 'other', 'a.js'))).toThrow(/outside the project/);
    expect(() => subjectNameOf(root, path.join(path.sep, 'work', 'proj-2', 'a.js'))).toThrow(/outside the project/);
    expect(() => subjectNameOf(root, root)).toThrow(/outside the project/);
  });

  it('listed paths take the fast path and are refused for the same reasons', () => {
    expect(listedSubjectName('dist/esm/axios.js')).toBe('dist/esm/axios.js');
    expect(listedSubjectName('a b/ü.js')).toBe('a b/ü.js');
    expect(() => listedSubjectName('dist/a\nb.js')).toThrow(/control character/);
    expect(() => listedSubjectName('../x')).toThrow(/leaves the project/);
    expect(() => listedSubjectName('/x')).toThrow(/absolute/);
    expect(() => listedSubjectName('')).toThrow(/empty/);
    expect(projectSubjectName(`${OUTPUT_FOLDER}/dist/a.js`)).toBe('dist/a.js');
    expect(projectSubjectName('dist/a.js')).toBe('dist/a.js');
  });
});
