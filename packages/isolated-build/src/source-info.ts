/** What the provenance says about the source: the commit, its time (SOURCE_DATE_EPOCH), where it lives. */
import { spawnSync } from 'node:child_process';
import { ConfigurationError } from '@secure-factory/core';

export interface SourceInfo {
  commit: string;
  /** Commit time in seconds since the epoch (`git log -1 --format=%ct`). */
  commitTime: number;
  /** `git+https://host/owner/repo` (no commit), or undefined when unknown. */
  repositoryUri: string | undefined;
  /** Paths with uncommitted changes (tracked or untracked, ignored files excluded). */
  dirty: string[];
}

function git(dir: string, args: string[]): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } });
  return { ok: r.status === 0, out: (r.stdout || '').trim(), err: (r.stderr || r.error?.message || '').trim() };
}

/**
 * Paths of `git status --porcelain=v1 -z`: `XY PATH` entries; a rename or copy (`R`/`C`) is followed by
 * an entry holding the original path, which is not a separate change.
 */
export function porcelainPaths(out: string): string[] {
  const entries = out.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as string;
    if (e.length < 4) continue;
    paths.push(e.slice(3));
    if (e[0] === 'R' || e[0] === 'C') i++;
  }
  return paths;
}

/** `git@github.com:o/r.git`, `https://user:token@github.com/o/r.git` → `git+https://github.com/o/r`. */
export function normaliseRemote(url: string): string | undefined {
  const scp = /^[^@/\s]+@([^:/\s]+):(.+)$/.exec(url);
  let host: string;
  let repoPath: string;
  if (scp?.[1] && scp[2]) {
    host = scp[1];
    repoPath = scp[2];
  } else {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return undefined;
    }
    if (!['https:', 'http:', 'ssh:', 'git:'].includes(u.protocol)) return undefined;
    // Credentials in a remote URL must never reach the provenance.
    host = u.host;
    repoPath = u.pathname.replace(/^\//, '');
  }
  return `git+https://${host}/${repoPath.replace(/\.git$/, '').replace(/\/$/, '')}`;
}

export function readSourceInfo(dir: string, env: NodeJS.ProcessEnv = process.env): SourceInfo {
  const head = git(dir, ['rev-parse', '--verify', 'HEAD^{commit}']);
  if (!head.ok || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(head.out)) {
    throw new ConfigurationError(`the source folder is not a git checkout with a commit: ${head.err || head.out}`, {
      location: { file: dir },
      hint: 'build from a git checkout (actions/checkout), so the provenance can name the commit and SOURCE_DATE_EPOCH can come from its time',
    });
  }
  const time = git(dir, ['log', '-1', '--format=%ct', head.out]);
  const status = spawnSync('git', ['-C', dir, 'status', '--porcelain=v1', '-z', '--untracked-files=all'], {
    encoding: 'utf8',
    env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
  });
  // Not trimmed: each entry is `XY PATH` and a leading space is part of the status.
  const dirty = status.status === 0 ? porcelainPaths(status.stdout || '').filter((p) => !p.startsWith('.secure-factory/')) : [];
  let repositoryUri: string | undefined;
  if (env.GITHUB_REPOSITORY && env.GITHUB_ACTIONS === 'true') {
    const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/^https?:\/\//, '');
    repositoryUri = `git+https://${server}/${env.GITHUB_REPOSITORY}`;
  } else {
    const remote = git(dir, ['remote', 'get-url', 'origin']);
    if (remote.ok) repositoryUri = normaliseRemote(remote.out);
  }
  return { commit: head.out, commitTime: Number(time.out) || 0, repositoryUri, dirty };
}
