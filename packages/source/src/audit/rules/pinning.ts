/**
 * unpinned-uses and unpinned-images: a tag or branch can be moved to new code after review; only a
 * full commit SHA (actions) or an image digest (containers) names exactly what runs.
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import { contextPattern, extractExpressions, childOf, tryParseExpression, type Expr } from '../expressions.js';
import { matrixValues, parseUses, scalarValueRange, type Audit, type AuditFile, type Job, type RawFinding } from '../model.js';
import { matchesUses, mostSpecific } from '../zizmor-config.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** `owner/repo[/subpath]@ref` split for pattern matching (lower-case names, ref as written). */
export function usesParts(value: string): { owner: string; repo: string; subpath?: string; ref?: string } | undefined {
  const u = parseUses(value);
  if (u.kind !== 'repository' || !u.slug) return undefined;
  const [owner, repo, ...rest] = u.slug.split('/');
  if (!owner || !repo) return undefined;
  return { owner, repo, ...(rest.length > 0 ? { subpath: rest.join('/') } : {}), ...(u.ref !== undefined ? { ref: u.ref } : {}) };
}

/** Every `uses:` of the file: steps and reusable-workflow jobs, with the value node. */
function allUses(f: AuditFile): { value: string; node: Node; parent: Node | undefined }[] {
  const out: { value: string; node: Node; parent: Node | undefined }[] = [];
  for (const step of f.steps) if (step.uses) out.push({ value: step.uses.value, node: step.uses.node, parent: step.node });
  for (const job of f.jobs) {
    const uses = f.src.get(job.node, 'uses');
    const v = f.src.str(uses);
    if (uses && v !== undefined) out.push({ value: v, node: uses, parent: job.node });
  }
  return out;
}

export const unpinnedUses: Audit = (f, report) => {
  for (const { value: rawValue, node, parent } of allUses(f)) {
    const value = rawValue.trim();
    const parts = usesParts(value);
    const range = scalarValueRange(f.src, node);
    if (!parts || !range) continue;
    const [pattern, policy] = mostSpecific(f.config.unpinnedPolicies, parts) ?? [{ text: '*', specificity: 0 }, 'hash-pin'];
    const blanket = pattern.text === '*' ? 'blanket policy' : `policy for ${pattern.text}`;
    let problem: string | undefined;
    if (policy === 'hash-pin' && !(parts.ref !== undefined && FULL_SHA.test(parts.ref)))
      problem = `\`${value}\` is not pinned to a full commit SHA (required by ${blanket})`;
    else if (policy === 'ref-pin' && parts.ref === undefined) problem = `\`${value}\` has no ref at all (required by ${blanket})`;
    if (!problem) continue;
    report({
      audit: 'unpinned-uses',
      severity: 'high',
      confidence: 'high',
      persona: 'regular',
      message: `unpinned action reference: ${problem}`,
      range,
      // zizmor's finding carries the whole step (or job): an ignore comment anywhere in it counts.
      ...(parent?.range ? { ignoreRange: [parent.range[0], parent.range[1]] as [number, number] } : {}),
    });
  }
};

/** forbidden-uses: only with a zizmor configuration listing allowed or denied actions. */
export const forbiddenUses: Audit = (f, report) => {
  const rule = f.config.forbidden;
  if (!rule) return;
  for (const { value, node } of allUses(f)) {
    const parts = usesParts(value);
    if (!parts || !node.range) continue;
    const listed = rule.patterns.some((p) => matchesUses(p, parts));
    if (rule.mode === 'allow' ? listed : !listed) continue;
    report({
      audit: 'forbidden-uses',
      severity: 'high',
      confidence: 'high',
      persona: 'regular',
      message: `forbidden action or repository used: \`${value}\` is ${rule.mode === 'allow' ? 'not on the allow list' : 'on the deny list'} of ${f.config.file ?? 'the configuration'}`,
      range: [node.range[0], node.range[1]],
    });
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
  // As zizmor: only an image that is wholly one `${{ }}` is an expression; `repo:${{ matrix.tag }}`
  // is a literal whose tag is computed (a tag, not a digest: pedantic).
  if (fenced.length === 0 || !/^\$\{\{[\s\S]*\}\}$/.test(value.trim())) {
    const r = imageFinding(imagePinning(value), value, pairRange);
    if (r) report(r);
    return;
  }
  // As zizmor: every leaf the expression can evaluate to (through `&&`/`||`) is a candidate; a
  // matrix context contributes each of the matrix's values, anything else is opaque (may be unpinned).
  for (const fx of fenced) {
    const expr = tryParseExpression(fx.body, node.range[0] + fx.bodyStart);
    if (!expr) {
      report(opaqueImage(pairRange, value));
      continue;
    }
    const leaves = leafExpressions(expr);
    for (const leaf of leaves) {
      const range: [number, number] = leaves.length === 1 ? pairRange : [leaf.span.start, leaf.span.end];
      if (leaf.kind === 'literal') {
        if (typeof leaf.value === 'string' && leaf.value !== '') {
          const r = imageFinding(imagePinning(leaf.value), leaf.value, range);
          if (r) report(r);
        }
        continue;
      }
      const pattern = leaf.kind === 'context' ? contextPattern(leaf) : undefined;
      if (pattern && childOf(pattern, 'matrix')) {
        const key = pattern.split('.')[1] ?? '';
        const { values } = matrixValues(f, job, key);
        for (const v of values) {
          if (v.value === undefined || v.value.includes('${{')) {
            report(opaqueImage(range, value));
            continue;
          }
          const r = imageFinding(imagePinning(v.value), v.value, range);
          if (r)
            report({
              ...r,
              message: `${r.message} (through \`${value}\`, matrix value at line ${f.src.position(v.node.range?.[0] ?? 0).line})`,
            });
        }
        continue;
      }
      report(opaqueImage(range, f.src.text.slice(leaf.span.start, leaf.span.end)));
    }
  }
}

function opaqueImage(range: [number, number], text: string): RawFinding {
  return {
    audit: 'unpinned-images',
    severity: 'high',
    confidence: 'low',
    persona: 'regular',
    message: `unpinned image reference: the image comes from \`${text}\`, which may be unpinned`,
    range,
  };
}

/** zizmor's `leaf_expressions`: the right of `&&`, both sides of `||`, anything else whole. */
function leafExpressions(e: Expr): Expr[] {
  if (e.kind === 'binary' && e.op === '&&') return leafExpressions(e.right);
  if (e.kind === 'binary' && e.op === '||') return [...leafExpressions(e.left), ...leafExpressions(e.right)];
  return [e];
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
