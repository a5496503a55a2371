/**
 * GitHub Actions expressions (`${{ … }}`): extraction from raw YAML source and a small parser that
 * keeps the offset of every node, so findings can point at the exact context, as zizmor does.
 * Grammar: https://docs.github.com/en/actions/reference/workflows-and-actions/expressions
 */

export interface Span {
  start: number;
  end: number;
}

export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; span: Span }
  | { kind: 'context'; parts: ContextPart[]; head?: Expr; span: Span }
  | { kind: 'call'; name: string; args: Expr[]; span: Span }
  | { kind: 'unary'; op: '!'; operand: Expr; span: Span }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; span: Span };

/** `a.b`, `a['b']`, `a.*`, `a[expr]` (the last is computed: obfuscation). */
export type ContextPart =
  { kind: 'name'; name: string; span: Span } | { kind: 'star'; span: Span } | { kind: 'index'; expr: Expr; span: Span };

/** One `${{ … }}` found in raw text: offsets of the fence and of the trimmed body. */
export interface FencedExpression {
  /** Offset of `${{`. */
  start: number;
  /** Offset just past `}}`. */
  end: number;
  /** Trimmed body and its offset. */
  body: string;
  bodyStart: number;
}

/** Finds `${{ … }}` in text, skipping `}}` inside single-quoted string literals. */
export function extractExpressions(text: string): FencedExpression[] {
  const out: FencedExpression[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${{', i);
    if (open < 0) break;
    let j = open + 3;
    let inString = false;
    let close = -1;
    while (j < text.length) {
      const c = text[j];
      if (inString) {
        if (c === "'") {
          if (text[j + 1] === "'") j++;
          else inString = false;
        }
      } else if (c === "'") {
        inString = true;
      } else if (c === '}' && text[j + 1] === '}') {
        close = j;
        break;
      }
      j++;
    }
    if (close < 0) break;
    const raw = text.slice(open + 3, close);
    const lead = raw.length - raw.trimStart().length;
    out.push({ start: open, end: close + 2, body: raw.trim(), bodyStart: open + 3 + lead });
    i = close + 2;
  }
  return out;
}

interface Token {
  type: 'ident' | 'number' | 'string' | 'punct' | 'eof';
  text: string;
  value?: string | number;
  start: number;
  end: number;
}

export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new ExpressionSyntaxError('unterminated string literal', start);
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i];
        i++;
      }
      tokens.push({ type: 'string', text: src.slice(start, i), value, start, end: i });
      continue;
    }
    // Expressions have no arithmetic, so a sign or a dot before a digit starts a number literal.
    const startsNumber = /\d/.test(c) || ('+-.'.includes(c) && /\d/.test(src.charAt(i + 1)));
    const num = startsNumber ? /^(0x[0-9a-fA-F]+|[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)/.exec(src.slice(i)) : null;
    if (num) {
      i += num[0].length;
      tokens.push({ type: 'number', text: num[0], value: Number(num[0]), start, end: i });
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(src.slice(i));
    if (ident) {
      i += ident[0].length;
      tokens.push({ type: 'ident', text: ident[0], start, end: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '<=', '>=', '&&', '||'].includes(two)) {
      i += 2;
      tokens.push({ type: 'punct', text: two, start, end: i });
      continue;
    }
    if ('()[],.!<>*'.includes(c)) {
      i++;
      tokens.push({ type: 'punct', text: c, start, end: i });
      continue;
    }
    throw new ExpressionSyntaxError(`unexpected character ${JSON.stringify(c)}`, i);
  }
  tokens.push({ type: 'eof', text: '', start: src.length, end: src.length });
  return tokens;
}

const BINARY_PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4 };

