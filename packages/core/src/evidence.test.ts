import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from './errors.js';
import { EvidenceFolder } from './evidence.js';
import { makeStatement, PREDICATE, subjectFor } from './statement.js';

describe('evidence folder', () => {
  it('writes statements atomically and lists them with their bundles', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-ev-'));
    const ev = new EvidenceFolder(dir);
    const st = makeStatement([subjectFor('a', { sha256: 'c'.repeat(64) })], PREDICATE.testResult, { result: 'PASSED', configuration: [] });
    await ev.write('tests', st);
    writeFileSync(path.join(dir, 'tests.sigstore.json'), '{}');
    expect(readdirSync(dir).sort()).toEqual(['tests.intoto.json', 'tests.sigstore.json']);
    const loaded = await ev.load();
    expect(loaded).toHaveLength(1);
    expect(loaded[0]?.bundlePath).toMatch(/tests\.sigstore\.json$/);
    expect(loaded[0]?.statement).toEqual(st);
  });

  it('names the corrupt file and position', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-ev-'));
    writeFileSync(path.join(dir, 'bad.intoto.json'), '{\n  "_type": "x",\n  oops\n}');
    const e = await new EvidenceFolder(dir).load().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).describe()).toMatch(/bad\.intoto\.json:3:\d+: not valid JSON/);
  });

  it('refuses names that would escape the folder', async () => {
    const ev = new EvidenceFolder(mkdtempSync(path.join(tmpdir(), 'sf-ev-')));
    expect(() => ev.pathFor('../x')).toThrow(ConfigurationError);
  });
});
