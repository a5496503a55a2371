/**
 * The host toolchains the sandbox sees and the provenance records: each known tool the phases' PATH
 * resolves (in PATH order, as the sandbox resolves it) that the commands name or the project's
 * manifests call for, with its path and the first line of `--version`.
 */
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { findExecutable } from './sandbox.js';

export interface Toolchain {
  name: string;
  path: string;
  version: string;
}

const TOOLS: { name: string; args: string[]; manifests: string[] }[] = [
  { name: 'node', args: ['--version'], manifests: ['package.json'] },
  { name: 'npm', args: ['--version'], manifests: ['package-lock.json', 'npm-shrinkwrap.json'] },
  { name: 'pnpm', args: ['--version'], manifests: ['pnpm-lock.yaml'] },
  { name: 'yarn', args: ['--version'], manifests: ['yarn.lock'] },
  { name: 'python3', args: ['--version'], manifests: ['pyproject.toml', 'setup.py', 'requirements.txt'] },
  { name: 'pip', args: ['--version'], manifests: ['requirements.txt'] },
  { name: 'cargo', args: ['--version'], manifests: ['Cargo.toml'] },
  { name: 'rustc', args: ['--version'], manifests: ['Cargo.toml'] },
  { name: 'go', args: ['version'], manifests: ['go.mod'] },
  { name: 'java', args: ['-version'], manifests: ['pom.xml', 'build.gradle'] },
  { name: 'gcc', args: ['--version'], manifests: ['Makefile'] },
  { name: 'make', args: ['--version'], manifests: ['Makefile'] },
];

function firstLine(s: string): string {
  return (s.trim().split('\n')[0] ?? '').trim();
}

/** The toolchains used, probed on the host (the sandbox sees the same files read-only) in parallel. */
export async function usedToolchains(
  source: string,
  commands: readonly string[],
  env: Record<string, string>,
  timeoutMs = 10_000,
): Promise<Toolchain[]> {
  const text = commands.join('\n');
  const wanted = TOOLS.filter(
    (t) =>
      new RegExp(`(^|[^A-Za-z0-9_.-])${t.name}([^A-Za-z0-9_-]|$)`).test(text) || t.manifests.some((m) => existsSync(path.join(source, m))),
  );
  const found = await Promise.all(
    wanted.map(async (t): Promise<Toolchain | undefined> => {
      const exe = findExecutable(t.name, env.PATH ?? '');
      if (!exe) return undefined;
      const version = await new Promise<string>((resolve) => {
        execFile(exe, t.args, { env, timeout: timeoutMs, encoding: 'utf8', cwd: source }, (err, stdout, stderr) => {
          resolve(firstLine(stdout) || firstLine(stderr) || (err ? `unknown (${err.message.split('\n')[0] ?? ''})` : 'unknown'));
        });
      });
      let real = exe;
      try {
        real = realpathSync(exe);
      } catch {
        // keep the PATH name
      }
      return { name: t.name, path: real === exe ? exe : `${exe} -> ${real}`, version };
    }),
  );
  return found.filter((t): t is Toolchain => t !== undefined);
}

/** `sh: 1: vite: not found`, `bash: line 1: tsc: command not found`, `env: 'x': No such file or directory`. */
export function missingTool(stderr: string): string | undefined {
  const m =
    /(?:^|\n)[^\n]*?(?:sh|bash|dash|zsh)(?::\s*\d+)?(?::\s*line \d+)?:\s*([^\s:]+):\s*(?:command )?not found/.exec(stderr) ??
    /(?:^|\n)env: '?([^'\n:]+)'?: No such file or directory/.exec(stderr) ??
    /(?:^|\n)bwrap: execvp ([^:\n]+): No such file or directory/.exec(stderr);
  return m?.[1];
}
