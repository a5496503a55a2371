/**
 * osv-scalibr's guided-remediation cases: a real package-lock.json, an OSV database file, and the
 * vulnerable (id, package, version) set upstream expects. The lockfile is read with the project's
 * own parser; the database is opened as an offline OSV database.
 */
import { readLockfile } from '@secure-factory/materials';
import { openOfflineDatabase } from '../../packages/materials/src/osv/index.js';
import { describeShared, readJsonl, sharedPath } from '../support/shared.js';

interface RemediationCase {
  test_file: string;
  lockfile: string;
  osv_db: string;
  expected_vulnerable: { id: string; name: string; version: string }[];
}

describeShared('OSV remediation cases (osv-scalibr guidedremediation)', () => {
  const cases = readJsonl<RemediationCase>('corpora', 'lockfiles', 'osv-vuln-matching', 'remediation-cases.jsonl');

  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases.map((c) => [c.test_file, c] as const))('%s', async (_name, c) => {
    const packages = readLockfile(sharedPath('corpora', 'lockfiles', c.lockfile));
    const db = await openOfflineDatabase(sharedPath('corpora', 'lockfiles', c.osv_db));
    const matches = await db.match(packages);
    const got = matches.map((m) => `${m.id} ${m.package.name}@${m.package.version}`).sort();
    const want = c.expected_vulnerable.map((v) => `${v.id} ${v.name}@${v.version}`).sort();
    expect(got).toEqual(want);
  });
});
