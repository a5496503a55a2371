/** Copies the example projects into a fresh git repository, as an adopter's checkout would be. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';

export function exampleCheckout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-e2e-'));
  for (const ex of ['node-service', 'vulnerable-service', 'osv-db']) {
    cpSync(path.join(REPO_ROOT, 'examples', ex), path.join(dir, ex), { recursive: true });
    rmSync(path.join(dir, ex, '.secure-factory'), { recursive: true, force: true });
  }
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'examples');
  return dir;
}
