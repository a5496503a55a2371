/** Reading JSON files with errors that name the file, line and column, never a bare SyntaxError. */
import { ConfigurationError } from './errors.js';
import { decodeUtf8, readRegularFile, readRegularFileSync } from './safe-read.js';

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** Parses JSON text; a syntax error becomes a ConfigurationError at file:line:column. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e: unknown) {
    const msg = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column (\d+)/.exec(msg);
    const pos = /position (\d+)/.exec(msg);
    let line: number | undefined;
    let column: number | undefined;
    if (lc) {
      line = Number(lc[1]);
      column = Number(lc[2]);
    } else if (pos) {
      ({ line, column } = lineColumnAt(text, Number(pos[1])));
    } else {
      // V8 gives no position for "Unexpected token" errors: find it with a small grammar walk.
      let offset: number | undefined;
      try {
        offset = jsonErrorOffset(text);
      } catch {
        // Too deep for the walk (the JS stack ran out first): place the error at the end.
        offset = undefined;
      }
      ({ line, column } = lineColumnAt(text, offset ?? text.length));
    }
    const reason = jsonSyntaxReason(msg);
    throw new ConfigurationError(`not valid JSON: ${reason}`, { location: { file, line, column }, cause: e });
  }
}

/**
 * V8's JSON.parse messages quote the input (`Unexpected token 'r', "root:x:0:0:"... is not valid JSON`);
 * the file may be a secret a link pointed at, so only the kind of error is kept, never the text.
 */
export function jsonSyntaxReason(message: string): string {
  if (/Unexpected end of JSON input|Unterminated string/i.test(message)) return 'the text ends too early (truncated?)';
  if (/Bad control character/i.test(message)) return 'a control character inside a string';
  if (/Bad (escaped character|Unicode escape)/i.test(message)) return 'a bad escape inside a string';
  if (/Unexpected non-whitespace character after JSON/i.test(message)) return 'more text after the JSON value';
  if (/Expected property name|Expected ',' or '}'|Expected ':'/i.test(message)) return 'an object is malformed';
  if (/Expected ',' or ']'/i.test(message)) return 'an array is malformed';
  if (/Unexpected token|Unexpected number|Unexpected string|Unexpected character/i.test(message)) return 'an unexpected character';
  if (/Maximum call stack|too deep/i.test(message)) return 'nested too deeply';
  return 'a syntax error';
}

/**
 * Offset of the first JSON syntax error (undefined when the text is valid). A recursive-descent walk of
 * the JSON grammar (RFC 8259) with an explicit depth bound, used only to place an error V8 reported
 * without a position.
 */
export function jsonErrorOffset(text: string): number | undefined {
  class At extends Error {
    constructor(readonly offset: number) {
      super('json syntax error');
    }
  }
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw new At(i);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const str = (): void => {
    i++; // opening quote
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail();
      if (c === 92) {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const num = (): void => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 2_000) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') str();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) num();
    else fail();
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : undefined;
  } catch (e: unknown) {
    if (e instanceof At) return e.offset;
    throw e;
  }
}

export interface ReadLimits {
  /** Refuse files larger than this many bytes (a hostile input must not exhaust memory). */
  maxBytes?: number;
  /** A symbolic link is followed only inside this folder (default: the file's folder; false: never). */
  within?: string | false;
  /** What the file is, for messages. */
  what?: string;
}

/**
 * Reads and parses a JSON file through the safe reader: regular files only, size bounded on the open
 * handle, UTF-8 only, and no error ever quotes the file's bytes.
 */
export async function readJsonFile(file: string, limits: ReadLimits = {}): Promise<unknown> {
  const what = limits.what ?? 'file';
  const bytes = await readRegularFile(file, {
    maxBytes: limits.maxBytes ?? 256 * 1024 * 1024,
    what,
    ...(limits.within !== undefined ? { within: limits.within } : {}),
  });
  return parseJsonText(decodeUtf8(bytes, file, what), file);
}

/** The largest runner event payload read (GitHub caps webhook payloads at 25 MB). */
const MAX_EVENT_BYTES = 32 * 1024 * 1024;

/**
 * The runner's event payload (`$GITHUB_EVENT_PATH`) as a JSON object, or undefined when there is none or
 * it cannot be read as one: a FIFO, a device, a link out of its folder, an oversized or malformed file
 * tells nothing (its bytes are never quoted), so callers fall back to what they know without it.
 */
export function readEventPayload(file: string | undefined): Record<string, unknown> | undefined {
  if (!file) return undefined;
  try {
    const v = JSON.parse(
      decodeUtf8(readRegularFileSync(file, { maxBytes: MAX_EVENT_BYTES, what: 'event payload' }), file, 'event payload'),
    ) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
