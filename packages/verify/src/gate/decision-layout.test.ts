/**
 * The job summary's layout and bounds, line by line. The blank lines matter: in GitHub Markdown a line
 * right after a `>` quote is read into the quote, and a line right after a table becomes a table row,
 * so every block must end with one. Also: the VSA of a log without artefacts, `--explain` without an
 * error, and the cut of a summary at its byte limit.
 */
import { stageMermaid } from '@secure-factory/core';
import {
  DECISION_API_VERSION,
  renderExplain,
  renderSummary,
  runStageStates,
  SUMMARY_LIMIT_BYTES,
  vsaStatement,
  type DecisionLog,
} from './decision.js';
import { artefact, decisionCheck as check, decisionLog as log, DIGEST as A, OTHER as B, refusedByRules } from './__tests__/fixtures.js';

const FOOTER = '_2026-11-25 12:00 UTC · policy `p.yml` sha256:eeee…eeee · 0 input bundle(s)_';
const LINE_LIMIT = SUMMARY_LIMIT_BYTES - 1024;

const bytes = (s: string): number => Buffer.byteLength(s);

describe('decision log format', () => {
  it('is versioned secure-factory/gate-decision/v1', () => {
    expect(DECISION_API_VERSION).toBe('secure-factory/gate-decision/v1');
  });
});

describe('vsaStatement without artefacts', () => {
  it('claims no level and names no resource, whatever the allowed flag says', () => {
    for (const allowed of [true, false]) {
      const p = vsaStatement(log([], { allowed })).predicate;
      expect(p.resourceUri).toBe('unknown');
      expect(p.verifiedLevels).toEqual(allowed ? [] : ['FAILED']);
      expect(p.inputAttestations).toEqual([]);
    }
    expect(vsaStatement(log([], { allowed: true })).subject).toEqual([]);
  });
});

describe('renderSummary layout', () => {
  const one = log(
    [
      artefact(A, false, {
        checks: [check('sig', 'attest', 'pass'), check('tests', 'attest', 'skip'), check('builder', 'build', 'fail', { fix: 'pin it' })],
      }),
    ],
    { error: { code: 'INTERNAL', message: 'boom' } },
  );

  it('one unnamed artefact: verdict, error, chain and table each end with a blank line; icons per status', () => {
    expect(renderSummary(one).split('\n')).toEqual([
      '> **secure-factory gate — prod: refused** · sha256:aaaa…aaaa',
      '',
      '❌ the gate could not decide: boom',
      '',
      'source ⚪ → materials ⚪ → build ❌ → attest ✅ → gate ❌',
      '',
      '| check | result | evidence | what to do |',
      '| --- | --- | --- | --- |',
      '| sig | ✅ sig is pass |  | — |',
      '| tests | ⚪ tests is skip |  | — |',
      '| builder | ❌ builder is fail |  | pin it |',
      '',
      FOOTER,
    ]);
  });

  it('the mermaid chart only when asked for, as its own block', () => {
    const lines = renderSummary(one, { mermaid: true }).split('\n');
    const chart = stageMermaid(runStageStates(one)).split('\n');
    expect(lines.slice(4, 6 + chart.length + 1)).toEqual(['source ⚪ → materials ⚪ → build ❌ → attest ✅ → gate ❌', '', ...chart, '']);
    expect(lines[6 + chart.length]).toBe('');
    expect(lines[6 + chart.length + 1]).toBe('| check | result | evidence | what to do |');
    expect(renderSummary(one)).not.toContain('```mermaid');
  });

  it('many admitted artefacts: no "what blocks" section, every shared level listed, each block closed', () => {
    const levels = ['SLSA_BUILD_LEVEL_3', 'SLSA_SOURCE_LEVEL_2'];
    const l = log([
      artefact(A, true, { name: 'a.tgz', verifiedLevels: levels, checks: [check('sig', 'attest', 'pass')] }),
      artefact(B, true, { verifiedLevels: [...levels, 'SLSA_SOURCE_LEVEL_3'] }),
    ]);
    expect(renderSummary(l).split('\n')).toEqual([
      '> **secure-factory gate — prod: admitted** · 2 artefact(s)',
      '',
      'source ⚪ → materials ⚪ → build ⚪ → attest ✅ → gate ✅',
      '',
      '| artefact | sha256 | verdict | blocked by |',
      '| --- | --- | --- | --- |',
      '| `a.tgz` | `aaaa…aaaa` | ✅ admitted | — |',
      '| — | `bbbb…bbbb` | ✅ admitted | — |',
      '',
      'Verified levels: `SLSA_BUILD_LEVEL_3`, `SLSA_SOURCE_LEVEL_2`',
      '',
      FOOTER,
    ]);
  });

  it('"what blocks" lists failing checks only, and is closed by a blank line', () => {
    const l = log([
      artefact(A, false, { checks: [check('sig', 'attest', 'pass'), check('builder', 'build', 'fail', { fix: 'pin it' })] }),
      artefact(B, false, { checks: [check('sbom', 'materials', 'warn'), check('builder', 'build', 'fail', { fix: 'pin it' })] }),
    ]);
    const lines = renderSummary(l).split('\n');
    const at = lines.indexOf('**What blocks**');
    expect(lines.slice(at)).toEqual(['**What blocks**', '', '- **build** · builder: builder is fail (2 artefacts) → pin it', '', FOOTER]);
  });

  it('no artefacts at all: a verdict and a chain, but no table, no levels and no "what blocks"', () => {
    for (const allowed of [true, false]) {
      expect(renderSummary(log([], { allowed })).split('\n')).toEqual([
        `> **secure-factory gate — prod: ${allowed ? 'admitted' : 'refused'}** · 0 artefact(s)`,
        '',
        'source ⚪ → materials ⚪ → build ⚪ → attest ⚪ → gate ' + (allowed ? '⚪' : '❌'),
        '',
        FOOTER,
      ]);
    }
  });

  it('rows are capped only when there are more artefacts than the limit; the note is its own block', () => {
    const l = log([artefact(A, false), artefact(B, true), artefact('c'.repeat(64), false)]);
    expect(renderSummary(l, { limit: 3 })).not.toContain('…and');
    expect(renderSummary(l, { limit: 4 })).not.toContain('…and');
    const lines = renderSummary(l, { limit: 2 }).split('\n');
    const at = lines.indexOf('_…and 1 more artefact(s) (2 refused in all); every one is in the decision log._');
    expect(lines.slice(at - 2, at + 2)).toEqual(['| — | `bbbb…bbbb` | ✅ admitted | — |', '', lines[at], '']);
  });

  it('exactly 20 distinct blocking checks are all listed, without an "and more" line', () => {
    const out = renderSummary(log(refusedByRules(20)));
    expect(out).toContain('- **gate** · rule:r19: rule:r19 is fail\n\n');
    expect(out).not.toContain('more; see the decision log');
  });

  it('a reason of exactly the cell width is shown whole; one character more is cut', () => {
    const at = (n: number): string =>
      renderSummary(log([artefact(A, false, { checks: [check('r', 'gate', 'fail', { reason: 'y'.repeat(n) })] })]));
    expect(at(160)).toContain(`| ❌ ${'y'.repeat(160)} |`);
    expect(at(161)).toContain(`| ❌ ${'y'.repeat(159)}… |`);
  });
});

