import { checkLicense } from './licenses.js';

describe('checkLicense', () => {
  const allow = ['MIT', 'Apache-2.0', 'BSD-3-Clause'];
  it.each([
    ['MIT', [], [], true],
    ['MIT', allow, [], true],
    ['(MIT OR GPL-3.0-only)', allow, ['GPL-3.0-only'], true],
    ['(MIT AND GPL-3.0-only)', allow, ['GPL-3.0-only'], false],
    ['GPL-3.0-only', [], ['GPL-3.0-only'], false],
    ['ISC', allow, [], false],
    ['Apache-2.0 WITH LLVM-exception', ['Apache-2.0 WITH LLVM-exception'], [], true],
  ])('%s (allow %j, deny %j) → %s', (expr, a, d, ok) => {
    expect(checkLicense(expr, a, d).ok).toBe(ok);
  });

  it('says why', () => {
    expect(checkLicense('GPL-3.0-only', [], ['GPL-3.0-only'])).toMatchObject({ ok: false, reason: 'denied' });
    expect(checkLicense('ISC', ['MIT'], [])).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(checkLicense(undefined, ['MIT'], [])).toMatchObject({ ok: false, reason: 'unknown' });
    expect(checkLicense('SEE LICENSE IN LICENSE.md', ['MIT'], [])).toMatchObject({ ok: false, reason: 'unknown' });
  });
});
