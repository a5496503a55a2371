/**
 * Commit signatures, checked with git and the real tools against the policy's signers only:
 * OpenPGP through a policy-only GNUPGHOME, SSH through `gpg.ssh.allowedSignersFile`, X.509 with
 * openssl. A good signature also has to belong to the committer: the committer e-mail must be one the
 * signer may use, so a trusted key cannot vouch for a forged identity. Commits made by GitHub's web
 * flow are accepted only when GitHub's own verification data, fetched for that exact commit, says
 * valid and carries the same signature and payload.
 */
import { availableParallelism } from 'node:os';
import { mapLimit, type Logger } from '@secure-factory/core';
import { couldNotVerify, type GitHubClient } from './github-api.js';
import { gitRun, type CommitObject } from './git.js';
import type { Keyring } from './signers.js';
import { verifySshCommitSignature } from './ssh-signature.js';
import { isX509Signature, verifyX509Commit } from './x509.js';

export type SignatureFormat = 'openpgp' | 'ssh' | 'x509' | 'none';

export type SignatureStatus =
  'good' | 'unsigned' | 'bad' | 'untrusted' | 'expired-key' | 'expired-signature' | 'revoked-key' | 'email-mismatch' | 'cannot-check';

export interface CommitSignature {
  sha: string;
  subject: string;
  committerEmail: string;
  format: SignatureFormat;
  status: SignatureStatus;
  /** Who signed, as the policy names them. */
  signer?: string;
  key?: string;
  /** Whether the committer e-mail was bound to the signer (false when the signer has no e-mail). */
  emailBound?: boolean;
  webFlow?: boolean;
  message: string;
}

export function signatureFormat(signature: string | undefined): SignatureFormat {
  if (!signature) return 'none';
  if (signature.startsWith('-----BEGIN PGP SIGNATURE-----')) return 'openpgp';
  if (signature.startsWith('-----BEGIN SSH SIGNATURE-----')) return 'ssh';
  if (isX509Signature(signature)) return 'x509';
  return 'openpgp';
}

interface GitVerdict {
  status: string;
  key: string;
  fingerprint: string;
  primary: string;
  signer: string;
}

/** %G? and friends for many commits in one git call, verified with the policy-only keyring. */
async function gitVerdicts(repo: string, shas: readonly string[], keyring: Keyring): Promise<Map<string, GitVerdict>> {
  const out = new Map<string, GitVerdict>();
  const chunks: string[][] = [];
  for (let i = 0; i < shas.length; i += 100) chunks.push(shas.slice(i, i + 100));
  // Each signature costs one gpg / ssh-keygen process: spread the chunks over the machine's cores.
  await mapLimit(chunks, Math.max(1, Math.min(4, availableParallelism())), async (chunk) => {
    const r = await gitRun(repo, ['show', '-s', '--no-notes', '--format=%H%x00%G?%x00%GK%x00%GF%x00%GP%x00%GS%x1e', ...chunk], {
      env: { GNUPGHOME: keyring.gnupgHome },
      // The verifiers are pinned here so a repository's config cannot substitute its own.
      config: {
        'gpg.program': 'gpg',
        'gpg.ssh.program': 'ssh-keygen',
        'gpg.x509.program': 'gpgsm',
        'gpg.ssh.allowedSignersFile': keyring.allowedSignersFile,
        'gpg.ssh.revocationFile': '',
        'log.showSignature': 'false',
      },
    });
    for (const rec of r.stdout.split('\x1e')) {
      const [sha, status, key, fingerprint, primary, signer] = rec.replace(/^\n/, '').split('\0');
      if (sha && /^[0-9a-f]{40,64}$/.test(sha)) {
        out.set(sha, {
          status: status ?? 'N',
          key: key ?? '',
          fingerprint: (fingerprint ?? '').trim(),
          primary: (primary ?? '').trim(),
          signer: signer ?? '',
        });
      }
    }
  });
  return out;
}

const GPG_STATUS: Record<string, { status: SignatureStatus; text: string }> = {
  B: { status: 'bad', text: 'the signature does not match the commit (tampered or corrupt)' },
  X: { status: 'expired-signature', text: 'the signature has expired' },
  Y: { status: 'expired-key', text: 'the signing key has expired' },
  R: { status: 'revoked-key', text: 'the signing key has been revoked' },
  E: { status: 'untrusted', text: 'the signing key is not one of the policy signers' },
  N: { status: 'unsigned', text: 'the commit is not signed' },
};

export function isWebFlowCommit(c: CommitObject): boolean {
  return c.committerName === 'GitHub' && c.committerEmail.toLowerCase() === 'noreply@github.com';
}

