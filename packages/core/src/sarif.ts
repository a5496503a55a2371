/** SARIF 2.1.0 for GitHub code scanning, validated against the OASIS schema in the tests. */
import type { Finding, RuleDescriptor, Severity } from './findings.js';
import { md } from './markdown.js';
import { visibleControls } from './output.js';

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
  rules: readonly RuleDescriptor[];
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

// GitHub code scanning reads `security-severity` (a CVSS-like score) to rank security alerts.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: unknown[];
}

/** Relative, forward-slash URIs for artifact locations (code scanning matches them against the repo). */
function toUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
}

export function toSarif(tool: SarifTool, findings: readonly Finding[]): SarifLog {
  const ruleIndex = new Map<string, number>();
  const rules = [...tool.rules];
  // A set, not rules.some() per finding: with a rule per advisory that would be quadratic.
  const known = new Set(rules.map((r) => r.id));
  for (const f of findings) {
    if (!known.has(f.rule)) {
      known.add(f.rule);
      rules.push({ id: f.rule, name: f.rule, shortDescription: f.rule, help: f.help ?? f.message, defaultSeverity: f.severity });
    }
  }
  rules.forEach((r, i) => ruleIndex.set(r.id, i));
  const results = findings.map((f) => {
    const result: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: LEVEL[f.severity],
      // Text from advisories and files: control characters shown as text (code scanning shows it verbatim).
      message: { text: visibleControls(f.help ? `${f.message}\n${f.help}` : f.message) },
      properties: { severity: f.severity, blocking: f.blocking === true, ...(f.properties ?? {}) },
    };
    if (f.waived) {
      result.suppressions = [
        {
          kind: 'external',
          status: 'accepted',
          justification: visibleControls(`${f.waived.reason} (approved by ${f.waived.approver}, expires ${f.waived.expires})`),
        },
      ];
    }
    if (f.file) {
      const region: Record<string, number> = {};
      if (f.line && f.line > 0) {
        region.startLine = f.line;
        if (f.column && f.column > 0) region.startColumn = f.column;
        if (f.endLine && f.endLine >= f.line) region.endLine = f.endLine;
        if (f.endColumn && f.endColumn > 0) region.endColumn = f.endColumn;
      }
      result.locations = [
        {
          physicalLocation: {
            artifactLocation: { uri: toUri(f.file) },
            ...(Object.keys(region).length > 0 ? { region } : {}),
          },
        },
      ];
    }
    return result;
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.name,
              shortDescription: { text: visibleControls(r.shortDescription) },
              fullDescription: { text: visibleControls(r.shortDescription) },
              // The markdown form is rendered by code scanning: untrusted help must not inject links or HTML.
              help: { text: visibleControls(r.help), markdown: md(r.help) },
              ...(r.helpUri ? { helpUri: r.helpUri } : {}),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: {
                'security-severity': SECURITY_SEVERITY[r.defaultSeverity],
                tags: ['security', 'supply-chain'],
                ...(r.equivalent ? { equivalent: r.equivalent } : {}),
              },
            })),
          },
        },
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
}
