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
