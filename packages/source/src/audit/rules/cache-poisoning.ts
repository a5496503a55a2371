/**
 * cache-poisoning: GitHub's Actions cache is shared across a repository's workflows, so anything a
 * pull request's workflow wrote into it can be restored into a release build. Workflows that publish
 * (release events, tag pushes, release branches, or jobs using a publishing action) must not restore
 * caches. Which inputs turn caching on, and the defaults per action version, follow zizmor.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { parseUses, type Audit, type AuditFile, type Step } from '../model.js';

type Toggle =
  | { kind: 'always' }
  /**
   * Caching is on when the input is truthy (any non-empty string for `stringEnables`, one of `exact`
   * when given); `defaultOn` when the input is absent.
   */
  | { kind: 'input'; input: string; defaultOn: (major: number | undefined) => boolean; stringEnables?: boolean; exact?: string[] }
  /** Caching is off only when the input says so (`lookup-only: true`). */
  | { kind: 'opt-out'; input: string; offValues?: string[] }
  | { kind: 'all'; inputs: string[] };

const on =
  (defaultOn: boolean): ((m: number | undefined) => boolean) =>
  () =>
    defaultOn;

/** Cache-aware actions and the inputs that control their cache (zizmor's list, with version defaults). */
const CACHE_ACTIONS: Record<string, Toggle[]> = {
  'actions/cache': [{ kind: 'opt-out', input: 'lookup-only' }],
  'swatinem/rust-cache': [{ kind: 'opt-out', input: 'lookup-only' }],
  'actions/setup-go': [{ kind: 'input', input: 'cache', defaultOn: (m) => m === undefined || m >= 4 }],
  'actions/setup-java': [{ kind: 'input', input: 'cache', defaultOn: on(false), stringEnables: true }],
  'actions/setup-python': [{ kind: 'input', input: 'cache', defaultOn: on(false), stringEnables: true }],
  'actions/setup-dotnet': [{ kind: 'input', input: 'cache', defaultOn: on(false) }],
  'actions/setup-node': [
    { kind: 'input', input: 'cache', defaultOn: on(false), exact: ['npm', 'yarn', 'pnpm'] },
    // package-manager-cache arrived (on by default) with setup-node v5.
    { kind: 'input', input: 'package-manager-cache', defaultOn: (m) => m === undefined || m >= 5 },
  ],
  // setup-uv enables its cache by default ("auto") below v10.
  'astral-sh/setup-uv': [{ kind: 'input', input: 'enable-cache', defaultOn: (m) => m === undefined || m < 10 }],
  'pyo3/maturin-action': [{ kind: 'input', input: 'sccache', defaultOn: on(false) }],
  'ruby/setup-ruby': [{ kind: 'input', input: 'bundler-cache', defaultOn: on(false) }],
  'mlugg/setup-zig': [{ kind: 'input', input: 'use-cache', defaultOn: on(true) }],
  'oven-sh/setup-bun': [{ kind: 'opt-out', input: 'no-cache' }],
  'determinatesystems/magic-nix-cache-action': [{ kind: 'input', input: 'use-gha-cache', defaultOn: on(true) }],
  'graalvm/setup-graalvm': [{ kind: 'input', input: 'cache', defaultOn: on(false), stringEnables: true }],
  'gradle/actions/setup-gradle': [{ kind: 'opt-out', input: 'cache-disabled' }],
  'docker/setup-buildx-action': [{ kind: 'all', inputs: ['cache-binary', 'version'] }],
  'actions-rust-lang/setup-rust-toolchain': [{ kind: 'input', input: 'cache', defaultOn: on(true) }],
  'jdx/mise-action': [{ kind: 'input', input: 'cache', defaultOn: on(true) }],
  'ramsey/composer-install': [{ kind: 'opt-out', input: 'ignore-cache', offValues: ['yes', 'true', '1'] }],
  'mozilla-actions/sccache-action': [{ kind: 'always' }],
  'nix-community/cache-nix-action': [{ kind: 'always' }],
  'awalsh128/cache-apt-pkgs-action': [{ kind: 'always' }],
};

/** Actions whose presence makes a job a publishing job, whatever the trigger (zizmor's list). */
const PUBLISHERS = new Set([
  'pypa/gh-action-pypi-publish',
  'rubygems/release-gem',
  'jreleaser/release-action',
  'goreleaser/goreleaser-action',
  'softprops/action-gh-release',
  'release-drafter/release-drafter',
  'googleapis/release-please-action',
  'docker/build-push-action',
  'redhat-actions/push-to-registry',
  'aws-actions/amazon-ecs-deploy-task-definition',
  'aws-actions/aws-cloudformation-github-deploy',
  'azure/aci-deploy',
  'azure/container-apps-deploy-action',
  'azure/functions-action',
  'azure/sql-action',
  'cloudflare/wrangler-action',
  'google-github-actions/deploy-appengine',
  'google-github-actions/deploy-cloudrun',
  'google-github-actions/deploy-cloud-functions',
]);

