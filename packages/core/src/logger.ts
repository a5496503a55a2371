/**
 * The one logging surface stage packages see. Actions adapt it to @actions/core; the CLI writes to
 * stderr. Stage packages never import @actions/core.
 */
import { printErr, safeText, type OutputSink } from './output.js';
export interface LogLocation {
  file?: string;
  line?: number;
  column?: number;
  title?: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, location?: LogLocation): void;
  error(message: string, location?: LogLocation): void;
  /** Progress for long work; may be rate-limited by the sink. */
  progress?(done: number, total: number, what: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
};

export interface RecordedLog {
  level: 'debug' | 'info' | 'warning' | 'error';
  message: string;
  location?: LogLocation | undefined;
}

/** Keeps every line; for tests and for rendering a report afterwards. */
export class MemoryLogger implements Logger {
  readonly lines: RecordedLog[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string, location?: LogLocation): void {
    this.lines.push({ level: 'warning', message, location });
  }
  error(message: string, location?: LogLocation): void {
    this.lines.push({ level: 'error', message, location });
  }
  text(): string {
    return this.lines.map((l) => `${l.level}: ${l.message}`).join('\n');
  }
}

/**
 * Writes human lines (stderr for the CLI: stdout is kept for --json). Every line goes through the
 * output chokepoint's `safeText`: a message quoting an advisory or a file name cannot emit a workflow
 * command or a terminal escape.
 */
export class StreamLogger implements Logger {
  private lastProgress = 0;
  private readonly write: (line: string) => void;
  constructor(
    stream?: OutputSink,
    private readonly verbose = false,
  ) {
    this.write = stream ? (line) => void stream.write(`${safeText(line)}\n`) : (line) => printErr(line);
  }
  debug(message: string): void {
    if (this.verbose) this.write(`debug: ${message}`);
  }
  info(message: string): void {
    this.write(message);
  }
  warning(message: string, location?: LogLocation): void {
    this.write(`warning: ${prefix(location)}${message}`);
  }
  error(message: string, location?: LogLocation): void {
    this.write(`error: ${prefix(location)}${message}`);
  }
  progress(done: number, total: number, what: string): void {
    const now = Date.now();
    if (done !== total && now - this.lastProgress < 1000) return;
    this.lastProgress = now;
    this.write(`  ${what}: ${done}/${total}`);
  }
}

function prefix(location?: LogLocation): string {
  if (!location?.file) return '';
  let s = location.file;
  if (location.line !== undefined) s += `:${location.line}`;
  if (location.column !== undefined) s += `:${location.column}`;
  return `${s}: `;
}
