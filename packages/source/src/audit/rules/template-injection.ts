/**
 * template-injection: `${{ }}` expansions inside code (a `run:` block, or the script input of an action
 * that evaluates code) are pasted into the script before it runs, so an attacker-controlled value
 * becomes code. Classification follows zizmor: attacker-controlled `github.event` fields and action
 * inputs are high; non-static `env`/`matrix` values lower; known-fixed values are skipped.
 */
import type { Severity } from '@secure-factory/core';
import type { Node } from 'yaml';
import { childOf, contextPattern, dataflowContexts, extractExpressions, matchesPattern, tryParseExpression } from '../expressions.js';
import {
  envIsStatic,
  lookupEnv,
  matrixExpansions,
  parseUses,
  type Audit,
  type AuditFile,
  type Confidence,
  type Persona,
  type Step,
} from '../model.js';

/** Actions whose input is evaluated as code: `owner/repo` → input names. */
const CODE_INPUTS: Record<string, string[]> = {
  'actions/github-script': ['script'],
  'azure/cli': ['inlinescript'],
  'azure/powershell': ['inlinescript'],
  'jannekem/run-python-script-action': ['script'],
  'amadevus/pwsh-script': ['script'],
  'addnab/docker-run-action': ['run'],
  // yq's action runs `cmd` as a shell command line.
  'mikefarah/yq': ['cmd'],
};

/**
 * `github.*` values GitHub itself fixes (ids, the repository, run numbers, URLs of this server). Like
 * zizmor, every other `github.*` value is treated as attacker-influenced: branch and tag names
 * (`github.ref_name`, `github.head_ref`) may contain `$(...)`, and actor names, workflow names and
 * event fields are chosen by whoever triggers or edits them.
 */
const FIXED_GITHUB = new Set([
  'github.action_path',
  'github.api_url',
  'github.event_name',
  'github.event_path',
  'github.graphql_url',
  'github.job',
  'github.repository',
  'github.repository_id',
  'github.repository_owner',
  'github.repository_owner_id',
  'github.repositoryurl',
  'github.retention_days',
  'github.run_attempt',
  'github.run_id',
  'github.run_number',
  'github.server_url',
  'github.sha',
  'github.token',
  // A GitHub login: letters, digits and hyphens (bots add `[bot]`), so no shell syntax.
  'github.triggering_actor',
  'github.workflow_sha',
  'github.workspace',
]);

/**
 * Event payload fields that cannot carry attacker text: numbers, ids, hashes, booleans, timestamps,
 * enumerations. URLs are "structured" (the attacker controls part of the path). Everything else in
 * `github.event` (titles, bodies, names, logins, labels, refs...) is arbitrary. This follows the
 * shape of zizmor's context-capability table without copying it.
 */
const FIXED_EVENT_LEAF =
  /^(id|number|sha|before|after|size|state|author_association|private|public|fork|locked|merged|mergeable|draft|deleted|site_admin|default|protected|rebaseable|maintainer_can_modify|forced|created|is_answerable|run_attempt|run_number|comments|commits|additions|deletions|changed_files|review_comments|open_issues|watchers|forks|stargazers|[a-z_]*_(id|count|at|sha|number|on))$/;
const STRUCTURED_EVENT_LEAF = /(^|_)url$/;

const HIGH: Verdict = { severity: 'high', confidence: 'high', persona: 'regular' };

type Verdict = { severity: Severity; confidence: Confidence; persona: Persona } | 'safe';

function classifyGithub(pattern: string): Verdict {
  if (!childOf(pattern, 'github.event')) return FIXED_GITHUB.has(pattern) ? 'safe' : HIGH;
  if (childOf(pattern, 'github.event.inputs') || childOf(pattern, 'github.event.client_payload')) return HIGH;
  const parts = pattern.split('.');
  const leaf = parts[parts.length - 1] ?? '';
  if (parts.length <= 2 || leaf === '*') return HIGH;
  // gravatar_id and node_id are opaque strings, not numbers.
  if (FIXED_EVENT_LEAF.test(leaf) && leaf !== 'gravatar_id' && leaf !== 'node_id') return 'safe';
  if (STRUCTURED_EVENT_LEAF.test(leaf)) return { severity: 'medium', confidence: 'high', persona: 'regular' };
  return HIGH;
}

function workflowInputType(f: AuditFile, name: string): string | undefined {
  const on = f.onPair ? f.src.resolve(f.onPair.value) : undefined;
  for (const trig of ['workflow_dispatch', 'workflow_call']) {
    // Input names are case-insensitive (context patterns are lower-case).
    const hit = f.src.entries(f.src.get(f.src.get(on, trig), 'inputs')).find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (hit) return f.src.str(f.src.get(f.src.resolve(hit[1].value), 'type')) ?? 'string';
  }
  return undefined;
}