/** Whether a step is a known publisher; docker/build-push-action only when `push` is not false (zizmor's control field). */
function publishes(f: AuditFile, step: Step): boolean {
  if (!step.uses) return false;
  const slug = parseUses(step.uses.value).slug ?? '';
  if (!PUBLISHERS.has(slug)) return false;
  if (slug === 'docker/build-push-action') {
    const v = f.src.str(f.src.get(step.with, 'push'))?.trim();
    return v === undefined || v.includes('${{') || v === 'true';
  }
  return true;
}

function major(f: AuditFile, step: Step): number | undefined {
  if (!step.uses) return undefined;
  const u = parseUses(step.uses.value);
  const fromRef = /^v?(\d+)(\.\d+)*$/.exec(u.ref ?? '');
  if (fromRef) return Number(fromRef[1]);
  const comment = f.src.trailingComment(step.uses.node);
  const fromComment = /(?:^|[=\s])v?(\d+)(\.\d+)*\b/.exec(comment ?? '');
  return fromComment ? Number(fromComment[1]) : undefined;
}

/** Release-like triggers and whether every one of them is tied to a tag. */
function releaseTriggers(f: AuditFile): { release: boolean; allTags: boolean } {
  let release = false;
  let allTags = true;
  for (const t of f.triggers) {
    if (t.name === 'release') release = true;
    if (t.name !== 'push' || !t.node || !isMap(t.node)) continue;
    if (f.src.get(t.node, 'tags') !== undefined) release = true;
    const branches = f.src.items(f.src.get(t.node, 'branches')).map((b) => f.src.str(b) ?? '');
    if (branches.some((b) => /release/i.test(b))) {
      release = true;
      allTags = false;
    }
  }
  return { release, allTags };
}

/** Does this input value enable caching? 'maybe' for expressions. */
function evaluate(value: string, stringEnables: boolean, tagOnly: boolean): boolean | 'maybe' {
  const v = value.trim();
  if (v.includes('${{')) {
    // `!startsWith(github.ref, 'refs/tags/')` is off on every run when every trigger is a tag.
    if (tagOnly && /!\s*\(?\s*(startsWith\(\s*github\.ref\s*,\s*'refs\/tags\/'\s*\)|.*github\.ref_type\s*==\s*'tag')/i.test(v))
      return false;
    return 'maybe';
  }
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === 'auto') return true;
  if (lower === 'false' || lower === '') return false;
  return stringEnables ? true : false;
}

export const cachePoisoning: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  const triggers = releaseTriggers(f);
  for (const job of f.jobs) {
    const publishing = triggers.release || job.steps.some((s) => publishes(f, s));
    if (!publishing) continue;
    const tagOnly = triggers.release && triggers.allTags;
    for (const step of job.steps) {
      if (!step.uses) continue;
      const u = parseUses(step.uses.value);
      const toggles = u.kind === 'repository' ? CACHE_ACTIONS[u.slug ?? ''] : undefined;
      if (!toggles) continue;
      const m = major(f, step);
      let why: string | undefined;
      for (const t of toggles) {
        if (why) break;
        if (t.kind === 'always') why = 'always restores from cache';
        else if (t.kind === 'opt-out') {
          const v = f.src.str(f.src.get(step.with, t.input));
          const off = t.offValues ?? ['true'];
          if (v === undefined) why = `omitting \`${t.input}\` enables caching`;
          else if (!off.includes(v.trim().toLowerCase()) && !(v.includes('${{') && evaluate(v, false, tagOnly) === false))
            why = `\`${t.input}: ${v}\` may enable caching`;
        } else if (t.kind === 'all') {
          const vals = t.inputs.map((i) => f.src.str(f.src.get(step.with, i)));
          if (vals.every((v) => v !== undefined && evaluate(v, true, tagOnly) !== false))
            why = `${t.inputs.join(' and ')} enable caching explicitly`;
        } else {
          const node = f.src.get(step.with, t.input);
          const v = f.src.str(node);
          if (node === undefined || (!isScalar(node) && !isSeq(node))) {
            if (t.defaultOn(m))
              why = `omitting \`${t.input}\` enables caching${t.input === 'enable-cache' ? ' for this action version' : ''}`;
          } else if (v !== undefined) {
            const enabled =
              t.input === 'enable-cache' && v.trim() === 'auto'
                ? t.defaultOn(m)
                : t.exact && !v.includes('${{')
                  ? t.exact.includes(v.trim().toLowerCase())
                  : evaluate(v, t.stringEnables === true, tagOnly);
            if (enabled === true) why = `\`${t.input}\` enables caching explicitly`;
            else if (enabled === 'maybe') why = `\`${t.input}\` may enable caching`;
          }
        }
      }
      const range = f.src.pairRange(step.uses.pair);
      if (!why || !range) continue;
      report({
        audit: 'cache-poisoning',
        severity: 'high',
        confidence: 'low',
        persona: 'regular',
        message: `runtime artifacts potentially vulnerable to a cache poisoning attack: ${u.slug ?? ''} ${why} in a workflow that publishes`,
        range,
        ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] as [number, number] } : {}),
      });
    }
  }
};
