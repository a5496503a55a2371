/** One hostile input and what must happen to it. */
export interface HostileCase {
  /** Unique within the catalogue. */
  id: string;
  area: Area;
  /** What the input is, in a few words. */
  input: string;
  /** The expected outcome, in a few words ("refused: not a regular file", "neutralised"). */
  expect: string;
  /** Throws (a failed expectation) when the outcome is not the expected one. */
  run: () => void | Promise<void>;
}

export const AREAS = ['output', 'json', 'policy', 'evidence', 'paths', 'cel', 'regex', 'network'] as const;
export type Area = (typeof AREAS)[number];

/** A marker planted in hostile files: it must never appear in an error, a log line or a decision. */
export const SECRET = 'SECRET-7f3a9c-DO-NOT-ECHO';

/** A line the Actions runner would act on (actions/runner ActionCommand.cs: TrimStart + "::", or "##[" anywhere). */
export function isRunnerCommand(line: string): boolean {
  return /^\s*::/u.test(line) || line.includes('##[');
}

/** The runner splits output like .NET ReadLine: \n, \r and \r\n. */
export function runnerLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

// eslint-disable-next-line no-control-regex
export const RAW_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

export function fail(message: string): never {
  throw new Error(message);
}

/** `p`, or a failure naming `what` when it has not settled within `ms` (a hang is a failed case, not a stuck suite). */
export async function timed<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_r, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms (hang?)`)), ms);
  });
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
