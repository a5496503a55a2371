/**
 * Workflow files parsed with positions: the `yaml` Document API keeps every node's source range, so a
 * finding can name the exact line and column of the key or expression it is about. Aliases are resolved
 * lazily (never expanded), which keeps "billion laughs" documents cheap.
 */
import { ConfigurationError } from '@secure-factory/core';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

/** Larger files are refused: no real workflow comes close, and parsing cost grows with size. */
export const MAX_WORKFLOW_BYTES = 5 * 1024 * 1024;

export interface SourcePosition {
  line: number;
  column: number;
}

interface Flattened {
  list: [string, Pair<Node, Node | null>][];
  byName: Map<string, Pair<Node, Node | null>>;
}

/** A `<<` merge key: the library gives it a symbol value when merges are enabled. */
function isMergeKey(k: unknown): boolean {
  if (!isScalar(k)) return false;
  const v: unknown = k.value;
  return v === '<<' || (typeof v === 'symbol' && v.description === '<<');
}

export class YamlSource {
  readonly lineCounter = new LineCounter();
  readonly doc: Document;
  private readonly lines: string[];
  private readonly flat = new WeakMap<YAMLMap, Flattened>();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    if (Buffer.byteLength(text, 'utf8') > MAX_WORKFLOW_BYTES) {
      throw new ConfigurationError(`${file} is larger than ${MAX_WORKFLOW_BYTES / 1024 / 1024} MB; refusing to parse it`, {
        location: { file },
        hint: 'a workflow file this large is almost certainly not a real workflow; split it or exclude it with --ignore',
      });
    }
    // The library's own duplicate-key check is quadratic in the keys of a mapping; ours is linear.
    this.doc = parseDocument(text, {
      lineCounter: this.lineCounter,
      keepSourceTokens: false,
      uniqueKeys: false,
      merge: true,
      prettyErrors: false,
    });
    this.lines = text.split('\n');
    const err = this.doc.errors[0];
    if (err) {
      const pos = this.position(err.pos[0]);
      throw new ConfigurationError(`malformed YAML: ${err.message.split('\n')[0] ?? err.code}`, {
        location: { file, line: pos.line, column: pos.column },
        hint: 'fix the YAML syntax; GitHub would refuse to run this file too',
      });
    }
    this.rejectDuplicateKeys();
  }

  private rejectDuplicateKeys(): void {
    let duplicate: Node | undefined;
    visit(this.doc, {
      Map: (_k, map) => {
        const seen = new Set<string>();
        for (const item of map.items) {
          const key = item.key;
          if (!isScalar(key) || isMergeKey(key)) continue;
          const name = this.str(key) ?? '';
          if (seen.has(name)) {
            duplicate = key;
            return visit.BREAK;
          }
          seen.add(name);
        }
        return undefined;
      },
    });
    if (duplicate) {
      const pos = this.position(duplicate.range?.[0] ?? 0);
      throw new ConfigurationError(`malformed YAML: map keys must be unique (${JSON.stringify(this.str(duplicate))} repeats)`, {
        location: { file: this.file, line: pos.line, column: pos.column },
        hint: 'remove or merge the repeated key; GitHub would refuse to run this file too',
      });
    }
  }

  /** 1-based line and column (in code points, as SARIF's `unicodeCodePoints` and zizmor count). */
  position(offset: number): SourcePosition {
    const lp = this.lineCounter.linePos(offset);
    const lineText = this.lines[lp.line - 1] ?? '';
    const col = [...lineText.slice(0, lp.col - 1)].length + 1;
    return { line: lp.line, column: col };
  }

  root(): YAMLMap | undefined {
    const c = this.resolve(this.doc.contents);
    return isMap(c) ? c : undefined;
  }

  resolve(node: unknown): Node | undefined {
    let n = node;
    for (let depth = 0; depth < 50 && isAlias(n); depth++) n = n.resolve(this.doc);
    return n === null || n === undefined || isAlias(n) ? undefined : (n as Node);
  }

  /** The pair for `key` in a mapping, following `<<` merge keys (own keys first, then merges in order). */
  pair(map: unknown, key: string): Pair<Node, Node | null> | undefined {
    return this.flattened(map)?.byName.get(key);
  }

  get(map: unknown, key: string): Node | undefined {
    const p = this.pair(map, key);
    return p ? this.resolve(p.value) : undefined;
  }

  /** Entries of a mapping as [key string, pair]; merge keys flattened. */
  entries(map: unknown): readonly [string, Pair<Node, Node | null>][] {
    return this.flattened(map)?.list ?? [];
  }

  /**
   * A mapping's keys with its `<<` merges flattened, once per mapping: merge sources that merge the same
   * anchor twice at every level (`<<: [*a39, *a39]` down to `*a0`) would otherwise be walked 2^40 times —
   * a 2 KB workflow that held the audit for ever. A merge that leads back to a mapping being flattened
   * (a cycle) adds nothing.
   */
  private flattened(map: unknown): Flattened | undefined {
    const m = this.resolve(map);
    if (!isMap(m)) return undefined;
    const known = this.flat.get(m);
    if (known) return known;
    const out: Flattened = { list: [], byName: new Map() };
    this.flat.set(m, out); // a cycle back to this mapping sees what is known so far
    const add = (name: string, p: Pair<Node, Node | null>): void => {
      if (out.byName.has(name)) return;
      out.byName.set(name, p);
      out.list.push([name, p]);
    };
    for (const item of m.items) {
      const k = this.resolve(item.key);
      if (isScalar(k) && !isMergeKey(k)) add(String(k.value), item as Pair<Node, Node | null>);
    }
    for (const item of m.items) {
      if (!isMergeKey(this.resolve(item.key))) continue;
      const v = this.resolve(item.value);
      for (const s of isSeq(v) ? v.items : [v]) for (const [name, p] of this.flattened(s)?.list ?? []) add(name, p);
    }
    return out;
  }

  items(seq: unknown): Node[] {
    const s = this.resolve(seq);
    if (!isSeq(s)) return [];
    return s.items.map((i) => this.resolve(i)).filter((i): i is Node => i !== undefined);
  }

  /** A scalar's value as a string (booleans and numbers too); undefined for collections. */
  str(node: unknown): string | undefined {
    const n = this.resolve(node);
    if (!isScalar(n)) return undefined;
    if (n.value === null || n.value === undefined) return '';
    const v: unknown = n.value;
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
    return undefined;
  }

  /** Raw source text of a node (what the author typed, before YAML unescaping). */
  raw(node: Node): string {
    const r = node.range;
    return r ? this.text.slice(r[0], r[1]) : '';
  }

  /** Range [start, end) of a node's value. */
  range(node: Node | null | undefined): [number, number] | undefined {
    const n = node ?? undefined;
    if (!n?.range) return undefined;
    return [n.range[0], n.range[1]];
  }

  /** Range of a whole `key: value` pair (from the key to the end of the value). */
  pairRange(pair: Pair<Node, Node | null>): [number, number] | undefined {
    const k = isPair(pair) ? pair.key : undefined;
    const start = k?.range?.[0];
    const v = pair.value;
    const end = v?.range?.[1] ?? k?.range?.[1];
    if (start === undefined || end === undefined) return undefined;
    return [start, end];
  }

  /** Lines (1-based) carrying a `# zizmor: ignore[...]` or `# secure-factory: ignore[...]` comment, with the ids. */
  ignoreComments(): Map<number, Set<string>> {
    const out = new Map<number, Set<string>>();
    this.lines.forEach((line, i) => {
      const re = /#.*?\b(?:zizmor|secure-factory):\s*ignore\[([^\]]*)\]/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(line)) !== null) {
        const ids = (m[1] ?? '').split(',').map((s) => s.trim().toLowerCase());
        const set = out.get(i + 1) ?? new Set<string>();
        for (const id of ids) if (id) set.add(id);
        out.set(i + 1, set);
      }
    });
    return out;
  }

  /** The comment after a node on its line (`uses: x@sha # v1.2.3` → `v1.2.3`). */
  trailingComment(node: Node): string | undefined {
    const r = node.range;
    if (!r) return undefined;
    const { line } = this.position(r[1]);
    const lineText = this.lines[line - 1] ?? '';
    const endCol = this.lineCounter.linePos(r[1]).col - 1;
    const rest = lineText.slice(endCol);
    const m = /^\s*#\s*(.*)$/.exec(rest);
    return m?.[1]?.trim();
  }
}
