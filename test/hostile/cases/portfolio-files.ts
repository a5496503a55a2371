/**
 * The files the portfolio rescan's jobs hand each other as workflow artifacts (inventory.json and
 * plan.json from the plan job, shard-i-of-n.json from each shard job), altered: `null` where an object
 * belongs, a field of the wrong type, a truncated file holding a secret, a plan naming artefacts the
 * inventory does not hold. Each must end as exit 2 naming the file (was: "Cannot read properties of
 * null", a TypeError deep in the shard or merge — exit 3 — or V8's syntax error quoting the text).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, errorMessage, exitCodeFor, sha256Hex } from '@secure-factory/core';
import { readInventoryAndPlan, readShard } from '@secure-factory/rescan';
import { expectCliRefusal } from './project-files.js';
import { fail, SECRET, type HostileCase } from './types.js';

const INVENTORY = {
  apiVersion: 'secure-factory/portfolio-inventory/v1',
  org: 'acme',
  collectedAt: '2026-12-01T00:00:00Z',
  repositories: [{ repository: 'acme/app', status: 'collected', records: 1 }],
  artefacts: [
    {
      repository: 'acme/app',
      digest: 'a'.repeat(64),
      run: 'https://github.com/acme/app/actions/runs/1',
      environments: [{ environment: 'production', time: '2026-12-01T00:00:00Z' }],
      sbom: true,
      packages: [['npm', 'left-pad', '1.3.0']],
      chain: {},
    },
  ],
  superseded: [],
  problems: [],
};
const plan = (inventoryText: string, shards: unknown = [{ shard: '1/1', artefacts: [0], packages: 1 }]): Record<string, unknown> => ({
  apiVersion: 'secure-factory/portfolio-plan/v1',
  inventory: `sha256:${sha256Hex(inventoryText)}`,
  artefacts: 1,
  packages: 1,
  shards,
});
const SHARD = {
  apiVersion: 'secure-factory/portfolio-shard/v1',
  shard: '1/1',
  inventory: 'sha256:x',
  snapshot: {},
  artefacts: [{ index: 0, repository: 'acme/app', digest: 'a'.repeat(64), packages: 1, matches: [] }],
  packages: 1,
  elapsedMs: 3,
};

async function expectRefused(p: Promise<unknown>, file: string): Promise<void> {
  try {
    await p;
  } catch (e: unknown) {
    if (!(e instanceof ConfigurationError)) fail(`not a ConfigurationError (exit ${exitCodeFor(e)}): ${errorMessage(e)}`);
    const text = `${e.describe()} ${e.hint ?? ''}`;
    if (!text.includes(file)) fail(`the file is not named: ${text}`);
    if (text.includes(SECRET)) fail(`quoted the file: ${text}`);
    return;
  }
  fail('accepted');
}

/** [name, inventory text, plan (given the inventory text)] */
const PAIRS: [string, string, (inv: string) => unknown][] = [
  ['inventory-null', 'null', (inv) => plan(inv)],
  ['inventory-truncated', `{"apiVersion": "secure-factory/portfolio-inventory/v1", "org": "${SECRET}`, (inv) => plan(inv)],
  ['inventory-artefacts-object', JSON.stringify({ ...INVENTORY, artefacts: { 0: INVENTORY.artefacts[0] } }), (inv) => plan(inv)],
  [
    'inventory-packages-not-triples',
    JSON.stringify({ ...INVENTORY, artefacts: [{ ...INVENTORY.artefacts[0], packages: [['npm', 'left-pad']] }] }),
    (inv) => plan(inv),
  ],
  ['plan-null', JSON.stringify(INVENTORY), () => null],
  ['plan-shards-string', JSON.stringify(INVENTORY), (inv) => plan(inv, 'all')],
  ['plan-index-negative', JSON.stringify(INVENTORY), (inv) => plan(inv, [{ shard: '1/1', artefacts: [-1], packages: 1 }])],
  ['plan-index-beyond', JSON.stringify(INVENTORY), (inv) => plan(inv, [{ shard: '1/1', artefacts: [0, 7], packages: 1 }])],
];

const SHARDS: [string, string][] = [
  ['shard-null', 'null'],
  ['shard-matches-missing', JSON.stringify({ ...SHARD, artefacts: [{ ...SHARD.artefacts[0], matches: undefined }] })],
  [
    'shard-match-package-string',
    JSON.stringify({
      ...SHARD,
      artefacts: [
        {
          ...SHARD.artefacts[0],
          matches: [{ advisory: 'GHSA-x', aliases: [], package: 'left-pad', severity: 'high', fixedVersions: [] }],
        },
      ],
    }),
  ],
  ['shard-artefacts-null', JSON.stringify({ ...SHARD, artefacts: null })],
];

