/**
 * Dependabot configuration: a cooldown keeps freshly published (possibly compromised) releases out for
 * a few days, and `insecure-external-code-execution: allow` runs package-manager code during updates.
 */
import type { Audit } from '../model.js';

export const dependabotCooldown: Audit = (f, report) => {
  if (f.kind !== 'dependabot') return;
  // zizmor's default minimum is 7 days; a zizmor configuration can change it.
  const minDays = f.config.cooldownDays;
  for (const update of f.src.items(f.src.get(f.root, 'updates'))) {
    const ecosystem = f.src.pair(update, 'package-ecosystem');
    const cooldownPair = f.src.pair(update, 'cooldown');
    const cooldown = f.src.get(update, 'cooldown');
    const daysPair = f.src.pair(cooldown, 'default-days');
    const days = daysPair ? Number(f.src.str(daysPair.value)) : undefined;
    // As zizmor: the finding points at default-days, else at `cooldown:`, else at the update.
    const range = daysPair
      ? f.src.pairRange(daysPair)
      : cooldownPair
        ? f.src.pairRange(cooldownPair)
        : ecosystem
          ? f.src.pairRange(ecosystem)
          : undefined;
    if (!range || (days !== undefined && Number.isFinite(days) && days >= minDays)) continue;
    report({
      audit: 'dependabot-cooldown',
      severity: 'medium',
      confidence: 'high',
      persona: 'regular',
      message:
        days === undefined
          ? `insufficient cooldown in Dependabot updates: no cooldown, so updates are proposed as soon as a release appears (set cooldown.default-days >= ${minDays})`
          : `insufficient cooldown in Dependabot updates: default-days ${f.src.str(daysPair?.value)} is less than ${minDays}`,
      range,
    });
  }
};

export const dependabotExecution: Audit = (f, report) => {
  if (f.kind !== 'dependabot') return;
  for (const update of f.src.items(f.src.get(f.root, 'updates'))) {
    const pair = f.src.pair(update, 'insecure-external-code-execution');
    const range = pair ? f.src.pairRange(pair) : undefined;
    if (!pair || !range || f.src.str(pair.value)?.trim() !== 'allow') continue;
    report({
      audit: 'dependabot-execution',
      severity: 'high',
      confidence: 'high',
      persona: 'regular',
      message:
        'external code execution in Dependabot updates: insecure-external-code-execution: allow runs code from the updated packages with access to the registry credentials',
      range,
    });
  }
};
