/**
 * Operator arguments that an option's own parser refuses while commander parses (before any verb's
 * error handling runs), found by the held-out hostile-input run: `scan -L __proto__:package-lock.json`
 * (or any unknown format) escaped as an uncaught ConfigurationError — Node's stack trace on stderr and
 * exit 1, the code that means "a finding". Each must end as every input error does: exit 2, one
 * `error:` line through the output chokepoint, `{ error }` JSON with --json, no stack, no raw command.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { main } from '../../../packages/cli/src/main.js';
import { redirectOutput } from '@secure-factory/core';
import { fail, isRunnerCommand, RAW_CONTROL, runnerLines, type HostileCase } from './types.js';

async function runMain(args: string[]): Promise<{ code: number | string | undefined; out: string; err: string }> {
  let out = '';
  let err = '';
  const restore = redirectOutput({ write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await main(['node', 'secure-factory', ...args]);
    return { code: process.exitCode, out, err };
  } finally {
    process.exitCode = before;
    restore();
  }
}

const LOCKFILE_ARGUMENTS = [
  '__proto__:package-lock.json',
  'constructor:package-lock.json',
  'toString:package-lock.json',
  'npm:package-lock.json',
  'x\n::error::forged\u001b[2J:package-lock.json',
  '##[error]x:package-lock.json',
  'package-lock.json',
  ':',
];

export const cliArgumentCases: HostileCase[] = LOCKFILE_ARGUMENTS.map((arg, i): HostileCase => ({
  id: `paths/scan-lockfile-argument-${i}`,
  area: 'paths',
  input: `scan -L ${JSON.stringify(arg)} --json`,
  expect: 'exit 2, one error line naming --lockfile, { error } JSON (was: uncaught, stack trace, exit 1)',
  run: async () => {
    const r = await runMain(['scan', mkdtempSync(`${tmpdir()}/sf-hostile-cli-`), '--offline', '-L', arg, '--json']);
    if (r.code !== 2) fail(`exit ${String(r.code)}, expected 2; stderr ${JSON.stringify(r.err)}`);
    if (!/^error: --lockfile /.test(r.err)) fail(`stderr ${JSON.stringify(r.err)} is not one error line naming --lockfile`);
    if (/\n\s+at /.test(r.err)) fail('stack trace printed');
    const all = `${r.out}\n${r.err}`;
    if (runnerLines(all).some(isRunnerCommand)) fail(`a workflow command reached the output: ${JSON.stringify(all)}`);
    if (RAW_CONTROL.test(all.replace(/\n/g, ''))) fail('a raw control character reached the output');
    const json = JSON.parse(r.out) as { error?: { code?: string } };
    if (json.error?.code !== 'CONFIGURATION') fail(`--json printed ${r.out}`);
  },
}));