function classify(f: AuditFile, step: Step, pattern: string | undefined): Verdict {
  if (pattern === undefined) return { severity: 'info', confidence: 'low', persona: 'regular' };
  if (childOf(pattern, 'secrets')) return 'safe';
  if (childOf(pattern, 'github')) return classifyGithub(pattern);
  if (childOf(pattern, 'inputs')) {
    // As zizmor: a declared action input or string workflow input is arbitrary (high); a typed
    // workflow input is fixed; an input nobody declared is unknown (low, low confidence).
    const name = pattern.split('.')[1];
    const undeclared = { severity: 'low', confidence: 'low', persona: 'regular' } as const;
    if (f.kind === 'action') {
      const declared = name !== undefined && f.src.entries(f.src.get(f.root, 'inputs')).some(([k]) => k.toLowerCase() === name);
      return declared ? { severity: 'high', confidence: 'high', persona: 'regular' } : undeclared;
    }
    const type = name ? workflowInputType(f, name) : undefined;
    if (type === undefined) return undeclared;
    if (type === 'boolean' || type === 'number' || type === 'choice' || type === 'environment') return 'safe';
    return { severity: 'high', confidence: 'high', persona: 'regular' };
  }
  if (childOf(pattern, 'env')) {
    const name = pattern.split('.')[1];
    if (!name || name === '*') return { severity: 'low', confidence: 'high', persona: 'regular' };
    const hit = lookupEnv(f, step, name);
    if (hit.found && !hit.opaque && envIsStatic(f.src, hit.node)) return 'safe';
    return { severity: 'low', confidence: 'high', persona: 'regular' };
  }
  if (childOf(pattern, 'matrix')) {
    const key = pattern.split('.')[1];
    if (!key) return { severity: 'medium', confidence: 'medium', persona: 'regular' };
    // As zizmor: static unless some expansion at this path (`matrix.platform.target` reaches into
    // `platform: [{target: …}]`) is an expression, or the matrix itself is computed.
    const { expansions, opaque } = matrixExpansions(f, step.job);
    const at = expansions.filter((x) => x.path === pattern.toLowerCase());
    const isStatic = !opaque && at.every((v) => v.value !== undefined && extractExpressions(v.value).length === 0);
    return isStatic
      ? { severity: 'low', confidence: 'high', persona: 'auditor' }
      : { severity: 'medium', confidence: 'medium', persona: 'regular' };
  }
  if (
    matchesPattern(pattern, 'steps.*.outcome') ||
    matchesPattern(pattern, 'steps.*.conclusion') ||
    matchesPattern(pattern, 'needs.*.result') ||
    childOf(pattern, 'runner') ||
    childOf(pattern, 'strategy') ||
    childOf(pattern, 'job') ||
    childOf(pattern, 'vars')
  )
    return 'safe';
  return { severity: 'info', confidence: 'low', persona: 'regular' };
}

/** The code-bearing scalars of a step: the run block, or a script input of a code-evaluating action. */
function codeNodes(f: AuditFile, step: Step): { node: Node; what: string }[] {
  if (step.run) return [{ node: step.run.node, what: 'run block' }];
  if (!step.uses) return [];
  const u = parseUses(step.uses.value);
  if (u.kind !== 'repository' || !u.owner || !u.repo) return [];
  const inputs = CODE_INPUTS[`${u.owner}/${u.repo}`];
  if (!inputs) return [];
  return f.src
    .entries(step.with)
    .filter(([k]) => inputs.includes(k.toLowerCase()))
    .map(([k, p]) => ({ node: f.src.resolve(p.value), what: `\`${k}\` input of ${u.owner}/${u.repo}` }))
    .filter((x): x is { node: Node; what: string } => x.node !== undefined);
}

export const templateInjection: Audit = (f, report) => {
  for (const step of f.steps) {
    // zizmor's finding carries the whole step: an ignore comment anywhere in it counts.
    const stepIgnore = step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] as [number, number] } : {};
    for (const { node, what } of codeNodes(f, step)) {
      const start = node.range?.[0];
      if (start === undefined) continue;
      const raw = f.src.raw(node);
      for (const fenced of extractExpressions(raw)) {
        const base = start + fenced.bodyStart;
        const expr = tryParseExpression(fenced.body, base);
        if (!expr) continue;
        let reported = false;
        for (const ctx of dataflowContexts(expr)) {
          const pattern = contextPattern(ctx);
          const verdict = classify(f, step, pattern);
          if (verdict === 'safe') continue;
          reported = true;
          const text = f.src.text.slice(ctx.span.start, ctx.span.end);
          report({
            audit: 'template-injection',
            ...verdict,
            message: `code injection via template expansion: \`${text}\` in this ${what} may expand into attacker-controllable code`,
            range: [ctx.span.start, ctx.span.end],
            ...stepIgnore,
          });
        }
        const hasContext = dataflowContexts(expr).length > 0 || /[A-Za-z_]+\s*[.[]/.test(fenced.body);
        if (!reported && hasContext) {
          report({
            audit: 'template-injection',
            severity: 'low',
            confidence: 'high',
            persona: 'pedantic',
            message: `code injection via template expansion: an expression in this ${what} is expanded into code (pass it through env: instead)`,
            range: [base, base + fenced.body.length],
            ...stepIgnore,
          });
        }
      }
    }
  }
};
