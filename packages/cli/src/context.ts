/**
 * What every verb shares: a human report on stderr, `--json` on stdout, and the exit-code contract
 * (0 passed, 1 policy/verification failure, 2 usage or input error, 3 infrastructure error).
 */
import {
  errorMessage,
  EXIT,
  exitCodeFor,
  filesystemInputError,
  isSecureFactoryError,
  printErr,
  printJson,
  StreamLogger,
  type Logger,
} from '@secure-factory/core';

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

/** `--json` output, through the core output chokepoint (control characters and `##[` escaped). */
export function writeJson(value: unknown): void {
  printJson(value);
}

export async function execute(opts: CommonOptions, body: (ctx: CommandContext) => Promise<CommandResult>): Promise<void> {
  const ctx: CommandContext = {
    logger: new StreamLogger(undefined, opts.verbose === true),
    json: opts.json === true,
    verbose: opts.verbose === true,
  };
  try {
    const result = await body(ctx);
    if (ctx.json && result.json !== undefined) writeJson(result.json);
    process.exitCode = result.exitCode;
  } catch (e: unknown) {
    reportFailure(e, ctx);
  }
}

/**
 * The one way a verb's failure is reported: the message on stderr through the output chokepoint (and as
 * `{ error }` JSON with --json), and the exit code of its kind — 2 for input errors, 3 for services and
 * internal errors, never a stack trace unless --verbose.
 */
export function reportFailure(thrown: unknown, ctx: { json: boolean; verbose: boolean }): void {
  // A filesystem error on a path the user gave (a file where a folder must be, a link loop) is an input error.
  const e = filesystemInputError(thrown) ?? thrown;
  const code = exitCodeFor(e);
  if (isSecureFactoryError(e)) {
    printErr(`error: ${errorMessage(e)}`);
  } else {
    printErr(`internal error: ${errorMessage(e)}`);
    if (ctx.verbose && e instanceof Error && e.stack) printErr(e.stack);
    else printErr('(run again with --verbose for details, and report it)');
  }
  if (ctx.json) {
    const loc = isSecureFactoryError(e) ? e.location : undefined;
    writeJson({
      error: { code: isSecureFactoryError(e) ? e.code : 'INTERNAL', message: errorMessage(e), ...(loc ? { location: loc } : {}) },
    });
  }
  process.exitCode = code;
}

export { EXIT };