function emailCheck(result: CommitSignature, allowed: readonly string[] | undefined, committerEmail: string): CommitSignature {
  if (allowed === undefined || allowed.length === 0) return { ...result, emailBound: false };
  if (allowed.includes(committerEmail.toLowerCase())) return { ...result, emailBound: true };
  return {
    ...result,
    status: 'email-mismatch',
    emailBound: false,
    message: `signed by ${result.signer ?? 'a policy signer'}, but the committer e-mail ${committerEmail} is not theirs (allowed: ${allowed.join(', ')})`,
  };
}

async function webFlow(c: CommitObject, base: CommitSignature, github: GitHubClient | undefined): Promise<CommitSignature> {
  const wf = { ...base, webFlow: true };
  if (!github) {
    return {
      ...wf,
      status: 'cannot-check',
      message: 'made by GitHub (web flow); could not verify it: no GitHub API access (give a token and the repository)',
    };
  }
  const r = await github.commitVerification(c.sha);
  if (!r.ok)
    return { ...wf, status: 'cannot-check', message: `made by GitHub (web flow); ${couldNotVerify('its signature', 'contents: read', r)}` };
  const v = r.value;
  const norm = (s: string | null | undefined): string => (s ?? '').replace(/\r\n/g, '\n').trim();
  if (!v.verified || v.reason !== 'valid') {
    return {
      ...wf,
      status: 'bad',
      message: `made by GitHub (web flow), but GitHub reports the signature as not verified (${v.reason || 'no reason'})`,
    };
  }
  // Not trusted blindly: the verified signature and payload must be the ones in our commit object.
  if (norm(v.signature) !== norm(c.signature) || norm(v.payload) !== norm(c.payload)) {
    return { ...wf, status: 'bad', message: 'made by GitHub (web flow), but the signature GitHub verified is not the one in this commit' };
  }
  return {
    ...wf,
    status: 'good',
    signer: 'GitHub web flow (verified by the GitHub API)',
    emailBound: true,
    message: 'signed by GitHub (web flow); GitHub verified the signature',
  };
}

/**
 * GitHub's merge of a pull request (refs/pull/N/merge, what actions/checkout builds on pull_request
 * events) is not signed. It is accepted only when recomputing the merge of its two parents gives
 * exactly its tree: then every line in it comes from the parents, which the range checks themselves.
 */
export async function isContentNeutralMerge(repo: string, c: CommitObject): Promise<boolean> {
  if (c.parents.length !== 2 || !c.tree) return false;
  const r = await gitRun(repo, ['merge-tree', '--write-tree', '--no-messages', c.parents[0] as string, c.parents[1] as string], {
    allowFailure: true,
  });
  return r.code === 0 && r.stdout.split('\n')[0]?.trim() === c.tree;
}

