/**
 * zizmor's configuration file (`zizmor.yml`, https://docs.zizmor.sh/configuration/), so a repository
 * that already tunes zizmor gets the same answers here: `rules.<id>.disable`, `.ignore`
 * (`file.yml[:line[:column]]`), `.remap.severity`, and the per-audit `config` of unpinned-uses
 * (policies), forbidden-uses (allow/deny) and dependabot-cooldown (days). A malformed file is a
 * ConfigurationError naming its line and column: a config error never turns into a silent pass.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationError, decodeUtf8, readRegularFile, type Severity } from '@secure-factory/core';
import { isMap, isSeq, type Node } from 'yaml';
import { YamlSource } from './yaml-source.js';

export type PinPolicy = 'hash-pin' | 'ref-pin' | 'any';

/** A repository pattern (`*`, `owner/*`, `owner/repo/*`, `owner/repo`, `owner/repo/sub`, `…@ref`). */
export interface UsesPattern {
  text: string;
  owner?: string;
  repo?: string;
  subpath?: string;
  ref?: string;
  /** Higher is more specific; the most specific matching pattern wins. */
  specificity: number;
}

export interface RuleSettings {
  disable: boolean;
  ignore: { file: string; line?: number; column?: number }[];
  severity?: Severity;
  /** archived-uses: more archived repositories (`owner/repo`); an extension of zizmor's format. */
  repositories?: string[];
}

export interface AuditConfig {
  rules: Map<string, RuleSettings>;
  unpinnedPolicies: [UsesPattern, PinPolicy][];
  forbidden?: { mode: 'allow' | 'deny'; patterns: UsesPattern[] };
  cooldownDays: number;
  /** secrets-outside-env: secret names (lower-case) allowed outside environments; GITHUB_TOKEN always is. */
  secretsAllowed: Set<string>;
  /** Where it came from (for messages), undefined for the defaults. */
  file?: string;
}

const SEGMENT = /^[A-Za-z0-9._-]+$/;

export function parseUsesPattern(text: string): UsesPattern | undefined {
  if (text === '*') return { text, specificity: 0 };
  const at = text.indexOf('@');
  const pathPart = at >= 0 ? text.slice(0, at) : text;
  const ref = at >= 0 ? text.slice(at + 1) : undefined;
  if (ref !== undefined && ref === '') return undefined;
  const segs = pathPart.split('/');
  const [owner, repo, ...rest] = segs;
  if (!owner || !SEGMENT.test(owner) || repo === undefined) return undefined;
  if (repo === '*') return ref === undefined && rest.length === 0 ? { text, owner: owner.toLowerCase(), specificity: 1 } : undefined;
  if (!SEGMENT.test(repo)) return undefined;
  if (rest.length === 1 && rest[0] === '*')
    return ref === undefined ? { text, owner: owner.toLowerCase(), repo: repo.toLowerCase(), specificity: 2 } : undefined;
  if (rest.some((s) => !SEGMENT.test(s))) return undefined;
  const subpath = rest.length > 0 ? rest.join('/').toLowerCase() : undefined;
  return {
    text,
    owner: owner.toLowerCase(),
    repo: repo.toLowerCase(),
    ...(subpath !== undefined ? { subpath } : {}),
    ...(ref !== undefined ? { ref } : {}),
    specificity: ref !== undefined ? 5 : subpath !== undefined ? 4 : 3,
  };
}

/** Whether `owner/repo[/subpath]@ref` matches a pattern. */
export function matchesUses(p: UsesPattern, uses: { owner: string; repo: string; subpath?: string; ref?: string }): boolean {
  switch (p.specificity) {
    case 0:
      return true;
    case 1:
      return uses.owner === p.owner;
    case 2:
      return uses.owner === p.owner && uses.repo === p.repo;
    case 3:
      return uses.owner === p.owner && uses.repo === p.repo && uses.subpath === undefined;
    case 4:
      return uses.owner === p.owner && uses.repo === p.repo && uses.subpath === p.subpath;
    default:
      return uses.owner === p.owner && uses.repo === p.repo && uses.subpath === p.subpath && uses.ref === p.ref;
  }
}

