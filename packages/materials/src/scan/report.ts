/** What the CLI and the action print from a scan: the `--json` contract, SARIF, and the job summary. */
import {
  code,
  countBySeverity,
  findingsTable,
  md,
  table,
  toSarif,
  TOOL_NAME,
  TOOL_URI,
  TOOL_VERSION,
  type SarifLog,
} from '@secure-factory/core';
import { MATERIALS_RULES } from './rules.js';
import type { ScanResult } from './scan.js';
import { packageJson } from '../package.js';

/** The `secure-factory scan --json` contract (snake_case field names as the issue specifies). */
export function scanJson(result: ScanResult): Record<string, unknown> {
  return {
    input: result.input,
    packages: result.packages.map((p) => ({ ...packageJson(p), ...(p.line !== undefined ? { line: p.line } : {}) })),
    vulnerabilities: result.vulnerabilities.map((v) => ({
      id: v.id,
      aliases: v.aliases,
      package: v.package,
      severity: v.severity,
      ...(v.score ? { score: v.score } : {}),
      fixed_versions: v.fixedVersions,
      ...(v.summary ? { summary: v.summary } : {}),
      waived: v.waived,
    })),
    findings: result.findings,
    summary: {
      packages: result.packages.length,
      vulnerable_packages: result.vulnerableCount,
      vulnerabilities: result.vulnerabilities.length,
      blocking: result.blocking.length,
      passed: result.blocking.length === 0,
    },
    ...(result.database ? { database: result.database } : {}),
    sbom: result.sbom,
    statements: result.statements,
  };
}

export function scanSarif(result: ScanResult): SarifLog {
  return toSarif(
    { name: `${TOOL_NAME} materials`, version: TOOL_VERSION, informationUri: TOOL_URI, rules: MATERIALS_RULES },
    result.findings,
  );
}

/** The job summary: what was checked, the counts, and the blocking findings with their fixed versions. */
export function scanSummary(result: ScanResult): string {
  const passed = result.blocking.length === 0;
  const counts = countBySeverity(
    result.vulnerabilities.filter((v) => !v.waived).map((v) => ({ rule: '', message: '', severity: v.severity })),
  );
  const ecosystems = new Map<string, number>();
  for (const p of result.packages) ecosystems.set(p.ecosystem, (ecosystems.get(p.ecosystem) ?? 0) + 1);
  const lines = [
    `## secure-factory scan-deps: ${passed ? 'passed ✅' : `refused ❌ (${result.blocking.length} blocking)`}`,
    '',
    table(
      ['materials', 'count'],
      [...ecosystems.entries()].sort().map(([e, n]) => [md(e), String(n)]),
    ),
    '',
    `**Vulnerabilities:** ${result.vulnerabilities.length} on ${result.vulnerableCount} package(s) — critical ${counts.critical}, high ${counts.high}, medium ${counts.medium}, low ${counts.low}${result.vulnerabilities.some((v) => v.waived) ? `, ${result.vulnerabilities.filter((v) => v.waived).length} waived` : ''}`,
  ];
  if (result.database)
    lines.push(
      '',
      `**Database:** ${code(result.database.uri)}${result.database.lastUpdate ? ` (last update ${md(result.database.lastUpdate)})` : ''}`,
    );
  if (result.blocking.length > 0) {
    lines.push('', '### Blocking findings', '', findingsTable(result.blocking));
  }
  const other = result.findings.filter((f) => f.blocking !== true);
  if (other.length > 0) lines.push('', '<details><summary>Other findings</summary>', '', findingsTable(other), '', '</details>');
  return `${lines.join('\n')}\n`;
}
