/**
 * The offline OSV database: a folder of records, osv.dev's all.zip, broken records and their errors.
 * Every record written here is first checked against the official OSV JSON Schema.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, MemoryLogger } from '@secure-factory/core';
import { openOfflineDatabase, type OsvRecord } from '../../packages/materials/src/osv/index.js';
import { osvValidator } from '../support/schemas.js';
import { describeShared } from '../support/shared.js';
import { writeZip } from './zip-helper.js';

const lodash: OsvRecord = {
  schema_version: '1.6.0',
  id: 'GHSA-35jh-r3h4-6jhm',
  modified: '2024-03-01T12:00:00Z',
  published: '2021-05-06T16:05:51Z',
  aliases: ['CVE-2021-23337'],
  summary: 'Command Injection in lodash',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    { package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] },
  ],
  references: [{ type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2021-23337' }],
  database_specific: { severity: 'HIGH' },
};
// The same issue as published under its CVE id by another database: must merge into one finding.
const lodashCve: OsvRecord = {
  id: 'CVE-2021-23337',
  modified: '2024-05-01T00:00:00Z',
  aliases: ['GHSA-35jh-r3h4-6jhm'],
  affected: [
    { package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }] },
  ],
};
const minimist: OsvRecord = {
  id: 'GHSA-xvch-5gv4-984h',
  modified: '2023-11-01T00:00:00Z',
  aliases: ['CVE-2021-44906'],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    { package: { ecosystem: 'npm', name: 'minimist' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '0.2.4' }] }] },
    {
      package: { ecosystem: 'npm', name: 'minimist' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { fixed: '1.2.6' }] }],
    },
  ],
};
const django: OsvRecord = {
  id: 'PYSEC-2021-98',
  modified: '2021-06-10T00:00:00Z',
  aliases: ['CVE-2021-33203'],
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'django' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '3.2' }, { fixed: '3.2.4' }] }],
    },
  ],
  database_specific: { severity: 'MODERATE' },
};
const withdrawn: OsvRecord = {
  id: 'GHSA-wwww-wwww-wwww',
  modified: '2022-01-01T00:00:00Z',
  withdrawn: '2022-01-02T00:00:00Z',
  affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }],
};
const broken = {
  id: 'GHSA-bad',
  modified: '2024-01-01T00:00:00Z',
  affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, ranges: [{ type: 'RANGE', events: [{ introduced: '0' }] }] }],
};

const packages = [
  { ecosystem: 'npm', name: 'lodash', version: '4.17.20' },
  { ecosystem: 'npm', name: 'lodash', version: '4.17.21' },
  { ecosystem: 'npm', name: 'minimist', version: '1.2.5' },
  { ecosystem: 'npm', name: 'minimist', version: '0.2.4' },
  { ecosystem: 'PyPI', name: 'Django', version: '3.2.3' },
  { ecosystem: 'npm', name: 'left-pad', version: '1.0.0' },
];

const json = (v: unknown): string => JSON.stringify(v, null, 2);

describeShared('openOfflineDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'osv-db-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes only records that the official OSV schema accepts', () => {
    const validate = osvValidator();
    for (const r of [lodash, lodashCve, minimist, django, withdrawn]) expect([r.id, validate(r)]).toEqual([r.id, []]);
    expect(validate(broken)).not.toEqual([]);
  });

  it('reads a folder of records recursively and matches, merging aliases into one finding', async () => {
    mkdirSync(path.join(dir, 'npm', 'nested'), { recursive: true });
    mkdirSync(path.join(dir, 'PyPI'));
    writeFileSync(path.join(dir, 'npm', `${lodash.id}.json`), json(lodash));
    writeFileSync(path.join(dir, 'npm', 'nested', 'more.json'), json([lodashCve, withdrawn]));
    writeFileSync(path.join(dir, 'npm', 'minimist.json'), json({ vulns: [minimist] }));
    writeFileSync(path.join(dir, 'PyPI', 'PYSEC-2021-98.json'), json(django));
    writeFileSync(path.join(dir, 'README.md'), 'not a record');
    const db = await openOfflineDatabase(dir);
    expect(db.recordCount).toBe(5);
    const matches = await db.match(packages);
    expect(matches.map((m) => [m.id, m.package.name, m.package.version, m.severity, m.fixedVersions])).toEqual([
      ['PYSEC-2021-98', 'Django', '3.2.3', 'medium', ['3.2.4']],
      ['GHSA-35jh-r3h4-6jhm', 'lodash', '4.17.20', 'high', ['4.17.21']],
      ['GHSA-xvch-5gv4-984h', 'minimist', '1.2.5', 'critical', ['1.2.6']],
    ]);
    const lodashMatch = matches[1];
    expect(lodashMatch).toMatchObject({
      aliases: ['CVE-2021-23337'],
      score: '7.2',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
      summary: 'Command Injection in lodash',
      modified: '2024-05-01T00:00:00Z',
      published: '2021-05-06T16:05:51Z',
      references: ['https://nvd.nist.gov/vuln/detail/CVE-2021-23337'],
    });
    const d = db.describe();
    expect(d.uri).toBe(`file://${dir}`);
    expect(d.lastUpdate).toBe('2024-05-01T00:00:00.000Z');
    expect(d.version).toMatch(/^sha256:[0-9a-f]{64}$/);
    // The digest names the content: the same files give the same version, a change another.
    expect((await openOfflineDatabase(dir)).describe().version).toBe(d.version);
    writeFileSync(path.join(dir, 'PyPI', 'PYSEC-2021-98.json'), json({ ...django, modified: '2021-06-11T00:00:00Z' }));
    expect((await openOfflineDatabase(dir)).describe().version).not.toBe(d.version);
  });

  it("reads osv.dev's per-ecosystem all.zip, in a folder or given directly", async () => {
    writeZip(path.join(dir, 'npm-all.zip'), {
      [`${lodash.id}.json`]: json(lodash),
      [`${minimist.id}.json`]: json(minimist),
      'CVE-2021-23337.json': json(lodashCve),
    });
    mkdirSync(path.join(dir, 'pypi'));
    writeZip(path.join(dir, 'pypi', 'all.zip'), { 'PYSEC-2021-98.json': json(django) });
    const folder = await openOfflineDatabase(dir);
    expect(folder.recordCount).toBe(4);
    expect((await folder.match(packages)).map((m) => m.id)).toEqual(['PYSEC-2021-98', 'GHSA-35jh-r3h4-6jhm', 'GHSA-xvch-5gv4-984h']);
    const single = await openOfflineDatabase(path.join(dir, 'npm-all.zip'));
    expect(single.recordCount).toBe(3);
    expect(single.describe().uri).toBe(`file://${dir}/npm-all.zip`);
    expect((await single.match(packages)).map((m) => m.id)).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-xvch-5gv4-984h']);
  });

  it('reads the same records when streaming a zip too large to hold in memory', async () => {
    const zip = path.join(dir, 'all.zip');
    writeZip(zip, { [`${lodash.id}.json`]: json(lodash), 'docs/': '', [`${minimist.id}.json`]: json(minimist) });
    const inMemory = await openOfflineDatabase(zip);
    const streamed = await openOfflineDatabase(zip, { inMemoryZipBytes: 0 });
    expect(streamed.recordCount).toBe(2);
    expect(await streamed.match(packages)).toEqual(await inMemory.match(packages));
    expect(streamed.describe()).toEqual(inMemory.describe());
  });

  it('keeps one copy of a record found twice: the newer', async () => {
    writeZip(path.join(dir, 'all.zip'), { [`${minimist.id}.json`]: json(minimist) });
    const fixedLater = { ...minimist, modified: '2025-01-01T00:00:00Z', summary: 'newer copy' };
    writeFileSync(path.join(dir, `${minimist.id}.json`), json(fixedLater));
    const db = await openOfflineDatabase(dir);
    expect([db.recordCount, db.duplicates]).toEqual([1, 1]);
    const matches = await db.match(packages);
    expect(matches.map((m) => [m.id, m.summary])).toEqual([['GHSA-xvch-5gv4-984h', 'newer copy']]);
  });

  it('refuses an entry whose bytes fail their CRC-32, naming the entry', async () => {
    const zip = path.join(dir, 'all.zip');
    writeZip(zip, { [`${lodash.id}.json`]: json(lodash) }, { stored: true });
    const bytes = readFileSync(zip);
    const at = bytes.indexOf('Command Injection');
    bytes[at] = 'c'.charCodeAt(0);
    writeFileSync(zip, bytes);
    await expect(openOfflineDatabase(zip)).rejects.toMatchObject({
      message: 'cannot read the zip archive: the entry fails its CRC-32 check',
      location: { file: `${zip}!${lodash.id}.json` },
    });
  });

  it('skips a broken record inside a zip with a warning naming it, or fails when asked to', async () => {
    const zip = path.join(dir, 'all.zip');
    writeZip(zip, { 'GHSA-bad.json': json(broken), 'garbage.json': '{"id": ', [`${minimist.id}.json`]: json(minimist) });
    const logger = new MemoryLogger();
    const db = await openOfflineDatabase(zip, { logger });
    expect(db.recordCount).toBe(1);
    expect(db.skipped.map((s) => s.source)).toEqual([`${zip}!GHSA-bad.json`, `${zip}!garbage.json`]);
    expect(db.skipped[0]?.problems).toEqual(['affected[0].ranges[0].type: must be one of ECOSYSTEM, SEMVER, GIT (got "RANGE")']);
    expect(logger.text()).toContain('skipped GHSA-bad.json: not a valid OSV record');
    expect(logger.text()).toContain('2 OSV record(s) in zip archives were skipped');
    const strict = openOfflineDatabase(zip, { invalidInZip: 'error' });
    await expect(strict).rejects.toBeInstanceOf(ConfigurationError);
    await expect(strict).rejects.toMatchObject({ location: { file: `${zip}!GHSA-bad.json` } });
  });

  it('rejects a broken record in a folder with a ConfigurationError naming the file and line', async () => {
    writeFileSync(path.join(dir, 'ok.json'), json(minimist));
    const file = path.join(dir, 'records.json');
    writeFileSync(file, json([lodash, broken]));
    const err: unknown = await openOfflineDatabase(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    const e = err as ConfigurationError;
    expect(e.location?.file).toBe(file);
    expect(e.location?.line).toBe(
      json([lodash, broken])
        .split('\n')
        .findIndex((l) => l.includes('"GHSA-bad"')) + 1,
    );
    expect(e.message).toBe(
      'not a valid OSV record (record 2 of 2): affected[0].ranges[0].type: must be one of ECOSYSTEM, SEMVER, GIT (got "RANGE")',
    );
  });

  it.each([
    ['no id', { modified: '2024-01-01T00:00:00Z' }, 'id: must be a non-empty string'],
    [
      'ranges not a list',
      { id: 'X', affected: [{ package: { ecosystem: 'npm', name: 'a' }, ranges: {} }] },
      'affected[0].ranges: must be a list',
    ],
    [
      'event with two kinds',
      { id: 'X', affected: [{ ranges: [{ type: 'SEMVER', events: [{ introduced: '0', fixed: '1' }] }] }] },
      'exactly one of',
    ],
    [
      'no introduced',
      { id: 'X', affected: [{ ranges: [{ type: 'SEMVER', events: [{ fixed: '1' }] }] }] },
      'must contain an "introduced" event',
    ],
    [
      'versions not strings',
      { id: 'X', affected: [{ package: { ecosystem: 'npm', name: 'a' }, versions: [1] }] },
      'affected[0].versions: must be a list of strings',
    ],
    ['not an object', 'hello', 'must be a JSON object'],
  ])('reports %s', async (_name, record, problem) => {
    writeFileSync(path.join(dir, 'r.json'), JSON.stringify(record));
    await expect(openOfflineDatabase(dir)).rejects.toThrow(problem);
  });

  it('names the file, line and column of JSON that does not parse', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, '{\n  "id": "X",\n  "affected" []\n}');
    await expect(openOfflineDatabase(dir)).rejects.toMatchObject({ location: { file, line: 3, column: 14 } });
  });

  it('fails clearly on a missing path, an empty folder and a corrupt zip', async () => {
    await expect(openOfflineDatabase(path.join(dir, 'nope'))).rejects.toThrow('the OSV database does not exist');
    await expect(openOfflineDatabase(dir)).rejects.toThrow('holds no .json or .zip files');
    const zip = path.join(dir, 'all.zip');
    writeFileSync(zip, 'PK\u0003\u0004 this is not really a zip');
    await expect(openOfflineDatabase(zip)).rejects.toMatchObject({ location: { file: zip } });
    await expect(openOfflineDatabase(zip)).rejects.toThrow('not a readable zip archive');
  });
});
