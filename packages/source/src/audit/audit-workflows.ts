/**
 * The workflow audit engine: finds workflows (`.github/workflows/*.yml|yaml`) and actions
 * (`action.yml|yaml`) under a root, parses each with positions, runs every rule, and returns core
 * `Finding`s carrying the zizmor audit id, persona and confidence in `properties`.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  atLeast,
  compareFindings,
  ConfigurationError,
  decodeUtf8,
  errorMessage,
  pathPattern,
  readRegularFile,
  type Finding,
  type Logger,
  type PathPattern,
  type Severity,
} from '@secure-factory/core';
import { gitRun } from '../git.js';
import { buildAuditFile, PERSONA_RANK, type Confidence, type FileKind, type Persona, type RawFinding } from './model.js';
import { AUDITS, INVALID_STRUCTURE_RULE, INVALID_YAML_RULE, WORKFLOW_RULES } from './rules.js';
import { structureProblem } from './structure.js';
import { MAX_WORKFLOW_BYTES, YamlSource } from './yaml-source.js';
import { defaultAuditConfig, discoverZizmorConfig, loadZizmorConfig, parseZizmorConfig, type AuditConfig } from './zizmor-config.js';

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
  /**
   * Where suppressions (inline `# zizmor: ignore[...]` comments and zizmor.yml) may come from:
   * - `working-tree` (default): the files as they are (a developer auditing their own checkout);
   * - `{ trustedRevision }`: only from that git revision of the repository at `root` (the base of a
   *   pull request, the policy's revision): a comment counts only when its line is unchanged there,
   *   zizmor.yml is read from that revision, and its `file:line` entries only when that line is
   *   unchanged too. Suppressions the change adds are refused and reported;
   * - `none`: no suppression from the repository is honoured (all are reported as refused).
   */
  suppressions?: 'working-tree' | 'none' | { trustedRevision: string };
  /** Hide findings below this severity (zizmor's --min-severity); they are counted, not reported. */
  minSeverity?: Severity;
  /** Hide findings below this confidence (zizmor's --min-confidence). */
  minConfidence?: Confidence;
  logger: Logger;
}

/** A finding silenced by a suppression, or a suppression the audit refused to honour. */
export interface Suppression {
  rule: string;
  file: string;
  line: number;
  column: number;
  /** `inline` comment or `zizmor.yml` entry (rules.<id>.ignore). */
  by: 'inline' | 'zizmor.yml';
  /** Where it came from: `working tree` or the trusted revision. */
  source: string;
  message: string;
}

export interface AuditWorkflowsResult {
  findings: Finding[];
  /** Audited files, relative to root (forward slashes). */
  files: string[];
  /** Findings silenced by a suppression the audit honoured. */
  suppressed: Suppression[];
  /** Findings whose suppression was refused (not from the trusted revision): they stay in `findings`. */
  refused: Suppression[];
  /** Findings hidden by minSeverity/minConfidence. */
  belowThreshold: number;
  /** The directory the file paths are relative to, and each file's kind (for fix mode). */
  base: string;
  kinds: Record<string, FileKind>;
}

export const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

const SKIP_DIRS = new Set(['node_modules', '.git']);
const YAML_EXT = /\.ya?ml$/i;

function fileKind(rel: string): FileKind | undefined {
  const base = path.posix.basename(rel).toLowerCase();
  // A file in .github/workflows is a workflow whatever its name (a workflow named dependabot.yml is one,
  // and auditing it as a Dependabot file would run none of the workflow rules on it: zizmor #1341).
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(rel)) return 'workflow';
  if (base === 'action.yml' || base === 'action.yaml') return 'action';
  if (/(^|\/)\.github\/dependabot\.ya?ml$/i.test(rel) || base === 'dependabot.yml' || base === 'dependabot.yaml') return 'dependabot';
  if (base === '.pre-commit-config.yaml' || base === '.pre-commit-config.yml') return 'pre-commit';
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
    } else if (YAML_EXT.test(e.name)) {
      // Not only regular files: a link, FIFO or device named as a workflow is listed so the safe reader
      // refuses it by name (skipping it would audit the repository without it, and pass).
      const rel = path.relative(rootDir, full).split(path.sep).join('/');
      // Kinds are judged on the absolute path, so auditing `.github` or `.github/workflows` finds them too.
      const abs = full.split(path.sep).join('/');
      const kind = fileKind(abs);
      // As zizmor: every dependabot.yml|yaml in the tree (GitHub reads .github/dependabot.yml; a copy
      // elsewhere is audited too, so a fixture or template cannot hide a finding).
      if (kind) out.push(rel);
    }
  }
}

