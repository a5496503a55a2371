/**
 * What every verb shares: a human report on stderr, `--json` on stdout, and the exit-code contract
 * (0 passed, 1 policy/verification failure, 2 usage or input error, 3 infrastructure error).
 */
import { errorMessage, EXIT, exitCodeFor, isSecureFactoryError, StreamLogger, type Logger } from '@secure-factory/core';

export interface CommonOptions {
  json?: boolean;
  verbose?: boolean;
}

export interface CommandContext {
  logger: Logger;
  json: boolean;
  verbose: boolean;
}

export interface CommandResult {
  exitCode: number;
  /** Printed on stdout with --json. */
  json?: unknown;
}

export function writeJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2)}\n`);
}

export async function execute(opts: CommonOptions, body: (ctx: CommandContext) => Promise<CommandResult>): Promise<void> {
  const ctx: CommandContext = {
    logger: new StreamLogger(process.stderr, opts.verbose === true),
    json: opts.json === true,
    verbose: opts.verbose === true,
  };
  try {
    const result = await body(ctx);
    if (ctx.json && result.json !== undefined) writeJson(result.json);
    process.exitCode = result.exitCode;
  } catch (e: unknown) {
    const code = exitCodeFor(e);
    if (isSecureFactoryError(e)) {
      process.stderr.write(`error: ${errorMessage(e)}\n`);
    } else {
      process.stderr.write(`internal error: ${errorMessage(e)}\n`);
      if (ctx.verbose && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
      else process.stderr.write('(run again with --verbose for details, and report it)\n');
    }
    if (ctx.json) {
      const loc = isSecureFactoryError(e) ? e.location : undefined;
      writeJson({
        error: { code: isSecureFactoryError(e) ? e.code : 'INTERNAL', message: errorMessage(e), ...(loc ? { location: loc } : {}) },
      });
    }
    process.exitCode = code;
  }
}

export { EXIT };
