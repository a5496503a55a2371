/**
 * The one logging surface stage packages see. Actions adapt it to @actions/core; the CLI writes to
 * stderr. Stage packages never import @actions/core.
 */
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

/** Writes human lines to a stream (stderr for the CLI: stdout is kept for --json). */
export class StreamLogger implements Logger {
  private lastProgress = 0;
  constructor(
    private readonly stream: NodeJS.WritableStream = process.stderr,
    private readonly verbose = false,
  ) {}
  debug(message: string): void {
    if (this.verbose) this.stream.write(`debug: ${message}\n`);
  }
  info(message: string): void {
    this.stream.write(`${message}\n`);
  }
  warning(message: string, location?: LogLocation): void {
    this.stream.write(`warning: ${prefix(location)}${message}\n`);
  }
  error(message: string, location?: LogLocation): void {
    this.stream.write(`error: ${prefix(location)}${message}\n`);
  }
  progress(done: number, total: number, what: string): void {
    const now = Date.now();
    if (done !== total && now - this.lastProgress < 1000) return;
    this.lastProgress = now;
    this.stream.write(`  ${what}: ${done}/${total}\n`);
  }
}

function prefix(location?: LogLocation): string {
  if (!location?.file) return '';
  let s = location.file;
  if (location.line !== undefined) s += `:${location.line}`;
  if (location.column !== undefined) s += `:${location.column}`;
  return `${s}: `;
}
