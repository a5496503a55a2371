import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryLogger } from '@secure-factory/core';
import { attestEvidence } from './attest.js';
import { customPredicate } from './custom-predicate.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sf-custom-'));
const file = (name: string, text: string): string => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('custom predicates, as actions/attest takes them', () => {
  it('predicate-type with predicate or predicate-path', async () => {
    await expect(customPredicate({ predicateType: 'https://example.com/p/v1', predicate: '{"a":1}' })).resolves.toEqual({
      name: 'predicate',
      predicateType: 'https://example.com/p/v1',
      predicate: { a: 1 },
    });
    const p = file('p.json', '{"b":2}');
    await expect(customPredicate({ predicateType: 'https://example.com/p/v1', predicatePath: p })).resolves.toMatchObject({
      predicate: { b: 2 },
    });
    await expect(customPredicate({})).resolves.toBeUndefined();
  });

  it('refuses what actions/attest refuses, naming the input', async () => {
    await expect(customPredicate({ predicate: '{}' })).rejects.toThrow(/need predicate-type/);
    await expect(customPredicate({ predicateType: 'https://x/y', predicate: '{}', predicatePath: 'p' })).rejects.toThrow(
      /exactly one of predicate or predicate-path/,
    );
    await expect(customPredicate({ predicateType: 'https://x/y' })).rejects.toThrow(/exactly one/);
    await expect(customPredicate({ predicateType: 'https://x/y', predicate: 'not json' })).rejects.toThrow(/predicate is not JSON/);
    await expect(customPredicate({ predicateType: 'https://x/y', predicatePath: path.join(dir, 'missing.json') })).rejects.toThrow(
      /predicate-path: the file does not exist/,
    );
    await expect(customPredicate({ predicateType: 'not a uri', predicate: '{}' })).rejects.toThrow(/is not a URI/);
    await expect(customPredicate({ sbomPath: 'x', predicateType: 'https://x/y' })).rejects.toThrow(/sbom-path cannot be used together/);
  });

  it('sbom-path: SPDX gets its version’s document type, CycloneDX the bom type, anything else is refused', async () => {
    const spdx = file('spdx.json', JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'x' }));
    await expect(customPredicate({ sbomPath: spdx })).resolves.toMatchObject({
      name: 'sbom',
      predicateType: 'https://spdx.dev/Document/v2.3',
    });
    const cdx = file(
      'cdx.json',
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79' }),
    );
    await expect(customPredicate({ sbomPath: cdx })).resolves.toMatchObject({ predicateType: 'https://cyclonedx.org/bom' });
    await expect(customPredicate({ sbomPath: file('other.json', '{"hello":1}') })).rejects.toThrow(/unsupported SBOM format/);
  });

  it('attest signs exactly that one statement for the subjects, leaving the evidence folder alone', async () => {
    const evidence = path.join(dir, 'evidence');
    file('app.tgz', 'app\n');
    const custom = await customPredicate({ predicateType: 'https://example.com/p/v1', predicate: '{"ok":true}' });
    const r = await attestEvidence({
      evidenceDir: evidence,
      subjects: { paths: ['app.tgz'], cwd: dir },
      signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never', env: {} },
      custom,
      logger: new MemoryLogger(),
    });
    expect(r.signed.map((s) => [s.name, s.predicateType, s.subjects])).toEqual([['predicate', 'https://example.com/p/v1', 1]]);
    const statement = JSON.parse(readFileSync(r.signed[0]?.statementPath ?? '', 'utf8')) as {
      predicate: unknown;
      subject: { name: string }[];
    };
    expect(statement.predicate).toEqual({ ok: true });
    expect(statement.subject[0]?.name).toBe('app.tgz');
    await expect(
      attestEvidence({
        evidenceDir: evidence,
        subjects: {},
        signer: { kind: 'ephemeral', services: {}, transparencyLog: 'never', env: {} },
        custom,
        logger: new MemoryLogger(),
      }),
    ).rejects.toThrow(/needs a subject/);
  });
});
