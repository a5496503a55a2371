/** Example projects checked out as an adopter's repository would be: a fresh git repository, one commit. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';

function commitAll(dir: string, message: string): string {
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD').trim();
}

function copyExample(name: string, to: string): void {
  cpSync(path.join(REPO_ROOT, 'examples', name), to, { recursive: true });
  rmSync(path.join(to, '.secure-factory'), { recursive: true, force: true });
}

/** All the examples (and the OSV snapshot) side by side in one repository. */
export function exampleCheckout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-e2e-'));
  for (const ex of ['node-service', 'vulnerable-service', 'osv-db']) copyExample(ex, path.join(dir, ex));
  commitAll(dir, 'examples');
  return dir;
}

/** examples/node-service as the root of its own repository, its production policy pinning `builder`. */
export function serviceRepository(builder: string): { dir: string; head: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-service-'));
  copyExample('node-service', dir);
  const policyFile = path.join(dir, '.github', 'secure-factory.yml');
  const require = '    require: [provenance, source, sbom, vulnerabilities, tests]';
  const text = readFileSync(policyFile, 'utf8');
  if (!text.includes(require)) throw new Error(`examples/node-service policy no longer has "${require.trim()}"`);
  writeFileSync(policyFile, text.replace(require, `${require}\n    builder: ${builder}`));
  return { dir, head: commitAll(dir, 'release') };
}
