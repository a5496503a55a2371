import { greet } from './greet.js';

/** One greeting a line, names sorted, duplicates once: the file the tests write and read back. */
export function greetingFile(names: readonly string[]): string {
  return `${[...new Set(names)]
    .sort()
    .map((name) => greet({ name }))
    .join('\n')}\n`;
}
