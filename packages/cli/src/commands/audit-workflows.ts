import path from 'node:path';
import type { Command } from 'commander';
import {
  atLeast,
  ConfigurationError,
  countBySeverity,
  EXIT,
  formatLocation,
  isSeverity,
  toSarif,
  TOOL_NAME,
  TOOL_URI,
  TOOL_VERSION,
  writeFileAtomic,
  type Severity,
  type SeverityThreshold,
} from '@secure-factory/core';
import { auditWorkflows, fixFiles, loadPins, unifiedPatch, WORKFLOW_RULES, type Confidence, type Persona } from '@secure-factory/source';
import { execute, type CommonOptions } from '../context.js';

interface AuditWorkflowsOptions extends CommonOptions {
  sarif?: string;
  persona?: string;
  blockSeverity?: string;
  ignore?: string[];
  publicRepository?: boolean;
  zizmorConfig?: string | false;
  minSeverity?: string;
  minConfidence?: string;
  trustedRevision?: string;
  fix?: string;
  pins?: string;
}

const PERSONAS: Persona[] = ['regular', 'pedantic', 'auditor'];

function parsePersona(value: string | undefined): Persona {
  const v = value ?? 'regular';
  if ((PERSONAS as string[]).includes(v)) return v as Persona;
  throw new ConfigurationError(`unknown persona ${JSON.stringify(v)}`, { hint: `use one of: ${PERSONAS.join(', ')}` });
}

function parseThreshold(value: string | undefined): SeverityThreshold {
  const v = (value ?? 'high').toLowerCase();
  if (v === 'none' || isSeverity(v)) return v;
  throw new ConfigurationError(`unknown severity ${JSON.stringify(value)}`, {
    hint: 'use one of: critical, high, medium, low, info, none',
  });
}

/** zizmor's --min-severity names (informational, low, medium, high) and this project's (info, critical). */
function parseMinSeverity(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() === 'informational' ? 'info' : value.toLowerCase();
  if (isSeverity(v)) return v;
  throw new ConfigurationError(`unknown severity ${JSON.stringify(value)} for --min-severity`, {
    hint: 'use one of: informational, low, medium, high, critical',
  });
}

function parseMinConfidence(value: string | undefined): Confidence | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'low' || v === 'medium' || v === 'high') return v;
  throw new ConfigurationError(`unknown confidence ${JSON.stringify(value)} for --min-confidence`, {
    hint: 'use one of: low, medium, high',
  });
}

