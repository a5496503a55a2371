/** Reading JSON files with errors that name the file, line and column, never a bare SyntaxError. */
import { readFile, stat } from 'node:fs/promises';
import { ConfigurationError } from './errors.js';

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
    } else if (/Unexpected end of JSON input/.test(msg)) {
      ({ line, column } = lineColumnAt(text, text.length));
    }
    const reason = msg
      .replace(/^JSON\.parse: /, '')
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/\s*\(line \d+ column \d+\)$/, '');
    throw new ConfigurationError(`not valid JSON: ${reason}`, { location: { file, line, column }, cause: e });
  }
}

export interface ReadLimits {
  /** Refuse files larger than this many bytes (a hostile input must not exhaust memory). */
  maxBytes?: number;
}

export async function readJsonFile(file: string, limits: ReadLimits = {}): Promise<unknown> {
  const max = limits.maxBytes ?? 256 * 1024 * 1024;
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (e: unknown) {
    throw new ConfigurationError(`cannot read the file: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      location: { file },
      cause: e,
    });
  }
  if (size > max) {
    throw new ConfigurationError(`the file is ${size} bytes, over the limit of ${max}`, { location: { file } });
  }
  const text = await readFile(file, 'utf8');
  return parseJsonText(text, file);
}