/** Parses an expression body (without the fence). Offsets in spans are relative to `src`, plus `base`. */
export function parseExpression(src: string, base = 0): Expr {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = (): Token => tokens[pos] ?? { type: 'eof', text: '', start: src.length, end: src.length };
  const next = (): Token => {
    const t = peek();
    pos++;
    return t;
  };
  const expect = (text: string): Token => {
    const t = next();
    if (t.text !== text || t.type === 'string') throw new ExpressionSyntaxError(`expected ${text}`, t.start);
    return t;
  };
  const span = (start: number, end: number): Span => ({ start: start + base, end: end + base });

  function parseBinary(minPrec: number): Expr {
    let left = parseUnary();
    for (;;) {
      const t = peek();
      const prec = t.type === 'punct' ? BINARY_PRECEDENCE[t.text] : undefined;
      if (prec === undefined || prec < minPrec) return left;
      next();
      const right = parseBinary(prec + 1);
      left = { kind: 'binary', op: t.text, left, right, span: { start: left.span.start, end: right.span.end } };
    }
  }

  function parseUnary(): Expr {
    const t = peek();
    if (t.type === 'punct' && t.text === '!') {
      next();
      const operand = parseUnary();
      return { kind: 'unary', op: '!', operand, span: { start: t.start + base, end: operand.span.end } };
    }
    return parsePostfix(parsePrimary());
  }

  function parsePrimary(): Expr {
    const t = next();
    if (t.type === 'string') return { kind: 'literal', value: t.value as string, span: span(t.start, t.end) };
    if (t.type === 'number') return { kind: 'literal', value: t.value as number, span: span(t.start, t.end) };
    if (t.type === 'punct' && t.text === '(') {
      const inner = parseBinary(1);
      const close = expect(')');
      // Keep the parentheses in the span (zizmor points at `(a || b).c` as a whole).
      return { ...inner, span: span(t.start, close.end) };
    }
    if (t.type === 'ident') {
      const lower = t.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true', span: span(t.start, t.end) };
      if (lower === 'null') return { kind: 'literal', value: null, span: span(t.start, t.end) };
      if (peek().text === '(' && peek().type === 'punct') {
        next();
        const args: Expr[] = [];
        if (!(peek().type === 'punct' && peek().text === ')')) {
          for (;;) {
            args.push(parseBinary(1));
            if (peek().type === 'punct' && peek().text === ',') {
              next();
              continue;
            }
            break;
          }
        }
        const close = expect(')');
        return { kind: 'call', name: t.text, args, span: span(t.start, close.end) };
      }
      return { kind: 'context', parts: [{ kind: 'name', name: t.text, span: span(t.start, t.end) }], span: span(t.start, t.end) };
    }
    throw new ExpressionSyntaxError(t.type === 'eof' ? 'unexpected end of expression' : `unexpected ${JSON.stringify(t.text)}`, t.start);
  }

  function parsePostfix(expr: Expr): Expr {
    let cur = expr;
    for (;;) {
      const t = peek();
      if (t.type !== 'punct' || (t.text !== '.' && t.text !== '[')) return cur;
      next();
      let part: ContextPart;
      let end: number;
      if (t.text === '.') {
        const n = next();
        if (n.type === 'punct' && n.text === '*') part = { kind: 'star', span: span(n.start, n.end) };
        else if (n.type === 'ident') part = { kind: 'name', name: n.text, span: span(n.start, n.end) };
        else throw new ExpressionSyntaxError('expected a property name', n.start);
        end = n.end;
      } else {
        const inner = peek();
        if (inner.type === 'punct' && inner.text === '*') {
          next();
          const close = expect(']');
          part = { kind: 'star', span: span(t.start, close.end) };
          end = close.end;
        } else {
          const idx = parseBinary(1);
          const close = expect(']');
          part =
            idx.kind === 'literal' && typeof idx.value === 'string'
              ? { kind: 'name', name: idx.value, span: span(t.start, close.end) }
              : { kind: 'index', expr: idx, span: span(t.start, close.end) };
          end = close.end;
        }
      }
      if (cur.kind === 'context' && cur.head === undefined) {
        cur = { kind: 'context', parts: [...cur.parts, part], span: { start: cur.span.start, end: end + base } };
      } else if (cur.kind === 'context') {
        cur = { ...cur, parts: [...cur.parts, part], span: { start: cur.span.start, end: end + base } };
      } else {
        cur = { kind: 'context', head: cur, parts: [part], span: { start: cur.span.start, end: end + base } };
      }
    }
  }

  const result = parseBinary(1);
  if (peek().type !== 'eof') throw new ExpressionSyntaxError(`unexpected ${JSON.stringify(peek().text)}`, peek().start);
  return result;
}

/** Parses, or returns undefined for text that is not a valid expression. */
export function tryParseExpression(src: string, base = 0): Expr | undefined {
  try {
    return parseExpression(src, base);
  } catch {
    return undefined;
  }
}

/**
 * The contexts whose value can flow into the result of an expression (zizmor's `dataflow_contexts`):
 * `a && b` yields b, `a || b` either side, `format`/`join`/`toJSON` their arguments, a context itself.
 */
export function dataflowContexts(expr: Expr): Extract<Expr, { kind: 'context' }>[] {
  switch (expr.kind) {
    case 'context':
      return [expr];
    case 'call': {
      const name = expr.name.toLowerCase();
      if (name === 'tojson' || name === 'format' || name === 'join') return expr.args.flatMap(dataflowContexts);
      return [];
    }
    case 'binary':
      if (expr.op === '&&') return dataflowContexts(expr.right);
      if (expr.op === '||') return [...dataflowContexts(expr.left), ...dataflowContexts(expr.right)];
      return [];
    default:
      return [];
  }
}

