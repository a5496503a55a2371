/**
 * The output chokepoint. Every byte the factory prints — human lines on stderr, `--json` on stdout, a
 * build's streamed log, annotation text, summary fallbacks — goes through this module, and this module
 * is the only one allowed to touch `process.stdout` / `process.stderr` (an ESLint rule enforces it).
 *
 * Why: text from outside (an OSV advisory summary, a file name, a package name, an operator's
 * `--environment`) reaches the log, and the GitHub Actions runner reads the log for workflow commands.
 * The runner (actions/runner `ActionCommand.cs`) splits output with .NET `ReadLine` (`\n`, `\r`, `\r\n`)
 * and then honours
 *   - v2 commands: a line that, after `TrimStart()` (any Unicode white space), starts with `::`;
 *   - v1 commands: `##[name …]data` found ANYWHERE in a line (`message.IndexOf("##[")`).
 * An advisory saying `\n::add-mask::…\n::stop-commands::…` could otherwise silence or fake annotations.
 * So every line is neutralised: a leading `::` becomes `\::`, `##[` becomes `##\[`, and control, ANSI,
 * bidi-override and line-separator characters are shown as `\uXXXX` text instead of acting on the
 * terminal or the log viewer.
 */

import { StringDecoder } from 'node:string_decoder';

// C0 controls except TAB and LF, DEL, C1 controls (incl. NEL U+0085), zero-width and bidi controls,
// LINE/PARAGRAPH SEPARATOR, BOM. CR is handled as a line break first (the runner treats it as one).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

function hex4(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Control/ANSI/bidi characters as visible `\u001b`-style text; TAB and LF are kept. */
export function visibleControls(s: string): string {
  return s.replace(INVISIBLE, hex4);
}

/** One line (no line breaks in it) made inert for the Actions runner's command parser. */
function neutraliseLine(line: string): string {
  // JS `\s` covers every character .NET's TrimStart removes (and U+FEFF, which it does not: harmless).
  return line.replace(/^(\s*)::/u, '$1\\::').replaceAll('##[', '##\\[');
}

/**
 * Untrusted or mixed text made safe to print: line breaks normalised to `\n` (a lone `\r` is a line
 * break to the runner), every line neutralised, control characters made visible.
 */
export function safeText(s: string): string {
  return visibleControls(String(s))
    .split(/\r\n|\r|\n/)
    .map(neutraliseLine)
    .join('\n');
}

/** A single-line rendering (for a value quoted inside a message): line breaks become visible too. */
export function safeInline(s: string): string {
  return safeText(s).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/** safeInline cut to at most `max` characters, with `…` where it was cut. */
export function safeInlineBounded(s: string, max: number): string {
  const line = safeInline(s);
  return line.length > max ? `${line.slice(0, max)}…` : line;
}

/**
 * Text for an annotation or step-failure message that @actions/core will percent-encode (`escapeData`
 * turns CR/LF into %0D/%0A, so the text stays on its command's line): control characters made visible
 * and v1 `##[` neutralised, which is all that is left to do.
 */
export function annotationText(s: string): string {
  return visibleControls(String(s)).replaceAll('##[', '##\\[');
}

/**
 * Annotation data as @actions/core's `escapeData` encodes it (`%`, CR, LF percent-encoded), after the
 * control characters were made visible. Used when an annotation line is built by hand.
 */
export function escapeCommandData(s: string): string {
  return visibleControls(String(s)).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Annotation property values as @actions/core's `escapeProperty` encodes them (`%`, CR, LF, `:`, `,`). */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * JSON text for stdout: the same value (a JSON parser reads it back unchanged) but with every character
 * the runner or a terminal could act on written as a `\uXXXX` escape, including `[` after `##`.
 * Big integers are written as decimal strings.
 */
export function safeJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), indent) ?? 'null';
  return text.replace(INVISIBLE, hex4).replaceAll('##[', '##\\u005b');
}

/** Where the chokepoint writes; tests swap it for a buffer. */
export interface OutputSink {
  write(chunk: string): unknown;
}

let stdoutSink: OutputSink = process.stdout;
let stderrSink: OutputSink = process.stderr;

/** Redirects the chokepoint (tests, and the CLI's in-process runs); returns a function that restores it. */
export function redirectOutput(out: OutputSink, err: OutputSink = out): () => void {
  const before = [stdoutSink, stderrSink] as const;
  stdoutSink = out;
  stderrSink = err;
  return () => {
    [stdoutSink, stderrSink] = before;
  };
}

/** Human text to stderr, made safe; a trailing newline is added when missing. */
export function printErr(text: string): void {
  const s = safeText(text);
  stderrSink.write(s.endsWith('\n') ? s : `${s}\n`);
}

/** Human text to stdout (help, version), made safe. */
export function printOut(text: string): void {
  const s = safeText(text);
  stdoutSink.write(s.endsWith('\n') ? s : `${s}\n`);
}

/** A machine-readable result on stdout. */
export function printJson(value: unknown): void {
  stdoutSink.write(`${safeJson(value)}\n`);
}

/** A stream of text that arrives in chunks (a build's log): neutralised line by line. */
export class SafeLineWriter {
  private pending = '';
  // A multi-byte character split across two chunks must not become two replacement characters.
  private readonly decoder = new StringDecoder('utf8');
  constructor(
    private readonly sink: (line: string) => void = (l) => stderrSink.write(l),
    /** A line longer than this is flushed in pieces, each piece neutralised as its own line. */
    private readonly maxLine = 64 * 1024,
  ) {}

  write(chunk: string | Buffer): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.pending);
      if (!m) break;
      // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (m[0] === '\r' && m.index === this.pending.length - 1) break;
      this.sink(`${safeText(this.pending.slice(0, m.index))}\n`);
      this.pending = this.pending.slice(m.index + m[0].length);
    }
    while (this.pending.length > this.maxLine) {
      this.sink(`${safeText(this.pending.slice(0, this.maxLine))}\n`);
      this.pending = this.pending.slice(this.maxLine);
    }
  }

  /** Writes what is left of an unterminated last line. */
  end(): void {
    this.pending += this.decoder.end();
    if (this.pending !== '') this.sink(`${safeText(this.pending)}\n`);
    this.pending = '';
  }
}

/**
 * Runs a synchronous third-party call with `console.warn`/`console.log` silenced: a library's chatter
 * about odd input is not the factory's output (and could carry that input unescaped).
 */
export function quietConsole<T>(fn: () => T): T {
  const { warn, log } = console;
  console.warn = () => {};
  console.log = () => {};
  try {
    return fn();
  } finally {
    console.warn = warn;
    console.log = log;
  }
}
