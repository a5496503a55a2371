/**
 * unpinned-uses and unpinned-images: a tag or branch can be moved to new code after review; only a
 * full commit SHA (actions) or an image digest (containers) names exactly what runs.
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { contextPattern, dataflowContexts, dataflowLiterals, extractExpressions, childOf, tryParseExpression } from '../expressions.js';
import { matrixValues, parseUses, type Audit, type AuditFile, type Job, type RawFinding } from '../model.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;

export const unpinnedUses: Audit = (f, report) => {
  const check = (value: string, node: Node): void => {
    const u = parseUses(value);
    if (u.kind !== 'repository' || !node.range) return;
    if (u.ref !== undefined && FULL_SHA.test(u.ref)) return;
    report({
      audit: 'unpinned-uses',
      severity: 'high',
      confidence: 'high',
      persona: 'regular',
      message:
        u.ref === undefined
          ? `unpinned action reference: \`${value}\` has no ref at all`
          : `unpinned action reference: \`${value}\` is not pinned to a full commit SHA`,
      range: [node.range[0], node.range[1]],
    });
  };
  for (const step of f.steps) if (step.uses) check(step.uses.value, step.uses.node);
  for (const job of f.jobs) {
    const uses = f.src.get(job.node, 'uses');
    const v = f.src.str(uses);
    if (uses && v !== undefined) check(v, uses);
  }
};

type Pinning = 'digest' | 'tag' | 'unpinned' | 'empty';

export function imagePinning(ref: string): Pinning {
  const image = ref.trim().replace(/^docker:\/\//, '');
  if (image === '') return 'empty';
  if (/@sha256:/.test(image)) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  if (colon < 0) return 'unpinned';
  const tag = image.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'unpinned' : 'tag';
}

function imageFinding(pin: Pinning, ref: string, range: [number, number]): RawFinding | undefined {
  if (pin === 'digest' || pin === 'empty') return undefined;
  return {
    audit: 'unpinned-images',
    severity: 'high',
    confidence: 'high',
    persona: pin === 'unpinned' ? 'regular' : 'pedantic',
    message:
      pin === 'unpinned'
        ? `unpinned image reference: \`${ref}\` has no tag or uses \`latest\``
        : `unpinned image reference: \`${ref}\` is pinned to a tag, not a sha256 digest`,
    range,
  };
}

/** Checks one `image` value; `pair` is the key the finding points at for whole-value problems. */
function checkImage(f: AuditFile, job: Job | undefined, node: Node, pair: Pair<Node, Node | null>, report: (x: RawFinding) => void): void {
  const value = f.src.str(node);
  const pairRange = f.src.pairRange(pair);
  if (value === undefined || !pairRange || !node.range) return;
  const fenced = extractExpressions(f.src.raw(node));
  if (fenced.length === 0) {
    const r = imageFinding(imagePinning(value), value, pairRange);
    if (r) report(r);
    return;
  }
  for (const fx of fenced) {
    const base = node.range[0] + fx.bodyStart;
    const expr = tryParseExpression(fx.body, base);
    if (!expr) continue;
    for (const lit of dataflowLiterals(expr)) {
      if (typeof lit.value !== 'string') continue;
      const r = imageFinding(imagePinning(lit.value), lit.value, [lit.span.start, lit.span.end]);
      if (r) report(r);
    }
    for (const ctx of dataflowContexts(expr)) {
      const pattern = contextPattern(ctx);
      if (pattern && childOf(pattern, 'matrix') && pattern.split('.').length === 2) {
        const { values, opaque } = matrixValues(f, job, pattern.split('.')[1] ?? '');
        let worst: RawFinding | undefined;
        for (const v of values) {
          const r = v.value === undefined ? undefined : imageFinding(imagePinning(v.value), v.value, pairRange);
          if (r && (!worst || r.persona === 'regular')) worst = r;
        }
        if (opaque && !worst) worst = imageFinding('unpinned', value, pairRange);
        if (worst) report({ ...worst, message: `${worst.message} (through \`${value}\`)` });
        continue;
      }
      const text = f.src.text.slice(ctx.span.start, ctx.span.end);
      report({
        audit: 'unpinned-images',
        severity: 'high',
        confidence: 'low',
        persona: 'regular',
        message: `unpinned image reference: the image comes from \`${text}\`, which cannot be shown to be pinned to a digest`,
        range: [ctx.span.start, ctx.span.end],
      });
    }
  }
}

export const unpinnedImages: Audit = (f, report) => {
  const src = f.src;
  for (const job of f.jobs) {
    const containerPair = src.pair(job.node, 'container');
    const container = containerPair ? src.resolve(containerPair.value) : undefined;
    if (containerPair && container) {
      if (isScalar(container)) checkImage(f, job, container, containerPair, report);
      else if (isMap(container)) {
        const imagePair = src.pair(container, 'image');
        const image = imagePair ? src.resolve(imagePair.value) : undefined;
        if (imagePair && image) checkImage(f, job, image, imagePair, report);
      }
    }
    for (const [, svcPair] of src.entries(src.get(job.node, 'services'))) {
      const svc = src.resolve(svcPair.value);
      if (isScalar(svc) && svc) checkImage(f, job, svc, svcPair, report);
      const imagePair = src.pair(svc, 'image');
      const image = imagePair ? src.resolve(imagePair.value) : undefined;
      if (imagePair && image) checkImage(f, job, image, imagePair, report);
    }
  }
  for (const step of f.steps) {
    const u = step.uses;
    if (!u || !u.node.range) continue;
    const raw = src.raw(u.node);
    const idx = raw.indexOf('docker://');
    if (idx < 0 || !u.value.trim().startsWith('docker://')) continue;
    const image = u.value.trim().slice('docker://'.length);
    const start = u.node.range[0] + idx + 'docker://'.length;
    const r = imageFinding(imagePinning(image), image, [start, start + image.length]);
    if (r) report(r);
  }
  if (f.kind === 'action') {
    const runs = src.get(f.root, 'runs');
    const imagePair = src.pair(runs, 'image');
    const image = imagePair ? src.resolve(imagePair.value) : undefined;
    const v = src.str(image);
    if (imagePair && v?.startsWith('docker://')) {
      const r = imageFinding(imagePinning(v), v, src.pairRange(imagePair) ?? [0, 0]);
      if (r) report(r);
    }
  }
};