/** The literal string values an expression can evaluate to through `&&`/`||` (for image refs). */
export function dataflowLiterals(expr: Expr): Extract<Expr, { kind: 'literal' }>[] {
  switch (expr.kind) {
    case 'literal':
      return [expr];
    case 'binary':
      if (expr.op === '&&') return dataflowLiterals(expr.right);
      if (expr.op === '||') return [...dataflowLiterals(expr.left), ...dataflowLiterals(expr.right)];
      return [];
    default:
      return [];
  }
}

/** Every node of an expression, depth first. */
export function walkExpression(expr: Expr, fn: (e: Expr) => void): void {
  fn(expr);
  switch (expr.kind) {
    case 'context':
      if (expr.head) walkExpression(expr.head, fn);
      for (const p of expr.parts) if (p.kind === 'index') walkExpression(p.expr, fn);
      break;
    case 'call':
      for (const a of expr.args) walkExpression(a, fn);
      break;
    case 'unary':
      walkExpression(expr.operand, fn);
      break;
    case 'binary':
      walkExpression(expr.left, fn);
      walkExpression(expr.right, fn);
      break;
    default:
      break;
  }
}

/**
 * A context as a lower-case dotted pattern (`github.event.issue.title`, `steps.*.outcome`), or
 * undefined when it is computed (a call or a parenthesised head, a computed index).
 */
export function contextPattern(ctx: Extract<Expr, { kind: 'context' }>): string | undefined {
  if (ctx.head) return undefined;
  const names: string[] = [];
  for (const p of ctx.parts) {
    if (p.kind === 'name') names.push(p.name.toLowerCase());
    else if (p.kind === 'star') names.push('*');
    else if (p.expr.kind === 'literal' && typeof p.expr.value === 'number') names.push('*');
    else return undefined;
  }
  return names.join('.');
}

/** Whether `pattern` matches `template`, where `*` in the template matches one segment. */
export function matchesPattern(pattern: string, template: string): boolean {
  const a = pattern.split('.');
  const b = template.split('.');
  if (a.length !== b.length) return false;
  return a.every((seg, i) => b[i] === '*' || seg === '*' || seg === b[i]);
}

/** Whether the pattern is `prefix` or below it (`github.event` is a child of `github`). */
export function childOf(pattern: string, prefix: string): boolean {
  return pattern === prefix || pattern.startsWith(`${prefix}.`);
}

type Value = string | number | boolean | null;

function truthy(v: Value): boolean {
  return !(v === false || v === null || v === 0 || v === '' || (typeof v === 'number' && Number.isNaN(v)));
}

function toNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const t = v.trim();
  return t === '' ? 0 : Number(t);
}

/** GitHub's loose comparison: strings case-insensitively, anything else as numbers. */
function compare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toNumber(a);
  const y = toNumber(b);
  return Number.isNaN(x) || Number.isNaN(y) ? Number.NaN : x - y;
}

/**
 * Constant evaluation (zizmor's `consteval`) of literals, `!`, `&&`/`||` (GitHub's short-circuit
 * values) and comparisons; anything reading a context or calling a function is not constant.
 */
export function constEval(e: Expr): { value: Value } | undefined {
  switch (e.kind) {
    case 'literal':
      return { value: e.value };
    case 'unary': {
      const v = constEval(e.operand);
      return v ? { value: !truthy(v.value) } : undefined;
    }
    case 'binary': {
      const l = constEval(e.left);
      const r = constEval(e.right);
      if (!l || !r) return undefined;
      switch (e.op) {
        case '&&':
          return truthy(l.value) ? r : l;
        case '||':
          return truthy(l.value) ? l : r;
        case '==':
          return { value: compare(l.value, r.value) === 0 };
        case '!=':
          return { value: compare(l.value, r.value) !== 0 };
        case '<':
          return { value: compare(l.value, r.value) < 0 };
        case '<=':
          return { value: compare(l.value, r.value) <= 0 };
        case '>':
          return { value: compare(l.value, r.value) > 0 };
        case '>=':
          return { value: compare(l.value, r.value) >= 0 };
        default:
          return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** Whether an `if:` value can never be true (zizmor skips such jobs and steps: they never run). */
export function ifIsStaticallyFalse(value: string): boolean {
  // Only exactly one fence (no text or spaces around it) or a bare expression: anything else is a
  // non-empty string, which is always true (unsound-condition's business).
  const fenced = /^\$\{\{([\s\S]*)\}\}$/.exec(value);
  const body = fenced ? fenced[1]! : value;
  if (!fenced && value.includes('${{')) return false;
  const expr = tryParseExpression(body.trim());
  const v = expr ? constEval(expr) : undefined;
  return v !== undefined && v.value === false;
}
