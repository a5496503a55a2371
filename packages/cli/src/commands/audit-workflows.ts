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
  type SeverityThreshold,
} from '@secure-factory/core';
import { auditWorkflows, WORKFLOW_RULES, type Persona } from '@secure-factory/source';
import { execute, type CommonOptions } from '../context.js';

interface AuditWorkflowsOptions extends CommonOptions {
  sarif?: string;
  persona?: string;
  blockSeverity?: string;
  ignore?: string[];
  publicRepository?: boolean;
  zizmorConfig?: string | false;
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
    .option('--verbose', 'print debug output')
    .action(async (target: string, opts: AuditWorkflowsOptions) =>
      execute(opts, async ({ logger }) => {
        const persona = parsePersona(opts.persona);
        const threshold = parseThreshold(opts.blockSeverity);
        const result = await auditWorkflows({
          root: target,
          persona,
          logger,
          ...(opts.ignore ? { ignore: opts.ignore } : {}),
          ...(opts.publicRepository ? { publicRepository: true } : {}),
          ...(opts.zizmorConfig !== undefined ? { zizmorConfig: opts.zizmorConfig } : {}),
        });
        const findings = result.findings.map((f) => ({ ...f, blocking: atLeast(f.severity, threshold) }));
        for (const f of findings) {
          const where = f.file ? `${formatLocation({ file: f.file, line: f.line, column: f.column })}: ` : '';
          const line = `${where}[${f.severity}] ${f.rule}: ${f.message}`;
          if (f.blocking) logger.error(line);
          else logger.warning(line);
        }
        const counts = countBySeverity(findings);
        const blocking = findings.filter((f) => f.blocking).length;
        logger.info(
          `${result.files.length} file(s) audited, ${findings.length} finding(s) (${counts.critical} critical, ${counts.high} high, ${counts.medium} medium, ${counts.low} low, ${counts.info} info); ${blocking} at or above ${threshold}`,
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
              blocking: f.blocking,
            })),
            files: result.files,
            persona,
            blockSeverity: threshold,
          },
        };
      }),
    );
}