/** The paths (relative to root) that git's ignore rules exclude; empty outside a git work tree. */
async function gitIgnored(root: string, rels: string[]): Promise<Set<string>> {
  if (rels.length === 0) return new Set();
  const r = await gitRun(root, ['check-ignore', '--no-index', '--stdin'], { input: `${rels.join('\n')}\n`, allowFailure: true }).catch(
    () => undefined,
  );
  // 0: some are ignored, 1: none is, anything else: not a work tree (nothing to honour).
  if (!r || r.code !== 0) return new Set();
  return new Set(r.stdout.split('\n').filter((l) => l !== ''));
}

/** Files to audit: explicit files keep their given kind guess; directories are searched. */
async function discover(root: string, paths: string[] | undefined): Promise<{ files: { rel: string; kind: FileKind }[]; base: string }> {
  const rootStat = await stat(root).catch((e: unknown) => {
    throw new ConfigurationError(`cannot audit ${root}: ${errorMessage(e)}`, {
      location: { file: root },
      hint: 'pass an existing directory or workflow file',
    });
  });
  // Anything but a folder is audited as one file (a FIFO or a device is then refused by the safe reader).
  if (!rootStat.isDirectory()) {
    const base = path.dirname(root);
    const rel = path.basename(root);
    return { base, files: [{ rel, kind: fileKind(root.split(path.sep).join('/')) ?? 'workflow' }] };
  }
  const out: { rel: string; kind: FileKind }[] = [];
  for (const p of paths && paths.length > 0 ? paths : ['.']) {
    const full = path.resolve(root, p);
    const s = await stat(full).catch((e: unknown) => {
      throw new ConfigurationError(`cannot audit ${p}: ${errorMessage(e)}`, { location: { file: p } });
    });
    if (!s.isDirectory()) {
      const rel = path.relative(root, full).split(path.sep).join('/');
      out.push({ rel, kind: fileKind(full.split(path.sep).join('/')) ?? 'workflow' });
    } else {
      const found: string[] = [];
      await walk(full, root, found);
      for (const rel of found) out.push({ rel, kind: fileKind(path.join(root, rel).split(path.sep).join('/')) ?? 'workflow' });
    }
  }
  const seen = new Set<string>();
  const unique = out.filter((f) => (seen.has(f.rel) ? false : (seen.add(f.rel), true)));
  // As zizmor, files the repository's .gitignore excludes (build output, mutation-testing sandboxes) are
  // not audited; explicitly named files always are.
  const named = new Set((paths ?? []).map((p) => path.relative(root, path.resolve(root, p)).split(path.sep).join('/')));
  const ignored = await gitIgnored(
    root,
    unique.map((f) => f.rel).filter((r) => !named.has(r)),
  );
  return { base: root, files: unique.filter((f) => !ignored.has(f.rel)) };
}

/** Whether a suppression on `line` of the current file may be honoured (trust decisions of the caller). */
export interface SuppressionTrust {
  inline: (line: number) => boolean;
  config: (line: number) => boolean;
  source: string;
}

export interface AuditTextOptions {
  persona?: Persona;
  disabled?: Set<string>;
  publicRepository?: boolean;
  config?: AuditConfig;
  trust?: SuppressionTrust;
}

/** Audits one file's text; exported for tests and for callers holding the text already. */
export function auditWorkflowText(text: string, file: string, kind: FileKind, options: AuditTextOptions = {}): Finding[] {
  return auditWorkflowTextDetailed(text, file, kind, options).findings;
}

/** The one finding for a file GitHub cannot run (not YAML, or not a workflow): nothing else is audited in it. */
function unrunnableFile(
  rule: string,
  message: string,
  file: string,
  line: number,
  column: number | undefined,
  help: string,
): { findings: Finding[]; suppressed: Suppression[]; refused: Suppression[] } {
  return {
    findings: [
      {
        rule,
        severity: 'high',
        message,
        file,
        line,
        ...(column !== undefined ? { column } : {}),
        help,
        properties: { zizmor: null, persona: 'regular', confidence: 'high' },
      },
    ],
    suppressed: [],
    refused: [],
  };
}

