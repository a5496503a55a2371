import { ConfigurationError } from '../errors.js';
import { defaultPolicy, isExpired, parsePolicy } from './load.js';

const now = new Date('2026-11-25T00:00:00Z');
function err(text: string): ConfigurationError {
  try {
    parsePolicy(text, '.github/secure-factory.yml', { now });
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error('expected a ConfigurationError');
}

describe('policy file', () => {
  it('fills safe defaults', () => {
    const p = defaultPolicy();
    expect(p.sourceCheck.signedCommits).toBe('all');
    expect(p.materials.blockSeverity).toBe('critical');
    expect(p.build.network).toBe('none');
    expect(p.materials.actions.pinned).toBe('sha');
  });

  it('reads the example from the design', () => {
    const p = parsePolicy(
      `apiVersion: secure-factory/v1
source:    { signed-commits: all, signers: [ { ssh: 'ssh-ed25519 AAAA alice' } ], reviews: { approvals: 1 } }
materials: { block-severity: high, licenses: { allow: [MIT, Apache-2.0] },
             images: { registries: [ghcr.io/acme], pinned: digest } }
build:     { network: none, reproducible: true }
deploy:
  production: { require: [provenance, source, sbom, vulnerabilities, tests], max-scan-age: 24h, refs: ['refs/tags/v*'] }
exceptions:
  - { advisory: GHSA-xxxx-xxxx-xxxx, reason: 'not reachable', approver: bob, expires: 2026-12-15 }
`,
      'p.yml',
      { now },
    );
    expect(p.materials.blockSeverity).toBe('high');
    expect(p.deploy.production?.maxScanAgeMs).toBe(24 * 3600 * 1000);
    expect(p.deploy.production?.registries).toEqual(['ghcr.io/acme']);
    expect(p.exceptions[0]?.approver).toBe('bob');
    expect(p.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the line and column of a typo and suggests the key', () => {
    const e = err('apiVersion: secure-factory/v1\nmaterials:\n  block-severty: high\n');
    expect(e.location).toEqual({ file: '.github/secure-factory.yml', line: 3, column: 3 });
    expect(e.describe()).toMatch(/unknown key "block-severty".*did you mean "block-severity"/);
  });

  it('lists the allowed values of an enum', () => {
    const e = err('apiVersion: secure-factory/v1\nbuild:\n  network: open\n');
    expect(e.location?.line).toBe(3);
    expect(e.describe()).toMatch(/allowed values: none, fetch-only/);
  });

  it('refuses an unknown apiVersion, a wrong type, bad YAML and an empty file', () => {
    expect(err('apiVersion: secure-factory/v2\n').describe()).toMatch(/apiVersion must be "secure-factory\/v1"/);
    expect(err('apiVersion: secure-factory/v1\nbuild:\n  reproducible: "yes"\n').describe()).toMatch(/:3:.*must be boolean/);
    expect(err('apiVersion: secure-factory/v1\nbuild: [\n').describe()).toMatch(/not valid YAML/);
    expect(err('').describe()).toMatch(/empty/);
    expect(err('build: {}\n').describe()).toMatch(/missing the required key "apiVersion"/);
  });

  it('bounds alias expansion (billion laughs)', () => {
    const lol = ['apiVersion: secure-factory/v1', 'a: &a [x,x,x,x,x,x,x,x,x,x]'];
    for (let i = 0; i < 8; i++)
      lol.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    expect(err(lol.join('\n')).describe()).toMatch(/alias|cannot be read|unknown key/i);
  });

  it('compiles CEL rules at load time', () => {
    const e = err('apiVersion: secure-factory/v1\ndeploy:\n  prod:\n    rules:\n      - name: broken\n        expression: "a &&"\n');
    expect(e.describe()).toMatch(/CEL rule "broken" does not compile/);
    expect(e.location?.line).toBe(6);
  });

  it('refuses a waiver without expiry or beyond the maximum', () => {
    expect(err('apiVersion: secure-factory/v1\nexceptions:\n  - { advisory: GHSA-1, reason: r, approver: a }\n').describe()).toMatch(
      /missing the required key "expires"/,
    );
    expect(
      err('apiVersion: secure-factory/v1\nexceptions:\n  - { advisory: GHSA-1, reason: r, approver: a, expires: 2028-01-01 }\n').describe(),
    ).toMatch(/more than 90 days/);
  });

  it('tells whether a waiver expired at the end of its day', () => {
    expect(isExpired('2026-11-24', now)).toBe(true);
    expect(isExpired('2026-11-25', now)).toBe(false);
  });
});

describe('finding the project policy', () => {
  it('treats the default path as optional and any other path as required', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { loadPolicy, policyFileInput, DEFAULT_POLICY_SOURCE } = await import('./load.js');
    expect(policyFileInput('.github/secure-factory.yml')).toBeUndefined();
    expect(policyFileInput('')).toBeUndefined();
    expect(policyFileInput('policies/prod.yml')).toBe('policies/prod.yml');
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-policy-'));
    expect((await loadPolicy(undefined, { dir })).source.file).toBe(DEFAULT_POLICY_SOURCE);
    mkdirSync(path.join(dir, '.github'));
    writeFileSync(path.join(dir, '.github', 'secure-factory.yml'), 'apiVersion: secure-factory/v1\nbuild: { network: fetch-only }\n');
    const found = await loadPolicy(undefined, { dir });
    expect(found.build.network).toBe('fetch-only');
    expect(found.source.file).toBe(path.join(dir, '.github', 'secure-factory.yml'));
    await expect(loadPolicy(path.join(dir, 'missing.yml'), { dir })).rejects.toThrow(/cannot read the policy file/);
  });
});

describe('materials.ignore globs', () => {
  it('are compiled at load time: a glob the matcher refuses names the policy line', () => {
    const policy = (glob: string): string => `apiVersion: secure-factory/v1\nmaterials:\n  ignore:\n    - vendor/**\n    - '${glob}'\n`;
    expect(parsePolicy(policy('test/fixtures/**'), 'p.yml').materials.ignore).toEqual(['vendor/**', 'test/fixtures/**']);
    for (const [glob, reason] of [
      ['!vendor/**', /materials\.ignore\[1\]: .*negation/],
      ['dist/@(a|b)', /materials\.ignore\[1\]: .*extglob/],
      ['{1..5000}', /materials\.ignore\[1\]: .*more than 256/],
    ] as const) {
      let thrown: unknown;
      try {
        parsePolicy(policy(glob), 'p.yml');
      } catch (e: unknown) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ConfigurationError);
      expect((thrown as ConfigurationError).message).toMatch(reason);
      expect((thrown as ConfigurationError).location).toMatchObject({ file: 'p.yml', line: 5 });
    }
  });
});
