/**
 * Credentials and secrets: artipacked (actions/checkout leaves the token in .git/config, where a later
 * upload of the workspace publishes it), secrets-inherit, hard-coded container credentials,
 * overprovisioned secrets (`toJSON(secrets)`), unredacted secrets (`fromJSON(secrets.x)` yields values
 * the log masker does not know) and secrets used outside a deployment environment.
 */
import { isMap, isScalar, visit, type Node } from 'yaml';
import { contextPattern, extractExpressions, tryParseExpression, walkExpression, dataflowContexts, childOf } from '../expressions.js';
import { usesAction, type Audit, type AuditFile, type Step } from '../model.js';

/** Upload paths that publish the whole workspace, `.git/config` included. */
function uploadsWorkspace(f: AuditFile, step: Step): boolean {
  if (!usesAction(step, 'actions/upload-artifact')) return false;
  const paths = (f.src.str(f.src.get(step.with, 'path')) ?? '').split('\n').map((p) => p.trim());
  return paths.some((p) => ['.', './', '..', '../'].includes(p) || (/^\$\{\{[\s\S]*\}\}$/.test(p) && p.includes('github.workspace')));
}

export const artipacked: Audit = (f, report) => {
  // Steps are grouped per job (or the action's steps): a checkout only leaks through its own job's uploads.
  const groups = f.kind === 'workflow' ? f.jobs.map((j) => j.steps) : [f.steps];
  for (const steps of groups) {
    const uploads = steps.filter((s) => uploadsWorkspace(f, s)).map((s) => s.index);
    for (const step of steps) {
      if (!usesAction(step, 'actions/checkout') || !step.node.range) continue;
      // `with:` computed by an expression cannot be analysed: zizmor says so to pedantic readers.
      const withPair = f.src.pair(step.node, 'with');
      if (withPair && isScalar(step.with) && (f.src.str(step.with) ?? '').includes('${{')) {
        const range = f.src.pairRange(withPair);
        if (range)
          report({
            audit: 'artipacked',
            severity: 'info',
            confidence: 'high',
            persona: 'pedantic',
            message:
              'credential persistence through GitHub Actions artifacts: `with:` is an expression, so it may not set persist-credentials: false',
            range,
            ignoreRange: [step.node.range[0], range[1]],
          });
        continue;
      }
      const value = f.src.str(f.src.get(step.with, 'persist-credentials'))?.trim().toLowerCase();
      if (value === 'false') continue;
      // An explicit `true` is deliberate: zizmor reports it to auditors only; an expression to pedantic.
      const persona = value === 'true' ? 'auditor' : value !== undefined && /^\$\{\{[\s\S]*\}\}$/.test(value) ? 'pedantic' : 'regular';
      const leaks = uploads.some((u) => u > step.index);
      if (uploads.length > 0 && !leaks) continue;
      // checkout v6+ keeps the token in $RUNNER_TEMP, not .git/config: zizmor lowers the severity one step.
      const ref = step.uses ? step.uses.value.slice(step.uses.value.lastIndexOf('@') + 1) : '';
      const major = /^[0-9a-f]{40}$/i.test(ref) ? undefined : /^v?(\d+)/.exec(ref)?.[1];
      const v6 = major !== undefined && Number(major) >= 6;
      report({
        audit: 'artipacked',
        severity: v6 ? (leaks ? 'medium' : 'low') : leaks ? 'high' : 'medium',
        confidence: leaks ? 'high' : 'low',
        persona,
        message: leaks
          ? 'credential persistence through GitHub Actions artifacts: does not set persist-credentials: false, and a later step uploads the workspace with .git/config in it'
          : 'credential persistence through GitHub Actions artifacts: does not set persist-credentials: false',
        range: [step.node.range[0], step.node.range[1]],
      });
    }
  }
};

export const secretsInherit: Audit = (f, report) => {
  for (const job of f.jobs) {
    const secrets = f.src.get(job.node, 'secrets');
    const usesPair = f.src.pair(job.node, 'uses');
    if (!usesPair || f.src.str(secrets) !== 'inherit') continue;
    const range = f.src.pairRange(usesPair);
    if (!range) continue;
    report({
      audit: 'secrets-inherit',
      severity: 'medium',
      confidence: 'high',
      persona: 'regular',
      message: `secrets unconditionally inherited by called workflow: job \`${job.id}\` passes every secret of the caller (secrets: inherit); pass only the ones it needs`,
      range,
    });
  }
};

