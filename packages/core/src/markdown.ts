/**
 * Markdown for job summaries. Anything that came from outside (package names, messages from files)
 * goes through `md()`: control characters are dropped and markdown/HTML syntax is escaped, so a
 * hostile package name cannot inject links, images or HTML into a summary.
 */
import type { Finding, Severity } from './findings.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Removes control, zero-width, line-separator and bidi characters (terminal and Trojan Source tricks). */
export function stripControl(s: string): string {
  return s.replace(CONTROL, '');
}

/** Escapes untrusted text for a markdown table cell or paragraph. */
export function md(s: string): string {
  return stripControl(s)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;');
}

/** Inline code for untrusted text: backticks cannot be escaped inside code spans, so they are replaced. */
export function code(s: string): string {
  const clean = stripControl(s)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|');
  return `\`${clean}\``;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export type StageState = 'passed' | 'failed' | 'skipped' | 'warning';
export const STAGES = ['source', 'materials', 'build', 'attest', 'gate'] as const;

const ICON: Record<StageState, string> = { passed: '✅', failed: '❌', skipped: '⚪', warning: '⚠️' };

export function stateIcon(s: StageState): string {
  return ICON[s];
}

/** `source ✅ → materials ❌ → build ✅ → attest ✅ → gate ❌` */
export function stageDiagram(states: Partial<Record<string, StageState>>, stages: readonly string[] = STAGES): string {
  return stages.map((s) => `${s} ${ICON[states[s] ?? 'skipped']}`).join(' → ');
}

/** A mermaid flowchart of the same chain, which GitHub renders in job summaries. */
export function stageMermaid(states: Partial<Record<string, StageState>>, stages: readonly string[] = STAGES): string {
  const lines = ['```mermaid', 'flowchart LR'];
  stages.forEach((s, i) => {
    lines.push(`  ${s}["${s} ${ICON[states[s] ?? 'skipped']}"]`);
    if (i > 0) lines.push(`  ${stages[i - 1]} --> ${s}`);
  });
  const colour: Record<StageState, string> = { passed: '#2da44e', failed: '#cf222e', skipped: '#8c959f', warning: '#bf8700' };
  for (const s of stages) lines.push(`  style ${s} stroke:${colour[states[s] ?? 'skipped']},stroke-width:2px`);
  lines.push('```');
  return lines.join('\n');
}

const SEVERITY_ICON: Record<Severity, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦', info: '⬜' };

export function severityBadge(s: Severity): string {
  return `${SEVERITY_ICON[s]} ${s}`;
}

/** A findings table for a job summary: blocking ones first, each with what to do. */
export function findingsTable(findings: readonly Finding[], limit = 50): string {
  if (findings.length === 0) return '_No findings._';
  const rows = findings
    .slice(0, limit)
    .map((f) => [
      severityBadge(f.severity),
      code(f.rule),
      md(f.message),
      f.file ? code(`${f.file}${f.line ? `:${f.line}` : ''}`) : '',
      f.waived ? `waived by ${md(f.waived.approver)} until ${md(f.waived.expires)}` : f.blocking ? '**blocks**' : 'reported',
      f.help ? md(f.help) : '',
    ]);
  let out = table(['severity', 'rule', 'finding', 'where', 'status', 'what to do'], rows);
  if (findings.length > limit) out += `\n\n_…and ${findings.length - limit} more (see the SARIF or JSON report)._`;
  return out;
}
