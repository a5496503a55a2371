/**
 * test/hostile/README.md holds a table of the catalogue by area; this keeps it honest: each row's count
 * is the number of cases in that area, the total row is the sum, and the catalogue holds at least 250.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AREAS } from './cases/types.js';
import { CATALOGUE } from './catalogue.js';

const readme = readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');

function tableCount(area: string): number | undefined {
  const m = new RegExp(`^\\|\\s*${area}\\s*\\|\\s*(\\d+)\\s*\\|`, 'm').exec(readme);
  return m ? Number(m[1]) : undefined;
}

describe('test/hostile/README.md', () => {
  it.each(AREAS.map((a) => [a]))('counts the %s cases', (area) => {
    expect(tableCount(area)).toBe(CATALOGUE.filter((c) => c.area === area).length);
  });
  it('counts them all, at least 250', () => {
    expect(tableCount('total')).toBe(CATALOGUE.length);
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(250);
  });
});
