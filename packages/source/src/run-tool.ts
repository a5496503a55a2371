/** Runs gpg, ssh-keygen and openssl: arguments as an array (no shell), output captured, missing tools named. */
import { spawn } from 'node:child_process';
import { ConfigurationError } from '@secure-factory/core';

export interface ToolResult {
  stdout: string;
  stderr: string;
  code: number;
}

const PACKAGE: Record<string, string> = { gpg: 'gnupg', gpgsm: 'gpgsm', 'ssh-keygen': 'openssh-client', openssl: 'openssl' };

export async function runTool(
  command: string,
  args: readonly string[],
  options: { env?: Record<string, string>; input?: string | Buffer } = {},
): Promise<ToolResult> {
  const child = spawn(command, args, { env: { ...process.env, LC_ALL: 'C', ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => err.push(d));
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        reject(
          new ConfigurationError(`${command} is not installed`, { hint: `install it (apt-get install ${PACKAGE[command] ?? command})` }),
        );
      } else reject(e);
    });
    child.on('close', (c) => resolve(c ?? 128));
  });
  return { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code };
}
