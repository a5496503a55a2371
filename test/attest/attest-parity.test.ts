/**
 * docs/attest-inputs.md maps every input and output of actions/attest to ours, and stays true: the
 * upstream names below are copied from actions/attest v4.2.2's action.yml (github.com/actions/attest,
 * tag v4.2.2, commit 1e69f48acb82d1966a394da916b4c1698aa569d6); when upstream changes, update them here
 * and the table follows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT } from '../support/shared.js';

const UPSTREAM_VERSION = 'v4.2.2';
const UPSTREAM_INPUTS = [
  'subject-path',
  'subject-digest',
  'subject-name',
  'subject-checksums',
  'subject-version',
  'sbom-path',
  'predicate-type',
  'predicate',
  'predicate-path',
  'push-to-registry',
  'create-storage-record',
  'show-summary',
  'github-token',
];
const UPSTREAM_OUTPUTS = ['bundle-path', 'attestation-id', 'attestation-url', 'storage-record-ids'];

const ours = parseYaml(readFileSync(path.join(REPO_ROOT, 'actions', 'attest', 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
};
const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'attest-inputs.md'), 'utf8');
/** Rows of the mapping table: [kind, upstream name, our name or undefined, how]. */
const rows = [...doc.matchAll(/^\| (input|output) `([\w-]+)` *\| (?:`([\w-]+)`|—) *\| (.+?) *\|$/gm)].map((m) => ({
  kind: m[1] as 'input' | 'output',
  upstream: m[2] as string,
  ours: m[3],
  how: m[4] as string,
}));

describe(`docs/attest-inputs.md against actions/attest ${UPSTREAM_VERSION}`, () => {
  it('names the upstream version it maps', () => {
    expect(doc).toContain(`(${UPSTREAM_VERSION}, \`action.yml\``);
  });

  it('has one row for every upstream input and output, and no other', () => {
    expect(rows.filter((r) => r.kind === 'input').map((r) => r.upstream)).toEqual(UPSTREAM_INPUTS);
    expect(rows.filter((r) => r.kind === 'output').map((r) => r.upstream)).toEqual(UPSTREAM_OUTPUTS);
  });

  it('every name it gives ours exists in our action.yml, as an input or output as upstream has it', () => {
    for (const r of rows.filter((x) => x.ours !== undefined)) {
      const table = r.kind === 'input' ? ours.inputs : ours.outputs;
      expect([r.kind, r.ours, (r.ours as string) in table]).toEqual([r.kind, r.ours, true]);
    }
  });

  it('"same" means the same name, and an unsupported row says so', () => {
    for (const r of rows) {
      if (r.how.startsWith('same')) expect([r.upstream, r.ours]).toEqual([r.upstream, r.upstream]);
      if (r.ours === undefined) expect([r.upstream, r.how]).toEqual([r.upstream, expect.stringMatching(/^not supported/)]);
    }
  });

  it('an upstream name we declare always means the upstream thing (mapped in the table)', () => {
    for (const name of Object.keys(ours.inputs).filter((n) => UPSTREAM_INPUTS.includes(n))) {
      expect([name, rows.find((r) => r.kind === 'input' && r.upstream === name)?.ours]).toEqual([name, name]);
    }
    for (const name of Object.keys(ours.outputs).filter((n) => UPSTREAM_OUTPUTS.includes(n))) {
      expect([name, rows.find((r) => r.kind === 'output' && r.upstream === name)?.ours]).toEqual([name, name]);
    }
  });
});
