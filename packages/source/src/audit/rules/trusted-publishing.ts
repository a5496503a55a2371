/**
 * use-trusted-publishing: PyPI, RubyGems, crates.io and npm accept short-lived OIDC credentials from
 * the workflow itself; a long-lived API token in a secret is one more thing to leak. Flags publishing
 * actions given a token for an index that supports trusted publishing, and publish commands in jobs
 * that cannot mint an OIDC token (no `id-token: write`).
 */
import { isMap, isScalar } from 'yaml';
import { parseUses, type Audit, type AuditFile, type Job, type RawFinding, type Step } from '../model.js';

const PYPI_URLS = /^https:\/\/(upload\.pypi\.org|test\.pypi\.org)\/legacy\/?$/;
const RUBYGEMS = /^https:\/\/rubygems\.org\/?$/;

function actionFinding(f: AuditFile, step: Step): string | undefined {
  if (!step.uses) return undefined;
  const slug = parseUses(step.uses.value).slug;
  const input = (name: string): string | undefined => f.src.str(f.src.get(step.with, name));
  if (slug === 'pypa/gh-action-pypi-publish') {
    if (!input('password')) return undefined;
    const url = input('repository-url') ?? input('repository_url');
    return url === undefined || PYPI_URLS.test(url.trim()) ? 'a PyPI API token is passed to pypa/gh-action-pypi-publish' : undefined;
  }
  if (slug === 'rubygems/release-gem')
    return input('setup-trusted-publisher')?.trim() === 'false' ? 'rubygems/release-gem is told not to use trusted publishing' : undefined;
  if (slug === 'rubygems/configure-rubygems-credentials') {
    if (!input('api-token')) return undefined;
    const server = input('gem-server');
    return server === undefined || RUBYGEMS.test(server.trim()) ? 'a RubyGems API token is configured' : undefined;
  }
  return undefined;
}

/** Whether the job (or, without job permissions, the workflow) can request an OIDC token. */
function canMintIdToken(f: AuditFile, job: Job | undefined): boolean {
  const perms =
    job && f.src.pair(job.node, 'permissions')
      ? f.src.get(job.node, 'permissions')
      : f.kind === 'workflow'
        ? f.src.get(f.root, 'permissions')
        : undefined;
  if (perms === undefined) return f.kind === 'action';
  if (isScalar(perms)) return f.src.str(perms) === 'write-all';
  return isMap(perms) && f.src.str(f.src.get(perms, 'id-token')) === 'write';
}

interface Command {
  words: string[];
  start: number;
}

/** Splits a script into simple commands (joining `\` and backtick continuations), with offsets. */
export function simpleCommands(script: string): Command[] {
  const out: Command[] = [];
  let words: string[] = [];
  let start = -1;
  let i = 0;
  const flush = (): void => {
    if (words.length > 0) out.push({ words, start });
    words = [];
    start = -1;
  };
  while (i < script.length) {
    const c = script.charAt(i);
    if ((c === '\\' || c === '`') && script[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')') {
      flush();
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(script.charAt(i - 1)))) {
      while (i < script.length && script[i] !== '\n') i++;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const wordStart = i;
    let word = '';
    while (i < script.length && !/[\s;|&()]/.test(script.charAt(i))) {
      const ch = script.charAt(i);
      if (ch === '"' || ch === "'") {
        const end = script.indexOf(ch, i + 1);
        const stop = end < 0 ? script.length : end;
        word += script.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      word += ch;
      i++;
    }
    if (words.length === 0) start = wordStart;
    words.push(word);
  }
  flush();
  return out;
}

/** The publishing tool a command invokes, or undefined. */
export function publishCommand(words: string[]): string | undefined {
  let w = words.filter((x, i) => !(i === 0 && /^\w+=/.test(x)));
  while (w.length > 0 && /^\w+=/.test(w[0] ?? '')) w = w.slice(1);
  const dry = w.some((x) => x === '--dry-run' || x === '-n');
  const at = (i: number): string => (w[i] ?? '').toLowerCase();
  // Wrappers: `bundle exec`, `python -m`, `pipx run`, `uvx`, `uv run`, `bunx`, `npx`.
  let k = 0;
  for (;;) {
    if (at(k) === 'bundle' && at(k + 1) === 'exec') k += 2;
    else if (/^python[\d.]*$/.test(at(k)) && at(k + 1) === '-m') k += 2;
    else if ((at(k) === 'pipx' || at(k) === 'uv') && at(k + 1) === 'run') k += 2;
    else if (at(k) === 'uvx' || at(k) === 'bunx' || at(k) === 'npx') k += 1;
    else break;
  }
  const tool = at(k).replace(/==.*$|@.*$/, '');
  let sub = k + 1;
  if (tool === 'cargo' && at(sub).startsWith('+')) sub++;
  if (dry) return undefined;
  if (tool === 'cargo' && at(sub) === 'publish') return 'cargo publish';
  if (tool === 'twine' && at(sub) === 'upload') return 'twine upload';
  if (tool === 'gem' && at(sub) === 'push') return 'gem push';
  if (tool === 'bun' && at(sub) === 'publish') return 'bun publish';
  if (tool === 'npm' && at(sub) === 'publish') return 'npm publish';
  if (tool === 'uv' && at(sub) === 'publish') return 'uv publish';
  return undefined;
}

export const useTrustedPublishing: Audit = (f, report) => {
  for (const step of f.steps) {
    const why = actionFinding(f, step);
    const usesRange = step.uses ? f.src.pairRange(step.uses.pair) : undefined;
    if (why && usesRange) {
      report(finding(`${why}; use trusted publishing (OIDC) instead of a long-lived token`, usesRange));
    }
    if (!step.run || canMintIdToken(f, step.job)) continue;
    const node = step.run.node;
    if (!node.range) continue;
    const raw = f.src.raw(node);
    // Offsets are found in the raw block text, so they point into the file.
    for (const cmd of simpleCommands(raw)) {
      const tool = publishCommand(cmd.words);
      if (!tool) continue;
      const start = node.range[0] + cmd.start;
      report({
        ...finding(
          `\`${tool}\` with a long-lived token; the registry supports trusted publishing (grant id-token: write and drop the token)`,
          [start, start + (cmd.words[0]?.length ?? 1)],
        ),
        ...(step.node.range ? { ignoreRange: [step.node.range[0], step.node.range[1]] as [number, number] } : {}),
      });
    }
  }
};

function finding(message: string, range: [number, number]): RawFinding {
  return {
    audit: 'use-trusted-publishing',
    severity: 'info',
    confidence: 'high',
    persona: 'regular',
    message: `prefer trusted publishing for authentication: ${message}`,
    range,
  };
}
