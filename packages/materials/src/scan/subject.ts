/** What the materials statements are about: the git commit when the path is in a repository, else the lockfiles. */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { sha256File, sha256Hex, subjectFor, type Subject } from '@secure-factory/core';

export function gitCommitOf(target: string): { commit: string; top: string } | undefined {
  const dir = statSync(target).isDirectory() ? target : path.dirname(target);
  try {
    const out = execFileSync('git', ['-C', dir, 'rev-parse', '--verify', '-q', 'HEAD^{commit}', '--show-toplevel'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    })
      .trim()
      .split('\n');
    const [commit, top] = [out.find((l) => /^[0-9a-f]{40,64}$/.test(l)), out.find((l) => l.startsWith('/'))];
    return commit ? { commit, top: top ?? dir } : undefined;
  } catch {
    return undefined;
  }
}

export async function materialsSubjects(target: string, files: readonly string[], root: string, fallback: string): Promise<Subject[]> {
  const git = gitCommitOf(target);
  if (git) return [subjectFor(path.basename(git.top), { gitCommit: git.commit })];
  const subjects: Subject[] = [];
  for (const f of files) subjects.push(subjectFor(path.relative(root, f) || path.basename(f), { sha256: await sha256File(f) }));
  if (subjects.length === 0) subjects.push(subjectFor(path.basename(target), { sha256: sha256Hex(fallback) }));
  return subjects;
}
