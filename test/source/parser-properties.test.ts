/**
 * Property-based tests (fast-check, 1,000 generated inputs each) for the source stage's parsers that
 * read a repository's own files: the workflow audit (workflows, composite actions, dependabot and
 * pre-commit files), its `${{ }}` expression parser, its `--fix` planner, and CODEOWNERS. Whatever a
 * repository holds, they give findings located inside the file, or a ConfigurationError naming it; never
 * another exception, never an edit outside the text.
 */
import fc from 'fast-check';
import { PROPERTY_RUNS } from '../support/property-runs.js';
import { ConfigurationError } from '@secure-factory/core';
import { applyEdits, auditWorkflowText, ownersOf, parseCodeowners, planFixes, type FileKind } from '@secure-factory/source';
import { extractExpressions, tryParseExpression } from '../../packages/source/src/audit/expressions.js';

const RUNS = PROPERTY_RUNS;

/** Workflow-shaped text: real keys and values spliced with YAML syntax, expressions and hostile bytes. */
const workflowish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'on: pull_request_target\n',
        'on: [push, workflow_run]\n',
        'permissions: write-all\n',
        'jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n',
        '      - uses: actions/checkout@v4\n',
        '      - uses: actions/checkout@8ade135a41bc03ea155e62e844d188df1ea18608 # v4\n',
        '        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n          persist-credentials: true\n',
        '      - run: echo "${{ github.event.issue.title }}"\n',
        '      - run: |\n          echo ${{ inputs.x }}\n',
        '        env:\n          T: ${{ secrets.GITHUB_TOKEN }}\n',
        '    container: node:latest\n',
        '    if: ${{ always() }}\n',
        'runs:\n  using: composite\n  steps:\n',
        'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n',
        'repos:\n  - repo: https://github.com/x/y\n    rev: main\n',
        '# zizmor: ignore[template-injection]\n',
        '${{',
        '}}',
        '${{ fromJSON(',
        "format('{0}', ",
        '&a ',
        '*a',
        '<<: *a\n',
        '[',
        ']',
        '{',
        '}',
        ': ',
        '- ',
        '\n',
        '  ',
        '"',
        "'",
        '\t',
        '\u0000',
        '\u001b[2J',
        '::error::x',
        '__proto__: 1\n',
        '!!binary ',
      ),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    { maxLength: 25 },
  )
  .map((parts) => parts.join(''));

const kinds = fc.constantFrom<FileKind>('workflow', 'action', 'dependabot', 'pre-commit');

describe('workflow audit under generated files', () => {
  it('findings located inside the file, or a ConfigurationError naming it', () => {
    fc.assert(
      fc.property(workflowish, kinds, (text, kind) => {
        const lines = text.split(/\r\n|\r|\n/).length;
        try {
          const findings = auditWorkflowText(text, '.github/workflows/w.yml', kind);
          return findings.every(
            (f) =>
              typeof f.rule === 'string' &&
              typeof f.message === 'string' &&
              (f.line === undefined || (Number.isInteger(f.line) && f.line >= 1 && f.line <= lines)),
          );
        } catch (e: unknown) {
          return e instanceof ConfigurationError && e.describe().includes('w.yml');
        }
      }),
      RUNS,
    );
  });

  it('--fix edits stay inside the text and apply cleanly', () => {
    const pins = new Map([['actions/checkout@v4', '8ade135a41bc03ea155e62e844d188df1ea18608']]);
    fc.assert(
      fc.property(workflowish, kinds, (text, kind) => {
        try {
          const { edits } = planFixes(text, 'w.yml', kind, pins);
          if (!edits.every((e) => e.start >= 0 && e.end >= e.start && e.end <= text.length)) return false;
          return typeof applyEdits(text, edits) === 'string';
        } catch (e: unknown) {
          return e instanceof ConfigurationError;
        }
      }),
      RUNS,
    );
  });
});

describe('expressions', () => {
  const exprish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'github.event.',
          'inputs.',
          'secrets.',
          'matrix.',
          '[',
          ']',
          '(',
          ')',
          "'",
          '==',
          '&&',
          '||',
          '!',
          '*',
          ',',
          ' ',
          'format(',
          'toJSON(',
          '1.5e3',
          'null',
          'true',
          '0x1F',
        ),
        fc.string({ unit: 'binary', maxLength: 5 }),
      ),
      { maxLength: 30 },
    )
    .map((p) => p.join(''));

  it('tryParseExpression returns an expression or undefined, never throws', () => {
    fc.assert(
      fc.property(exprish, (src) => {
        const e = tryParseExpression(src);
        return e === undefined || (typeof e === 'object' && typeof e.kind === 'string');
      }),
      RUNS,
    );
  });

  it('extractExpressions finds fenced expressions inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant('${{ '), fc.constant(' }}'), exprish), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        return extractExpressions(text).every((x) => {
          const fenced = text.slice(x.start, x.end);
          return x.start >= 0 && x.end <= text.length && fenced.startsWith('${{') && fenced.endsWith('}}') && fenced.includes(x.body);
        });
      }),
      RUNS,
    );
  });
});

describe('CODEOWNERS', () => {
  it('any text parses to rules, and any path gets owners without throwing', () => {
    const line = fc.oneof(
      fc.constantFrom('*', '/src/', '**/x.ts', 'docs/*', '\\#file', '[abc]', '!neg', '# comment', '@org/team', 'a@b.c', '  ', '\t', '\r'),
      fc.string({ unit: 'binary', maxLength: 12 }),
    );
    const file = fc
      .array(
        fc.array(line, { maxLength: 4 }).map((l) => l.join(' ')),
        { maxLength: 8 },
      )
      .map((ls) => ls.join('\n'));
    fc.assert(
      fc.property(file, fc.string({ maxLength: 30 }), (text, p) => {
        const r = ownersOf(parseCodeowners(text), p);
        return Array.isArray(r.owners) && r.owners.every((o) => typeof o === 'string');
      }),
      RUNS,
    );
  });
});
