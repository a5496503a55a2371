import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError, exitCodeFor, MemoryLogger } from '@secure-factory/core';
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

  it('predicate-path and sbom-path: a FIFO, a link to /dev/zero or to a secret, an oversized or non-UTF-8 file is exit 2 naming it, nothing quoted', async () => {
    const SECRET = 'SECRET-predicate-marker';
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'sf-custom-secret-'));
    writeFileSync(path.join(elsewhere, 'token.json'), JSON.stringify({ token: SECRET }));
    const refused = async (p: Promise<unknown>, pattern: RegExp): Promise<void> => {
      const e: unknown = await p.catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ConfigurationError);
      expect(exitCodeFor(e)).toBe(2);
      const text = (e as ConfigurationError).describe();
      expect(text).toMatch(pattern);
      expect(text).not.toContain(SECRET);
    };
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    await refused(customPredicate({ predicateType: 'https://x/y', predicatePath: fifo }), /fifo\.json.*FIFO/s);
    const zero = path.join(dir, 'zero.json');
    symlinkSync('/dev/zero', zero);
    await refused(customPredicate({ sbomPath: zero }), /zero\.json.*outside/s);
    const linked = path.join(dir, 'linked.json');
    symlinkSync(path.join(elsewhere, 'token.json'), linked);
    await refused(customPredicate({ predicateType: 'https://x/y', predicatePath: linked }), /linked\.json.*outside/s);
    const big = file('big.json', '{}');
    truncateSync(big, 16 * 1024 * 1024 + 1);
    await refused(customPredicate({ sbomPath: big }), /big\.json.*sbom-path:.*over the limit.*16 MiB/s);
    const latin1 = path.join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from(`{"a": "caf\xe9 ${SECRET}"}`, 'latin1'));
    await refused(customPredicate({ predicateType: 'https://x/y', predicatePath: latin1 }), /latin1\.json.*not valid UTF-8/s);
    // Broken JSON is placed at line:column, its text (V8 quotes it) never.
    await refused(
      customPredicate({ predicateType: 'https://x/y', predicatePath: file('broken.json', `{"a": ${SECRET}}`) }),
      /broken\.json:1:\d+.*predicate-path is not valid JSON/s,
    );
    await refused(
      customPredicate({ predicateType: 'https://x/y', predicate: `{"a": ${SECRET}}` }),
      /predicate is not JSON: an unexpected character/,
    );
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
