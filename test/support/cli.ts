/** Runs the real `secure-factory` bin in a child process, on Node 24. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { node24Binary } from './action-harness.js';
import { REPO_ROOT } from './shared.js';

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export const CLI_BIN = path.join(REPO_ROOT, 'packages', 'cli', 'bin', 'secure-factory.js');

export async function runCli(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number; input?: string } = {},
): Promise<CliRun> {
  const child = spawn(node24Binary(), [CLI_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(options.input ?? '');
  const timeout = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const exitCode = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearTimeout(timeout);
  return { exitCode, stdout, stderr };
}