export async function verifySignatures(opts: {
  repo: string;
  commits: readonly CommitObject[];
  keyring: Keyring;
  github?: GitHubClient | undefined;
  logger: Logger;
}): Promise<CommitSignature[]> {
  const { keyring } = opts;
  // SSH signatures are checked in-process (no ssh-keygen per commit); the rest, and key types the
  // in-process check does not handle, go through git with the policy-only keyring.
  const inProcess = new Map<string, GitVerdict>();
  for (const c of opts.commits) {
    if (signatureFormat(c.signature) !== 'ssh' || c.signature === undefined) continue;
    const v = verifySshCommitSignature(c.signature, c.payload);
    if (v === undefined) continue;
    const signer = keyring.ssh.find((k) => k.fingerprint === v.fingerprint);
    // git's %G? for SSH: G good and allowed, U good but no allowed principal, B bad.
    const status = !v.valid ? 'B' : signer ? 'G' : 'U';
    inProcess.set(c.sha, { status, key: v.fingerprint, fingerprint: v.fingerprint, primary: '', signer: signer?.principal ?? '' });
  }
  const gitChecked = opts.commits.filter((c) => {
    const f = signatureFormat(c.signature);
    return (f === 'openpgp' || f === 'ssh') && !inProcess.has(c.sha);
  });
  const verdicts = await gitVerdicts(
    opts.repo,
    gitChecked.map((c) => c.sha),
    keyring,
  );
  for (const [sha, v] of inProcess) verdicts.set(sha, v);
  // X.509 checks, GitHub API look-ups and merge recomputation are per commit: run a few at a time.
  return mapLimit(opts.commits, 8, async (c): Promise<CommitSignature> => {
    const format = signatureFormat(c.signature);
    const base: CommitSignature = {
      sha: c.sha,
      subject: c.subject,
      committerEmail: c.committerEmail,
      format,
      status: 'unsigned',
      message: 'the commit is not signed',
    };
    let result: CommitSignature;
    if (format === 'none') result = base;
    else if (format === 'x509') {
      const x = await verifyX509Commit(c, keyring.x509, keyring.workDir);
      if (x.status === 'good') {
        const allowed = x.signer.email ? [x.signer.email] : x.identity.emails;
        result = emailCheck(
          { ...base, status: 'good', signer: x.signer.label, key: x.identity.subject, message: `X.509 signature by ${x.signer.label}` },
          allowed,
          c.committerEmail,
        );
      } else result = { ...base, status: x.status === 'identity-mismatch' ? 'untrusted' : x.status, message: x.message };
    } else {
      const v = verdicts.get(c.sha) ?? { status: 'E', key: '', fingerprint: '', primary: '', signer: '' };
      result = format === 'ssh' ? sshResult(base, v, keyring) : gpgResult(base, v, keyring);
      if (result.status === 'good') {
        const allowed =
          format === 'ssh'
            ? (keyring.ssh.find((s) => s.principal === v.signer)?.email ?? undefined)
            : keyring.gpg.find((g) => g.fingerprints.includes(v.fingerprint.toUpperCase()) || g.fingerprint === v.primary.toUpperCase())
                ?.emails;
        result = emailCheck(result, typeof allowed === 'string' ? [allowed] : allowed, c.committerEmail);
      }
    }
    if (result.status !== 'good' && format !== 'none' && isWebFlowCommit(c)) result = await webFlow(c, result, opts.github);
    if (format === 'none' && isWebFlowCommit(c) && (await isContentNeutralMerge(opts.repo, c))) {
      result = {
        ...base,
        status: 'good',
        webFlow: true,
        signer: 'GitHub test merge (content-neutral)',
        emailBound: true,
        message:
          "GitHub's unsigned merge of a pull request: its tree is exactly the merge of its parents (recomputed here), so it adds no content",
      };
    }
    if (result.status !== 'good') opts.logger.debug(`${c.sha.slice(0, 12)}: ${result.message}`);
    return result;
  });
}

function gpgResult(base: CommitSignature, v: GitVerdict, keyring: Keyring): CommitSignature {
  const key = v.primary || v.fingerprint || v.key;
  const withKey = { ...base, key };
  if (v.status === 'G' || v.status === 'U') {
    const fp = v.fingerprint.toUpperCase();
    const signer = keyring.gpg.find((g) => g.fingerprints.includes(fp) || g.fingerprint === v.primary.toUpperCase());
    // Only the policy's keys are in the keyring, but the fingerprint is checked against the policy anyway.
    if (!signer) return { ...withKey, status: 'untrusted', message: `signed by OpenPGP key ${key}, which is not a policy signer` };
    if (signer.revoked)
      return { ...withKey, status: 'revoked-key', message: `signed by ${signer.label}, whose key ${signer.fingerprint} is revoked` };
    return { ...withKey, status: 'good', signer: signer.label, message: `OpenPGP signature by ${signer.label}` };
  }
  const s = GPG_STATUS[v.status] ?? { status: 'cannot-check' as const, text: `git reported signature status "${v.status}"` };
  const who = keyring.gpg.find((g) => g.fingerprints.includes(v.fingerprint.toUpperCase()))?.label;
  return {
    ...withKey,
    status: s.status,
    ...(who ? { signer: who } : {}),
    message: `${s.text}${key ? ` (key ${key}${who ? `, ${who}` : ''})` : ''}`,
  };
}

function sshResult(base: CommitSignature, v: GitVerdict, keyring: Keyring): CommitSignature {
  const withKey = { ...base, key: v.fingerprint || v.key };
  if (v.status === 'G') {
    const signer = keyring.ssh.find((s) => s.principal === v.signer && s.fingerprint === v.fingerprint);
    if (!signer) return { ...withKey, status: 'untrusted', message: `signed by SSH key ${v.fingerprint}, which is not a policy signer` };
    return { ...withKey, status: 'good', signer: signer.label, message: `SSH signature by ${signer.label}` };
  }
  // For SSH, "U" is a good signature by a key that is not in the allowed signers file.
  if (v.status === 'U' || v.status === 'E') {
    return {
      ...withKey,
      status: 'untrusted',
      message: `signed by SSH key ${v.fingerprint || v.key || '(unknown)'}, which is not a policy signer`,
    };
  }
  const s = GPG_STATUS[v.status] ?? { status: 'cannot-check' as const, text: `git reported signature status "${v.status}"` };
  return { ...withKey, status: s.status, message: s.text };
}
