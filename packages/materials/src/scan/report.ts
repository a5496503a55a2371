/** What the CLI and the action print from a scan: the `--json` contract, SARIF, and the job summary. */
import {
  code,
  countBySeverity,
  formatLocation,
  md,
  table,
  toSarif,
  TOOL_NAME,
  TOOL_URI,
  TOOL_VERSION,
  type Finding,
  type RuleDescriptor,
  type SarifLog,
} from '@secure-factory/core';
import { createHash } from 'node:crypto';
import { cvssScore } from '../osv/severity.js';
import { MATERIALS_RULES, RULE } from './rules.js';
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
    ignored: result.ignored,
  };
}

// GitHub code scanning's documented limits for one uploaded run.
const MAX_RESULTS = 25_000;
const MAX_RULES = 25_000;

const DEFAULT_SCORE: Record<string, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

function advisoryUri(id: string): string {
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}

function fingerprint(f: Finding): string {
  const p = f.properties ?? {};
  const pkg = p.package as { ecosystem?: string; name?: string; version?: string } | string | undefined;
  const what = typeof pkg === 'string' ? pkg : pkg ? `${pkg.ecosystem ?? ''}/${pkg.name ?? ''}@${pkg.version ?? ''}` : f.message;
  // Stable across runs and line moves: the rule, the advisory and the package, and the file it is declared in.
  return createHash('sha256')
    .update([f.rule, typeof p.advisory === 'string' ? p.advisory : '', what, f.file ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

/**
 * SARIF for code scanning: one rule per advisory (its OSV link as helpUri, `security-severity` from
 * its CVSS base score), the package's line in its lockfile, stable partialFingerprints, and every
 * finding placed in a file (one without a file goes on the policy or the first lockfile).
 */
export function scanSarif(result: ScanResult): SarifLog {
  const vulnById = new Map(result.vulnerabilities.map((v) => [v.id, v]));
  const rules: RuleDescriptor[] = [...MATERIALS_RULES];
  const scores = new Map<string, string>();
  const seen = new Set(rules.map((r) => r.id));
  const findings: Finding[] = [];
  const fallback = result.placeholderFile;
  for (const f0 of result.findings.slice(0, MAX_RESULTS)) {
    let f = f0.file ? f0 : fallback ? { ...f0, file: fallback } : f0;
    const advisory = f.rule === RULE.vulnerable && typeof f.properties?.advisory === 'string' ? f.properties.advisory : undefined;
    if (advisory && rules.length < MAX_RULES) {
      const v = vulnById.get(advisory);
      if (!seen.has(advisory)) {
        seen.add(advisory);
        const fixed = v?.fixedVersions.length ? `Fixed in ${v.fixedVersions.join(', ')}.` : 'No fixed version is published.';
        rules.push({
          id: advisory,
          name: advisory.replace(/[^A-Za-z0-9]/g, ''),
          shortDescription: `${advisory}: ${v?.summary ?? 'known vulnerability'}`.slice(0, 1000),
          help: `${v?.summary ?? advisory}\n\n${v?.aliases.length ? `Aliases: ${v.aliases.join(', ')}. ` : ''}${fixed} Details: ${advisoryUri(advisory)}`,
          helpUri: advisoryUri(advisory),
          defaultSeverity: v?.severity ?? f.severity,
        });
        const score = v?.score ?? (v?.vector ? cvssScore(v.vector) : undefined);
        scores.set(advisory, score !== undefined ? Number(score).toFixed(1) : (DEFAULT_SCORE[v?.severity ?? f.severity] ?? '8.0'));
      }
      f = { ...f, rule: advisory, properties: { ...f.properties, rule: RULE.vulnerable } };
    }
    findings.push(f);
  }
  const log = toSarif({ name: `${TOOL_NAME} materials`, version: TOOL_VERSION, informationUri: TOOL_URI, rules }, findings);
  const run = log.runs[0] as { tool: { driver: { rules: Record<string, unknown>[] } }; results: Record<string, unknown>[] };
  for (const r of run.tool.driver.rules) {
    const score = scores.get(String(r.id));
    if (score !== undefined) (r.properties as Record<string, unknown>)['security-severity'] = score;
    if (scores.has(String(r.id))) (r.properties as Record<string, unknown>).tags = ['security', 'supply-chain', 'vulnerability'];
  }
  run.results.forEach((res, i) => {
    const f = findings[i];
    if (f) res.partialFingerprints = { 'secureFactoryFinding/v1': fingerprint(f) };
  });
  return log;
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
  lines.push('', ...findingsBySeverityMarkdown(result.findings));
  if (result.ignored.length > 0) lines.push('', `**Ignored (materials.ignore):** ${result.ignored.map(code).join(', ')}`);
  return `${lines.join('\n')}\n`;
}

const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;

function scopeOf(f: Finding): string {
  return typeof f.properties?.scope === 'string' ? f.properties.scope : '';
}

function whereOf(f: Finding): string {
  return f.file ? formatLocation({ file: f.file, ...(f.line !== undefined ? { line: f.line } : {}) }) : '';
}

/** Every finding, grouped by severity (blocking first within a group), with the dependency's scope. */
function findingsBySeverityMarkdown(findings: readonly Finding[]): string[] {
  const out: string[] = [];
  for (const sev of SEVERITIES) {
    const group = findings.filter((f) => f.severity === sev).sort((a, b) => Number(b.blocking === true) - Number(a.blocking === true));
    if (group.length === 0) continue;
    out.push(
      `### ${sev} (${group.length}${group.some((f) => f.blocking) ? `, ${group.filter((f) => f.blocking).length} blocking` : ''})`,
      '',
      table(
        ['', 'where', 'finding', 'scope', 'what to do'],
        group.map((f) => [
          f.blocking ? '❌' : f.waived ? '⚪ waived' : '⚠️',
          whereOf(f) ? code(whereOf(f)) : '—',
          `${md(f.message)} (${code(f.rule)})`,
          scopeOf(f) || '—',
          f.help ? md(f.help) : '—',
        ]),
      ),
      '',
    );
  }
  return out;
}

/** The terminal report: the counts, then every finding grouped by severity, with its scope and location. */
export function scanText(result: ScanResult): string {
  const lines: string[] = [];
  for (const sev of SEVERITIES) {
    const group = result.findings
      .filter((f) => f.severity === sev)
      .sort((a, b) => Number(b.blocking === true) - Number(a.blocking === true));
    if (group.length === 0) continue;
    lines.push(
      `${sev.toUpperCase()} (${group.length}${group.some((f) => f.blocking) ? `, ${group.filter((f) => f.blocking).length} blocking` : ''})`,
    );
    for (const f of group) {
      const tag = f.blocking ? 'BLOCKING' : f.waived ? 'waived' : 'warning';
      const scope = scopeOf(f) ? ` [${scopeOf(f)}]` : '';
      lines.push(`  ${tag.padEnd(8)} ${whereOf(f) ? `${whereOf(f)}: ` : ''}${f.message}${scope}${f.help ? ` — ${f.help}` : ''}`);
    }
  }
  for (const i of result.ignored) lines.push(`ignored (materials.ignore): ${i}`);
  lines.push(
    `${result.packages.length} materials, ${result.vulnerabilities.length} vulnerabilities on ${result.vulnerableCount} package(s), ${result.findings.length} findings, ${result.blocking.length} blocking: ${result.blocking.length === 0 ? 'passed' : 'refused'}`,
  );
  return `${lines.join('\n')}\n`;
}