describe('renderSummary at its byte limit', () => {
  /** One refused artefact whose check titles (never cut) make the summary as long as wanted. */
  const withTitles = (titles: string[]): DecisionLog =>
    log([artefact(A, false, { checks: titles.map((t, i) => check(`c${i}`, 'gate', 'fail', { title: t, reason: 'r' })) })]);

  it('a summary of exactly the limit is returned whole', () => {
    const short = renderSummary(withTitles(['t']));
    const l = withTitles(['t'.repeat(1 + SUMMARY_LIMIT_BYTES - bytes(short))]);
    const out = renderSummary(l);
    expect(bytes(out)).toBe(SUMMARY_LIMIT_BYTES);
    expect(out).not.toContain('The summary is cut');
    expect(out.split('\n').at(-1)).toBe(FOOTER);
  });

  it('one byte over: whole lines are kept from the top, then the note (without a decision log path when none was given)', () => {
    const short = renderSummary(withTitles(['t']));
    const out = renderSummary(withTitles(['t'.repeat(2 + SUMMARY_LIMIT_BYTES - bytes(short))]));
    expect(bytes(out)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    // The long row no longer fits: what is left is the head, line for line, and the note.
    expect(out.split('\n')).toEqual([
      '> **secure-factory gate — prod: refused** · sha256:aaaa…aaaa',
      '',
      'source ⚪ → materials ⚪ → build ⚪ → attest ⚪ → gate ❌',
      '',
      '| check | result | evidence | what to do |',
      '| --- | --- | --- | --- |',
      '',
      '_The summary is cut at 64 KiB; the decision log has every artefact and check._',
    ]);
  });

  it('a line ending exactly at the cut bound is kept, the next one is not', () => {
    const head = renderSummary(withTitles([])).split('\n').slice(0, 6);
    const headBytes = head.reduce((n, line) => n + bytes(line) + 1, 0);
    const row = (title: string): string => `| ${title} | ❌ r |  | — |`;
    // Rows of 1000-character titles up to the bound, the last padded to end exactly on it, then more rows.
    const full = bytes(row('t'.repeat(1000))) + 1;
    const fit = Math.floor((LINE_LIMIT - headBytes) / full);
    const titles = Array.from({ length: fit + 5 }, (_, i) => `${i}`.padEnd(1000, 't'));
    titles[fit - 1] = `${titles[fit - 1] ?? ''}${'p'.repeat(LINE_LIMIT - headBytes - fit * full)}`;
    const out = renderSummary(withTitles(titles)).split('\n');
    const kept = out.slice(0, -2);
    expect(kept.slice(0, 6)).toEqual(head);
    expect(kept.reduce((n, line) => n + bytes(line) + 1, 0)).toBe(LINE_LIMIT);
    expect(kept).toHaveLength(6 + fit);
    expect(kept.at(-1)).toBe(row(titles[fit - 1] ?? ''));
    expect(out.at(-2)).toBe('');
    expect(out.at(-1)).toBe('_The summary is cut at 64 KiB; the decision log has every artefact and check._');
  });
});

describe('renderExplain without an error', () => {
  it('starts with the first artefact, with no error line', () => {
    expect(renderExplain(log([artefact(A, true, { name: 'app.tgz' })])).split('\n')).toEqual([
      `ADMITTED app.tgz sha256:${A} for prod`,
      '  source ⚪ → materials ⚪ → build ⚪ → attest ⚪ → gate ✅',
    ]);
  });
});
