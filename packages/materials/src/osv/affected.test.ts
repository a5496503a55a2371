import { evaluate, isAffected } from './affected.js';
import type { OsvRecord } from './types.js';

const record = (affected: OsvRecord['affected']): OsvRecord => ({ id: 'TEST-1', modified: '2024-01-01T00:00:00Z', affected });

describe('isAffected', () => {
  it('honours limit events (versions at or above every limit are out)', () => {
    const r = record([
      { package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { limit: '2.0.0' }] }] },
    ]);
    expect(isAffected(r, { ecosystem: 'npm', name: 'a', version: '1.5.0' })).toBe(true);
    expect(isAffected(r, { ecosystem: 'npm', name: 'a', version: '2.0.0' })).toBe(false);
    expect(isAffected(r, { ecosystem: 'npm', name: 'a', version: '0.9.0' })).toBe(false);
    const star = record([
      { package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0.0' }, { limit: '*' }] }] },
    ]);
    expect(isAffected(star, { ecosystem: 'npm', name: 'a', version: '99.0.0' })).toBe(true);
  });

  it('never matches a GIT range by version, but does match its versions list', () => {
    const r = record([
      {
        package: { ecosystem: 'npm', name: 'a' },
        ranges: [{ type: 'GIT', repo: 'https://example.com/a.git', events: [{ introduced: '0' }] }],
        versions: ['1.2.3'],
      },
    ]);
    expect(isAffected(r, { ecosystem: 'npm', name: 'a', version: '1.2.3' })).toBe(true);
    expect(isAffected(r, { ecosystem: 'npm', name: 'a', version: '1.2.4' })).toBe(false);
  });

  it('orders ECOSYSTEM ranges by the ecosystem (PEP 440) and normalises PyPI names (PEP 503)', () => {
    const r = record([
      {
        package: { ecosystem: 'PyPI', name: 'Foo_Bar.baz' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0rc1' }] }],
      },
    ]);
    expect(isAffected(r, { ecosystem: 'PyPI', name: 'foo-bar-baz', version: '2.0b3' })).toBe(true);
    expect(isAffected(r, { ecosystem: 'pypi', name: 'FOO.BAR_BAZ', version: '2.0.dev1' })).toBe(true);
    expect(isAffected(r, { ecosystem: 'PyPI', name: 'foo-bar-baz', version: '2.0' })).toBe(false);
    expect(isAffected(r, { ecosystem: 'PyPI', name: 'foo-bar-bazz', version: '1.0' })).toBe(false);
  });

  it('keeps npm names exact and releases of suffixed ecosystems apart', () => {
    const r = record([{ package: { ecosystem: 'npm', name: 'JSONStream' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }]);
    expect(isAffected(r, { ecosystem: 'npm', name: 'jsonstream', version: '1.0.0' })).toBe(false);
    const deb = record([
      {
        package: { ecosystem: 'Debian:12', name: 'openssl' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u2' }] }],
      },
    ]);
    expect(isAffected(deb, { ecosystem: 'Debian:12', name: 'openssl', version: '3.0.11-1~deb12u1' })).toBe(true);
    expect(isAffected(deb, { ecosystem: 'Debian:11', name: 'openssl', version: '3.0.11-1~deb12u1' })).toBe(false);
    expect(isAffected(deb, { ecosystem: 'Debian', name: 'openssl', version: '3.0.11-1~deb12u1' })).toBe(true);
    expect(isAffected(deb, { ecosystem: 'Debian:12', name: 'openssl', version: '3.0.11-1~deb12u2' })).toBe(false);
  });

  it('accepts purl-type spellings of ecosystems', () => {
    const r = record([
      {
        package: { ecosystem: 'crates.io', name: 'smallvec' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0.6.10' }, { fixed: '0.6.14' }] }],
      },
    ]);
    expect(isAffected(r, { ecosystem: 'cargo', name: 'smallvec', version: '0.6.13' })).toBe(true);
  });

  it('does not throw on a record without affected entries or with odd ranges', () => {
    expect(isAffected({ id: 'X' }, { ecosystem: 'npm', name: 'a', version: '1.0.0' })).toBe(false);
    const odd = {
      id: 'X',
      affected: [{ package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'ECOSYSTEM' }] }],
    } as unknown as OsvRecord;
    expect(isAffected(odd, { ecosystem: 'npm', name: 'a', version: '1.0.0' })).toBe(false);
  });
});

describe('evaluate: fixed versions', () => {
  it('lists the fixes above the installed version in the ranges that contain it, in ecosystem order', () => {
    const r = record([
      {
        package: { ecosystem: 'npm', name: 'a' },
        ranges: [{ type: 'SEMVER', events: [{ fixed: '2.0.5' }, { introduced: '0' }, { fixed: '1.2.3' }, { introduced: '2.0.0' }] }],
      },
      { package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.10.0' }] }] },
      { package: { ecosystem: 'npm', name: 'b' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '9.9.9' }] }] },
    ]);
    expect(evaluate(r, { ecosystem: 'npm', name: 'a', version: '1.0.0' })).toEqual({
      affected: true,
      entries: [0, 1],
      fixedVersions: ['1.2.3', '1.10.0', '2.0.5'],
      uncertain: [],
    });
    expect(evaluate(r, { ecosystem: 'npm', name: 'a', version: '2.0.1' })).toEqual({
      affected: true,
      entries: [0],
      fixedVersions: ['2.0.5'],
      uncertain: [],
    });
    expect(evaluate(r, { ecosystem: 'npm', name: 'a', version: '1.5.0' })).toEqual({
      affected: true,
      entries: [1],
      fixedVersions: ['1.10.0'],
      uncertain: [],
    });
  });
});

describe('evaluate: bounds that do not parse', () => {
  const pypi = (events: Record<string, string>[]): OsvRecord =>
    record([{ package: { ecosystem: 'PyPI', name: 'vulnpkg' }, ranges: [{ type: 'ECOSYSTEM', events }] }]);

  it('a fixed version with a trailing space is "possibly affected", never hidden', () => {
    // PEP 440 sorts "2.0.0 " (not a version) below every release: read literally it would close the range at once.
    const e = evaluate(pypi([{ introduced: '0' }, { fixed: '2.0.0 ' }]), { ecosystem: 'PyPI', name: 'vulnpkg', version: '1.0.0' });
    expect(e.affected).toBe(true);
    expect(e.uncertain).toEqual(['the record\'s fixed version "2.0.0 " is not a PyPI version']);
    expect(e.fixedVersions).toEqual([]);
  });

  it('an unreadable introduced opens the range from the start; the parsed fix still closes it', () => {
    const r = pypi([{ introduced: 'banana' }, { fixed: '2.0.0' }]);
    expect(evaluate(r, { ecosystem: 'PyPI', name: 'vulnpkg', version: '1.0.0' }).uncertain).toHaveLength(1);
    expect(evaluate(r, { ecosystem: 'PyPI', name: 'vulnpkg', version: '2.0.0' }).affected).toBe(false);
  });

  it('a certain match elsewhere in the record makes the verdict certain', () => {
    const r = record([
      { package: { ecosystem: 'npm', name: 'a' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: 'x.y' }] }] },
      { package: { ecosystem: 'npm', name: 'a' }, versions: ['1.0.0'] },
    ]);
    expect(evaluate(r, { ecosystem: 'npm', name: 'a', version: '1.0.0' })).toMatchObject({ affected: true, uncertain: [] });
  });
});
