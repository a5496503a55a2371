/**
 * Running git. Every call pins the signature programs and turns prompts off, so a repository's own
 * configuration cannot swap the verifier for something that always says "good".
 */
import { spawn } from 'node:child_process';
import { ConfigurationError } from '@secure-factory/core';

export interface GitOptions {
  /** Extra environment (e.g. GNUPGHOME for a policy-only keyring). */
  env?: Record<string, string>;
  /** Written to git's standard input. */
  input?: string;
  /** `-c key=value` settings placed before the command. */
  config?: Record<string, string>;
  /** Resolve with the output even when git exits non-zero. */
  allowFailure?: boolean;
  /** Kill git after this long (default GIT_TIMEOUT_MS): a FIFO in .git (`shallow`, a ref) blocks it for ever. */
  timeoutMs?: number;
}

/** Longer than any local git call on a real repository (fast-import of 10,000 commits takes under a second). */
export const GIT_TIMEOUT_MS = 10 * 60 * 1000;

export interface GitResult {
  stdout: string;
  bytes: Buffer;
  stderr: string;
  code: number;
}

const MAX_OUTPUT = 256 * 1024 * 1024;

export async function gitRun(repo: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  // core.fsmonitor from a repository's config would run a command on `git status`: never here.
  const config = Object.entries({ 'core.fsmonitor': 'false', ...options.config }).flatMap(([k, v]) => ['-c', `${k}=${v}`]);
  const child = spawn('git', ['-C', repo, ...config, ...args], {
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', LC_ALL: 'C', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let size = 0;
  child.stdout.on('data', (d: Buffer) => {
    size += d.length;
    if (size <= MAX_OUTPUT) out.push(d);
  });
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  const timeoutMs = options.timeoutMs ?? GIT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const code = await new Promise<number>((resolve, reject) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new ConfigurationError(`git ${args[0] ?? ''} did not finish within ${Math.round(timeoutMs / 1000)} s in ${repo}; stopped`, {
          location: { file: repo },
          hint: 'a file in .git that is a FIFO or device (shallow, a ref, the index) blocks git: check the repository, or clone it again',
        }),
      );
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') reject(new ConfigurationError('git is not installed', { hint: 'install git (apt-get install git)' }));
      else reject(e);
    });
    child.on('close', (c) => resolve(c ?? 128));
  }).finally(() => clearTimeout(timer));
  const bytes = Buffer.concat(out);
  const result = { stdout: bytes.toString('utf8'), bytes, stderr: Buffer.concat(err).toString('utf8'), code };
  if (code !== 0 && !options.allowFailure) {
    throw new ConfigurationError(
      `git ${args[0] ?? ''} failed in ${repo}: ${(result.stderr.trim().split('\n')[0] ?? '').trim() || `exit ${code}`}`,
    );
  }
  return result;
}

export async function git(repo: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return (await gitRun(repo, args, options)).stdout;
}

/** A raw commit object, with its signature split off the way git verifies it. */
export interface CommitObject {
  sha: string;
  tree: string;
  parents: string[];
  committerName: string;
  committerEmail: string;
  committerTime: number;
  authorEmail: string;
  /** The armoured signature (gpgsig header), when signed. */
  signature?: string;
  /** The bytes that were signed: the object without its gpgsig header. */
  payload: string;
  subject: string;
}

function parseIdent(line: string): { name: string; email: string; time: number } {
  const m = /^(.*?) <([^>]*)> (\d+) [+-]\d{4}$/.exec(line);
  if (!m) return { name: line, email: '', time: 0 };
  return { name: m[1] ?? '', email: m[2] ?? '', time: Number(m[3]) };
}

/** Parses a commit object as `git cat-file commit` prints it. */
export function parseCommitObject(sha: string, text: string): CommitObject {
  const split = text.indexOf('\n\n');
  const header = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 2);
  const kept: string[] = [];
  const sig: string[] = [];
  const parents: string[] = [];
  let tree = '';
  let committer = { name: '', email: '', time: 0 };
  let author = { name: '', email: '', time: 0 };
  let inSig = false;
  for (const line of header.split('\n')) {
    if (line.startsWith('gpgsig ')) {
      inSig = true;
      sig.push(line.slice('gpgsig '.length));
      continue;
    }
    if (inSig && line.startsWith(' ')) {
      sig.push(line.slice(1));
      continue;
    }
    inSig = false;
    kept.push(line);
    if (line.startsWith('tree ')) tree = line.slice(5).trim();
    else if (line.startsWith('parent ')) parents.push(line.slice(7).trim());
    else if (line.startsWith('committer ')) committer = parseIdent(line.slice(10));
    else if (line.startsWith('author ')) author = parseIdent(line.slice(7));
  }
  const payload = `${kept.join('\n')}${split < 0 ? '' : `\n\n${body}`}`;
  return {
    sha,
    tree,
    parents,
    committerName: committer.name,
    committerEmail: committer.email,
    committerTime: committer.time,
    authorEmail: author.email,
    ...(sig.length > 0 ? { signature: `${sig.join('\n')}\n` } : {}),
    payload,
    subject: body.split('\n')[0] ?? '',
  };
}

/** Reads many commit objects with one `git cat-file --batch`. */
export async function readCommits(repo: string, shas: readonly string[]): Promise<CommitObject[]> {
  if (shas.length === 0) return [];
  const { bytes: buf } = await gitRun(repo, ['cat-file', '--batch'], { input: `${shas.join('\n')}\n` });
  const out: CommitObject[] = [];
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(0x0a, at);
    if (nl < 0) break;
    const head = buf.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(head);
    if (!m) continue; // "<sha> missing": the object is beyond a shallow boundary
    const size = Number(m[3]);
    const text = buf.subarray(at, at + size).toString('utf8');
    at += size + 1;
    if (m[2] === 'commit') out.push(parseCommitObject(m[1] ?? '', text));
  }
  return out;
}
