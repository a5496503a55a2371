/**
 * The workflow audit engine: finds workflows (`.github/workflows/*.yml|yaml`) and actions
 * (`action.yml|yaml`) under a root, parses each with positions, runs every rule, and returns core
 * `Finding`s carrying the zizmor audit id, persona and confidence in `properties`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { compareFindings, ConfigurationError, errorMessage, type Finding, type Logger } from '@secure-factory/core';
import { buildAuditFile, PERSONA_RANK, type FileKind, type Persona, type RawFinding } from './model.js';
import { AUDITS, INVALID_YAML_RULE, WORKFLOW_RULES } from './rules.js';
import { MAX_WORKFLOW_BYTES, YamlSource } from './yaml-source.js';
import { defaultAuditConfig, discoverZizmorConfig, loadZizmorConfig, type AuditConfig } from './zizmor-config.js';

export interface AuditWorkflowsOptions {
  /** Directory (or single file) to audit. */
  root: string;
  /** Files or directories under root to audit instead of discovering everything. */
  paths?: string[];
  /**
   * Rules to skip (`workflow/template-injection` or zizmor's `template-injection`), or path globs
   * relative to root (`examples/**`) whose files are skipped.
   */
  ignore?: string[];
  /** zizmor's personas: `regular` (default), `pedantic` adds code smells, `auditor` shows everything. */
  persona?: Persona;
  /** Self-hosted runners are a regular finding on public repositories (auditor-only otherwise). */
  publicRepository?: boolean;
  /**
   * A zizmor configuration file (`zizmor.yml`) to honour; by default it is discovered as zizmor does
   * (`.github/zizmor.yml` or `zizmor.yml` from the root up to the repository's top); `false` ignores any.
   */
  zizmorConfig?: string | false;
  logger: Logger;
}

export interface AuditWorkflowsResult {
  findings: Finding[];
  /** Audited files, relative to root (forward slashes). */
  files: string[];
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_EXT = /\.ya?ml$/i;

function fileKind(rel: string): FileKind | undefined {
  const base = path.posix.basename(rel).toLowerCase();
  if (base === 'action.yml' || base === 'action.yaml') return 'action';
  if (/(^|\/)\.github\/dependabot\.ya?ml$/i.test(rel) || base === 'dependabot.yml' || base === 'dependabot.yaml') return 'dependabot';
  if (/^\.github\/workflows\/[^/]+\.ya?ml$/i.test(rel) || /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(rel)) return 'workflow';
  return undefined;
}

async function walk(dir: string, rootDir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e: unknown) {
    throw new ConfigurationError(`cannot read directory ${dir}: ${errorMessage(e)}`, { location: { file: dir } });
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name)) continue;
      await walk(full, rootDir, out);
    } else if (e.isFile() && YAML_EXT.test(e.name)) {
      const rel = path.relative(rootDir, full).split(path.sep).join('/');
      const kind = fileKind(rel);
      // In a tree, only the Dependabot file GitHub reads (.github/dependabot.yml) counts.
      if (kind && (kind !== 'dependabot' || /(^|\/)\.github\/dependabot\.ya?ml$/i.test(rel))) out.push(rel);
    }
  }
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}(/.*)?$`);
}

/** Files to audit: explicit files keep their given kind guess; directories are searched. */
async function discover(root: string, paths: string[] | undefined): Promise<{ files: { rel: string; kind: FileKind }[]; base: string }> {
  const rootStat = await stat(root).catch((e: unknown) => {
    throw new ConfigurationError(`cannot audit ${root}: ${errorMessage(e)}`, {
      location: { file: root },
      hint: 'pass an existing directory or workflow file',
    });
  });
  if (rootStat.isFile()) {
    const base = path.dirname(root);
    const rel = path.basename(root);
    return { base, files: [{ rel, kind: fileKind(rel) ?? 'workflow' }] };
  }
  const out: { rel: string; kind: FileKind }[] = [];
  for (const p of paths && paths.length > 0 ? paths : ['.']) {
    const full = path.resolve(root, p);
    const s = await stat(full).catch((e: unknown) => {
      throw new ConfigurationError(`cannot audit ${p}: ${errorMessage(e)}`, { location: { file: p } });
    });
    if (s.isFile()) {
      const rel = path.relative(root, full).split(path.sep).join('/');
      out.push({ rel, kind: fileKind(rel) ?? 'workflow' });
    } else {
      const found: string[] = [];
      await walk(full, root, found);
      for (const rel of found) out.push({ rel, kind: fileKind(rel) ?? 'workflow' });
    }
  }
  const seen = new Set<string>();
  return { base: root, files: out.filter((f) => (seen.has(f.rel) ? false : (seen.add(f.rel), true))) };
}

/** Audits one file's text; exported for tests and for callers holding the text already. */
export function auditWorkflowText(
  text: string,
  file: string,
  kind: FileKind,
  options: { persona?: Persona; disabled?: Set<string>; publicRepository?: boolean; config?: AuditConfig } = {},
): Finding[] {
  let src: YamlSource;
  try {
    src = new YamlSource(file, text);
  } catch (e: unknown) {
    if (e instanceof ConfigurationError && e.location?.line !== undefined && !/larger than/.test(e.message)) {
      return [
        {
          rule: INVALID_YAML_RULE,
          severity: 'high',
          message: e.message,
          file,
          line: e.location.line,
          ...(e.location.column !== undefined ? { column: e.location.column } : {}),
          help: e.hint ?? 'fix the YAML syntax',
          properties: { zizmor: null, persona: 'regular', confidence: 'high' },
        },
      ];
    }
    throw e;
  }
  const config = options.config ?? defaultAuditConfig();
  const model = buildAuditFile(src, file, kind, options.publicRepository === true, config);
  if (!model) return [];
  const persona = options.persona ?? 'regular';
  const raw: RawFinding[] = [];
  for (const { zizmor, audit } of AUDITS) {
    if (options.disabled?.has(zizmor) || config.rules.get(zizmor)?.disable === true) continue;
    audit(model, (f) => raw.push(f));
  }
  const ignores = src.ignoreComments();
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const r of raw) {
    if (PERSONA_RANK[r.persona] > PERSONA_RANK[persona]) continue;
    const key = `${r.audit}:${r.range[0]}:${r.range[1]}:${r.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const start = src.position(r.range[0]);
    const end = src.position(r.range[1]);
    const ignoreRange = r.ignoreRange ?? r.range;
    const from = src.position(ignoreRange[0]).line;
    const to = src.position(ignoreRange[1]).line;
    let ignored = false;
    for (let line = from; line <= to && !ignored; line++) {
      const ids = ignores.get(line);
      if (ids && (ids.has(r.audit) || ids.has(`workflow/${r.audit}`))) ignored = true;
    }
    if (ignored) continue;
    const settings = config.rules.get(r.audit);
    const base = path.posix.basename(file.split(path.sep).join('/'));
    if (
      settings?.ignore.some(
        (i) => i.file === base && (i.line === undefined || i.line === start.line) && (i.column === undefined || i.column === start.column),
      )
    )
      continue;
    const rule = WORKFLOW_RULES.find((d) => d.id === `workflow/${r.audit}`);
    out.push({
      rule: `workflow/${r.audit}`,
      severity: settings?.severity ?? r.severity,
      message: r.message,
      file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      ...(rule ? { help: rule.help } : {}),
      properties: { zizmor: r.audit, persona: r.persona, confidence: r.confidence },
    });
  }
  return out.sort(compareFindings);
}

