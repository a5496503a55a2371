/**
 * Typed errors. Every error the factory raises carries a code, so callers (the CLI, the actions)
 * can map it to an exit code or a failed step without parsing messages. User mistakes are told
 * plainly; bugs keep their stack for the log.
 */

export type ErrorCode =
  | 'CONFIGURATION' // bad usage or bad input: the user can fix it
  | 'POLICY_VIOLATION' // the policy said no, or verification failed
  | 'INFRASTRUCTURE'; // a network service or the machine failed

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export abstract class SecureFactoryError extends Error {
  abstract readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;
  /** What the user should do next, when we know it. */
  readonly hint: string | undefined;

  constructor(message: string, options: { cause?: unknown; location?: ErrorLocation; hint?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.location = options.location;
    this.hint = options.hint;
  }

  /** One line a person can act on: `file:line:column: message (hint)`. */
  describe(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    const hint = this.hint ? ` — ${this.hint}` : '';
    return `${where}${this.message}${hint}`;
  }
}

/** The user's input is wrong (usage, a file, a policy). Exit code 2. */
export class ConfigurationError extends SecureFactoryError {
  readonly code = 'CONFIGURATION' as const;
}

/** The policy refused, or a verification failed. Exit code 1. */
export class PolicyViolation extends SecureFactoryError {
  readonly code = 'POLICY_VIOLATION' as const;
}

/** A service or the machine failed; retrying may help. Exit code 3. */
export class InfrastructureError extends SecureFactoryError {
  readonly code = 'INFRASTRUCTURE' as const;
}

export function formatLocation(loc: ErrorLocation): string {
  let s = loc.file;
  if (loc.line !== undefined) {
    s += `:${loc.line}`;
    if (loc.column !== undefined) s += `:${loc.column}`;
  }
  return s;
}

/** The message of anything thrown, without `as any`. */
export function errorMessage(e: unknown): string {
  if (e instanceof SecureFactoryError) return e.describe();
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

export const EXIT = {
  passed: 0,
  failed: 1,
  usage: 2,
  infrastructure: 3,
} as const;

/** Exit code for an error per the CLI contract: 1 policy, 2 input, 3 infrastructure; unknown errors are bugs (3). */
/** Node filesystem errors that say a path the user gave cannot be used as asked, and why. */
const FS_INPUT_ERRORS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EEXIST: 'a file is in the way of a folder on its path',
  ENOTDIR: 'a file is where a folder must be',
  ELOOP: 'its path goes through a symbolic link loop',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * A Node filesystem error on a path — a folder given where a file lies, a link loop, a read-only place —
 * as the input error it is (exit 2, naming the path and what to fix), or undefined for any other error.
 * `file` names the path when the error's own `path` is not the one to show.
 */
export function filesystemInputError(e: unknown, file?: string): ConfigurationError | undefined {
  // Duck-typed: fs errors may come from another realm (a vm context), where `instanceof Error` is false.
  if (e instanceof SecureFactoryError || typeof e !== 'object' || e === null) return undefined;
  const { code, path } = e as NodeJS.ErrnoException;
  if (typeof code !== 'string' || (path !== undefined && typeof path !== 'string')) return undefined;
  const where = file ?? path;
  if (where === undefined || !Object.hasOwn(FS_INPUT_ERRORS, code)) return undefined;
  return new ConfigurationError(`cannot use this path: ${FS_INPUT_ERRORS[code]} (${code})`, {
    location: { file: where },
    hint: 'give a path that exists and is what the option asks for (a folder or a file), or remove what is in the way',
    cause: e,
  });
}

export function exitCodeFor(e: unknown): number {
  if (e instanceof SecureFactoryError) {
    switch (e.code) {
      case 'POLICY_VIOLATION':
        return EXIT.failed;
      case 'CONFIGURATION':
        return EXIT.usage;
      case 'INFRASTRUCTURE':
        return EXIT.infrastructure;
    }
  }
  return EXIT.infrastructure;
}

export function isSecureFactoryError(e: unknown): e is SecureFactoryError {
  return e instanceof SecureFactoryError;
}
