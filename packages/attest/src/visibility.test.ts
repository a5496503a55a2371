import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assertPublicCertificateAllowed, decideTransparencyLog, repositoryVisibility } from './visibility.js';

describe('public transparency log decision', () => {
  const PUBLIC = 'https://rekor.sigstore.dev';
  it('auto logs publicly only for a repository known to be public', () => {
    expect(decideTransparencyLog('auto', PUBLIC, 'public').useRekor).toBe(true);
    for (const v of ['private', 'internal', 'unknown'] as const) expect(decideTransparencyLog('auto', PUBLIC, v).useRekor).toBe(false);
    expect(decideTransparencyLog('always', PUBLIC, 'private').useRekor).toBe(true);
    expect(decideTransparencyLog('never', PUBLIC, 'public').useRekor).toBe(false);
    // An operator's own Rekor is not the public log.
    expect(decideTransparencyLog('never', 'https://rekor.internal.example', 'private').useRekor).toBe(true);
  });
  it('reads the visibility from the token claim and the event; the more private answer wins', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-vis-'));
    const event = path.join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { private: true } }));
    expect(await repositoryVisibility({ tokenClaims: { repository_visibility: 'public' }, eventPath: event })).toBe('private');
    writeFileSync(event, JSON.stringify({ repository: { private: false } }));
    expect(await repositoryVisibility({ eventPath: event })).toBe('public');
    expect(await repositoryVisibility({ tokenClaims: { repository_visibility: 'internal' }, eventPath: event })).toBe('internal');
    expect(await repositoryVisibility({})).toBe('unknown');
  });

  it('an event payload that is a FIFO, a link to /dev/zero or out of its folder, or oversized tells nothing, at once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-vis-hostile-'));
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'sf-vis-elsewhere-'));
    writeFileSync(path.join(elsewhere, 'event.json'), JSON.stringify({ repository: { private: false } }));
    const fifo = path.join(dir, 'fifo.json');
    execFileSync('mkfifo', [fifo]);
    const zero = path.join(dir, 'zero.json');
    symlinkSync('/dev/zero', zero);
    const linked = path.join(dir, 'linked.json');
    symlinkSync(path.join(elsewhere, 'event.json'), linked);
    const big = path.join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ repository: { private: false } }));
    truncateSync(big, 64 * 1024 * 1024 + 1);
    const started = Date.now();
    for (const eventPath of [fifo, zero, linked, big]) {
      expect(await repositoryVisibility({ eventPath })).toBe('unknown');
      expect(await repositoryVisibility({ tokenClaims: { repository_visibility: 'private' }, eventPath })).toBe('private');
    }
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('the public-good Fulcio (public CT log) follows the same policy; an own Fulcio is always allowed', () => {
    expect(() => assertPublicCertificateAllowed('auto', 'https://fulcio.sigstore.dev', 'public')).not.toThrow();
    expect(() => assertPublicCertificateAllowed('auto', 'https://fulcio.sigstore.dev', 'private')).toThrow(
      /certificate transparency log.*private/,
    );
    expect(() => assertPublicCertificateAllowed('never', 'https://fulcio.sigstore.dev', 'public')).toThrow(/never/);
    expect(() => assertPublicCertificateAllowed('always', 'https://fulcio.sigstore.dev', 'private')).not.toThrow();
    expect(() => assertPublicCertificateAllowed('never', 'https://fulcio.internal.example', 'private')).not.toThrow();
  });
});