export const hardcodedContainerCredentials: Audit = (f, report) => {
  const src = f.src;
  for (const job of f.jobs) {
    const containers: { node: Node; what: string }[] = [];
    const c = src.get(job.node, 'container');
    if (isMap(c)) containers.push({ node: c, what: 'container' });
    for (const [name, p] of src.entries(src.get(job.node, 'services'))) {
      const s = src.resolve(p.value);
      if (isMap(s)) containers.push({ node: s, what: `service ${name}` });
    }
    for (const { node, what } of containers) {
      const credsPair = src.pair(node, 'credentials');
      const range = credsPair ? src.pairRange(credsPair) : undefined;
      if (!credsPair || !range) continue;
      // As zizmor: a password that is not wholly one `${{ }}` expression is written in the file (a
      // user name is not a secret).
      for (const field of ['password']) {
        const value = src.str(src.get(credsPair.value, field))?.trim();
        if (value === undefined || value === '' || /^\$\{\{[\s\S]*\}\}$/.test(value)) continue;
        report({
          audit: 'hardcoded-container-credentials',
          severity: 'high',
          confidence: 'high',
          persona: 'regular',
          message: `hardcoded credential in GitHub Actions container configurations: ${what}: container registry ${field} is hard-coded; use \${{ secrets.NAME }}`,
          range,
        });
      }
    }
  }
};

/** Every scalar holding an expression, with the parsed expressions and their fence offsets. */
function* expressionScalars(f: AuditFile): Generator<{ node: Node; fenceStart: number; expr: ReturnType<typeof tryParseExpression> }> {
  const found: Node[] = [];
  visit(f.src.doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('${{')) found.push(node);
    },
  });
  for (const node of found) {
    if (!node.range) continue;
    for (const fx of extractExpressions(f.src.raw(node))) {
      yield { node, fenceStart: node.range[0] + fx.start, expr: tryParseExpression(fx.body, node.range[0] + fx.bodyStart) };
    }
  }
}

export const overprovisionedSecrets: Audit = (f, report) => {
  for (const { fenceStart, expr } of expressionScalars(f)) {
    if (!expr) continue;
    let hit = false;
    walkExpression(expr, (e) => {
      if (e.kind !== 'context' || e.head) return;
      const first = e.parts[0];
      if (first?.kind !== 'name' || first.name.toLowerCase() !== 'secrets') return;
      if (e.parts.length === 1 || e.parts[1]?.kind === 'index') hit = true;
    });
    if (!hit) continue;
    report({
      audit: 'overprovisioned-secrets',
      severity: 'medium',
      confidence: 'high',
      persona: 'regular',
      message:
        'excessively provisioned secrets: this expression injects the entire secrets context into the runner; reference each secret by name',
      range: [fenceStart, expr.span.end + 3],
    });
  }
};

export const unredactedSecrets: Audit = (f, report) => {
  for (const { fenceStart, expr } of expressionScalars(f)) {
    if (!expr) continue;
    let hit = false;
    walkExpression(expr, (e) => {
      if (e.kind !== 'call' || e.name.toLowerCase() !== 'fromjson') return;
      if (e.args.some((a) => dataflowContexts(a).some((c) => childOf(contextPattern(c) ?? '', 'secrets')))) hit = true;
    });
    if (!hit) continue;
    report({
      audit: 'unredacted-secrets',
      severity: 'medium',
      confidence: 'high',
      persona: 'regular',
      message:
        'leaked secret values: fromJSON on a secret yields values the log masker does not know, so they can appear in logs unredacted',
      range: [fenceStart, expr.span.end + 3],
    });
  }
};

export const secretsOutsideEnv: Audit = (f, report) => {
  if (f.kind !== 'workflow') return;
  for (const job of f.jobs) {
    if (!job.node || f.src.get(job.node, 'environment') !== undefined || f.src.get(job.node, 'uses') !== undefined) continue;
    const jobRange = f.src.pairRange(job.pair);
    const scalars: Node[] = [];
    visit(job.node, {
      Scalar(_k, n) {
        if (typeof n.value === 'string' && n.value.includes('${{')) scalars.push(n);
      },
    });
    for (const node of scalars) {
      if (!isScalar(node) || !node.range) continue;
      for (const fx of extractExpressions(f.src.raw(node))) {
        const expr = tryParseExpression(fx.body, node.range[0] + fx.bodyStart);
        if (!expr) continue;
        walkExpression(expr, (e) => {
          if (e.kind !== 'context') return;
          const p = contextPattern(e);
          if (!p || !childOf(p, 'secrets')) return;
          const tail = /^secrets\.([^.[]+)$/.exec(p)?.[1];
          if (tail !== undefined && f.config.secretsAllowed.has(tail.toLowerCase())) return;
          report({
            audit: 'secrets-outside-env',
            severity: 'medium',
            confidence: 'medium',
            persona: 'auditor',
            message: `secrets referenced without a dedicated environment: job \`${job.id}\` reads \`${f.src.text.slice(e.span.start, e.span.end)}\` without an environment: that could guard it`,
            range: [e.span.start, e.span.end],
            ...(jobRange ? { ignoreRange: jobRange } : {}),
          });
        });
      }
    }
  }
};
