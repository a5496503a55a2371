/**
 * Base images named by a Dockerfile's `FROM` lines. Multi-stage aware: `FROM build AS final` where
 * `build` is an earlier stage is not an image; `scratch` is no image. `ARG`s declared before the first
 * `FROM` are substituted when they have a default (`${VAR}`, `$VAR`, `${VAR:-default}`).
 */
import type { Package } from '../package.js';
import { imagePackage } from './image-ref.js';

function logical(text: string): { text: string; line: number }[] {
  const raw = text.split(/\r?\n/);
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < raw.length; i++) {
    const line = i + 1;
    let l = raw[i] ?? '';
    while (/\\\s*$/.test(l) && i + 1 < raw.length) l = l.replace(/\\\s*$/, ' ') + (raw[++i] ?? '');
    out.push({ text: l.trim(), line });
  }
  return out;
}

function substitute(s: string, args: Map<string, string>): string {
  return s.replace(
    /\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g,
    (whole, a: string | undefined, def: string | undefined, b: string | undefined) => {
      const name = a ?? b ?? '';
      const v = args.get(name);
      if (v !== undefined && v !== '') return v;
      if (def !== undefined) return def;
      return whole;
    },
  );
}

export function dockerfileImages(text: string, file: string): Package[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const out: Package[] = [];
  let seenFrom = false;
  for (const { text: l, line } of logical(text)) {
    if (l === '' || l.startsWith('#')) continue;
    const m = /^(\w+)\s+(.*)$/.exec(l);
    if (!m?.[1]) continue;
    const instr = m[1].toUpperCase();
    const rest = m[2] ?? '';
    if (instr === 'ARG' && !seenFrom) {
      const a = /^(\w+)(?:=(?:"([^"]*)"|'([^']*)'|(\S*)))?/.exec(rest);
      if (a?.[1]) args.set(a[1], a[2] ?? a[3] ?? a[4] ?? '');
      continue;
    }
    if (instr !== 'FROM') continue;
    seenFrom = true;
    const words = rest.split(/\s+/).filter((w) => !w.startsWith('--'));
    const image = substitute(words[0] ?? '', args);
    const asIdx = words.findIndex((w) => w.toLowerCase() === 'as');
    const stage = asIdx >= 0 ? words[asIdx + 1] : undefined;
    if (image !== '' && image.toLowerCase() !== 'scratch' && !stages.has(image.toLowerCase())) {
      out.push(imagePackage(image, file, line, ['base-image']));
    }
    if (stage) stages.add(stage.toLowerCase());
  }
  return out;
}
