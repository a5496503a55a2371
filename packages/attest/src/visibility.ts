/**
 * Whether this run may write to the public-good Rekor. A public transparency log is public forever:
 * a private repository's name, workflow and commit would be published. Policy
 * `attest.public-transparency-log`: `always`, `never`, or `auto` (only when the repository is known to
 * be public). A Rekor that is not the public-good instance is the operator's own and always allowed.
 */
import { ConfigurationError, readEventPayload } from '@secure-factory/core';
import { isPublicGoodFulcio, isPublicGoodRekor } from './services.js';

export type TransparencyLogPolicy = 'auto' | 'always' | 'never';
export type Visibility = 'public' | 'private' | 'internal' | 'unknown';

/**
 * From the OIDC claim `repository_visibility` and the event payload's `repository.private` /
 * `visibility`. When they disagree the more private answer wins: publishing is irreversible.
 */
export async function repositoryVisibility(options: {
  tokenClaims?: Record<string, unknown>;
  eventPath?: string | undefined;
}): Promise<Visibility> {
  const seen: Visibility[] = [];
  const claim = options.tokenClaims?.repository_visibility;
  if (claim === 'public' || claim === 'private' || claim === 'internal') seen.push(claim);
  if (options.eventPath) {
    // Core's safe reader: a FIFO, a device, a link leaving its folder or an oversized payload is no
    // answer (a plain read blocked forever on a FIFO and read /dev/zero until memory ran out); the token
    // claim (or "unknown") then decides.
    const repository = readEventPayload(options.eventPath)?.repository as { private?: unknown; visibility?: unknown } | undefined;
    const v = repository?.visibility;
    if (v === 'public' || v === 'private' || v === 'internal') seen.push(v);
    if (repository?.private === true) seen.push('private');
    if (repository?.private === false) seen.push('public');
  }
  if (seen.includes('private')) return 'private';
  if (seen.includes('internal')) return 'internal';
  return seen.includes('public') ? 'public' : 'unknown';
}

export interface LogDecision {
  useRekor: boolean;
  reason: string;
}

export function decideTransparencyLog(policy: TransparencyLogPolicy, rekorUrl: string | undefined, visibility: Visibility): LogDecision {
  if (!rekorUrl) return { useRekor: false, reason: 'no Rekor configured' };
  if (!isPublicGoodRekor(rekorUrl)) return { useRekor: true, reason: `Rekor ${rekorUrl} is not the public-good log` };
  switch (policy) {
    case 'always':
      return { useRekor: true, reason: 'policy attest.public-transparency-log: always' };
    case 'never':
      return { useRekor: false, reason: 'policy attest.public-transparency-log: never' };
    case 'auto':
      return visibility === 'public'
        ? { useRekor: true, reason: 'the repository is public' }
        : {
            useRekor: false,
            reason: `the repository is ${visibility === 'unknown' ? 'of unknown visibility' : visibility}, so it stays off the public log`,
          };
  }
}

/** Keyless without any witness cannot be verified later: say what to configure. */
export function assertWitnessAvailable(decision: LogDecision, tsaUrl: string | undefined): void {
  if (decision.useRekor || tsaUrl) return;
  throw new ConfigurationError(
    `keyless signing needs a transparency log or a timestamp authority, and the public Rekor is not used: ${decision.reason}`,
    {
      hint: "give a tsa-url (e.g. your organisation's TSA) or set `attest: { public-transparency-log: always }` in the policy if publishing is acceptable",
    },
  );
}

/**
 * The public-good Fulcio writes every certificate it issues to a public certificate transparency
 * log, and a GitHub certificate names the repository, workflow and commit: the same disclosure as the
 * public Rekor, so the same policy decides.
 */
export function assertPublicCertificateAllowed(policy: TransparencyLogPolicy, fulcioUrl: string, visibility: Visibility): void {
  if (!isPublicGoodFulcio(fulcioUrl)) return;
  if (policy === 'always' || (policy === 'auto' && visibility === 'public')) return;
  const why =
    policy === 'never'
      ? 'the policy says attest.public-transparency-log: never'
      : `the repository is ${visibility === 'unknown' ? 'of unknown visibility' : visibility}`;
  throw new ConfigurationError(
    `keyless signing with the public-good Fulcio would publish this repository's identity in its public certificate transparency log, and ${why}`,
    {
      hint: 'sign with a key (signer: key) or your own Sigstore instance (signing-config), or set `attest: { public-transparency-log: always }` if publishing is acceptable',
    },
  );
}