export function auditWorkflowTextDetailed(
  text: string,
  file: string,
  kind: FileKind,
  options: AuditTextOptions = {},
): { findings: Finding[]; suppressed: Suppression[]; refused: Suppression[] } {
  const suppressed: Suppression[] = [];
  const refused: Suppression[] = [];
  let src: YamlSource;
  try {
    src = new YamlSource(file, text);
  } catch (e: unknown) {
    if (e instanceof ConfigurationError && e.location?.line !== undefined && !/larger than/.test(e.message)) {
      return unrunnableFile(INVALID_YAML_RULE, e.message, file, e.location.line, e.location.column, e.hint ?? 'fix the YAML syntax');
    }
    throw e;
  }
  // Valid YAML that is no workflow (or action, or Dependabot file) runs nothing and has nothing to find:
  // reported instead of passing with no finding, as zizmor refuses to load it.
  const shape = structureProblem(src, kind);
  if (shape) {
    const at = src.position(shape.offset);
    return unrunnableFile(INVALID_STRUCTURE_RULE, shape.message, file, at.line, at.column, shape.help);
  }
  const config = options.config ?? defaultAuditConfig();
  const model = buildAuditFile(src, file, kind, options.publicRepository === true, config);
  if (!model) return { findings: [], suppressed, refused };
  const persona = options.persona ?? 'regular';
  const trust = options.trust ?? { inline: () => true, config: () => true, source: 'working tree' };
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
    const note = (by: Suppression['by'], source: string): Suppression => ({
      rule: `workflow/${r.audit}`,
      file,
      line: start.line,
      column: start.column,
      by,
      source,
      message: r.message,
    });
    let inlineLine: number | undefined;
    for (let line = from; line <= to && inlineLine === undefined; line++) {
      const ids = ignores.get(line);
      if (ids && (ids.has(r.audit) || ids.has(`workflow/${r.audit}`))) inlineLine = line;
    }
    if (inlineLine !== undefined) {
      if (trust.inline(inlineLine)) {
        suppressed.push(note('inline', trust.source));
        continue;
      }
      refused.push(note('inline', 'this change (not in the trusted revision)'));
    }
    const settings = config.rules.get(r.audit);
    const base = path.posix.basename(file.split(path.sep).join('/'));
    const entry = settings?.ignore.find(
      (i) => i.file === base && (i.line === undefined || i.line === start.line) && (i.column === undefined || i.column === start.column),
    );
    if (entry) {
      if (entry.line === undefined || trust.config(start.line)) {
        suppressed.push(note('zizmor.yml', config.file ?? trust.source));
        continue;
      }
      refused.push(note('zizmor.yml', `${config.file ?? 'zizmor.yml'} (line ${start.line} changed since the trusted revision)`));
    }
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
  return { findings: out.sort(compareFindings), suppressed, refused };
}

/** The text of `rel` (relative to root) at a git revision, or undefined when the file did not exist there. */
async function textAtRevision(root: string, revision: string, rel: string): Promise<string | undefined> {
  const r = await gitRun(root, ['show', `${revision}:./${rel}`], { allowFailure: true });
  if (r.code === 0) return r.stdout;
  const check = await gitRun(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { allowFailure: true });
  if (check.code !== 0)
    throw new ConfigurationError(`the trusted revision ${revision} is not a commit of ${root}`, {
      hint: 'fetch the base branch (actions/checkout with fetch-depth: 0) or pass the right base',
    });
  return undefined;
}

/** Lines of the trusted text, trimmed, for "is this line unchanged" checks. */
function lineSet(text: string | undefined): { set: Set<string>; at: string[] } {
  const at = (text ?? '').split(/\r?\n/).map((l) => l.trim());
  return { set: new Set(at), at };
}