export function registerAuditWorkflows(program: Command): Command {
  return program
    .command('audit-workflows')
    .description('Audit GitHub Actions workflows and actions for injection, pinning and permission problems (zizmor-compatible rules)')
    .argument('[path]', 'repository, directory or single workflow/action file', '.')
    .option('--json', 'print the result as JSON on stdout')
    .option('--sarif <file>', 'also write the findings as SARIF 2.1.0 (for GitHub code scanning)')
    .option('--persona <persona>', 'regular (default), pedantic (adds code smells) or auditor (everything)', 'regular')
    .option('--block-severity <severity>', 'fail (exit 1) on findings at or above: critical, high, medium, low, info, none', 'high')
    .option('--ignore <rule-or-glob...>', 'skip a rule (workflow/<id> or the zizmor id) or files matching a glob relative to PATH')
    .option('--public-repository', 'treat the repository as public: self-hosted runners become a regular finding')
    .option('--zizmor-config <file>', 'honour this zizmor.yml (default: discovered like zizmor: .github/zizmor.yml or zizmor.yml)')
    .option('--no-zizmor-config', 'ignore any zizmor.yml')
    .option('--min-severity <severity>', "hide findings below: informational, low, medium, high (zizmor's --min-severity)")
    .option('--min-confidence <confidence>', "hide findings below: low, medium, high (zizmor's --min-confidence)")
    .option(
      '--trusted-revision <rev>',
      'honour zizmor.yml and inline ignore comments only as they are at this git revision (e.g. the pull request base)',
    )
    .option('--fix <patch-file>', 'write the mechanical fixes as a unified patch to review and `git apply` (nothing is edited in place)')
    .option('--pins <file>', 'for --fix: owner/repo@ref <sha> per line (or JSON), to pin actions by SHA offline')
    .option('--verbose', 'print debug output')
    .action(async (target: string, opts: AuditWorkflowsOptions) =>
      execute(opts, async ({ logger }) => {
        const persona = parsePersona(opts.persona);
        const threshold = parseThreshold(opts.blockSeverity);
        const minSeverity = parseMinSeverity(opts.minSeverity);
        const minConfidence = parseMinConfidence(opts.minConfidence);
        if (opts.pins && !opts.fix) throw new ConfigurationError('--pins is only used with --fix', { hint: 'add --fix <patch-file>' });
        const pins = opts.pins ? await loadPins(path.resolve(opts.pins)) : new Map<string, string>();
        const result = await auditWorkflows({
          root: target,
          persona,
          logger,
          ...(minSeverity ? { minSeverity } : {}),
          ...(minConfidence ? { minConfidence } : {}),
          ...(opts.trustedRevision ? { suppressions: { trustedRevision: opts.trustedRevision } } : {}),
          ...(opts.ignore ? { ignore: opts.ignore } : {}),
          ...(opts.publicRepository ? { publicRepository: true } : {}),
          ...(opts.zizmorConfig !== undefined ? { zizmorConfig: opts.zizmorConfig } : {}),
        });
        if (result.files.length === 0)
          throw new ConfigurationError(`no workflow, action or Dependabot file found under ${target}`, {
            location: { file: target },
            hint: 'pass the repository root, its .github directory, .github/workflows, or a workflow or action.yml file',
          });
        const findings = result.findings.map((f) => ({ ...f, blocking: atLeast(f.severity, threshold) }));
        let fixSummary: { patch: string; applied: string[]; skipped: string[] } | undefined;
        if (opts.fix) {
          const fixes = await fixFiles(
            result.base,
            result.files.map((rel) => ({ rel, kind: result.kinds[rel] ?? 'workflow' })),
            pins,
          );
          const patch = await unifiedPatch(fixes);
          await writeFileAtomic(path.resolve(opts.fix), patch);
          const applied = fixes.flatMap((x) => x.applied);
          const skipped = fixes.flatMap((x) => x.skipped);
          for (const n of skipped) logger.warning(`not fixed: ${n}`);
          logger.info(
            `${applied.length} fix(es) written to ${opts.fix} (review, then: git apply ${opts.fix}); ${skipped.length} left for you${skipped.length && !opts.pins ? ' (pass --pins to pin by SHA)' : ''}`,
          );
          fixSummary = { patch: opts.fix, applied, skipped };
        }
        for (const f of findings) {
          const where = f.file ? `${formatLocation({ file: f.file, line: f.line, column: f.column })}: ` : '';
          const line = `${where}[${f.severity}] ${f.rule}: ${f.message}`;
          if (f.blocking) logger.error(line);
          else logger.warning(line);
        }
        const counts = countBySeverity(findings);
        const blocking = findings.filter((f) => f.blocking).length;
        logger.info(
          `${result.files.length} file(s) audited, ${findings.length} finding(s) (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low, ${counts.info} info); ${blocking} at or above ${threshold}; ${result.suppressed.length} suppressed, ${result.refused.length} suppression(s) refused${result.belowThreshold ? `, ${result.belowThreshold} below --min-severity/--min-confidence` : ''}`,
        );
        if (opts.sarif) {
          const sarif = toSarif({ name: TOOL_NAME, version: TOOL_VERSION, informationUri: TOOL_URI, rules: WORKFLOW_RULES }, findings);
          await writeFileAtomic(path.resolve(opts.sarif), `${JSON.stringify(sarif, null, 2)}\n`);
          logger.info(`SARIF written to ${opts.sarif}`);
        }
        return {
          exitCode: blocking > 0 ? EXIT.failed : EXIT.passed,
          json: {
            findings: findings.map((f) => ({
              rule: f.rule,
              zizmor: (f.properties?.zizmor as string | null | undefined) ?? null,
              severity: f.severity,
              file: f.file ?? null,
              line: f.line ?? null,
              column: f.column ?? null,
              message: f.message,
              confidence: (f.properties?.confidence as string | undefined) ?? null,
              blocking: f.blocking,
            })),
            files: result.files,
            persona,
            blockSeverity: threshold,
            suppressed: result.suppressed,
            refused: result.refused,
            belowThreshold: result.belowThreshold,
            ...(fixSummary ? { fix: fixSummary } : {}),
          },
        };
      }),
    );
}