export async function auditWorkflows(options: AuditWorkflowsOptions): Promise<AuditWorkflowsResult> {
  const { logger } = options;
  const root = path.resolve(options.root);
  const disabled = new Set<string>();
  const skipGlobs: RegExp[] = [];
  for (const entry of options.ignore ?? []) {
    const id = entry.replace(/^workflow\//, '');
    if (WORKFLOW_RULES.some((r) => r.id === `workflow/${id}`)) disabled.add(id);
    else skipGlobs.push(globToRegExp(entry.replace(/^\.\//, '')));
  }
  const { files, base } = await discover(root, options.paths);
  let config = defaultAuditConfig();
  const configFile = options.zizmorConfig === false ? undefined : (options.zizmorConfig ?? discoverZizmorConfig(base));
  if (configFile !== undefined) {
    config = await loadZizmorConfig(configFile).catch((e: unknown) => {
      if (e instanceof ConfigurationError) throw e;
      throw new ConfigurationError(`cannot read zizmor configuration ${configFile}: ${errorMessage(e)}`, {
        location: { file: configFile },
      });
    });
    logger.info(`using zizmor configuration ${path.relative(process.cwd(), configFile) || configFile}`);
    // A disabled rule leaves no trace in the findings, so say so where a reviewer will see it.
    const off = [...config.rules.entries()].filter(([, r]) => r.disable).map(([id]) => id);
    if (off.length > 0) logger.warning(`rules disabled by ${configFile}: ${off.join(', ')}`, { file: configFile });
  }
  const findings: Finding[] = [];
  const audited: string[] = [];
  for (const { rel, kind } of files) {
    if (skipGlobs.some((g) => g.test(rel))) {
      logger.debug(`skipping ${rel} (ignored)`);
      continue;
    }
    const full = path.join(base, rel);
    const size = (await stat(full)).size;
    if (size > MAX_WORKFLOW_BYTES) {
      throw new ConfigurationError(
        `${rel} is ${(size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_WORKFLOW_BYTES / 1024 / 1024} MB limit for workflow files`,
        {
          location: { file: rel },
          hint: 'no real workflow is this large; remove it or skip it with --ignore',
        },
      );
    }
    const text = await readFile(full, 'utf8');
    logger.debug(`auditing ${rel} as ${kind}`);
    const fileFindings = auditWorkflowText(text, rel, kind, {
      persona: options.persona ?? 'regular',
      disabled,
      publicRepository: options.publicRepository === true,
      config,
    });
    findings.push(...fileFindings);
    audited.push(rel);
  }
  return { findings: findings.sort(compareFindings), files: audited };
}
