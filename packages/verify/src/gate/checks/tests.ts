/** Tests: the signed test result passed (or warned); a failure may be waived by rule `tests`. */
import type { TestResultPredicate } from '@secure-factory/core';
import { missing, timeLabel, type GateCheck } from './context.js';
import { waive } from './waivers.js';

export const testsCheck: GateCheck = (ctx) => {
  const t = ctx.used.tests;
  if (!ctx.required.has('tests') && !t) return [];
  if (!t) return [missing('tests', 'tests', 'build', 'record the test result in the build stage')];
  const p = t.statement.predicate as Partial<TestResultPredicate>;
  const ok = p.result === 'PASSED' || p.result === 'WARNED';
  return [
    waive(
      {
        id: 'tests',
        title: 'tests',
        stage: 'build',
        status: p.result === 'PASSED' ? 'pass' : ok ? 'warn' : 'fail',
        reason: `${p.result ?? 'no result'}${p.failedTests?.length ? `: ${p.failedTests.length} failed (${p.failedTests.slice(0, 5).join(', ')})` : ''}`,
        evidence: timeLabel(t),
        ...(ok ? {} : { fix: 'fix the failing tests and rebuild' }),
      },
      ctx,
    ),
  ];
};
