/**
 * Actions that hand out or install things: github-app (GitHub App tokens that outlive the job, or
 * reach every repository and every permission of the installation) and unpinned-tools (setup actions
 * that download the latest release of a tool unless told a version).
 */
import type { Audit } from '../model.js';
import { parseUses } from '../model.js';

/** Permissions of an app token that do not concern repositories. */
const ORG_LEVEL = /^permission-(members|organization-.*)$/;

export const githubApp: Audit = (f, report) => {
  for (const step of f.steps) {
    if (!step.uses || parseUses(step.uses.value).slug !== 'actions/create-github-app-token') continue;
    const entries = f.src.entries(step.with);
    const input = (name: string): [string, (typeof entries)[number][1]] | undefined => entries.find(([k]) => k === name);
    const emit = (message: string, range: [number, number] | undefined): void => {
      if (range)
        report({
          audit: 'github-app',
          severity: 'high',
          confidence: 'high',
          persona: 'regular',
          message: `dangerous use of GitHub App tokens: ${message}`,
          range,
        });
    };
    const revoke = input('skip-token-revoke');
    const revokeValue = revoke ? f.src.str(revoke[1].value)?.trim().toLowerCase() : undefined;
    if (revoke && revokeValue !== 'false') {
      emit(
        revokeValue === 'true'
          ? 'token revocation disabled: the token stays valid after the job'
          : 'token revocation conditionally disabled',
        f.src.pairRange(revoke[1]),
      );
    }
    const permissions = entries.filter(([k]) => k.startsWith('permission-')).map(([k]) => k);
    const owner = input('owner');
    if (owner && !input('repositories') && (permissions.length === 0 || permissions.some((p) => !ORG_LEVEL.test(p)))) {
      emit(
        "token granted access to all repositories for this owner's app installation; list them in `repositories:`",
        f.src.pairRange(owner[1]),
      );
    }
    if (permissions.length === 0 && step.uses.node.range) {
      emit('app token inherits blanket installation permissions; add `permission-<name>` inputs', [
        step.uses.node.range[0],
        step.uses.node.range[1],
      ]);
    }
  }
};

/** Setup actions that install the latest tool release unless `version` pins one. */
const TOOL_INSTALLERS = new Set(['aquasecurity/setup-trivy', '1password/load-secrets-action']);

export const unpinnedTools: Audit = (f, report) => {
  for (const step of f.steps) {
    if (!step.uses || !TOOL_INSTALLERS.has(parseUses(step.uses.value).slug ?? '')) continue;
    const pair = f.src.pair(step.with, 'version');
    const value = pair ? f.src.str(pair.value)?.trim() : undefined;
    const emit = (message: string, range: [number, number] | undefined): void => {
      if (range)
        report({
          audit: 'unpinned-tools',
          severity: 'medium',
          confidence: 'high',
          persona: 'regular',
          message: `action installs an unpinned external tool: ${message}`,
          range,
        });
    };
    if (!pair) {
      if (step.uses.node.range)
        emit('the action implicitly installs the latest version; set `version:`', [step.uses.node.range[0], step.uses.node.range[1]]);
    } else if (value === 'latest' || value === '') {
      emit('`version: latest` installs whatever was released last', f.src.pairRange(pair));
    } else if (value?.includes('${{')) {
      emit('the version comes from an expression and may be unpinned', f.src.pairRange(pair));
    }
  }
};
