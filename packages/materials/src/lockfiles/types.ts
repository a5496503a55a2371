/** What a lockfile parser is given: the file's text, a lazy JSON view, and access to sibling files. */
import type { Package } from '../package.js';

export interface LockfileInput {
  /** The path reported in packages and errors. */
  file: string;
  text: string;
  /** JSON.parse of the text, with a ConfigurationError at file:line:column on bad JSON. */
  json(): unknown;
  /** Reads another file relative to this one (go.sum, `-r` includes); undefined when it does not exist. */
  readRelative(relative: string): { file: string; text: string } | undefined;
  options: ParseOptions;
}

export interface ParseOptions {
  /** go.mod: leave out modules marked `// indirect`. */
  excludeIndirect?: boolean;
  /** Told about what is read with a caveat (a lockfile version newer than the ones known, in a known shape). */
  warn?: (message: string) => void;
}

export type LockfileParser = (input: LockfileInput) => Package[];
