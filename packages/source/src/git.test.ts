import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@secure-factory/core';
import { gitRun, parseCommitObject } from './git.js';
import { sourceLevel } from './source-level.js';
import { couldNotVerify } from './github-api.js';
import { githubRepoFromRemote } from './source-vsa.js';

describe('commit objects', () => {
  const raw = [
    'tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    'parent 1111111111111111111111111111111111111111',
    'parent 2222222222222222222222222222222222222222',
    'author Alice <alice@example.com> 1700000000 +0100',
    'committer GitHub <noreply@github.com> 1700000100 +0000',
    'gpgsig -----BEGIN PGP SIGNATURE-----',
    ' ',
    ' wsBcBAABCAAQBQJ=',
    ' -----END PGP SIGNATURE-----',
    '',
    'Merge pull request #7',
    '',
    'body',
  ].join('\n');

  it('splits off the signature exactly as git verifies it', () => {
    const c = parseCommitObject('a'.repeat(40), raw);
    expect(c).toMatchObject({
      tree: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
      parents: ['1'.repeat(40), '2'.repeat(40)],
      committerName: 'GitHub',
      committerEmail: 'noreply@github.com',
      committerTime: 1700000100,
      authorEmail: 'alice@example.com',
      subject: 'Merge pull request #7',
    });
    expect(c.signature).toBe('-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQBQJ=\n-----END PGP SIGNATURE-----\n');
    expect(c.payload).not.toContain('gpgsig');
    expect(c.payload).toContain('committer GitHub <noreply@github.com> 1700000100 +0000\n\nMerge pull request #7\n\nbody');
  });

  it('an unsigned commit has no signature', () => {
    expect(
      parseCommitObject('b'.repeat(40), 'tree t\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\nmsg\n').signature,
    ).toBeUndefined();
  });
});

describe('source level mapping (docs/source-levels.md)', () => {
  const none = {
    identity: false,
    signedHistory: false,
    branchProtection: false,
    reviewEnforced: false,
    independentApproval: false,
    codeowners: true,
  };
  it.each([
    [{}, 0],
    [{ identity: true }, 1],
    [{ identity: true, signedHistory: true }, 2],
    [{ identity: true, branchProtection: true }, 2],
    [{ identity: true, branchProtection: true, reviewEnforced: true }, 2],
    [{ identity: true, branchProtection: true, reviewEnforced: true, independentApproval: true }, 3],
    [{ identity: true, branchProtection: true, reviewEnforced: true, independentApproval: true, codeowners: false }, 2],
    [{ signedHistory: true, branchProtection: true, reviewEnforced: true, independentApproval: true }, 0],
  ])('%j → level %d', (e, level) => {
    expect(sourceLevel({ ...none, ...e })).toBe(level);
  });
});

describe('messages and URLs', () => {
  it('names the missing permission for 403 and 404, and never hides other failures', () => {
    expect(couldNotVerify('X', 'pull-requests: read', { status: 403, message: 'Resource not accessible by integration' })).toBe(
      'could not verify X: the token lacks pull-requests: read (HTTP 403: Resource not accessible by integration)',
    );
    expect(couldNotVerify('X', 'Y', { status: 404, message: 'Not Found' })).toMatch(/the token lacks Y/);
    expect(couldNotVerify('X', 'Y', { status: 401, message: 'Bad credentials' })).toMatch(/token was refused/);
    expect(couldNotVerify('X', 'Y', { status: 502, message: 'Bad gateway' })).toMatch(/answered HTTP 502/);
    expect(couldNotVerify('X', 'Y', { status: 0, message: 'ECONNREFUSED' })).toMatch(/could not be reached/);
  });

  it('recognises GitHub remotes in every form', () => {
    for (const url of [
      'https://github.com/acme/app.git',
      'https://x-access-token:abc@github.com/acme/app',
      'git@github.com:acme/app.git',
      'ssh://git@github.com/acme/app',
    ]) {
      expect(githubRepoFromRemote(url)).toEqual({ owner: 'acme', repo: 'app' });
    }
    expect(githubRepoFromRemote('https://gitlab.com/acme/app.git')).toBeUndefined();
  });
});

describe('gitRun', () => {
  it('stops git that blocks on a FIFO in .git (shallow) after its deadline, with a usage error naming the repository', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'sf-git-fifo-'));
    try {
      execFileSync('git', ['init', '-q', repo]);
      execFileSync('git', ['-C', repo, '-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-q', '--allow-empty', '-m', 'x']);
      execFileSync('mkfifo', [path.join(repo, '.git', 'shallow')]);
      const started = Date.now();
      let error: unknown;
      try {
        await gitRun(repo, ['log', '--format=%H'], { timeoutMs: 500 });
      } catch (e: unknown) {
        error = e;
      }
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).message).toBe(`git log did not finish within 1 s in ${repo}; stopped`);
      expect((error as ConfigurationError).hint).toMatch(/FIFO/);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('a git call that ends in time is unaffected by the deadline', async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'sf-git-ok-'));
    try {
      execFileSync('git', ['init', '-q', repo]);
      const r = await gitRun(repo, ['rev-parse', '--is-inside-work-tree'], { timeoutMs: 30_000 });
      expect(r).toMatchObject({ code: 0, stdout: 'true\n' });
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