export async function auditWorkflows(options: AuditWorkflowsOptions): Promise<AuditWorkflowsResult> {
  const { logger } = options;
  const root = path.resolve(options.root);
  const disabled = new Set<string>();
  const skipGlobs: PathPattern[] = [];
  for (const entry of options.ignore ?? []) {
    const id = entry.replace(/^workflow\//, '');
    if (WORKFLOW_RULES.some((r) => r.id === `workflow/${id}`)) disabled.add(id);
    else skipGlobs.push(pathPattern(entry));
  }
  const { files, base } = await discover(root, options.paths);
  const mode = options.suppressions ?? 'working-tree';
  const revision = typeof mode === 'object' ? mode.trustedRevision : undefined;
  let config = defaultAuditConfig();
  if (typeof options.zizmorConfig === 'string' || (options.zizmorConfig === undefined && mode === 'working-tree')) {
    const configFile = options.zizmorConfig ?? discoverZizmorConfig(base);
    if (configFile !== undefined) {
      // The operator's --zizmor-config may be a link anywhere; a discovered one stays inside the repository.
      config = await loadZizmorConfig(configFile, options.zizmorConfig !== undefined ? '/' : base).catch((e: unknown) => {
        if (e instanceof ConfigurationError) throw e;
        throw new ConfigurationError(`cannot read zizmor configuration ${configFile}: ${errorMessage(e)}`, {
          location: { file: configFile },
        });
      });
      logger.info(`using zizmor configuration ${path.relative(process.cwd(), configFile) || configFile}`);
    }
  } else if (options.zizmorConfig === undefined && revision !== undefined) {
    // zizmor's discovery, but read from the trusted revision: the change under review cannot add or edit it.
    let trustedText: string | undefined;
    for (const name of ['.github/zizmor.yml', '.github/zizmor.yaml', 'zizmor.yml', 'zizmor.yaml']) {
      trustedText = await textAtRevision(base, revision, name);
      if (trustedText === undefined) continue;
      config = parseZizmorConfig(trustedText, `${name}@${revision.slice(0, 12)}`);
      logger.info(`using zizmor configuration ${name} as of ${revision.slice(0, 12)} (the trusted revision)`);
      break;
    }
    const current = discoverZizmorConfig(base);
    if (
      current &&
      (await readRegularFile(current, { maxBytes: MAX_WORKFLOW_BYTES, within: base, what: 'zizmor configuration' })
        .then((b) => b.toString('utf8'))
        .catch(() => '')) !== trustedText
    )
      logger.warning(
        `${path.relative(base, current)} differs from the trusted revision ${revision.slice(0, 12)}: its changes are not honoured`,
        { file: path.relative(base, current) },
      );
  } else if (mode === 'none' && options.zizmorConfig === undefined) {
    const current = discoverZizmorConfig(base);
    if (current) logger.warning(`ignoring ${current}: suppressions from the audited repository are not honoured here`, { file: current });
  }
  // A disabled rule leaves no trace in the findings, so say so where a reviewer will see it.
  const off = [...config.rules.entries()].filter(([, r]) => r.disable).map(([id]) => id);
  if (off.length > 0)
    logger.warning(`rules disabled by ${config.file ?? 'zizmor.yml'}: ${off.join(', ')}`, { file: config.file ?? 'zizmor.yml' });

  const findings: Finding[] = [];
  const suppressed: Suppression[] = [];
  const refused: Suppression[] = [];
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
    // Core's safe reader and UTF-8 decoder: a workflow saved as UTF-16 would otherwise decode to text with a
    // zero byte between characters, parse as no workflow and pass the audit with no finding; a link leaving
    // the audited folder, a FIFO or a device is refused, never read.
    const text = decodeUtf8(
      await readRegularFile(full, { maxBytes: MAX_WORKFLOW_BYTES, within: base, what: 'workflow file' }),
      rel,
      'workflow file',
    );
    let trust: SuppressionTrust | undefined;
    if (revision !== undefined) {
      const trusted = lineSet(await textAtRevision(base, revision, rel));
      const current = text.split(/\r?\n/).map((l) => l.trim());
      trust = {
        source: `revision ${revision.slice(0, 12)}`,
        inline: (line) => trusted.set.has(current[line - 1] ?? '\0'),
        config: (line) => trusted.at[line - 1] === current[line - 1],
      };
    } else if (mode === 'none') trust = { source: 'none', inline: () => false, config: () => false };
    logger.debug(`auditing ${rel} as ${kind}`);
    const r = auditWorkflowTextDetailed(text, rel, kind, {
      persona: options.persona ?? 'regular',
      disabled,
      publicRepository: options.publicRepository === true,
      config,
      ...(trust ? { trust } : {}),
    });
    findings.push(...r.findings);
    suppressed.push(...r.suppressed);
    refused.push(...r.refused);
    audited.push(rel);
  }
  // Both lists are part of the report: a reviewer sees what was silenced and what the change tried to.
  for (const s of suppressed) logger.info(`suppressed ${s.rule} at ${s.file}:${s.line}:${s.column} by ${s.by} (${s.source})`);
  for (const s of refused)
    logger.warning(`suppression of ${s.rule} not honoured: ${s.by} from ${s.source}`, { file: s.file, line: s.line, column: s.column });
  const shown = findings.filter(
    (f) =>
      (options.minSeverity === undefined || atLeast(f.severity, options.minSeverity)) &&
      (options.minConfidence === undefined ||
        CONFIDENCE_RANK[(f.properties?.confidence as Confidence | undefined) ?? 'high'] >= CONFIDENCE_RANK[options.minConfidence]),
  );
  return {
    findings: shown.sort(compareFindings),
    files: audited,
    suppressed,
    refused,
    belowThreshold: findings.length - shown.length,
    base,
    kinds: Object.fromEntries(files.filter((x) => audited.includes(x.rel)).map((x) => [x.rel, x.kind])),
  };
}
