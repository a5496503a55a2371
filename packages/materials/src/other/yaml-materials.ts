/**
 * Actions and images named in YAML: workflow `uses:` (steps and reusable workflows), composite and
 * docker actions, workflow `container:`/`services:`, compose `image:` and Kubernetes pod specs.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { PackageURL } from 'packageurl-js';
import { ConfigurationError } from '@secure-factory/core';
import type { Package } from '../package.js';
import { depthOf, MAX_YAML_DEPTH } from '../lockfiles/yaml-document.js';
import { imagePackage } from './image-ref.js';

export type YamlKind = 'workflow' | 'action' | 'compose' | 'kubernetes';

interface Ctx {
  file: string;
  lc: LineCounter;
  out: Package[];
}

function lineOf(ctx: Ctx, node: Node | null | undefined): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : ctx.lc.linePos(start).line;
}

function get(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  const v: unknown = node.get(key, true);
  return v === undefined || v === null ? undefined : (v as Node);
}

function scalar(node: Node | undefined): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** `owner/repo[/path]@ref` → a GitHub Actions package, pinned when the ref is a full commit SHA. */
export function actionPackage(uses: string, file: string, line: number | undefined, groups: string[]): Package | undefined {
  if (uses.startsWith('./') || uses.startsWith('$/')) return undefined;
  const at = uses.lastIndexOf('@');
  const target = at > 0 ? uses.slice(0, at) : uses;
  const ref = at > 0 ? uses.slice(at + 1) : '';
  const parts = target.split('/');
  const owner = parts[0] ?? '';
  const repo = parts[1] ?? '';
  const subpath = parts.slice(2).join('/');
  let purl: string;
  try {
    purl = new PackageURL(
      'githubactions',
      owner.toLowerCase(),
      repo.toLowerCase(),
      ref || undefined,
      undefined,
      subpath || undefined,
    ).toString();
  } catch {
    purl = `pkg:githubactions/${encodeURIComponent(target)}`;
  }
  const pkg: Package = {
    ecosystem: 'GitHub Actions',
    name: `${owner}/${repo}`,
    version: ref,
    purl,
    groups,
    direct: true,
    sourceFile: file,
    reference: uses,
    pinned: /^[0-9a-f]{40}$/.test(ref),
    kind: 'git',
    resolved: `https://github.com/${owner}/${repo}`,
  };
  if (/^[0-9a-f]{40}$/.test(ref)) pkg.commit = ref;
  if (line !== undefined) pkg.line = line;
  return pkg;
}

function addUses(ctx: Ctx, node: Node | undefined, group: string): void {
  const uses = scalar(node);
  if (!uses) return;
  const line = lineOf(ctx, node);
  if (uses.startsWith('docker://')) {
    ctx.out.push(imagePackage(uses.slice('docker://'.length), ctx.file, line, [group]));
    return;
  }
  const p = actionPackage(uses, ctx.file, line, [group]);
  if (p) ctx.out.push(p);
}

function addImage(ctx: Ctx, node: Node | undefined, group: string): void {
  const raw = scalar(node);
  if (!raw || raw.includes('${{')) return;
  // Compose interpolation: a variable with a default resolves to the default; others stay unresolved.
  const image = raw.replace(/\$\{\w+:?-([^}]*)\}/g, '$1');
  ctx.out.push(imagePackage(image, ctx.file, lineOf(ctx, node), [group]));
}

function steps(ctx: Ctx, seq: Node | undefined): void {
  if (!isSeq(seq)) return;
  for (const step of seq.items) addUses(ctx, get(step, 'uses'), 'action');
}

function workflow(ctx: Ctx, doc: Node): void {
  const jobs = get(doc, 'jobs');
  if (!isMap(jobs)) return;
  for (const pair of jobs.items) {
    const job = pair.value as Node | null;
    addUses(ctx, get(job, 'uses'), 'reusable-workflow');
    steps(ctx, get(job, 'steps'));
    const container = get(job, 'container');
    if (isScalar(container)) addImage(ctx, container, 'container');
    else addImage(ctx, get(container, 'image'), 'container');
    const services = get(job, 'services');
    if (isMap(services)) for (const s of services.items) addImage(ctx, get(s.value, 'image'), 'service');
  }
}

function action(ctx: Ctx, doc: Node): void {
  const runs = get(doc, 'runs');
  steps(ctx, get(runs, 'steps'));
  const image = scalar(get(runs, 'image'));
  if (image?.startsWith('docker://')) ctx.out.push(imagePackage(image.slice(9), ctx.file, lineOf(ctx, get(runs, 'image')), ['container']));
}

function compose(ctx: Ctx, doc: Node): void {
  const services = get(doc, 'services');
  if (isMap(services)) for (const s of services.items) addImage(ctx, get(s.value, 'image'), 'compose');
}

/** Every `containers`/`initContainers`/`ephemeralContainers` image, at any depth (pods, templates, CronJobs). */
function kubernetes(ctx: Ctx, node: unknown, depth = 0): void {
  if (depth > 40) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if ((key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers') && isSeq(value)) {
        for (const c of value.items) addImage(ctx, get(c, 'image'), 'kubernetes');
      } else kubernetes(ctx, value, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) kubernetes(ctx, item, depth + 1);
  }
}

export function yamlMaterials(text: string, file: string, kind: YamlKind): Package[] {
  if (depthOf(text) > MAX_YAML_DEPTH) {
    throw new ConfigurationError(`the YAML is nested more than ${MAX_YAML_DEPTH} levels deep`, { location: { file } });
  }
  const lc = new LineCounter();
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
  } catch (e: unknown) {
    throw new ConfigurationError(`not valid YAML: ${e instanceof Error ? e.message : String(e)}`, { location: { file } });
  }
  if (!Array.isArray(docs)) return [];
  const ctx: Ctx = { file, lc, out: [] };
  for (const d of docs) {
    const err = d.errors[0];
    if (err) {
      throw new ConfigurationError(`not valid YAML: ${err.message.split('\n')[0] ?? ''}`, {
        location: { file, line: err.linePos?.[0]?.line },
      });
    }
    const root = d.contents;
    if (!root) continue;
    if (kind === 'workflow') workflow(ctx, root);
    else if (kind === 'action') action(ctx, root);
    else if (kind === 'compose') compose(ctx, root);
    else kubernetes(ctx, root);
  }
  return ctx.out;
}