export function mostSpecific<T>(
  entries: [UsesPattern, T][],
  uses: { owner: string; repo: string; subpath?: string; ref?: string },
): [UsesPattern, T] | undefined {
  let best: [UsesPattern, T] | undefined;
  for (const e of entries) if (matchesUses(e[0], uses) && (!best || e[0].specificity >= best[0].specificity)) best = e;
  return best;
}

/** zizmor's default: every action pinned by hash ("blanket policy"). */
export function defaultAuditConfig(): AuditConfig {
  return {
    rules: new Map(),
    unpinnedPolicies: [[{ text: '*', specificity: 0 }, 'hash-pin']],
    cooldownDays: 7,
    secretsAllowed: new Set(['github_token']),
  };
}

const SEVERITY_NAMES: Record<string, Severity> = { informational: 'info', info: 'info', low: 'low', medium: 'medium', high: 'high' };

export function parseZizmorConfig(text: string, file: string): AuditConfig {
  const src = new YamlSource(file, text);
  const config = defaultAuditConfig();
  config.file = file;
  const fail = (message: string, node: Node | null | undefined, hint?: string): never => {
    const pos = node?.range ? src.position(node.range[0]) : undefined;
    throw new ConfigurationError(`invalid zizmor configuration: ${message}`, {
      location: { file, ...(pos ? { line: pos.line, column: pos.column } : {}) },
      ...(hint ? { hint } : {}),
    });
  };
  const root = src.root();
  if (src.doc.contents === null) return config;
  if (!root) return fail('the file must be a mapping', src.doc.contents);
  const rules = src.get(root, 'rules');
  if (rules === undefined) return config;
  if (!isMap(rules)) return fail('`rules` must be a mapping of audit ids', rules);
  for (const [id, pair] of src.entries(rules)) {
    const body = src.resolve(pair.value);
    const settings: RuleSettings = { disable: false, ignore: [] };
    config.rules.set(id, settings);
    if (body === undefined || (src.str(body) === '' && !isMap(body))) continue;
    if (!isMap(body)) return fail(`rules.${id} must be a mapping`, body);
    for (const [key, p] of src.entries(body)) {
      const v = src.resolve(p.value);
      if (key === 'disable') {
        const b = src.str(v);
        if (b !== 'true' && b !== 'false') return fail(`rules.${id}.disable must be true or false`, v);
        settings.disable = b === 'true';
      } else if (key === 'ignore') {
        if (!isSeq(v)) return fail(`rules.${id}.ignore must be a list of "file.yml[:line[:column]]"`, v);
        for (const item of src.items(v)) {
          const m = /^([^:]+?)(?::(\d+))?(?::(\d+))?$/.exec(src.str(item) ?? '');
          if (!m?.[1]) return fail(`rules.${id}.ignore entries look like "ci.yml:12:3"`, item);
          settings.ignore.push({
            file: m[1],
            ...(m[2] !== undefined ? { line: Number(m[2]) } : {}),
            ...(m[3] !== undefined ? { column: Number(m[3]) } : {}),
          });
        }
      } else if (key === 'remap') {
        const sev = src.str(src.get(v, 'severity'))?.toLowerCase();
        // Own keys only: `severity: constructor` must not find Object (an unprintable, never-blocking severity).
        const remapped = sev !== undefined && Object.hasOwn(SEVERITY_NAMES, sev) ? SEVERITY_NAMES[sev] : undefined;
        if (remapped === undefined) return fail(`rules.${id}.remap.severity must be one of informational, low, medium, high`, v);
        settings.severity = remapped;
      } else if (key === 'config') {
        readAuditConfig(id, v);
      } else {
        return fail(`unknown setting rules.${id}.${key}`, p.key, 'allowed: disable, ignore, config, remap');
      }
    }
  }
  return config;

  function readAuditConfig(id: string, v: Node | undefined): void {
    if (!isMap(v)) {
      fail(`rules.${id}.config must be a mapping`, v);
      return;
    }
    if (id === 'unpinned-uses') {
      const policies = src.get(v, 'policies');
      if (!isMap(policies)) {
        fail('rules.unpinned-uses.config.policies must map repository patterns to hash-pin, ref-pin or any', policies ?? v);
        return;
      }
      for (const [text, p] of src.entries(policies)) {
        const pattern = parseUsesPattern(text);
        if (!pattern)
          fail(
            `"${text}" is not a repository pattern`,
            p.key,
            'use *, owner/*, owner/repo, owner/repo/*, owner/repo/path or owner/repo@ref',
          );
        const policy = src.str(p.value);
        if (policy !== 'hash-pin' && policy !== 'ref-pin' && policy !== 'any')
          fail(`"${policy ?? ''}" is not a pinning policy`, p.value, 'use hash-pin, ref-pin or any');
        config.unpinnedPolicies.push([pattern!, policy as PinPolicy]);
      }
    } else if (id === 'forbidden-uses') {
      const allow = src.get(v, 'allow');
      const deny = src.get(v, 'deny');
      if ((allow === undefined) === (deny === undefined)) {
        fail('rules.forbidden-uses.config needs exactly one of allow or deny', v);
        return;
      }
      const list = (allow ?? deny)!;
      if (!isSeq(list)) {
        fail('rules.forbidden-uses.config.allow/deny must be a list of repository patterns', list);
        return;
      }
      const patterns = src
        .items(list)
        .map((item) => parseUsesPattern(src.str(item) ?? '') ?? fail(`"${src.str(item) ?? ''}" is not a repository pattern`, item));
      config.forbidden = { mode: allow !== undefined ? 'allow' : 'deny', patterns };
    } else if (id === 'dependabot-cooldown') {
      const daysNode = src.get(v, 'days');
      const days = Number(src.str(daysNode));
      if (!Number.isInteger(days) || days < 1) fail('rules.dependabot-cooldown.config.days must be a positive whole number', daysNode ?? v);
      config.cooldownDays = days;
    } else if (id === 'secrets-outside-env') {
      const allow = src.get(v, 'allow');
      if (!isSeq(allow)) {
        fail('rules.secrets-outside-env.config.allow must be a list of secret names', allow ?? v);
        return;
      }
      for (const item of src.items(allow)) {
        const name = src.str(item);
        if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(`"${name ?? ''}" is not a secret name`, item);
        config.secretsAllowed.add(name!.toLowerCase());
      }
    } else if (id === 'archived-uses') {
      const list = src.get(v, 'repositories');
      if (!isSeq(list)) {
        fail('rules.archived-uses.config.repositories must be a list of owner/repo', list ?? v);
        return;
      }
      const settings = config.rules.get(id)!;
      settings.repositories = src.items(list).map((item) => {
        const r = src.str(item) ?? '';
        if (!/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/.test(r)) fail(`"${r}" is not owner/repo`, item);
        return r.toLowerCase();
      });
    }
  }
}

/** The most a zizmor configuration may hold (a real one is a few KB). */
const MAX_ZIZMOR_CONFIG_BYTES = 1024 * 1024;

/**
 * Reads and parses a zizmor configuration through core's safe reader: the audited repository may make its
 * `zizmor.yml` a FIFO (a plain read blocks forever), a link to `/dev/zero` or to a secret outside `within`
 * (default: the folder holding the file), or UTF-16 text; each is an input error naming the file.
 */
export async function loadZizmorConfig(file: string, within?: string): Promise<AuditConfig> {
  const bytes = await readRegularFile(file, {
    maxBytes: MAX_ZIZMOR_CONFIG_BYTES,
    ...(within !== undefined ? { within } : {}),
    what: 'zizmor configuration',
  });
  return parseZizmorConfig(decodeUtf8(bytes, file, 'zizmor configuration'), file);
}

/**
 * zizmor's local discovery: `.github/zizmor.yml`, `zizmor.yml` (and `.yaml`) in the directory, then
 * in each parent, stopping at the first directory holding `.git`.
 */
export function discoverZizmorConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of ['.github/zizmor.yml', '.github/zizmor.yaml', 'zizmor.yml', 'zizmor.yaml']) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