export const portfolioFileCases: HostileCase[] = [
  ...PAIRS.map(([name, inventoryText, makePlan]): HostileCase => ({
    id: `evidence/portfolio-${name}`,
    area: 'evidence',
    input: `the portfolio rescan's inventory.json and plan.json: ${name.replace(/-/g, ' ')}`,
    expect: 'exit 2 naming the file, nothing quoted (was: a TypeError deep in the shard job, exit 3)',
    run: async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'sf-hostile-portfolio-'));
      writeFileSync(path.join(dir, 'inventory.json'), inventoryText);
      writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(makePlan(inventoryText)));
      await expectRefused(readInventoryAndPlan(dir), name.startsWith('plan') ? 'plan.json' : 'inventory.json');
    },
  })),
  ...SHARDS.map(([name, text]): HostileCase => ({
    id: `evidence/portfolio-${name}`,
    area: 'evidence',
    input: `a shard job's shard-1-of-1.json: ${name.replace(/-/g, ' ')}`,
    expect: 'exit 2 naming the file (was: a TypeError in the merge, exit 3)',
    run: async () => {
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'sf-hostile-shard-')), 'shard-1-of-1.json');
      writeFileSync(file, text);
      await expectRefused(readShard(file), 'shard-1-of-1.json');
    },
  })),
];

/** A scratch folder with an empty evidence folder `ev/` and a one-record OSV database `db/`. */
function rescanScratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sf-hostile-rescan-'));
  mkdirSync(path.join(dir, 'ev'));
  mkdirSync(path.join(dir, 'db'));
  writeFileSync(
    path.join(dir, 'db', 'a.json'),
    JSON.stringify({
      id: 'GHSA-hhhh-hhhh-hhhh',
      modified: '2026-01-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'npm', name: 'x' }, versions: ['1'] }],
    }),
  );
  return dir;
}

/** `rescan --state PATH` where the state folder is something else (found by a probe of every file option). */
const STATE_PATHS: [string, (file: string) => void][] = [
  ['a regular file', (f) => writeFileSync(f, '{}')],
  ['a FIFO', (f) => execFileSync('mkfifo', [f])],
  ['a link to /dev/null', (f) => symlinkSync('/dev/null', f)],
];

portfolioFileCases.push(
  ...STATE_PATHS.map(([what, make], i): HostileCase => ({
    id: `evidence/rescan-state-not-folder-${i}`,
    area: 'evidence',
    input: `rescan --state naming ${what}`,
    expect: 'exit 2 "the remediation state folder is not a folder" naming it (was: internal error ENOTDIR, exit 3)',
    run: async () => {
      const dir = rescanScratch();
      const state = path.join(dir, 'state');
      make(state);
      await expectCliRefusal(
        ['rescan', '--evidence', path.join(dir, 'ev'), '--osv-db', path.join(dir, 'db'), '--state', state],
        /state.*not a folder/s,
      );
    },
  })),
);

/** Folders the operator names that are not folders (found by the same probe): each was "internal error", exit 3. */
const NOT_FOLDERS: [string, (dir: string, p: string) => string[]][] = [
  ['gate --out', (dir, p) => ['gate', `sha256:${'a'.repeat(64)}`, '--evidence', path.join(dir, 'ev'), '--out', p, '--signer', 'none']],
  ['rescan --evidence', (dir, p) => ['rescan', '--evidence', p, '--osv-db', path.join(dir, 'db')]],
  ['run', (_dir, p) => ['run', p]],
];

portfolioFileCases.push(
  ...NOT_FOLDERS.flatMap(([what, args]): HostileCase[] =>
    (['a regular file', 'a symbolic link loop'] as const).map((shape, i) => ({
      id: `paths/not-a-folder-${what.replace(/\W+/g, '-')}-${i}`,
      area: 'paths',
      input: `${what} naming ${shape}`,
      expect: 'exit 2 naming the path and what is in the way (was: internal error ENOTDIR/EEXIST/ELOOP, exit 3)',
      run: async () => {
        const dir = rescanScratch();
        const p = path.join(dir, 'P');
        if (i === 0) writeFileSync(p, '{}');
        else symlinkSync(p, p);
        await expectCliRefusal(args(dir, p), /P.*(?:a file is|symbolic link loop|not a folder|does not exist)/s);
      },
    })),
  ),
);
