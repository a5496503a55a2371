/**
 * Whether a file is the document GitHub would run, by the shape GitHub's workflow and action schemas
 * require and zizmor's models (github-actions-models) load: a workflow is a mapping with `on:` and
 * `jobs:`, each job has `runs-on:` (or `uses:`, a reusable workflow) and each step `uses:` or `run:` (or a
 * background-step control: `parallel:`, `wait:`, `wait-all:`, `cancel:`); an
 * action has `runs:` with `using:`; a Dependabot file has `version:` and `updates:`. GitHub refuses
 * anything else ("Invalid workflow file") and zizmor will not load it, so an audit that found nothing
 * in such a file must not pass it: the file is reported instead (workflow/invalid-structure).
 */
import { isMap, isSeq, type Node } from 'yaml';
import { safeInlineBounded } from '@secure-factory/core';
import type { FileKind } from './model.js';
import type { YamlSource } from './yaml-source.js';

export interface StructureProblem {
  message: string;
  help: string;
  /** Offset in the file of the node at fault (0: the document itself). */
  offset: number;
}

const WHAT: Record<Exclude<FileKind, 'pre-commit'>, string> = {
  workflow: 'a GitHub Actions workflow',
  action: 'a GitHub Actions action',
  dependabot: 'a Dependabot configuration',
};
const HELP: Record<Exclude<FileKind, 'pre-commit'>, string> = {
  workflow:
    'a workflow is a mapping with `on:` (the events that run it) and `jobs:`, each job with `runs-on:` or `uses:` and each step with `uses:` or `run:`; GitHub refuses the file as it is. Move files that are not workflows out of .github/workflows',
  action: 'an action.yml is a mapping with `runs:` naming what it runs with (`using:`); GitHub cannot use the action as it is',
  dependabot: 'a dependabot.yml is a mapping with `version: 2` and `updates:`; GitHub ignores it as it is',
};

/** A key or id from the file as quoted in a message: one line, controls visible, at most 60 characters. */
function shown(name: string): string {
  return safeInlineBounded(name, 60);
}

/** The keys of a workflow (GitHub's workflow syntax); GitHub refuses a file with any other. */
const WORKFLOW_KEYS = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);

/** What a step does: an action, a script, or one of GitHub's background-step controls. */
const STEP_KINDS = ['uses', 'run', 'wait', 'wait-all', 'cancel'];

export function structureProblem(src: YamlSource, kind: FileKind): StructureProblem | undefined {
  if (kind === 'pre-commit') return undefined;
  const at = (node: Node | null | undefined): number => src.range(node)?.[0] ?? 0;
  const problem = (message: string, node?: Node | null): StructureProblem => ({
    message: `not ${WHAT[kind]}: ${message}`,
    help: HELP[kind],
    offset: at(node),
  });
  const root = src.root();
  if (!root) return problem('the file is empty or not a mapping');
  if (kind === 'workflow') return workflowProblem(src, root, problem);
  if (kind === 'action') {
    const runs = src.pair(root, 'runs');
    if (!runs) return problem('it has no `runs:`');
    if (!isMap(src.resolve(runs.value))) return problem('`runs:` is not a mapping', runs.key);
    if (src.get(runs.value, 'using') === undefined) return problem('`runs:` has no `using:`', runs.key);
    return undefined;
  }
  if (src.get(root, 'version') === undefined) return problem('it has no `version:`');
  const updates = src.pair(root, 'updates');
  if (!updates) return problem('it has no `updates:`');
  if (!isSeq(src.resolve(updates.value))) return problem('`updates:` is not a list', updates.key);
  return undefined;
}

function workflowProblem(
  src: YamlSource,
  root: Node,
  problem: (message: string, node?: Node | null) => StructureProblem,
): StructureProblem | undefined {
  for (const [key, pair] of src.entries(root)) {
    if (!WORKFLOW_KEYS.has(key) && key !== 'true')
      return problem(`\`${shown(key)}:\` is not a workflow key (${[...WORKFLOW_KEYS].join(', ')})`, pair.key);
  }
  // `on` is a string key in YAML 1.2; a YAML 1.1 reader would have made it `true`.
  const on = src.pair(root, 'on') ?? src.pair(root, 'true');
  if (!on) return problem('it has no `on:` (the events that run it)');
  for (const [id, pair] of src.entries(src.get(src.get(on.value, 'workflow_call'), 'inputs'))) {
    const type = src.str(src.get(pair.value, 'type'));
    if (type !== 'boolean' && type !== 'number' && type !== 'string') {
      return problem(`input \`${shown(id)}\` of \`on.workflow_call\` has no \`type:\` of boolean, number or string`, pair.key);
    }
  }
  const jobs = src.pair(root, 'jobs');
  if (!jobs) return problem('it has no `jobs:`');
  if (!isMap(src.resolve(jobs.value))) return problem('`jobs:` is not a mapping of job ids to jobs', jobs.key);
  for (const [id, pair] of src.entries(jobs.value)) {
    const job = src.resolve(pair.value);
    if (!isMap(job)) return problem(`job \`${shown(id)}\` is not a mapping`, pair.key);
    if (src.pair(job, 'runs-on') === undefined && src.pair(job, 'uses') === undefined) {
      return problem(`job \`${shown(id)}\` has neither \`runs-on:\` nor \`uses:\``, pair.key);
    }
    const steps = src.pair(job, 'steps');
    if (!steps) continue;
    const list = src.resolve(steps.value);
    if (!isSeq(list)) return problem(`the \`steps:\` of job \`${shown(id)}\` are not a list`, steps.key);
    for (const [i, item] of list.items.entries()) {
      const step = src.resolve(item);
      const where = `step ${i + 1} of job \`${shown(id)}\``;
      if (!isMap(step)) return problem(`${where} is not a mapping`, step ?? steps.key);
      const parallel = src.pair(step, 'parallel');
      if (parallel) {
        const inner = src.resolve(parallel.value);
        if (!isSeq(inner)) return problem(`the \`parallel:\` of ${where} is not a list of steps`, parallel.key);
        for (const [j, sub] of inner.items.entries()) {
          const s = src.resolve(sub);
          if (!isMap(s) || !STEP_KINDS.some((k) => src.pair(s, k) !== undefined)) {
            return problem(`parallel step ${j + 1} of ${where} has neither \`uses:\` nor \`run:\``, s ?? parallel.key);
          }
        }
      } else if (!STEP_KINDS.some((k) => src.pair(step, k) !== undefined)) {
        return problem(`${where} has neither \`uses:\` nor \`run:\``, step);
      }
    }
  }
  return undefined;
}
