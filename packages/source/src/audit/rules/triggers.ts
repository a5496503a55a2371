/**
 * dangerous-triggers and bot-conditions. `pull_request_target` and `workflow_run` run with the base
 * repository's secrets and a write token on events a fork can cause; checking out the pull request's
 * head there runs the attacker's code with those privileges. `github.actor == 'dependabot[bot]'` is
 * spoofable: the actor is whoever last acted, not who wrote the code.
 */
import { isScalar, type Node } from 'yaml';
import { contextPattern, extractExpressions, tryParseExpression, walkExpression, type Expr } from '../expressions.js';
import { hasTrigger, usesAction, type Audit, type AuditFile } from '../model.js';

const HEAD_REF = /github\.event\.(pull_request\.head\.(ref|sha)|workflow_run\.head_(branch|sha))|github\.head_ref|refs\/pull\//i;

function checksOutHead(f: AuditFile): boolean {
  return f.steps.some((s) => {
    if (usesAction(s, 'actions/checkout')) return HEAD_REF.test(f.src.str(f.src.get(s.with, 'ref')) ?? '');
    return s.run !== undefined && /git\s+(fetch|checkout)|gh\s+pr\s+checkout/.test(s.run.value) && HEAD_REF.test(s.run.value);
  });
}

export const dangerousTriggers: Audit = (f, report) => {
  if (f.kind !== 'workflow' || !f.onPair) return;
  // As zizmor: a workflow whose only job is one actions/labeler step is the blessed use of
  // pull_request_target (it never runs the pull request's code).
  const labelerOnly = f.jobs.length === 1 && f.steps.length === 1 && f.steps[0] !== undefined && usesAction(f.steps[0], 'actions/labeler');
  const risky = f.triggers
    .filter((t) => (t.name === 'pull_request_target' && !labelerOnly) || t.name === 'workflow_run')
    .map((t) => t.name);
  const range = f.src.pairRange(f.onPair);
  if (risky.length === 0 || !range) return;
  const head = checksOutHead(f);
  report({
    audit: 'dangerous-triggers',
    severity: head ? 'critical' : 'high',
    confidence: 'medium',
    persona: 'regular',
    message: head
      ? `use of fundamentally insecure workflow trigger: ${risky.join(', ')} with a checkout of the pull request's head runs untrusted code with the base repository's secrets`
      : `use of fundamentally insecure workflow trigger: ${risky.join(', ')} runs with the base repository's privileges on events others can cause`,
    range,
  });
};

/**
 * zizmor's spoofable contexts: the actor (whoever last acted) by name or id. The pull request's
 * author (`github.event.pull_request.user.login`) is what to check instead, so it is not one.
 */
const ACTOR_NAME_CONTEXTS = new Set(['github.actor', 'github.triggering_actor', 'github.event.pull_request.sender.login']);
const ACTOR_ID_CONTEXTS = new Set(['github.actor_id', 'github.event.pull_request.sender.id']);
/** Known bot user and integration ids (dependabot's integration 29110 and user 49699333, dependabot-preview, renovate). */
const BOT_IDS = new Set(['29110', '49699333', '27856297', '29139614']);

function isSpoofable(ctx: string, lit: Expr): boolean {
  if (lit.kind !== 'literal' || lit.value === null) return false;
  const v = String(lit.value);
  return (ACTOR_NAME_CONTEXTS.has(ctx) && v.endsWith('[bot]')) || (ACTOR_ID_CONTEXTS.has(ctx) && BOT_IDS.has(v));
}

function spoofableCheck(expr: Expr): boolean {
  let hit = false;
  walkExpression(expr, (e) => {
    if (e.kind !== 'binary' || e.op !== '==') return;
    const sides = [e.left, e.right];
    const ctx = sides.find((s) => s.kind === 'context');
    const other = sides.find((s) => s !== ctx);
    if (ctx?.kind === 'context' && other && isSpoofable(contextPattern(ctx) ?? '', other)) hit = true;
  });
  return hit;
}

export const botConditions: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  if (
    !hasTrigger(
      f,
      'pull_request_target',
      'workflow_run',
      'pull_request',
      'issue_comment',
      'pull_request_review',
      'pull_request_review_comment',
    )
  )
    return;
  const conditions: Node[] = [];
  for (const job of f.jobs) {
    const c = f.src.get(job.node, 'if');
    if (c) conditions.push(c);
  }
  for (const step of f.steps) {
    const c = f.src.get(step.node, 'if');
    if (c) conditions.push(c);
  }
  for (const node of conditions) {
    if (!isScalar(node) || !node.range) continue;
    const raw = f.src.raw(node);
    const value = f.src.str(node) ?? '';
    const fenced = extractExpressions(raw);
    const bodies =
      fenced.length > 0
        ? fenced.map((x) => ({ body: x.body, start: node.range![0] + x.bodyStart }))
        : [{ body: value.trim(), start: node.range[0] + (raw.length - raw.trimStart().length) + (/^["']/.test(raw.trimStart()) ? 1 : 0) }];
    for (const { body, start } of bodies) {
      const expr = tryParseExpression(body, start);
      if (!expr || !spoofableCheck(expr)) continue;
      report({
        audit: 'bot-conditions',
        severity: 'high',
        confidence: 'medium',
        persona: 'regular',
        message:
          'spoofable bot actor check: the actor is whoever triggered the event, not the author of the code; check the pull request author or the event payload instead',
        range: [expr.span.start, expr.span.end],
      });
    }
  }
};
